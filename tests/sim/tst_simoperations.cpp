#include "gateway/gatewaytestclient.h"
#include "gatewaychannels.h"
#include "simhost.h"

#include <QTest>

// What operators do through the reference server, from the wire: commands
// on the plant, alarms across several consoles, roles, and the scripted
// scenarios that tests and demos use.
class TestSimOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyChannelHasASnapshot();
    void commandRunsItsLifeCycleAndChangesTheWorld();
    void interlockRefusalCarriesTheDescription();
    void commandIdIsTheIdempotencyKey();
    void viewerCannotCommandOrAcknowledge();
    void failureRateOneFailsEveryCommand();
    void alarmFloodRaisesAlarmsAndAckReachesOtherConsoles();
    void shelvingHidesAndReturns();
    void chatteringSensorIsOneAlarm();
    void machineBreakdownOpensATicket();

private:
    static SimOptions options(const QString &scenario = {});
    static QString errorCode(const QJsonObject &result)
    {
        return result.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
    }
    static QJsonObject command(const QString &commandId, const QString &endpointId, const QJsonValue &value)
    {
        return {{QLatin1StringView("type"), QStringLiteral("command")},
                {QLatin1StringView("commandId"), commandId},
                {QLatin1StringView("endpointId"), endpointId},
                {QLatin1StringView("value"), value}};
    }
};

SimOptions TestSimOperations::options(const QString &scenario)
{
    SimOptions o;
    o.drones = 9;
    o.machines = 6;
    o.tiles = 1;
    o.rate = 20.0;
    o.scenarios = scenario.isEmpty() ? QStringList() : QStringList {scenario};
    o.tokens = {{QStringLiteral("v"), QStringLiteral("viewer")},
                {QStringLiteral("o"), QStringLiteral("operator")},
                {QStringLiteral("o2"), QStringLiteral("operator")}};
    return o;
}

void TestSimOperations::everyChannelHasASnapshot()
{
    SimHost server(options());
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate(QStringLiteral("o"));
    QVERIFY(c.subscribe(QStringLiteral("all")).value(QLatin1StringView("ok")).toBool());
    QTRY_COMPARE(c.ofType(QStringLiteral("snapshot")).size(), GatewayChannels::channels().size());
    QHash<QString, QJsonArray> items;
    for (const QJsonObject &s : c.ofType(QStringLiteral("snapshot")))
        items.insert(s.value(QLatin1StringView("channel")).toString(), s.value(QLatin1StringView("items")).toArray());
    QCOMPARE(items.value(QStringLiteral("drones")).size(), 9);
    QCOMPARE(items.value(QStringLiteral("machines")).size(), 6);
    QCOMPARE(items.value(QStringLiteral("tiles")).size(), 1);
    QCOMPARE(items.value(QStringLiteral("telemetry")).size(), 8); // every endpoint of the tile
    QCOMPARE(items.value(QStringLiteral("presence")).size(), 1);
    QCOMPARE(items.value(QStringLiteral("health")).size(), 1);
    const QJsonObject tile = items.value(QStringLiteral("tiles")).first().toObject();
    QCOMPARE(tile.value(QLatin1StringView("tileId")).toString(), QStringLiteral("T1"));
    QVERIFY(!tile.value(QLatin1StringView("interlocks")).toArray().isEmpty());
}

void TestSimOperations::commandRunsItsLifeCycleAndChangesTheWorld()
{
    SimHost server(options());
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate(QStringLiteral("o"));
    c.subscribe(QStringLiteral("commands"));
    c.subscribe(QStringLiteral("telemetry"),
                {{QLatin1StringView("endpointIds"), QJsonArray {QStringLiteral("T1.V101.open")}}});
    const QJsonObject result = c.request(command(QStringLiteral("c-1"), QStringLiteral("T1.V101.open"), true));
    QVERIFY2(result.value(QLatin1StringView("ok")).toBool(), qPrintable(errorCode(result)));
    QCOMPARE(result.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("status")).toString(),
             QStringLiteral("queued"));

    const auto statuses = [&c] {
        QStringList out;
        for (const QJsonObject &m : c.ofType(QStringLiteral("command_status")))
            out << m.value(QLatin1StringView("status")).toString();
        return out;
    };
    QTRY_COMPARE(statuses(),
                 (QStringList {QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("acked"),
                               QStringLiteral("succeeded")}));
    const QJsonObject done = c.ofType(QStringLiteral("command_status")).last();
    QCOMPARE(done.value(QLatin1StringView("actualValue")).toBool(), true);
    QCOMPARE(done.value(QLatin1StringView("operator")).toString(), QStringLiteral("tester"));
    // The valve really opened: its telemetry says so.
    const QJsonObject telemetry = c.waitFor([](const QJsonObject &m) {
        return m.value(QLatin1StringView("type")).toString() == u"telemetry"
            && m.value(QLatin1StringView("value")).toBool();
    });
    QCOMPARE(telemetry.value(QLatin1StringView("endpointId")).toString(), QStringLiteral("T1.V101.open"));
}

