#include "plaindialect.h"

#include "protocol/encoder.h"

QStringList PlainDialect::openingFrames(const QStringList &channels, const NextId &nextId) const
{
    QStringList frames;
    for (const QString &channel : channels)
        frames.append(QString::fromUtf8(Protocol::encodeSubscribe(nextId(), channel)));
    return frames;
}

QStringList PlainDialect::heartbeatFrames(const NextId &nextId) const
{
    // Plain servers may only answer their own JSON ping.
    return {QString::fromUtf8(Protocol::encodePing(nextId()))};
}

std::optional<QString> PlainDialect::unansweredRequest(const QString &type, const QJsonObject &fields,
                                                       const NextId &nextId) const
{
    return QString::fromUtf8(Protocol::encodeRequest(nextId(), type, fields));
}
