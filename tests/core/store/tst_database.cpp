#include "storetestcase.h"
#include "storetestdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace StoreTestData;

// The database on real files: its default path, a damaged file moved aside, read-only and full disks
// refusing writes while keeping what is stored, two stores side by side, a closed store, and the schema
// (a newer one refused, version 1 upgraded).
class TestDatabase : public StoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPathIsPerProfile();
    void garbageFileIsMovedAside();
    void damagedPageIsMovedAside();
    void readOnlyDatabaseRefusesWritesAndKeepsData();
    void fullDiskRefusesWritesAndKeepsData();
    void twoStoresDoNotInterfere();
    void closedStoreReportsErrors();
    void newerSchemaIsRefusedNotMoved();
    void a10c_schemaOneIsUpgradedKeepingTheHistory();
};

void TestDatabase::defaultPathIsPerProfile()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString path = Database::defaultPath(QStringLiteral("plant-a"));
    QCOMPARE(path, root + QStringLiteral("/profiles/plant-a/watchfloor.sqlite"));
    QVERIFY(QDir(root + QStringLiteral("/profiles/plant-a")).exists());
    const QString escaped = Database::defaultPath(QStringLiteral(".."));
    QVERIFY(escaped.startsWith(root + QStringLiteral("/profiles/")));
    QVERIFY(!escaped.contains(QStringLiteral("/../")));
    QDir(root + QStringLiteral("/profiles")).removeRecursively();
}

void TestDatabase::garbageFileIsMovedAside()
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

    QVERIFY(store.outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), {}, t0));
    QCOMPARE(store.outbox().pending()->size(), 1);
    store.close();
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.movedAsidePath().isEmpty());
    QCOMPARE(store.outbox().pending()->size(), 1);
}

void TestDatabase::damagedPageIsMovedAside()
{
    for (int i = 0; i < 2000; ++i)
        QVERIFY(m_store->notificationLog().append(notification(QString::number(i), t0.addSecs(i))));
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
    QVERIFY(store.notificationLog().newest(10)->isEmpty());
    QVERIFY(store.notificationLog().append(notification(QStringLiteral("fresh"), t0)));
    QCOMPARE(notificationIds(store, 10), QStringList {QStringLiteral("fresh")});
}

void TestDatabase::readOnlyDatabaseRefusesWritesAndKeepsData()
{
    // chmod does not stop root, so the read-only disk is SQLite's read-only open.
    const auto a = *m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), note(QStringLiteral("keep")), t0);
    QVERIFY(m_store->notificationLog().append(notification(QStringLiteral("n1"), t0)));
    QVERIFY(m_store->resumePoints().save(QUrl(QStringLiteral("ws://gw/ws")), QStringLiteral("s-1"), 12));
    m_store->close();

    LocalStore readOnly;
    QVERIFY2(readOnly.open(dbPath(), Database::OpenMode::ReadOnly), qPrintable(readOnly.lastError()));
    QCOMPARE(readOnly.outbox().pending()->size(), 1);

    QVERIFY(!readOnly.outbox().enqueue(Kind::Ack, QStringLiteral("A-2"), {}, t0));
    QVERIFY2(readOnly.lastError().contains(QStringLiteral("read-only")), qPrintable(readOnly.lastError()));
    QVERIFY(readOnly.lastError().contains(QStringLiteral("SQLite error 8")));
    QVERIFY(!readOnly.outbox().markDelivered(a, t0));
    QVERIFY(readOnly.lastError().contains(QStringLiteral("read-only")));
    QVERIFY(!readOnly.outbox().recordAttempt(a, t0));
    QVERIFY(!readOnly.resumePoints().save(QUrl(QStringLiteral("ws://gw/ws")), QStringLiteral("s-2"), 99));
    QVERIFY(!readOnly.notificationLog().append(notification(QStringLiteral("n2"), t0)));
    QVERIFY(!readOnly.notificationLog().markAllRead());
    QVERIFY(!readOnly.notificationLog().clear());
    QVERIFY(!readOnly.commandLog().append(command(QUuid::createUuid(), QStringLiteral("p"), 1, t0)));
    QVERIFY(readOnly.lastError().contains(QStringLiteral("read-only")));
    readOnly.close();

    QVERIFY(m_store->open(dbPath()));
    const auto pending = *m_store->outbox().pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().requestId, a);
    QCOMPARE(pending.first().attempts, 0);
    QCOMPARE(notificationIds(*m_store, 10), QStringList {QStringLiteral("n1")});
    QVERIFY(!m_store->notificationLog().newest(1)->first().read);
    QCOMPARE(m_store->resumePoints().find(QUrl(QStringLiteral("ws://gw/ws")))->lastSeq, 12);
}

