#include "sparkplugtopic.h"

#include <QList>

#include <array>
#include <utility>

namespace {

constexpr std::array<std::pair<SparkplugTopic::MessageType, const char *>, 9> typeNames = {{
    {SparkplugTopic::MessageType::NBirth, "NBIRTH"},
    {SparkplugTopic::MessageType::NDeath, "NDEATH"},
    {SparkplugTopic::MessageType::DBirth, "DBIRTH"},
    {SparkplugTopic::MessageType::DDeath, "DDEATH"},
    {SparkplugTopic::MessageType::NData, "NDATA"},
    {SparkplugTopic::MessageType::DData, "DDATA"},
    {SparkplugTopic::MessageType::NCmd, "NCMD"},
    {SparkplugTopic::MessageType::DCmd, "DCMD"},
    {SparkplugTopic::MessageType::State, "STATE"},
}};

bool fail(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return false;
}

// `what` names the element in the reason ("group id").
bool checkId(QStringView id, const QString &what, QString *error)
{
    if (id.isEmpty())
        return fail(error, QStringLiteral("the %1 is empty").arg(what));
    for (const QChar c : id) {
        if (c == u'/' || c == u'+' || c == u'#')
            return fail(error, QStringLiteral("the %1 contains the reserved character '%2'").arg(what, c));
        if (c == QChar(u'\0'))
            return fail(error, QStringLiteral("the %1 contains U+0000").arg(what));
    }
    return true;
}

} // namespace

QString SparkplugTopic::namespaceElement()
{
    return QStringLiteral("spBv1.0");
}

QString SparkplugTopic::messageTypeName(MessageType type)
{
    for (const auto &[value, name] : typeNames) {
        if (value == type)
            return QString::fromLatin1(name);
    }
    return QString();
}

std::optional<SparkplugTopic::MessageType> SparkplugTopic::messageTypeFromName(QStringView name)
{
    for (const auto &[value, text] : typeNames) {
        if (name == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

bool SparkplugTopic::isDeviceType(MessageType type)
{
    return type == MessageType::DBirth || type == MessageType::DDeath || type == MessageType::DData
        || type == MessageType::DCmd;
}

std::optional<SparkplugTopic> SparkplugTopic::parse(QStringView topic, QString *error)
{
    const QList<QStringView> parts = topic.split(u'/');
    if (parts.first() != namespaceElement()) {
        fail(error, QStringLiteral("the namespace is not %1").arg(namespaceElement()));
        return std::nullopt;
    }
    if (parts.size() >= 2 && parts.at(1) == u"STATE") {
        if (parts.size() != 3) {
            fail(error, QStringLiteral("a STATE topic has 3 elements, not %1").arg(parts.size()));
            return std::nullopt;
        }
        return state(parts.at(2).toString(), error);
    }
    if (parts.size() < 4 || parts.size() > 5) {
        fail(error, QStringLiteral("a Sparkplug topic has 4 or 5 elements, not %1").arg(parts.size()));
        return std::nullopt;
    }
    const std::optional<MessageType> type = messageTypeFromName(parts.at(2));
    if (!type || *type == MessageType::State) {
        fail(error, QStringLiteral("unknown message type \"%1\"").arg(parts.at(2)));
        return std::nullopt;
    }
    if (isDeviceType(*type) && parts.size() != 5) {
        fail(error, QStringLiteral("a %1 topic needs a device id").arg(parts.at(2)));
        return std::nullopt;
    }
    if (!isDeviceType(*type) && parts.size() != 4) {
        fail(error, QStringLiteral("a %1 topic has no device id").arg(parts.at(2)));
        return std::nullopt;
    }
    return make(*type, parts.at(1).toString(), parts.at(3).toString(),
                parts.size() == 5 ? parts.at(4).toString() : QString(), error);
}

std::optional<SparkplugTopic> SparkplugTopic::make(MessageType type, const QString &groupId, const QString &edgeNodeId,
                                                   const QString &deviceId, QString *error)
{
    if (type == MessageType::State) {
        fail(error, QStringLiteral("a STATE topic has a host id only"));
        return std::nullopt;
    }
    if (!checkId(groupId, QStringLiteral("group id"), error)
        || !checkId(edgeNodeId, QStringLiteral("edge node id"), error))
        return std::nullopt;
    if (groupId == u"STATE") {
        fail(error, QStringLiteral("the group id STATE is reserved for host application state topics"));
        return std::nullopt;
    }
    if (isDeviceType(type)) {
        if (!checkId(deviceId, QStringLiteral("device id"), error))
            return std::nullopt;
    } else if (!deviceId.isEmpty()) {
        fail(error, QStringLiteral("a %1 topic has no device id").arg(messageTypeName(type)));
        return std::nullopt;
    }
    SparkplugTopic topic;
    topic.m_type = type;
    topic.m_groupId = groupId;
    topic.m_edgeNodeId = edgeNodeId;
    topic.m_deviceId = deviceId;
    return topic;
}

std::optional<SparkplugTopic> SparkplugTopic::state(const QString &hostId, QString *error)
{
    if (!checkId(hostId, QStringLiteral("host id"), error))
        return std::nullopt;
    SparkplugTopic topic;
    topic.m_type = MessageType::State;
    topic.m_hostId = hostId;
    return topic;
}

QString SparkplugTopic::toString() const
{
    const QString prefix = namespaceElement() + u'/';
    if (m_type == MessageType::State)
        return prefix + QStringLiteral("STATE/") + m_hostId;
    QString text = prefix + m_groupId + u'/' + messageTypeName(m_type) + u'/' + m_edgeNodeId;
    if (!m_deviceId.isEmpty())
        text += u'/' + m_deviceId;
    return text;
}
