#pragma once

#include "quality.h"
#include "words.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Production machines and their maintenance tickets: machine_status_update,
// maintenance_alert, ticket_status_change and the `machines` and
// `maintenance` snapshots.
namespace Domain {

enum class MachineState { Running, Idle, Down, Maintenance };

// One machine's state: a machine_status_update event and one item of a
// `machines` snapshot.
struct MachineStatus
{
    QString machineId;
    QString name; // empty when the server gives none
    MachineState status = MachineState::Idle;
    double utilization = 0.0; // percent, 0-100
    QString line;
    qint64 producedCount = 0;
    QDateTime timestamp; // invalid when the server gives none
    // Stale: the server lost the machine; the fields above are its last known status.
    Quality quality = Quality::Good;
    QString qualityReason; // why it is stale, as the server words it; empty when good or not given
};

struct MachineStatusUpdate
{
    MachineStatus machine;
};

enum class TicketPriority { Low, Medium, High, Critical };

enum class TicketStatus { Open, InProgress, Resolved };

// A machine broke down and a ticket was opened for it.
struct MaintenanceAlert
{
    QString ticketId;
    QString machineId;
    TicketPriority priority = TicketPriority::Medium;
    QString description;
    QDateTime timestamp; // invalid when the server gives none
};

struct TicketStatusChange
{
    QString ticketId;
    QString machineId;
    TicketStatus oldStatus = TicketStatus::Open;
    TicketStatus newStatus = TicketStatus::Open;
    QDateTime timestamp; // invalid when the server gives none
};

struct TicketHistoryEntry
{
    TicketStatus status = TicketStatus::Open;
    QDateTime timestamp;
};

// One item of a `maintenance` snapshot: an open ticket and how it got there.
struct MaintenanceTicket
{
    QString ticketId;
    QString machineId;
    TicketPriority priority = TicketPriority::Medium;
    QString description;
    TicketStatus status = TicketStatus::Open;
    QList<TicketHistoryEntry> history; // oldest first
};

// The words of its enumerations, as the wire and the store spell them.
inline constexpr auto kMachineStates = std::to_array<std::pair<MachineState, QStringView>>({
    {MachineState::Running, u"running"},
    {MachineState::Idle, u"idle"},
    {MachineState::Down, u"down"},
    {MachineState::Maintenance, u"maintenance"},
});

inline constexpr auto kTicketPriorities = std::to_array<std::pair<TicketPriority, QStringView>>({
    {TicketPriority::Low, u"low"},
    {TicketPriority::Medium, u"medium"},
    {TicketPriority::High, u"high"},
    {TicketPriority::Critical, u"critical"},
});

inline constexpr auto kTicketStatuses = std::to_array<std::pair<TicketStatus, QStringView>>({
    {TicketStatus::Open, u"open"},
    {TicketStatus::InProgress, u"in_progress"},
    {TicketStatus::Resolved, u"resolved"},
});

} // namespace Domain
