#include "model/operatormodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Domain::OperatorPresence;
using Domain::OperatorRole;
using Domain::PresenceChange;
using Domain::UserActivity;

namespace {

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC).addSecs(second);
}

OperatorPresence op(const QString &name, const QString &client = u"desk-1"_s,
                    OperatorRole role = OperatorRole::Operator, int since = 0)
{
    return {name, role, at(since), client};
}

UserActivity act(const QString &name, const QString &action, const QString &target, int second)
{
    return {name, action, target, at(second)};
}

QStringList keys(const OperatorModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(LiveTableModel::KeyRole).toString();
    return out;
}

QList<int> rolesOf(const QList<QVariant> &dataChanged)
{
    return dataChanged.at(2).value<QList<int>>();
}

} // namespace

class TestOperatorModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reconcileInsertsUpdatesAndRemoves();
    void changesOfOneOperatorCoalesceIntoOneChange();
    void presenceChangesAddAndRemoveOneOperatorEach();
    void activityUpdatesTheLastAction();
    void recentActivityIsBounded();
    void staleOnlyWhileTheLinkIsDown();
    void columnsHeadersAndRoleNames();

private:
    OperatorModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestOperatorModel::init()
{
    m_model = new OperatorModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestOperatorModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestOperatorModel::reconcileInsertsUpdatesAndRemoves()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    // The same operator at two consoles is two rows.
    m_model->reconcile({op(u"dana"_s), op(u"dana"_s, u"wall"_s, OperatorRole::Viewer), op(u"sam"_s),
                        op(u"lee"_s, QString(), OperatorRole::Admin)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(keys(*m_model), (QStringList {u"dana@desk-1"_s, u"dana@wall"_s, u"sam@desk-1"_s, u"lee@"_s}));
    const QModelIndex lee = m_model->index(3, 0);
    QCOMPARE(lee.data(OperatorModel::NameRole).toString(), u"lee"_s);
    QCOMPARE(lee.data(OperatorModel::OperatorRoleRole).toInt(), int(OperatorRole::Admin));
    QCOMPARE(lee.data(OperatorModel::SinceRole).toDateTime(), at(0));
    QCOMPARE(lee.data(OperatorModel::ClientRole).toString(), QString());
    QCOMPARE(lee.data(OperatorModel::LastActionRole).toString(), QString());
    QVERIFY(lee.data(OperatorModel::RecentActivityRole).toList().isEmpty());

    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    inserted.clear();
    m_model->reconcile(
        {op(u"lee"_s, QString(), OperatorRole::Admin), op(u"kim"_s), op(u"dana"_s, u"desk-1"_s, OperatorRole::Admin)});
    QCOMPARE(removed.size(), 1); // dana@wall and sam: one block
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(keys(*m_model), (QStringList {u"dana@desk-1"_s, u"lee@"_s, u"kim@desk-1"_s}));
    QCOMPARE(changed.size(), 1); // only dana's role changed
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, OperatorModel::OperatorRoleRole}));
    QCOMPARE(m_model->index(0, 0).data(OperatorModel::OperatorRoleRole).toInt(), int(OperatorRole::Admin));

    m_model->reconcile({});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestOperatorModel::presenceChangesAddAndRemoveOneOperatorEach()
{
    m_model->reconcile({op(u"dana"_s), op(u"sam"_s)});
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    // In order: kim arrives, sam goes (only the name and client are said),
    // dana at another console arrives, kim goes again and comes back as admin.
    const OperatorPresence samLeaving {u"sam"_s, OperatorRole::Viewer, {}, u"desk-1"_s};
    m_model->applyPresenceChanges({PresenceChange {{op(u"kim"_s)}, {}}, PresenceChange {{}, {samLeaving}},
                                   PresenceChange {{op(u"dana"_s, u"wall"_s)}, {}}, PresenceChange {{}, {op(u"kim"_s)}},
                                   PresenceChange {{op(u"kim"_s, u"desk-1"_s, OperatorRole::Admin, 40)}, {}}});
    QCOMPARE(keys(*m_model), (QStringList {u"dana@desk-1"_s, u"dana@wall"_s, u"kim@desk-1"_s}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->index(2, 0).data(OperatorModel::OperatorRoleRole).toInt(), int(OperatorRole::Admin));
    QCOMPARE(m_model->index(2, 0).data(OperatorModel::SinceRole).toDateTime(), at(40));

    // Someone leaving who is not listed changes nothing; someone joining
    // who is listed is updated in place.
    m_model->applyPresenceChanges(
        {PresenceChange {{op(u"dana"_s, u"desk-1"_s, OperatorRole::Viewer)}, {op(u"nobody"_s)}}});
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(0, 0).data(OperatorModel::OperatorRoleRole).toInt(), int(OperatorRole::Viewer));
}

