#pragma once

#include "config/connectionsettings.h"
#include "domain/link.h"

#include <QAbstractSocket>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

class ConnectionService;

class QWebSocket;

// One trial connection to a server, as the start dialog's "Test connection"
// makes it: a temporary ConnectionService is taken as far as Live (hello,
// auth, no subscriptions) and the first outcome is reported, with no retry.
// Everything runs on the event loop; cancel() stops it at any point.
class ConnectionCheck : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Connected, // live: the server took the token
        Unreachable, // nothing accepted the connection (refused, no such host, no route)
        Refused, // the server answered and refused us (token, role, certificate)
        NotWebSocket, // something answered, but not the WebSocket handshake
        Closed, // the WebSocket opened and the server closed it before live
        TimedOut, // no live link within the time given
    };
    Q_ENUM(Outcome)

    struct Result
    {
        Outcome outcome = Outcome::TimedOut;
        QString role; // Connected: the role the server granted
        ConnectionSettings::Dialect dialect = ConnectionSettings::Dialect::Auto; // Connected: as found
        qint64 liveAfterMs = -1; // Connected: from opening the socket to live
        int timeoutSeconds = 0; // TimedOut: the time given
        QString detail; // the server's or the socket's own words, never the token
    };

    explicit ConnectionCheck(QObject *parent = nullptr);
    ~ConnectionCheck() override;

    // Starts a check of `settings` (its primary URL only); a check already
    // running is cancelled first.
    void start(const ConnectionSettings &settings, int timeoutMs);
    // Stops a running check; finished() is not emitted for it.
    void cancel();
    bool isRunning() const { return m_service != nullptr; }

Q_SIGNALS:
    void finished(const ConnectionCheck::Result &result);

private:
    void onStateChanged(Domain::LinkState state);
    void onSocketError(QAbstractSocket::SocketError error, const QString &message, bool stillConnected);
    void finish(Result result);
    void release();

    ConnectionService *m_service = nullptr; // the trial connection (a child), while one runs
    std::optional<QAbstractSocket::SocketError> m_socketError; // of the attempt under way
    bool m_opened = false; // the WebSocket handshake succeeded
    int m_timeoutMs = 0;
    QTimer m_timeout;
    QElapsedTimer m_clock;
};
