#include "machinemodel.h"

#include <QSet>
#include <QVariantMap>

#include <algorithm>

using Domain::MachineState;
using Domain::MachineStatus;
using Domain::MaintenanceTicket;
using Domain::TicketStatus;

namespace {

static_assert(int(MachineState::Maintenance) == 3, "m_statusCounts holds one count per machine state");

bool sameTicket(const MaintenanceTicket &a, const MaintenanceTicket &b)
{
    if (a.ticketId != b.ticketId || a.machineId != b.machineId || a.priority != b.priority
        || a.description != b.description || a.status != b.status || a.history.size() != b.history.size())
        return false;
    for (qsizetype i = 0; i < a.history.size(); ++i) {
        if (a.history.at(i).status != b.history.at(i).status || a.history.at(i).timestamp != b.history.at(i).timestamp)
            return false;
    }
    return true;
}

// A report without a timestamp is charted at the time it arrived.
qint64 sampleTime(const QDateTime &timestamp)
{
    return timestamp.isValid() ? timestamp.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

QVariantMap ticketVariant(const MaintenanceTicket &ticket)
{
    QVariantList history;
    history.reserve(ticket.history.size());
    for (const auto &step : ticket.history)
        history.append(
            QVariantMap {{QStringLiteral("status"), int(step.status)}, {QStringLiteral("at"), step.timestamp}});
    return {
        {QStringLiteral("ticketId"), ticket.ticketId},
        {QStringLiteral("priority"), int(ticket.priority)},
        {QStringLiteral("description"), ticket.description},
        {QStringLiteral("status"), int(ticket.status)},
        {QStringLiteral("openedAt"), MachineModel::openedAt(ticket)},
        {QStringLiteral("history"), history},
    };
}

} // namespace

MachineModel::MachineModel(QObject *parent)
    : LiveTableModel(parent)
{
    setExpectedPeriodMs(5000);
}

int MachineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MachineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MachineStatus &m = m_machines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        // Raw values sort naturally, so both roles answer the same.
        switch (index.column()) {
        case IdColumn:
            return m.machineId;
        case NameColumn:
            return m.name;
        case LineColumn:
            return m.line;
        case StatusColumn:
            return int(m.status);
        case UtilizationColumn:
            return m.utilization;
        case ProducedColumn:
            return m.producedCount;
        case OpenTicketsColumn:
            return int(m_ticketIdsByMachine.value(m.machineId).size());
        case LastUpdateColumn:
            return m.timestamp;
        }
        return {};
    case MachineIdRole:
        return m.machineId;
    case NameRole:
        return m.name;
    case LineRole:
        return m.line;
    case StatusRole:
        return int(m.status);
    case UtilizationRole:
        return m.utilization;
    case ProducedCountRole:
        return m.producedCount;
    case LastUpdateRole:
        return m.timestamp;
    case OpenTicketCountRole:
        return int(m_ticketIdsByMachine.value(m.machineId).size());
    case TicketsRole: {
        QVariantList tickets;
        for (const QString &id : m_ticketIdsByMachine.value(m.machineId))
            tickets.append(ticketVariant(m_tickets.value(id)));
        return tickets;
    }
    }
    return baseData(index.row(), role);
}

QVariant MachineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Machine");
    case NameColumn:
        return tr("Name");
    case LineColumn:
        return tr("Line");
    case StatusColumn:
        return tr("Status");
    case UtilizationColumn:
        return tr("Utilization");
    case ProducedColumn:
        return tr("Produced");
    case OpenTicketsColumn:
        return tr("Open tickets");
    case LastUpdateColumn:
        return tr("Last update");
    }
    return {};
}

QHash<int, QByteArray> MachineModel::roleNames() const
{
    QHash<int, QByteArray> names = LiveTableModel::roleNames();
    names.insert({
        {MachineIdRole, "machineId"},
        {NameRole, "name"},
        {LineRole, "line"},
        {StatusRole, "status"},
        {UtilizationRole, "utilization"},
        {ProducedCountRole, "producedCount"},
        {LastUpdateRole, "lastUpdate"},
        {OpenTicketCountRole, "openTicketCount"},
        {TicketsRole, "tickets"},
    });
    return names;
}

void MachineModel::reconcile(const QList<MachineStatus> &snapshot)
{
    QSet<QString> keep;
    keep.reserve(snapshot.size());
    for (const MachineStatus &m : snapshot)
        keep.insert(m.machineId);
    m_history.removeEntities(removeRowsNotIn(keep));
    applyStatuses(snapshot);
    Q_EMIT contentsUpdated();
}

