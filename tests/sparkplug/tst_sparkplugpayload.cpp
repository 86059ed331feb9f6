#include "sparkplugcases.h"
#include "sparkplugdatatype.h"
#include "sparkplugmetric.h"
#include "sparkplugpayload.h"

#include <QRandomGenerator>
#include <QTest>

using T = SparkplugDataType;

namespace {

// Protobuf wire pieces written by hand, so that the tests check the field
// numbers and integer encodings of the specification rather than whatever
// the .proto file says.
QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        char byte = char(value & 0x7f);
        value >>= 7;
        if (value)
            byte = char(byte | 0x80);
        out.append(byte);
    } while (value);
    return out;
}

QByteArray tag(int field, int wireType)
{
    return varint(quint64(field) << 3 | quint64(wireType));
}

QByteArray lengthDelimited(int field, const QByteArray &content)
{
    return tag(field, 2) + varint(quint64(content.size())) + content;
}

QByteArray varintField(int field, quint64 value)
{
    return tag(field, 0) + varint(value);
}

// A Payload holding one Metric with these bytes.
QByteArray payloadWithMetric(const QByteArray &metric)
{
    return lengthDelimited(2, metric);
}

SparkplugPayload roundTrip(const SparkplugPayload &payload)
{
    QString error;
    const std::optional<SparkplugPayload> decoded = SparkplugPayload::decode(payload.encode(), &error);
    if (!decoded)
        qWarning("decode failed: %s", qPrintable(error));
    return decoded.value_or(SparkplugPayload());
}

SparkplugMetric decodeOne(const QByteArray &bytes)
{
    QString error;
    const std::optional<SparkplugPayload> payload = SparkplugPayload::decode(bytes, &error);
    if (!payload || payload->metrics().size() != 1) {
        qWarning("expected one metric: %s", qPrintable(error));
        return {};
    }
    return payload->metrics().constFirst();
}

} // namespace

// The Sparkplug B payload codec: SparkplugDataType, SparkplugMetric and
// SparkplugPayload against the specification's wire format.
class TestSparkplugPayload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dataTypeCodesAndNames();
    void scalarRoundTrip_data();
    void scalarRoundTrip();
    void wireBytes_data();
    void wireBytes();
    void integersReadLeniently_data();
    void integersReadLeniently();
    void valuesThatDoNotFitAreUnsupported_data();
    void valuesThatDoNotFitAreUnsupported();
    void nullMetrics();
    void aliasOnlyMetricTakesItsDataTypeLater();
    void dataSetAndTemplateAreUnsupportedNotFatal();
    void propertiesRoundTrip();
    void nestedPropertySetsAreReadPast();
    void arraysKeepTheirPackedBytes();
    void invalidUtf8IsReplacedNotFatal();
    void payloadFields();
    void emptyPayload();
    void malformedBytes_data();
    void malformedBytes();
    void everyTruncationDecodesOrFails();
    void randomBytesNeverCrash();
};

void TestSparkplugPayload::dataTypeCodesAndNames()
{
    // The specification's enumeration, in code order.
    const QStringList names = QString::fromLatin1("Unknown Int8 Int16 Int32 Int64 UInt8 UInt16 UInt32 UInt64 Float "
                                                  "Double Boolean String DateTime Text UUID DataSet Bytes File "
                                                  "Template PropertySet PropertySetList Int8Array Int16Array "
                                                  "Int32Array Int64Array UInt8Array UInt16Array UInt32Array "
                                                  "UInt64Array FloatArray DoubleArray BooleanArray StringArray "
                                                  "DateTimeArray")
                                  .split(u' ');
    QCOMPARE(names.size(), 35);
    for (quint32 code = 0; code < 35; ++code) {
        const std::optional<SparkplugDataType> type = sparkplugDataTypeFromCode(code);
        QVERIFY(type);
        QCOMPARE(sparkplugDataTypeCode(*type), code);
        QCOMPARE(sparkplugDataTypeName(*type), names.at(int(code)));
        QCOMPARE(sparkplugDataTypeFromName(names.at(int(code))), type);
        QCOMPARE(sparkplugDataTypeFromName(names.at(int(code)).toUpper()), type);
    }
    QCOMPARE(sparkplugDataTypeCode(T::Text), 14u);
    QCOMPARE(sparkplugDataTypeCode(T::UUID), 15u);
    QCOMPARE(sparkplugDataTypeFromCode(35), std::nullopt);
    QCOMPARE(sparkplugDataTypeName(static_cast<SparkplugDataType>(99)), QString());
    QCOMPARE(sparkplugDataTypeFromName(u"Int128"), std::nullopt);
    QCOMPARE(sparkplugDataTypeFromName(u""), std::nullopt);
}

