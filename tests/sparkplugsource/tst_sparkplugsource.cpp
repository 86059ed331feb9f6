#include "protocol/decoder.h"
#include "sparkplugpayload.h"
#include "sparkplugsource.h"
#include "sparkplugtopic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The Sparkplug B source without a broker: real Sparkplug payloads fed as the
// MQTT link would, what it publishes recorded as the link would send it, and
// time passed in. The MQTT link and a real edge node are tst_gatewaysparkplug's.
class TestSparkplugSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void endpointsAreStaleUntilTheirBirth();
    void birthAndDataGiveFreshValuesByNameOrAlias();
    void nodeDeathMakesEveryValueStaleAtOnce();
    void aDeathOfAnEarlierSessionIsIgnored();
    void deviceDeathMakesOnlyItsValuesStale();
    void aSequenceGapAsksForOneRebirth();
    void brokerLossMakesEverythingStaleAndReconnectionAsksForRebirth();
    void badQualityAndNullMetricsAreStale();
    void commandLifeCycleSentOnceThenSucceeded();
    void commandsThatCannotSucceedFailOrTimeOut();
    void commandsAreCheckedBeforeTheyAreQueued();
    void alarmConditionsKeepDelaysAndDeadband();
    void telemetryByExceptionAndRefreshed();
    void tilesSnapshotDescribesTheConfiguredPlant();
    void machinesAndDronesAreNotServedBeforeTheirStatus();
    void machineAndDroneEventsDecodeInTheConsole();
    void statusMapsAndTheFiveSecondCadence();
    void unknownStatusWordsAreStaleNotGuessed();
    void fleetTurnsStaleOnDeathGapAndBrokerLoss();

private:
    struct Sent
    {
        QString topic;
        QByteArray payload;
        int qos;
        bool retain;
    };

    void feed(SparkplugTopic::MessageType type, const QString &device, const SparkplugPayload &payload);
    void births();
    SparkplugPayload data(const QList<SparkplugMetric> &metrics);
    PlantEvents step(qint64 ms);
    QJsonObject lastTelemetry(const PlantEvents &events, const QString &endpointId) const;
    QJsonObject telemetryNow(const QString &endpointId) const;
    bool conditionActive(const QString &id) const;
    QList<Sent> sentTo(const QString &topic) const;
    void fleetBirths();
    QJsonObject lastOn(const PlantEvents &events, const QString &channel, const QString &key) const;
    void checkDecodes(const QJsonObject &body);
    void checkSnapshotDecodes(const QString &channel);

    SparkplugSourceConfig m_config;
    std::unique_ptr<SparkplugSource> m_source;
    QList<Sent> m_sent;
    bool m_linkWorks = true;
    quint64 m_seq = 0;
    qint64 m_ms = 0;
    const QDateTime m_wall = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
};

namespace {

using Config = SparkplugSourceConfig;

SparkplugMetric metric(const QString &name, SparkplugDataType type, const QVariant &value,
                       std::optional<quint64> alias = std::nullopt)
{
    SparkplugMetric m(name, type, value);
    m.setAlias(alias);
    return m;
}

SparkplugMetric byAlias(quint64 alias, SparkplugDataType type, const QVariant &value)
{
    SparkplugMetric m({}, type, value);
    m.setAlias(alias);
    return m;
}

Config::Endpoint endpoint(const QString &id, const QString &metricName, Config::ValueType type)
{
    Config::Endpoint e;
    e.endpointId = id;
    e.name = metricName;
    e.metric = metricName;
    e.type = type;
    return e;
}

} // namespace

void TestSparkplugSource::init()
{
    m_config = {};
    m_config.groups = {QStringLiteral("Plant1")};
    m_config.commandTimeoutMs = 5000;
    Config::Device tank;
    tank.deviceId = QStringLiteral("Tank1");
    tank.name = QStringLiteral("Tank 1");
    tank.kind = QStringLiteral("tank");
    tank.origin = {QStringLiteral("Plant1"), QStringLiteral("Edge1"), QStringLiteral("Tank1")};
    Config::Endpoint level = endpoint(QStringLiteral("T1.level"), QStringLiteral("Level"), Config::ValueType::Number);
    level.unit = QStringLiteral("%");
    level.deadband = 0.5;
    Config::Endpoint running
        = endpoint(QStringLiteral("T1.running"), QStringLiteral("Pump/Running"), Config::ValueType::Bool);
    running.writable = true;
    Config::Endpoint setpoint
        = endpoint(QStringLiteral("T1.setpoint"), QStringLiteral("Heater/Setpoint"), Config::ValueType::Number);
    setpoint.writable = true;
    setpoint.min = 20;
    setpoint.max = 90;
    setpoint.step = 0.5;
    Config::Endpoint mode = endpoint(QStringLiteral("T1.mode"), QStringLiteral("Mode"), Config::ValueType::Enum);
    mode.options = {QStringLiteral("off"), QStringLiteral("auto"), QStringLiteral("manual")};
    tank.endpoints = {level, running, setpoint, mode};
    Config::Device node;
    node.deviceId = QStringLiteral("Edge1");
    node.origin = {QStringLiteral("Plant1"), QStringLiteral("Edge1"), {}};
    node.endpoints = {endpoint(QStringLiteral("E1.uptime"), QStringLiteral("Uptime"), Config::ValueType::Number)};
    m_config.tiles = {{QStringLiteral("T1"), QStringLiteral("Tank one"), {tank, node}}};
    Config::AlarmCondition high;
    high.endpointId = QStringLiteral("T1.level");
    high.kind = Config::AlarmCondition::Kind::High;
    high.limit = 90.0;
    high.deadband = 2.0;
    high.onDelayMs = 1000;
    m_config.alarms = {high};
    Config::Machine press;
    press.machineId = QStringLiteral("PR-1");
    press.name = QStringLiteral("Press 1");
    press.line = QStringLiteral("Line A");
    press.origin = {QStringLiteral("Plant1"), QStringLiteral("Edge1"), QStringLiteral("Press1")};
    press.statusMetric = QStringLiteral("State");
    press.statusMap = {{QStringLiteral("0"), QStringLiteral("idle")},
                       {QStringLiteral("1"), QStringLiteral("running")},
                       {QStringLiteral("2"), QStringLiteral("down")},
                       {QStringLiteral("3"), QStringLiteral("maintenance")}};
    press.utilizationMetric = QStringLiteral("Load");
    press.producedMetric = QStringLiteral("Parts");
    m_config.machines = {press};
    Config::Drone drone;
    drone.serial = QStringLiteral("WF-D7");
    drone.origin = {QStringLiteral("Plant1"), QStringLiteral("Edge1"), QStringLiteral("Drone7")};
    drone.stateMetric = QStringLiteral("State"); // a string carrying the console's words
    drone.batteryMetric = QStringLiteral("Battery");
    drone.latitudeMetric = QStringLiteral("Lat");
    drone.longitudeMetric = QStringLiteral("Lon");
    drone.speedMetric = QStringLiteral("Speed");
    m_config.drones = {drone};
    m_config.interlocks = {{QStringLiteral("IL1"), QStringLiteral("Heater setpoint needs the pump running"),
                            QStringLiteral("T1.setpoint"), QStringLiteral("T1.running"), Config::Op::Equal, true}};
    m_sent.clear();
    m_linkWorks = true;
    m_seq = 0;
    m_ms = 0;
    m_source = std::make_unique<SparkplugSource>(
        m_config, [this](const QString &topic, const QByteArray &payload, int qos, bool retain) {
            if (!m_linkWorks)
                return false;
            m_sent.append({topic, payload, qos, retain});
            return true;
        });
    m_source->linkUp(m_wall.toMSecsSinceEpoch(), m_wall);
}

