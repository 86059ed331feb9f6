#include "alarmgroupproxy.h"

#include "alarmdelegate.h"
#include "alarmfilterproxy.h"

using Domain::AlarmSeverity;
using Domain::AlarmState;

AlarmGroupProxy::AlarmGroupProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void AlarmGroupProxy::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_entries.clear();
    m_groups.clear();
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        // Every change of the source's rows is followed at once: between the
        // source's change and ours no view may read a row of the old order.
        const auto follow = [this] { sync(); };
        m_sourceConnections = {
            connect(source, &QAbstractItemModel::rowsInserted, this, follow),
            connect(source, &QAbstractItemModel::rowsRemoved, this, follow),
            connect(source, &QAbstractItemModel::rowsMoved, this, follow),
            connect(source, &QAbstractItemModel::layoutChanged, this, follow),
            connect(source, &QAbstractItemModel::modelReset, this, follow),
            connect(source, &QAbstractItemModel::dataChanged, this, &AlarmGroupProxy::onSourceDataChanged),
            // The source's row headers are not ours (its rows are not our rows).
            connect(source, &QAbstractItemModel::headerDataChanged, this,
                    [this](Qt::Orientation orientation, int first, int last) {
                        if (orientation == Qt::Horizontal)
                            Q_EMIT headerDataChanged(orientation, first, last);
                    }),
        };
    }
    endResetModel();
    sync();
}

void AlarmGroupProxy::setGrouping(bool on)
{
    if (m_grouping == on)
        return;
    m_grouping = on;
    sync();
}

bool AlarmGroupProxy::isGroupRow(int row) const
{
    return row >= 0 && row < m_entries.size() && m_entries.at(row).kind == Kind::Group;
}

QString AlarmGroupProxy::conditionAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(row);
    return entry.kind == Kind::Group ? entry.key : entry.condition;
}

void AlarmGroupProxy::setExpanded(const QString &condition, bool expanded)
{
    if (expanded == m_expanded.contains(condition))
        return;
    if (expanded)
        m_expanded.insert(condition);
    else
        m_expanded.remove(condition);
    sync();
}

bool AlarmGroupProxy::toggleExpanded(int row)
{
    const QString condition = conditionAt(row);
    if (condition.isEmpty())
        return false;
    setExpanded(condition, !isExpanded(condition));
    return true;
}

QModelIndexList AlarmGroupProxy::alarmIndexes(int row) const
{
    QModelIndexList indexes;
    if (row < 0 || row >= m_entries.size() || !sourceModel())
        return indexes;
    const Entry &entry = m_entries.at(row);
    if (entry.kind == Kind::Group) {
        for (int sourceRow : m_groups.value(entry.key).sourceRows)
            indexes.append(sourceModel()->index(sourceRow, 0));
    } else if (entry.sourceRow >= 0) {
        indexes.append(sourceModel()->index(entry.sourceRow, 0));
    }
    return indexes;
}

int AlarmGroupProxy::rowOfAlarm(const QString &alarmId) const
{
    const int row = m_rowOfEntry.value(QStringLiteral("a:") + alarmId, -1);
    return row >= 0 ? row : m_rowOfEntry.value(QStringLiteral("m:") + alarmId, -1);
}

int AlarmGroupProxy::rowOfGroup(const QString &condition) const
{
    return m_rowOfEntry.value(QStringLiteral("g:") + condition, -1);
}

QModelIndex AlarmGroupProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_entries.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex AlarmGroupProxy::parent(const QModelIndex &) const
{
    return {};
}

int AlarmGroupProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

bool AlarmGroupProxy::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

int AlarmGroupProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

QVariant AlarmGroupProxy::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    if (entry.kind == Kind::Group)
        return role == Qt::DisplayRole ? AlarmDelegate::cellText(index) : groupData(entry.key, index.column(), role);
    switch (role) {
    case GroupSizeRole:
        return 0;
    case GroupMemberRole:
        return entry.kind == Kind::Member;
    case GroupExpandedRole:
        return false;
    default:
        break;
    }
    return entry.sourceRow >= 0 ? sourceModel()->index(entry.sourceRow, index.column()).data(role) : QVariant();
}

QVariant AlarmGroupProxy::groupData(const QString &condition, int column, int role) const
{
    const auto found = m_groups.constFind(condition);
    if (found == m_groups.cend())
        return {};
    const Group &group = *found;
    switch (role) {
    case GroupSizeRole:
        return int(group.sourceRows.size());
    case GroupMemberRole:
        return false;
    case GroupExpandedRole:
        return m_expanded.contains(condition);
    case GroupAcknowledgedRole:
        return group.acknowledged;
    case AlarmModel::SeverityRole:
        return int(group.severity);
    case AlarmModel::StateRole:
        return int(group.state);
    case AlarmModel::AcknowledgedRole:
        return group.acknowledged == group.sourceRows.size();
    case AlarmModel::ActiveRole:
        return group.active;
    case AlarmModel::StaleRole:
        return group.stale;
    case AlarmModel::UnconfirmedRole:
        return group.unconfirmed;
    case AlarmModel::ChatteringRole:
        return group.chattering;
    case AlarmModel::RaisedAtRole:
        return group.firstRaised;
    case AlarmModel::MessageRole:
        return group.message;
    case AlarmModel::SourceKindRole:
        return group.sourceKind >= 0 ? QVariant(group.sourceKind) : QVariant();
    case AlarmModel::ConditionRole:
        return condition;
    case Qt::TextAlignmentRole:
        return sourceModel()->index(group.sourceRows.value(0), column).data(role);
    default:
        return {};
    }
}

