#include "linkstatus.h"

#include "net/connectionservice.h"

LinkStatus::LinkStatus(ConnectionService *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    connect(m_connection, &ConnectionService::stateChanged, this, &LinkStatus::stateChanged);
    connect(m_connection, &ConnectionService::roundTripMeasured, this, &LinkStatus::roundTripMeasured);
    connect(m_connection, &ConnectionService::messageReceived, this, &LinkStatus::messageArrived);
}

Domain::LinkState LinkStatus::state() const
{
    return m_connection->state();
}
bool LinkStatus::isLive() const
{
    return m_connection->isLive();
}
bool LinkStatus::isViewer() const
{
    return m_connection->isViewer();
}
QString LinkStatus::role() const
{
    return m_connection->role();
}
QString LinkStatus::failureReason() const
{
    return m_connection->failureReason();
}
QString LinkStatus::lastError() const
{
    return m_connection->lastError();
}
int LinkStatus::attempt() const
{
    return m_connection->attempt();
}
qint64 LinkStatus::msUntilRetry() const
{
    return m_connection->msUntilRetry();
}
const ConnectionSettings &LinkStatus::settings() const
{
    return m_connection->settings();
}
ConnectionSettings::Dialect LinkStatus::dialect() const
{
    return m_connection->dialect();
}
QUrl LinkStatus::currentUrl() const
{
    return m_connection->currentUrl();
}
bool LinkStatus::deliversSnapshots() const
{
    return m_connection->deliversSnapshots();
}
QString LinkStatus::serverName() const
{
    return m_connection->serverName();
}
QString LinkStatus::sessionId() const
{
    return m_connection->sessionId();
}
QDateTime LinkStatus::lastMessageAt() const
{
    return m_connection->lastMessageAt();
}
QDateTime LinkStatus::lastLiveAt() const
{
    return m_connection->lastLiveAt();
}
qint64 LinkStatus::roundTripMs() const
{
    return m_connection->roundTripMs();
}
int LinkStatus::protocolErrorCount() const
{
    return m_connection->protocolErrorCount();
}
double LinkStatus::eventsPerSecond() const
{
    return m_connection->eventsPerSecond();
}
Domain::LinkRecovery LinkStatus::lastRecovery() const
{
    return m_connection->lastRecovery();
}
qint64 LinkStatus::lastOutageMs() const
{
    return m_connection->lastOutageMs();
}

QDateTime LinkStatus::downSince() const
{
    return m_connection->downSince();
}

qint64 LinkStatus::currentOutageMs() const
{
    return m_connection->currentOutageMs();
}
void LinkStatus::pause()
{
    m_connection->pause();
}
void LinkStatus::resumeLive()
{
    m_connection->resumeLive();
}
void LinkStatus::retryNow()
{
    m_connection->retryNow();
}
bool LinkStatus::measureRoundTrip()
{
    return m_connection->measureRoundTrip();
}
QString LinkStatus::stateName(Domain::LinkState state)
{
    return ConnectionService::stateName(state);
}
