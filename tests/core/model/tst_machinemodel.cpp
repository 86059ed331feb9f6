#include "model/machinemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Domain::MachineState;
using Domain::MachineStatus;
using Domain::MaintenanceAlert;
using Domain::MaintenanceTicket;
using Domain::TicketPriority;
using Domain::TicketStatus;
using Domain::TicketStatusChange;

namespace {

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC).addSecs(second);
}

MachineStatus machine(const QString &id, MachineState status = MachineState::Running, double utilization = 50.0,
                      int second = 0)
{
    MachineStatus m;
    m.machineId = id;
    m.name = u"Press "_s + id;
    m.status = status;
    m.utilization = utilization;
    m.line = QStringLiteral("L1");
    m.producedCount = 100;
    m.timestamp = at(second);
    return m;
}

MaintenanceAlert alert(const QString &ticketId, const QString &machineId, int second,
                       TicketPriority priority = TicketPriority::High)
{
    return {ticketId, machineId, priority, u"Bearing noise on "_s + machineId, at(second)};
}

TicketStatusChange change(const QString &ticketId, const QString &machineId, TicketStatus from, TicketStatus to,
                          int second)
{
    return {ticketId, machineId, from, to, at(second)};
}

QStringList keys(const MachineModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(MachineModel::MachineIdRole).toString();
    return out;
}

QList<int> rolesOf(const QList<QVariant> &dataChanged)
{
    return dataChanged.at(2).value<QList<int>>();
}

QVariantList ticketsOf(const MachineModel &model, const QString &machineId)
{
    return model.index(model.rowOf(machineId), 0).data(MachineModel::TicketsRole).toList();
}

} // namespace

class TestMachineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reconcileInsertsUpdatesAndRemoves();
    void newMachinesAreInsertedOncePerBatch();
    void updatesOfOneMachineCoalesceIntoOneChange();
    void adjacentRowsShareOneRangedChange();
    void anUnchangedReportAnnouncesNothing();
    void countsFollowUpdatesAndRemovals();
    void machinesGoStaleWhenQuietOrWhenTheLinkIsDown();
    void utilizationHistoryIsBounded();
    void aLostMachineIsStaleAtOnceUntilItReportsAgain();
    void ticketLifeCycle();
    void ticketsArrivingBeforeTheirMachineShowWhenItAppears();
    void maintenanceSnapshotReplacesTickets();
    void ticketsAreOldestFirst();
    void columnsHeadersAndRoleNames();

private:
    MachineModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestMachineModel::init()
{
    m_model = new MachineModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestMachineModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestMachineModel::reconcileInsertsUpdatesAndRemoves()
{
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    m_model->reconcile({machine(u"A"_s), machine(u"B"_s), machine(u"C"_s), machine(u"D"_s)});
    QCOMPARE(keys(*m_model), (QStringList {u"A"_s, u"B"_s, u"C"_s, u"D"_s}));
    QCOMPARE(updated.size(), 1);

    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->reconcile({machine(u"D"_s, MachineState::Down), machine(u"A"_s), machine(u"E"_s)});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1); // B and C: one block
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(updated.size(), 2);
    QCOMPARE(keys(*m_model), (QStringList {u"A"_s, u"D"_s, u"E"_s}));
    QCOMPARE(m_model->index(1, 0).data(MachineModel::StatusRole).toInt(), int(MachineState::Down));
    QCOMPARE(m_model->rowOf(u"B"_s), -1);
    // The history of machines that left goes with them.
    QCOMPARE(m_model->history().sampleCount(u"B"_s, MachineModel::UtilizationRole), 0);
    QCOMPARE(m_model->history().sampleCount(u"A"_s, MachineModel::UtilizationRole), 2);

    m_model->reconcile({});
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->history().seriesCount(), 0);
}

void TestMachineModel::newMachinesAreInsertedOncePerBatch()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->applyBatch({machine(u"A"_s, MachineState::Idle, 10.0), machine(u"B"_s),
                         machine(u"A"_s, MachineState::Running, 12.5), machine(u"C"_s)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 2);
    QCOMPARE(keys(*m_model), (QStringList {u"A"_s, u"B"_s, u"C"_s}));
    const QModelIndex a = m_model->index(0, 0);
    QCOMPARE(a.data(MachineModel::StatusRole).toInt(), int(MachineState::Running));
    QCOMPARE(a.data(MachineModel::UtilizationRole).toDouble(), 12.5);
    QCOMPARE(a.data(MachineModel::NameRole).toString(), u"Press A"_s);
    QCOMPARE(a.data(MachineModel::LineRole).toString(), u"L1"_s);
    QCOMPARE(a.data(MachineModel::ProducedCountRole).toLongLong(), 100);
    QCOMPARE(a.data(MachineModel::LastUpdateRole).toDateTime(), at(0));
    QCOMPARE(a.data(MachineModel::OpenTicketCountRole).toInt(), 0);
    QCOMPARE(a.data(LiveTableModel::KeyRole).toString(), u"A"_s);
    QCOMPARE(m_model->countByStatus(MachineState::Running), 3);
    QCOMPARE(m_model->countByStatus(MachineState::Idle), 0);
}

