#include "model/alarmmodel.h"
#include "model/displaytext.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Domain::Alarm;
using Domain::AlarmSeverity;
using Domain::AlarmSourceKind;
using Domain::AlarmState;

namespace {

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC).addSecs(second);
}

Alarm alarm(const QString &id, AlarmSeverity severity = AlarmSeverity::High,
            AlarmState state = AlarmState::ActiveUnacked)
{
    Alarm a;
    a.alarmId = id;
    a.severity = severity;
    a.message = u"Overpressure at "_s + id;
    a.source = Domain::AlarmSource {AlarmSourceKind::Machine, u"M-"_s + id};
    a.state = state;
    a.timestamp = at(0);
    return a;
}

Alarm acked(Alarm a, const QString &by = u"dana"_s, int second = 5)
{
    a.state = AlarmState::ActiveAcked;
    a.ackedBy = by;
    a.ackedAt = at(second);
    return a;
}

Alarm inState(Alarm a, AlarmState state)
{
    a.state = state;
    return a;
}

QStringList keys(const AlarmModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(AlarmModel::AlarmIdRole).toString();
    return out;
}

QList<int> rolesOf(const QList<QVariant> &dataChanged)
{
    return dataChanged.at(2).value<QList<int>>();
}

QList<Alarm> changedAlarms(const QSignalSpy &spy, int i = 0)
{
    return spy.at(i).at(0).value<QList<Alarm>>();
}

QStringList idsOf(const QList<Alarm> &alarms)
{
    QStringList out;
    for (const Alarm &a : alarms)
        out << a.alarmId;
    return out;
}

} // namespace

class TestAlarmModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void batchInsertsOnceAndExposesRoles();
    void reconcileInsertsUpdatesAndRemoves();
    void s5_alarmsMissingFromASnapshotStayUntilAcknowledged();
    void clearedAlarmsLeaveInOneRemovalPerBlock();
    void updatesOfOneAlarmCoalesceIntoOneChange();
    void adjacentRowsShareOneRangedChange();
    void alarmsChangedReportsWhatIsNewOrChanged();
    void countsFollowUpdatesAndRemovals();
    void staleOnlyWhileTheLinkIsDown();
    void columnsHeadersAndRoleNames();
    void megabyteMessageIsCutForDisplay();
    void i16_oneConditionOverManySourcesSharesOneKey();

