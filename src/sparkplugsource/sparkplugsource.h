#pragma once

#include "endpointalarm.h"
#include "plantsource.h"
#include "sparkplugedgenode.h"
#include "sparkplugsourceconfig.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

class SparkplugMetric;
class SparkplugPayload;
class SparkplugTopic;

// Contract: a real plant read from an MQTT broker as a Sparkplug B host
// application, served to consoles as a PlantSource. Pure logic: the MQTT link
// (SparkplugHostLink) feeds it the broker's messages and link changes, and it
// sends through the Publisher it was given; time comes from the caller.
//
// - Births define what is known: an NBIRTH or DBIRTH gives each configured
//   endpoint of its origin its value, fresh; NDATA and DDATA update them, by
//   name or by the alias the birth declared. Every message of a node must
//   carry the next seq (SparkplugEdgeNode); a gap, or data from a node whose
//   birth was missed, makes its values stale and asks it for a rebirth
//   (NCMD "Node Control/Rebirth"), at most once every 2 s per node.
// - Staleness comes from the source, not from age: an NDEATH (whose bdSeq
//   matches the node's birth), a DDEATH, a lost broker link, a gap, a null
//   metric or a Sparkplug "Quality" property other than 192 makes the
//   affected endpoints stale at once: a `telemetry` event with `quality`
//   "stale" and `qualityReason`, published with the next advance(). Each
//   death also raises the origin's "lost" condition; a lost broker link
//   raises the gateway's own.
// - Telemetry is published by exception (beyond the endpoint's deadband, or
//   a change of quality) and repeated every 10 s of source time otherwise;
//   every reading goes to the endpoint_stream room.
// - Commands: a console command on a writable endpoint is checked (type,
//   range, options, interlocks on fresh values) and queued; the next
//   advance() publishes it once as a DCMD (NCMD for a node metric) and it is
//   `sent`; it `succeeded` when the endpoint reports the requested value,
//   `failed` when its origin is offline or goes offline, or the broker link
//   is down, and `timeout` after commandTimeoutMs. A command is never
//   published twice.
// - Machines and drones: the configuration may make an origin's metrics a
//   machine of the `machines` channel (machine_status_update) or a drone of
//   the `drones` channel (drone_update kind status). One is served (events
//   and snapshot items) once its origin has reported a status the map
//   understands; from then on it is published when anything in its body
//   changes and repeated every 5 s of source time otherwise. Staleness
//   follows the endpoints' rules (death, broker loss, gap, null, quality,
//   a metric missing from the birth, a value out of range): the last state
//   with `quality` "stale" and `qualityReason`, published with the next
//   advance(). A status value the map does not know is stale too, never a
//   guessed status.
class SparkplugSource : public PlantSource
{
public:
    // Sends one MQTT message; false when it cannot (no broker link).
    using Publisher = std::function<bool(const QString &topic, const QByteArray &payload, int qos, bool retain)>;

    SparkplugSource(const SparkplugSourceConfig &config, Publisher publisher);
    ~SparkplugSource() override;

    // The topic filters a host of this configuration subscribes to.
    QStringList subscriptions() const;
    // The host's STATE topic, and its payload (Sparkplug 3.0: JSON with
    // `online` and the `timestamp` of the connection it belongs to).
    QString stateTopic() const;
    static QByteArray statePayload(bool online, qint64 timestampMs);

    // The link is up and subscribed: publishes STATE online (retained, QoS 1)
    // with `connectedAtMs`, the timestamp of its will, and asks every
    // configured edge node for a rebirth.
    void linkUp(qint64 connectedAtMs, const QDateTime &wallNow);
    // The link is down: every endpoint is stale, sent commands fail.
    void linkDown(const QString &reason, const QDateTime &wallNow);
    void messageReceived(const QString &topic, const QByteArray &payload, const QDateTime &wallNow);

    // Counts for stats: messages, refused ones, rebirths asked, nodes online.
    QJsonObject stats() const override;

