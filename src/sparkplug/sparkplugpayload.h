#pragma once

#include "sparkplugmetric.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Contract: a Sparkplug B payload (the protobuf Payload message of the
// Sparkplug 3.0 specification) as a value type, and its codec.
//
// timestamp is ms since the epoch, UTC; seq is kept as sent (the
// specification's 0..255 cycle is the caller's to check). uuid and body are
// empty when the payload did not carry them, and are not sent when empty.
// Payload extensions and metric metadata are read past and not kept.
class SparkplugPayload
{
public:
    std::optional<quint64> timestamp() const { return m_timestamp; }
    void setTimestamp(std::optional<quint64> msSinceEpoch) { m_timestamp = msSinceEpoch; }

    std::optional<quint64> seq() const { return m_seq; }
    void setSeq(std::optional<quint64> seq) { m_seq = seq; }

    QString uuid() const { return m_uuid; }
    void setUuid(const QString &uuid) { m_uuid = uuid; }

    QByteArray body() const { return m_body; }
    void setBody(const QByteArray &body) { m_body = body; }

    const QList<SparkplugMetric> &metrics() const { return m_metrics; }
    void setMetrics(const QList<SparkplugMetric> &metrics) { m_metrics = metrics; }
    void addMetric(const SparkplugMetric &metric) { m_metrics.append(metric); }

    // Decodes the bytes of an MQTT message. Bytes that are not a protobuf
    // Payload give nullopt and a reason in *error (when given); nothing
    // throws and nothing is read beyond `bytes`. Zero bytes are a valid,
    // empty payload. A metric whose value cannot be represented does not fail
    // the payload: it is decoded as unsupported (SparkplugMetric). Strings
    // that are not valid UTF-8 are decoded with replacement characters.
    static std::optional<SparkplugPayload> decode(const QByteArray &bytes, QString *error = nullptr);

    // The payload's bytes. Each metric's value goes in the field its datatype
    // takes (SparkplugDataType); a null metric is sent with is_null and no
    // value, an unsupported one without a value. Flags are sent only when
    // set, name only when not empty.
    QByteArray encode() const;

    bool operator==(const SparkplugPayload &) const = default;

private:
    std::optional<quint64> m_timestamp;
    std::optional<quint64> m_seq;
    QString m_uuid;
    QByteArray m_body;
    QList<SparkplugMetric> m_metrics;
};
