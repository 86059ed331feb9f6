#include "alarmmodel.h"

#include "displaytext.h"

#include <QRegularExpression>
#include <QSet>

using Domain::Alarm;
using Domain::AlarmSeverity;
using Domain::AlarmState;

namespace {

static_assert(int(AlarmSeverity::Unknown) == 5, "m_counts holds six severities");
static_assert(int(AlarmState::Shelved) == 4, "m_counts holds five states");

template<typename T> QVariant optionalVariant(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

// What a server sent, cut to what a screen can show: see DisplayText.
Alarm forDisplay(Alarm a)
{
    constexpr qsizetype kNameChars = 200;
    a.message = DisplayText::cut(a.message);
    if (a.note)
        a.note = DisplayText::cut(*a.note);
    if (a.shelveReason)
        a.shelveReason = DisplayText::cut(*a.shelveReason);
    if (a.ackedBy)
        a.ackedBy = DisplayText::cut(*a.ackedBy, kNameChars);
    if (a.shelvedBy)
        a.shelvedBy = DisplayText::cut(*a.shelvedBy, kNameChars);
    if (a.source)
        a.source->id = DisplayText::cut(a.source->id, kNameChars);
    return a;
}

bool sameSource(const std::optional<Domain::AlarmSource> &a, const std::optional<Domain::AlarmSource> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->kind == b->kind && a->id == b->id);
}

} // namespace

AlarmModel::AlarmModel(QObject *parent)
    : LiveTableModel(parent)
{
    // Alarms have no cadence: stale only while the link is down.
    setExpectedPeriodMs(0);
}

int AlarmModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AlarmModel::isUnacknowledged(AlarmState state)
{
    return state == AlarmState::ActiveUnacked || state == AlarmState::RtnUnacked;
}

bool AlarmModel::isReusedId(const QDateTime &heldRaisedAt, qint64 heldCount, const Alarm &update)
{
    return heldRaisedAt.isValid() && update.timestamp.isValid() && update.timestamp != heldRaisedAt
        && update.count <= heldCount && update.state != AlarmState::Cleared;
}

QString AlarmModel::conditionKey(const Alarm &alarm)
{
    const QString sourceId = alarm.source ? alarm.source->id : QString();
    if (!sourceId.isEmpty()) {
        QStringList parts = alarm.alarmId.split(u':');
        if (parts.size() > 1) {
            if (const qsizetype at = parts.indexOf(sourceId); at >= 0) {
                parts[at] = QStringLiteral("*");
                return QStringLiteral("id:") + parts.join(u':');
            }
        }
        if (alarm.message.contains(sourceId)) {
            QString message = alarm.message;
            message.replace(sourceId, QStringLiteral("*"));
            // "at 8.0 %", "at 12 %", "at -3,5 °C": one value placeholder each.
            static const QRegularExpression number(QStringLiteral("[-+]?\\d+(?:[.,]\\d+)*"));
            message.replace(number, QStringLiteral("#"));
            const QString kind
                = alarm.source->kindText.isEmpty() ? QString::number(int(alarm.source->kind)) : alarm.source->kindText;
            return QStringLiteral("message:") + kind + u':' + message;
        }
    }
    return QStringLiteral("alarm:") + alarm.alarmId;
}

bool AlarmModel::isActive(AlarmState state)
{
    return state == AlarmState::ActiveUnacked || state == AlarmState::ActiveAcked;
}

