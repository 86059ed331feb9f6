#pragma once

#include "mqttclient.h"
#include "sparkplugsourceconfig.h"

#include <QObject>

class SparkplugSource;

// Contract: the MQTT side of a SparkplugSource — one MqttClient to the
// configured broker, as the Sparkplug host application `hostId`. Its will is
// the host's STATE offline (retained, QoS 1) stamped with the time the link
// was opened; once connected it renews its subscriptions to the configured
// groups and tells the source (which publishes STATE online with the same
// time and asks for rebirths). Every message goes to the source; a lost link
// or a failed attempt is reported to it at once, and the client reconnects
// by itself. The source publishes through publish(). Neither owns the other:
// whoever composes them keeps both alive together.
class SparkplugHostLink : public QObject
{
    Q_OBJECT

public:
    SparkplugHostLink(const SparkplugSourceConfig &config, SparkplugSource &source, QObject *parent = nullptr);

    // Starts connecting; false when the broker settings are invalid.
    bool open();
    // Publishes STATE offline and disconnects (the gateway is stopping).
    void close();
    // For the source's Publisher: false when not connected.
    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain);

    const MqttClient &client() const { return m_client; }

private:
    void onConnected();
    void onDisconnected(const QString &reason);
    void onError(const QString &message);
    void onMessage(const QString &topic, const QByteArray &payload);

    SparkplugSource &m_source;
    MqttClient m_client;
    qint64 m_openedAtMs = 0; // the STATE timestamp of this run
};
