#include "gateway/gatewaytestclient.h"
#include "gatewayconfigfile.h"
#include "gatewayhost.h"
#include "model/alarmmodel.h"
#include "model/tilemodel.h"
#include "sparkplughostlink.h"
#include "sparkplugsource.h"
#include "support/consolefixture.h"
#include "support/mosquittobroker.h"
#include "support/sparkplugedgepeer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <memory>

// watchfloor-gateway end to end, every part real: a mosquitto broker, an edge
// node made of the npm sparkplug-client package (tests/interop/
// sparkplug-edge.js), the gateway core over the Sparkplug source and its MQTT
// link, and consoles on the wire. What the issue promises: births become
// tiles, data values, a limit an alarm shared between consoles, a command a
// DCMD whose report ends it, a dead node stale within 1 s with a lost alarm,
// a sequence gap a rebirth, a restarted broker stale then fresh again.
class TestGatewaySparkplug : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void birthBecomesTilesAndDataBecomesValues();
    void aLimitCrossedIsAnAlarmAcknowledgedForEveryConsole();
    void aCommandIsOneDcmdAndSucceedsOnTheReport();
    void aKilledEdgeNodeIsStaleWithinOneSecondAndLost();
    void aSequenceGapAsksForARebirth();
    void aRestartedBrokerIsStaleThenFreshAgain();
    void theConsoleShowsThePlantCommandsItAndSeesADeadNodeStaleWithinOneSecond();
    void aMachineIsServedAndStaleWhenItsEdgeNodeIsKilled();

private:
    void startGateway();
    std::unique_ptr<GatewayTestClient> console(const QString &token, const QString &name);
    // The first telemetry of `endpointId` after message `from` that `match` accepts.
    QJsonObject telemetry(GatewayTestClient &client, const QString &endpointId,
                          const std::function<bool(const QJsonObject &)> &match, qsizetype from = 0,
                          int timeoutMs = 5000);

    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<SparkplugEdgePeer> m_edge;
    std::unique_ptr<GatewayHost> m_host;
    std::unique_ptr<SparkplugHostLink> m_link;
    SparkplugSource *m_source = nullptr;
};

namespace {

QByteArray configText(quint16 brokerPort)
{
    return QStringLiteral(R"([gateway]
listen = 127.0.0.1:8765

[tokens]
operator-a = operator
operator-b = operator

[broker]
host = 127.0.0.1
port = %1
keep-alive = 5s

[sparkplug]
host-id = wf-test
groups = Plant1
command-timeout = 5s

[tile Tank1]
name = Tank 1

[device Tank1/Vessel]
origin = Plant1/Edge1/Tank1
kind = tank

[endpoint Tank1.Level]
device = Tank1/Vessel
metric = Level
type = number
unit = %
deadband = 0.1

[endpoint Tank1.Setpoint]
device = Tank1/Vessel
metric = Heater/Setpoint
type = number
min = 20
max = 90
step = 0.5
writable = true

[alarm level-high]
endpoint = Tank1.Level
condition = hi
limit = 90
deadband = 1
severity = high

[machine PR-1]
name = Press 1
line = Line A
origin = Plant1/Edge1/Press1
status-metric = State
status-map = 0:idle, 1:running, 2:down, 3:maintenance
utilization-metric = Load
produced-metric = Parts
)")
        .arg(brokerPort)
        .toUtf8();
}

bool isStale(const QJsonObject &telemetry)
{
    return telemetry.value(u"quality").toString() == u"stale";
}

bool isFresh(const QJsonObject &telemetry)
{
    return !telemetry.contains(u"quality") && telemetry.value(u"value").isDouble();
}

} // namespace

