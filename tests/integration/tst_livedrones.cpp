#include "net/connectionservice.h"
#include "services/session.h"
#include "simhost.h"
#include "support/consolefixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

#include <csignal>

using State = Domain::LinkState;

namespace {

SimOptions fastFleet(int drones)
{
    SimOptions o;
    o.port = 0;
    o.drones = drones;
    o.rate = 50.0; // each drone reports every 100 ms
    return o;
}

} // namespace

class TestLiveDrones : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dronesArriveAndUpdateLive();
    void wrongTokenFailsWithoutRetrying();
    void reconnectsAfterServerVanishesAndReconciles();
    void malformedFramesAreCountedNotFatal();
    void silentHandshakeTimesOut();
    void forbiddenCloseCodeStopsRetrying();
    void frozenServerIsDetectedByHeartbeat();
};

void TestLiveDrones::dronesArriveAndUpdateLive()
{
    SimHost sim(fastFleet(5));
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));

    Session session;
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    session.setSettings(
        ConsoleFixture::settingsFor(sim.url(), {.token = {}, .operatorName = QStringLiteral("tester")}));
    session.start();

    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(states.first().first().value<State>(), State::Connecting);
    QCOMPARE(session.connection()->role(), QStringLiteral("operator"));
    QVERIFY(session.connection()->sessionId().startsWith(QStringLiteral("s-")));

    DroneModel *drones = session.drones();
    QCOMPARE(drones->rowCount(), 5);
    for (int i = 0; i < sim.fleet().size(); ++i)
        QVERIFY(drones->rowOf(sim.fleet().drone(i).serial) >= 0);

    // Live reports keep coming after the snapshot and reach the model.
    const int row = drones->rowOf(sim.fleet().drone(0).serial);
    const QDateTime first = drones->droneAt(row).status.timestamp;
    QTRY_VERIFY(drones->droneAt(row).status.timestamp > first);
    QTRY_COMPARE(drones->droneAt(row).status.battery, std::round(sim.fleet().drone(0).battery * 10) / 10);
    QCOMPARE(session.connection()->protocolErrorCount(), 0);
}

void TestLiveDrones::wrongTokenFailsWithoutRetrying()
{
    SimOptions options = fastFleet(2);
    options.tokens = {{QStringLiteral("right"), QStringLiteral("operator")}};
    SimHost sim(options);
    QVERIFY(sim.listen());

    Session session;
    session.setSettings(ConsoleFixture::settingsFor(
        sim.url(), {.token = QStringLiteral("wrong"), .operatorName = QStringLiteral("tester")}));
    session.start();

    QTRY_COMPARE(session.connection()->state(), State::Failed);
    QVERIFY2(session.connection()->failureReason().contains(QStringLiteral("invalid token")),
             qPrintable(session.connection()->failureReason()));
    QCOMPARE(session.drones()->rowCount(), 0);

    // No retry loop: nobody reconnects while the operator is not asked.
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    QTest::qWait(600); // three times the backoff cap
    QCOMPARE(states.size(), 0);
    QTRY_COMPARE(sim.clientCount(), 0);

    // The right token and "Retry now" bring it back.
    ConnectionSettings fixed = session.connection()->settings();
    fixed.token = QStringLiteral("right");
    session.setSettings(fixed);
    session.connection()->retryNow();
    QTRY_VERIFY(session.hasLiveData());
}

void TestLiveDrones::reconnectsAfterServerVanishesAndReconciles()
{
    auto sim = std::make_unique<SimHost>(fastFleet(4));
    QVERIFY(sim->listen());
    const quint16 port = sim->port();

    Session session;
    QSignalSpy arrived(&session, &Session::liveDataArrived);
    session.setSettings(
        ConsoleFixture::settingsFor(sim->url(), {.token = {}, .operatorName = QStringLiteral("tester")}));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.drones()->rowCount(), 4);

    sim.reset();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);
    QVERIFY(!session.hasLiveData());
    QCOMPARE(session.drones()->rowCount(), 4); // kept, shown as not live

    // The server comes back on the same port with a smaller fleet: the
    // snapshot wins and the drones it no longer lists are removed.
    SimOptions options = fastFleet(2);
    options.port = port;
    sim = std::make_unique<SimHost>(options);
    QVERIFY2(sim->listen(), qPrintable(sim->errorString()));
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.drones()->rowCount(), 2);
    QCOMPARE(arrived.size(), 2);
    // The backoff starts over only once the link has stayed up a while.
    QVERIFY(session.connection()->attempt() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->attempt(), 0, 8000);
}

