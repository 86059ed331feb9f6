#pragma once

#include "words.h"

#include <QDateTime>
#include <QString>

#include <optional>

// Alarms and their ISA-18.2 life cycle.
namespace Domain {

// Unknown: a severity word this console does not know (a newer server's).
// It is kept, never dropped, and ranks with Critical: an operator must not
// miss an alarm because its severity is new. Last so that the others keep
// their numbers (settings and stores hold them); rank with severityRank().
enum class AlarmSeverity { Critical, High, Medium, Low, Info, Unknown };

// Lower is more severe: Unknown ranks with Critical.
constexpr int severityRank(AlarmSeverity severity)
{
    return severity == AlarmSeverity::Unknown ? 0 : int(severity);
}

// Other: a kind word this console does not know; AlarmSource::kindText keeps it.
enum class AlarmSourceKind { Drone, Machine, Endpoint, System, Other };

struct AlarmSource
{
    AlarmSourceKind kind = AlarmSourceKind::System;
    QString id;
    QString kindText {}; // the kind as the server wrote it
};

enum class AlarmState { ActiveUnacked, ActiveAcked, RtnUnacked, Cleared, Shelved };

// The full current state of one alarm: an `alarm` event (an upsert by
// alarmId) and one item of an `alarms` snapshot.
struct Alarm
{
    QString alarmId;
    AlarmSeverity severity = AlarmSeverity::Info;
    QString message;
    std::optional<AlarmSource> source; // `plain` servers name no source
    AlarmState state = AlarmState::ActiveUnacked;
    QDateTime timestamp; // when it became active
    std::optional<QString> ackedBy;
    std::optional<QDateTime> ackedAt;
    std::optional<QString> note;
    std::optional<QDateTime> shelvedUntil;
    std::optional<QString> shelvedBy;
    std::optional<QString> shelveReason;
    qint64 count = 1; // activations so far
    bool chattering = false;
};

struct AlarmUpdate
{
    Alarm alarm;
};

// The words of its enumerations, as the wire and the store spell them.
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

} // namespace Domain
