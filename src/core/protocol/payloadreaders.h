#pragma once

#include "fieldreader.h"
#include "messages.h"

#include <array>
#include <optional>
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

// The wire names of every enumeration; the QJsonDocument readers and the
// fast decoder read them from these tables alone.
inline constexpr auto kMissionStatuses = std::to_array<std::pair<MissionStatus, QStringView>>({
    {MissionStatus::Started, u"started"},
    {MissionStatus::Paused, u"paused"},
    {MissionStatus::Completed, u"completed"},
    {MissionStatus::Aborted, u"aborted"},
});

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

inline constexpr auto kCommandStates = std::to_array<std::pair<CommandState, QStringView>>({
    {CommandState::Queued, u"queued"},
    {CommandState::Sent, u"sent"},
    {CommandState::Acked, u"acked"},
    {CommandState::Succeeded, u"succeeded"},
    {CommandState::Failed, u"failed"},
    {CommandState::Rejected, u"rejected"},
    {CommandState::Timeout, u"timeout"},
});

inline constexpr auto kValueTypes = std::to_array<std::pair<ValueType, QStringView>>({
    {ValueType::Bool, u"bool"},
    {ValueType::Number, u"number"},
    {ValueType::Enum, u"enum"},
});

inline constexpr auto kComparisonOps = std::to_array<std::pair<ComparisonOp, QStringView>>({
    {ComparisonOp::Equal, u"=="},
    {ComparisonOp::NotEqual, u"!="},
    {ComparisonOp::Greater, u">"},
    {ComparisonOp::GreaterOrEqual, u">="},
    {ComparisonOp::Less, u"<"},
    {ComparisonOp::LessOrEqual, u"<="},
});

// `warning` is what seed-002 (`plain`) servers call the middle severity; no
// `watchfloor` server sends it, so accepting it everywhere costs nothing.
inline constexpr auto kAlarmSeverities = std::to_array<std::pair<AlarmSeverity, QStringView>>({
    {AlarmSeverity::Critical, u"critical"},
    {AlarmSeverity::High, u"high"},
    {AlarmSeverity::Medium, u"medium"},
    {AlarmSeverity::Medium, u"warning"},
    {AlarmSeverity::Low, u"low"},
    {AlarmSeverity::Info, u"info"},
    {AlarmSeverity::Unknown, u"unknown"},
});

inline constexpr auto kAlarmSourceKinds = std::to_array<std::pair<AlarmSourceKind, QStringView>>({
    {AlarmSourceKind::Drone, u"drone"},
    {AlarmSourceKind::Machine, u"machine"},
    {AlarmSourceKind::Endpoint, u"endpoint"},
    {AlarmSourceKind::System, u"system"},
});

inline constexpr auto kAlarmStates = std::to_array<std::pair<AlarmState, QStringView>>({
    {AlarmState::ActiveUnacked, u"active_unacked"},
    {AlarmState::ActiveAcked, u"active_acked"},
    {AlarmState::RtnUnacked, u"rtn_unacked"},
    {AlarmState::Cleared, u"cleared"},
    {AlarmState::Shelved, u"shelved"},
});

inline constexpr auto kAlertLevels = std::to_array<std::pair<SystemAlertLevel, QStringView>>({
    {SystemAlertLevel::Info, u"info"},
    {SystemAlertLevel::Warning, u"warning"},
    {SystemAlertLevel::Error, u"error"},
});

inline constexpr auto kRoles = std::to_array<std::pair<OperatorRole, QStringView>>({
    {OperatorRole::Viewer, u"viewer"},
    {OperatorRole::Operator, u"operator"},
    {OperatorRole::Admin, u"admin"},
});

// The word of a value in one of the tables above (its first, where a value
// has several), or an empty string; and the value of a word.
template<typename Enum, std::size_t N>
QString wordOf(const std::array<std::pair<Enum, QStringView>, N> &table, Enum value)
{
    for (const auto &[v, word] : table) {
        if (v == value)
            return word.toString();
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, QStringView>, N> &table, QStringView word)
{
    for (const auto &[value, w] : table) {
        if (w == word)
            return value;
    }
    return std::nullopt;
}

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