void TestGatewaySparkplug::init()
{
    m_broker = std::make_unique<MosquittoBroker>();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->log()));
    startGateway();
    m_edge = std::make_unique<SparkplugEdgePeer>();
    SparkplugEdgePeer::Options options;
    options.port = m_broker->port();
    options.groupId = QStringLiteral("Plant1");
    options.edgeNodeId = QStringLiteral("Edge1");
    options.aliases = true;
    options.devices = {{QStringLiteral("Tank1"),
                        {{QStringLiteral("Level"), QStringLiteral("Double"), QStringLiteral("50")},
                         {QStringLiteral("Heater/Setpoint"), QStringLiteral("Float"), QStringLiteral("40")}}},
                       {QStringLiteral("Press1"),
                        {{QStringLiteral("State"), QStringLiteral("Int32"), QStringLiteral("1")},
                         {QStringLiteral("Load"), QStringLiteral("Double"), QStringLiteral("64.5")},
                         {QStringLiteral("Parts"), QStringLiteral("UInt64"), QStringLiteral("1200")}}}};
    QVERIFY2(m_edge->start(options), qPrintable(m_edge->errorString()));
}

void TestGatewaySparkplug::cleanup()
{
    if (QTest::currentTestFailed()) {
        if (m_edge)
            m_edge->dumpDiagnostics();
        if (m_broker)
            qWarning().noquote() << m_broker->log();
    }
    m_link.reset();
    m_host.reset();
    m_edge.reset();
    m_broker.reset();
}

void TestGatewaySparkplug::startGateway()
{
    QStringList errors;
    const auto config = GatewayConfigFile::parse(configText(m_broker->port()), QStringLiteral("test.ini"), &errors);
    QVERIFY2(config, qPrintable(errors.join(u'\n')));
    GatewayOptions options = config->options();
    options.port = 0; // a free port
    auto source = std::make_unique<SparkplugSource>(
        config->source(), [this](const QString &topic, const QByteArray &payload, int qos, bool retain) {
            return m_link && m_link->publish(topic, payload, qos, retain);
        });
    m_source = source.get();
    m_host = std::make_unique<GatewayHost>(options, std::move(source));
    m_link = std::make_unique<SparkplugHostLink>(config->source(), *m_source);
    QVERIFY2(m_host->listen(), qPrintable(m_host->errorString()));
    QVERIFY(m_link->open());
    QTRY_VERIFY_WITH_TIMEOUT(m_link->client().state() == MqttClient::State::Connected, 10000);
}

std::unique_ptr<GatewayTestClient> TestGatewaySparkplug::console(const QString &token, const QString &name)
{
    auto client = std::make_unique<GatewayTestClient>(m_host->url());
    const QJsonObject auth = client->authenticate(token, name);
    if (auth.isEmpty())
        return nullptr;
    client->subscribe(QStringLiteral("all"));
    return client;
}

QJsonObject TestGatewaySparkplug::telemetry(GatewayTestClient &client, const QString &endpointId,
                                            const std::function<bool(const QJsonObject &)> &match, qsizetype from,
                                            int timeoutMs)
{
    // A telemetry event, or the item of a telemetry snapshot.
    QJsonObject found;
    client.waitFor(
        [&](const QJsonObject &m) {
            const QString type = m.value(u"type").toString();
            if (type == u"telemetry" && m.value(u"endpointId").toString() == endpointId && match(m)) {
                found = m;
                return true;
            }
            if (type != u"snapshot" || m.value(u"channel").toString() != u"telemetry")
                return false;
            for (const QJsonValue &item : m.value(u"items").toArray()) {
                if (item.toObject().value(u"endpointId").toString() == endpointId && match(item.toObject())) {
                    found = item.toObject();
                    return true;
                }
            }
            return false;
        },
        timeoutMs, from);
    return found;
}

