#include "gateway/gatewaytestclock.h"
#include "simplant.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {

const QString kRunning = QStringLiteral("T1.P101.running");
const QString kFlow = QStringLiteral("T1.P101.flow");
const QString kValve = QStringLiteral("T1.V101.open");
const QString kHeater = QStringLiteral("T1.H101.on");
const QString kSetpoint = QStringLiteral("T1.H101.setpoint");
const QString kMode = QStringLiteral("T1.H101.mode");
const QString kTemperature = QStringLiteral("T1.TT101.temperature");
const QString kLevel = QStringLiteral("T1.LT101.level");

const QString kNeedsPump = QStringLiteral("Heater H-101 needs pump P-101 running");
const QString kNeedsValve = QStringLiteral("Pump P-101 needs outlet valve V-101 open");
const QString kNeedsLevel = QStringLiteral("Heater H-101 needs level LT-101 at 20 % or more");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toString();
}

QSet<QString> keySet(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return {keys.cbegin(), keys.cend()};
}

// Steps from now to until in fixed steps, collecting every event.
PlantEvents runFor(SimPlant &plant, qint64 &now, qint64 durationMs, qint64 stepMs)
{
    PlantEvents events;
    const qint64 until = now + durationMs;
    while (now < until) {
        now = std::min(until, now + stepMs);
        events += plant.step(now, wallAt(now));
    }
    return events;
}

// Submits a command and steps until it is final; returns its final status,
// or {"status":"rejected","error":code} when it was not accepted.
QJsonObject runCommand(SimPlant &plant, qint64 &now, const QString &id, const QString &endpointId,
                       const QJsonValue &value, PlantEvents *events = nullptr)
{
    const SimPlant::Submission s
        = plant.submitCommand(id, endpointId, value, QStringLiteral("alice"), now, wallAt(now));
    if (!s.ok)
        return {{QLatin1StringView("status"), QStringLiteral("rejected")}, {QLatin1StringView("error"), s.errorCode}};
    for (int i = 0; i < 400 && plant.commandStatus(id).value(QLatin1StringView("completedAt")).isNull(); ++i) {
        const PlantEvents stepped = runFor(plant, now, 10, 10);
        if (events)
            *events += stepped;
    }
    return plant.commandStatus(id);
}

// Opens the valve, starts the pump and, if asked, switches the heater on.
bool startTank(SimPlant &plant, qint64 &now, bool heater = true)
{
    bool ok = str(runCommand(plant, now, QStringLiteral("start-valve"), kValve, true), "status") == u"succeeded"
        && str(runCommand(plant, now, QStringLiteral("start-pump"), kRunning, true), "status") == u"succeeded";
    runFor(plant, now, 5000, 250); // let the flow build up past the heater's minimum
    if (ok && heater)
        ok = str(runCommand(plant, now, QStringLiteral("start-heater"), kHeater, true), "status") == u"succeeded";
    return ok;
}

PlantEvents filtered(const PlantEvents &events, QLatin1StringView channel, const QString &key = {})
{
    PlantEvents out;
    for (const PlantEvent &e : events) {
        if (e.channel == channel && (key.isEmpty() || e.key == key))
            out.append(e);
    }
    return out;
}

PlantEvents telemetryOf(const PlantEvents &events, const QString &endpointId = {})
{
    return filtered(events, QLatin1StringView("telemetry"), endpointId);
}

// Every endpoint's published value, as telemetry had it before `events`.
using Values = QHash<QString, QJsonValue>;
Values valuesOf(const SimPlant &plant)
{
    Values values;
    for (const QJsonValue item : plant.telemetrySnapshot())
        values.insert(item[QLatin1StringView("endpointId")].toString(), item[QLatin1StringView("value")]);
    return values;
}

// The telemetry among `events` that changed a value, leaving out the
// refreshes that repeat one; `before` is where the values started.
PlantEvents changesOf(const PlantEvents &events, Values before, const QString &endpointId = {})
{
    PlantEvents out;
    for (const PlantEvent &e : telemetryOf(events, endpointId)) {
        const QJsonValue value = e.body[QLatin1StringView("value")];
        if (before.value(e.key) != value)
            out.append(e);
        before[e.key] = value;
    }
    return out;
}

QJsonArray toJson(const PlantEvents &events)
{
    QJsonArray out;
    for (const PlantEvent &e : events)
        out.append(QJsonObject {{QLatin1StringView("channel"), e.channel},
                                {QLatin1StringView("key"), e.key},
                                {QLatin1StringView("body"), e.body}});
    return out;
}

PlantCondition conditionById(const SimPlant &plant, const QString &id)
{
    const PlantConditions all = plant.conditions();
    for (const PlantCondition &c : all) {
        if (c.id == id)
            return c;
    }
    return {};
}

QJsonObject endpointIn(const QJsonArray &tiles, const QString &endpointId)
{
    for (const QJsonValue tile : tiles) {
        for (const QJsonValue device : tile[QLatin1StringView("devices")].toArray()) {
            for (const QJsonValue endpoint : device[QLatin1StringView("endpoints")].toArray()) {
                if (endpoint[QLatin1StringView("endpointId")].toString() == endpointId)
                    return endpoint.toObject();
            }
        }
    }
    return {};
}

} // namespace

class TestSimPlant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotHasProtocolShape();
    void telemetrySnapshotListsEndpoints();
    void validation_data();
    void validation();
    void lifecycleFollowsOrderInsideWindows();
    void repeatedCommandIdRunsOnce();
    void failureRateDecidesOutcome_data();
    void failureRateDecidesOutcome();
    void heatingRaisesTemperature();
    void pumpStopTripsHeater();
    void closingValveTripsPumpAndHeater();
    void lowLevelTripsHeater();
    void interlockRecheckedAtExecution();
    void sameSeedSameEvents();
    void telemetryOnlyForChangedEndpoints();
    void quietEndpointsRefreshEveryPeriod();
    void streamCarriesEveryReading();
    void commandHistoryIsBounded();
    void longPauseIsCapped();
    void s9_commandPastItsValidityIsRefused();
    void a8_commandsSnapshotListsWhatIsUnderWayAndTheLatestFinished();
};

