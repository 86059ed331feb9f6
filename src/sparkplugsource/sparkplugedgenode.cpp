#include "sparkplugedgenode.h"

namespace {

QString metricKey(const QString &device, const QString &metric)
{
    return device + u'/' + metric;
}

} // namespace

SparkplugEdgeNode::Verdict SparkplugEdgeNode::birth(const SparkplugPayload &payload)
{
    forget();
    m_online = true;
    m_bdSeq = bdSeqOf(payload);
    m_seq = payload.seq().value_or(0) % 256;
    learn({}, payload);
    return Verdict::Accepted;
}

SparkplugEdgeNode::Verdict SparkplugEdgeNode::deviceBirth(const QString &device, const SparkplugPayload &payload)
{
    const Verdict verdict = follow(payload);
    if (verdict == Verdict::Accepted) {
        m_devices.insert(device);
        learn(device, payload);
    }
    return verdict;
}

SparkplugEdgeNode::Verdict SparkplugEdgeNode::data(const SparkplugPayload &payload)
{
    return follow(payload);
}

SparkplugEdgeNode::Verdict SparkplugEdgeNode::deviceDeath(const QString &device, const SparkplugPayload &payload)
{
    const Verdict verdict = follow(payload);
    if (verdict == Verdict::Accepted)
        m_devices.remove(device);
    return verdict;
}

bool SparkplugEdgeNode::death(const SparkplugPayload &payload)
{
    const std::optional<quint64> bdSeq = bdSeqOf(payload);
    if (m_bdSeq && bdSeq && *bdSeq != *m_bdSeq)
        return false;
    const std::optional<quint64> born = m_bdSeq;
    forget();
    m_bdSeq = born; // a repeated will of the same session changes nothing more
    return true;
}

void SparkplugEdgeNode::forget()
{
    m_online = false;
    m_bdSeq.reset();
    m_seq = 0;
    m_devices.clear();
    m_names.clear();
    m_aliases.clear();
    m_dataTypes.clear();
}

QString SparkplugEdgeNode::metricName(const SparkplugMetric &metric) const
{
    if (!metric.name().isEmpty())
        return metric.name();
    return metric.alias() ? m_names.value(*metric.alias()) : QString();
}

std::optional<quint64> SparkplugEdgeNode::aliasOf(const QString &device, const QString &metric) const
{
    const auto it = m_aliases.constFind(metricKey(device, metric));
    return it == m_aliases.cend() ? std::nullopt : std::optional<quint64>(*it);
}

SparkplugDataType SparkplugEdgeNode::dataTypeOf(const QString &device, const QString &metric) const
{
    return m_dataTypes.value(metricKey(device, metric), SparkplugDataType::Unknown);
}

std::optional<quint64> SparkplugEdgeNode::bdSeqOf(const SparkplugPayload &payload)
{
    for (const SparkplugMetric &metric : payload.metrics()) {
        if (metric.name() == u"bdSeq" && metric.value().isValid())
            return metric.value().toULongLong();
    }
    return std::nullopt;
}

SparkplugEdgeNode::Verdict SparkplugEdgeNode::follow(const SparkplugPayload &payload)
{
    if (!m_online)
        return Verdict::NotBorn;
    const quint64 expected = (m_seq + 1) % 256;
    if (!payload.seq() || *payload.seq() != expected)
        return Verdict::SequenceGap;
    m_seq = expected;
    return Verdict::Accepted;
}

void SparkplugEdgeNode::learn(const QString &device, const SparkplugPayload &payload)
{
    for (const SparkplugMetric &metric : payload.metrics()) {
        if (metric.name().isEmpty())
            continue;
        const QString key = metricKey(device, metric.name());
        if (metric.alias()) {
            m_names.insert(*metric.alias(), metric.name());
            m_aliases.insert(key, *metric.alias());
        }
        m_dataTypes.insert(key, metric.dataType());
    }
}