void TestSparkplugSource::feed(SparkplugTopic::MessageType type, const QString &device, const SparkplugPayload &payload)
{
    const auto topic
        = SparkplugTopic::make(type, QStringLiteral("Plant1"), QStringLiteral("Edge1"), device)->toString();
    m_source->messageReceived(topic, payload.encode(), m_wall.addMSecs(m_ms));
}

void TestSparkplugSource::births()
{
    SparkplugPayload nbirth;
    nbirth.setSeq(0);
    nbirth.setTimestamp(quint64(m_wall.toMSecsSinceEpoch()));
    nbirth.setMetrics({metric(QStringLiteral("bdSeq"), SparkplugDataType::Int64, qint64(3)),
                       metric(QStringLiteral("Node Control/Rebirth"), SparkplugDataType::Boolean, false),
                       metric(QStringLiteral("Uptime"), SparkplugDataType::Int64, qint64(100), 10)});
    m_seq = 0;
    feed(SparkplugTopic::MessageType::NBirth, {}, nbirth);
    SparkplugPayload dbirth;
    dbirth.setSeq(++m_seq);
    dbirth.setMetrics({metric(QStringLiteral("Level"), SparkplugDataType::Double, 50.0, 1),
                       metric(QStringLiteral("Pump/Running"), SparkplugDataType::Boolean, false, 2),
                       metric(QStringLiteral("Heater/Setpoint"), SparkplugDataType::Float, 40.0f, 3),
                       metric(QStringLiteral("Mode"), SparkplugDataType::Int32, qint64(1), 4)});
    feed(SparkplugTopic::MessageType::DBirth, QStringLiteral("Tank1"), dbirth);
}

SparkplugPayload TestSparkplugSource::data(const QList<SparkplugMetric> &metrics)
{
    SparkplugPayload payload;
    payload.setSeq(++m_seq % 256);
    payload.setMetrics(metrics);
    return payload;
}

PlantEvents TestSparkplugSource::step(qint64 ms)
{
    m_ms = ms;
    return m_source->advance(ms, m_wall.addMSecs(ms));
}

QJsonObject TestSparkplugSource::lastTelemetry(const PlantEvents &events, const QString &endpointId) const
{
    QJsonObject last;
    for (const PlantEvent &event : events) {
        if (event.channel == u"telemetry" && event.key == endpointId)
            last = event.body;
    }
    return last;
}

QJsonObject TestSparkplugSource::telemetryNow(const QString &endpointId) const
{
    const QJsonArray items = m_source->snapshot(QStringLiteral("telemetry"), {endpointId});
    return items.isEmpty() ? QJsonObject() : items.first().toObject();
}

bool TestSparkplugSource::conditionActive(const QString &id) const
{
    for (const PlantCondition &condition : m_source->conditions()) {
        if (condition.id == id)
            return condition.active;
    }
    return false;
}

QList<TestSparkplugSource::Sent> TestSparkplugSource::sentTo(const QString &topic) const
{
    QList<Sent> out;
    for (const Sent &sent : m_sent) {
        if (sent.topic == topic)
            out.append(sent);
    }
    return out;
}

void TestSparkplugSource::endpointsAreStaleUntilTheirBirth()
{
    const PlantEvents events = step(50);
    const QJsonObject level = lastTelemetry(events, QStringLiteral("T1.level"));
    QCOMPARE(level.value(u"quality").toString(), QStringLiteral("stale"));
    QVERIFY(level.value(u"value").isNull());
    QVERIFY(!level.value(u"qualityReason").toString().isEmpty());
    // linkUp asked the configured node to tell everything, and said STATE online.
    QCOMPARE(sentTo(QStringLiteral("spBv1.0/Plant1/NCMD/Edge1")).size(), 1);
    const auto state = sentTo(QStringLiteral("spBv1.0/STATE/watchfloor"));
    QCOMPARE(state.size(), 1);
    QVERIFY(state.first().retain);
    QCOMPARE(state.first().qos, 1);
    QCOMPARE(QJsonDocument::fromJson(state.first().payload).object().value(u"online").toBool(), true);
}

