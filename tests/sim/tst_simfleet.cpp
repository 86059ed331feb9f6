#include "gateway/gatewaytestclock.h"
#include "simfleet.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {

const QStringList kStates {QStringLiteral("idle"),        QStringLiteral("flying"),  QStringLiteral("charging"),
                           QStringLiteral("maintenance"), QStringLiteral("offline"), QStringLiteral("error")};
const QStringList kMissionStatuses {QStringLiteral("started"), QStringLiteral("paused"), QStringLiteral("completed"),
                                    QStringLiteral("aborted")};

QString kindOf(const PlantEvent &e)
{
    return e.body.value(QLatin1StringView("kind")).toString();
}

QJsonObject dataOf(const PlantEvent &e)
{
    return e.body.value(QLatin1StringView("data")).toObject();
}

void checkNumber(const QJsonObject &o, QLatin1StringView name, double min, double max)
{
    QVERIFY2(o.value(name).isDouble(), qPrintable(QString(name)));
    const double v = o.value(name).toDouble();
    QVERIFY2(v >= min && v <= max, qPrintable(QStringLiteral("%1 = %2").arg(QString(name)).arg(v)));
}

void checkStatus(const QJsonObject &d)
{
    QCOMPARE(d.size(), 4);
    QVERIFY(kStates.contains(d.value(QLatin1StringView("state")).toString()));
    checkNumber(d, QLatin1StringView("battery"), 0.0, 100.0);
    checkNumber(d, QLatin1StringView("speed"), 0.0, 15.0);
    const QJsonObject location = d.value(QLatin1StringView("location")).toObject();
    QCOMPARE(location.size(), 3);
    checkNumber(location, QLatin1StringView("lat"), SimFleet::kBaseLat - 0.05, SimFleet::kBaseLat + 0.05);
    checkNumber(location, QLatin1StringView("lon"), SimFleet::kBaseLon - 0.05, SimFleet::kBaseLon + 0.05);
    checkNumber(location, QLatin1StringView("alt"), 0.0, 120.0);
}

void checkBuild(const QJsonObject &d)
{
    QCOMPARE(d.size(), 4);
    checkNumber(d, QLatin1StringView("percent"), 0.0, 100.0);
    const QString stage = d.value(QLatin1StringView("stage")).toString();
    QVERIFY(SimFleet::stageNames().contains(stage));
    const QString assembly = d.value(QLatin1StringView("assembly")).toString();
    const bool done = stage == u"done";
    QCOMPARE(d.value(QLatin1StringView("percent")).toDouble() == 100.0, done);
    QVERIFY(done ? assembly.isEmpty()
                 : SimFleet::assemblyNames(int(SimFleet::stageNames().indexOf(stage))).contains(assembly));
    QVERIFY(QDateTime::fromString(d.value(QLatin1StringView("eta")).toString(), Qt::ISODateWithMs).isValid());
}

void checkHealth(const QJsonObject &d)
{
    QCOMPARE(d.size(), 4);
    checkNumber(d, QLatin1StringView("cpu"), 0.0, 100.0);
    checkNumber(d, QLatin1StringView("memory"), 0.0, 100.0);
    checkNumber(d, QLatin1StringView("storage"), 0.0, 100.0);
    checkNumber(d, QLatin1StringView("temperature"), -20.0, 85.0);
}

void checkOperation(const QJsonObject &d)
{
    QCOMPARE(d.size(), 3);
    QVERIFY(!d.value(QLatin1StringView("mission")).toString().isEmpty());
    QVERIFY(kMissionStatuses.contains(d.value(QLatin1StringView("status")).toString()));
    checkNumber(d, QLatin1StringView("progress"), 0.0, 100.0);
}

// The channel each kind travels on; build_progress also goes to `drones`
// when it reaches a new stage.
QString channelOf(const QString &kind)
{
    return kind == u"build_progress" || kind == u"system_health" ? QStringLiteral("drone_detail")
                                                                 : QStringLiteral("drones");
}

