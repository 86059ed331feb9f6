// A real Sparkplug B edge node (tests/interop/sparkplug-edge.js, made of the
// npm sparkplug-client 3.2.4) on a real mosquitto broker, observed by our
// MqttClient subscribed to spBv1.0/# and decoded by our SparkplugPayload:
// the edge node the gateway will meet behaves as the Sparkplug 3.0
// specification says (births, bdSeq, seq, commands, rebirth, deaths), and
// where the package departs from it, the departure is pinned here.

#include "mqttclient.h"
#include "sparkplugmetric.h"
#include "sparkplugpayload.h"
#include "sparkplugtopic.h"
#include "support/mosquittobroker.h"
#include "support/sparkplugedgepeer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace std::chrono_literals;
using Type = SparkplugTopic::MessageType;
using DataType = SparkplugDataType;

namespace {

const QString groupId = QStringLiteral("Plant");
const QString edgeNodeId = QStringLiteral("Edge1");
const QString rebirthName = QStringLiteral("Node Control/Rebirth");

// One Sparkplug message as the observer received it.
struct Observed
{
    Type type;
    QString deviceId; // empty for node messages
    SparkplugPayload payload;
};

// A metric the node is configured with, and the value our codec must read
// from its birth.
struct Configured
{
    QString deviceId;
    QString name;
    QString typeName;
    QString text;
    DataType type;
    QVariant expected;
};

QList<Configured> configuredMetrics()
{
    const QString pump = QStringLiteral("Pump1");
    const QString valve = QStringLiteral("Valve1");
    return {
        {pump, QStringLiteral("Speed"), QStringLiteral("Int32"), QStringLiteral("10"), DataType::Int32,
         QVariant::fromValue<qint64>(10)},
        {pump, QStringLiteral("Running"), QStringLiteral("Boolean"), QStringLiteral("false"), DataType::Boolean,
         QVariant(false)},
        {pump, QStringLiteral("Label"), QStringLiteral("String"), QStringLiteral("P-101"), DataType::String,
         QVariant(QStringLiteral("P-101"))},
        {pump, QStringLiteral("Total"), QStringLiteral("UInt64"), QStringLiteral("18446744073709551615"),
         DataType::UInt64, QVariant::fromValue<quint64>(std::numeric_limits<quint64>::max())},
        {pump, QStringLiteral("Flow"), QStringLiteral("Double"), QStringLiteral("2.5"), DataType::Double,
         QVariant(2.5)},
        // The package puts UInt32 in long_value (the specification says
        // int_value); our codec reads an integer from either.
        {pump, QStringLiteral("Count"), QStringLiteral("UInt32"), QStringLiteral("7"), DataType::UInt32,
         QVariant::fromValue<quint64>(7)},
        {valve, QStringLiteral("Position"), QStringLiteral("Float"), QStringLiteral("0.5"), DataType::Float,
         QVariant(0.5f)},
        {valve, QStringLiteral("Setpoint"), QStringLiteral("Int64"), QStringLiteral("-5"), DataType::Int64,
         QVariant::fromValue<qint64>(-5)},
    };
}

const SparkplugMetric *findMetric(const SparkplugPayload &payload, const QString &name)
{
    for (const SparkplugMetric &metric : payload.metrics()) {
        if (metric.name() == name)
            return &metric;
    }
    return nullptr;
}

std::optional<quint64> bdSeqOf(const SparkplugPayload &payload)
{
    const SparkplugMetric *metric = findMetric(payload, QStringLiteral("bdSeq"));
    if (!metric || metric->dataType() != DataType::UInt64 || !metric->value().isValid())
        return std::nullopt;
    return metric->value().value<quint64>();
}

// The metric reports of a "dcmd" or "ncmd" event.
QJsonObject eventMetric(const QJsonObject &event, const QString &name)
{
    for (const QJsonValue &value : event.value(QStringLiteral("metrics")).toArray()) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestSparkplugEdge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void birthCertificates_data();
    void birthCertificates();
    void useAliasesRebirthsWithAliases();
    void seqIsSharedByAllNodeMessagesAndWrapsAt256();
    void dcmdIsAppliedAndReportedInDdata_data();
    void dcmdIsAppliedAndReportedInDdata();
    void nonCompliantDeviceReportsButDoesNotWrite_data();
    void nonCompliantDeviceReportsButDoesNotWrite();
    void commandsThePackageCannotRead();
    void ncmdRebirthBirthsAgainWithSeqFromZero();
    void crashPublishesTheWillWithTheBirthsBdSeq_data();
    void crashPublishesTheWillWithTheBirthsBdSeq();
    void exitCleanPublishesNdeathInsteadOfTheWill();
    void skipSeqLeavesAGap();
    void ddeathKillsOneDevice();
    void restartedBrokerMeansANewSession_data();
    void restartedBrokerMeansANewSession();

private:
    SparkplugEdgePeer::Options peerOptions() const;
    bool startPeer(const SparkplugEdgePeer::Options &options);
    // The first received message of that type (and device), removed from the
    // inbox; nullopt after the timeout (with a warning unless it is 0: "is
    // there one now?").
    std::optional<Observed> take(Type type, const QString &deviceId = {}, int timeoutMs = 10000);
    // NBIRTH then the DBIRTH of each configured device, in order; checks
    // their seq (0, 1, 2, ...) and returns the NBIRTH's bdSeq.
    std::optional<quint64> takeBirths(const SparkplugEdgePeer::Options &options);
    bool publishCommand(const QString &deviceId, const QList<SparkplugMetric> &metrics);
    // Every message the broker had for the observer before now has arrived:
    // a marker published after them has come back.
    bool sync();

    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<MqttClient> m_observer;
    std::unique_ptr<SparkplugEdgePeer> m_peer;
    QList<Observed> m_inbox;
    QStringList m_undecodable;
    int m_markers = 0;
    int m_markersSeen = 0;
};

void TestSparkplugEdge::init()
{
    m_inbox.clear();
    m_undecodable.clear();
    m_broker = std::make_unique<MosquittoBroker>();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));

    MqttClientSettings settings;
    settings.host = m_broker->host();
    settings.port = m_broker->port();
    settings.clientId = QStringLiteral("observer");
    settings.reconnectDelayMin = 100ms;
    settings.reconnectDelayMax = 500ms;
    m_observer = std::make_unique<MqttClient>(settings);
    connect(m_observer.get(), &MqttClient::messageReceived, this,
            [this](const QString &topicText, const QByteArray &bytes, bool) {
                if (topicText == QStringLiteral("test/marker")) {
                    ++m_markersSeen;
                    return;
                }
                QString error;
                const std::optional<SparkplugTopic> topic = SparkplugTopic::parse(topicText, &error);
                const std::optional<SparkplugPayload> payload
                    = topic ? SparkplugPayload::decode(bytes, &error) : std::nullopt;
                if (!payload) {
                    m_undecodable.append(topicText + u": " + error);
                    return;
                }
                m_inbox.append({topic->messageType(), topic->deviceId(), *payload});
            });
    QSignalSpy connected(m_observer.get(), &MqttClient::connected);
    QSignalSpy subscribed(m_observer.get(), &MqttClient::subscribed);
    QVERIFY(m_observer->open());
    QVERIFY(connected.wait(5000));
    QVERIFY(m_observer->subscribe(QStringLiteral("spBv1.0/#"), 0));
    QVERIFY(m_observer->subscribe(QStringLiteral("test/marker"), 0));
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 5000);
    m_peer = std::make_unique<SparkplugEdgePeer>();
}