    PlantEvents advance(qint64 sourceMs, const QDateTime &wallNow) override;
    PlantConditions conditions() const override;
    QJsonArray snapshot(const QString &channel, const QSet<QString> &keys) const override;
    CommandSubmission submitCommand(const QString &commandId, const QString &endpointId, const QJsonValue &value,
                                    const QString &operatorName, const QDateTime &wallNow,
                                    const QDateTime &expiresAt) override;

    static constexpr qint64 kRefreshMs = 10'000;
    static constexpr qint64 kFleetRefreshMs = 5'000;
    static constexpr qint64 kRebirthIntervalMs = 2'000;
    static constexpr qsizetype kCommandHistory = 1000;
    static constexpr qsizetype kSnapshotFinished = 100;

private:
    struct Endpoint;
    struct Command;
    struct FleetEntity;

    void handle(const SparkplugTopic &topic, const SparkplugPayload &payload, const QDateTime &wallNow);
    void applyMetrics(const QString &originPath, const SparkplugEdgeNode &node, const QList<SparkplugMetric> &metrics,
                      const SparkplugPayload &payload, const QDateTime &wallNow);
    void applyFleetMetrics(const QString &originPath, const SparkplugEdgeNode &node,
                           const QList<SparkplugMetric> &metrics, const SparkplugPayload &payload, bool birth,
                           const QDateTime &wallNow);
    void setFleetValue(FleetEntity &entity, const QString &role, const QString &metricName, const QVariant &value,
                       const QDateTime &at);
    QJsonObject fleetContent(const FleetEntity &entity) const;
    QJsonObject fleetBody(const FleetEntity &entity) const;
    QJsonObject fleetSnapshotItem(const FleetEntity &entity) const;
    void setOriginStale(const QString &originPath, bool includeDevices, const QString &reason,
                        const QDateTime &wallNow);
    void setStale(Endpoint &endpoint, const QString &reason);
    void setValue(Endpoint &endpoint, const QJsonValue &value, const QDateTime &at, const QDateTime &wallNow);
    void publishTelemetry(Endpoint &endpoint);
    void requestRebirth(const QString &group, const QString &edgeNode, const QDateTime &wallNow);
    void markLost(const QString &originPath, bool lost);

    void sendQueued(const QDateTime &wallNow);
    void finish(Command &command, const QString &status, const QString &error, const QDateTime &wallNow);
    void checkCommands(const Endpoint &endpoint, const QDateTime &wallNow);
    QJsonObject statusBody(const Command &command) const;
    QJsonObject telemetryBody(const Endpoint &endpoint) const;
    QJsonArray tilesSnapshot() const;
    QJsonArray commandsSnapshot(const QSet<QString> &keys) const;

    SparkplugSourceConfig m_config;
    Publisher m_publish;
    QList<Endpoint> m_endpoints;
    QHash<QString, qsizetype> m_endpointIndex; // endpointId -> index
    QHash<QString, QList<qsizetype>> m_byMetric; // "originPath\x1fmetric" -> endpoints
    QList<FleetEntity> m_fleet; // machines, then drones, in the configuration's order
    QHash<QString, QList<std::pair<qsizetype, QString>>> m_fleetByMetric; // "originPath\x1fmetric" -> (entity, role)
    QHash<QString, SparkplugEdgeNode> m_nodes; // "group/edge"
    QHash<QString, qint64> m_rebirthAskedMs; // "group/edge" -> source time
    QHash<QString, bool> m_lost; // origin path -> its lost condition
    QList<EndpointAlarm> m_alarms;
    QList<qsizetype> m_alarmEndpoints; // per alarm, its endpoint's index
    QHash<QString, Command> m_commands;
    QList<QString> m_active; // queued or sent, in submission order
    QList<QString> m_finished; // oldest first, bounded by kCommandHistory
    PlantEvents m_pending; // produced between two advance() calls
    bool m_linkUp = false;
    bool m_linkLost = false; // the gateway's broker condition
    QString m_linkReason;
    qint64 m_nowMs = 0; // source time of the last advance()
    qint64 m_messages = 0;
    qint64 m_refused = 0;
    qint64 m_rebirths = 0;
};
