#include "faultproxy.h"
#include "net/connectionservice.h"
#include "services/session.h"
#include "simhost.h"
#include "testcertificate.h"

#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

using State = Domain::LinkState;
using Recovery = Domain::LinkRecovery;

namespace {

ConnectionSettings fastSettings(const QString &url)
{
    ConnectionSettings s;
    s.url = QUrl(url);
    s.operatorName = QStringLiteral("tester");
    s.connectTimeoutMs = 3000;
    s.backoffBaseMs = 50;
    s.backoffCapMs = 200;
    return s;
}

// A loopback port nobody listens on (until the test starts a server there).
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

SimOptions busyFleet()
{
    SimOptions o;
    o.drones = 6;
    o.machines = 0;
    o.tiles = 0;
    o.rate = 50.0; // 60 drone reports a second
    return o;
}

// Records the seq of every event the connection hands on, in order.
class SeqRecorder : public QObject
{
public:
    explicit SeqRecorder(ConnectionService *c)
    {
        connect(c, &ConnectionService::messageReceived, this, [this](const Protocol::Message &m) {
            if (m.seq)
                seqs.append(*m.seq);
        });
    }
    // The recorded numbers form one run with no gap and no repeat.
    bool contiguous() const
    {
        for (qsizetype i = 1; i < seqs.size(); ++i) {
            if (seqs.at(i) != seqs.at(i - 1) + 1)
                return false;
        }
        return true;
    }
    QList<quint64> seqs;
};

// A WebSocket server whose every message the test writes by hand.
class ScriptedServer : public QObject
{
public:
    ScriptedServer()
    {
        m_server.setSupportedSubprotocols({QStringLiteral("watchfloor.v1")});
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_server.nextPendingConnection();
            socket->setParent(this);
            sockets.append(socket);
            if (greet) {
                QJsonObject hello = helloExtra;
                hello.insert(QLatin1StringView("type"), QStringLiteral("hello"));
                hello.insert(QLatin1StringView("protocol"), 1);
                send(socket, hello);
            }
            connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
                const QJsonObject r = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString type = r.value(QLatin1StringView("type")).toString();
                requests.append(type);
                const QJsonValue id = r.value(QLatin1StringView("id"));
                if (!answering) {
                    return;
                } else if (type == u"auth") {
                    send(socket,
                         result(id, true,
                                {{QLatin1StringView("sessionId"), QStringLiteral("s-x")},
                                 {QLatin1StringView("role"), QStringLiteral("operator")}}));
                } else if (type == u"subscribe") {
                    const QString channel = r.value(QLatin1StringView("channel")).toString();
                    if (refusedChannels.contains(channel)) {
                        QJsonObject refused = result(id, false, {});
                        refused.insert(QLatin1StringView("error"),
                                       QJsonObject {{QLatin1StringView("code"), QStringLiteral("bad_request")},
                                                    {QLatin1StringView("message"), QStringLiteral("unknown channel")}});
                        send(socket, refused);
                        return;
                    }
                    send(socket, result(id, true, {}));
                    // Snapshots are numbered from 1 on each connection.
                    const int seq = socket->property("snapshots").toInt() + 1;
                    socket->setProperty("snapshots", seq);
                    const QJsonObject snapshot {{QLatin1StringView("type"), QStringLiteral("snapshot")},
                                                {QLatin1StringView("channel"), channel},
                                                {QLatin1StringView("seq"), seq},
                                                {QLatin1StringView("items"), QJsonArray()}};
                    if (lateChannels.contains(channel)) {
                        QTimer::singleShot(lateMs, socket, [this, socket, snapshot] { send(socket, snapshot); });
                        return;
                    }
                    send(socket, snapshot);
                } else if (type == u"resume") {
                    QJsonObject refused = result(id, false, {});
                    refused.insert(QLatin1StringView("error"),
                                   QJsonObject {{QLatin1StringView("code"), QStringLiteral("resync_required")}});
                    send(socket, refused);
                }
                // Anything else goes unanswered.
            });
        });
    }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort()); }
    quint16 port() const { return m_server.serverPort(); }

    static QJsonObject result(const QJsonValue &id, bool ok, const QJsonObject &data)
    {
        return {{QLatin1StringView("type"), QStringLiteral("result")},
                {QLatin1StringView("id"), id},
                {QLatin1StringView("ok"), ok},
                {QLatin1StringView("data"), data}};
    }
    static QJsonObject pong(qint64 seq)
    {
        return {{QLatin1StringView("type"), QStringLiteral("pong")}, {QLatin1StringView("seq"), seq}};
    }
    void send(QWebSocket *socket, const QJsonObject &m)
    {
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact)));
    }
    void sendToLast(const QJsonObject &m) { send(sockets.last(), m); }

    QList<QWebSocket *> sockets;
    QStringList requests;
    QJsonObject helloExtra; // more fields for hello (heartbeatMs, …)
    bool greet = true; // false: no hello, as a plain server
    bool answering = true; // false: every request goes unanswered
    QStringList refusedChannels; // subscriptions refused as unknown
    QStringList lateChannels; // their snapshots come lateMs after the answer
    int lateMs = 0;

private:
    QWebSocketServer m_server {QStringLiteral("scripted"), QWebSocketServer::NonSecureMode};
};

// An HTTP server that answers each request from a script by its path: a
// REST fallback whose answers the test chooses. WebSocket upgrades get 404.
class ScriptedHttpServer : public QObject
{
public:
    ScriptedHttpServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort()); }

    // Path prefix → status and body; the first match wins.
    QList<std::tuple<QByteArray, int, QByteArray>> routes;

