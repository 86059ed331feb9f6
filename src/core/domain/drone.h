#pragma once

#include "quality.h"
#include "words.h"

#include <QDateTime>
#include <QString>

// Drones: drone_update events and items of the `drones` snapshot.
namespace Domain {

enum class DroneState { Idle, Flying, Charging, Maintenance, Offline, Error };

struct GeoPoint
{
    double lat = 0.0;
    double lon = 0.0;
    double alt = 0.0;
};

// A drone's `status` report: the payload of drone_update kind `status` and one
// item of a `drones` snapshot.
struct DroneStatus
{
    QString serial;
    DroneState state = DroneState::Offline;
    double battery = 0.0; // percent, 0-100
    GeoPoint location;
    double speed = 0.0; // metres per second
    QDateTime timestamp; // when the drone reported, UTC
    // Stale: the server lost the drone; the fields above are its last known status.
    Quality quality = Quality::Good;
    QString qualityReason; // why it is stale, as the server words it; empty when good or not given
};

struct DroneStatusUpdate
{
    DroneStatus status;
};

// drone_update kind `build_progress`: where the drone is in assembly.
struct DroneBuildProgress
{
    QString serial;
    int percent = 0;
    QString stage;
    QString assembly;
    QDateTime eta; // invalid when the server gives none
    QDateTime timestamp;
};

// drone_update kind `system_health`: the drone's own computer.
struct DroneHealth
{
    QString serial;
    double cpu = 0.0; // percent
    double memory = 0.0; // percent
    double storage = 0.0; // percent
    double temperature = 0.0; // °C
    QDateTime timestamp;
};

enum class MissionStatus { Started, Paused, Completed, Aborted };

// drone_update kind `operation`: the mission it is flying.
struct DroneOperation
{
    QString serial;
    QString mission;
    MissionStatus status = MissionStatus::Started;
    double progress = 0.0; // percent
    QDateTime timestamp;
};

// The words of its enumerations, as the wire and the store spell them.
inline constexpr auto kDroneStates = std::to_array<std::pair<DroneState, QStringView>>({
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

} // namespace Domain