void TestSimPlant::snapshotHasProtocolShape()
{
    SimPlant plant(3, 7);
    QCOMPARE(plant.tileCount(), 3);
    QCOMPARE(SimPlant(0, 1).tileCount(), 1);
    QCOMPARE(SimPlant(500, 1).tileCount(), SimPlant::kMaxTiles);

    QJsonArray tiles = plant.tilesSnapshot();
    QCOMPARE(tiles.size(), 3);
    const QJsonObject t1 = tiles.at(0).toObject();
    QCOMPARE(keySet(t1),
             (QSet<QString> {QStringLiteral("tileId"), QStringLiteral("name"), QStringLiteral("devices"),
                             QStringLiteral("interlocks")}));
    QCOMPARE(str(t1, "tileId"), QStringLiteral("T1"));
    QCOMPARE(str(t1, "name"), QStringLiteral("Hot liquor tank 1"));
    QCOMPARE(str(tiles.at(2).toObject(), "tileId"), QStringLiteral("T3"));

    const QJsonArray devices = t1[QLatin1StringView("devices")].toArray();
    QStringList kinds, deviceIds;
    for (const QJsonValue d : devices) {
        kinds << d[QLatin1StringView("kind")].toString();
        deviceIds << d[QLatin1StringView("deviceId")].toString();
    }
    QCOMPARE(kinds,
             (QStringList {QStringLiteral("pump"), QStringLiteral("valve"), QStringLiteral("heater"),
                           QStringLiteral("sensor"), QStringLiteral("sensor")}));
    QCOMPARE(deviceIds,
             (QStringList {QStringLiteral("T1.P101"), QStringLiteral("T1.V101"), QStringLiteral("T1.H101"),
                           QStringLiteral("T1.TT101"), QStringLiteral("T1.LT101")}));

    const QSet<QString> endpointKeys {
        QStringLiteral("endpointId"), QStringLiteral("name"),  QStringLiteral("unit"),      QStringLiteral("valueType"),
        QStringLiteral("writable"),   QStringLiteral("min"),   QStringLiteral("max"),       QStringLiteral("step"),
        QStringLiteral("options"),    QStringLiteral("value"), QStringLiteral("timestamp"), QStringLiteral("critical"),
    };
    QSet<QString> allIds;
    int endpointCount = 0;
    for (const QJsonValue tile : tiles) {
        for (const QJsonValue device : tile[QLatin1StringView("devices")].toArray()) {
            for (const QJsonValue e : device[QLatin1StringView("endpoints")].toArray()) {
                const QJsonObject endpoint = e.toObject();
                QCOMPARE(keySet(endpoint), endpointKeys);
                QVERIFY(endpoint[QLatin1StringView("timestamp")].isNull()); // no wall clock seen yet
                // Only switching the pump or the heater on is marked for confirmation.
                const QString id = str(endpoint, "endpointId");
                QCOMPARE(endpoint[QLatin1StringView("critical")].toBool(),
                         id.endsWith(QStringLiteral(".P101.running")) || id.endsWith(QStringLiteral(".H101.on")));
                allIds.insert(str(endpoint, "endpointId"));
                ++endpointCount;
            }
        }
    }
    QCOMPARE(endpointCount, 3 * SimPlant::kEndpointsPerTile);
    QCOMPARE(allIds.size(), endpointCount);

    const QJsonObject setpoint = endpointIn(tiles, kSetpoint);
    QCOMPARE(str(setpoint, "unit"), QStringLiteral("°C"));
    QCOMPARE(str(setpoint, "valueType"), QStringLiteral("number"));
    QCOMPARE(setpoint[QLatin1StringView("writable")], QJsonValue(true));
    QCOMPARE(setpoint[QLatin1StringView("min")].toDouble(), 20.0);
    QCOMPARE(setpoint[QLatin1StringView("max")].toDouble(), 95.0);
    QCOMPARE(setpoint[QLatin1StringView("step")].toDouble(), 0.5);
    QVERIFY(setpoint[QLatin1StringView("options")].isNull());
    QCOMPARE(setpoint[QLatin1StringView("value")].toDouble(), 75.0);

    const QJsonObject mode = endpointIn(tiles, kMode);
    QCOMPARE(str(mode, "valueType"), QStringLiteral("enum"));
    QCOMPARE(mode[QLatin1StringView("options")].toArray(),
             (QJsonArray {QStringLiteral("auto"), QStringLiteral("manual"), QStringLiteral("off")}));
    QCOMPARE(str(mode, "value"), QStringLiteral("auto"));

    const QJsonObject flow = endpointIn(tiles, kFlow);
    QCOMPARE(str(flow, "unit"), QStringLiteral("L/min"));
    QCOMPARE(flow[QLatin1StringView("writable")], QJsonValue(false));
    QCOMPARE(flow[QLatin1StringView("value")].toDouble(), 0.0);

    const QJsonObject running = endpointIn(tiles, kRunning);
    QCOMPARE(str(running, "valueType"), QStringLiteral("bool"));
    QVERIFY(running[QLatin1StringView("unit")].isNull());
    QCOMPARE(running[QLatin1StringView("value")], QJsonValue(false));

    QCOMPARE(str(endpointIn(tiles, kTemperature), "unit"), QStringLiteral("°C"));
    QCOMPARE(endpointIn(tiles, kTemperature)[QLatin1StringView("value")].toDouble(), 18.0);
    QCOMPARE(str(endpointIn(tiles, kLevel), "unit"), QStringLiteral("%"));
    QCOMPARE(endpointIn(tiles, kLevel)[QLatin1StringView("value")].toDouble(), 90.0);

    const auto interlock = [](const char *id, const char *description, const QString &target, const QString &required,
                              const char *op, const QJsonValue &value) {
        return QJsonObject {
            {QLatin1StringView("id"), QLatin1StringView(id)},
            {QLatin1StringView("description"), QString::fromUtf8(description)},
            {QLatin1StringView("target"), target},
            {QLatin1StringView("requires"),
             QJsonObject {{QLatin1StringView("endpointId"), required},
                          {QLatin1StringView("op"), QLatin1StringView(op)},
                          {QLatin1StringView("value"), value}}},
        };
    };
    QCOMPARE(t1[QLatin1StringView("interlocks")].toArray(),
             (QJsonArray {
                 interlock("T1.IL1", "Heater H-101 needs pump P-101 running", kHeater, kRunning, "==", true),
                 interlock("T1.IL2", "Pump P-101 needs outlet valve V-101 open", kRunning, kValve, "==", true),
                 interlock("T1.IL3", "Heater H-101 needs level LT-101 at 20 % or more", kHeater, kLevel, ">=", 20.0),
             }));

    plant.step(0, wallAt(0));
    tiles = plant.tilesSnapshot();
    QCOMPARE(str(endpointIn(tiles, kLevel), "timestamp"), isoAt(0));
    QCOMPARE(str(endpointIn(tiles, QStringLiteral("T3.H101.mode")), "timestamp"), isoAt(0));
}