// Checks a step's events against the wire contract: status first, then each
// other kind at most once per channel, all in the drone_update envelope.
void checkEvents(const PlantEvents &events, const QString &serial, qint64 nowMs)
{
    QVERIFY(!events.isEmpty());
    QSet<QString> kinds;
    for (qsizetype n = 0; n < events.size(); ++n) {
        const PlantEvent &e = events.at(n);
        QCOMPARE(e.key, serial);
        const bool milestone = e.channel == u"drones" && kindOf(e) == u"build_progress";
        QCOMPARE(e.channel, milestone ? QStringLiteral("drones") : channelOf(kindOf(e)));
        if (milestone) {
            // The very report the room got, right before it.
            QVERIFY(n > 0);
            QCOMPARE(events.at(n - 1).channel, QStringLiteral("drone_detail"));
            QCOMPARE(events.at(n - 1).body, e.body);
            continue;
        }
        QCOMPARE(e.body.size(), 5);
        QCOMPARE(e.body.value(QLatin1StringView("type")).toString(), QStringLiteral("drone_update"));
        QCOMPARE(e.body.value(QLatin1StringView("serial")).toString(), serial);
        QCOMPARE(e.body.value(QLatin1StringView("timestamp")).toString(), wallAt(nowMs).toString(Qt::ISODateWithMs));
        QVERIFY(e.body.value(QLatin1StringView("data")).isObject());
        const QString kind = kindOf(e);
        QVERIFY2(!kinds.contains(kind), qPrintable(kind));
        kinds.insert(kind);
        QCOMPARE(kind == u"status", n == 0);
        if (kind == u"status")
            checkStatus(dataOf(e));
        else if (kind == u"build_progress")
            checkBuild(dataOf(e));
        else if (kind == u"system_health")
            checkHealth(dataOf(e));
        else if (kind == u"operation")
            checkOperation(dataOf(e));
        else
            QFAIL(qPrintable(kind));
    }
}

PlantCondition conditionOf(const SimFleet &fleet, const QString &id)
{
    const PlantConditions all = fleet.conditions();
    const auto it = std::find_if(all.begin(), all.end(), [&id](const PlantCondition &c) { return c.id == id; });
    return it == all.end() ? PlantCondition {} : *it;
}

QList<QJsonObject> bodies(const PlantEvents &events)
{
    QList<QJsonObject> out;
    for (const PlantEvent &e : events)
        out.append(e.body);
    return out;
}

} // namespace

class TestSimFleet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotItemsCarryEverything();
    void detailItemsCarryBuildAndHealth();
    void eventsHaveTheWireShapeOverHours();
    void sameSeedSameEventsOtherSeedOthers();
    void batteryDrainsInFlightAndChargesOnThePad();
    void lowBatteryRaisesOneConditionPerDrone();
    void errorStateRaisesCondition();
    void buildAdvancesThroughStagesInOrder();
    void operationProgressesOnlyWhileFlying();
    void forcingUnknownSerialDoesNothing();
};

