#include "net/socketiodialect.h"

#include <QTest>

using Link = LinkDialect::Reaction::Link;

// The Socket.IO framing: what each Engine.IO packet means for the link, and
// the frames that carry rooms and requests.
class TestSocketIoDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handshakeGoesToTheEngineWithoutSubprotocol();
    void openConnectsWithTheTokenAndWatchesThePingPeriod();
    void openConnectsToTheProfilesNamespace();
    void pingIsAnsweredWithPong();
    void connectTakesTheConsoleIn();
    void refusalAndGoodbyesEndTheLink();
    void eventsBecomeWatchfloorMessages();
    void unreadablePacketIsReportedAndChangesNothing();
    void roomsAreDroneRoomsJoinedOneSerialAtATime();
    void onlyAcknowledgeAndRefreshAreSent();
    void probeWaitsForTheEngineOpen();
};

void TestSocketIoDialect::handshakeGoesToTheEngineWithoutSubprotocol()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    QCOMPARE(dialect.kind(), ConnectionSettings::Dialect::SocketIo);
    const QUrl url = dialect.socketUrl(QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    QCOMPARE(url.path(), QStringLiteral("/socket.io/"));
    QVERIFY2(url.query().contains(u"EIO=4") && url.query().contains(u"transport=websocket"),
             qPrintable(url.toString()));
    QVERIFY(dialect.subprotocols().isEmpty());
    QVERIFY(dialect.hasRooms());
    QVERIFY(!dialect.answersRequests());
    QVERIFY(!dialect.deliversSnapshots());
}

void TestSocketIoDialect::openConnectsWithTheTokenAndWatchesThePingPeriod()
{
    SocketIoDialect dialect(QStringLiteral("secret"), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    const auto r = dialect.readText(
        QStringLiteral(R"(0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000})"));
    QVERIFY(r.unreadable.isEmpty());
    QCOMPARE(r.link, Link::Unchanged); // not taken in before the connect packet
    QCOMPARE(r.heartbeatMs, (25000 + 20000) / 2);
    QCOMPARE(r.replies, QStringList {QStringLiteral(R"(40{"token":"secret"})")});
    QVERIFY(!r.frame);

    SocketIoDialect anonymous(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    const auto a
        = anonymous.readText(QStringLiteral(R"(0{"sid":"abc","upgrades":[],"pingInterval":20,"pingTimeout":10})"));
    QCOMPARE(a.replies, QStringList {QStringLiteral("40")});
    QCOMPARE(a.heartbeatMs, 50); // never below 100 ms for both together
}

void TestSocketIoDialect::openConnectsToTheProfilesNamespace()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/fleet")));
    const auto r = dialect.readText(QStringLiteral(R"(0{"sid":"abc","upgrades":[],"pingInterval":1,"pingTimeout":1})"));
    QCOMPARE(r.replies, QStringList {QStringLiteral("40/fleet,")});
}

void TestSocketIoDialect::pingIsAnsweredWithPong()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    QCOMPARE(dialect.readText(QStringLiteral("2")).replies, QStringList {QStringLiteral("3")});
    QCOMPARE(dialect.readText(QStringLiteral("2probe")).replies, QStringList {QStringLiteral("3probe")});
    QCOMPARE(dialect.readText(QStringLiteral("2")).link, Link::Unchanged);
}

void TestSocketIoDialect::connectTakesTheConsoleIn()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    const auto r = dialect.readText(QStringLiteral(R"(40{"sid":"xyz"})"));
    QCOMPARE(r.link, Link::Opened);
    QVERIFY(r.replies.isEmpty());
}

void TestSocketIoDialect::refusalAndGoodbyesEndTheLink()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    const auto refused = dialect.readText(QStringLiteral(R"(44{"message":"bad token"})"));
    QCOMPARE(refused.link, Link::Refused);
    QVERIFY2(refused.reason.contains(u"bad token"), qPrintable(refused.reason));
    const auto disconnected = dialect.readText(QStringLiteral("41"));
    QCOMPARE(disconnected.link, Link::Lost);
    QVERIFY(!disconnected.reason.isEmpty());
    const auto closed = dialect.readText(QStringLiteral("1"));
    QCOMPARE(closed.link, Link::Lost);
    QVERIFY(closed.reason != disconnected.reason);
}

