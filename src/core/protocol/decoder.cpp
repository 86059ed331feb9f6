#include "decoder.h"

#include "fastdecoder.h"
#include "fieldreader.h"
#include "fieldrules.h"
#include "payloadreaders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

// The wire format reads and writes the domain's value types.
using namespace Domain;

namespace Protocol {

using namespace Qt::StringLiterals;

namespace {

ErrorInfo decodeErrorInfo(const QJsonObject &o)
{
    return {o.value("code"_L1).toString(), o.value("message"_L1).toString()};
}

Hello readHello(FieldReader &r)
{
    Hello h;
    h.protocol = int(r.integer("protocol"_L1, 0, 1'000'000));
    h.server = r.optionalString("server"_L1);
    h.authRequired = r.optionalBoolean("authRequired"_L1, false);
    h.heartbeatMs = int(r.optionalInteger("heartbeatMs"_L1, 15000, 100, 3'600'000));
    return h;
}

Result readResult(FieldReader &r)
{
    Result res;
    res.id = quint64(r.integer("id"_L1));
    const QJsonValue ok = r.json().value("ok"_L1);
    if (!ok.isBool())
        r.fail(DecodeError::Kind::BadField, "ok"_L1, QStringLiteral("expected true or false"));
    res.ok = ok.toBool();
    res.data = r.json().value("data"_L1).toObject();
    res.error = decodeErrorInfo(r.json().value("error"_L1).toObject());
    return res;
}

// Fills the list of `snapshot` named by its channel, skipping the items it
// cannot read (into `skipped`). False when the channel is not one this
// client knows.
bool readSnapshotItems(FieldReader &r, Snapshot &snap, FieldReader::Skipped &skipped)
{
    const auto items = "items"_L1;
    const QString &channel = snap.channel;
    // A drone item adds to the build, health and operation lists as it goes:
    // a skipped one takes back what it added.
    const auto droneItem = [&snap](FieldReader &item, auto &&read) {
        const qsizetype builds = snap.droneBuilds.size();
        const qsizetype health = snap.droneHealth.size();
        const qsizetype operations = snap.droneOperations.size();
        auto value = read(item, snap);
        if (!item.ok()) {
            snap.droneBuilds.resize(builds);
            snap.droneHealth.resize(health);
            snap.droneOperations.resize(operations);
        }
        return value;
    };
    if (channel == u"drones") {
        snap.drones = r.skippingList(items, "serial"_L1, skipped,
                                     [&](FieldReader &item) { return droneItem(item, Payload::readDroneItem); });
    } else if (channel == u"drone_detail") {
        // A room's snapshot: the build and health of the drones it names.
        r.skippingList(items, "serial"_L1, skipped,
                       [&](FieldReader &item) { return droneItem(item, Payload::readDroneDetails); });
    } else if (channel == u"machines") {
        snap.machines = r.skippingList(items, "machineId"_L1, skipped, Payload::readMachineStatus);
    } else if (channel == u"tiles") {
        snap.tiles = r.skippingList(items, "tileId"_L1, skipped, Payload::readTile);
    } else if (channel == u"telemetry" || channel == u"endpoint_stream") {
        snap.telemetry = r.skippingList(items, "endpointId"_L1, skipped, Payload::readTelemetry);
    } else if (channel == u"alarms") {
        snap.alarms = r.skippingList(items, "alarmId"_L1, skipped, Payload::readAlarm);
    } else if (channel == u"commands") {
        snap.commands = r.skippingList(items, "commandId"_L1, skipped, Payload::readCommandStatus);
    } else if (channel == u"health") {
        snap.health = r.skippingList(items, "id"_L1, skipped, Payload::readServerHealth);
    } else if (channel == u"maintenance") {
        snap.maintenance = r.skippingList(items, "ticketId"_L1, skipped, Payload::readMaintenanceTicket);
    } else if (channel == u"presence") {
        snap.presence = r.skippingList(items, "name"_L1, skipped, Payload::readOperatorPresence);
    } else {
        return false;
    }
    return true;
}

using BodyOrError = std::variant<Body, DecodeError>;

// A snapshot with unreadable items still applies what it could read; the
// items it skipped go to `itemErrors`.
BodyOrError decodeSnapshot(FieldReader &r, QList<DecodeError> &itemErrors)
{
    Snapshot snap;
    snap.channel = r.string("channel"_L1);
    r.array("items"_L1);
    if (!r.ok())
        return *r.error();
    FieldReader::Skipped skipped;
    if (!readSnapshotItems(r, snap, skipped)) {
        return DecodeError {DecodeError::Kind::UnsupportedKind, QStringLiteral("snapshot"), QStringLiteral("channel"),
                            QStringLiteral("snapshots of channel \"%1\" are not handled").arg(snap.channel)};
    }
    if (!r.ok())
        return *r.error();
    snap.unreadIds = std::move(skipped.ids);
    snap.unreadWithoutId = skipped.anonymous;
    itemErrors.append(skipped.errors);
    return snap;
}

// Decodes an event whose whole payload is read by one reader.
template<typename Read> BodyOrError decodeWith(FieldReader &r, Read &&read)
{
    Body body = read(r);
    if (!r.ok())
        return *r.error();
    return body;
}

BodyOrError decodeBody(const QString &type, FieldReader &r, QList<DecodeError> &itemErrors)
{
    if (const std::optional<Rules::HotType> hot = valueOf(Rules::kHotTypes, type)) {
        return decodeWith(r, [hot](FieldReader &f) {
            Body body;
            Rules::readHotBody(f, *hot, body);
            return body;
        });
    }
    if (type == u"snapshot")
        return decodeSnapshot(r, itemErrors);
    if (type == u"system_health")
        return decodeWith(r, Payload::readServerHealth);
    if (type == u"system_alert")
        return decodeWith(r, Payload::readSystemAlert);
    if (type == u"maintenance_alert")
        return decodeWith(r, Payload::readMaintenanceAlert);
    if (type == u"ticket_status_change")
        return decodeWith(r, Payload::readTicketStatusChange);
    if (type == u"presence") {
        return decodeWith(
            r, [](FieldReader &f) { return Presence {f.list("operators"_L1, Payload::readOperatorPresence)}; });
    }
    if (type == u"presence_changed") {
        return decodeWith(r, [](FieldReader &f) {
            return PresenceChange {f.list("joined"_L1, Payload::readOperatorPresence),
                                   f.list("left"_L1, Payload::readLeavingOperator)};
        });
    }
    if (type == u"user_activity")
        return decodeWith(r, Payload::readUserActivity);
    if (type == u"dashboard_refresh")
        return Body {DashboardRefresh {}};
    if (type == u"hello")
        return decodeWith(r, readHello);
    if (type == u"connected")
        return decodeWith(r, [](FieldReader &f) { return Connected {f.optionalString("clientId"_L1)}; });
    if (type == u"result")
        return decodeWith(r, readResult);
    if (type == u"error")
        return Body {ServerError {decodeErrorInfo(r.json())}};
    if (type == u"pong")
        return Body {Pong {}};
    return DecodeError {DecodeError::Kind::UnknownType, type, QStringLiteral("type"),
                        QStringLiteral("message type \"%1\" is not handled").arg(type)};
}

void decodeInto(const QJsonValue &value, DecodedFrame &out)
{
    if (!value.isObject()) {
        out.errors.append({DecodeError::Kind::NotAnObject, {}, {}, QStringLiteral("a message must be a JSON object")});
        return;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue typeValue = o.value("type"_L1);
    if (!typeValue.isString()) {
        out.errors.append({DecodeError::Kind::MissingType,
                           {},
                           QStringLiteral("type"),
                           QStringLiteral("a message needs a \"type\" string")});
        return;
    }
    const QString type = typeValue.toString();
    FieldReader r(o, type);

    Message m;
    Rules::readNumbering(r, m);
    if (!r.ok()) {
        out.errors.append(*r.error());
        return;
    }

    QList<DecodeError> itemErrors;
    BodyOrError body = decodeBody(type, r, itemErrors);
    if (auto *e = std::get_if<DecodeError>(&body)) {
        // A numbered event is consumed even when it cannot be read: its
        // number stays in the stream, so the link neither sees a gap nor
        // asks for it again (A1).
        e->seq = m.seq;
        out.errors.append(std::move(*e));
        if (!m.seq)
            return;
        m.body = Unreadable {type};
    } else {
        m.body = std::get<Body>(std::move(body));
    }
    out.errors.append(itemErrors);
    out.messages.append(std::move(m));
}

} // namespace

DecodedFrame decodeFrame(QByteArrayView utf8)
{
    if (std::optional<DecodedFrame> fast = fastDecodeFrame(utf8))
        return std::move(*fast);
    return decodeFrameWithQJson(utf8);
}

DecodedFrame decodeFrameWithQJson(QByteArrayView utf8)
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
    // An empty array is a well-formed frame with nothing in it; saying so
    // keeps "every frame yields messages or errors" true.
    if (doc.isArray() && doc.array().isEmpty()) {
        out.errors.append({DecodeError::Kind::NotAnObject, {}, {}, QStringLiteral("the frame is an empty array")});
        return out;
    }

