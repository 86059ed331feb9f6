#include "storetestcase.h"
#include "storetestdata.h"

#include <QTest>

using namespace StoreTestData;

// The alarm outbox on a real file: creation order, idempotent queueing, delivered and refused entries,
// attempts, unknown requests and a restart.
class TestAlarmOutbox : public StoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void outboxKeepsCreationOrder();
    void enqueueIsIdempotentWhilePending();
    void sameActionPendingFromAnEarlierRunIsNoStoreFailure();
    void deliveredLeavesPendingAndFailedKeepsReason();
    void attemptsAreCounted();
    void unknownRequestsAreErrors();
    void outboxSurvivesRestart();
};

void TestAlarmOutbox::outboxKeepsCreationOrder()
{
    // Creation order is insertion order, even when the timestamps say otherwise.
    const auto a = m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0);
    const auto b = m_store->outbox().enqueue(
        Kind::Shelve, QStringLiteral("A-2"),
        QJsonObject {{QStringLiteral("minutes"), 30}, {QStringLiteral("reason"), QStringLiteral("maint")}},
        t0.addSecs(-60));
    const auto c = m_store->outbox().enqueue(Kind::Unshelve, QStringLiteral("A-2"), {}, t0.addSecs(5));
    QVERIFY(a && b && c);
    QVERIFY(*a != *b && *b != *c && !a->isNull());

    const auto pending = m_store->outbox().pending();
    QVERIFY2(pending, qPrintable(m_store->lastError()));
    QCOMPARE(pending->size(), 3);
    QCOMPARE(pending->at(0).requestId, *a);
    QCOMPARE(pending->at(1).requestId, *b);
    QCOMPARE(pending->at(2).requestId, *c);
    QCOMPARE(pending->at(0).kind, Kind::Ack);
    QCOMPARE(pending->at(0).alarmId, QStringLiteral("A-1"));
    QCOMPARE(pending->at(0).payload, note(QStringLiteral("x")));
    QCOMPARE(pending->at(0).createdAt, t0);
    QCOMPARE(pending->at(1).kind, Kind::Shelve);
    QCOMPARE(pending->at(1).payload.value(QStringLiteral("minutes")).toInt(), 30);
    QCOMPARE(pending->at(2).kind, Kind::Unshelve);
    QCOMPARE(pending->at(2).state, AlarmOutbox::State::Pending);
    QCOMPARE(pending->at(2).attempts, 0);
}

void TestAlarmOutbox::enqueueIsIdempotentWhilePending()
{
    const auto first = m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0);
    const auto again
        = m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0.addSecs(3));
    QVERIFY(first && again);
    QCOMPARE(*again, *first);
    // Key order must not make a different payload.
    const QJsonObject ab {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}};
    QJsonObject ba;
    ba.insert(QStringLiteral("b"), 2);
    ba.insert(QStringLiteral("a"), 1);
    const auto shelve1 = m_store->outbox().enqueue(Kind::Shelve, QStringLiteral("A-1"), ab, t0);
    const auto shelve2 = m_store->outbox().enqueue(Kind::Shelve, QStringLiteral("A-1"), ba, t0);
    QCOMPARE(*shelve2, *shelve1);
    // A different note, kind or alarm is a different intent.
    QVERIFY(*m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("y")), t0) != *first);
    QVERIFY(*m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-2"), note(QStringLiteral("x")), t0) != *first);
    QCOMPARE(m_store->outbox().pending()->size(), 4);

    // Once delivered, the same intent queues anew.
    QVERIFY(m_store->outbox().markDelivered(*first, t0));
    const auto later = m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0);
    QVERIFY(later);
    QVERIFY(*later != *first);
    QCOMPARE(m_store->outbox().pending()->size(), 4);
}

// The outbox of an earlier run still holds an acknowledgement; the operator
// makes the same one again (a new request id) before it has been loaded.
// That is not a failure of the store: the row already there stays.
void TestAlarmOutbox::sameActionPendingFromAnEarlierRunIsNoStoreFailure()
{
    const auto earlier = m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0);
    QVERIFY(earlier);
    AlarmOutbox::Entry again;
    again.requestId = QUuid::createUuid();
    again.kind = Kind::Ack;
    again.alarmId = QStringLiteral("A-1");
    again.payload = note(QStringLiteral("x"));
    again.createdAt = t0.addSecs(5);
    QVERIFY2(m_store->outbox().insert(again), qPrintable(m_store->lastError()));
    const auto pending = m_store->outbox().pending();
    QVERIFY(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().requestId, *earlier);
}

