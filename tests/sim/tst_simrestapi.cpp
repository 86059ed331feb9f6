#include "gateway/gatewaytestclient.h"
#include "gatewaychannels.h"
#include "simhost.h"
#include "testcertificate.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocketHandshakeOptions>

#include <memory>

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toString();
}

QString errorCode(const QJsonObject &body)
{
    return body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

// One HTTP exchange, as the test saw it.
struct Reply
{
    int status = 0;
    QJsonObject body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

// A small REST client for the server under test; every call waits for its
// answer without blocking the event loop the server runs in.
class RestClient
{
public:
    explicit RestClient(QString base, QSslConfiguration tls = {})
        : m_base(std::move(base))
        , m_tls(std::move(tls))
    { }

    QString token = QStringLiteral("t");
    QString operatorName;

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(m_base + path));
        if (!m_tls.isNull())
            request.setSslConfiguration(m_tls);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        if (!operatorName.isEmpty())
            request.setRawHeader("X-Watchfloor-Operator", operatorName.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return m_network.sendCustomRequest(request, method, body);
    }

    static Reply finish(QNetworkReply *reply, int timeoutMs = 10000)
    {
        std::unique_ptr<QNetworkReply> owned(reply);
        (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs);
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object(), reply->error()};
    }

    Reply get(const QString &path) { return finish(start("GET", path)); }
    Reply post(const QString &path, const QJsonObject &body)
    {
        return finish(start("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

private:
    QString m_base;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_network;
};

QString httpBase(const SimHost &server)
{
    return QStringLiteral("http://127.0.0.1:%1").arg(server.port());
}

// A hand-written HTTP client on a raw socket, for requests no well-behaved
// client makes: it writes exactly what it is told, counts it, and reads one
// answer at a time.
class RawHttp
{
public:
    explicit RawHttp(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        (void)socket.waitForConnected(5000);
    }

    void write(const QByteArray &bytes)
    {
        socket.write(bytes);
        written += bytes.size();
    }

    // The next whole answer (status and JSON body), waiting up to timeoutMs;
    // status 0 when none came.
    Reply answer(int timeoutMs = 3000)
    {
        Reply reply;
        (void)QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                const qsizetype end = received.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                const QByteArray head = received.first(end);
                qsizetype length = 0;
                for (const QByteArray &line : head.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (received.size() < end + 4 + length)
                    return false;
                reply.status = head.mid(9, 3).toInt();
                reply.body = QJsonDocument::fromJson(received.mid(end + 4, length)).object();
                received.remove(0, end + 4 + length);
                return true;
            },
            timeoutMs);
        return reply;
    }

    bool closesWithin(int timeoutMs)
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }

    QTcpSocket socket;
    qint64 written = 0;
    QByteArray received;
};

QByteArray postHead(const QByteArray &path, const QByteArray &token, const QByteArray &framing)
{
    QByteArray head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token + "\r\n";
    return head + framing + "\r\n\r\n";
}

} // namespace

// The REST fallback and TLS of the reference server, tested from the wire
// with QNetworkAccessManager and QWebSocket on the server's one port.
class TestSimRestApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthNeedsNoToken();
    void snapshotHasEveryChannelAndTheJournalSeq();
    void snapshotAndEventsLeaveOutTheRooms();
    void tokensAndRoles_data();
    void tokensAndRoles();
    void unknownRoutesAndMethods();
    void eventsAfterSeqInOrder();
    void eventsBadParameters();
    void eventsTooOldNeedResync();
    void longPollAnswersWhenAnEventArrives();
    void longPollTimesOutEmpty();
    void longPollsAreBounded();
    void commandOverRestReachesWebSocket();
    void commandErrors_data();
    void commandErrors();
    void alarmActionsOverRestReachWebSocket();
    void webSocketStillSelectsSubprotocolOnSharedPort();
    void bodyWithoutAValidTokenIsRefusedAtItsHead_data();
    void bodyWithoutAValidTokenIsRefusedAtItsHead();
    void bodyOverTheBoundIs413_data();
    void bodyOverTheBoundIs413();
    void everyRequestOfAConnectionIsJudged();
    void tlsServesWssAndHttps();
    void tlsFilesAreChecked();
    void tlsFlagsMisusedExitWith2();

