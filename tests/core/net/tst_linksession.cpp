#include "net/linkdialect.h"
#include "net/linksession.h"
#include "net/requesttracker.h"
#include "net/sequenceguard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

using Kind = ConnectionSettings::Dialect;
using Recovery = LinkSession::Recovery;
using Room = LinkSession::Room;

const QUrl kPrimary(QStringLiteral("ws://primary.example:8080/ws"));
const QUrl kFallback(QStringLiteral("ws://fallback.example:8080/ws"));

// The link as the session sees it: it records every frame sent, in order,
// and answers the session's questions as the test sets them.
class RecordingLink : public LinkSession::Link
{
public:
    void sendText(const QString &text) override { sent.append(QJsonDocument::fromJson(text.toUtf8()).object()); }
    bool isOpen() const override { return open; }
    QUrl server() const override { return url; }
    const LinkDialect *linkDialect() const override { return dialect.get(); }
    bool roomsLive() const override { return live; }

    // "type channel" of each frame sent, e.g. "subscribe drones".
    QStringList summary() const
    {
        QStringList out;
        for (const QJsonObject &frame : sent) {
            QString line = frame.value(u"type").toString();
            if (frame.contains(u"channel"))
                line += QLatin1Char(' ') + frame.value(u"channel").toString();
            out.append(line);
        }
        return out;
    }

    QList<QJsonObject> sent;
    bool open = true;
    QUrl url = kPrimary;
    std::unique_ptr<LinkDialect> dialect = LinkDialect::create(Kind::Watchfloor, QString(), kPrimary);
    bool live = false;
};

Protocol::Hello hello()
{
    Protocol::Hello h;
    h.protocol = 1;
    h.server = QStringLiteral("watchfloor-sim");
    return h;
}

} // namespace

// The watchfloor session on its own: what it sends, in which order, and
// when it calls the link live, with the frames recorded and the server's
// answers given by the test.
class TestLinkSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void authenticatesOnHelloThenSubscribesEachChannelInOrder();
    void liveOnlyOnceTheLastSnapshotAwaitedIsApplied();
    void aRefusedChannelIsNotAwaitedAndAllRefusedFails();
    void resumesOnlyOnTheServerThatOpenedTheSession();
    void aResumeIsLiveOnceItsReplayIsIn();
    void aRefusedResumeSubscribesAfreshInTheNewSession();
    void roomsGoOutWhileLiveAndAreReenteredAfterAReconnect();
    void roomsChangedWhileDownAreSyncedAfterAResume();
    void aForgottenSessionIsNotResumed();

private:
    // Answers the last request of `type` sent.
    void answer(const QString &type, bool ok, const QJsonObject &data = {}, const QString &code = {});
    // hello, auth granted with `sessionId`.
    void open(const QString &sessionId);
    void applyEvents(quint64 from, quint64 to);

    std::unique_ptr<RecordingLink> m_link;
    std::unique_ptr<RequestTracker> m_requests;
    std::unique_ptr<SequenceGuard> m_sequence;
    std::unique_ptr<LinkSession> m_session;
};

void TestLinkSession::init()
{
    m_link = std::make_unique<RecordingLink>();
    m_requests = std::make_unique<RequestTracker>();
    m_sequence = std::make_unique<SequenceGuard>();
    m_session = std::make_unique<LinkSession>(*m_link, *m_requests, *m_sequence);
    m_session->setCredentials(QStringLiteral("t0ken"), QStringLiteral("Ada"));
    m_session->setChannels({QStringLiteral("drones"), QStringLiteral("alarms"), QStringLiteral("telemetry")});
    // The session feeds back on itself the way the link does: live ends any replay.
    connect(m_session.get(), &LinkSession::live, m_session.get(), [this] { m_session->noteLive(); });
}

void TestLinkSession::cleanup()
{
    m_session.reset();
    m_requests.reset();
    m_sequence.reset();
    m_link.reset();
}

void TestLinkSession::answer(const QString &type, bool ok, const QJsonObject &data, const QString &code)
{
    for (qsizetype i = m_link->sent.size() - 1; i >= 0; --i) {
        const QJsonObject &frame = m_link->sent.at(i);
        if (frame.value(u"type").toString() != type)
            continue;
        Protocol::Result result;
        result.id = quint64(frame.value(u"id").toInteger());
        result.ok = ok;
        result.data = data;
        result.error = {code, QString()};
        QVERIFY(m_requests->resolve(result));
        return;
    }
    QFAIL(qPrintable(QStringLiteral("no %1 was sent").arg(type)));
}