void TestLiveDrones::malformedFramesAreCountedNotFatal()
{
    // A server that greets, then sends garbage, then a valid snapshot.
    QWebSocketServer server(QStringLiteral("broken"), QWebSocketServer::NonSecureMode);
    server.setSupportedSubprotocols({QStringLiteral("watchfloor.v1")});
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QWebSocketServer::newConnection, this, [&server] {
        QWebSocket *socket = server.nextPendingConnection();
        socket->setParent(&server);
        socket->sendTextMessage(QStringLiteral(R"({"type":"hello","protocol":1})"));
        connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &text) {
            if (text.contains(QStringLiteral(R"("type":"auth")"))) {
                socket->sendTextMessage(
                    QStringLiteral(R"({"type":"result","id":1,"ok":true,"data":{"sessionId":"x","role":"viewer"}})"));
            } else if (text.contains(QStringLiteral(R"("type":"subscribe")"))) {
                // Every channel gets an answer and a snapshot; the drones one
                // comes after garbage and an out-of-range report.
                const QJsonObject request = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString channel = request.value(QStringLiteral("channel")).toString();
                const int id = request.value(QStringLiteral("id")).toInt();
                QString items;
                if (channel == u"drones") {
                    socket->sendTextMessage(QStringLiteral("this is not json"));
                    socket->sendTextMessage(QStringLiteral(
                        R"({"type":"drone_update","serial":"A","kind":"status","timestamp":0,"data":{"state":"idle","battery":900,"location":{"lat":0,"lon":0}}})"));
                    items = QStringLiteral(
                        R"({"serial":"A","state":"idle","battery":90,"location":{"lat":0,"lon":0},"timestamp":0})");
                }
                socket->sendTextMessage(QStringLiteral(R"({"type":"result","id":%1,"ok":true})").arg(id));
                socket->sendTextMessage(
                    QStringLiteral(R"({"type":"snapshot","channel":"%1","items":[%2]})").arg(channel, items));
            }
        });
    });

    Session session;
    QSignalSpy errors(session.connection(), &ConnectionService::protocolErrorOccurred);
    session.setSettings(ConsoleFixture::settingsFor(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.serverPort()),
                                                    {.token = {}, .operatorName = QStringLiteral("tester")}));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(errors.size(), 2);
    QCOMPARE(session.connection()->protocolErrorCount(), 2);
    QCOMPARE(session.connection()->role(), QStringLiteral("viewer"));
    QCOMPARE(session.drones()->rowCount(), 1);
    QCOMPARE(session.drones()->droneAt(0).status.battery, 90.0); // the out-of-range 900 was not applied
}

void TestLiveDrones::silentHandshakeTimesOut()
{
    // Accepts TCP and never answers the WebSocket handshake.
    QTcpServer tcp;
    QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));

    Session session;
    ConnectionSettings s = ConsoleFixture::settingsFor(QStringLiteral("ws://127.0.0.1:%1/ws").arg(tcp.serverPort()),
                                                       {.token = {}, .operatorName = QStringLiteral("tester")});
    s.connectTimeoutMs = 300;
    session.setSettings(s);
    session.start();
    QCOMPARE(session.connection()->state(), State::Connecting);
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);
    QVERIFY2(session.connection()->lastError().contains(QStringLiteral("no live link")),
             qPrintable(session.connection()->lastError()));
    QVERIFY(session.connection()->attempt() >= 1);
}

void TestLiveDrones::forbiddenCloseCodeStopsRetrying()
{
    // A server that turns every console away with 4003 and no explanation
    // beyond the close reason.
    QWebSocketServer server(QStringLiteral("gate"), QWebSocketServer::NonSecureMode);
    server.setSupportedSubprotocols({QStringLiteral("watchfloor.v1")});
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    int accepted = 0;
    connect(&server, &QWebSocketServer::newConnection, this, [&server, &accepted] {
        QWebSocket *socket = server.nextPendingConnection();
        socket->setParent(&server);
        ++accepted;
        socket->close(QWebSocketProtocol::CloseCode(4003), QStringLiteral("viewer consoles are not allowed here"));
    });

    Session session;
    session.setSettings(ConsoleFixture::settingsFor(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.serverPort()),
                                                    {.token = {}, .operatorName = QStringLiteral("tester")}));
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Failed);
    QCOMPARE(session.connection()->failureReason(), QStringLiteral("forbidden: viewer consoles are not allowed here"));
    QTest::qWait(600); // three times the backoff cap: no retry loop
    QCOMPARE(accepted, 1);
}

void TestLiveDrones::frozenServerIsDetectedByHeartbeat()
{
    // The simulator as its own process, so it can be frozen with SIGSTOP: the
    // TCP connection stays open but nothing answers, as when a server hangs.
    QProcess sim;
    sim.setProgram(QStringLiteral(WATCHFLOOR_SIM_PATH));
    sim.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--drones"), QStringLiteral("0"),
                      QStringLiteral("--heartbeat-ms"), QStringLiteral("200")});
    sim.start();
    QVERIFY2(sim.waitForStarted(), qPrintable(sim.errorString()));
    const auto cleanup = qScopeGuard([&sim] {
        ::kill(pid_t(sim.processId()), SIGCONT);
        sim.kill();
        sim.waitForFinished();
    });
    QTRY_VERIFY(sim.canReadLine());
    const QString banner = QString::fromUtf8(sim.readLine()).trimmed();
    const auto match = QRegularExpression(QStringLiteral("(ws://\\S+)$")).match(banner);
    QVERIFY2(match.hasMatch(), qPrintable(banner));

    Session session;
    session.setSettings(
        ConsoleFixture::settingsFor(match.captured(1), {.token = {}, .operatorName = QStringLiteral("tester")}));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.drones()->rowCount(), 0);

    // With no drones nothing but pongs keeps the link alive: it must stay
    // live well past two heartbeat periods, and measure a round trip.
    QTest::qWait(1000);
    QCOMPARE(session.connection()->state(), State::Live);
    QVERIFY(session.connection()->roundTripMs() >= 0);

    QCOMPARE(::kill(pid_t(sim.processId()), SIGSTOP), 0);
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Reconnecting, 5000);
    QVERIFY2(session.connection()->lastError().startsWith(QStringLiteral("no answer from the server")),
             qPrintable(session.connection()->lastError()));

    // Thawed, it answers again and the console is live again by itself.
    QCOMPARE(::kill(pid_t(sim.processId()), SIGCONT), 0);
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
}

QTEST_GUILESS_MAIN(TestLiveDrones)
#include "tst_livedrones.moc"