private:
    static SimOptions fast();
    static SimOptions quiet();
};

SimOptions TestSimRestApi::fast()
{
    SimOptions o;
    o.drones = 4;
    o.rate = 50.0;
    return o;
}

// A world where nothing happens on its own for minutes.
SimOptions TestSimRestApi::quiet()
{
    SimOptions o;
    o.drones = 0;
    o.machines = 0;
    o.tiles = 0;
    o.rate = 0.01;
    return o;
}

void TestSimRestApi::healthNeedsNoToken()
{
    SimHost server(quiet());
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    rest.token.clear();
    const Reply reply = rest.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(str(reply.body, "status"), QStringLiteral("ok"));
    QVERIFY(reply.body.value(QLatin1StringView("uptimeSeconds")).isDouble());
}

void TestSimRestApi::snapshotHasEveryChannelAndTheJournalSeq()
{
    SimHost server(fast());
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    QTRY_VERIFY(server.journalSeq() > 0);
    const Reply reply = rest.get(QStringLiteral("/api/v1/snapshot"));
    QCOMPARE(reply.status, 200);
    const QJsonObject channels = reply.body.value(QLatin1StringView("channels")).toObject();
    for (const QString &channel : GatewayChannels::channels())
        QVERIFY2(channels.value(channel).isArray(), qPrintable(channel));
    QCOMPARE(channels.value(QLatin1StringView("drones")).toArray().size(), 4);
    QVERIFY(reply.body.value(QLatin1StringView("seq")).toInteger() > 0);
}