void TestSparkplugEdge::cleanup()
{
    if (QTest::currentTestFailed()) {
        if (m_peer)
            m_peer->dumpDiagnostics();
        if (m_broker)
            qInfo().noquote() << "broker log:\n" << m_broker->log();
    }
    m_peer.reset();
    m_observer.reset();
    m_broker.reset();
}

SparkplugEdgePeer::Options TestSparkplugEdge::peerOptions() const
{
    SparkplugEdgePeer::Options options;
    options.host = m_broker->host();
    options.port = m_broker->port();
    options.groupId = groupId;
    options.edgeNodeId = edgeNodeId;
    options.reconnectMs = 200;
    options.nodeMetrics = {{QStringLiteral("Uptime"), QStringLiteral("Int64"), QStringLiteral("0")}};
    for (const Configured &c : configuredMetrics()) {
        if (options.devices.isEmpty() || options.devices.last().id != c.deviceId)
            options.devices.append({c.deviceId, {}});
        options.devices.last().metrics.append({c.name, c.typeName, c.text});
    }
    return options;
}

bool TestSparkplugEdge::startPeer(const SparkplugEdgePeer::Options &options)
{
    if (!m_peer->start(options)) {
        qWarning().noquote() << m_peer->errorString();
        return false;
    }
    return true;
}