void TestSparkplugPayload::scalarRoundTrip_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QVariant>("value");
    for (const SparkplugScalarCase &c : sparkplugScalarCases())
        QTest::newRow(qPrintable(c.label)) << int(c.type) << c.value;
}

void TestSparkplugPayload::scalarRoundTrip()
{
    QFETCH(int, type);
    QFETCH(QVariant, value);
    SparkplugMetric metric(QStringLiteral("Folder/Metric"), SparkplugDataType(type), value);
    metric.setAlias(7);
    metric.setTimestamp(1700000000000);
    SparkplugPayload payload;
    payload.setTimestamp(1700000000001);
    payload.setSeq(12);
    payload.addMetric(metric);

    const SparkplugPayload decoded = roundTrip(payload);
    QCOMPARE(decoded.metrics().size(), 1);
    const SparkplugMetric &back = decoded.metrics().constFirst();
    QVERIFY2(back.isSupported(), qPrintable(back.unsupportedReason()));
    QCOMPARE(back.name(), metric.name());
    QCOMPARE(back.alias(), metric.alias());
    QCOMPARE(back.timestamp(), metric.timestamp());
    QCOMPARE(back.dataType(), metric.dataType());
    QVERIFY(!back.isNull());
    QVERIFY2(sameSparkplugValue(back.value(), value),
             qPrintable(describeSparkplugValue(back.value()) + u" != " + describeSparkplugValue(value)));
    QCOMPARE(decoded.timestamp(), payload.timestamp());
    QCOMPARE(decoded.seq(), payload.seq());
}

void TestSparkplugPayload::wireBytes_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("valueField");

    const auto s = [](qint64 v) { return QVariant::fromValue<qint64>(v); };
    const auto u = [](quint64 v) { return QVariant::fromValue<quint64>(v); };
    // int_value = 10 (uint32): signed types as 32-bit two's complement.
    QTest::newRow("Int8 -5") << int(T::Int8) << s(-5) << varintField(10, 0xFFFFFFFB);
    QTest::newRow("Int16 -2") << int(T::Int16) << s(-2) << varintField(10, 0xFFFFFFFE);
    QTest::newRow("Int32 min") << int(T::Int32) << s(-2147483648LL) << varintField(10, 0x80000000);
    QTest::newRow("UInt8 200") << int(T::UInt8) << u(200) << varintField(10, 200);
    QTest::newRow("UInt32 max") << int(T::UInt32) << u(0xFFFFFFFF) << varintField(10, 0xFFFFFFFF);
    // long_value = 11 (uint64): Int64 as 64-bit two's complement.
    QTest::newRow("Int64 -1") << int(T::Int64) << s(-1) << varintField(11, ~quint64(0));
    QTest::newRow("UInt64 max") << int(T::UInt64) << u(~quint64(0)) << varintField(11, ~quint64(0));
    QTest::newRow("DateTime") << int(T::DateTime) << u(1700000000123) << varintField(11, 1700000000123);
    // float_value = 12 (fixed32), double_value = 13 (fixed64), little-endian.
    QTest::newRow("Float 1.5") << int(T::Float) << QVariant::fromValue(1.5f)
                               << QByteArray(tag(12, 5) + QByteArray::fromHex("0000c03f"));
    QTest::newRow("Double 1.5") << int(T::Double) << QVariant::fromValue(1.5)
                                << QByteArray(tag(13, 1) + QByteArray::fromHex("000000000000f83f"));
    QTest::newRow("Boolean") << int(T::Boolean) << QVariant(true) << varintField(14, 1);
    QTest::newRow("String") << int(T::String) << QVariant(QString::fromUtf8("°C"))
                            << lengthDelimited(15,
                                               QByteArray("\xc2\xb0"
                                                          "C"));
    QTest::newRow("UUID") << int(T::UUID) << QVariant(QStringLiteral("id")) << lengthDelimited(15, "id");
    QTest::newRow("Bytes") << int(T::Bytes) << QVariant(QByteArray("\x00\xff", 2))
                           << lengthDelimited(16, QByteArray("\x00\xff", 2));
}