void TestSimRestApi::snapshotAndEventsLeaveOutTheRooms()
{
    SimOptions o = fast(); // every server step samples the stream of every endpoint
    o.machines = 0;
    o.tiles = 1; // cold, full and idle: its telemetry is keepalives only
    SimHost server(o);
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    const Reply snapshot = rest.get(QStringLiteral("/api/v1/snapshot"));
    QCOMPARE(snapshot.status, 200);
    const QStringList channels = snapshot.body.value(QLatin1StringView("channels")).toObject().keys();
    QCOMPARE(QSet<QString>(channels.cbegin(), channels.cend()),
             QSet<QString>(GatewayChannels::channels().cbegin(), GatewayChannels::channels().cend()));

    GatewayTestClient rooms(server.url());
    QVERIFY(rooms.authenticate().value(QLatin1StringView("ok")).toBool());
    const qint64 from = snapshot.body.value(QLatin1StringView("seq")).toInteger();
    QVERIFY(rooms.subscribe(QStringLiteral("drone_detail")).value(QLatin1StringView("ok")).toBool());
    QVERIFY(rooms.subscribe(QStringLiteral("endpoint_stream")).value(QLatin1StringView("ok")).toBool());
    const auto count = [](const QList<QJsonObject> &messages, QStringView type, QStringView kind = {}) {
        return std::count_if(messages.cbegin(), messages.cend(), [&](const QJsonObject &m) {
            return str(m, "type") == type && (kind.isEmpty() || str(m, "kind") == kind);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(count(rooms.messages, u"telemetry") >= 8 * 20
                                 && count(rooms.messages, u"drone_update", u"system_health") > 0,
                             10000);

    const Reply events = rest.get(QStringLiteral("/api/v1/events?after=%1").arg(from));
    QCOMPARE(events.status, 200);
    QList<QJsonObject> journal;
    for (const QJsonValue e : events.body.value(QLatin1StringView("events")).toArray())
        journal.append(e.toObject());
    QVERIFY(count(journal, u"drone_update", u"status") > 0);
    QCOMPARE(count(journal, u"drone_update", u"system_health"), 0);
    // Keepalives of eight endpoints, not their streams.
    QVERIFY2(
        count(journal, u"telemetry") * 2 < count(rooms.messages, u"telemetry"),
        qPrintable(
            QStringLiteral("%1 vs %2").arg(count(journal, u"telemetry")).arg(count(rooms.messages, u"telemetry"))));
}

void TestSimRestApi::tokensAndRoles_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");

    const QByteArray get("GET");
    const QByteArray post("POST");
    const QString snapshot = QStringLiteral("/api/v1/snapshot");
    const QString stats = QStringLiteral("/api/v1/stats");
    const QString commands = QStringLiteral("/api/v1/commands");
    QTest::newRow("no token") << QString() << get << snapshot << 401;
    QTest::newRow("wrong token") << QStringLiteral("nope") << get << snapshot << 401;
    QTest::newRow("wrong token on events")
        << QStringLiteral("nope") << get << QStringLiteral("/api/v1/events?after=0") << 401;
    QTest::newRow("viewer reads") << QStringLiteral("v") << get << snapshot << 200;
    QTest::newRow("viewer commands") << QStringLiteral("v") << post << commands << 403;
    QTest::newRow("viewer acks") << QStringLiteral("v") << post << QStringLiteral("/api/v1/alarms/1/ack") << 403;
    QTest::newRow("operator stats") << QStringLiteral("o") << get << stats << 403;
    QTest::newRow("operator commands") << QStringLiteral("o") << post << commands << 400; // empty body
    QTest::newRow("admin stats") << QStringLiteral("a") << get << stats << 200;
}

void TestSimRestApi::tokensAndRoles()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);

    SimOptions o = quiet();
    o.tokens = {{QStringLiteral("v"), QStringLiteral("viewer")},
                {QStringLiteral("o"), QStringLiteral("operator")},
                {QStringLiteral("a"), QStringLiteral("admin")}};
    SimHost server(o);
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    rest.token = token;
    const Reply reply = RestClient::finish(rest.start(method, path));
    QCOMPARE(reply.status, status);
    if (status == 401)
        QCOMPARE(errorCode(reply.body), QStringLiteral("unauthorized"));
    if (status == 403)
        QCOMPARE(errorCode(reply.body), QStringLiteral("forbidden"));
    if (path == u"/api/v1/stats" && status == 200)
        QVERIFY(reply.body.contains(QLatin1StringView("connections")));
}

void TestSimRestApi::unknownRoutesAndMethods()
{
    SimHost server(quiet());
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));

    Reply reply = rest.get(QStringLiteral("/api/v1/nothing"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(errorCode(reply.body), QStringLiteral("not_found"));
    QCOMPARE(rest.get(QStringLiteral("/")).status, 404);

    reply = RestClient::finish(rest.start("DELETE", QStringLiteral("/api/v1/snapshot")));
    QCOMPARE(reply.status, 405);
    QCOMPARE(errorCode(reply.body), QStringLiteral("method_not_allowed"));
    QCOMPARE(rest.post(QStringLiteral("/api/v1/health"), {}).status, 405);
    QCOMPARE(rest.get(QStringLiteral("/api/v1/commands")).status, 405);
    QCOMPARE(rest.get(QStringLiteral("/api/v1/alarms/1/ack")).status, 405);
    QCOMPARE(rest.get(QStringLiteral("/api/v1/alarms/1/shelve")).status, 405);
    QCOMPARE(rest.post(QStringLiteral("/api/v1/alarms/1/unknown"), {}).status, 404);

    reply = RestClient::finish(rest.start("POST", QStringLiteral("/api/v1/commands"), "{not json"));
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorCode(reply.body), QStringLiteral("bad_request"));
}