std::optional<Observed> TestSparkplugEdge::take(Type type, const QString &deviceId, int timeoutMs)
{
    std::optional<Observed> found;
    const auto lookUp = [&] {
        for (qsizetype i = 0; i < m_inbox.size(); ++i) {
            if (m_inbox.at(i).type == type && m_inbox.at(i).deviceId == deviceId) {
                found = m_inbox.takeAt(i);
                return true;
            }
        }
        return false;
    };
    if (!QTest::qWaitFor(lookUp, timeoutMs) && timeoutMs > 0) {
        qWarning().noquote() << "no" << SparkplugTopic::messageTypeName(type) << deviceId << "within" << timeoutMs
                             << "ms; undecodable:" << m_undecodable;
    }
    return found;
}

std::optional<quint64> TestSparkplugEdge::takeBirths(const SparkplugEdgePeer::Options &options)
{
    const std::optional<Observed> nbirth = take(Type::NBirth);
    if (!nbirth || nbirth->payload.seq() != std::optional<quint64>(0))
        return std::nullopt;
    quint64 seq = 0;
    for (const SparkplugEdgePeer::Device &device : options.devices) {
        const std::optional<Observed> dbirth = take(Type::DBirth, device.id);
        if (!dbirth || dbirth->payload.seq() != std::optional<quint64>(++seq)) {
            qWarning() << "DBIRTH of" << device.id << "missing or not seq" << seq;
            return std::nullopt;
        }
    }
    return bdSeqOf(nbirth->payload);
}

bool TestSparkplugEdge::publishCommand(const QString &deviceId, const QList<SparkplugMetric> &metrics)
{
    const std::optional<SparkplugTopic> topic
        = SparkplugTopic::make(deviceId.isEmpty() ? Type::NCmd : Type::DCmd, groupId, edgeNodeId, deviceId);
    if (!topic)
        return false;
    SparkplugPayload payload;
    payload.setTimestamp(quint64(QDateTime::currentMSecsSinceEpoch()));
    payload.setMetrics(metrics);
    return m_observer->publish(topic->toString(), payload.encode());
}

bool TestSparkplugEdge::sync()
{
    const int marker = ++m_markers;
    if (!m_observer->publish(QStringLiteral("test/marker"), QByteArray::number(marker)))
        return false;
    return QTest::qWaitFor([&] { return m_markersSeen >= marker; }, 5000);
}

void TestSparkplugEdge::birthCertificates_data()
{
    QTest::addColumn<bool>("aliases");
    QTest::newRow("names") << false;
    QTest::newRow("aliases") << true;
}

