#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Pure encoding of client requests to compact UTF-8 JSON.
namespace Protocol {

QByteArray encodeAuth(quint64 id, const QString &token, const QString &operatorName, const QString &client);
QByteArray encodeSubscribe(quint64 id, const QString &channel);
// A subscription limited to some entities: `filter` names the list
// (`serials`, `endpointIds`, …) and `ids` fills it. `type` is subscribe or unsubscribe.
QByteArray encodeFilteredSubscription(const QString &type, quint64 id, const QString &channel, const QString &filter,
                                      const QStringList &ids);
QByteArray encodePing(quint64 id);
QByteArray encodeResume(quint64 id, const QString &sessionId, quint64 lastSeq);
// Any other request: `fields` beside "type" and "id".
QByteArray encodeRequest(quint64 id, const QString &type, const QJsonObject &fields);

} // namespace Protocol
