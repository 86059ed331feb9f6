#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// Alarms and their ISA-18.2 life cycle.
namespace Protocol {

enum class AlarmSeverity { Critical, High, Medium, Low, Info };

enum class AlarmSourceKind { Drone, Machine, Endpoint, System };

struct AlarmSource
{
    AlarmSourceKind kind = AlarmSourceKind::System;
    QString id;
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

} // namespace Protocol