private:
    void answer(QTcpSocket *socket)
    {
        const QByteArray head = socket->peek(64 * 1024);
        if (!head.contains("\r\n\r\n"))
            return;
        socket->readAll();
        const QByteArray path = head.split(' ').value(1);
        int status = 404;
        QByteArray body;
        if (!head.toLower().contains("upgrade: websocket")) {
            for (const auto &[prefix, code, content] : std::as_const(routes)) {
                if (path.startsWith(prefix)) {
                    status = code;
                    body = content;
                    break;
                }
            }
        }
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n"
                      + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
};

} // namespace

class TestConnectionService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumeAfterADropLosesNothingAndRepeatsNothing();
    void resyncWhenTheReplayNoLongerReaches();
    void stalledLinkIsDeadWithinTwoHeartbeats();
    void gapInTheStreamIsNeverApplied();
    void duplicatesAreDropped();
    void requestsTimeOutOrFailWhenOffline();
    void givesUpAfterMaxAttemptsUntilRetryNow();
    void pausingStopsUpdatesAndResumingCatchesUp();
    void fallbackServerUsedAndPrimaryRegained();
    void tlsTrustsTheProfilesCaAndRefusesOthersWithDetails();
    void pollsWhileOnlyHttpAnswersAndTheWebSocketWinsBack();
    void frameCutInTheMiddleIsResumedWithoutLoss();
    void delayedLinkMeasuresItsRoundTrip();
    void networkComingBackRetriesAtOnce();
    void retryDelaysGrowWithFullJitter();
    void a21_heartbeatPeriodFromTheServerIsCapped();
    void a21_silentLinkIsDeadWithinTwoPeriods();
    void a22_failureFailsPendingRequestsAtOnce();
    void a2_failedPollLeavesPollingAtOnce();
    void a2_pollWithoutAnswerLeavesPollingWithinTheDeadline();
    void s1_liveOnlyOnceTheResumeReplayIsApplied();
    void s3_plainReconnectNumbersAfresh();
    void s3_numberingThatStartsOverIsNotDroppedForever();
    void s4_sessionIsResumedOnlyOnTheServerThatOpenedIt();
    void s13_oneUnknownChannelLeavesTheOthersLive();
    void a12_primaryThatOnlyAcceptsTcpDoesNotTakeTheLinkFromTheFallback();
    void s2_noPolledEventAfterTheWebSocketsSnapshots();
    void a2_refusedPollLeavesPollingAtOnce();
    void signInPastTheServersDeadlineIsRetriedNotFailed();
    void wrongTokenStillFails();
    void signInTimeoutOfAnOlderServerIsRetriedNotFailed();
    void briefOutageIsBridgedByResumingNotByPolling();
    void pollingStartsOnlyOnceTheWebSocketHasFailedForItsThreshold();
};

void TestConnectionService::resumeAfterADropLosesNothingAndRepeatsNothing()
{
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    SeqRecorder recorder(session.connection());
    session.setSettings(fastSettings(proxy.url()));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(recorder.seqs.size() >= 20);

    // The reconnection can be over before a poll of the state would see it:
    // the states the connection went through tell.
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    proxy.dropAll();
    QTRY_VERIFY(std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &args) {
        return args.at(0).value<State>() == State::Reconnecting;
    }));
    const qsizetype before = recorder.seqs.size();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(recorder.seqs.size() >= before + 30);

    QCOMPARE(session.connection()->lastRecovery(), Recovery::Resumed);
    QVERIFY2(recorder.contiguous(), "an event was lost or applied twice across the reconnect");
    QVERIFY(session.connection()->lastOutageMs() >= 0);
    QCOMPARE(session.drones()->rowCount(), 6);
    // Every drone of the model catches up with the server: none is left on
    // a value from before the drop. The server moves on every few ms, so
    // each drone is checked until it has matched once (all six at one
    // instant is luck under load, and a second look may already differ).
    const auto &fleet = sim.fleet();
    QSet<QString> caughtUp;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (qsizetype i = 0; i < fleet.size(); ++i) {
                const int row = session.drones()->rowOf(fleet.drone(i).serial);
                if (row >= 0 && std::abs(session.drones()->droneAt(row).status.battery - fleet.drone(i).battery) <= 0.1)
                    caughtUp.insert(fleet.drone(i).serial);
            }
            return caughtUp.size() == fleet.size();
        }(),
        10000);
    QTRY_VERIFY(session.connection()->eventsPerSecond() > 10.0);
}

void TestConnectionService::resyncWhenTheReplayNoLongerReaches()
{
    SimOptions options = busyFleet();
    options.replayEvents = 5;
    SimHost sim(options);
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    ConnectionSettings settings = fastSettings(proxy.url());
    settings.pollingFallback = false; // this test is about the WebSocket's own recovery
    session.setSettings(settings);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(session.connection()->lastSeq() >= 200);
    const quint64 seqBefore = session.connection()->lastSeq();

    proxy.setRefusing(true);
    proxy.dropAll();
    QTest::qWait(400); // the world goes on: far more than 5 events are missed
    proxy.setRefusing(false);

    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.connection()->lastRecovery(), Recovery::Resynced);
    QVERIFY(session.connection()->lastSeq() < seqBefore); // a new session numbers from 1
    QCOMPARE(session.drones()->rowCount(), 6);
}

void TestConnectionService::stalledLinkIsDeadWithinTwoHeartbeats()
{
    SimOptions options = busyFleet();
    options.heartbeatMs = 200;
    SimHost sim(options);
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    session.setSettings(fastSettings(proxy.url()));
    session.start();
    QTRY_VERIFY(session.hasLiveData());

    proxy.setStalled(true); // nothing closes; nothing gets through either
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Reconnecting, 2000);
    // Two silent periods, checked once a period: declared dead within three.
    QVERIFY2(clock.elapsed() <= 3 * 200 + 400, qPrintable(QString::number(clock.elapsed())));
    proxy.setStalled(false);
    QTRY_VERIFY(session.hasLiveData());
}