void TestSimRestApi::eventsAfterSeqInOrder()
{
    SimHost server(fast());
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    QTRY_VERIFY(server.journalSeq() >= 10);

    const Reply reply = rest.get(QStringLiteral("/api/v1/events?after=3"));
    QCOMPARE(reply.status, 200);
    const QJsonArray events = reply.body.value(QLatin1StringView("events")).toArray();
    QVERIFY(events.size() >= 7);
    qint64 expected = 4;
    for (const auto &event : events) {
        QCOMPARE(event.toObject().value(QLatin1StringView("seq")).toInteger(), expected++);
        QVERIFY(!str(event.toObject(), "type").isEmpty());
    }
    QCOMPARE(reply.body.value(QLatin1StringView("seq")).toInteger(), expected - 1);
}

void TestSimRestApi::eventsBadParameters()
{
    SimHost server(quiet());
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    for (const char *query : {"", "?after=x", "?after=-1", "?after=0&wait=31", "?after=0&wait=-1", "?after=0&wait=z"}) {
        const Reply reply = rest.get(QStringLiteral("/api/v1/events") + QLatin1StringView(query));
        QVERIFY2(reply.status == 400, query);
        QCOMPARE(errorCode(reply.body), QStringLiteral("bad_request"));
    }
}

void TestSimRestApi::eventsTooOldNeedResync()
{
    SimOptions o = fast();
    o.replayEvents = 3;
    SimHost server(o);
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    QTRY_VERIFY(server.journalSeq() >= 10);
    Reply reply = rest.get(QStringLiteral("/api/v1/events?after=0"));
    QCOMPARE(reply.status, 410);
    QCOMPARE(errorCode(reply.body), QStringLiteral("resync_required"));
    // A seq from the future (a restarted server) needs a resync too.
    reply = rest.get(QStringLiteral("/api/v1/events?after=999999999"));
    QCOMPARE(reply.status, 410);
}

void TestSimRestApi::longPollAnswersWhenAnEventArrives()
{
    SimHost server(quiet());
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    const qint64 seq = rest.get(QStringLiteral("/api/v1/snapshot")).body.value(QLatin1StringView("seq")).toInteger();

    QElapsedTimer clock;
    clock.start();
    QNetworkReply *poll = rest.start("GET", QStringLiteral("/api/v1/events?after=%1&wait=20").arg(seq));
    QTRY_COMPARE(server.stats().value(QLatin1StringView("longPolls")).toInt(), 1);
    QVERIFY(!poll->isFinished());

    // A console signing in is published as a presence change: the poll answers with it.
    GatewayTestClient console(server.url());
    QVERIFY(console.authenticate().value(QLatin1StringView("ok")).toBool());
    const Reply reply = RestClient::finish(poll);
    QCOMPARE(reply.status, 200);
    QVERIFY(clock.elapsed() < 10000);
    const QJsonArray events = reply.body.value(QLatin1StringView("events")).toArray();
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().toObject().value(QLatin1StringView("seq")).toInteger(), seq + 1);
    QCOMPARE(str(events.first().toObject(), "type"), QStringLiteral("presence_changed"));
    QCOMPARE(server.stats().value(QLatin1StringView("longPolls")).toInt(), 0);
}

void TestSimRestApi::longPollTimesOutEmpty()
{
    SimHost server(quiet());
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    const qint64 seq = qint64(server.journalSeq());
    QElapsedTimer clock;
    clock.start();
    const Reply reply = rest.get(QStringLiteral("/api/v1/events?after=%1&wait=1").arg(seq));
    QCOMPARE(reply.status, 200);
    QVERIFY(clock.elapsed() >= 900);
    QCOMPARE(reply.body.value(QLatin1StringView("events")).toArray().size(), 0);
    QCOMPARE(reply.body.value(QLatin1StringView("seq")).toInteger(), seq);
}