void TestSparkplugPayload::wireBytes()
{
    QFETCH(int, type);
    QFETCH(QVariant, value);
    QFETCH(QByteArray, valueField);

    // Metric: name = 1, alias = 2, timestamp = 3, datatype = 4, then the value.
    const QByteArray metricBytes = lengthDelimited(1, "m") + varintField(2, 9) + varintField(3, 1000)
        + varintField(4, quint64(type)) + valueField;
    // Payload: timestamp = 1, metrics = 2, seq = 3.
    const QByteArray bytes = varintField(1, 2000) + lengthDelimited(2, metricBytes) + varintField(3, 255);

    SparkplugMetric metric(QStringLiteral("m"), SparkplugDataType(type), value);
    metric.setAlias(9);
    metric.setTimestamp(1000);
    SparkplugPayload payload;
    payload.setTimestamp(2000);
    payload.setSeq(255);
    payload.addMetric(metric);
    QCOMPARE(payload.encode().toHex(), bytes.toHex());

    QString error;
    const std::optional<SparkplugPayload> decoded = SparkplugPayload::decode(bytes, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, payload);
}

void TestSparkplugPayload::integersReadLeniently_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("valueField");
    QTest::addColumn<QVariant>("expected");

    const auto s = [](qint64 v) { return QVariant::fromValue<qint64>(v); };
    const auto u = [](quint64 v) { return QVariant::fromValue<quint64>(v); };
    // Two's complement of the type's own width.
    QTest::newRow("Int8 0xFB") << int(T::Int8) << varintField(10, 0xFB) << s(-5);
    QTest::newRow("Int16 0xFFFE") << int(T::Int16) << varintField(10, 0xFFFE) << s(-2);
    // The other integer field: the npm sparkplug-payload package sends
    // UInt32 in long_value.
    QTest::newRow("UInt32 in long_value") << int(T::UInt32) << varintField(11, 4000000000u) << u(4000000000u);
    QTest::newRow("Int32 -5 in long_value, 64-bit") << int(T::Int32) << varintField(11, quint64(-5)) << s(-5);
    QTest::newRow("Int32 -5 in long_value, 32-bit") << int(T::Int32) << varintField(11, 0xFFFFFFFB) << s(-5);
    QTest::newRow("Int64 -5 in int_value") << int(T::Int64) << varintField(10, 0xFFFFFFFB) << s(-5);
    QTest::newRow("UInt64 in int_value") << int(T::UInt64) << varintField(10, 7) << u(7);
}

void TestSparkplugPayload::integersReadLeniently()
{
    QFETCH(int, type);
    QFETCH(QByteArray, valueField);
    QFETCH(QVariant, expected);
    const SparkplugMetric metric = decodeOne(payloadWithMetric(varintField(4, quint64(type)) + valueField));
    QVERIFY2(metric.isSupported(), qPrintable(metric.unsupportedReason()));
    QVERIFY2(sameSparkplugValue(metric.value(), expected), qPrintable(describeSparkplugValue(metric.value())));
}

