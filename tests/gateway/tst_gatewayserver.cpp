#include "gateway/gatewaytestclient.h"
#include "gatewayserver.h"
#include "simworld.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <memory>
#include <vector>

namespace {

// The gateway core's server alone (no REST fallback) over the simulated plant.
class SimulatedServer : public GatewayServer
{
public:
    explicit SimulatedServer(const SimOptions &options)
        : GatewayServer(options, std::make_unique<SimWorld>(options))
    { }
    const SimWorld &world() const { return static_cast<const SimWorld &>(source()); }
};

// An opening handshake written by hand, for clients that must misbehave in
// ways QWebSocket will not.
constexpr char kHandshake[] = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

// A client's text frame, masked (with a zero key) as a client's must be.
QByteArray clientTextFrame(const QJsonObject &message)
{
    const QByteArray payload = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray frame(1, char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    frame.append(4, '\0'); // the masking key: XOR with zero leaves the payload as it is
    return frame + payload;
}

// Connects `raw` as a console that reads slowly (4 KiB buffers), signs in as
// `operatorName` and subscribes to everything; true once the upgrade is
// answered. What it does next is the test's.
bool openSlowConsole(QTcpSocket &raw, quint16 port, const QString &operatorName)
{
    raw.setReadBufferSize(4096);
    raw.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    raw.connectToHost(QHostAddress::LocalHost, port);
    if (!raw.waitForConnected())
        return false;
    raw.write(kHandshake);
    if (!QTest::qWaitFor([&raw] { return raw.peek(4096).contains("\r\n\r\n"); }))
        return false;
    raw.write(clientTextFrame({{QLatin1StringView("type"), QStringLiteral("auth")},
                               {QLatin1StringView("id"), 1},
                               {QLatin1StringView("token"), QStringLiteral("t")},
                               {QLatin1StringView("operator"), operatorName}}));
    raw.write(clientTextFrame({{QLatin1StringView("type"), QStringLiteral("subscribe")},
                               {QLatin1StringView("id"), 2},
                               {QLatin1StringView("channel"), QStringLiteral("all")}}));
    return true;
}

} // namespace

// The reference server tested from the wire, with bare WebSocket clients.
class TestGatewayServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helloAuthSubscribeSnapshotThenNumberedEvents();
    void requests_data();
    void requests();
    void rolesFromTokens();
    void shelvingIsAnAuthorisedAct();
    void wrongTokenClosesWith4001();
    void noAuthInTimeClosesWith4008NamingTheDeadline();
    void filtersLimitSnapshotAndEvents();
    void refreshResendsSnapshots();
    void resumeReplaysWhatWasMissed();
    void resumeTooFarBackNeedsResync();
    void sessionOfAnEarlierRunIsNotResumed();
    void sessionIdsCannotBeGuessed();
    void anotherTokenCannotTakeOverASession();
    void adminBroadcastReachesEveryone();
    void presenceFollowsConsoles();
    void presenceSnapshotIsBounded();
    void sessionsPerTokenAreCapped();
    void sessionsInTotalAreCapped();
    void connectionLimitCloses1013();
    void rateLimitAnswersThenCloses1008();
    void subscriptionLimit();
    void oversizedFrameCloses1009();
    void malformedStreakCloses1007();
    void overLimitClosesArriveAsSent_data();
    void overLimitClosesArriveAsSent();
    void clientThatNeverReadsIsDropped();
    void closeFrameFollowsWhatTheConsoleHasNotReadYet();
    void shutDownServerEndsEveryConnection();
    void silentClientIsEvicted();
    void misbehavingClientDoesNotDisturbOthers();

private:
    static SimOptions fast();
    static QString typeOf(const QJsonObject &m) { return m.value(QLatin1StringView("type")).toString(); }
    static QString errorCode(const QJsonObject &result)
    {
        return result.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
    }
};

SimOptions TestGatewayServer::fast()
{
    SimOptions o;
    o.drones = 4;
    o.rate = 50.0; // a drone report every 100 ms
    return o;
}

void TestGatewayServer::helloAuthSubscribeSnapshotThenNumberedEvents()
{
    SimulatedServer server(fast());
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());

    const QJsonObject hello = c.waitForType(QStringLiteral("hello"));
    QCOMPARE(hello.value(QLatin1StringView("protocol")).toInt(), 1);
    QVERIFY(hello.value(QLatin1StringView("server")).toString().startsWith(QStringLiteral("watchfloor-sim")));
    QCOMPARE(hello.value(QLatin1StringView("heartbeatMs")).toInt(), 15000);
    QCOMPARE(c.socket().subprotocol(), QString()); // not offered by this client

    const QJsonObject auth = c.authenticate();
    QVERIFY(auth.value(QLatin1StringView("ok")).toBool());
    const QJsonObject grant = auth.value(QLatin1StringView("data")).toObject();
    QVERIFY(!grant.value(QLatin1StringView("sessionId")).toString().isEmpty());
    QCOMPARE(grant.value(QLatin1StringView("role")).toString(), QStringLiteral("operator"));

    const qsizetype before = c.messages.size();
    QVERIFY(c.subscribe(QStringLiteral("drones")).value(QLatin1StringView("ok")).toBool());
    const QJsonObject snapshot = c.waitForType(QStringLiteral("snapshot"), 5000, before);
    QCOMPARE(snapshot.value(QLatin1StringView("channel")).toString(), QStringLiteral("drones"));
    QCOMPARE(snapshot.value(QLatin1StringView("items")).toArray().size(), 4);
    QCOMPARE(snapshot.value(QLatin1StringView("seq")).toInteger(), 1);
    // Nothing of the channel comes between the result and the snapshot.
    const qsizetype resultAt = c.messages.indexOf(c.waitForType(QStringLiteral("result"), 0, before));
    QCOMPARE(c.messages.at(resultAt + 1), snapshot);

    QTRY_VERIFY(c.ofType(QStringLiteral("drone_update")).size() >= 8);
    qint64 expected = 2;
    for (const QJsonObject &m : std::as_const(c.messages)) {
        if (!m.contains(QLatin1StringView("seq")))
            continue;
        if (m.value(QLatin1StringView("seq")).toInteger() == 1)
            continue;
        QCOMPARE(m.value(QLatin1StringView("seq")).toInteger(), expected++);
        QVERIFY(m.value(QLatin1StringView("ts")).toInteger() > 0);
    }
}