void TestSimOperations::interlockRefusalCarriesTheDescription()
{
    SimHost server(options());
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate(QStringLiteral("o"));
    // T1 starts with its pump stopped: the heater may not come on.
    const QJsonObject result = c.request(command(QStringLiteral("c-2"), QStringLiteral("T1.H101.on"), true));
    QCOMPARE(errorCode(result), QStringLiteral("interlock"));
    QCOMPARE(result.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("reason")).toString(),
             QStringLiteral("Heater H-101 needs pump P-101 running"));
    QCOMPARE(errorCode(c.request(command(QStringLiteral("c-3"), QStringLiteral("T1.TT101.temperature"), 50))),
             QStringLiteral("not_writable"));
    QCOMPARE(errorCode(c.request(command(QStringLiteral("c-4"), QStringLiteral("T1.H101.setpoint"), 120))),
             QStringLiteral("out_of_range"));
    QCOMPARE(errorCode(c.request(command(QStringLiteral("c-5"), QStringLiteral("T9.X.y"), 1))),
             QStringLiteral("not_found"));
    QCOMPARE(errorCode(c.request({{QLatin1StringView("type"), QStringLiteral("command")}})),
             QStringLiteral("bad_request"));
}

void TestSimOperations::commandIdIsTheIdempotencyKey()
{
    SimHost server(options());
    QVERIFY(server.listen());
    GatewayTestClient a(server.url());
    GatewayTestClient b(server.url());
    a.authenticate(QStringLiteral("o"), QStringLiteral("alice"));
    b.authenticate(QStringLiteral("o2"), QStringLiteral("bob"));
    a.subscribe(QStringLiteral("commands"));
    QVERIFY(a.request(command(QStringLiteral("same"), QStringLiteral("T1.V101.open"), true))
                .value(QLatin1StringView("ok"))
                .toBool());
    // The same id again, even from another console with another value, runs nothing.
    const QJsonObject again = b.request(command(QStringLiteral("same"), QStringLiteral("T1.V101.open"), false));
    QVERIFY(again.value(QLatin1StringView("ok")).toBool());
    QCOMPARE(again.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("requestedValue")).toBool(),
             true);
    QTRY_VERIFY(!a.ofType(QStringLiteral("command_status")).isEmpty()
                && a.ofType(QStringLiteral("command_status")).last().value(QLatin1StringView("status")).toString()
                    == u"succeeded");
    QCOMPARE(a.ofType(QStringLiteral("command_status")).size(), 4); // one life cycle, not two
    QCOMPARE(server.world().plant().value(QStringLiteral("T1.V101.open")).toBool(), true);
}

void TestSimOperations::viewerCannotCommandOrAcknowledge()
{
    SimHost server(options());
    QVERIFY(server.listen());
    GatewayTestClient viewer(server.url());
    viewer.authenticate(QStringLiteral("v"));
    QCOMPARE(errorCode(viewer.request(command(QStringLiteral("c-6"), QStringLiteral("T1.V101.open"), true))),
             QStringLiteral("forbidden"));
    QCOMPARE(errorCode(viewer.request({{QLatin1StringView("type"), QStringLiteral("ack_alarm")},
                                       {QLatin1StringView("alarmId"), QStringLiteral("A-000001")}})),
             QStringLiteral("forbidden"));
    QVERIFY(server.world().plant().value(QStringLiteral("T1.V101.open")).toBool() == false);
    // Reading is what a viewer may do.
    QVERIFY(viewer.subscribe(QStringLiteral("tiles")).value(QLatin1StringView("ok")).toBool());
}

