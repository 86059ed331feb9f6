#pragma once

#include "sparkplugdatatype.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

#include <cmath>
#include <limits>

// One value of every scalar datatype worth a test: the edges of each integer
// range, the special floats, empty and non-ASCII text, empty bytes. `value`
// is what SparkplugMetric::value() holds; `json` is the same value in the
// notation of tests/interop/sparkplug-payload.js (64-bit integers as decimal
// strings, special floats as "NaN"/"Infinity", bytes as base64).
struct SparkplugScalarCase
{
    QString label;
    SparkplugDataType type;
    QVariant value;
    QJsonValue json;
};

inline QList<SparkplugScalarCase> sparkplugScalarCases()
{
    using T = SparkplugDataType;
    const auto s = [](qint64 v) { return QVariant::fromValue<qint64>(v); };
    const auto u = [](quint64 v) { return QVariant::fromValue<quint64>(v); };
    const auto f = [](float v) { return QVariant::fromValue<float>(v); };
    const auto d = [](double v) { return QVariant::fromValue<double>(v); };
    const auto text = [](const char *utf8) { return QString::fromUtf8(utf8); };
    const auto bytes = [](const QByteArray &b) { return QVariant::fromValue(b); };
    const double inf = std::numeric_limits<double>::infinity();
    const QByteArray binary("\x00\x01\x7f\x80\xff", 5);
    return {
        {text("Int8 min"), T::Int8, s(-128), -128},
        {text("Int8 -5"), T::Int8, s(-5), -5},
        {text("Int8 max"), T::Int8, s(127), 127},
        {text("Int16 min"), T::Int16, s(-32768), -32768},
        {text("Int16 max"), T::Int16, s(32767), 32767},
        {text("Int32 min"), T::Int32, s(std::numeric_limits<qint32>::min()), -2147483648.0},
        {text("Int32 -1"), T::Int32, s(-1), -1},
        {text("Int32 max"), T::Int32, s(std::numeric_limits<qint32>::max()), 2147483647.0},
        {text("Int64 min"), T::Int64, s(std::numeric_limits<qint64>::min()), text("-9223372036854775808")},
        {text("Int64 -1"), T::Int64, s(-1), text("-1")},
        {text("Int64 max"), T::Int64, s(std::numeric_limits<qint64>::max()), text("9223372036854775807")},
        {text("UInt8 0"), T::UInt8, u(0), 0},
        {text("UInt8 max"), T::UInt8, u(255), 255},
        {text("UInt16 max"), T::UInt16, u(65535), 65535},
        {text("UInt32 max"), T::UInt32, u(4294967295u), 4294967295.0},
        {text("UInt32 2^31"), T::UInt32, u(2147483648u), 2147483648.0},
        {text("UInt64 0"), T::UInt64, u(0), text("0")},
        {text("UInt64 max"), T::UInt64, u(std::numeric_limits<quint64>::max()), text("18446744073709551615")},
        {text("Float 1.5"), T::Float, f(1.5f), 1.5},
        {text("Float -0.25"), T::Float, f(-0.25f), -0.25},
        {text("Float max"), T::Float, f(std::numeric_limits<float>::max()), double(std::numeric_limits<float>::max())},
        {text("Float NaN"), T::Float, f(std::numeric_limits<float>::quiet_NaN()), text("NaN")},
        {text("Float inf"), T::Float, f(std::numeric_limits<float>::infinity()), text("Infinity")},
        {text("Float -inf"), T::Float, f(-std::numeric_limits<float>::infinity()), text("-Infinity")},
        {text("Double pi"), T::Double, d(3.141592653589793), 3.141592653589793},
        {text("Double smallest"), T::Double, d(5e-324), 5e-324},
        {text("Double NaN"), T::Double, d(std::nan("")), text("NaN")},
        {text("Double inf"), T::Double, d(inf), text("Infinity")},
        {text("Double -inf"), T::Double, d(-inf), text("-Infinity")},
        {text("Boolean true"), T::Boolean, QVariant(true), true},
        {text("Boolean false"), T::Boolean, QVariant(false), false},
        {text("String empty"), T::String, QVariant(QString()), text("")},
        {text("String ASCII"), T::String, QVariant(text("Tank 3 level")), text("Tank 3 level")},
        {text("String non-ASCII"), T::String, QVariant(text("Grüße, 温度 ✓ 😀")), text("Grüße, 温度 ✓ 😀")},
        {text("Text"), T::Text, QVariant(text("line one\nline two")), text("line one\nline two")},
        {text("UUID"), T::UUID, QVariant(text("3f2504e0-4f89-11d3-9a0c-0305e82c3301")),
         text("3f2504e0-4f89-11d3-9a0c-0305e82c3301")},
        {text("DateTime"), T::DateTime, u(1700000000123), text("1700000000123")},
        {text("DateTime epoch"), T::DateTime, u(0), text("0")},
        {text("Bytes"), T::Bytes, bytes(binary), QString::fromLatin1(binary.toBase64())},
        {text("Bytes empty"), T::Bytes, bytes(QByteArray()), text("")},
        {text("File"), T::File, bytes(QByteArrayLiteral("%PDF-1.7\n")),
         QString::fromLatin1(QByteArrayLiteral("%PDF-1.7\n").toBase64())},
    };
}

// Equal values of the same Qt type, a NaN being equal to a NaN.
inline bool sameSparkplugValue(const QVariant &a, const QVariant &b)
{
    if (a.metaType() != b.metaType())
        return false;
    if (a.metaType().id() == QMetaType::Float && std::isnan(a.toFloat()))
        return std::isnan(b.toFloat());
    if (a.metaType().id() == QMetaType::Double && std::isnan(a.toDouble()))
        return std::isnan(b.toDouble());
    return a == b;
}

inline QString describeSparkplugValue(const QVariant &value)
{
    return QStringLiteral("%1(%2)").arg(QString::fromLatin1(value.typeName()), value.toString());
}