void TestLinkSession::open(const QString &sessionId)
{
    m_session->newLink();
    m_session->greet(hello());
    answer(QStringLiteral("auth"), true,
           {{QStringLiteral("sessionId"), sessionId}, {QStringLiteral("role"), QStringLiteral("operator")}});
}

void TestLinkSession::applyEvents(quint64 from, quint64 to)
{
    for (quint64 seq = from; seq <= to; ++seq)
        QCOMPARE(m_sequence->check(seq), SequenceGuard::Verdict::Apply);
    m_session->frameApplied();
}

void TestLinkSession::authenticatesOnHelloThenSubscribesEachChannelInOrder()
{
    QSignalSpy subscribing(m_session.get(), &LinkSession::subscribing);
    m_session->addRoom({QStringLiteral("drone_detail"), QStringLiteral("serials"), {QStringLiteral("D-7")}});
    QVERIFY(m_link->sent.isEmpty()); // not live: the room waits for the session

    m_session->newLink();
    m_session->greet(hello());
    QCOMPARE(m_link->summary(), QStringList {QStringLiteral("auth")});
    QCOMPARE(m_link->sent.first().value(u"token").toString(), QStringLiteral("t0ken"));
    QCOMPARE(m_link->sent.first().value(u"operator").toString(), QStringLiteral("Ada"));
    QCOMPARE(subscribing.size(), 0);

    answer(QStringLiteral("auth"), true,
           {{QStringLiteral("sessionId"), QStringLiteral("s-1")}, {QStringLiteral("role"), QStringLiteral("viewer")}});
    QCOMPARE(subscribing.size(), 1);
    QCOMPARE(
        m_link->summary(),
        (QStringList {QStringLiteral("auth"), QStringLiteral("subscribe drones"), QStringLiteral("subscribe alarms"),
                      QStringLiteral("subscribe telemetry"), QStringLiteral("subscribe drone_detail")}));
    QCOMPARE(m_link->sent.last().value(u"serials").toArray(), QJsonArray {QStringLiteral("D-7")});
    QCOMPARE(m_session->sessionId(), QStringLiteral("s-1"));
    QCOMPARE(m_session->role(), QStringLiteral("viewer"));
    QCOMPARE(m_session->serverName(), QStringLiteral("watchfloor-sim"));
    QCOMPARE(m_session->lastRecovery(), Recovery::None); // a first session recovers nothing
}

void TestLinkSession::liveOnlyOnceTheLastSnapshotAwaitedIsApplied()
{
    QSignalSpy live(m_session.get(), &LinkSession::live);
    m_session->addRoom({QStringLiteral("drone_detail"), QStringLiteral("serials"), {QStringLiteral("D-7")}});
    open(QStringLiteral("s-1"));
    QCOMPARE(live.size(), 0);

    m_session->snapshotApplied(QStringLiteral("alarms"));
    m_session->snapshotApplied(QStringLiteral("machines")); // not asked for: no news
    m_session->snapshotApplied(QStringLiteral("drones"));
    m_session->snapshotApplied(QStringLiteral("alarms")); // a refresh of one already in
    QCOMPARE(live.size(), 0);
    m_session->snapshotApplied(QStringLiteral("telemetry"));
    QCOMPARE(live.size(), 0); // the room's snapshot counts too
    m_session->snapshotApplied(QStringLiteral("drone_detail"));
    QCOMPARE(live.size(), 1);

    m_session->snapshotApplied(QStringLiteral("drones")); // while live: nothing
    QCOMPARE(live.size(), 1);
}

void TestLinkSession::aRefusedChannelIsNotAwaitedAndAllRefusedFails()
{
    QSignalSpy live(m_session.get(), &LinkSession::live);
    QSignalSpy refused(m_session.get(), &LinkSession::channelRefused);
    QSignalSpy failed(m_session.get(), &LinkSession::failed);
    m_session->setChannels({QStringLiteral("drones"), QStringLiteral("tiles")});
    open(QStringLiteral("s-1"));
    answer(QStringLiteral("subscribe"), false, {}, QStringLiteral("unknown_channel")); // tiles
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().first().toString(), QStringLiteral("tiles"));
    QCOMPARE(m_session->refusedChannels(), QStringList {QStringLiteral("tiles")});
    QCOMPARE(live.size(), 0);
    m_session->snapshotApplied(QStringLiteral("drones"));
    QCOMPARE(live.size(), 1);
    QCOMPARE(failed.size(), 0);

    // The next link starts with nothing refused; refusing both fails it.
    m_link->sent.clear();
    m_session->forget();
    open(QStringLiteral("s-2"));
    QVERIFY(m_session->refusedChannels().isEmpty());
    const QList<QJsonObject> subscriptions = m_link->sent.mid(1);
    QCOMPARE(subscriptions.size(), 2);
    for (const QJsonObject &frame : subscriptions) {
        Protocol::Result no;
        no.id = quint64(frame.value(u"id").toInteger());
        no.error.code = QStringLiteral("unknown_channel");
        QVERIFY(m_requests->resolve(no));
    }
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("unknown_channel")));
    QCOMPARE(live.size(), 1);
}

