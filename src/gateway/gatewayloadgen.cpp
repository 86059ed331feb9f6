#include "gatewayloadgen.h"

#include "plantsource.h"
#include "wiretime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace {

// A quarter second: what a stalled server makes up for at once at most. A
// longer stall is load that was never offered, which the measurement sees.
constexpr double kMaxCatchUpSeconds = 0.25;

// A JSON string literal, quotes included.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// `value` / 10^decimals as fixed-point text, without going through a double.
void appendFixed(QByteArray &out, qint64 value, int decimals)
{
    char buffer[32];
    char *end = buffer + sizeof buffer;
    char *p = end;
    const bool negative = value < 0;
    quint64 v = negative ? quint64(-value) : quint64(value);
    for (int i = 0; i < decimals; ++i) {
        *--p = char('0' + v % 10);
        v /= 10;
    }
    if (decimals > 0)
        *--p = '.';
    do {
        *--p = char('0' + v % 10);
        v /= 10;
    } while (v);
    if (negative)
        *--p = '-';
    out.append(p, end - p);
}

void appendInteger(QByteArray &out, quint64 value)
{
    appendFixed(out, qint64(value), 0);
}

qint64 scaled(double value, double factor)
{
    return qint64(std::llround(value * factor));
}

} // namespace

struct GatewayLoadGen::Entity
{
    enum class Kind { Drone, Machine, Endpoint };
    Kind kind = Kind::Drone;
    QString channel;
    QString key; // serial, machineId or endpointId, for subscription filters
    QByteArray head; // the fixed text after "ts": up to the first number that changes
    QByteArray middle; // fixed text between numbers, where a kind needs it
    // Drone: battery in tenths, lat and lon in micro-degrees, alt and speed in decimetres.
    // Machine: utilization in tenths, produced count.
    // Endpoint: value in hundredths between min and max; or a bool; or an option index.
    qint64 n[5] = {};
    qint64 min = 0;
    qint64 max = 0;
    QList<QByteArray> options; // an enum endpoint's values, as JSON strings
    enum class Value { Number, Bool, Option } value = Value::Number;
};

GatewayLoadGen::GatewayLoadGen(const PlantSource &source, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_state(seed * 2654435761U + 1U)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &GatewayLoadGen::onTimer);
}

GatewayLoadGen::~GatewayLoadGen() = default;

void GatewayLoadGen::setRate(double eventsPerSecond)
{
    m_rate = std::max(0.0, eventsPerSecond);
    m_generated = 0;
    m_clock.start();
    if (m_rate > 0.0) {
        if (!m_loaded)
            loadEntities();
        m_timer.start();
    } else {
        m_timer.stop();
    }
}

quint32 GatewayLoadGen::random()
{
    // xorshift32: cheap, and the load needs variety, not statistics.
    m_state ^= m_state << 13;
    m_state ^= m_state >> 17;
    m_state ^= m_state << 5;
    return m_state;
}

void GatewayLoadGen::onTimer()
{
    const qint64 target = qint64(m_rate * double(m_clock.elapsed()) / 1000.0);
    const qint64 floor = target - qint64(m_rate * kMaxCatchUpSeconds);
    m_generated = std::max(m_generated, floor);
    const qint64 events = target - m_generated;
    if (events <= 0)
        return;
    m_generated = target;
    Q_EMIT due(int(std::min<qint64>(events, std::numeric_limits<int>::max())));
}