QVariant AlarmModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alarm &a = m_alarms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        // Raw values sort naturally, so both roles answer the same.
        switch (index.column()) {
        case SeverityColumn:
            // Unknown sorts with Critical.
            return role == SortRole ? Domain::severityRank(a.severity) : int(a.severity);
        case StateColumn:
            return int(a.state);
        case SourceColumn:
            return a.source ? QVariant(a.source->id) : QVariant();
        case MessageColumn:
            return a.message;
        case RaisedColumn:
            return a.timestamp;
        case AckedByColumn:
            return optionalVariant(a.ackedBy);
        case AckedAtColumn:
            return optionalVariant(a.ackedAt);
        case NoteColumn:
            return optionalVariant(a.note);
        case ShelvedUntilColumn:
            return optionalVariant(a.shelvedUntil);
        case CountColumn:
            return a.count;
        }
        return {};
    case AlarmIdRole:
        return a.alarmId;
    case SeverityRole:
        return int(a.severity);
    case MessageRole:
        return a.message;
    case SourceKindRole:
        return a.source ? QVariant(int(a.source->kind)) : QVariant();
    case SourceIdRole:
        return a.source ? QVariant(a.source->id) : QVariant();
    case StateRole:
        return int(a.state);
    case RaisedAtRole:
        return a.timestamp;
    case AckedByRole:
        return optionalVariant(a.ackedBy);
    case AckedAtRole:
        return optionalVariant(a.ackedAt);
    case NoteRole:
        return optionalVariant(a.note);
    case ShelvedUntilRole:
        return optionalVariant(a.shelvedUntil);
    case ShelvedByRole:
        return optionalVariant(a.shelvedBy);
    case ShelveReasonRole:
        return optionalVariant(a.shelveReason);
    case CountRole:
        return a.count;
    case ChatteringRole:
        return a.chattering;
    case AcknowledgedRole:
        return !isUnacknowledged(a.state);
    case ActiveRole:
        return isActive(a.state);
    case UnconfirmedRole:
        return m_unconfirmed.contains(a.alarmId);
    case ConditionRole:
        return m_conditions.at(index.row());
    }
    return baseData(index.row(), role);
}

QVariant AlarmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case StateColumn:
        return tr("State");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    case RaisedColumn:
        return tr("Raised");
    case AckedByColumn:
        return tr("Acknowledged by");
    case AckedAtColumn:
        return tr("Acknowledged at");
    case NoteColumn:
        return tr("Note");
    case ShelvedUntilColumn:
        return tr("Shelved until");
    case CountColumn:
        return tr("Count");
    }
    return {};
}

QHash<int, QByteArray> AlarmModel::roleNames() const
{
    QHash<int, QByteArray> names = LiveTableModel::roleNames();
    names.insert({
        {AlarmIdRole, "alarmId"},
        {SeverityRole, "severity"},
        {MessageRole, "message"},
        {SourceKindRole, "sourceKind"},
        {SourceIdRole, "sourceId"},
        {StateRole, "state"},
        {RaisedAtRole, "raisedAt"},
        {AckedByRole, "ackedBy"},
        {AckedAtRole, "ackedAt"},
        {NoteRole, "note"},
        {ShelvedUntilRole, "shelvedUntil"},
        {ShelvedByRole, "shelvedBy"},
        {ShelveReasonRole, "shelveReason"},
        {CountRole, "count"},
        {ChatteringRole, "chattering"},
        {AcknowledgedRole, "acknowledged"},
        {ActiveRole, "active"},
        {UnconfirmedRole, "unconfirmed"},
        {ConditionRole, "condition"},
    });
    return names;
}

std::optional<Alarm> AlarmModel::alarm(const QString &alarmId) const
{
    const int row = rowOf(alarmId);
    if (row < 0)
        return std::nullopt;
    return m_alarms.at(row);
}

int &AlarmModel::countOf(const Alarm &alarm)
{
    return m_counts[size_t(int(alarm.severity) * kStates + int(alarm.state))];
}

int AlarmModel::count(AlarmSeverity severity, AlarmState state) const
{
    return m_counts.at(size_t(int(severity) * kStates + int(state)));
}

int AlarmModel::unacknowledgedCount() const
{
    return unacknowledgedAtLeast(AlarmSeverity::Info);
}

int AlarmModel::unacknowledgedCount(AlarmSeverity severity) const
{
    return count(severity, AlarmState::ActiveUnacked) + count(severity, AlarmState::RtnUnacked);
}

std::optional<AlarmSeverity> AlarmModel::mostUrgentUnacknowledged() const
{
    std::optional<AlarmSeverity> most;
    for (int s = 0; s < kSeverities; ++s) {
        const auto severity = AlarmSeverity(s);
        if (unacknowledgedCount(severity) > 0
            && (!most || Domain::severityRank(severity) < Domain::severityRank(*most)))
            most = severity;
    }
    return most;
}

