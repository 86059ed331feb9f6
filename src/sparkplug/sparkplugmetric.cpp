#include "sparkplugmetric.h"

#include "sparkplugwire.h"

SparkplugMetric::SparkplugMetric(const QString &name, SparkplugDataType dataType, const QVariant &value)
    : m_name(name)
    , m_dataType(dataType)
    , m_value(value)
{ }

void SparkplugMetric::setValue(const QVariant &value)
{
    m_value = value;
    m_null = false;
}

void SparkplugMetric::setNull(bool null)
{
    m_null = null;
    if (null)
        m_value.clear();
}

void SparkplugMetric::setUnsupportedReason(const QString &reason)
{
    m_unsupportedReason = reason;
    if (!reason.isEmpty())
        m_value.clear();
}

bool SparkplugMetric::applyDataType(SparkplugDataType dataType, QString *error)
{
    if (m_dataType == dataType)
        return true;
    if (m_dataType != SparkplugDataType::Unknown) {
        if (error)
            *error = QStringLiteral("metric already has datatype %1").arg(sparkplugDataTypeName(m_dataType));
        return false;
    }
    QString problem;
    const QVariant typed = SparkplugWire::typedValue(dataType, m_value, &problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_dataType = dataType;
    m_value = typed;
    return true;
}