void TestAlarmOutbox::deliveredLeavesPendingAndFailedKeepsReason()
{
    const auto a = *m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), {}, t0);
    const auto b = *m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-2"), {}, t0);
    const auto c = *m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-3"), {}, t0);

    QVERIFY(m_store->outbox().markDelivered(a, t0.addSecs(1)));
    QVERIFY2(m_store->outbox().markDelivered(a, t0.addSecs(2)), "hearing twice of a delivery is fine");
    QVERIFY(m_store->outbox().markFailed(b, QStringLiteral("forbidden: operator may not acknowledge"), t0.addSecs(3)));

    const auto pending = *m_store->outbox().pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().requestId, c);

    const auto failed = m_store->outbox().failed();
    QVERIFY(failed);
    QCOMPARE(failed->size(), 1);
    QCOMPARE(failed->first().requestId, b);
    QCOMPARE(failed->first().state, AlarmOutbox::State::Failed);
    QCOMPARE(failed->first().failureReason, QStringLiteral("forbidden: operator may not acknowledge"));
    QCOMPARE(failed->first().finishedAt, t0.addSecs(3));

    // A refused request is never retried nor turned into a delivered one.
    QVERIFY(!m_store->outbox().recordAttempt(b, t0));
    QVERIFY(!m_store->outbox().markDelivered(b, t0));
    QVERIFY(m_store->lastError().contains(QStringLiteral("already failed")));
    QVERIFY(!m_store->outbox().markFailed(a, QStringLiteral("late"), t0));
}

void TestAlarmOutbox::attemptsAreCounted()
{
    const auto a = *m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), {}, t0);
    QVERIFY(m_store->outbox().recordAttempt(a, t0.addSecs(10)));
    QVERIFY(m_store->outbox().recordAttempt(a, t0.addSecs(20)));
    QVERIFY(m_store->outbox().recordAttempt(a, t0.addSecs(40)));
    const auto entry = m_store->outbox().pending()->first();
    QCOMPARE(entry.attempts, 3);
    QCOMPARE(entry.lastAttemptAt, t0.addSecs(40));
}

void TestAlarmOutbox::unknownRequestsAreErrors()
{
    const QUuid unknown = QUuid::createUuid();
    QVERIFY(!m_store->outbox().markDelivered(unknown, t0));
    QVERIFY(m_store->lastError().contains(unknown.toString(QUuid::WithoutBraces)));
    QVERIFY(!m_store->outbox().markFailed(unknown, QStringLiteral("x"), t0));
    QVERIFY(!m_store->outbox().recordAttempt(unknown, t0));
    QVERIFY(!m_store->lastError().isEmpty());
    QVERIFY(m_store->outbox().pending()->isEmpty());
    QVERIFY(m_store->lastError().isEmpty());
}

void TestAlarmOutbox::outboxSurvivesRestart()
{
    const auto a = *m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("seen")), t0);
    const auto b = *m_store->outbox().enqueue(Kind::Shelve, QStringLiteral("A-2"), {}, t0);
    const auto c = *m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-3"), {}, t0);
    QVERIFY(m_store->outbox().recordAttempt(a, t0.addSecs(5)));
    QVERIFY(m_store->outbox().markFailed(b, QStringLiteral("unknown alarm"), t0.addSecs(6)));
    m_store->close();
    QVERIFY(!m_store->isOpen());

    LocalStore reopened;
    QVERIFY2(reopened.open(dbPath()), qPrintable(reopened.lastError()));
    const auto pending = *reopened.outbox().pending();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).requestId, a);
    QCOMPARE(pending.at(0).attempts, 1);
    QCOMPARE(pending.at(0).payload, note(QStringLiteral("seen")));
    QCOMPARE(pending.at(1).requestId, c);
    QCOMPARE(reopened.outbox().failed()->first().failureReason, QStringLiteral("unknown alarm"));
    // Still idempotent after the restart.
    QCOMPARE(*reopened.outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("seen")), t0), a);
}

QTEST_GUILESS_MAIN(TestAlarmOutbox)
#include "tst_alarmoutbox.moc"