void TestSimPlant::telemetrySnapshotListsEndpoints()
{
    SimPlant plant(3, 7);
    plant.step(0, wallAt(0));
    const QJsonArray all = plant.telemetrySnapshot();
    QCOMPARE(all.size(), 3 * SimPlant::kEndpointsPerTile);
    for (const QJsonValue item : all) {
        const QJsonObject body = item.toObject();
        QCOMPARE(str(body, "type"), QStringLiteral("telemetry"));
        QCOMPARE(body[QLatin1StringView("value")], plant.value(str(body, "endpointId")));
        QCOMPARE(str(body, "timestamp"), isoAt(0));
        QVERIFY(body.contains(QLatin1StringView("unit")));
    }

    const QJsonArray some
        = plant.telemetrySnapshot({QStringLiteral("T2.H101.setpoint"), QStringLiteral("nope"), kLevel});
    QCOMPARE(some.size(), 2);
    QCOMPARE(str(some.at(0).toObject(), "endpointId"), QStringLiteral("T2.H101.setpoint"));
    QCOMPARE(str(some.at(0).toObject(), "unit"), QStringLiteral("°C"));
    QCOMPARE(str(some.at(1).toObject(), "endpointId"), kLevel);
    QCOMPARE(some.at(1)[QLatin1StringView("value")].toDouble(), 90.0);
    QVERIFY(plant.value(QStringLiteral("nope")).isUndefined());
}

void TestSimPlant::validation_data()
{
    QTest::addColumn<QString>("endpointId");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");

    const QString none;
    const QString notFound = QStringLiteral("not_found");
    const QString notWritable = QStringLiteral("not_writable");
    const QString badRequest = QStringLiteral("bad_request");
    const QString outOfRange = QStringLiteral("out_of_range");
    const QString interlock = QStringLiteral("interlock");

    QTest::newRow("unknown endpoint") << QStringLiteral("T1.P101.speed") << QJsonValue(true) << notFound << none;
    QTest::newRow("unknown tile") << QStringLiteral("T3.P101.running") << QJsonValue(true) << notFound << none;
    QTest::newRow("flow is read-only") << kFlow << QJsonValue(10.0) << notWritable << none;
    QTest::newRow("read-only before type") << kTemperature << QJsonValue(QStringLiteral("hot")) << notWritable << none;
    QTest::newRow("bool given number") << kValve << QJsonValue(1) << badRequest << none;
    QTest::newRow("bool given string") << kValve << QJsonValue(QStringLiteral("true")) << badRequest << none;
    QTest::newRow("bool given null") << kHeater << QJsonValue(QJsonValue::Null) << badRequest << none;
    QTest::newRow("number given string") << kSetpoint << QJsonValue(QStringLiteral("60")) << badRequest << none;
    QTest::newRow("enum given number") << kMode << QJsonValue(1) << badRequest << none;
    QTest::newRow("setpoint below min") << kSetpoint << QJsonValue(19.5) << outOfRange << none;
    QTest::newRow("setpoint above max") << kSetpoint << QJsonValue(95.5) << outOfRange << none;
    QTest::newRow("setpoint off step") << kSetpoint << QJsonValue(60.3) << outOfRange << none;
    QTest::newRow("unknown mode") << kMode << QJsonValue(QStringLiteral("boost")) << outOfRange << none;
    QTest::newRow("heater without pump") << kHeater << QJsonValue(true) << interlock << kNeedsPump;
    QTest::newRow("pump without valve") << kRunning << QJsonValue(true) << interlock << kNeedsValve;
    QTest::newRow("heater off") << kHeater << QJsonValue(false) << none << none;
    QTest::newRow("pump off") << kRunning << QJsonValue(false) << none << none;
    QTest::newRow("valve open") << kValve << QJsonValue(true) << none << none;
    QTest::newRow("setpoint min") << kSetpoint << QJsonValue(20) << none << none;
    QTest::newRow("setpoint max") << kSetpoint << QJsonValue(95.0) << none << none;
    QTest::newRow("setpoint on step") << kSetpoint << QJsonValue(60.5) << none << none;
    QTest::newRow("mode manual") << kMode << QJsonValue(QStringLiteral("manual")) << none << none;
    QTest::newRow("other tile") << QStringLiteral("T2.H101.mode") << QJsonValue(QStringLiteral("off")) << none << none;
}