void TestSparkplugSource::birthAndDataGiveFreshValuesByNameOrAlias()
{
    births();
    PlantEvents events = step(50);
    QCOMPARE(lastTelemetry(events, QStringLiteral("T1.level")).value(u"value").toDouble(), 50.0);
    QVERIFY(!lastTelemetry(events, QStringLiteral("T1.level")).contains(u"quality"));
    QCOMPARE(lastTelemetry(events, QStringLiteral("T1.running")).value(u"value").toBool(), false);
    QCOMPARE(lastTelemetry(events, QStringLiteral("T1.mode")).value(u"value").toString(), QStringLiteral("auto"));
    QCOMPARE(lastTelemetry(events, QStringLiteral("E1.uptime")).value(u"value").toDouble(), 100.0);
    // Data by alias only, as Sparkplug edges send it after a birth.
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(1, SparkplugDataType::Double, 61.5), byAlias(4, SparkplugDataType::Int32, qint64(2))}));
    events = step(100);
    QCOMPARE(lastTelemetry(events, QStringLiteral("T1.level")).value(u"value").toDouble(), 61.5);
    QCOMPARE(lastTelemetry(events, QStringLiteral("T1.mode")).value(u"value").toString(), QStringLiteral("manual"));
    QVERIFY(lastTelemetry(events, QStringLiteral("T1.running")).isEmpty()); // unchanged: not repeated yet
    feed(SparkplugTopic::MessageType::NData, {},
         data({metric(QStringLiteral("Uptime"), SparkplugDataType::Int64, qint64(160))}));
    QCOMPARE(lastTelemetry(step(150), QStringLiteral("E1.uptime")).value(u"value").toDouble(), 160.0);
}

void TestSparkplugSource::nodeDeathMakesEveryValueStaleAtOnce()
{
    births();
    step(50);
    QVERIFY(!conditionActive(QStringLiteral("origin:Plant1/Edge1:lost")));
    SparkplugPayload death;
    death.setMetrics({metric(QStringLiteral("bdSeq"), SparkplugDataType::Int64, qint64(3))});
    feed(SparkplugTopic::MessageType::NDeath, {}, death);
    const PlantEvents events = step(100); // the next tick, 50 ms later
    for (const char *id : {"T1.level", "T1.running", "T1.setpoint", "T1.mode", "E1.uptime"}) {
        const QJsonObject body = lastTelemetry(events, QString::fromLatin1(id));
        QCOMPARE(body.value(u"quality").toString(), QStringLiteral("stale"));
        QVERIFY2(body.value(u"qualityReason").toString().contains(u"death certificate"), id);
    }
    // The last value stays, marked as not to be trusted.
    QCOMPARE(lastTelemetry(events, QStringLiteral("T1.level")).value(u"value").toDouble(), 50.0);
    QVERIFY(conditionActive(QStringLiteral("origin:Plant1/Edge1:lost")));
    QVERIFY(!conditionActive(QStringLiteral("origin:Plant1/Edge1/Tank1:lost"))); // one death, one alarm
    // Data after the death is data without a birth: a rebirth is asked, nothing is taken.
    m_sent.clear();
    step(3000);
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(1, SparkplugDataType::Double, 70.0)}));
    QCOMPARE(telemetryNow(QStringLiteral("T1.level")).value(u"quality").toString(), QStringLiteral("stale"));
    QCOMPARE(sentTo(QStringLiteral("spBv1.0/Plant1/NCMD/Edge1")).size(), 1);
    // A new birth brings everything back.
    births();
    QVERIFY(!telemetryNow(QStringLiteral("T1.level")).contains(u"quality"));
    QVERIFY(!conditionActive(QStringLiteral("origin:Plant1/Edge1:lost")));
}

void TestSparkplugSource::aDeathOfAnEarlierSessionIsIgnored()
{
    births();
    step(50);
    SparkplugPayload late;
    late.setMetrics({metric(QStringLiteral("bdSeq"), SparkplugDataType::Int64, qint64(2))});
    feed(SparkplugTopic::MessageType::NDeath, {}, late);
    const PlantEvents events = step(100);
    QVERIFY(lastTelemetry(events, QStringLiteral("T1.level")).isEmpty());
    QVERIFY(!telemetryNow(QStringLiteral("T1.level")).contains(u"quality"));
    QVERIFY(!conditionActive(QStringLiteral("origin:Plant1/Edge1:lost")));
}

void TestSparkplugSource::deviceDeathMakesOnlyItsValuesStale()
{
    births();
    step(50);
    SparkplugPayload death;
    death.setSeq(++m_seq);
    feed(SparkplugTopic::MessageType::DDeath, QStringLiteral("Tank1"), death);
    const PlantEvents events = step(100);
    QCOMPARE(lastTelemetry(events, QStringLiteral("T1.level")).value(u"quality").toString(), QStringLiteral("stale"));
    QVERIFY(lastTelemetry(events, QStringLiteral("E1.uptime")).isEmpty());
    QVERIFY(!telemetryNow(QStringLiteral("E1.uptime")).contains(u"quality"));
    QVERIFY(conditionActive(QStringLiteral("origin:Plant1/Edge1/Tank1:lost")));
    QVERIFY(!conditionActive(QStringLiteral("origin:Plant1/Edge1:lost")));
}

