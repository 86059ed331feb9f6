#include "serverhealthmodel.h"

#include <QSet>

using Domain::ServerHealth;

ServerHealthModel::ServerHealthModel(QObject *parent)
    : LiveTableModel(parent)
    , m_history(kDefaultHistoryCapacity)
{
    setExpectedPeriodMs(5000);
}

int ServerHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case CpuColumn:
            return m_health.cpu;
        case MemoryColumn:
            return m_health.memory;
        case StorageColumn:
            return m_health.storage;
        case LastUpdateColumn:
            return m_health.timestamp;
        }
        return {};
    case CpuRole:
        return m_health.cpu;
    case MemoryRole:
        return m_health.memory;
    case StorageRole:
        return m_health.storage;
    case LastUpdateRole:
        return m_health.timestamp;
    }
    return baseData(index.row(), role);
}

QVariant ServerHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case StorageColumn:
        return tr("Storage");
    case LastUpdateColumn:
        return tr("Last update");
    }
    return {};
}

QHash<int, QByteArray> ServerHealthModel::roleNames() const
{
    QHash<int, QByteArray> names = LiveTableModel::roleNames();
    names.insert({
        {CpuRole, "cpu"},
        {MemoryRole, "memory"},
        {StorageRole, "storage"},
        {LastUpdateRole, "lastUpdate"},
    });
    return names;
}

void ServerHealthModel::reconcile(const QList<ServerHealth> &snapshot)
{
    if (snapshot.isEmpty()) {
        m_history.removeEntities(removeRowsNotIn({}));
    } else {
        apply(snapshot);
    }
    Q_EMIT contentsUpdated();
}

void ServerHealthModel::applyBatch(const QList<ServerHealth> &reports)
{
    apply(reports);
    Q_EMIT contentsUpdated();
}

void ServerHealthModel::apply(const QList<ServerHealth> &reports)
{
    if (reports.isEmpty())
        return;
    const QString key = serverKey();
    for (const ServerHealth &report : reports) {
        // A report without a timestamp is charted at the time it arrived.
        const qint64 at
            = report.timestamp.isValid() ? report.timestamp.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
        m_history.append(key, CpuRole, at, report.cpu);
        m_history.append(key, MemoryRole, at, report.memory);
        m_history.append(key, StorageRole, at, report.storage);
    }
    const ServerHealth &last = reports.last();
    if (rowCount() == 0) {
        appendRows({key}, [&] { m_health = last; });
        return;
    }

    QList<int> roles;
    const auto check = [&roles](bool changed, int role) {
        if (changed)
            roles.append(role);
    };
    check(m_health.cpu != last.cpu, CpuRole);
    check(m_health.memory != last.memory, MemoryRole);
    check(m_health.storage != last.storage, StorageRole);
    check(m_health.timestamp != last.timestamp, LastUpdateRole);
    if (!roles.isEmpty())
        roles << Qt::DisplayRole << SortRole; // every value has a column
    m_health = last;
    const bool wasStale = isStale(0);
    markHeard(0, now());
    if (wasStale != isStale(0))
        roles.append(StaleRole);
    if (!roles.isEmpty())
        emitRowChanges(QHash<int, QList<int>> {{0, roles}});
}

void ServerHealthModel::removeItems(int, int)
{
    m_health = {};
}