private:
    AlarmModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestAlarmModel::init()
{
    m_model = new AlarmModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestAlarmModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestAlarmModel::batchInsertsOnceAndExposesRoles()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    Alarm plain = alarm(u"P"_s, AlarmSeverity::Info);
    plain.source.reset();
    Alarm shelved = inState(alarm(u"S"_s, AlarmSeverity::Low), AlarmState::Shelved);
    shelved.shelvedUntil = at(3600);
    shelved.shelvedBy = u"lee"_s;
    shelved.shelveReason = u"sensor replaced"_s;
    shelved.count = 4;
    shelved.chattering = true;
    m_model->applyBatch({alarm(u"A"_s, AlarmSeverity::Critical), acked(alarm(u"B"_s)), plain, shelved});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(keys(*m_model), (QStringList {u"A"_s, u"B"_s, u"P"_s, u"S"_s}));

    const QModelIndex a = m_model->index(0, 0);
    QCOMPARE(a.data(AlarmModel::SeverityRole).toInt(), int(AlarmSeverity::Critical));
    QCOMPARE(a.data(AlarmModel::MessageRole).toString(), u"Overpressure at A"_s);
    QCOMPARE(a.data(AlarmModel::SourceKindRole).toInt(), int(AlarmSourceKind::Machine));
    QCOMPARE(a.data(AlarmModel::SourceIdRole).toString(), u"M-A"_s);
    QCOMPARE(a.data(AlarmModel::StateRole).toInt(), int(AlarmState::ActiveUnacked));
    QCOMPARE(a.data(AlarmModel::RaisedAtRole).toDateTime(), at(0));
    QVERIFY(!a.data(AlarmModel::AckedByRole).isValid());
    QVERIFY(!a.data(AlarmModel::AckedAtRole).isValid());
    QVERIFY(!a.data(AlarmModel::NoteRole).isValid());
    QCOMPARE(a.data(AlarmModel::CountRole).toLongLong(), 1);
    QCOMPARE(a.data(AlarmModel::AcknowledgedRole).toBool(), false);
    QCOMPARE(a.data(AlarmModel::ActiveRole).toBool(), true);

    const QModelIndex b = m_model->index(1, 0);
    QCOMPARE(b.data(AlarmModel::AckedByRole).toString(), u"dana"_s);
    QCOMPARE(b.data(AlarmModel::AckedAtRole).toDateTime(), at(5));
    QCOMPARE(b.data(AlarmModel::AcknowledgedRole).toBool(), true);
    QCOMPARE(b.data(AlarmModel::ActiveRole).toBool(), true);

    const QModelIndex p = m_model->index(2, 0);
    QVERIFY(!p.data(AlarmModel::SourceKindRole).isValid());
    QVERIFY(!p.data(AlarmModel::SourceIdRole).isValid());

    const QModelIndex s = m_model->index(3, 0);
    QCOMPARE(s.data(AlarmModel::ShelvedUntilRole).toDateTime(), at(3600));
    QCOMPARE(s.data(AlarmModel::ShelvedByRole).toString(), u"lee"_s);
    QCOMPARE(s.data(AlarmModel::ShelveReasonRole).toString(), u"sensor replaced"_s);
    QCOMPARE(s.data(AlarmModel::CountRole).toLongLong(), 4);
    QCOMPARE(s.data(AlarmModel::ChatteringRole).toBool(), true);
    QCOMPARE(s.data(AlarmModel::AcknowledgedRole).toBool(), true); // shelved is not waiting for an ack
    QCOMPARE(s.data(AlarmModel::ActiveRole).toBool(), false);

    QVERIFY(m_model->alarm(u"B"_s).has_value());
    QCOMPARE(m_model->alarm(u"B"_s)->ackedBy, u"dana"_s);
    QVERIFY(!m_model->alarm(u"nope"_s).has_value());
}

void TestAlarmModel::reconcileInsertsUpdatesAndRemoves()
{
    m_model->reconcile(
        {alarm(u"A"_s), acked(alarm(u"B"_s)), inState(alarm(u"C"_s), AlarmState::Shelved), alarm(u"D"_s)});
    QCOMPARE(m_model->rowCount(), 4);

    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &AlarmModel::alarmsChanged);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    m_model->reconcile({acked(alarm(u"D"_s)), alarm(u"A"_s), alarm(u"E"_s, AlarmSeverity::Low)});
    QCOMPARE(removed.size(), 1); // B and C: one block
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(keys(*m_model), (QStringList {u"A"_s, u"D"_s, u"E"_s}));
    QCOMPARE(m_model->index(1, 0).data(AlarmModel::StateRole).toInt(), int(AlarmState::ActiveAcked));

    // B and C, which needed nothing more, were cleared while we were not
    // listening; D changed; E is new; A is as it was.
    QCOMPARE(changed.size(), 1);
    const QList<Alarm> alarms = changedAlarms(changed);
    QCOMPARE(idsOf(alarms), (QStringList {u"B"_s, u"C"_s, u"D"_s, u"E"_s}));
    QCOMPARE(alarms.at(0).state, AlarmState::Cleared);
    QCOMPARE(alarms.at(1).state, AlarmState::Cleared);
    QCOMPARE(alarms.at(2).state, AlarmState::ActiveAcked);
    QCOMPARE(alarms.at(3).state, AlarmState::ActiveUnacked);

    // A snapshot is every alarm not cleared: nothing listed, nothing held
    // but what still waits for an acknowledgement (S5).
    m_model->reconcile({});
    QCOMPARE(keys(*m_model), (QStringList {u"A"_s, u"E"_s}));
    QCOMPARE(m_model->unacknowledgedCount(), 2);
}

