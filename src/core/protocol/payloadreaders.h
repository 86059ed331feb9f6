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
// The `data` of the drone_update kinds other than `status`.
DroneBuildProgress readDroneBuild(FieldReader &r, const QString &serial, const QDateTime &timestamp);
DroneHealth readDroneHealth(FieldReader &r, const QString &serial, const QDateTime &timestamp);
DroneOperation readDroneOperation(FieldReader &r, const QString &serial, const QDateTime &timestamp);
// A `drones` snapshot item: the status fields beside `serial` and
// `timestamp`; its optional `build`, `health` and `operation` objects go to
// the snapshot's lists of those.
DroneStatus readDroneItem(FieldReader &r, Snapshot &snapshot);
// A `drone_detail` snapshot item: `serial`, `timestamp` and optional `build`
// and `health`, added to the snapshot's lists. Returns the serial.
QString readDroneDetails(FieldReader &r, Snapshot &snapshot);

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
