#include "storetestcase.h"
#include "storetestdata.h"

#include <QFile>
#include <QTest>

using namespace StoreTestData;

// The resume points on a real file: one per server, no token on disk.
class TestResumePoints : public StoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void resumePointUpsertsPerServer();
};

void TestResumePoints::resumePointUpsertsPerServer()
{
    const QUrl one(QStringLiteral("ws://gw-1.plant:8765/ws"));
    const QUrl two(QStringLiteral("ws://gw-2.plant:8765/ws"));
    QVERIFY(!m_store->resumePoints().find(one));
    QVERIFY(m_store->lastError().isEmpty());

    QVERIFY(m_store->resumePoints().save(one, QStringLiteral("s-1"), 10));
    for (qint64 seq = 11; seq <= 500; ++seq)
        QVERIFY(m_store->resumePoints().save(one, QStringLiteral("s-1"), seq));
    QVERIFY(m_store->resumePoints().save(two, QStringLiteral("s-9"), 7));

    QCOMPARE(m_store->resumePoints().find(one)->sessionId, QStringLiteral("s-1"));
    QCOMPARE(m_store->resumePoints().find(one)->lastSeq, 500);
    QVERIFY(m_store->resumePoints().find(one)->savedAt.isValid());
    QCOMPARE(m_store->resumePoints().find(two)->lastSeq, 7);

    // A new session replaces the old one; a token in the URL never reaches the key.
    QVERIFY(m_store->resumePoints().save(QUrl(QStringLiteral("ws://gw-1.plant:8765/ws?token=secret")),
                                         QStringLiteral("s-2"), 3));
    QCOMPARE(m_store->resumePoints().find(one)->sessionId, QStringLiteral("s-2"));
    QCOMPARE(m_store->resumePoints().find(one)->lastSeq, 3);
    m_store->close();
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("secret"));
    QVERIFY(m_store->open(dbPath()));

    QVERIFY(m_store->resumePoints().clear(one));
    QVERIFY(!m_store->resumePoints().find(one));
    QCOMPARE(m_store->resumePoints().find(two)->sessionId, QStringLiteral("s-9"));
}

QTEST_GUILESS_MAIN(TestResumePoints)
#include "tst_resumepoints.moc"
