#include "sparkplugcases.h"
#include "sparkplugmetric.h"
#include "sparkplugpayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using T = SparkplugDataType;

namespace {

const QString nodePath = QStringLiteral(WATCHFLOOR_NODE_PATH);
const QString interopDir = QStringLiteral(WATCHFLOOR_INTEROP_DIR);

// Runs tests/interop/sparkplug-payload.js in `mode` with `input` on stdin
// and returns its stdout; an empty array and `why` when it did not succeed.
QByteArray runPeer(const QString &mode, const QByteArray &input, QString *why)
{
    QProcess node;
    node.setWorkingDirectory(interopDir);
    node.start(nodePath, {QStringLiteral("sparkplug-payload.js"), mode});
    if (!node.waitForStarted(10000)) {
        *why = QStringLiteral("could not start node (%1): %2").arg(nodePath, node.errorString());
        return {};
    }
    node.write(input);
    node.closeWriteChannel();
    if (!node.waitForFinished(30000)) {
        node.kill();
        node.waitForFinished(3000);
        *why = QStringLiteral("sparkplug-payload.js %1 did not finish within 30 s").arg(mode);
        return {};
    }
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        *why = QStringLiteral("sparkplug-payload.js %1 failed: %2")
                   .arg(mode, QString::fromUtf8(node.readAllStandardError()));
        return {};
    }
    return node.readAllStandardOutput().trimmed();
}

// The npm package encodes the description; the C++ codec decodes it.
std::optional<SparkplugPayload> encodedByNode(const QJsonObject &description, QString *why)
{
    const QByteArray base64 = runPeer(QStringLiteral("encode"), QJsonDocument(description).toJson(), why);
    if (base64.isEmpty())
        return std::nullopt;
    return SparkplugPayload::decode(QByteArray::fromBase64(base64), why);
}

// The C++ codec encodes the payload; the npm package decodes it.
QJsonObject decodedByNode(const SparkplugPayload &payload, QString *why)
{
    const QByteArray json = runPeer(QStringLiteral("decode"), payload.encode().toBase64(), why);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!json.isEmpty() && !document.isObject())
        *why = QStringLiteral("not JSON: ") + parseError.errorString();
    return document.object();
}

QJsonObject nodeMetric(const SparkplugScalarCase &c)
{
    return {{QStringLiteral("name"), c.label},
            {QStringLiteral("type"), sparkplugDataTypeName(c.type)},
            {QStringLiteral("value"), c.json}};
}

// The `value` the npm decoder reports equals the case's, in the notation of
// sparkplug-payload.js.
bool sameJson(const QJsonValue &actual, const QJsonValue &expected, T type)
{
    // Float: the npm decoder gives the float widened to a double.
    if (type == T::Float && expected.isDouble())
        return actual.isDouble() && float(actual.toDouble()) == float(expected.toDouble());
    return actual == expected;
}

} // namespace

// The C++ Sparkplug B codec against the npm sparkplug-payload package (the
// codec of the npm sparkplug-client edge node), in both directions. The
// package's behaviour where it departs from the specification is pinned
// here too, so that a change on either side shows.
class TestSparkplugInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalarsFromNode();
    void scalarsToNode();
    void aliasesTimestampsAndFlags();
    void nullValues();
    void properties();
    void dataSetAndTemplateFromNodeAreUnsupported();
};

void TestSparkplugInterop::scalarsFromNode()
{
    const QList<SparkplugScalarCase> cases = sparkplugScalarCases();
    QJsonArray metrics;
    for (const SparkplugScalarCase &c : cases)
        metrics.append(nodeMetric(c));
    const QJsonObject description {{QStringLiteral("timestamp"), QStringLiteral("1700000000999")},
                                   {QStringLiteral("seq"), 255},
                                   {QStringLiteral("metrics"), metrics}};

    QString why;
    const std::optional<SparkplugPayload> payload = encodedByNode(description, &why);
    QVERIFY2(payload, qPrintable(why));
    QCOMPARE(payload->timestamp(), std::optional<quint64>(1700000000999));
    QCOMPARE(payload->seq(), std::optional<quint64>(255));
    QCOMPARE(payload->metrics().size(), cases.size());
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const SparkplugScalarCase &c = cases.at(i);
        const SparkplugMetric &metric = payload->metrics().at(i);
        QVERIFY2(metric.isSupported(), qPrintable(c.label + u": " + metric.unsupportedReason()));
        QCOMPARE(metric.name(), c.label);
        QCOMPARE(metric.dataType(), c.type);
        QVERIFY(!metric.isNull());
        QVERIFY2(sameSparkplugValue(metric.value(), c.value),
                 qPrintable(c.label + u": " + describeSparkplugValue(metric.value())));
    }
}