void TestGatewaySparkplug::birthBecomesTilesAndDataBecomesValues()
{
    auto a = console(QStringLiteral("operator-a"), QStringLiteral("alice"));
    QVERIFY(a);
    // The birth: the level arrives fresh with the edge's initial value.
    const QJsonObject born = telemetry(*a, QStringLiteral("Tank1.Level"), isFresh);
    QVERIFY2(born.value(u"value").toDouble() == 50.0, QJsonDocument(born).toJson().constData());
    // The tiles snapshot describes the configured plant, with the value.
    const QJsonObject tiles = a->request({{QLatin1StringView("type"), QStringLiteral("refresh")}});
    QVERIFY(!tiles.isEmpty());
    const QJsonObject snapshot = a->waitFor([](const QJsonObject &m) {
        return m.value(u"type").toString() == u"snapshot" && m.value(u"channel").toString() == u"tiles";
    });
    const QJsonObject tile = snapshot.value(u"items").toArray().first().toObject();
    QCOMPARE(tile.value(u"tileId").toString(), QStringLiteral("Tank1"));
    const QJsonArray endpoints = tile.value(u"devices").toArray().first().toObject().value(u"endpoints").toArray();
    QCOMPARE(endpoints.size(), 2);
    QCOMPARE(endpoints.at(1).toObject().value(u"writable").toBool(), true);
    // Data: a new value reaches the console.
    const qsizetype from = a->messages.size();
    QVERIFY(m_edge->send(QStringLiteral("data"),
                         {{QLatin1StringView("device"), QStringLiteral("Tank1")},
                          {QLatin1StringView("metrics"), QJsonObject {{QLatin1StringView("Level"), 63.5}}}}));
    QCOMPARE(telemetry(
                 *a, QStringLiteral("Tank1.Level"),
                 [](const QJsonObject &m) { return m.value(u"value").toDouble() == 63.5; }, from)
                 .value(u"value")
                 .toDouble(),
             63.5);
}

void TestGatewaySparkplug::aLimitCrossedIsAnAlarmAcknowledgedForEveryConsole()
{
    auto a = console(QStringLiteral("operator-a"), QStringLiteral("alice"));
    auto b = console(QStringLiteral("operator-b"), QStringLiteral("bob"));
    QVERIFY(a && b);
    QVERIFY(!telemetry(*a, QStringLiteral("Tank1.Level"), isFresh).isEmpty());
    QVERIFY(m_edge->send(QStringLiteral("data"),
                         {{QLatin1StringView("device"), QStringLiteral("Tank1")},
                          {QLatin1StringView("metrics"), QJsonObject {{QLatin1StringView("Level"), 95.0}}}}));
    const auto raised = [](const QJsonObject &m) {
        return m.value(u"type").toString() == u"alarm"
            && m.value(u"source").toObject().value(u"id").toString() == u"Tank1.Level"
            && m.value(u"state").toString() == u"active_unacked";
    };
    const QJsonObject alarm = a->waitFor(raised, 5000);
    QVERIFY2(!alarm.isEmpty(), "no alarm for the level above its HI limit");
    QCOMPARE(alarm.value(u"severity").toString(), QStringLiteral("high"));
    QVERIFY(!b->waitFor(raised, 5000).isEmpty());
    const QJsonObject ack = a->request({{QLatin1StringView("type"), QStringLiteral("ack_alarm")},
                                        {QLatin1StringView("alarmId"), alarm.value(u"alarmId")},
                                        {QLatin1StringView("occurrence"), alarm.value(u"count")},
                                        {QLatin1StringView("note"), QStringLiteral("checking the inlet")}});
    QVERIFY2(!ack.contains(u"error"), QJsonDocument(ack).toJson().constData());
    const QJsonObject seen = b->waitFor([&alarm](const QJsonObject &m) {
        return m.value(u"type").toString() == u"alarm" && m.value(u"alarmId") == alarm.value(u"alarmId")
            && m.value(u"state").toString() == u"active_acked";
    });
    QCOMPARE(seen.value(u"ackedBy").toString(), QStringLiteral("alice"));
    QCOMPARE(seen.value(u"note").toString(), QStringLiteral("checking the inlet"));
}