void TestConnectionService::gapInTheStreamIsNeverApplied()
{
    ScriptedServer server;
    ConnectionService connection;
    connection.setSubscriptions({QStringLiteral("drones")});
    connection.setSettings(fastSettings(server.url()));
    SeqRecorder recorder(&connection);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    QSignalSpy states(&connection, &ConnectionService::stateChanged);
    server.sendToLast(ScriptedServer::pong(2));
    server.sendToLast(ScriptedServer::pong(3));
    server.sendToLast(ScriptedServer::pong(5)); // 4 never came
    // Back on the link it asks to resume from 3, is told to resync, and does.
    QTRY_VERIFY(server.requests.contains(QStringLiteral("resume")));
    QTRY_COMPARE(connection.state(), State::Live);
    QVERIFY(states.contains(QVariantList {QVariant::fromValue(State::Reconnecting)}));
    QCOMPARE(connection.lastError(), QStringLiteral("events 4 to 4 are missing from the stream"));
    QCOMPARE(connection.lastRecovery(), Recovery::Resynced);
    // 1 is the first snapshot, then 2 and 3; 5 was never applied, and the
    // resynced session numbers from 1 again.
    QCOMPARE(recorder.seqs, (QList<quint64> {1, 2, 3, 1}));
}

void TestConnectionService::duplicatesAreDropped()
{
    ScriptedServer server;
    ConnectionService connection;
    connection.setSubscriptions({QStringLiteral("drones")});
    connection.setSettings(fastSettings(server.url()));
    SeqRecorder recorder(&connection);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    for (qint64 seq : {2, 3, 3, 2, 4})
        server.sendToLast(ScriptedServer::pong(seq));
    QTRY_COMPARE(recorder.seqs, (QList<quint64> {1, 2, 3, 4}));
    QCOMPARE(connection.state(), State::Live);
}

void TestConnectionService::requestsTimeOutOrFailWhenOffline()
{
    ScriptedServer server;
    ConnectionService connection;
    ConnectionSettings settings = fastSettings(server.url());
    settings.requestTimeoutMs = 300;
    connection.setSettings(settings);

    QString offlineCode;
    connection.request(QStringLiteral("ack_alarm"), {}, [&](const Protocol::Result &r) { offlineCode = r.error.code; });
    QCOMPARE(offlineCode, QStringLiteral("offline")); // refused at once, never queued

    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    QString code;
    QString message;
    int calls = 0;
    connection.request(QStringLiteral("ack_alarm"), {{QLatin1StringView("alarmId"), QStringLiteral("A-1")}},
                       [&](const Protocol::Result &r) {
                           ++calls;
                           code = r.error.code;
                           message = r.error.message;
                       });
    QTRY_COMPARE(code, QStringLiteral("timeout"));
    QVERIFY2(message.contains(QStringLiteral("ack_alarm")), qPrintable(message));
    QTest::qWait(400);
    QCOMPARE(calls, 1); // failed once, not again

    QString lostCode;
    connection.request(QStringLiteral("shelve_alarm"), {}, [&](const Protocol::Result &r) { lostCode = r.error.code; });
    server.sockets.last()->abort();
    QTRY_COMPARE(lostCode, QStringLiteral("offline"));
}

void TestConnectionService::givesUpAfterMaxAttemptsUntilRetryNow()
{
    const quint16 closedPort = freePort();
    QVERIFY(closedPort != 0);
    ConnectionService connection;
    ConnectionSettings settings = fastSettings(QStringLiteral("ws://127.0.0.1:%1/ws").arg(closedPort));
    settings.maxAttempts = 3;
    connection.setSettings(settings);
    QSignalSpy states(&connection, &ConnectionService::stateChanged);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Offline);
    QCOMPARE(connection.attempt(), 3);
    QTest::qWait(500);
    QCOMPARE(connection.state(), State::Offline); // stays put: no hidden retry loop

    connection.retryNow();
    QVERIFY(connection.state() != State::Offline);
    QTRY_COMPARE(connection.state(), State::Offline);
}

void TestConnectionService::pausingStopsUpdatesAndResumingCatchesUp()
{
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    Session session;
    SeqRecorder recorder(session.connection());
    session.setSettings(fastSettings(sim.url()));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(recorder.seqs.size() >= 10);

    session.connection()->pause();
    QCOMPARE(session.connection()->state(), State::Paused);
    QVERIFY(!session.hasLiveData());
    const qsizetype atPause = recorder.seqs.size();
    QTest::qWait(300); // the server goes on; nothing reaches a paused console
    QCOMPARE(recorder.seqs.size(), atPause);
    session.connection()->retryNow(); // not a way out of a pause
    QCOMPARE(session.connection()->state(), State::Paused);

    session.connection()->resumeLive();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.connection()->lastRecovery(), Recovery::Resumed);
    QTRY_VERIFY(recorder.seqs.size() >= atPause + 20);
    QVERIFY(recorder.contiguous()); // what happened during the pause was replayed
}

void TestConnectionService::fallbackServerUsedAndPrimaryRegained()
{
    // The primary's port, reserved and left closed for now.
    const quint16 primaryPort = freePort();
    QVERIFY(primaryPort != 0);
    SimHost fallback(busyFleet());
    QVERIFY(fallback.listen());

    Session session;
    ConnectionSettings settings = fastSettings(QStringLiteral("ws://127.0.0.1:%1/ws").arg(primaryPort));
    settings.fallbackUrls = {QUrl(fallback.url())};
    settings.attemptsPerServer = 2;
    settings.primaryProbeMs = 200;
    session.setSettings(settings);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.connection()->currentUrl(), QUrl(fallback.url()));

    // The primary comes back: the console returns to it by itself.
    SimOptions primaryOptions = busyFleet();
    primaryOptions.port = primaryPort;
    primaryOptions.drones = 3;
    SimHost primary(primaryOptions);
    QVERIFY2(primary.listen(), qPrintable(primary.errorString()));
    QTRY_COMPARE(session.connection()->currentUrl(), settings.url);
    QTRY_VERIFY(session.hasLiveData());
    QTRY_COMPARE(session.drones()->rowCount(), 3); // the primary's fleet, reconciled
}

