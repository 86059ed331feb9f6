#include "sparkplugsource.h"

#include "sparkplugpayload.h"
#include "sparkplugtopic.h"
#include "wiretime.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {

using Config = SparkplugSourceConfig;

// The Sparkplug "Quality" property's value for a good reading.
constexpr int kQualityGood = 192;

QString originPath(const QString &group, const QString &edgeNode, const QString &device)
{
    const QString node = group + u'/' + edgeNode;
    return device.isEmpty() ? node : QString(node + u'/' + device);
}

QString originPath(const Config::Origin &origin)
{
    return originPath(origin.group, origin.edgeNode, origin.device);
}

QString nodePath(const Config::Origin &origin)
{
    return origin.group + u'/' + origin.edgeNode;
}

QString metricKey(const QString &origin, const QString &metric)
{
    return origin + u'\x1f' + metric;
}

QString typeName(Config::ValueType type)
{
    switch (type) {
    case Config::ValueType::Bool:
        return QStringLiteral("bool");
    case Config::ValueType::Enum:
        return QStringLiteral("enum");
    case Config::ValueType::Number:
        break;
    }
    return QStringLiteral("number");
}

QString opName(Config::Op op)
{
    static const char *const names[] = {"==", "!=", ">", ">=", "<", "<="};
    return QString::fromLatin1(names[int(op)]);
}

QJsonValue orNull(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

bool isNumeric(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Float:
    case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

// A metric's value as the endpoint's type; undefined when it cannot be one.
QJsonValue endpointValue(const Config::Endpoint &spec, const QVariant &value)
{
    switch (spec.type) {
    case Config::ValueType::Bool:
        if (value.typeId() == QMetaType::Bool)
            return value.toBool();
        if (isNumeric(value))
            return value.toDouble() != 0.0;
        return QJsonValue::Undefined;
    case Config::ValueType::Number:
        if (value.typeId() == QMetaType::Bool)
            return value.toBool() ? 1.0 : 0.0;
        if (isNumeric(value) && std::isfinite(value.toDouble()))
            return value.toDouble();
        return QJsonValue::Undefined;
    case Config::ValueType::Enum:
        if (value.typeId() == QMetaType::QString)
            return spec.options.contains(value.toString()) ? QJsonValue(value.toString()) : QJsonValue::Undefined;
        if (isNumeric(value)) {
            const double index = value.toDouble();
            if (index >= 0 && index < double(spec.options.size()) && index == std::floor(index))
                return spec.options.at(qsizetype(index));
        }
        return QJsonValue::Undefined;
    }
    return QJsonValue::Undefined;
}

bool compare(const QJsonValue &actual, Config::Op op, const QJsonValue &wanted)
{
    if (actual.isDouble() && wanted.isDouble()) {
        const double a = actual.toDouble();
        const double b = wanted.toDouble();
        switch (op) {
        case Config::Op::Equal:
            return a == b;
        case Config::Op::NotEqual:
            return a != b;
        case Config::Op::Greater:
            return a > b;
        case Config::Op::GreaterOrEqual:
            return a >= b;
        case Config::Op::Less:
            return a < b;
        case Config::Op::LessOrEqual:
            return a <= b;
        }
    }
    if (op == Config::Op::Equal)
        return actual == wanted;
    if (op == Config::Op::NotEqual)
        return actual != wanted;
    return false;
}

// The value a command asks for, as the metric's datatype wants it.
SparkplugMetric commandMetric(const Config::Endpoint &spec, SparkplugDataType type, std::optional<quint64> alias,
                              const QJsonValue &value)
{
    QVariant wire;
    if (type == SparkplugDataType::Unknown) {
        type = spec.type == Config::ValueType::Bool ? SparkplugDataType::Boolean
            : spec.type == Config::ValueType::Enum  ? SparkplugDataType::String
                                                    : SparkplugDataType::Double;
    }
    const double number = value.isBool() ? (value.toBool() ? 1.0 : 0.0)
        : value.isString()               ? double(spec.options.indexOf(value.toString()))
                                         : value.toDouble();
    switch (type) {
    case SparkplugDataType::Boolean:
        wire = value.isBool() ? value.toBool() : number != 0.0;
        break;
    case SparkplugDataType::Int8:
    case SparkplugDataType::Int16:
    case SparkplugDataType::Int32:
    case SparkplugDataType::Int64:
        wire = qint64(std::llround(number));
        break;
    case SparkplugDataType::UInt8:
    case SparkplugDataType::UInt16:
    case SparkplugDataType::UInt32:
    case SparkplugDataType::UInt64:
        wire = quint64(std::llround(std::max(0.0, number)));
        break;
    case SparkplugDataType::Float:
        wire = float(number);
        break;
    case SparkplugDataType::String:
    case SparkplugDataType::Text:
        wire = value.isString() ? value.toString() : QString::number(number);
        break;
    default:
        wire = number;
        type = SparkplugDataType::Double;
        break;
    }
    SparkplugMetric metric(spec.metric, type, wire);
    metric.setAlias(alias);
    return metric;
}

// A status metric's value as the text a status map matches: a whole number
// as its digits, a bool as true or false, a string as it is.
QString statusText(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (isNumeric(value)) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::floor(number) && std::abs(number) < 9e15)
            return QString::number(qint64(number));
        return QString::number(number);
    }
    return value.toString();
}

const QStringList kMachineStatuses
    = {QStringLiteral("running"), QStringLiteral("idle"), QStringLiteral("down"), QStringLiteral("maintenance")};
const QStringList kDroneStates = {QStringLiteral("idle"),        QStringLiteral("flying"),  QStringLiteral("charging"),
                                  QStringLiteral("maintenance"), QStringLiteral("offline"), QStringLiteral("error")};

} // namespace

