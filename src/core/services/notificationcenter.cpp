// Longer than the project's 500 lines: the center follows five sources
// (alarms, system alerts, commands, the link, maintenance) into one list
// with one unread count and one acknowledgement path, and keeps it in the
// store; each source's rule is short, and they share the list's bookkeeping.
#include "notificationcenter.h"

#include "alarmactions.h"
#include "linkstatus.h"

#include "store/storeworker.h"

#include "domain/endpointfact.h"
#include "model/alarmmodel.h"
#include "session.h"
#include "store/localstore.h"

#include <QLoggingCategory>
#include <QSet>
#include <QUuid>

#include <algorithm>

using Domain::AlarmSeverity;
using Domain::AlarmSourceKind;
using Domain::AlarmState;
using Item = NotificationModel::Item;
using Kind = NotificationModel::Kind;

using Domain::valueOf;
using Domain::wordOf;

// The store's category: whoever reads the log for the database finds it here.
Q_LOGGING_CATEGORY(lcNotificationLog, "watchfloor.store")

namespace {

// The history keeps the protocol's words, so it reads the same whatever the
// enums become.
constexpr auto kKinds = std::to_array<std::pair<Kind, QStringView>>({
    {Kind::Alarm, u"alarm"},
    {Kind::System, u"system"},
    {Kind::Connection, u"connection"},
    {Kind::Command, u"command"},
});

NotificationLog::Notification stored(const Item &item)
{
    NotificationLog::Notification n;
    n.id = item.id;
    n.kind = wordOf(kKinds, item.kind);
    n.severity = wordOf(Domain::kAlarmSeverities, item.severity);
    n.title = item.title;
    n.message = item.message;
    if (item.sourceKind)
        n.sourceKind = wordOf(Domain::kAlarmSourceKinds, *item.sourceKind);
    n.sourceId = item.sourceId;
    n.time = item.time;
    n.read = item.read;
    if (item.kind == Kind::Alarm && item.alarmState) {
        n.alarm = {
            {QLatin1StringView("state"), wordOf(Domain::kAlarmStates, *item.alarmState)},
            {QLatin1StringView("count"), item.count},
            {QLatin1StringView("ackedBy"), item.ackedBy},
            {QLatin1StringView("ackedAt"),
             item.ackedAt.isValid() ? item.ackedAt.toString(Qt::ISODateWithMs) : QString()},
            {QLatin1StringView("note"), item.note},
        };
        if (item.noLongerReported)
            n.alarm.insert(QLatin1StringView("noLongerReported"), true);
        if (item.activatedAgain)
            n.alarm.insert(QLatin1StringView("activatedAgain"), true);
    } else if (item.kind == Kind::System && item.count > 1) {
        n.alarm = {{QLatin1StringView("count"), item.count}}; // a merged notice's repeats
    }
    return n;
}

// Rows a newer version wrote in words this one does not know are skipped.
std::optional<Item> fromStored(const NotificationLog::Notification &n)
{
    const std::optional<Kind> kind = valueOf(kKinds, n.kind);
    const std::optional<AlarmSeverity> severity = valueOf(Domain::kAlarmSeverities, n.severity);
    if (!kind || !severity || n.id.isEmpty())
        return std::nullopt;
    Item item;
    item.id = n.id;
    item.kind = *kind;
    item.severity = *severity;
    item.title = n.title;
    item.message = n.message;
    item.sourceKind = valueOf(Domain::kAlarmSourceKinds, n.sourceKind);
    item.sourceId = n.sourceId;
    item.time = n.time.toUTC();
    item.read = n.read;
    item.earlierSession = true;
    if (item.kind == Kind::System)
        item.count = std::max<qint64>(1, n.alarm.value(QLatin1StringView("count")).toInteger());
    if (item.kind == Kind::Alarm) {
        // "alarm:<alarmId>:<activation>"; the alarm id may hold colons itself.
        const qsizetype last = n.id.lastIndexOf(u':');
        if (n.id.startsWith(u"alarm:") && last > 6)
            item.alarmId = n.id.mid(6, last - 6);
        // As last reported: one still waiting says so after a restart, even
        // from a server that sends no snapshot to say it again.
        item.alarmState = valueOf(Domain::kAlarmStates, n.alarm.value(QLatin1StringView("state")).toString());
        item.count = std::max<qint64>(1, n.alarm.value(QLatin1StringView("count")).toInteger());
        item.ackedBy = n.alarm.value(QLatin1StringView("ackedBy")).toString();
        item.ackedAt = QDateTime::fromString(n.alarm.value(QLatin1StringView("ackedAt")).toString(), Qt::ISODateWithMs);
        item.note = n.alarm.value(QLatin1StringView("note")).toString();
        item.noLongerReported
            = item.alarmState == AlarmState::Cleared && n.alarm.value(QLatin1StringView("noLongerReported")).toBool();
        item.activatedAgain = n.alarm.value(QLatin1StringView("activatedAgain")).toBool();
    }
    return item;
}

AlarmSeverity severityOf(Domain::SystemAlertLevel level)
{
    switch (level) {
    case Domain::SystemAlertLevel::Error:
        return AlarmSeverity::High;
    case Domain::SystemAlertLevel::Warning:
        return AlarmSeverity::Medium;
    case Domain::SystemAlertLevel::Info:
        break;
    }
    return AlarmSeverity::Info;
}

} // namespace