void TestLinkSession::resumesOnlyOnTheServerThatOpenedTheSession()
{
    m_session->setChannels({QStringLiteral("drones")});
    open(QStringLiteral("s-1"));
    m_session->snapshotApplied(QStringLiteral("drones"));
    applyEvents(1, 5);

    // Back on the same server: resume where the stream broke off.
    m_link->sent.clear();
    open(QStringLiteral("s-2"));
    QCOMPARE(m_link->summary(), (QStringList {QStringLiteral("auth"), QStringLiteral("resume")}));
    QCOMPARE(m_link->sent.last().value(u"sessionId").toString(), QStringLiteral("s-1"));
    QCOMPARE(m_link->sent.last().value(u"lastSeq").toInteger(), qint64(5));
    QCOMPARE(m_session->lastRecovery(), Recovery::Resynced); // until the resume is accepted

    // On another server the old session's id means nothing: subscribe afresh.
    m_link->sent.clear();
    m_link->url = kFallback;
    open(QStringLiteral("f-1"));
    QCOMPARE(m_link->summary(), (QStringList {QStringLiteral("auth"), QStringLiteral("subscribe drones")}));
    QCOMPARE(m_session->sessionId(), QStringLiteral("f-1"));
    QCOMPARE(m_sequence->lastSeq(), quint64(0)); // a new numbering
}

void TestLinkSession::aResumeIsLiveOnceItsReplayIsIn()
{
    QSignalSpy live(m_session.get(), &LinkSession::live);
    m_session->setChannels({QStringLiteral("drones")});
    open(QStringLiteral("s-1"));
    m_session->snapshotApplied(QStringLiteral("drones"));
    applyEvents(1, 5);
    QCOMPARE(live.size(), 1);

    open(QStringLiteral("s-2"));
    answer(QStringLiteral("resume"), true, {{QStringLiteral("replayed"), 3}});
    QCOMPARE(m_session->lastRecovery(), Recovery::Resumed);
    QCOMPARE(m_session->sessionId(), QStringLiteral("s-1")); // the session goes on
    applyEvents(6, 7);
    QCOMPARE(live.size(), 1);
    applyEvents(8, 8);
    QCOMPARE(live.size(), 2);
    applyEvents(9, 9); // the live stream after the replay: no news
    QCOMPARE(live.size(), 2);

    // Nothing missed: live at once.
    open(QStringLiteral("s-3"));
    answer(QStringLiteral("resume"), true, {{QStringLiteral("replayed"), 0}});
    QCOMPARE(live.size(), 3);
}

void TestLinkSession::aRefusedResumeSubscribesAfreshInTheNewSession()
{
    QSignalSpy live(m_session.get(), &LinkSession::live);
    m_session->setChannels({QStringLiteral("drones"), QStringLiteral("alarms")});
    open(QStringLiteral("s-1"));
    m_session->snapshotApplied(QStringLiteral("drones"));
    m_session->snapshotApplied(QStringLiteral("alarms"));
    applyEvents(1, 4);

    m_link->sent.clear();
    open(QStringLiteral("s-2"));
    answer(QStringLiteral("resume"), false, {}, QStringLiteral("resync_required"));
    QCOMPARE(m_link->summary(),
             (QStringList {QStringLiteral("auth"), QStringLiteral("resume"), QStringLiteral("subscribe drones"),
                           QStringLiteral("subscribe alarms")}));
    QCOMPARE(m_session->sessionId(), QStringLiteral("s-2"));
    QCOMPARE(m_session->lastRecovery(), Recovery::Resynced);
    QCOMPARE(m_sequence->lastSeq(), quint64(0));
    QCOMPARE(live.size(), 1);
    m_session->snapshotApplied(QStringLiteral("drones"));
    m_session->snapshotApplied(QStringLiteral("alarms"));
    QCOMPARE(live.size(), 2);
}

