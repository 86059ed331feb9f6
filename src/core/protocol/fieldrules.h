#pragma once

#include "decodeerror.h"
#include "messages.h"

#include <QLatin1StringView>

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

// The field rules of the messages that arrive by the hundred thousand
// (drone_update of every kind, machine_status_update, telemetry,
// command_status, alarm), written once. Each reader is a template over its
// Source, the JSON object it reads: FieldReader over a QJsonObject (the
// reference path, which words the errors) and the fast decoder's reader over
// a simdjson element. Which fields a message has, which are required, their
// defaults, ranges and word tables are stated here and nowhere else, so both
// paths accept the same messages and read the same values.
//
// A Source offers FieldReader's vocabulary, each read taking a Field:
// string, optionalString, nullableString, identifier, optionalIdentifier,
// number, optionalNumber, clampedNumber, integer, optionalInteger,
// optionalBoolean, timestamp, optionalTimestamp, nullableTimestamp, value,
// optionalValue, lenientString, enumeration, lenientEnumeration,
// optionalLenientEnumeration, wordIn, object, nullableObject, nested,
// hasValue, ok and fail. Like FieldReader it keeps the first failure and
// goes on, so the rules read every field and check ok() where they must.
namespace Protocol {

namespace FieldNames {

using namespace std::string_view_literals;

// Every field name the hot messages read, at any depth. The fast decoder
// finds an object's fields by their place here, and keeps which it found in
// a 64-bit mask.
inline constexpr auto kAll = std::to_array<std::string_view>({
    "type"sv,       "seq"sv,           "ts"sv,          "serial"sv,       "kind"sv,           "data"sv,
    "timestamp"sv,  "state"sv,         "battery"sv,     "location"sv,     "speed"sv,          "lat"sv,
    "lon"sv,        "alt"sv,           "percent"sv,     "stage"sv,        "assembly"sv,       "eta"sv,
    "cpu"sv,        "memory"sv,        "storage"sv,     "temperature"sv,  "mission"sv,        "status"sv,
    "progress"sv,   "machineId"sv,     "name"sv,        "utilization"sv,  "line"sv,           "producedCount"sv,
    "endpointId"sv, "value"sv,         "unit"sv,        "commandId"sv,    "requestedValue"sv, "actualValue"sv,
    "operator"sv,   "error"sv,         "completedAt"sv, "alarmId"sv,      "severity"sv,       "message"sv,
    "ackedBy"sv,    "ackedAt"sv,       "note"sv,        "shelvedUntil"sv, "shelvedBy"sv,      "shelveReason"sv,
    "count"sv,      "chattering"sv,    "source"sv,      "id"sv,           "events"sv,         "completion"sv,
    "quality"sv,    "qualityReason"sv,
});
static_assert(kAll.size() <= 64, "the fast decoder's presence mask is 64 bits");

// Not constexpr: a "name"_field that is not in kAll calls it, which stops
// the compiler.
inline void notAFieldOfTheHotMessages()
{ }

} // namespace FieldNames

// One field of the hot messages: its name, and its place among FieldNames::kAll.
class Field
{
public:
    constexpr int key() const { return m_key; }
    constexpr QLatin1StringView name() const
    {
        return QLatin1StringView(FieldNames::kAll[std::size_t(m_key)].data(),
                                 qsizetype(FieldNames::kAll[std::size_t(m_key)].size()));
    }
    // FieldReader reads by name.
    constexpr operator QLatin1StringView() const { return name(); }

private:
    friend consteval Field operator""_field(const char *text, std::size_t size);
    constexpr explicit Field(int key)
        : m_key(key)
    { }