void TestSimOperations::failureRateOneFailsEveryCommand()
{
    SimOptions o = options();
    o.commandFailureRate = 1.0;
    SimHost server(o);
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate(QStringLiteral("o"));
    c.subscribe(QStringLiteral("commands"));
    QVERIFY(c.request(command(QStringLiteral("c-7"), QStringLiteral("T1.V101.open"), true))
                .value(QLatin1StringView("ok"))
                .toBool());
    const QJsonObject failed = c.waitFor(
        [](const QJsonObject &m) { return m.value(QLatin1StringView("status")).toString() == u"failed"; }, 10000);
    QVERIFY(!failed.value(QLatin1StringView("error")).toString().isEmpty());
    QCOMPARE(failed.value(QLatin1StringView("actualValue")).toBool(), false);
    QCOMPARE(server.world().plant().value(QStringLiteral("T1.V101.open")).toBool(), false);
}

void TestSimOperations::alarmFloodRaisesAlarmsAndAckReachesOtherConsoles()
{
    SimHost server(options(QStringLiteral("alarm-flood")));
    QVERIFY(server.listen());
    GatewayTestClient alice(server.url());
    GatewayTestClient bob(server.url());
    alice.authenticate(QStringLiteral("o"), QStringLiteral("alice"));
    bob.authenticate(QStringLiteral("o2"), QStringLiteral("bob"));
    alice.subscribe(QStringLiteral("alarms"));
    bob.subscribe(QStringLiteral("alarms"));
    bob.subscribe(QStringLiteral("presence"));

    // Two seconds of world time in, every third drone runs low at once.
    const auto lowBattery = [](const QJsonObject &m) {
        return m.value(QLatin1StringView("type")).toString() == u"alarm"
            && m.value(QLatin1StringView("source")).toObject().value(QLatin1StringView("kind")).toString() == u"drone"
            && m.value(QLatin1StringView("state")).toString() == u"active_unacked";
    };
    QTRY_VERIFY_WITH_TIMEOUT(std::count_if(alice.messages.cbegin(), alice.messages.cend(), lowBattery) >= 3, 10000);
    const QJsonObject alarm = alice.waitFor(lowBattery);
    const QString alarmId = alarm.value(QLatin1StringView("alarmId")).toString();

    const QJsonObject ack = alice.request({{QLatin1StringView("type"), QStringLiteral("ack_alarm")},
                                           {QLatin1StringView("alarmId"), alarmId},
                                           {QLatin1StringView("note"), QStringLiteral("sending it home")}});
    QVERIFY2(ack.value(QLatin1StringView("ok")).toBool(), qPrintable(errorCode(ack)));

    // Bob's console sees who acknowledged, when, and why.
    const QJsonObject seen = bob.waitFor([&alarmId](const QJsonObject &m) {
        return m.value(QLatin1StringView("alarmId")).toString() == alarmId
            && m.value(QLatin1StringView("state")).toString() == u"active_acked";
    });
    QCOMPARE(seen.value(QLatin1StringView("ackedBy")).toString(), QStringLiteral("alice"));
    QVERIFY(!seen.value(QLatin1StringView("ackedAt")).toString().isEmpty());
    QCOMPARE(seen.value(QLatin1StringView("note")).toString(), QStringLiteral("sending it home"));
    const QJsonObject activity = bob.waitForType(QStringLiteral("user_activity"));
    QCOMPARE(activity.value(QLatin1StringView("operator")).toString(), QStringLiteral("alice"));
    QCOMPARE(activity.value(QLatin1StringView("target")).toString(), alarmId);

    // Acknowledging twice is harmless; an unknown alarm is not.
    QVERIFY(
        bob.request({{QLatin1StringView("type"), QStringLiteral("ack_alarm")}, {QLatin1StringView("alarmId"), alarmId}})
            .value(QLatin1StringView("ok"))
            .toBool());
    QCOMPARE(errorCode(bob.request({{QLatin1StringView("type"), QStringLiteral("ack_alarm")},
                                    {QLatin1StringView("alarmId"), QStringLiteral("A-999999")}})),
             QStringLiteral("not_found"));
}

