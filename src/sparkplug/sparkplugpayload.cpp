#include "sparkplugpayload.h"

#include "sparkplugwire.h"

#include <sparkplug_b.pb.h>

#include <limits>
#include <string>

namespace pb = org::eclipse::tahu::protobuf;

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

// The content of a value oneof (Metric or PropertyValue) as a wire value
// (SparkplugWire); the structured members the codec does not represent set
// *problem instead.
template<typename Message> QVariant readWire(const Message &message, QString *problem)
{
    if (message.has_int_value())
        return QVariant::fromValue<quint32>(message.int_value());
    if (message.has_long_value())
        return QVariant::fromValue<quint64>(message.long_value());
    if (message.has_float_value())
        return QVariant::fromValue<float>(message.float_value());
    if (message.has_double_value())
        return QVariant::fromValue<double>(message.double_value());
    if (message.has_boolean_value())
        return QVariant::fromValue<bool>(message.boolean_value());
    if (message.has_string_value())
        return QVariant::fromValue(fromStd(message.string_value()));
    if constexpr (requires { message.has_bytes_value(); }) {
        if (message.has_bytes_value()) {
            const std::string &bytes = message.bytes_value();
            return QVariant::fromValue(QByteArray(bytes.data(), qsizetype(bytes.size())));
        }
    }
    if constexpr (requires { message.has_dataset_value(); }) {
        if (message.has_dataset_value())
            *problem = QStringLiteral("DataSet values are not supported");
    }
    if constexpr (requires { message.has_template_value(); }) {
        if (message.has_template_value())
            *problem = QStringLiteral("Template values are not supported");
    }
    if constexpr (requires { message.has_propertyset_value(); }) {
        if (message.has_propertyset_value() || message.has_propertysets_value())
            *problem = QStringLiteral("PropertySet values are not supported");
    }
    if (message.has_extension_value())
        *problem = QStringLiteral("extension values are not supported");
    return {};
}

template<typename Message> void writeWire(Message *message, const QVariant &wire)
{
    switch (wire.metaType().id()) {
    case QMetaType::UInt:
        message->set_int_value(wire.value<quint32>());
        break;
    case QMetaType::ULongLong:
        message->set_long_value(wire.value<quint64>());
        break;
    case QMetaType::Float:
        message->set_float_value(wire.value<float>());
        break;
    case QMetaType::Double:
        message->set_double_value(wire.value<double>());
        break;
    case QMetaType::Bool:
        message->set_boolean_value(wire.value<bool>());
        break;
    case QMetaType::QString:
        message->set_string_value(toStd(wire.toString()));
        break;
    case QMetaType::QByteArray:
        if constexpr (requires { message->set_bytes_value(std::string()); }) {
            const QByteArray bytes = wire.toByteArray();
            message->set_bytes_value(bytes.constData(), std::size_t(bytes.size()));
        }
        break;
    default:
        break;
    }
}

SparkplugProperty decodeProperty(const pb::Payload_PropertyValue &value)
{
    SparkplugProperty property;
    property.type = static_cast<SparkplugDataType>(value.type());
    property.isNull = value.is_null();
    if (property.isNull)
        return property;
    // A property that cannot be represented keeps its type and no value.
    QString problem;
    const QVariant wire = readWire(value, &problem);
    if (problem.isEmpty())
        property.value = SparkplugWire::typedValue(property.type, wire, &problem);
    if (!problem.isEmpty())
        property.value.clear();
    return property;
}