void TestSimRestApi::longPollsAreBounded()
{
    SimOptions o = quiet();
    o.maxConnections = 1; // also bounds the long polls waiting at once
    SimHost server(o);
    QVERIFY(server.listen());
    RestClient first(httpBase(server));
    RestClient second(httpBase(server));
    const qint64 seq = qint64(server.journalSeq());
    QNetworkReply *waiting = first.start("GET", QStringLiteral("/api/v1/events?after=%1&wait=2").arg(seq));
    QTRY_COMPARE(server.stats().value(QLatin1StringView("longPolls")).toInt(), 1);
    const Reply refused = second.get(QStringLiteral("/api/v1/events?after=%1&wait=2").arg(seq));
    QCOMPARE(refused.status, 503);
    QCOMPARE(errorCode(refused.body), QStringLiteral("too_many_polls"));
    const Reply answered = RestClient::finish(waiting);
    QCOMPARE(answered.status, 200);
    QCOMPARE(server.stats().value(QLatin1StringView("longPolls")).toInt(), 0);
}

void TestSimRestApi::commandOverRestReachesWebSocket()
{
    SimHost server(fast());
    QVERIFY(server.listen());
    GatewayTestClient console(server.url());
    QVERIFY(console.authenticate().value(QLatin1StringView("ok")).toBool());
    QVERIFY(console.subscribe(QStringLiteral("commands")).value(QLatin1StringView("ok")).toBool());
    QVERIFY(console.subscribe(QStringLiteral("presence")).value(QLatin1StringView("ok")).toBool());

    RestClient rest(httpBase(server));
    rest.operatorName = QStringLiteral("carol");
    const QJsonObject command {{QLatin1StringView("commandId"), QStringLiteral("rest-1")},
                               {QLatin1StringView("endpointId"), QStringLiteral("T1.V101.open")},
                               {QLatin1StringView("value"), true}};
    const Reply reply = rest.post(QStringLiteral("/api/v1/commands"), command);
    QCOMPARE(reply.status, 202);
    QCOMPARE(str(reply.body, "commandId"), QStringLiteral("rest-1"));

    const auto statusOf = [&console](const QString &status) {
        return console.waitFor([status](const QJsonObject &m) {
            return str(m, "type") == u"command_status" && str(m, "commandId") == u"rest-1"
                && str(m, "status") == status;
        });
    };
    QVERIFY(!statusOf(QStringLiteral("queued")).isEmpty());
    QVERIFY(!statusOf(QStringLiteral("succeeded")).isEmpty());
    const QJsonObject activity = console.waitFor(
        [](const QJsonObject &m) { return str(m, "type") == u"user_activity" && str(m, "action") == u"command"; });
    QCOMPARE(str(activity, "operator"), QStringLiteral("carol"));
    QCOMPARE(str(activity, "target"), QStringLiteral("T1.V101.open"));

    // The same commandId again is an answer, not a second command.
    const Reply again = rest.post(QStringLiteral("/api/v1/commands"), command);
    QCOMPARE(again.status, 202);
    QCOMPARE(str(again.body, "commandId"), QStringLiteral("rest-1"));
}

void TestSimRestApi::commandErrors_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const auto command = [](const char *endpointId, const QJsonValue &value) {
        return QJsonObject {{QLatin1StringView("commandId"), QStringLiteral("c-%1").arg(QLatin1StringView(endpointId))},
                            {QLatin1StringView("endpointId"), QLatin1StringView(endpointId)},
                            {QLatin1StringView("value"), value}};
    };
    QTest::newRow("no value") << QJsonObject {{QLatin1StringView("commandId"), QStringLiteral("x")},
                                              {QLatin1StringView("endpointId"), QStringLiteral("T1.V101.open")}}
                              << 400 << QStringLiteral("bad_request");
    QTest::newRow("wrong type") << command("T1.V101.open", 1) << 400 << QStringLiteral("bad_request");
    QTest::newRow("unknown endpoint") << command("T9.P101.running", true) << 404 << QStringLiteral("not_found");
    QTest::newRow("interlock") << command("T1.H101.on", true) << 409 << QStringLiteral("interlock");
    QTest::newRow("read-only") << command("T1.P101.flow", 1.0) << 422 << QStringLiteral("not_writable");
    QTest::newRow("out of range") << command("T1.H101.setpoint", 19.5) << 422 << QStringLiteral("out_of_range");
}