Qt::ItemFlags AlarmGroupProxy::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant AlarmGroupProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel() || orientation != Qt::Horizontal)
        return {};
    return sourceModel()->headerData(section, orientation, role);
}

QModelIndex AlarmGroupProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.row() >= m_entries.size() || !sourceModel())
        return {};
    const Entry &entry = m_entries.at(proxyIndex.row());
    if (entry.kind == Kind::Group || entry.sourceRow < 0)
        return {};
    return sourceModel()->index(entry.sourceRow, proxyIndex.column());
}

QModelIndex AlarmGroupProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= m_rowOfSource.size())
        return {};
    const int row = m_rowOfSource.at(sourceIndex.row());
    return row >= 0 ? index(row, sourceIndex.column()) : QModelIndex();
}

QString AlarmGroupProxy::entryKey(const Entry &entry)
{
    switch (entry.kind) {
    case Kind::Alarm:
        return QStringLiteral("a:") + entry.key;
    case Kind::Group:
        return QStringLiteral("g:") + entry.key;
    case Kind::Member:
        return QStringLiteral("m:") + entry.key;
    }
    return {};
}

AlarmGroupProxy::Group AlarmGroupProxy::summarise(const QList<int> &sourceRows) const
{
    Group group;
    group.sourceRows = sourceRows;
    bool first = true;
    std::pair<int, int> mostUrgent; // (priority rank, attention rank)
    for (int sourceRow : sourceRows) {
        const QModelIndex alarm = sourceModel()->index(sourceRow, 0);
        const auto severity = AlarmSeverity(alarm.data(AlarmModel::SeverityRole).toInt());
        const auto state = AlarmState(alarm.data(AlarmModel::StateRole).toInt());
        const std::pair urgency {Domain::severityRank(severity), AlarmFilterProxy::attentionRank(state)};
        if (first || urgency.first < mostUrgent.first)
            group.severity = severity;
        if (first || urgency.second < AlarmFilterProxy::attentionRank(group.state))
            group.state = state;
        if (first || urgency < mostUrgent) {
            mostUrgent = urgency;
            group.message = alarm.data(AlarmModel::MessageRole).toString();
        }
        const QVariant kind = alarm.data(AlarmModel::SourceKindRole);
        const int kindValue = kind.isValid() ? kind.toInt() : -1;
        group.sourceKind = first || group.sourceKind == kindValue ? kindValue : -1;
        const QDateTime raised = alarm.data(AlarmModel::RaisedAtRole).toDateTime();
        if (raised.isValid() && (!group.firstRaised.isValid() || raised < group.firstRaised))
            group.firstRaised = raised;
        group.acknowledged += alarm.data(AlarmModel::AcknowledgedRole).toBool() ? 1 : 0;
        group.active = group.active || alarm.data(AlarmModel::ActiveRole).toBool();
        group.stale = group.stale && alarm.data(AlarmModel::StaleRole).toBool();
        group.unconfirmed = group.unconfirmed || alarm.data(AlarmModel::UnconfirmedRole).toBool();
        group.chattering = group.chattering || alarm.data(AlarmModel::ChatteringRole).toBool();
        first = false;
    }
    return group;
}

