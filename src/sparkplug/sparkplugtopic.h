#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Contract: a Sparkplug B MQTT topic (Sparkplug 3.0, "Topics"), parsed from
// and formatted to its text:
//
//   spBv1.0/<group_id>/<message_type>/<edge_node_id>             NBIRTH NDEATH NDATA NCMD
//   spBv1.0/<group_id>/<message_type>/<edge_node_id>/<device_id> DBIRTH DDEATH DDATA DCMD
//   spBv1.0/STATE/<host_id>                                      a host application's state
//
// Every id is a non-empty UTF-8 string without '/', '+' or '#' (the
// specification reserves them), and without U+0000, which MQTT forbids in a
// topic. A second element "STATE" always means a state topic, so "STATE"
// cannot be a group id. A valid topic's toString() gives back the text it
// was parsed from; the ids are compared as sent (case-sensitive).
class SparkplugTopic
{
public:
    enum class MessageType { NBirth, NDeath, DBirth, DDeath, NData, DData, NCmd, DCmd, State };

    // The namespace element of Sparkplug B topics: "spBv1.0".
    static QString namespaceElement();

    // Parses a topic; nullopt and a reason in *error (when given) for any
    // text that is not one of the forms above. Wildcard filters are
    // rejected: a topic names one message.
    static std::optional<SparkplugTopic> parse(QStringView topic, QString *error = nullptr);

    // An edge node's topic (NBIRTH, NDEATH, NDATA, NCMD) or a device's
    // (DBIRTH, DDEATH, DDATA, DCMD: `deviceId` required). nullopt and a reason
    // for an invalid id, a device id with a node message type or none with a
    // device one, and State (use state()).
    static std::optional<SparkplugTopic> make(MessageType type, const QString &groupId, const QString &edgeNodeId,
                                              const QString &deviceId = QString(), QString *error = nullptr);

    // A host application's STATE topic.
    static std::optional<SparkplugTopic> state(const QString &hostId, QString *error = nullptr);

    // The text of a message type ("NBIRTH", "STATE"), and back: exact, upper
    // case, as on the wire.
    static QString messageTypeName(MessageType type);
    static std::optional<MessageType> messageTypeFromName(QStringView name);

    // Whether a message type is a device's (it needs a device id).
    static bool isDeviceType(MessageType type);

    MessageType messageType() const { return m_type; }
    // Empty for a state topic.
    QString groupId() const { return m_groupId; }
    // Empty for a state topic.
    QString edgeNodeId() const { return m_edgeNodeId; }
    // Empty for node and state topics.
    QString deviceId() const { return m_deviceId; }
    // Empty for all but a state topic.
    QString hostId() const { return m_hostId; }

    QString toString() const;

    bool operator==(const SparkplugTopic &) const = default;

private:
    SparkplugTopic() = default;

    MessageType m_type = MessageType::NData;
    QString m_groupId;
    QString m_edgeNodeId;
    QString m_deviceId;
    QString m_hostId;
};
