#include "gatewayalarmbook.h"

#include "wiretime.h"

#include <algorithm>

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

void fail(GatewayAlarmBook::Error *error, const QString &code, const QString &message)
{
    if (error)
        *error = {code, message};
}

} // namespace

GatewayAlarmBook::GatewayAlarmBook()
    : GatewayAlarmBook(Options())
{ }

GatewayAlarmBook::GatewayAlarmBook(const Options &options)
    : m_options(options)
{
    // Zero transitions would make every alarm chatter for ever.
    m_options.chatterTransitions = std::max(1, m_options.chatterTransitions);
}

PlantEvents GatewayAlarmBook::update(const PlantConditions &conditions, qint64 nowMs, const QDateTime &wallNow)
{
    QList<qsizetype> changed;
    for (const PlantCondition &condition : conditions) {
        qsizetype index = m_byCondition.value(condition.id, -1);
        if (index < 0) {
            if (!condition.active)
                continue; // an alarm exists from its condition's first activation on
            index = createAlarm(condition);
        }
        Alarm &alarm = m_alarms[index];
        bool fieldsChanged = false;
        // A normal condition's text describes no occurrence; the alarm keeps
        // the text of the one it last announced.
        if (condition.active) {
            fieldsChanged = alarm.severity != condition.severity || alarm.message != condition.message
                || alarm.sourceKind != condition.sourceKind || alarm.sourceId != condition.sourceId;
            alarm.severity = condition.severity;
            alarm.message = condition.message;
            alarm.sourceKind = condition.sourceKind;
            alarm.sourceId = condition.sourceId;
        }
        const bool transition = condition.active != alarm.conditionActive;
        if (transition)
            applyTransition(alarm, condition.active, nowMs, wallNow);
        if ((fieldsChanged || transition) && alarm.state != State::Shelved)
            changed.append(index);
    }
    for (qsizetype i = 0; i < m_alarms.size(); ++i) {
        if (refreshChattering(m_alarms[i], nowMs) && m_alarms.at(i).state != State::Shelved)
            changed.append(i);
    }
    return eventsFor(changed);
}

PlantEvents GatewayAlarmBook::acknowledge(const QString &alarmId, const QString &operatorName, const QString &note,
                                          qint64 nowMs, const QDateTime &wallNow, Error *error)
{
    Alarm *alarm = find(alarmId, error);
    if (!alarm)
        return {};
    switch (alarm->state) {
    case State::Shelved:
        fail(error, QStringLiteral("bad_request"),
             QStringLiteral("alarm %1 is shelved; unshelve it before acknowledging it").arg(alarmId));
        return {};
    case State::ActiveAcked:
    case State::Cleared:
        // Two operators acknowledging at once is normal, not a mistake.
        return {};
    case State::ActiveUnacked:
        alarm->state = State::ActiveAcked;
        break;
    case State::RtnUnacked:
        alarm->state = State::Cleared;
        break;
    }
    alarm->ackedBy = operatorName;
    alarm->ackedAt = wallNow;
    alarm->note = note;
    refreshChattering(*alarm, nowMs);
    return {event(*alarm)};
}

PlantEvents GatewayAlarmBook::shelve(const QString &alarmId, int minutes, const QString &reason,
                                     const QString &operatorName, qint64 nowMs, const QDateTime &wallNow, Error *error)
{
    Alarm *alarm = find(alarmId, error);
    if (!alarm)
        return {};
    if (minutes < 1 || minutes > m_options.maxShelveMinutes) {
        fail(error, QStringLiteral("out_of_range"),
             QStringLiteral("alarm %1 cannot be shelved for %2 minutes; shelve it for 1 to %3 minutes")
                 .arg(alarmId)
                 .arg(minutes)
                 .arg(m_options.maxShelveMinutes));
        return {};
    }
    // A shelved alarm is silenced for every console: who did it and why are
    // the record the next shift reads, so neither may be missing.
    if (reason.trimmed().isEmpty()) {
        fail(error, QStringLiteral("bad_request"),
             QStringLiteral("alarm %1 is not shelved: a shelving needs a reason, for the operators who find it "
                            "silenced")
                 .arg(alarmId));
        return {};
    }
    if (operatorName.trimmed().isEmpty()) {
        fail(error, QStringLiteral("bad_request"),
             QStringLiteral("alarm %1 is not shelved: a shelving needs the name of the operator who made it")
                 .arg(alarmId));
        return {};
    }
    // Shelving a shelved alarm again replaces its shelving: that is how an
    // operator extends or shortens it.
    alarm->state = State::Shelved;
    alarm->shelvedUntil = wallNow.addSecs(qint64(minutes) * 60);
    alarm->shelvedUntilMs = nowMs + qint64(minutes) * 60'000;
    alarm->shelvedBy = operatorName;
    alarm->shelveReason = reason.trimmed();
    refreshChattering(*alarm, nowMs);
    return {event(*alarm)};
}