void TestAlarmModel::s5_alarmsMissingFromASnapshotStayUntilAcknowledged()
{
    // A server restarted and forgot its alarms: nobody acknowledged them.
    m_model->reconcile(
        {alarm(u"U"_s, AlarmSeverity::Critical), inState(alarm(u"R"_s), AlarmState::RtnUnacked), acked(alarm(u"K"_s))});
    QSignalSpy changed(m_model, &AlarmModel::alarmsChanged);
    QSignalSpy dataChanged(m_model, &QAbstractItemModel::dataChanged);
    m_model->reconcile({alarm(u"N"_s, AlarmSeverity::Low)});
    QCOMPARE(keys(*m_model), (QStringList {u"U"_s, u"R"_s, u"N"_s}));
    QVERIFY(m_model->isUnconfirmed(u"U"_s));
    QVERIFY(m_model->isUnconfirmed(u"R"_s));
    QVERIFY(!m_model->isUnconfirmed(u"N"_s));
    QCOMPARE(m_model->unconfirmedCount(), 2);
    QVERIFY(m_model->index(0, 0).data(AlarmModel::UnconfirmedRole).toBool());
    QVERIFY(!dataChanged.isEmpty());
    // Never reported cleared: only K (acknowledged) and the new N changed.
    const QList<Alarm> reported = changedAlarms(changed);
    QCOMPARE(idsOf(reported), (QStringList {u"K"_s, u"N"_s}));
    QCOMPARE(reported.at(0).state, AlarmState::Cleared);
    // They still count: the sound, the bell and a kiosk's hold go on.
    QCOMPARE(m_model->unacknowledgedAtLeast(AlarmSeverity::Critical), 1);
    QCOMPARE(m_model->unacknowledgedCount(), 3);

    // The server speaks of U again: confirmed. Another snapshot without R: still waiting.
    m_model->applyBatch({alarm(u"U"_s, AlarmSeverity::Critical)});
    QVERIFY(!m_model->isUnconfirmed(u"U"_s));
    m_model->reconcile({alarm(u"U"_s, AlarmSeverity::Critical), alarm(u"N"_s, AlarmSeverity::Low)});
    QVERIFY(m_model->isUnconfirmed(u"R"_s));
    // The operator acknowledges R here: it goes, reported cleared then.
    changed.clear();
    QCOMPARE(m_model->forget({u"R"_s, u"U"_s}), 1); // U is confirmed: not the console's to drop
    QCOMPARE(keys(*m_model), (QStringList {u"U"_s, u"N"_s}));
    QCOMPARE(m_model->unconfirmedCount(), 0);
    QCOMPARE(idsOf(changedAlarms(changed)), (QStringList {u"R"_s}));
    QCOMPARE(changedAlarms(changed).constFirst().state, AlarmState::Cleared);
    QCOMPARE(m_model->unacknowledgedCount(), 2);
}

