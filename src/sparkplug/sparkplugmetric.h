#pragma once

#include "sparkplugdatatype.h"
#include "sparkplugproperty.h"

#include <QMap>
#include <QString>
#include <QVariant>

#include <optional>

// Contract: one Sparkplug B metric as a value type, free of the wire format.
//
// name may be empty: after a birth an edge sends only the alias. alias and
// timestamp (ms since the epoch, UTC) are optional, as on the wire. The
// datatype is Unknown when the message did not carry one (the specification
// asks DATA and CMD messages to leave it out); resolve it from the birth with
// applyDataType().
//
// value() holds, by datatype:
//   Int8, Int16, Int32, Int64          qint64
//   UInt8, UInt16, UInt32, UInt64      quint64
//   DateTime                           quint64, ms since the epoch, UTC
//   Float / Double                     float / double (NaN and infinities kept)
//   Boolean                            bool
//   String, Text, UUID                 QString
//   Bytes, File                        QByteArray
//   the array types (22-34)            QByteArray, the packed bytes as sent
//   Unknown                            the wire's own type: quint32 from
//                                      int_value, quint64 from long_value,
//                                      float, double, bool, QString, QByteArray
// value() is invalid when the metric is null, unsupported, or carried no value.
//
// A metric is unsupported when the codec does not represent its value
// (DataSet, Template, a datatype code above 34, a value that does not fit its
// datatype). Such a metric keeps its name, alias, datatype, timestamp and
// flags so that a caller can say which metric it could not show; encoding
// it writes everything but the value.
//
// properties() keeps the PropertySet by key (a repeated key keeps its last
// value); metadata is not kept.
class SparkplugMetric
{
public:
    SparkplugMetric() = default;
    SparkplugMetric(const QString &name, SparkplugDataType dataType, const QVariant &value);

    QString name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }

    std::optional<quint64> alias() const { return m_alias; }
    void setAlias(std::optional<quint64> alias) { m_alias = alias; }

    std::optional<quint64> timestamp() const { return m_timestamp; }
    void setTimestamp(std::optional<quint64> msSinceEpoch) { m_timestamp = msSinceEpoch; }

    SparkplugDataType dataType() const { return m_dataType; }
    void setDataType(SparkplugDataType dataType) { m_dataType = dataType; }

    QVariant value() const { return m_value; }
    // Sets the value and clears isNull.
    void setValue(const QVariant &value);

    bool isNull() const { return m_null; }
    // A null metric has no value: setting null clears it.
    void setNull(bool null);

    bool isHistorical() const { return m_historical; }
    void setHistorical(bool historical) { m_historical = historical; }

    bool isTransient() const { return m_transient; }
    void setTransient(bool transient) { m_transient = transient; }

    QMap<QString, SparkplugProperty> properties() const { return m_properties; }
    void setProperties(const QMap<QString, SparkplugProperty> &properties) { m_properties = properties; }
    void insertProperty(const QString &key, const SparkplugProperty &property) { m_properties.insert(key, property); }
    // The value of one property; invalid when it is absent, null or not kept.
    QVariant propertyValue(const QString &key) const { return m_properties.value(key).value; }

    bool isSupported() const { return m_unsupportedReason.isEmpty(); }
    // Why the value was not kept ("DataSet values are not supported"); empty
    // for a supported metric.
    QString unsupportedReason() const { return m_unsupportedReason; }
    // Marks the metric unsupported and drops its value; an empty reason
    // marks it supported again.
    void setUnsupportedReason(const QString &reason);

    // Gives a metric that arrived without a datatype the one its birth
    // declared, converting the wire value as if the datatype had come with
    // it. Returns false and sets *error (when given), changing nothing, if
    // the value does not fit `dataType` or the metric already has another
    // datatype. A metric that already has `dataType` is left as it is.
    bool applyDataType(SparkplugDataType dataType, QString *error = nullptr);

    // Equal in every field; QVariant's rules compare the values, so a NaN
    // value is never equal to itself.
    bool operator==(const SparkplugMetric &) const = default;

private:
    QString m_name;
    std::optional<quint64> m_alias;
    std::optional<quint64> m_timestamp;
    SparkplugDataType m_dataType = SparkplugDataType::Unknown;
    QVariant m_value;
    bool m_null = false;
    bool m_historical = false;
    bool m_transient = false;
    QMap<QString, SparkplugProperty> m_properties;
    QString m_unsupportedReason;
};