void TestSimPlant::validation()
{
    QFETCH(QString, endpointId);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QFETCH(QString, reason);

    SimPlant plant(2, 11);
    plant.step(0, wallAt(0));
    const QJsonValue before = plant.value(endpointId);
    const QString id = QStringLiteral("c-1");
    const SimPlant::Submission s = plant.submitCommand(id, endpointId, value, QStringLiteral("alice"), 0, wallAt(0));
    QCOMPARE(s.ok, code.isEmpty());
    QCOMPARE(s.errorCode, code);
    QCOMPARE(s.reason, reason);
    if (!s.ok) {
        QVERIFY(!s.message.isEmpty());
        QVERIFY(s.events.isEmpty());
        QVERIFY(s.status.isEmpty());
        QVERIFY(plant.commandStatus(id).isEmpty());
        QCOMPARE(plant.value(endpointId), before);
        // A rejected id is not remembered: it can carry a valid command next.
        const SimPlant::Submission again
            = plant.submitCommand(id, kSetpoint, 60.0, QStringLiteral("alice"), 10, wallAt(10));
        QVERIFY(again.ok);
        QCOMPARE(again.status[QLatin1StringView("requestedValue")].toDouble(), 60.0);
        return;
    }
    QCOMPARE(s.events.size(), 1);
    QCOMPARE(s.events.at(0).channel, QStringLiteral("commands"));
    QCOMPARE(s.events.at(0).key, id);
    QCOMPARE(s.events.at(0).body, s.status);
    QCOMPARE(str(s.status, "status"), QStringLiteral("queued"));
    QCOMPARE(s.status[QLatin1StringView("requestedValue")], value);
}

void TestSimPlant::lifecycleFollowsOrderInsideWindows()
{
    SimPlant plant(1, 21);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    runFor(plant, now, 1000, 250);

    const int count = 40;
    for (int i = 0; i < count; ++i) {
        const SimPlant::Submission s = plant.submitCommand(QStringLiteral("cmd-%1").arg(i), kSetpoint, 20.0 + 0.5 * i,
                                                           QStringLiteral("bob"), now, wallAt(now));
        QVERIFY(s.ok);
        QCOMPARE(s.events.size(), 1);
        const QJsonObject queued = s.status;
        QCOMPARE(str(queued, "type"), QStringLiteral("command_status"));
        QCOMPARE(str(queued, "commandId"), QStringLiteral("cmd-%1").arg(i));
        QCOMPARE(str(queued, "endpointId"), kSetpoint);
        QCOMPARE(str(queued, "status"), QStringLiteral("queued"));
        QCOMPARE(queued[QLatin1StringView("requestedValue")].toDouble(), 20.0 + 0.5 * i);
        QCOMPARE(queued[QLatin1StringView("actualValue")].toDouble(), 75.0);
        QCOMPARE(str(queued, "operator"), QStringLiteral("bob"));
        QVERIFY(queued[QLatin1StringView("error")].isNull());
        QVERIFY(queued[QLatin1StringView("completedAt")].isNull());
    }
    const qint64 submittedAt = now;

    // Step one millisecond at a time so every transition shows its exact time.
    QHash<QString, QList<QPair<QString, qint64>>> seen;
    QSet<qint64> sentDelays;
    for (qint64 t = submittedAt + 1; t <= submittedAt + 2400; ++t) {
        const PlantEvents events = plant.step(t, wallAt(t));
        for (qsizetype i = 0; i < events.size(); ++i) {
            const PlantEvent &e = events.at(i);
            if (e.channel != u"commands")
                continue;
            const QString status = str(e.body, "status");
            seen[e.key].append({status, t});
            QCOMPARE(str(e.body, "operator"), QStringLiteral("bob"));
            const bool isFinal = status == u"succeeded" || status == u"failed";
            QCOMPARE(e.body[QLatin1StringView("completedAt")].isNull(), !isFinal);
            QVERIFY(e.body[QLatin1StringView("error")].isNull());
            if (isFinal) {
                QCOMPARE(str(e.body, "completedAt"), isoAt(t));
                QCOMPARE(e.body[QLatin1StringView("actualValue")], e.body[QLatin1StringView("requestedValue")]);
                // The new value went out as telemetry just before the final status.
                QVERIFY(i > 0);
                QCOMPARE(events.at(i - 1).channel, QStringLiteral("telemetry"));
                QCOMPARE(events.at(i - 1).key, kSetpoint);
                QCOMPARE(events.at(i - 1).body[QLatin1StringView("value")],
                         e.body[QLatin1StringView("requestedValue")]);
                QCOMPARE(str(events.at(i - 1).body, "timestamp"), isoAt(t));
            }
        }
    }

    QCOMPARE(seen.size(), count);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        const auto &steps = it.value();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0).first, QStringLiteral("sent"));
        QCOMPARE(steps.at(1).first, QStringLiteral("acked"));
        QCOMPARE(steps.at(2).first, QStringLiteral("succeeded"));
        const qint64 sent = steps.at(0).second - submittedAt;
        const qint64 acked = steps.at(1).second - steps.at(0).second;
        const qint64 done = steps.at(2).second - steps.at(1).second;
        QVERIFY2(sent >= 100 && sent <= 300, qPrintable(QString::number(sent)));
        QVERIFY2(acked >= 200 && acked <= 500, qPrintable(QString::number(acked)));
        QVERIFY2(done >= 300 && done <= 1500, qPrintable(QString::number(done)));
        sentDelays.insert(sent);
    }
    // The delays are drawn, not fixed.
    QVERIFY(sentDelays.size() > 10);
}

