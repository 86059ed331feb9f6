#include "sparkplugwire.h"

#include <limits>

namespace {

int integerBits(SparkplugDataType type)
{
    switch (type) {
    case SparkplugDataType::Int8:
    case SparkplugDataType::UInt8:
        return 8;
    case SparkplugDataType::Int16:
    case SparkplugDataType::UInt16:
        return 16;
    case SparkplugDataType::Int32:
    case SparkplugDataType::UInt32:
        return 32;
    case SparkplugDataType::Int64:
    case SparkplugDataType::UInt64:
    case SparkplugDataType::DateTime:
        return 64;
    default:
        return 0;
    }
}

bool isSigned(SparkplugDataType type)
{
    return type == SparkplugDataType::Int8 || type == SparkplugDataType::Int16 || type == SparkplugDataType::Int32
        || type == SparkplugDataType::Int64;
}

qint64 signExtend(quint64 bits, int width)
{
    if (width >= 64)
        return static_cast<qint64>(bits);
    const quint64 mask = (quint64(1) << width) - 1;
    const quint64 sign = quint64(1) << (width - 1);
    bits &= mask;
    return (bits & sign) ? static_cast<qint64>(bits | ~mask) : static_cast<qint64>(bits);
}

QString fieldName(const QVariant &wire)
{
    switch (wire.metaType().id()) {
    case QMetaType::UInt:
        return QStringLiteral("int_value");
    case QMetaType::ULongLong:
        return QStringLiteral("long_value");
    case QMetaType::Float:
        return QStringLiteral("float_value");
    case QMetaType::Double:
        return QStringLiteral("double_value");
    case QMetaType::Bool:
        return QStringLiteral("boolean_value");
    case QMetaType::QString:
        return QStringLiteral("string_value");
    case QMetaType::QByteArray:
        return QStringLiteral("bytes_value");
    default:
        return QString::fromLatin1(wire.typeName());
    }
}

QVariant fail(QString *problem, const QString &text)
{
    if (problem)
        *problem = text;
    return {};
}

QVariant integerValue(SparkplugDataType type, const QVariant &wire, QString *problem)
{
    const int bits = integerBits(type);
    const bool fromInt = wire.metaType().id() == QMetaType::UInt;
    const quint64 raw = fromInt ? wire.value<quint32>() : wire.value<quint64>();
    const QString name = sparkplugDataTypeName(type);
    if (isSigned(type)) {
        // The field's own two's complement first (0xFFFFFFFB in int_value is
        // -5), then the type's (0xFB for an Int8 is -5 too).
        qint64 value = fromInt ? signExtend(raw, 32) : static_cast<qint64>(raw);
        const qint64 low = bits == 64 ? std::numeric_limits<qint64>::min() : -(qint64(1) << (bits - 1));
        const qint64 high = bits == 64 ? std::numeric_limits<qint64>::max() : (qint64(1) << (bits - 1)) - 1;
        if (value < low || value > high) {
            if (bits < 64 && raw < (quint64(1) << bits))
                value = signExtend(raw, bits);
            else
                return fail(problem, QStringLiteral("%1 value %2 is out of range").arg(name).arg(raw));
        }
        return QVariant::fromValue<qint64>(value);
    }
    if (bits < 64 && raw >= (quint64(1) << bits))
        return fail(problem, QStringLiteral("%1 value %2 is out of range").arg(name).arg(raw));
    return QVariant::fromValue<quint64>(raw);
}

bool isIntegerWire(const QVariant &wire)
{
    const int id = wire.metaType().id();
    return id == QMetaType::UInt || id == QMetaType::ULongLong;
}

} // namespace

