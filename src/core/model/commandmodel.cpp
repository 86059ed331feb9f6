#include "commandmodel.h"

#include "domain/endpointfact.h"

#include "plantvalues.h"

#include <QVariantMap>

#include <algorithm>

using Domain::CommandState;
using Domain::CommandStatus;

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
    const Item &item = m_items.at(index.row());
    const CommandStatus &c = item.command;

    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        // Raw values, which also sort naturally.
        switch (index.column()) {
        case IdColumn:
            return c.commandId;
        case EndpointColumn:
            return c.endpointId;
        case RequestedColumn:
            return EndpointFact::toVariant(c.requestedValue);
        case ActualColumn:
            return EndpointFact::toVariant(c.actualValue);
        case OperatorColumn:
            return c.operatorName;
        case StatusColumn:
            return int(c.status);
        case LastChangeColumn:
            return item.history.constLast().at;
        }
        return {};
    case CommandIdRole:
        return c.commandId;
    case EndpointIdRole:
        return c.endpointId;
    case RequestedValueRole:
        return EndpointFact::toVariant(c.requestedValue);
    case ActualValueRole:
        return EndpointFact::toVariant(c.actualValue);
    case OperatorNameRole:
        return c.operatorName;
    case StatusRole:
        return int(c.status);
    case FinalRole:
        return PlantValues::isFinal(c.status);
    case ErrorRole:
        return c.error ? QVariant(*c.error) : QVariant();
    case IssuedAtRole:
        return item.issuedAt;
    case CompletedAtRole:
        return c.completedAt.isValid() ? QVariant(c.completedAt) : QVariant();
    case LastChangeRole:
        return item.history.constLast().at;
    case HistoryRole: {
        QVariantList history;
        history.reserve(item.history.size());
        for (const StatusChange &change : item.history)
            history.append(
                QVariantMap {{QStringLiteral("status"), int(change.status)}, {QStringLiteral("at"), change.at}});
        return history;
    }
    }
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
    // `final` is a QML keyword in newer Qt, hence isFinal.
    names.insert({
        {CommandIdRole, "commandId"},
        {EndpointIdRole, "endpointId"},
        {RequestedValueRole, "requestedValue"},
        {ActualValueRole, "actualValue"},
        {OperatorNameRole, "operatorName"},
        {StatusRole, "status"},
        {FinalRole, "isFinal"},
        {ErrorRole, "error"},
        {IssuedAtRole, "issuedAt"},
        {CompletedAtRole, "completedAt"},
        {LastChangeRole, "lastChange"},
        {HistoryRole, "history"},
    });
    return names;
}

void CommandModel::merge(Item &item, const CommandStatus &update, const QDateTime &at)
{
    CommandStatus &c = item.command;
    if (update.status != c.status) {
        c.status = update.status;
        item.history.append({update.status, at});
    }
    if (!update.endpointId.isEmpty())
        c.endpointId = update.endpointId;
    if (!std::holds_alternative<std::monostate>(update.requestedValue))
        c.requestedValue = update.requestedValue;
    if (!std::holds_alternative<std::monostate>(update.actualValue))
        c.actualValue = update.actualValue;
    if (!update.operatorName.isEmpty())
        c.operatorName = update.operatorName;
    if (update.error)
        c.error = update.error;
    if (update.completedAt.isValid())
        c.completedAt = update.completedAt;
}

QList<int> CommandModel::changedRoles(const Item &before, const Item &after)
{
    const CommandStatus &b = before.command;
    const CommandStatus &a = after.command;
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
    if (PlantValues::isFinal(a.status) != PlantValues::isFinal(b.status))
        add({FinalRole});
    if (after.history.size() != before.history.size())
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
    QHash<int, Item> before; // rows changed, as they were
    QStringList newKeys;
    QList<Item> newItems;
    QHash<QString, qsizetype> newIndex;

    for (const CommandStatus &update : updates) {
        if (update.commandId.isEmpty())
            continue;
        Item *item = nullptr;
        const int row = rowOf(update.commandId);
        if (row >= 0) {
            item = &m_items[row];
        } else if (const auto it = newIndex.constFind(update.commandId); it != newIndex.cend()) {
            item = &newItems[*it];
        } else {
            newIndex.insert(update.commandId, newItems.size());
            newKeys.append(update.commandId);
            newItems.append({update, at, {{update.status, at}}});
            continue;
        }
        if (PlantValues::isFinal(item->command.status) && !PlantValues::isFinal(update.status))
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
    if (row >= 0 && !PlantValues::isFinal(command.status))
        issued.status = m_items.at(row).command.status;
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
        if (excess > 0 && PlantValues::isFinal(m_items.at(row).command.status)) {
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
                             [](const Item &item) { return !PlantValues::isFinal(item.command.status); }));
}
