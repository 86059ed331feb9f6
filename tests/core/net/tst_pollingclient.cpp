#include "gateway/gatewaytestclient.h"
#include "net/pollingclient.h"
#include "simhost.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <optional>

namespace {

ConnectionSettings settingsFor(quint16 port)
{
    ConnectionSettings s;
    s.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    s.token = QStringLiteral("t");
    s.operatorName = QStringLiteral("poller");
    s.backoffBaseMs = 50;
    s.backoffCapMs = 200;
    s.requestTimeoutMs = 5000;
    return s;
}

SimOptions busyFleet()
{
    SimOptions o;
    o.drones = 4;
    o.machines = 0;
    o.tiles = 0;
    o.rate = 20.0;
    return o;
}

// A world where nothing happens on its own for minutes.
SimOptions quietWorld()
{
    SimOptions o;
    o.drones = 3;
    o.machines = 0;
    o.tiles = 0;
    o.rate = 0.01;
    return o;
}

// Everything the client hands on, in order.
class Recorder : public QObject
{
public:
    explicit Recorder(PollingClient *client)
    {
        connect(client, &PollingClient::messageReceived, this, [this](const Protocol::Message &m) {
            messages.append(m);
            if (std::holds_alternative<Protocol::Snapshot>(m.body))
                marks.append(QStringLiteral("snapshot"));
        });
        connect(client, &PollingClient::resynced, this, [this] { marks.append(QStringLiteral("resynced")); });
    }

    // The seq of every event (not snapshot) from index `from` on.
    QList<quint64> eventSeqs(qsizetype from = 0) const
    {
        QList<quint64> seqs;
        for (qsizetype i = from; i < messages.size(); ++i) {
            if (!std::holds_alternative<Protocol::Snapshot>(messages.at(i).body) && messages.at(i).seq)
                seqs.append(*messages.at(i).seq);
        }
        return seqs;
    }

    std::optional<Protocol::Snapshot> lastSnapshot() const
    {
        for (qsizetype i = messages.size() - 1; i >= 0; --i) {
            if (const auto *s = std::get_if<Protocol::Snapshot>(&messages.at(i).body))
                return *s;
        }
        return std::nullopt;
    }

    // The battery of the last status the client handed on for `serial`, or -1.
    double lastBattery(const QString &serial) const
    {
        for (qsizetype i = messages.size() - 1; i >= 0; --i) {
            const auto *u = std::get_if<Domain::DroneStatusUpdate>(&messages.at(i).body);
            if (u && u->status.serial == serial)
                return u->status.battery;
        }
        return -1.0;
    }

    QList<Protocol::Message> messages;
    QStringList marks;
};

bool contiguous(const QList<quint64> &seqs, quint64 first)
{
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        if (seqs.at(i) != first + quint64(i))
            return false;
    }
    return true;
}

// Calls request() and keeps what `done` was called with, and how often.
struct Outcome
{
    int calls = 0;
    Protocol::Result result;
};

void ask(PollingClient &client, const QString &type, const QJsonObject &fields, Outcome *outcome)
{
    client.request(type, fields, [outcome](const Protocol::Result &r) {
        ++outcome->calls;
        outcome->result = r;
    });
}

} // namespace

// The REST fallback client against the real reference server on 127.0.0.1.
class TestPollingClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apiBaseFollowsTheWebSocketUrl_data();
    void apiBaseFollowsTheWebSocketUrl();
    void firstSnapshotArrivesTyped();
    void eventsArriveInOrderAndMatchTheWorld();
    void emptyLongPollIsFollowedByTheNext();
    void stalledClientResyncs();
    void wrongTokenFailsWithoutRetrying();
    void serverGoneThenBackOnTheSamePort();
    void commandIsQueuedAndChangesTheWorld();
    void ackOfUnknownAlarmIsNotFound();
    void requestsWhenStoppedAreOffline();
    void silentServerTimesOut();
    void s8_gatewayErrorOnACommandIsAServerError();
    void httpsTrustsOnlyWhatItIsGiven();
};

void TestPollingClient::apiBaseFollowsTheWebSocketUrl_data()
{
    QTest::addColumn<QString>("ws");
    QTest::addColumn<QString>("api");
    QTest::newRow("ws") << QStringLiteral("ws://host:8080/ws") << QStringLiteral("http://host:8080/api/v1");
    QTest::newRow("wss") << QStringLiteral("wss://host:8443/ws") << QStringLiteral("https://host:8443/api/v1");
    QTest::newRow("default port") << QStringLiteral("wss://host/ws") << QStringLiteral("https://host/api/v1");
}

void TestPollingClient::apiBaseFollowsTheWebSocketUrl()
{
    QFETCH(QString, ws);
    QFETCH(QString, api);
    QCOMPARE(PollingClient::apiBaseFor(QUrl(ws)), QUrl(api));
}

