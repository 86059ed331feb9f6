#include "core/net/faultproxy.h"
#include "net/connectionservice.h"
#include "services/session.h"
#include "simhost.h"
#include "support/consolefixture.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>

using State = Domain::LinkState;

namespace {

SimOptions plant()
{
    SimOptions o;
    o.port = 0;
    o.drones = 8;
    o.machines = 12;
    o.tiles = 2;
    o.rate = 20.0;
    o.scenarios = {QStringLiteral("machine-breakdown")};
    return o;
}

// Who this test's consoles sign in as.
const ConsoleFixture::Login kTester {.token = {}, .operatorName = QStringLiteral("tester")};

// Watches every model of a session with the model tester while it runs.
struct Testers
{
    explicit Testers(Session &s)
    {
        const auto mode = QAbstractItemModelTester::FailureReportingMode::Fatal;
        for (QAbstractItemModel *m :
             std::initializer_list<QAbstractItemModel *> {s.drones(), s.machines(), s.tiles(), s.alarms(), s.commands(),
                                                          s.operators(), s.activity(), s.health()})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(m, mode));
    }
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
};

int endpointCount(const TileModel &tiles)
{
    int n = 0;
    for (int t = 0; t < tiles.rowCount(); ++t) {
        const QModelIndex tile = tiles.index(t, 0);
        for (int d = 0; d < tiles.rowCount(tile); ++d)
            n += tiles.rowCount(tiles.index(d, 0, tile));
    }
    return n;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyChannelArrivesInItsModel();
    void commandsAndActivityFlowThroughTheModels();
    void roomsAreSubscribedWhileHeld();
    void otherConsolesComeAndGo();
    void quietEntitiesGoStaleAndRecover();
    void a9_liveWithoutADronesChannel();
};

void TestSession::everyChannelArrivesInItsModel()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Session session;
    Testers testers(session);
    session.setSettings(ConsoleFixture::settingsFor(sim.url(), kTester));
    QSignalSpy countsChanged(&session, &Session::countsChanged);
    session.start();
    QTRY_VERIFY(session.hasLiveData());

    QCOMPARE(session.drones()->rowCount(), int(sim.fleet().size()));
    QCOMPARE(session.machines()->rowCount(), int(sim.world().lines().size()));
    QCOMPARE(session.tiles()->rowCount(), sim.world().plant().tileCount());
    QVERIFY(endpointCount(*session.tiles()) >= 10);
    // Every endpoint has a value from the telemetry snapshot.
    const QModelIndex temperature = session.tiles()->indexOfEndpoint(QStringLiteral("T1.TT101.temperature"));
    QVERIFY(temperature.isValid());
    QVERIFY(temperature.data(TileModel::ValueRole).isValid());
    QTRY_COMPARE(session.health()->rowCount(), 1);
    QTRY_VERIFY(session.operators()->rowCount() >= 1);
    bool me = false;
    for (int row = 0; row < session.operators()->rowCount(); ++row)
        me = me || session.operators()->index(row, 0).data(OperatorModel::NameRole).toString() == u"tester";
    QVERIFY(me);

    // The breakdown scenario takes a machine down: its alarm and its ticket arrive.
    QTRY_VERIFY_WITH_TIMEOUT(session.alarms()->rowCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(session.machines()->openTicketCount() > 0, 10000);
    QVERIFY(!countsChanged.isEmpty());

    // The counts agree with the models.
    const PlantCounts c = session.counts();
    QCOMPARE(c.drones, session.drones()->rowCount());
    int byState = 0;
    for (int n : c.dronesByState)
        byState += n;
    QCOMPARE(byState, c.drones);
    int byStatus = 0;
    for (int n : c.machinesByStatus)
        byStatus += n;
    QCOMPARE(byStatus, c.machines);
    int alarms = 0;
    for (const auto &states : c.alarms)
        for (int n : states)
            alarms += n;
    QCOMPARE(alarms, session.alarms()->rowCount());
    QCOMPARE(c.operatorsOnline, session.operators()->rowCount());

    // Live updates keep arriving: a drone's status moves on.
    const QString serial = sim.fleet().drone(0).serial;
    const int row = session.drones()->rowOf(serial);
    const QDateTime first = session.drones()->droneAt(row).status.timestamp;
    QTRY_VERIFY(session.drones()->droneAt(row).status.timestamp > first);
    QCOMPARE(session.connection()->protocolErrorCount(), 0);
}