void TestGatewayServer::requests_data()
{
    QTest::addColumn<bool>("authenticated");
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("expected"); // "ok", an error code, or "pong"

    const auto req = [](std::initializer_list<QPair<QString, QJsonValue>> fields) {
        QJsonObject o;
        for (const auto &[k, v] : fields)
            o.insert(k, v);
        return o;
    };
    const QString type = QStringLiteral("type");
    QTest::newRow("ping before auth") << false << req({{type, QStringLiteral("ping")}}) << QStringLiteral("pong");
    QTest::newRow("subscribe before auth")
        << false << req({{type, QStringLiteral("subscribe")}, {QStringLiteral("channel"), QStringLiteral("drones")}})
        << QStringLiteral("unauthorized");
    QTest::newRow("unknown type") << true << req({{type, QStringLiteral("teleport")}}) << QStringLiteral("bad_request");
    QTest::newRow("unknown channel") << true
                                     << req({{type, QStringLiteral("subscribe")},
                                             {QStringLiteral("channel"), QStringLiteral("weather")}})
                                     << QStringLiteral("bad_request");
    QTest::newRow("filter not an array") << true
                                         << req({{type, QStringLiteral("subscribe")},
                                                 {QStringLiteral("channel"), QStringLiteral("drones")},
                                                 {QStringLiteral("serials"), QStringLiteral("WF-D0001")}})
                                         << QStringLiteral("bad_request");
    QTest::newRow("subscribe health") << true
                                      << req({{type, QStringLiteral("subscribe")},
                                              {QStringLiteral("channel"), QStringLiteral("health")}})
                                      << QStringLiteral("ok");
    QTest::newRow("unsubscribe") << true
                                 << req({{type, QStringLiteral("unsubscribe")},
                                         {QStringLiteral("channel"), QStringLiteral("drones")}})
                                 << QStringLiteral("ok");
    QTest::newRow("second auth") << true
                                 << req({{type, QStringLiteral("auth")},
                                         {QStringLiteral("token"), QStringLiteral("t")}})
                                 << QStringLiteral("bad_request");
    QTest::newRow("resume unknown session") << true
                                            << req({{type, QStringLiteral("resume")},
                                                    {QStringLiteral("sessionId"), QStringLiteral("s-none")},
                                                    {QStringLiteral("lastSeq"), 3}})
                                            << QStringLiteral("resync_required");
    QTest::newRow("resume without lastSeq")
        << true << req({{type, QStringLiteral("resume")}, {QStringLiteral("sessionId"), QStringLiteral("s-none")}})
        << QStringLiteral("bad_request");
    QTest::newRow("stats as operator") << true << req({{type, QStringLiteral("stats")}}) << QStringLiteral("forbidden");
    QTest::newRow("broadcast as operator")
        << true << req({{type, QStringLiteral("broadcast")}, {QStringLiteral("message"), QStringLiteral("hi")}})
        << QStringLiteral("forbidden");
    QTest::newRow("refresh") << true << req({{type, QStringLiteral("request_data_refresh")}}) << QStringLiteral("ok");
}

void TestGatewayServer::requests()
{
    QFETCH(bool, authenticated);
    QFETCH(QJsonObject, request);
    QFETCH(QString, expected);

    SimulatedServer server(fast());
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    QVERIFY(!c.waitForType(QStringLiteral("hello")).isEmpty());
    if (authenticated)
        QVERIFY(c.authenticate().value(QLatin1StringView("ok")).toBool());

    if (expected == u"pong") {
        request.insert(QLatin1StringView("id"), 99);
        c.send(request);
        const QJsonObject pong = c.waitForType(QStringLiteral("pong"));
        QCOMPARE(pong.value(QLatin1StringView("id")).toInt(), 99);
        return;
    }
    const QJsonObject result = c.request(request);
    QVERIFY2(!result.isEmpty(), "no result");
    if (expected == u"ok") {
        QVERIFY2(result.value(QLatin1StringView("ok")).toBool(), qPrintable(errorCode(result)));
    } else {
        QVERIFY(!result.value(QLatin1StringView("ok")).toBool());
        QCOMPARE(errorCode(result), expected);
        QVERIFY(!result.value(QLatin1StringView("error"))
                     .toObject()
                     .value(QLatin1StringView("message"))
                     .toString()
                     .isEmpty());
    }
    QVERIFY(!c.closed); // a refused request never costs the connection
}

void TestGatewayServer::rolesFromTokens()
{
    SimOptions o = fast();
    o.tokens = {{QStringLiteral("v"), QStringLiteral("viewer")},
                {QStringLiteral("o"), QStringLiteral("operator")},
                {QStringLiteral("a"), QStringLiteral("admin")}};
    SimulatedServer server(o);
    QVERIFY(server.listen());
    for (const auto &[token, role] :
         {std::pair {"v", "viewer"}, std::pair {"o", "operator"}, std::pair {"a", "admin"}}) {
        GatewayTestClient c(server.url());
        const QJsonObject auth = c.authenticate(QLatin1StringView(token));
        QCOMPARE(auth.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("role")).toString(),
                 QLatin1StringView(role));
        const QJsonObject stats = c.request({{QLatin1StringView("type"), QStringLiteral("stats")}});
        QCOMPARE(stats.value(QLatin1StringView("ok")).toBool(), QLatin1StringView(role) == u"admin");
        if (QLatin1StringView(role) == u"admin") {
            const QJsonObject data = stats.value(QLatin1StringView("data")).toObject();
            QVERIFY(data.value(QLatin1StringView("connections")).toInt() >= 1);
            QVERIFY(data.contains(QLatin1StringView("replayBufferDepth")));
            QVERIFY(data.contains(QLatin1StringView("eventsOutPerSecond")));
        }
    }
}