void TestSparkplugInterop::scalarsToNode()
{
    const QList<SparkplugScalarCase> cases = sparkplugScalarCases();
    SparkplugPayload payload;
    payload.setTimestamp(1700000000999);
    payload.setSeq(0);
    for (const SparkplugScalarCase &c : cases)
        payload.addMetric(SparkplugMetric(c.label, c.type, c.value));

    QString why;
    const QJsonObject decoded = decodedByNode(payload, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonObject node = decoded.value(QStringLiteral("payload")).toObject();
    QCOMPARE(node.value(QStringLiteral("timestamp")), QJsonValue(QStringLiteral("1700000000999")));
    QCOMPARE(node.value(QStringLiteral("seq")), QJsonValue(QStringLiteral("0")));
    const QJsonArray metrics = node.value(QStringLiteral("metrics")).toArray();
    const QJsonArray wire = decoded.value(QStringLiteral("wire")).toArray();
    QCOMPARE(metrics.size(), cases.size());
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const SparkplugScalarCase &c = cases.at(i);
        const QJsonObject metric = metrics.at(i).toObject();
        QCOMPARE(metric.value(QStringLiteral("name")).toString(), c.label);
        QCOMPARE(metric.value(QStringLiteral("type")).toString(), sparkplugDataTypeName(c.type));
        const QJsonValue value = metric.value(QStringLiteral("value"));
        if (c.type == T::UInt32) {
            // The specification puts UInt32 in int_value (uint32), and so
            // does the C++ codec; sparkplug-payload 1.0.3 reads UInt32 from
            // long_value only, and so finds no value.
            const QJsonObject field = wire.at(i).toObject();
            QCOMPARE(field.value(QStringLiteral("field")).toString(), QStringLiteral("intValue"));
            QCOMPARE(field.value(QStringLiteral("integer")).toString(), c.value.toString());
            QVERIFY2(value.isNull(), qPrintable(c.label));
            continue;
        }
        QVERIFY2(sameJson(value, c.json, c.type),
                 qPrintable(c.label + u": " + QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson())));
    }
}