void TestAlarmModel::clearedAlarmsLeaveInOneRemovalPerBlock()
{
    m_model->applyBatch({alarm(u"A"_s), alarm(u"B"_s), alarm(u"C"_s), alarm(u"D"_s), alarm(u"E"_s)});
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &AlarmModel::alarmsChanged);
    m_model->applyBatch({inState(alarm(u"B"_s), AlarmState::Cleared), alarm(u"F"_s),
                         inState(alarm(u"C"_s), AlarmState::Cleared), inState(alarm(u"E"_s), AlarmState::Cleared)});
    QCOMPARE(removed.size(), 2); // B-C and E
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(keys(*m_model), (QStringList {u"A"_s, u"D"_s, u"F"_s}));
    QVERIFY(!m_model->alarm(u"B"_s));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(idsOf(changedAlarms(changed)), (QStringList {u"B"_s, u"F"_s, u"C"_s, u"E"_s}));

    // Raised and cleared within one batch: no row, but reported.
    changed.clear();
    inserted.clear();
    m_model->applyBatch({alarm(u"G"_s), inState(alarm(u"G"_s), AlarmState::Cleared)});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(m_model->rowOf(u"G"_s), -1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changedAlarms(changed).size(), 1);
    QCOMPARE(changedAlarms(changed).first().state, AlarmState::Cleared);

    // Cleared, then raised again in the same batch: it stays.
    m_model->applyBatch({inState(alarm(u"A"_s), AlarmState::Cleared), alarm(u"A"_s, AlarmSeverity::Critical)});
    QCOMPARE(m_model->rowOf(u"A"_s), 0);
    QCOMPARE(m_model->index(0, 0).data(AlarmModel::SeverityRole).toInt(), int(AlarmSeverity::Critical));
}

void TestAlarmModel::updatesOfOneAlarmCoalesceIntoOneChange()
{
    m_model->applyBatch({alarm(u"A"_s), alarm(u"B"_s), alarm(u"C"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy alarmsChanged(m_model, &AlarmModel::alarmsChanged);
    Alarm noted = acked(alarm(u"B"_s), u"dana"_s, 7);
    noted.note = u"crew on the way"_s;
    m_model->applyBatch({acked(alarm(u"B"_s), u"sam"_s, 5), acked(alarm(u"B"_s), u"dana"_s, 6), noted});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), m_model->index(1, 0));
    QCOMPARE(changed.first().at(1).value<QModelIndex>(), m_model->index(1, AlarmModel::ColumnCount - 1));
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, AlarmModel::StateRole, AlarmModel::AckedByRole,
                          AlarmModel::AckedAtRole, AlarmModel::NoteRole, AlarmModel::AcknowledgedRole}));
    const QModelIndex b = m_model->index(1, 0);
    QCOMPARE(b.data(AlarmModel::AckedByRole).toString(), u"dana"_s);
    QCOMPARE(b.data(AlarmModel::AckedAtRole).toDateTime(), at(7));
    QCOMPARE(b.data(AlarmModel::NoteRole).toString(), u"crew on the way"_s);
    QCOMPARE(alarmsChanged.size(), 1);
    QCOMPARE(changedAlarms(alarmsChanged).size(), 1);
    QCOMPARE(changedAlarms(alarmsChanged).first().note, u"crew on the way"_s);

    // A field without a column changes its role alone.
    changed.clear();
    noted.chattering = true;
    m_model->applyBatch({noted});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {AlarmModel::ChatteringRole});

    // Returning to normal unacknowledged: acknowledged and active both flip.
    changed.clear();
    m_model->applyBatch({inState(alarm(u"C"_s), AlarmState::RtnUnacked)});
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, AlarmModel::StateRole, AlarmModel::ActiveRole}));
}