void TestMachineModel::updatesOfOneMachineCoalesceIntoOneChange()
{
    m_model->applyBatch({machine(u"A"_s), machine(u"B"_s), machine(u"C"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    // Only the utilization and the time change.
    m_model->applyBatch({machine(u"B"_s, MachineState::Running, 60.0, 5),
                         machine(u"B"_s, MachineState::Running, 70.0, 10),
                         machine(u"B"_s, MachineState::Running, 80.0, 15)});
    QCOMPARE(updated.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), m_model->index(1, 0));
    QCOMPARE(changed.first().at(1).value<QModelIndex>(), m_model->index(1, MachineModel::ColumnCount - 1));
    const QList<int> roles = rolesOf(changed.first());
    QVERIFY(roles.contains(MachineModel::UtilizationRole));
    QVERIFY(roles.contains(MachineModel::LastUpdateRole));
    QVERIFY(roles.contains(Qt::DisplayRole));
    QVERIFY(roles.contains(LiveTableModel::SortRole));
    QVERIFY(!roles.contains(MachineModel::StatusRole));
    QVERIFY(!roles.contains(MachineModel::NameRole));
    QVERIFY(!roles.contains(MachineModel::ProducedCountRole));
    QVERIFY(!roles.contains(MachineModel::TicketsRole));
    QVERIFY(!roles.contains(LiveTableModel::StaleRole));
    QCOMPARE(roles.size(), 4);
    QCOMPARE(m_model->index(1, MachineModel::UtilizationColumn).data().toDouble(), 80.0);
    QCOMPARE(m_model->index(1, 0).data(MachineModel::LastUpdateRole).toDateTime(), at(15));
    // Every report is charted, not only the last.
    QCOMPARE(m_model->history().sampleCount(u"B"_s, MachineModel::UtilizationRole), 4);

    // A status change brings its own role.
    changed.clear();
    m_model->applyBatch({machine(u"B"_s, MachineState::Down, 80.0, 15)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, MachineModel::StatusRole}));
}

void TestMachineModel::adjacentRowsShareOneRangedChange()
{
    m_model->applyBatch({machine(u"A"_s), machine(u"B"_s), machine(u"C"_s), machine(u"D"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    auto produced = machine(u"B"_s);
    produced.producedCount = 101;
    m_model->applyBatch({machine(u"C"_s, MachineState::Idle), produced});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 2);
    // The union of both rows' changes, nothing more.
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, MachineModel::StatusRole,
                          MachineModel::ProducedCountRole}));

    // Rows 0 and 3 are apart: two changes.
    changed.clear();
    m_model->applyBatch({machine(u"D"_s, MachineState::Idle), machine(u"A"_s, MachineState::Idle)});
    QCOMPARE(changed.size(), 2);
}

