#include "store/localstore.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Kind = LocalStore::OutboxKind;

namespace {

const QDateTime t0(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

QJsonObject note(const QString &text)
{
    return QJsonObject {{QStringLiteral("note"), text}};
}

LocalStore::Notification notification(const QString &id, const QDateTime &time, const QString &message = {})
{
    LocalStore::Notification n;
    n.id = id;
    n.kind = QStringLiteral("alarm");
    n.severity = QStringLiteral("high");
    n.title = QStringLiteral("Tank 3 level high");
    n.message = message.isEmpty() ? QStringLiteral("Level above 90 %") : message;
    n.sourceKind = QStringLiteral("endpoint");
    n.sourceId = QStringLiteral("tank-3/level");
    n.time = time;
    return n;
}

QStringList notificationIds(LocalStore &store, int limit, int offset = 0)
{
    QStringList ids;
    const auto list = store.notifications(limit, offset);
    if (list) {
        for (const auto &n : *list)
            ids << n.id;
    }
    return ids;
}

LocalStore::Command command(const QUuid &id, const QString &endpoint, double value, const QDateTime &at)
{
    LocalStore::Command c;
    c.commandId = id;
    c.endpointId = endpoint;
    c.requestedValue = value;
    c.operatorName = QStringLiteral("alice");
    c.status = QStringLiteral("queued");
    c.createdAt = at;
    return c;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void defaultPathIsPerProfile();
    void outboxKeepsCreationOrder();
    void enqueueIsIdempotentWhilePending();
    void sameActionPendingFromAnEarlierRunIsNoStoreFailure();
    void deliveredLeavesPendingAndFailedKeepsReason();
    void attemptsAreCounted();
    void unknownRequestsAreErrors();
    void outboxSurvivesRestart();
    void resumePointUpsertsPerServer();
    void notificationsNewestFirstWithPaging();
    void notificationReadMarksAndClearing();
    void notificationHistoryIsBounded();
    void commandLogKeepsHistory();
    void commandLogFilters();
    void garbageFileIsMovedAside();
    void damagedPageIsMovedAside();
    void readOnlyDatabaseRefusesWritesAndKeepsData();
    void fullDiskRefusesWritesAndKeepsData();
    void twoStoresDoNotInterfere();
    void closedStoreReportsErrors();
    void newerSchemaIsRefusedNotMoved();
    void a10c_notificationKeepsItsAlarmState();
    void a10c_schemaOneIsUpgradedKeepingTheHistory();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("watchfloor.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestLocalStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<LocalStore>();
    QVERIFY2(m_store->open(dbPath()), qPrintable(m_store->lastError()));
    QVERIFY(m_store->movedAsidePath().isEmpty());
}

void TestLocalStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestLocalStore::defaultPathIsPerProfile()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString path = LocalStore::defaultPath(QStringLiteral("plant-a"));
    QCOMPARE(path, root + QStringLiteral("/profiles/plant-a/watchfloor.sqlite"));
    QVERIFY(QDir(root + QStringLiteral("/profiles/plant-a")).exists());
    const QString escaped = LocalStore::defaultPath(QStringLiteral(".."));
    QVERIFY(escaped.startsWith(root + QStringLiteral("/profiles/")));
    QVERIFY(!escaped.contains(QStringLiteral("/../")));
    QDir(root + QStringLiteral("/profiles")).removeRecursively();
}

void TestLocalStore::outboxKeepsCreationOrder()
{
    // Creation order is insertion order, even when the timestamps say otherwise.
    const auto a = m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0);
    const auto b = m_store->enqueue(
        Kind::Shelve, QStringLiteral("A-2"),
        QJsonObject {{QStringLiteral("minutes"), 30}, {QStringLiteral("reason"), QStringLiteral("maint")}},
        t0.addSecs(-60));
    const auto c = m_store->enqueue(Kind::Unshelve, QStringLiteral("A-2"), {}, t0.addSecs(5));
    QVERIFY(a && b && c);
    QVERIFY(*a != *b && *b != *c && !a->isNull());

    const auto pending = m_store->pending();
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
    QCOMPARE(pending->at(2).state, LocalStore::OutboxState::Pending);
    QCOMPARE(pending->at(2).attempts, 0);
}

void TestLocalStore::enqueueIsIdempotentWhilePending()
{
    const auto first = m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0);
    const auto again = m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0.addSecs(3));
    QVERIFY(first && again);
    QCOMPARE(*again, *first);
    // Key order must not make a different payload.
    const QJsonObject ab {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}};
    QJsonObject ba;
    ba.insert(QStringLiteral("b"), 2);
    ba.insert(QStringLiteral("a"), 1);
    const auto shelve1 = m_store->enqueue(Kind::Shelve, QStringLiteral("A-1"), ab, t0);
    const auto shelve2 = m_store->enqueue(Kind::Shelve, QStringLiteral("A-1"), ba, t0);
    QCOMPARE(*shelve2, *shelve1);
    // A different note, kind or alarm is a different intent.
    QVERIFY(*m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("y")), t0) != *first);
    QVERIFY(*m_store->enqueue(Kind::Ack, QStringLiteral("A-2"), note(QStringLiteral("x")), t0) != *first);
    QCOMPARE(m_store->pending()->size(), 4);

    // Once delivered, the same intent queues anew.
    QVERIFY(m_store->markDelivered(*first, t0));
    const auto later = m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0);
    QVERIFY(later);
    QVERIFY(*later != *first);
    QCOMPARE(m_store->pending()->size(), 4);
}