void TestSparkplugSource::aSequenceGapAsksForOneRebirth()
{
    births();
    step(3000);
    m_sent.clear();
    m_seq += 3; // two messages lost
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(1, SparkplugDataType::Double, 70.0)}));
    const auto asked = sentTo(QStringLiteral("spBv1.0/Plant1/NCMD/Edge1"));
    QCOMPARE(asked.size(), 1);
    const auto rebirth = SparkplugPayload::decode(asked.first().payload);
    QVERIFY(rebirth);
    QCOMPARE(rebirth->metrics().size(), 1);
    QCOMPARE(rebirth->metrics().first().name(), QStringLiteral("Node Control/Rebirth"));
    QCOMPARE(rebirth->metrics().first().value().toBool(), true);
    const QJsonObject level = lastTelemetry(step(3050), QStringLiteral("T1.level"));
    QCOMPARE(level.value(u"quality").toString(), QStringLiteral("stale"));
    QVERIFY(level.value(u"qualityReason").toString().contains(u"sequence gap"));
    QCOMPARE(level.value(u"value").toDouble(), 50.0); // the gap's data was not taken
    // More data before the rebirth: no second request within 2 s.
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(1, SparkplugDataType::Double, 71.0)}));
    QCOMPARE(sentTo(QStringLiteral("spBv1.0/Plant1/NCMD/Edge1")).size(), 1);
    step(5100);
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(1, SparkplugDataType::Double, 72.0)}));
    QCOMPARE(sentTo(QStringLiteral("spBv1.0/Plant1/NCMD/Edge1")).size(), 2);
    births();
    QCOMPARE(lastTelemetry(step(5150), QStringLiteral("T1.level")).value(u"quality").toString(), QString());
}

void TestSparkplugSource::brokerLossMakesEverythingStaleAndReconnectionAsksForRebirth()
{
    births();
    step(50);
    m_source->linkDown(QStringLiteral("connection refused"), m_wall.addMSecs(60));
    m_linkWorks = false;
    const PlantEvents events = step(100);
    for (const char *id : {"T1.level", "E1.uptime"}) {
        const QJsonObject body = lastTelemetry(events, QString::fromLatin1(id));
        QCOMPARE(body.value(u"quality").toString(), QStringLiteral("stale"));
        QVERIFY(body.value(u"qualityReason").toString().contains(u"broker"));
    }
    QVERIFY(conditionActive(QStringLiteral("gateway:broker:lost")));
    m_linkWorks = true;
    m_sent.clear();
    m_source->linkUp(m_wall.addMSecs(200).toMSecsSinceEpoch(), m_wall.addMSecs(200));
    QVERIFY(!conditionActive(QStringLiteral("gateway:broker:lost")));
    QCOMPARE(sentTo(QStringLiteral("spBv1.0/Plant1/NCMD/Edge1")).size(), 1);
    QCOMPARE(sentTo(QStringLiteral("spBv1.0/STATE/watchfloor")).size(), 1);
    // Still stale until the node is born again.
    QCOMPARE(telemetryNow(QStringLiteral("T1.level")).value(u"quality").toString(), QStringLiteral("stale"));
    births();
    QVERIFY(!telemetryNow(QStringLiteral("T1.level")).contains(u"quality"));
}

void TestSparkplugSource::badQualityAndNullMetricsAreStale()
{
    births();
    step(50);
    SparkplugMetric bad = byAlias(1, SparkplugDataType::Double, 55.0);
    bad.insertProperty(QStringLiteral("Quality"), {SparkplugDataType::Int32, qint64(0), false});
    SparkplugMetric nothing = byAlias(2, SparkplugDataType::Boolean, {});
    nothing.setNull(true);
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"), data({bad, nothing}));
    const PlantEvents events = step(100);
    QVERIFY(
        lastTelemetry(events, QStringLiteral("T1.level")).value(u"qualityReason").toString().contains(u"quality 0"));
    QVERIFY(
        lastTelemetry(events, QStringLiteral("T1.running")).value(u"qualityReason").toString().contains(u"no value"));
}

void TestSparkplugSource::commandLifeCycleSentOnceThenSucceeded()
{
    births();
    step(50);
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(2, SparkplugDataType::Boolean, true)}));
    step(100);
    m_sent.clear();
    const CommandSubmission accepted = m_source->submitCommand(QStringLiteral("c-1"), QStringLiteral("T1.setpoint"),
                                                               60.0, QStringLiteral("alice"), m_wall, {});
    QVERIFY2(accepted.ok, qPrintable(accepted.message));
    QCOMPARE(accepted.status.value(u"status").toString(), QStringLiteral("queued"));
    QCOMPARE(accepted.events.size(), 1);
    QVERIFY(m_sent.isEmpty()); // published by the next advance, not inside the request
    PlantEvents events = step(150);
    const auto dcmd = sentTo(QStringLiteral("spBv1.0/Plant1/DCMD/Edge1/Tank1"));
    QCOMPARE(dcmd.size(), 1);
    const auto payload = SparkplugPayload::decode(dcmd.first().payload);
    QVERIFY(payload);
    QCOMPARE(payload->metrics().size(), 1);
    const SparkplugMetric written = payload->metrics().first();
    QCOMPARE(written.name(), QStringLiteral("Heater/Setpoint"));
    QCOMPARE(written.alias(), std::optional<quint64>(3));
    QCOMPARE(written.dataType(), SparkplugDataType::Float); // as the birth declared it
    QCOMPARE(written.value().toFloat(), 60.0f);
    QCOMPARE(events.last().body.value(u"status").toString(), QStringLiteral("sent"));
    // The same command id again: an answer, not a second DCMD.
    const CommandSubmission again = m_source->submitCommand(QStringLiteral("c-1"), QStringLiteral("T1.setpoint"), 60.0,
                                                            QStringLiteral("alice"), m_wall, {});
    QVERIFY(again.ok);
    QVERIFY(again.events.isEmpty());
    step(200);
    QCOMPARE(sentTo(QStringLiteral("spBv1.0/Plant1/DCMD/Edge1/Tank1")).size(), 1);
    // The device reports a value on its way, then the requested one.
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(3, SparkplugDataType::Float, 45.0f)}));
    QVERIFY(step(250).last().body.value(u"status").toString() != u"succeeded");
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(3, SparkplugDataType::Float, 60.0f)}));
    events = step(300);
    QJsonObject status;
    for (const PlantEvent &event : events) {
        if (event.channel == u"commands")
            status = event.body;
    }
    QCOMPARE(status.value(u"status").toString(), QStringLiteral("succeeded"));
    QCOMPARE(status.value(u"actualValue").toDouble(), 60.0);
    QVERIFY(status.value(u"completedAt").isString());
}