void TestSparkplugPayload::valuesThatDoNotFitAreUnsupported_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("valueField");
    QTest::addColumn<QString>("reason");

    QTest::newRow("Int8 300") << int(T::Int8) << varintField(10, 300)
                              << QStringLiteral("Int8 value 300 is out of range");
    QTest::newRow("UInt8 256") << int(T::UInt8) << varintField(10, 256)
                               << QStringLiteral("UInt8 value 256 is out of range");
    QTest::newRow("UInt32 2^32") << int(T::UInt32) << varintField(11, 0x100000000)
                                 << QStringLiteral("UInt32 value 4294967296 is out of range");
    QTest::newRow("Int32 in long_value, too big")
        << int(T::Int32) << varintField(11, 0x1FFFFFFFF) << QStringLiteral("Int32 value 8589934591 is out of range");
    QTest::newRow("Float as a string") << int(T::Float) << lengthDelimited(15, "1.5")
                                       << QStringLiteral("Float value sent in string_value");
    QTest::newRow("Boolean as an int") << int(T::Boolean) << varintField(10, 1)
                                       << QStringLiteral("Boolean value sent in int_value");
    QTest::newRow("String as bytes") << int(T::String) << lengthDelimited(16, "x")
                                     << QStringLiteral("String value sent in bytes_value");
    QTest::newRow("code 99") << 99 << varintField(10, 1) << QStringLiteral("unknown datatype 99");
    QTest::newRow("PropertySet as a metric")
        << int(T::PropertySet) << QByteArray() << QStringLiteral("PropertySet values are not supported");
}

void TestSparkplugPayload::valuesThatDoNotFitAreUnsupported()
{
    QFETCH(int, type);
    QFETCH(QByteArray, valueField);
    QFETCH(QString, reason);
    const SparkplugMetric metric
        = decodeOne(payloadWithMetric(lengthDelimited(1, "odd") + varintField(4, quint64(type)) + valueField));
    QVERIFY(!metric.isSupported());
    QCOMPARE(metric.unsupportedReason(), reason);
    QCOMPARE(metric.name(), QStringLiteral("odd"));
    QCOMPARE(sparkplugDataTypeCode(metric.dataType()), quint32(type));
    QVERIFY(!metric.value().isValid());
}

void TestSparkplugPayload::nullMetrics()
{
    SparkplugPayload payload;
    for (const SparkplugScalarCase &c : sparkplugScalarCases()) {
        SparkplugMetric metric(c.label, c.type, c.value);
        metric.setNull(true);
        QVERIFY(!metric.value().isValid());
        payload.addMetric(metric);
    }
    const SparkplugPayload decoded = roundTrip(payload);
    QCOMPARE(decoded.metrics().size(), payload.metrics().size());
    for (const SparkplugMetric &metric : decoded.metrics()) {
        QVERIFY2(metric.isNull(), qPrintable(metric.name()));
        QVERIFY(metric.isSupported());
        QVERIFY(!metric.value().isValid());
    }
    QCOMPARE(decoded, payload);

    // is_null = 7 wins over a value sent alongside it.
    const SparkplugMetric both
        = decodeOne(payloadWithMetric(varintField(4, 3) + varintField(7, 1) + varintField(10, 5)));
    QVERIFY(both.isNull());
    QVERIFY(!both.value().isValid());
    // A null metric is sent with is_null and no value.
    SparkplugMetric null(QStringLiteral("n"), T::Int32, QVariant::fromValue<qint64>(5));
    null.setNull(true);
    SparkplugPayload one;
    one.addMetric(null);
    QCOMPARE(one.encode().toHex(),
             payloadWithMetric(lengthDelimited(1, "n") + varintField(4, 3) + varintField(7, 1)).toHex());
}

