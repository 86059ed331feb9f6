#include "model/dronemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Domain::DroneState;
using Domain::DroneStatus;

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
    void everyReportOfAFrameBecomesOneChangeWithOnlyTheChangedRoles();
    void snapshotDetailsAndCounts();
    void historyIsBoundedPerDrone();
    void aLostDroneIsStaleAtOnceUntilItReportsAgain();

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
    // Rows 1, 2, 3 and 5 change: two blocks, so two signals. D4's report
    // repeats what the model holds and changes nothing.
    m_model->applyBatch({drone(QStringLiteral("D3"), DroneState::Charging),
                         drone(QStringLiteral("D1"), DroneState::Error),
                         drone(QStringLiteral("D5"), DroneState::Idle, 40),
                         drone(QStringLiteral("D2"), DroneState::Idle, 45), drone(QStringLiteral("D4"))});
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

    m_model->reconcile(QList<DroneStatus> {});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestDroneModel::displayAndSortValues()
{
    m_model->applyBatch({drone(QStringLiteral("A"), DroneState::Maintenance, 7.4)});
    // Raw values: formatting is the view's business.
    QCOMPARE(m_model->index(0, DroneModel::StateColumn).data().toInt(), int(DroneState::Maintenance));
    QCOMPARE(m_model->index(0, DroneModel::BatteryColumn).data().toDouble(), 7.4);
    QCOMPARE(m_model->index(0, DroneModel::BatteryColumn).data(DroneModel::SortRole).toDouble(), 7.4);
    QCOMPARE(m_model->index(0, DroneModel::LastUpdateColumn).data().toDateTime(),
             QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
    QVERIFY(!m_model->index(0, DroneModel::BuildColumn).data().isValid()); // no build report yet
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

void TestDroneModel::everyReportOfAFrameBecomesOneChangeWithOnlyTheChangedRoles()
{
    m_model->applyBatch({drone(QStringLiteral("A")), drone(QStringLiteral("B")), drone(QStringLiteral("C"))});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    // Three status reports and a health report for B, a build report for C:
    // one ranged change for rows 1-2, B with its last values.
    DroneModel::Batch batch;
    batch.statuses
        = {drone(QStringLiteral("B"), DroneState::Flying, 49), drone(QStringLiteral("B"), DroneState::Flying, 48),
           drone(QStringLiteral("B"), DroneState::Flying, 47)};
    batch.health = {{QStringLiteral("B"), 10, 20, 30, 41.5, {}}};
    batch.builds = {{QStringLiteral("C"), 30, QStringLiteral("avionics"), QStringLiteral("gps"), {}, {}}};
    batch.operations = {{QStringLiteral("unknown"), QStringLiteral("m"), Domain::MissionStatus::Started, 1, {}}};
    m_model->applyBatch(batch);

    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 2);
    const auto roles = changed.first().at(2).value<QList<int>>();
    for (int role : {int(DroneModel::StateRole), int(DroneModel::BatteryRole), int(DroneModel::TemperatureRole),
                     int(DroneModel::BuildPercentRole), int(DroneModel::BuildStageRole), int(Qt::DisplayRole)})
        QVERIFY2(roles.contains(role), qPrintable(QString::number(role)));
    // The position, the timestamp and the mission did not change.
    for (int role : {int(DroneModel::LatitudeRole), int(DroneModel::LastUpdateRole), int(DroneModel::MissionRole),
                     int(DroneModel::SpeedRole)})
        QVERIFY2(!roles.contains(role), qPrintable(QString::number(role)));
    QCOMPARE(m_model->index(1, 0).data(DroneModel::BatteryRole).toDouble(), 47.0);
    QCOMPARE(m_model->index(1, 0).data(DroneModel::TemperatureRole).toDouble(), 41.5);
    QCOMPARE(m_model->index(2, 0).data(DroneModel::BuildStageRole).toString(), QStringLiteral("avionics"));
    QCOMPARE(m_model->rowCount(), 3); // details of an unknown drone add nothing

    // The same report again changes nothing.
    changed.clear();
    m_model->applyBatch({drone(QStringLiteral("B"), DroneState::Flying, 47)});
    QCOMPARE(changed.size(), 0);
}

void TestDroneModel::snapshotDetailsAndCounts()
{
    DroneModel::Batch snapshot;
    snapshot.statuses
        = {drone(QStringLiteral("A"), DroneState::Flying, 15), drone(QStringLiteral("B"), DroneState::Flying, 80),
           drone(QStringLiteral("C"), DroneState::Charging, 5)};
    snapshot.builds = {{QStringLiteral("A"), 100, QStringLiteral("done"), {}, {}, {}},
                       {QStringLiteral("C"), 60, QStringLiteral("payload"), QStringLiteral("camera"), {}, {}}};
    snapshot.operations = {{QStringLiteral("B"), QStringLiteral("survey-2"), Domain::MissionStatus::Started, 40, {}}};
    m_model->reconcile(snapshot);
    QCOMPARE(m_model->countInState(DroneState::Flying), 2);
    QCOMPARE(m_model->countInState(DroneState::Charging), 1);
    QCOMPARE(m_model->lowBatteryCount(), 2);
    QCOMPARE(m_model->buildsInProgressCount(), 1);
    QCOMPARE(m_model->index(1, DroneModel::OperationColumn).data().toString(), QStringLiteral("survey-2"));
    QCOMPARE(m_model->index(0, 0).data(DroneModel::BuildPercentRole).toInt(), 100);

    // A charges up, C finishes its build, B lands and disappears from the next snapshot.
    m_model->applyBatch({drone(QStringLiteral("A"), DroneState::Charging, 30)});
    DroneModel::Batch done;
    done.builds = {{QStringLiteral("C"), 100, QStringLiteral("done"), {}, {}, {}}};
    m_model->applyBatch(done);
    QCOMPARE(m_model->countInState(DroneState::Flying), 1);
    QCOMPARE(m_model->countInState(DroneState::Charging), 2);
    QCOMPARE(m_model->lowBatteryCount(), 1);
    QCOMPARE(m_model->buildsInProgressCount(), 0);
    m_model->reconcile(QList<DroneStatus> {drone(QStringLiteral("A"), DroneState::Charging, 30),
                                           drone(QStringLiteral("C"), DroneState::Charging, 5)});
    QCOMPARE(m_model->countInState(DroneState::Flying), 0);
    QCOMPARE(m_model->countInState(DroneState::Charging), 2);
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("B"), DroneModel::BatteryRole), 0); // dropped with B
}

