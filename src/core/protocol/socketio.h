#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

#include <optional>
#include <variant>

// Engine.IO v4 / Socket.IO v4 framing over the WebSocket transport, as pure
// functions: no I/O, no event loop, no exceptions. A socketio connection runs
// every text frame through parsePacket() and hands event arguments to the same
// decoder the other dialects use.
namespace Protocol::SocketIo {

// The Engine.IO packet type: the first character of every text frame.
enum class EngineType { Open, Close, Ping, Pong, Message, Upgrade, Noop };

// The Socket.IO packet type inside an Engine.IO message. The binary types
// (5 and 6) are refused: their attachments arrive as separate binary frames,
// which this adapter does not reassemble.
enum class PacketType { Connect, Disconnect, Event, Ack, ConnectError };

// The handshake values of an open packet `0{…}`.
struct OpenInfo
{
    QString sid;
    QStringList upgrades;
    int pingIntervalMs = 0;
    int pingTimeoutMs = 0;
    qint64 maxPayload = 0; // bytes; 0 when the server gave none
};

struct Packet
{
    EngineType engineType = EngineType::Noop;
    QString engineData; // the text after the type of a ping, pong, close, upgrade or noop (`2probe`)
    OpenInfo open; // Open only

    // Message only.
    PacketType type = PacketType::Event;
    QString nsp = QStringLiteral("/");
    std::optional<quint64> ackId;
    QString event; // Event only
    QJsonArray args; // Event: the arguments after the name; Ack: every argument
    QJsonObject data; // Connect: `{"sid":…}`; ConnectError: `{"message":…, "data":…}`
};

// Why a text frame is not a packet this client can use.
struct ParseError
{
    enum class Kind {
        Empty, // an empty frame
        UnknownEngineType, // the first character is not an Engine.IO type
        UnknownPacketType, // a message whose Socket.IO type is missing or unknown
        BinaryUnsupported, // base64 (`b…`) or a binary event or ack with attachments (`45`, `46`)
        BadNamespace, // a namespace that does not start a well-formed `/nsp,` prefix
        BadAckId, // an ack id too long to be a number, or an ack without one
        NotJson, // the payload is not JSON
        BadPayload, // JSON of the wrong shape for the packet type
        BadOpen, // an open packet without sid, pingInterval or pingTimeout
    };

    Kind kind = Kind::Empty;
    QString detail; // human-readable, names the offending part

    QString toString() const;
};

std::variant<Packet, ParseError> parsePacket(QStringView text);

// Encoders for what a client sends. `nsp` "/" is the main namespace and is
// left out of the frame, as Socket.IO does.
QString encodeConnect(const QString &nsp = QStringLiteral("/"), const QJsonObject &auth = {}); // 40
QString encodeDisconnect(const QString &nsp = QStringLiteral("/")); // 41
QString encodeEvent(const QString &event, const QJsonArray &args = {}, const QString &nsp = QStringLiteral("/"),
                    std::optional<quint64> ackId = std::nullopt); // 42["event",…]
QString encodeAck(quint64 ackId, const QJsonArray &args = {}, const QString &nsp = QStringLiteral("/")); // 43
QString encodePong(const QString &data = {}); // 3, the answer to the server's 2
QString encodePing(const QString &data = {}); // 2, only to probe a transport upgrade

// The Engine.IO WebSocket URL for a profile URL: ws and wss stay, http and
// https become ws and wss, the path becomes `enginePath` (unless the profile
// already names a `/socket.io/` path), and EIO=4&transport=websocket join the
// profile's other query items. Empty for a URL without a host or with another
// scheme.
QUrl engineUrl(const QUrl &profileUrl, const QString &enginePath = QStringLiteral("/socket.io/"));

// Turns an event of a seed-000 style Socket.IO server into the message the
// watchfloor dialect would carry, for the same decoder: `drone_update`
// {serial, type, data, timestamp} (its `type` is our `kind`),
// `build_progress:<serial>`, `system_alert`, `system_health`. Other events
// give nothing.
std::optional<QJsonObject> toWatchfloorMessage(const QString &event, const QJsonArray &args);

// The namespace a profile URL names, as a Socket.IO client reads it: its path,
// or "/" for none or for an engine path.
QString namespaceOf(const QUrl &profileUrl);

} // namespace Protocol::SocketIo