void TestSparkplugSource::commandsThatCannotSucceedFailOrTimeOut()
{
    births();
    step(50);
    const auto commandStatus = [](const PlantEvents &events, const QString &id) {
        QString status;
        for (const PlantEvent &event : events) {
            if (event.channel == u"commands" && event.key == id)
                status = event.body.value(u"status").toString();
        }
        return status;
    };
    // A device that never reports the value: timeout.
    QVERIFY(m_source
                ->submitCommand(QStringLiteral("c-t"), QStringLiteral("T1.running"), true, QStringLiteral("alice"),
                                m_wall, {})
                .ok);
    QCOMPARE(commandStatus(step(100), QStringLiteral("c-t")), QStringLiteral("sent"));
    QCOMPARE(commandStatus(step(5000), QStringLiteral("c-t")), QString());
    QCOMPARE(commandStatus(step(5100), QStringLiteral("c-t")), QStringLiteral("timeout"));
    // The device dies while a command is out: failed.
    QVERIFY(m_source
                ->submitCommand(QStringLiteral("c-d"), QStringLiteral("T1.running"), true, QStringLiteral("alice"),
                                m_wall, {})
                .ok);
    step(5150);
    SparkplugPayload death;
    death.setSeq(++m_seq);
    feed(SparkplugTopic::MessageType::DDeath, QStringLiteral("Tank1"), death);
    QCOMPARE(commandStatus(step(5200), QStringLiteral("c-d")), QStringLiteral("failed"));
    // A device that is offline: failed, and nothing published.
    m_sent.clear();
    QVERIFY(m_source
                ->submitCommand(QStringLiteral("c-o"), QStringLiteral("T1.running"), true, QStringLiteral("alice"),
                                m_wall, {})
                .ok);
    QCOMPARE(commandStatus(step(5250), QStringLiteral("c-o")), QStringLiteral("failed"));
    QVERIFY(sentTo(QStringLiteral("spBv1.0/Plant1/DCMD/Edge1/Tank1")).isEmpty());
}

void TestSparkplugSource::commandsAreCheckedBeforeTheyAreQueued()
{
    births();
    step(50);
    const auto code = [this](const QString &endpointId, const QJsonValue &value, const QDateTime &expiresAt = {}) {
        return m_source
            ->submitCommand(QStringLiteral("x-%1").arg(m_ms++), endpointId, value, QStringLiteral("alice"), m_wall,
                            expiresAt)
            .errorCode;
    };
    QCOMPARE(code(QStringLiteral("nope"), true), QStringLiteral("not_found"));
    QCOMPARE(code(QStringLiteral("T1.level"), 3.0), QStringLiteral("not_writable"));
    QCOMPARE(code(QStringLiteral("T1.running"), 1.0), QStringLiteral("bad_request"));
    QCOMPARE(code(QStringLiteral("T1.setpoint"), 95.0), QStringLiteral("out_of_range"));
    QCOMPARE(code(QStringLiteral("T1.running"), true, m_wall.addSecs(-1)), QStringLiteral("expired"));
    // The pump is off: the heater's setpoint is interlocked.
    const CommandSubmission refused = m_source->submitCommand(QStringLiteral("il"), QStringLiteral("T1.setpoint"), 50.0,
                                                              QStringLiteral("alice"), m_wall, {});
    QCOMPARE(refused.errorCode, QStringLiteral("interlock"));
    QCOMPARE(refused.reason, QStringLiteral("Heater setpoint needs the pump running"));
    // A refused command is not remembered: its id may be used again.
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(2, SparkplugDataType::Boolean, true)}));
    QVERIFY(m_source
                ->submitCommand(QStringLiteral("il"), QStringLiteral("T1.setpoint"), 50.0, QStringLiteral("alice"),
                                m_wall, {})
                .ok);
}

void TestSparkplugSource::alarmConditionsKeepDelaysAndDeadband()
{
    births();
    step(1000);
    const QString high = QStringLiteral("endpoint:T1.level:hi");
    const auto level = [this](double value, qint64 ms) {
        feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
             data({byAlias(1, SparkplugDataType::Double, value)}));
        step(ms);
    };
    level(95.0, 1050);
    QVERIFY(!conditionActive(high)); // the on-delay has not run
    step(1900);
    QVERIFY(!conditionActive(high));
    step(2100);
    QVERIFY(conditionActive(high));
    level(89.0, 2200); // inside the limit, not by the deadband
    QVERIFY(conditionActive(high));
    level(87.0, 2300);
    QVERIFY(!conditionActive(high)); // no off-delay configured
    // A blip shorter than the on-delay raises nothing.
    level(93.0, 2400);
    level(80.0, 3000);
    step(4000);
    QVERIFY(!conditionActive(high));
}

void TestSparkplugSource::telemetryByExceptionAndRefreshed()
{
    births();
    step(50);
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Tank1"),
         data({byAlias(1, SparkplugDataType::Double, 50.3)}));
    PlantEvents events = step(100);
    QVERIFY(lastTelemetry(events, QStringLiteral("T1.level")).isEmpty()); // within the deadband
    bool streamed = false;
    for (const PlantEvent &event : events)
        streamed = streamed || (event.channel == u"endpoint_stream" && event.body.value(u"value").toDouble() == 50.3);
    QVERIFY(streamed);
    QCOMPARE(telemetryNow(QStringLiteral("T1.level")).value(u"value").toDouble(), 50.3);
    QVERIFY(lastTelemetry(step(10000), QStringLiteral("T1.level")).isEmpty());
    const QJsonObject refreshed = lastTelemetry(step(10100), QStringLiteral("T1.level"));
    QCOMPARE(refreshed.value(u"value").toDouble(), 50.3);
    QCOMPARE(refreshed.value(u"timestamp").toString(), m_wall.addMSecs(10100).toString(Qt::ISODateWithMs));
}

