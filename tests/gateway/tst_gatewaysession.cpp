// A session's replay from the shared journal: what `resume` sends is what
// was sent, message for message; a session keeps positions, not copies;
// and whatever is no longer kept makes the replay refuse rather than skip.
#include "gatewayjournal.h"
#include "gatewaysession.h"

#include <QJsonArray>
#include <QTest>

#include <memory>
#include <vector>

class TestGatewaySession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replayIsWhatWasSent();
    void sessionsShareTheJournal();
    void eventGoneFromTheJournalMeansResync();
    void ownMessagesAreKeptWithinTheirBudget();
    void pruneForgetsWhatCannotBeReplayed();
    void skippedEventsCannotBeBridged();
    void journalKeepsTextInBlocksAndLetsThemGo();
    void messageLargerThanABlockIsKeptWhole();

private:
    static PlantEvent droneEvent(int n)
    {
        return {QStringLiteral("drones"),
                QStringLiteral("D-%1").arg(n),
                {{QLatin1StringView("type"), QStringLiteral("drone_update")},
                 {QLatin1StringView("serial"), QStringLiteral("D-%1").arg(n)},
                 {QLatin1StringView("battery"), 50 + n}}};
    }
    static std::unique_ptr<GatewaySession> subscribed(GatewaySession::Limits limits = {})
    {
        auto s = std::make_unique<GatewaySession>(QStringLiteral("s-1"), QByteArray("owner"), QStringLiteral("anna"),
                                                  QStringLiteral("operator"), limits);
        s->subscribe({QStringLiteral("drones"), {}});
        return s;
    }
};

void TestGatewaySession::replayIsWhatWasSent()
{
    GatewayJournal journal({});
    auto session = subscribed();
    QList<QJsonObject> sent;
    for (int i = 0; i < 5; ++i) {
        sent.append(session->stamp(journal.append(droneEvent(i), 1000 + i)));
        if (i == 2)
            sent.append(session->stampOwn({{QLatin1StringView("type"), QStringLiteral("error")}}, 1002));
    }
    QCOMPARE(session->lastSeq(), quint64(6));
    for (qsizetype i = 0; i < sent.size(); ++i) {
        QCOMPARE(sent.at(i).value(QLatin1StringView("seq")).toInteger(), i + 1);
        QVERIFY(sent.at(i).contains(QLatin1StringView("ts")));
    }
    QCOMPARE(session->eventsAfter(0, journal), std::optional(sent));
    QCOMPARE(session->eventsAfter(4, journal), std::optional(sent.mid(4)));
    QCOMPARE(session->eventsAfter(6, journal), std::optional(QList<QJsonObject> {}));
    QVERIFY(!session->eventsAfter(7, journal)); // never sent
}

void TestGatewaySession::sessionsShareTheJournal()
{
    // A thousand sessions on one stream keep one copy of each event between
    // them; each keeps positions only.
    GatewayJournal journal({});
    std::vector<std::unique_ptr<GatewaySession>> sessions;
    for (int i = 0; i < 1000; ++i)
        sessions.push_back(subscribed());
    for (int e = 0; e < 20; ++e) {
        const GatewayJournal::Entry &entry = journal.append(droneEvent(e), 5000 + e);
        for (const auto &s : sessions)
            s->stamp(entry);
    }
    QCOMPARE(journal.size(), 20);
    for (const auto &s : sessions) {
        QCOMPARE(s->ownBytes(), 0);
        QCOMPARE(s->replayDepth(), 20);
    }
    const auto replay = sessions.back()->eventsAfter(15, journal);
    QVERIFY(replay);
    QCOMPARE(replay->size(), 5);
    QCOMPARE(replay->first().value(QLatin1StringView("serial")).toString(), QStringLiteral("D-15"));
    QCOMPARE(replay->first().value(QLatin1StringView("seq")).toInteger(), 16);
}

void TestGatewaySession::eventGoneFromTheJournalMeansResync()
{
    GatewayJournal journal({3, 60000});
    auto session = subscribed();
    for (int e = 0; e < 5; ++e)
        session->stamp(journal.append(droneEvent(e), 1000));
    QCOMPARE(journal.firstPosition(), quint64(3));
    QVERIFY(!session->eventsAfter(1, journal)); // seq 2 is gone
    const auto replay = session->eventsAfter(2, journal);
    QVERIFY(replay);
    QCOMPARE(replay->size(), 3);

    journal.prune(1000 + 60001); // too old now, all of it
    QCOMPARE(journal.size(), 0);
    QVERIFY(!session->eventsAfter(4, journal));
    QCOMPARE(session->eventsAfter(5, journal), std::optional(QList<QJsonObject> {}));
}

