#include "commandlogmodel.h"

#include "commandmodel.h"
#include "commandroles.h"

#include <algorithm>

using Domain::CommandRecord;
using Domain::CommandState;

namespace {

using Field = CommandRoles::Field;

// What the record roles answer, from CommandIdRole to HistoryRole.
constexpr CommandRoles::Fields<11> recordFields {
    Field::CommandId, Field::EndpointId, Field::OperatorName, Field::RequestedValue, Field::ActualValue, Field::Status,
    Field::Final,     Field::Error,      Field::IssuedAt,     Field::LastChange,     Field::History};
static_assert(CommandLogModel::HistoryRole - CommandLogModel::CommandIdRole + 1 == recordFields.size());

// What each column shows, raw.
constexpr std::array<Field, CommandLogModel::ColumnCount> columnFields {
    Field::IssuedAt,    Field::OperatorName, Field::EndpointId, Field::RequestedValue,
    Field::ActualValue, Field::Status,       Field::Error,
};

// When this program started: stored commands created before it belong to an
// earlier run. Set while the program loads, before any command can arrive.
const QDateTime runStart = QDateTime::currentDateTimeUtc();

// Names the UUIDs made for command ids that are not UUIDs themselves.
const QUuid plainIdNamespace = QUuid::fromString(u"6f1c2a8e-4b7d-4e0a-9c35-2d8f1b7e5a90");

} // namespace

CommandLogModel::CommandLogModel(CommandModel *live, const History &earlier, QObject *parent)
    : QAbstractTableModel(parent)
    , m_live(live)
{
    load(earlier);
    if (!live)
        return;
    if (live->rowCount() > 0)
        onLiveRowsInserted(0, live->rowCount() - 1);
    connect(live, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &within, int first, int last) {
        if (!within.isValid())
            onLiveRowsInserted(first, last);
    });
    connect(live, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                onLiveRowsChanged(topLeft.row(), bottomRight.row(), roles);
            });
    connect(live, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &within, int first, int last) {
                if (!within.isValid())
                    onLiveRowsAboutToBeRemoved(first, last);
            });
    connect(live, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        for (Row &row : m_rows)
            row.liveChangesSeen = 0;
    });
    connect(live, &QAbstractItemModel::modelReset, this, [this] {
        if (m_live && m_live->rowCount() > 0)
            onLiveRowsInserted(0, m_live->rowCount() - 1);
    });
}

int CommandLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommandLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandLogModel::columnValue(const Row &row, int column)
{
    return CommandRoles::value(row, columnFields.at(column));
}

QVariant CommandLogModel::sortValue(const Row &row, int column)
{
    // Values of mixed types do not compare: values sort as text, the result
    // by its error text.
    switch (column) {
    case RequestedColumn:
    case ActualColumn:
        return columnValue(row, column).toString();
    case ResultColumn:
        return row.error;
    default:
        return columnValue(row, column);
    }
}

QVariant CommandLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == EndpointColumn ? QVariant(endpointText(row)) : columnValue(row, index.column());
    case SortRole:
        return index.column() == EndpointColumn ? QVariant(endpointText(row)) : sortValue(row, index.column());
    case EarlierRunRole:
        return row.earlierRun;
    }
    if (const std::optional<Field> field = CommandRoles::fieldOf(recordFields, CommandIdRole, role))
        return CommandRoles::value(row, *field);
    return {};
}

QVariant CommandLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OperatorColumn:
        return tr("Operator");
    case EndpointColumn:
        return tr("Endpoint");
    case RequestedColumn:
        return tr("Requested");
    case ActualColumn:
        return tr("Actual");
    case StatusColumn:
        return tr("Status");
    case ResultColumn:
        return tr("Result");
    }
    return {};
}

QHash<int, QByteArray> CommandLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    CommandRoles::addNames(names, recordFields, CommandIdRole);
    names.insert({
        {EarlierRunRole, "earlierRun"},
        {SortRole, "sortValue"},
    });
    return names;
}

QUuid CommandLogModel::storeId(const QString &commandId)
{
    const QUuid id = QUuid::fromString(commandId);
    return id.isNull() ? QUuid::createUuidV5(plainIdNamespace, commandId) : id;
}

void CommandLogModel::load(const History &earlier)
{
    m_hasStore = earlier.hasStore;
    if (!earlier.hasStore)
        return;
    if (!earlier.entries) {
        m_loadError = earlier.error;
        return;
    }
    m_rows.reserve(earlier.entries->size());
    for (const CommandRecord &entry : *earlier.entries) {
        Row row;
        static_cast<CommandRecord &>(row) = entry;
        row.earlierRun = entry.issuedAt.isValid() && entry.issuedAt < runStart;
        if (row.earlierRun)
            ++m_earlierRunCount;
        m_rowByKey.insert(keyOf(row.commandId), int(m_rows.size()));
        m_rows.append(std::move(row));
    }
}