// Shelving silences an alarm for every console: only an operator may, only
// with a reason, and the server records the operator its session
// authenticated, never a name the request states.
void TestGatewayServer::shelvingIsAnAuthorisedAct()
{
    SimOptions o = fast();
    o.drones = 12;
    o.scenarios = {QStringLiteral("alarm-flood")};
    o.tokens = {{QStringLiteral("v"), QStringLiteral("viewer")}, {QStringLiteral("o"), QStringLiteral("operator")}};
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient carol(server.url());
    QVERIFY(carol.authenticate(QStringLiteral("o"), QStringLiteral("carol")).value(u"ok").toBool());
    carol.subscribe(QStringLiteral("alarms"));
    const QJsonObject alarm = carol.waitFor([](const QJsonObject &m) { return typeOf(m) == u"alarm"; }, 15000);
    const QString alarmId = alarm.value(QLatin1StringView("alarmId")).toString();
    QVERIFY(!alarmId.isEmpty());
    const auto shelve = [&alarmId](GatewayTestClient &c, QJsonObject fields) {
        fields.insert(QLatin1StringView("type"), QStringLiteral("shelve_alarm"));
        fields.insert(QLatin1StringView("alarmId"), alarmId);
        return c.request(fields);
    };
    const auto stateOf
        = [&] { return server.alarms().alarmJson(alarmId).value(QLatin1StringView("state")).toString(); };
    const auto messageOf = [](const QJsonObject &result) {
        return result.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString();
    };

    // A viewer's token: refused, saying what it would have needed; nothing changes.
    GatewayTestClient victor(server.url());
    QVERIFY(victor.authenticate(QStringLiteral("v"), QStringLiteral("victor")).value(u"ok").toBool());
    const QJsonObject byViewer
        = shelve(victor, {{QLatin1StringView("minutes"), 10}, {QLatin1StringView("reason"), QStringLiteral("noisy")}});
    QCOMPARE(errorCode(byViewer), QStringLiteral("forbidden"));
    QCOMPARE(messageOf(byViewer), QStringLiteral("the role viewer may not shelve alarms; it needs the role operator"));
    QVERIFY(stateOf() != u"shelved");

    // No reason, an empty one or blanks only: refused, saying why.
    for (const QJsonValue &reason :
         {QJsonValue(QJsonValue::Undefined), QJsonValue(QString()), QJsonValue(QStringLiteral("   "))}) {
        QJsonObject fields {{QLatin1StringView("minutes"), 10}};
        if (!reason.isUndefined())
            fields.insert(QLatin1StringView("reason"), reason);
        const QJsonObject refused = shelve(carol, fields);
        QCOMPARE(errorCode(refused), QStringLiteral("bad_request"));
        QVERIFY2(messageOf(refused).contains(QStringLiteral("needs a reason")), qPrintable(messageOf(refused)));
        QVERIFY(stateOf() != u"shelved");
    }

    // An operator: recorded with the name the session signed in with, not
    // the one the request claims, and with the reason.
    const QJsonObject shelved = shelve(carol,
                                       {{QLatin1StringView("minutes"), 10},
                                        {QLatin1StringView("reason"), QStringLiteral(" sensor under repair ")},
                                        {QLatin1StringView("operator"), QStringLiteral("mallory")}});
    QVERIFY2(shelved.value(u"ok").toBool(), qPrintable(messageOf(shelved)));
    const QJsonObject data = shelved.value(QLatin1StringView("data")).toObject();
    QCOMPARE(data.value(QLatin1StringView("shelvedBy")).toString(), QStringLiteral("carol"));
    QCOMPARE(data.value(QLatin1StringView("shelveReason")).toString(), QStringLiteral("sensor under repair"));
    QCOMPARE(stateOf(), QStringLiteral("shelved"));
    QCOMPARE(server.alarms().alarmJson(alarmId).value(QLatin1StringView("shelvedBy")).toString(),
             QStringLiteral("carol"));
}

void TestGatewayServer::wrongTokenClosesWith4001()
{
    SimOptions o = fast();
    o.tokens = {{QStringLiteral("right"), QStringLiteral("operator")}};
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    const QJsonObject auth = c.authenticate(QStringLiteral("wrong"));
    QCOMPARE(errorCode(auth), QStringLiteral("unauthorized"));
    QTRY_VERIFY(c.closed);
    QCOMPARE(c.closeCode, 4001);
}

void TestGatewayServer::noAuthInTimeClosesWith4008NamingTheDeadline()
{
    // A late sign-in is not a refused token: its own code, so that a console
    // whose link stalled reconnects instead of giving up, and a reason that
    // names the deadline in force, not the default's.
    SimOptions o = fast();
    o.authTimeoutMs = 200;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    QTRY_VERIFY(c.closed);
    QCOMPARE(c.closeCode, 4008);
    QCOMPARE(c.closeReason, QStringLiteral("sign-in timeout: no auth within 200 ms"));
}