// A machine or a drone: its last good values by role ("status", "utilization",
// "produced"; "status", "battery", "lat", "lon", "alt", "speed"), and why
// they cannot be trusted now, if they cannot.
struct SparkplugSource::FleetEntity
{
    bool drone = false;
    const Config::Machine *machine = nullptr;
    const Config::Drone *droneSpec = nullptr;
    QString key; // machineId or serial
    QString originPath;
    QList<std::pair<QString, QString>> roles; // role -> metric, in the order problems are told
    QHash<QString, double> numbers;
    QString status; // the console's word; empty until the origin reports one
    QHash<QString, QString> problems; // role -> why its value is not known
    QString originReason = QStringLiteral("no birth certificate received yet"); // empty: origin live
    QDateTime timestamp;
    QJsonObject published; // the content of the last event
    qint64 refreshDueMs = 0;

    bool stale() const { return !originReason.isEmpty() || !problems.isEmpty(); }
    QString staleReason() const
    {
        if (!originReason.isEmpty())
            return originReason;
        for (const auto &[role, metric] : roles) {
            if (problems.contains(role))
                return problems.value(role);
        }
        return {};
    }
};

struct SparkplugSource::Endpoint
{
    const Config::Endpoint *spec = nullptr;
    QString tileId;
    QString deviceId; // tileId.deviceId, as the tiles snapshot gives it
    Config::Origin origin;
    QString originPath;
    QJsonValue value = QJsonValue::Null; // the last value reported, null until one is
    QDateTime timestamp;
    bool stale = true;
    QString staleReason = QStringLiteral("no birth certificate received yet");
    QJsonValue published = QJsonValue::Undefined; // the value of the last telemetry event
    bool publishedStale = true;
    bool due = false; // a telemetry event is due at the next advance()
    qint64 refreshDueMs = 0;
};

struct SparkplugSource::Command
{
    QString commandId;
    QString endpointId;
    QString operatorName;
    QJsonValue requested;
    QString status = QStringLiteral("queued");
    QString error;
    QDateTime completedAt;
    qint64 sentAtMs = -1;
};

SparkplugSource::SparkplugSource(const SparkplugSourceConfig &config, Publisher publisher)
    : m_config(config)
    , m_publish(std::move(publisher))
{
    for (const Config::Tile &tile : std::as_const(m_config.tiles)) {
        for (const Config::Device &device : tile.devices) {
            const QString path = originPath(device.origin);
            m_lost.insert(path, false);
            m_lost.insert(nodePath(device.origin), false); // every node has one, mapped or not
            for (const Config::Endpoint &spec : device.endpoints) {
                Endpoint endpoint;
                endpoint.spec = &spec;
                endpoint.tileId = tile.tileId;
                endpoint.deviceId = tile.tileId + u'.' + device.deviceId;
                endpoint.origin = device.origin;
                endpoint.originPath = path;
                m_endpointIndex.insert(spec.endpointId, m_endpoints.size());
                m_byMetric[metricKey(path, spec.metric)].append(m_endpoints.size());
                m_endpoints.append(endpoint);
            }
        }
    }
    const auto addEntity = [this](FleetEntity entity, const Config::Origin &origin) {
        entity.originPath = originPath(origin);
        m_lost.insert(entity.originPath, false);
        m_lost.insert(nodePath(origin), false);
        for (const auto &[role, metric] : entity.roles)
            m_fleetByMetric[metricKey(entity.originPath, metric)].append({m_fleet.size(), role});
        m_fleet.append(entity);
    };
    for (const Config::Machine &machine : std::as_const(m_config.machines)) {
        FleetEntity entity;
        entity.machine = &machine;
        entity.key = machine.machineId;
        entity.roles = {{QStringLiteral("status"), machine.statusMetric}};
        if (!machine.utilizationMetric.isEmpty())
            entity.roles.append({QStringLiteral("utilization"), machine.utilizationMetric});
        if (!machine.producedMetric.isEmpty())
            entity.roles.append({QStringLiteral("produced"), machine.producedMetric});
        addEntity(entity, machine.origin);
    }
    for (const Config::Drone &drone : std::as_const(m_config.drones)) {
        FleetEntity entity;
        entity.drone = true;
        entity.droneSpec = &drone;
        entity.key = drone.serial;
        entity.roles
            = {{QStringLiteral("status"), drone.stateMetric}, {QStringLiteral("battery"), drone.batteryMetric}};
        const std::pair<const char16_t *, QString> optional[] = {{u"lat", drone.latitudeMetric},
                                                                 {u"lon", drone.longitudeMetric},
                                                                 {u"alt", drone.altitudeMetric},
                                                                 {u"speed", drone.speedMetric}};
        for (const auto &[role, metric] : optional) {
            if (!metric.isEmpty())
                entity.roles.append({QString::fromUtf16(role), metric});
        }
        addEntity(entity, drone.origin);
    }
    for (const Config::AlarmCondition &alarm : std::as_const(m_config.alarms)) {
        const qsizetype index = m_endpointIndex.value(alarm.endpointId, -1);
        if (index < 0)
            continue; // the configuration file refuses these
        const Config::Endpoint &spec = *m_endpoints.at(index).spec;
        const QString label = spec.name.isEmpty() ? spec.endpointId : spec.name + u" (" + spec.endpointId + u')';
        m_alarms.append(EndpointAlarm(alarm, label, spec.unit));
        m_alarmEndpoints.append(index);
    }
}

SparkplugSource::~SparkplugSource() = default;

QStringList SparkplugSource::subscriptions() const
{
    QStringList filters;
    for (const QString &group : m_config.groups)
        filters.append(SparkplugTopic::namespaceElement() + u'/' + group + u"/#");
    return filters;
}

QString SparkplugSource::stateTopic() const
{
    const auto topic = SparkplugTopic::state(m_config.hostId);
    return topic ? topic->toString() : QString();
}

