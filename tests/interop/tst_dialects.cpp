#include "core/net/faultproxy.h"
#include "interoppeer.h"
#include "net/connectionservice.h"
#include "services/profilecheck.h"
#include "services/roomlease.h"
#include "services/session.h"
#include "simhost.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#include <csignal>

using Dialect = ConnectionSettings::Dialect;
using State = Domain::LinkState;

// The console's connection against real third-party peers: a plain JSON
// WebSocket server (Node ws, seed 002's shapes) and a Socket.IO v4 server
// (seed 000's drone dashboard).
class TestDialects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void plainServerIsDetectedAndLiveWithoutSnapshots();
    void socketIoServerFillsTheFleet();
    void socketIoServerThatStopsPingingIsDead();
    void seed000_alertsWithoutLevelAndDroneRooms();
    void profileCheckAgainstAPlainServer();
    void profileCheckAgainstASocketIoServer();
    void frameOverOneMebibyteKeepsTheLinkReading();
    void autoGoesLiveWithAServerSilentUntilSpokenTo();
    void referenceServerClosesOverLimitClientsWithTheCodeItSent_data();
    void referenceServerClosesOverLimitClientsWithTheCodeItSent();
    void a10_whatAPlainServerDoesNotRepeatStaysStaleAfterAnOutage();

private:
    quint16 start(const QString &script, const QStringList &flags, const QProcessEnvironment &env);
    static ConnectionSettings settingsFor(const QString &url, Dialect dialect)
    {
        ConnectionSettings s;
        s.url = QUrl(url);
        s.dialect = dialect;
        s.operatorName = QStringLiteral("tester");
        s.backoffBaseMs = 50;
        s.backoffCapMs = 200;
        s.connectTimeoutMs = 3000;
        s.heartbeatMs = 300;
        return s;
    }
    std::unique_ptr<QProcess> m_peer;
};

void TestDialects::init()
{
    m_peer = std::make_unique<QProcess>();
}

void TestDialects::cleanup()
{
    stopPeer(*m_peer);
    m_peer.reset();
}

quint16 TestDialects::start(const QString &script, const QStringList &flags, const QProcessEnvironment &env)
{
    QString why;
    const quint16 port = startPeer(*m_peer, interopDir + u'/' + script, flags, env, &why);
    if (port == 0)
        qWarning("%s", qPrintable(why));
    return port;
}

void TestDialects::plainServerIsDetectedAndLiveWithoutSnapshots()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TELEMETRY_MS"), QStringLiteral("50"));
    const quint16 port = start(QStringLiteral("plain-server.js"), {}, env);
    QVERIFY2(port != 0, "the plain peer did not start (./test installs node and its packages)");

    Session session;
    session.setSettings(settingsFor(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port), Dialect::Auto));
    int telemetry = 0;
    connect(session.connection(), &ConnectionService::messageReceived, this,
            [&](const Protocol::Message &m) { telemetry += std::holds_alternative<Domain::Telemetry>(m.body); });
    session.start();
    QTRY_VERIFY(session.hasLiveData()); // live at once: a plain server sends no snapshot
    QCOMPARE(session.connection()->dialect(), Dialect::Plain);

    // Subscribed in its terms, it streams telemetry for the endpoints asked.
    session.connection()->request(QStringLiteral("subscribe"),
                                  QJsonObject {{QLatin1StringView("endpointIds"), QJsonArray {59, 60}}}, {});
    QTRY_VERIFY(telemetry >= 5);

    // A command goes out; the server has no answers, so the result says the
    // effect is unconfirmed rather than pretending it happened.
    Protocol::Result result;
    session.connection()->request(QStringLiteral("command"),
                                  {{QLatin1StringView("commandId"), QStringLiteral("c-plain-1")},
                                   {QLatin1StringView("endpointId"), 62},
                                   {QLatin1StringView("value"), true}},
                                  [&](const Protocol::Result &r) { result = r; });
    QVERIFY(result.ok);
    QVERIFY(result.data.value(QLatin1StringView("unconfirmed")).toBool());

    // Heartbeats (JSON ping, answered by pong) keep it live for many periods.
    QTest::qWait(1200);
    QCOMPARE(session.connection()->state(), State::Live);
}

