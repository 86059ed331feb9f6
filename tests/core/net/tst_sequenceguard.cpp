#include "net/sequenceguard.h"

#include <QTest>

using Verdict = SequenceGuard::Verdict;

// Each event applied once, in order; what breaks the order is named.
class TestSequenceGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstNumberIsTakenAsItComes();
    void onlyTheNextNumberIsApplied();
    void duplicatesAreDroppedUntilTheRunIsTooLong();
    void restartAcceptsANewNumbering();
};

void TestSequenceGuard::firstNumberIsTakenAsItComes()
{
    SequenceGuard guard;
    QCOMPARE(guard.lastSeq(), quint64(0));
    QCOMPARE(guard.check(41), Verdict::Apply); // a resumed or joined stream starts anywhere
    QCOMPARE(guard.lastSeq(), quint64(41));
}

void TestSequenceGuard::onlyTheNextNumberIsApplied()
{
    SequenceGuard guard;
    QCOMPARE(guard.check(1), Verdict::Apply);
    QCOMPARE(guard.check(2), Verdict::Apply);
    QCOMPARE(guard.check(4), Verdict::Gap); // 3 is missing
    QCOMPARE(guard.lastSeq(), quint64(2)); // nothing past the gap counts as applied
    QCOMPARE(guard.check(3), Verdict::Apply);
    QCOMPARE(guard.check(4), Verdict::Apply);
    QCOMPARE(guard.lastSeq(), quint64(4));
}

void TestSequenceGuard::duplicatesAreDroppedUntilTheRunIsTooLong()
{
    SequenceGuard guard(3);
    QCOMPARE(guard.check(10), Verdict::Apply);
    QCOMPARE(guard.check(10), Verdict::Duplicate);
    QCOMPARE(guard.check(9), Verdict::Duplicate);
    QCOMPARE(guard.check(11), Verdict::Apply); // the run is broken by a new event
    QCOMPARE(guard.check(5), Verdict::Duplicate);
    QCOMPARE(guard.check(6), Verdict::Duplicate);
    QCOMPARE(guard.check(7), Verdict::Duplicate);
    QCOMPARE(guard.check(8), Verdict::Restarted); // a fourth in a row: numbering started over
    QCOMPARE(guard.lastSeq(), quint64(11));

    guard.newLink(); // a new link: the run starts over
    QCOMPARE(guard.check(1), Verdict::Duplicate);
    QCOMPARE(guard.check(2), Verdict::Duplicate);
    QCOMPARE(guard.check(3), Verdict::Duplicate);
    QCOMPARE(guard.check(4), Verdict::Restarted);
}

void TestSequenceGuard::restartAcceptsANewNumbering()
{
    SequenceGuard guard;
    QCOMPARE(guard.check(500), Verdict::Apply);
    guard.restart();
    QCOMPARE(guard.lastSeq(), quint64(0));
    QCOMPARE(guard.check(1), Verdict::Apply);
    QCOMPARE(guard.check(2), Verdict::Apply);
}

QTEST_GUILESS_MAIN(TestSequenceGuard)
#include "tst_sequenceguard.moc"