void TestSimRestApi::commandErrors()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    SimHost server(fast());
    QVERIFY(server.listen());
    RestClient rest(httpBase(server));
    const Reply reply = rest.post(QStringLiteral("/api/v1/commands"), body);
    QCOMPARE(reply.status, status);
    QCOMPARE(errorCode(reply.body), code);
    QVERIFY(!reply.body.value(QLatin1StringView("error"))
                 .toObject()
                 .value(QLatin1StringView("message"))
                 .toString()
                 .isEmpty());
    if (code == u"interlock") {
        QCOMPARE(reply.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("reason")).toString(),
                 QStringLiteral("Heater H-101 needs pump P-101 running"));
    }
}

void TestSimRestApi::alarmActionsOverRestReachWebSocket()
{
    SimOptions o = fast();
    o.scenarios = {QStringLiteral("alarm-flood")};
    SimHost server(o);
    QVERIFY(server.listen());
    GatewayTestClient console(server.url());
    QVERIFY(console.authenticate().value(QLatin1StringView("ok")).toBool());
    QVERIFY(console.subscribe(QStringLiteral("alarms")).value(QLatin1StringView("ok")).toBool());
    const QJsonObject raised = console.waitFor(
        [](const QJsonObject &m) { return str(m, "type") == u"alarm" && str(m, "state") == u"active_unacked"; });
    QVERIFY(!raised.isEmpty());
    const QString alarmId = str(raised, "alarmId");

    RestClient rest(httpBase(server));
    rest.operatorName = QStringLiteral("bob");
    const qsizetype before = console.messages.size();
    Reply reply = rest.post(QStringLiteral("/api/v1/alarms/%1/ack").arg(alarmId),
                            {{QLatin1StringView("note"), QStringLiteral("seen")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(str(reply.body, "ackedBy"), QStringLiteral("bob"));
    const QJsonObject acked = console.waitFor(
        [&alarmId](const QJsonObject &m) {
            return str(m, "type") == u"alarm" && str(m, "alarmId") == alarmId && !str(m, "ackedBy").isEmpty();
        },
        5000, before);
    QCOMPARE(str(acked, "ackedBy"), QStringLiteral("bob"));
    QCOMPARE(str(acked, "note"), QStringLiteral("seen"));

    reply = rest.post(QStringLiteral("/api/v1/alarms/no-such-alarm/ack"), {});
    QCOMPARE(reply.status, 404);
    QCOMPARE(errorCode(reply.body), QStringLiteral("not_found"));
    reply = rest.post(QStringLiteral("/api/v1/alarms/%1/shelve").arg(alarmId),
                      {{QLatin1StringView("reason"), QStringLiteral("maintenance")}});
    QCOMPARE(reply.status, 400);
    reply = rest.post(QStringLiteral("/api/v1/alarms/%1/shelve").arg(alarmId),
                      {{QLatin1StringView("minutes"), 100000}, {QLatin1StringView("reason"), QStringLiteral("x")}});
    QCOMPARE(reply.status, 422);
    QCOMPARE(errorCode(reply.body), QStringLiteral("out_of_range"));
    reply
        = rest.post(QStringLiteral("/api/v1/alarms/%1/shelve").arg(alarmId),
                    {{QLatin1StringView("minutes"), 5}, {QLatin1StringView("reason"), QStringLiteral("maintenance")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(str(reply.body, "state"), QStringLiteral("shelved"));
    QVERIFY(!console
                 .waitFor([&alarmId](const QJsonObject &m) {
                     return str(m, "type") == u"alarm" && str(m, "alarmId") == alarmId && str(m, "state") == u"shelved";
                 })
                 .isEmpty());
}

void TestSimRestApi::webSocketStillSelectsSubprotocolOnSharedPort()
{
    SimHost server(quiet());
    QVERIFY(server.listen());
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("watchfloor.v1")});
    socket.open(QNetworkRequest(QUrl(server.url())), options);
    QVERIFY(connected.wait(5000));
    QCOMPARE(socket.subprotocol(), QStringLiteral("watchfloor.v1"));
    QCOMPARE(server.clientCount(), 1);

    RestClient rest(httpBase(server));
    QCOMPARE(rest.get(QStringLiteral("/api/v1/health")).status, 200);
    QVERIFY(socket.isValid());
}

void TestSimRestApi::bodyWithoutAValidTokenIsRefusedAtItsHead_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("no token") << QByteArray();
    QTest::newRow("a token nobody issued") << QByteArrayLiteral("nobody");
}

// A request that announces a 64 MiB body without a valid token is answered
// 401 as soon as its head is in, and the connection ends, while the client
// has sent a sliver of the body: the server never reads (or keeps) the rest.
void TestSimRestApi::bodyWithoutAValidTokenIsRefusedAtItsHead()
{
    QFETCH(QByteArray, token);
    SimOptions o = quiet();
    o.tokens = {{QStringLiteral("op"), QStringLiteral("operator")}};
    SimHost server(o);
    QVERIFY(server.listen());
    RawHttp http(server.port());
    http.write(postHead("/api/v1/commands", token, "Content-Length: 67108864"));
    http.write(QByteArray(16 * 1024, '{'));
    const Reply reply = http.answer();
    QCOMPARE(reply.status, 401);
    QCOMPARE(errorCode(reply.body), QStringLiteral("unauthorized"));
    QVERIFY(http.written < o.maxBodyBytes);
    QVERIFY(http.closesWithin(3000));
}

void TestSimRestApi::bodyOverTheBoundIs413_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("declared") << false;
    QTest::newRow("chunked") << true;
}

// A body over --max-body-bytes is refused with 413 `too_large` (the
// error shape of every REST error) and the connection ends: a declared one
// before a byte of it is read, a chunked one as soon as it grows past it.
void TestSimRestApi::bodyOverTheBoundIs413()
{
    QFETCH(bool, chunked);
    SimOptions o = quiet();
    o.tokens = {{QStringLiteral("op"), QStringLiteral("operator")}};
    SimHost server(o);
    QVERIFY(server.listen());
    QCOMPARE(o.maxBodyBytes, 64 * 1024); // the documented default
    RawHttp http(server.port());
    if (chunked) {
        http.write(postHead("/api/v1/commands", "op", "Transfer-Encoding: chunked"));
        // 16 KiB chunks, one more than the bound takes, and no last chunk.
        for (int i = 0; i < 5; ++i)
            http.write("4000\r\n" + QByteArray(16 * 1024, ' ') + "\r\n");
    } else {
        http.write(postHead("/api/v1/commands", "op", "Content-Length: 65537"));
        http.write(QByteArray(1024, ' '));
    }
    const Reply reply = http.answer();
    QCOMPARE(reply.status, 413);
    QCOMPARE(errorCode(reply.body), QStringLiteral("too_large"));
    QVERIFY(http.closesWithin(3000));
}

// The gate follows a keep-alive connection request by request: bodiless
// requests and authorized small bodies pass as before, and a later request
// with a body and no token is refused at its head all the same.
void TestSimRestApi::everyRequestOfAConnectionIsJudged()
{
    SimOptions o = quiet();
    o.tokens = {{QStringLiteral("op"), QStringLiteral("operator")}};
    SimHost server(o);
    QVERIFY(server.listen());
    RawHttp http(server.port());
    http.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(http.answer().status, 200);
    const QByteArray ack = R"({"note":"seen"})";
    http.write(postHead("/api/v1/alarms/A-404/ack", "op", "Content-Length: " + QByteArray::number(ack.size())) + ack);
    const Reply known = http.answer();
    QCOMPARE(known.status, 404); // through to the API: no such alarm
    QCOMPARE(errorCode(known.body), QStringLiteral("not_found"));
    // A chunked body within the bound passes too.
    http.write(postHead("/api/v1/alarms/A-404/ack", "op", "Transfer-Encoding: chunked")
               + QByteArray::number(ack.size(), 16) + "\r\n" + ack + "\r\n0\r\n\r\n");
    QCOMPARE(http.answer().status, 404);
    QCOMPARE(http.socket.state(), QAbstractSocket::ConnectedState);

    const qint64 before = http.written;
    http.write(postHead("/api/v1/commands", {}, "Content-Length: 67108864"));
    http.write(QByteArray(8 * 1024, '{'));
    const Reply refused = http.answer();
    QCOMPARE(refused.status, 401);
    QVERIFY(http.written - before < o.maxBodyBytes);
    QVERIFY(http.closesWithin(3000));
}

void TestSimRestApi::tlsServesWssAndHttps()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY2(makeTestCertificate(dir), "the openssl command could not make a certificate");
    SimOptions o = quiet();
    QCOMPARE(o.loadTls(dir.filePath(QStringLiteral("cert.pem")), dir.filePath(QStringLiteral("key.pem"))),
             std::nullopt);
    SimHost server(o);
    QVERIFY(server.listen());
    QVERIFY(server.url().startsWith(QStringLiteral("wss://127.0.0.1:")));

    QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
    trust.setCaCertificates({o.tlsCertificate});

    GatewayTestClient console(server.url());
    console.socket().close();
    console.socket().setSslConfiguration(trust);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("watchfloor.v1")});
    console.socket().open(QNetworkRequest(QUrl(server.url())), options);
    QVERIFY(console.authenticate().value(QLatin1StringView("ok")).toBool());
    QCOMPARE(console.socket().subprotocol(), QStringLiteral("watchfloor.v1"));

    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(server.port());
    RestClient rest(base, trust);
    Reply reply = rest.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(reply.status, 200);
    reply = rest.get(QStringLiteral("/api/v1/snapshot"));
    QCOMPARE(reply.status, 200);

    // Without trusting that certificate, or without TLS at all, nothing is served.
    RestClient untrusting(base);
    QCOMPARE(untrusting.get(QStringLiteral("/api/v1/health")).error, QNetworkReply::SslHandshakeFailedError);
    RestClient plain(httpBase(server));
    QCOMPARE(plain.get(QStringLiteral("/api/v1/health")).status, 0);
}