// The outbox of an earlier run still holds an acknowledgement; the operator
// makes the same one again (a new request id) before it has been loaded.
// That is not a failure of the store: the row already there stays.
void TestLocalStore::sameActionPendingFromAnEarlierRunIsNoStoreFailure()
{
    const auto earlier = m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("x")), t0);
    QVERIFY(earlier);
    LocalStore::OutboxEntry again;
    again.requestId = QUuid::createUuid();
    again.kind = Kind::Ack;
    again.alarmId = QStringLiteral("A-1");
    again.payload = note(QStringLiteral("x"));
    again.createdAt = t0.addSecs(5);
    QVERIFY2(m_store->insertOutboxEntry(again), qPrintable(m_store->lastError()));
    const auto pending = m_store->pending();
    QVERIFY(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().requestId, *earlier);
}

void TestLocalStore::deliveredLeavesPendingAndFailedKeepsReason()
{
    const auto a = *m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), {}, t0);
    const auto b = *m_store->enqueue(Kind::Ack, QStringLiteral("A-2"), {}, t0);
    const auto c = *m_store->enqueue(Kind::Ack, QStringLiteral("A-3"), {}, t0);

    QVERIFY(m_store->markDelivered(a, t0.addSecs(1)));
    QVERIFY2(m_store->markDelivered(a, t0.addSecs(2)), "hearing twice of a delivery is fine");
    QVERIFY(m_store->markFailed(b, QStringLiteral("forbidden: operator may not acknowledge"), t0.addSecs(3)));

    const auto pending = *m_store->pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().requestId, c);

    const auto failed = m_store->failed();
    QVERIFY(failed);
    QCOMPARE(failed->size(), 1);
    QCOMPARE(failed->first().requestId, b);
    QCOMPARE(failed->first().state, LocalStore::OutboxState::Failed);
    QCOMPARE(failed->first().failureReason, QStringLiteral("forbidden: operator may not acknowledge"));
    QCOMPARE(failed->first().finishedAt, t0.addSecs(3));

    // A refused request is never retried nor turned into a delivered one.
    QVERIFY(!m_store->recordAttempt(b, t0));
    QVERIFY(!m_store->markDelivered(b, t0));
    QVERIFY(m_store->lastError().contains(QStringLiteral("already failed")));
    QVERIFY(!m_store->markFailed(a, QStringLiteral("late"), t0));
}