void TestDialects::socketIoServerFillsTheFleet()
{
    const quint16 port = start(QStringLiteral("socketio-server.js"), {}, fastSocketIoEnvironment());
    QVERIFY2(port != 0, "the Socket.IO peer did not start (./test installs node and its packages)");

    Session session;
    session.setSettings(settingsFor(QStringLiteral("ws://127.0.0.1:%1/").arg(port), Dialect::SocketIo));
    int alerts = 0;
    connect(session.connection(), &ConnectionService::messageReceived, this,
            [&](const Protocol::Message &m) { alerts += std::holds_alternative<Domain::SystemAlert>(m.body); });
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.connection()->dialect(), Dialect::SocketIo);
    // seed 000's drone_update events land in the same model as ours.
    QTRY_COMPARE(session.drones()->rowCount(), 3);
    QVERIFY(session.drones()->rowOf(QStringLiteral("DR-1001")) >= 0);
    QTRY_VERIFY(alerts >= 2);
    QCOMPARE(session.connection()->protocolErrorCount(), 0);

    Protocol::Result acked;
    session.connection()->request(QStringLiteral("ack_alarm"),
                                  {{QLatin1StringView("alarmId"), QStringLiteral("alert-1")}},
                                  [&](const Protocol::Result &r) { acked = r; });
    QVERIFY(acked.ok);

    // The server's Engine.IO pings are answered: many periods later it is still live.
    QTest::qWait(1500);
    QCOMPARE(session.connection()->state(), State::Live);
}

void TestDialects::socketIoServerThatStopsPingingIsDead()
{
    const quint16 port = start(QStringLiteral("socketio-server.js"), {}, fastSocketIoEnvironment());
    QVERIFY(port != 0);
    Session session;
    session.setSettings(settingsFor(QStringLiteral("ws://127.0.0.1:%1/").arg(port), Dialect::SocketIo));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    ::kill(pid_t(m_peer->processId()), SIGSTOP); // silent, with the TCP connection still open
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Reconnecting, 5000);
    ::kill(pid_t(m_peer->processId()), SIGCONT);
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
}

namespace {

// Waits for the peer to print `line` on its stdout.
bool peerSays(QProcess &peer, const QString &line, QStringList &said)
{
    return QTest::qWaitFor(
        [&] {
            while (peer.canReadLine())
                said.append(QString::fromUtf8(peer.readLine()).trimmed());
            return said.contains(line);
        },
        5000);
}

} // namespace

void TestDialects::seed000_alertsWithoutLevelAndDroneRooms()
{
    const quint16 port
        = start(QStringLiteral("socketio-server.js"), {QStringLiteral("--seed-000")}, fastSocketIoEnvironment());
    QVERIFY2(port != 0, "the Socket.IO peer did not start (./test installs node and its packages)");

    Session session;
    session.setSettings(settingsFor(QStringLiteral("ws://127.0.0.1:%1/").arg(port), Dialect::SocketIo));
    QSignalSpy alerts(&session, &Session::systemAlertReceived);
    int builds = 0;
    connect(session.connection(), &ConnectionService::messageReceived, this, [&](const Protocol::Message &m) {
        if (const auto *b = std::get_if<Domain::DroneBuildProgress>(&m.body); b && b->serial == u"DR-1002")
            ++builds;
    });
    // A room held before the link is up is joined as soon as it is.
    RoomLease early = session.joinDroneRoom(QStringLiteral("DR-1001"));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QStringList said;
    QVERIFY2(peerSays(*m_peer, QStringLiteral("joined DR-1001"), said), qPrintable(said.join(u',')));

    // Alerts without a level are shown (as warnings), not refused.
    QTRY_VERIFY(alerts.size() >= 2);
    const auto alert = alerts.first().first().value<Domain::SystemAlert>();
    QVERIFY(!alert.message.isEmpty());
    QCOMPARE(alert.level, Domain::SystemAlertLevel::Warning);

    // Selecting a drone joins its room; its `completion` progress arrives.
    {
        RoomLease selected = session.joinDroneRoom(QStringLiteral("DR-1002"));
        QVERIFY2(peerSays(*m_peer, QStringLiteral("joined DR-1002"), said), qPrintable(said.join(u',')));
        QTRY_VERIFY(builds >= 2);
    }
    // Deselecting leaves it.
    QVERIFY2(peerSays(*m_peer, QStringLiteral("left DR-1002"), said), qPrintable(said.join(u',')));
    QVERIFY(!said.contains(QStringLiteral("left DR-1001")));
    QCOMPARE(session.connection()->protocolErrorCount(), 0);
    QCOMPARE(session.connection()->state(), State::Live);
}

