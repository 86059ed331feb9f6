#include "socketiodialect.h"

#include "protocol/socketio.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

SocketIoDialect::SocketIoDialect(const QString &token, const QUrl &server)
    : m_token(token)
    , m_server(server)
{ }

QUrl SocketIoDialect::socketUrl(const QUrl &server) const
{
    return Protocol::SocketIo::engineUrl(server);
}

LinkDialect::Reaction SocketIoDialect::readText(const QString &text)
{
    using Engine = Protocol::SocketIo::EngineType;
    using Packet = Protocol::SocketIo::PacketType;
    Reaction reaction;
    const auto parsed = Protocol::SocketIo::parsePacket(text);
    if (const auto *error = std::get_if<Protocol::SocketIo::ParseError>(&parsed)) {
        reaction.unreadable = error->toString();
        return reaction;
    }
    const auto &packet = std::get<Protocol::SocketIo::Packet>(parsed);
    switch (packet.engineType) {
    case Engine::Open: {
        // The server pings every pingInterval and gives up after pingTimeout
        // more; silence beyond both is a dead link.
        reaction.heartbeatMs = std::max(100, packet.open.pingIntervalMs + packet.open.pingTimeoutMs) / 2;
        QJsonObject auth;
        if (!m_token.isEmpty())
            auth.insert(QLatin1StringView("token"), m_token);
        reaction.replies.append(Protocol::SocketIo::encodeConnect(Protocol::SocketIo::namespaceOf(m_server), auth));
        return reaction;
    }
    case Engine::Ping:
        reaction.replies.append(Protocol::SocketIo::encodePong(packet.engineData));
        return reaction;
    case Engine::Close:
        reaction.link = Reaction::Link::Lost;
        reaction.reason = QCoreApplication::translate("ConnectionService", "the Socket.IO server closed the session");
        return reaction;
    case Engine::Message:
        break;
    default:
        return reaction;
    }
    if (packet.type == Packet::Connect) {
        reaction.link = Reaction::Link::Opened;
    } else if (packet.type == Packet::ConnectError) {
        reaction.link = Reaction::Link::Refused;
        reaction.reason
            = QCoreApplication::translate("ConnectionService", "the Socket.IO server refused the connection: %1")
                  .arg(packet.data.value(QLatin1StringView("message")).toString());
    } else if (packet.type == Packet::Disconnect) {
        reaction.link = Reaction::Link::Lost;
        reaction.reason
            = QCoreApplication::translate("ConnectionService", "the Socket.IO server disconnected this console");
    } else if (packet.type == Packet::Event) {
        // An event this console has no use for gives nothing.
        if (const auto message = Protocol::SocketIo::toWatchfloorMessage(packet.event, packet.args))
            reaction.frame = Protocol::decodeFrame(QJsonDocument(*message).toJson(QJsonDocument::Compact));
    }
    return reaction;
}

QStringList SocketIoDialect::roomFrames(bool subscribe, const QString &channel, const QString &, const QStringList &ids,
                                        quint64) const
{
    // A seed-000 dashboard has drone rooms only, joined one serial at a
    // time, with no answer and no snapshot.
    if (channel != u"drone_detail")
        return {};
    const QString event = subscribe ? QStringLiteral("join_drone_room") : QStringLiteral("leave_drone_room");
    QStringList frames;
    for (const QString &serial : ids)
        frames.append(Protocol::SocketIo::encodeEvent(event, {serial}));
    return frames;
}

std::optional<QString> SocketIoDialect::unansweredRequest(const QString &type, const QJsonObject &fields,
                                                          const NextId &) const
{
    if (type == u"ack_alarm") {
        return Protocol::SocketIo::encodeEvent(QStringLiteral("acknowledge_alert"),
                                               {fields.value(QLatin1StringView("alarmId"))});
    }
    if (type == u"request_data_refresh") {
        return Protocol::SocketIo::encodeEvent(QStringLiteral("request_data_refresh"),
                                               {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    }
    return std::nullopt;
}

bool SocketIoDialect::isGreeting(const QString &text) const
{
    const auto packet = Protocol::SocketIo::parsePacket(text);
    const auto *p = std::get_if<Protocol::SocketIo::Packet>(&packet);
    return p && p->engineType == Protocol::SocketIo::EngineType::Open;
}
