#include "gateway/gatewaytestclock.h"
#include "gatewayalarmbook.h"
#include "gatewaychannels.h"
#include "simworld.h"

#include <QJsonArray>
#include <QTest>

// The whole simulated world without the server: the same seed gives the
// same world, scenarios do what docs/simulator.md says, snapshots filter.
class TestSimWorld : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameWorld();
    void cadencesFollowWorldTime();
    void alarmFloodRaisesManyAlarmsAtOnce();
    void snapshotsFilterByKey();
    void everyEntityReportsWithinItsCadence();
    void roomsStandApartFromTheChannels();
    void conditionsFeedAnAlarmBookAndCommandsReachThePlant();

private:
    static SimOptions options(quint32 seed, const QStringList &scenarios = {})
    {
        SimOptions o;
        o.drones = 20;
        o.machines = 12;
        o.tiles = 2;
        o.seed = seed;
        o.scenarios = scenarios;
        return o;
    }
    // Runs a world for `seconds` of world time in 100 ms steps and returns
    // every event body it produced.
    static QList<QJsonObject> run(SimWorld &world, int seconds)
    {
        QList<QJsonObject> bodies;
        for (qint64 ms = 100; ms <= qint64(seconds) * 1000; ms += 100) {
            for (const PlantEvent &e : world.advance(ms, wallAt(ms)))
                bodies << e.body;
        }
        return bodies;
    }
    static qsizetype countType(const QList<QJsonObject> &bodies, QStringView type)
    {
        return std::count_if(bodies.cbegin(), bodies.cend(), [type](const QJsonObject &b) {
            return b.value(QLatin1StringView("type")).toString() == type;
        });
    }
};

void TestSimWorld::sameSeedSameWorld()
{
    SimWorld a(options(7));
    SimWorld b(options(7));
    SimWorld c(options(8));
    const QList<QJsonObject> ea = run(a, 120);
    const QList<QJsonObject> eb = run(b, 120);
    const QList<QJsonObject> ec = run(c, 120);
    QVERIFY(ea.size() > 500);
    QCOMPARE(ea, eb);
    QVERIFY(ea != ec);
}

void TestSimWorld::cadencesFollowWorldTime()
{
    SimWorld world(options(1));
    const QList<QJsonObject> bodies = run(world, 60);
    // 20 drones reporting status every 5 s for 60 s: 12 reports each.
    const qsizetype status = std::count_if(bodies.cbegin(), bodies.cend(), [](const QJsonObject &b) {
        return b.value(QLatin1StringView("kind")).toString() == u"status";
    });
    QCOMPARE(status, 20 * 12);
    QCOMPARE(countType(bodies, u"system_health"), 12); // every 5 s
    QCOMPARE(countType(bodies, u"system_alert"), 6); // every 10 s
    QCOMPARE(countType(bodies, u"machine_status_update"), 12 * 12); // every 5 s, changed or not
}

void TestSimWorld::alarmFloodRaisesManyAlarmsAtOnce()
{
    SimWorld quiet(options(3));
    SimWorld flooded(options(3, {QStringLiteral("alarm-flood")}));
    run(quiet, 4);
    run(flooded, 4);
    // Every third of the 20 drones (7) runs low two seconds in.
    const auto active = [](const SimWorld &world) {
        const PlantConditions all = world.conditions();
        return std::count_if(all.cbegin(), all.cend(), [](const PlantCondition &c) { return c.active; });
    };
    QVERIFY2(active(flooded) >= active(quiet) + 7,
             qPrintable(QStringLiteral("%1 vs %2").arg(active(flooded)).arg(active(quiet))));
}

void TestSimWorld::snapshotsFilterByKey()
{
    SimWorld world(options(1));
    run(world, 10);
    QCOMPARE(world.snapshot(QStringLiteral("drones"), {}).size(), 20);
    const QString serial = world.fleet().drone(4).serial;
    const QJsonArray one = world.snapshot(QStringLiteral("drones"), {serial});
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().toObject().value(QLatin1StringView("serial")).toString(), serial);
    QCOMPARE(world.snapshot(QStringLiteral("machines"), {}).size(), 12);
    QCOMPARE(world.snapshot(QStringLiteral("machines"), {world.lines().machine(2).id}).size(), 1);
    QCOMPARE(world.snapshot(QStringLiteral("tiles"), {QStringLiteral("T2")}).size(), 1);
    QCOMPARE(world.snapshot(QStringLiteral("telemetry"), {QStringLiteral("T1.V101.open")}).size(), 1);
    QCOMPARE(world.snapshot(QStringLiteral("health"), {}).size(), 1);
    QVERIFY(world.snapshot(QStringLiteral("weather"), {}).isEmpty());
}

