#include "commandmodel.h"

#include "commandroles.h"

#include <algorithm>

using Domain::CommandRecord;
using Domain::CommandStatus;

namespace {

using Field = CommandRoles::Field;

// What the record roles answer, from CommandIdRole to HistoryRole.
constexpr CommandRoles::Fields<12> recordFields {Field::CommandId,   Field::EndpointId,   Field::RequestedValue,
                                                 Field::ActualValue, Field::OperatorName, Field::Status,
                                                 Field::Final,       Field::Error,        Field::IssuedAt,
                                                 Field::CompletedAt, Field::LastChange,   Field::History};
static_assert(CommandModel::HistoryRole - CommandModel::CommandIdRole + 1 == recordFields.size());

// What each column shows, raw: the values also sort naturally.
constexpr std::array<Field, CommandModel::ColumnCount> columnFields {
    Field::CommandId,    Field::EndpointId, Field::RequestedValue, Field::ActualValue,
    Field::OperatorName, Field::Status,     Field::LastChange,
};

} // namespace

CommandModel::CommandModel(QObject *parent)
    : LiveTableModel(parent)
{
    // Commands have no reporting cadence: stale only while the link is down.
    setExpectedPeriodMs(0);
}

int CommandModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CommandRecord &record = m_items.at(index.row());
    if (role == Qt::DisplayRole || role == SortRole)
        return CommandRoles::value(record, columnFields.at(index.column()));
    if (const std::optional<Field> field = CommandRoles::fieldOf(recordFields, CommandIdRole, role))
        return CommandRoles::value(record, *field);
    return baseData(index.row(), role);
}

QVariant CommandModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Command");
    case EndpointColumn:
        return tr("Endpoint");
    case RequestedColumn:
        return tr("Requested");
    case ActualColumn:
        return tr("Actual");
    case OperatorColumn:
        return tr("Operator");
    case StatusColumn:
        return tr("Status");
    case LastChangeColumn:
        return tr("Last change");
    }
    return {};
}

QHash<int, QByteArray> CommandModel::roleNames() const
{
    QHash<int, QByteArray> names = LiveTableModel::roleNames();
    CommandRoles::addNames(names, recordFields, CommandIdRole);
    return names;
}

void CommandModel::merge(CommandRecord &record, const CommandStatus &update, const QDateTime &at)
{
    if (!update.endpointId.isEmpty())
        record.endpointId = update.endpointId;
    if (!std::holds_alternative<std::monostate>(update.requestedValue))
        record.requestedValue = update.requestedValue;
    if (!std::holds_alternative<std::monostate>(update.actualValue))
        record.actualValue = update.actualValue;
    if (!update.operatorName.isEmpty())
        record.operatorName = update.operatorName;
    if (update.error)
        record.error = *update.error;
    if (update.completedAt.isValid())
        record.completedAt = update.completedAt;
    if (update.status != record.status || record.history.isEmpty()) {
        record.status = update.status;
        record.lastChange = at;
        record.history.append({update.status, at, record.actualValue, record.error});
    }
}

QList<int> CommandModel::changedRoles(const CommandRecord &b, const CommandRecord &a)
{
    QList<int> roles;
    const auto add = [&roles](std::initializer_list<int> more) {
        for (int role : more)
            if (!roles.contains(role))
                roles.append(role);
    };
    if (a.endpointId != b.endpointId)
        add({EndpointIdRole, Qt::DisplayRole, SortRole});
    if (a.requestedValue != b.requestedValue)
        add({RequestedValueRole, Qt::DisplayRole, SortRole});
    if (a.actualValue != b.actualValue)
        add({ActualValueRole, Qt::DisplayRole, SortRole});
    if (a.operatorName != b.operatorName)
        add({OperatorNameRole, Qt::DisplayRole, SortRole});
    if (a.status != b.status)
        add({StatusRole, Qt::DisplayRole, SortRole});
    if (Domain::isFinal(a.status) != Domain::isFinal(b.status))
        add({FinalRole});
    if (a.history.size() != b.history.size())
        add({HistoryRole, LastChangeRole, Qt::DisplayRole, SortRole});
    if (a.error != b.error)
        add({ErrorRole});
    if (a.completedAt != b.completedAt)
        add({CompletedAtRole});
    return roles;
}

void CommandModel::applyBatch(const QList<CommandStatus> &updates)
{
    const qint64 heard = now();
    const QDateTime at = QDateTime::currentDateTimeUtc(); // one time for the whole batch
    QHash<int, CommandRecord> before; // rows changed, as they were
    QStringList newKeys;
    QList<CommandRecord> newItems;
    QHash<QString, qsizetype> newIndex;

    for (const CommandStatus &update : updates) {
        if (update.commandId.isEmpty())
            continue;
        CommandRecord *item = nullptr;
        const int row = rowOf(update.commandId);
        if (row >= 0) {
            item = &m_items[row];
        } else if (const auto it = newIndex.constFind(update.commandId); it != newIndex.cend()) {
            item = &newItems[*it];
        } else {
            newIndex.insert(update.commandId, newItems.size());
            newKeys.append(update.commandId);
            CommandRecord &added = newItems.emplace_back();
            added.commandId = update.commandId;
            added.issuedAt = at;
            merge(added, update, at);
            continue;
        }
        if (Domain::isFinal(item->status) && !Domain::isFinal(update.status))
            continue; // a late duplicate of a command already finished
        if (row >= 0 && !before.contains(row))
            before.insert(row, *item);
        merge(*item, update, at);
    }

    QHash<int, QList<int>> rolesByRow;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const int row = it.key();
        const bool staleBefore = isStale(row);
        markHeard(row, heard);
        QList<int> roles = changedRoles(it.value(), m_items.at(row));
        roles.append(AgeRole);
        if (isStale(row) != staleBefore)
            roles.append(StaleRole);
        rolesByRow.insert(row, std::move(roles));
    }
    emitRowChanges(std::move(rolesByRow));
    appendRows(newKeys, [&] { m_items.append(std::move(newItems)); });
    evictOverBound();
    Q_EMIT contentsUpdated();
}

void CommandModel::noteIssued(const CommandStatus &command, const QString &operatorName)
{
    CommandStatus issued = command;
    if (issued.operatorName.isEmpty())
        issued.operatorName = operatorName;
    // Should the server have spoken of the command already, its status stands.
    const int row = rowOf(command.commandId);
    if (row >= 0 && !Domain::isFinal(command.status))
        issued.status = m_items.at(row).status;
    applyBatch({issued});
}

void CommandModel::setMaxRows(int rows)
{
    m_maxRows = std::max(1, rows);
    if (evictOverBound())
        Q_EMIT contentsUpdated();
}

bool CommandModel::evictOverBound()
{
    int excess = rowCount() - m_maxRows;
    if (excess <= 0)
        return false;
    QSet<QString> keep;
    keep.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row) {
        if (excess > 0 && Domain::isFinal(m_items.at(row).status)) {
            --excess;
            continue;
        }
        keep.insert(keyAt(row));
    }
    return !removeRowsNotIn(keep).isEmpty();
}

void CommandModel::removeItems(int first, int count)
{
    m_items.remove(first, count);
}

int CommandModel::pendingCount() const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(),
                             [](const CommandRecord &record) { return !Domain::isFinal(record.status); }));
}