void TestLocalStore::attemptsAreCounted()
{
    const auto a = *m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), {}, t0);
    QVERIFY(m_store->recordAttempt(a, t0.addSecs(10)));
    QVERIFY(m_store->recordAttempt(a, t0.addSecs(20)));
    QVERIFY(m_store->recordAttempt(a, t0.addSecs(40)));
    const auto entry = m_store->pending()->first();
    QCOMPARE(entry.attempts, 3);
    QCOMPARE(entry.lastAttemptAt, t0.addSecs(40));
}

void TestLocalStore::unknownRequestsAreErrors()
{
    const QUuid unknown = QUuid::createUuid();
    QVERIFY(!m_store->markDelivered(unknown, t0));
    QVERIFY(m_store->lastError().contains(unknown.toString(QUuid::WithoutBraces)));
    QVERIFY(!m_store->markFailed(unknown, QStringLiteral("x"), t0));
    QVERIFY(!m_store->recordAttempt(unknown, t0));
    QVERIFY(!m_store->lastError().isEmpty());
    QVERIFY(m_store->pending()->isEmpty());
    QVERIFY(m_store->lastError().isEmpty());
}

void TestLocalStore::outboxSurvivesRestart()
{
    const auto a = *m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("seen")), t0);
    const auto b = *m_store->enqueue(Kind::Shelve, QStringLiteral("A-2"), {}, t0);
    const auto c = *m_store->enqueue(Kind::Ack, QStringLiteral("A-3"), {}, t0);
    QVERIFY(m_store->recordAttempt(a, t0.addSecs(5)));
    QVERIFY(m_store->markFailed(b, QStringLiteral("unknown alarm"), t0.addSecs(6)));
    m_store->close();
    QVERIFY(!m_store->isOpen());

    LocalStore reopened;
    QVERIFY2(reopened.open(dbPath()), qPrintable(reopened.lastError()));
    const auto pending = *reopened.pending();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).requestId, a);
    QCOMPARE(pending.at(0).attempts, 1);
    QCOMPARE(pending.at(0).payload, note(QStringLiteral("seen")));
    QCOMPARE(pending.at(1).requestId, c);
    QCOMPARE(reopened.failed()->first().failureReason, QStringLiteral("unknown alarm"));
    // Still idempotent after the restart.
    QCOMPARE(*reopened.enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("seen")), t0), a);
}

void TestLocalStore::resumePointUpsertsPerServer()
{
    const QUrl one(QStringLiteral("ws://gw-1.plant:8765/ws"));
    const QUrl two(QStringLiteral("ws://gw-2.plant:8765/ws"));
    QVERIFY(!m_store->resumePoint(one));
    QVERIFY(m_store->lastError().isEmpty());

    QVERIFY(m_store->saveResumePoint(one, QStringLiteral("s-1"), 10));
    for (qint64 seq = 11; seq <= 500; ++seq)
        QVERIFY(m_store->saveResumePoint(one, QStringLiteral("s-1"), seq));
    QVERIFY(m_store->saveResumePoint(two, QStringLiteral("s-9"), 7));

    QCOMPARE(m_store->resumePoint(one)->sessionId, QStringLiteral("s-1"));
    QCOMPARE(m_store->resumePoint(one)->lastSeq, 500);
    QVERIFY(m_store->resumePoint(one)->savedAt.isValid());
    QCOMPARE(m_store->resumePoint(two)->lastSeq, 7);

    // A new session replaces the old one; a token in the URL never reaches the key.
    QVERIFY(m_store->saveResumePoint(QUrl(QStringLiteral("ws://gw-1.plant:8765/ws?token=secret")),
                                     QStringLiteral("s-2"), 3));
    QCOMPARE(m_store->resumePoint(one)->sessionId, QStringLiteral("s-2"));
    QCOMPARE(m_store->resumePoint(one)->lastSeq, 3);
    m_store->close();
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("secret"));
    QVERIFY(m_store->open(dbPath()));

    QVERIFY(m_store->clearResumePoint(one));
    QVERIFY(!m_store->resumePoint(one));
    QCOMPARE(m_store->resumePoint(two)->sessionId, QStringLiteral("s-9"));
}

