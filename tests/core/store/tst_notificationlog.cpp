#include "storetestcase.h"
#include "storetestdata.h"

#include <QTest>

using namespace StoreTestData;

// The notification history on a real file: newest first with paging, rewrites, read marks, clearing,
// the bound, and an alarm's state.
class TestNotificationLog : public StoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void notificationsNewestFirstWithPaging();
    void notificationReadMarksAndClearing();
    void notificationHistoryIsBounded();
    void a10c_notificationKeepsItsAlarmState();
};

void TestNotificationLog::notificationsNewestFirstWithPaging()
{
    // Appended out of time order: the list follows the time, then arrival.
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("n2"), t0.addSecs(2))));
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("n0"), t0)));
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("n3"), t0.addSecs(3))));
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("n1a"), t0.addSecs(1))));
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("n1b"), t0.addSecs(1))));
    QCOMPARE(notificationIds(*m_store, 10),
             (QStringList {QStringLiteral("n3"), QStringLiteral("n2"), QStringLiteral("n1b"), QStringLiteral("n1a"),
                           QStringLiteral("n0")}));
    QCOMPARE(notificationIds(*m_store, 2), (QStringList {QStringLiteral("n3"), QStringLiteral("n2")}));
    QCOMPARE(notificationIds(*m_store, 2, 2), (QStringList {QStringLiteral("n1b"), QStringLiteral("n1a")}));
    QCOMPARE(notificationIds(*m_store, 2, 4), QStringList {QStringLiteral("n0")});
    QVERIFY(notificationIds(*m_store, 2, 6).isEmpty());

    const auto first = m_store->notificationLog().newest(1)->first();
    QCOMPARE(first.kind, QStringLiteral("alarm"));
    QCOMPARE(first.severity, QStringLiteral("high"));
    QCOMPARE(first.title, QStringLiteral("Tank 3 level high"));
    QCOMPARE(first.sourceKind, QStringLiteral("endpoint"));
    QCOMPARE(first.sourceId, QStringLiteral("tank-3/level"));
    QCOMPARE(first.time, t0.addSecs(3));
    QVERIFY(!first.read);

    // The same id again (a resync) does not duplicate it.
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("n3"), t0.addSecs(9))));
    QCOMPARE(notificationIds(*m_store, 10).size(), 5);

    // Its news can be rewritten in place (a late outcome): same place in the list.
    NotificationLog::Notification changed = notification(QStringLiteral("n1a"), t0.addSecs(7));
    changed.severity = QStringLiteral("info");
    changed.title = QStringLiteral("Tank 3 level back to normal");
    changed.message = QStringLiteral("late");
    changed.read = true;
    QVERIFY(m_store->notificationLog().update(changed));
    QCOMPARE(notificationIds(*m_store, 10).at(3), QStringLiteral("n1a"));
    const auto rewritten = m_store->notificationLog().newest(1, 3)->first();
    QCOMPARE(rewritten.severity, QStringLiteral("info"));
    QCOMPARE(rewritten.title, QStringLiteral("Tank 3 level back to normal"));
    QCOMPARE(rewritten.message, QStringLiteral("late"));
    QVERIFY(rewritten.read);
    QCOMPARE(rewritten.time, t0.addSecs(1)); // the time is not news
}

void TestNotificationLog::notificationReadMarksAndClearing()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_store->notificationLog().append(notification(QString::number(i), t0.addSecs(i))));
    QCOMPARE(*m_store->notificationLog().unreadCount(), 4);
    QVERIFY(m_store->notificationLog().markRead(QStringLiteral("2")));
    QCOMPARE(*m_store->notificationLog().unreadCount(), 3);
    QVERIFY(m_store->notificationLog().newest(10)->at(1).read);
    QVERIFY(!m_store->notificationLog().newest(10)->at(0).read);
    QVERIFY(!m_store->notificationLog().markRead(QStringLiteral("missing")));
    QVERIFY(m_store->lastError().contains(QStringLiteral("missing")));

    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    QCOMPARE(*m_store->notificationLog().unreadCount(), 3);
    QVERIFY(m_store->notificationLog().markAllRead());
    QCOMPARE(*m_store->notificationLog().unreadCount(), 0);
    QVERIFY(m_store->notificationLog().clear());
    QVERIFY(m_store->notificationLog().newest(10)->isEmpty());
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("after"), t0)));
    QCOMPARE(notificationIds(*m_store, 10), QStringList {QStringLiteral("after")});
}

void TestNotificationLog::notificationHistoryIsBounded()
{
    m_store->notificationLog().setLimit(100);
    const auto count = [this] { return m_store->notificationLog().newest(100000)->size(); };
    for (int i = 0; i < 109; ++i)
        QVERIFY(m_store->notificationLog().append(notification(QString::number(i), t0.addSecs(i))));
    QCOMPARE(count(), 109); // not pruned on every insert
    QVERIFY(m_store->notificationLog().append(notification(QString::number(109), t0.addSecs(109))));
    QCOMPARE(count(), 100);
    const QStringList ids = notificationIds(*m_store, 1000);
    QCOMPARE(ids.first(), QStringLiteral("109"));
    QCOMPARE(ids.last(), QStringLiteral("10")); // the oldest ten went

    // The count is taken again after a restart.
    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    m_store->notificationLog().setLimit(100);
    for (int i = 110; i < 120; ++i)
        QVERIFY(m_store->notificationLog().append(notification(QString::number(i), t0.addSecs(i))));
    QCOMPARE(count(), 100);
    QCOMPARE(notificationIds(*m_store, 1000).last(), QStringLiteral("20"));
}

void TestNotificationLog::a10c_notificationKeepsItsAlarmState()
{
    NotificationLog::Notification n = notification(QStringLiteral("alarm:A-000007:1000"), t0);
    n.kind = QStringLiteral("alarm");
    n.alarm = {{QLatin1StringView("state"), QStringLiteral("active_unacked")}, {QLatin1StringView("count"), 3}};
    QVERIFY2(m_store->notificationLog().append(n), qPrintable(m_store->lastError()));
    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    QCOMPARE(m_store->notificationLog().newest(10)->first().alarm, n.alarm);

    n.alarm.insert(QLatin1StringView("state"), QStringLiteral("active_acked"));
    QVERIFY2(m_store->notificationLog().update(n), qPrintable(m_store->lastError()));
    QCOMPARE(m_store->notificationLog().newest(10)->first().alarm, n.alarm);
    // Anything but an alarm keeps none.
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("plain"), t0.addSecs(1))));
    QVERIFY(m_store->notificationLog().newest(10)->first().alarm.isEmpty());
}

QTEST_GUILESS_MAIN(TestNotificationLog)
#include "tst_notificationlog.moc"