QByteArray SparkplugSource::statePayload(bool online, qint64 timestampMs)
{
    return QJsonDocument(
               QJsonObject {{QLatin1StringView("online"), online}, {QLatin1StringView("timestamp"), timestampMs}})
        .toJson(QJsonDocument::Compact);
}

void SparkplugSource::linkUp(qint64 connectedAtMs, const QDateTime &wallNow)
{
    m_linkUp = true;
    m_linkLost = false;
    m_linkReason.clear();
    m_publish(stateTopic(), statePayload(true, connectedAtMs), 1, true);
    // Nodes that only report by exception would stay stale until they next
    // change: ask each configured one to tell everything again.
    for (auto it = m_lost.cbegin(); it != m_lost.cend(); ++it) {
        const QStringList parts = it.key().split(u'/');
        if (parts.size() == 2) { // every configured node has one
            m_rebirthAskedMs.remove(it.key());
            requestRebirth(parts.at(0), parts.at(1), wallNow);
        }
    }
}

void SparkplugSource::linkDown(const QString &reason, const QDateTime &wallNow)
{
    m_linkUp = false;
    m_linkLost = true;
    m_linkReason = reason;
    for (SparkplugEdgeNode &node : m_nodes)
        node.forget();
    const QString why = QStringLiteral("broker link lost: %1").arg(reason);
    for (Endpoint &endpoint : m_endpoints)
        setStale(endpoint, why);
    for (FleetEntity &entity : m_fleet)
        entity.originReason = why;
    for (const QString &id : QList<QString>(m_active)) {
        Command &command = m_commands[id];
        if (command.status == u"sent")
            finish(command, QStringLiteral("failed"), why, wallNow);
    }
}

void SparkplugSource::messageReceived(const QString &topicText, const QByteArray &bytes, const QDateTime &wallNow)
{
    ++m_messages;
    const auto topic = SparkplugTopic::parse(topicText);
    if (!topic) {
        ++m_refused;
        return;
    }
    using Type = SparkplugTopic::MessageType;
    if (topic->messageType() == Type::State || topic->messageType() == Type::NCmd || topic->messageType() == Type::DCmd)
        return; // hosts' states and commands, ours included
    const auto payload = SparkplugPayload::decode(bytes);
    if (!payload) {
        ++m_refused;
        return;
    }
    handle(*topic, *payload, wallNow);
}

void SparkplugSource::handle(const SparkplugTopic &topic, const SparkplugPayload &payload, const QDateTime &wallNow)
{
    using Type = SparkplugTopic::MessageType;
    using Verdict = SparkplugEdgeNode::Verdict;
    const QString node = topic.groupId() + u'/' + topic.edgeNodeId();
    const QString device = topic.deviceId();
    const QString path = originPath(topic.groupId(), topic.edgeNodeId(), device);
    SparkplugEdgeNode &edge = m_nodes[node];
    Verdict verdict = Verdict::Accepted;
    switch (topic.messageType()) {
    case Type::NBirth:
        edge.birth(payload);
        m_rebirthAskedMs.remove(node);
        markLost(node, false);
        // Its devices are unknown again until their own births.
        for (auto it = m_lost.cbegin(); it != m_lost.cend(); ++it) {
            if (it.key().startsWith(node + u'/'))
                setOriginStale(it.key(), false, QStringLiteral("no device birth since the edge node's birth"), wallNow);
        }
        applyMetrics(node, edge, payload.metrics(), payload, wallNow);
        applyFleetMetrics(node, edge, payload.metrics(), payload, true, wallNow);
        return;
    case Type::NDeath:
        if (!edge.death(payload))
            return; // the will of an earlier session
        markLost(node, true);
        setOriginStale(node, true, QStringLiteral("edge node %1 offline (death certificate)").arg(node), wallNow);
        return;
    case Type::DBirth:
        verdict = edge.deviceBirth(device, payload);
        if (verdict == Verdict::Accepted) {
            markLost(path, false);
            applyMetrics(path, edge, payload.metrics(), payload, wallNow);
            applyFleetMetrics(path, edge, payload.metrics(), payload, true, wallNow);
            return;
        }
        break;
    case Type::DDeath:
        verdict = edge.deviceDeath(device, payload);
        if (verdict == Verdict::Accepted) {
            markLost(path, true);
            setOriginStale(path, false, QStringLiteral("device %1 offline (death certificate)").arg(path), wallNow);
            return;
        }
        break;
    case Type::NData:
    case Type::DData:
        verdict = edge.data(payload);
        if (verdict == Verdict::Accepted) {
            if (device.isEmpty() || edge.isDeviceOnline(device)) {
                applyMetrics(path, edge, payload.metrics(), payload, wallNow);
                applyFleetMetrics(path, edge, payload.metrics(), payload, false, wallNow);
            } else { // the device's birth was missed
                requestRebirth(topic.groupId(), topic.edgeNodeId(), wallNow);
            }
            return;
        }
        break;
    case Type::NCmd:
    case Type::DCmd:
    case Type::State:
        return;
    }
    ++m_refused;
    const QString reason = verdict == Verdict::SequenceGap
        ? QStringLiteral("sequence gap from edge node %1: rebirth requested").arg(node)
        : QStringLiteral("edge node %1 sent data without a birth: rebirth requested").arg(node);
    if (verdict == Verdict::SequenceGap) {
        edge.forget();
        setOriginStale(node, true, reason, wallNow);
    }
    requestRebirth(topic.groupId(), topic.edgeNodeId(), wallNow);
}