PlantEvents GatewayAlarmBook::unshelve(const QString &alarmId, qint64 nowMs, Error *error)
{
    Alarm *alarm = find(alarmId, error);
    if (!alarm)
        return {};
    if (alarm->state != State::Shelved) {
        fail(error, QStringLiteral("bad_request"), QStringLiteral("alarm %1 is not shelved").arg(alarmId));
        return {};
    }
    endShelving(*alarm);
    refreshChattering(*alarm, nowMs);
    return {event(*alarm)};
}

GatewayAlarmBook::Error GatewayAlarmBook::checkOccurrence(const QString &alarmId, qint64 occurrence) const
{
    const qsizetype index = m_byId.value(alarmId, -1);
    if (index < 0)
        return {QStringLiteral("not_found"), QStringLiteral("there is no alarm with id \"%1\"").arg(alarmId)};
    const Alarm &alarm = m_alarms.at(index);
    // Another occurrence than the one acted on: a later activation, or (a
    // count below it) an alarm that reused the id after the book was lost.
    if (occurrence != alarm.count) {
        return {QStringLiteral("occurrence_changed"),
                QStringLiteral("alarm %1 is at occurrence %2, the action was for occurrence %3; "
                               "the new occurrence needs its own action")
                    .arg(alarmId)
                    .arg(alarm.count)
                    .arg(occurrence)};
    }
    return {};
}

PlantEvents GatewayAlarmBook::expireShelving(qint64 nowMs)
{
    QList<qsizetype> changed;
    for (qsizetype i = 0; i < m_alarms.size(); ++i) {
        Alarm &alarm = m_alarms[i];
        const bool expired = alarm.state == State::Shelved && nowMs >= alarm.shelvedUntilMs;
        if (expired)
            endShelving(alarm);
        if ((refreshChattering(alarm, nowMs) && alarm.state != State::Shelved) || expired)
            changed.append(i);
    }
    return eventsFor(changed);
}

QJsonArray GatewayAlarmBook::snapshot() const
{
    QJsonArray items;
    for (const Alarm &alarm : m_alarms) {
        if (alarm.state != State::Cleared)
            items.append(toJson(alarm));
    }
    return items;
}

QJsonObject GatewayAlarmBook::alarmJson(const QString &alarmId) const
{
    const qsizetype index = m_byId.value(alarmId, -1);
    return index < 0 ? QJsonObject() : toJson(m_alarms.at(index));
}

QString GatewayAlarmBook::alarmIdForCondition(const QString &conditionId) const
{
    const qsizetype index = m_byCondition.value(conditionId, -1);
    return index < 0 ? QString() : m_alarms.at(index).id;
}

qsizetype GatewayAlarmBook::createAlarm(const PlantCondition &condition)
{
    Alarm alarm;
    alarm.id = QStringLiteral("A-%1").arg(m_alarms.size() + 1, 6, 10, QLatin1Char('0'));
    alarm.severity = condition.severity;
    alarm.message = condition.message;
    alarm.sourceKind = condition.sourceKind;
    alarm.sourceId = condition.sourceId;
    const qsizetype index = m_alarms.size();
    m_byCondition.insert(condition.id, index);
    m_byId.insert(alarm.id, index);
    m_alarms.append(alarm);
    return index;
}