void TestSparkplugInterop::aliasesTimestampsAndFlags()
{
    // From node: a birth with name and alias, data with the alias alone.
    const QJsonObject description {{QStringLiteral("timestamp"), QStringLiteral("1700000001000")},
                                   {QStringLiteral("seq"), 17},
                                   {QStringLiteral("metrics"),
                                    QJsonArray {
                                        QJsonObject {{QStringLiteral("name"), QStringLiteral("Line/Speed")},
                                                     {QStringLiteral("alias"), QStringLiteral("18446744073709551615")},
                                                     {QStringLiteral("timestamp"), QStringLiteral("1700000000500")},
                                                     {QStringLiteral("type"), QStringLiteral("Int32")},
                                                     {QStringLiteral("value"), -40},
                                                     {QStringLiteral("isHistorical"), true},
                                                     {QStringLiteral("isTransient"), true}},
                                        QJsonObject {{QStringLiteral("alias"), 3},
                                                     {QStringLiteral("timestamp"), QStringLiteral("1")},
                                                     {QStringLiteral("type"), QStringLiteral("Double")},
                                                     {QStringLiteral("value"), 2.5}},
                                    }}};
    QString why;
    const std::optional<SparkplugPayload> fromNode = encodedByNode(description, &why);
    QVERIFY2(fromNode, qPrintable(why));
    QCOMPARE(fromNode->seq(), std::optional<quint64>(17));
    QCOMPARE(fromNode->metrics().size(), 2);
    const SparkplugMetric &birth = fromNode->metrics().at(0);
    QCOMPARE(birth.name(), QStringLiteral("Line/Speed"));
    QCOMPARE(birth.alias(), std::optional<quint64>(std::numeric_limits<quint64>::max()));
    QCOMPARE(birth.timestamp(), std::optional<quint64>(1700000000500));
    QVERIFY(birth.isHistorical());
    QVERIFY(birth.isTransient());
    QCOMPARE(birth.value(), QVariant::fromValue<qint64>(-40));
    const SparkplugMetric &data = fromNode->metrics().at(1);
    QVERIFY(data.name().isEmpty());
    QCOMPARE(data.alias(), std::optional<quint64>(3));
    QCOMPARE(data.timestamp(), std::optional<quint64>(1));
    QVERIFY(!data.isHistorical());
    QCOMPARE(data.value(), QVariant::fromValue(2.5));

    // To node: the same shapes.
    SparkplugPayload payload;
    payload.setSeq(18);
    SparkplugMetric named(QStringLiteral("Line/Speed"), T::Int16, QVariant::fromValue<qint64>(-300));
    named.setAlias(std::numeric_limits<quint64>::max());
    named.setTimestamp(std::numeric_limits<quint64>::max());
    named.setHistorical(true);
    payload.addMetric(named);
    SparkplugMetric aliasOnly(QString(), T::UInt16, QVariant::fromValue<quint64>(65535));
    aliasOnly.setAlias(3);
    aliasOnly.setTransient(true);
    payload.addMetric(aliasOnly);

    const QJsonObject decoded = decodedByNode(payload, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonObject node = decoded.value(QStringLiteral("payload")).toObject();
    QCOMPARE(node.value(QStringLiteral("seq")), QJsonValue(QStringLiteral("18")));
    QVERIFY(!node.contains(QStringLiteral("timestamp")));
    const QJsonArray metrics = node.value(QStringLiteral("metrics")).toArray();
    QCOMPARE(metrics.size(), 2);
    const QJsonObject first = metrics.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("alias")), QJsonValue(QStringLiteral("18446744073709551615")));
    QCOMPARE(first.value(QStringLiteral("timestamp")), QJsonValue(QStringLiteral("18446744073709551615")));
    QCOMPARE(first.value(QStringLiteral("value")), QJsonValue(-300));
    QCOMPARE(first.value(QStringLiteral("isHistorical")), QJsonValue(true));
    QVERIFY(!first.contains(QStringLiteral("isTransient")));
    const QJsonObject second = metrics.at(1).toObject();
    QVERIFY(!second.contains(QStringLiteral("name")));
    QCOMPARE(second.value(QStringLiteral("alias")), QJsonValue(QStringLiteral("3")));
    QCOMPARE(second.value(QStringLiteral("type")), QJsonValue(QStringLiteral("UInt16")));
    QCOMPARE(second.value(QStringLiteral("value")), QJsonValue(65535));
    QCOMPARE(second.value(QStringLiteral("isTransient")), QJsonValue(true));
}