void SparkplugSource::applyMetrics(const QString &path, const SparkplugEdgeNode &node,
                                   const QList<SparkplugMetric> &metrics, const SparkplugPayload &payload,
                                   const QDateTime &wallNow)
{
    for (const SparkplugMetric &metric : metrics) {
        const QString name = node.metricName(metric);
        const auto targets = m_byMetric.constFind(metricKey(path, name));
        if (name.isEmpty() || targets == m_byMetric.cend())
            continue;
        const std::optional<quint64> stamp = metric.timestamp() ? metric.timestamp() : payload.timestamp();
        const QDateTime at = stamp ? QDateTime::fromMSecsSinceEpoch(qint64(*stamp), Qt::UTC) : wallNow;
        const QVariant quality = metric.propertyValue(QStringLiteral("Quality"));
        for (const qsizetype index : *targets) {
            Endpoint &endpoint = m_endpoints[index];
            if (quality.isValid() && quality.toInt() != kQualityGood) {
                setStale(endpoint, QStringLiteral("the edge node reports quality %1").arg(quality.toInt()));
                continue;
            }
            if (metric.isNull() || !metric.isSupported()) {
                setStale(endpoint,
                         metric.isNull() ? QStringLiteral("the edge node reports no value")
                                         : QStringLiteral("unreadable value: %1").arg(metric.unsupportedReason()));
                continue;
            }
            const QJsonValue value = endpointValue(*endpoint.spec, metric.value());
            if (value.isUndefined()) {
                setStale(endpoint, QStringLiteral("a value of the wrong type for this endpoint"));
                continue;
            }
            setValue(endpoint, value, at, wallNow);
        }
    }
}

void SparkplugSource::applyFleetMetrics(const QString &path, const SparkplugEdgeNode &node,
                                        const QList<SparkplugMetric> &metrics, const SparkplugPayload &payload,
                                        bool birth, const QDateTime &wallNow)
{
    if (birth) {
        // A birth tells everything: what it leaves out is not known.
        for (FleetEntity &entity : m_fleet) {
            if (entity.originPath != path)
                continue;
            entity.originReason.clear();
            entity.problems.clear();
            for (const auto &[role, metric] : std::as_const(entity.roles))
                entity.problems.insert(role, QStringLiteral("the birth certificate does not carry %1").arg(metric));
        }
    }
    for (const SparkplugMetric &metric : metrics) {
        const QString name = node.metricName(metric);
        const auto targets = m_fleetByMetric.constFind(metricKey(path, name));
        if (name.isEmpty() || targets == m_fleetByMetric.cend())
            continue;
        const std::optional<quint64> stamp = metric.timestamp() ? metric.timestamp() : payload.timestamp();
        const QDateTime at = stamp ? QDateTime::fromMSecsSinceEpoch(qint64(*stamp), Qt::UTC) : wallNow;
        const QVariant quality = metric.propertyValue(QStringLiteral("Quality"));
        for (const auto &[index, role] : *targets) {
            FleetEntity &entity = m_fleet[index];
            if (quality.isValid() && quality.toInt() != kQualityGood) {
                entity.problems.insert(
                    role, QStringLiteral("the edge node reports quality %1 for %2").arg(quality.toInt()).arg(name));
            } else if (metric.isNull() || !metric.isSupported()) {
                entity.problems.insert(
                    role,
                    metric.isNull()
                        ? QStringLiteral("the edge node reports no value for %1").arg(name)
                        : QStringLiteral("unreadable value of %1: %2").arg(name, metric.unsupportedReason()));
            } else {
                setFleetValue(entity, role, name, metric.value(), at);
            }
        }
    }
}

void SparkplugSource::setFleetValue(FleetEntity &entity, const QString &role, const QString &name,
                                    const QVariant &value, const QDateTime &at)
{
    entity.timestamp = at;
    if (role == u"status") {
        const Config::StatusMap &map = entity.drone ? entity.droneSpec->stateMap : entity.machine->statusMap;
        const QStringList &words = entity.drone ? kDroneStates : kMachineStatuses;
        const QString text = statusText(value);
        QString word;
        if (map.isEmpty()) {
            if (value.typeId() == QMetaType::QString && words.contains(text))
                word = text;
        } else {
            for (const auto &[from, to] : map) {
                if (from == text)
                    word = to;
            }
        }
        if (word.isEmpty()) {
            entity.problems.insert(
                role,
                map.isEmpty()
                    ? QStringLiteral("%1 reports \"%2\", which is not %3")
                          .arg(name, text, words.join(QStringLiteral(", ")))
                    : QStringLiteral("%1 reports \"%2\", which the %3 does not map")
                          .arg(name, text, entity.drone ? QStringLiteral("state-map") : QStringLiteral("status-map")));
            return;
        }
        entity.status = word;
        entity.problems.remove(role);
        return;
    }
    if (value.typeId() == QMetaType::QString || !(isNumeric(value) || value.typeId() == QMetaType::Bool)
        || !std::isfinite(value.toDouble())) {
        entity.problems.insert(role, QStringLiteral("%1 reports a value that is not a number").arg(name));
        return;
    }
    double number = value.toDouble();
    QString problem;
    if (role == u"utilization" || role == u"battery") {
        // As the console does: a percentage a little beyond its bounds is
        // brought to them, one far beyond is garbage.
        if (number < -10.0 || number > 110.0)
            problem = QStringLiteral("%1 reports %2, which is not a percentage").arg(name).arg(number);
        number = std::clamp(number, 0.0, 100.0);
    } else if (role == u"produced") {
        if (number < 0.0)
            problem = QStringLiteral("%1 reports %2, which is not a count").arg(name).arg(number);
        number = std::floor(number);
    } else if (role == u"lat" && std::abs(number) > 90.0) {
        problem = QStringLiteral("%1 reports %2, which is not a latitude").arg(name).arg(number);
    } else if (role == u"lon" && std::abs(number) > 180.0) {
        problem = QStringLiteral("%1 reports %2, which is not a longitude").arg(name).arg(number);
    } else if (role == u"speed" && number < 0.0) {
        problem = QStringLiteral("%1 reports %2, which is not a speed").arg(name).arg(number);
    }
    if (!problem.isEmpty()) {
        entity.problems.insert(role, problem);
        return;
    }
    entity.numbers.insert(role, number);
    entity.problems.remove(role);
}