void TestLocalStore::notificationsNewestFirstWithPaging()
{
    // Appended out of time order: the list follows the time, then arrival.
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("n2"), t0.addSecs(2))));
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("n0"), t0)));
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("n3"), t0.addSecs(3))));
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("n1a"), t0.addSecs(1))));
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("n1b"), t0.addSecs(1))));
    QCOMPARE(notificationIds(*m_store, 10),
             (QStringList {QStringLiteral("n3"), QStringLiteral("n2"), QStringLiteral("n1b"), QStringLiteral("n1a"),
                           QStringLiteral("n0")}));
    QCOMPARE(notificationIds(*m_store, 2), (QStringList {QStringLiteral("n3"), QStringLiteral("n2")}));
    QCOMPARE(notificationIds(*m_store, 2, 2), (QStringList {QStringLiteral("n1b"), QStringLiteral("n1a")}));
    QCOMPARE(notificationIds(*m_store, 2, 4), QStringList {QStringLiteral("n0")});
    QVERIFY(notificationIds(*m_store, 2, 6).isEmpty());

    const auto first = m_store->notifications(1)->first();
    QCOMPARE(first.kind, QStringLiteral("alarm"));
    QCOMPARE(first.severity, QStringLiteral("high"));
    QCOMPARE(first.title, QStringLiteral("Tank 3 level high"));
    QCOMPARE(first.sourceKind, QStringLiteral("endpoint"));
    QCOMPARE(first.sourceId, QStringLiteral("tank-3/level"));
    QCOMPARE(first.time, t0.addSecs(3));
    QVERIFY(!first.read);

    // The same id again (a resync) does not duplicate it.
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("n3"), t0.addSecs(9))));
    QCOMPARE(notificationIds(*m_store, 10).size(), 5);

    // Its news can be rewritten in place (a late outcome): same place in the list.
    LocalStore::Notification changed = notification(QStringLiteral("n1a"), t0.addSecs(7));
    changed.severity = QStringLiteral("info");
    changed.title = QStringLiteral("Tank 3 level back to normal");
    changed.message = QStringLiteral("late");
    changed.read = true;
    QVERIFY(m_store->updateNotification(changed));
    QCOMPARE(notificationIds(*m_store, 10).at(3), QStringLiteral("n1a"));
    const auto rewritten = m_store->notifications(1, 3)->first();
    QCOMPARE(rewritten.severity, QStringLiteral("info"));
    QCOMPARE(rewritten.title, QStringLiteral("Tank 3 level back to normal"));
    QCOMPARE(rewritten.message, QStringLiteral("late"));
    QVERIFY(rewritten.read);
    QCOMPARE(rewritten.time, t0.addSecs(1)); // the time is not news
}

void TestLocalStore::notificationReadMarksAndClearing()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_store->appendNotification(notification(QString::number(i), t0.addSecs(i))));
    QCOMPARE(*m_store->unreadNotificationCount(), 4);
    QVERIFY(m_store->markRead(QStringLiteral("2")));
    QCOMPARE(*m_store->unreadNotificationCount(), 3);
    QVERIFY(m_store->notifications(10)->at(1).read);
    QVERIFY(!m_store->notifications(10)->at(0).read);
    QVERIFY(!m_store->markRead(QStringLiteral("missing")));
    QVERIFY(m_store->lastError().contains(QStringLiteral("missing")));

    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    QCOMPARE(*m_store->unreadNotificationCount(), 3);
    QVERIFY(m_store->markAllRead());
    QCOMPARE(*m_store->unreadNotificationCount(), 0);
    QVERIFY(m_store->clearHistory());
    QVERIFY(m_store->notifications(10)->isEmpty());
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("after"), t0)));
    QCOMPARE(notificationIds(*m_store, 10), QStringList {QStringLiteral("after")});
}

