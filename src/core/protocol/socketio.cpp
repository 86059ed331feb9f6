#include "socketio.h"

#include <QDateTime>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrlQuery>

#include <limits>

namespace Protocol::SocketIo {

namespace {

using Kind = ParseError::Kind;

ParseError failure(Kind kind, const QString &detail)
{
    return ParseError {kind, detail};
}

// Socket.IO payloads may be any JSON value, but QJsonDocument parses only
// arrays and objects: wrapping the text in brackets accepts every value and
// still refuses two values side by side.
std::variant<QJsonValue, ParseError> parseJsonValue(QStringView text)
{
    const QByteArray wrapped = QByteArray("[") + text.toUtf8() + QByteArray("]");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        return failure(Kind::NotJson, QStringLiteral("payload is not JSON: ") + error.errorString());
    if (document.array().size() != 1)
        return failure(Kind::NotJson,
                       QStringLiteral("payload holds %1 JSON values, not one").arg(document.array().size()));
    return document.array().first();
}

bool isEnginePath(const QString &path)
{
    return path.endsWith(QStringLiteral("/socket.io")) || path.endsWith(QStringLiteral("/socket.io/"));
}

bool isNamespaceChar(QChar c)
{
    return c.isPrint() && !c.isSpace() && c != u'[' && c != u']' && c != u'{' && c != u'}' && c != u'"';
}

std::variant<Packet, ParseError> parseOpen(QStringView data)
{
    auto parsed = parseJsonValue(data);
    if (const auto *error = std::get_if<ParseError>(&parsed))
        return failure(Kind::BadOpen, QStringLiteral("open packet: ") + error->detail);
    const QJsonValue value = std::get<QJsonValue>(parsed);
    if (!value.isObject())
        return failure(Kind::BadOpen, QStringLiteral("open packet: the handshake is not a JSON object"));
    const QJsonObject handshake = value.toObject();

    Packet packet;
    packet.engineType = EngineType::Open;
    packet.open.sid = handshake.value(QStringLiteral("sid")).toString();
    if (packet.open.sid.isEmpty())
        return failure(Kind::BadOpen, QStringLiteral("open packet: sid is missing or not a string"));

    const auto positiveInt = [&handshake](const QString &key) -> std::optional<int> {
        const QJsonValue v = handshake.value(key);
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d <= 0 || d > std::numeric_limits<int>::max() || d != qint64(d))
            return std::nullopt;
        return int(d);
    };
    const auto interval = positiveInt(QStringLiteral("pingInterval"));
    const auto timeout = positiveInt(QStringLiteral("pingTimeout"));
    if (!interval)
        return failure(Kind::BadOpen, QStringLiteral("open packet: pingInterval is missing or not a positive integer"));
    if (!timeout)
        return failure(Kind::BadOpen, QStringLiteral("open packet: pingTimeout is missing or not a positive integer"));
    packet.open.pingIntervalMs = *interval;
    packet.open.pingTimeoutMs = *timeout;

