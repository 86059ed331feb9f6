#include "sparkplugtopic.h"

#include <QTest>

using Type = SparkplugTopic::MessageType;

// Sparkplug B topics (Sparkplug 3.0, "Topics"): parsing, formatting, and the
// topics a host must refuse.
class TestSparkplugTopic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidTopics_data();
    void parsesValidTopics();
    void rejectsMalformedTopics_data();
    void rejectsMalformedTopics();
    void makesTopics();
    void refusesToMakeInvalidTopics();
    void messageTypeNames();
};

void TestSparkplugTopic::parsesValidTopics_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("edge");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("host");

    const QString none;
    const auto s = [](const char *utf8) { return QString::fromUtf8(utf8); };
    const auto row = [](const char *topic) -> QTestData & { return QTest::newRow(topic) << QString::fromUtf8(topic); };
    row("spBv1.0/Plant1/NBIRTH/Edge1") << int(Type::NBirth) << s("Plant1") << s("Edge1") << none << none;
    row("spBv1.0/Plant1/NDEATH/Edge1") << int(Type::NDeath) << s("Plant1") << s("Edge1") << none << none;
    row("spBv1.0/Plant1/NDATA/Edge1") << int(Type::NData) << s("Plant1") << s("Edge1") << none << none;
    row("spBv1.0/Plant1/NCMD/Edge1") << int(Type::NCmd) << s("Plant1") << s("Edge1") << none << none;
    row("spBv1.0/Plant1/DBIRTH/Edge1/Pump-3") << int(Type::DBirth) << s("Plant1") << s("Edge1") << s("Pump-3") << none;
    row("spBv1.0/Plant1/DDEATH/Edge1/Pump-3") << int(Type::DDeath) << s("Plant1") << s("Edge1") << s("Pump-3") << none;
    row("spBv1.0/Plant1/DDATA/Edge1/Pump-3") << int(Type::DData) << s("Plant1") << s("Edge1") << s("Pump-3") << none;
    row("spBv1.0/Plant1/DCMD/Edge1/Pump-3") << int(Type::DCmd) << s("Plant1") << s("Edge1") << s("Pump-3") << none;
    row("spBv1.0/STATE/scada-host-1") << int(Type::State) << none << none << none << s("scada-host-1");
    // Any UTF-8 but the reserved characters; spaces and dots are allowed.
    row("spBv1.0/Usine Lyon/DDATA/Nœud.2/Capteur °C")
        << int(Type::DData) << s("Usine Lyon") << s("Nœud.2") << s("Capteur °C") << none;
    // "state" is not "STATE": ids are case-sensitive.
    row("spBv1.0/state/NDATA/e") << int(Type::NData) << s("state") << s("e") << none << none;
}

void TestSparkplugTopic::parsesValidTopics()
{
    QFETCH(QString, topic);
    QFETCH(int, type);
    QFETCH(QString, group);
    QFETCH(QString, edge);
    QFETCH(QString, device);
    QFETCH(QString, host);

    QString error;
    const std::optional<SparkplugTopic> parsed = SparkplugTopic::parse(topic, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(int(parsed->messageType()), type);
    QCOMPARE(parsed->groupId(), group);
    QCOMPARE(parsed->edgeNodeId(), edge);
    QCOMPARE(parsed->deviceId(), device);
    QCOMPARE(parsed->hostId(), host);
    QCOMPARE(SparkplugTopic::isDeviceType(parsed->messageType()), !device.isEmpty());
    QCOMPARE(parsed->toString(), topic);
}

void TestSparkplugTopic::rejectsMalformedTopics_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("reason");

    const auto row = [](const char *topic, const char *reason) {
        QTest::newRow(topic) << QString::fromUtf8(topic) << QString::fromUtf8(reason);
    };
    row("", "the namespace is not spBv1.0");
    row("spAv1.0/G/NDATA/E", "the namespace is not spBv1.0");
    row("spbv1.0/G/NDATA/E", "the namespace is not spBv1.0");
    row("/spBv1.0/G/NDATA/E", "the namespace is not spBv1.0");
    row("STATE/host", "the namespace is not spBv1.0"); // Sparkplug 2.x
    row("spBv1.0", "a Sparkplug topic has 4 or 5 elements, not 1");
    row("spBv1.0/G/NDATA", "a Sparkplug topic has 4 or 5 elements, not 3");
    row("spBv1.0/G/DDATA/E/D/extra", "a Sparkplug topic has 4 or 5 elements, not 6");
    row("spBv1.0/G/NDATA/E/", "a NDATA topic has no device id");
    row("spBv1.0/G/NDATA/E/D", "a NDATA topic has no device id");
    row("spBv1.0/G/NBIRTH/E/D", "a NBIRTH topic has no device id");
    row("spBv1.0/G/DDATA/E", "a DDATA topic needs a device id");
    row("spBv1.0/G/DBIRTH/E", "a DBIRTH topic needs a device id");
    row("spBv1.0/G/ndata/E", "unknown message type \"ndata\"");
    row("spBv1.0/G/NALARM/E", "unknown message type \"NALARM\"");
    row("spBv1.0/G/STATE/E", "unknown message type \"STATE\"");
    row("spBv1.0//NDATA/E", "the group id is empty");
    row("spBv1.0/G/NDATA/", "the edge node id is empty");
    row("spBv1.0/G/DDATA/E/", "the device id is empty");
    row("spBv1.0/+/NDATA/E", "the group id contains the reserved character '+'");
    row("spBv1.0/G/NDATA/#", "the edge node id contains the reserved character '#'");
    row("spBv1.0/G/DDATA/E/dev+1", "the device id contains the reserved character '+'");
    row("spBv1.0/G#1/NDATA/E", "the group id contains the reserved character '#'");
    row("spBv1.0/G/+/E", "unknown message type \"+\"");
    row("spBv1.0/#", "a Sparkplug topic has 4 or 5 elements, not 2");
    row("spBv1.0/STATE", "a STATE topic has 3 elements, not 2");
    row("spBv1.0/STATE/", "the host id is empty");
    row("spBv1.0/STATE/host/extra", "a STATE topic has 3 elements, not 4");
    row("spBv1.0/STATE/NBIRTH/E", "a STATE topic has 3 elements, not 4");
    row("spBv1.0/STATE/+", "the host id contains the reserved character '+'");
}