namespace {

ProfileCheck::Report checkProfile(const ConnectionSettings &settings)
{
    Profile profile;
    profile.path = QStringLiteral("interop.ini");
    profile.connection = settings;
    ProfileCheck check(profile);
    QSignalSpy finished(&check, &ProfileCheck::finished);
    check.start(10000);
    if (!finished.wait(15000))
        qFatal("the profile check never finished");
    return check.report();
}

} // namespace

void TestDialects::profileCheckAgainstAPlainServer()
{
    const quint16 port = start(QStringLiteral("plain-server.js"), {}, QProcessEnvironment::systemEnvironment());
    QVERIFY2(port != 0, "the plain peer did not start (./test installs node and its packages)");
    const ProfileCheck::Report report
        = checkProfile(settingsFor(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port), Dialect::Auto));
    QVERIFY2(report.ok, qPrintable(report.steps.isEmpty() ? QString() : report.steps.last().detail));
    QCOMPARE(report.dialect, QStringLiteral("plain"));
    QCOMPARE(report.steps.size(), 4);
    // No handshake to pass: said so, not pretended.
    QVERIFY2(report.steps.at(1).detail.contains(QStringLiteral("not asked by this server")),
             qPrintable(report.steps.at(1).detail));
    // Node's ws answers the WebSocket ping itself.
    QVERIFY(report.roundTripMs >= 0);
}

void TestDialects::profileCheckAgainstASocketIoServer()
{
    const quint16 port = start(QStringLiteral("socketio-server.js"), {}, fastSocketIoEnvironment());
    QVERIFY2(port != 0, "the Socket.IO peer did not start (./test installs node and its packages)");
    const ProfileCheck::Report report
        = checkProfile(settingsFor(QStringLiteral("ws://127.0.0.1:%1/").arg(port), Dialect::SocketIo));
    QVERIFY2(report.ok, qPrintable(report.steps.isEmpty() ? QString() : report.steps.last().detail));
    QCOMPARE(report.dialect, QStringLiteral("socketio"));
    QVERIFY(report.roundTripMs >= 0);
}

void TestDialects::frameOverOneMebibyteKeepsTheLinkReading()
{
    // 2 MiB, well within the 64 MiB the console accepts, sent again on every connection.
    const quint16 port
        = start(QStringLiteral("edge-server.js"), {QStringLiteral("--big-frame"), QString::number(2 * 1024 * 1024)},
                QProcessEnvironment::systemEnvironment());
    QVERIFY2(port != 0, "the edge peer did not start (./test installs node and its packages)");
    Session session;
    session.setSettings(settingsFor(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port), Dialect::Auto));
    int telemetry = 0;
    connect(session.connection(), &ConnectionService::messageReceived, this,
            [&](const Protocol::Message &m) { telemetry += std::holds_alternative<Domain::Telemetry>(m.body); });
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    states.clear();
    // The stream behind the big frame keeps coming, on the same link.
    QTRY_VERIFY_WITH_TIMEOUT(telemetry >= 30, 10000);
    QVERIFY2(!states.contains(QVariantList {QVariant::fromValue(State::Reconnecting)}),
             "the link stopped reading behind the big frame and was declared dead");
    QCOMPARE(session.connection()->state(), State::Live);
}

