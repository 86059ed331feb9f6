#pragma once

#include "config/connectionsettings.h"
#include "protocol/decodeerror.h"
#include "protocol/messages.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class PollingClient;

// The REST fallback as the link uses it: while the WebSocket keeps failing,
// a watchfloor server is followed through its REST API (PollingClient). It
// owns the client and the poll deadline, and promises that polled data is
// handed on only while it counts as current: polls are answered within their
// deadline (the server's wait plus the request timeout), and the WebSocket
// has not begun subscribing (holdBack(): from then on its snapshots are the
// truth, and a late poll answer must not apply older events over them). It
// remembers a refusal by the server, so the same credentials are not tried
// again until the WebSocket is back. It keeps the clock of how long the
// WebSocket has been failing without a break, so that polling is a fallback
// for a lasting outage and never a reflex to a brief one (which reconnecting
// and resuming bridges without a resync). The link's state is its owner's.
// Lives on its owner's thread.
class PollingFallback : public QObject
{
    Q_OBJECT

public:
    using ResultHandler = std::function<void(const Protocol::Result &)>;

    explicit PollingFallback(QObject *parent = nullptr);
    ~PollingFallback() override;

    // Polls `server`'s REST API for `channels`, from a fresh snapshot.
    void start(const ConnectionSettings &settings, const QUrl &server, const QStringList &channels,
               const std::optional<QSslConfiguration> &tls);
    void stop();
    bool isActive() const { return m_active; }

    // The WebSocket subscribes while polling: polled events are held back.
    void holdBack() { m_heldBack = m_active; }
    // The WebSocket failed before going live while polled events were held
    // back: the polling stops, and true tells the owner to start it afresh.
    bool takeHeldBack();

    bool wasRefused() const { return m_refused; }
    void forgetRefusal() { m_refused = false; }
    // The owner no longer counts polled data as current until the next answer.
    void stopDeadline() { m_deadline.stop(); }

    void request(const QString &type, const QJsonObject &fields, ResultHandler done);

    // The WebSocket failed (a live link lost, an attempt that did not get
    // live): starts the failing clock unless it runs already, with
    // webSocketDownLong() due once it has run for `fallbackAfterMs`.
    void webSocketFailed(int fallbackAfterMs);
    // The WebSocket went live, or the link was stopped, paused or failed for
    // good: the clock stops; the next failure starts it from zero.
    void resetFailingClock();
    // The clock has run for at least the time given when it started.
    bool webSocketDownLongEnough() const;

Q_SIGNALS:
    void messageReceived(const Protocol::Message &message);
    void protocolErrorOccurred(const Protocol::DecodeError &error);
    // A poll went out or was answered: polled data is current.
    void current();
    // No answer within the deadline, or a poll failed: not current (the
    // client keeps trying; its next answer makes it current again).
    void notCurrent(const QString &reason);
    // The server refused the polling; it has stopped.
    void refused(const QString &reason);
    // The WebSocket has now been failing for the time webSocketFailed() was
    // given; polling may start (the owner checks its other conditions).
    void webSocketDownLong();

private:
    std::unique_ptr<PollingClient> m_client;
    QTimer m_deadline;
    QElapsedTimer m_failingSince; // invalid while the WebSocket is not failing
    QTimer m_fallbackDue;
    int m_fallbackAfterMs = 0;
    bool m_fallbackDueReached = false; // webSocketDownLong() was emitted for the running clock
    bool m_active = false;
    bool m_heldBack = false;
    bool m_refused = false;
};