void TestPollingClient::firstSnapshotArrivesTyped()
{
    SimHost server(busyFleet());
    QVERIFY(server.listen());
    PollingClient client;
    client.setSettings(settingsFor(server.port()));
    Recorder recorder(&client);
    QSignalSpy polling(&client, &PollingClient::polling);
    QVERIFY(!client.isPolling());
    client.start();
    QTRY_COMPARE(polling.count(), 1);
    QVERIFY(client.isPolling());

    QVERIFY(!recorder.messages.isEmpty());
    const auto *snapshot = std::get_if<Protocol::Snapshot>(&recorder.messages.first().body);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->channel, QStringLiteral("drones"));
    QCOMPARE(snapshot->drones.size(), server.fleet().size());
    QCOMPARE(snapshot->drones.first().serial, server.fleet().drone(0).serial);
    QVERIFY(recorder.messages.first().seq.has_value());
    QCOMPARE(client.protocolErrorCount(), 0);
}

void TestPollingClient::eventsArriveInOrderAndMatchTheWorld()
{
    SimHost server(busyFleet());
    QVERIFY(server.listen());
    PollingClient client;
    client.setSettings(settingsFor(server.port()));
    Recorder recorder(&client);
    QSignalSpy errors(&client, &PollingClient::protocolErrorOccurred);
    client.start();
    QTRY_VERIFY(recorder.eventSeqs().size() >= 40);

    const quint64 snapshotSeq = *recorder.messages.first().seq;
    QVERIFY(contiguous(recorder.eventSeqs(), snapshotSeq + 1));
    QCOMPARE(client.lastSeq(), recorder.eventSeqs().last());
    QCOMPARE(errors.count(), 0);

    // What the client holds catches up with the server's world, as the
    // WebSocket's drone_update would.
    const QString serial = server.fleet().drone(1).serial;
    QTRY_COMPARE(recorder.lastBattery(serial), std::round(server.fleet().drone(1).battery * 10) / 10);
    QVERIFY(contiguous(recorder.eventSeqs(), snapshotSeq + 1));
}

void TestPollingClient::emptyLongPollIsFollowedByTheNext()
{
    SimHost server(quietWorld());
    QVERIFY(server.listen());
    PollingClient client;
    client.setSettings(settingsFor(server.port()));
    client.setWaitSeconds(1);
    Recorder recorder(&client);
    client.start();
    QTRY_VERIFY(client.isPolling());
    const quint64 seq = client.lastSeq();

    // Two long polls run out with nothing to report.
    QTRY_VERIFY_WITH_TIMEOUT(client.pollsAnswered() >= 2, 10000);
    QCOMPARE(recorder.messages.size(), 1);
    QCOMPARE(client.lastSeq(), seq);

    // The poll after them still gets the next event: a console signing in
    // over the WebSocket is published as a presence change.
    GatewayTestClient console(server.url());
    QVERIFY(console.authenticate().value(QLatin1StringView("ok")).toBool());
    QTRY_VERIFY(recorder.messages.size() >= 2);
    QCOMPARE(recorder.messages.at(1).seq, std::optional<quint64>(seq + 1));
    QVERIFY(std::holds_alternative<Domain::PresenceChange>(recorder.messages.at(1).body));
}

void TestPollingClient::stalledClientResyncs()
{
    SimOptions options = busyFleet();
    options.replayEvents = 5;
    SimHost server(options);
    QVERIFY(server.listen());
    PollingClient client;
    client.setSettings(settingsFor(server.port()));
    Recorder recorder(&client);
    QSignalSpy resynced(&client, &PollingClient::resynced);
    client.start();
    QTRY_VERIFY(recorder.eventSeqs().size() >= 3);

    client.stop();
    const quint64 stalledAt = client.lastSeq();
    QTRY_VERIFY(server.journalSeq() > stalledAt + 20);
    const qsizetype before = recorder.messages.size();
    client.start();
    QTRY_COMPARE(resynced.count(), 1);
    QTRY_VERIFY(recorder.marks.size() >= 3);
    QCOMPARE(recorder.marks,
             (QStringList {QStringLiteral("snapshot"), QStringLiteral("resynced"), QStringLiteral("snapshot")}));

    // The fresh snapshot is taken after the stall, and events go on from it.
    const auto fresh = std::get_if<Protocol::Snapshot>(&recorder.messages.at(before).body);
    QVERIFY(fresh);
    const quint64 freshSeq = *recorder.messages.at(before).seq;
    QVERIFY(freshSeq > stalledAt + 20);
    QCOMPARE(fresh->drones.size(), server.fleet().size());
    QTRY_VERIFY(recorder.eventSeqs(before).size() >= 5);
    QVERIFY(contiguous(recorder.eventSeqs(before), freshSeq + 1));
}