void TestSparkplugInterop::nullValues()
{
    const QList<T> types
        = {T::Int8, T::Int64, T::UInt32, T::UInt64, T::Float, T::Double, T::Boolean, T::String, T::DateTime, T::Bytes};
    QJsonArray metrics;
    SparkplugPayload payload;
    for (T type : types) {
        metrics.append(QJsonObject {{QStringLiteral("name"), sparkplugDataTypeName(type)},
                                    {QStringLiteral("type"), sparkplugDataTypeName(type)},
                                    {QStringLiteral("value"), QJsonValue::Null}});
        SparkplugMetric metric(sparkplugDataTypeName(type), type, QVariant());
        metric.setNull(true);
        payload.addMetric(metric);
    }

    QString why;
    const std::optional<SparkplugPayload> fromNode
        = encodedByNode(QJsonObject {{QStringLiteral("metrics"), metrics}}, &why);
    QVERIFY2(fromNode, qPrintable(why));
    QCOMPARE(fromNode->metrics().size(), types.size());
    for (const SparkplugMetric &metric : fromNode->metrics()) {
        QVERIFY2(metric.isNull(), qPrintable(metric.name()));
        QVERIFY(metric.isSupported());
        QVERIFY(!metric.value().isValid());
        QCOMPARE(sparkplugDataTypeName(metric.dataType()), metric.name());
    }

    const QJsonObject decoded = decodedByNode(payload, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonArray toNode
        = decoded.value(QStringLiteral("payload")).toObject().value(QStringLiteral("metrics")).toArray();
    const QJsonArray wire = decoded.value(QStringLiteral("wire")).toArray();
    QCOMPARE(toNode.size(), types.size());
    for (qsizetype i = 0; i < toNode.size(); ++i) {
        const QJsonObject metric = toNode.at(i).toObject();
        QVERIFY2(metric.contains(QStringLiteral("value")) && metric.value(QStringLiteral("value")).isNull(),
                 qPrintable(metric.value(QStringLiteral("name")).toString()));
        // Null means no value on the wire, not a zero.
        QVERIFY(wire.at(i).toObject().value(QStringLiteral("field")).isNull());
    }
}

void TestSparkplugInterop::properties()
{
    const QJsonObject description {
        {QStringLiteral("metrics"),
         QJsonArray {QJsonObject {
             {QStringLiteral("name"), QStringLiteral("Tank/Level")},
             {QStringLiteral("type"), QStringLiteral("Float")},
             {QStringLiteral("value"), 71.5},
             {QStringLiteral("properties"),
              QJsonObject {
                  {QStringLiteral("engUnit"),
                   QJsonObject {{QStringLiteral("type"), QStringLiteral("String")},
                                {QStringLiteral("value"), QStringLiteral("%")}}},
                  {QStringLiteral("engLow"),
                   QJsonObject {{QStringLiteral("type"), QStringLiteral("Double")}, {QStringLiteral("value"), 0}}},
                  {QStringLiteral("engHigh"),
                   QJsonObject {{QStringLiteral("type"), QStringLiteral("Double")}, {QStringLiteral("value"), 100}}},
                  {QStringLiteral("Quality"),
                   QJsonObject {{QStringLiteral("type"), QStringLiteral("Int32")}, {QStringLiteral("value"), 192}}},
                  {QStringLiteral("offset"),
                   QJsonObject {{QStringLiteral("type"), QStringLiteral("Int8")}, {QStringLiteral("value"), -3}}},
              }}}}}};
    QString why;
    const std::optional<SparkplugPayload> fromNode = encodedByNode(description, &why);
    QVERIFY2(fromNode, qPrintable(why));
    const SparkplugMetric &metric = fromNode->metrics().constFirst();
    QCOMPARE(metric.value(), QVariant::fromValue(71.5f));
    const QMap<QString, SparkplugProperty> properties = metric.properties();
    QCOMPARE(properties.size(), 5);
    QCOMPARE(properties.value(QStringLiteral("engUnit")), (SparkplugProperty {T::String, QStringLiteral("%"), false}));
    QCOMPARE(properties.value(QStringLiteral("engLow")), (SparkplugProperty {T::Double, 0.0, false}));
    QCOMPARE(properties.value(QStringLiteral("engHigh")), (SparkplugProperty {T::Double, 100.0, false}));
    QCOMPARE(properties.value(QStringLiteral("Quality")),
             (SparkplugProperty {T::Int32, QVariant::fromValue<qint64>(192), false}));
    QCOMPARE(properties.value(QStringLiteral("offset")),
             (SparkplugProperty {T::Int8, QVariant::fromValue<qint64>(-3), false}));

    const QJsonObject decoded = decodedByNode(*fromNode, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonObject back = decoded.value(QStringLiteral("payload"))
                                 .toObject()
                                 .value(QStringLiteral("metrics"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("properties"))
                                 .toObject();
    QCOMPARE(back.value(QStringLiteral("engUnit")).toObject().value(QStringLiteral("value")),
             QJsonValue(QStringLiteral("%")));
    QCOMPARE(back.value(QStringLiteral("engHigh")).toObject().value(QStringLiteral("type")),
             QJsonValue(QStringLiteral("Double")));
    QCOMPARE(back.value(QStringLiteral("engHigh")).toObject().value(QStringLiteral("value")), QJsonValue(100));
    QCOMPARE(back.value(QStringLiteral("Quality")).toObject().value(QStringLiteral("value")), QJsonValue(192));
    QCOMPARE(back.value(QStringLiteral("offset")).toObject().value(QStringLiteral("value")), QJsonValue(-3));
}

void TestSparkplugInterop::dataSetAndTemplateFromNodeAreUnsupported()
{
    const QJsonObject dataSet {
        {QStringLiteral("numOfColumns"), 2},
        {QStringLiteral("columns"), QJsonArray {QStringLiteral("name"), QStringLiteral("level")}},
        {QStringLiteral("types"), QJsonArray {QStringLiteral("String"), QStringLiteral("Double")}},
        {QStringLiteral("rows"), QJsonArray {QJsonArray {QStringLiteral("T1"), 1.5}}}};
    const QJsonObject instance {{QStringLiteral("isDefinition"), false},
                                {QStringLiteral("templateRef"), QStringLiteral("Motor")},
                                {QStringLiteral("metrics"),
                                 QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("rpm")},
                                                          {QStringLiteral("type"), QStringLiteral("Int32")},
                                                          {QStringLiteral("value"), 1500}}}}};
    const QJsonObject description {{QStringLiteral("seq"), 4},
                                   {QStringLiteral("metrics"),
                                    QJsonArray {
                                        QJsonObject {{QStringLiteral("name"), QStringLiteral("before")},
                                                     {QStringLiteral("type"), QStringLiteral("Boolean")},
                                                     {QStringLiteral("value"), true}},
                                        QJsonObject {{QStringLiteral("name"), QStringLiteral("Tanks")},
                                                     {QStringLiteral("alias"), 10},
                                                     {QStringLiteral("type"), QStringLiteral("DataSet")},
                                                     {QStringLiteral("value"), dataSet}},
                                        QJsonObject {{QStringLiteral("name"), QStringLiteral("Motor 1")},
                                                     {QStringLiteral("alias"), 11},
                                                     {QStringLiteral("type"), QStringLiteral("Template")},
                                                     {QStringLiteral("value"), instance}},
                                        QJsonObject {{QStringLiteral("name"), QStringLiteral("after")},
                                                     {QStringLiteral("type"), QStringLiteral("UInt64")},
                                                     {QStringLiteral("value"), QStringLiteral("42")}},
                                    }}};
    QString why;
    const std::optional<SparkplugPayload> payload = encodedByNode(description, &why);
    QVERIFY2(payload, qPrintable(why));
    QCOMPARE(payload->seq(), std::optional<quint64>(4));
    const QList<SparkplugMetric> &metrics = payload->metrics();
    QCOMPARE(metrics.size(), 4);
    QCOMPARE(metrics.at(0).value(), QVariant(true));

    QCOMPARE(metrics.at(1).name(), QStringLiteral("Tanks"));
    QCOMPARE(metrics.at(1).alias(), std::optional<quint64>(10));
    QCOMPARE(metrics.at(1).dataType(), T::DataSet);
    QVERIFY(!metrics.at(1).isSupported());
    QCOMPARE(metrics.at(1).unsupportedReason(), QStringLiteral("DataSet values are not supported"));

    QCOMPARE(metrics.at(2).name(), QStringLiteral("Motor 1"));
    QCOMPARE(metrics.at(2).alias(), std::optional<quint64>(11));
    QCOMPARE(metrics.at(2).dataType(), T::Template);
    QVERIFY(!metrics.at(2).isSupported());
    QCOMPARE(metrics.at(2).unsupportedReason(), QStringLiteral("Template values are not supported"));

    QCOMPARE(metrics.at(3).value(), QVariant::fromValue<quint64>(42));
}

QTEST_MAIN(TestSparkplugInterop)
#include "tst_sparkpluginterop.moc"