    const QJsonValue maxPayload = handshake.value(QStringLiteral("maxPayload"));
    if (!maxPayload.isUndefined()) {
        const double bytes = maxPayload.toDouble();
        if (!maxPayload.isDouble() || bytes < 0)
            return failure(Kind::BadOpen, QStringLiteral("open packet: maxPayload is not a non-negative number"));
        // Beyond 2^53 a double is no byte count any more, and beyond 2^63 it
        // does not fit at all (found by fuzz_socketio): such a limit is none.
        constexpr double kLargest = 9007199254740992.0;
        packet.open.maxPayload = bytes >= kLargest ? std::numeric_limits<qint64>::max() : qint64(bytes);
    }
    const QJsonValue upgrades = handshake.value(QStringLiteral("upgrades"));
    if (!upgrades.isUndefined()) {
        if (!upgrades.isArray())
            return failure(Kind::BadOpen, QStringLiteral("open packet: upgrades is not an array"));
        for (const QJsonValue &upgrade : upgrades.toArray()) {
            if (!upgrade.isString())
                return failure(Kind::BadOpen, QStringLiteral("open packet: upgrades holds a non-string"));
            packet.open.upgrades << upgrade.toString();
        }
    }
    return packet;
}

std::variant<Packet, ParseError> parseMessage(QStringView text)
{
    if (text.isEmpty())
        return failure(Kind::UnknownPacketType, QStringLiteral("message without a Socket.IO packet type"));
    const QChar typeChar = text.front();
    if (typeChar == u'5' || typeChar == u'6')
        return failure(Kind::BinaryUnsupported,
                       QStringLiteral("binary %1 with attachments is not supported: send JSON instead")
                           .arg(typeChar == u'5' ? QStringLiteral("event") : QStringLiteral("ack")));
    if (typeChar < u'0' || typeChar > u'4')
        return failure(Kind::UnknownPacketType, QStringLiteral("unknown Socket.IO packet type '%1'").arg(typeChar));

    Packet packet;
    packet.engineType = EngineType::Message;
    packet.type = PacketType(typeChar.unicode() - u'0');

    qsizetype i = 1;
    if (i < text.size() && text.at(i) == u'/') {
        // As Socket.IO's parser: the namespace runs to the first comma, or to the end.
        const qsizetype comma = text.indexOf(u',', i);
        const qsizetype end = comma < 0 ? text.size() : comma;
        const QStringView nsp = text.mid(i, end - i);
        for (QChar c : nsp) {
            if (!isNamespaceChar(c))
                return failure(Kind::BadNamespace,
                               QStringLiteral("namespace \"%1\" holds a character a namespace cannot").arg(nsp));
        }
        packet.nsp = nsp.toString();
        i = comma < 0 ? text.size() : comma + 1;
    }

    qsizetype digitsEnd = i;
    while (digitsEnd < text.size() && text.at(digitsEnd).isDigit() && text.at(digitsEnd).unicode() < 128)
        ++digitsEnd;
    if (digitsEnd > i) {
        bool ok = false;
        const QStringView digits = text.mid(i, digitsEnd - i);
        const quint64 id = digits.toULongLong(&ok);
        if (!ok)
            return failure(Kind::BadAckId, QStringLiteral("ack id %1 does not fit in 64 bits").arg(digits));
        if (packet.type != PacketType::Event && packet.type != PacketType::Ack)
            return failure(Kind::BadAckId, QStringLiteral("only events and acks carry an ack id"));
        packet.ackId = id;
        i = digitsEnd;
    }

    const QStringView payloadText = text.mid(i);
    QJsonValue payload(QJsonValue::Undefined);
    if (!payloadText.isEmpty()) {
        auto parsed = parseJsonValue(payloadText);
        if (auto *error = std::get_if<ParseError>(&parsed))
            return *error;
        payload = std::get<QJsonValue>(parsed);
    }

    switch (packet.type) {
    case PacketType::Connect:
        if (!payload.isUndefined() && !payload.isObject())
            return failure(Kind::BadPayload, QStringLiteral("connect payload is not an object"));
        packet.data = payload.toObject();
        break;
    case PacketType::Disconnect:
        if (!payload.isUndefined())
            return failure(Kind::BadPayload, QStringLiteral("disconnect carries no payload"));
        break;
    case PacketType::Event: {
        const QJsonArray array = payload.toArray();
        if (!payload.isArray() || array.isEmpty() || !array.first().isString())
            return failure(Kind::BadPayload,
                           QStringLiteral("event payload is not an array starting with the event name"));
        packet.event = array.first().toString();
        packet.args = array;
        packet.args.removeFirst();
        break;
    }
    case PacketType::Ack:
        if (!packet.ackId)
            return failure(Kind::BadAckId, QStringLiteral("ack without an ack id"));
        if (!payload.isArray())
            return failure(Kind::BadPayload, QStringLiteral("ack payload is not an array"));
        packet.args = payload.toArray();
        break;
    case PacketType::ConnectError:
        // v4 sends {message, data}; v3 servers sent a bare string.
        if (payload.isString())
            packet.data = QJsonObject {{QStringLiteral("message"), payload}};
        else if (payload.isObject())
            packet.data = payload.toObject();
        else
            return failure(Kind::BadPayload, QStringLiteral("connect error payload is neither an object nor a string"));
        break;
    }
    return packet;
}

QString messagePrefix(char16_t type, const QString &nsp)
{
    QString out = QStringLiteral("4") + QChar(type);
    if (!nsp.isEmpty() && nsp != QStringLiteral("/"))
        out += nsp + u',';
    return out;
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

QString ParseError::toString() const
{
    return detail;
}

std::variant<Packet, ParseError> parsePacket(QStringView text)
{
    if (text.isEmpty())
        return failure(Kind::Empty, QStringLiteral("empty frame"));
    const QChar typeChar = text.front();
    if (typeChar == u'b')
        return failure(Kind::BinaryUnsupported,
                       QStringLiteral("base64 binary packets belong to the polling transport, not to WebSocket"));
    if (typeChar < u'0' || typeChar > u'6')
        return failure(Kind::UnknownEngineType,
                       QStringLiteral("unknown Engine.IO packet type '%1' (U+%2)")
                           .arg(typeChar.isPrint() ? QString(typeChar) : QString())
                           .arg(typeChar.unicode(), 4, 16, QChar(u'0')));

    const QStringView rest = text.mid(1);
    const auto engineType = EngineType(typeChar.unicode() - u'0');
    if (engineType == EngineType::Open)
        return parseOpen(rest);
    if (engineType == EngineType::Message)
        return parseMessage(rest);
    Packet packet;
    packet.engineType = engineType;
    packet.engineData = rest.toString();
    return packet;
}

QString encodeConnect(const QString &nsp, const QJsonObject &auth)
{
    QString out = messagePrefix(u'0', nsp);
    if (!auth.isEmpty())
        out += QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact));
    return out;
}