void TestSimFleet::snapshotItemsCarryEverything()
{
    SimFleet fleet(12, 1, kWallStart);
    QCOMPARE(fleet.size(), 12);
    for (qsizetype i = 0; i < fleet.size(); ++i) {
        const QJsonObject item = fleet.snapshotItem(i);
        QCOMPARE(item.size(), 9);
        QCOMPARE(item.value(QLatin1StringView("serial")).toString(),
                 QStringLiteral("WF-D%1").arg(i + 1, 4, 10, QLatin1Char('0')));
        QCOMPARE(item.value(QLatin1StringView("timestamp")).toString(), kWallStart.toString(Qt::ISODateWithMs));
        QJsonObject status = item;
        for (const auto key : {"serial", "timestamp", "build", "health", "operation"})
            status.remove(QLatin1StringView(key));
        QCOMPARE(status, fleet.statusData(i));
        checkStatus(status);
        checkBuild(item.value(QLatin1StringView("build")).toObject());
        checkHealth(item.value(QLatin1StringView("health")).toObject());
        const QJsonValue operation = item.value(QLatin1StringView("operation"));
        QVERIFY(operation.isNull() || operation.isObject());
        if (operation.isObject())
            checkOperation(operation.toObject());
        // A flying drone is always on a mission.
        if (fleet.drone(i).state == SimFleet::State::Flying)
            QCOMPARE(operation.toObject().value(QLatin1StringView("status")).toString(), QStringLiteral("started"));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestSimFleet::detailItemsCarryBuildAndHealth()
{
    SimFleet fleet(6, 1, kWallStart);
    for (qint64 now = 5'000; now <= 60'000; now += 5'000) {
        for (qsizetype i = 0; i < fleet.size(); ++i)
            fleet.step(i, now, wallAt(now));
    }
    for (qsizetype i = 0; i < fleet.size(); ++i) {
        const QJsonObject item = fleet.detailItem(i);
        QCOMPARE(item.size(), 4);
        QCOMPARE(item.value(QLatin1StringView("serial")).toString(), fleet.drone(i).serial);
        QCOMPARE(item.value(QLatin1StringView("timestamp")).toString(), wallAt(60'000).toString(Qt::ISODateWithMs));
        QCOMPARE(item.value(QLatin1StringView("build")).toObject(), fleet.buildData(i));
        QCOMPARE(item.value(QLatin1StringView("health")).toObject(), fleet.healthData(i));
        checkBuild(item.value(QLatin1StringView("build")).toObject());
        checkHealth(item.value(QLatin1StringView("health")).toObject());
    }
}

void TestSimFleet::eventsHaveTheWireShapeOverHours()
{
    SimFleet fleet(20, 3, kWallStart);
    QHash<QString, int> seen;
    for (qint64 now = 5'000; now <= 3 * 3600'000; now += 5'000) {
        for (qsizetype i = 0; i < fleet.size(); ++i) {
            const PlantEvents events = fleet.step(i, now, wallAt(now));
            checkEvents(events, fleet.drone(i).serial, now);
            if (QTest::currentTestFailed())
                return;
            for (const PlantEvent &e : events)
                ++seen[kindOf(e)];
            QCOMPARE(dataOf(events.first()), fleet.statusData(i));
            // Conditions follow the drone at every step.
            const bool low = fleet.drone(i).battery < 20.0;
            QCOMPARE(conditionOf(fleet, QStringLiteral("drone:%1:battery_low").arg(fleet.drone(i).serial)).active, low);
            QCOMPARE(conditionOf(fleet, QStringLiteral("drone:%1:error").arg(fleet.drone(i).serial)).active,
                     fleet.drone(i).state == SimFleet::State::Error);
        }
    }
    QCOMPARE(seen.value(QStringLiteral("status")), 20 * 3 * 720);
    QVERIFY(seen.value(QStringLiteral("build_progress")) > 10);
    QVERIFY(seen.value(QStringLiteral("system_health")) > 100);
    QVERIFY(seen.value(QStringLiteral("operation")) > 100);
    // Health reports only real changes, not every step.
    QVERIFY(seen.value(QStringLiteral("system_health")) < seen.value(QStringLiteral("status")));
}

void TestSimFleet::sameSeedSameEventsOtherSeedOthers()
{
    SimFleet a(10, 42, kWallStart);
    SimFleet b(10, 42, kWallStart);
    SimFleet c(10, 43, kWallStart);
    QList<QJsonObject> ea;
    QList<QJsonObject> eb;
    QList<QJsonObject> ec;
    for (qint64 now = 5'000; now <= 3600'000; now += 5'000) {
        for (qsizetype i = 0; i < a.size(); ++i) {
            ea += bodies(a.step(i, now, wallAt(now)));
            eb += bodies(b.step(i, now, wallAt(now)));
            ec += bodies(c.step(i, now, wallAt(now)));
        }
        if (now == 600'000) {
            ea += bodies(a.forceState(QStringLiteral("WF-D0002"), SimFleet::State::Error, now, wallAt(now)));
            eb += bodies(b.forceState(QStringLiteral("WF-D0002"), SimFleet::State::Error, now, wallAt(now)));
        }
    }
    QCOMPARE(ea, eb);
    QVERIFY(ea != ec);
    for (qsizetype i = 0; i < a.size(); ++i)
        QCOMPARE(a.snapshotItem(i), b.snapshotItem(i));
}

void TestSimFleet::batteryDrainsInFlightAndChargesOnThePad()
{
    SimFleet fleet(4, 8, kWallStart);
    const QString serial = fleet.drone(0).serial;
    fleet.forceBattery(serial, 90.0, 0, kWallStart);
    fleet.forceState(serial, SimFleet::State::Flying, 0, kWallStart);
    QCOMPARE(fleet.drone(0).state, SimFleet::State::Flying);
    double last = fleet.drone(0).battery;
    for (qint64 now = 5'000; now <= 3 * 60'000; now += 5'000) {
        fleet.step(0, now, wallAt(now));
        QCOMPARE(fleet.drone(0).state, SimFleet::State::Flying);
        QVERIFY(fleet.drone(0).battery < last);
        QVERIFY(fleet.drone(0).alt >= 30.0);
        last = fleet.drone(0).battery;
    }
    // Roughly 0.06-0.14 % a second in flight.
    QVERIFY(90.0 - last > 180 * 0.05);
    QVERIFY(90.0 - last < 180 * 0.15);

    fleet.forceBattery(serial, 30.0, 3 * 60'000, wallAt(3 * 60'000));
    fleet.forceState(serial, SimFleet::State::Charging, 3 * 60'000, wallAt(3 * 60'000));
    QCOMPARE(fleet.drone(0).alt, 0.0);
    last = fleet.drone(0).battery;
    for (qint64 now = 3 * 60'000 + 5'000; now <= 4 * 60'000; now += 5'000) {
        fleet.step(0, now, wallAt(now));
        QCOMPARE(fleet.drone(0).state, SimFleet::State::Charging);
        QVERIFY(fleet.drone(0).battery > last);
        last = fleet.drone(0).battery;
    }
    // Charged enough, the drone leaves the charger by itself.
    qint64 now = 4 * 60'000;
    while (fleet.drone(0).state == SimFleet::State::Charging && now < 30 * 60'000) {
        now += 5'000;
        fleet.step(0, now, wallAt(now));
    }
    QCOMPARE(fleet.drone(0).state, SimFleet::State::Idle);
    QVERIFY(fleet.drone(0).battery >= 95.0);
}

void TestSimFleet::lowBatteryRaisesOneConditionPerDrone()
{
    SimFleet fleet(5, 2, kWallStart);
    const PlantConditions all = fleet.conditions();
    QCOMPARE(all.size(), 10);
    QSet<QString> ids;
    for (const PlantCondition &c : all) {
        ids.insert(c.id);
        QCOMPARE(c.sourceKind, QStringLiteral("drone"));
    }
    QCOMPARE(ids.size(), 10);

    const QString serial = fleet.drone(2).serial;
    const QString id = QStringLiteral("drone:%1:battery_low").arg(serial);
    fleet.forceBattery(serial, 50.0, 0, kWallStart);
    QVERIFY(!conditionOf(fleet, id).active);
    fleet.forceBattery(serial, 15.0, 0, kWallStart);
    PlantCondition low = conditionOf(fleet, id);
    QVERIFY(low.active);
    QCOMPARE(low.severity, QStringLiteral("medium"));
    QCOMPARE(low.sourceId, serial);
    QVERIFY(low.message.contains(serial));
    const PlantEvents events = fleet.forceBattery(serial, 5.0, 0, kWallStart);
    QCOMPARE(dataOf(events.first()).value(QLatin1StringView("battery")).toDouble(), 5.0);
    low = conditionOf(fleet, id);
    QVERIFY(low.active);
    QCOMPARE(low.severity, QStringLiteral("high"));
    QCOMPARE(fleet.conditions().size(), 10);

    fleet.forceState(serial, SimFleet::State::Charging, 0, kWallStart);
    qint64 now = 0;
    while (fleet.drone(2).battery < 20.0 && now < 10 * 60'000) {
        now += 5'000;
        fleet.step(2, now, wallAt(now));
        QCOMPARE(conditionOf(fleet, id).severity,
                 fleet.drone(2).battery < 10.0 ? QStringLiteral("high") : QStringLiteral("medium"));
    }
    QVERIFY(fleet.drone(2).battery >= 20.0);
    QVERIFY(!conditionOf(fleet, id).active);
}

void TestSimFleet::errorStateRaisesCondition()
{
    SimFleet fleet(3, 5, kWallStart);
    const QString serial = fleet.drone(1).serial;
    const QString id = QStringLiteral("drone:%1:error").arg(serial);
    fleet.forceBattery(serial, 90.0, 0, kWallStart);
    fleet.forceState(serial, SimFleet::State::Flying, 0, kWallStart);
    fleet.step(1, 30'000, wallAt(30'000));
    QVERIFY(!conditionOf(fleet, id).active);

    const PlantEvents events = fleet.forceState(serial, SimFleet::State::Error, 30'000, wallAt(30'000));
    checkEvents(events, serial, 30'000);
    QCOMPARE(dataOf(events.first()).value(QLatin1StringView("state")).toString(), QStringLiteral("error"));
    QCOMPARE(dataOf(events.first()).value(QLatin1StringView("speed")).toDouble(), 0.0);
    // The mission in flight is aborted, and says so.
    const auto operation
        = std::find_if(events.begin(), events.end(), [](const PlantEvent &e) { return kindOf(e) == u"operation"; });
    QVERIFY(operation != events.end());
    QCOMPARE(dataOf(*operation).value(QLatin1StringView("status")).toString(), QStringLiteral("aborted"));
    const PlantCondition error = conditionOf(fleet, id);
    QVERIFY(error.active);
    QCOMPARE(error.severity, QStringLiteral("high"));
    QCOMPARE(error.sourceId, serial);

    qint64 now = 30'000;
    while (fleet.drone(1).state == SimFleet::State::Error && now < 4 * 3600'000) {
        now += 5'000;
        fleet.step(1, now, wallAt(now));
    }
    QCOMPARE(fleet.drone(1).state, SimFleet::State::Maintenance);
    QVERIFY(!conditionOf(fleet, id).active);
}

void TestSimFleet::buildAdvancesThroughStagesInOrder()
{
    SimFleet fleet(24, 11, kWallStart);
    const int done = int(SimFleet::stageNames().size()) - 1;
    QList<qsizetype> building;
    for (qsizetype i = 0; i < fleet.size(); ++i) {
        if (fleet.drone(i).build.stage < done) {
            QCOMPARE(fleet.drone(i).state, SimFleet::State::Maintenance);
            building.append(i);
        }
    }
    QVERIFY(building.size() >= 2);

    for (qsizetype i : std::as_const(building)) {
        const QJsonObject first = fleet.buildData(i);
        int percent = first.value(QLatin1StringView("percent")).toInt();
        int stage = int(SimFleet::stageNames().indexOf(first.value(QLatin1StringView("stage")).toString()));
        int assembly = fleet.drone(i).build.assembly;
        int reports = 0;
        int milestones = 0;
        for (qint64 now = 30'000; now <= 2 * 3600'000 && stage < done; now += 30'000) {
            const PlantEvents events = fleet.step(i, now, wallAt(now));
            checkEvents(events, fleet.drone(i).serial, now);
            const int stageBefore = stage;
            bool toFleet = false;
            for (const PlantEvent &e : events) {
                if (kindOf(e) != u"build_progress")
                    continue;
                if (e.channel == u"drones") {
                    toFleet = true;
                    ++milestones;
                    continue;
                }
                ++reports;
                const QJsonObject d = dataOf(e);
                const int p = d.value(QLatin1StringView("percent")).toInt();
                const int s = int(SimFleet::stageNames().indexOf(d.value(QLatin1StringView("stage")).toString()));
                const int a
                    = int(SimFleet::assemblyNames(s).indexOf(d.value(QLatin1StringView("assembly")).toString()));
                QVERIFY2(p >= percent, "build percent went back");
                // Stages come one after the other, assemblies in order within one.
                QVERIFY(s == stage || s == stage + 1);
                if (s == stage)
                    QVERIFY(a >= assembly);
                else
                    QVERIFY(s == done || a == 0);
                percent = p;
                stage = s;
                assembly = a;
                if (s < done)
                    QVERIFY(QDateTime::fromString(d.value(QLatin1StringView("eta")).toString(), Qt::ISODateWithMs)
                            > wallAt(now));
            }
            // The fleet channel hears of a build only when it reaches a stage.
            QCOMPARE(toFleet, stage != stageBefore);
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(stage, done);
        QCOMPARE(percent, 100);
        QVERIFY(reports > 5);
        QVERIFY(milestones >= 1);
        QVERIFY(milestones < reports);
        // A finished drone leaves the bench.
        QVERIFY(fleet.drone(i).state != SimFleet::State::Maintenance);
    }
}

void TestSimFleet::operationProgressesOnlyWhileFlying()
{
    SimFleet fleet(6, 13, kWallStart);
    const qsizetype i = 3;
    const QString serial = fleet.drone(i).serial;
    QCOMPARE(fleet.drone(i).state, SimFleet::State::Flying);
    const QString first = fleet.operationData(i).value(QLatin1StringView("mission")).toString();
    const int firstProgress = fleet.operationData(i).value(QLatin1StringView("progress")).toInt();
    QVERIFY(firstProgress > 0);

    // Landing pauses the mission; taking off again resumes it where it stood.
    fleet.forceState(serial, SimFleet::State::Idle, 0, kWallStart);
    QCOMPARE(fleet.operationData(i).value(QLatin1StringView("status")).toString(), QStringLiteral("paused"));
    fleet.forceBattery(serial, 100.0, 0, kWallStart);
    const PlantEvents off = fleet.forceState(serial, SimFleet::State::Flying, 0, kWallStart);
    const auto resumed
        = std::find_if(off.begin(), off.end(), [](const PlantEvent &e) { return kindOf(e) == u"operation"; });
    QVERIFY(resumed != off.end());
    QCOMPARE(dataOf(*resumed).value(QLatin1StringView("mission")).toString(), first);
    QCOMPARE(dataOf(*resumed).value(QLatin1StringView("status")).toString(), QStringLiteral("started"));
    QCOMPARE(dataOf(*resumed).value(QLatin1StringView("progress")).toInt(), firstProgress);

    int progress = firstProgress;
    QString status = QStringLiteral("started");
    qint64 now = 0;
    int reports = 0;
    while (status == u"started" && now < 30 * 60'000) {
        now += 5'000;
        const bool wasFlying = fleet.drone(i).state == SimFleet::State::Flying;
        const PlantEvents events = fleet.step(i, now, wallAt(now));
        for (const PlantEvent &e : events) {
            if (kindOf(e) != u"operation")
                continue;
            ++reports;
            QVERIFY(wasFlying);
            QCOMPARE(dataOf(e).value(QLatin1StringView("mission")).toString(), first);
            const int p = dataOf(e).value(QLatin1StringView("progress")).toInt();
            QVERIFY(p >= progress);
            progress = p;
            status = dataOf(e).value(QLatin1StringView("status")).toString();
        }
        if (status == u"started")
            QCOMPARE(fleet.drone(i).state, SimFleet::State::Flying);
    }
    QVERIFY(status == u"completed" || status == u"paused");
    QVERIFY(progress > firstProgress);
    QVERIFY(reports >= 3);

    // On the ground the mission stands still.
    fleet.forceState(serial, SimFleet::State::Charging, now, wallAt(now));
    const QJsonObject grounded = fleet.operationData(i);
    for (qint64 later = now + 5'000; later <= now + 60'000; later += 5'000) {
        for (const PlantEvent &e : fleet.step(i, later, wallAt(later)))
            QVERIFY(kindOf(e) != u"operation");
    }
    QCOMPARE(fleet.operationData(i), grounded);

    // An aborted or finished mission is not resumed: the next flight starts a new one.
    now += 60'000;
    fleet.forceState(serial, SimFleet::State::Error, now, wallAt(now));
    QVERIFY(fleet.operationData(i).value(QLatin1StringView("status")).toString() != u"started");
    fleet.forceBattery(serial, 100.0, now, wallAt(now));
    fleet.forceState(serial, SimFleet::State::Flying, now, wallAt(now));
    const QJsonObject next = fleet.operationData(i);
    QVERIFY(next.value(QLatin1StringView("mission")).toString() != first);
    QCOMPARE(next.value(QLatin1StringView("status")).toString(), QStringLiteral("started"));
    QCOMPARE(next.value(QLatin1StringView("progress")).toInt(), 0);
}

void TestSimFleet::forcingUnknownSerialDoesNothing()
{
    SimFleet fleet(2, 1, kWallStart);
    QVERIFY(fleet.forceState(QStringLiteral("WF-D9999"), SimFleet::State::Error, 0, kWallStart).isEmpty());
    QVERIFY(fleet.forceBattery(QStringLiteral("nope"), 5.0, 0, kWallStart).isEmpty());
    for (const PlantCondition &c : fleet.conditions())
        QVERIFY(c.id.startsWith(u"drone:WF-D000"));
}

QTEST_GUILESS_MAIN(TestSimFleet)
#include "tst_simfleet.moc"