void TestSparkplugSource::tilesSnapshotDescribesTheConfiguredPlant()
{
    births();
    const QJsonArray tiles = m_source->snapshot(QStringLiteral("tiles"), {});
    QCOMPARE(tiles.size(), 1);
    const QJsonObject tile = tiles.first().toObject();
    QCOMPARE(tile.value(u"tileId").toString(), QStringLiteral("T1"));
    const QJsonArray devices = tile.value(u"devices").toArray();
    QCOMPARE(devices.size(), 2);
    QCOMPARE(devices.first().toObject().value(u"deviceId").toString(), QStringLiteral("T1.Tank1"));
    const QJsonArray endpoints = devices.first().toObject().value(u"endpoints").toArray();
    QCOMPARE(endpoints.size(), 4);
    const QJsonObject setpoint = endpoints.at(2).toObject();
    QCOMPARE(setpoint.value(u"endpointId").toString(), QStringLiteral("T1.setpoint"));
    QCOMPARE(setpoint.value(u"writable").toBool(), true);
    QCOMPARE(setpoint.value(u"min").toDouble(), 20.0);
    QCOMPARE(setpoint.value(u"value").toDouble(), 40.0);
    QCOMPARE(endpoints.at(3).toObject().value(u"options").toArray().size(), 3);
    const QJsonArray interlocks = tile.value(u"interlocks").toArray();
    QCOMPARE(interlocks.size(), 1);
    QCOMPARE(interlocks.first().toObject().value(u"target").toString(), QStringLiteral("T1.setpoint"));
}

void TestSparkplugSource::fleetBirths()
{
    SparkplugPayload press;
    press.setSeq(++m_seq);
    press.setTimestamp(quint64(m_wall.addMSecs(m_ms).toMSecsSinceEpoch()));
    press.setMetrics({metric(QStringLiteral("State"), SparkplugDataType::Int32, qint64(1), 20),
                      metric(QStringLiteral("Load"), SparkplugDataType::Double, 72.5, 21),
                      metric(QStringLiteral("Parts"), SparkplugDataType::UInt64, quint64(1200), 22)});
    feed(SparkplugTopic::MessageType::DBirth, QStringLiteral("Press1"), press);
    SparkplugPayload drone;
    drone.setSeq(++m_seq);
    drone.setTimestamp(quint64(m_wall.addMSecs(m_ms).toMSecsSinceEpoch()));
    drone.setMetrics({metric(QStringLiteral("State"), SparkplugDataType::String, QStringLiteral("flying"), 30),
                      metric(QStringLiteral("Battery"), SparkplugDataType::Float, 80.5f, 31),
                      metric(QStringLiteral("Lat"), SparkplugDataType::Double, 48.13935, 32),
                      metric(QStringLiteral("Lon"), SparkplugDataType::Double, 11.56919, 33),
                      metric(QStringLiteral("Speed"), SparkplugDataType::Double, 9.0, 34)});
    feed(SparkplugTopic::MessageType::DBirth, QStringLiteral("Drone7"), drone);
}

QJsonObject TestSparkplugSource::lastOn(const PlantEvents &events, const QString &channel, const QString &key) const
{
    QJsonObject last;
    for (const PlantEvent &event : events) {
        if (event.channel == channel && event.key == key)
            last = event.body;
    }
    return last;
}

// What the console's decoder makes of an event: no error, one message.
void TestSparkplugSource::checkDecodes(const QJsonObject &event)
{
    QVERIFY(!event.isEmpty());
    QJsonObject body = event;
    body.insert(QLatin1StringView("seq"), 1);
    body.insert(QLatin1StringView("ts"), double(m_wall.toMSecsSinceEpoch()));
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const Protocol::DecodedFrame frame = Protocol::decodeFrame(json);
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString() + u' ' + QString::fromUtf8(json)));
    QCOMPARE(frame.messages.size(), 1);
}

void TestSparkplugSource::checkSnapshotDecodes(const QString &channel)
{
    const QJsonArray items = m_source->snapshot(channel, {});
    QVERIFY(!items.isEmpty());
    checkDecodes({{QLatin1StringView("type"), QStringLiteral("snapshot")},
                  {QLatin1StringView("channel"), channel},
                  {QLatin1StringView("items"), items}});
}

void TestSparkplugSource::machinesAndDronesAreNotServedBeforeTheirStatus()
{
    births();
    // A birth without the status metric: the press is not served yet.
    SparkplugPayload press;
    press.setSeq(++m_seq);
    press.setMetrics({metric(QStringLiteral("Load"), SparkplugDataType::Double, 10.0)});
    feed(SparkplugTopic::MessageType::DBirth, QStringLiteral("Press1"), press);
    for (const qint64 ms : {50, 6000, 12000}) {
        for (const PlantEvent &event : step(ms))
            QVERIFY(event.channel != u"machines" && event.channel != u"drones");
    }
    QVERIFY(m_source->snapshot(QStringLiteral("machines"), {}).isEmpty());
    QVERIFY(m_source->snapshot(QStringLiteral("drones"), {}).isEmpty());
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Press1"),
         data({metric(QStringLiteral("State"), SparkplugDataType::Int32, qint64(0))}));
    const QJsonObject idle = lastOn(step(12050), QStringLiteral("machines"), QStringLiteral("PR-1"));
    QCOMPARE(idle.value(u"status").toString(), QStringLiteral("idle"));
    // Served, but Parts was not in the birth: stale until it is reported.
    QCOMPARE(idle.value(u"quality").toString(), QStringLiteral("stale"));
    QCOMPARE(idle.value(u"qualityReason").toString(), QStringLiteral("the birth certificate does not carry Parts"));
    checkDecodes(idle);
}

