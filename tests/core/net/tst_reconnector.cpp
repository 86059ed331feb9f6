#include "config/connectionsettings.h"
#include "net/reconnector.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <array>

// The backoff against an injected random source: the bounds it is asked
// for, the waits it gives, and the timers.
class TestReconnector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceilingsDoubleUpToTheCap();
    void waitIsDrawnUpToTheCeiling();
    void seededJitterStaysInRangeAndVaries();
    void defaultCapFindsAReturningServerWithinSeconds();
    void aFleetSpreadsEvenlyOverTheCap();
    void retryIsDueAfterTheWait();
    void cancelledRetryNeverComes();
    void givesUpAfterMaxAttemptsAndStartsOver();
    void stableOnceTheLinkStayedUp();
};

void TestReconnector::ceilingsDoubleUpToTheCap()
{
    const QList<qint64> expected {20, 40, 80, 160, 320, 640, 640, 640};
    for (int n = 0; n < expected.size(); ++n)
        QCOMPARE(Reconnector::ceilingFor(n, 20, 640), expected.at(n));
    // The doubling stops at 2^16 times the base, however many attempts.
    const qint64 huge = qint64(1) << 40;
    QCOMPARE(Reconnector::ceilingFor(16, 1, huge), qint64(1) << 16);
    QCOMPARE(Reconnector::ceilingFor(1000, 1, huge), qint64(1) << 16);
}

void TestReconnector::waitIsDrawnUpToTheCeiling()
{
    QList<qint64> bounds;
    Reconnector reconnector(nullptr, [&bounds](qint64 bound) {
        bounds.append(bound);
        return bound - 1; // the longest wait allowed
    });
    reconnector.setBackoff(20, 640);
    QList<qint64> waits;
    for (int n = 0; n < 8; ++n) {
        QCOMPARE(reconnector.attempt(), n);
        waits.append(reconnector.schedule());
        QVERIFY(reconnector.isWaiting());
        QVERIFY(reconnector.msUntilRetry() <= waits.last());
        reconnector.cancel();
    }
    QCOMPARE(waits, (QList<qint64> {20, 40, 80, 160, 320, 640, 640, 640}));
    // Full jitter: every wait from 0 to the ceiling itself can be drawn.
    QCOMPARE(bounds, (QList<qint64> {21, 41, 81, 161, 321, 641, 641, 641}));
    QCOMPARE(reconnector.attempt(), 8);
}

void TestReconnector::seededJitterStaysInRangeAndVaries()
{
    QRandomGenerator generator(20261206);
    Reconnector reconnector(nullptr, [&generator](qint64 bound) { return generator.bounded(bound); });
    reconnector.setBackoff(20, 640);
    QList<qint64> waits;
    for (int n = 0; n < 200; ++n) {
        const qint64 wait = reconnector.schedule();
        reconnector.cancel();
        QVERIFY2(wait >= 0 && wait <= Reconnector::ceilingFor(n, 20, 640),
                 qPrintable(QStringLiteral("wait %1 was %2 ms").arg(n).arg(wait)));
        waits.append(wait);
    }
    // Drawn, not fixed: consoles that lost the same server spread out.
    QVERIFY(QSet<qint64>(waits.cbegin(), waits.cend()).size() > 100);
    QVERIFY(*std::max_element(waits.cbegin() + 10, waits.cend()) > 320);
}

void TestReconnector::defaultCapFindsAReturningServerWithinSeconds()
{
    // A server that is back is found by the next attempt: however long it
    // was away, no wait of the profile's defaults is longer than 5 s.
    const ConnectionSettings defaults;
    QVERIFY(defaults.backoffCapMs <= 5000);
    Reconnector reconnector(nullptr, [](qint64 bound) { return bound - 1; }); // always the longest wait
    reconnector.setBackoff(defaults.backoffBaseMs, defaults.backoffCapMs);
    QList<qint64> waits;
    for (int n = 0; n < 1000; ++n) {
        waits.append(reconnector.schedule());
        reconnector.cancel();
    }
    QCOMPARE(waits.mid(0, 6), (QList<qint64> {500, 1000, 2000, 4000, 5000, 5000}));
    QCOMPARE(*std::max_element(waits.cbegin(), waits.cend()), qint64(defaults.backoffCapMs));
    // A console made without settings waits the same way.
    Reconnector unset(nullptr, [](qint64 bound) { return bound - 1; });
    for (int n = 0; n < 10; ++n) {
        QVERIFY(unset.schedule() <= defaults.backoffCapMs);
        unset.cancel();
    }
}

