#include "pollingfallback.h"

#include "pollingclient.h"

#include <QCoreApplication>

#include <algorithm>

PollingFallback::PollingFallback(QObject *parent)
    : QObject(parent)
    , m_client(std::make_unique<PollingClient>())
{
    m_deadline.setSingleShot(true);
    m_fallbackDue.setSingleShot(true);
    // A coarse timer may fire a little early; the time is up once it fired.
    m_fallbackDue.setTimerType(Qt::PreciseTimer);
    connect(&m_fallbackDue, &QTimer::timeout, this, [this] {
        m_fallbackDueReached = true;
        Q_EMIT webSocketDownLong();
    });
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        Q_EMIT notCurrent(
            QCoreApplication::translate("ConnectionService", "no answer from the server's REST API for %1 s")
                .arg(m_deadline.interval() / 1000.0));
    });
    connect(m_client.get(), &PollingClient::messageReceived, this, [this](const Protocol::Message &message) {
        if (m_active && !m_heldBack)
            Q_EMIT messageReceived(message);
    });
    connect(m_client.get(), &PollingClient::protocolErrorOccurred, this, &PollingFallback::protocolErrorOccurred);
    connect(m_client.get(), &PollingClient::polling, this, [this] {
        if (m_active)
            Q_EMIT current();
    });
    connect(m_client.get(), &PollingClient::answered, this, [this] {
        if (m_active)
            m_deadline.start();
    });
    connect(m_client.get(), &PollingClient::pollFailed, this, [this](const QString &reason) {
        if (m_active)
            Q_EMIT notCurrent(reason);
    });
    connect(m_client.get(), &PollingClient::failed, this, [this](const QString &reason) {
        m_refused = true;
        stop();
        Q_EMIT refused(reason);
    });
}

PollingFallback::~PollingFallback() = default;

void PollingFallback::start(const ConnectionSettings &settings, const QUrl &server, const QStringList &channels,
                            const std::optional<QSslConfiguration> &tls)
{
    m_active = true;
    ConnectionSettings polled = settings;
    polled.url = server;
    m_client->setSettings(polled);
    m_client->setChannels(channels);
    m_client->setWaitSeconds(settings.pollWaitSeconds);
    if (tls)
        m_client->setSslConfiguration(*tls); // https trusts what wss:// trusts
    // The poll deadline: the server may hold a poll for its wait, and the
    // answer then has the request timeout to arrive.
    m_deadline.setInterval(m_client->waitSeconds() * 1000 + settings.requestTimeoutMs);
    m_deadline.start();
    m_client->start();
}

void PollingFallback::stop()
{
    m_heldBack = false;
    m_deadline.stop();
    if (!m_active)
        return;
    m_active = false;
    m_client->stop();
}

bool PollingFallback::takeHeldBack()
{
    if (!m_heldBack)
        return false;
    m_heldBack = false;
    if (!m_active)
        return false;
    m_active = false;
    m_client->stop();
    return true;
}

void PollingFallback::request(const QString &type, const QJsonObject &fields, ResultHandler done)
{
    m_client->request(type, fields, std::move(done));
}

void PollingFallback::webSocketFailed(int fallbackAfterMs)
{
    if (m_failingSince.isValid())
        return;
    m_failingSince.start();
    m_fallbackDueReached = false;
    m_fallbackAfterMs = std::max(0, fallbackAfterMs);
    m_fallbackDue.start(m_fallbackAfterMs);
}

void PollingFallback::resetFailingClock()
{
    m_failingSince.invalidate();
    m_fallbackDue.stop();
    m_fallbackDueReached = false;
}

bool PollingFallback::webSocketDownLongEnough() const
{
    return m_failingSince.isValid() && (m_fallbackDueReached || m_failingSince.elapsed() >= m_fallbackAfterMs);
}