void TestMachineModel::anUnchangedReportAnnouncesNothing()
{
    m_model->applyBatch({machine(u"A"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyBatch({machine(u"A"_s)});
    m_model->reconcile({machine(u"A"_s)});
    QCOMPARE(changed.size(), 0);
}

void TestMachineModel::countsFollowUpdatesAndRemovals()
{
    m_model->applyBatch(
        {machine(u"A"_s), machine(u"B"_s), machine(u"C"_s, MachineState::Idle), machine(u"D"_s, MachineState::Down)});
    QCOMPARE(m_model->countByStatus(MachineState::Running), 2);
    QCOMPARE(m_model->countByStatus(MachineState::Idle), 1);
    QCOMPARE(m_model->countByStatus(MachineState::Down), 1);
    QCOMPARE(m_model->countByStatus(MachineState::Maintenance), 0);

    // A goes down then into maintenance within one batch: counted once, at the end.
    m_model->applyBatch({machine(u"A"_s, MachineState::Down), machine(u"A"_s, MachineState::Maintenance),
                         machine(u"E"_s, MachineState::Idle)});
    QCOMPARE(m_model->countByStatus(MachineState::Running), 1);
    QCOMPARE(m_model->countByStatus(MachineState::Idle), 2);
    QCOMPARE(m_model->countByStatus(MachineState::Down), 1);
    QCOMPARE(m_model->countByStatus(MachineState::Maintenance), 1);

    // C and D leave; B changes.
    m_model->reconcile({machine(u"A"_s, MachineState::Maintenance), machine(u"B"_s, MachineState::Idle),
                        machine(u"E"_s, MachineState::Idle)});
    QCOMPARE(m_model->countByStatus(MachineState::Running), 0);
    QCOMPARE(m_model->countByStatus(MachineState::Idle), 2);
    QCOMPARE(m_model->countByStatus(MachineState::Down), 0);
    QCOMPARE(m_model->countByStatus(MachineState::Maintenance), 1);

    m_model->reconcile({});
    for (auto state : {MachineState::Running, MachineState::Idle, MachineState::Down, MachineState::Maintenance})
        QCOMPARE(m_model->countByStatus(state), 0);
}

void TestMachineModel::machinesGoStaleWhenQuietOrWhenTheLinkIsDown()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    QCOMPARE(m_model->expectedPeriodMs(), 5000);
    m_model->applyBatch({machine(u"A"_s), machine(u"B"_s)});
    QVERIFY(!m_model->isStale(0));

    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    now += 15000; // exactly three periods: not yet
    m_model->refreshStaleness();
    QCOMPARE(changed.size(), 0);
    m_model->applyBatch({machine(u"B"_s)});
    now += 1;
    m_model->refreshStaleness();
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_model->index(0, 0).data(LiveTableModel::StaleRole).toBool());
    QVERIFY(!m_model->index(1, 0).data(LiveTableModel::StaleRole).toBool());
    QCOMPARE(m_model->index(0, 0).data(LiveTableModel::AgeRole).toLongLong(), 15001);

    // A report makes A fresh again, even with values unchanged: only the staleness changes.
    changed.clear();
    m_model->applyBatch({machine(u"A"_s)});
    QVERIFY(!m_model->isStale(0));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {LiveTableModel::StaleRole});

    m_model->setLinkLive(false);
    QVERIFY(m_model->isStale(0));
    QVERIFY(m_model->isStale(1));
    m_model->applyBatch({machine(u"A"_s, MachineState::Idle)}); // a report while the link is down is not live
    QVERIFY(m_model->isStale(0));
    m_model->setLinkLive(true);
    QVERIFY(!m_model->isStale(0));
}

void TestMachineModel::aLostMachineIsStaleAtOnceUntilItReportsAgain()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    m_model->applyBatch({machine(u"A"_s), machine(u"B"_s)});
    QCOMPARE(m_model->history().sampleCount(u"A"_s, MachineModel::UtilizationRole), 1);

    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    MachineStatus lost = machine(u"A"_s);
    lost.quality = Domain::Quality::Stale;
    lost.qualityReason = u"edge node Edge1 offline"_s;
    m_model->applyBatch({lost});
    QVERIFY(m_model->isStale(0));
    QVERIFY(!m_model->isStale(1));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {LiveTableModel::StaleRole});
    QCOMPARE(m_model->machineAt(0).qualityReason, u"edge node Edge1 offline"_s);
    QCOMPARE(m_model->history().sampleCount(u"A"_s, MachineModel::UtilizationRole), 1);
    now += 500;
    m_model->refreshStaleness();
    QVERIFY(m_model->isStale(0));

    m_model->applyBatch({machine(u"A"_s)});
    QVERIFY(!m_model->isStale(0));
    QCOMPARE(m_model->history().sampleCount(u"A"_s, MachineModel::UtilizationRole), 2);

    // In a snapshot, a new machine listed as lost is stale from the start.
    MachineStatus c = machine(u"C"_s);
    c.quality = Domain::Quality::Stale;
    m_model->reconcile({machine(u"A"_s), machine(u"B"_s), c});
    QVERIFY(m_model->isStale(2));
    QVERIFY(m_model->isSourceLost(2));
    QVERIFY(!m_model->isStale(0));
}

void TestMachineModel::utilizationHistoryIsBounded()
{
    m_model->setHistoryCapacity(5);
    for (int i = 0; i < 8; ++i)
        m_model->applyBatch({machine(u"A"_s, MachineState::Running, 10.0 * i, i)});
    const auto series = m_model->history().series(u"A"_s, MachineModel::UtilizationRole);
    QCOMPARE(series.size(), 5);
    QCOMPARE(series.first().value, 30.0);
    QCOMPARE(series.last().value, 70.0);
    QCOMPARE(series.last().timeMs, at(7).toMSecsSinceEpoch());
}