void TestSimPlant::repeatedCommandIdRunsOnce()
{
    SimPlant plant(1, 5);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    const QString id = QStringLiteral("dup");
    const SimPlant::Submission first
        = plant.submitCommand(id, kSetpoint, 60.0, QStringLiteral("alice"), now, wallAt(now));
    QVERIFY(first.ok);
    QCOMPARE(first.events.size(), 1);

    const SimPlant::Submission second
        = plant.submitCommand(id, kSetpoint, 80.0, QStringLiteral("mallory"), now, wallAt(now));
    QVERIFY(second.ok);
    QVERIFY(second.events.isEmpty());
    QCOMPARE(second.status, first.status);

    PlantEvents events;
    while (str(plant.commandStatus(id), "status") == u"queued")
        events += runFor(plant, now, 5, 5);
    const SimPlant::Submission midway
        = plant.submitCommand(id, kSetpoint, 80.0, QStringLiteral("alice"), now, wallAt(now));
    QVERIFY(midway.ok);
    QVERIFY(midway.events.isEmpty());
    QCOMPARE(str(midway.status, "status"), QStringLiteral("sent"));

    events += runFor(plant, now, 3000, 50);
    const SimPlant::Submission after
        = plant.submitCommand(id, kSetpoint, 80.0, QStringLiteral("alice"), now, wallAt(now));
    QVERIFY(after.ok);
    QVERIFY(after.events.isEmpty());
    QCOMPARE(str(after.status, "status"), QStringLiteral("succeeded"));
    QCOMPARE(after.status[QLatin1StringView("requestedValue")].toDouble(), 60.0);
    events += runFor(plant, now, 3000, 50);

    QStringList statuses;
    for (const PlantEvent &e : filtered(events, QLatin1StringView("commands"), id))
        statuses << str(e.body, "status");
    QCOMPARE(statuses, (QStringList {QStringLiteral("sent"), QStringLiteral("acked"), QStringLiteral("succeeded")}));
    const PlantEvents setpoints = telemetryOf(events, kSetpoint);
    QCOMPARE(setpoints.size(), 1);
    QCOMPARE(setpoints.at(0).body[QLatin1StringView("value")].toDouble(), 60.0);
    QCOMPARE(plant.value(kSetpoint).toDouble(), 60.0);
}

void TestSimPlant::failureRateDecidesOutcome_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("changes");

    QTest::newRow("never fails") << 0.0 << QStringLiteral("succeeded") << true;
    QTest::newRow("always fails") << 1.0 << QStringLiteral("failed") << false;
}

void TestSimPlant::failureRateDecidesOutcome()
{
    QFETCH(double, rate);
    QFETCH(QString, status);
    QFETCH(bool, changes);

    SimPlant plant(1, 3, rate);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    for (int i = 0; i < 10; ++i) {
        const double requested = 40.0 + i;
        PlantEvents events;
        const Values before = valuesOf(plant);
        const QJsonObject result = runCommand(plant, now, QStringLiteral("f-%1").arg(i), kSetpoint, requested, &events);
        QCOMPARE(str(result, "status"), status);
        QVERIFY(result[QLatin1StringView("completedAt")].isString());
        if (changes) {
            QVERIFY(result[QLatin1StringView("error")].isNull());
            QCOMPARE(result[QLatin1StringView("actualValue")].toDouble(), requested);
            QCOMPARE(plant.value(kSetpoint).toDouble(), requested);
            QCOMPARE(telemetryOf(events, kSetpoint).size(), 1);
        } else {
            QCOMPARE(str(result, "error"), QStringLiteral("device did not respond"));
            QCOMPARE(result[QLatin1StringView("actualValue")].toDouble(), 75.0);
            QCOMPARE(plant.value(kSetpoint).toDouble(), 75.0);
            QVERIFY(changesOf(events, before, kSetpoint).isEmpty());
        }
    }
}

void TestSimPlant::heatingRaisesTemperature()
{
    SimPlant plant(1, 9);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QVERIFY(startTank(plant, now, false));
    runFor(plant, now, 20'000, 250);
    const double flow = plant.value(kFlow).toDouble();
    QVERIFY2(std::abs(flow - 120.0) <= 1.7, qPrintable(QString::number(flow)));
    const double start = plant.value(kTemperature).toDouble();
    QVERIFY(start < 19.0);
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("heat"), kHeater, true), "status"), QStringLiteral("succeeded"));

    const PlantEvents firstMinute = runFor(plant, now, 60'000, 1000);
    const PlantEvents readings = telemetryOf(firstMinute, kTemperature);
    QVERIFY(readings.size() > 30);
    double previous = start;
    for (const PlantEvent &e : readings) {
        const double t = e.body[QLatin1StringView("value")].toDouble();
        QVERIFY2(t > previous, qPrintable(QStringLiteral("%1 after %2").arg(t).arg(previous)));
        QCOMPARE(str(e.body, "unit"), QStringLiteral("°C"));
        previous = t;
    }
    const double afterMinute = plant.value(kTemperature).toDouble();
    QVERIFY2(afterMinute > start + 25.0 && afterMinute < start + 32.0, qPrintable(QString::number(afterMinute)));

    runFor(plant, now, 180'000, 1000);
    QVERIFY(qAbs(plant.value(kTemperature).toDouble() - 75.0) <= 0.5);
    QVERIFY(plant.value(kLevel).toDouble() < 90.0);
    const QString highId = QStringLiteral("endpoint:T1.TT101.temperature:high");
    QVERIFY(!conditionById(plant, highId).active);

    QCOMPARE(str(runCommand(plant, now, QStringLiteral("hot"), kSetpoint, 95.0), "status"),
             QStringLiteral("succeeded"));
    runFor(plant, now, 60'000, 1000);
    QVERIFY(plant.value(kTemperature).toDouble() > 90.0);
    const PlantCondition high = conditionById(plant, highId);
    QVERIFY(high.active);
    QCOMPARE(high.severity, QStringLiteral("high"));
    QCOMPARE(high.sourceKind, QStringLiteral("endpoint"));
    QCOMPARE(high.sourceId, kTemperature);
    QVERIFY(high.message.contains(QStringLiteral("Hot liquor tank 1")));
}

void TestSimPlant::pumpStopTripsHeater()
{
    SimPlant plant(1, 13);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QVERIFY(startTank(plant, now));
    runFor(plant, now, 60'000, 500);
    const QString tripId = QStringLiteral("endpoint:T1.H101.on:tripped");
    QVERIFY(!conditionById(plant, tripId).active);
    const double hot = plant.value(kTemperature).toDouble();

    PlantEvents events;
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("stop"), kRunning, false, &events), "status"),
             QStringLiteral("succeeded"));
    const PlantEvents heater = telemetryOf(events, kHeater);
    QCOMPARE(heater.size(), 1);
    QCOMPARE(heater.at(0).body[QLatin1StringView("value")], QJsonValue(false));
    QCOMPARE(plant.value(kHeater), QJsonValue(false));
    const PlantCondition trip = conditionById(plant, tripId);
    QVERIFY(trip.active);
    QCOMPARE(trip.severity, QStringLiteral("high"));
    QCOMPARE(trip.sourceId, kHeater);
    QVERIFY2(trip.message.contains(kNeedsPump), qPrintable(trip.message));

    runFor(plant, now, 30'000, 250);
    QCOMPARE(plant.value(kFlow).toDouble(), 0.0);
    QVERIFY(plant.value(kTemperature).toDouble() < hot);

    // Starting the pump again does not clear the trip; switching the heater on does.
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("restart"), kRunning, true), "status"),
             QStringLiteral("succeeded"));
    QVERIFY(conditionById(plant, tripId).active);
    QCOMPARE(plant.value(kHeater), QJsonValue(false));
    runFor(plant, now, 5000, 250);
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("reheat"), kHeater, true), "status"),
             QStringLiteral("succeeded"));
    QVERIFY(!conditionById(plant, tripId).active);
}