void TestSparkplugPayload::aliasOnlyMetricTakesItsDataTypeLater()
{
    // A DATA message as the specification asks: alias, timestamp and value,
    // no name and no datatype.
    const SparkplugMetric metric
        = decodeOne(payloadWithMetric(varintField(2, 42) + varintField(3, 1000) + varintField(10, 0xFFFFFFFE)));
    QVERIFY(metric.name().isEmpty());
    QCOMPARE(metric.alias(), std::optional<quint64>(42));
    QCOMPARE(metric.dataType(), T::Unknown);
    QVERIFY(metric.isSupported());
    QVERIFY(sameSparkplugValue(metric.value(), QVariant::fromValue<quint32>(0xFFFFFFFE)));

    // Re-encoded unchanged: no name, no datatype, the same field.
    SparkplugPayload again;
    again.addMetric(metric);
    QCOMPARE(again.encode().toHex(),
             payloadWithMetric(varintField(2, 42) + varintField(3, 1000) + varintField(10, 0xFFFFFFFE)).toHex());

    QString error;
    SparkplugMetric asString = metric;
    QVERIFY(!asString.applyDataType(T::String, &error));
    QCOMPARE(error, QStringLiteral("String value sent in int_value"));
    QCOMPARE(asString, metric);

    SparkplugMetric asInt16 = metric;
    QVERIFY(asInt16.applyDataType(T::Int16, &error));
    QCOMPARE(asInt16.dataType(), T::Int16);
    QVERIFY(sameSparkplugValue(asInt16.value(), QVariant::fromValue<qint64>(-2)));
    QVERIFY(asInt16.applyDataType(T::Int16));
    QVERIFY(!asInt16.applyDataType(T::Int32, &error));
    QCOMPARE(error, QStringLiteral("metric already has datatype Int16"));

    SparkplugMetric asUInt32 = metric;
    QVERIFY(asUInt32.applyDataType(T::UInt32));
    QVERIFY(sameSparkplugValue(asUInt32.value(), QVariant::fromValue<quint64>(0xFFFFFFFE)));

    SparkplugMetric asUInt8 = metric;
    QVERIFY(!asUInt8.applyDataType(T::UInt8, &error));
    QCOMPARE(error, QStringLiteral("UInt8 value 4294967294 is out of range"));

    // A long_value stays a quint64 until typed.
    const SparkplugMetric wide = decodeOne(payloadWithMetric(varintField(2, 1) + varintField(11, quint64(-3))));
    QVERIFY(sameSparkplugValue(wide.value(), QVariant::fromValue<quint64>(quint64(-3))));
    SparkplugMetric asInt64 = wide;
    QVERIFY(asInt64.applyDataType(T::Int64));
    QVERIFY(sameSparkplugValue(asInt64.value(), QVariant::fromValue<qint64>(-3)));
}

void TestSparkplugPayload::dataSetAndTemplateAreUnsupportedNotFatal()
{
    // DataSet = 17: two columns, one row.
    const QByteArray row = lengthDelimited(1, varintField(1, 5)) + lengthDelimited(1, lengthDelimited(6, "x"));
    const QByteArray dataSet = varintField(1, 2) + lengthDelimited(2, "a") + lengthDelimited(2, "b") + varintField(3, 3)
        + varintField(3, 12) + lengthDelimited(4, row);
    // Template = 18: an instance of "Motor" with one member.
    const QByteArray member = lengthDelimited(1, "rpm") + varintField(4, 3) + varintField(10, 1500);
    const QByteArray instance = lengthDelimited(2, member) + lengthDelimited(4, "Motor") + varintField(5, 0);

    const QByteArray bytes = payloadWithMetric(lengthDelimited(1, "before") + varintField(4, 11) + varintField(14, 1))
        + payloadWithMetric(lengthDelimited(1, "table") + varintField(2, 5) + varintField(4, 16)
                            + lengthDelimited(17, dataSet))
        + payloadWithMetric(lengthDelimited(1, "motor") + varintField(2, 6) + varintField(4, 19)
                            + lengthDelimited(18, instance))
        + payloadWithMetric(varintField(2, 7) + lengthDelimited(17, dataSet))
        + payloadWithMetric(lengthDelimited(1, "after") + varintField(4, 12) + lengthDelimited(15, "ok"));

    QString error;
    const std::optional<SparkplugPayload> payload = SparkplugPayload::decode(bytes, &error);
    QVERIFY2(payload, qPrintable(error));
    const QList<SparkplugMetric> &metrics = payload->metrics();
    QCOMPARE(metrics.size(), 5);
    QVERIFY(metrics.at(0).isSupported());
    QCOMPARE(metrics.at(0).value(), QVariant(true));

    QCOMPARE(metrics.at(1).name(), QStringLiteral("table"));
    QCOMPARE(metrics.at(1).alias(), std::optional<quint64>(5));
    QCOMPARE(metrics.at(1).dataType(), T::DataSet);
    QVERIFY(!metrics.at(1).isSupported());
    QCOMPARE(metrics.at(1).unsupportedReason(), QStringLiteral("DataSet values are not supported"));

    QCOMPARE(metrics.at(2).name(), QStringLiteral("motor"));
    QCOMPARE(metrics.at(2).dataType(), T::Template);
    QCOMPARE(metrics.at(2).unsupportedReason(), QStringLiteral("Template values are not supported"));

    // Without a datatype the value's field says what it is.
    QCOMPARE(metrics.at(3).alias(), std::optional<quint64>(7));
    QCOMPARE(metrics.at(3).unsupportedReason(), QStringLiteral("DataSet values are not supported"));

    QCOMPARE(metrics.at(4).value(), QVariant(QStringLiteral("ok")));

    // Encoding an unsupported metric keeps all but the value.
    SparkplugPayload one;
    one.addMetric(metrics.at(1));
    QCOMPARE(one.encode().toHex(),
             payloadWithMetric(lengthDelimited(1, "table") + varintField(2, 5) + varintField(4, 16)).toHex());
}