void MachineModel::applyBatch(const QList<MachineStatus> &updates)
{
    applyStatuses(updates);
    Q_EMIT contentsUpdated();
}

void MachineModel::applyStatuses(const QList<MachineStatus> &updates)
{
    struct Before
    {
        MachineStatus status;
        bool stale = false;
    };
    const qint64 t = now();
    QHash<int, Before> before; // rows touched, as they were before the batch
    QStringList newKeys; // in order of first appearance
    QHash<QString, MachineStatus> added;
    QSet<QString> addedLost; // machines added whose latest report said the source is lost
    for (const MachineStatus &update : updates) {
        // A report of quality stale is the machine's last known status:
        // shown, but no new reading for the history, and the machine is
        // stale now, whatever its age.
        const bool lost = update.quality == Domain::Quality::Stale;
        if (!lost)
            recordSample(update);
        const int row = rowOf(update.machineId);
        if (row < 0) {
            if (!added.contains(update.machineId))
                newKeys.append(update.machineId);
            added.insert(update.machineId, update);
            if (lost)
                addedLost.insert(update.machineId);
            else
                addedLost.remove(update.machineId);
            continue;
        }
        if (!before.contains(row))
            before.insert(row, {m_machines.at(row), isStale(row)});
        --m_statusCounts[size_t(m_machines.at(row).status)];
        ++m_statusCounts[size_t(update.status)];
        m_machines[row] = update;
        if (lost)
            markSourceLost(row);
        else
            markHeard(row, t);
    }

    QHash<int, QList<int>> rolesByRow;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        QList<int> roles = changedRoles(it->status, m_machines.at(it.key()));
        if (it->stale != isStale(it.key()))
            roles.append(StaleRole);
        if (!roles.isEmpty())
            rolesByRow.insert(it.key(), roles);
    }
    emitRowChanges(std::move(rolesByRow));

    appendRows(
        newKeys,
        [&] {
            for (const QString &key : std::as_const(newKeys)) {
                const MachineStatus &m = added[key];
                ++m_statusCounts[size_t(m.status)];
                m_machines.append(m);
            }
        },
        addedLost);
}

QList<int> MachineModel::changedRoles(const MachineStatus &before, const MachineStatus &after) const
{
    QList<int> roles;
    const auto check = [&roles](bool changed, int role) {
        if (changed)
            roles.append(role);
    };
    check(before.name != after.name, NameRole);
    check(before.line != after.line, LineRole);
    check(before.status != after.status, StatusRole);
    check(before.utilization != after.utilization, UtilizationRole);
    check(before.producedCount != after.producedCount, ProducedCountRole);
    check(before.timestamp != after.timestamp, LastUpdateRole);
    // Every one of these values has a column.
    if (!roles.isEmpty())
        roles << Qt::DisplayRole << SortRole;
    return roles;
}

void MachineModel::recordSample(const MachineStatus &status)
{
    m_history.append(status.machineId, UtilizationRole, sampleTime(status.timestamp), status.utilization);
}

void MachineModel::removeItems(int first, int count)
{
    for (int row = first; row < first + count; ++row)
        --m_statusCounts[size_t(m_machines.at(row).status)];
    m_machines.remove(first, count);
}

QDateTime MachineModel::openedAt(const MaintenanceTicket &ticket)
{
    for (const auto &step : ticket.history) {
        if (step.status == TicketStatus::Open)
            return step.timestamp;
    }
    return ticket.history.isEmpty() ? QDateTime() : ticket.history.first().timestamp;
}

QList<MaintenanceTicket> MachineModel::openTickets(const QString &machineId) const
{
    QList<MaintenanceTicket> out;
    for (const QString &id : m_ticketIdsByMachine.value(machineId))
        out.append(m_tickets.value(id));
    return out;
}

void MachineModel::addTicket(MaintenanceTicket ticket)
{
    QStringList &ids = m_ticketIdsByMachine[ticket.machineId];
    const QDateTime opened = openedAt(ticket);
    // Oldest first; a ticket whose opening is unknown goes after those known.
    const auto earlier = [this](const QDateTime &a, const QString &otherId) {
        const QDateTime b = openedAt(m_tickets.value(otherId));
        if (a.isValid() != b.isValid())
            return a.isValid();
        return a.isValid() && a < b;
    };
    ids.insert(std::upper_bound(ids.cbegin(), ids.cend(), opened, earlier), ticket.ticketId);
    m_tickets.insert(ticket.ticketId, std::move(ticket));
}