void TestSimWorld::everyEntityReportsWithinItsCadence()
{
    SimWorld world(options(2));
    // channel/key -> world time of its last report and the longest gap seen
    QHash<QString, qint64> last;
    QHash<QString, qint64> maxGap;
    QHash<QString, int> streamSamples;
    const qint64 end = 5 * 60'000;
    for (qint64 ms = 100; ms <= end; ms += 100) {
        for (const PlantEvent &e : world.advance(ms, wallAt(ms))) {
            const QString type = e.body.value(QLatin1StringView("type")).toString();
            QString entity;
            if (e.channel == u"drones" && e.body.value(QLatin1StringView("kind")).toString() == u"status")
                entity = u"drone " + e.key;
            else if (type == u"machine_status_update")
                entity = u"machine " + e.key;
            else if (e.channel == u"telemetry")
                entity = u"endpoint " + e.key;
            else if (e.channel == u"health")
                entity = QStringLiteral("server");
            else if (e.channel == u"endpoint_stream")
                ++streamSamples[e.key];
            if (entity.isEmpty())
                continue;
            maxGap[entity] = std::max(maxGap.value(entity), ms - last.value(entity));
            last[entity] = ms;
        }
    }
    QCOMPARE(maxGap.size(), 20 + 12 + 2 * SimPlant::kEndpointsPerTile + 1);
    for (auto it = maxGap.cbegin(); it != maxGap.cend(); ++it) {
        const qint64 cadence = it.key().startsWith(u"endpoint") ? 10'000 : 5'000;
        QVERIFY2(it.value() <= cadence, qPrintable(it.key() + u' ' + QString::number(it.value())));
        QVERIFY2(end - last.value(it.key()) <= cadence, qPrintable(it.key()));
    }
    // The stream samples every endpoint every 200 ms of world time.
    QCOMPARE(streamSamples.size(), 2 * SimPlant::kEndpointsPerTile);
    for (const int samples : std::as_const(streamSamples))
        QCOMPARE(samples, int(end / SimWorld::kStreamSampleMs));
}

void TestSimWorld::roomsStandApartFromTheChannels()
{
    QCOMPARE(GatewayChannels::rooms(),
             (QStringList {QStringLiteral("drone_detail"), QStringLiteral("endpoint_stream")}));
    for (const QString &room : GatewayChannels::rooms()) {
        QVERIFY(!GatewayChannels::channels().contains(room));
        QVERIFY(GatewayChannels::isChannel(room));
    }
    QVERIFY(GatewayChannels::isChannel(QStringLiteral("drones")));
    QVERIFY(!GatewayChannels::isChannel(QStringLiteral("all")));

    SimWorld world(options(1));
    run(world, 10);
    const QString serial = world.fleet().drone(3).serial;
    const QJsonArray detail = world.snapshot(QStringLiteral("drone_detail"), {serial});
    QCOMPARE(detail.size(), 1);
    QCOMPARE(detail.first().toObject(), world.fleet().detailItem(3));
    QCOMPARE(world.snapshot(QStringLiteral("drone_detail"), {}).size(), 20);
    const QSet<QString> endpoints {QStringLiteral("T2.TT101.temperature"), QStringLiteral("T1.P101.flow")};
    const QJsonArray stream = world.snapshot(QStringLiteral("endpoint_stream"), endpoints);
    QCOMPARE(stream.size(), 2);
    QCOMPARE(stream, world.snapshot(QStringLiteral("telemetry"), endpoints));
}

void TestSimWorld::conditionsFeedAnAlarmBookAndCommandsReachThePlant()
{
    SimWorld world(options(5, {QStringLiteral("alarm-flood")}));
    run(world, 4);
    // The world only states its conditions; an alarm book makes alarms of them.
    GatewayAlarmBook book;
    const PlantEvents raised = book.update(world.conditions(), 4000, wallAt(4000));
    QVERIFY(!raised.isEmpty());
    QCOMPARE(book.snapshot().size(), raised.size());
    QVERIFY(world.snapshot(QStringLiteral("alarms"), {}).isEmpty());

    const auto submission = world.submitCommand(QStringLiteral("w-1"), QStringLiteral("T1.V101.open"), true,
                                                QStringLiteral("alice"), wallAt(4000));
    QVERIFY2(submission.ok, qPrintable(submission.message));
    for (qint64 ms = 4100; ms <= 8000; ms += 100)
        world.advance(ms, wallAt(ms));
    QCOMPARE(world.plant().value(QStringLiteral("T1.V101.open")).toBool(), true);
}

QTEST_GUILESS_MAIN(TestSimWorld)
#include "tst_simworld.moc"
