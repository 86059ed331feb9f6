#pragma once

#include "domain/alarm.h"
#include "domain/drone.h"
#include "domain/machine.h"
#include "domain/plant.h"
#include "domain/presence.h"
#include "domain/system.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <variant>

// Typed values of the wire protocol (docs/protocol.md). Everything above
// core/protocol works with these, never with raw JSON. The payloads of each
// domain live in their own header; this one holds the session messages and
// the Message envelope.
namespace Protocol {

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

// A channel's current state. Only the list named by `channel` is filled; the
// others stay empty. One struct rather than a variant per channel so that a
// consumer reads `snapshot.alarms` directly, and code written when only drones
// existed keeps working.
struct Snapshot
{
    QString channel;
    QList<Domain::DroneStatus> drones;
    // The `drones` snapshot's items also carry each drone's build, health and
    // current operation; a `drone_detail` snapshot carries build and health.
    QList<Domain::DroneBuildProgress> droneBuilds;
    QList<Domain::DroneHealth> droneHealth;
    QList<Domain::DroneOperation> droneOperations;
    QList<Domain::MachineStatus> machines;
    QList<Domain::Tile> tiles;
    QList<Domain::Telemetry> telemetry; // `telemetry` and `endpoint_stream`
    QList<Domain::Alarm> alarms;
    QList<Domain::CommandStatus> commands;
    QList<Domain::ServerHealth> health;
    QList<Domain::MaintenanceTicket> maintenance;
    QList<Domain::OperatorPresence> presence;

    // Items that could not be read were skipped (and reported as errors
    // beside the message): the ids of those whose id could be read, and
    // whether any could not even be identified. A partial snapshot proves
    // nothing about absence: the console removes no entity on its account
    // (docs/protocol.md, "Messages the console cannot read").
    QStringList unreadIds;
    bool unreadWithoutId = false;
    bool isPartial() const { return unreadWithoutId || !unreadIds.isEmpty(); }
};

// The server's views changed in bulk: the client asks for fresh snapshots.
struct DashboardRefresh
{
};

struct ServerError
{
    ErrorInfo error;
};

struct Pong
{
};

// A numbered event the console could not read (its error is in
// DecodedFrame::errors). It keeps its place in the sequence, so that the
// stream goes on past it, and carries nothing to apply.
struct Unreadable
{
    QString type;
};

using Body
    = std::variant<Hello, Connected, Result, Snapshot, Domain::DroneStatusUpdate, Domain::DroneBuildProgress,
                   Domain::DroneHealth, Domain::DroneOperation, Domain::MachineStatusUpdate, Domain::Telemetry,
                   Domain::CommandStatus, Domain::AlarmUpdate, Domain::ServerHealth, Domain::SystemAlert,
                   Domain::MaintenanceAlert, Domain::TicketStatusChange, Domain::Presence, Domain::PresenceChange,
                   Domain::UserActivity, DashboardRefresh, ServerError, Pong, Unreadable>;

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
