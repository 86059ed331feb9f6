#pragma once

#include "linkdialect.h"

// A Socket.IO (v4, Engine.IO over WebSocket) dashboard server. Owns the
// framing: reads Engine.IO packets and says what each means for the link
// (open: connect with the token to the server's namespace and watch its ping
// period; ping: pong; connect: taken in; connect error, disconnect, close:
// refused or lost; events: turned into watchfloor messages). Rooms are drone
// rooms joined one serial at a time, without answers; the only requests are
// acknowledging an alarm and asking for a refresh, both unconfirmed. No state
// beyond the token and the server; any thread.
class SocketIoDialect : public LinkDialect
{
public:
    SocketIoDialect(const QString &token, const QUrl &server);

    Kind kind() const override { return Kind::SocketIo; }
    QUrl socketUrl(const QUrl &server) const override;
    QStringList subprotocols() const override { return {}; }
    bool hasRooms() const override { return true; }

    Reaction readText(const QString &text) override;

    QStringList roomFrames(bool subscribe, const QString &channel, const QString &filter, const QStringList &ids,
                           quint64 id) const override;
    std::optional<QString> unansweredRequest(const QString &type, const QJsonObject &fields,
                                             const NextId &nextId) const override;

    bool answeredByHandshake(const QString &) const override { return false; }
    // The Engine.IO open packet.
    bool isGreeting(const QString &text) const override;

private:
    QString m_token;
    QUrl m_server;
};
