#include "encoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Protocol {

namespace {

QByteArray request(const QString &type, quint64 id, QJsonObject fields)
{
    fields.insert(QLatin1StringView("type"), type);
    fields.insert(QLatin1StringView("id"), qint64(id));
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray encodeAuth(quint64 id, const QString &token, const QString &operatorName, const QString &client)
{
    return request(QStringLiteral("auth"), id,
                   {{QLatin1StringView("token"), token},
                    {QLatin1StringView("operator"), operatorName},
                    {QLatin1StringView("client"), client}});
}

QByteArray encodeSubscribe(quint64 id, const QString &channel)
{
    return request(QStringLiteral("subscribe"), id, {{QLatin1StringView("channel"), channel}});
}

QByteArray encodeFilteredSubscription(const QString &type, quint64 id, const QString &channel, const QString &filter,
                                      const QStringList &ids)
{
    QJsonObject fields {{QLatin1StringView("channel"), channel}};
    if (!filter.isEmpty())
        fields.insert(filter, QJsonArray::fromStringList(ids));
    return request(type, id, fields);
}

QByteArray encodePing(quint64 id)
{
    return request(QStringLiteral("ping"), id, {});
}

QByteArray encodeResume(quint64 id, const QString &sessionId, quint64 lastSeq)
{
    return request(QStringLiteral("resume"), id,
                   {{QLatin1StringView("sessionId"), sessionId}, {QLatin1StringView("lastSeq"), qint64(lastSeq)}});
}

QByteArray encodeRequest(quint64 id, const QString &type, const QJsonObject &fields)
{
    return request(type, id, fields);
}

} // namespace Protocol