void MachineModel::removeTicket(const QString &ticketId)
{
    const MaintenanceTicket ticket = m_tickets.take(ticketId);
    const auto ids = m_ticketIdsByMachine.find(ticket.machineId);
    if (ids == m_ticketIdsByMachine.end())
        return;
    ids->removeOne(ticketId);
    if (ids->isEmpty())
        m_ticketIdsByMachine.erase(ids);
}

void MachineModel::rememberTickets(QHash<QString, QList<MaintenanceTicket>> &before, const QString &machineId) const
{
    if (!before.contains(machineId))
        before.insert(machineId, openTickets(machineId));
}

void MachineModel::emitTicketChanges(const QHash<QString, QList<MaintenanceTicket>> &before)
{
    QHash<int, QList<int>> rolesByRow;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0)
            continue; // kept until the machine shows up
        const QList<MaintenanceTicket> after = openTickets(it.key());
        if (std::equal(it->cbegin(), it->cend(), after.cbegin(), after.cend(), sameTicket))
            continue;
        QList<int> roles {TicketsRole};
        if (it->size() != after.size())
            roles << OpenTicketCountRole << Qt::DisplayRole << SortRole;
        rolesByRow.insert(row, roles);
    }
    emitRowChanges(std::move(rolesByRow));
}

void MachineModel::reconcileTickets(const QList<MaintenanceTicket> &snapshot)
{
    QHash<QString, QList<MaintenanceTicket>> before;
    for (auto it = m_ticketIdsByMachine.cbegin(); it != m_ticketIdsByMachine.cend(); ++it)
        rememberTickets(before, it.key());
    for (const MaintenanceTicket &ticket : snapshot)
        rememberTickets(before, ticket.machineId);

    m_tickets.clear();
    m_ticketIdsByMachine.clear();
    for (const MaintenanceTicket &ticket : snapshot) {
        // The snapshot lists open tickets; a resolved one is already closed.
        if (ticket.status == TicketStatus::Resolved)
            continue;
        if (m_tickets.contains(ticket.ticketId))
            removeTicket(ticket.ticketId);
        addTicket(ticket);
    }
    emitTicketChanges(before);
    Q_EMIT contentsUpdated();
}

void MachineModel::applyMaintenanceAlerts(const QList<Domain::MaintenanceAlert> &alerts)
{
    QHash<QString, QList<MaintenanceTicket>> before;
    for (const Domain::MaintenanceAlert &alert : alerts) {
        MaintenanceTicket ticket;
        if (const auto known = m_tickets.constFind(alert.ticketId); known != m_tickets.cend()) {
            // Sent again (after a resume, say): keep how far it got.
            ticket = *known;
            rememberTickets(before, ticket.machineId);
            removeTicket(alert.ticketId);
        } else {
            ticket.ticketId = alert.ticketId;
            ticket.status = TicketStatus::Open;
            ticket.history = {{TicketStatus::Open, alert.timestamp}};
        }
        ticket.machineId = alert.machineId;
        ticket.priority = alert.priority;
        ticket.description = alert.description;
        rememberTickets(before, ticket.machineId);
        addTicket(std::move(ticket));
    }
    emitTicketChanges(before);
    Q_EMIT contentsUpdated();
}

void MachineModel::applyTicketChanges(const QList<Domain::TicketStatusChange> &changes)
{
    QHash<QString, QList<MaintenanceTicket>> before;
    for (const Domain::TicketStatusChange &change : changes) {
        MaintenanceTicket ticket;
        if (const auto known = m_tickets.constFind(change.ticketId); known != m_tickets.cend()) {
            ticket = *known;
            rememberTickets(before, ticket.machineId);
            removeTicket(change.ticketId);
        } else if (change.newStatus == TicketStatus::Resolved) {
            continue;
        } else {
            // Its alert never reached us: show the ticket with what we know
            // rather than hide work that is open on the plant floor.
            ticket.ticketId = change.ticketId;
            ticket.machineId = change.machineId;
            rememberTickets(before, ticket.machineId);
        }
        if (change.newStatus == TicketStatus::Resolved)
            continue;
        ticket.status = change.newStatus;
        ticket.history.append({change.newStatus, change.timestamp});
        // Added again: a first step can move it among the machine's tickets.
        addTicket(std::move(ticket));
    }
    emitTicketChanges(before);
    Q_EMIT contentsUpdated();
}