void TestLocalStore::notificationHistoryIsBounded()
{
    m_store->setNotificationLimit(100);
    const auto count = [this] { return m_store->notifications(100000)->size(); };
    for (int i = 0; i < 109; ++i)
        QVERIFY(m_store->appendNotification(notification(QString::number(i), t0.addSecs(i))));
    QCOMPARE(count(), 109); // not pruned on every insert
    QVERIFY(m_store->appendNotification(notification(QString::number(109), t0.addSecs(109))));
    QCOMPARE(count(), 100);
    const QStringList ids = notificationIds(*m_store, 1000);
    QCOMPARE(ids.first(), QStringLiteral("109"));
    QCOMPARE(ids.last(), QStringLiteral("10")); // the oldest ten went

    // The count is taken again after a restart.
    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    m_store->setNotificationLimit(100);
    for (int i = 110; i < 120; ++i)
        QVERIFY(m_store->appendNotification(notification(QString::number(i), t0.addSecs(i))));
    QCOMPARE(count(), 100);
    QCOMPARE(notificationIds(*m_store, 1000).last(), QStringLiteral("20"));
}

void TestLocalStore::commandLogKeepsHistory()
{
    const QUuid id = QUuid::createUuid();
    QVERIFY2(m_store->appendCommand(command(id, QStringLiteral("pump-1/speed"), 42.5, t0)),
             qPrintable(m_store->lastError()));
    QVERIFY2(!m_store->appendCommand(command(id, QStringLiteral("pump-1/speed"), 42.5, t0)),
             "a command id is logged once");
    QVERIFY(m_store->updateCommand(id, QStringLiteral("sent"), {}, {}, t0.addSecs(1)));
    QVERIFY(m_store->updateCommand(id, QStringLiteral("failed"), 40.0, QStringLiteral("motor stalled"), t0.addSecs(4)));

    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    const auto c = m_store->command(id);
    QVERIFY2(c, qPrintable(m_store->lastError()));
    QCOMPARE(c->endpointId, QStringLiteral("pump-1/speed"));
    QCOMPARE(c->requestedValue.toDouble(), 42.5);
    QCOMPARE(c->operatorName, QStringLiteral("alice"));
    QCOMPARE(c->status, QStringLiteral("failed"));
    QCOMPARE(c->actualValue.toDouble(), 40.0);
    QCOMPARE(c->error, QStringLiteral("motor stalled"));
    QCOMPARE(c->createdAt, t0);
    QCOMPARE(c->updatedAt, t0.addSecs(4));
    QCOMPARE(c->history.size(), 3);
    QCOMPARE(c->history.at(0).status, QStringLiteral("queued"));
    QCOMPARE(c->history.at(0).at, t0);
    QCOMPARE(c->history.at(1).status, QStringLiteral("sent"));
    QCOMPARE(c->history.at(1).at, t0.addSecs(1));
    QCOMPARE(c->history.at(2).status, QStringLiteral("failed"));
    QCOMPARE(c->history.at(2).error, QStringLiteral("motor stalled"));
    QCOMPARE(c->history.at(2).actualValue.toDouble(), 40.0);

    const QUuid unknown = QUuid::createUuid();
    QVERIFY(!m_store->updateCommand(unknown, QStringLiteral("sent"), {}, {}, t0));
    QVERIFY(m_store->lastError().contains(unknown.toString(QUuid::WithoutBraces)));
    QVERIFY(!m_store->command(unknown));
    // The failed update left no transaction open.
    QVERIFY(m_store->updateCommand(id, QStringLiteral("failed"), 40.0, QStringLiteral("again"), t0.addSecs(5)));
    QCOMPARE(m_store->command(id)->history.size(), 4);
}