void TestGatewayServer::filtersLimitSnapshotAndEvents()
{
    SimulatedServer server(fast());
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate();
    const QString wanted = server.world().fleet().drone(1).serial;
    QVERIFY(c.subscribe(QStringLiteral("drones"), {{QLatin1StringView("serials"), QJsonArray {wanted}}})
                .value(QLatin1StringView("ok"))
                .toBool());
    const QJsonArray items = c.waitForType(QStringLiteral("snapshot")).value(QLatin1StringView("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(QLatin1StringView("serial")).toString(), wanted);
    QTRY_VERIFY(c.ofType(QStringLiteral("drone_update")).size() >= 3);
    for (const QJsonObject &u : c.ofType(QStringLiteral("drone_update")))
        QCOMPARE(u.value(QLatin1StringView("serial")).toString(), wanted);
}

void TestGatewayServer::refreshResendsSnapshots()
{
    SimulatedServer server(fast());
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate();
    c.subscribe(QStringLiteral("drones"));
    c.subscribe(QStringLiteral("health"));
    QTRY_COMPARE(c.ofType(QStringLiteral("snapshot")).size(), 2);
    QVERIFY(c.request({{QLatin1StringView("type"), QStringLiteral("request_data_refresh")}})
                .value(QLatin1StringView("ok"))
                .toBool());
    QTRY_COMPARE(c.ofType(QStringLiteral("snapshot")).size(), 4);
}

void TestGatewayServer::resumeReplaysWhatWasMissed()
{
    SimulatedServer server(fast());
    QVERIFY(server.listen());
    QString sessionId;
    qint64 lastSeq = 0;
    {
        GatewayTestClient first(server.url());
        sessionId = first.authenticate()
                        .value(QLatin1StringView("data"))
                        .toObject()
                        .value(QLatin1StringView("sessionId"))
                        .toString();
        first.subscribe(QStringLiteral("drones"));
        QTRY_VERIFY(first.ofType(QStringLiteral("drone_update")).size() >= 2);
        lastSeq = first.ofType(QStringLiteral("drone_update")).last().value(QLatin1StringView("seq")).toInteger();
        first.socket().abort(); // the link drops without a goodbye
    }
    QTest::qWait(400); // the world goes on: about 16 reports happen meanwhile

    GatewayTestClient second(server.url());
    second.authenticate();
    const QJsonObject resumed = second.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                                                {QLatin1StringView("sessionId"), sessionId},
                                                {QLatin1StringView("lastSeq"), lastSeq}});
    QVERIFY2(resumed.value(QLatin1StringView("ok")).toBool(), qPrintable(errorCode(resumed)));
    const int replayed
        = resumed.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("replayed")).toInt();
    QVERIFY(replayed >= 4);

    // Every event after lastSeq arrives exactly once, in order, then live ones continue.
    QTRY_VERIFY(second.ofType(QStringLiteral("drone_update")).size() >= replayed + 4);
    qint64 expected = lastSeq + 1;
    for (const QJsonObject &m : std::as_const(second.messages)) {
        if (typeOf(m) == u"drone_update")
            QCOMPARE(m.value(QLatin1StringView("seq")).toInteger(), expected++);
    }
}

void TestGatewayServer::sessionOfAnEarlierRunIsNotResumed()
{
    // A console held a session of the server before it restarted; the new
    // run opens sessions of its own, as many, for the same operator. The old
    // id must not name one of them: resuming it would replay another
    // session's tail onto a list built from the old run's events.
    const auto sessionOf = [](GatewayTestClient &client) {
        return client.authenticate()
            .value(QLatin1StringView("data"))
            .toObject()
            .value(QLatin1StringView("sessionId"))
            .toString();
    };
    QString before;
    {
        SimulatedServer earlier(fast());
        QVERIFY(earlier.listen());
        GatewayTestClient client(earlier.url());
        before = sessionOf(client);
        QVERIFY(!before.isEmpty());
    }
    SimulatedServer restarted(fast()); // the same seed, as a restart with the same command line
    QVERIFY(restarted.listen());
    GatewayTestClient abandoned(restarted.url());
    const QString now = sessionOf(abandoned);
    QVERIFY(!now.isEmpty());
    QVERIFY2(now != before, qPrintable(now));
    GatewayTestClient console(restarted.url());
    console.authenticate();
    const QJsonObject resumed = console.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                                                 {QLatin1StringView("sessionId"), before},
                                                 {QLatin1StringView("lastSeq"), 0}});
    QVERIFY(!resumed.value(QLatin1StringView("ok")).toBool());
    QCOMPARE(errorCode(resumed), QStringLiteral("resync_required"));
}

void TestGatewayServer::sessionIdsCannotBeGuessed()
{
    // Ids are random, not counted: knowing one's own tells nothing of the next.
    SimulatedServer server(fast());
    QVERIFY(server.listen());
    QSet<QString> ids;
    for (int i = 0; i < 3; ++i) {
        GatewayTestClient client(server.url());
        const QString id = client.authenticate()
                               .value(QLatin1StringView("data"))
                               .toObject()
                               .value(QLatin1StringView("sessionId"))
                               .toString();
        QVERIFY2(id.startsWith(u"s-"), qPrintable(id));
        const QUuid uuid = QUuid::fromString(id.mid(2));
        QVERIFY2(!uuid.isNull() && uuid.version() == QUuid::Random, qPrintable(id));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), 3);
}

void TestGatewayServer::anotherTokenCannotTakeOverASession()
{
    // Two operator tokens; the second claims the first console's name and
    // its session id. It must neither resume that session nor close its
    // console, which keeps receiving its events.
    SimOptions o = fast();
    o.tokens = {{QStringLiteral("alice-token"), QStringLiteral("operator")},
                {QStringLiteral("mallory-token"), QStringLiteral("operator")}};
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient alice(server.url());
    const QString sessionId = alice.authenticate(QStringLiteral("alice-token"), QStringLiteral("alice"))
                                  .value(QLatin1StringView("data"))
                                  .toObject()
                                  .value(QLatin1StringView("sessionId"))
                                  .toString();
    alice.subscribe(QStringLiteral("drones"));
    QTRY_VERIFY(!alice.ofType(QStringLiteral("drone_update")).isEmpty());

    GatewayTestClient mallory(server.url());
    QVERIFY(mallory.authenticate(QStringLiteral("mallory-token"), QStringLiteral("alice"))
                .value(QLatin1StringView("ok"))
                .toBool());
    const QJsonObject taken = mallory.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                                               {QLatin1StringView("sessionId"), sessionId},
                                               {QLatin1StringView("lastSeq"), 0}});
    QVERIFY(!taken.value(QLatin1StringView("ok")).toBool());
    QCOMPARE(errorCode(taken), QStringLiteral("resync_required"));

    const qsizetype before = alice.ofType(QStringLiteral("drone_update")).size();
    QTRY_VERIFY(alice.ofType(QStringLiteral("drone_update")).size() > before + 2);
    QCOMPARE(alice.socket().state(), QAbstractSocket::ConnectedState);

    // The same credential still resumes it, after its link dropped.
    alice.socket().abort();
    GatewayTestClient again(server.url());
    again.authenticate(QStringLiteral("alice-token"), QStringLiteral("alice"));
    const QJsonObject resumed = again.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                                               {QLatin1StringView("sessionId"), sessionId},
                                               {QLatin1StringView("lastSeq"), 0}});
    QVERIFY2(resumed.value(QLatin1StringView("ok")).toBool(), qPrintable(errorCode(resumed)));
}