void TestMachineModel::ticketLifeCycle()
{
    m_model->applyBatch({machine(u"A"_s), machine(u"B"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);

    m_model->applyMaintenanceAlerts({alert(u"T1"_s, u"B"_s, 10)});
    QCOMPARE(updated.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, MachineModel::OpenTicketCountRole,
                          MachineModel::TicketsRole}));
    QCOMPARE(m_model->index(1, MachineModel::OpenTicketsColumn).data().toInt(), 1);
    QCOMPARE(m_model->openTicketCount(), 1);
    QVariantList tickets = ticketsOf(*m_model, u"B"_s);
    QCOMPARE(tickets.size(), 1);
    QVariantMap t1 = tickets.first().toMap();
    QCOMPARE(t1.value(u"ticketId"_s).toString(), u"T1"_s);
    QCOMPARE(t1.value(u"priority"_s).toInt(), int(TicketPriority::High));
    QCOMPARE(t1.value(u"description"_s).toString(), u"Bearing noise on B"_s);
    QCOMPARE(t1.value(u"status"_s).toInt(), int(TicketStatus::Open));
    QCOMPARE(t1.value(u"openedAt"_s).toDateTime(), at(10));
    QVariantList history = t1.value(u"history"_s).toList();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().toMap().value(u"status"_s).toInt(), int(TicketStatus::Open));
    QCOMPARE(history.first().toMap().value(u"at"_s).toDateTime(), at(10));

    // In progress: the list changes, the count does not.
    changed.clear();
    m_model->applyTicketChanges({change(u"T1"_s, u"B"_s, TicketStatus::Open, TicketStatus::InProgress, 20)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {MachineModel::TicketsRole});
    t1 = ticketsOf(*m_model, u"B"_s).first().toMap();
    QCOMPARE(t1.value(u"status"_s).toInt(), int(TicketStatus::InProgress));
    QCOMPARE(t1.value(u"openedAt"_s).toDateTime(), at(10));
    history = t1.value(u"history"_s).toList();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).toMap().value(u"status"_s).toInt(), int(TicketStatus::InProgress));
    QCOMPARE(history.at(1).toMap().value(u"at"_s).toDateTime(), at(20));

    // Resolved: gone from the open list.
    changed.clear();
    m_model->applyTicketChanges({change(u"T1"_s, u"B"_s, TicketStatus::InProgress, TicketStatus::Resolved, 30)});
    QCOMPARE(changed.size(), 1);
    QVERIFY(rolesOf(changed.first()).contains(MachineModel::OpenTicketCountRole));
    QCOMPARE(m_model->index(1, 0).data(MachineModel::OpenTicketCountRole).toInt(), 0);
    QVERIFY(ticketsOf(*m_model, u"B"_s).isEmpty());
    QCOMPARE(m_model->openTicketCount(), 0);
    QCOMPARE(updated.size(), 3);

    // A late change for a ticket resolved already changes nothing.
    changed.clear();
    m_model->applyTicketChanges({change(u"T1"_s, u"B"_s, TicketStatus::InProgress, TicketStatus::Resolved, 31)});
    QCOMPARE(changed.size(), 0);
}