void TestSparkplugSource::machineAndDroneEventsDecodeInTheConsole()
{
    births();
    fleetBirths();
    const PlantEvents events = step(50);
    const QJsonObject machine = lastOn(events, QStringLiteral("machines"), QStringLiteral("PR-1"));
    QCOMPARE(machine.value(u"type").toString(), QStringLiteral("machine_status_update"));
    QCOMPARE(machine.value(u"machineId").toString(), QStringLiteral("PR-1"));
    QCOMPARE(machine.value(u"name").toString(), QStringLiteral("Press 1"));
    QCOMPARE(machine.value(u"line").toString(), QStringLiteral("Line A"));
    QCOMPARE(machine.value(u"status").toString(), QStringLiteral("running"));
    QCOMPARE(machine.value(u"utilization").toDouble(), 72.5);
    QCOMPARE(machine.value(u"producedCount").toInteger(), 1200);
    QCOMPARE(machine.value(u"timestamp").toString(), m_wall.toString(Qt::ISODateWithMs));
    QVERIFY(!machine.contains(u"quality"));
    checkDecodes(machine);
    const QJsonObject drone = lastOn(events, QStringLiteral("drones"), QStringLiteral("WF-D7"));
    QCOMPARE(drone.value(u"type").toString(), QStringLiteral("drone_update"));
    QCOMPARE(drone.value(u"kind").toString(), QStringLiteral("status"));
    QCOMPARE(drone.value(u"serial").toString(), QStringLiteral("WF-D7"));
    const QJsonObject data = drone.value(u"data").toObject();
    QCOMPARE(data.value(u"state").toString(), QStringLiteral("flying"));
    QCOMPARE(data.value(u"battery").toDouble(), 80.5);
    QCOMPARE(data.value(u"location").toObject().value(u"lat").toDouble(), 48.13935);
    QCOMPARE(data.value(u"location").toObject().value(u"alt").toDouble(), 0.0); // not configured
    QCOMPARE(data.value(u"speed").toDouble(), 9.0);
    QVERIFY(!data.contains(u"quality")); // a drone's quality travels inside data
    checkDecodes(drone);
    checkSnapshotDecodes(QStringLiteral("machines"));
    checkSnapshotDecodes(QStringLiteral("drones"));
    const QJsonArray machines = m_source->snapshot(QStringLiteral("machines"), {QStringLiteral("PR-1")});
    QCOMPARE(machines.size(), 1);
    QCOMPARE(machines.first().toObject().value(u"status").toString(), QStringLiteral("running"));
    QVERIFY(m_source->snapshot(QStringLiteral("machines"), {QStringLiteral("other")}).isEmpty());
    QCOMPARE(m_source->snapshot(QStringLiteral("drones"), {}).first().toObject().value(u"serial").toString(),
             QStringLiteral("WF-D7"));
}

void TestSparkplugSource::statusMapsAndTheFiveSecondCadence()
{
    births();
    fleetBirths();
    step(50);
    // A change is published at the next advance(), by alias as edges send it.
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Press1"),
         data({byAlias(20, SparkplugDataType::Int32, qint64(3))}));
    PlantEvents events = step(100);
    QCOMPARE(lastOn(events, QStringLiteral("machines"), QStringLiteral("PR-1")).value(u"status").toString(),
             QStringLiteral("maintenance"));
    QVERIFY(lastOn(events, QStringLiteral("drones"), QStringLiteral("WF-D7")).isEmpty()); // unchanged
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Drone7"),
         data({byAlias(30, SparkplugDataType::String, QStringLiteral("charging"))}));
    events = step(200);
    QCOMPARE(lastOn(events, QStringLiteral("drones"), QStringLiteral("WF-D7"))
                 .value(u"data")
                 .toObject()
                 .value(u"state")
                 .toString(),
             QStringLiteral("charging"));
    // Quiet: repeated every 5 s of source time, with a new timestamp.
    QVERIFY(lastOn(step(5000), QStringLiteral("machines"), QStringLiteral("PR-1")).isEmpty());
    events = step(5100);
    const QJsonObject repeated = lastOn(events, QStringLiteral("machines"), QStringLiteral("PR-1"));
    QCOMPARE(repeated.value(u"status").toString(), QStringLiteral("maintenance"));
    QCOMPARE(repeated.value(u"timestamp").toString(), m_wall.addMSecs(5100).toString(Qt::ISODateWithMs));
    QVERIFY(lastOn(events, QStringLiteral("drones"), QStringLiteral("WF-D7")).isEmpty()); // its own beat
    QVERIFY(!lastOn(step(5200), QStringLiteral("drones"), QStringLiteral("WF-D7")).isEmpty());
    // A bool status maps by true/false; a whole Double by its digits.
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Press1"),
         data({byAlias(20, SparkplugDataType::Double, 2.0)}));
    QCOMPARE(lastOn(step(5300), QStringLiteral("machines"), QStringLiteral("PR-1")).value(u"status").toString(),
             QStringLiteral("down"));
}

