#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Pure encoding of client requests to compact UTF-8 JSON.
namespace Protocol {

QByteArray encodeAuth(quint64 id, const QString &token, const QString &operatorName, const QString &client);
QByteArray encodeSubscribe(quint64 id, const QString &channel);
QByteArray encodePing(quint64 id);
QByteArray encodeResume(quint64 id, const QString &sessionId, quint64 lastSeq);
// Any other request: `fields` beside "type" and "id".
QByteArray encodeRequest(quint64 id, const QString &type, const QJsonObject &fields);

} // namespace Protocol
