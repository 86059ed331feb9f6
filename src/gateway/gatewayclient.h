#pragma once

#include "gatewayratelimiter.h"
#include "gatewaysession.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QTimer>

#include <memory>

class QWebSocket;

// One console on the server's WebSocket: its socket, its session once it
// has authenticated, its rate limiter, and the messages due to it in the
// current pass of the event loop. The server decides what a client gets;
// the client frames it.
// Contract: messages queued in one pass leave in the order queued, in one
// frame at flush() (one message alone, several as a `batch`); nothing is
// queued or sent once the client is closing or gone.
//
// Closing: every close the server makes goes through closeWith() (or, for a
// socket refused before it became a client, closeAndDispose()): the close
// frame is written behind whatever the socket still holds and the socket
// stays until that is written and the connection has ended, or until
// kCloseLingerMs have passed, when it is aborted. Qt's own closes (1009 for
// an oversized message) get the same bound. A socket is never deleted with
// its close frame still unwritten.
//
// Send buffer: whatever is written to the socket and not yet taken by the
// peer counts against `maxSendBufferBytes`; once it is passed (checked at
// every write) the client is closed with kCloseTooSlow and the server logs
// `event=dropped`. A client that does not read never costs the server more
// than that bound and one message.
class GatewayClient
{
public:
    GatewayClient(QWebSocket *socket, qint64 maxSendBufferBytes);

    static constexpr int kCloseLingerMs = 2000;
    static constexpr int kCloseTooSlow = 4009;

    QWebSocket *socket() const { return m_socket; }
    bool isGone() const { return m_gone; }
    bool isClosing() const { return m_closing; }
    // The socket closed: drops what is queued and takes no more. The server
    // removes the client once the current call stack is done with it.
    void markGone();
    // Closes with `code` and `reason` as the contract above says; drops what
    // is queued. The server removes the client once its socket disconnects.
    void closeWith(int code, const QString &reason);
    // For a socket that never became a client (refused with 1013, a wrong
    // path): closes it the same way, then deletes it once it has closed.
    static void closeAndDispose(QWebSocket *socket, int code, const QString &reason);
    // Bytes written to the socket that the peer has not taken yet.
    qint64 unsentBytes() const;

    void queue(const QJsonObject &message);
    // Sends what is queued; returns how many messages that was.
    qsizetype flush();
    // Sends one message now, ahead of anything queued.
    void send(const QJsonObject &message);
    // Sends one text frame of JSON as it is (the load mode's frames).
    void sendFrame(const QByteArray &json);

    // A `result` to request `id`: ok with `data`, or refused with `error`
    // (code, message and whatever else the refusal carries).
    void queueResult(const QJsonValue &id, const QJsonObject &data);
    void queueRefusal(const QJsonValue &id, const QJsonObject &error);
    void queueRefusal(const QJsonValue &id, const QString &code, const QString &message);
    // An `error` message, sent at once; stamped with the session's seq once
    // there is a session.
    void sendError(const QString &code, const QString &message);

    // The server's bookkeeping of this client.
    std::shared_ptr<GatewaySession> session; // set by auth or resume
    std::unique_ptr<QTimer> authTimer;
    QString clientName;
    qint64 connectedAtMs = 0;
    qint64 lastHeardMs = 0;
    GatewayRateLimiter limiter;
    int malformedStreak = 0;

private:
    static void boundClosing(QWebSocket *socket);
    void sendText(const QString &text);

    QWebSocket *m_socket;
    qint64 m_maxSendBufferBytes;
    QList<QJsonObject> m_outbox;
    bool m_gone = false;
    bool m_closing = false;
};