void TestSparkplugSource::unknownStatusWordsAreStaleNotGuessed()
{
    births();
    fleetBirths();
    step(50);
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Press1"),
         data({byAlias(20, SparkplugDataType::Int32, qint64(7))}));
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Drone7"),
         data({byAlias(30, SparkplugDataType::String, QStringLiteral("hovering"))}));
    PlantEvents events = step(100);
    const QJsonObject machine = lastOn(events, QStringLiteral("machines"), QStringLiteral("PR-1"));
    QCOMPARE(machine.value(u"status").toString(), QStringLiteral("running")); // the last known, not a guess
    QCOMPARE(machine.value(u"quality").toString(), QStringLiteral("stale"));
    QCOMPARE(machine.value(u"qualityReason").toString(),
             QStringLiteral("State reports \"7\", which the status-map does not map"));
    checkDecodes(machine);
    const QJsonObject drone = lastOn(events, QStringLiteral("drones"), QStringLiteral("WF-D7"));
    QCOMPARE(drone.value(u"data").toObject().value(u"state").toString(), QStringLiteral("flying"));
    QCOMPARE(drone.value(u"data").toObject().value(u"quality").toString(), QStringLiteral("stale"));
    QCOMPARE(drone.value(u"data").toObject().value(u"qualityReason").toString(),
             QStringLiteral("State reports \"hovering\", which is not idle, flying, charging, maintenance, offline, "
                            "error"));
    checkDecodes(drone);
    checkSnapshotDecodes(QStringLiteral("drones"));
    QCOMPARE(m_source->snapshot(QStringLiteral("drones"), {}).first().toObject().value(u"quality").toString(),
             QStringLiteral("stale"));
    // A known word again: fresh.
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Press1"),
         data({byAlias(20, SparkplugDataType::Int32, qint64(0))}));
    const QJsonObject idle = lastOn(step(150), QStringLiteral("machines"), QStringLiteral("PR-1"));
    QCOMPARE(idle.value(u"status").toString(), QStringLiteral("idle"));
    QVERIFY(!idle.contains(u"quality"));
    // A battery far beyond 0-100 is stale, one a little beyond is brought to the bound.
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Drone7"),
         data({byAlias(30, SparkplugDataType::String, QStringLiteral("idle")),
               byAlias(31, SparkplugDataType::Float, 100.4f)}));
    const QJsonObject full = lastOn(step(200), QStringLiteral("drones"), QStringLiteral("WF-D7"));
    QCOMPARE(full.value(u"data").toObject().value(u"battery").toDouble(), 100.0);
    QVERIFY(!full.contains(u"quality"));
}

void TestSparkplugSource::fleetTurnsStaleOnDeathGapAndBrokerLoss()
{
    births();
    fleetBirths();
    step(50);
    // Device death: only that device's entity.
    SparkplugPayload ddeath;
    ddeath.setSeq(++m_seq);
    feed(SparkplugTopic::MessageType::DDeath, QStringLiteral("Press1"), ddeath);
    PlantEvents events = step(100);
    QJsonObject machine = lastOn(events, QStringLiteral("machines"), QStringLiteral("PR-1"));
    QCOMPARE(machine.value(u"quality").toString(), QStringLiteral("stale"));
    QCOMPARE(machine.value(u"qualityReason").toString(),
             QStringLiteral("device Plant1/Edge1/Press1 offline (death certificate)"));
    QCOMPARE(machine.value(u"status").toString(), QStringLiteral("running"));
    QCOMPARE(machine.value(u"timestamp").toString(), m_wall.toString(Qt::ISODateWithMs)); // the last report's
    checkDecodes(machine);
    QVERIFY(lastOn(events, QStringLiteral("drones"), QStringLiteral("WF-D7")).isEmpty());
    // Stale ones keep their 5 s beat.
    QVERIFY(!lastOn(step(5100), QStringLiteral("machines"), QStringLiteral("PR-1")).isEmpty());
    // Node death: everything of the node, at the next advance().
    SparkplugPayload ndeath;
    ndeath.setMetrics({metric(QStringLiteral("bdSeq"), SparkplugDataType::Int64, qint64(3))});
    feed(SparkplugTopic::MessageType::NDeath, {}, ndeath);
    const QJsonObject drone = lastOn(step(5150), QStringLiteral("drones"), QStringLiteral("WF-D7"));
    QCOMPARE(drone.value(u"data").toObject().value(u"quality").toString(), QStringLiteral("stale"));
    QCOMPARE(drone.value(u"data").toObject().value(u"qualityReason").toString(),
             QStringLiteral("edge node Plant1/Edge1 offline (death certificate)"));
    checkDecodes(drone);
    // Born again: fresh; then a sequence gap and a broker loss.
    births();
    fleetBirths();
    events = step(5200);
    QVERIFY(!lastOn(events, QStringLiteral("drones"), QStringLiteral("WF-D7"))
                 .value(u"data")
                 .toObject()
                 .contains(u"quality"));
    QVERIFY(!lastOn(events, QStringLiteral("machines"), QStringLiteral("PR-1")).contains(u"quality"));
    m_seq += 5;
    feed(SparkplugTopic::MessageType::DData, QStringLiteral("Drone7"),
         data({byAlias(31, SparkplugDataType::Float, 70.0f)}));
    QCOMPARE(lastOn(step(5250), QStringLiteral("drones"), QStringLiteral("WF-D7"))
                 .value(u"data")
                 .toObject()
                 .value(u"qualityReason")
                 .toString(),
             QStringLiteral("sequence gap from edge node Plant1/Edge1: rebirth requested"));
    births();
    fleetBirths();
    step(5300);
    m_source->linkDown(QStringLiteral("keep-alive timeout"), m_wall.addMSecs(5300));
    events = step(5350);
    QCOMPARE(lastOn(events, QStringLiteral("machines"), QStringLiteral("PR-1")).value(u"qualityReason").toString(),
             QStringLiteral("broker link lost: keep-alive timeout"));
    QCOMPARE(lastOn(events, QStringLiteral("drones"), QStringLiteral("WF-D7"))
                 .value(u"data")
                 .toObject()
                 .value(u"quality")
                 .toString(),
             QStringLiteral("stale"));
}

QTEST_GUILESS_MAIN(TestSparkplugSource)
#include "tst_sparkplugsource.moc"