// The body of an entity's event without `type` and `timestamp`: what decides
// whether it changed.
QJsonObject SparkplugSource::fleetContent(const FleetEntity &entity) const
{
    QJsonObject content;
    if (entity.drone) {
        content = {
            {QLatin1StringView("state"), entity.status},
            {QLatin1StringView("battery"), entity.numbers.value(QStringLiteral("battery"))},
            {QLatin1StringView("location"),
             QJsonObject {{QLatin1StringView("lat"), entity.numbers.value(QStringLiteral("lat"))},
                          {QLatin1StringView("lon"), entity.numbers.value(QStringLiteral("lon"))},
                          {QLatin1StringView("alt"), entity.numbers.value(QStringLiteral("alt"))}}},
            {QLatin1StringView("speed"), entity.numbers.value(QStringLiteral("speed"))},
        };
    } else {
        const Config::Machine &machine = *entity.machine;
        const double utilization = machine.utilizationMetric.isEmpty()
            ? (entity.status == u"running" ? 100.0 : 0.0)
            : entity.numbers.value(QStringLiteral("utilization"));
        content = {
            {QLatin1StringView("machineId"), machine.machineId},
            {QLatin1StringView("name"), machine.name.isEmpty() ? machine.machineId : machine.name},
            {QLatin1StringView("status"), entity.status},
            {QLatin1StringView("utilization"), utilization},
            {QLatin1StringView("line"), machine.line},
            {QLatin1StringView("producedCount"), qint64(entity.numbers.value(QStringLiteral("produced")))},
        };
    }
    if (entity.stale()) {
        content.insert(QLatin1StringView("quality"), QStringLiteral("stale"));
        content.insert(QLatin1StringView("qualityReason"), entity.staleReason());
    }
    return content;
}

QJsonObject SparkplugSource::fleetBody(const FleetEntity &entity) const
{
    QJsonObject content = fleetContent(entity);
    if (!entity.drone) {
        content.insert(QLatin1StringView("type"), QStringLiteral("machine_status_update"));
        content.insert(QLatin1StringView("timestamp"), wireTimestampOrNull(entity.timestamp));
        return content;
    }
    QJsonObject body {
        {QLatin1StringView("type"), QStringLiteral("drone_update")},
        {QLatin1StringView("serial"), entity.key},
        {QLatin1StringView("kind"), QStringLiteral("status")},
        {QLatin1StringView("timestamp"), wireTimestampOrNull(entity.timestamp)},
    };
    // A drone's quality travels inside `data`, beside its status fields
    // (docs/protocol.md, "Quality"); a snapshot item has it at the top.
    QJsonObject data;
    for (const char *field : {"state", "battery", "location", "speed", "quality", "qualityReason"}) {
        if (content.contains(QLatin1StringView(field)))
            data.insert(QLatin1StringView(field), content.value(QLatin1StringView(field)));
    }
    body.insert(QLatin1StringView("data"), data);
    return body;
}

QJsonObject SparkplugSource::fleetSnapshotItem(const FleetEntity &entity) const
{
    QJsonObject item = fleetContent(entity);
    if (entity.drone)
        item.insert(QLatin1StringView("serial"), entity.key);
    item.insert(QLatin1StringView("timestamp"), wireTimestampOrNull(entity.timestamp));
    return item;
}

void SparkplugSource::setOriginStale(const QString &path, bool includeDevices, const QString &reason,
                                     const QDateTime &wallNow)
{
    for (FleetEntity &entity : m_fleet) {
        if (entity.originPath == path || (includeDevices && entity.originPath.startsWith(path + u'/')))
            entity.originReason = reason;
    }
    for (Endpoint &endpoint : m_endpoints) {
        if (endpoint.originPath == path || (includeDevices && endpoint.originPath.startsWith(path + u'/')))
            setStale(endpoint, reason);
    }
    for (const QString &id : QList<QString>(m_active)) {
        Command &command = m_commands[id];
        const Endpoint &endpoint = m_endpoints.at(m_endpointIndex.value(command.endpointId));
        const bool affected
            = endpoint.originPath == path || (includeDevices && endpoint.originPath.startsWith(path + u'/'));
        if (affected && command.status == u"sent")
            finish(command, QStringLiteral("failed"), reason, wallNow);
    }
}

void SparkplugSource::setStale(Endpoint &endpoint, const QString &reason)
{
    if (endpoint.stale && endpoint.staleReason == reason)
        return;
    endpoint.stale = true;
    endpoint.staleReason = reason;
    endpoint.due = true;
}

void SparkplugSource::setValue(Endpoint &endpoint, const QJsonValue &value, const QDateTime &at,
                               const QDateTime &wallNow)
{
    endpoint.value = value;
    endpoint.timestamp = at;
    const bool wasStale = endpoint.stale;
    endpoint.stale = false;
    endpoint.staleReason.clear();
    // Every reading goes to the endpoint's stream room.
    m_pending.append({QStringLiteral("endpoint_stream"), endpoint.spec->endpointId, telemetryBody(endpoint)});
    const bool moved = !endpoint.published.isDouble() || !value.isDouble()
        ? endpoint.published != value
        : std::abs(value.toDouble() - endpoint.published.toDouble()) > endpoint.spec->deadband;
    if (moved || wasStale || endpoint.publishedStale)
        endpoint.due = true;
    checkCommands(endpoint, wallNow);
}

void SparkplugSource::publishTelemetry(Endpoint &endpoint)
{
    endpoint.due = false;
    endpoint.published = endpoint.value;
    endpoint.publishedStale = endpoint.stale;
    endpoint.refreshDueMs = m_nowMs + kRefreshMs;
    m_pending.append({QStringLiteral("telemetry"), endpoint.spec->endpointId, telemetryBody(endpoint)});
}