void TestPollingClient::wrongTokenFailsWithoutRetrying()
{
    SimOptions options = quietWorld();
    options.tokens = {{QStringLiteral("good"), QStringLiteral("viewer")}};
    SimHost server(options);
    QVERIFY(server.listen());
    PollingClient client;
    ConnectionSettings settings = settingsFor(server.port());
    settings.token = QStringLiteral("bad");
    client.setSettings(settings);
    QSignalSpy failed(&client, &PollingClient::failed);
    QSignalSpy pollFailed(&client, &PollingClient::pollFailed);
    QSignalSpy messages(&client, &PollingClient::messageReceived);
    client.start();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1StringView("401")));
    QVERIFY(!client.isRunning());
    QVERIFY(!client.isPolling());
    QCOMPARE(client.failureReason(), failed.first().first().toString());

    // No retry loop: several backoff caps later nothing more has happened.
    QVERIFY(!failed.wait(4 * settings.backoffCapMs));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(pollFailed.count(), 0);
    QCOMPARE(messages.count(), 0);

    Outcome outcome;
    ask(client, QStringLiteral("command"), {}, &outcome);
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(outcome.result.error.code, QStringLiteral("offline"));
}

void TestPollingClient::serverGoneThenBackOnTheSamePort()
{
    auto server = std::make_unique<SimHost>(busyFleet());
    QVERIFY(server->listen());
    const quint16 port = server->port();
    PollingClient client;
    client.setSettings(settingsFor(port));
    Recorder recorder(&client);
    QSignalSpy pollFailed(&client, &PollingClient::pollFailed);
    QSignalSpy resynced(&client, &PollingClient::resynced);
    client.start();
    // Far enough on that a new server's journal cannot have caught up.
    QTRY_VERIFY(client.lastSeq() > 100);

    server.reset();
    QTRY_VERIFY(pollFailed.count() >= 2);
    QVERIFY(!pollFailed.last().first().toString().isEmpty());
    QVERIFY(client.isRunning());

    SimOptions again = quietWorld();
    again.port = port;
    server = std::make_unique<SimHost>(again);
    QVERIFY2(server->listen(), qPrintable(server->errorString()));
    const qsizetype before = recorder.messages.size();
    QTRY_COMPARE(resynced.count(), 1);
    QTRY_VERIFY(recorder.lastSnapshot().has_value() && recorder.messages.size() > before);
    QCOMPARE(recorder.lastSnapshot()->drones.size(), server->fleet().size());
    QCOMPARE(client.lastSeq(), server->journalSeq());
    QVERIFY(client.isPolling());
}

void TestPollingClient::commandIsQueuedAndChangesTheWorld()
{
    SimOptions options = busyFleet();
    options.tiles = 2;
    SimHost server(options);
    QVERIFY(server.listen());
    PollingClient client;
    client.setSettings(settingsFor(server.port()));
    Recorder recorder(&client);
    client.start();
    QTRY_VERIFY(client.isPolling());

    const QString endpoint = QStringLiteral("T1.V101.open");
    QCOMPARE(server.world().plant().value(endpoint), QJsonValue(false));
    Outcome outcome;
    ask(client, QStringLiteral("command"),
        {{QLatin1StringView("commandId"), QStringLiteral("poll-1")},
         {QLatin1StringView("endpointId"), endpoint},
         {QLatin1StringView("value"), true}},
        &outcome);
    QTRY_COMPARE(outcome.calls, 1);
    QVERIFY2(outcome.result.ok, qPrintable(outcome.result.error.message));
    QCOMPARE(outcome.result.data.value(QLatin1StringView("commandId")).toString(), QStringLiteral("poll-1"));
    QCOMPARE(outcome.result.data.value(QLatin1StringView("status")).toString(), QStringLiteral("queued"));
    QTRY_COMPARE(server.world().plant().value(endpoint), QJsonValue(true));

    // Its progress comes back through the journal, typed.
    QTRY_VERIFY(std::any_of(recorder.messages.cbegin(), recorder.messages.cend(), [](const Protocol::Message &m) {
        const auto *status = std::get_if<Domain::CommandStatus>(&m.body);
        return status && status->commandId == u"poll-1" && status->status == Domain::CommandState::Succeeded;
    }));
    QCOMPARE(outcome.calls, 1);
}

void TestPollingClient::ackOfUnknownAlarmIsNotFound()
{
    SimHost server(quietWorld());
    QVERIFY(server.listen());
    PollingClient client;
    client.setSettings(settingsFor(server.port()));
    client.start();
    Outcome outcome;
    ask(client, QStringLiteral("ack_alarm"), {{QLatin1StringView("alarmId"), QStringLiteral("no/such alarm")}},
        &outcome);
    QTRY_COMPARE(outcome.calls, 1);
    QVERIFY(!outcome.result.ok);
    QCOMPARE(outcome.result.error.code, QStringLiteral("not_found"));
    QVERIFY(!outcome.result.error.message.isEmpty());

    Outcome unsupported;
    ask(client, QStringLiteral("broadcast"), {}, &unsupported);
    QCOMPARE(unsupported.calls, 1);
    QCOMPARE(unsupported.result.error.code, QStringLiteral("unsupported"));
}

