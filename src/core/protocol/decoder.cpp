#include "decoder.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace Protocol {

namespace {

constexpr auto kStateNames = std::to_array<std::pair<DroneState, QStringView>>({
    {DroneState::Idle, u"idle"},
    {DroneState::Flying, u"flying"},
    {DroneState::Charging, u"charging"},
    {DroneState::Maintenance, u"maintenance"},
    {DroneState::Offline, u"offline"},
    {DroneState::Error, u"error"},
});

// Reads typed fields from one JSON object and remembers the first failure, so
// a decoder reads every field it needs and checks once at the end.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString type, QString prefix = {})
        : m_object(object)
        , m_type(std::move(type))
        , m_prefix(std::move(prefix))
    { }

    const std::optional<DecodeError> &error() const { return m_error; }

    QString string(QLatin1StringView name)
    {
        const QJsonValue v = require(name);
        if (v.isUndefined())
            return {};
        if (!v.isString()) {
            fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a string"));
            return {};
        }
        return v.toString();
    }

    QString optionalString(QLatin1StringView name)
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a string"));
            return {};
        }
        return v.toString();
    }

    // A string, or a number that a `plain` server used as an identifier.
    QString identifier(QLatin1StringView name)
    {
        const QJsonValue v = require(name);
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toInteger());
        if (!v.isUndefined())
            fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a string or a number"));
        return {};
    }

    double number(QLatin1StringView name, double min = -std::numeric_limits<double>::max(),
                  double max = std::numeric_limits<double>::max())
    {
        const QJsonValue v = require(name);
        if (v.isUndefined())
            return 0.0;
        return checkNumber(name, v, min, max);
    }

    double optionalNumber(QLatin1StringView name, double fallback, double min = -std::numeric_limits<double>::max(),
                          double max = std::numeric_limits<double>::max())
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull())
            return fallback;
        return checkNumber(name, v, min, max);
    }

    bool boolean(QLatin1StringView name, bool fallback)
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            fail(DecodeError::Kind::BadField, name, QStringLiteral("expected true or false"));
            return fallback;
        }
        return v.toBool();
    }

    QJsonObject object(QLatin1StringView name)
    {
        const QJsonValue v = require(name);
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            fail(DecodeError::Kind::BadField, name, QStringLiteral("expected an object"));
            return {};
        }
        return v.toObject();
    }

    QJsonArray array(QLatin1StringView name)
    {
        const QJsonValue v = require(name);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(DecodeError::Kind::BadField, name, QStringLiteral("expected an array"));
            return {};
        }
        return v.toArray();
    }

    // ISO 8601 text ("2026-11-22T10:00:00.000Z") or milliseconds since the epoch.
    QDateTime timestamp(QLatin1StringView name)
    {
        const QJsonValue v = require(name);
        QDateTime t;
        if (v.isString())
            t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        else if (v.isDouble() && std::isfinite(v.toDouble()))
            t = QDateTime::fromMSecsSinceEpoch(v.toInteger(), Qt::UTC);
        else if (v.isUndefined())
            return {};
        if (!t.isValid()) {
            fail(DecodeError::Kind::BadField, name, QStringLiteral("expected an ISO 8601 time or epoch milliseconds"));
            return {};
        }
        return t.toUTC();
    }

    void fail(DecodeError::Kind kind, QLatin1StringView name, const QString &detail)
    {
        if (!m_error)
            m_error = DecodeError {kind, m_type, m_prefix + QString(name), detail};
    }

private:
    QJsonValue require(QLatin1StringView name)
    {
        QJsonValue v = m_object.value(name);
        if (v.isUndefined())
            fail(DecodeError::Kind::MissingField, name, QStringLiteral("required field is missing"));
        return v;
    }

    double checkNumber(QLatin1StringView name, const QJsonValue &v, double min, double max)
    {
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a number"));
            return 0.0;
        }
        const double d = v.toDouble();
        if (d < min || d > max) {
            fail(DecodeError::Kind::BadField, name, QStringLiteral("%1 is outside %2..%3").arg(d).arg(min).arg(max));
            return 0.0;
        }
        return d;
    }

    const QJsonObject &m_object;
    QString m_type;
    QString m_prefix;
    std::optional<DecodeError> m_error;
};

