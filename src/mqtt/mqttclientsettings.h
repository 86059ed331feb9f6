#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <optional>

// How an MqttClient reaches its broker. The protocol is always MQTT 3.1.1,
// the baseline Sparkplug B requires; there is no TLS yet.
struct MqttClientSettings
{
    // What the broker publishes for this client when its link ends without a
    // DISCONNECT (a crash, a cut cable, MqttClient::abort()).
    struct Will
    {
        QString topic;
        QByteArray payload;
        int qos = 0;
        bool retain = false;
    };

    // An IP address, or a name resolved without blocking before each attempt.
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 1883;
    // Empty: the library makes up a random id, which needs cleanSession.
    QString clientId;
    // 5 to 65535. The client pings when the link has been idle this long and
    // drops the link when no answer comes within as long again.
    int keepAliveSeconds = 30;
    bool cleanSession = true;
    std::optional<QString> username;
    std::optional<QString> password; // sent only with a username
    std::optional<Will> will;

    // After a lost link or a failed attempt the client waits reconnectDelayMin,
    // doubling the wait after each failure up to reconnectDelayMax; a
    // successful connection resets it.
    std::chrono::milliseconds reconnectDelayMin {1000};
    std::chrono::milliseconds reconnectDelayMax {30000};
    // An attempt (name lookup, TCP connect, CONNECT/CONNACK) that has not
    // succeeded by then is abandoned and counts as a failure.
    std::chrono::milliseconds connectTimeout {10000};
};
