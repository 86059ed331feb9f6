#include "simserver.h"
#include "simtestclient.h"

#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <memory>

namespace {

// An opening handshake written by hand, for clients that must misbehave in
// ways QWebSocket will not.
constexpr char kHandshake[] = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

} // namespace

// The reference server tested from the wire, with bare WebSocket clients.
class TestSimServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helloAuthSubscribeSnapshotThenNumberedEvents();
    void requests_data();
    void requests();
    void rolesFromTokens();
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
    void connectionLimitCloses1013();
    void rateLimitAnswersThenCloses1008();
    void subscriptionLimit();
    void oversizedFrameCloses1009();
    void malformedStreakCloses1007();
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

SimOptions TestSimServer::fast()
{
    SimOptions o;
    o.drones = 4;
    o.rate = 50.0; // a drone report every 100 ms
    return o;
}

void TestSimServer::helloAuthSubscribeSnapshotThenNumberedEvents()
{
    SimServer server(fast());
    QVERIFY(server.listen());
    SimTestClient c(server.url());

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

void TestSimServer::requests_data()
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

void TestSimServer::requests()
{
    QFETCH(bool, authenticated);
    QFETCH(QJsonObject, request);
    QFETCH(QString, expected);

    SimServer server(fast());
    QVERIFY(server.listen());
    SimTestClient c(server.url());
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

void TestSimServer::rolesFromTokens()
{
    SimOptions o = fast();
    o.tokens = {{QStringLiteral("v"), QStringLiteral("viewer")},
                {QStringLiteral("o"), QStringLiteral("operator")},
                {QStringLiteral("a"), QStringLiteral("admin")}};
    SimServer server(o);
    QVERIFY(server.listen());
    for (const auto &[token, role] :
         {std::pair {"v", "viewer"}, std::pair {"o", "operator"}, std::pair {"a", "admin"}}) {
        SimTestClient c(server.url());
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

void TestSimServer::wrongTokenClosesWith4001()
{
    SimOptions o = fast();
    o.tokens = {{QStringLiteral("right"), QStringLiteral("operator")}};
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient c(server.url());
    const QJsonObject auth = c.authenticate(QStringLiteral("wrong"));
    QCOMPARE(errorCode(auth), QStringLiteral("unauthorized"));
    QTRY_VERIFY(c.closed);
    QCOMPARE(c.closeCode, 4001);
}

void TestSimServer::noAuthInTimeClosesWith4008NamingTheDeadline()
{
    // A late sign-in is not a refused token: its own code, so that a console
    // whose link stalled reconnects instead of giving up, and a reason that
    // names the deadline in force, not the default's.
    SimOptions o = fast();
    o.authTimeoutMs = 200;
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient c(server.url());
    QTRY_VERIFY(c.closed);
    QCOMPARE(c.closeCode, 4008);
    QCOMPARE(c.closeReason, QStringLiteral("sign-in timeout: no auth within 200 ms"));
}

void TestSimServer::filtersLimitSnapshotAndEvents()
{
    SimServer server(fast());
    QVERIFY(server.listen());
    SimTestClient c(server.url());
    c.authenticate();
    const QString wanted = server.fleet().drone(1).serial;
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

void TestSimServer::refreshResendsSnapshots()
{
    SimServer server(fast());
    QVERIFY(server.listen());
    SimTestClient c(server.url());
    c.authenticate();
    c.subscribe(QStringLiteral("drones"));
    c.subscribe(QStringLiteral("health"));
    QTRY_COMPARE(c.ofType(QStringLiteral("snapshot")).size(), 2);
    QVERIFY(c.request({{QLatin1StringView("type"), QStringLiteral("request_data_refresh")}})
                .value(QLatin1StringView("ok"))
                .toBool());
    QTRY_COMPARE(c.ofType(QStringLiteral("snapshot")).size(), 4);
}

void TestSimServer::resumeReplaysWhatWasMissed()
{
    SimServer server(fast());
    QVERIFY(server.listen());
    QString sessionId;
    qint64 lastSeq = 0;
    {
        SimTestClient first(server.url());
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

    SimTestClient second(server.url());
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

void TestSimServer::sessionOfAnEarlierRunIsNotResumed()
{
    // A console held a session of the server before it restarted; the new
    // run opens sessions of its own, as many, for the same operator. The old
    // id must not name one of them: resuming it would replay another
    // session's tail onto a list built from the old run's events.
    const auto sessionOf = [](SimTestClient &client) {
        return client.authenticate()
            .value(QLatin1StringView("data"))
            .toObject()
            .value(QLatin1StringView("sessionId"))
            .toString();
    };
    QString before;
    {
        SimServer earlier(fast());
        QVERIFY(earlier.listen());
        SimTestClient client(earlier.url());
        before = sessionOf(client);
        QVERIFY(!before.isEmpty());
    }
    SimServer restarted(fast()); // the same seed, as a restart with the same command line
    QVERIFY(restarted.listen());
    SimTestClient abandoned(restarted.url());
    const QString now = sessionOf(abandoned);
    QVERIFY(!now.isEmpty());
    QVERIFY2(now != before, qPrintable(now));
    SimTestClient console(restarted.url());
    console.authenticate();
    const QJsonObject resumed = console.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                                                 {QLatin1StringView("sessionId"), before},
                                                 {QLatin1StringView("lastSeq"), 0}});
    QVERIFY(!resumed.value(QLatin1StringView("ok")).toBool());
    QCOMPARE(errorCode(resumed), QStringLiteral("resync_required"));
}

void TestSimServer::sessionIdsCannotBeGuessed()
{
    // Ids are random, not counted: knowing one's own tells nothing of the next.
    SimServer server(fast());
    QVERIFY(server.listen());
    QSet<QString> ids;
    for (int i = 0; i < 3; ++i) {
        SimTestClient client(server.url());
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

void TestSimServer::anotherTokenCannotTakeOverASession()
{
    // Two operator tokens; the second claims the first console's name and
    // its session id. It must neither resume that session nor close its
    // console, which keeps receiving its events.
    SimOptions o = fast();
    o.tokens = {{QStringLiteral("alice-token"), QStringLiteral("operator")},
                {QStringLiteral("mallory-token"), QStringLiteral("operator")}};
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient alice(server.url());
    const QString sessionId = alice.authenticate(QStringLiteral("alice-token"), QStringLiteral("alice"))
                                  .value(QLatin1StringView("data"))
                                  .toObject()
                                  .value(QLatin1StringView("sessionId"))
                                  .toString();
    alice.subscribe(QStringLiteral("drones"));
    QTRY_VERIFY(!alice.ofType(QStringLiteral("drone_update")).isEmpty());

    SimTestClient mallory(server.url());
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
    SimTestClient again(server.url());
    again.authenticate(QStringLiteral("alice-token"), QStringLiteral("alice"));
    const QJsonObject resumed = again.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                                               {QLatin1StringView("sessionId"), sessionId},
                                               {QLatin1StringView("lastSeq"), 0}});
    QVERIFY2(resumed.value(QLatin1StringView("ok")).toBool(), qPrintable(errorCode(resumed)));
}

void TestSimServer::resumeTooFarBackNeedsResync()
{
    SimOptions o = fast();
    o.replayEvents = 5;
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient first(server.url());
    const QString sessionId = first.authenticate()
                                  .value(QLatin1StringView("data"))
                                  .toObject()
                                  .value(QLatin1StringView("sessionId"))
                                  .toString();
    first.subscribe(QStringLiteral("drones"));
    QTRY_VERIFY(first.ofType(QStringLiteral("drone_update")).size() >= 10);

    SimTestClient second(server.url());
    second.authenticate();
    const QJsonObject resumed = second.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                                                {QLatin1StringView("sessionId"), sessionId},
                                                {QLatin1StringView("lastSeq"), 1}});
    QCOMPARE(errorCode(resumed), QStringLiteral("resync_required"));
}

void TestSimServer::adminBroadcastReachesEveryone()
{
    SimOptions o = fast();
    o.tokens = {{QStringLiteral("a"), QStringLiteral("admin")}, {QStringLiteral("o"), QStringLiteral("operator")}};
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient admin(server.url());
    SimTestClient listener(server.url());
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

void TestSimServer::presenceFollowsConsoles()
{
    SimServer server(fast());
    QVERIFY(server.listen());
    SimTestClient alice(server.url());
    alice.authenticate(QStringLiteral("t"), QStringLiteral("alice"));
    alice.subscribe(QStringLiteral("presence"));
    QCOMPARE(alice.waitForType(QStringLiteral("snapshot")).value(QLatin1StringView("items")).toArray().size(), 1);

    const auto operatorsIn = [](const QJsonObject &m) {
        QStringList names;
        for (const auto &o : m.value(QLatin1StringView("operators")).toArray())
            names << o.toObject().value(QLatin1StringView("name")).toString();
        names.sort();
        return names;
    };
    auto bob = std::make_unique<SimTestClient>(server.url());
    bob->authenticate(QStringLiteral("t"), QStringLiteral("bob"));
    QTRY_VERIFY(!alice.ofType(QStringLiteral("presence")).isEmpty()
                && operatorsIn(alice.ofType(QStringLiteral("presence")).last())
                    == QStringList({QStringLiteral("alice"), QStringLiteral("bob")}));
    bob.reset();
    QTRY_COMPARE(operatorsIn(alice.ofType(QStringLiteral("presence")).last()), QStringList {QStringLiteral("alice")});
}

void TestSimServer::connectionLimitCloses1013()
{
    SimOptions o = fast();
    o.maxConnections = 2;
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient a(server.url());
    SimTestClient b(server.url());
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

void TestSimServer::rateLimitAnswersThenCloses1008()
{
    SimOptions o = fast();
    o.messagesPerSecond = 2;
    o.messageBurst = 5;
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient c(server.url());
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

void TestSimServer::subscriptionLimit()
{
    SimOptions o = fast();
    o.maxSubscriptions = 2;
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient c(server.url());
    c.authenticate();
    QVERIFY(c.subscribe(QStringLiteral("drones")).value(QLatin1StringView("ok")).toBool());
    QVERIFY(c.subscribe(QStringLiteral("health")).value(QLatin1StringView("ok")).toBool());
    QCOMPARE(errorCode(c.subscribe(QStringLiteral("alarms"))), QStringLiteral("too_many_subscriptions"));
    QCOMPARE(errorCode(c.subscribe(QStringLiteral("all"))), QStringLiteral("too_many_subscriptions"));
}

void TestSimServer::oversizedFrameCloses1009()
{
    SimOptions o = fast();
    o.maxFrameBytes = 4096;
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient c(server.url());
    c.authenticate();
    c.socket().sendTextMessage(QString(8192, u'x'));
    QTRY_VERIFY(c.closed);
    QCOMPARE(c.closeCode, 1009);
}

void TestSimServer::malformedStreakCloses1007()
{
    SimOptions o = fast();
    o.malformedLimit = 3;
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient c(server.url());
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

void TestSimServer::silentClientIsEvicted()
{
    SimOptions o = fast();
    o.heartbeatMs = 150;
    SimServer server(o);
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

void TestSimServer::misbehavingClientDoesNotDisturbOthers()
{
    SimOptions o = fast();
    o.maxFrameBytes = 64 * 1024;
    SimServer server(o);
    QVERIFY(server.listen());
    SimTestClient good(server.url());
    good.authenticate();
    good.subscribe(QStringLiteral("drones"));

    SimTestClient bad(server.url());
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

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
