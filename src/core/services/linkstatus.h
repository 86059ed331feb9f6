#pragma once

#include "config/connectionsettings.h"
#include "domain/link.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

class ConnectionService;

// What the widgets may know of the link to the server and do with it: its
// state and why, the attempt, round trip, outage and traffic figures, and
// pause, resume and retry. The connection indicator, its details popup and
// the banners see this object, never the transport behind it; the session
// owns it. Every figure is read from the connection when asked, so it is
// never older than the link's own.
class LinkStatus : public QObject
{
    Q_OBJECT

public:
    explicit LinkStatus(ConnectionService *connection, QObject *parent = nullptr);

    Domain::LinkState state() const;
    // Data is current: live over the WebSocket, or polled while it is down.
    bool isLive() const;
    // The server granted a viewer: it may watch, not act (acknowledge, command).
    bool isViewer() const;
    QString role() const;
    // Why the server refused us (state Failed), and the last transport error.
    QString failureReason() const;
    QString lastError() const;
    int attempt() const;
    // Milliseconds until the next attempt while reconnecting and waiting, else -1.
    qint64 msUntilRetry() const;

    // The profile's link settings (primary server, operator, dialect asked for).
    const ConnectionSettings &settings() const;
    // The dialect found on the current link (Auto until it is known).
    ConnectionSettings::Dialect dialect() const;
    // Whether the server sends snapshots; plain and Socket.IO servers only
    // send live events.
    bool deliversSnapshots() const;
    // The server in use now: the primary, or a fallback while it is down.
    QUrl currentUrl() const;
    QString serverName() const;
    QString sessionId() const;

    QDateTime lastMessageAt() const;
    QDateTime lastLiveAt() const;
    // Round trip of the last heartbeat in ms, or -1 before the first answer.
    qint64 roundTripMs() const;
    int protocolErrorCount() const;
    double eventsPerSecond() const;
    Domain::LinkRecovery lastRecovery() const;
    // How long the last outage lasted, from losing the link to live again; -1 before any.
    qint64 lastOutageMs() const;
    // The outage under way: when the live link was lost (wall clock) and for
    // how long so far (monotonic). Invalid and -1 while live, and before the
    // link was ever live.
    QDateTime downSince() const;
    qint64 currentOutageMs() const;

    // The operator turns live updates off and on again (the session is kept
    // and resumed), or asks for a connection now, skipping any backoff.
    void pause();
    void resumeLive();
    void retryNow();
    // Pings the server now; the answer comes as roundTripMeasured(). False
    // when there is no open socket.
    bool measureRoundTrip();

    // The state in the operator's words ("live", "reconnecting", …).
    static QString stateName(Domain::LinkState state);

Q_SIGNALS:
    void stateChanged(Domain::LinkState state);
    void roundTripMeasured(qint64 ms);
    // Something arrived from the server (any message): the link is alive.
    void messageArrived();

private:
    ConnectionService *m_connection;
};