bool CommandLogModel::merge(Row &row, int liveRow) const
{
    const CommandRecord &c = m_live->commandAt(liveRow);
    bool changed = false;
    const auto set = [&changed](auto &field, const auto &value) {
        if (!(field == value)) {
            field = value;
            changed = true;
        }
    };
    if (!c.endpointId.isEmpty())
        set(row.endpointId, c.endpointId);
    if (!c.operatorName.isEmpty())
        set(row.operatorName, c.operatorName);
    if (!std::holds_alternative<std::monostate>(c.requestedValue))
        set(row.requestedValue, c.requestedValue);
    if (!std::holds_alternative<std::monostate>(c.actualValue))
        set(row.actualValue, c.actualValue);
    if (!c.error.isEmpty())
        set(row.error, c.error);
    if (c.completedAt.isValid())
        set(row.completedAt, c.completedAt);
    if (!row.issuedAt.isValid())
        set(row.issuedAt, c.issuedAt);

    // The live history restarts with each run (and when the live model drops
    // and relists a command): only changes the row has not seen enter it.
    for (qsizetype i = row.liveChangesSeen; i < c.history.size(); ++i) {
        const Domain::CommandStep &step = c.history.at(i);
        if (!row.history.isEmpty()) {
            const CommandState last = row.history.constLast().status;
            if (last == step.status || (Domain::isFinal(last) && !Domain::isFinal(step.status)))
                continue;
        }
        row.history.append(step);
        changed = true;
    }
    row.liveChangesSeen = int(c.history.size());
    if (!row.history.isEmpty()) {
        set(row.status, row.history.constLast().status);
        set(row.lastChange, row.history.constLast().at);
    }
    return changed;
}

void CommandLogModel::onLiveRowsInserted(int first, int last)
{
    QList<Row> added;
    int changedFirst = -1;
    int changedLast = -1;
    for (int liveRow = first; liveRow <= last; ++liveRow) {
        const QString key = keyOf(m_live->commandAt(liveRow).commandId);
        if (const int row = m_rowByKey.value(key, -1); row >= 0) {
            if (merge(m_rows[row], liveRow)) {
                changedFirst = changedFirst < 0 ? row : std::min(changedFirst, row);
                changedLast = std::max(changedLast, row);
            }
            continue;
        }
        const auto pending
            = std::find_if(added.begin(), added.end(), [&key](const Row &r) { return keyOf(r.commandId) == key; });
        if (pending != added.end()) {
            merge(*pending, liveRow);
            continue;
        }
        Row row;
        row.commandId = m_live->commandAt(liveRow).commandId;
        merge(row, liveRow);
        added.append(std::move(row));
    }
    if (changedFirst >= 0)
        Q_EMIT dataChanged(index(changedFirst, 0), index(changedLast, ColumnCount - 1));
    if (added.isEmpty())
        return;
    const int start = int(m_rows.size());
    beginInsertRows({}, start, start + int(added.size()) - 1);
    for (Row &row : added) {
        m_rowByKey.insert(keyOf(row.commandId), int(m_rows.size()));
        m_rows.append(std::move(row));
    }
    endInsertRows();
}

void CommandLogModel::onLiveRowsChanged(int first, int last, const QList<int> &roles)
{
    // Ageing and staleness change nothing the log shows.
    if (!roles.isEmpty() && std::all_of(roles.cbegin(), roles.cend(), [](int role) {
            return role == CommandModel::AgeRole || role == CommandModel::StaleRole;
        }))
        return;
    int changedFirst = -1;
    int changedLast = -1;
    for (int liveRow = first; liveRow <= last; ++liveRow) {
        const int row = m_rowByKey.value(keyOf(m_live->commandAt(liveRow).commandId), -1);
        if (row < 0) {
            onLiveRowsInserted(liveRow, liveRow);
            continue;
        }
        if (merge(m_rows[row], liveRow)) {
            changedFirst = changedFirst < 0 ? row : std::min(changedFirst, row);
            changedLast = std::max(changedLast, row);
        }
    }
    if (changedFirst >= 0)
        Q_EMIT dataChanged(index(changedFirst, 0), index(changedLast, ColumnCount - 1));
}

void CommandLogModel::onLiveRowsAboutToBeRemoved(int first, int last)
{
    // The rows stay in the log; should the live model list one again, its
    // history starts over.
    for (int liveRow = first; liveRow <= last; ++liveRow) {
        if (const int row = m_rowByKey.value(keyOf(m_live->commandAt(liveRow).commandId), -1); row >= 0)
            m_rows[row].liveChangesSeen = 0;
    }
}