void TestSparkplugPayload::propertiesRoundTrip()
{
    SparkplugMetric metric(QStringLiteral("Tank/Level"), T::Double, QVariant::fromValue(71.5));
    metric.insertProperty(QStringLiteral("engUnit"), {T::String, QStringLiteral("%"), false});
    metric.insertProperty(QStringLiteral("engLow"), {T::Double, QVariant::fromValue(0.0), false});
    metric.insertProperty(QStringLiteral("engHigh"), {T::Double, QVariant::fromValue(100.0), false});
    metric.insertProperty(QStringLiteral("Quality"), {T::Int32, QVariant::fromValue<qint64>(192), false});
    metric.insertProperty(QStringLiteral("offset"), {T::Int16, QVariant::fromValue<qint64>(-3), false});
    metric.insertProperty(QStringLiteral("readOnly"), {T::Boolean, QVariant(true), false});
    metric.insertProperty(QStringLiteral("comment"), {T::String, QVariant(), true});
    SparkplugPayload payload;
    payload.addMetric(metric);

    const SparkplugPayload decoded = roundTrip(payload);
    QCOMPARE(decoded, payload);
    const SparkplugMetric &back = decoded.metrics().constFirst();
    QCOMPARE(back.propertyValue(QStringLiteral("engUnit")), QVariant(QStringLiteral("%")));
    QCOMPARE(back.propertyValue(QStringLiteral("engHigh")), QVariant::fromValue(100.0));
    QCOMPARE(back.propertyValue(QStringLiteral("offset")), QVariant::fromValue<qint64>(-3));
    QVERIFY(back.properties().value(QStringLiteral("comment")).isNull);
    QVERIFY(!back.propertyValue(QStringLiteral("missing")).isValid());

    // PropertySet = 9 in the metric: keys = 1, values = 2; PropertyValue:
    // type = 1, is_null = 2, int_value = 3 ... string_value = 8.
    const QByteArray set = lengthDelimited(1, "Quality") + lengthDelimited(2, varintField(1, 3) + varintField(3, 192));
    const SparkplugMetric quality = decodeOne(payloadWithMetric(lengthDelimited(9, set)));
    QCOMPARE(quality.properties().value(QStringLiteral("Quality")),
             (SparkplugProperty {T::Int32, QVariant::fromValue<qint64>(192), false}));
}