QString encodeDisconnect(const QString &nsp)
{
    return messagePrefix(u'1', nsp);
}

QString encodeEvent(const QString &event, const QJsonArray &args, const QString &nsp, std::optional<quint64> ackId)
{
    QJsonArray payload = args;
    payload.prepend(event);
    QString out = messagePrefix(u'2', nsp);
    if (ackId)
        out += QString::number(*ackId);
    return out + compact(payload);
}

QString encodeAck(quint64 ackId, const QJsonArray &args, const QString &nsp)
{
    return messagePrefix(u'3', nsp) + QString::number(ackId) + compact(args);
}

QString encodePong(const QString &data)
{
    return QStringLiteral("3") + data;
}

QString encodePing(const QString &data)
{
    return QStringLiteral("2") + data;
}

QUrl engineUrl(const QUrl &profileUrl, const QString &enginePath)
{
    if (!profileUrl.isValid() || profileUrl.host().isEmpty())
        return {};
    const QString scheme = profileUrl.scheme().toLower();
    QUrl url;
    if (scheme == QStringLiteral("ws") || scheme == QStringLiteral("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (scheme == QStringLiteral("wss") || scheme == QStringLiteral("https"))
        url.setScheme(QStringLiteral("wss"));
    else
        return {};
    url.setHost(profileUrl.host());
    url.setPort(profileUrl.port());

    QString path = isEnginePath(profileUrl.path()) ? profileUrl.path() : enginePath;
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path);

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("EIO"), QStringLiteral("4"));
    query.addQueryItem(QStringLiteral("transport"), QStringLiteral("websocket"));
    const QUrlQuery profileQuery(profileUrl);
    for (const auto &[key, value] : profileQuery.queryItems()) {
        if (key != QStringLiteral("EIO") && key != QStringLiteral("transport"))
            query.addQueryItem(key, value);
    }
    url.setQuery(query);
    return url;
}

QString namespaceOf(const QUrl &profileUrl)
{
    QString path = profileUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.isEmpty() || isEnginePath(path))
        return QStringLiteral("/");
    return path;
}

std::optional<QJsonObject> toWatchfloorMessage(const QString &event, const QJsonArray &args)
{
    if (args.isEmpty() || !args.first().isObject())
        return std::nullopt;
    const QJsonObject payload = args.first().toObject();
    const QJsonValue timestamp = payload.contains(QLatin1StringView("timestamp"))
        ? payload.value(QLatin1StringView("timestamp"))
        : QJsonValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (event == u"drone_update") {
        return QJsonObject {{QLatin1StringView("type"), QStringLiteral("drone_update")},
                            {QLatin1StringView("serial"), payload.value(QLatin1StringView("serial"))},
                            {QLatin1StringView("kind"), payload.value(QLatin1StringView("type"))},
                            {QLatin1StringView("data"), payload.value(QLatin1StringView("data"))},
                            {QLatin1StringView("timestamp"), timestamp}};
    }
    if (event.startsWith(u"build_progress:")) {
        return QJsonObject {{QLatin1StringView("type"), QStringLiteral("drone_update")},
                            {QLatin1StringView("serial"), event.mid(int(qstrlen("build_progress:")))},
                            {QLatin1StringView("kind"), QStringLiteral("build_progress")},
                            {QLatin1StringView("data"), payload},
                            {QLatin1StringView("timestamp"), timestamp}};
    }
    if (event == u"system_alert" || event == u"system_health") {
        QJsonObject message = payload;
        message.insert(QLatin1StringView("type"), event);
        message.insert(QLatin1StringView("timestamp"), timestamp);
        return message;
    }
    return std::nullopt;
}

} // namespace Protocol::SocketIo
