#pragma once

#include <QHostAddress>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the Sparkplug B source of watchfloor-gateway reads, and how the plant
// it finds there becomes the console's plant: the broker, the host
// application's identity, and which edge nodes, devices and metrics form
// which tiles, devices and endpoints, with their alarm conditions and
// interlocks, and which origins are the machines and drones of the
// console's `machines` and `drones` channels. GatewayConfigFile reads it from
// the gateway's configuration file and validates it; docs/gateway.md is the
// reference.
struct SparkplugSourceConfig
{
    struct Broker
    {
        QString host = QStringLiteral("127.0.0.1"); // an address or a name
        quint16 port = 1883;
        QString clientId; // empty: "watchfloor-gateway-<hostId>"
        int keepAliveSeconds = 10; // broker loss noticed within 1.5× this at worst
        QString username; // empty: anonymous
        QString password;
    };

    // Where a device's metrics come from: an edge node, or a device under it.
    struct Origin
    {
        QString group;
        QString edgeNode;
        QString device; // empty: the edge node's own metrics (NBIRTH/NDATA)
        bool operator==(const Origin &) const = default;
    };

    enum class ValueType { Bool, Number, Enum };

    struct Endpoint
    {
        QString endpointId; // the console's id, unique in the whole plant, e.g. "HLT1.TT101.temperature"
        QString name;
        QString metric; // the Sparkplug metric name in its origin's birth
        ValueType type = ValueType::Number;
        QString unit;
        std::optional<double> min;
        std::optional<double> max;
        std::optional<double> step;
        QStringList options; // Enum: the values, in order; a metric's integer n means options[n]
        bool writable = false; // a console command becomes a DCMD/NCMD of this metric
        bool critical = false; // the console confirms each command first
        // A reported value must move by more than this to be published (Number).
        double deadband = 0.0;
    };

    struct Device
    {
        QString deviceId; // the console's device id inside its tile, e.g. "P101"
        QString name;
        QString kind; // free text: pump, valve, sensor, ...
        Origin origin;
        QList<Endpoint> endpoints;
    };

    struct Tile
    {
        QString tileId;
        QString name;
        QList<Device> devices;
    };

    // An alarm condition on one endpoint's value, after ISA-18.2: true while
    // the value is beyond the limit for onDelayMs, false again once it is back
    // inside the limit by more than the deadband for offDelayMs.
    struct AlarmCondition
    {
        enum class Kind { HighHigh, High, Low, LowLow, Equal, NotEqual };
        QString id; // unique among the alarm conditions; the configuration's [alarm <id>]
        QString endpointId;
        Kind kind = Kind::High;
        QJsonValue limit; // a number for the four levels; any value for Equal and NotEqual
        double deadband = 0.0;
        int onDelayMs = 0;
        int offDelayMs = 0;
        QString severity = QStringLiteral("high"); // critical, high, medium, low, info
        QString message; // empty: one made of the endpoint and the limit
    };

    enum class Op { Equal, NotEqual, Greater, GreaterOrEqual, Less, LessOrEqual };

    // A command to `target` is refused unless `requires` holds.
    struct Interlock
    {
        QString id;
        QString description;
        QString target; // an endpointId; writable
        QString requiresEndpointId;
        Op op = Op::Equal;
        QJsonValue value;
    };

    // A status metric's values and the console's words they stand for, e.g.
    // {"0","idle"}, {"RUN","running"}. A metric's value is matched by its
    // text: a whole number as its digits, a bool as true/false, a string as
    // it is. Empty: the metric is a string that carries the console's words.
    using StatusMap = QList<std::pair<QString, QString>>;

    // A machine of the console's `machines` channel, made of one origin's
    // metrics. Empty metric names are not configured.
    struct Machine
    {
        QString machineId;
        QString name; // empty: the machine id
        QString line;
        Origin origin;
        QString statusMetric;
        StatusMap statusMap; // to running, idle, down, maintenance
        QString utilizationMetric; // empty: 100 while running, 0 otherwise
        QString producedMetric; // empty: 0
    };

    // A drone of the console's `drones` channel (drone_update kind status).
    struct Drone
    {
        QString serial;
        Origin origin;
        QString stateMetric;
        StatusMap stateMap; // to idle, flying, charging, maintenance, offline, error
        QString batteryMetric;
        QString latitudeMetric; // both or neither; neither: location 0, 0
        QString longitudeMetric;
        QString altitudeMetric; // empty: 0
        QString speedMetric; // empty: 0
    };

    Broker broker;
    QString hostId = QStringLiteral("watchfloor"); // the Sparkplug host application id (STATE topic)
    QStringList groups; // the Sparkplug groups subscribed to; at least one
    QList<Tile> tiles;
    QList<AlarmCondition> alarms;
    QList<Interlock> interlocks;
    QList<Machine> machines;
    QList<Drone> drones;
    // Severity of the "device lost" alarm raised for each origin whose
    // death certificate arrives or whose broker link is lost.
    QString deviceLostSeverity = QStringLiteral("high");
    // How long a command may wait for its device to report the requested value.
    int commandTimeoutMs = 10'000;
};