void TestMachineModel::ticketsArrivingBeforeTheirMachineShowWhenItAppears()
{
    m_model->applyBatch({machine(u"A"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyMaintenanceAlerts({alert(u"T1"_s, u"Z"_s, 10), alert(u"T2"_s, u"Z"_s, 11)});
    m_model->applyTicketChanges({change(u"T1"_s, u"Z"_s, TicketStatus::Open, TicketStatus::InProgress, 12)});
    QCOMPARE(changed.size(), 0); // no row to announce
    QCOMPARE(m_model->openTickets(u"Z"_s).size(), 2);

    m_model->applyBatch({machine(u"Z"_s)});
    const int row = m_model->rowOf(u"Z"_s);
    QCOMPARE(row, 1);
    QCOMPARE(m_model->index(row, 0).data(MachineModel::OpenTicketCountRole).toInt(), 2);
    const QVariantList tickets = ticketsOf(*m_model, u"Z"_s);
    QCOMPARE(tickets.at(0).toMap().value(u"ticketId"_s).toString(), u"T1"_s);
    QCOMPARE(tickets.at(0).toMap().value(u"status"_s).toInt(), int(TicketStatus::InProgress));
    QCOMPARE(tickets.at(1).toMap().value(u"ticketId"_s).toString(), u"T2"_s);

    // The machine leaving the plant list does not close its tickets.
    m_model->reconcile({machine(u"A"_s)});
    QCOMPARE(m_model->openTickets(u"Z"_s).size(), 2);
    m_model->applyBatch({machine(u"Z"_s)});
    QCOMPARE(m_model->index(m_model->rowOf(u"Z"_s), 0).data(MachineModel::OpenTicketCountRole).toInt(), 2);
}

void TestMachineModel::maintenanceSnapshotReplacesTickets()
{
    m_model->applyBatch({machine(u"A"_s), machine(u"B"_s), machine(u"C"_s)});
    m_model->applyMaintenanceAlerts({alert(u"T1"_s, u"A"_s, 1), alert(u"T2"_s, u"B"_s, 2)});

    MaintenanceTicket t3;
    t3.ticketId = u"T3"_s;
    t3.machineId = u"B"_s;
    t3.priority = TicketPriority::Critical;
    t3.description = u"Hydraulic leak"_s;
    t3.status = TicketStatus::InProgress;
    t3.history = {{TicketStatus::Open, at(3)}, {TicketStatus::InProgress, at(4)}};
    MaintenanceTicket t2;
    t2.ticketId = u"T2"_s;
    t2.machineId = u"B"_s;
    t2.description = u"Bearing noise on B"_s;
    t2.priority = TicketPriority::High;
    t2.history = {{TicketStatus::Open, at(2)}};

    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    m_model->reconcileTickets({t3, t2});
    QCOMPARE(updated.size(), 1);
    // A lost T1 and B gained T3: rows 0 and 1, one block.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
    QCOMPARE(m_model->index(0, 0).data(MachineModel::OpenTicketCountRole).toInt(), 0);
    const QVariantList b = ticketsOf(*m_model, u"B"_s);
    QCOMPARE(b.size(), 2);
    QCOMPARE(b.at(0).toMap().value(u"ticketId"_s).toString(), u"T2"_s); // opened first
    QCOMPARE(b.at(1).toMap().value(u"ticketId"_s).toString(), u"T3"_s);
    QCOMPARE(b.at(1).toMap().value(u"priority"_s).toInt(), int(TicketPriority::Critical));
    QCOMPARE(b.at(1).toMap().value(u"history"_s).toList().size(), 2);
    QCOMPARE(m_model->openTicketCount(), 2);

    // The same snapshot again changes nothing.
    changed.clear();
    m_model->reconcileTickets({t3, t2});
    QCOMPARE(changed.size(), 0);
}

void TestMachineModel::ticketsAreOldestFirst()
{
    m_model->applyBatch({machine(u"A"_s)});
    m_model->applyMaintenanceAlerts(
        {alert(u"late"_s, u"A"_s, 50), alert(u"early"_s, u"A"_s, 10), alert(u"middle"_s, u"A"_s, 30)});
    const QVariantList tickets = ticketsOf(*m_model, u"A"_s);
    QCOMPARE(tickets.size(), 3);
    QCOMPARE(tickets.at(0).toMap().value(u"ticketId"_s).toString(), u"early"_s);
    QCOMPARE(tickets.at(1).toMap().value(u"ticketId"_s).toString(), u"middle"_s);
    QCOMPARE(tickets.at(2).toMap().value(u"ticketId"_s).toString(), u"late"_s);
}

void TestMachineModel::columnsHeadersAndRoleNames()
{
    m_model->applyBatch({machine(u"A"_s, MachineState::Down, 42.5, 7)});
    QCOMPARE(m_model->columnCount(), 8);
    QCOMPARE(m_model->index(0, MachineModel::IdColumn).data().toString(), u"A"_s);
    QCOMPARE(m_model->index(0, MachineModel::StatusColumn).data().toInt(), int(MachineState::Down));
    QCOMPARE(m_model->index(0, MachineModel::UtilizationColumn).data().toDouble(), 42.5);
    QCOMPARE(m_model->index(0, MachineModel::UtilizationColumn).data(LiveTableModel::SortRole).toDouble(), 42.5);
    QCOMPARE(m_model->index(0, MachineModel::LastUpdateColumn).data().toDateTime(), at(7));
    QCOMPARE(m_model->headerData(MachineModel::OpenTicketsColumn, Qt::Horizontal).toString(), u"Open tickets"_s);
    const auto names = m_model->roleNames();
    QCOMPARE(names.value(MachineModel::MachineIdRole), QByteArray("machineId"));
    QCOMPARE(names.value(MachineModel::ProducedCountRole), QByteArray("producedCount"));
    QCOMPARE(names.value(MachineModel::OpenTicketCountRole), QByteArray("openTicketCount"));
    QCOMPARE(names.value(MachineModel::TicketsRole), QByteArray("tickets"));
    QCOMPARE(names.value(LiveTableModel::StaleRole), QByteArray("stale"));
}

QTEST_GUILESS_MAIN(TestMachineModel)
#include "tst_machinemodel.moc"