void TestSparkplugPayload::nestedPropertySetsAreReadPast()
{
    const QByteArray inner = lengthDelimited(1, "k") + lengthDelimited(2, varintField(1, 12) + lengthDelimited(8, "v"));
    const QByteArray set = lengthDelimited(1, "nested") + lengthDelimited(1, "unit") + lengthDelimited(1, "extraKey")
        + lengthDelimited(2, varintField(1, 20) + lengthDelimited(9, inner))
        + lengthDelimited(2, varintField(1, 12) + lengthDelimited(8, "bar"));
    const SparkplugMetric metric
        = decodeOne(payloadWithMetric(lengthDelimited(9, set) + varintField(4, 9) + tag(12, 5) + QByteArray(4, 0)));
    QVERIFY(metric.isSupported());
    const QMap<QString, SparkplugProperty> properties = metric.properties();
    // "extraKey" has no value: the pairs the payload has are kept.
    QCOMPARE(properties.size(), 2);
    QCOMPARE(properties.value(QStringLiteral("nested")).type, T::PropertySet);
    QVERIFY(!properties.value(QStringLiteral("nested")).value.isValid());
    QCOMPARE(properties.value(QStringLiteral("unit")).value, QVariant(QStringLiteral("bar")));
}

void TestSparkplugPayload::arraysKeepTheirPackedBytes()
{
    // The specification's Int32Array example: [-1, 315338746].
    const QByteArray packed = QByteArray::fromHex("fffffffffaafcb12");
    SparkplugPayload payload;
    payload.addMetric(SparkplugMetric(QStringLiteral("a"), T::Int32Array, packed));
    payload.addMetric(SparkplugMetric(QStringLiteral("s"), T::StringArray, QByteArray("ABC\0hello\0", 10)));
    QCOMPARE(payload.encode().toHex(),
             QByteArray(payloadWithMetric(lengthDelimited(1, "a") + varintField(4, 24) + lengthDelimited(16, packed))
                        + payloadWithMetric(lengthDelimited(1, "s") + varintField(4, 33)
                                            + lengthDelimited(16, QByteArray("ABC\0hello\0", 10))))
                 .toHex());
    QCOMPARE(roundTrip(payload), payload);
}

void TestSparkplugPayload::invalidUtf8IsReplacedNotFatal()
{
    const SparkplugMetric metric = decodeOne(payloadWithMetric(
        lengthDelimited(1, QByteArray("T\xff", 2)) + varintField(4, 12) + lengthDelimited(15, QByteArray("a\xc3", 2))));
    QVERIFY(metric.isSupported());
    QCOMPARE(metric.name(), QStringLiteral("T\uFFFD"));
    QCOMPARE(metric.value(), QVariant(QStringLiteral("a\uFFFD")));
}

void TestSparkplugPayload::payloadFields()
{
    SparkplugPayload payload;
    payload.setTimestamp(std::numeric_limits<quint64>::max());
    payload.setSeq(300); // outside 0..255: kept, the caller's to judge
    payload.setUuid(QStringLiteral("a-schema"));
    payload.setBody(QByteArray("\x01\x02", 2));
    QCOMPARE(payload.encode().toHex(),
             QByteArray(varintField(1, ~quint64(0)) + varintField(3, 300) + lengthDelimited(4, "a-schema")
                        + lengthDelimited(5, QByteArray("\x01\x02", 2)))
                 .toHex());
    QCOMPARE(roundTrip(payload), payload);

    SparkplugPayload zero;
    zero.setSeq(0);
    QCOMPARE(roundTrip(zero).seq(), std::optional<quint64>(0));
    QCOMPARE(roundTrip(zero).timestamp(), std::nullopt);

    SparkplugMetric flags(QStringLiteral("f"), T::Boolean, false);
    flags.setHistorical(true);
    flags.setTransient(true);
    SparkplugPayload withFlags;
    withFlags.addMetric(flags);
    QCOMPARE(withFlags.encode().toHex(),
             payloadWithMetric(lengthDelimited(1, "f") + varintField(4, 11) + varintField(5, 1) + varintField(6, 1)
                               + varintField(14, 0))
                 .toHex());
    QCOMPARE(roundTrip(withFlags), withFlags);
}

