#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <memory>

class LinkDialect;
class QWebSocket;

// Which server the link uses: the primary, or in turn each fallback while it
// is down. It owns the list, the position in it and the count of links lost
// on the current server (after attemptsPerServer of them the next server is
// tried, round the list). While on a fallback it probes the primary every
// period: probeDue() asks the owner for a probe(), which opens a WebSocket of
// its own and says primaryAnswers() only when the primary completes the
// handshake and greets as the expected dialect does (an open TCP port proves
// nothing). The switch back is the owner's. Lives on its owner's thread.
class ServerRotation : public QObject
{
    Q_OBJECT

public:
    explicit ServerRotation(QObject *parent = nullptr);
    ~ServerRotation() override;

    // Keeps the position: a server list changed mid-link takes effect there.
    void setServers(const QUrl &primary, const QList<QUrl> &fallbacks, int attemptsPerServer);
    QList<QUrl> servers() const;
    // The server in use: the primary, or a fallback.
    QUrl current() const;
    bool onPrimary() const { return m_index == 0; }

    // A link to the current server was lost. True when that was the last try
    // there and current() has moved on to the next server.
    bool noteLinkLost();
    // A link to the current server went live: its count starts over.
    void noteLive() { m_failures = 0; }
    // Back to the primary, with a fresh count.
    void returnToPrimary();

    // Probes the primary every `periodMs` while on a fallback, until stopped.
    void startProbing(int periodMs);
    void stopProbing() { m_probeTimer.stop(); }
    bool isProbing() const { return m_probeTimer.isActive(); }
    // Opens one probe to the primary now (unless on it, or one runs), as
    // `expected` speaks, giving up after `timeoutMs`.
    void probe(std::shared_ptr<const LinkDialect> expected, const QSslConfiguration &tls, qint64 maxMessageBytes,
               int timeoutMs);

Q_SIGNALS:
    void probeDue();
    void primaryAnswers();

private:
    QUrl m_primary;
    QList<QUrl> m_fallbacks;
    int m_attemptsPerServer = 1;
    int m_index = 0; // into servers()
    int m_failures = 0; // links lost on the current server
    QTimer m_probeTimer;
    QPointer<QWebSocket> m_probe;
};
