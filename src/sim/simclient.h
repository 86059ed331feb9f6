#pragma once

#include "simratelimiter.h"
#include "simsession.h"

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
// queued or sent once the client is gone.
class SimClient
{
public:
    explicit SimClient(QWebSocket *socket);

    QWebSocket *socket() const { return m_socket; }
    bool isGone() const { return m_gone; }
    // The socket closed: drops what is queued and takes no more. The server
    // removes the client once the current call stack is done with it.
    void markGone();

    void queue(const QJsonObject &message);
    // Sends what is queued; returns how many messages that was.
    qsizetype flush();
    // Sends one message now, ahead of anything queued.
    void send(const QJsonObject &message);

    // A `result` to request `id`: ok with `data`, or refused with `error`
    // (code, message and whatever else the refusal carries).
    void queueResult(const QJsonValue &id, const QJsonObject &data);
    void queueRefusal(const QJsonValue &id, const QJsonObject &error);
    void queueRefusal(const QJsonValue &id, const QString &code, const QString &message);
    // An `error` message, sent at once; stamped with the session's seq once
    // there is a session.
    void sendError(const QString &code, const QString &message);

    // The server's bookkeeping of this client.
    std::shared_ptr<SimSession> session; // set by auth or resume
    std::unique_ptr<QTimer> authTimer;
    QString clientName;
    qint64 connectedAtMs = 0;
    qint64 lastHeardMs = 0;
    SimRateLimiter limiter;
    int malformedStreak = 0;

private:
    QWebSocket *m_socket;
    QList<QJsonObject> m_outbox;
    bool m_gone = false;
};