    const QJsonArray top = doc.isArray() ? doc.array() : QJsonArray {doc.object()};
    for (const auto &value : top) {
        const QJsonObject o = value.toObject();
        if (value.isObject() && o.value("type"_L1).toString() == u"batch") {
            const QJsonValue events = o.value("events"_L1);
            if (!events.isArray() || events.toArray().isEmpty()) {
                out.errors.append({DecodeError::Kind::BadField, QStringLiteral("batch"), QStringLiteral("events"),
                                   QStringLiteral("expected a non-empty array")});
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
    g.sessionId = r.string("sessionId"_L1);
    g.role = r.string("role"_L1);
    g.serverTime = r.optionalTimestamp("serverTime"_L1);
    if (!r.ok())
        return *r.error();
    if (g.role != u"viewer" && g.role != u"operator" && g.role != u"admin") {
        r.fail(DecodeError::Kind::BadField, "role"_L1, QStringLiteral("unknown role \"%1\"").arg(g.role));
        return *r.error();
    }
    return g;
}

std::optional<DroneState> droneStateFromName(QStringView name)
{
    for (const auto &[state, text] : Domain::kDroneStates) {
        if (text == name)
            return state;
    }
    return std::nullopt;
}

QString droneStateName(DroneState state)
{
    for (const auto &[s, text] : Domain::kDroneStates) {
        if (s == state)
            return text.toString();
    }
    return {};
}

} // namespace Protocol
