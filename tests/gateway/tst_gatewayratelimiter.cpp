#include "gatewayratelimiter.h"

#include <QTest>

using Verdict = GatewayRateLimiter::Verdict;

// One client's allowance of messages on the reference server.
class TestGatewayRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFullBurstThenRefused();
    void refillsAtTheRateUpToTheBurst();
    void abusiveAfterThreeBurstsRefusedInARow();
    void anAllowedMessageStartsTheCountOver();
};

void TestGatewayRateLimiter::aFullBurstThenRefused()
{
    GatewayRateLimiter limiter(5, 2.0, 1000);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(limiter.take(1000), Verdict::Allowed);
    QCOMPARE(limiter.take(1000), Verdict::Refused);
    QCOMPARE(limiter.refusedStreak(), 1);
}

void TestGatewayRateLimiter::refillsAtTheRateUpToTheBurst()
{
    GatewayRateLimiter limiter(3, 2.0, 0);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limiter.take(0), Verdict::Allowed);
    QCOMPARE(limiter.take(0), Verdict::Refused);
    // 2 a second: one more after 500 ms, not before.
    QCOMPARE(limiter.take(499), Verdict::Refused);
    QCOMPARE(limiter.take(500), Verdict::Allowed);
    QCOMPARE(limiter.take(500), Verdict::Refused);
    // A long quiet spell refills no more than the burst.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limiter.take(60'000), Verdict::Allowed);
    QCOMPARE(limiter.take(60'000), Verdict::Refused);
}

void TestGatewayRateLimiter::abusiveAfterThreeBurstsRefusedInARow()
{
    GatewayRateLimiter limiter(2, 1.0, 0);
    limiter.take(0);
    limiter.take(0);
    for (int i = 1; i < 6; ++i)
        QCOMPARE(limiter.take(0), Verdict::Refused);
    QCOMPARE(limiter.take(0), Verdict::Abusive);
    QCOMPARE(limiter.refusedStreak(), 6);
}

void TestGatewayRateLimiter::anAllowedMessageStartsTheCountOver()
{
    GatewayRateLimiter limiter(2, 1.0, 0);
    limiter.take(0);
    limiter.take(0);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(limiter.take(0), Verdict::Refused);
    QCOMPARE(limiter.take(1000), Verdict::Allowed);
    QCOMPARE(limiter.refusedStreak(), 0);
    for (int i = 1; i < 6; ++i)
        QCOMPARE(limiter.take(1000), Verdict::Refused);
    QCOMPARE(limiter.take(1000), Verdict::Abusive);
}

QTEST_GUILESS_MAIN(TestGatewayRateLimiter)
#include "tst_gatewayratelimiter.moc"