void TestGatewayServer::resumeTooFarBackNeedsResync()
{
    SimOptions o = fast();
    o.replayEvents = 5;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient first(server.url());
    const QString sessionId = first.authenticate()
                                  .value(QLatin1StringView("data"))
                                  .toObject()
                                  .value(QLatin1StringView("sessionId"))
                                  .toString();
    first.subscribe(QStringLiteral("drones"));
    QTRY_VERIFY(first.ofType(QStringLiteral("drone_update")).size() >= 10);

    GatewayTestClient second(server.url());
    second.authenticate();
    const QJsonObject resumed = second.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                                                {QLatin1StringView("sessionId"), sessionId},
                                                {QLatin1StringView("lastSeq"), 1}});
    QCOMPARE(errorCode(resumed), QStringLiteral("resync_required"));
}

void TestGatewayServer::adminBroadcastReachesEveryone()
{
    SimOptions o = fast();
    o.tokens = {{QStringLiteral("a"), QStringLiteral("admin")}, {QStringLiteral("o"), QStringLiteral("operator")}};
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient admin(server.url());
    GatewayTestClient listener(server.url());
    admin.authenticate(QStringLiteral("a"), QStringLiteral("root"));
    listener.authenticate(QStringLiteral("o"), QStringLiteral("bob"));
    listener.subscribe(QStringLiteral("alarms"));
    listener.subscribe(QStringLiteral("presence"));
    const QJsonObject result
        = admin.request({{QLatin1StringView("type"), QStringLiteral("broadcast")},
                         {QLatin1StringView("message"), QStringLiteral("Test alert, please ignore")},
                         {QLatin1StringView("level"), QStringLiteral("warning")}});
    QVERIFY(result.value(QLatin1StringView("ok")).toBool());
    const QJsonObject alert = listener.waitFor([](const QJsonObject &m) {
        return m.value(QLatin1StringView("type")).toString() == u"system_alert"
            && m.value(QLatin1StringView("message")).toString() == u"Test alert, please ignore";
    });
    QCOMPARE(alert.value(QLatin1StringView("level")).toString(), QStringLiteral("warning"));
    const QJsonObject activity = listener.waitForType(QStringLiteral("user_activity"));
    QCOMPARE(activity.value(QLatin1StringView("operator")).toString(), QStringLiteral("root"));
    QCOMPARE(activity.value(QLatin1StringView("action")).toString(), QStringLiteral("broadcast"));
}