void GatewayAlarmBook::applyTransition(Alarm &alarm, bool active, qint64 nowMs, const QDateTime &wallNow) const
{
    alarm.conditionActive = active;
    alarm.recentTransitions.append(nowMs);
    if (alarm.recentTransitions.size() > m_options.chatterTransitions)
        alarm.recentTransitions.removeFirst();

    if (!active) {
        if (alarm.state == State::ActiveUnacked)
            alarm.state = State::RtnUnacked;
        else if (alarm.state == State::ActiveAcked)
            alarm.state = State::Cleared;
        return;
    }
    ++alarm.count;
    alarm.activatedAt = wallNow;
    // A new occurrence needs its own acknowledgement.
    alarm.ackedBy.clear();
    alarm.ackedAt = {};
    alarm.note.clear();
    if (alarm.state != State::Shelved)
        alarm.state = State::ActiveUnacked;
}

void GatewayAlarmBook::endShelving(Alarm &alarm)
{
    if (alarm.conditionActive) {
        // Nobody watched it while shelved, so it is announced afresh.
        alarm.state = State::ActiveUnacked;
        alarm.ackedBy.clear();
        alarm.ackedAt = {};
        alarm.note.clear();
    } else {
        alarm.state = State::Cleared;
    }
    alarm.shelvedUntil = {};
    alarm.shelvedUntilMs = 0;
    alarm.shelvedBy.clear();
    alarm.shelveReason.clear();
}

bool GatewayAlarmBook::refreshChattering(Alarm &alarm, qint64 nowMs) const
{
    // The window holds enough transitions exactly when the oldest of the last
    // chatterTransitions ones is still inside it, so only those are kept.
    const bool chattering = alarm.recentTransitions.size() >= m_options.chatterTransitions
        && nowMs - alarm.recentTransitions.first() < m_options.chatterWindowMs;
    if (chattering == alarm.chattering)
        return false;
    alarm.chattering = chattering;
    return true;
}

GatewayAlarmBook::Alarm *GatewayAlarmBook::find(const QString &alarmId, Error *error)
{
    const qsizetype index = m_byId.value(alarmId, -1);
    if (index < 0) {
        fail(error, QStringLiteral("not_found"), QStringLiteral("there is no alarm with id \"%1\"").arg(alarmId));
        return nullptr;
    }
    if (error)
        *error = {};
    return &m_alarms[index];
}

PlantEvents GatewayAlarmBook::eventsFor(QList<qsizetype> indexes) const
{
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    PlantEvents events;
    events.reserve(indexes.size());
    for (qsizetype index : std::as_const(indexes))
        events.append(event(m_alarms.at(index)));
    return events;
}

PlantEvent GatewayAlarmBook::event(const Alarm &alarm)
{
    return {QStringLiteral("alarms"), QString(), toJson(alarm)};
}

QJsonObject GatewayAlarmBook::toJson(const Alarm &alarm)
{
    return {
        {QLatin1StringView("type"), QStringLiteral("alarm")},
        {QLatin1StringView("alarmId"), alarm.id},
        {QLatin1StringView("severity"), alarm.severity},
        {QLatin1StringView("message"), alarm.message},
        {QLatin1StringView("source"),
         QJsonObject {{QLatin1StringView("kind"), alarm.sourceKind}, {QLatin1StringView("id"), alarm.sourceId}}},
        {QLatin1StringView("state"), stateName(alarm.state)},
        {QLatin1StringView("timestamp"), wireTimestampOrNull(alarm.activatedAt)},
        {QLatin1StringView("ackedBy"), textOrNull(alarm.ackedBy)},
        {QLatin1StringView("ackedAt"), wireTimestampOrNull(alarm.ackedAt)},
        {QLatin1StringView("note"), textOrNull(alarm.note)},
        {QLatin1StringView("shelvedUntil"), wireTimestampOrNull(alarm.shelvedUntil)},
        {QLatin1StringView("shelvedBy"), textOrNull(alarm.shelvedBy)},
        {QLatin1StringView("shelveReason"), textOrNull(alarm.shelveReason)},
        {QLatin1StringView("count"), alarm.count},
        {QLatin1StringView("chattering"), alarm.chattering},
    };
}

QString GatewayAlarmBook::stateName(State state)
{
    switch (state) {
    case State::ActiveUnacked:
        return QStringLiteral("active_unacked");
    case State::ActiveAcked:
        return QStringLiteral("active_acked");
    case State::RtnUnacked:
        return QStringLiteral("rtn_unacked");
    case State::Cleared:
        return QStringLiteral("cleared");
    case State::Shelved:
        return QStringLiteral("shelved");
    }
    return {};
}
