#pragma once

#include "fieldreader.h"
#include "messages.h"

#include <array>
#include <utility>

// Readers for the payload of each server event and each snapshot item. Each
// reads its fields through `r`, which keeps the first failure; the caller
// checks r.ok() before using what came back.
namespace Protocol::Payload {

inline constexpr auto kDroneStateNames = std::to_array<std::pair<DroneState, QStringView>>({
    {DroneState::Idle, u"idle"},
    {DroneState::Flying, u"flying"},
    {DroneState::Charging, u"charging"},
    {DroneState::Maintenance, u"maintenance"},
    {DroneState::Offline, u"offline"},
    {DroneState::Error, u"error"},
});

// A drone's status fields (`state`, `battery`, `location`, `speed`).
DroneStatus readDroneStatus(FieldReader &r, const QString &serial, const QDateTime &timestamp);
// A `drones` snapshot item: the status fields beside `serial` and `timestamp`.
DroneStatus readDroneItem(FieldReader &r);

MachineStatus readMachineStatus(FieldReader &r);
MaintenanceAlert readMaintenanceAlert(FieldReader &r);
TicketStatusChange readTicketStatusChange(FieldReader &r);
MaintenanceTicket readMaintenanceTicket(FieldReader &r);

Telemetry readTelemetry(FieldReader &r);
CommandStatus readCommandStatus(FieldReader &r);
Tile readTile(FieldReader &r);

Alarm readAlarm(FieldReader &r);

ServerHealth readServerHealth(FieldReader &r);
SystemAlert readSystemAlert(FieldReader &r);

OperatorPresence readOperatorPresence(FieldReader &r);
UserActivity readUserActivity(FieldReader &r);

} // namespace Protocol::Payload
