#pragma once

#include <QByteArray>
#include <QString>

// Pure encoding of client requests to compact UTF-8 JSON.
namespace Protocol {

QByteArray encodeAuth(quint64 id, const QString &token, const QString &operatorName, const QString &client);
QByteArray encodeSubscribe(quint64 id, const QString &channel);
QByteArray encodePing(quint64 id);

} // namespace Protocol