void TestConnectionService::tlsTrustsTheProfilesCaAndRefusesOthersWithDetails()
{
    QTemporaryDir dir;
    QVERIFY2(makeTestCertificate(dir), "the openssl command could not make a certificate");
    SimOptions options = busyFleet();
    QVERIFY(!options.loadTls(dir.filePath(QStringLiteral("cert.pem")), dir.filePath(QStringLiteral("key.pem"))));
    SimHost sim(options);
    QVERIFY(sim.listen());
    QVERIFY(sim.url().startsWith(QStringLiteral("wss://")));

    Session trusting;
    ConnectionSettings settings = fastSettings(sim.url());
    settings.caFile = dir.filePath(QStringLiteral("cert.pem"));
    trusting.setSettings(settings);
    trusting.start();
    QTRY_VERIFY(trusting.hasLiveData());

    // Without the profile's CA the self-signed certificate is refused, once,
    // with what the operator needs to judge it; there is no silent ignore.
    Session wary;
    settings.caFile.clear();
    wary.setSettings(settings);
    QSignalSpy states(wary.connection(), &ConnectionService::stateChanged);
    wary.start();
    QTRY_COMPARE(wary.connection()->state(), State::Failed);
    const QString reason = wary.connection()->failureReason();
    QVERIFY2(reason.contains(QStringLiteral("certificate was refused")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("127.0.0.1")), qPrintable(reason)); // the subject
    QVERIFY2(reason.contains(QStringLiteral("SHA-256")), qPrintable(reason));
    QVERIFY(!states.contains(QVariantList {QVariant::fromValue(State::Reconnecting)}));
    QCOMPARE(wary.drones()->rowCount(), 0);

    // A CA file that holds no certificate is a clear failure too.
    Session misconfigured;
    settings.caFile = dir.filePath(QStringLiteral("key.pem"));
    misconfigured.setSettings(settings);
    misconfigured.start();
    QCOMPARE(misconfigured.connection()->state(), State::Failed);
    QVERIFY(misconfigured.connection()->failureReason().contains(QStringLiteral("holds no readable PEM certificate")));
}

void TestConnectionService::pollsWhileOnlyHttpAnswersAndTheWebSocketWinsBack()
{
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    proxy.setRefusingWebSockets(true);

    Session session;
    ConnectionSettings settings = fastSettings(proxy.url());
    settings.pollAfterAttempts = 2;
    settings.pollAfterMs = 300;
    session.setSettings(settings);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Polling, 10000);
    QVERIFY(session.hasLiveData()); // polled data is current data
    QCOMPARE(session.drones()->rowCount(), 6);
    const auto &fleet = sim.fleet();
    QTRY_VERIFY([&] {
        const int row = session.drones()->rowOf(fleet.drone(0).serial);
        return row >= 0 && std::abs(session.drones()->droneAt(row).status.battery - fleet.drone(0).battery) <= 0.1;
    }());
    // Requests go over REST meanwhile.
    QString status;
    session.connection()->request(QStringLiteral("command"),
                                  {{QLatin1StringView("commandId"), QStringLiteral("poll-1")},
                                   {QLatin1StringView("endpointId"), QStringLiteral("T1.V101.open")},
                                   {QLatin1StringView("value"), true}},
                                  [&](const Protocol::Result &r) {
                                      status
                                          = r.ok ? r.data.value(QLatin1StringView("status")).toString() : r.error.code;
                                  });
    QTRY_COMPARE(status, QStringLiteral("queued")); // answered by the server over REST

    // The WebSocket keeps being tried and wins back once it gets through.
    proxy.setRefusingWebSockets(false);
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Live, 10000);
    QVERIFY(session.hasLiveData());
    QCOMPARE(session.drones()->rowCount(), 6);
}

void TestConnectionService::frameCutInTheMiddleIsResumedWithoutLoss()
{
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    SeqRecorder recorder(session.connection());
    session.setSettings(fastSettings(proxy.url()));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(recorder.seqs.size() >= 20);

    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    proxy.cutMidFrame();
    QTRY_VERIFY(states.contains(QVariantList {QVariant::fromValue(State::Reconnecting)}));
    const qsizetype before = recorder.seqs.size();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(recorder.seqs.size() >= before + 30);
    QCOMPARE(session.connection()->lastRecovery(), Recovery::Resumed);
    QVERIFY2(recorder.contiguous(), "the half frame was applied, or an event was lost");
    QCOMPARE(session.connection()->protocolErrorCount(), 0);
}

void TestConnectionService::delayedLinkMeasuresItsRoundTrip()
{
    SimOptions options = busyFleet();
    options.heartbeatMs = 400;
    SimHost sim(options);
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    proxy.setDelayMs(150);
    Session session;
    session.setSettings(fastSettings(proxy.url()));
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    // 150 ms each way: the heartbeat's round trip says so.
    QTRY_VERIFY_WITH_TIMEOUT(session.connection()->roundTripMs() >= 280, 5000);
    QCOMPARE(session.connection()->state(), State::Live);
}

void TestConnectionService::networkComingBackRetriesAtOnce()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    Session session;
    ConnectionSettings settings = fastSettings(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    settings.backoffBaseMs = 60000; // the next attempt would be up to a minute away
    settings.backoffCapMs = 60000;
    settings.pollingFallback = false;
    session.setSettings(settings);
    session.start();
    // Wait for a retry that is at least 5 s away (full jitter may draw less).
    QTRY_VERIFY_WITH_TIMEOUT(session.connection()->msUntilRetry() > 5000, 10000);

    SimOptions options = busyFleet();
    options.port = port;
    SimHost sim(options);
    QVERIFY(sim.listen());
    session.connection()->networkBecameReachable();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 3000);
}