void TestLocalStore::commandLogFilters()
{
    QList<QUuid> ids;
    for (int i = 0; i < 6; ++i) {
        ids << QUuid::createUuid();
        const QString endpoint = i % 2 ? QStringLiteral("valve-2/open") : QStringLiteral("pump-1/speed");
        QVERIFY(m_store->appendCommand(command(ids.last(), endpoint, i, t0.addSecs(i * 60))));
    }
    QVERIFY(m_store->updateCommand(ids[4], QStringLiteral("succeeded"), 4, {}, t0.addSecs(300)));

    const auto all = *m_store->commands(10);
    QCOMPARE(all.size(), 6);
    QCOMPARE(all.first().commandId, ids[5]);
    QCOMPARE(all.last().commandId, ids[0]);
    const auto page = *m_store->commands(2, 2);
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).commandId, ids[3]);
    QCOMPARE(page.at(1).commandId, ids[2]);

    LocalStore::CommandFilter byEndpoint;
    byEndpoint.endpointId = QStringLiteral("valve-2/open");
    const auto valves = *m_store->commands(10, 0, byEndpoint);
    QCOMPARE(valves.size(), 3);
    for (const auto &c : valves)
        QCOMPARE(c.endpointId, QStringLiteral("valve-2/open"));

    LocalStore::CommandFilter byStatus;
    byStatus.status = QStringLiteral("succeeded");
    const auto done = *m_store->commands(10, 0, byStatus);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().commandId, ids[4]);

    LocalStore::CommandFilter window;
    window.since = t0.addSecs(60);
    window.until = t0.addSecs(180);
    const auto inWindow = *m_store->commands(10, 0, window);
    QCOMPARE(inWindow.size(), 2);
    QCOMPARE(inWindow.at(0).commandId, ids[2]);
    QCOMPARE(inWindow.at(1).commandId, ids[1]);

    m_store->setCommandLimit(10);
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_store->appendCommand(command(QUuid::createUuid(), QStringLiteral("x"), i, t0.addSecs(1000 + i))));
    QCOMPARE(m_store->commands(100)->size(), 10);
    QVERIFY(!m_store->command(ids[0]));
}

void TestLocalStore::garbageFileIsMovedAside()
{
    m_store->close();
    const QByteArray garbage = randomBytes(16384);
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(garbage);
    }

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged .* moved it to .*corrupt-")));
    LocalStore store;
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    const QString aside = store.movedAsidePath();
    QVERIFY(QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(dbPath())
                               + QStringLiteral("\\.corrupt-\\d{8}-\\d{6}$"))
                .match(aside)
                .hasMatch());
    QFile moved(aside);
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), garbage);

    QVERIFY(store.enqueue(Kind::Ack, QStringLiteral("A-1"), {}, t0));
    QCOMPARE(store.pending()->size(), 1);
    store.close();
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.movedAsidePath().isEmpty());
    QCOMPARE(store.pending()->size(), 1);
}

void TestLocalStore::damagedPageIsMovedAside()
{
    for (int i = 0; i < 2000; ++i)
        QVERIFY(m_store->appendNotification(notification(QString::number(i), t0.addSecs(i))));
    m_store->close();
    QVERIFY(!QFile::exists(dbPath() + QStringLiteral("-wal"))
            || QFileInfo(dbPath() + QStringLiteral("-wal")).size() == 0);

    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pageSize = 4096;
        const qint64 pages = file.size() / pageSize;
        QVERIFY(pages > 10);
        QVERIFY(file.seek((pages / 2) * pageSize));
        QCOMPARE(file.write(randomBytes(pageSize)), pageSize);
    }

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged .* moved it to .*corrupt-")));
    LocalStore store;
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QVERIFY(store.movedAsidePath().contains(QStringLiteral(".corrupt-")));
    QVERIFY(QFile::exists(store.movedAsidePath()));
    QVERIFY(store.notifications(10)->isEmpty());
    QVERIFY(store.appendNotification(notification(QStringLiteral("fresh"), t0)));
    QCOMPARE(notificationIds(store, 10), QStringList {QStringLiteral("fresh")});
}