    int m_key;
};

// "battery"_field: a field of FieldNames::kAll, found at compile time.
consteval Field operator""_field(const char *text, std::size_t size)
{
    const std::string_view name(text, size);
    for (std::size_t k = 0; k < FieldNames::kAll.size(); ++k) {
        if (FieldNames::kAll[k] == name)
            return Field(int(k));
    }
    FieldNames::notAFieldOfTheHotMessages();
    return Field(0);
}

namespace Rules {

inline constexpr double kMaxPercent = 100.0;

// The message types read by these rules.
enum class HotType { DroneUpdate, MachineStatusUpdate, Telemetry, CommandStatus, Alarm };
inline constexpr auto kHotTypes = std::to_array<std::pair<HotType, QStringView>>({
    {HotType::DroneUpdate, u"drone_update"},
    {HotType::MachineStatusUpdate, u"machine_status_update"},
    {HotType::Telemetry, u"telemetry"},
    {HotType::CommandStatus, u"command_status"},
    {HotType::Alarm, u"alarm"},
});

// The `kind` of a drone_update: which payload its `data` holds.
enum class DroneUpdateKind { Status, BuildProgress, SystemHealth, Operation };
inline constexpr auto kDroneUpdateKinds = std::to_array<std::pair<DroneUpdateKind, QStringView>>({
    {DroneUpdateKind::Status, u"status"},
    {DroneUpdateKind::BuildProgress, u"build_progress"},
    {DroneUpdateKind::SystemHealth, u"system_health"},
    {DroneUpdateKind::Operation, u"operation"},
});

// `seq` and `ts`, which any message may carry: whole numbers from 0.
template<typename Source> void readNumbering(Source &r, Message &m)
{
    const qint64 seq = r.optionalInteger("seq"_field, -1);
    const qint64 ts = r.optionalInteger("ts"_field, -1);
    if (seq >= 0)
        m.seq = quint64(seq);
    if (ts >= 0)
        m.ts = ts;
}

// `quality` and `qualityReason`, which telemetry, tile endpoints and the
// status of drones and machines may carry. Absent or null is good; anything
// else but the word "good" is stale, an unknown word or a value that is not
// text included: a marker this console cannot read must not leave a value
// passed off as live, nor cost the report. A reason goes with stale only,
// and one that is not text is ignored.
template<typename Source> void readQuality(Source &r, Domain::Quality &quality, QString &reason)
{
    quality = Domain::Quality::Good;
    reason.clear();
    if (!r.hasValue("quality"_field))
        return;
    const std::optional<QString> word = r.lenientString("quality"_field);
    quality
        = word ? Domain::valueOf(Domain::kQualities, *word).value_or(Domain::Quality::Stale) : Domain::Quality::Stale;
    if (quality == Domain::Quality::Stale)
        reason = r.lenientString("qualityReason"_field).value_or(QString());
}

// A drone's status fields (`state`, `battery`, `location`, `speed`,
// `quality`, `qualityReason`).
template<typename Source> Domain::DroneStatus readDroneStatus(Source &r, QString serial, QDateTime timestamp)
{
    Domain::DroneStatus s;
    s.serial = std::move(serial);
    s.timestamp = std::move(timestamp);
    s.state = r.enumeration("state"_field, Domain::kDroneStates);
    s.battery = r.clampedNumber("battery"_field, 0.0, kMaxPercent);
    const auto location = r.object("location"_field);
    s.speed = r.optionalNumber("speed"_field, 0.0, 0.0);
    readQuality(r, s.quality, s.qualityReason);
    if (!r.ok())
        return s;
    auto loc = r.nested(location, "location"_field);
    s.location.lat = loc.number("lat"_field, -90.0, 90.0);
    s.location.lon = loc.number("lon"_field, -180.0, 180.0);
    s.location.alt = loc.optionalNumber("alt"_field, 0.0);
    return s;
}

template<typename Source> Domain::DroneBuildProgress readDroneBuild(Source &r, QString serial, QDateTime timestamp)
{
    Domain::DroneBuildProgress b;
    b.serial = std::move(serial);
    b.timestamp = std::move(timestamp);
    // Seed-000 dashboards call it `completion`; either is a percentage.
    const Field percent
        = r.hasValue("percent"_field) || !r.hasValue("completion"_field) ? "percent"_field : "completion"_field;
    b.percent = int(std::lround(r.clampedNumber(percent, 0.0, kMaxPercent)));
    b.stage = r.string("stage"_field);
    b.assembly = r.optionalString("assembly"_field);
    b.eta = r.optionalTimestamp("eta"_field);
    return b;
}

template<typename Source> Domain::DroneHealth readDroneHealth(Source &r, QString serial, QDateTime timestamp)
{
    Domain::DroneHealth h;
    h.serial = std::move(serial);
    h.timestamp = std::move(timestamp);
    h.cpu = r.clampedNumber("cpu"_field, 0.0, kMaxPercent);
    h.memory = r.clampedNumber("memory"_field, 0.0, kMaxPercent);
    h.storage = r.clampedNumber("storage"_field, 0.0, kMaxPercent);
    h.temperature = r.number("temperature"_field, -100.0, 200.0);
    return h;
}

template<typename Source> Domain::DroneOperation readDroneOperation(Source &r, QString serial, QDateTime timestamp)
{
    Domain::DroneOperation o;
    o.serial = std::move(serial);
    o.timestamp = std::move(timestamp);
    o.mission = r.string("mission"_field);
    o.status = r.enumeration("status"_field, Domain::kMissionStatuses);
    o.progress = r.clampedNumber("progress"_field, 0.0, kMaxPercent);
    return o;
}

// A drone_update: `serial`, `kind`, `timestamp` and the `data` of its kind,
// into `out`.
template<typename Source> void readDroneUpdate(Source &r, Body &out)
{
    QString serial = r.identifier("serial"_field);
    const std::optional<DroneUpdateKind> kind = r.wordIn("kind"_field, kDroneUpdateKinds);
    const auto data = r.object("data"_field);
    QDateTime timestamp = r.timestamp("timestamp"_field);
    if (!r.ok())
        return;
    if (!kind) {
        r.fail(DecodeError::Kind::UnsupportedKind, "kind"_field,
               QStringLiteral("drone_update kind \"%1\" is not handled").arg(r.string("kind"_field)));
        return;
    }
    auto d = r.nested(data, "data"_field);
    switch (*kind) {
    case DroneUpdateKind::Status:
        out = Domain::DroneStatusUpdate {readDroneStatus(d, std::move(serial), std::move(timestamp))};
        return;
    case DroneUpdateKind::BuildProgress:
        out = readDroneBuild(d, std::move(serial), std::move(timestamp));
        return;
    case DroneUpdateKind::SystemHealth:
        out = readDroneHealth(d, std::move(serial), std::move(timestamp));
        return;
    case DroneUpdateKind::Operation:
        out = readDroneOperation(d, std::move(serial), std::move(timestamp));
        return;
    }
}

template<typename Source> Domain::MachineStatus readMachineStatus(Source &r)
{
    Domain::MachineStatus m;
    m.machineId = r.identifier("machineId"_field);
    m.name = r.optionalString("name"_field);
    m.status = r.enumeration("status"_field, Domain::kMachineStates);
    m.utilization = r.clampedNumber("utilization"_field, 0.0, kMaxPercent);
    m.line = r.string("line"_field);
    m.producedCount = r.integer("producedCount"_field);
    m.timestamp = r.optionalTimestamp("timestamp"_field);
    readQuality(r, m.quality, m.qualityReason);
    return m;
}

template<typename Source> Domain::Telemetry readTelemetry(Source &r)
{
    Domain::Telemetry t;
    t.endpointId = r.identifier("endpointId"_field);
    readQuality(r, t.quality, t.qualityReason);
    // A stale report may say the last value again, or have none to give.
    const bool stale = t.quality == Domain::Quality::Stale;
    t.value = stale ? r.optionalValue("value"_field) : r.value("value"_field);
    t.unit = r.optionalString("unit"_field);
    t.timestamp = r.optionalTimestamp("timestamp"_field);
    if (r.ok() && !stale && std::holds_alternative<std::monostate>(t.value))
        r.fail(DecodeError::Kind::BadField, "value"_field, QStringLiteral("a reading needs a value"));
    return t;
}

template<typename Source> Domain::CommandStatus readCommandStatus(Source &r)
{
    Domain::CommandStatus c;
    c.commandId = r.identifier("commandId"_field);
    c.endpointId = r.optionalIdentifier("endpointId"_field);
    c.status = r.enumeration("status"_field, Domain::kCommandStates);
    c.requestedValue = r.optionalValue("requestedValue"_field);
    c.actualValue = r.optionalValue("actualValue"_field);
    c.operatorName = r.optionalString("operator"_field);
    c.error = r.nullableString("error"_field);
    c.completedAt = r.optionalTimestamp("completedAt"_field);
    return c;
}

template<typename Source> Domain::Alarm readAlarm(Source &r)
{
    using namespace Domain;
    Alarm a;
    a.alarmId = r.identifier("alarmId"_field);
    // A severity or state from a newer server is kept: Unknown ranks with
    // Critical, and an unknown state is treated as active and unacknowledged
    // so that the alarm asks for attention rather than hides.
    a.severity = r.lenientEnumeration("severity"_field, kAlarmSeverities, AlarmSeverity::Unknown);
    a.message = r.string("message"_field);
    // Seed-002 (`plain`) servers send neither source nor state: such an
    // alarm is one that has just been raised, so nobody has acknowledged it.
    a.state = r.optionalLenientEnumeration("state"_field, kAlarmStates, AlarmState::ActiveUnacked,
                                           AlarmState::ActiveUnacked);
    a.timestamp = r.timestamp("timestamp"_field);
    a.ackedBy = r.nullableString("ackedBy"_field);
    a.ackedAt = r.nullableTimestamp("ackedAt"_field);
    a.note = r.nullableString("note"_field);
    a.shelvedUntil = r.nullableTimestamp("shelvedUntil"_field);
    a.shelvedBy = r.nullableString("shelvedBy"_field);
    a.shelveReason = r.nullableString("shelveReason"_field);
    a.count = r.optionalInteger("count"_field, 1);
    a.chattering = r.optionalBoolean("chattering"_field, false);
    const auto source = r.nullableObject("source"_field);
    if (r.ok() && source) {
        auto s = r.nested(*source, "source"_field);
        AlarmSource as;
        as.kind = s.lenientEnumeration("kind"_field, kAlarmSourceKinds, AlarmSourceKind::Other);
        as.kindText = s.string("kind"_field);
        as.id = s.identifier("id"_field);
        a.source = std::move(as);
    }
    return a;
}

// The body of a hot message of type `type`, into `out` (in place: the fast
// decoder writes each event straight into its message).
template<typename Source> void readHotBody(Source &r, HotType type, Body &out)
{
    switch (type) {
    case HotType::DroneUpdate:
        readDroneUpdate(r, out);
        return;
    case HotType::MachineStatusUpdate:
        out = Domain::MachineStatusUpdate {readMachineStatus(r)};
        return;
    case HotType::Telemetry:
        out = readTelemetry(r);
        return;
    case HotType::CommandStatus:
        out = readCommandStatus(r);
        return;
    case HotType::Alarm:
        out = Domain::AlarmUpdate {readAlarm(r)};
        return;
    }
}

} // namespace Rules

} // namespace Protocol