void TestSparkplugEdge::birthCertificates()
{
    QFETCH(bool, aliases);
    SparkplugEdgePeer::Options options = peerOptions();
    options.aliases = aliases;
    QVERIFY(startPeer(options));

    // NBIRTH: seq 0, a timestamp, bdSeq (UInt64, 0 on the first
    // connection) and the Boolean Node Control/Rebirth, false.
    const std::optional<Observed> nbirth = take(Type::NBirth);
    QVERIFY(nbirth);
    QCOMPARE(nbirth->payload.seq(), std::optional<quint64>(0));
    QVERIFY(nbirth->payload.timestamp().has_value());
    QCOMPARE(bdSeqOf(nbirth->payload), std::optional<quint64>(0));
    const SparkplugMetric *rebirth = findMetric(nbirth->payload, rebirthName);
    QVERIFY(rebirth);
    QCOMPARE(rebirth->dataType(), DataType::Boolean);
    QCOMPARE(rebirth->value(), QVariant(false));
    const SparkplugMetric *uptime = findMetric(nbirth->payload, QStringLiteral("Uptime"));
    QVERIFY(uptime);
    QCOMPARE(uptime->dataType(), DataType::Int64);

    // Each DBIRTH: the next seq, and every configured metric with its
    // datatype and value.
    QSet<quint64> aliasesSeen;
    QHash<QString, quint64> aliasOf;
    quint64 seq = 0;
    for (const SparkplugEdgePeer::Device &device : options.devices) {
        const std::optional<Observed> dbirth = take(Type::DBirth, device.id);
        QVERIFY(dbirth);
        QCOMPARE(dbirth->payload.seq(), std::optional<quint64>(++seq));
        QCOMPARE(dbirth->payload.metrics().size(), device.metrics.size());
        for (const Configured &c : configuredMetrics()) {
            if (c.deviceId != device.id)
                continue;
            const SparkplugMetric *metric = findMetric(dbirth->payload, c.name);
            QVERIFY2(metric, qPrintable(c.name));
            QVERIFY2(metric->isSupported(), qPrintable(metric->unsupportedReason()));
            QCOMPARE(metric->dataType(), c.type);
            QCOMPARE(metric->value(), c.expected);
            QCOMPARE(metric->alias().has_value(), aliases);
            if (aliases) {
                QVERIFY2(!aliasesSeen.contains(*metric->alias()), "aliases are unique within the edge node");
                aliasesSeen.insert(*metric->alias());
                aliasOf.insert(c.name, *metric->alias());
            }
        }
    }
    if (aliases) {
        QVERIFY(rebirth->alias().has_value());
        QVERIFY(!aliasesSeen.contains(*rebirth->alias()));
    }

    // Data after the birth: by alias alone when aliases are used, else by name.
    QVERIFY(m_peer->send(QStringLiteral("data"),
                         {{QStringLiteral("device"), QStringLiteral("Pump1")},
                          {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Speed"), 11}}}}));
    const std::optional<Observed> ddata = take(Type::DData, QStringLiteral("Pump1"));
    QVERIFY(ddata);
    QCOMPARE(ddata->payload.seq(), std::optional<quint64>(seq + 1));
    QCOMPARE(ddata->payload.metrics().size(), 1);
    const SparkplugMetric &speed = ddata->payload.metrics().first();
    if (aliases) {
        QVERIFY(speed.name().isEmpty());
        QCOMPARE(speed.alias(), std::optional<quint64>(aliasOf.value(QStringLiteral("Speed"))));
    } else {
        QCOMPARE(speed.name(), QStringLiteral("Speed"));
        QVERIFY(!speed.alias().has_value());
    }
    // The package sends the datatype in data messages too.
    QCOMPARE(speed.dataType(), DataType::Int32);
    QCOMPARE(speed.value(), QVariant::fromValue<qint64>(11));
}

void TestSparkplugEdge::useAliasesRebirthsWithAliases()
{
    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    QCOMPARE(takeBirths(options), std::optional<quint64>(0));

    QVERIFY(m_peer->send(QStringLiteral("use-aliases"), {{QStringLiteral("on"), true}}));
    const std::optional<Observed> nbirth = take(Type::NBirth);
    QVERIFY(nbirth);
    QCOMPARE(nbirth->payload.seq(), std::optional<quint64>(0));
    QCOMPARE(bdSeqOf(nbirth->payload), std::optional<quint64>(0)); // same connection, same bdSeq
    const std::optional<Observed> dbirth = take(Type::DBirth, QStringLiteral("Pump1"));
    QVERIFY(dbirth);
    const SparkplugMetric *speed = findMetric(dbirth->payload, QStringLiteral("Speed"));
    QVERIFY(speed && speed->alias().has_value());

    QVERIFY(m_peer->send(QStringLiteral("data"),
                         {{QStringLiteral("device"), QStringLiteral("Pump1")},
                          {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Speed"), 12}}}}));
    const std::optional<Observed> ddata = take(Type::DData, QStringLiteral("Pump1"));
    QVERIFY(ddata);
    QCOMPARE(ddata->payload.metrics().size(), 1);
    QVERIFY(ddata->payload.metrics().first().name().isEmpty());
    QCOMPARE(ddata->payload.metrics().first().alias(), speed->alias());
}

void TestSparkplugEdge::seqIsSharedByAllNodeMessagesAndWrapsAt256()
{
    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    QVERIFY(takeBirths(options));

    // NDATA, DDATA of two devices and a DDEATH/DBIRTH pair: 300 messages,
    // one seq counter, through 255 -> 0 once.
    const int count = 300;
    for (int i = 0; i < count; ++i) {
        QJsonObject command;
        switch (i % 4) {
        case 0:
            command = {{QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Uptime"), i}}}};
            break;
        case 1:
            command = {{QStringLiteral("device"), QStringLiteral("Pump1")},
                       {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Speed"), i}}}};
            break;
        default:
            command = {{QStringLiteral("device"), QStringLiteral("Valve1")},
                       {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Setpoint"), -i}}}};
            break;
        }
        QVERIFY(m_peer->send(QStringLiteral("data"), command));
    }
    QVERIFY(m_peer->send(QStringLiteral("ddeath"), {{QStringLiteral("device"), QStringLiteral("Valve1")}}));
    QVERIFY(m_peer->send(QStringLiteral("dbirth"), {{QStringLiteral("device"), QStringLiteral("Valve1")}}));

    const auto nodeMessages = [this] {
        QList<Observed> messages;
        for (const Observed &o : std::as_const(m_inbox)) {
            if (o.type == Type::NData || o.type == Type::DData || o.type == Type::DDeath || o.type == Type::DBirth)
                messages.append(o);
        }
        return messages;
    };
    QTRY_COMPARE_WITH_TIMEOUT(nodeMessages().size(), count + 2, 20000);
    const QList<Observed> messages = nodeMessages();
    quint64 previous = quint64(options.devices.size()); // the last DBIRTH's
    int wraps = 0;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const std::optional<quint64> seq = messages.at(i).payload.seq();
        QVERIFY2(seq.has_value(), qPrintable(QString::number(i)));
        QVERIFY2(*seq <= 255, qPrintable(QString::number(*seq)));
        QVERIFY2(*seq == (previous + 1) % 256,
                 qPrintable(QStringLiteral("message %1: seq %2 after %3").arg(i).arg(*seq).arg(previous)));
        if (*seq == 0)
            ++wraps;
        previous = *seq;
    }
    QCOMPARE(wraps, 1);
    QCOMPARE(messages.at(count).type, Type::DDeath);
    QCOMPARE(messages.at(count + 1).type, Type::DBirth);
}

void TestSparkplugEdge::dcmdIsAppliedAndReportedInDdata_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("type");
    QTest::addColumn<QVariant>("written");
    QTest::addColumn<QJsonValue>("reported"); // in the peer's event
    QTest::addColumn<QVariant>("readBack"); // in the DDATA

    const QString pump = QStringLiteral("Pump1");
    QTest::newRow("Int32") << pump << QStringLiteral("Speed") << int(DataType::Int32)
                           << QVariant::fromValue<qint64>(-99) << QJsonValue(-99) << QVariant::fromValue<qint64>(-99);
    QTest::newRow("Boolean") << pump << QStringLiteral("Running") << int(DataType::Boolean) << QVariant(true)
                             << QJsonValue(true) << QVariant(true);
    QTest::newRow("String") << pump << QStringLiteral("Label") << int(DataType::String)
                            << QVariant(QStringLiteral("P-102")) << QJsonValue(QStringLiteral("P-102"))
                            << QVariant(QStringLiteral("P-102"));
    QTest::newRow("Double") << pump << QStringLiteral("Flow") << int(DataType::Double) << QVariant(7.25)
                            << QJsonValue(7.25) << QVariant(7.25);
    QTest::newRow("Int64") << QStringLiteral("Valve1") << QStringLiteral("Setpoint") << int(DataType::Int64)
                           << QVariant::fromValue<qint64>(-42) << QJsonValue(QStringLiteral("-42")) // 64-bit: text
                           << QVariant::fromValue<qint64>(-42);
}

void TestSparkplugEdge::dcmdIsAppliedAndReportedInDdata()
{
    QFETCH(QString, device);
    QFETCH(QString, name);
    QFETCH(int, type);
    QFETCH(QVariant, written);
    QFETCH(QJsonValue, reported);
    QFETCH(QVariant, readBack);

    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    QVERIFY(takeBirths(options));

    QVERIFY(publishCommand(device, {SparkplugMetric(name, DataType(type), written)}));
    const QJsonObject event = m_peer->waitFor(QStringLiteral("dcmd"));
    QCOMPARE(event.value(QStringLiteral("device")).toString(), device);
    const QJsonObject metric = eventMetric(event, name);
    QCOMPARE(metric.value(QStringLiteral("value")), reported);
    QCOMPARE(metric.value(QStringLiteral("applied")), QJsonValue(true));

    const std::optional<Observed> ddata = take(Type::DData, device);
    QVERIFY(ddata);
    QCOMPARE(ddata->payload.seq(), std::optional<quint64>(options.devices.size() + 1));
    QCOMPARE(ddata->payload.metrics().size(), 1);
    QCOMPARE(ddata->payload.metrics().first().name(), name);
    QCOMPARE(ddata->payload.metrics().first().value(), readBack);
}

void TestSparkplugEdge::nonCompliantDeviceReportsButDoesNotWrite_data()
{
    QTest::addColumn<bool>("ignoreAll");
    QTest::newRow("--ignore-commands") << true;
    QTest::newRow("--read-only Speed") << false;
}

void TestSparkplugEdge::nonCompliantDeviceReportsButDoesNotWrite()
{
    QFETCH(bool, ignoreAll);
    SparkplugEdgePeer::Options options = peerOptions();
    options.ignoreCommands = ignoreAll;
    options.devices.first().metrics.first().readOnly = true; // Pump1/Speed
    QVERIFY(startPeer(options));
    QVERIFY(takeBirths(options));

    QVERIFY(publishCommand(QStringLiteral("Pump1"),
                           {SparkplugMetric(QStringLiteral("Speed"), DataType::Int32, QVariant::fromValue<qint64>(99)),
                            SparkplugMetric(QStringLiteral("Running"), DataType::Boolean, QVariant(true))}));
    const QJsonObject event = m_peer->waitFor(QStringLiteral("dcmd"));
    QCOMPARE(eventMetric(event, QStringLiteral("Speed")).value(QStringLiteral("value")), QJsonValue(99));
    QCOMPARE(eventMetric(event, QStringLiteral("Speed")).value(QStringLiteral("applied")), QJsonValue(false));
    QCOMPARE(eventMetric(event, QStringLiteral("Running")).value(QStringLiteral("applied")), QJsonValue(!ignoreAll));

    // The next DDATA of the device: the write of Running when only Speed is
    // read-only, else the data the test asks for now. Speed is never in it.
    QVERIFY(m_peer->send(QStringLiteral("data"),
                         {{QStringLiteral("device"), QStringLiteral("Pump1")},
                          {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Flow"), 3.5}}}}));
    const std::optional<Observed> ddata = take(Type::DData, QStringLiteral("Pump1"));
    QVERIFY(ddata);
    QVERIFY(!findMetric(ddata->payload, QStringLiteral("Speed")));
    if (ignoreAll) {
        QVERIFY(findMetric(ddata->payload, QStringLiteral("Flow")));
    } else {
        QVERIFY(findMetric(ddata->payload, QStringLiteral("Running")));
        QCOMPARE(findMetric(ddata->payload, QStringLiteral("Running"))->value(), QVariant(true));
    }
}

// Pinned departures of sparkplug-payload 1.0.3 from the specification, which
// the gateway must respect when it writes to a sparkplug-client node.
void TestSparkplugEdge::commandsThePackageCannotRead()
{
    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    QVERIFY(takeBirths(options));

    // The specification says a command SHOULD NOT carry the datatype; the
    // package reads a value only through it, so without one it sees null.
    SparkplugMetric untyped(QStringLiteral("Speed"), DataType::Unknown, QVariant::fromValue<quint32>(5));
    QVERIFY(publishCommand(QStringLiteral("Pump1"), {untyped}));
    QJsonObject metric = eventMetric(m_peer->waitFor(QStringLiteral("dcmd")), QStringLiteral("Speed"));
    QCOMPARE(metric.value(QStringLiteral("type")), QJsonValue(QJsonValue::Null));
    QCOMPARE(metric.value(QStringLiteral("value")), QJsonValue(QJsonValue::Null));
    QCOMPARE(metric.value(QStringLiteral("applied")), QJsonValue(false));

    // UInt32 travels in int_value (our codec, as the specification says);
    // the package reads UInt32 from long_value only, and finds nothing.
    QVERIFY(
        publishCommand(QStringLiteral("Pump1"),
                       {SparkplugMetric(QStringLiteral("Count"), DataType::UInt32, QVariant::fromValue<quint64>(9))}));
    metric = eventMetric(m_peer->waitFor(QStringLiteral("dcmd")), QStringLiteral("Count"));
    QCOMPARE(metric.value(QStringLiteral("type")), QJsonValue(QStringLiteral("UInt32")));
    QCOMPARE(metric.value(QStringLiteral("value")), QJsonValue(QJsonValue::Null));
    QCOMPARE(metric.value(QStringLiteral("applied")), QJsonValue(false));

    // Neither produced a DDATA: the next one is the test's own.
    QVERIFY(m_peer->send(QStringLiteral("data"),
                         {{QStringLiteral("device"), QStringLiteral("Pump1")},
                          {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Flow"), 1.0}}}}));
    const std::optional<Observed> ddata = take(Type::DData, QStringLiteral("Pump1"));
    QVERIFY(ddata);
    QVERIFY(findMetric(ddata->payload, QStringLiteral("Flow")));
    QCOMPARE(ddata->payload.metrics().size(), 1);
}

void TestSparkplugEdge::ncmdRebirthBirthsAgainWithSeqFromZero()
{
    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    const std::optional<quint64> bdSeq = takeBirths(options);
    QVERIFY(bdSeq);
    for (int speed : {20, 21}) {
        QVERIFY(m_peer->send(QStringLiteral("data"),
                             {{QStringLiteral("device"), QStringLiteral("Pump1")},
                              {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Speed"), speed}}}}));
        QVERIFY(take(Type::DData, QStringLiteral("Pump1")));
    }

    // Rebirth false is no request.
    QVERIFY(publishCommand({}, {SparkplugMetric(rebirthName, DataType::Boolean, QVariant(false))}));
    QCOMPARE(eventMetric(m_peer->waitFor(QStringLiteral("ncmd")), rebirthName).value(QStringLiteral("value")),
             QJsonValue(false));
    QVERIFY(sync());
    QVERIFY(!take(Type::NBirth, {}, 0));

    QVERIFY(publishCommand({}, {SparkplugMetric(rebirthName, DataType::Boolean, QVariant(true))}));
    QVERIFY(!m_peer->waitFor(QStringLiteral("ncmd")).isEmpty());
    QVERIFY(!m_peer->waitFor(QStringLiteral("rebirth")).isEmpty());

    // A full rebirth on the same connection: NBIRTH with seq 0 and the same
    // bdSeq, every DBIRTH, with the current values.
    const std::optional<Observed> nbirth = take(Type::NBirth);
    QVERIFY(nbirth);
    QCOMPARE(nbirth->payload.seq(), std::optional<quint64>(0));
    QCOMPARE(bdSeqOf(nbirth->payload), bdSeq);
    QVERIFY(findMetric(nbirth->payload, rebirthName));
    quint64 seq = 0;
    for (const SparkplugEdgePeer::Device &device : options.devices) {
        const std::optional<Observed> dbirth = take(Type::DBirth, device.id);
        QVERIFY(dbirth);
        QCOMPARE(dbirth->payload.seq(), std::optional<quint64>(++seq));
        QCOMPARE(dbirth->payload.metrics().size(), device.metrics.size());
    }
    QVERIFY(m_peer->send(QStringLiteral("data"),
                         {{QStringLiteral("device"), QStringLiteral("Valve1")},
                          {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Setpoint"), 3}}}}));
    const std::optional<Observed> ddata = take(Type::DData, QStringLiteral("Valve1"));
    QVERIFY(ddata);
    QCOMPARE(ddata->payload.seq(), std::optional<quint64>(seq + 1));
}

void TestSparkplugEdge::crashPublishesTheWillWithTheBirthsBdSeq_data()
{
    QTest::addColumn<bool>("sigkill");
    QTest::newRow("crash command") << false;
    QTest::newRow("SIGKILL") << true;
}

void TestSparkplugEdge::crashPublishesTheWillWithTheBirthsBdSeq()
{
    QFETCH(bool, sigkill);
    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    QCOMPARE(takeBirths(options), std::optional<quint64>(0));

    // A dropped link first, so that the session that crashes is not the
    // first one: its will must carry bdSeq 1, not the 0 every will of the
    // package would carry.
    QVERIFY(m_peer->send(QStringLiteral("drop")));
    const std::optional<Observed> firstDeath = take(Type::NDeath);
    QVERIFY(firstDeath);
    QCOMPARE(bdSeqOf(firstDeath->payload), std::optional<quint64>(0));
    const std::optional<quint64> bdSeq = takeBirths(options);
    QCOMPARE(bdSeq, std::optional<quint64>(1));

    if (sigkill) {
        m_peer->kill();
    } else {
        QVERIFY(m_peer->send(QStringLiteral("crash")));
        QVERIFY(m_peer->waitForExit());
        QCOMPARE(m_peer->exitCode(), 3);
    }
    const std::optional<Observed> death = take(Type::NDeath);
    QVERIFY(death);
    QCOMPARE(bdSeqOf(death->payload), bdSeq);
    // NDEATH carries no seq.
    QVERIFY(!death->payload.seq().has_value());
}

void TestSparkplugEdge::exitCleanPublishesNdeathInsteadOfTheWill()
{
    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    const std::optional<quint64> bdSeq = takeBirths(options);
    QVERIFY(bdSeq);

    QVERIFY(m_peer->send(QStringLiteral("exit-clean")));
    QVERIFY(m_peer->waitForExit());
    QCOMPARE(m_peer->exitCode(), 0);
    const std::optional<Observed> death = take(Type::NDeath);
    QVERIFY(death);
    QCOMPARE(bdSeqOf(death->payload), bdSeq);
    // The node said DISCONNECT: the broker drops the will, so there is no
    // second NDEATH.
    QVERIFY(sync());
    QVERIFY(!take(Type::NDeath, {}, 0));
}

void TestSparkplugEdge::skipSeqLeavesAGap()
{
    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    QVERIFY(takeBirths(options));
    const QJsonObject data {{QStringLiteral("device"), QStringLiteral("Pump1")},
                            {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Speed"), 1}}}};

    QVERIFY(m_peer->send(QStringLiteral("data"), data));
    const std::optional<Observed> before = take(Type::DData, QStringLiteral("Pump1"));
    QVERIFY(before && before->payload.seq());
    QVERIFY(m_peer->send(QStringLiteral("skip-seq")));
    QVERIFY(!m_peer->waitFor(QStringLiteral("seq-skipped")).isEmpty());
    QVERIFY(m_peer->send(QStringLiteral("data"), data));
    const std::optional<Observed> after = take(Type::DData, QStringLiteral("Pump1"));
    QVERIFY(after && after->payload.seq());
    QVERIFY(*after->payload.seq() != (*before->payload.seq() + 1) % 256);
    QCOMPARE(*after->payload.seq(), (*before->payload.seq() + 2) % 256);
}

void TestSparkplugEdge::ddeathKillsOneDevice()
{
    const SparkplugEdgePeer::Options options = peerOptions();
    QVERIFY(startPeer(options));
    QVERIFY(takeBirths(options));

    QVERIFY(m_peer->send(QStringLiteral("ddeath"), {{QStringLiteral("device"), QStringLiteral("Pump1")}}));
    const std::optional<Observed> death = take(Type::DDeath, QStringLiteral("Pump1"));
    QVERIFY(death);
    // DDEATH takes the next seq of the node and carries no metrics.
    QCOMPARE(death->payload.seq(), std::optional<quint64>(options.devices.size() + 1));
    QVERIFY(death->payload.metrics().isEmpty());

    // The other device lives on; the dead one sends nothing until reborn.
    QVERIFY(m_peer->send(QStringLiteral("data"),
                         {{QStringLiteral("device"), QStringLiteral("Pump1")},
                          {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("Speed"), 1}}}}));
    QVERIFY(!m_peer->waitFor(QStringLiteral("error")).isEmpty());
    QVERIFY(m_peer->send(QStringLiteral("dbirth"), {{QStringLiteral("device"), QStringLiteral("Pump1")}}));
    const std::optional<Observed> dbirth = take(Type::DBirth, QStringLiteral("Pump1"));
    QVERIFY(dbirth);
    QCOMPARE(dbirth->payload.seq(), std::optional<quint64>(options.devices.size() + 2));
    QVERIFY(!take(Type::DData, QStringLiteral("Pump1"), 0));
}

void TestSparkplugEdge::restartedBrokerMeansANewSession_data()
{
    QTest::addColumn<bool>("packageBdSeq");
    QTest::newRow("bdSeq per connection") << false;
    QTest::newRow("sparkplug-client's own bdSeq") << true;
}

void TestSparkplugEdge::restartedBrokerMeansANewSession()
{
    QFETCH(bool, packageBdSeq);
    SparkplugEdgePeer::Options options = peerOptions();
    options.packageBdSeq = packageBdSeq;
    QVERIFY(startPeer(options));
    QVERIFY(!m_peer->waitFor(QStringLiteral("connected")).isEmpty());
    const std::optional<quint64> first = takeBirths(options);
    QCOMPARE(first, std::optional<quint64>(0));

    // The node is frozen while the broker restarts, so that the observer is
    // subscribed again before the node can reconnect and birth.
    QSignalSpy resubscribed(m_observer.get(), &MqttClient::subscribed);
    QVERIFY(m_peer->freeze());
    m_broker->stop();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(resubscribed.size(), 2, 10000);
    // A stopping mosquitto publishes the wills of its clients to those still
    // connected: the observer may have the old session's NDEATH. The old
    // broker is gone, so any such NDEATH is in the inbox by now.
    m_inbox.removeIf([](const Observed &o) { return o.type == Type::NDeath; });
    QVERIFY(m_peer->thaw());

    const QJsonObject connected = m_peer->waitFor(QStringLiteral("connected"), 15000);
    QVERIFY(!connected.isEmpty());
    const std::optional<quint64> second = takeBirths(options);
    QVERIFY(second);
    // The specification: one more per connection. sparkplug-client itself:
    // always 0, so a host cannot tell an old session's NDEATH from the
    // current one by bdSeq.
    QCOMPARE(*second, packageBdSeq ? *first : *first + 1);
    QCOMPARE(connected.value(QStringLiteral("bdSeq")).toInteger(), qint64(*second));

    // The new session's will carries the new bdSeq.
    m_peer->kill();
    const std::optional<Observed> death = take(Type::NDeath);
    QVERIFY(death);
    QCOMPARE(bdSeqOf(death->payload), second);
}

QTEST_GUILESS_MAIN(TestSparkplugEdge)
#include "tst_sparkplugedge.moc"