int AlarmModel::unacknowledgedAtLeast(AlarmSeverity severity) const
{
    int n = 0;
    // Critical is 0: the more severe, the lower.
    for (int s = 0; s < kSeverities; ++s) {
        if (Domain::severityRank(AlarmSeverity(s)) <= Domain::severityRank(severity))
            n += unacknowledgedCount(AlarmSeverity(s));
    }
    return n;
}

int AlarmModel::activeCount(AlarmSeverity severity) const
{
    return count(severity, AlarmState::ActiveUnacked) + count(severity, AlarmState::ActiveAcked);
}

void AlarmModel::reconcile(const QList<Alarm> &snapshot)
{
    QList<Alarm> held;
    QSet<QString> keep;
    held.reserve(snapshot.size());
    keep.reserve(snapshot.size());
    for (const Alarm &a : snapshot) {
        if (a.state != AlarmState::Cleared) {
            held.append(a);
            keep.insert(a.alarmId);
        }
    }
    // The snapshot holds every alarm not cleared: one it no longer lists
    // was cleared while we were not listening, if it needed nothing more.
    // One still waiting for an acknowledgement stays, unconfirmed.
    QList<Alarm> changed;
    QList<int> nowUnconfirmed;
    for (int row = 0; row < m_alarms.size(); ++row) {
        const Alarm &a = m_alarms.at(row);
        if (keep.contains(a.alarmId))
            continue;
        if (isUnacknowledged(a.state)) {
            keep.insert(a.alarmId);
            if (!m_unconfirmed.contains(a.alarmId)) {
                m_unconfirmed.insert(a.alarmId);
                nowUnconfirmed.append(row);
            }
            continue;
        }
        changed.append(a);
        changed.last().state = AlarmState::Cleared;
    }
    QSet<QString> unreported;
    for (const Alarm &a : std::as_const(changed))
        unreported.insert(a.alarmId);
    emitRowChanges(nowUnconfirmed, {UnconfirmedRole});
    removeRowsNotIn(keep);
    apply(held, changed);
    m_unreported = std::move(unreported);
    if (!changed.isEmpty())
        Q_EMIT alarmsChanged(changed);
    m_replaced.clear();
    m_unreported.clear();
    Q_EMIT contentsUpdated();
}

int AlarmModel::forget(const QStringList &alarmIds)
{
    QSet<QString> gone;
    for (const QString &id : alarmIds) {
        if (m_unconfirmed.contains(id))
            gone.insert(id);
    }
    if (gone.isEmpty())
        return 0;
    QList<Alarm> changed;
    QSet<QString> keep;
    keep.reserve(rowCount());
    for (const Alarm &a : std::as_const(m_alarms)) {
        if (gone.contains(a.alarmId)) {
            changed.append(a);
            changed.last().state = AlarmState::Cleared;
        } else {
            keep.insert(a.alarmId);
        }
    }
    removeRowsNotIn(keep);
    m_unreported = gone;
    Q_EMIT alarmsChanged(changed);
    m_unreported.clear();
    Q_EMIT contentsUpdated();
    return int(changed.size());
}

void AlarmModel::applyBatch(const QList<Alarm> &updates)
{
    QList<Alarm> changed;
    apply(updates, changed);
    if (!changed.isEmpty())
        Q_EMIT alarmsChanged(changed);
    m_replaced.clear();
    Q_EMIT contentsUpdated();
}