void TestGatewaySparkplug::aCommandIsOneDcmdAndSucceedsOnTheReport()
{
    auto a = console(QStringLiteral("operator-a"), QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(!telemetry(*a, QStringLiteral("Tank1.Setpoint"), isFresh).isEmpty());
    const QJsonObject queued = a->request({{QLatin1StringView("type"), QStringLiteral("command")},
                                           {QLatin1StringView("commandId"), QStringLiteral("c-1")},
                                           {QLatin1StringView("endpointId"), QStringLiteral("Tank1.Setpoint")},
                                           {QLatin1StringView("value"), 62.5}});
    QCOMPARE(queued.value(u"data").toObject().value(u"status").toString(), QStringLiteral("queued"));
    // The edge node receives it as a DCMD of its metric, applies it and reports it.
    const QJsonObject dcmd = m_edge->waitFor(QStringLiteral("dcmd"));
    QVERIFY2(!dcmd.isEmpty(), "the edge node got no DCMD");
    QCOMPARE(dcmd.value(u"device").toString(), QStringLiteral("Tank1"));
    const QJsonArray written = dcmd.value(u"metrics").toArray();
    QCOMPARE(written.size(), 1);
    const QJsonObject metric = written.first().toObject();
    QCOMPARE(metric.value(u"name").toString(), QStringLiteral("Heater/Setpoint"));
    QCOMPARE(metric.value(u"type").toString(), QStringLiteral("Float")); // the datatype of the birth
    QCOMPARE(metric.value(u"value").toDouble(), 62.5);
    QVERIFY2(metric.value(u"applied").toBool(), qPrintable(metric.value(u"reason").toString()));
    const auto status = [&a](const QString &wanted) {
        return a->waitFor([&wanted](const QJsonObject &m) {
            return m.value(u"type").toString() == u"command_status" && m.value(u"commandId").toString() == u"c-1"
                && m.value(u"status").toString() == wanted;
        });
    };
    QVERIFY(!status(QStringLiteral("sent")).isEmpty());
    const QJsonObject done = status(QStringLiteral("succeeded"));
    QVERIFY2(!done.isEmpty(), "the command did not succeed on the device's report");
    QCOMPARE(done.value(u"actualValue").toDouble(), 62.5);
    // Sent once: asking again answers and sends nothing more.
    const QJsonObject again = a->request({{QLatin1StringView("type"), QStringLiteral("command")},
                                          {QLatin1StringView("commandId"), QStringLiteral("c-1")},
                                          {QLatin1StringView("endpointId"), QStringLiteral("Tank1.Setpoint")},
                                          {QLatin1StringView("value"), 62.5}});
    QCOMPARE(again.value(u"data").toObject().value(u"status").toString(), QStringLiteral("succeeded"));
    QVERIFY(m_edge->waitFor(QStringLiteral("dcmd"), 1000).isEmpty());
}

void TestGatewaySparkplug::aKilledEdgeNodeIsStaleWithinOneSecondAndLost()
{
    auto a = console(QStringLiteral("operator-a"), QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(!telemetry(*a, QStringLiteral("Tank1.Level"), isFresh).isEmpty());
    QVERIFY(!telemetry(*a, QStringLiteral("Tank1.Setpoint"), isFresh).isEmpty());
    const qsizetype from = a->messages.size();
    QElapsedTimer clock;
    clock.start();
    m_edge->kill(); // SIGKILL: the broker publishes the node's will, its NDEATH
    const QJsonObject level = telemetry(*a, QStringLiteral("Tank1.Level"), isStale, from, 3000);
    const qint64 staleAfterMs = clock.elapsed();
    QVERIFY2(!level.isEmpty(), "the level never turned stale");
    QVERIFY2(staleAfterMs < 1000, qPrintable(QStringLiteral("stale after %1 ms").arg(staleAfterMs)));
    qInfo("killed edge node: stale on the console after %lld ms", staleAfterMs);
    QVERIFY(level.value(u"qualityReason").toString().contains(u"death certificate"));
    QCOMPARE(level.value(u"value").toDouble(), 50.0); // the last value, marked
    QVERIFY(!telemetry(*a, QStringLiteral("Tank1.Setpoint"), isStale, from, 1000).isEmpty());
    const QJsonObject lost = a->waitFor(
        [](const QJsonObject &m) {
            return m.value(u"type").toString() == u"alarm" && m.value(u"message").toString().contains(u"lost")
                && m.value(u"source").toObject().value(u"id").toString() == u"Plant1/Edge1";
        },
        3000, from);
    if (lost.isEmpty()) {
        for (const QJsonObject &m : a->ofType(QStringLiteral("alarm")))
            qWarning().noquote() << QJsonDocument(m).toJson(QJsonDocument::Compact);
    }
    QVERIFY2(!lost.isEmpty(), "no edge node lost alarm");
}

void TestGatewaySparkplug::aSequenceGapAsksForARebirth()
{
    auto a = console(QStringLiteral("operator-a"), QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(!telemetry(*a, QStringLiteral("Tank1.Level"), isFresh).isEmpty());
    const qsizetype from = a->messages.size();
    QVERIFY(m_edge->send(QStringLiteral("skip-seq")));
    QVERIFY(m_edge->send(QStringLiteral("data"),
                         {{QLatin1StringView("device"), QStringLiteral("Tank1")},
                          {QLatin1StringView("metrics"), QJsonObject {{QLatin1StringView("Level"), 70.0}}}}));
    // The gateway asks the node for a rebirth, and the node is born again.
    const QJsonObject ncmd = m_edge->waitFor(QStringLiteral("ncmd"), 5000);
    QVERIFY2(!ncmd.isEmpty(), "no NCMD reached the edge node");
    const QJsonObject rebirth = ncmd.value(u"metrics").toArray().first().toObject();
    QCOMPARE(rebirth.value(u"name").toString(), QStringLiteral("Node Control/Rebirth"));
    QCOMPARE(rebirth.value(u"value").toBool(), true);
    QVERIFY(!m_edge->waitFor(QStringLiteral("rebirth"), 5000).isEmpty());
    // Fresh after the rebirth, with the node's value. (Whether the stale
    // mark in between reaches the consoles depends on the rebirth taking
    // longer than one tick of the gateway; tst_sparkplugsource proves the
    // mark itself.)
    QVERIFY(!telemetry(
                 *a, QStringLiteral("Tank1.Level"),
                 [](const QJsonObject &m) { return isFresh(m) && m.value(u"value").toDouble() == 70.0; }, from)
                 .isEmpty());
}

void TestGatewaySparkplug::aRestartedBrokerIsStaleThenFreshAgain()
{
    auto a = console(QStringLiteral("operator-a"), QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(!telemetry(*a, QStringLiteral("Tank1.Level"), isFresh).isEmpty());
    qsizetype from = a->messages.size();
    m_broker->kill();
    QElapsedTimer clock;
    clock.start();
    const QJsonObject stale = telemetry(*a, QStringLiteral("Tank1.Level"), isStale, from, 3000);
    QVERIFY2(!stale.isEmpty(), "the level did not turn stale when the broker died");
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("stale after %1 ms").arg(clock.elapsed())));
    QVERIFY(stale.value(u"qualityReason").toString().contains(u"broker"));
    from = a->messages.size();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->log())); // the same port
    // The gateway and the node reconnect by themselves; the node is born again.
    const QJsonObject fresh = telemetry(*a, QStringLiteral("Tank1.Level"), isFresh, from, 20000);
    QVERIFY2(!fresh.isEmpty(), "the level did not come back after the broker restarted");
}