void TestDroneModel::historyIsBoundedPerDrone()
{
    m_model->setHistoryCapacity(5);
    for (int i = 0; i < 12; ++i) {
        DroneStatus d = drone(QStringLiteral("A"), DroneState::Flying, 90 - i);
        d.timestamp = d.timestamp.addSecs(5 * i);
        m_model->applyBatch({d});
    }
    const auto samples = m_model->history().series(QStringLiteral("A"), DroneModel::BatteryRole);
    QCOMPARE(samples.size(), 5);
    QCOMPARE(samples.first().value, 90.0 - 7); // the oldest five were overwritten
    QCOMPARE(samples.last().value, 90.0 - 11);
    QCOMPARE(samples.last().timeMs,
             QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC).addSecs(55).toMSecsSinceEpoch());
    QVERIFY(samples.first().timeMs < samples.last().timeMs);
}

void TestDroneModel::aLostDroneIsStaleAtOnceUntilItReportsAgain()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    m_model->setExpectedPeriodMs(5000);
    m_model->applyBatch({drone(QStringLiteral("A"), DroneState::Flying, 60.0), drone(QStringLiteral("B"))});
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("A"), DroneModel::BatteryRole), 1);

    // The server lost A: its last known status, stale at once whatever its age.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    DroneStatus lost = drone(QStringLiteral("A"), DroneState::Flying, 60.0);
    lost.quality = Domain::Quality::Stale;
    lost.qualityReason = QStringLiteral("device A offline");
    now += 100;
    m_model->applyBatch({lost});
    QVERIFY(m_model->isStale(0));
    QVERIFY(m_model->isSourceLost(0));
    QVERIFY(!m_model->isStale(1));
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(DroneModel::StaleRole));
    QCOMPARE(m_model->droneAt(0).status.qualityReason, QStringLiteral("device A offline"));
    QCOMPARE(m_model->index(0, 0).data(DroneModel::BatteryRole).toDouble(), 60.0);
    // No reading: not in the battery history, and its age goes on.
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("A"), DroneModel::BatteryRole), 1);
    QCOMPARE(m_model->ageMs(0), 100);
    changed.clear();
    m_model->refreshStaleness();
    QCOMPARE(changed.size(), 0);
    m_model->setLinkLive(false);
    m_model->setLinkLive(true);
    QVERIFY(m_model->isStale(0));

    // A good report ends it.
    m_model->applyBatch({drone(QStringLiteral("A"), DroneState::Flying, 59.0)});
    QVERIFY(!m_model->isStale(0));
    QVERIFY(!m_model->isSourceLost(0));
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("A"), DroneModel::BatteryRole), 2);

    // A drone first heard of as lost, in a snapshot, is stale from the start.
    DroneStatus c = drone(QStringLiteral("C"));
    c.quality = Domain::Quality::Stale;
    m_model->reconcile(QList<DroneStatus> {drone(QStringLiteral("A")), drone(QStringLiteral("B")), c});
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->isStale(2));
    QVERIFY(!m_model->isStale(0));
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("C"), DroneModel::BatteryRole), 0);

    // The age rule is as it was.
    now += 15001;
    m_model->refreshStaleness();
    QVERIFY(m_model->isStale(0));
    QVERIFY(!m_model->isSourceLost(0));
}

QTEST_GUILESS_MAIN(TestDroneModel)
#include "tst_dronemodel.moc"