void TestSimRestApi::tlsFilesAreChecked()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(makeTestCertificate(dir));
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    const QString garbage = dir.filePath(QStringLiteral("garbage.pem"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not PEM at all\n");
    file.close();

    SimOptions o;
    QVERIFY(o.loadTls(dir.filePath(QStringLiteral("missing.pem")), key)->contains(QStringLiteral("cannot read")));
    QVERIFY(o.loadTls(garbage, key)->contains(QStringLiteral("not a PEM certificate")));
    QVERIFY(o.loadTls(cert, garbage)->contains(QStringLiteral("private key")));
    QVERIFY(o.loadTls(key, cert).has_value());
    QVERIFY(!o.tls());
    QVERIFY(!o.loadTls(cert, key).has_value());
    QVERIFY(o.tls());
}

void TestSimRestApi::tlsFlagsMisusedExitWith2()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.pem"));
    for (const QStringList &arguments :
         {QStringList {QStringLiteral("--tls-cert"), missing},
          QStringList {QStringLiteral("--tls-cert"), missing, QStringLiteral("--tls-key"), missing}}) {
        QProcess sim;
        sim.start(QStringLiteral(WATCHFLOOR_SIM_PATH),
                  arguments + QStringList {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitCode(), 2);
        const QByteArray error = sim.readAllStandardError();
        QVERIFY2(error.startsWith("watchfloor-sim: ") && error.count('\n') == 1, error.constData());
    }
}

QTEST_GUILESS_MAIN(TestSimRestApi)
#include "tst_simrestapi.moc"