namespace SparkplugWire {

QVariant typedValue(SparkplugDataType type, const QVariant &wire, QString *problem)
{
    const QString name = sparkplugDataTypeName(type);
    if (name.isEmpty())
        return fail(problem, QStringLiteral("unknown datatype %1").arg(sparkplugDataTypeCode(type)));
    if (type == SparkplugDataType::DataSet || type == SparkplugDataType::Template
        || type == SparkplugDataType::PropertySet || type == SparkplugDataType::PropertySetList)
        return fail(problem, QStringLiteral("%1 values are not supported").arg(name));
    if (!wire.isValid())
        return {};
    const auto expect = [&](QMetaType::Type id) {
        if (wire.metaType().id() == id)
            return wire;
        return fail(problem, QStringLiteral("%1 value sent in %2").arg(name, fieldName(wire)));
    };
    switch (type) {
    case SparkplugDataType::Unknown:
        return wire;
    case SparkplugDataType::Int8:
    case SparkplugDataType::Int16:
    case SparkplugDataType::Int32:
    case SparkplugDataType::Int64:
    case SparkplugDataType::UInt8:
    case SparkplugDataType::UInt16:
    case SparkplugDataType::UInt32:
    case SparkplugDataType::UInt64:
    case SparkplugDataType::DateTime:
        if (!isIntegerWire(wire))
            return fail(problem, QStringLiteral("%1 value sent in %2").arg(name, fieldName(wire)));
        return integerValue(type, wire, problem);
    case SparkplugDataType::Float:
        return expect(QMetaType::Float);
    case SparkplugDataType::Double:
        return expect(QMetaType::Double);
    case SparkplugDataType::Boolean:
        return expect(QMetaType::Bool);
    case SparkplugDataType::String:
    case SparkplugDataType::Text:
    case SparkplugDataType::UUID:
        return expect(QMetaType::QString);
    case SparkplugDataType::Bytes:
    case SparkplugDataType::File:
    case SparkplugDataType::Int8Array:
    case SparkplugDataType::Int16Array:
    case SparkplugDataType::Int32Array:
    case SparkplugDataType::Int64Array:
    case SparkplugDataType::UInt8Array:
    case SparkplugDataType::UInt16Array:
    case SparkplugDataType::UInt32Array:
    case SparkplugDataType::UInt64Array:
    case SparkplugDataType::FloatArray:
    case SparkplugDataType::DoubleArray:
    case SparkplugDataType::BooleanArray:
    case SparkplugDataType::StringArray:
    case SparkplugDataType::DateTimeArray:
        return expect(QMetaType::QByteArray);
    case SparkplugDataType::DataSet:
    case SparkplugDataType::Template:
    case SparkplugDataType::PropertySet:
    case SparkplugDataType::PropertySetList:
        break; // refused above
    }
    return {};
}

QVariant wireValue(SparkplugDataType type, const QVariant &value)
{
    if (!value.isValid())
        return {};
    switch (type) {
    case SparkplugDataType::Unknown:
        switch (value.metaType().id()) {
        case QMetaType::UInt:
        case QMetaType::ULongLong:
        case QMetaType::Float:
        case QMetaType::Double:
        case QMetaType::Bool:
        case QMetaType::QString:
        case QMetaType::QByteArray:
            return value;
        case QMetaType::Int:
            return QVariant::fromValue(static_cast<quint32>(value.toInt()));
        case QMetaType::LongLong:
            return QVariant::fromValue(static_cast<quint64>(value.toLongLong()));
        default:
            return {};
        }
    case SparkplugDataType::Int8:
    case SparkplugDataType::Int16:
    case SparkplugDataType::Int32:
        return QVariant::fromValue(static_cast<quint32>(static_cast<qint32>(value.toLongLong())));
    case SparkplugDataType::Int64:
        return QVariant::fromValue(static_cast<quint64>(value.toLongLong()));
    case SparkplugDataType::UInt8:
    case SparkplugDataType::UInt16:
    case SparkplugDataType::UInt32:
        return QVariant::fromValue(static_cast<quint32>(value.toULongLong()));
    case SparkplugDataType::UInt64:
    case SparkplugDataType::DateTime:
        return QVariant::fromValue(value.toULongLong());
    case SparkplugDataType::Float:
        return QVariant::fromValue(value.toFloat());
    case SparkplugDataType::Double:
        return QVariant::fromValue(value.toDouble());
    case SparkplugDataType::Boolean:
        return QVariant::fromValue(value.toBool());
    case SparkplugDataType::String:
    case SparkplugDataType::Text:
    case SparkplugDataType::UUID:
        return QVariant::fromValue(value.toString());
    case SparkplugDataType::Bytes:
    case SparkplugDataType::File:
    case SparkplugDataType::Int8Array:
    case SparkplugDataType::Int16Array:
    case SparkplugDataType::Int32Array:
    case SparkplugDataType::Int64Array:
    case SparkplugDataType::UInt8Array:
    case SparkplugDataType::UInt16Array:
    case SparkplugDataType::UInt32Array:
    case SparkplugDataType::UInt64Array:
    case SparkplugDataType::FloatArray:
    case SparkplugDataType::DoubleArray:
    case SparkplugDataType::BooleanArray:
    case SparkplugDataType::StringArray:
    case SparkplugDataType::DateTimeArray:
        return QVariant::fromValue(value.toByteArray());
    case SparkplugDataType::DataSet:
    case SparkplugDataType::Template:
    case SparkplugDataType::PropertySet:
    case SparkplugDataType::PropertySetList:
        return {};
    }
    return {};
}

} // namespace SparkplugWire