void TestSocketIoDialect::eventsBecomeWatchfloorMessages()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    const auto r = dialect.readText(QStringLiteral(
        R"(42["drone_update",{"serial":"DR-1001","type":"status","data":{"state":"flying","battery":92,"location":{"lat":52.1,"lon":4.3,"alt":30.5},"speed":4.2},"timestamp":"2026-11-22T18:29:13.399Z"}])"));
    QCOMPARE(r.link, Link::Unchanged);
    QVERIFY(r.frame);
    QVERIFY2(r.frame->errors.isEmpty(), qPrintable(r.frame->errors.value(0).toString()));
    QCOMPARE(r.frame->messages.size(), 1);
    QVERIFY(!r.frame->messages.first().seq); // Socket.IO numbers nothing

    const auto unknown = dialect.readText(QStringLiteral(R"(42["chat_message",{"text":"hi"}])"));
    QVERIFY(!unknown.frame); // an event this console has no use for
    QCOMPARE(unknown.link, Link::Unchanged);
    QVERIFY(unknown.unreadable.isEmpty());
}

void TestSocketIoDialect::unreadablePacketIsReportedAndChangesNothing()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    for (const QString &text : {QString(), QStringLiteral("x"), QStringLiteral(R"(42"drone_update")")}) {
        const auto r = dialect.readText(text);
        QVERIFY2(!r.unreadable.isEmpty(), qPrintable(text));
        QCOMPARE(r.link, Link::Unchanged);
        QVERIFY(r.replies.isEmpty());
        QVERIFY(!r.frame);
    }
}

void TestSocketIoDialect::roomsAreDroneRoomsJoinedOneSerialAtATime()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    const QStringList ids {QStringLiteral("DR-1"), QStringLiteral("DR-2")};
    QCOMPARE(dialect.roomFrames(true, QStringLiteral("drone_detail"), QStringLiteral("serials"), ids, 7),
             (QStringList {QStringLiteral(R"(42["join_drone_room","DR-1"])"),
                           QStringLiteral(R"(42["join_drone_room","DR-2"])")}));
    QCOMPARE(dialect.roomFrames(false, QStringLiteral("drone_detail"), QStringLiteral("serials"), ids, 8),
             (QStringList {QStringLiteral(R"(42["leave_drone_room","DR-1"])"),
                           QStringLiteral(R"(42["leave_drone_room","DR-2"])")}));
    QVERIFY(
        dialect.roomFrames(true, QStringLiteral("endpoint_stream"), QStringLiteral("endpointIds"), ids, 9).isEmpty());
}

void TestSocketIoDialect::onlyAcknowledgeAndRefreshAreSent()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    int idsTaken = 0;
    const LinkDialect::NextId nextId = [&idsTaken] { return quint64(++idsTaken); };
    const auto ack = dialect.unansweredRequest(QStringLiteral("ack_alarm"),
                                               {{QLatin1StringView("alarmId"), QStringLiteral("al-7")}}, nextId);
    QVERIFY(ack);
    QCOMPARE(*ack, QStringLiteral("42[\"acknowledge_alert\",\"al-7\"]"));
    const auto refresh = dialect.unansweredRequest(QStringLiteral("request_data_refresh"), {}, nextId);
    QVERIFY(refresh);
    QVERIFY2(refresh->startsWith(QStringLiteral("42[\"request_data_refresh\",\"")), qPrintable(*refresh));
    QVERIFY(!dialect.unansweredRequest(QStringLiteral("command"), {}, nextId));
    QCOMPARE(idsTaken, 0); // Socket.IO frames carry no ids
}

void TestSocketIoDialect::probeWaitsForTheEngineOpen()
{
    SocketIoDialect dialect(QString(), QUrl(QStringLiteral("ws://127.0.0.1:9/")));
    QVERIFY(!dialect.answeredByHandshake(QString()));
    QVERIFY(dialect.isGreeting(QStringLiteral(R"(0{"sid":"abc","upgrades":[],"pingInterval":1,"pingTimeout":1})")));
    QVERIFY(!dialect.isGreeting(QStringLiteral(R"({"type":"hello","protocol":1})")));
    QVERIFY(!dialect.isGreeting(QStringLiteral("2")));
}

QTEST_GUILESS_MAIN(TestSocketIoDialect)
#include "tst_socketiodialect.moc"