void GatewayLoadGen::loadEntities()
{
    m_loaded = true;
    const QString drones = QStringLiteral("drones");
    for (const auto &value : m_source.snapshot(drones, {})) {
        const QJsonObject item = value.toObject();
        const QJsonObject location = item.value(QLatin1StringView("location")).toObject();
        Entity e;
        e.kind = Entity::Kind::Drone;
        e.channel = drones;
        e.key = item.value(QLatin1StringView("serial")).toString();
        e.head = ",\"serial\":" + jsonString(e.key) + ",\"kind\":\"status\",\"data\":{\"state\":"
            + jsonString(item.value(QLatin1StringView("state")).toString()) + ",\"battery\":";
        e.n[0] = scaled(item.value(QLatin1StringView("battery")).toDouble(), 10);
        e.n[1] = scaled(location.value(QLatin1StringView("lat")).toDouble(), 1e6);
        e.n[2] = scaled(location.value(QLatin1StringView("lon")).toDouble(), 1e6);
        e.n[3] = scaled(location.value(QLatin1StringView("alt")).toDouble(), 10);
        e.n[4] = scaled(item.value(QLatin1StringView("speed")).toDouble(), 10);
        m_entities.push_back(std::move(e));
    }
    const QString machines = QStringLiteral("machines");
    for (const auto &value : m_source.snapshot(machines, {})) {
        const QJsonObject item = value.toObject();
        Entity e;
        e.kind = Entity::Kind::Machine;
        e.channel = machines;
        e.key = item.value(QLatin1StringView("machineId")).toString();
        e.head = ",\"machineId\":" + jsonString(e.key)
            + ",\"status\":" + jsonString(item.value(QLatin1StringView("status")).toString()) + ",\"utilization\":";
        e.middle = ",\"line\":" + jsonString(item.value(QLatin1StringView("line")).toString()) + ",\"producedCount\":";
        e.n[0] = scaled(item.value(QLatin1StringView("utilization")).toDouble(), 10);
        e.n[1] = item.value(QLatin1StringView("producedCount")).toInteger();
        m_entities.push_back(std::move(e));
    }
    const QString telemetry = QStringLiteral("telemetry");
    for (const auto &tile : m_source.snapshot(QStringLiteral("tiles"), {})) {
        for (const auto &device : tile.toObject().value(QLatin1StringView("devices")).toArray()) {
            for (const auto &value : device.toObject().value(QLatin1StringView("endpoints")).toArray()) {
                const QJsonObject endpoint = value.toObject();
                const QString type = endpoint.value(QLatin1StringView("valueType")).toString();
                Entity e;
                e.kind = Entity::Kind::Endpoint;
                e.channel = telemetry;
                e.key = endpoint.value(QLatin1StringView("endpointId")).toString();
                e.head = ",\"endpointId\":" + jsonString(e.key) + ",\"value\":";
                const QJsonValue unit = endpoint.value(QLatin1StringView("unit"));
                e.middle = unit.isString() ? ",\"unit\":" + jsonString(unit.toString()) : QByteArray();
                if (type == u"bool") {
                    e.value = Entity::Value::Bool;
                } else if (type == u"enum") {
                    e.value = Entity::Value::Option;
                    for (const auto &option : endpoint.value(QLatin1StringView("options")).toArray())
                        e.options.append(jsonString(option.toString()));
                    if (e.options.isEmpty())
                        continue;
                } else {
                    e.min = scaled(endpoint.value(QLatin1StringView("min")).toDouble(0.0), 100);
                    e.max = scaled(endpoint.value(QLatin1StringView("max")).toDouble(100.0), 100);
                    e.n[0] = std::clamp(scaled(endpoint.value(QLatin1StringView("value")).toDouble(), 100), e.min,
                                        std::max(e.min, e.max));
                }
                m_entities.push_back(std::move(e));
            }
        }
    }
    // Shuffled once, so every frame mixes the kinds as their numbers say.
    for (size_t i = m_entities.size(); i > 1; --i)
        std::swap(m_entities[i - 1], m_entities[random() % i]);
}

void GatewayLoadGen::buildStream(const GatewaySession &session, Stream &stream) const
{
    stream.subscriptions = session.subscriptions();
    stream.order.clear();
    stream.next = 0;
    for (size_t i = 0; i < m_entities.size(); ++i) {
        const Entity &e = m_entities[i];
        const bool wanted = std::any_of(
            stream.subscriptions.cbegin(), stream.subscriptions.cend(), [&e](const GatewaySession::Subscription &s) {
                return s.channel == e.channel && (s.keys.isEmpty() || s.keys.contains(e.key));
            });
        if (wanted)
            stream.order.push_back(int(i));
    }
}

