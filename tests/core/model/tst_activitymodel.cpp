#include "model/activitymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Domain::UserActivity;

namespace {

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC).addSecs(second);
}

UserActivity act(int i, const QString &name = u"dana"_s)
{
    return {name, u"command"_s, u"T-%1"_s.arg(i), at(i)};
}

QList<UserActivity> acts(int from, int to)
{
    QList<UserActivity> out;
    for (int i = from; i < to; ++i)
        out << act(i);
    return out;
}

QStringList targets(const ActivityModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(ActivityModel::TargetRole).toString();
    return out;
}

} // namespace

class TestActivityModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void batchInsertsAtTheTopNewestFirst();
    void oldestRowsLeaveInOneRemoval();
    void aBatchLargerThanTheCapacityKeepsItsNewest();
    void shrinkingTheCapacityTrims();
    void columnsHeadersAndRoleNames();
    void aNamedTargetShowsItsNameWithTheIdBehind();

private:
    ActivityModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestActivityModel::init()
{
    m_model = new ActivityModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestActivityModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestActivityModel::batchInsertsAtTheTopNewestFirst()
{
    QCOMPARE(m_model->capacity(), 500);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->applyBatch(acts(0, 3));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(targets(*m_model), (QStringList {u"T-2"_s, u"T-1"_s, u"T-0"_s}));

    m_model->applyBatch(acts(3, 5));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QCOMPARE(inserted.last().at(2).toInt(), 1);
    QCOMPARE(targets(*m_model), (QStringList {u"T-4"_s, u"T-3"_s, u"T-2"_s, u"T-1"_s, u"T-0"_s}));
    const QModelIndex top = m_model->index(0, 0);
    QCOMPARE(top.data(ActivityModel::OperatorNameRole).toString(), u"dana"_s);
    QCOMPARE(top.data(ActivityModel::ActionRole).toString(), u"command"_s);
    QCOMPARE(top.data(ActivityModel::AtRole).toDateTime(), at(4));

    m_model->applyBatch({});
    QCOMPARE(inserted.size(), 2);
}

void TestActivityModel::oldestRowsLeaveInOneRemoval()
{
    m_model->setCapacity(5);
    m_model->applyBatch(acts(0, 4));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->applyBatch(acts(4, 7));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2); // T-1 and T-0, the two oldest
    QCOMPARE(removed.first().at(2).toInt(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(targets(*m_model), (QStringList {u"T-6"_s, u"T-5"_s, u"T-4"_s, u"T-3"_s, u"T-2"_s}));

    for (int i = 7; i < 40; ++i)
        m_model->applyBatch({act(i)});
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(targets(*m_model).first(), u"T-39"_s);
    QCOMPARE(targets(*m_model).last(), u"T-35"_s);
}

void TestActivityModel::aBatchLargerThanTheCapacityKeepsItsNewest()
{
    m_model->setCapacity(3);
    m_model->applyBatch(acts(0, 2));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->applyBatch(acts(2, 10));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(targets(*m_model), (QStringList {u"T-9"_s, u"T-8"_s, u"T-7"_s}));
}

void TestActivityModel::shrinkingTheCapacityTrims()
{
    m_model->applyBatch(acts(0, 10));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->setCapacity(4);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(targets(*m_model), (QStringList {u"T-9"_s, u"T-8"_s, u"T-7"_s, u"T-6"_s}));
    m_model->setCapacity(0);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->applyBatch(acts(0, 2));
    QCOMPARE(m_model->rowCount(), 0);
}

void TestActivityModel::columnsHeadersAndRoleNames()
{
    m_model->applyBatch({act(7, u"sam"_s)});
    QCOMPARE(m_model->columnCount(), 4);
    QCOMPARE(m_model->index(0, ActivityModel::TimeColumn).data().toDateTime(), at(7));
    QCOMPARE(m_model->index(0, ActivityModel::OperatorColumn).data().toString(), u"sam"_s);
    QCOMPARE(m_model->index(0, ActivityModel::ActionColumn).data().toString(), u"command"_s);
    QCOMPARE(m_model->index(0, ActivityModel::TargetColumn).data().toString(), u"T-7"_s);
    QCOMPARE(m_model->headerData(ActivityModel::OperatorColumn, Qt::Horizontal).toString(), u"Operator"_s);
    const auto names = m_model->roleNames();
    QCOMPARE(names.value(ActivityModel::OperatorNameRole), QByteArray("operatorName"));
    QCOMPARE(names.value(ActivityModel::ActionRole), QByteArray("action"));
    QCOMPARE(names.value(ActivityModel::TargetRole), QByteArray("target"));
    QCOMPARE(names.value(ActivityModel::AtRole), QByteArray("at"));
}

void TestActivityModel::aNamedTargetShowsItsNameWithTheIdBehind()
{
    UserActivity named = act(1);
    named.targetName = u"Tank 1 \u203A Valve V-101 \u203A Open"_s;
    m_model->applyBatch({act(0), named});
    // Named: the name shown, the id as sent in its role and tool tip.
    const QModelIndex target = m_model->index(0, ActivityModel::TargetColumn);
    QCOMPARE(target.data().toString(), named.targetName);
    QCOMPARE(target.data(ActivityModel::TargetNameRole).toString(), named.targetName);
    QCOMPARE(target.data(ActivityModel::TargetRole).toString(), u"T-1"_s);
    QCOMPARE(target.data(Qt::ToolTipRole).toString(), u"T-1"_s);
    // Without a name: the target as sent, and no tool tip repeating it.
    const QModelIndex plain = m_model->index(1, ActivityModel::TargetColumn);
    QCOMPARE(plain.data().toString(), u"T-0"_s);
    QCOMPARE(plain.data(ActivityModel::TargetNameRole).toString(), u"T-0"_s);
    QVERIFY(!plain.data(Qt::ToolTipRole).isValid());
    QCOMPARE(m_model->roleNames().value(ActivityModel::TargetNameRole), QByteArray("targetName"));
}

QTEST_GUILESS_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