void TestGatewayServer::presenceFollowsConsoles()
{
    // Presence goes out as changes, one operator each, not as the whole list
    // on every arrival: the cost of an arrival does not grow with the room.
    SimOptions options = fast();
    options.maxConnections = 40;
    SimulatedServer server(options);
    QVERIFY(server.listen());
    GatewayTestClient alice(server.url());
    alice.authenticate(QStringLiteral("t"), QStringLiteral("alice"));
    alice.subscribe(QStringLiteral("presence"));
    const QJsonObject snapshot = alice.waitForType(QStringLiteral("snapshot"));
    QCOMPARE(snapshot.value(QLatin1StringView("items")).toArray().size(), 1);
    QCOMPARE(snapshot.value(QLatin1StringView("total")).toInt(), 1);

    const auto names = [](const QJsonObject &m, const char *list) {
        QStringList out;
        for (const auto &o : m.value(QLatin1StringView(list)).toArray())
            out << o.toObject().value(QLatin1StringView("name")).toString();
        return out;
    };
    const auto changes = [&alice] { return alice.ofType(QStringLiteral("presence_changed")); };
    auto bob = std::make_unique<GatewayTestClient>(server.url());
    bob->authenticate(QStringLiteral("t"), QStringLiteral("bob"));
    QTRY_COMPARE(changes().size(), 1);
    QCOMPARE(names(changes().last(), "joined"), QStringList {QStringLiteral("bob")});
    QVERIFY(names(changes().last(), "left").isEmpty());
    QCOMPARE(changes()
                 .last()
                 .value(QLatin1StringView("joined"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1StringView("role")),
             QStringLiteral("operator"));

    // A second console of bob's (same name, same client) changes nothing;
    // nor does its going while the first stays.
    auto bobAgain = std::make_unique<GatewayTestClient>(server.url());
    bobAgain->authenticate(QStringLiteral("t"), QStringLiteral("bob"));
    bobAgain.reset();
    QTest::qWait(300);
    QCOMPARE(changes().size(), 1);
    bob.reset();
    QTRY_COMPARE(changes().size(), 2);
    QCOMPARE(names(changes().last(), "left"), QStringList {QStringLiteral("bob")});
    QVERIFY(names(changes().last(), "joined").isEmpty());

    // Thirty arrivals: thirty changes of one operator each.
    std::vector<std::unique_ptr<GatewayTestClient>> crowd;
    for (int i = 0; i < 30; ++i) {
        crowd.push_back(std::make_unique<GatewayTestClient>(server.url()));
        crowd.back()->authenticate(QStringLiteral("t"), QStringLiteral("op-%1").arg(i));
    }
    QTRY_COMPARE(changes().size(), 32);
    for (const QJsonObject &change : changes())
        QCOMPARE(change.value(QLatin1StringView("joined")).toArray().size()
                     + change.value(QLatin1StringView("left")).toArray().size(),
                 1);
}

void TestGatewayServer::presenceSnapshotIsBounded()
{
    SimOptions options = fast();
    options.maxConnections = 230;
    SimulatedServer server(options);
    QVERIFY(server.listen());
    std::vector<std::unique_ptr<GatewayTestClient>> crowd;
    for (int i = 0; i < 210; ++i) {
        crowd.push_back(std::make_unique<GatewayTestClient>(server.url()));
        QVERIFY(crowd.back()
                    ->authenticate(QStringLiteral("t"), QStringLiteral("op-%1").arg(i))
                    .value(QLatin1StringView("ok"))
                    .toBool());
    }
    const QJsonObject snapshot = [&] {
        GatewayTestClient watcher(server.url());
        watcher.authenticate(QStringLiteral("t"), QStringLiteral("watcher"));
        watcher.subscribe(QStringLiteral("presence"));
        return watcher.waitForType(QStringLiteral("snapshot"));
    }();
    QCOMPARE(snapshot.value(QLatin1StringView("items")).toArray().size(), 200);
    QCOMPARE(snapshot.value(QLatin1StringView("total")).toInt(), 211);
}

void TestGatewayServer::sessionsPerTokenAreCapped()
{
    // A token opening and closing sessions in a loop keeps at most its share
    // waiting for `resume`; the longest-waiting go first.
    SimOptions options = fast();
    options.maxWaitingSessionsPerToken = 3;
    SimulatedServer server(options);
    QVERIFY(server.listen());
    for (int i = 0; i < 12; ++i) {
        GatewayTestClient churn(server.url());
        QVERIFY(churn.authenticate(QStringLiteral("churn")).value(QLatin1StringView("ok")).toBool());
        churn.socket().close();
        QTRY_VERIFY(churn.closed);
    }
    QTRY_COMPARE(server.clientCount(), 0);
    QCOMPARE(server.stats().value(QLatin1StringView("sessions")).toInt(), 3);

    // Another credential is not touched by it.
    GatewayTestClient other(server.url());
    QVERIFY(other.authenticate(QStringLiteral("other")).value(QLatin1StringView("ok")).toBool());
    QCOMPARE(server.stats().value(QLatin1StringView("sessions")).toInt(), 4);

    // Sessions in use do not count: ten consoles of one token (a wall of
    // floor screens) all sign in and stay.
    std::vector<std::unique_ptr<GatewayTestClient>> busy;
    for (int i = 0; i < 10; ++i) {
        busy.push_back(std::make_unique<GatewayTestClient>(server.url()));
        QVERIFY(busy.back()->authenticate(QStringLiteral("churn")).value(QLatin1StringView("ok")).toBool());
    }
    QCOMPARE(server.stats().value(QLatin1StringView("sessions")).toInt(), 14);
    QTest::qWait(200);
    for (const auto &console : busy)
        QVERIFY(!console->closed);
}

void TestGatewayServer::sessionsInTotalAreCapped()
{
    SimOptions options = fast();
    options.maxWaitingSessions = 4;
    SimulatedServer server(options);
    QVERIFY(server.listen());
    QString kept;
    for (int i = 0; i < 10; ++i) {
        GatewayTestClient churn(server.url());
        const QJsonObject ok = churn.authenticate(QStringLiteral("token-%1").arg(i));
        QVERIFY(ok.value(QLatin1StringView("ok")).toBool());
        kept = ok.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("sessionId")).toString();
        churn.socket().close();
        QTRY_VERIFY(churn.closed);
        QTest::qWait(5); // detached one after another
    }
    QTRY_COMPARE(server.clientCount(), 0);
    QCOMPARE(server.stats().value(QLatin1StringView("sessions")).toInt(), 4);
    // The most recently detached is among those kept: it can be resumed.
    QVERIFY(server.sessionSeq(kept));
}

void TestGatewayServer::connectionLimitCloses1013()
{
    SimOptions o = fast();
    o.maxConnections = 2;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient a(server.url());
    GatewayTestClient b(server.url());
    QVERIFY(!a.waitForType(QStringLiteral("hello")).isEmpty());
    QVERIFY(!b.waitForType(QStringLiteral("hello")).isEmpty());

    // Qt 6.4's client turns 1013 into 1002 (it predates that code), so read
    // the close frame off a raw socket to see what the server really sent.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(raw.waitForConnected());
    raw.write(kHandshake);
    QByteArray received;
    QTRY_VERIFY((received += raw.readAll()).contains("\r\n\r\n")
                && received.indexOf("\r\n\r\n") + 4 + 4 <= received.size());
    const QByteArray frame = received.mid(received.indexOf("\r\n\r\n") + 4);
    QCOMPARE(quint8(frame.at(0)), quint8(0x88)); // FIN + close
    QCOMPARE((quint8(frame.at(2)) << 8) | quint8(frame.at(3)), 1013);
    QVERIFY(!a.closed);
    QVERIFY(!b.closed);
}

void TestGatewayServer::rateLimitAnswersThenCloses1008()
{
    SimOptions o = fast();
    o.messagesPerSecond = 2;
    o.messageBurst = 5;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate();
    for (int i = 0; i < 8; ++i)
        c.send({{QLatin1StringView("type"), QStringLiteral("ping")}, {QLatin1StringView("id"), 100 + i}});
    const QJsonObject limited = c.waitFor([](const QJsonObject &m) {
        return m.value(QLatin1StringView("type")).toString() == u"error"
            && m.value(QLatin1StringView("code")).toString() == u"rate_limited";
    });
    QVERIFY(!limited.isEmpty());
    QVERIFY(!c.closed);
    QVERIFY(c.ofType(QStringLiteral("pong")).size() <= 5);

    for (int i = 0; i < 40; ++i)
        c.send({{QLatin1StringView("type"), QStringLiteral("ping")}, {QLatin1StringView("id"), 200 + i}});
    QTRY_VERIFY(c.closed);
    QCOMPARE(c.closeCode, 1008);
}