QJsonObject SparkplugSource::telemetryBody(const Endpoint &endpoint) const
{
    QJsonObject body {
        {QLatin1StringView("type"), QStringLiteral("telemetry")},
        {QLatin1StringView("endpointId"), endpoint.spec->endpointId},
        {QLatin1StringView("value"), endpoint.value},
        {QLatin1StringView("unit"), orNull(endpoint.spec->unit)},
        {QLatin1StringView("timestamp"), wireTimestampOrNull(endpoint.timestamp)},
    };
    if (endpoint.stale) {
        body.insert(QLatin1StringView("quality"), QStringLiteral("stale"));
        body.insert(QLatin1StringView("qualityReason"), endpoint.staleReason);
    }
    return body;
}

void SparkplugSource::requestRebirth(const QString &group, const QString &edgeNode, const QDateTime &wallNow)
{
    const QString node = group + u'/' + edgeNode;
    const auto asked = m_rebirthAskedMs.constFind(node);
    if (!m_linkUp || (asked != m_rebirthAskedMs.cend() && m_nowMs - *asked < kRebirthIntervalMs))
        return;
    const auto topic = SparkplugTopic::make(SparkplugTopic::MessageType::NCmd, group, edgeNode);
    if (!topic)
        return;
    SparkplugPayload payload;
    payload.setTimestamp(quint64(wallNow.toMSecsSinceEpoch()));
    payload.addMetric(SparkplugMetric(QStringLiteral("Node Control/Rebirth"), SparkplugDataType::Boolean, true));
    if (m_publish(topic->toString(), payload.encode(), 0, false)) {
        m_rebirthAskedMs.insert(node, m_nowMs);
        ++m_rebirths;
    }
}

void SparkplugSource::markLost(const QString &path, bool lost)
{
    // One death, one alarm: a node's death does not also raise its devices'
    // lost conditions (their values turn stale all the same).
    if (const auto it = m_lost.find(path); it != m_lost.end())
        *it = lost;
}

PlantEvents SparkplugSource::advance(qint64 sourceMs, const QDateTime &wallNow)
{
    m_nowMs = sourceMs;
    sendQueued(wallNow);
    for (const QString &id : QList<QString>(m_active)) {
        Command &command = m_commands[id];
        if (command.status == u"sent" && sourceMs - command.sentAtMs >= m_config.commandTimeoutMs) {
            finish(command, QStringLiteral("timeout"),
                   QStringLiteral("the device did not report the requested value within %1 s")
                       .arg(m_config.commandTimeoutMs / 1000.0),
                   wallNow);
        }
    }
    for (Endpoint &endpoint : m_endpoints) {
        if (endpoint.due || sourceMs >= endpoint.refreshDueMs) {
            if (!endpoint.stale && !endpoint.due)
                endpoint.timestamp = wallNow; // unchanged and still reported by a live node
            publishTelemetry(endpoint);
        }
    }
    for (FleetEntity &entity : m_fleet) {
        if (entity.status.isEmpty())
            continue; // not served until its origin has reported a status
        const QJsonObject content = fleetContent(entity);
        if (content == entity.published && sourceMs < entity.refreshDueMs)
            continue;
        if (content == entity.published && !entity.stale())
            entity.timestamp = wallNow; // unchanged and still reported by a live origin
        entity.published = content;
        entity.refreshDueMs = sourceMs + kFleetRefreshMs;
        m_pending.append(
            {entity.drone ? QStringLiteral("drones") : QStringLiteral("machines"), entity.key, fleetBody(entity)});
    }
    for (qsizetype i = 0; i < m_alarms.size(); ++i) {
        const Endpoint &endpoint = m_endpoints.at(m_alarmEndpoints.at(i));
        m_alarms[i].update(endpoint.stale ? QJsonValue(QJsonValue::Undefined) : endpoint.value, sourceMs);
    }
    return std::exchange(m_pending, {});
}

PlantConditions SparkplugSource::conditions() const
{
    PlantConditions all;
    for (const auto &alarm : m_alarms)
        all.append(alarm.condition());
    for (auto it = m_lost.cbegin(); it != m_lost.cend(); ++it) {
        const bool device = it.key().count(u'/') == 2;
        all.append({QStringLiteral("origin:%1:lost").arg(it.key()), it.value(), m_config.deviceLostSeverity,
                    (device ? QStringLiteral("Device %1 lost") : QStringLiteral("Edge node %1 lost")).arg(it.key()),
                    QStringLiteral("system"), it.key()});
    }
    all.append({QStringLiteral("gateway:broker:lost"), m_linkLost, QStringLiteral("critical"),
                QStringLiteral("Gateway lost its MQTT broker: %1").arg(m_linkReason), QStringLiteral("system"),
                QStringLiteral("broker")});
    return all;
}

QJsonArray SparkplugSource::snapshot(const QString &channel, const QSet<QString> &keys) const
{
    QJsonArray items;
    if (channel == u"tiles")
        return tilesSnapshot();
    if (channel == u"telemetry" || channel == u"endpoint_stream") {
        for (const Endpoint &endpoint : m_endpoints) {
            if (keys.isEmpty() || keys.contains(endpoint.spec->endpointId))
                items.append(telemetryBody(endpoint));
        }
    } else if (channel == u"commands") {
        return commandsSnapshot(keys);
    } else if (channel == u"machines" || channel == u"drones") {
        const bool drones = channel == u"drones";
        for (const FleetEntity &entity : m_fleet) {
            if (entity.drone == drones && !entity.status.isEmpty() && (keys.isEmpty() || keys.contains(entity.key)))
                items.append(fleetSnapshotItem(entity));
        }
    }
    return items;
}

