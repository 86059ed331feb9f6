#include "connectioncheck.h"

#include "net/connectionservice.h"

namespace {

// Errors of a socket that never reached anything that answers.
bool isUnreachable(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
    case QAbstractSocket::HostNotFoundError:
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::SocketTimeoutError:
    case QAbstractSocket::SocketAccessError:
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::TemporaryError:
        return true;
    default:
        return false;
    }
}

} // namespace

ConnectionCheck::ConnectionCheck(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        Result result;
        result.outcome = Outcome::TimedOut;
        result.timeoutSeconds = (m_timeoutMs + 999) / 1000;
        if (m_service)
            result.detail = m_service->lastError();
        finish(result);
    });
}

ConnectionCheck::~ConnectionCheck()
{
    release();
}

void ConnectionCheck::start(const ConnectionSettings &settings, int timeoutMs)
{
    cancel();
    ConnectionSettings trial = settings;
    trial.fallbackUrls.clear(); // the URL typed is the one tested
    trial.pollingFallback = false;
    // The check's own timer decides when it has waited long enough, and its
    // first failure is the answer: the service must neither give up first nor retry.
    trial.connectTimeoutMs = timeoutMs + 5000;
    trial.backoffBaseMs = timeoutMs + 5000;
    trial.backoffCapMs = timeoutMs + 5000;

    m_opened = false;
    m_socketError.reset();
    m_timeoutMs = timeoutMs;
    m_service = new ConnectionService(this);
    m_service->setSettings(trial);
    m_service->setSubscriptions({}); // live right after auth: nothing to wait for but the server's word
    connect(m_service, &ConnectionService::stateChanged, this, &ConnectionCheck::onStateChanged);
    // The socket's own error tells "nothing there" from "not a WebSocket server".
    connect(m_service, &ConnectionService::socketOpened, this, [this] { m_opened = true; });
    connect(m_service, &ConnectionService::socketErrorOccurred, this, &ConnectionCheck::onSocketError);
    m_clock.start();
    m_timeout.start(timeoutMs);
    m_service->start();
}

void ConnectionCheck::cancel()
{
    release();
}

void ConnectionCheck::onStateChanged(Domain::LinkState state)
{
    using State = Domain::LinkState;
    Result result;
    switch (state) {
    case State::Connecting:
        return;
    case State::Live:
        result.outcome = Outcome::Connected;
        result.role = m_service->role();
        result.dialect = m_service->dialect();
        result.liveAfterMs = m_clock.elapsed();
        break;
    case State::Failed:
        result.outcome = Outcome::Refused;
        result.detail = m_service->failureReason();
        break;
    case State::Reconnecting:
        result.detail = m_service->lastError();
        if (m_opened)
            result.outcome = Outcome::Closed;
        else if (m_socketError && !isUnreachable(*m_socketError))
            result.outcome = Outcome::NotWebSocket;
        else
            result.outcome = Outcome::Unreachable;
        break;
    default:
        return;
    }
    finish(result);
}

void ConnectionCheck::onSocketError(QAbstractSocket::SocketError error, const QString &message, bool stillConnected)
{
    m_socketError = error;
    // Qt 6.4.2 leaves the TCP connection open when the opening handshake
    // fails, so the service only notices at its timeout: an error while still
    // connected is an answer that was not a WebSocket upgrade.
    if (m_opened || !stillConnected)
        return; // the service reports it as a lost link (onStateChanged)
    Result result;
    result.outcome = Outcome::NotWebSocket;
    result.detail = message;
    finish(result);
}

void ConnectionCheck::finish(Result result)
{
    release();
    Q_EMIT finished(result);
}

void ConnectionCheck::release()
{
    m_timeout.stop();
    ConnectionService *service = m_service;
    m_service = nullptr;
    if (!service)
        return;
    service->disconnect(this);
    // Possibly inside the service's own signal, so nothing is deleted at once.
    // A live link is closed politely and the service goes once the goodbye
    // is out; one still on its way up is simply dropped.
    if (service->state() == Domain::LinkState::Live) {
        QMetaObject::invokeMethod(
            service,
            [service] {
                service->stop();
                QTimer::singleShot(1000, service, &QObject::deleteLater);
            },
            Qt::QueuedConnection);
    } else {
        service->deleteLater();
    }
}
