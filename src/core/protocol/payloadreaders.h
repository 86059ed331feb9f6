#pragma once

#include "fieldreader.h"
#include "messages.h"

// Readers for the payload of each server event and each snapshot item. Each
// reads its fields through `r`, which keeps the first failure; the caller
// checks r.ok() before using what came back.
namespace Protocol::Payload {

// A drone's status fields (`state`, `battery`, `location`, `speed`).
Domain::DroneStatus readDroneStatus(FieldReader &r, const QString &serial, const QDateTime &timestamp);
// The `data` of the drone_update kinds other than `status`.
Domain::DroneBuildProgress readDroneBuild(FieldReader &r, const QString &serial, const QDateTime &timestamp);
Domain::DroneHealth readDroneHealth(FieldReader &r, const QString &serial, const QDateTime &timestamp);
Domain::DroneOperation readDroneOperation(FieldReader &r, const QString &serial, const QDateTime &timestamp);
// A `drones` snapshot item: the status fields beside `serial` and
// `timestamp`; its optional `build`, `health` and `operation` objects go to
// the snapshot's lists of those.
Domain::DroneStatus readDroneItem(FieldReader &r, Snapshot &snapshot);
// A `drone_detail` snapshot item: `serial`, `timestamp` and optional `build`
// and `health`, added to the snapshot's lists. Returns the serial.
QString readDroneDetails(FieldReader &r, Snapshot &snapshot);

Domain::MachineStatus readMachineStatus(FieldReader &r);
Domain::MaintenanceAlert readMaintenanceAlert(FieldReader &r);
Domain::TicketStatusChange readTicketStatusChange(FieldReader &r);
Domain::MaintenanceTicket readMaintenanceTicket(FieldReader &r);

Domain::Telemetry readTelemetry(FieldReader &r);
Domain::CommandStatus readCommandStatus(FieldReader &r);
Domain::Tile readTile(FieldReader &r);

Domain::Alarm readAlarm(FieldReader &r);

Domain::ServerHealth readServerHealth(FieldReader &r);
Domain::SystemAlert readSystemAlert(FieldReader &r);

Domain::OperatorPresence readOperatorPresence(FieldReader &r);
// An item of `presence_changed`'s `left`: the name and client only.
Domain::OperatorPresence readLeavingOperator(FieldReader &r);
Domain::UserActivity readUserActivity(FieldReader &r);

} // namespace Protocol::Payload