SparkplugMetric decodeMetric(const pb::Payload_Metric &in)
{
    SparkplugMetric metric;
    metric.setName(fromStd(in.name()));
    if (in.has_alias())
        metric.setAlias(in.alias());
    if (in.has_timestamp())
        metric.setTimestamp(in.timestamp());
    // Codes the specification does not define are kept, so that a caller
    // can name them; the metric is unsupported below.
    metric.setDataType(static_cast<SparkplugDataType>(in.datatype()));
    metric.setHistorical(in.is_historical());
    metric.setTransient(in.is_transient());
    if (in.has_properties()) {
        const pb::Payload_PropertySet &set = in.properties();
        // The specification requires as many values as keys; a payload that
        // breaks that keeps the pairs it has.
        const int count = std::min(set.keys_size(), set.values_size());
        for (int i = 0; i < count; ++i)
            metric.insertProperty(fromStd(set.keys(i)), decodeProperty(set.values(i)));
    }

    QString problem;
    QVariant value;
    if (in.is_null()) {
        metric.setNull(true);
        SparkplugWire::typedValue(metric.dataType(), QVariant(), &problem);
    } else {
        const QVariant wire = readWire(in, &problem);
        if (problem.isEmpty())
            value = SparkplugWire::typedValue(metric.dataType(), wire, &problem);
    }
    if (!problem.isEmpty())
        metric.setUnsupportedReason(problem);
    else if (!in.is_null())
        metric.setValue(value);
    return metric;
}

void encodeMetric(const SparkplugMetric &metric, pb::Payload_Metric *out)
{
    if (!metric.name().isEmpty())
        out->set_name(toStd(metric.name()));
    if (metric.alias())
        out->set_alias(*metric.alias());
    if (metric.timestamp())
        out->set_timestamp(*metric.timestamp());
    if (metric.dataType() != SparkplugDataType::Unknown)
        out->set_datatype(sparkplugDataTypeCode(metric.dataType()));
    if (metric.isHistorical())
        out->set_is_historical(true);
    if (metric.isTransient())
        out->set_is_transient(true);
    const QMap<QString, SparkplugProperty> properties = metric.properties();
    if (!properties.isEmpty()) {
        pb::Payload_PropertySet *set = out->mutable_properties();
        for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
            set->add_keys(toStd(it.key()));
            pb::Payload_PropertyValue *value = set->add_values();
            if (it->type != SparkplugDataType::Unknown)
                value->set_type(sparkplugDataTypeCode(it->type));
            if (it->isNull)
                value->set_is_null(true);
            else
                writeWire(value, SparkplugWire::wireValue(it->type, it->value));
        }
    }
    if (metric.isNull())
        out->set_is_null(true);
    else if (metric.isSupported())
        writeWire(out, SparkplugWire::wireValue(metric.dataType(), metric.value()));
}

} // namespace

std::optional<SparkplugPayload> SparkplugPayload::decode(const QByteArray &bytes, QString *error)
{
    pb::Payload in;
    if (bytes.size() > std::numeric_limits<int>::max()) {
        if (error)
            *error = QStringLiteral("not a Sparkplug B payload: %1 bytes is too large").arg(bytes.size());
        return std::nullopt;
    }
    if (!in.ParseFromArray(bytes.constData(), int(bytes.size()))) {
        if (error)
            *error = QStringLiteral("not a Sparkplug B payload: %1 bytes that are not a valid protobuf Payload")
                         .arg(bytes.size());
        return std::nullopt;
    }

    SparkplugPayload payload;
    if (in.has_timestamp())
        payload.m_timestamp = in.timestamp();
    if (in.has_seq())
        payload.m_seq = in.seq();
    payload.m_uuid = fromStd(in.uuid());
    payload.m_body = QByteArray(in.body().data(), qsizetype(in.body().size()));
    payload.m_metrics.reserve(in.metrics_size());
    for (const pb::Payload_Metric &metric : in.metrics())
        payload.m_metrics.append(decodeMetric(metric));
    return payload;
}

QByteArray SparkplugPayload::encode() const
{
    pb::Payload out;
    if (m_timestamp)
        out.set_timestamp(*m_timestamp);
    if (m_seq)
        out.set_seq(*m_seq);
    if (!m_uuid.isEmpty())
        out.set_uuid(toStd(m_uuid));
    if (!m_body.isEmpty())
        out.set_body(m_body.constData(), std::size_t(m_body.size()));
    for (const SparkplugMetric &metric : m_metrics)
        encodeMetric(metric, out.add_metrics());
    const std::string bytes = out.SerializeAsString();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}