NotificationCenter::NotificationCenter(Session *session, StoreWorker *store, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_store(store)
{
    connect(&m_model, &NotificationModel::unreadCountChanged, this, &NotificationCenter::unreadCountChanged);
    connect(session->alarms(), &AlarmModel::alarmsChanged, this, &NotificationCenter::onAlarmsChanged);
    const auto waitingMoved = [this] {
        const int count = unacknowledgedCount();
        const auto most = mostUrgentUnacknowledged();
        if (count == m_lastUnacknowledged && most == m_lastMostUrgent)
            return;
        m_lastUnacknowledged = count;
        m_lastMostUrgent = most;
        Q_EMIT unacknowledgedChanged(count);
    };
    connect(session->alarms(), &AlarmModel::alarmsChanged, this, waitingMoved);
    connect(session->alarms(), &QAbstractItemModel::modelReset, this, waitingMoved);
    connect(session->alarms(), &QAbstractItemModel::rowsRemoved, this, waitingMoved);
    connect(session, &Session::systemAlertReceived, this, &NotificationCenter::onSystemAlert);
    connect(session->link(), &LinkStatus::stateChanged, this, &NotificationCenter::onConnectionState);
    // The alarm actions follow the session's current alarm service, which
    // opening the store replaces.
    AlarmActions *actions = session->alarmActions();
    connect(actions, &AlarmActions::actionRefused, this, &NotificationCenter::onActionRefused);
    connect(actions, &AlarmActions::pendingChanged, this, &NotificationCenter::waitingActionCountChanged);
    connect(session, &Session::liveDataArrived, this, &NotificationCenter::settleEarlierAlarms);
    m_wasLive = session->link()->isLive();
    loadHistory();
    m_attention = unacknowledgedHighCount() > 0;
}

int NotificationCenter::unacknowledgedCount() const
{
    return m_session->alarms()->unacknowledgedCount();
}

std::optional<AlarmSeverity> NotificationCenter::mostUrgentUnacknowledged() const
{
    return m_session->alarms()->mostUrgentUnacknowledged();
}

int NotificationCenter::unacknowledgedHighCount() const
{
    return m_session->alarms()->unacknowledgedAtLeast(AlarmSeverity::High);
}

bool NotificationCenter::markRead(const QString &notificationId)
{
    if (!m_model.setRead(notificationId))
        return false;
    storeWrite([notificationId](LocalStore &store) { return store.notificationLog().markRead(notificationId); });
    return true;
}

int NotificationCenter::markAllRead()
{
    const int changed = m_model.markAllRead();
    if (changed > 0)
        storeWrite([](LocalStore &store) { return store.notificationLog().markAllRead(); });
    return changed;
}

bool NotificationCenter::acknowledge(const QString &notificationId, const QString &note)
{
    const Item *item = m_model.item(notificationId);
    if (!item) {
        m_lastError = tr("The notification %1 is no longer listed.").arg(notificationId);
        return false;
    }
    if (!NotificationModel::needsAck(*item)) {
        m_lastError
            = tr("Nothing to acknowledge: “%1” is not an alarm waiting for an acknowledgement.").arg(item->title);
        return false;
    }
    // The acknowledgement is for the occurrence this notification announced.
    m_session->alarmActions()->acknowledge(item->alarmId, note, item->count);
    markRead(notificationId);
    return true;
}

int NotificationCenter::acknowledgeAll(const QStringList &notificationIds, const QString &note)
{
    int sent = 0;
    QString firstError;
    for (const QString &id : notificationIds) {
        if (acknowledge(id, note))
            ++sent;
        else if (firstError.isEmpty())
            firstError = m_lastError;
    }
    m_lastError = firstError;
    return sent;
}

void NotificationCenter::clearHistory()
{
    QList<Item> keep;
    m_model.retain([&keep](const Item &i) {
        const bool needed = NotificationModel::needsAck(i);
        if (needed)
            keep.append(i);
        return needed;
    });
    for (auto it = m_currentByAlarm.begin(); it != m_currentByAlarm.end();) {
        if (m_model.contains(it.value()))
            ++it;
        else
            it = m_currentByAlarm.erase(it);
    }
    QList<NotificationLog::Notification> kept;
    for (const Item &item : std::as_const(keep))
        kept.append(stored(item));
    storeWrite(
        [kept](LocalStore &store) {
            bool ok = store.notificationLog().clear();
            for (const NotificationLog::Notification &n : kept)
                ok = store.notificationLog().append(n) && ok;
            return ok;
        },
        [this](const QString &error) { Q_EMIT historyCleared(error); });
}

void NotificationCenter::setMaximumListed(int count)
{
    m_maximumListed = std::max(1, count);
    m_pruneAgainAt = 0;
    prune();
}

void NotificationCenter::loadHistory()
{
    if (!m_store)
        return;
    // Read once before the window shows, so that the list is complete before
    // the first alarm arrives; from then on the database is only written.
    struct Stored
    {
        bool open = false;
        std::optional<QList<NotificationLog::Notification>> history;
        QString error;
        QString movedAsidePath;
    };
    const Stored loaded = m_store->callAndWait<Stored>([](LocalStore &store) {
        Stored answer;
        answer.open = store.isOpen();
        if (answer.open) {
            answer.history = store.notificationLog().newest(kHistoryLoad);
            answer.error = store.lastError();
            answer.movedAsidePath = store.movedAsidePath();
        }
        return answer;
    });
    if (!loaded.open)
        return;
    const auto &history = loaded.history;
    if (!history) {
        storeFailure(loaded.error);
    } else {
        QList<Item> items;
        items.reserve(history->size());
        for (const NotificationLog::Notification &n : *history) {
            if (std::optional<Item> item = fromStored(n))
                items.append(*item);
        }
        m_model.appendOlder(items);
    }
    if (!loaded.movedAsidePath.isEmpty()) {
        // Whatever waited in the damaged file is gone: the operator must know
        // that an acknowledgement made earlier may never have reached the server.
        Item item;
        item.id = QStringLiteral("store-damaged:") + loaded.movedAsidePath;
        item.kind = Kind::System;
        item.severity = AlarmSeverity::High;
        item.time = QDateTime::currentDateTimeUtc();
        item.title = tr("The local database was damaged and replaced");
        item.message = tr("Acknowledgements and shelvings that were waiting in it for the server are lost, and so is "
                          "the notification history. Check the alarm list: an alarm you acknowledged while the link "
                          "was down may still need it. The damaged file was kept as %1.")
                           .arg(loaded.movedAsidePath);
        post(item, false);
    }
}

QString NotificationCenter::activationId(const Domain::Alarm &alarm)
{
    const qint64 activation = alarm.timestamp.isValid() ? alarm.timestamp.toMSecsSinceEpoch() : alarm.count;
    return QStringLiteral("alarm:%1:%2").arg(alarm.alarmId).arg(activation);
}

void NotificationCenter::copyAlarmState(Item &item, const Domain::Alarm &alarm)
{
    item.severity = alarm.severity;
    item.title = alarm.message;
    item.alarmId = alarm.alarmId;
    item.alarmState = alarm.state;
    item.ackedBy = alarm.ackedBy.value_or(QString());
    item.ackedAt = alarm.ackedAt.value_or(QDateTime());
    item.note = alarm.note.value_or(QString());
    item.count = alarm.count;
    if (alarm.source) {
        item.sourceKind = alarm.source->kind;
        item.sourceId = alarm.source->id;
    }
}

void NotificationCenter::onAlarmsChanged(const QList<Domain::Alarm> &changed)
{
    const bool inSnapshot = m_session->isApplyingSnapshot();
    for (const Domain::Alarm &alarm : changed) {
        const QString newId = activationId(alarm);
        const Item *existing = m_model.item(m_currentByAlarm.value(alarm.alarmId));
        if (!existing)
            existing = m_model.item(newId); // listed in the history of an earlier run
        const bool waiting = AlarmModel::isUnacknowledged(alarm.state);
        // A chattering alarm, or one still waiting, stays on its notification;
        // one that was dealt with and comes back is news again.
        // A server that reuses an id for a new alarm (restarted, or with no
        // activation count) announces a new occurrence, even while the
        // earlier one under that id still waited.
        const bool reused = existing && existing->id != newId && m_session->alarms()->wasReplaced(alarm.alarmId);
        const bool startsNew = waiting
            && (!existing || reused
                || (!NotificationModel::needsAck(*existing) && !alarm.chattering && existing->id != newId
                    && alarm.state == AlarmState::ActiveUnacked));
        if (reused && existing->alarmState != AlarmState::Cleared) {
            // The server no longer holds the earlier occurrence: it waits for
            // nothing now (an acknowledgement from it would reach the new
            // one), and it is no longer "still active" either.
            Item earlier = *existing;
            earlier.alarmState = AlarmState::Cleared;
            earlier.noLongerReported = true;
            update(earlier, true);
        } else if (startsNew && existing && existing->alarmState != AlarmState::Cleared) {
            // Dealt with and active again: the earlier occurrence is over. Its
            // notification no longer says "still active" or "shelved" beside
            // the new one that waits.
            Item earlier = *existing;
            earlier.activatedAgain = true;
            update(earlier, true);
        }
        if (startsNew) {
            Item item;
            item.id = newId;
            item.kind = Kind::Alarm;
            item.time = alarm.timestamp.isValid() ? alarm.timestamp.toUTC() : QDateTime::currentDateTimeUtc();
            item.fromSnapshot = inSnapshot;
            copyAlarmState(item, alarm);
            m_currentByAlarm.insert(alarm.alarmId, item.id);
            post(item, !inSnapshot);
            // News from a resync: counted for its one announcement. The
            // first connection's alarms are the state found, not news.
            if (inSnapshot && m_wasLive) {
                if (m_resyncArrivals == 0
                    || Domain::severityRank(alarm.severity) < Domain::severityRank(m_resyncMostUrgent)) {
                    m_resyncMostUrgent = alarm.severity;
                    m_resyncMostUrgentTitle = item.title;
                }
                ++m_resyncArrivals;
            }
        } else if (existing) {
            Item item = *existing;
            // Gone from the server's list is not cleared: it is said apart.
            const bool unreported
                = alarm.state == AlarmState::Cleared && m_session->alarms()->noLongerReported(alarm.alarmId);
            const bool stateChanged
                = item.alarmState != alarm.state || item.count != alarm.count || item.noLongerReported != unreported;
            copyAlarmState(item, alarm);
            item.noLongerReported = unreported;
            m_currentByAlarm.insert(alarm.alarmId, item.id);
            update(item, stateChanged);
        }
        if (alarm.state == AlarmState::Cleared)
            m_currentByAlarm.remove(alarm.alarmId);
    }
    checkAttention();
    // A resync's snapshots come before the link is live again; a refresh's
    // come while it is.
    if (m_session->link()->isLive())
        announceResyncArrivals();
}

void NotificationCenter::announceResyncArrivals()
{
    if (m_resyncArrivals == 0)
        return;
    Item item;
    item.id = QStringLiteral("resync:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = Kind::Connection;
    // At the priority of the most urgent, so it is toasted as that one would
    // be; never at Info, which reads as good news for the link.
    item.severity = m_resyncMostUrgent == AlarmSeverity::Info ? AlarmSeverity::Low : m_resyncMostUrgent;
    item.title = tr("%n alarm(s) arrived in the resync", nullptr, m_resyncArrivals);
    item.message = tr("Raised while this console was not receiving updates; the most urgent: “%1”. Each one is in "
                      "the notification center and the Alarms view.")
                       .arg(m_resyncMostUrgentTitle);
    item.sourceKind = AlarmSourceKind::System;
    item.time = QDateTime::currentDateTimeUtc();
    m_resyncArrivals = 0;
    m_resyncMostUrgentTitle.clear();
    post(item, true);
}

void NotificationCenter::onSystemAlert(const Domain::SystemAlert &alert)
{
    const QDateTime time = alert.timestamp.isValid() ? alert.timestamp.toUTC() : QDateTime::currentDateTimeUtc();
    const AlarmSeverity severity = severityOf(alert.level);
    // An identical repeat (same level, same words) raises the count of the
    // notice still listed, and is news again: unread, announced, stamped last.
    const QString key = QString::number(int(severity)) + u':' + alert.message;
    if (const Item *listed = m_model.item(m_noticeByText.value(key))) {
        Item item = *listed;
        ++item.count;
        item.time = std::max(item.time, time);
        item.read = false;
        post(item, true);
        return;
    }
    Item item;
    item.id = QStringLiteral("system:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = Kind::System;
    item.severity = severity;
    item.title = alert.message;
    item.sourceKind = AlarmSourceKind::System;
    item.time = time;
    m_noticeByText.insert(key, item.id);
    post(item, true);
}

void NotificationCenter::onConnectionState(Domain::LinkState state)
{
    using State = Domain::LinkState;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_session->link()->isLive()) {
        if (m_wasLive && m_lostAt.isValid()) {
            Item item;
            item.id = QStringLiteral("connection:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
            item.kind = Kind::Connection;
            item.severity = AlarmSeverity::Info;
            item.title = tr("Link to the server restored");
            item.message = tr("The data on screen was not live for %n second(s).", nullptr,
                              int(std::max<qint64>(1, m_lostAt.secsTo(now))));
            item.sourceKind = AlarmSourceKind::System;
            item.time = now;
            post(item, true);
        }
        m_lostAt = {};
        m_wasLive = true;
        announceResyncArrivals();
        return;
    }
    // Pausing or stopping is the operator's own doing, not news.
    if (!m_wasLive || m_lostAt.isValid() || state == State::Paused || state == State::Disconnected)
        return;
    m_lostAt = now;
    const LinkStatus *connection = m_session->link();
    Item item;
    item.id = QStringLiteral("connection:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = Kind::Connection;
    item.severity = state == State::Failed ? AlarmSeverity::High : AlarmSeverity::Medium;
    item.title = tr("Link to the server lost");
    item.message = !connection->failureReason().isEmpty() ? connection->failureReason() : connection->lastError();
    item.sourceKind = AlarmSourceKind::System;
    item.time = now;
    post(item, true);
}

void NotificationCenter::setCommandService(CommandService *service)
{
    connect(service, &CommandService::commandFinished, this, &NotificationCenter::onCommandFinished);
    connect(service, &CommandService::overtaken, this, &NotificationCenter::onCommandOvertaken);
}

QString NotificationCenter::valueText(const QString &endpointId, const Domain::EndpointValue &value) const
{
    const std::optional<Domain::Endpoint> endpoint = m_session->tiles()->endpoint(endpointId);
    return (endpoint ? EndpointFact(*endpoint, value) : EndpointFact(value)).displayText();
}

QString NotificationCenter::endpointTitle(const QString &endpointId) const
{
    return m_session->tiles()->endpointPath(endpointId);
}

void NotificationCenter::onCommandFinished(const CommandService::Command &command)
{
    Item item;
    // A late final status corrects the timeout's notification in place.
    item.id = QStringLiteral("command:") + command.commandId;
    item.kind = Kind::Command;
    item.sourceKind = AlarmSourceKind::Endpoint;
    item.sourceId = command.endpointId;
    item.time = QDateTime::currentDateTimeUtc();
    const QString what = endpointTitle(command.endpointId);
    if (command.status == Domain::CommandState::Succeeded) {
        item.severity = AlarmSeverity::Info;
        item.title = tr("%1: %2\u00A0\u2192\u00A0%3 done")
                         .arg(what, valueText(command.endpointId, command.before),
                              valueText(command.endpointId, command.requestedValue));
        if (command.late)
            item.message = tr("The device reported success after this console had stopped waiting.");
        item.read = true; // the operator asked for it and sees it on the control
    } else {
        item.severity = AlarmSeverity::High;
        item.title = tr("%1: %2\u00A0\u2192\u00A0%3 not done: %4")
                         .arg(what, valueText(command.endpointId, command.before),
                              valueText(command.endpointId, command.requestedValue),
                              CommandService::stateName(command.status));
        item.message = command.error;
    }
    post(item, true);
}

void NotificationCenter::onCommandOvertaken(const CommandService::Command &command, const QString &byOperator,
                                            const Domain::EndpointValue &serverValue)
{
    Item item;
    item.id = QStringLiteral("overtaken:") + command.commandId;
    if (m_model.contains(item.id))
        return; // once per command
    item.kind = Kind::Command;
    item.severity = AlarmSeverity::Medium;
    item.sourceKind = AlarmSourceKind::Endpoint;
    item.sourceId = command.endpointId;
    item.time = QDateTime::currentDateTimeUtc();
    const QString what = endpointTitle(command.endpointId);
    item.title = byOperator.isEmpty()
        ? tr("%1 changed to %2 while your command was pending").arg(what, valueText(command.endpointId, serverValue))
        : tr("%1: %2 sent a command while yours was pending").arg(what, byOperator);
    item.message = tr("The server's value is shown; check it before acting again.");
    post(item, true);
}

void NotificationCenter::settleEarlierAlarms()
{
    // A server that sends snapshots has just said which alarms are in play: a
    // notification from an earlier run whose alarm is not among them no longer waits.
    if (!m_session->link()->deliversSnapshots())
        return;
    QList<Item> settled;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const Item &i = m_model.itemAt(row);
        if (i.earlierSession && NotificationModel::needsAck(i) && !m_session->alarms()->alarm(i.alarmId))
            settled.append(i);
    }
    for (Item item : std::as_const(settled)) {
        item.alarmState = AlarmState::Cleared;
        item.noLongerReported = true;
        update(item, true);
    }
    if (!settled.isEmpty())
        checkAttention();
}

int NotificationCenter::waitingActionCount() const
{
    return m_session->alarmActions()->pendingCount();
}

void NotificationCenter::onActionRefused(const QString &alarmId, Domain::AlarmAction::Kind kind, const QString &code,
                                         const QString &message)
{
    Item item;
    item.id = QStringLiteral("refused:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The outcome of the operator's own action, as for a command: always toasted.
    item.kind = Kind::Command;
    item.severity = AlarmSeverity::High;
    item.sourceId = alarmId;
    item.time = QDateTime::currentDateTimeUtc();
    const QString action = AlarmActions::actionName(kind);
    const auto alarm = m_session->alarms()->alarm(alarmId);
    const QString what = alarm ? alarm->message : alarmId;
    if (code == u"occurrence_changed") {
        item.title = tr("%1 of “%2” not applied: the alarm came back").arg(action, what);
        item.message = tr("The alarm has activated again since you acted; the new occurrence must be "
                          "acknowledged again. (%1)")
                           .arg(message);
    } else if (code == u"expired") {
        item.title = tr("%1 of “%2” not sent: it waited too long").arg(action, what);
        item.message = tr("Look at the alarm as it is now and act again if it still needs it. (%1)").arg(message);
    } else {
        item.title = tr("%1 of “%2” refused").arg(action, what);
        item.message = tr("The action was not carried out and will not be retried: %1 (%2)").arg(message, code);
    }
    post(item, true);
}

void NotificationCenter::post(Item item, bool live)
{
    m_model.upsert(item);
    save(item);
    prune();
    if (live)
        Q_EMIT notificationPosted(item);
}

void NotificationCenter::prune()
{
    const int excess = m_model.rowCount() - m_maximumListed;
    // While everything listed waits for an acknowledgement nothing can go:
    // look again only after another tenth has come, not on every post.
    if (excess <= 0 || m_model.rowCount() < m_pruneAgainAt)
        return;
    // Drop the oldest that need nothing, a tenth at a time so this is rare.
    int toDrop = std::max(excess, m_maximumListed / 10);
    QList<std::pair<QDateTime, QString>> candidates;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const Item &i = m_model.itemAt(row);
        if (i.read && !NotificationModel::needsAck(i))
            candidates.append({i.time, i.id});
    }
    std::sort(candidates.begin(), candidates.end());
    QSet<QString> drop;
    for (const auto &[time, id] : std::as_const(candidates)) {
        if (toDrop-- <= 0)
            break;
        drop.insert(id);
    }
    if (!drop.isEmpty())
        m_model.retain([&drop](const Item &i) { return !drop.contains(i.id); });
    m_pruneAgainAt = m_model.rowCount() > m_maximumListed ? m_model.rowCount() + std::max(1, m_maximumListed / 10) : 0;
}

void NotificationCenter::checkAttention()
{
    const bool needed = unacknowledgedHighCount() > 0;
    if (needed == m_attention)
        return;
    m_attention = needed;
    Q_EMIT attentionChanged(needed);
}

void NotificationCenter::update(const Item &item, bool persist)
{
    m_model.upsert(item);
    if (persist)
        save(item);
    Q_EMIT notificationChanged(item);
}

void NotificationCenter::save(const Item &item)
{
    // Added if new, changed if known: an earlier run may have stored it.
    storeWrite([n = stored(item)](LocalStore &store) {
        return store.notificationLog().append(n) && store.notificationLog().update(n);
    });
}

void NotificationCenter::storeWrite(std::function<bool(LocalStore &)> write, std::function<void(QString)> then)
{
    // A database that did not open keeps nothing and says so elsewhere (the
    // alarm service's banner); one that fails while open is reported here.
    if (!m_store) {
        if (then)
            then({});
        return;
    }
    m_store->write([write = std::move(write)](LocalStore &store) { return !store.isOpen() || write(store); }, this,
                   [this, then = std::move(then)](const QString &error) {
                       if (!error.isEmpty())
                           storeFailure(error);
                       if (then)
                           then(error);
                   });
}

void NotificationCenter::storeFailure(const QString &what)
{
    // Once per distinct failure: a full disk must not flood the log. The
    // cause is what counts, not which notification met it.
    const qsizetype cause = what.indexOf(u" failed: ");
    const QString key = cause < 0 ? what : what.mid(cause);
    if (key == m_lastStoreError)
        return;
    m_lastStoreError = key;
    m_lastError = what;
    qCWarning(lcNotificationLog).noquote()
        << "The notification history cannot be written; notifications are still shown:" << what;
    Q_EMIT storeFailed(what);
}