void TestConnectionService::retryDelaysGrowWithFullJitter()
{
    const quint16 closedPort = freePort();
    QVERIFY(closedPort != 0);
    ConnectionService connection;
    ConnectionSettings settings = fastSettings(QStringLiteral("ws://127.0.0.1:%1/ws").arg(closedPort));
    settings.backoffBaseMs = 20;
    settings.backoffCapMs = 640;
    settings.pollingFallback = false;
    connection.setSettings(settings);
    QList<qint64> delays; // the wait before attempt n, as announced
    connect(&connection, &ConnectionService::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting && connection.msUntilRetry() >= 0)
            delays.append(connection.msUntilRetry());
    });
    connection.start();
    QTRY_VERIFY_WITH_TIMEOUT(delays.size() >= 14, 15000);
    connection.stop();
    for (qsizetype n = 0; n < delays.size(); ++n) {
        const qint64 ceiling = std::min<qint64>(640, qint64(20) << std::min<qsizetype>(n, 16));
        QVERIFY2(delays.at(n) <= ceiling,
                 qPrintable(QStringLiteral("delay %1 was %2 ms, above %3").arg(n).arg(delays.at(n)).arg(ceiling)));
    }
    // Later waits may be longer than the base allows at first; and they are
    // drawn at random, not the same every time.
    QVERIFY(*std::max_element(delays.cbegin() + 6, delays.cend()) > 20 * 4);
    QVERIFY(QSet<qint64>(delays.cbegin(), delays.cend()).size() > delays.size() / 2);
}

void TestConnectionService::a21_heartbeatPeriodFromTheServerIsCapped()
{
    ScriptedServer server;
    server.helloExtra.insert(QLatin1StringView("heartbeatMs"), 3600000); // a hung server would be "Live" for 2 h
    ConnectionService connection;
    connection.setSettings(fastSettings(server.url()));
    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    QCOMPARE(connection.heartbeatPeriodMs(), ConnectionService::kMaxHeartbeatMs);
}

void TestConnectionService::a21_silentLinkIsDeadWithinTwoPeriods()
{
    // The server's period starts with its hello, just before the link is
    // live; the link falls silent right then. A check once a period would
    // find it dead only after almost three periods.
    constexpr int period = 600;
    ScriptedServer server;
    server.helloExtra.insert(QLatin1StringView("heartbeatMs"), period);
    FaultProxy proxy(server.port());
    ConnectionService connection;
    connection.setSubscriptions({QStringLiteral("drones")});
    connection.setSettings(fastSettings(proxy.url()));
    QElapsedTimer silentFor;
    connect(&connection, &ConnectionService::stateChanged, this, [&](State state) {
        if (state == State::Live && !silentFor.isValid()) {
            proxy.setStalled(true);
            silentFor.start();
        }
    });
    connection.start();
    QTRY_VERIFY(silentFor.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Reconnecting, 5 * period);
    QVERIFY2(silentFor.elapsed() >= 2 * period - 50, qPrintable(QString::number(silentFor.elapsed())));
    QVERIFY2(silentFor.elapsed() <= 2 * period + 400, qPrintable(QString::number(silentFor.elapsed())));
}

void TestConnectionService::a22_failureFailsPendingRequestsAtOnce()
{
    ScriptedServer server;
    ConnectionService connection;
    ConnectionSettings settings = fastSettings(server.url());
    settings.requestTimeoutMs = 8000;
    connection.setSettings(settings);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    QString code;
    connection.request(QStringLiteral("command"), {{QLatin1StringView("commandId"), QStringLiteral("c-1")}},
                       [&](const Protocol::Result &r) { code = r.error.code; });
    server.sockets.last()->close(QWebSocketProtocol::CloseCode(4003), QStringLiteral("operator removed"));
    QTRY_COMPARE(connection.state(), State::Failed);
    // Not "on its way" until the request timeout: the command is lost now.
    QTRY_COMPARE_WITH_TIMEOUT(code, QStringLiteral("offline"), 1000);
}

void TestConnectionService::a2_failedPollLeavesPollingAtOnce()
{
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    proxy.setRefusingWebSockets(true);
    Session session;
    ConnectionSettings settings = fastSettings(proxy.url());
    settings.pollAfterAttempts = 2;
    settings.pollAfterMs = 300;
    settings.backoffCapMs = 2000;
    session.setSettings(settings);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Polling, 10000);
    QVERIFY(session.hasLiveData());
    QTRY_VERIFY(session.drones()->rowCount() == 6);

    // The server goes away: the next poll fails, and the console says so.
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_VERIFY_WITH_TIMEOUT(session.connection()->state() != State::Polling, 3000);
    QVERIFY(!session.hasLiveData());
    QVERIFY(session.drones()->index(0, 0).data(DroneModel::StaleRole).toBool());
    QVERIFY(!session.connection()->lastError().isEmpty());

    // Back again: polling picks up and the data is current once more.
    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Polling, 10000);
    QVERIFY(session.hasLiveData());
}

void TestConnectionService::a2_pollWithoutAnswerLeavesPollingWithinTheDeadline()
{
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    proxy.setRefusingWebSockets(true);
    Session session;
    ConnectionSettings settings = fastSettings(proxy.url());
    settings.pollAfterAttempts = 2;
    settings.pollAfterMs = 300;
    settings.pollWaitSeconds = 1;
    settings.requestTimeoutMs = 1000;
    settings.backoffCapMs = 5000;
    session.setSettings(settings);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Polling, 10000);

    // Nothing closes; nothing is answered either.
    proxy.setStalled(true);
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.connection()->state() != State::Polling, 5000);
    QVERIFY2(clock.elapsed() <= 1000 + 1000 + 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!session.hasLiveData());
    proxy.setStalled(false);
}