void TestLinkSession::roomsGoOutWhileLiveAndAreReenteredAfterAReconnect()
{
    const Room drone {QStringLiteral("drone_detail"), QStringLiteral("serials"), {QStringLiteral("D-7")}};
    const Room endpoint {QStringLiteral("endpoint_stream"), QStringLiteral("endpointIds"), {QStringLiteral("E-1")}};
    m_session->setChannels({QStringLiteral("drones")});
    open(QStringLiteral("s-1"));
    m_session->snapshotApplied(QStringLiteral("drones"));
    m_link->live = true;

    m_link->sent.clear();
    m_session->addRoom(drone);
    m_session->addRoom(drone); // wanted once, sent once
    m_session->addRoom(endpoint);
    QCOMPARE(m_link->summary(),
             (QStringList {QStringLiteral("subscribe drone_detail"), QStringLiteral("subscribe endpoint_stream")}));
    m_session->removeRoom(endpoint);
    QCOMPARE(m_link->summary().last(), QStringLiteral("unsubscribe endpoint_stream"));
    QCOMPARE(m_session->rooms(), QList<Room> {drone});

    // A reconnect to another server: a fresh session, in which the room is
    // entered again with the channels and awaited like them.
    QSignalSpy live(m_session.get(), &LinkSession::live);
    m_link->live = false;
    m_link->url = kFallback;
    m_link->sent.clear();
    open(QStringLiteral("f-1"));
    QCOMPARE(m_link->summary(),
             (QStringList {QStringLiteral("auth"), QStringLiteral("subscribe drones"),
                           QStringLiteral("subscribe drone_detail")}));
    m_session->snapshotApplied(QStringLiteral("drones"));
    QCOMPARE(live.size(), 0);
    m_session->snapshotApplied(QStringLiteral("drone_detail"));
    QCOMPARE(live.size(), 1);
}

void TestLinkSession::roomsChangedWhileDownAreSyncedAfterAResume()
{
    const Room kept {QStringLiteral("drone_detail"), QStringLiteral("serials"), {QStringLiteral("D-1")}};
    const Room closed {QStringLiteral("drone_detail"), QStringLiteral("serials"), {QStringLiteral("D-2")}};
    const Room opened {QStringLiteral("endpoint_stream"), QStringLiteral("endpointIds"), {QStringLiteral("E-1")}};
    QSignalSpy roomRefused(m_session.get(), &LinkSession::roomRefused);
    m_session->setChannels({QStringLiteral("drones")});
    m_session->addRoom(kept);
    m_session->addRoom(closed);
    open(QStringLiteral("s-1"));
    m_session->snapshotApplied(QStringLiteral("drones"));
    m_session->snapshotApplied(QStringLiteral("drone_detail"));
    m_session->snapshotApplied(QStringLiteral("drone_detail"));
    applyEvents(1, 3);

    // The link is down: the views change their rooms meanwhile.
    m_session->removeRoom(closed);
    m_session->addRoom(opened);
    m_link->sent.clear();
    open(QStringLiteral("s-2"));
    answer(QStringLiteral("resume"), true, {{QStringLiteral("replayed"), 0}});
    // The server kept `kept`; only the changes go out.
    QCOMPARE(m_link->summary(),
             (QStringList {QStringLiteral("auth"), QStringLiteral("resume"),
                           QStringLiteral("subscribe endpoint_stream"), QStringLiteral("unsubscribe drone_detail")}));
    QCOMPARE(m_link->sent.last().value(u"serials").toArray(), QJsonArray {QStringLiteral("D-2")});

    // The server refuses the new room: the session reports it and no longer counts it as entered.
    answer(QStringLiteral("subscribe"), false, {}, QStringLiteral("too_many_subscriptions"));
    QCOMPARE(roomRefused.size(), 1);
    QCOMPARE(roomRefused.first().first().value<Room>(), opened);
}

void TestLinkSession::aForgottenSessionIsNotResumed()
{
    m_session->setChannels({QStringLiteral("drones")});
    open(QStringLiteral("s-1"));
    m_session->snapshotApplied(QStringLiteral("drones"));
    applyEvents(1, 2);
    m_session->forget(); // the server's numbering started over, say
    m_link->sent.clear();
    open(QStringLiteral("s-2"));
    QCOMPARE(m_link->summary(), (QStringList {QStringLiteral("auth"), QStringLiteral("subscribe drones")}));
    QCOMPARE(m_session->sessionId(), QStringLiteral("s-2"));
}

QTEST_GUILESS_MAIN(TestLinkSession)
#include "tst_linksession.moc"
