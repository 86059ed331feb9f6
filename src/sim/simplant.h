#pragma once

#include "commandsubmission.h"
#include "plantcondition.h"
#include "plantevent.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QQueue>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <array>

// The control panel of a simulated process plant: identical hot-liquor-tank
// tiles, their physics and interlocks, and the life cycle of operators'
// commands. Pure logic: time comes from the caller and randomness from seeded
// generators, so the same seed and the same calls give the same events.
//
// Endpoints publish by exception: a reading becomes the endpoint's value (and
// a `telemetry` event) only when it moved by more than the endpoint's
// deadband, so a snapshot always equals the last telemetry a client got. An
// endpoint that has published nothing for kRefreshMs republishes its value
// anyway, so a console can tell a quiet endpoint from a lost one. The full
// stream, every reading without a deadband, is streamSample()'s.
class SimPlant
{
public:
    using Submission = CommandSubmission;

    static constexpr int kMaxTiles = 100;
    static constexpr int kEndpointsPerTile = 8;
    static constexpr qsizetype kCommandHistory = 1000;
    // A longer pause between steps (a stopped debugger, a suspended machine)
    // is treated as this long, so the world does not race to catch up.
    static constexpr qint64 kMaxStepGapMs = 60'000;
    // The longest an endpoint stays silent on the `telemetry` channel (world
    // time); the endpoints' first refreshes are spread over one period.
    static constexpr qint64 kRefreshMs = 10'000;

    SimPlant(int tiles, quint32 seed, double commandFailureRate = 0.0);

    int tileCount() const { return int(m_tiles.size()); }

    // Tiles in the protocol's shape; each endpoint also has its "value" and
    // "timestamp" (null until the plant has seen a wall clock).
    QJsonArray tilesSnapshot() const;
    // `telemetry` bodies of every endpoint, or of the listed ones that exist.
    QJsonArray telemetrySnapshot(const QStringList &endpointIds = {}) const;
    // Every condition of every tile, active or not.
    PlantConditions conditions() const;
    // The endpoint's published value; undefined for an unknown endpoint.
    QJsonValue value(const QString &endpointId) const;
    // The `command_status` body of a command still remembered; empty otherwise.
    QJsonObject commandStatus(const QString &commandId) const;
    // The `commands` snapshot: every command under way, then the latest
    // kSnapshotFinished finished ones, so that a console back after an
    // outage learns the outcomes it missed.
    QJsonArray commandsSnapshot() const;
    static constexpr qsizetype kSnapshotFinished = 100;

    // Validates and queues a command. A commandId already known answers with
    // that command's status and runs nothing; a rejected command is not
    // remembered, so its id may be used again. A command whose validity
    // (`expiresAt`, when given) has passed is refused as `expired`: its
    // console has told its operator that it timed out.
    Submission submitCommand(const QString &commandId, const QString &endpointId, const QJsonValue &value,
                             const QString &operatorName, qint64 nowMs, const QDateTime &wallNow,
                             const QDateTime &expiresAt = {});

    // Advances the world to nowMs (the first step only sets the clock),
    // publishes what moved past its deadband or is due for a refresh, and
    // moves commands through their life cycle.
    PlantEvents step(qint64 nowMs, const QDateTime &wallNow);

    // Every endpoint's latest reading, deadband or not, as `telemetry` bodies
    // on the `endpoint_stream` channel stamped `wallNow`: what an endpoint's
    // detail room streams, sampled by the caller after a step.
    PlantEvents streamSample(const QDateTime &wallNow) const;

private:
    struct Tile
    {
        QString tileId;
        QString name;
        std::array<QString, kEndpointsPerTile> endpointIds;
        bool running = false;
        bool open = false;
        bool heaterOn = false;
        double setpoint = 75.0;
        QString mode;
        double flow = 0.0;
        double temperature = 18.0;
        double level = 90.0;
        std::array<QJsonValue, kEndpointsPerTile> published;
        std::array<QDateTime, kEndpointsPerTile> publishedAt;
        // The latest reading of each measured endpoint, published or not:
        // what the stream carries (states stream their published value).
        std::array<QJsonValue, kEndpointsPerTile> reading;
        // World time by which each endpoint publishes again, changed or not.
        std::array<qint64, kEndpointsPerTile> refreshDueMs {};
        // Per endpoint: the interlock description that switched it off by
        // itself, until an operator switches it on again.
        std::array<QString, kEndpointsPerTile> trippedBy;
    };

    struct Command
    {
        QString commandId;
        QString endpointId;
        QString operatorName;
        int tile = 0;
        int field = 0;
        QJsonValue requested;
        // Times at which it becomes sent, acked and final.
        std::array<qint64, 3> dueMs {};
        int stage = 0; // 0 queued, 1 sent, 2 acked, 3 final
        bool willFail = false;
        bool failed = false;
        QString error;
        QDateTime completedAt;
    };

    struct Location
    {
        int tile = -1;
        int field = -1;
    };

    void initTile(Tile &tile, int index);
    void adoptClock(const QDateTime &wallNow);
    Location locate(const QString &endpointId) const;

    QJsonValue stateValue(const Tile &tile, int field) const;
    void setState(Tile &tile, int field, const QJsonValue &value);
    void publish(int tile, int field, const QJsonValue &value, const QDateTime &at, qint64 atMs, PlantEvents &events);
    QJsonObject telemetryBody(int tile, int field) const;

    // The description of the first interlock that forbids setting field to
    // value, or an empty string.
    QString violatedInterlock(const Tile &tile, int field, const QJsonValue &value) const;
    void enforceInterlocks(int tile, const QDateTime &at, qint64 atMs, PlantEvents &events);

    void advancePhysics(Tile &tile, double seconds);
    void publishReadings(int tile, const QDateTime &wallNow, qint64 nowMs, PlantEvents &events);
    void refreshQuiet(int tile, const QDateTime &wallNow, qint64 nowMs, PlantEvents &events);
    void advanceCommands(qint64 nowMs, const QDateTime &wallNow, PlantEvents &events);
    void execute(Command &command, const QDateTime &at, qint64 atMs, PlantEvents &events);
    QJsonObject statusBody(const Command &command) const;
    PlantEvent statusEvent(const Command &command) const;

    QList<Tile> m_tiles;
    QHash<QString, Location> m_endpoints;
    QHash<QString, Command> m_commands;
    QList<QString> m_active; // in submission order
    QQueue<QString> m_finished; // oldest first, bounded by kCommandHistory
    double m_failureRate = 0.0;
    qint64 m_lastStepMs = 0;
    bool m_stepped = false;
    bool m_clockKnown = false;
    QRandomGenerator m_random; // the world: initial state and sensor noise
    QRandomGenerator m_commandRandom; // kept apart so commands do not shift the noise
};