void TestLocalStore::readOnlyDatabaseRefusesWritesAndKeepsData()
{
    // chmod does not stop root, so the read-only disk is SQLite's read-only open.
    const auto a = *m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("keep")), t0);
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("n1"), t0)));
    QVERIFY(m_store->saveResumePoint(QUrl(QStringLiteral("ws://gw/ws")), QStringLiteral("s-1"), 12));
    m_store->close();

    LocalStore readOnly;
    QVERIFY2(readOnly.open(dbPath(), LocalStore::OpenMode::ReadOnly), qPrintable(readOnly.lastError()));
    QCOMPARE(readOnly.pending()->size(), 1);

    QVERIFY(!readOnly.enqueue(Kind::Ack, QStringLiteral("A-2"), {}, t0));
    QVERIFY2(readOnly.lastError().contains(QStringLiteral("read-only")), qPrintable(readOnly.lastError()));
    QVERIFY(readOnly.lastError().contains(QStringLiteral("SQLite error 8")));
    QVERIFY(!readOnly.markDelivered(a, t0));
    QVERIFY(readOnly.lastError().contains(QStringLiteral("read-only")));
    QVERIFY(!readOnly.recordAttempt(a, t0));
    QVERIFY(!readOnly.saveResumePoint(QUrl(QStringLiteral("ws://gw/ws")), QStringLiteral("s-2"), 99));
    QVERIFY(!readOnly.appendNotification(notification(QStringLiteral("n2"), t0)));
    QVERIFY(!readOnly.markAllRead());
    QVERIFY(!readOnly.clearHistory());
    QVERIFY(!readOnly.appendCommand(command(QUuid::createUuid(), QStringLiteral("p"), 1, t0)));
    QVERIFY(readOnly.lastError().contains(QStringLiteral("read-only")));
    readOnly.close();

    QVERIFY(m_store->open(dbPath()));
    const auto pending = *m_store->pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().requestId, a);
    QCOMPARE(pending.first().attempts, 0);
    QCOMPARE(notificationIds(*m_store, 10), QStringList {QStringLiteral("n1")});
    QVERIFY(!m_store->notifications(1)->first().read);
    QCOMPARE(m_store->resumePoint(QUrl(QStringLiteral("ws://gw/ws")))->lastSeq, 12);
}

void TestLocalStore::fullDiskRefusesWritesAndKeepsData()
{
    const auto a = *m_store->enqueue(Kind::Ack, QStringLiteral("A-1"), {}, t0);
    // A cap at the current size: the next page the file needs is not there.
    QVERIFY2(m_store->setMaximumSize(1), qPrintable(m_store->lastError()));

    const QString big(3000, u'x');
    int stored = 0;
    bool refused = false;
    for (int i = 0; i < 200 && !refused; ++i) {
        if (m_store->appendNotification(notification(QString::number(i), t0.addSecs(i), big)))
            ++stored;
        else
            refused = true;
    }
    QVERIFY(refused);
    QVERIFY2(m_store->lastError().contains(QStringLiteral("disk is full")), qPrintable(m_store->lastError()));
    QVERIFY(m_store->lastError().contains(QStringLiteral("SQLite error 13")));

    QVERIFY(!m_store->enqueue(Kind::Ack, QStringLiteral("A-2"), note(QString(20000, u'n')), t0));
    QVERIFY(m_store->lastError().contains(QStringLiteral("disk is full")));
    QVERIFY(!m_store->updateCommand(QUuid::createUuid(), QStringLiteral("x"), {}, {}, t0));

    // Reading still works, and nothing already stored was lost.
    QCOMPARE(m_store->notifications(1000)->size(), stored);
    QCOMPARE(m_store->pending()->size(), 1);
    QVERIFY(m_store->markDelivered(a, t0));
    m_store->close();
    QVERIFY(m_store->setMaximumSize(0));
    QVERIFY(m_store->open(dbPath()));
    QCOMPARE(m_store->notifications(1000)->size(), stored);
    QVERIFY(m_store->pending()->isEmpty());
    QVERIFY(m_store->enqueue(Kind::Ack, QStringLiteral("A-2"), note(QString(20000, u'n')), t0));
}

void TestLocalStore::twoStoresDoNotInterfere()
{
    LocalStore other;
    QVERIFY(other.open(m_dir->filePath(QStringLiteral("other/watchfloor.sqlite"))));
    QVERIFY(m_store->enqueue(Kind::Ack, QStringLiteral("mine"), {}, t0));
    QVERIFY(other.enqueue(Kind::Ack, QStringLiteral("theirs"), {}, t0));
    QVERIFY(other.appendNotification(notification(QStringLiteral("n"), t0)));
    QCOMPARE(m_store->pending()->size(), 1);
    QCOMPARE(m_store->pending()->first().alarmId, QStringLiteral("mine"));
    QCOMPARE(other.pending()->first().alarmId, QStringLiteral("theirs"));
    QVERIFY(m_store->notifications(10)->isEmpty());

    other.close();
    QVERIFY(m_store->saveResumePoint(QUrl(QStringLiteral("ws://gw/ws")), QStringLiteral("s"), 1));
    QCOMPARE(m_store->pending()->size(), 1);
}