void TestOperatorModel::changesOfOneOperatorCoalesceIntoOneChange()
{
    m_model->reconcile({op(u"a"_s), op(u"b"_s), op(u"c"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    // b and c change: adjacent rows, one range with the union of the roles.
    m_model->reconcile({op(u"a"_s), op(u"b"_s, u"desk-1"_s, OperatorRole::Viewer),
                        op(u"c"_s, u"desk-1"_s, OperatorRole::Operator, 60)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 2);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().column(), OperatorModel::ColumnCount - 1);
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, OperatorModel::OperatorRoleRole,
                          OperatorModel::SinceRole}));

    // Several activities of one operator in a batch: one change, the newest wins.
    changed.clear();
    m_model->applyActivity({act(u"a"_s, u"ack_alarm"_s, u"AL-1"_s, 10), act(u"a"_s, u"command"_s, u"D-7"_s, 11),
                            act(u"a"_s, u"broadcast"_s, QString(), 12)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    const QModelIndex a = m_model->index(0, 0);
    QCOMPARE(a.data(OperatorModel::LastActionRole).toString(), u"broadcast"_s);
    QCOMPARE(a.data(OperatorModel::LastTargetRole).toString(), QString());
    QCOMPARE(a.data(OperatorModel::LastActionAtRole).toDateTime(), at(12));
    // The target was empty before and is empty now: its role is not announced.
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, LiveTableModel::SortRole, OperatorModel::LastActionRole,
                          OperatorModel::LastActionAtRole, OperatorModel::RecentActivityRole}));

    // Nothing changed: nothing announced.
    changed.clear();
    m_model->reconcile({op(u"a"_s), op(u"b"_s, u"desk-1"_s, OperatorRole::Viewer),
                        op(u"c"_s, u"desk-1"_s, OperatorRole::Operator, 60)});
    QCOMPARE(changed.size(), 0);
}

void TestOperatorModel::activityUpdatesTheLastAction()
{
    m_model->reconcile({op(u"dana"_s), op(u"sam"_s), op(u"dana"_s, u"wall"_s)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model, &LiveTableModel::contentsUpdated);
    m_model->applyActivity({act(u"dana"_s, u"ack_alarm"_s, u"AL-1"_s, 10), act(u"ghost"_s, u"command"_s, u"D-1"_s, 11),
                            act(u"dana"_s, u"command"_s, u"D-7"_s, 12)});
    QCOMPARE(updated.size(), 1);
    // dana at both consoles (rows 0 and 2, apart); ghost is not present and kept nowhere here.
    QCOMPARE(changed.size(), 2);
    for (int row : {0, 2}) {
        const QModelIndex d = m_model->index(row, 0);
        QCOMPARE(d.data(OperatorModel::LastActionRole).toString(), u"command"_s);
        QCOMPARE(d.data(OperatorModel::LastTargetRole).toString(), u"D-7"_s);
        QCOMPARE(m_model->index(row, OperatorModel::LastActionColumn).data().toString(), u"command"_s);
        QCOMPARE(m_model->index(row, OperatorModel::LastActionAtColumn).data().toDateTime(), at(12));
        const QVariantList recent = d.data(OperatorModel::RecentActivityRole).toList();
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.at(0).toMap().value(u"action"_s).toString(), u"command"_s); // newest first
        QCOMPARE(recent.at(0).toMap().value(u"target"_s).toString(), u"D-7"_s);
        QCOMPARE(recent.at(0).toMap().value(u"at"_s).toDateTime(), at(12));
        QCOMPARE(recent.at(1).toMap().value(u"action"_s).toString(), u"ack_alarm"_s);
    }
    QCOMPARE(m_model->index(1, 0).data(OperatorModel::LastActionRole).toString(), QString());
}

void TestOperatorModel::recentActivityIsBounded()
{
    m_model->reconcile({op(u"dana"_s)});
    QList<UserActivity> activity;
    for (int i = 0; i < 30; ++i)
        activity << act(u"dana"_s, u"command"_s, u"D-%1"_s.arg(i), i);
    m_model->applyActivity(activity.mid(0, 10));
    m_model->applyActivity(activity.mid(10));
    const QVariantList recent = m_model->index(0, 0).data(OperatorModel::RecentActivityRole).toList();
    QCOMPARE(recent.size(), OperatorModel::kRecentActivityPerOperator);
    QCOMPARE(recent.first().toMap().value(u"target"_s).toString(), u"D-29"_s);
    QCOMPARE(recent.last().toMap().value(u"target"_s).toString(), u"D-10"_s);
}

void TestOperatorModel::staleOnlyWhileTheLinkIsDown()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    QCOMPARE(m_model->expectedPeriodMs(), 0);
    m_model->reconcile({op(u"dana"_s)});
    now += 3600 * 1000;
    m_model->refreshStaleness();
    QVERIFY(!m_model->isStale(0));
    m_model->setLinkLive(false);
    QVERIFY(m_model->index(0, 0).data(LiveTableModel::StaleRole).toBool());
    m_model->setLinkLive(true);
    QVERIFY(!m_model->isStale(0));
}

void TestOperatorModel::columnsHeadersAndRoleNames()
{
    m_model->reconcile({op(u"dana"_s, u"desk-1"_s, OperatorRole::Admin, 30)});
    QCOMPARE(m_model->columnCount(), 6);
    QCOMPARE(m_model->index(0, OperatorModel::NameColumn).data().toString(), u"dana"_s);
    QCOMPARE(m_model->index(0, OperatorModel::RoleColumn).data().toInt(), int(OperatorRole::Admin));
    QCOMPARE(m_model->index(0, OperatorModel::SinceColumn).data().toDateTime(), at(30));
    QCOMPARE(m_model->index(0, OperatorModel::ClientColumn).data().toString(), u"desk-1"_s);
    QCOMPARE(m_model->headerData(OperatorModel::LastActionAtColumn, Qt::Horizontal).toString(), u"Last action at"_s);
    const auto names = m_model->roleNames();
    QCOMPARE(names.value(OperatorModel::NameRole), QByteArray("name"));
    QCOMPARE(names.value(OperatorModel::OperatorRoleRole), QByteArray("role"));
    QCOMPARE(names.value(OperatorModel::LastActionAtRole), QByteArray("lastActionAt"));
    QCOMPARE(names.value(OperatorModel::RecentActivityRole), QByteArray("recentActivity"));
}

QTEST_GUILESS_MAIN(TestOperatorModel)
#include "tst_operatormodel.moc"