void TestPollingClient::requestsWhenStoppedAreOffline()
{
    PollingClient client;
    client.setSettings(settingsFor(1));
    Outcome outcome;
    ask(client, QStringLiteral("command"), {}, &outcome);
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(outcome.result.error.code, QStringLiteral("offline"));
}

void TestPollingClient::silentServerTimesOut()
{
    // Accepts every connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&silent, &held] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });

    PollingClient client;
    ConnectionSettings settings = settingsFor(silent.serverPort());
    settings.requestTimeoutMs = 300;
    client.setSettings(settings);
    QSignalSpy pollFailed(&client, &PollingClient::pollFailed);
    client.start();
    Outcome outcome;
    ask(client, QStringLiteral("ack_alarm"), {{QLatin1StringView("alarmId"), QStringLiteral("1")}}, &outcome);
    QTRY_COMPARE(outcome.calls, 1);
    QCOMPARE(outcome.result.error.code, QStringLiteral("timeout"));

    // The snapshot request times out too, and the client keeps trying.
    QTRY_VERIFY(pollFailed.count() >= 2);
    QVERIFY(client.isRunning());
    QVERIFY(!client.isPolling());

    // Stopping answers a request still in flight, once, as offline.
    settings.requestTimeoutMs = 60000;
    client.setSettings(settings);
    Outcome pending;
    ask(client, QStringLiteral("command"), {{QLatin1StringView("commandId"), QStringLiteral("c")}}, &pending);
    QCOMPARE(pending.calls, 0);
    client.stop();
    QCOMPARE(pending.calls, 1);
    QCOMPARE(pending.result.error.code, QStringLiteral("offline"));
    QVERIFY(!pollFailed.wait(300));
    QCOMPARE(pending.calls, 1);
}

void TestPollingClient::s8_gatewayErrorOnACommandIsAServerError()
{
    // A gateway in front of the server answers 502, with a body that names
    // a refusal: that proves nothing about whether the command ran.
    QTcpServer gateway;
    QVERIFY(gateway.listen(QHostAddress::LocalHost, 0));
    connect(&gateway, &QTcpServer::newConnection, this, [&gateway] {
        while (QTcpSocket *socket = gateway.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                const QByteArray body = R"({"error":{"code":"interlock","message":"upstream said no"}})";
                socket->write("HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    PollingClient client;
    client.setSettings(settingsFor(gateway.serverPort()));
    client.start();
    Outcome outcome;
    ask(client, QStringLiteral("command"),
        {{QLatin1StringView("commandId"), QStringLiteral("c")},
         {QLatin1StringView("endpointId"), QStringLiteral("T1.V101.open")},
         {QLatin1StringView("value"), true}},
        &outcome);
    QTRY_COMPARE(outcome.calls, 1);
    QVERIFY(!outcome.result.ok);
    QCOMPARE(outcome.result.error.code, QStringLiteral("server_error"));
    client.stop();
}

void TestPollingClient::httpsTrustsOnlyWhatItIsGiven()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    SimOptions options = quietWorld();
    QVERIFY(!options.loadTls(cert, key));
    SimHost server(options);
    QVERIFY(server.listen());
    QVERIFY(server.url().startsWith(QLatin1StringView("wss://")));

    // A self-signed certificate is not in the system store: refused, not ignored.
    PollingClient untrusting;
    ConnectionSettings secure = settingsFor(server.port());
    secure.url = QUrl(server.url());
    untrusting.setSettings(secure);
    QSignalSpy pollFailed(&untrusting, &PollingClient::pollFailed);
    QSignalSpy untrustedMessages(&untrusting, &PollingClient::messageReceived);
    untrusting.start();
    QTRY_VERIFY(pollFailed.count() >= 1);
    QCOMPARE(untrustedMessages.count(), 0);
    QVERIFY(!untrusting.isPolling());
    untrusting.stop();

    // Given the certificate as a CA, the same server is polled over https.
    PollingClient trusting;
    trusting.setSettings(secure);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(QSslCertificate::fromPath(cert));
    trusting.setSslConfiguration(tls);
    Recorder recorder(&trusting);
    trusting.start();
    QTRY_VERIFY(trusting.isPolling());
    const auto snapshot = recorder.lastSnapshot();
    QVERIFY(snapshot);
    QCOMPARE(snapshot->drones.size(), server.fleet().size());
}

QTEST_GUILESS_MAIN(TestPollingClient)
#include "tst_pollingclient.moc"