void TestSimOperations::shelvingHidesAndReturns()
{
    SimHost server(options(QStringLiteral("alarm-flood")));
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate(QStringLiteral("o"));
    c.subscribe(QStringLiteral("alarms"));
    const QJsonObject alarm = c.waitFor(
        [](const QJsonObject &m) { return m.value(QLatin1StringView("type")).toString() == u"alarm"; }, 10000);
    const QString alarmId = alarm.value(QLatin1StringView("alarmId")).toString();

    const QJsonObject tooLong = c.request({{QLatin1StringView("type"), QStringLiteral("shelve_alarm")},
                                           {QLatin1StringView("alarmId"), alarmId},
                                           {QLatin1StringView("minutes"), 100000}});
    QCOMPARE(errorCode(tooLong), QStringLiteral("out_of_range"));

    const QJsonObject shelved = c.request({{QLatin1StringView("type"), QStringLiteral("shelve_alarm")},
                                           {QLatin1StringView("alarmId"), alarmId},
                                           {QLatin1StringView("minutes"), 1},
                                           {QLatin1StringView("reason"), QStringLiteral("sensor being replaced")}});
    QVERIFY2(shelved.value(QLatin1StringView("ok")).toBool(), qPrintable(errorCode(shelved)));
    QCOMPARE(shelved.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("state")).toString(),
             QStringLiteral("shelved"));
    // One minute of world time is three seconds here; then it comes back by itself.
    const QJsonObject back = c.waitFor(
        [&alarmId](const QJsonObject &m) {
            return m.value(QLatin1StringView("alarmId")).toString() == alarmId
                && m.value(QLatin1StringView("state")).toString() != u"shelved"
                && m.value(QLatin1StringView("shelvedUntil")).isNull();
        },
        15000, c.messages.size());
    QVERIFY(!back.isEmpty());
}

void TestSimOperations::chatteringSensorIsOneAlarm()
{
    SimOptions o = options(QStringLiteral("chattering-sensor"));
    o.rate = 50.0; // the sensor flips every 100 ms of wall time
    SimHost server(o);
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate(QStringLiteral("o"));
    c.subscribe(QStringLiteral("alarms"));
    const auto vibration = [](const QJsonObject &m) {
        return m.value(QLatin1StringView("type")).toString() == u"alarm"
            && m.value(QLatin1StringView("source")).toObject().value(QLatin1StringView("id")).toString() == u"VS-7";
    };
    const QJsonObject chattering = c.waitFor(
        [&vibration](const QJsonObject &m) {
            return vibration(m) && m.value(QLatin1StringView("chattering")).toBool();
        },
        15000);
    QVERIFY(!chattering.isEmpty());
    QSet<QString> ids;
    int highestCount = 0;
    for (const QJsonObject &m : std::as_const(c.messages)) {
        if (!vibration(m))
            continue;
        ids.insert(m.value(QLatin1StringView("alarmId")).toString());
        highestCount = std::max(highestCount, m.value(QLatin1StringView("count")).toInt());
    }
    QCOMPARE(ids.size(), 1);
    QVERIFY(highestCount >= 2);
}

void TestSimOperations::machineBreakdownOpensATicket()
{
    SimHost server(options(QStringLiteral("machine-breakdown")));
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate(QStringLiteral("o"));
    c.subscribe(QStringLiteral("machines"));
    c.subscribe(QStringLiteral("maintenance"));
    c.subscribe(QStringLiteral("alarms"));
    const QJsonObject ticket = c.waitForType(QStringLiteral("maintenance_alert"), 10000);
    const QString machineId = ticket.value(QLatin1StringView("machineId")).toString();
    QVERIFY(server.world().lines().indexOf(machineId) >= 0);
    const QJsonObject down = c.waitFor([&machineId](const QJsonObject &m) {
        return m.value(QLatin1StringView("type")).toString() == u"machine_status_update"
            && m.value(QLatin1StringView("machineId")).toString() == machineId
            && m.value(QLatin1StringView("status")).toString() == u"down";
    });
    QVERIFY(!down.isEmpty());
    // Its alarm, live or (if it was raised before the subscription) in the snapshot.
    const auto aboutMachine = [&machineId](const QJsonObject &a) {
        return a.value(QLatin1StringView("source")).toObject().value(QLatin1StringView("id")).toString() == machineId;
    };
    QJsonObject alarm;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonObject &m : std::as_const(c.messages)) {
                const QString type = m.value(QLatin1StringView("type")).toString();
                if (type == u"alarm" && aboutMachine(m))
                    alarm = m;
                if (type == u"snapshot" && m.value(QLatin1StringView("channel")).toString() == u"alarms") {
                    for (const auto &item : m.value(QLatin1StringView("items")).toArray()) {
                        if (aboutMachine(item.toObject()))
                            alarm = item.toObject();
                    }
                }
            }
            return !alarm.isEmpty();
        }(),
        10000);
    QCOMPARE(alarm.value(QLatin1StringView("severity")).toString(), QStringLiteral("high"));
}

QTEST_GUILESS_MAIN(TestSimOperations)
#include "tst_simoperations.moc"