void TestConnectionService::s1_liveOnlyOnceTheResumeReplayIsApplied()
{
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    SeqRecorder recorder(session.connection());
    ConnectionSettings settings = fastSettings(proxy.url());
    settings.pollingFallback = false;
    session.setSettings(settings);
    int applied = 0;
    connect(&session, &Session::batchApplied, this, [&](int events, const QList<qint64> &) { applied += events; });
    int received = 0; // events the session applies to its models (not snapshots, notices or pongs)
    connect(session.connection(), &ConnectionService::messageReceived, this, [&](const Protocol::Message &m) {
        received
            += std::visit(
                [](const auto &body) {
                    using T = std::decay_t<decltype(body)>;
                    return !std::
                               is_same_v<T, Protocol::Snapshot> && !std::is_same_v<T, Domain::SystemAlert> && !std::is_same_v<T, Protocol::DashboardRefresh> && !std::is_same_v<T, Protocol::Pong> && !std::is_same_v<T, Protocol::ServerError> && !std::is_same_v<T, Protocol::Result> && !std::is_same_v<T, Protocol::Hello> && !std::is_same_v<T, Protocol::Connected>;
                },
                m.body);
    });
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(recorder.seqs.size() >= 20);

    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);
    const quint64 atDrop = session.connection()->lastSeq();
    const quint64 journalAtDrop = sim.journalSeq();
    QTRY_VERIFY(sim.journalSeq() >= journalAtDrop + 20); // missed while away

    // When the link says Live again, the missed events are in the models.
    quint64 seqAtLive = 0;
    int appliedAtLive = -1;
    int receivedAtLive = -1;
    connect(session.connection(), &ConnectionService::stateChanged, this, [&](State state) {
        if (state != State::Live || appliedAtLive >= 0)
            return;
        seqAtLive = session.connection()->lastSeq();
        appliedAtLive = applied;
        receivedAtLive = received;
    });
    proxy.setRefusing(false);
    QTRY_VERIFY(appliedAtLive >= 0);
    QCOMPARE(session.connection()->lastRecovery(), Recovery::Resumed);
    QVERIFY2(seqAtLive >= atDrop + 20, qPrintable(QStringLiteral("%1 after %2").arg(seqAtLive).arg(atDrop)));
    // Every event received is in the models.
    QCOMPARE(appliedAtLive, receivedAtLive);
}

void TestConnectionService::s3_plainReconnectNumbersAfresh()
{
    ScriptedServer server;
    server.greet = false;
    server.answering = false;
    ConnectionService connection;
    ConnectionSettings settings = fastSettings(server.url());
    settings.dialect = ConnectionSettings::Dialect::Plain;
    connection.setSettings(settings);
    SeqRecorder recorder(&connection);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    for (qint64 seq : {1, 2, 3, 4, 5})
        server.sendToLast(ScriptedServer::pong(seq));
    QTRY_COMPARE(recorder.seqs.size(), 5);

    // A plain server numbers each connection from 1.
    server.sockets.last()->abort();
    QTRY_COMPARE(server.sockets.size(), 2);
    QTRY_COMPARE(connection.state(), State::Live);
    for (qint64 seq : {1, 2, 3})
        server.sendToLast(ScriptedServer::pong(seq));
    QTRY_COMPARE(recorder.seqs, (QList<quint64> {1, 2, 3, 4, 5, 1, 2, 3}));
}

void TestConnectionService::s3_numberingThatStartsOverIsNotDroppedForever()
{
    ScriptedServer server;
    ConnectionService connection;
    connection.setSubscriptions({QStringLiteral("drones")});
    connection.setSettings(fastSettings(server.url()));
    SeqRecorder recorder(&connection);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    for (qint64 seq = 2; seq <= 50; ++seq)
        server.sendToLast(ScriptedServer::pong(seq));
    QTRY_COMPARE(connection.lastSeq(), quint64(50));

    // The server starts its numbering over on the same session: every event
    // would be a "duplicate" for ever while the link shows Live.
    QSignalSpy states(&connection, &ConnectionService::stateChanged);
    QJsonArray restarted;
    for (qint64 seq = 1; seq <= 1200; ++seq)
        restarted.append(ScriptedServer::pong(1 + seq % 40));
    server.sockets.last()->sendTextMessage(QString::fromUtf8(QJsonDocument(restarted).toJson(QJsonDocument::Compact)));
    QTRY_VERIFY(states.contains(QVariantList {QVariant::fromValue(State::Reconnecting)}));
    QTRY_COMPARE(connection.state(), State::Live);
    // It subscribed afresh instead of resuming the session it could not follow.
    QCOMPARE(server.requests.count(QStringLiteral("resume")), 0);
    QCOMPARE(connection.lastRecovery(), Recovery::Resynced);
}

void TestConnectionService::s4_sessionIsResumedOnlyOnTheServerThatOpenedIt()
{
    ScriptedServer primaryServer;
    FaultProxy primary(primaryServer.port());
    ScriptedServer fallback; // hands out the same session ids, as two sims with one seed do
    ConnectionService connection;
    connection.setSubscriptions({QStringLiteral("drones")});
    ConnectionSettings settings = fastSettings(primary.url());
    settings.fallbackUrls = {QUrl(fallback.url())};
    settings.attemptsPerServer = 1;
    settings.pollingFallback = false;
    connection.setSettings(settings);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    primaryServer.sendToLast(ScriptedServer::pong(2));
    QTRY_COMPARE(connection.lastSeq(), quint64(2));

    primary.setRefusing(true);
    primary.dropAll();
    QTRY_COMPARE(connection.currentUrl(), QUrl(fallback.url()));
    QTRY_COMPARE(connection.state(), State::Live);
    QVERIFY2(!fallback.requests.contains(QStringLiteral("resume")), qPrintable(fallback.requests.join(u' ')));
    QVERIFY(fallback.requests.contains(QStringLiteral("subscribe")));
}