std::variant<DroneStatus, DecodeError> decodeDroneStatus(const QJsonObject &item, const QString &type,
                                                         const QString &prefix, const QString &serial,
                                                         const QDateTime &timestamp)
{
    FieldReader r(item, type, prefix);
    DroneStatus s;
    s.serial = serial;
    s.timestamp = timestamp;
    const QString stateName = r.string(QLatin1StringView("state"));
    s.battery = r.number(QLatin1StringView("battery"), 0.0, 100.0);
    const QJsonObject location = r.object(QLatin1StringView("location"));
    s.speed = r.optionalNumber(QLatin1StringView("speed"), 0.0, 0.0);
    if (r.error())
        return *r.error();

    const auto state = droneStateFromName(stateName);
    if (!state) {
        r.fail(DecodeError::Kind::BadField, QLatin1StringView("state"),
               QStringLiteral("unknown drone state \"%1\"").arg(stateName));
        return *r.error();
    }
    s.state = *state;

    FieldReader loc(location, type, prefix + QStringLiteral("location."));
    s.location.lat = loc.number(QLatin1StringView("lat"), -90.0, 90.0);
    s.location.lon = loc.number(QLatin1StringView("lon"), -180.0, 180.0);
    s.location.alt = loc.optionalNumber(QLatin1StringView("alt"), 0.0);
    if (loc.error())
        return *loc.error();
    return s;
}

ErrorInfo decodeErrorInfo(const QJsonObject &o)
{
    return {o.value(QLatin1StringView("code")).toString(), o.value(QLatin1StringView("message")).toString()};
}

using BodyOrError = std::variant<Body, DecodeError>;

BodyOrError decodeHello(FieldReader &r)
{
    Hello h;
    h.protocol = int(r.number(QLatin1StringView("protocol"), 0, 1'000'000));
    h.server = r.optionalString(QLatin1StringView("server"));
    h.authRequired = r.boolean(QLatin1StringView("authRequired"), false);
    h.heartbeatMs = int(r.optionalNumber(QLatin1StringView("heartbeatMs"), 15000, 100, 3'600'000));
    if (r.error())
        return *r.error();
    return h;
}

BodyOrError decodeResult(const QJsonObject &o, FieldReader &r)
{
    Result res;
    res.id = quint64(r.number(QLatin1StringView("id"), 0, 9007199254740991.0));
    const QJsonValue ok = o.value(QLatin1StringView("ok"));
    if (!ok.isBool())
        r.fail(DecodeError::Kind::BadField, QLatin1StringView("ok"), QStringLiteral("expected true or false"));
    res.ok = ok.toBool();
    if (r.error())
        return *r.error();
    res.data = o.value(QLatin1StringView("data")).toObject();
    res.error = decodeErrorInfo(o.value(QLatin1StringView("error")).toObject());
    return res;
}

BodyOrError decodeSnapshot(const QString &type, FieldReader &r)
{
    Snapshot snap;
    snap.channel = r.string(QLatin1StringView("channel"));
    const QJsonArray items = r.array(QLatin1StringView("items"));
    if (r.error())
        return *r.error();
    if (snap.channel != u"drones") {
        return DecodeError {DecodeError::Kind::UnsupportedKind, type, QStringLiteral("channel"),
                            QStringLiteral("snapshots of channel \"%1\" are not handled").arg(snap.channel)};
    }
    snap.drones.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString prefix = QStringLiteral("items[%1].").arg(i);
        if (!items.at(i).isObject())
            return DecodeError {DecodeError::Kind::BadField, type, prefix.chopped(1),
                                QStringLiteral("expected an object")};
        const QJsonObject item = items.at(i).toObject();
        FieldReader ir(item, type, prefix);
        const QString serial = ir.identifier(QLatin1StringView("serial"));
        const QDateTime ts = ir.timestamp(QLatin1StringView("timestamp"));
        if (ir.error())
            return *ir.error();
        auto status = decodeDroneStatus(item, type, prefix, serial, ts);
        if (auto *e = std::get_if<DecodeError>(&status))
            return *e;
        snap.drones.append(std::get<DroneStatus>(std::move(status)));
    }
    return snap;
}

