#pragma once

#include "config/connectionsettings.h"
#include "domain/link.h"
#include "linksession.h"
#include "protocol/decodeerror.h"
#include "protocol/messages.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class Heartbeat;
class LinkDialect;
class LinkStats;
class PollingFallback;
class QWebSocket;
class Reconnector;
class RequestTracker;
class SequenceGuard;
class ServerRotation;

namespace Protocol {
struct DecodedFrame;
}

// The link to the server, for the rest of the console: connect, find the
// dialect, authenticate, subscribe, resume, and reconnect; it knows nothing
// of drones or widgets, and decoded events leave through messageReceived().
// A coordinator: it owns the WebSocket, the dialect detection and the state
// the operator sees, and hands the rest to its helpers: LinkSession (hello,
// auth, resume or subscriptions, snapshot gate, rooms, session id), the
// LinkDialect spoken (watchfloor, plain, Socket.IO), RequestTracker (ids,
// answers, deadlines), Reconnector (backoff with jitter), ServerRotation
// (fallbacks, primary probe), Heartbeat (pings, silence), LinkStats (round
// trip, events/s, outage clock), SequenceGuard (duplicates, gaps), TlsTrust
// (CAs, refused certificates) and PollingFallback (the REST fallback). Lives
// on the GUI thread.
class ConnectionService : public QObject, private LinkSession::Link
{
    Q_OBJECT

public:
    // The states and their meaning: domain/link.h.
    using State = Domain::LinkState;

    explicit ConnectionService(QObject *parent = nullptr);
    ~ConnectionService() override;

    void setSettings(const ConnectionSettings &settings);
    const ConnectionSettings &settings() const { return m_settings; }

    // Channels subscribed after every (re)connect, in this order.
    void setSubscriptions(const QStringList &channels);

    // A detail stream limited to some entities (a "room": one drone's
    // details, one endpoint's full-rate values), subscribed on top of the
    // channels while a view needs it. Added and removed at any time: sent at
    // once while live, and kept across reconnects and resumes. Servers of
    // the plain and Socket.IO dialects and the REST fallback have no rooms;
    // there the request is remembered and nothing is sent.
    using Room = LinkSession::Room;
    void addRoom(const Room &room);
    void removeRoom(const Room &room);
    const QList<Room> &rooms() const { return m_session->rooms(); }

    void start();
    void stop();
    // The operator turns live updates off and on again. Pausing closes the
    // link but keeps the session, so turning them back on resumes it and
    // replays what happened meanwhile (or resyncs if that is too much).
    void pause();
    void resumeLive();
    // Connects at once, skipping any remaining backoff; also leaves Failed.
    void retryNow();
    // The network came back (QNetworkInformation, where the platform has a
    // backend): a link that is waiting to retry tries at once.
    void networkBecameReachable();

    State state() const { return m_state; }
    // Data is current: live over the WebSocket, or polled while it is down.
    bool isLive() const { return m_state == State::Live || m_state == State::Polling; }
    QString failureReason() const { return m_failureReason; }
    QString lastError() const { return m_lastError; }
    int attempt() const;
    // Milliseconds until the next attempt while Reconnecting and waiting, else -1.
    qint64 msUntilRetry() const;

    // The dialect found on the current link (Auto until it is known).
    ConnectionSettings::Dialect dialect() const;
    // Whether the server sends snapshots; plain and Socket.IO servers only
    // send live events, so their data is live as soon as the link is.
    bool deliversSnapshots() const;

    // The server being used now: the primary, or a fallback while it is down.
    QUrl currentUrl() const;
    QString serverName() const { return m_session->serverName(); }
    QString sessionId() const { return m_session->sessionId(); }
    QString role() const { return m_session->role(); }
    // The server granted a viewer: it may watch, not act (acknowledge, command).
    bool isViewer() const { return m_session->role() == u"viewer"; }
    QDateTime lastMessageAt() const { return m_lastMessageAt; }
    QDateTime lastLiveAt() const { return m_lastLiveAt; }
    // The heartbeat period in use: the server's (hello, at most kMaxHeartbeatMs)
    // or the profile's until the server names one. Silence for two periods
    // is a dead link.
    int heartbeatPeriodMs() const;
    static constexpr int kMaxHeartbeatMs = 60000;
    // Channels the server refused on the current link (unknown to it, say):
    // the console goes on without them.
    QStringList refusedChannels() const { return m_session->refusedChannels(); }
    // Round trip of the last heartbeat ping in ms, or -1 before the first pong.
    qint64 roundTripMs() const;
    int protocolErrorCount() const { return m_protocolErrors; }
    // Pings the server now rather than at the next heartbeat; the answer
    // comes as roundTripMeasured. False when there is no open socket.
    bool measureRoundTrip();