void TestSimPlant::closingValveTripsPumpAndHeater()
{
    SimPlant plant(1, 17);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QVERIFY(startTank(plant, now));
    PlantEvents events;
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("shut"), kValve, false, &events), "status"),
             QStringLiteral("succeeded"));
    QCOMPARE(plant.value(kRunning), QJsonValue(false));
    QCOMPARE(plant.value(kHeater), QJsonValue(false));
    QCOMPARE(telemetryOf(events, kRunning).size(), 1);
    QCOMPARE(telemetryOf(events, kHeater).size(), 1);
    const PlantCondition pump = conditionById(plant, QStringLiteral("endpoint:T1.P101.running:tripped"));
    QVERIFY(pump.active);
    QVERIFY2(pump.message.contains(kNeedsValve), qPrintable(pump.message));
    const PlantCondition heater = conditionById(plant, QStringLiteral("endpoint:T1.H101.on:tripped"));
    QVERIFY(heater.active);
    QVERIFY2(heater.message.contains(kNeedsPump), qPrintable(heater.message));
}

void TestSimPlant::lowLevelTripsHeater()
{
    SimPlant plant(1, 19);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QVERIFY(startTank(plant, now));
    const QString tripId = QStringLiteral("endpoint:T1.H101.on:tripped");
    const QString lowId = QStringLiteral("endpoint:T1.LT101.level:low");

    // The pump drains the tank faster than the float valve refills it.
    bool tripped = false;
    for (int s = 0; s < 3600 && !tripped; ++s) {
        const Values before = valuesOf(plant);
        tripped = !changesOf(runFor(plant, now, 1000, 1000), before, kHeater).isEmpty();
    }
    QVERIFY(tripped);
    QCOMPARE(plant.value(kHeater), QJsonValue(false));
    const double level = plant.value(kLevel).toDouble();
    QVERIFY2(level < 20.0 && level > 19.0, qPrintable(QString::number(level)));
    QCOMPARE(plant.value(kRunning), QJsonValue(true));
    QVERIFY(conditionById(plant, tripId).active);
    QVERIFY(conditionById(plant, tripId).message.contains(kNeedsLevel));
    QVERIFY(!conditionById(plant, lowId).active);

    const SimPlant::Submission again
        = plant.submitCommand(QStringLiteral("again"), kHeater, true, QStringLiteral("alice"), now, wallAt(now));
    QVERIFY(!again.ok);
    QCOMPARE(again.errorCode, QStringLiteral("interlock"));
    QCOMPARE(again.reason, kNeedsLevel);

    for (int s = 0; s < 600 && plant.value(kLevel).toDouble() >= 15.0; ++s)
        runFor(plant, now, 1000, 1000);
    const PlantCondition low = conditionById(plant, lowId);
    QVERIFY(low.active);
    QCOMPARE(low.severity, QStringLiteral("medium"));
    QCOMPARE(low.sourceId, kLevel);
}

void TestSimPlant::interlockRecheckedAtExecution()
{
    SimPlant plant(1, 23);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QVERIFY(startTank(plant, now, false));

    // Both commands are accepted while the pump runs; which executes first is
    // drawn, so repeat until the pump stops first at least once.
    bool rechecked = false;
    for (int attempt = 0; attempt < 20 && !rechecked; ++attempt) {
        const QString heaterId = QStringLiteral("heat-%1").arg(attempt);
        const QString stopId = QStringLiteral("stop-%1").arg(attempt);
        QVERIFY(plant.submitCommand(heaterId, kHeater, true, QStringLiteral("alice"), now, wallAt(now)).ok);
        QVERIFY(plant.submitCommand(stopId, kRunning, false, QStringLiteral("bob"), now, wallAt(now)).ok);
        PlantEvents events = runFor(plant, now, 2500, 10);
        qsizetype heaterFinal = -1, stopFinal = -1;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QString status = str(events.at(i).body, "status");
            if (status != u"succeeded" && status != u"failed")
                continue;
            if (events.at(i).key == heaterId)
                heaterFinal = i;
            if (events.at(i).key == stopId)
                stopFinal = i;
        }
        QVERIFY(heaterFinal >= 0 && stopFinal >= 0);
        const QJsonObject heater = plant.commandStatus(heaterId);
        QCOMPARE(plant.value(kHeater), QJsonValue(false));
        if (stopFinal < heaterFinal) {
            QCOMPARE(str(heater, "status"), QStringLiteral("failed"));
            QCOMPARE(str(heater, "error"), kNeedsPump);
            QCOMPARE(heater[QLatin1StringView("actualValue")], QJsonValue(false));
            for (const PlantEvent &e : telemetryOf(events, kHeater))
                QCOMPARE(e.body[QLatin1StringView("value")], QJsonValue(false));
            rechecked = true;
        } else {
            // The heater came on and then tripped when the pump stopped.
            QCOMPARE(str(heater, "status"), QStringLiteral("succeeded"));
            QVERIFY(conditionById(plant, QStringLiteral("endpoint:T1.H101.on:tripped")).active);
            QCOMPARE(str(runCommand(plant, now, QStringLiteral("restart-%1").arg(attempt), kRunning, true), "status"),
                     QStringLiteral("succeeded"));
        }
    }
    QVERIFY(rechecked);
}