void GatewayLoadGen::render(Entity &e, quint64 seq, QByteArray &out)
{
    static constexpr std::string_view kDrone = R"({"type":"drone_update","seq":)";
    static constexpr std::string_view kMachine = R"({"type":"machine_status_update","seq":)";
    static constexpr std::string_view kTelemetry = R"({"type":"telemetry","seq":)";
    const std::string_view opening = e.kind == Entity::Kind::Drone ? kDrone
        : e.kind == Entity::Kind::Machine                          ? kMachine
                                                                   : kTelemetry;
    out.append(opening.data(), qsizetype(opening.size()));
    appendInteger(out, seq);
    out.append(",\"ts\":");
    out.append(m_tsText);
    out.append(e.head);
    const quint32 r = random();
    switch (e.kind) {
    case Entity::Kind::Drone:
        // Battery drains a tenth now and then and is swapped when low;
        // position and altitude wander a little.
        if (r % 8 == 0)
            e.n[0] = e.n[0] <= 50 ? 1000 : e.n[0] - 1;
        e.n[1] = std::clamp<qint64>(e.n[1] + qint64(r >> 8) % 21 - 10, -90'000'000, 90'000'000);
        e.n[2] = std::clamp<qint64>(e.n[2] + qint64(r >> 16) % 21 - 10, -180'000'000, 180'000'000);
        e.n[3] = std::max<qint64>(0, e.n[3] + qint64(r >> 24) % 5 - 2);
        appendFixed(out, e.n[0], 1);
        out.append(",\"location\":{\"lat\":");
        appendFixed(out, e.n[1], 6);
        out.append(",\"lon\":");
        appendFixed(out, e.n[2], 6);
        out.append(",\"alt\":");
        appendFixed(out, e.n[3], 1);
        out.append("},\"speed\":");
        appendFixed(out, e.n[4], 1);
        out.append("}");
        break;
    case Entity::Kind::Machine:
        e.n[0] = std::clamp<qint64>(e.n[0] + qint64(r % 11) - 5, 0, 1000);
        e.n[1] += 1;
        appendFixed(out, e.n[0], 1);
        out.append(e.middle);
        appendInteger(out, quint64(e.n[1]));
        break;
    case Entity::Kind::Endpoint:
        switch (e.value) {
        case Entity::Value::Number:
            e.n[0] = std::clamp<qint64>(e.n[0] + qint64(r % 21) - 10, e.min, std::max(e.min, e.max));
            appendFixed(out, e.n[0], 2);
            break;
        case Entity::Value::Bool:
            out.append(r % 2 ? "true" : "false");
            break;
        case Entity::Value::Option:
            out.append(e.options.at(qsizetype(r % quint32(e.options.size()))));
            break;
        }
        out.append(e.middle);
        break;
    }
    out.append(",\"timestamp\":");
    out.append(m_timestampText);
    out.append("}");
}

int GatewayLoadGen::feed(GatewaySession &session, int count, const std::function<void(const QByteArray &)> &send)
{
    Stream &stream = m_streams[&session];
    if (stream.subscriptions != session.subscriptions())
        buildStream(session, stream);
    if (stream.order.empty() || count <= 0)
        return 0;

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_tsText.clear();
    appendInteger(m_tsText, quint64(nowMs));
    m_timestampText = jsonString(wireTimestamp(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)));

    quint64 seq = session.skip(quint64(count));
    QByteArray frame;
    for (int left = count; left > 0;) {
        const int n = std::min(left, kMaxEventsPerFrame);
        frame.clear();
        frame.reserve(qsizetype(n) * 280 + 64);
        frame.append("{\"type\":\"batch\",\"events\":[");
        for (int i = 0; i < n; ++i) {
            if (i > 0)
                frame.append(',');
            render(m_entities[size_t(stream.order[stream.next])], seq++, frame);
            stream.next = (stream.next + 1) % stream.order.size();
        }
        frame.append("]}");
        send(frame);
        left -= n;
    }
    return count;
}

void GatewayLoadGen::retain(const QList<const GatewaySession *> &alive)
{
    m_streams.removeIf([&alive](const auto &it) { return !alive.contains(it.key()); });
}