void TestDatabase::fullDiskRefusesWritesAndKeepsData()
{
    const auto a = *m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-1"), {}, t0);
    // A cap at the current size: the next page the file needs is not there.
    QVERIFY2(m_store->database().setMaximumSize(1), qPrintable(m_store->lastError()));

    const QString big(3000, u'x');
    int stored = 0;
    bool refused = false;
    for (int i = 0; i < 200 && !refused; ++i) {
        if (m_store->notificationLog().append(notification(QString::number(i), t0.addSecs(i), big)))
            ++stored;
        else
            refused = true;
    }
    QVERIFY(refused);
    QVERIFY2(m_store->lastError().contains(QStringLiteral("disk is full")), qPrintable(m_store->lastError()));
    QVERIFY(m_store->lastError().contains(QStringLiteral("SQLite error 13")));

    QVERIFY(!m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-2"), note(QString(20000, u'n')), t0));
    QVERIFY(m_store->lastError().contains(QStringLiteral("disk is full")));
    QVERIFY(!m_store->commandLog().update(QUuid::createUuid(), step(Domain::CommandState::Sent, t0)));

    // Reading still works, and nothing already stored was lost.
    QCOMPARE(m_store->notificationLog().newest(1000)->size(), stored);
    QCOMPARE(m_store->outbox().pending()->size(), 1);
    QVERIFY(m_store->outbox().markDelivered(a, t0));
    m_store->close();
    QVERIFY(m_store->database().setMaximumSize(0));
    QVERIFY(m_store->open(dbPath()));
    QCOMPARE(m_store->notificationLog().newest(1000)->size(), stored);
    QVERIFY(m_store->outbox().pending()->isEmpty());
    QVERIFY(m_store->outbox().enqueue(Kind::Ack, QStringLiteral("A-2"), note(QString(20000, u'n')), t0));
}

void TestDatabase::twoStoresDoNotInterfere()
{
    LocalStore other;
    QVERIFY(other.open(m_dir->filePath(QStringLiteral("other/watchfloor.sqlite"))));
    QVERIFY(m_store->outbox().enqueue(Kind::Ack, QStringLiteral("mine"), {}, t0));
    QVERIFY(other.outbox().enqueue(Kind::Ack, QStringLiteral("theirs"), {}, t0));
    QVERIFY(other.notificationLog().append(notification(QStringLiteral("n"), t0)));
    QCOMPARE(m_store->outbox().pending()->size(), 1);
    QCOMPARE(m_store->outbox().pending()->first().alarmId, QStringLiteral("mine"));
    QCOMPARE(other.outbox().pending()->first().alarmId, QStringLiteral("theirs"));
    QVERIFY(m_store->notificationLog().newest(10)->isEmpty());

    other.close();
    QVERIFY(m_store->resumePoints().save(QUrl(QStringLiteral("ws://gw/ws")), QStringLiteral("s"), 1));
    QCOMPARE(m_store->outbox().pending()->size(), 1);
}

void TestDatabase::closedStoreReportsErrors()
{
    LocalStore closed;
    QVERIFY(!closed.isOpen());
    QVERIFY(!closed.outbox().pending());
    QVERIFY(closed.lastError().contains(QStringLiteral("not open")));
    QVERIFY(!closed.outbox().enqueue(Kind::Ack, QStringLiteral("A"), {}, t0));
    QVERIFY(!closed.resumePoints().save(QUrl(QStringLiteral("ws://gw/ws")), QStringLiteral("s"), 1));
    QVERIFY(!closed.notificationLog().append(notification(QStringLiteral("n"), t0)));
    QVERIFY(!closed.commandLog().newest(10));

    // A path whose folder cannot be made (a file is in the way) is a clear error.
    QFile blocker(m_dir->filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!closed.open(m_dir->filePath(QStringLiteral("blocker/watchfloor.sqlite"))));
    QVERIFY(closed.lastError().contains(QStringLiteral("blocker")));
}

void TestDatabase::newerSchemaIsRefusedNotMoved()
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

void TestDatabase::a10c_schemaOneIsUpgradedKeepingTheHistory()
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
    const auto history = upgraded.notificationLog().newest(10);
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().id, QStringLiteral("old"));
    QVERIFY(history->first().alarm.isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