void TestSimPlant::sameSeedSameEvents()
{
    const auto script = [](quint32 seed) {
        SimPlant plant(5, seed, 0.3);
        QJsonArray log;
        const auto record = [&log](const PlantEvents &events) {
            for (const QJsonValue e : toJson(events))
                log.append(e);
        };
        qint64 now = 0;
        record(plant.step(now, wallAt(now)));
        const QList<QPair<QString, QJsonValue>> commands = {
            {kValve, true},
            {QStringLiteral("T3.H101.setpoint"), 88.5},
            {QStringLiteral("T2.H101.mode"), QStringLiteral("off")},
            {kRunning, true},
            {QStringLiteral("T4.V101.open"), false},
            {kHeater, true},
        };
        for (int i = 0; i < commands.size(); ++i) {
            const SimPlant::Submission s
                = plant.submitCommand(QStringLiteral("s-%1").arg(i), commands.at(i).first, commands.at(i).second,
                                      QStringLiteral("alice"), now, wallAt(now));
            record(s.events);
            log.append(s.errorCode);
            record(runFor(plant, now, 3000, 250));
        }
        record(runFor(plant, now, 120'000, 250));
        log.append(plant.tilesSnapshot());
        return log;
    };
    const QJsonArray a = script(42);
    const QJsonArray b = script(42);
    QVERIFY(a.size() > 100);
    QCOMPARE(a, b);
    QVERIFY(script(43) != a);
}

void TestSimPlant::telemetryOnlyForChangedEndpoints()
{
    SimPlant plant(1, 8);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    // A cold, full, idle tank: sensor noise stays inside the deadbands, and
    // the endpoints only repeat their values to say they are alive.
    Values before = valuesOf(plant);
    const PlantEvents idle = runFor(plant, now, 60'000, 500);
    QVERIFY(changesOf(idle, before).isEmpty());
    QVERIFY(telemetryOf(idle).size() >= 5 * SimPlant::kEndpointsPerTile);

    PlantEvents events;
    before = valuesOf(plant);
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("open"), kValve, true, &events), "status"),
             QStringLiteral("succeeded"));
    events += runFor(plant, now, 10'000, 500);
    PlantEvents telemetry = changesOf(events, before);
    QCOMPARE(telemetry.size(), 1);
    QCOMPARE(telemetry.at(0).key, kValve);
    QCOMPARE(telemetry.at(0).body[QLatin1StringView("value")], QJsonValue(true));

    // Writing the value an endpoint already has changes nothing to report.
    events.clear();
    before = valuesOf(plant);
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("same"), kSetpoint, 75.0, &events), "status"),
             QStringLiteral("succeeded"));
    QVERIFY(changesOf(events, before).isEmpty());

    events.clear();
    before = valuesOf(plant);
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("pump"), kRunning, true, &events), "status"),
             QStringLiteral("succeeded"));
    events += runFor(plant, now, 20'000, 250);
    QSet<QString> keys;
    for (const PlantEvent &e : changesOf(events, before))
        keys.insert(e.key);
    QCOMPARE(keys, (QSet<QString> {kRunning, kFlow, kLevel}));
}

void TestSimPlant::quietEndpointsRefreshEveryPeriod()
{
    SimPlant plant(2, 8);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QHash<QString, qint64> lastMs;
    for (const QJsonValue item : plant.telemetrySnapshot())
        lastMs.insert(item[QLatin1StringView("endpointId")].toString(), 0);
    Values values = valuesOf(plant);
    QHash<QString, qint64> maxGap;
    int refreshes = 0;
    while (now < 5 * 60'000) {
        now += 100;
        int refreshesNow = 0;
        for (const PlantEvent &e : telemetryOf(plant.step(now, wallAt(now)))) {
            maxGap[e.key] = std::max(maxGap.value(e.key), now - lastMs.value(e.key));
            lastMs[e.key] = now;
            const QJsonValue value = e.body[QLatin1StringView("value")];
            if (value == values.value(e.key))
                ++refreshesNow;
            values[e.key] = value;
            QCOMPARE(e.body[QLatin1StringView("timestamp")].toString(), isoAt(now));
        }
        // Spread over the period: quiet endpoints do not all speak at once.
        QVERIFY2(refreshesNow <= 2, qPrintable(QStringLiteral("%1 refreshes at %2 ms").arg(refreshesNow).arg(now)));
        refreshes += refreshesNow;
    }
    QCOMPARE(maxGap.size(), 2 * SimPlant::kEndpointsPerTile);
    for (auto it = maxGap.cbegin(); it != maxGap.cend(); ++it)
        QVERIFY2(it.value() <= SimPlant::kRefreshMs, qPrintable(it.key() + u' ' + QString::number(it.value())));
    QVERIFY(refreshes > 50);
}

