#include "model/serverhealthmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Domain::ServerHealth;

namespace {

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC).addSecs(second);
}

ServerHealth health(double cpu, double memory = 40.0, double storage = 70.0, int second = 0)
{
    return {cpu, memory, storage, at(second)};
}

QList<int> rolesOf(const QList<QVariant> &dataChanged)
{
    return dataChanged.at(2).value<QList<int>>();
}

} // namespace

class TestServerHealthModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstReportAddsTheRow();
    void reportsInOneBatchCoalesceIntoOneChange();
    void reconcileUpdatesAndAnEmptySnapshotRemoves();
    void staleWhenQuietOrWhenTheLinkIsDown();
    void historyIsBounded();
    void columnsHeadersAndRoleNames();

private:
    ServerHealthModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestServerHealthModel::init()
{
    m_model = new ServerHealthModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestServerHealthModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestServerHealthModel::firstReportAddsTheRow()
{
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->hasReport());
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    m_model->applyBatch({health(10.0), health(20.0, 41.0, 71.0, 5)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf(u"server"_s), 0);
    const QModelIndex row = m_model->index(0, 0);
    QCOMPARE(row.data(LiveTableModel::KeyRole).toString(), u"server"_s);
    QCOMPARE(row.data(ServerHealthModel::CpuRole).toDouble(), 20.0);
    QCOMPARE(row.data(ServerHealthModel::MemoryRole).toDouble(), 41.0);
    QCOMPARE(row.data(ServerHealthModel::StorageRole).toDouble(), 71.0);
    QCOMPARE(row.data(ServerHealthModel::LastUpdateRole).toDateTime(), at(5));
    QCOMPARE(m_model->history().sampleCount(u"server"_s, ServerHealthModel::CpuRole), 2);

    m_model->applyBatch({health(30.0)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestServerHealthModel::reportsInOneBatchCoalesceIntoOneChange()
{
    m_model->applyBatch({health(10.0)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyBatch({health(11.0, 40.0, 70.0, 5), health(12.0, 40.0, 70.0, 10), health(13.0, 40.0, 70.0, 15)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), m_model->index(0, 0));
    QCOMPARE(changed.first().at(1).value<QModelIndex>(), m_model->index(0, ServerHealthModel::ColumnCount - 1));
    // Memory and storage did not move.
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, ServerHealthModel::CpuRole,
                          ServerHealthModel::LastUpdateRole}));
    QCOMPARE(m_model->index(0, ServerHealthModel::CpuColumn).data().toDouble(), 13.0);
    const auto cpu = m_model->history().series(u"server"_s, ServerHealthModel::CpuRole);
    QCOMPARE(cpu.size(), 4);
    QCOMPARE(cpu.at(2).value, 12.0);
    QCOMPARE(m_model->history().sampleCount(u"server"_s, ServerHealthModel::StorageRole), 4);

    changed.clear();
    m_model->applyBatch({health(13.0, 40.0, 70.0, 15)});
    QCOMPARE(changed.size(), 0);
}

void TestServerHealthModel::reconcileUpdatesAndAnEmptySnapshotRemoves()
{
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    m_model->reconcile({health(50.0)});
    QCOMPARE(m_model->rowCount(), 1);
    m_model->reconcile({health(60.0, 45.0)});
    QCOMPARE(m_model->index(0, 0).data(ServerHealthModel::CpuRole).toDouble(), 60.0);
    QCOMPARE(m_model->index(0, 0).data(ServerHealthModel::MemoryRole).toDouble(), 45.0);
    QCOMPARE(updated.size(), 2);

    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->reconcile({});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->history().seriesCount(), 0);
}

void TestServerHealthModel::staleWhenQuietOrWhenTheLinkIsDown()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    QCOMPARE(m_model->expectedPeriodMs(), 5000);
    m_model->applyBatch({health(10.0)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    now += 15000;
    m_model->refreshStaleness();
    QVERIFY(!m_model->isStale(0));
    now += 1;
    m_model->refreshStaleness();
    QVERIFY(m_model->index(0, 0).data(LiveTableModel::StaleRole).toBool());
    QCOMPARE(changed.size(), 1);

    changed.clear();
    m_model->applyBatch({health(10.0)}); // same values: fresh again, nothing else
    QVERIFY(!m_model->isStale(0));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {LiveTableModel::StaleRole});

    m_model->setLinkLive(false);
    QVERIFY(m_model->isStale(0));
    m_model->setLinkLive(true);
    QVERIFY(!m_model->isStale(0));
}

void TestServerHealthModel::historyIsBounded()
{
    QCOMPARE(m_model->history().capacityPerSeries(), ServerHealthModel::kDefaultHistoryCapacity);
    m_model->setHistoryCapacity(4);
    for (int i = 0; i < 10; ++i)
        m_model->applyBatch({health(i, 2.0 * i, 3.0 * i, 5 * i)});
    const auto storage = m_model->history().series(u"server"_s, ServerHealthModel::StorageRole);
    QCOMPARE(storage.size(), 4);
    QCOMPARE(storage.first().value, 18.0);
    QCOMPARE(storage.last().value, 27.0);
    QCOMPARE(storage.last().timeMs, at(45).toMSecsSinceEpoch());
    QCOMPARE(m_model->history().sampleCount(u"server"_s, ServerHealthModel::MemoryRole), 4);
}

void TestServerHealthModel::columnsHeadersAndRoleNames()
{
    m_model->applyBatch({health(12.5, 33.0, 80.0, 9)});
    QCOMPARE(m_model->columnCount(), 4);
    QCOMPARE(m_model->index(0, ServerHealthModel::CpuColumn).data().toDouble(), 12.5);
    QCOMPARE(m_model->index(0, ServerHealthModel::MemoryColumn).data().toDouble(), 33.0);
    QCOMPARE(m_model->index(0, ServerHealthModel::StorageColumn).data(LiveTableModel::SortRole).toDouble(), 80.0);
    QCOMPARE(m_model->index(0, ServerHealthModel::LastUpdateColumn).data().toDateTime(), at(9));
    QCOMPARE(m_model->headerData(ServerHealthModel::StorageColumn, Qt::Horizontal).toString(), u"Storage"_s);
    const auto names = m_model->roleNames();
    QCOMPARE(names.value(ServerHealthModel::CpuRole), QByteArray("cpu"));
    QCOMPARE(names.value(ServerHealthModel::MemoryRole), QByteArray("memory"));
    QCOMPARE(names.value(ServerHealthModel::StorageRole), QByteArray("storage"));
    QCOMPARE(names.value(ServerHealthModel::LastUpdateRole), QByteArray("lastUpdate"));
}

QTEST_GUILESS_MAIN(TestServerHealthModel)
#include "tst_serverhealthmodel.moc"