void AlarmGroupProxy::sync()
{
    QAbstractItemModel *source = sourceModel();
    const int sourceRows = source ? source->rowCount() : 0;

    // The rows as they should be, in the source's order: a group where its
    // first listed alarm is, its alarms under it while expanded.
    QList<QString> ids(sourceRows);
    QList<QString> conditions;
    QHash<QString, QList<int>> byCondition;
    for (int row = 0; row < sourceRows; ++row)
        ids[row] = source->index(row, 0).data(AlarmModel::AlarmIdRole).toString();
    if (m_grouping) {
        conditions.resize(sourceRows);
        for (int row = 0; row < sourceRows; ++row) {
            conditions[row] = source->index(row, 0).data(AlarmModel::ConditionRole).toString();
            byCondition[conditions[row]].append(row);
        }
    }
    QList<Entry> next;
    next.reserve(sourceRows);
    QHash<QString, Group> groups;
    for (int row = 0; row < sourceRows; ++row) {
        if (m_grouping) {
            const QList<int> &members = byCondition[conditions[row]];
            if (members.size() >= kMinimumGroup) {
                if (members.first() != row)
                    continue; // listed under its group
                const QString &condition = conditions[row];
                groups.insert(condition, summarise(members));
                next.append({Kind::Group, condition, -1, {}});
                if (m_expanded.contains(condition)) {
                    for (int member : members)
                        next.append({Kind::Member, ids[member], member, condition});
                }
                continue;
            }
        }
        next.append({Kind::Alarm, ids[row], row, {}});
    }
    // A condition no longer grouped forgets that it was expanded.
    for (auto it = m_expanded.begin(); it != m_expanded.end();) {
        if (groups.contains(*it))
            ++it;
        else
            it = m_expanded.erase(it);
    }

    // From here on every row still listed reads the source as it is now;
    // the rows that go read nothing.
    QHash<QString, int> nextRows;
    nextRows.reserve(next.size());
    for (int row = 0; row < next.size(); ++row)
        nextRows.insert(entryKey(next.at(row)), row);
    for (Entry &entry : m_entries) {
        const int at = nextRows.value(entryKey(entry), -1);
        entry.sourceRow = at >= 0 ? next.at(at).sourceRow : -1;
    }
    m_groups = groups;
    m_conditionOfSource = conditions;

    // 1. Rows that go, from the last.
    for (int row = int(m_entries.size()) - 1; row >= 0;) {
        if (nextRows.contains(entryKey(m_entries.at(row)))) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !nextRows.contains(entryKey(m_entries.at(row))))
            --row;
        beginRemoveRows({}, row + 1, last);
        m_entries.remove(row + 1, last - row);
        endRemoveRows();
    }
    // 2. The rows that stay, in their new order.
    QList<Entry> staying;
    staying.reserve(m_entries.size());
    QHash<QString, int> stayingRows;
    for (const Entry &entry : std::as_const(m_entries))
        stayingRows.insert(entryKey(entry), -1);
    for (const Entry &entry : std::as_const(next)) {
        const auto found = stayingRows.find(entryKey(entry));
        if (found != stayingRows.end()) {
            *found = int(staying.size());
            staying.append(entry);
        }
    }
    bool reordered = false;
    for (int row = 0; row < m_entries.size() && !reordered; ++row)
        reordered = entryKey(m_entries.at(row)) != entryKey(staying.at(row));
    if (reordered) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from) {
            const int row = stayingRows.value(entryKey(m_entries.at(index.row())), -1);
            to.append(row >= 0 ? createIndex(row, index.column()) : QModelIndex());
        }
        m_entries = staying;
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        m_entries = staying;
    }
    // 3. Rows that come, in runs.
    for (int row = 0; row < next.size();) {
        if (stayingRows.contains(entryKey(next.at(row)))) {
            ++row;
            continue;
        }
        const int first = row;
        while (row < next.size() && !stayingRows.contains(entryKey(next.at(row))))
            ++row;
        beginInsertRows({}, first, row - 1);
        m_entries.insert(first, row - first, Entry {});
        for (int at = first; at < row; ++at)
            m_entries[at] = next.at(at);
        endInsertRows();
    }
    indexRows();
    // A group's summary may have changed under a row that stayed: group rows
    // are read again, in runs. An alarm's row shows the same alarm as before;
    // the source reports its changes itself.
    for (int row = 0; row < m_entries.size();) {
        if (m_entries.at(row).kind != Kind::Group) {
            ++row;
            continue;
        }
        const int first = row;
        while (row < m_entries.size() && m_entries.at(row).kind == Kind::Group)
            ++row;
        Q_EMIT dataChanged(index(first, 0), index(row - 1, columnCount() - 1));
    }
}

void AlarmGroupProxy::indexRows()
{
    m_rowOfEntry.clear();
    m_rowOfEntry.reserve(m_entries.size());
    m_rowOfSource.fill(-1, sourceModel() ? sourceModel()->rowCount() : 0);
    for (int row = 0; row < m_entries.size(); ++row) {
        const Entry &entry = m_entries.at(row);
        m_rowOfEntry.insert(entryKey(entry), row);
        if (entry.sourceRow >= 0 && entry.sourceRow < m_rowOfSource.size())
            m_rowOfSource[entry.sourceRow] = row;
    }
}

void AlarmGroupProxy::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                          const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    // An alarm whose condition changed moves to another group: the rows change.
    if (m_grouping && (roles.isEmpty() || roles.contains(AlarmModel::ConditionRole))) {
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
            if (m_conditionOfSource.value(row) != sourceModel()->index(row, 0).data(AlarmModel::ConditionRole)) {
                sync();
                return;
            }
        }
    }
    int first = -1;
    int last = -1;
    const auto touch = [&first, &last](int row) {
        if (row < 0)
            return;
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    };
    QSet<QString> summarised;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        touch(m_rowOfSource.value(row, -1));
        const QString condition = m_conditionOfSource.value(row);
        if (condition.isEmpty() || summarised.contains(condition))
            continue;
        const auto group = m_groups.find(condition);
        if (group == m_groups.end())
            continue;
        summarised.insert(condition);
        *group = summarise(group->sourceRows);
        touch(rowOfGroup(condition));
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
}