void AlarmModel::apply(const QList<Alarm> &updates, QList<Alarm> &changed)
{
    m_replaced.clear();
    // The final state of each alarm, in order of first appearance.
    QStringList order;
    QHash<QString, Alarm> finals;
    for (const Alarm &update : updates) {
        if (!finals.contains(update.alarmId))
            order.append(update.alarmId);
        finals.insert(update.alarmId, forDisplay(update));
    }

    const qint64 t = now();
    QHash<int, QList<int>> rolesByRow;
    QSet<QString> cleared;
    QStringList newKeys;
    for (const QString &id : std::as_const(order)) {
        const Alarm &next = finals[id];
        const int row = rowOf(id);
        if (row < 0) {
            // New to us; one raised and cleared within a batch is reported too.
            changed.append(next);
            if (next.state != AlarmState::Cleared)
                newKeys.append(id);
            continue;
        }
        if (next.state == AlarmState::Cleared) {
            changed.append(next);
            cleared.insert(id);
            continue;
        }
        if (isReusedId(m_alarms.at(row).timestamp, m_alarms.at(row).count, next))
            m_replaced.insert(id);
        QList<int> roles = changedRoles(m_alarms.at(row), next);
        if (m_unconfirmed.remove(id)) // the server speaks of it again
            roles.append(UnconfirmedRole);
        if (!roles.isEmpty()) {
            changed.append(next);
            --countOf(m_alarms.at(row));
            ++countOf(next);
            m_alarms[row] = next;
            if (roles.contains(ConditionRole))
                m_conditions[row] = conditionKey(next);
        }
        const bool wasStale = isStale(row);
        markHeard(row, t);
        if (wasStale != isStale(row))
            roles.append(StaleRole);
        if (!roles.isEmpty())
            rolesByRow.insert(row, roles);
    }
    emitRowChanges(std::move(rolesByRow));

    if (!cleared.isEmpty()) {
        QSet<QString> keep;
        keep.reserve(rowCount());
        for (int row = 0; row < rowCount(); ++row) {
            if (!cleared.contains(keyAt(row)))
                keep.insert(keyAt(row));
        }
        removeRowsNotIn(keep);
    }

    appendRows(newKeys, [&] {
        for (const QString &id : std::as_const(newKeys)) {
            const Alarm &a = finals[id];
            ++countOf(a);
            m_alarms.append(a);
            m_conditions.append(conditionKey(a));
        }
    });
}

QList<int> AlarmModel::changedRoles(const Alarm &before, const Alarm &after) const
{
    QList<int> roles;
    bool column = false;
    const auto check = [&](bool changed, int role, bool hasColumn) {
        if (changed) {
            roles.append(role);
            column = column || hasColumn;
        }
    };
    const bool sourceChanged = !sameSource(before.source, after.source);
    check(before.severity != after.severity, SeverityRole, true);
    check(before.message != after.message, MessageRole, true);
    check(sourceChanged && (!before.source || !after.source || before.source->kind != after.source->kind),
          SourceKindRole, false);
    check(sourceChanged && (!before.source || !after.source || before.source->id != after.source->id), SourceIdRole,
          true);
    check(before.state != after.state, StateRole, true);
    check(isUnacknowledged(before.state) != isUnacknowledged(after.state), AcknowledgedRole, false);
    check(isActive(before.state) != isActive(after.state), ActiveRole, false);
    check(before.timestamp != after.timestamp, RaisedAtRole, true);
    check(before.ackedBy != after.ackedBy, AckedByRole, true);
    check(before.ackedAt != after.ackedAt, AckedAtRole, true);
    check(before.note != after.note, NoteRole, true);
    check(before.shelvedUntil != after.shelvedUntil, ShelvedUntilRole, true);
    check(before.shelvedBy != after.shelvedBy, ShelvedByRole, false);
    check(before.shelveReason != after.shelveReason, ShelveReasonRole, false);
    check(before.count != after.count, CountRole, true);
    check(before.chattering != after.chattering, ChatteringRole, false);
    // The key reads only the id, the message and the source: skip its
    // pattern work unless one of those changed.
    const bool keyInputsChanged = sourceChanged || before.message != after.message
        || (before.source && after.source && before.source->kindText != after.source->kindText);
    check(keyInputsChanged && conditionKey(before) != conditionKey(after), ConditionRole, false);
    if (column)
        roles << Qt::DisplayRole << SortRole;
    return roles;
}

void AlarmModel::removeItems(int first, int count)
{
    for (int row = first; row < first + count; ++row) {
        --countOf(m_alarms.at(row));
        m_unconfirmed.remove(m_alarms.at(row).alarmId);
    }
    m_alarms.remove(first, count);
    m_conditions.remove(first, count);
}