BodyOrError decodeDroneUpdate(const QString &type, FieldReader &r)
{
    const QString serial = r.identifier(QLatin1StringView("serial"));
    const QString kind = r.string(QLatin1StringView("kind"));
    const QJsonObject data = r.object(QLatin1StringView("data"));
    const QDateTime ts = r.timestamp(QLatin1StringView("timestamp"));
    if (r.error())
        return *r.error();
    if (serial.isEmpty())
        return DecodeError {DecodeError::Kind::BadField, type, QStringLiteral("serial"),
                            QStringLiteral("empty serial")};
    if (kind == u"build_progress") {
        FieldReader d(data, type, QStringLiteral("data."));
        DroneBuildProgress b;
        b.serial = serial;
        b.timestamp = ts;
        b.percent = int(d.number(QLatin1StringView("percent"), 0.0, 100.0));
        b.stage = d.string(QLatin1StringView("stage"));
        b.assembly = d.optionalString(QLatin1StringView("assembly"));
        if (data.contains(QLatin1StringView("eta")) && !data.value(QLatin1StringView("eta")).isNull())
            b.eta = d.timestamp(QLatin1StringView("eta"));
        if (d.error())
            return *d.error();
        return b;
    }
    if (kind == u"system_health") {
        FieldReader d(data, type, QStringLiteral("data."));
        DroneHealth h;
        h.serial = serial;
        h.timestamp = ts;
        h.cpu = d.number(QLatin1StringView("cpu"), 0.0, 100.0);
        h.memory = d.number(QLatin1StringView("memory"), 0.0, 100.0);
        h.storage = d.number(QLatin1StringView("storage"), 0.0, 100.0);
        h.temperature = d.number(QLatin1StringView("temperature"), -100.0, 200.0);
        if (d.error())
            return *d.error();
        return h;
    }
    if (kind == u"operation") {
        FieldReader d(data, type, QStringLiteral("data."));
        DroneOperation o;
        o.serial = serial;
        o.timestamp = ts;
        o.mission = d.string(QLatin1StringView("mission"));
        const QString status = d.string(QLatin1StringView("status"));
        o.progress = d.number(QLatin1StringView("progress"), 0.0, 100.0);
        if (d.error())
            return *d.error();
        static const QHash<QString, MissionStatus> statuses = {
            {QStringLiteral("started"), MissionStatus::Started},
            {QStringLiteral("paused"), MissionStatus::Paused},
            {QStringLiteral("completed"), MissionStatus::Completed},
            {QStringLiteral("aborted"), MissionStatus::Aborted},
        };
        const auto it = statuses.constFind(status);
        if (it == statuses.cend())
            return DecodeError {DecodeError::Kind::BadField, type, QStringLiteral("data.status"),
                                QStringLiteral("unknown mission status \"%1\"").arg(status)};
        o.status = *it;
        return o;
    }
    if (kind != u"status") {
        return DecodeError {DecodeError::Kind::UnsupportedKind, type, QStringLiteral("kind"),
                            QStringLiteral("drone_update kind \"%1\" is not handled").arg(kind)};
    }
    auto status = decodeDroneStatus(data, type, QStringLiteral("data."), serial, ts);
    if (auto *e = std::get_if<DecodeError>(&status))
        return *e;
    return DroneStatusUpdate {std::get<DroneStatus>(std::move(status))};
}