void TestGatewaySparkplug::aMachineIsServedAndStaleWhenItsEdgeNodeIsKilled()
{
    auto a = console(QStringLiteral("operator-a"), QStringLiteral("alice"));
    QVERIFY(a);
    // The machine from the Press1 device's birth, as an event or a snapshot item.
    const auto machine = [&a](const std::function<bool(const QJsonObject &)> &match, qsizetype from, int timeoutMs) {
        QJsonObject found;
        a->waitFor(
            [&](const QJsonObject &m) {
                const QString type = m.value(u"type").toString();
                if (type == u"machine_status_update" && m.value(u"machineId").toString() == u"PR-1" && match(m)) {
                    found = m;
                    return true;
                }
                if (type != u"snapshot" || m.value(u"channel").toString() != u"machines")
                    return false;
                for (const QJsonValue &item : m.value(u"items").toArray()) {
                    if (item.toObject().value(u"machineId").toString() == u"PR-1" && match(item.toObject())) {
                        found = item.toObject();
                        return true;
                    }
                }
                return false;
            },
            timeoutMs, from);
        return found;
    };
    const QJsonObject running = machine([](const QJsonObject &m) { return !m.contains(u"quality"); }, 0, 5000);
    QVERIFY2(!running.isEmpty(), "the machine never arrived fresh");
    QCOMPARE(running.value(u"status").toString(), QStringLiteral("running"));
    QCOMPARE(running.value(u"utilization").toDouble(), 64.5);
    QCOMPARE(running.value(u"producedCount").toInteger(), 1200);
    QCOMPARE(running.value(u"line").toString(), QStringLiteral("Line A"));
    // A change on the wire: down.
    qsizetype from = a->messages.size();
    QVERIFY(m_edge->send(QStringLiteral("data"),
                         {{QLatin1StringView("device"), QStringLiteral("Press1")},
                          {QLatin1StringView("metrics"), QJsonObject {{QLatin1StringView("State"), 2}}}}));
    QVERIFY(
        !machine([](const QJsonObject &m) { return m.value(u"status").toString() == u"down"; }, from, 3000).isEmpty());
    // Killed: the last state, stale, at once.
    from = a->messages.size();
    QElapsedTimer clock;
    clock.start();
    m_edge->kill();
    const QJsonObject stale
        = machine([](const QJsonObject &m) { return m.value(u"quality").toString() == u"stale"; }, from, 3000);
    QVERIFY2(!stale.isEmpty(), "the machine never turned stale");
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("stale after %1 ms").arg(clock.elapsed())));
    QCOMPARE(stale.value(u"status").toString(), QStringLiteral("down"));
    QVERIFY(stale.value(u"qualityReason").toString().contains(u"death certificate"));
}