void TestConnectionService::s13_oneUnknownChannelLeavesTheOthersLive()
{
    ScriptedServer server;
    server.refusedChannels = {QStringLiteral("weather")};
    ConnectionService connection;
    connection.setSubscriptions({QStringLiteral("drones"), QStringLiteral("weather"), QStringLiteral("alarms")});
    connection.setSettings(fastSettings(server.url()));
    QSignalSpy refused(&connection, &ConnectionService::channelRefused);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Live);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().first().toString(), QStringLiteral("weather"));
    QCOMPARE(connection.refusedChannels(), QStringList {QStringLiteral("weather")});

    // A server that knows none of them leaves nothing to show: that fails.
    ScriptedServer stranger;
    stranger.refusedChannels = {QStringLiteral("weather")};
    ConnectionService lost;
    lost.setSubscriptions({QStringLiteral("weather")});
    lost.setSettings(fastSettings(stranger.url()));
    lost.start();
    QTRY_COMPARE(lost.state(), State::Failed);
}

void TestConnectionService::a12_primaryThatOnlyAcceptsTcpDoesNotTakeTheLinkFromTheFallback()
{
    // The primary's port is open (a proxy), but its WebSocket is broken.
    SimHost behindProxy(busyFleet());
    QVERIFY(behindProxy.listen());
    FaultProxy primary(behindProxy.port());
    primary.setRefusingWebSockets(true);
    SimHost fallback(busyFleet());
    QVERIFY(fallback.listen());

    Session session;
    ConnectionSettings settings = fastSettings(primary.url());
    settings.fallbackUrls = {QUrl(fallback.url())};
    settings.attemptsPerServer = 1;
    settings.primaryProbeMs = 200;
    settings.pollingFallback = false;
    session.setSettings(settings);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(session.connection()->currentUrl(), QUrl(fallback.url()));

    // Several probes reach the primary's port; none takes the live link away.
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    const int before = primary.connectionsAccepted();
    QTRY_VERIFY(primary.connectionsAccepted() >= before + 4);
    QVERIFY2(states.isEmpty(), "the console left its live fallback for a primary that only accepts TCP");
    QCOMPARE(session.connection()->currentUrl(), QUrl(fallback.url()));
}

void TestConnectionService::s2_noPolledEventAfterTheWebSocketsSnapshots()
{
    // HTTP reaches the reference server, whose journal moves fast; the
    // WebSocket reaches a scripted server that sends its snapshots, empty,
    // one of them late, and no events: any event handed on after its first
    // snapshot can only have come from polling.
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    ScriptedServer webSocket;
    webSocket.lateChannels = {QStringLiteral("alarms")};
    webSocket.lateMs = 600;
    FaultProxy proxy(sim.port());
    proxy.setWebSocketTargetPort(webSocket.port());
    proxy.setRefusingWebSockets(true);

    ConnectionService connection;
    connection.setSubscriptions({QStringLiteral("drones"), QStringLiteral("alarms")});
    ConnectionSettings settings = fastSettings(proxy.url());
    settings.pollAfterAttempts = 2;
    settings.pollAfterMs = 300;
    connection.setSettings(settings);
    bool webSocketSnapshot = false;
    int polledEvents = 0;
    int polledAfterSnapshot = 0;
    connect(&connection, &ConnectionService::messageReceived, this, [&](const Protocol::Message &m) {
        const auto *snapshot = std::get_if<Protocol::Snapshot>(&m.body);
        if (snapshot && snapshot->channel == u"drones" && snapshot->drones.isEmpty())
            webSocketSnapshot = true;
        else if (!snapshot && std::holds_alternative<Domain::DroneStatusUpdate>(m.body))
            webSocketSnapshot ? ++polledAfterSnapshot : ++polledEvents;
    });
    connection.start();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Polling, 10000);
    QTRY_VERIFY(polledEvents >= 10);

    proxy.setRefusingWebSockets(false);
    QTRY_VERIFY_WITH_TIMEOUT(webSocketSnapshot, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, 5000);
    QCOMPARE(polledAfterSnapshot, 0);
}

void TestConnectionService::a2_refusedPollLeavesPollingAtOnce()
{
    // The snapshot is served, then the token is refused (revoked, say).
    ScriptedHttpServer server;
    server.routes = {{"/api/v1/snapshot", 200, R"({"seq":0,"channels":{}})"},
                     {"/api/v1/events", 401, R"({"error":{"code":"unauthorized","message":"token revoked"}})"}};
    ConnectionService connection;
    ConnectionSettings settings = fastSettings(server.url());
    settings.pollAfterAttempts = 1;
    settings.pollAfterMs = 300; // reached while the WebSocket waits for its next attempt
    settings.backoffBaseMs = 60000; // the WebSocket's next attempt is most likely far off
    settings.backoffCapMs = 60000;
    connection.setSettings(settings);
    QSignalSpy states(&connection, &ConnectionService::stateChanged);
    connection.start();
    QTRY_VERIFY(states.contains(QVariantList {QVariant::fromValue(State::Polling)}));
    // Nothing is polled any more: the state says so at once, with the reason.
    QTRY_VERIFY_WITH_TIMEOUT(connection.state() != State::Polling, 1000);
    QVERIFY(!connection.isLive());
    QVERIFY2(connection.lastError().contains(QStringLiteral("token revoked")), qPrintable(connection.lastError()));
}

