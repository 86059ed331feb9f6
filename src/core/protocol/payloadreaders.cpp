#include "payloadreaders.h"

#include "fieldrules.h"

// The wire format reads and writes the domain's value types.
using namespace Domain;

namespace Protocol::Payload {

using namespace Qt::StringLiterals;

namespace {

using Rules::kMaxPercent;

Endpoint readEndpoint(FieldReader &r)
{
    Endpoint e;
    e.endpointId = r.identifier("endpointId"_L1);
    e.name = r.string("name"_L1);
    e.unit = r.optionalString("unit"_L1);
    e.valueType = r.enumeration("valueType"_L1, kValueTypes);
    e.writable = r.optionalBoolean("writable"_L1, false);
    e.critical = r.optionalBoolean("critical"_L1, false);
    e.min = r.nullableNumber("min"_L1);
    e.max = r.nullableNumber("max"_L1);
    e.step = r.nullableNumber("step"_L1);
    e.options = r.optionalStringList("options"_L1);
    e.value = r.optionalValue("value"_L1);
    e.timestamp = r.optionalTimestamp("timestamp"_L1);
    Rules::readQuality(r, e.quality, e.qualityReason);
    if (r.ok() && e.min && e.max && *e.min > *e.max)
        r.fail(DecodeError::Kind::BadField, "max"_L1, QStringLiteral("max is below min"));
    if (r.ok() && e.step && *e.step <= 0.0)
        r.fail(DecodeError::Kind::BadField, "step"_L1, QStringLiteral("step must be positive"));
    return e;
}

Device readDevice(FieldReader &r)
{
    Device d;
    d.deviceId = r.identifier("deviceId"_L1);
    d.kind = r.string("kind"_L1);
    d.name = r.string("name"_L1);
    d.endpoints = r.list("endpoints"_L1, readEndpoint);
    return d;
}

Interlock readInterlock(FieldReader &r)
{
    Interlock i;
    i.id = r.identifier("id"_L1);
    i.description = r.string("description"_L1);
    i.target = r.identifier("target"_L1);
    const QJsonObject condition = r.object("requires"_L1);
    if (!r.ok())
        return i;
    FieldReader req = r.nested(condition, QStringLiteral("requires"));
    i.requiredEndpointId = req.identifier("endpointId"_L1);
    i.op = req.enumeration("op"_L1, kComparisonOps);
    i.requiredValue = req.value("value"_L1);
    if (req.ok() && std::holds_alternative<std::monostate>(i.requiredValue))
        req.fail(DecodeError::Kind::BadField, "value"_L1, QStringLiteral("an interlock needs a value to compare"));
    return i;
}

TicketHistoryEntry readHistoryEntry(FieldReader &r)
{
    TicketHistoryEntry h;
    h.status = r.enumeration("status"_L1, kTicketStatuses);
    h.timestamp = r.timestamp("timestamp"_L1);
    return h;
}

} // namespace

DroneStatus readDroneStatus(FieldReader &r, const QString &serial, const QDateTime &timestamp)
{
    return Rules::readDroneStatus(r, serial, timestamp);
}

DroneBuildProgress readDroneBuild(FieldReader &r, const QString &serial, const QDateTime &timestamp)
{
    return Rules::readDroneBuild(r, serial, timestamp);
}

DroneHealth readDroneHealth(FieldReader &r, const QString &serial, const QDateTime &timestamp)
{
    return Rules::readDroneHealth(r, serial, timestamp);
}

DroneOperation readDroneOperation(FieldReader &r, const QString &serial, const QDateTime &timestamp)
{
    return Rules::readDroneOperation(r, serial, timestamp);
}

namespace {

// The optional `build` and `health` objects of a drone snapshot item.
void readDroneDetailObjects(FieldReader &r, const QString &serial, const QDateTime &timestamp, Snapshot &snapshot)
{
    if (const auto build = r.nullableObject("build"_L1); build && r.ok()) {
        FieldReader b = r.nested(*build, QStringLiteral("build"));
        snapshot.droneBuilds.append(readDroneBuild(b, serial, timestamp));
    }
    if (const auto health = r.nullableObject("health"_L1); health && r.ok()) {
        FieldReader h = r.nested(*health, QStringLiteral("health"));
        snapshot.droneHealth.append(readDroneHealth(h, serial, timestamp));
    }
}

} // namespace

DroneStatus readDroneItem(FieldReader &r, Snapshot &snapshot)
{
    const QString serial = r.identifier("serial"_L1);
    const QDateTime timestamp = r.timestamp("timestamp"_L1);
    if (!r.ok())
        return {};
    DroneStatus status = readDroneStatus(r, serial, timestamp);
    readDroneDetailObjects(r, serial, timestamp, snapshot);
    if (const auto operation = r.nullableObject("operation"_L1); operation && r.ok()) {
        FieldReader o = r.nested(*operation, QStringLiteral("operation"));
        snapshot.droneOperations.append(readDroneOperation(o, serial, timestamp));
    }
    return status;
}

QString readDroneDetails(FieldReader &r, Snapshot &snapshot)
{
    const QString serial = r.identifier("serial"_L1);
    const QDateTime timestamp = r.timestamp("timestamp"_L1);
    if (r.ok())
        readDroneDetailObjects(r, serial, timestamp, snapshot);
    return serial;
}

MachineStatus readMachineStatus(FieldReader &r)
{
    return Rules::readMachineStatus(r);
}

MaintenanceAlert readMaintenanceAlert(FieldReader &r)
{
    MaintenanceAlert a;
    a.ticketId = r.identifier("ticketId"_L1);
    a.machineId = r.identifier("machineId"_L1);
    a.priority = r.enumeration("priority"_L1, kTicketPriorities);
    a.description = r.string("description"_L1);
    a.timestamp = r.optionalTimestamp("timestamp"_L1);
    return a;
}

TicketStatusChange readTicketStatusChange(FieldReader &r)
{
    TicketStatusChange c;
    c.ticketId = r.identifier("ticketId"_L1);
    c.oldStatus = r.enumeration("oldStatus"_L1, kTicketStatuses);
    c.newStatus = r.enumeration("newStatus"_L1, kTicketStatuses);
    c.machineId = r.identifier("machineId"_L1);
    c.timestamp = r.optionalTimestamp("timestamp"_L1);
    return c;
}

MaintenanceTicket readMaintenanceTicket(FieldReader &r)
{
    MaintenanceTicket t;
    t.ticketId = r.identifier("ticketId"_L1);
    t.machineId = r.identifier("machineId"_L1);
    t.priority = r.enumeration("priority"_L1, kTicketPriorities);
    t.description = r.string("description"_L1);
    t.status = r.enumeration("status"_L1, kTicketStatuses);
    t.history = r.list("history"_L1, readHistoryEntry, false);
    return t;
}

Telemetry readTelemetry(FieldReader &r)
{
    return Rules::readTelemetry(r);
}

CommandStatus readCommandStatus(FieldReader &r)
{
    return Rules::readCommandStatus(r);
}

Tile readTile(FieldReader &r)
{
    Tile t;
    t.tileId = r.identifier("tileId"_L1);
    t.name = r.string("name"_L1);
    t.devices = r.list("devices"_L1, readDevice);
    t.interlocks = r.list("interlocks"_L1, readInterlock, false);
    return t;
}

Alarm readAlarm(FieldReader &r)
{
    return Rules::readAlarm(r);
}

ServerHealth readServerHealth(FieldReader &r)
{
    ServerHealth h;
    h.cpu = r.clampedNumber("cpu"_L1, 0.0, kMaxPercent);
    h.memory = r.clampedNumber("memory"_L1, 0.0, kMaxPercent);
    h.storage = r.clampedNumber("storage"_L1, 0.0, kMaxPercent);
    h.timestamp = r.optionalTimestamp("timestamp"_L1);
    return h;
}

SystemAlert readSystemAlert(FieldReader &r)
{
    SystemAlert a;
    a.message = r.string("message"_L1);
    // Seed-000 dashboards send no level: such an alert, or one of a level
    // this console does not know, is a warning (docs/protocol.md).
    a.level
        = r.optionalLenientEnumeration("level"_L1, kAlertLevels, SystemAlertLevel::Warning, SystemAlertLevel::Warning);
    a.timestamp = r.optionalTimestamp("timestamp"_L1);
    return a;
}

OperatorPresence readOperatorPresence(FieldReader &r)
{
    OperatorPresence p;
    p.name = r.string("name"_L1);
    p.role = r.enumeration("role"_L1, kRoles);
    p.since = r.timestamp("since"_L1);
    p.client = r.optionalString("client"_L1);
    return p;
}

OperatorPresence readLeavingOperator(FieldReader &r)
{
    OperatorPresence p;
    p.name = r.string("name"_L1);
    p.client = r.optionalString("client"_L1);
    return p;
}

UserActivity readUserActivity(FieldReader &r)
{
    UserActivity u;
    u.operatorName = r.string("operator"_L1);
    u.action = r.string("action"_L1);
    u.target = r.optionalString("target"_L1);
    u.timestamp = r.timestamp("timestamp"_L1);
    return u;
}

} // namespace Protocol::Payload