void TestGatewaySparkplug::theConsoleShowsThePlantCommandsItAndSeesADeadNodeStaleWithinOneSecond()
{
    // The console's own session and models, not a protocol client.
    ConsoleFixture console(m_host->url(), {QStringLiteral("operator-a"), QStringLiteral("alice")});
    console.watch({console.session.tiles(), console.session.alarms()});
    console.session.start();
    TileModel *tiles = console.session.tiles();
    const auto endpoint = [tiles](const char *id) { return tiles->indexOfEndpoint(QString::fromLatin1(id)); };
    QTRY_COMPARE_WITH_TIMEOUT(endpoint("Tank1.Level").data(TileModel::ValueRole).toDouble(), 50.0, 10000);
    QVERIFY(!endpoint("Tank1.Level").data(TileModel::StaleRole).toBool());
    QCOMPARE(endpoint("Tank1.Setpoint").data(TileModel::WritableRole).toBool(), true);

    // A command from the console reaches the device and its report the screen.
    QVERIFY(!console.sendCommand(QStringLiteral("Tank1.Setpoint"), 55.5).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(endpoint("Tank1.Setpoint").data(TileModel::ValueRole).toDouble(), 55.5, 5000);

    // The node dies: every value of it is stale on the screen within 1 s,
    // with the server's reason, and its lost alarm is in the console's list.
    QElapsedTimer clock;
    clock.start();
    m_edge->kill();
    QTRY_VERIFY_WITH_TIMEOUT(endpoint("Tank1.Level").data(TileModel::StaleRole).toBool()
                                 && endpoint("Tank1.Setpoint").data(TileModel::StaleRole).toBool(),
                             3000);
    const qint64 staleAfterMs = clock.elapsed();
    QVERIFY2(staleAfterMs < 1000, qPrintable(QStringLiteral("stale on the screen after %1 ms").arg(staleAfterMs)));
    qInfo("killed edge node: stale in the console's model after %lld ms", staleAfterMs);
    QVERIFY(endpoint("Tank1.Level").data(TileModel::QualityReasonRole).toString().contains(u"death certificate"));
    AlarmModel *alarms = console.session.alarms();
    const auto lostAlarmListed = [alarms] {
        for (int row = 0; row < alarms->rowCount(); ++row) {
            if (alarms->index(row, 0).data(AlarmModel::SourceIdRole).toString() == u"Plant1/Edge1")
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(lostAlarmListed(), 5000);
}

QTEST_GUILESS_MAIN(TestGatewaySparkplug)
#include "tst_gatewaysparkplug.moc"
