#include "net/requesttracker.h"

#include <QTest>

namespace {

Protocol::Result answer(quint64 id, bool ok)
{
    Protocol::Result r;
    r.id = id;
    r.ok = ok;
    r.data = {{QLatin1StringView("id"), qint64(id)}};
    return r;
}

} // namespace

// Ids, answers and deadlines: each caller hears exactly once.
class TestRequestTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsAreUniqueAndIncreasing();
    void answerReachesItsOwnRequestOnly();
    void onlyTheTimedOutRequestExpires();
    void lostLinkFailsCallersOnceAndForgetsTheLinksOwn();
};

void TestRequestTracker::idsAreUniqueAndIncreasing()
{
    RequestTracker tracker;
    const quint64 a = tracker.nextId();
    const quint64 b = tracker.track({});
    const quint64 c = tracker.trackCaller(QStringLiteral("command"), 1000, {});
    QVERIFY(a < b && b < c);
    QVERIFY(!tracker.isPending(a));
    QVERIFY(tracker.isPending(b));
    QVERIFY(tracker.isPending(c));
    QCOMPARE(tracker.callersWaiting(), 1);
}

void TestRequestTracker::answerReachesItsOwnRequestOnly()
{
    RequestTracker tracker;
    QList<Protocol::Result> first, second, own;
    const quint64 a
        = tracker.trackCaller(QStringLiteral("ack_alarm"), 5000, [&](const Protocol::Result &r) { first.append(r); });
    const quint64 b
        = tracker.trackCaller(QStringLiteral("command"), 5000, [&](const Protocol::Result &r) { second.append(r); });
    const quint64 c = tracker.track([&](const Protocol::Result &r) { own.append(r); });

    QVERIFY(tracker.resolve(answer(b, true)));
    QCOMPARE(second.size(), 1);
    QVERIFY(second.first().ok);
    QCOMPARE(second.first().data.value(QLatin1StringView("id")).toInteger(), qint64(b));
    QVERIFY(first.isEmpty());
    QVERIFY(!tracker.resolve(answer(b, true))); // answered already
    QCOMPARE(second.size(), 1);
    QVERIFY(!tracker.resolve(answer(9999, true))); // an answer for an earlier link

    QVERIFY(tracker.resolve(answer(c, false)));
    QCOMPARE(own.size(), 1);
    QVERIFY(!own.first().ok);
    QVERIFY(tracker.resolve(answer(a, true)));
    QCOMPARE(first.size(), 1);
    QCOMPARE(tracker.callersWaiting(), 0);
}

void TestRequestTracker::onlyTheTimedOutRequestExpires()
{
    RequestTracker tracker;
    QList<Protocol::Result> quick, slow, own;
    const quint64 a
        = tracker.trackCaller(QStringLiteral("ack_alarm"), 150, [&](const Protocol::Result &r) { quick.append(r); });
    const quint64 b
        = tracker.trackCaller(QStringLiteral("command"), 10000, [&](const Protocol::Result &r) { slow.append(r); });
    const quint64 c = tracker.track([&](const Protocol::Result &r) { own.append(r); });

    QTRY_COMPARE_WITH_TIMEOUT(quick.size(), 1, 2000);
    QVERIFY(!quick.first().ok);
    QCOMPARE(quick.first().error.code, QStringLiteral("timeout"));
    QVERIFY2(quick.first().error.message.contains(u"ack_alarm") && quick.first().error.message.contains(u"0.15"),
             qPrintable(quick.first().error.message));
    QVERIFY(!tracker.isPending(a));
    QVERIFY(slow.isEmpty());
    QVERIFY(own.isEmpty()); // the link's own requests have no deadline
    QVERIFY(tracker.isPending(b));
    QVERIFY(tracker.isPending(c));

    QVERIFY(!tracker.resolve(answer(a, true))); // too late: the caller heard already
    QCOMPARE(quick.size(), 1);
    QVERIFY(tracker.resolve(answer(b, true)));
    QCOMPARE(slow.size(), 1);
    QVERIFY(slow.first().ok);
}

void TestRequestTracker::lostLinkFailsCallersOnceAndForgetsTheLinksOwn()
{
    RequestTracker tracker;
    QList<Protocol::Result> caller, own;
    const quint64 a
        = tracker.trackCaller(QStringLiteral("command"), 200, [&](const Protocol::Result &r) { caller.append(r); });
    const quint64 c = tracker.track([&](const Protocol::Result &r) { own.append(r); });
    tracker.failCallers(QStringLiteral("offline"), QStringLiteral("the link to the server was lost"));
    QCOMPARE(caller.size(), 1);
    QCOMPARE(caller.first().error.code, QStringLiteral("offline"));
    QCOMPARE(caller.first().error.message, QStringLiteral("the link to the server was lost"));
    QVERIFY(!tracker.isPending(a));
    QVERIFY(own.isEmpty());
    QVERIFY(tracker.isPending(c));

    QTest::qWait(400); // past the deadline: no second word for the caller
    QCOMPARE(caller.size(), 1);

    tracker.clear();
    QVERIFY(!tracker.isPending(c));
    QVERIFY(!tracker.resolve(answer(c, true)));
    QVERIFY(own.isEmpty());
}

QTEST_GUILESS_MAIN(TestRequestTracker)
#include "tst_requesttracker.moc"