QJsonArray SparkplugSource::tilesSnapshot() const
{
    QJsonArray tiles;
    qsizetype next = 0; // endpoints are stored in the configuration's order
    for (const Config::Tile &tile : m_config.tiles) {
        QJsonArray devices;
        for (const Config::Device &device : tile.devices) {
            QJsonArray endpoints;
            for (const Config::Endpoint &spec : device.endpoints) {
                const Endpoint &endpoint = m_endpoints.at(next++);
                QJsonObject item {
                    {QLatin1StringView("endpointId"), spec.endpointId},
                    {QLatin1StringView("name"), spec.name.isEmpty() ? spec.metric : spec.name},
                    {QLatin1StringView("unit"), orNull(spec.unit)},
                    {QLatin1StringView("valueType"), typeName(spec.type)},
                    {QLatin1StringView("writable"), spec.writable},
                    {QLatin1StringView("critical"), spec.critical},
                    {QLatin1StringView("min"), orNull(spec.min)},
                    {QLatin1StringView("max"), orNull(spec.max)},
                    {QLatin1StringView("step"), orNull(spec.step)},
                    {QLatin1StringView("options"),
                     spec.options.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonArray::fromStringList(spec.options)},
                    {QLatin1StringView("value"), endpoint.value},
                    {QLatin1StringView("timestamp"), wireTimestampOrNull(endpoint.timestamp)},
                };
                if (endpoint.stale) {
                    item.insert(QLatin1StringView("quality"), QStringLiteral("stale"));
                    item.insert(QLatin1StringView("qualityReason"), endpoint.staleReason);
                }
                endpoints.append(item);
            }
            devices.append(QJsonObject {
                {QLatin1StringView("deviceId"), QString(tile.tileId + u'.' + device.deviceId)},
                {QLatin1StringView("kind"), device.kind},
                {QLatin1StringView("name"), device.name.isEmpty() ? device.deviceId : device.name},
                {QLatin1StringView("endpoints"), endpoints},
            });
        }
        QJsonArray interlocks;
        for (const Config::Interlock &interlock : m_config.interlocks) {
            const Endpoint *target = m_endpointIndex.contains(interlock.target)
                ? &m_endpoints.at(m_endpointIndex.value(interlock.target))
                : nullptr;
            if (!target || target->tileId != tile.tileId)
                continue;
            interlocks.append(QJsonObject {
                {QLatin1StringView("id"), interlock.id},
                {QLatin1StringView("description"), interlock.description},
                {QLatin1StringView("target"), interlock.target},
                {QLatin1StringView("requires"),
                 QJsonObject {{QLatin1StringView("endpointId"), interlock.requiresEndpointId},
                              {QLatin1StringView("op"), opName(interlock.op)},
                              {QLatin1StringView("value"), interlock.value}}},
            });
        }
        tiles.append(QJsonObject {
            {QLatin1StringView("tileId"), tile.tileId},
            {QLatin1StringView("name"), tile.name.isEmpty() ? tile.tileId : tile.name},
            {QLatin1StringView("devices"), devices},
            {QLatin1StringView("interlocks"), interlocks},
        });
    }
    return tiles;
}

CommandSubmission SparkplugSource::submitCommand(const QString &commandId, const QString &endpointId,
                                                 const QJsonValue &value, const QString &operatorName,
                                                 const QDateTime &wallNow, const QDateTime &expiresAt)
{
    CommandSubmission result;
    const auto refuse = [&result](const QString &code, const QString &message, const QString &reason = {}) {
        result.errorCode = code;
        result.message = message;
        result.reason = reason;
        return result;
    };
    if (const auto known = m_commands.constFind(commandId); known != m_commands.cend()) {
        result.ok = true;
        result.status = statusBody(*known);
        return result;
    }
    const qsizetype index = m_endpointIndex.value(endpointId, -1);
    if (index < 0)
        return refuse(QStringLiteral("not_found"), QStringLiteral("no endpoint %1").arg(endpointId));
    const Endpoint &endpoint = m_endpoints.at(index);
    const Config::Endpoint &spec = *endpoint.spec;
    if (!spec.writable)
        return refuse(QStringLiteral("not_writable"), QStringLiteral("%1 is read-only").arg(endpointId));
    if (expiresAt.isValid() && expiresAt < wallNow)
        return refuse(QStringLiteral("expired"), QStringLiteral("the command's validity has passed"));
    switch (spec.type) {
    case Config::ValueType::Bool:
        if (!value.isBool())
            return refuse(QStringLiteral("bad_request"), QStringLiteral("%1 takes true or false").arg(endpointId));
        break;
    case Config::ValueType::Enum:
        if (!value.isString() || !spec.options.contains(value.toString())) {
            return refuse(QStringLiteral("bad_request"),
                          QStringLiteral("%1 takes one of %2").arg(endpointId, spec.options.join(u", ")));
        }
        break;
    case Config::ValueType::Number:
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return refuse(QStringLiteral("bad_request"), QStringLiteral("%1 takes a number").arg(endpointId));
        if ((spec.min && value.toDouble() < *spec.min) || (spec.max && value.toDouble() > *spec.max)) {
            const QString low = spec.min ? QStringLiteral(" from %1").arg(*spec.min) : QString();
            const QString high = spec.max ? QStringLiteral(" up to %1").arg(*spec.max) : QString();
            return refuse(QStringLiteral("out_of_range"),
                          QStringLiteral("%1 takes values%2%3").arg(endpointId, low, high));
        }
        break;
    }
    for (const Config::Interlock &interlock : m_config.interlocks) {
        if (interlock.target != endpointId)
            continue;
        const qsizetype required = m_endpointIndex.value(interlock.requiresEndpointId, -1);
        const bool known = required >= 0 && !m_endpoints.at(required).stale;
        if (!known || !compare(m_endpoints.at(required).value, interlock.op, interlock.value)) {
            return refuse(QStringLiteral("interlock"),
                          known ? QStringLiteral("interlock %1 forbids it").arg(interlock.id)
                                : QStringLiteral("interlock %1 cannot be checked: %2 is not known")
                                      .arg(interlock.id, interlock.requiresEndpointId),
                          interlock.description);
        }
    }
    Command command;
    command.commandId = commandId;
    command.endpointId = endpointId;
    command.operatorName = operatorName;
    command.requested = value;
    m_commands.insert(commandId, command);
    m_active.append(commandId);
    result.ok = true;
    result.status = statusBody(command);
    result.events.append({QStringLiteral("commands"), commandId, result.status});
    return result;
}