void TestSparkplugTopic::rejectsMalformedTopics()
{
    QFETCH(QString, topic);
    QFETCH(QString, reason);
    QString error;
    QCOMPARE(SparkplugTopic::parse(topic, &error), std::nullopt);
    QCOMPARE(error, reason);
}

void TestSparkplugTopic::makesTopics()
{
    QString error;
    const auto node = SparkplugTopic::make(Type::NCmd, QStringLiteral("G"), QStringLiteral("E"), QString(), &error);
    QVERIFY2(node, qPrintable(error));
    QCOMPARE(node->toString(), QStringLiteral("spBv1.0/G/NCMD/E"));
    const auto device
        = SparkplugTopic::make(Type::DCmd, QStringLiteral("G"), QStringLiteral("E"), QStringLiteral("D"), &error);
    QVERIFY2(device, qPrintable(error));
    QCOMPARE(device->toString(), QStringLiteral("spBv1.0/G/DCMD/E/D"));
    QCOMPARE(SparkplugTopic::parse(device->toString()), device);
    const auto state = SparkplugTopic::state(QStringLiteral("watchfloor-gateway"), &error);
    QVERIFY2(state, qPrintable(error));
    QCOMPARE(state->toString(), QStringLiteral("spBv1.0/STATE/watchfloor-gateway"));
    QCOMPARE(SparkplugTopic::namespaceElement(), QStringLiteral("spBv1.0"));
}

void TestSparkplugTopic::refusesToMakeInvalidTopics()
{
    QString error;
    QCOMPARE(SparkplugTopic::make(Type::NData, QStringLiteral("G"), QStringLiteral("E"), QStringLiteral("D"), &error),
             std::nullopt);
    QCOMPARE(error, QStringLiteral("a NDATA topic has no device id"));
    QCOMPARE(SparkplugTopic::make(Type::DData, QStringLiteral("G"), QStringLiteral("E"), QString(), &error),
             std::nullopt);
    QCOMPARE(error, QStringLiteral("the device id is empty"));
    QCOMPARE(SparkplugTopic::make(Type::NData, QStringLiteral("a/b"), QStringLiteral("E"), QString(), &error),
             std::nullopt);
    QCOMPARE(error, QStringLiteral("the group id contains the reserved character '/'"));
    QCOMPARE(SparkplugTopic::make(Type::NData, QStringLiteral("G"), QString::fromUtf8("E\0x", 3), QString(), &error),
             std::nullopt);
    QCOMPARE(error, QStringLiteral("the edge node id contains U+0000"));
    // It would read back as a STATE topic.
    QCOMPARE(SparkplugTopic::make(Type::NData, QStringLiteral("STATE"), QStringLiteral("E"), QString(), &error),
             std::nullopt);
    QCOMPARE(error, QStringLiteral("the group id STATE is reserved for host application state topics"));
    QCOMPARE(SparkplugTopic::make(Type::State, QStringLiteral("G"), QStringLiteral("E"), QString(), &error),
             std::nullopt);
    QCOMPARE(error, QStringLiteral("a STATE topic has a host id only"));
    QCOMPARE(SparkplugTopic::state(QStringLiteral("h/1"), &error), std::nullopt);
    QCOMPARE(error, QStringLiteral("the host id contains the reserved character '/'"));
}

void TestSparkplugTopic::messageTypeNames()
{
    const QStringList names = {QStringLiteral("NBIRTH"), QStringLiteral("NDEATH"), QStringLiteral("DBIRTH"),
                               QStringLiteral("DDEATH"), QStringLiteral("NDATA"),  QStringLiteral("DDATA"),
                               QStringLiteral("NCMD"),   QStringLiteral("DCMD"),   QStringLiteral("STATE")};
    for (const QString &name : names) {
        const std::optional<Type> type = SparkplugTopic::messageTypeFromName(name);
        QVERIFY2(type, qPrintable(name));
        QCOMPARE(SparkplugTopic::messageTypeName(*type), name);
    }
    QCOMPARE(SparkplugTopic::messageTypeFromName(u"Ndata"), std::nullopt);
    QCOMPARE(SparkplugTopic::messageTypeFromName(u""), std::nullopt);
}

QTEST_APPLESS_MAIN(TestSparkplugTopic)
#include "tst_sparkplugtopic.moc"
