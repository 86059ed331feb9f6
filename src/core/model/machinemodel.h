#pragma once

#include "domain/machine.h"
#include "livetablemodel.h"
#include "metrichistory.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>

// The plant's production machines, one row per machine, with the open
// maintenance tickets of each. Machine reports arrive in batches (a
// machine_status_update each) or as a `machines` snapshot; tickets as the
// `maintenance` snapshot, maintenance_alert and ticket_status_change events.
// Tickets are kept by ticket id whether or not their machine is known yet,
// so a ticket that arrives before its machine shows once the machine does.
class MachineModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        LineColumn,
        StatusColumn,
        UtilizationColumn,
        ProducedColumn,
        OpenTicketsColumn,
        LastUpdateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int {
        MachineIdRole = FirstEntityRole,
        NameRole,
        LineRole,
        StatusRole, // Domain::MachineState as int
        UtilizationRole, // percent, 0-100; also the metric id of its history
        ProducedCountRole,
        LastUpdateRole, // QDateTime, UTC; invalid when the server gave none
        OpenTicketCountRole,
        // QVariantList of QVariantMap {ticketId, priority (int), description,
        // status (int), openedAt, history: [{status (int), at}]}: the open
        // and in-progress tickets, oldest first.
        TicketsRole,
    };
    Q_ENUM(Role)

    explicit MachineModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Makes the machines equal to a `machines` snapshot. Tickets are not
    // touched: the `maintenance` snapshot is their authority.
    void reconcile(const QList<Domain::MachineStatus> &snapshot);
    // Live reports in arrival order; a report for an unknown machine adds it.
    void applyBatch(const QList<Domain::MachineStatus> &updates);

    // The `maintenance` snapshot: exactly these tickets are open from now on.
    void reconcileTickets(const QList<Domain::MaintenanceTicket> &snapshot);
    void applyMaintenanceAlerts(const QList<Domain::MaintenanceAlert> &alerts);
    void applyTicketChanges(const QList<Domain::TicketStatusChange> &changes);

    const Domain::MachineStatus &machineAt(int row) const { return m_machines.at(row); }
    // Open and in-progress tickets of a machine, oldest first; known or not.
    QList<Domain::MaintenanceTicket> openTickets(const QString &machineId) const;
    int openTicketCount() const { return int(m_tickets.size()); }
    int countByStatus(Domain::MachineState status) const { return m_statusCounts.at(size_t(status)); }

    // Utilization per machine: series(machineId, UtilizationRole).
    const MetricHistory &history() const { return m_history; }
    // Samples kept per machine; applies to machines first seen from now on.
    void setHistoryCapacity(qsizetype samples) { m_history.setCapacityPerSeries(samples); }

    // When a ticket was opened: its first `open` step, else its first step.
    static QDateTime openedAt(const Domain::MaintenanceTicket &ticket);

protected:
    void removeItems(int first, int count) override;

private:
    void applyStatuses(const QList<Domain::MachineStatus> &updates);
    QList<int> changedRoles(const Domain::MachineStatus &before, const Domain::MachineStatus &after) const;
    void recordSample(const Domain::MachineStatus &status);
    void addTicket(Domain::MaintenanceTicket ticket);
    void removeTicket(const QString &ticketId);
    // Announces the machines whose tickets differ from `before`.
    void emitTicketChanges(const QHash<QString, QList<Domain::MaintenanceTicket>> &before);
    void rememberTickets(QHash<QString, QList<Domain::MaintenanceTicket>> &before, const QString &machineId) const;

    QList<Domain::MachineStatus> m_machines; // parallel to the rows
    std::array<int, 4> m_statusCounts {};
    QHash<QString, Domain::MaintenanceTicket> m_tickets; // by ticket id
    QHash<QString, QStringList> m_ticketIdsByMachine; // oldest first
    MetricHistory m_history;
};