void TestSession::commandsAndActivityFlowThroughTheModels()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Session session;
    Testers testers(session);
    session.setSettings(ConsoleFixture::settingsFor(sim.url(), kTester));
    session.start();
    QTRY_VERIFY(session.hasLiveData());

    // Open the outlet valve of tank 1: the command's life cycle, the valve's
    // new value and the operator's activity all reach the models.
    const QString commandId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString valve = QStringLiteral("T1.V101.open");
    bool answered = false;
    session.connection()->request(QStringLiteral("command"),
                                  {{QStringLiteral("commandId"), commandId},
                                   {QStringLiteral("endpointId"), valve},
                                   {QStringLiteral("value"), true}},
                                  [&](const Protocol::Result &r) {
                                      answered = true;
                                      QVERIFY2(r.ok, qPrintable(r.error.message));
                                  });
    QTRY_VERIFY(answered);
    QTRY_VERIFY(session.commands()->rowOf(commandId) >= 0);
    const int row = session.commands()->rowOf(commandId);
    QTRY_COMPARE_WITH_TIMEOUT(session.commands()->index(row, 0).data(CommandModel::StatusRole).toInt(),
                              int(Domain::CommandState::Succeeded), 5000);
    const QVariantList history = session.commands()->index(row, 0).data(CommandModel::HistoryRole).toList();
    QVERIFY(history.size() >= 3); // queued or sent, acked, succeeded: each step kept
    QCOMPARE(history.last().toMap().value(QStringLiteral("status")).toInt(), int(Domain::CommandState::Succeeded));
    QTRY_COMPARE(session.tiles()->indexOfEndpoint(valve).data(TileModel::ValueRole), QVariant(true));
    QVERIFY(!session.tiles()->indexOfEndpoint(valve).data(TileModel::PendingCommandIdRole).isValid());
    QCOMPARE(session.counts().pendingCommands, 0);

    QTRY_VERIFY(session.activity()->rowCount() > 0);
    QCOMPARE(session.activity()->index(0, 0).data(ActivityModel::OperatorNameRole).toString(),
             QStringLiteral("tester"));
    QCOMPARE(session.activity()->index(0, 0).data(ActivityModel::ActionRole).toString(), QStringLiteral("command"));
}

void TestSession::otherConsolesComeAndGo()
{
    // Presence arrives as changes: a console signing in adds its operator,
    // its going removes them, and one operator at two consoles of the same
    // name stays listed while either is there.
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Session session;
    Testers testers(session);
    session.setSettings(ConsoleFixture::settingsFor(sim.url(), kTester));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_COMPARE(session.operators()->rowCount(), 1);

    const auto names = [&session] {
        QStringList out;
        for (int row = 0; row < session.operators()->rowCount(); ++row)
            out << session.operators()->index(row, 0).data(OperatorModel::NameRole).toString();
        out.sort();
        return out;
    };
    ConnectionSettings danaSettings = ConsoleFixture::settingsFor(sim.url(), {.token = {}});
    danaSettings.operatorName = QStringLiteral("dana");
    auto dana = std::make_unique<Session>();
    dana->setSettings(danaSettings);
    dana->start();
    QTRY_COMPARE(names(), (QStringList {QStringLiteral("dana"), QStringLiteral("tester")}));
    auto danaAgain = std::make_unique<Session>();
    danaAgain->setSettings(danaSettings);
    danaAgain->start();
    QTRY_VERIFY(danaAgain->hasLiveData());
    dana.reset();
    QTest::qWait(300);
    QCOMPARE(names(), (QStringList {QStringLiteral("dana"), QStringLiteral("tester")}));
    danaAgain.reset();
    QTRY_COMPARE(names(), QStringList {QStringLiteral("tester")});
}