void TestReconnector::aFleetSpreadsEvenlyOverTheCap()
{
    // 200 consoles lost the same server at the same moment and have waited
    // long enough to reach the cap: their next attempts spread evenly over
    // it, so the returning server is found by a few consoles at a time
    // rather than by all of them in one burst.
    const ConnectionSettings defaults;
    constexpr int kConsoles = 200;
    constexpr int kSlices = 10;
    std::array<int, kSlices> perSlice {};
    for (int console = 0; console < kConsoles; ++console) {
        QRandomGenerator generator(quint32(1000 + console));
        Reconnector reconnector(nullptr, [&generator](qint64 bound) { return generator.bounded(bound); });
        reconnector.setBackoff(defaults.backoffBaseMs, defaults.backoffCapMs);
        qint64 wait = 0;
        for (int n = 0; n < 8; ++n) {
            wait = reconnector.schedule();
            reconnector.cancel();
        }
        ++perSlice[size_t(std::min<qint64>(kSlices - 1, wait * kSlices / (defaults.backoffCapMs + 1)))];
    }
    // Every half second of the cap gets about a tenth of the fleet (20),
    // never a crowd: no lockstep, no slice left empty.
    for (int slice = 0; slice < kSlices; ++slice)
        QVERIFY2(perSlice[size_t(slice)] >= 8 && perSlice[size_t(slice)] <= 35,
                 qPrintable(QStringLiteral("slice %1 has %2 consoles").arg(slice).arg(perSlice[size_t(slice)])));
}

void TestReconnector::retryIsDueAfterTheWait()
{
    Reconnector reconnector(nullptr, [](qint64 bound) { return bound - 1; });
    reconnector.setBackoff(80, 1000);
    QSignalSpy due(&reconnector, &Reconnector::retryDue);
    QCOMPARE(reconnector.msUntilRetry(), -1);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(reconnector.schedule(), 80);
    QTRY_COMPARE(due.size(), 1);
    QVERIFY(clock.elapsed() >= 70);
    QVERIFY(!reconnector.isWaiting());
    QCOMPARE(reconnector.msUntilRetry(), -1);
}

void TestReconnector::cancelledRetryNeverComes()
{
    Reconnector reconnector(nullptr, [](qint64 bound) { return bound - 1; });
    reconnector.setBackoff(50, 1000);
    QSignalSpy due(&reconnector, &Reconnector::retryDue);
    reconnector.schedule();
    reconnector.cancel();
    QTest::qWait(200);
    QCOMPARE(due.size(), 0);
    QCOMPARE(reconnector.attempt(), 1); // the attempt was counted all the same
}

void TestReconnector::givesUpAfterMaxAttemptsAndStartsOver()
{
    Reconnector reconnector(nullptr, [](qint64 bound) { return bound - 1; });
    reconnector.setBackoff(10, 10000);
    for (int n = 0; n < 3; ++n) {
        QVERIFY(!reconnector.exhausted(3));
        reconnector.schedule();
        reconnector.cancel();
    }
    QVERIFY(reconnector.exhausted(3));
    QVERIFY(!reconnector.exhausted(0)); // no limit
    QCOMPARE(reconnector.schedule(), 80);
    reconnector.cancel();
    reconnector.resetAttempts();
    QCOMPARE(reconnector.attempt(), 0);
    QVERIFY(!reconnector.exhausted(3));
    QCOMPARE(reconnector.schedule(), 10); // back to the base
    reconnector.cancel();
}

void TestReconnector::stableOnceTheLinkStayedUp()
{
    Reconnector reconnector;
    QSignalSpy stable(&reconnector, &Reconnector::stable);
    reconnector.startStableClock(50);
    QTRY_COMPARE(stable.size(), 1);
    reconnector.startStableClock(50);
    reconnector.stopStableClock(); // lost before it proved stable
    QTest::qWait(150);
    QCOMPARE(stable.size(), 1);
}

QTEST_GUILESS_MAIN(TestReconnector)
#include "tst_reconnector.moc"
