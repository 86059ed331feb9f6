#include "serverrotation.h"

#include "linkdialect.h"

#include <QNetworkRequest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

ServerRotation::ServerRotation(QObject *parent)
    : QObject(parent)
{
    connect(&m_probeTimer, &QTimer::timeout, this, [this] {
        if (!onPrimary() && !m_probe)
            Q_EMIT probeDue();
    });
}

ServerRotation::~ServerRotation() = default;

void ServerRotation::setServers(const QUrl &primary, const QList<QUrl> &fallbacks, int attemptsPerServer)
{
    m_primary = primary;
    m_fallbacks = fallbacks;
    m_attemptsPerServer = attemptsPerServer;
}

QList<QUrl> ServerRotation::servers() const
{
    return QList<QUrl> {m_primary} + m_fallbacks;
}

QUrl ServerRotation::current() const
{
    return servers().value(m_index, m_primary);
}

bool ServerRotation::noteLinkLost()
{
    const qsizetype count = m_fallbacks.size() + 1;
    if (count <= 1 || ++m_failures < m_attemptsPerServer)
        return false;
    m_index = int((m_index + 1) % count);
    m_failures = 0;
    return true;
}

void ServerRotation::returnToPrimary()
{
    m_index = 0;
    m_failures = 0;
}

void ServerRotation::startProbing(int periodMs)
{
    m_probeTimer.start(periodMs);
}

void ServerRotation::probe(std::shared_ptr<const LinkDialect> expected, const QSslConfiguration &tls,
                           qint64 maxMessageBytes, int timeoutMs)
{
    if (onPrimary() || m_probe || !expected)
        return;
    auto *probe = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_probe = probe;
    probe->setMaxAllowedIncomingFrameSize(quint64(maxMessageBytes));
    probe->setMaxAllowedIncomingMessageSize(quint64(maxMessageBytes));
    probe->setSslConfiguration(tls);
    const auto done = [probe] {
        probe->disconnect();
        // Not from inside the socket's own signal: queued, then deleted.
        // Qt 6.4 leaves a failed handshake's socket open until aborted.
        QMetaObject::invokeMethod(probe, &QWebSocket::abort, Qt::QueuedConnection);
        probe->deleteLater();
    };
    const auto answered = [this, done] {
        done();
        if (!onPrimary())
            Q_EMIT primaryAnswers();
    };
    connect(probe, &QWebSocket::connected, this, [probe, expected, answered] {
        // A plain server says nothing first; a completed handshake is all it gives.
        if (expected->answeredByHandshake(probe->subprotocol()))
            answered();
    });
    connect(probe, &QWebSocket::textMessageReceived, this, [expected, answered, done](const QString &text) {
        if (expected->isGreeting(text))
            answered();
        else
            done();
    });
    connect(probe, &QWebSocket::disconnected, this, done);
    connect(probe, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, done);
    QTimer::singleShot(timeoutMs, probe, done);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(expected->subprotocols());
    probe->open(QNetworkRequest(expected->socketUrl(m_primary)), options);
}