std::variant<Message, DecodeError> decodeMessage(const QJsonValue &value)
{
    if (!value.isObject())
        return DecodeError {DecodeError::Kind::NotAnObject, {}, {}, QStringLiteral("a message must be a JSON object")};
    const QJsonObject o = value.toObject();
    const QJsonValue typeValue = o.value(QLatin1StringView("type"));
    if (!typeValue.isString())
        return DecodeError {DecodeError::Kind::MissingType,
                            {},
                            QStringLiteral("type"),
                            QStringLiteral("a message needs a \"type\" string")};
    const QString type = typeValue.toString();
    FieldReader r(o, type);

    Message m;
    const double seq = r.optionalNumber(QLatin1StringView("seq"), -1.0, 0.0, 9007199254740991.0);
    const double ts = r.optionalNumber(QLatin1StringView("ts"), -1.0, 0.0);
    if (r.error())
        return *r.error();
    if (seq >= 0)
        m.seq = quint64(seq);
    if (ts >= 0)
        m.ts = qint64(ts);

    BodyOrError body = DecodeError {DecodeError::Kind::UnknownType, type, QStringLiteral("type"),
                                    QStringLiteral("message type \"%1\" is not handled").arg(type)};
    if (type == u"hello") {
        body = decodeHello(r);
    } else if (type == u"connected") {
        body = Body {Connected {r.optionalString(QLatin1StringView("clientId"))}};
    } else if (type == u"result") {
        body = decodeResult(o, r);
    } else if (type == u"snapshot") {
        body = decodeSnapshot(type, r);
    } else if (type == u"drone_update") {
        body = decodeDroneUpdate(type, r);
    } else if (type == u"error") {
        body = Body {ServerError {decodeErrorInfo(o)}};
    } else if (type == u"pong") {
        body = Body {Pong {}};
    }
    if (r.error())
        return *r.error();
    if (auto *e = std::get_if<DecodeError>(&body))
        return *e;
    m.body = std::get<Body>(std::move(body));
    return m;
}

void decodeInto(const QJsonValue &value, DecodedFrame &out)
{
    auto decoded = decodeMessage(value);
    if (auto *e = std::get_if<DecodeError>(&decoded))
        out.errors.append(std::move(*e));
    else
        out.messages.append(std::get<Message>(std::move(decoded)));
}

} // namespace

DecodedFrame decodeFrame(QByteArrayView utf8)
{
    DecodedFrame out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.errors.append({DecodeError::Kind::NotJson,
                           {},
                           {},
                           QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)});
        return out;
    }
    if (!doc.isObject() && !doc.isArray()) {
        out.errors.append(
            {DecodeError::Kind::NotJson, {}, {}, QStringLiteral("a frame must hold an object or an array")});
        return out;
    }

    const QJsonArray top = doc.isArray() ? doc.array() : QJsonArray {doc.object()};
    for (const auto &value : top) {
        const QJsonObject o = value.toObject();
        if (value.isObject() && o.value(QLatin1StringView("type")).toString() == u"batch") {
            const QJsonValue events = o.value(QLatin1StringView("events"));
            if (!events.isArray()) {
                out.errors.append({DecodeError::Kind::BadField, QStringLiteral("batch"), QStringLiteral("events"),
                                   QStringLiteral("expected an array")});
                continue;
            }
            for (const auto &event : events.toArray())
                decodeInto(event, out);
        } else {
            decodeInto(value, out);
        }
    }
    return out;
}

std::variant<AuthGrant, DecodeError> decodeAuthGrant(const QJsonObject &data)
{
    FieldReader r(data, QStringLiteral("result"), QStringLiteral("data."));
    AuthGrant g;
    g.sessionId = r.string(QLatin1StringView("sessionId"));
    g.role = r.string(QLatin1StringView("role"));
    if (data.contains(QLatin1StringView("serverTime")))
        g.serverTime = r.timestamp(QLatin1StringView("serverTime"));
    if (r.error())
        return *r.error();
    if (g.role != u"viewer" && g.role != u"operator" && g.role != u"admin") {
        r.fail(DecodeError::Kind::BadField, QLatin1StringView("role"),
               QStringLiteral("unknown role \"%1\"").arg(g.role));
        return *r.error();
    }
    return g;
}

std::optional<DroneState> droneStateFromName(QStringView name)
{
    for (const auto &[state, text] : kStateNames) {
        if (text == name)
            return state;
    }
    return std::nullopt;
}

QString droneStateName(DroneState state)
{
    for (const auto &[s, text] : kStateNames) {
        if (s == state)
            return text.toString();
    }
    return {};
}

} // namespace Protocol
