#include "net/heartbeat.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

// Beats once a period; silence is found two periods after the last sign of life.
class TestHeartbeat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void beatsOncePerPeriod();
    void periodIsCapped();
    void silenceIsFoundAfterTwoPeriods();
    void signsOfLifeKeepTheLinkAlive();
    void stoppedHeartbeatSaysNothing();
};

void TestHeartbeat::beatsOncePerPeriod()
{
    Heartbeat heartbeat(60000);
    QSignalSpy beats(&heartbeat, &Heartbeat::beat);
    heartbeat.heard();
    heartbeat.start(100);
    QCOMPARE(heartbeat.periodMs(), 100);
    QTest::qWait(1000);
    heartbeat.stop();
    // Ten periods: a loaded machine may deliver fewer beats, never more.
    QVERIFY2(beats.size() >= 4 && beats.size() <= 11, qPrintable(QString::number(beats.size())));
}

void TestHeartbeat::periodIsCapped()
{
    Heartbeat heartbeat(1000);
    heartbeat.start(3600 * 1000);
    QCOMPARE(heartbeat.periodMs(), 1000);
    heartbeat.start(0);
    QCOMPARE(heartbeat.periodMs(), 1);
    heartbeat.stop();
}

void TestHeartbeat::silenceIsFoundAfterTwoPeriods()
{
    Heartbeat heartbeat(60000);
    QSignalSpy silent(&heartbeat, &Heartbeat::silent);
    QElapsedTimer clock;
    clock.start();
    heartbeat.heard();
    heartbeat.start(1000);
    QTRY_COMPARE_WITH_TIMEOUT(silent.size(), 1, 6000);
    const qint64 took = clock.elapsed();
    // Two periods, not three: the margin to the third is a whole period wide.
    QVERIFY2(took >= 1995 && took < 2900, qPrintable(QString::number(took)));
    QVERIFY(silent.first().first().toLongLong() >= 2000);
}

void TestHeartbeat::signsOfLifeKeepTheLinkAlive()
{
    Heartbeat heartbeat(60000);
    QSignalSpy silent(&heartbeat, &Heartbeat::silent);
    heartbeat.heard();
    heartbeat.start(400);
    for (int i = 0; i < 10; ++i) { // 600 ms, past two periods
        QTest::qWait(60);
        heartbeat.heard();
    }
    QCOMPARE(silent.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(silent.size(), 1, 4000); // and once they stop, it is found
    heartbeat.stop();
}

void TestHeartbeat::stoppedHeartbeatSaysNothing()
{
    Heartbeat heartbeat(60000);
    QSignalSpy silent(&heartbeat, &Heartbeat::silent);
    QSignalSpy beats(&heartbeat, &Heartbeat::beat);
    heartbeat.heard();
    heartbeat.start(30);
    heartbeat.stop();
    QTest::qWait(150);
    QCOMPARE(silent.size(), 0);
    QCOMPARE(beats.size(), 0);
}

QTEST_GUILESS_MAIN(TestHeartbeat)
#include "tst_heartbeat.moc"