void TestSession::roomsAreSubscribedWhileHeld()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(sim.url(), kTester));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    const auto subscriptions = [&sim] { return sim.stats().value(QStringLiteral("subscriptions")).toInt(); };
    const int base = subscriptions();
    QCOMPARE(base, 9); // one per channel

    QSignalSpy messages(session.connection(), &ConnectionService::messageReceived);
    const QString serial = sim.fleet().drone(1).serial;
    RoomLease first = session.joinDroneRoom(serial);
    RoomLease second = session.joinDroneRoom(serial); // a second view of the same drone
    QCOMPARE(session.roomUsers(QStringLiteral("drone_detail"), serial), 2);
    QTRY_COMPARE(subscriptions(), base + 1); // one subscription for both
    // The room's snapshot arrives, limited to that drone.
    QTRY_VERIFY(std::any_of(messages.cbegin(), messages.cend(), [&](const QList<QVariant> &args) {
        const auto m = args.first().value<Protocol::Message>();
        const auto *s = std::get_if<Protocol::Snapshot>(&m.body);
        return s && s->channel == u"drone_detail" && s->droneHealth.size() == 1
            && s->droneHealth.first().serial == serial;
    }));
    QVERIFY(session.drones()->index(session.drones()->rowOf(serial), 0).data(DroneModel::CpuRole).isValid());

    RoomLease endpoint = session.joinEndpointRoom(QStringLiteral("T1.TT101.temperature"));
    QTRY_COMPARE(subscriptions(), base + 2);

    first.release();
    QCOMPARE(session.roomUsers(QStringLiteral("drone_detail"), serial), 1);
    QTest::qWait(200);
    QCOMPARE(subscriptions(), base + 2); // still held by the second view
    second = RoomLease(); // moving an empty lease in releases the old one
    QCOMPARE(session.roomUsers(QStringLiteral("drone_detail"), serial), 0);
    QTRY_COMPARE(subscriptions(), base + 1);
    {
        RoomLease gone = std::move(endpoint);
    } // destroyed: released
    QTRY_COMPARE(subscriptions(), base);
    QVERIFY(session.connection()->rooms().isEmpty());
}

void TestSession::quietEntitiesGoStaleAndRecover()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    FaultProxy proxy(sim.port());
    Session session;
    SessionSettings data;
    data.dronePeriodMs = 100; // drones report every 250 ms at this rate: quiet after 300 ms stalled
    session.setSessionSettings(data);
    ConnectionSettings s = ConsoleFixture::settingsFor(proxy.url(), kTester);
    s.heartbeatMs = 60000; // the stall must not be taken for a dead link in this test
    session.setSettings(s);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    DroneModel *drones = session.drones();
    QTRY_VERIFY(!drones->isStale(0));

    // The server goes quiet while the link stays up: the drones go stale
    // within the period's allowance, the link still counts as live.
    proxy.setStalled(true);
    QTRY_VERIFY_WITH_TIMEOUT(drones->isStale(0), 3000);
    QCOMPARE(session.connection()->state(), State::Live);
    QVERIFY(drones->index(0, 0).data(DroneModel::AgeRole).toLongLong() > 300);
    proxy.setStalled(false);
    QTRY_VERIFY_WITH_TIMEOUT(!drones->isStale(0), 3000);

    // The link drops: everything is stale at once, whatever its age.
    QVERIFY(!session.machines()->isStale(0));
    sim.close();
    QTRY_VERIFY(!session.connection()->isLive());
    QVERIFY(drones->isStale(0));
    QVERIFY(session.machines()->isStale(0));
    QVERIFY(session.alarms()->rowCount() == 0 || session.alarms()->isStale(0));
    const QModelIndex endpoint = session.tiles()->indexOfEndpoint(QStringLiteral("T1.TT101.temperature"));
    QVERIFY(endpoint.data(TileModel::StaleRole).toBool());
}

void TestSession::a9_liveWithoutADronesChannel()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Session session;
    Testers testers(session);
    SessionSettings settings;
    settings.channels
        = {QStringLiteral("tiles"), QStringLiteral("telemetry"), QStringLiteral("commands"), QStringLiteral("alarms")};
    session.setSessionSettings(settings);
    session.setSettings(ConsoleFixture::settingsFor(sim.url(), kTester));
    QSignalSpy arrived(&session, &Session::liveDataArrived);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);
    QVERIFY(session.hasLiveData());
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(session.drones()->rowCount(), 0);
    QVERIFY(session.tiles()->rowCount() > 0);

    // Not live while paused; live again once the link is back with its replay.
    session.connection()->pause();
    QVERIFY(!session.hasLiveData());
    session.connection()->resumeLive();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(arrived.size(), 2);
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
