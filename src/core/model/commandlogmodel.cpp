#include "commandlogmodel.h"

#include "domain/endpointfact.h"

#include "commandmodel.h"
#include "plantvalues.h"

#include <QVariantMap>

#include <algorithm>

using Domain::CommandState;

namespace {

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

QVariant CommandLogModel::columnValue(const Row &row, int column) const
{
    switch (column) {
    case TimeColumn:
        return row.issuedAt;
    case OperatorColumn:
        return row.operatorName;
    case EndpointColumn:
        return row.endpointId;
    case RequestedColumn:
        return row.requestedValue;
    case ActualColumn:
        return row.actualValue;
    case StatusColumn:
        return int(row.status);
    case ResultColumn:
        return row.error ? QVariant(*row.error) : QVariant();
    }
    return {};
}

QVariant CommandLogModel::sortValue(const Row &row, int column) const
{
    // Values of mixed types do not compare: values sort as text, the result
    // by its error text.
    switch (column) {
    case RequestedColumn:
        return row.requestedValue.toString();
    case ActualColumn:
        return row.actualValue.toString();
    case ResultColumn:
        return row.error.value_or(QString());
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
        return columnValue(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case CommandIdRole:
        return row.commandId;
    case EndpointIdRole:
        return row.endpointId;
    case OperatorNameRole:
        return row.operatorName;
    case RequestedValueRole:
        return row.requestedValue;
    case ActualValueRole:
        return row.actualValue;
    case StatusRole:
        return int(row.status);
    case FinalRole:
        return PlantValues::isFinal(row.status);
    case ErrorRole:
        return row.error ? QVariant(*row.error) : QVariant();
    case IssuedAtRole:
        return row.issuedAt;
    case LastChangeRole:
        return row.lastChange;
    case HistoryRole: {
        QVariantList history;
        history.reserve(row.history.size());
        for (const Change &change : row.history) {
            QVariantMap item {{QStringLiteral("status"), int(change.status)}, {QStringLiteral("at"), change.at}};
            if (change.actualValue.isValid())
                item.insert(QStringLiteral("actualValue"), change.actualValue);
            if (change.error)
                item.insert(QStringLiteral("error"), *change.error);
            history.append(item);
        }
        return history;
    }
    case EarlierRunRole:
        return row.earlierRun;
    }
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
    names.insert({
        {CommandIdRole, "commandId"},
        {EndpointIdRole, "endpointId"},
        {OperatorNameRole, "operatorName"},
        {RequestedValueRole, "requestedValue"},
        {ActualValueRole, "actualValue"},
        {StatusRole, "status"},
        {FinalRole, "isFinal"},
        {ErrorRole, "error"},
        {IssuedAtRole, "issuedAt"},
        {LastChangeRole, "lastChange"},
        {HistoryRole, "history"},
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
    for (const Entry &entry : *earlier.entries) {
        Row row;
        static_cast<Entry &>(row) = entry;
        row.earlierRun = entry.issuedAt.isValid() && entry.issuedAt < runStart;
        if (row.earlierRun)
            ++m_earlierRunCount;
        m_rowByKey.insert(keyOf(row.commandId), int(m_rows.size()));
        m_rows.append(std::move(row));
    }
}

bool CommandLogModel::merge(Row &row, int liveRow) const
{
    const Domain::CommandStatus &c = m_live->commandAt(liveRow);
    const QModelIndex index = m_live->index(liveRow, 0);
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
    if (const QVariant requested = EndpointFact::toVariant(c.requestedValue); requested.isValid())
        set(row.requestedValue, requested);
    if (const QVariant actual = EndpointFact::toVariant(c.actualValue); actual.isValid())
        set(row.actualValue, actual);
    if (c.error)
        set(row.error, c.error);
    if (!row.issuedAt.isValid())
        set(row.issuedAt, index.data(CommandModel::IssuedAtRole).toDateTime());

    // The live history restarts with each run (and when the live model drops
    // and relists a command): only changes the row has not seen enter it.
    const QVariantList history = index.data(CommandModel::HistoryRole).toList();
    for (qsizetype i = row.liveChangesSeen; i < history.size(); ++i) {
        const QVariantMap change = history.at(i).toMap();
        const auto status = CommandState(change.value(QStringLiteral("status")).toInt());
        if (!row.history.isEmpty()) {
            const CommandState last = row.history.constLast().status;
            if (last == status || (PlantValues::isFinal(last) && !PlantValues::isFinal(status)))
                continue;
        }
        row.history.append({status, change.value(QStringLiteral("at")).toDateTime(), {}, {}});
        changed = true;
    }
    row.liveChangesSeen = int(history.size());
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