void TestConnectionService::signInPastTheServersDeadlineIsRetriedNotFailed()
{
    // The link stalls one way while the console signs in again: the server
    // sees no auth within its deadline and closes. That is no refused token:
    // the console keeps reconnecting and is live again once the link flows.
    SimOptions options = busyFleet();
    options.authTimeoutMs = 300;
    SimHost sim(options);
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    SeqRecorder recorder(session.connection());
    session.setSettings(fastSettings(proxy.url()));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(recorder.seqs.size() >= 20);

    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    int signInTimeouts = 0;
    connect(session.connection(), &ConnectionService::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting && session.connection()->lastError().contains(u"sign-in timeout"))
            ++signInTimeouts;
    });
    proxy.setHoldingClientAfterHandshake(true);
    proxy.dropAll();
    // The server's deadline passes on more than one attempt.
    QTRY_VERIFY_WITH_TIMEOUT(signInTimeouts >= 2 || session.connection()->state() == State::Failed, 5000);
    QVERIFY2(session.connection()->state() != State::Failed, qPrintable(session.connection()->failureReason()));
    QVERIFY(signInTimeouts >= 2);

    proxy.setHoldingClientAfterHandshake(false);
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 5000);
    QVERIFY(!states.contains(QVariantList {QVariant::fromValue(State::Failed)}));
    // Nothing lost: the session was resumed where it stopped.
    QCOMPARE(session.connection()->lastRecovery(), Recovery::Resumed);
    const qsizetype before = recorder.seqs.size();
    QTRY_VERIFY(recorder.seqs.size() >= before + 20);
    QVERIFY(recorder.contiguous());
}

void TestConnectionService::wrongTokenStillFails()
{
    // A token the server refuses (answered `unauthorized`, then closed with
    // 4001) stops the console: retrying would meet the same refusal.
    SimOptions options = busyFleet();
    options.tokens = {{QStringLiteral("right"), QStringLiteral("operator")}};
    options.authTimeoutMs = 300;
    SimHost sim(options);
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    ConnectionService connection;
    ConnectionSettings settings = fastSettings(proxy.url());
    settings.token = QStringLiteral("wrong");
    connection.setSettings(settings);
    connection.start();
    QTRY_COMPARE(connection.state(), State::Failed);
    QVERIFY2(connection.failureReason().contains(QStringLiteral("invalid token")),
             qPrintable(connection.failureReason()));
    const int attempts = proxy.connectionsAccepted();
    QTest::qWait(600); // twice the server's sign-in deadline: nothing is retried
    QCOMPARE(connection.state(), State::Failed);
    QCOMPARE(proxy.connectionsAccepted(), attempts);
}

void TestConnectionService::signInTimeoutOfAnOlderServerIsRetriedNotFailed()
{
    // A 0.1.0 server closes a late sign-in with 4001 "no auth within 5 s",
    // the code of a refused token, but it never answered the auth with a
    // refusal: that is a timeout, and the console reconnects.
    ScriptedServer server;
    server.answering = false;
    ConnectionService connection;
    connection.setSubscriptions({QStringLiteral("drones")});
    connection.setSettings(fastSettings(server.url()));
    QSignalSpy states(&connection, &ConnectionService::stateChanged);
    connection.start();
    QTRY_VERIFY(server.requests.contains(QStringLiteral("auth")));
    server.answering = true;
    server.sockets.last()->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("no auth within 5 s"));
    QTRY_COMPARE(connection.state(), State::Live);
    QVERIFY(!states.contains(QVariantList {QVariant::fromValue(State::Failed)}));
    QCOMPARE(server.sockets.size(), 2);

    // The same code with any other reason, and no answer either, is still a
    // refusal: a server may close on a bad token without answering.
    server.sockets.last()->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("token revoked"));
    QTRY_COMPARE(connection.state(), State::Failed);
    QVERIFY2(connection.failureReason().contains(QStringLiteral("token revoked")),
             qPrintable(connection.failureReason()));
}

void TestConnectionService::briefOutageIsBridgedByResumingNotByPolling()
{
    // The WebSocket fails for about two seconds while the REST API answers:
    // reconnecting and resuming bridges that without a resync; polling would
    // have meant a fresh snapshot on the way back.
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    SeqRecorder recorder(session.connection());
    session.setSettings(fastSettings(proxy.url())); // the default threshold
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_VERIFY(recorder.seqs.size() >= 20);

    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    proxy.setRefusingWebSockets(true);
    proxy.dropAll();
    QTRY_VERIFY(session.connection()->attempt() >= 4); // attempt after attempt fails meanwhile
    QTest::qWait(2000);
    proxy.setRefusingWebSockets(false);

    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 5000);
    QVERIFY2(!states.contains(QVariantList {QVariant::fromValue(State::Polling)}),
             "the console fell back to polling for a brief outage");
    QCOMPARE(session.connection()->lastRecovery(), Recovery::Resumed);
    const qsizetype before = recorder.seqs.size();
    QTRY_VERIFY(recorder.seqs.size() >= before + 20);
    QVERIFY2(recorder.contiguous(), "an event was lost or applied twice across the outage");
}

void TestConnectionService::pollingStartsOnlyOnceTheWebSocketHasFailedForItsThreshold()
{
    // Past the threshold (shortened here) the WebSocket's outage is a lasting
    // one: the console polls, and not before.
    constexpr int threshold = 1500;
    SimHost sim(busyFleet());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    ConnectionSettings settings = fastSettings(proxy.url());
    settings.pollAfterMs = threshold;
    session.setSettings(settings);
    session.start();
    QTRY_VERIFY(session.hasLiveData());

    QElapsedTimer failingFor;
    qint64 pollingAfter = -1;
    connect(session.connection(), &ConnectionService::stateChanged, this, [&](State state) {
        if (state == State::Polling && pollingAfter < 0)
            pollingAfter = failingFor.elapsed();
    });
    proxy.setRefusingWebSockets(true);
    failingFor.start();
    proxy.dropAll();
    QTRY_VERIFY_WITH_TIMEOUT(pollingAfter >= 0, 10000);
    QVERIFY2(pollingAfter >= threshold - 50, qPrintable(QString::number(pollingAfter)));
    QVERIFY(session.connection()->attempt() >= settings.pollAfterAttempts);
    QVERIFY(session.hasLiveData()); // polled data is current data
    QCOMPARE(session.connection()->state(), State::Polling);

    proxy.setRefusingWebSockets(false);
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Live, 10000);
}

QTEST_GUILESS_MAIN(TestConnectionService)
#include "tst_connectionservice.moc"
