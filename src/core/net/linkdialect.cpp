#include "linkdialect.h"

#include "plaindialect.h"
#include "socketiodialect.h"
#include "watchfloordialect.h"

std::unique_ptr<LinkDialect> LinkDialect::create(Kind kind, const QString &token, const QUrl &server)
{
    switch (kind) {
    case Kind::Plain:
        return std::make_unique<PlainDialect>();
    case Kind::SocketIo:
        return std::make_unique<SocketIoDialect>(token, server);
    case Kind::Auto:
    case Kind::Watchfloor:
        break;
    }
    return std::make_unique<WatchfloorDialect>();
}

QString LinkDialect::subprotocol()
{
    return QStringLiteral("watchfloor.v1");
}

LinkDialect::Reaction LinkDialect::readJson(QByteArrayView utf8)
{
    Reaction reaction;
    reaction.frame = Protocol::decodeFrame(utf8);
    return reaction;
}

bool LinkDialect::opensWithHello(const Protocol::DecodedFrame &frame)
{
    return !frame.messages.isEmpty() && std::holds_alternative<Protocol::Hello>(frame.messages.first().body);
}

QStringList LinkDialect::openingFrames(const QStringList &, const NextId &) const
{
    return {};
}

QStringList LinkDialect::heartbeatFrames(const NextId &) const
{
    return {};
}

QStringList LinkDialect::roomFrames(bool, const QString &, const QString &, const QStringList &, quint64) const
{
    return {};
}

std::optional<QString> LinkDialect::unansweredRequest(const QString &, const QJsonObject &, const NextId &) const
{
    return std::nullopt;
}

bool LinkDialect::isGreeting(const QString &text) const
{
    return opensWithHello(Protocol::decodeFrame(text.toUtf8()));
}
