#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <variant>

// Typed values of the wire protocol (docs/protocol.md). Everything above
// core/protocol works with these, never with raw JSON.
namespace Protocol {

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
};

// Server greeting of the `watchfloor` dialect.
struct Hello
{
    int protocol = 0;
    QString server;
    bool authRequired = false;
    int heartbeatMs = 15000;
};

// Greeting of a `plain` server.
struct Connected
{
    QString clientId;
};

struct ErrorInfo
{
    QString code;
    QString message;
};

// Answer to a request; `data` is request-specific and decoded by the function
// for that request (e.g. decodeAuthGrant).
struct Result
{
    quint64 id = 0;
    bool ok = false;
    QJsonObject data;
    ErrorInfo error;
};

struct Snapshot
{
    QString channel;
    QList<DroneStatus> drones;
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

struct ServerError
{
    ErrorInfo error;
};

struct Pong
{
};

using Body = std::variant<Hello, Connected, Result, Snapshot, DroneStatusUpdate, DroneBuildProgress, DroneHealth,
                          DroneOperation, ServerError, Pong>;

struct Message
{
    std::optional<quint64> seq; // absent on `plain` servers and on answers
    std::optional<qint64> ts; // server send time, ms since the epoch
    Body body;
};

// What `auth` returns when it succeeds.
struct AuthGrant
{
    QString sessionId;
    QString role;
    QDateTime serverTime;
};

} // namespace Protocol
