#include "storetestcase.h"
#include "storetestdata.h"

#include <QTest>

using namespace StoreTestData;

// The command log on a real file: a command's status history, filters, paging and the bound.
class TestCommandLog : public StoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void commandLogKeepsHistory();
    void commandLogFilters();
};

void TestCommandLog::commandLogKeepsHistory()
{
    const QUuid id = QUuid::createUuid();
    QVERIFY2(m_store->commandLog().append(command(id, QStringLiteral("pump-1/speed"), 42.5, t0)),
             qPrintable(m_store->lastError()));
    QVERIFY2(!m_store->commandLog().append(command(id, QStringLiteral("pump-1/speed"), 42.5, t0)),
             "a command id is logged once");
    QVERIFY(m_store->commandLog().update(id, QStringLiteral("sent"), {}, {}, t0.addSecs(1)));
    QVERIFY(m_store->commandLog().update(id, QStringLiteral("failed"), 40.0, QStringLiteral("motor stalled"),
                                         t0.addSecs(4)));

    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    const auto c = m_store->commandLog().find(id);
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
    QVERIFY(!m_store->commandLog().update(unknown, QStringLiteral("sent"), {}, {}, t0));
    QVERIFY(m_store->lastError().contains(unknown.toString(QUuid::WithoutBraces)));
    QVERIFY(!m_store->commandLog().find(unknown));
    // The failed update left no transaction open.
    QVERIFY(m_store->commandLog().update(id, QStringLiteral("failed"), 40.0, QStringLiteral("again"), t0.addSecs(5)));
    QCOMPARE(m_store->commandLog().find(id)->history.size(), 4);
}

void TestCommandLog::commandLogFilters()
{
    QList<QUuid> ids;
    for (int i = 0; i < 6; ++i) {
        ids << QUuid::createUuid();
        const QString endpoint = i % 2 ? QStringLiteral("valve-2/open") : QStringLiteral("pump-1/speed");
        QVERIFY(m_store->commandLog().append(command(ids.last(), endpoint, i, t0.addSecs(i * 60))));
    }
    QVERIFY(m_store->commandLog().update(ids[4], QStringLiteral("succeeded"), 4, {}, t0.addSecs(300)));

    const auto all = *m_store->commandLog().newest(10);
    QCOMPARE(all.size(), 6);
    QCOMPARE(all.first().commandId, ids[5]);
    QCOMPARE(all.last().commandId, ids[0]);
    const auto page = *m_store->commandLog().newest(2, 2);
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).commandId, ids[3]);
    QCOMPARE(page.at(1).commandId, ids[2]);

    CommandLog::Filter byEndpoint;
    byEndpoint.endpointId = QStringLiteral("valve-2/open");
    const auto valves = *m_store->commandLog().newest(10, 0, byEndpoint);
    QCOMPARE(valves.size(), 3);
    for (const auto &c : valves)
        QCOMPARE(c.endpointId, QStringLiteral("valve-2/open"));

    CommandLog::Filter byStatus;
    byStatus.status = QStringLiteral("succeeded");
    const auto done = *m_store->commandLog().newest(10, 0, byStatus);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().commandId, ids[4]);

    CommandLog::Filter window;
    window.since = t0.addSecs(60);
    window.until = t0.addSecs(180);
    const auto inWindow = *m_store->commandLog().newest(10, 0, window);
    QCOMPARE(inWindow.size(), 2);
    QCOMPARE(inWindow.at(0).commandId, ids[2]);
    QCOMPARE(inWindow.at(1).commandId, ids[1]);

    m_store->commandLog().setLimit(10);
    for (int i = 0; i < 5; ++i)
        QVERIFY(
            m_store->commandLog().append(command(QUuid::createUuid(), QStringLiteral("x"), i, t0.addSecs(1000 + i))));
    QCOMPARE(m_store->commandLog().newest(100)->size(), 10);
    QVERIFY(!m_store->commandLog().find(ids[0]));
}

QTEST_GUILESS_MAIN(TestCommandLog)
#include "tst_commandlog.moc"