void TestGatewayServer::subscriptionLimit()
{
    SimOptions o = fast();
    o.maxSubscriptions = 2;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate();
    QVERIFY(c.subscribe(QStringLiteral("drones")).value(QLatin1StringView("ok")).toBool());
    QVERIFY(c.subscribe(QStringLiteral("health")).value(QLatin1StringView("ok")).toBool());
    QCOMPARE(errorCode(c.subscribe(QStringLiteral("alarms"))), QStringLiteral("too_many_subscriptions"));
    QCOMPARE(errorCode(c.subscribe(QStringLiteral("all"))), QStringLiteral("too_many_subscriptions"));
}

void TestGatewayServer::oversizedFrameCloses1009()
{
    SimOptions o = fast();
    o.maxFrameBytes = 4096;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate();
    c.socket().sendTextMessage(QString(8192, u'x'));
    QTRY_VERIFY(c.closed);
    QCOMPARE(c.closeCode, 1009);
}

void TestGatewayServer::malformedStreakCloses1007()
{
    SimOptions o = fast();
    o.malformedLimit = 3;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    c.authenticate();
    c.socket().sendTextMessage(QStringLiteral("{nope"));
    QCOMPARE(c.waitForType(QStringLiteral("error")).value(QLatin1StringView("code")).toString(),
             QStringLiteral("bad_request"));
    c.socket().sendTextMessage(QStringLiteral("[1,2]"));
    QVERIFY(!c.closed);
    c.socket().sendTextMessage(QStringLiteral("{\"no\":\"type\"}"));
    QTRY_VERIFY(c.closed);
    QCOMPARE(c.closeCode, 1007);
}

void TestGatewayServer::overLimitClosesArriveAsSent_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<int>("expected"); // as a Qt 6.4 client reports it

    QTest::newRow("1013 too many connections") << QStringLiteral("connections") << 1002; // 1013 on the wire
    QTest::newRow("1008 wrong path") << QStringLiteral("path") << 1008;
    QTest::newRow("1009 message too big") << QStringLiteral("frame") << 1009;
    QTest::newRow("1008 message rate") << QStringLiteral("rate") << 1008;
    QTest::newRow("1007 malformed") << QStringLiteral("malformed") << 1007;
    QTest::newRow("4001 invalid token") << QStringLiteral("token") << 4001;
}

// Every over-limit close reaches the client as the code the server sent,
// never as 1006 (a connection that ended without a close frame), however
// many happen at once. Rounds of 10 clients at a time, 50 in all.
void TestGatewayServer::overLimitClosesArriveAsSent()
{
    QFETCH(QString, limit);
    QFETCH(int, expected);
    SimOptions o = fast();
    o.maxConnections = limit == u"connections" ? 2 : 100;
    o.maxFrameBytes = 4096;
    o.messagesPerSecond = 2;
    o.messageBurst = 5;
    o.malformedLimit = 3;
    o.tokens = {{QStringLiteral("good"), QStringLiteral("operator")}};
    SimulatedServer server(o);
    QVERIFY(server.listen());
    std::vector<std::unique_ptr<GatewayTestClient>> holders;
    if (limit == u"connections") {
        for (int i = 0; i < 2; ++i) {
            holders.push_back(std::make_unique<GatewayTestClient>(server.url()));
            QVERIFY(!holders.back()->waitForType(QStringLiteral("hello")).isEmpty());
        }
    }
    const QString url
        = limit == u"path" ? server.url().replace(QStringLiteral("/ws"), QStringLiteral("/other")) : server.url();
    QMap<int, int> seen; // close code -> clients
    for (int round = 0; round < 5; ++round) {
        std::vector<std::unique_ptr<GatewayTestClient>> clients;
        for (int i = 0; i < 10; ++i)
            clients.push_back(std::make_unique<GatewayTestClient>(url));
        for (auto &c : clients) {
            if (limit == u"connections" || limit == u"path")
                continue; // refused at once
            if (limit == u"token") {
                (void)c->authenticate(QStringLiteral("nobody"));
                continue;
            }
            QVERIFY(c->authenticate(QStringLiteral("good")).value(QLatin1StringView("ok")).toBool());
            if (limit == u"frame") {
                c->socket().sendTextMessage(QString(64 * 1024, u'x'));
            } else if (limit == u"rate") {
                for (int i = 0; i < 80; ++i)
                    c->send({{QLatin1StringView("type"), QStringLiteral("ping")}, {QLatin1StringView("id"), i}});
            } else if (limit == u"malformed") {
                for (int i = 0; i < 3; ++i)
                    c->socket().sendTextMessage(QStringLiteral("{nope"));
            }
        }
        for (auto &c : clients) {
            QTRY_VERIFY_WITH_TIMEOUT(c->closed, 10000);
            ++seen[c->closeCode];
        }
    }
    const QMap<int, int> all {{expected, 50}};
    if (seen != all) {
        QStringList codes;
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            codes.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
        QFAIL(qPrintable(QStringLiteral("close codes seen: ") + codes.join(QStringLiteral(", "))));
    }
}

// A console that stops reading is dropped with 4009 once what the server
// holds for it passes the bound, and the server never holds much more.
void TestGatewayServer::clientThatNeverReadsIsDropped()
{
    SimOptions o = fast();
    o.maxSendBufferBytes = 256 * 1024;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient good(server.url());
    QVERIFY(good.authenticate().value(QLatin1StringView("ok")).toBool());
    QVERIFY(good.subscribe(QStringLiteral("drones")).value(QLatin1StringView("ok")).toBool());

    // A raw client that completes the upgrade, authenticates, subscribes to
    // everything and never reads again: its buffers fill, then the server's.
    QTcpSocket raw;
    QVERIFY(openSlowConsole(raw, server.port(), QStringLiteral("slow")));
    QTRY_COMPARE(server.clientCount(), 2);
    server.setLoadRate(20000);

    qint64 deepest = 0;
    QElapsedTimer clock;
    clock.start();
    while (server.clientCount() > 1 && clock.elapsed() < 30000) {
        deepest = std::max<qint64>(deepest, server.stats().value(QLatin1StringView("sendBufferBytes")).toInteger());
        QTest::qWait(10);
    }
    QCOMPARE(server.clientCount(), 1);
    // The bound, and at most a frame or two beyond it before the check.
    QVERIFY2(deepest <= o.maxSendBufferBytes + 256 * 1024, qPrintable(QString::number(deepest)));
    QVERIFY(deepest > 0);
    server.setLoadRate(0);
    QVERIFY(!good.closed);
    const qsizetype before = good.ofType(QStringLiteral("drone_update")).size();
    QTRY_VERIFY(good.ofType(QStringLiteral("drone_update")).size() > before);
}