void TestAlarmModel::adjacentRowsShareOneRangedChange()
{
    m_model->applyBatch({alarm(u"A"_s), alarm(u"B"_s), alarm(u"C"_s), alarm(u"D"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    Alarm counted = alarm(u"C"_s);
    counted.count = 2;
    m_model->applyBatch({counted, acked(alarm(u"B"_s))});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 2);
    const QList<int> roles = rolesOf(changed.first());
    QVERIFY(roles.contains(AlarmModel::CountRole));
    QVERIFY(roles.contains(AlarmModel::StateRole));
    QVERIFY(!roles.contains(AlarmModel::SeverityRole));
    QVERIFY(!roles.contains(AlarmModel::MessageRole));

    changed.clear();
    m_model->applyBatch({acked(alarm(u"A"_s)), acked(alarm(u"D"_s))});
    QCOMPARE(changed.size(), 2);

    // The same state again: nothing to announce or report.
    changed.clear();
    QSignalSpy alarmsChanged(m_model, &AlarmModel::alarmsChanged);
    m_model->applyBatch({acked(alarm(u"A"_s)), acked(alarm(u"D"_s))});
    QCOMPARE(changed.size(), 0);
    QCOMPARE(alarmsChanged.size(), 0);
}

void TestAlarmModel::alarmsChangedReportsWhatIsNewOrChanged()
{
    m_model->applyBatch({alarm(u"A"_s), alarm(u"B"_s)});
    QSignalSpy changed(m_model, &AlarmModel::alarmsChanged);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    m_model->applyBatch({alarm(u"A"_s), alarm(u"N"_s, AlarmSeverity::Medium), acked(alarm(u"B"_s)),
                         alarm(u"N"_s, AlarmSeverity::Critical)});
    QCOMPARE(updated.size(), 1);
    QCOMPARE(changed.size(), 1);
    const QList<Alarm> alarms = changedAlarms(changed);
    QCOMPARE(idsOf(alarms), (QStringList {u"N"_s, u"B"_s})); // A is unchanged
    QCOMPARE(alarms.at(0).severity, AlarmSeverity::Critical); // the final state
    QCOMPARE(alarms.at(1).state, AlarmState::ActiveAcked);
    QCOMPARE(alarms.at(1).ackedBy, u"dana"_s);
}

void TestAlarmModel::countsFollowUpdatesAndRemovals()
{
    m_model->applyBatch({alarm(u"c1"_s, AlarmSeverity::Critical), alarm(u"c2"_s, AlarmSeverity::Critical),
                         alarm(u"h1"_s, AlarmSeverity::High), alarm(u"m1"_s, AlarmSeverity::Medium),
                         alarm(u"i1"_s, AlarmSeverity::Info)});
    QCOMPARE(m_model->count(AlarmSeverity::Critical, AlarmState::ActiveUnacked), 2);
    QCOMPARE(m_model->unacknowledgedCount(), 5);
    QCOMPARE(m_model->unacknowledgedAtLeast(AlarmSeverity::Critical), 2);
    QCOMPARE(m_model->unacknowledgedAtLeast(AlarmSeverity::High), 3);
    QCOMPARE(m_model->unacknowledgedAtLeast(AlarmSeverity::Low), 4);
    QCOMPARE(m_model->activeCount(AlarmSeverity::Critical), 2);

    // c1 acknowledged, h1 back to normal unacknowledged, m1 shelved.
    m_model->applyBatch({acked(alarm(u"c1"_s, AlarmSeverity::Critical)),
                         inState(alarm(u"h1"_s, AlarmSeverity::High), AlarmState::RtnUnacked),
                         inState(alarm(u"m1"_s, AlarmSeverity::Medium), AlarmState::Shelved)});
    QCOMPARE(m_model->count(AlarmSeverity::Critical, AlarmState::ActiveUnacked), 1);
    QCOMPARE(m_model->count(AlarmSeverity::Critical, AlarmState::ActiveAcked), 1);
    QCOMPARE(m_model->count(AlarmSeverity::High, AlarmState::ActiveUnacked), 0);
    QCOMPARE(m_model->count(AlarmSeverity::High, AlarmState::RtnUnacked), 1);
    QCOMPARE(m_model->count(AlarmSeverity::Medium, AlarmState::Shelved), 1);
    QCOMPARE(m_model->activeCount(AlarmSeverity::Critical), 2);
    QCOMPARE(m_model->activeCount(AlarmSeverity::High), 0);
    QCOMPARE(m_model->activeCount(AlarmSeverity::Medium), 0);
    QCOMPARE(m_model->unacknowledgedCount(), 3); // c2, h1 (returned), i1
    // The one count per priority: returned counts, shelved and acknowledged do not.
    QCOMPARE(m_model->unacknowledgedCount(AlarmSeverity::Critical), 1);
    QCOMPARE(m_model->unacknowledgedCount(AlarmSeverity::High), 1);
    QCOMPARE(m_model->unacknowledgedCount(AlarmSeverity::Medium), 0);
    QCOMPARE(m_model->unacknowledgedCount(AlarmSeverity::Info), 1);
    QCOMPARE(m_model->mostUrgentUnacknowledged(), AlarmSeverity::Critical);
    QCOMPARE(m_model->unacknowledgedAtLeast(AlarmSeverity::Critical), 1);
    QCOMPARE(m_model->unacknowledgedAtLeast(AlarmSeverity::High), 2);
    QCOMPARE(m_model->unacknowledgedAtLeast(AlarmSeverity::Info), 3);

    // Clearing and snapshots take their counts with them.
    m_model->applyBatch({inState(alarm(u"c2"_s, AlarmSeverity::Critical), AlarmState::Cleared)});
    QCOMPARE(m_model->count(AlarmSeverity::Critical, AlarmState::ActiveUnacked), 0);
    QCOMPARE(m_model->unacknowledgedAtLeast(AlarmSeverity::Critical), 0);
    QCOMPARE(m_model->mostUrgentUnacknowledged(), AlarmSeverity::High);
    QCOMPARE(m_model->count(AlarmSeverity::Critical, AlarmState::Cleared), 0);
    m_model->reconcile({acked(alarm(u"c1"_s, AlarmSeverity::Critical)), alarm(u"l1"_s, AlarmSeverity::Low)});
    // h1 and i1 still wait, unconfirmed (S5): counted until let go.
    QCOMPARE(m_model->count(AlarmSeverity::High, AlarmState::RtnUnacked), 1);
    QCOMPARE(m_model->count(AlarmSeverity::Medium, AlarmState::Shelved), 0);
    QCOMPARE(m_model->count(AlarmSeverity::Low, AlarmState::ActiveUnacked), 1);
    QCOMPARE(m_model->unacknowledgedCount(), 3);
    QCOMPARE(m_model->forget({u"h1"_s, u"i1"_s}), 2);
    QCOMPARE(m_model->count(AlarmSeverity::High, AlarmState::RtnUnacked), 0);
    QCOMPARE(m_model->unacknowledgedCount(), 1);
    QCOMPARE(m_model->mostUrgentUnacknowledged(), AlarmSeverity::Low);
    QCOMPARE(m_model->activeCount(AlarmSeverity::Critical), 1);
    QCOMPARE(m_model->activeCount(AlarmSeverity::Low), 1);
    QCOMPARE(m_model->activeCount(AlarmSeverity::Info), 0);
}

void TestAlarmModel::staleOnlyWhileTheLinkIsDown()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    QCOMPARE(m_model->expectedPeriodMs(), 0);
    m_model->applyBatch({alarm(u"A"_s), alarm(u"B"_s)});
    now += 24 * 3600 * 1000; // an alarm quiet for a day is still what the server holds
    m_model->refreshStaleness();
    QVERIFY(!m_model->isStale(0));
    QCOMPARE(m_model->index(0, 0).data(LiveTableModel::AgeRole).toLongLong(), 24 * 3600 * 1000);

    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setLinkLive(false);
    QCOMPARE(changed.size(), 1); // both rows, one block
    QVERIFY(m_model->index(0, 0).data(LiveTableModel::StaleRole).toBool());
    QVERIFY(m_model->index(1, 0).data(LiveTableModel::StaleRole).toBool());
    m_model->setLinkLive(true);
    QVERIFY(!m_model->isStale(0));
}

void TestAlarmModel::columnsHeadersAndRoleNames()
{
    Alarm a = alarm(u"A"_s, AlarmSeverity::Medium);
    a.count = 3;
    m_model->applyBatch({a});
    QCOMPARE(m_model->columnCount(), 10);
    QCOMPARE(m_model->index(0, AlarmModel::SeverityColumn).data().toInt(), int(AlarmSeverity::Medium));
    QCOMPARE(m_model->index(0, AlarmModel::SourceColumn).data().toString(), u"M-A"_s);
    QCOMPARE(m_model->index(0, AlarmModel::RaisedColumn).data().toDateTime(), at(0));
    QCOMPARE(m_model->index(0, AlarmModel::CountColumn).data().toLongLong(), 3);
    QCOMPARE(m_model->index(0, AlarmModel::CountColumn).data(LiveTableModel::SortRole).toLongLong(), 3);
    QVERIFY(!m_model->index(0, AlarmModel::AckedByColumn).data().isValid());
    QCOMPARE(m_model->headerData(AlarmModel::ShelvedUntilColumn, Qt::Horizontal).toString(), u"Shelved until"_s);
    const auto names = m_model->roleNames();
    QCOMPARE(names.value(AlarmModel::AlarmIdRole), QByteArray("alarmId"));
    QCOMPARE(names.value(AlarmModel::SourceKindRole), QByteArray("sourceKind"));
    QCOMPARE(names.value(AlarmModel::ShelveReasonRole), QByteArray("shelveReason"));
    QCOMPARE(names.value(AlarmModel::AcknowledgedRole), QByteArray("acknowledged"));
    QCOMPARE(names.value(AlarmModel::ActiveRole), QByteArray("active"));
    QCOMPARE(names.value(LiveTableModel::KeyRole), QByteArray("key"));
}

void TestAlarmModel::megabyteMessageIsCutForDisplay()
{
    // A server that sends a whole log as the message: the model, and so every
    // view, toast and notification after it, holds a screenful and a mark.
    QSignalSpy changed(m_model, &AlarmModel::alarmsChanged);
    Alarm big = alarm(u"BIG"_s, AlarmSeverity::Critical);
    const QString start = u"Boiler 3 tripped: "_s;
    big.message = start + QString(1'000'000 - start.size(), u'x');
    big.note = QString(500'000, u'n');
    m_model->applyBatch({big});
    const QString shown = m_model->index(0, AlarmModel::MessageColumn).data().toString();
    QVERIFY2(shown.size() <= DisplayText::kMaxChars + 100, qPrintable(QString::number(shown.size())));
    QVERIFY(shown.startsWith(start));
    QVERIFY2(shown.contains(QLocale().toString(1'000'000)), qPrintable(shown.right(80)));
    QVERIFY(m_model->index(0, 0).data(AlarmModel::NoteRole).toString().size() <= DisplayText::kMaxChars + 100);
    QCOMPARE(changed.size(), 1);
    const auto reported = changed.constFirst().constFirst().value<QList<Alarm>>();
    QCOMPARE(reported.constFirst().message, shown);
    // The same text again is no change; a short one is kept whole.
    m_model->applyBatch({big});
    QCOMPARE(changed.size(), 1);
    big.message = u"Boiler 3 back to normal"_s;
    m_model->applyBatch({big});
    QCOMPARE(m_model->alarm(u"BIG"_s)->message, u"Boiler 3 back to normal"_s);
    // A surrogate pair on the cut is never split.
    const QString emoji = QString(DisplayText::kMaxChars - 1, u'a') + QString::fromUtf8("\xF0\x9F\x94\xA5") + u"tail"_s;
    const QString cut = DisplayText::cut(emoji);
    QVERIFY(cut.startsWith(QString(DisplayText::kMaxChars - 1, u'a') + QStringLiteral("… ")));
}

void TestAlarmModel::i16_oneConditionOverManySourcesSharesOneKey()
{
    const auto sourced = [](const QString &id, AlarmSourceKind kind, const QString &source, const QString &message,
                            AlarmSeverity severity = AlarmSeverity::Medium) {
        Alarm a = alarm(id, severity);
        a.source = Domain::AlarmSource {kind, source, kind == AlarmSourceKind::Drone ? u"drone"_s : u"machine"_s};
        a.message = message;
        return a;
    };
    // Ids built from their parts: the id without the source, whatever the
    // message's values or the priority.
    const Alarm low1 = sourced(u"drone:WF-D0001:battery_low"_s, AlarmSourceKind::Drone, u"WF-D0001"_s,
                               u"battery of WF-D0001 at 8.0 %"_s, AlarmSeverity::High);
    const Alarm low4 = sourced(u"drone:WF-D0004:battery_low"_s, AlarmSourceKind::Drone, u"WF-D0004"_s,
                               u"battery of WF-D0004 at 17.5 %"_s);
    const Alarm error1
        = sourced(u"drone:WF-D0001:error"_s, AlarmSourceKind::Drone, u"WF-D0001"_s, u"WF-D0001 reports an error"_s);
    QCOMPARE(AlarmModel::conditionKey(low1), u"id:drone:*:battery_low"_s);
    QCOMPARE(AlarmModel::conditionKey(low4), AlarmModel::conditionKey(low1));
    QVERIFY(AlarmModel::conditionKey(error1) != AlarmModel::conditionKey(low1));
    // Opaque ids: the message without the source, of the same kind of source.
    const Alarm hot1 = sourced(u"a-1"_s, AlarmSourceKind::Machine, u"M-1"_s, u"M-1 overheated"_s);
    const Alarm hot2 = sourced(u"a-2"_s, AlarmSourceKind::Machine, u"M-2"_s, u"M-2 overheated"_s);
    const Alarm jam1 = sourced(u"a-3"_s, AlarmSourceKind::Machine, u"M-1"_s, u"M-1 jammed"_s);
    const Alarm droneHot = sourced(u"a-4"_s, AlarmSourceKind::Drone, u"D-1"_s, u"D-1 overheated"_s);
    QCOMPARE(AlarmModel::conditionKey(hot1), AlarmModel::conditionKey(hot2));
    QVERIFY(AlarmModel::conditionKey(jam1) != AlarmModel::conditionKey(hot1));
    QVERIFY(AlarmModel::conditionKey(droneHot) != AlarmModel::conditionKey(hot1));
    // ... and without the values the message carries: the words are the condition.
    const Alarm opaque1 = sourced(u"A-000001"_s, AlarmSourceKind::Drone, u"WF-D0001"_s,
                                  u"battery of WF-D0001 at 8.0 %"_s, AlarmSeverity::High);
    const Alarm opaque2
        = sourced(u"A-000002"_s, AlarmSourceKind::Drone, u"WF-D0012"_s, u"battery of WF-D0012 at 17,25 %"_s);
    const Alarm opaque3
        = sourced(u"A-000003"_s, AlarmSourceKind::Drone, u"WF-D0013"_s, u"temperature of WF-D0013 at 80 °C"_s);
    QCOMPARE(AlarmModel::conditionKey(opaque1), u"message:drone:battery of * at # %"_s);
    QCOMPARE(AlarmModel::conditionKey(opaque2), AlarmModel::conditionKey(opaque1));
    QVERIFY(AlarmModel::conditionKey(opaque3) != AlarmModel::conditionKey(opaque1));
    // Nothing names the source: a condition of its own.
    Alarm plain = alarm(u"P-1"_s);
    plain.source.reset();
    Alarm plain2 = alarm(u"P-2"_s);
    plain2.source.reset();
    plain2.message = plain.message;
    QCOMPARE(AlarmModel::conditionKey(plain), u"alarm:P-1"_s);
    QVERIFY(AlarmModel::conditionKey(plain2) != AlarmModel::conditionKey(plain));
    // The model answers it as a role.
    m_model->applyBatch({low1, low4, error1});
    QCOMPARE(m_model->index(1, 0).data(AlarmModel::ConditionRole).toString(), u"id:drone:*:battery_low"_s);
    QCOMPARE(m_model->roleNames().value(AlarmModel::ConditionRole), QByteArray("condition"));
}

QTEST_GUILESS_MAIN(TestAlarmModel)
#include "tst_alarmmodel.moc"