void TestGatewaySession::ownMessagesAreKeptWithinTheirBudget()
{
    GatewayJournal journal({});
    auto session = subscribed({10000, 60000, 400});
    const auto snapshot = [](int items) {
        QJsonArray list;
        for (int i = 0; i < items; ++i)
            list.append(QStringLiteral("item-%1").arg(i));
        return QJsonObject {{QLatin1StringView("type"), QStringLiteral("snapshot")},
                            {QLatin1StringView("items"), list}};
    };
    session->stampOwn(snapshot(5), 1000); // seq 1, about 100 bytes: kept
    session->stamp(journal.append(droneEvent(1), 1000)); // seq 2
    QVERIFY(session->ownBytes() > 0);
    QCOMPARE(session->eventsAfter(0, journal)->size(), 2);

    session->stampOwn(snapshot(100), 1001); // seq 3, over the budget: not kept
    session->stamp(journal.append(droneEvent(2), 1001)); // seq 4
    QVERIFY(!session->eventsAfter(0, journal)); // the replay would have a hole
    QVERIFY(!session->eventsAfter(2, journal));
    QCOMPARE(session->eventsAfter(3, journal)->size(), 1);

    // Newer own messages push older ones out: the budget holds.
    for (int i = 0; i < 10; ++i)
        session->stampOwn(snapshot(5), 1002);
    QVERIFY(session->ownBytes() <= 400);
    QVERIFY(!session->eventsAfter(4, journal));
    QCOMPARE(session->eventsAfter(13, journal)->size(), 1);
}

void TestGatewaySession::pruneForgetsWhatCannotBeReplayed()
{
    GatewayJournal journal({10000, 1000});
    auto session = subscribed({10000, 1000, 4096});
    for (int e = 0; e < 50; ++e)
        session->stamp(journal.append(droneEvent(e), 1000));
    session->stampOwn({{QLatin1StringView("type"), QStringLiteral("error")}}, 1000);
    QCOMPARE(session->replayDepth(), 51);

    journal.prune(2500);
    session->prune(journal, 2500);
    QCOMPARE(session->replayDepth(), 0);
    QCOMPARE(session->ownBytes(), 0);
    QCOMPARE(session->lastSeq(), quint64(51));
    session->stamp(journal.append(droneEvent(99), 2500));
    QCOMPARE(session->eventsAfter(51, journal)->size(), 1);
    QVERIFY(!session->eventsAfter(50, journal));
}

void TestGatewaySession::skippedEventsCannotBeBridged()
{
    GatewayJournal journal({});
    auto session = subscribed();
    session->stamp(journal.append(droneEvent(1), 1000));
    QCOMPARE(session->skip(10), quint64(2));
    session->stamp(journal.append(droneEvent(2), 1000));
    QCOMPARE(session->lastSeq(), quint64(12));
    QVERIFY(!session->eventsAfter(0, journal));
    QVERIFY(!session->eventsAfter(5, journal));
    QCOMPARE(session->eventsAfter(11, journal)->size(), 1);
}

QTEST_GUILESS_MAIN(TestGatewaySession)
// The journal keeps each message once as its text, packed into blocks: a
// full window costs about its text, not a dozen small allocations per event,
// and a block goes as soon as nothing in it is kept.
void TestGatewaySession::journalKeepsTextInBlocksAndLetsThemGo()
{
    GatewayJournal journal({5000, 60000});
    for (int e = 0; e < 20000; ++e)
        (void)journal.append(droneEvent(e), 1000 + e / 100);
    QCOMPARE(journal.size(), 5000);
    QCOMPARE(journal.firstPosition(), quint64(15001));
    const qsizetype text = journal.textBytes();
    QVERIFY(text > 5000 * 40);
    // Blocks hold the window's text plus at most the block being filled and
    // the oldest one partly dropped.
    QVERIFY2(journal.blockBytes() <= text + 2 * GatewayJournal::kBlockBytes,
             qPrintable(QStringLiteral("%1 bytes of blocks for %2 of text").arg(journal.blockBytes()).arg(text)));
    // Read back, an entry is the message as appended.
    const std::optional<GatewayJournal::Entry> entry = journal.at(15001);
    QVERIFY(entry);
    QCOMPARE(entry->body, droneEvent(15000).body);
    QCOMPARE(entry->wallMs, 1000 + 15000 / 100);
    QCOMPARE(journal.at(20000)->body, droneEvent(19999).body);
    QVERIFY(!journal.at(15000));
    QVERIFY(!journal.at(20001));

    journal.prune(1000 + 200 + 60001); // everything is older than the age limit
    QCOMPARE(journal.size(), 0);
    QCOMPARE(journal.textBytes(), 0);
    QCOMPARE(journal.blockBytes(), 0);
    QCOMPARE(journal.firstPosition(), quint64(20001));
    const GatewayJournal::Entry next = journal.append(droneEvent(1), 70000);
    QCOMPARE(next.position, quint64(20001));
    QCOMPARE(journal.at(20001)->body, droneEvent(1).body);
}

void TestGatewaySession::messageLargerThanABlockIsKeptWhole()
{
    GatewayJournal journal({});
    (void)journal.append(droneEvent(1), 1000);
    PlantEvent big = droneEvent(2);
    big.body.insert(QLatin1StringView("pad"), QString(int(GatewayJournal::kBlockBytes), u'x'));
    (void)journal.append(big, 1001);
    (void)journal.append(droneEvent(3), 1002);
    QCOMPARE(journal.at(2)->body, big.body);
    QCOMPARE(journal.at(1)->body, droneEvent(1).body);
    QCOMPARE(journal.at(3)->body, droneEvent(3).body);
}

#include "tst_gatewaysession.moc"
