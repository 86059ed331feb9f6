#include "net/linkstats.h"

#include <QTest>

// The link's figures against a clock the test moves by hand.
class TestLinkStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsPerSecondCountsOnlyCompletedSeconds();
    void secondsWithoutEventsCountNone();
    void outageClockRunsFromLossUntilLive();
    void roundTripIsKept();
};

void TestLinkStats::eventsPerSecondCountsOnlyCompletedSeconds()
{
    qint64 now = 0;
    LinkStats stats([&now] { return now; });
    QCOMPARE(stats.eventsPerSecond(), 0.0);
    for (int i = 0; i < 10; ++i)
        stats.countEvent(); // second 0
    now = 500;
    QCOMPARE(stats.eventsPerSecond(), 0.0); // second 0 is still being counted
    now = 1000;
    for (int i = 0; i < 20; ++i)
        stats.countEvent(); // second 1
    QCOMPARE(stats.eventsPerSecond(), 10.0 / 5);
    now = 2000;
    QCOMPARE(stats.eventsPerSecond(), 30.0 / 5);
    now = 5999; // seconds 0 to 4 make the window
    QCOMPARE(stats.eventsPerSecond(), 30.0 / 5);
    now = 6000; // second 0 has left it
    QCOMPARE(stats.eventsPerSecond(), 20.0 / 5);
    now = 7000;
    QCOMPARE(stats.eventsPerSecond(), 0.0);
}

void TestLinkStats::secondsWithoutEventsCountNone()
{
    qint64 now = 0;
    LinkStats stats([&now] { return now; });
    for (int i = 0; i < 5; ++i)
        stats.countEvent(); // second 0
    now = 6200; // second 6 takes the ring slot of second 0
    stats.countEvent();
    now = 7000;
    QCOMPARE(stats.eventsPerSecond(), 1.0 / 5); // not 6: second 0's count was cleared
    now = 9500;
    stats.countEvent(); // second 9, after two silent seconds
    now = 10000;
    QCOMPARE(stats.eventsPerSecond(), 2.0 / 5); // seconds 5 to 9: seconds 6 and 9
    now = 12000;
    QCOMPARE(stats.eventsPerSecond(), 1.0 / 5); // seconds 7 to 11: second 9 (7 and 8 were cleared)
}

void TestLinkStats::outageClockRunsFromLossUntilLive()
{
    qint64 now = 0;
    LinkStats stats([&now] { return now; });
    QCOMPARE(stats.lastOutageMs(), -1);
    stats.endOutage(); // live without an outage: nothing to measure
    QCOMPARE(stats.lastOutageMs(), -1);
    QVERIFY(!stats.outageRunning());

    QCOMPARE(stats.currentOutageMs(), -1);
    now = 1000;
    stats.startOutage();
    QVERIFY(stats.outageRunning());
    QCOMPARE(stats.currentOutageMs(), 0);
    now = 3000;
    QCOMPARE(stats.currentOutageMs(), 2000); // running: how long so far
    QCOMPARE(stats.lastOutageMs(), -1);
    now = 3500;
    stats.endOutage();
    QCOMPARE(stats.lastOutageMs(), 2500);
    QVERIFY(!stats.outageRunning());
    QCOMPARE(stats.currentOutageMs(), -1);
    now = 9000;
    stats.endOutage(); // live again without a new loss: the last outage stays
    QCOMPARE(stats.lastOutageMs(), 2500);

    // A new loss while one runs starts the clock again.
    now = 10000;
    stats.startOutage();
    now = 12000;
    stats.startOutage();
    now = 13000;
    stats.endOutage();
    QCOMPARE(stats.lastOutageMs(), 1000);
}

void TestLinkStats::roundTripIsKept()
{
    LinkStats stats;
    QCOMPARE(stats.roundTripMs(), -1);
    stats.setRoundTrip(42);
    QCOMPARE(stats.roundTripMs(), 42);
}

QTEST_GUILESS_MAIN(TestLinkStats)
#include "tst_linkstats.moc"