void TestSparkplugPayload::emptyPayload()
{
    QCOMPARE(SparkplugPayload().encode(), QByteArray());
    QString error;
    const std::optional<SparkplugPayload> empty = SparkplugPayload::decode(QByteArray(), &error);
    QVERIFY(empty);
    QCOMPARE(*empty, SparkplugPayload());
}

void TestSparkplugPayload::malformedBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray metric = lengthDelimited(1, "name") + varintField(4, 3) + varintField(10, 1);
    QTest::newRow("text") << QByteArray("{\"timestamp\": 1}");
    QTest::newRow("field 0") << QByteArray("\x00\x01", 2);
    QTest::newRow("wire type 7") << QByteArray("\x0f\x01", 2);
    QTest::newRow("varint never ends") << QByteArray(11, '\xff');
    QTest::newRow("timestamp cut") << QByteArray("\x08\x80", 2);
    QTest::newRow("metric longer than the bytes") << QByteArray(tag(2, 2) + varint(100) + metric);
    QTest::newRow("name longer than the metric") << lengthDelimited(2, tag(1, 2) + varint(50) + "abc");
    QTest::newRow("float cut") << payloadWithMetric(tag(12, 5) + QByteArray(2, 0));
    QTest::newRow("end group without start") << QByteArray("\x0c", 1);
    // Templates nest metrics; far deeper than any plant, and than protobuf's
    // recursion limit.
    QByteArray deep = varintField(4, 19);
    for (int i = 0; i < 200; ++i)
        deep = lengthDelimited(18, lengthDelimited(2, deep));
    QTest::newRow("nested 200 deep") << payloadWithMetric(deep);
}

void TestSparkplugPayload::malformedBytes()
{
    QFETCH(QByteArray, bytes);
    QString error;
    QCOMPARE(SparkplugPayload::decode(bytes, &error), std::nullopt);
    QVERIFY(error.startsWith(QStringLiteral("not a Sparkplug B payload")));
    QVERIFY(error.contains(QString::number(bytes.size())));
    // No error text asked for: still no crash.
    QCOMPARE(SparkplugPayload::decode(bytes), std::nullopt);
}

void TestSparkplugPayload::everyTruncationDecodesOrFails()
{
    SparkplugPayload payload;
    payload.setTimestamp(1700000000000);
    payload.setSeq(1);
    for (const SparkplugScalarCase &c : sparkplugScalarCases())
        payload.addMetric(SparkplugMetric(c.label, c.type, c.value));
    const QByteArray bytes = payload.encode();
    int failures = 0;
    for (qsizetype size = 0; size < bytes.size(); ++size) {
        QString error;
        const std::optional<SparkplugPayload> decoded = SparkplugPayload::decode(bytes.first(size), &error);
        if (!decoded) {
            QVERIFY(!error.isEmpty());
            ++failures;
        } else {
            // A cut between two fields is a valid, shorter payload.
            QVERIFY(decoded->metrics().size() <= payload.metrics().size());
        }
    }
    // Most cuts fall inside a field.
    QVERIFY2(failures > bytes.size() / 2, qPrintable(QString::number(failures)));
    // A cut inside the first metric's name fails.
    QVERIFY(!SparkplugPayload::decode(bytes.first(bytes.indexOf("Int8 min") + 3)));
}

void TestSparkplugPayload::randomBytesNeverCrash()
{
    QRandomGenerator random(20240611);
    int failures = 0;
    for (int i = 0; i < 2000; ++i) {
        QByteArray bytes(qsizetype(random.bounded(1, 200)), Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(random.bounded(256));
        QString error;
        const std::optional<SparkplugPayload> decoded = SparkplugPayload::decode(bytes, &error);
        if (!decoded) {
            QVERIFY(!error.isEmpty());
            ++failures;
            continue;
        }
        // Whatever parsed must encode to bytes that decode again.
        QVERIFY(SparkplugPayload::decode(decoded->encode()));
    }
    QVERIFY2(failures > 1000, qPrintable(QString::number(failures)));
}

QTEST_APPLESS_MAIN(TestSparkplugPayload)
#include "tst_sparkplugpayload.moc"