void TestDialects::autoGoesLiveWithAServerSilentUntilSpokenTo()
{
    const quint16 port = start(QStringLiteral("edge-server.js"), {QStringLiteral("--silent")},
                               QProcessEnvironment::systemEnvironment());
    QVERIFY2(port != 0, "the edge peer did not start (./test installs node and its packages)");
    Session session;
    session.setSettings(settingsFor(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port), Dialect::Auto));
    int telemetry = 0;
    connect(session.connection(), &ConnectionService::messageReceived, this,
            [&](const Protocol::Message &m) { telemetry += std::holds_alternative<Domain::Telemetry>(m.body); });
    session.start();
    // It took the subprotocol but never greets: after a short wait for a
    // hello the console speaks first, in plain terms, and the stream starts.
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 6000);
    QCOMPARE(session.connection()->dialect(), Dialect::Plain);
    QTRY_VERIFY(telemetry >= 5);
    QCOMPARE(session.connection()->state(), State::Live);
}

void TestDialects::referenceServerClosesOverLimitClientsWithTheCodeItSent_data()
{
    QTest::addColumn<QStringList>("client"); // overlimit-client.js's mode and its argument
    QTest::addColumn<QString>("expected");

    QTest::newRow("1009 message too big")
        << QStringList {QStringLiteral("oversize"), QString::number(16 * 1024 * 1024)} << QStringLiteral("close 1009");
    QTest::newRow("1008 message rate") << QStringList {QStringLiteral("flood")} << QStringLiteral("close 1008");
    QTest::newRow("1007 malformed") << QStringList {QStringLiteral("malformed")} << QStringLiteral("close 1007");
}

// A Node client breaks a limit and keeps sending, reading its answer only a
// moment later: its data is still arriving when the server closes. Ten times
// each, since whether the close frame was lost depended on timing.
void TestDialects::referenceServerClosesOverLimitClientsWithTheCodeItSent()
{
    QFETCH(QStringList, client);
    QFETCH(QString, expected);
    SimOptions options; // the default plant; messages up to 1 MiB, 10 a second
    options.malformedLimit = 5; // within the default burst, so the rate limit does not answer first
    SimHost sim(options);
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    for (int run = 0; run < 10; ++run) {
        QProcess node;
        node.setProgram(nodePath);
        node.setArguments(QStringList {interopDir + QStringLiteral("/overlimit-client.js"), sim.url()} + client);
        node.setWorkingDirectory(interopDir);
        node.start();
        QVERIFY2(node.waitForStarted(10000), qPrintable(node.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 15000);
        const QString said = QString::fromUtf8(node.readAllStandardOutput()).trimmed();
        QVERIFY2(said == expected,
                 qPrintable(QStringLiteral("run %1: %2 (%3)")
                                .arg(run)
                                .arg(said, QString::fromUtf8(node.readAllStandardError()).trimmed())));
    }
}

void TestDialects::a10_whatAPlainServerDoesNotRepeatStaysStaleAfterAnOutage()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ALARM_MS"), QStringLiteral("150"));
    const quint16 port = start(QStringLiteral("plain-server.js"), {}, env);
    QVERIFY2(port != 0, "the plain peer did not start (./test installs node and its packages)");
    FaultProxy proxy(port);
    Session session;
    session.setSettings(settingsFor(proxy.url(), Dialect::Auto));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    AlarmModel *alarms = session.alarms();
    QTRY_VERIFY(alarms->rowCount() >= 2);

    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_VERIFY(!session.hasLiveData());
    QStringList before;
    for (int row = 0; row < alarms->rowCount(); ++row)
        before << alarms->keyAt(row);
    const int rowsBefore = alarms->rowCount();

    // Back: the server announces new alarms, never the earlier ones again.
    proxy.setRefusing(false);
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.connection()->dialect(), Dialect::Plain);
    QTRY_VERIFY(alarms->rowCount() > rowsBefore);
    for (const QString &key : std::as_const(before)) {
        const int row = alarms->rowOf(key);
        QVERIFY2(alarms->index(row, 0).data(LiveTableModel::StaleRole).toBool(),
                 qPrintable(key + QStringLiteral(" is shown live although nothing confirmed it after the outage")));
    }
    const int newest = alarms->rowCount() - 1;
    QVERIFY(!before.contains(alarms->keyAt(newest)));
    QVERIFY(!alarms->index(newest, 0).data(LiveTableModel::StaleRole).toBool());
}

QTEST_GUILESS_MAIN(TestDialects)
#include "tst_dialects.moc"