void SparkplugSource::sendQueued(const QDateTime &wallNow)
{
    for (const QString &id : QList<QString>(m_active)) {
        Command &command = m_commands[id];
        if (command.status != u"queued")
            continue;
        const Endpoint &endpoint = m_endpoints.at(m_endpointIndex.value(command.endpointId));
        const Config::Origin &origin = endpoint.origin;
        const SparkplugEdgeNode node = m_nodes.value(nodePath(origin));
        const bool online = origin.device.isEmpty() ? node.isOnline() : node.isDeviceOnline(origin.device);
        if (!online) {
            finish(command, QStringLiteral("failed"),
                   QStringLiteral("%1 is offline: the command was not sent").arg(endpoint.originPath), wallNow);
            continue;
        }
        using Type = SparkplugTopic::MessageType;
        const auto topic = SparkplugTopic::make(origin.device.isEmpty() ? Type::NCmd : Type::DCmd, origin.group,
                                                origin.edgeNode, origin.device);
        SparkplugPayload payload;
        payload.setTimestamp(quint64(wallNow.toMSecsSinceEpoch()));
        payload.addMetric(commandMetric(*endpoint.spec, node.dataTypeOf(origin.device, endpoint.spec->metric),
                                        node.aliasOf(origin.device, endpoint.spec->metric), command.requested));
        // Published once, whatever happens next: a command is never sent twice.
        if (!topic || !m_publish(topic->toString(), payload.encode(), 0, false)) {
            finish(command, QStringLiteral("failed"), QStringLiteral("no broker link: the command was not sent"),
                   wallNow);
            continue;
        }
        command.status = QStringLiteral("sent");
        command.sentAtMs = m_nowMs;
        m_pending.append({QStringLiteral("commands"), command.commandId, statusBody(command)});
    }
}

void SparkplugSource::checkCommands(const Endpoint &endpoint, const QDateTime &wallNow)
{
    for (const QString &id : QList<QString>(m_active)) {
        Command &command = m_commands[id];
        if (command.status != u"sent" || command.endpointId != endpoint.spec->endpointId)
            continue;
        const bool reached = command.requested.isDouble() && endpoint.value.isDouble()
            ? std::abs(command.requested.toDouble() - endpoint.value.toDouble())
                <= std::max(1e-9 * std::abs(command.requested.toDouble()), endpoint.spec->step.value_or(0.0) / 2)
            : command.requested == endpoint.value;
        if (reached)
            finish(command, QStringLiteral("succeeded"), {}, wallNow);
    }
}

void SparkplugSource::finish(Command &command, const QString &status, const QString &error, const QDateTime &wallNow)
{
    command.status = status;
    command.error = error;
    command.completedAt = wallNow;
    m_active.removeOne(command.commandId);
    m_finished.append(command.commandId);
    if (m_finished.size() > kCommandHistory)
        m_commands.remove(m_finished.takeFirst());
    m_pending.append({QStringLiteral("commands"), command.commandId, statusBody(command)});
}

QJsonObject SparkplugSource::statusBody(const Command &command) const
{
    const Endpoint &endpoint = m_endpoints.at(m_endpointIndex.value(command.endpointId));
    return {
        {QLatin1StringView("type"), QStringLiteral("command_status")},
        {QLatin1StringView("commandId"), command.commandId},
        {QLatin1StringView("endpointId"), command.endpointId},
        {QLatin1StringView("status"), command.status},
        {QLatin1StringView("requestedValue"), command.requested},
        {QLatin1StringView("actualValue"), endpoint.stale ? QJsonValue(QJsonValue::Null) : endpoint.value},
        {QLatin1StringView("operator"), command.operatorName},
        {QLatin1StringView("error"), command.error.isEmpty() ? QJsonValue(QJsonValue::Null) : command.error},
        {QLatin1StringView("completedAt"), wireTimestampOrNull(command.completedAt)},
    };
}

QJsonArray SparkplugSource::commandsSnapshot(const QSet<QString> &keys) const
{
    QJsonArray items;
    if (!keys.isEmpty()) {
        for (const QString &id : keys) {
            if (const auto it = m_commands.constFind(id); it != m_commands.cend())
                items.append(statusBody(*it));
        }
        return items;
    }
    for (const QString &id : m_active)
        items.append(statusBody(m_commands.value(id)));
    for (qsizetype i = std::max<qsizetype>(0, m_finished.size() - kSnapshotFinished); i < m_finished.size(); ++i)
        items.append(statusBody(m_commands.value(m_finished.at(i))));
    return items;
}

QJsonObject SparkplugSource::stats() const
{
    qsizetype online = 0;
    for (const SparkplugEdgeNode &node : m_nodes)
        online += node.isOnline() ? 1 : 0;
    return {{QLatin1StringView("brokerLinkUp"), m_linkUp},
            {QLatin1StringView("sparkplugMessages"), m_messages},
            {QLatin1StringView("sparkplugRefused"), m_refused},
            {QLatin1StringView("rebirthsRequested"), m_rebirths},
            {QLatin1StringView("edgeNodesOnline"), qint64(online)}};
}
