#pragma once

#include "commandsubmission.h"
#include "plantcondition.h"
#include "plantevent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>

// Contract: a plant the gateway core serves to consoles — the simulated one
// (SimWorld) or a real one read from a plant bus. The core asks it, on its
// own tick, what happened; it never sees a socket, a session or an alarm.
//
// - advance() is called about 20 times a second with monotonic source time
//   (wall time since start × timeScale()) and returns the events on the
//   plant's channels (drones, machines, tiles, telemetry, commands, health,
//   maintenance, and the rooms drone_detail and endpoint_stream) since the
//   last call, in the order they happened.
// - conditions() gives the truth of every alarm condition the source knows;
//   the core's alarm book turns changes of truth into alarms. The source
//   may publish notices (`system_alert`) on the `alarms` channel, but the
//   `alarms` and `presence` snapshots are the core's.
// - snapshot() is the current state of one of its channels, limited to
//   `keys` when given, consistent with the events advance() has returned.
// - submitCommand() validates an operator's command and queues it; its life
//   cycle then comes out of advance() as `command_status` events.
class PlantSource
{
public:
    virtual ~PlantSource() = default;

    // Source time runs this many times faster than the wall clock: 1 for a
    // real plant; the simulator's --rate.
    virtual double timeScale() const { return 1.0; }
    // What the source counts of itself, for the server's `stats` under
    // `source`; empty: nothing.
    virtual QJsonObject stats() const { return {}; }
    virtual PlantEvents advance(qint64 sourceMs, const QDateTime &wallNow) = 0;
    virtual PlantConditions conditions() const = 0;
    virtual QJsonArray snapshot(const QString &channel, const QSet<QString> &keys) const = 0;
    // A commandId already known
    // answers with that command's status and runs nothing; a command whose
    // `expiresAt` (when valid) has passed is refused as `expired`.
    virtual CommandSubmission submitCommand(const QString &commandId, const QString &endpointId,
                                            const QJsonValue &value, const QString &operatorName,
                                            const QDateTime &wallNow, const QDateTime &expiresAt)
        = 0;

protected:
    PlantSource() = default;
    PlantSource(const PlantSource &) = default;
    PlantSource &operator=(const PlantSource &) = default;
};