    // The last seq applied from the server's stream, and how the last
    // reconnect picked it up again.
    quint64 lastSeq() const;
    using Recovery = Domain::LinkRecovery;
    Recovery lastRecovery() const { return m_session->lastRecovery(); }
    // How long the last outage lasted, from losing the link to live again; -1 before any.
    qint64 lastOutageMs() const;
    // The outage under way: when the live link was lost (this console's
    // wall clock) and how long ago (its monotonic clock). Invalid and -1
    // while live, and before the link was ever live.
    QDateTime downSince() const { return m_downSince; }
    qint64 currentOutageMs() const;
    // Events received per second over the last few seconds.
    double eventsPerSecond() const;

    // Sends a request and calls `done` once with its result: the server's
    // answer, or a failure with code "timeout" after the profile's request
    // timeout, or "offline" when there is no link or it is lost before the
    // answer. Nothing is queued or retried: callers decide.
    using ResultHandler = std::function<void(const Protocol::Result &)>;
    void request(const QString &type, const QJsonObject &fields, ResultHandler done);

    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(Domain::LinkState state);
    void messageReceived(const Protocol::Message &message);
    // A pong came back after `ms` (WebSocket level, so every dialect answers).
    void roundTripMeasured(qint64 ms);
    // The WebSocket handshake of the current attempt succeeded.
    void socketOpened();
    // The current attempt's socket reported an error; `stillConnected`: the
    // TCP connection is up, so something answered that was not a WebSocket
    // upgrade (Qt 6.4 leaves it open until the connect timeout).
    void socketErrorOccurred(QAbstractSocket::SocketError error, const QString &message, bool stillConnected);
    void protocolErrorOccurred(const Protocol::DecodeError &error);
    // The server refused a room (too many subscriptions, unknown entity):
    // the link stays up, the view goes without the detail stream.
    void roomRefused(const ConnectionService::Room &room, const QString &reason);
    // The server refused one subscribed channel: the others stay live, this
    // one is missing (its views stay empty) until a later link accepts it.
    void channelRefused(const QString &channel, const QString &reason);

private:
    void openSocket();
    // The system's CAs plus the profile's CA file; nothing when that file is unusable.
    std::optional<QSslConfiguration> tlsConfiguration(QString *error) const;
    // Whether to fall back to polling now, `failuresInARow` WebSocket
    // attempts having failed: the profile allows it, the server may have a
    // REST API, and the WebSocket has failed for long enough
    // (ConnectionSettings::pollAfterMs, pollAfterAttempts).
    bool shouldPoll(int failuresInARow) const;
    void startPolling();
    void leavePolling(const QString &reason);
    void startPlain();
    void probePrimary();
    void returnToPrimary();
    void closeSocketGracefully(const QString &reason);
    void dropSocket();
    void onSocketConnected();
    void onSocketDisconnected();
    void onText(const QString &text);
    void onFrame(const Protocol::DecodedFrame &frame);
    void processMessages(const Protocol::DecodedFrame &frame);
    void goLive();
    // The live link is lost: the outage clock starts and downSince() is now.
    void startOutage();
    bool acceptSequence(const Protocol::Message &message);
    void onHeartbeat();
    void noteHeard(); // any frame from the server: the link is alive, and this is the time shown
    void linkLost(const QString &reason);
    void fail(const QString &reason);
    void scheduleReconnect();
    void setState(State state);
    void send(const QByteArray &request);
    // LinkSession::Link: what the session sees of the link.
    void sendText(const QString &text) override;
    bool isOpen() const override;
    QUrl server() const override;
    const LinkDialect *linkDialect() const override;
    bool roomsLive() const override;

    ConnectionSettings m_settings;
    QPointer<QWebSocket> m_socket;
    State m_state = State::Disconnected;
    QString m_failureReason;
    bool m_authRefused = false; // the server answered this link's auth with a refusal
    QString m_lastError;
    QString m_tlsFailure; // why the server's certificate was refused, until the socket reports the failure
    QTimer m_setupTimer;
    std::unique_ptr<LinkDialect> m_dialect; // none while it is being found out (Auto)
    std::unique_ptr<RequestTracker> m_requests;
    std::unique_ptr<Reconnector> m_reconnector;
    std::unique_ptr<ServerRotation> m_rotation;
    std::unique_ptr<Heartbeat> m_heartbeat;
    std::unique_ptr<LinkStats> m_stats;
    std::unique_ptr<SequenceGuard> m_sequence;
    std::unique_ptr<PollingFallback> m_polling;
    std::unique_ptr<LinkSession> m_session; // after the helpers it uses
    QDateTime m_lastMessageAt;
    QDateTime m_lastLiveAt;
    QDateTime m_downSince;
    int m_protocolErrors = 0;
};