// A console that is behind (megabytes written for it and not yet read) when
// the server closes it still gets everything and then the close frame: the
// socket is not deleted while it holds them. Shutdown (1001) is the close
// that deleted its sockets at once.
void TestGatewayServer::closeFrameFollowsWhatTheConsoleHasNotReadYet()
{
    SimulatedServer server(fast());
    QVERIFY(server.listen());
    QTcpSocket raw;
    QVERIFY(openSlowConsole(raw, server.port(), QStringLiteral("behind")));
    QTRY_COMPARE(server.clientCount(), 1);
    server.setLoadRate(50000);
    QTest::qWait(2000); // the kernel's buffers fill, then the socket's
    server.setLoadRate(0);
    server.close();

    // Now read it all, as a console that catches up would.
    raw.setReadBufferSize(0);
    QByteArray stream;
    const bool ended = QTest::qWaitFor(
        [&] {
            stream += raw.readAll();
            return raw.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    QVERIFY(ended); // and the connection ends, the server waiting no more than its linger
    stream += raw.readAll();
    qsizetype at = stream.indexOf("\r\n\r\n") + 4;
    QVERIFY(at > 4);
    int lastOpcode = -1;
    int closeCode = -1;
    qint64 frames = 0;
    while (at + 2 <= stream.size()) {
        const int opcode = quint8(stream.at(at)) & 0x0f;
        qint64 length = quint8(stream.at(at + 1)) & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            length = (qint64(quint8(stream.at(at + 2))) << 8) | quint8(stream.at(at + 3));
            header = 4;
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(stream.at(at + 2 + i));
            header = 10;
        }
        if (at + header + length > stream.size())
            break; // cut off: what a lost close frame looks like
        lastOpcode = opcode;
        if (opcode == 0x8 && length >= 2)
            closeCode = (quint8(stream.at(at + header)) << 8) | quint8(stream.at(at + header + 1));
        at += header + length;
        ++frames;
    }
    QVERIFY2(stream.size() > 4 * 1024 * 1024, qPrintable(QString::number(stream.size()))); // it was behind
    QVERIFY2(at == stream.size(), qPrintable(QStringLiteral("%1 of %2 bytes framed").arg(at).arg(stream.size())));
    QCOMPARE(lastOpcode, 0x8);
    QCOMPARE(closeCode, 1001);
}

// A server shut down while a peer has not answered its close frame (a
// stalled link, a client waiting for the server to end the connection) ends
// the connection anyway, after the close frame, instead of holding it open
// for as long as the process runs.
void TestGatewayServer::shutDownServerEndsEveryConnection()
{
    auto server = std::make_unique<SimulatedServer>(fast());
    QVERIFY(server->listen());
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server->port());
    QVERIFY(raw.waitForConnected());
    raw.write(kHandshake);
    QTRY_VERIFY(raw.peek(4096).contains("\r\n\r\n"));
    QTRY_COMPARE(server->clientCount(), 1);

    server->close();
    server.reset();
    QTRY_COMPARE_WITH_TIMEOUT(raw.state(), QAbstractSocket::UnconnectedState, 3000);
    const QByteArray stream = raw.readAll();
    const qsizetype at = stream.indexOf("\r\n\r\n") + 4;
    const QByteArray frames = stream.sliced(at);
    // hello, then the close frame: 1001, going away
    QVERIFY2(frames.size() > 4, qPrintable(QString::number(frames.size())));
    const qsizetype close = frames.lastIndexOf(char(0x88));
    QVERIFY(close >= 0);
    QCOMPARE((quint8(frames.at(close + 2)) << 8) | quint8(frames.at(close + 3)), 1001);
}

void TestGatewayServer::silentClientIsEvicted()
{
    SimOptions o = fast();
    o.heartbeatMs = 150;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    // A raw TCP client that completes the WebSocket handshake and then never
    // answers a ping: what a frozen console looks like to the server.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(raw.waitForConnected());
    raw.write(kHandshake);
    QTRY_COMPARE(server.clientCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 0, 3000);
}

void TestGatewayServer::misbehavingClientDoesNotDisturbOthers()
{
    SimOptions o = fast();
    o.maxFrameBytes = 64 * 1024;
    SimulatedServer server(o);
    QVERIFY(server.listen());
    GatewayTestClient good(server.url());
    good.authenticate();
    good.subscribe(QStringLiteral("drones"));

    GatewayTestClient bad(server.url());
    bad.authenticate();
    for (int i = 0; i < 30; ++i)
        bad.socket().sendTextMessage(QStringLiteral("\x01garbage%1").arg(i));
    for (int i = 0; i < 200; ++i)
        bad.send({{QLatin1StringView("type"), QStringLiteral("subscribe")},
                  {QLatin1StringView("channel"), QStringLiteral("drones")}});
    bad.socket().sendTextMessage(QString(128 * 1024, u'{'));
    QTRY_VERIFY(bad.closed);

    const qsizetype before = good.ofType(QStringLiteral("drone_update")).size();
    QTRY_VERIFY(good.ofType(QStringLiteral("drone_update")).size() >= before + 10);
    QVERIFY(!good.closed);
    qint64 previous = 0;
    for (const QJsonObject &m : std::as_const(good.messages)) {
        if (!m.contains(QLatin1StringView("seq")))
            continue;
        const qint64 seq = m.value(QLatin1StringView("seq")).toInteger();
        QCOMPARE(seq, previous + 1); // every event, in order, none missing
        previous = seq;
    }
}

QTEST_GUILESS_MAIN(TestGatewayServer)
#include "tst_gatewayserver.moc"
