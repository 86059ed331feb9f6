#include "sparkplughostlink.h"

#include "sparkplugsource.h"

#include <QDateTime>

namespace {

MqttClientSettings settingsFor(const SparkplugSourceConfig &config)
{
    MqttClientSettings settings;
    settings.host = config.broker.host;
    settings.port = config.broker.port;
    settings.clientId = config.broker.clientId.isEmpty() ? QStringLiteral("watchfloor-gateway-") + config.hostId
                                                         : config.broker.clientId;
    settings.keepAliveSeconds = config.broker.keepAliveSeconds;
    if (!config.broker.username.isEmpty()) {
        settings.username = config.broker.username;
        settings.password = config.broker.password;
    }
    // A dead broker is retried soon: the plant is stale meanwhile.
    settings.reconnectDelayMin = std::chrono::milliseconds(500);
    settings.reconnectDelayMax = std::chrono::milliseconds(5000);
    return settings;
}

} // namespace

SparkplugHostLink::SparkplugHostLink(const SparkplugSourceConfig &config, SparkplugSource &source, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_client(settingsFor(config))
{
    connect(&m_client, &MqttClient::connected, this, &SparkplugHostLink::onConnected);
    connect(&m_client, &MqttClient::disconnected, this, &SparkplugHostLink::onDisconnected);
    connect(&m_client, &MqttClient::errorOccurred, this, &SparkplugHostLink::onError);
    connect(&m_client, &MqttClient::messageReceived, this, &SparkplugHostLink::onMessage);
    for (const QString &filter : m_source.subscriptions())
        m_client.subscribe(filter, 1);
}

bool SparkplugHostLink::open()
{
    m_openedAtMs = QDateTime::currentMSecsSinceEpoch();
    MqttClientSettings settings = m_client.settings();
    settings.will
        = MqttClientSettings::Will {m_source.stateTopic(), SparkplugSource::statePayload(false, m_openedAtMs), 1, true};
    m_client.setSettings(settings);
    return m_client.open();
}

void SparkplugHostLink::close()
{
    if (m_client.state() == MqttClient::State::Connected)
        m_client.publish(m_source.stateTopic(), SparkplugSource::statePayload(false, m_openedAtMs), 1, true);
    m_client.close();
}

bool SparkplugHostLink::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    return m_client.state() == MqttClient::State::Connected && m_client.publish(topic, payload, qos, retain);
}

void SparkplugHostLink::onConnected()
{
    m_source.linkUp(m_openedAtMs, QDateTime::currentDateTimeUtc());
}

void SparkplugHostLink::onDisconnected(const QString &reason)
{
    m_source.linkDown(reason, QDateTime::currentDateTimeUtc());
}

void SparkplugHostLink::onError(const QString &message)
{
    // A refused or failed attempt: the plant is unknown until a link is up.
    if (m_client.state() != MqttClient::State::Connected)
        m_source.linkDown(message, QDateTime::currentDateTimeUtc());
}

void SparkplugHostLink::onMessage(const QString &topic, const QByteArray &payload)
{
    m_source.messageReceived(topic, payload, QDateTime::currentDateTimeUtc());
}
