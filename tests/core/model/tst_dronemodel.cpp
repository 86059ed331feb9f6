#include "model/dronemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Protocol::DroneState;
using Protocol::DroneStatus;

namespace {

DroneStatus drone(const QString &serial, DroneState state = DroneState::Idle, double battery = 50.0)
{
    DroneStatus d;
    d.serial = serial;
    d.state = state;
    d.battery = battery;
    d.location = {48.0, 11.0, 10.0};
    d.timestamp = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
    return d;
}

QStringList serials(const DroneModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, DroneModel::SerialColumn).data(DroneModel::SerialRole).toString();
    return out;
}

} // namespace

class TestDroneModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void batchInsertsOnceAndExposesRoles();
    void updatesEmitOneRangePerContiguousBlock();
    void duplicateReportsInOneBatchBecomeOneRow();
    void reconcileRemovesMissingAndKeepsOrder();
    void displayAndSortValues();
    void roleNames();
    void dronesGoStaleWhenQuietOrWhenTheLinkIsDown();

private:
    DroneModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestDroneModel::init()
{
    m_model = new DroneModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestDroneModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestDroneModel::batchInsertsOnceAndExposesRoles()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->applyBatch({drone(QStringLiteral("A"), DroneState::Flying, 71.5), drone(QStringLiteral("B"))});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex a = m_model->index(0, 0);
    QCOMPARE(a.data(DroneModel::SerialRole).toString(), QStringLiteral("A"));
    QCOMPARE(a.data(DroneModel::StateRole).toInt(), int(DroneState::Flying));
    QCOMPARE(a.data(DroneModel::BatteryRole).toDouble(), 71.5);
    QCOMPARE(a.data(DroneModel::LatitudeRole).toDouble(), 48.0);
    QCOMPARE(a.data(DroneModel::AltitudeRole).toDouble(), 10.0);
    QCOMPARE(m_model->rowOf(QStringLiteral("B")), 1);
}

void TestDroneModel::updatesEmitOneRangePerContiguousBlock()
{
    QList<DroneStatus> fleet;
    for (int i = 0; i < 6; ++i)
        fleet << drone(QStringLiteral("D%1").arg(i));
    m_model->applyBatch(fleet);

    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    // Rows 1, 2, 3 and 5 change: two blocks, so two signals.
    m_model->applyBatch({drone(QStringLiteral("D3"), DroneState::Charging),
                         drone(QStringLiteral("D1"), DroneState::Error), drone(QStringLiteral("D5")),
                         drone(QStringLiteral("D2"))});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 3);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), DroneModel::ColumnCount - 1);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 5);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 5);
    QCOMPARE(m_model->index(1, 0).data(DroneModel::StateRole).toInt(), int(DroneState::Error));
    QCOMPARE(m_model->index(3, 0).data(DroneModel::StateRole).toInt(), int(DroneState::Charging));
}

void TestDroneModel::duplicateReportsInOneBatchBecomeOneRow()
{
    m_model->applyBatch(
        {drone(QStringLiteral("A"), DroneState::Idle, 10), drone(QStringLiteral("A"), DroneState::Flying, 9)});
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(DroneModel::BatteryRole).toDouble(), 9.0);
}

void TestDroneModel::reconcileRemovesMissingAndKeepsOrder()
{
    m_model->applyBatch({drone(QStringLiteral("A")), drone(QStringLiteral("B")), drone(QStringLiteral("C")),
                         drone(QStringLiteral("D")), drone(QStringLiteral("E"))});
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->reconcile({drone(QStringLiteral("E"), DroneState::Offline), drone(QStringLiteral("A")),
                        drone(QStringLiteral("F")), drone(QStringLiteral("B"))});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1); // C and D are one contiguous block
    QCOMPARE(serials(*m_model),
             (QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("E"), QStringLiteral("F")}));
    QCOMPARE(m_model->rowOf(QStringLiteral("E")), 2);
    QCOMPARE(m_model->index(2, 0).data(DroneModel::StateRole).toInt(), int(DroneState::Offline));
    QCOMPARE(m_model->rowOf(QStringLiteral("C")), -1);

    m_model->reconcile({});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestDroneModel::displayAndSortValues()
{
    m_model->applyBatch({drone(QStringLiteral("A"), DroneState::Maintenance, 7.4)});
    QCOMPARE(m_model->index(0, DroneModel::StateColumn).data().toString(), QStringLiteral("Maintenance"));
    QCOMPARE(m_model->index(0, DroneModel::BatteryColumn).data().toString(), QStringLiteral("7 %"));
    QCOMPARE(m_model->index(0, DroneModel::BatteryColumn).data(DroneModel::SortRole).toDouble(), 7.4);
    QVERIFY(!m_model->index(0, DroneModel::LastUpdateColumn).data().toString().isEmpty());
    QCOMPARE(m_model->headerData(DroneModel::BatteryColumn, Qt::Horizontal).toString(), QStringLiteral("Battery"));
}

void TestDroneModel::roleNames()
{
    const auto names = m_model->roleNames();
    QCOMPARE(names.value(DroneModel::SerialRole), QByteArray("serial"));
    QCOMPARE(names.value(DroneModel::BatteryRole), QByteArray("battery"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
}

void TestDroneModel::dronesGoStaleWhenQuietOrWhenTheLinkIsDown()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    m_model->setExpectedPeriodMs(5000);
    m_model->applyBatch({drone(QStringLiteral("A")), drone(QStringLiteral("B")), drone(QStringLiteral("C"))});
    QVERIFY(!m_model->index(0, 0).data(DroneModel::StaleRole).toBool());

    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    now += 14000; // under three periods
    m_model->applyBatch({drone(QStringLiteral("B"))});
    changed.clear();
    m_model->refreshStaleness();
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->index(2, 0).data(DroneModel::AgeRole).toLongLong(), 14000);

    now += 2000; // A and C past three periods; B reported 2 s ago
    m_model->refreshStaleness();
    QCOMPARE(changed.size(), 2); // rows 0 and 2: two blocks
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(DroneModel::StaleRole));
    QVERIFY(m_model->index(0, 0).data(DroneModel::StaleRole).toBool());
    QVERIFY(!m_model->index(1, 0).data(DroneModel::StaleRole).toBool());
    QVERIFY(m_model->index(2, DroneModel::LastUpdateColumn).data().toString().endsWith(QStringLiteral("(stale)")));

    // A report makes a drone fresh again; a link that is down makes all stale.
    m_model->applyBatch({drone(QStringLiteral("A"))});
    QVERIFY(!m_model->index(0, 0).data(DroneModel::StaleRole).toBool());
    m_model->setLinkLive(false);
    for (int row = 0; row < 3; ++row)
        QVERIFY(m_model->index(row, 0).data(DroneModel::StaleRole).toBool());
    m_model->applyBatch({drone(QStringLiteral("B"))}); // a late report while down is still not live
    QVERIFY(m_model->index(1, 0).data(DroneModel::StaleRole).toBool());
    m_model->setLinkLive(true);
    QVERIFY(!m_model->index(1, 0).data(DroneModel::StaleRole).toBool());
    QVERIFY(m_model->index(2, 0).data(DroneModel::StaleRole).toBool()); // C is still quiet
}

QTEST_GUILESS_MAIN(TestDroneModel)
#include "tst_dronemodel.moc"