void TestSimPlant::streamCarriesEveryReading()
{
    SimPlant plant(1, 9);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QVERIFY(startTank(plant, now));
    const Values before = valuesOf(plant);
    PlantEvents telemetry;
    QHash<QString, int> streamChanges;
    QHash<QString, QJsonValue> streamed;
    for (int s = 0; s < 150; ++s) {
        now += 200;
        telemetry += plant.step(now, wallAt(now));
        const PlantEvents sample = plant.streamSample(wallAt(now));
        QCOMPARE(sample.size(), SimPlant::kEndpointsPerTile);
        for (const PlantEvent &e : sample) {
            QCOMPARE(e.channel, QStringLiteral("endpoint_stream"));
            QCOMPARE(e.key, str(e.body, "endpointId"));
            QCOMPARE(keySet(e.body),
                     (QSet<QString> {QStringLiteral("type"), QStringLiteral("endpointId"), QStringLiteral("value"),
                                     QStringLiteral("unit"), QStringLiteral("timestamp")}));
            QCOMPARE(str(e.body, "type"), QStringLiteral("telemetry"));
            QCOMPARE(str(e.body, "timestamp"), isoAt(now));
            const QJsonValue value = e.body[QLatin1StringView("value")];
            if (streamed.contains(e.key) && streamed.value(e.key) != value)
                ++streamChanges[e.key];
            streamed[e.key] = value;
            // The published value is the reading give or take the deadband.
            const QJsonValue published = plant.value(e.key);
            if (e.key == kFlow || e.key == kTemperature || e.key == kLevel) {
                const double deadband = e.key == kFlow ? 1.0 : 0.2;
                QVERIFY2(std::abs(value.toDouble() - published.toDouble()) <= deadband + 1e-9, qPrintable(e.key));
            } else {
                QCOMPARE(value, published);
            }
        }
    }
    // Heating: the temperature reading moves at almost every sample; the
    // telemetry channel reports it only past its deadband.
    const qsizetype published = changesOf(telemetry, before, kTemperature).size();
    QVERIFY2(streamChanges.value(kTemperature) > 100, qPrintable(QString::number(streamChanges.value(kTemperature))));
    QVERIFY2(published < streamChanges.value(kTemperature) / 2, qPrintable(QString::number(published)));
    QVERIFY(published > 5);
}

void TestSimPlant::commandHistoryIsBounded()
{
    SimPlant plant(1, 4);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    const int extra = 5;
    const int total = int(SimPlant::kCommandHistory) + extra;
    for (int i = 0; i < total; ++i)
        QVERIFY(plant
                    .submitCommand(QStringLiteral("h-%1").arg(i), kSetpoint, 60.0 + 0.5 * (i % 2),
                                   QStringLiteral("alice"), now, wallAt(now))
                    .ok);
    runFor(plant, now, 3000, 100);

    QStringList forgotten;
    for (int i = 0; i < total; ++i) {
        if (plant.commandStatus(QStringLiteral("h-%1").arg(i)).isEmpty())
            forgotten << QStringLiteral("h-%1").arg(i);
    }
    QCOMPARE(forgotten.size(), extra);
    // A forgotten id is new again.
    const SimPlant::Submission again
        = plant.submitCommand(forgotten.first(), kSetpoint, 70.0, QStringLiteral("alice"), now, wallAt(now));
    QVERIFY(again.ok);
    QCOMPARE(again.events.size(), 1);
    QCOMPARE(str(again.status, "status"), QStringLiteral("queued"));
}

void TestSimPlant::longPauseIsCapped()
{
    SimPlant plant(1, 29);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QVERIFY(startTank(plant, now));
    const double before = plant.value(kTemperature).toDouble();
    now += 3'600'000;
    plant.step(now, wallAt(now));
    const double after = plant.value(kTemperature).toDouble();
    // An hour would reach the setpoint; the cap allows one minute of heating.
    QVERIFY2(after > before + 25.0 && after <= before + 30.5,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void TestSimPlant::s9_commandPastItsValidityIsRefused()
{
    SimPlant plant(1, 23);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    const QString valveId = QStringLiteral("T1.V101.open");
    const SimPlant::Submission late = plant.submitCommand(
        QStringLiteral("late"), valveId, true, QStringLiteral("alice"), now, wallAt(now), wallAt(now).addMSecs(-1));
    QVERIFY(!late.ok);
    QCOMPARE(late.errorCode, QStringLiteral("expired"));
    QVERIFY(late.events.isEmpty());
    QVERIFY(plant.commandStatus(QStringLiteral("late")).isEmpty()); // never queued
    const SimPlant::Submission inTime = plant.submitCommand(QStringLiteral("in-time"), valveId, true,
                                                            QStringLiteral("alice"), now, wallAt(now), wallAt(now));
    QVERIFY(inTime.ok);
    // A repeated id is still answered with its status, validity or not.
    const SimPlant::Submission again = plant.submitCommand(
        QStringLiteral("in-time"), valveId, true, QStringLiteral("alice"), now, wallAt(now), wallAt(now).addSecs(-60));
    QVERIFY(again.ok);
    QVERIFY(again.events.isEmpty());
}

void TestSimPlant::a8_commandsSnapshotListsWhatIsUnderWayAndTheLatestFinished()
{
    SimPlant plant(1, 29);
    qint64 now = 0;
    plant.step(now, wallAt(now));
    QVERIFY(plant.commandsSnapshot().isEmpty());
    QCOMPARE(str(runCommand(plant, now, QStringLiteral("done"), kSetpoint, 60.0), "status"),
             QStringLiteral("succeeded"));
    QVERIFY(
        plant.submitCommand(QStringLiteral("running"), kSetpoint, 61.0, QStringLiteral("bob"), now, wallAt(now)).ok);
    const QJsonArray items = plant.commandsSnapshot();
    QCOMPARE(items.size(), 2);
    QCOMPARE(str(items.at(0).toObject(), "commandId"), QStringLiteral("running"));
    QCOMPARE(str(items.at(0).toObject(), "status"), QStringLiteral("queued"));
    QCOMPARE(str(items.at(1).toObject(), "commandId"), QStringLiteral("done"));
    QCOMPARE(str(items.at(1).toObject(), "status"), QStringLiteral("succeeded"));
    // Bounded: the latest finished ones only.
    for (int i = 0; i < int(SimPlant::kSnapshotFinished) + 20; ++i)
        runCommand(plant, now, QStringLiteral("c%1").arg(i), kSetpoint, 20.0 + (i % 10));
    QVERIFY(plant.commandsSnapshot().size() <= SimPlant::kSnapshotFinished + 1);
}

QTEST_GUILESS_MAIN(TestSimPlant)
#include "tst_simplant.moc"