void TestLocalStore::closedStoreReportsErrors()
{
    LocalStore closed;
    QVERIFY(!closed.isOpen());
    QVERIFY(!closed.pending());
    QVERIFY(closed.lastError().contains(QStringLiteral("not open")));
    QVERIFY(!closed.enqueue(Kind::Ack, QStringLiteral("A"), {}, t0));
    QVERIFY(!closed.saveResumePoint(QUrl(QStringLiteral("ws://gw/ws")), QStringLiteral("s"), 1));
    QVERIFY(!closed.appendNotification(notification(QStringLiteral("n"), t0)));
    QVERIFY(!closed.commands(10));

    // A path whose folder cannot be made (a file is in the way) is a clear error.
    QFile blocker(m_dir->filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!closed.open(m_dir->filePath(QStringLiteral("blocker/watchfloor.sqlite"))));
    QVERIFY(closed.lastError().contains(QStringLiteral("blocker")));
}

void TestLocalStore::newerSchemaIsRefusedNotMoved()
{
    m_store->close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));

    LocalStore store;
    QVERIFY(!store.open(dbPath()));
    QVERIFY2(store.lastError().contains(QStringLiteral("newer")), qPrintable(store.lastError()));
    QVERIFY(store.movedAsidePath().isEmpty());
    QVERIFY(QFile::exists(dbPath()));
}

void TestLocalStore::a10c_notificationKeepsItsAlarmState()
{
    LocalStore::Notification n = notification(QStringLiteral("alarm:A-000007:1000"), t0);
    n.kind = QStringLiteral("alarm");
    n.alarm = {{QLatin1StringView("state"), QStringLiteral("active_unacked")}, {QLatin1StringView("count"), 3}};
    QVERIFY2(m_store->appendNotification(n), qPrintable(m_store->lastError()));
    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    QCOMPARE(m_store->notifications(10)->first().alarm, n.alarm);

    n.alarm.insert(QLatin1StringView("state"), QStringLiteral("active_acked"));
    QVERIFY2(m_store->updateNotification(n), qPrintable(m_store->lastError()));
    QCOMPARE(m_store->notifications(10)->first().alarm, n.alarm);
    // Anything but an alarm keeps none.
    QVERIFY(m_store->appendNotification(notification(QStringLiteral("plain"), t0.addSecs(1))));
    QVERIFY(m_store->notifications(10)->first().alarm.isEmpty());
}

void TestLocalStore::a10c_schemaOneIsUpgradedKeepingTheHistory()
{
    m_store->close();
    const QString path = m_dir->filePath(QStringLiteral("v1.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE notifications (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT "
                                          "NOT NULL UNIQUE, kind TEXT NOT NULL, severity TEXT NOT NULL, title TEXT NOT "
                                          "NULL, message TEXT NOT NULL, source_kind TEXT NOT NULL, source_id TEXT NOT "
                                          "NULL, time INTEGER NOT NULL, read INTEGER NOT NULL DEFAULT 0)")));
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE commands (seq INTEGER PRIMARY KEY)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO notifications (id, kind, severity, title, message, source_kind, "
                                          "source_id, time) VALUES ('old', 'system', 'info', 't', 'm', '', '', 5)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 1")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    LocalStore upgraded;
    QVERIFY2(upgraded.open(path), qPrintable(upgraded.lastError()));
    QVERIFY(upgraded.movedAsidePath().isEmpty());
    const auto history = upgraded.notifications(10);
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().id, QStringLiteral("old"));
    QVERIFY(history->first().alarm.isEmpty());
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
