#include "model/commandmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Domain::CommandState;
using Domain::CommandStatus;
using Domain::EndpointValue;

namespace {

CommandStatus status(const QString &commandId, CommandState state, const QString &endpointId = {},
                     const EndpointValue &requested = {})
{
    CommandStatus s;
    s.commandId = commandId;
    s.status = state;
    s.endpointId = endpointId;
    s.requestedValue = requested;
    return s;
}

QList<int> historyStates(const QModelIndex &index)
{
    QList<int> out;
    for (const QVariant &entry : index.data(CommandModel::HistoryRole).toList())
        out << entry.toMap().value(QStringLiteral("status")).toInt();
    return out;
}

QList<int> states(std::initializer_list<CommandState> list)
{
    QList<int> out;
    for (CommandState s : list)
        out << int(s);
    return out;
}

QStringList ids(const CommandModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.keyAt(row);
    return out;
}

} // namespace

class TestCommandModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newCommandsAreInsertedOnceWithTheirRoles();
    void historyKeepsEveryChangeInOrder();
    void oneChangePerCommandPerBatch();
    void finishedCommandsAreNotReopened();
    void statusesKeepWhatTheyLeaveOut();
    void noteIssuedShowsTheCommandQueued();
    void reconcileKeepsCommandsItDoesNotList();
    void boundEvictsTheOldestFinishedFirst();
    void staleOnlyWhileTheLinkIsDown();
    void roleNamesAndHeaders();

private:
    CommandModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestCommandModel::init()
{
    m_model = new CommandModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestCommandModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestCommandModel::newCommandsAreInsertedOnceWithTheirRoles()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model, &CommandModel::contentsUpdated);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    CommandStatus c1 = status(QStringLiteral("C1"), CommandState::Queued, QStringLiteral("E1"), 4.5);
    c1.operatorName = QStringLiteral("alice");
    m_model->applyBatch({c1, status(QStringLiteral("C2"), CommandState::Sent, QStringLiteral("E2"), true),
                         status(QStringLiteral("C1"), CommandState::Sent)});

    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("C1"), QStringLiteral("C2")}));
    QCOMPARE(m_model->pendingCount(), 2);

    const QModelIndex c = m_model->index(0, 0);
    QCOMPARE(c.data(CommandModel::KeyRole).toString(), QStringLiteral("C1"));
    QCOMPARE(c.data(CommandModel::CommandIdRole).toString(), QStringLiteral("C1"));
    QCOMPARE(c.data(CommandModel::EndpointIdRole).toString(), QStringLiteral("E1"));
    QCOMPARE(c.data(CommandModel::RequestedValueRole).toDouble(), 4.5);
    QVERIFY(!c.data(CommandModel::ActualValueRole).isValid());
    QCOMPARE(c.data(CommandModel::OperatorNameRole).toString(), QStringLiteral("alice"));
    QCOMPARE(c.data(CommandModel::StatusRole).toInt(), int(CommandState::Sent));
    QCOMPARE(c.data(CommandModel::FinalRole).toBool(), false);
    QVERIFY(!c.data(CommandModel::ErrorRole).isValid());
    QVERIFY(!c.data(CommandModel::CompletedAtRole).isValid());
    QCOMPARE(historyStates(c), states({CommandState::Queued, CommandState::Sent}));
    const QDateTime issuedAt = c.data(CommandModel::IssuedAtRole).toDateTime();
    QCOMPARE(issuedAt.timeSpec(), Qt::UTC);
    QVERIFY(issuedAt >= before && issuedAt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(m_model->index(1, 0).data(CommandModel::RequestedValueRole), QVariant(true));
    QCOMPARE(m_model->commandAt(1).endpointId, QStringLiteral("E2"));

    // Display gives each column's raw value.
    QCOMPARE(m_model->index(0, CommandModel::RequestedColumn).data().toDouble(), 4.5);
    QCOMPARE(m_model->index(0, CommandModel::StatusColumn).data().toInt(), int(CommandState::Sent));
    QCOMPARE(m_model->index(0, CommandModel::StatusColumn).data(CommandModel::SortRole).toInt(),
             int(CommandState::Sent));
    QCOMPARE(m_model->index(0, CommandModel::LastChangeColumn).data().toDateTime(),
             c.data(CommandModel::LastChangeRole).toDateTime());
}

void TestCommandModel::historyKeepsEveryChangeInOrder()
{
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Queued, QStringLiteral("E1")),
                         status(QStringLiteral("C1"), CommandState::Sent),
                         status(QStringLiteral("C1"), CommandState::Sent)}); // a repeat is no change
    m_model->applyBatch(
        {status(QStringLiteral("C1"), CommandState::Sent), status(QStringLiteral("C1"), CommandState::Acked)});
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Succeeded)});

    const QModelIndex c = m_model->index(0, 0);
    QCOMPARE(historyStates(c),
             states({CommandState::Queued, CommandState::Sent, CommandState::Acked, CommandState::Succeeded}));
    const QVariantList history = c.data(CommandModel::HistoryRole).toList();
    QDateTime previous;
    for (const QVariant &entry : history) {
        const QDateTime at = entry.toMap().value(QStringLiteral("at")).toDateTime();
        QVERIFY(at.isValid());
        QCOMPARE(at.timeSpec(), Qt::UTC);
        QVERIFY(!previous.isValid() || at >= previous);
        previous = at;
    }
    QCOMPARE(c.data(CommandModel::LastChangeRole).toDateTime(), previous);
    QCOMPARE(c.data(CommandModel::FinalRole).toBool(), true);
    QCOMPARE(m_model->pendingCount(), 0);
}

void TestCommandModel::oneChangePerCommandPerBatch()
{
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Queued, QStringLiteral("E1")),
                         status(QStringLiteral("C2"), CommandState::Queued, QStringLiteral("E2")),
                         status(QStringLiteral("C3"), CommandState::Queued, QStringLiteral("E3"))});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    CommandStatus done = status(QStringLiteral("C3"), CommandState::Succeeded);
    done.actualValue = 2.0;
    done.completedAt = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Sent),
                         status(QStringLiteral("C3"), CommandState::Sent),
                         status(QStringLiteral("C1"), CommandState::Acked), done});
    // Rows 0 and 2: two blocks, one signal each.
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), CommandModel::ColumnCount - 1);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 2);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(),
             (QList<int> {Qt::DisplayRole, CommandModel::AgeRole, CommandModel::SortRole, CommandModel::StatusRole,
                          CommandModel::LastChangeRole, CommandModel::HistoryRole}));
    QCOMPARE(changed.at(1).at(2).value<QList<int>>(),
             (QList<int> {Qt::DisplayRole, CommandModel::AgeRole, CommandModel::SortRole, CommandModel::ActualValueRole,
                          CommandModel::StatusRole, CommandModel::FinalRole, CommandModel::CompletedAtRole,
                          CommandModel::LastChangeRole, CommandModel::HistoryRole}));
    QCOMPARE(m_model->index(2, 0).data(CommandModel::CompletedAtRole).toDateTime(), done.completedAt);
    QCOMPARE(m_model->index(2, 0).data(CommandModel::ActualValueRole).toDouble(), 2.0);
    QCOMPARE(m_model->pendingCount(), 2);
}

void TestCommandModel::finishedCommandsAreNotReopened()
{
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Queued, QStringLiteral("E1")),
                         status(QStringLiteral("C1"), CommandState::Rejected)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyBatch(
        {status(QStringLiteral("C1"), CommandState::Acked), status(QStringLiteral("C1"), CommandState::Sent)});
    QCOMPARE(changed.size(), 0);
    const QModelIndex c = m_model->index(0, 0);
    QCOMPARE(c.data(CommandModel::StatusRole).toInt(), int(CommandState::Rejected));
    QCOMPARE(historyStates(c), states({CommandState::Queued, CommandState::Rejected}));
    QCOMPARE(m_model->pendingCount(), 0);

    // The same final status again (a snapshot after the event) changes nothing but the age.
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Rejected)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int> {CommandModel::AgeRole});
    QCOMPARE(historyStates(c), states({CommandState::Queued, CommandState::Rejected}));
}

void TestCommandModel::statusesKeepWhatTheyLeaveOut()
{
    CommandStatus first = status(QStringLiteral("C1"), CommandState::Queued, QStringLiteral("E1"), 3.0);
    first.operatorName = QStringLiteral("bob");
    m_model->applyBatch({first});
    // A plain server repeats neither the endpoint nor the operator.
    CommandStatus failed = status(QStringLiteral("C1"), CommandState::Failed);
    failed.error = QStringLiteral("valve stuck");
    m_model->applyBatch({failed});

    const QModelIndex c = m_model->index(0, 0);
    QCOMPARE(c.data(CommandModel::EndpointIdRole).toString(), QStringLiteral("E1"));
    QCOMPARE(c.data(CommandModel::OperatorNameRole).toString(), QStringLiteral("bob"));
    QCOMPARE(c.data(CommandModel::RequestedValueRole).toDouble(), 3.0);
    QCOMPARE(c.data(CommandModel::ErrorRole).toString(), QStringLiteral("valve stuck"));
    QCOMPARE(c.data(CommandModel::FinalRole).toBool(), true);
}

void TestCommandModel::noteIssuedShowsTheCommandQueued()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    CommandStatus c1 = status(QStringLiteral("C1"), CommandState::Queued, QStringLiteral("E1"));
    c1.requestedValue = QStringLiteral("manual");
    m_model->noteIssued(c1, QStringLiteral("alice"));
    QCOMPARE(inserted.size(), 1);
    const QModelIndex c = m_model->index(0, 0);
    QCOMPARE(c.data(CommandModel::StatusRole).toInt(), int(CommandState::Queued));
    QCOMPARE(c.data(CommandModel::RequestedValueRole).toString(), QStringLiteral("manual"));
    QCOMPARE(c.data(CommandModel::OperatorNameRole).toString(), QStringLiteral("alice"));
    QVERIFY(c.data(CommandModel::IssuedAtRole).toDateTime().isValid());
    QCOMPARE(m_model->pendingCount(), 1);

    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Acked)});
    QCOMPARE(historyStates(c), states({CommandState::Queued, CommandState::Acked}));

    // Noting a command the server already reported keeps the server's status.
    m_model->applyBatch({status(QStringLiteral("C2"), CommandState::Sent, QStringLiteral("E2"))});
    CommandStatus c2Issued = status(QStringLiteral("C2"), CommandState::Queued, QStringLiteral("E2"));
    c2Issued.requestedValue = 1.0;
    m_model->noteIssued(c2Issued, QStringLiteral("alice"));
    const QModelIndex c2 = m_model->index(1, 0);
    QCOMPARE(c2.data(CommandModel::StatusRole).toInt(), int(CommandState::Sent));
    QCOMPARE(historyStates(c2), states({CommandState::Sent}));
    QCOMPARE(c2.data(CommandModel::OperatorNameRole).toString(), QStringLiteral("alice"));
    QCOMPARE(m_model->rowCount(), 2);
}

void TestCommandModel::reconcileKeepsCommandsItDoesNotList()
{
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Succeeded, QStringLiteral("E1")),
                         status(QStringLiteral("C2"), CommandState::Sent, QStringLiteral("E2"))});
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->reconcile(
        {status(QStringLiteral("C2"), CommandState::Acked), status(QStringLiteral("C3"), CommandState::Queued)});
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("C1"), QStringLiteral("C2"), QStringLiteral("C3")}));
    QCOMPARE(m_model->index(1, 0).data(CommandModel::StatusRole).toInt(), int(CommandState::Acked));
    QCOMPARE(m_model->index(0, 0).data(CommandModel::StatusRole).toInt(), int(CommandState::Succeeded));
    m_model->reconcile({});
    QCOMPARE(m_model->rowCount(), 3);
}

void TestCommandModel::boundEvictsTheOldestFinishedFirst()
{
    QCOMPARE(m_model->maxRows(), 2000);
    m_model->setMaxRows(3);
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Sent, QStringLiteral("E1")),
                         status(QStringLiteral("C2"), CommandState::Succeeded, QStringLiteral("E1")),
                         status(QStringLiteral("C3"), CommandState::Failed, QStringLiteral("E1"))});
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->applyBatch({status(QStringLiteral("C4"), CommandState::Queued, QStringLiteral("E2"))});
    // C1 is older but still under way; C2 is the oldest finished.
    QCOMPARE(removed.size(), 1);
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("C1"), QStringLiteral("C3"), QStringLiteral("C4")}));

    m_model->applyBatch({status(QStringLiteral("C5"), CommandState::Queued, QStringLiteral("E2")),
                         status(QStringLiteral("C6"), CommandState::Queued, QStringLiteral("E2"))});
    // C3 goes; then only commands under way are left, and they stay.
    QCOMPARE(ids(*m_model),
             (QStringList {QStringLiteral("C1"), QStringLiteral("C4"), QStringLiteral("C5"), QStringLiteral("C6")}));
    QCOMPARE(m_model->pendingCount(), 4);

    // Once they finish, the bound holds again.
    m_model->applyBatch(
        {status(QStringLiteral("C4"), CommandState::Succeeded), status(QStringLiteral("C5"), CommandState::Timeout)});
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("C1"), QStringLiteral("C5"), QStringLiteral("C6")}));
    m_model->setMaxRows(2);
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("C1"), QStringLiteral("C6")}));
}

void TestCommandModel::staleOnlyWhileTheLinkIsDown()
{
    qint64 now = 0;
    m_model->setClock([&now] { return now; });
    QCOMPARE(m_model->expectedPeriodMs(), qint64(0));
    m_model->applyBatch({status(QStringLiteral("C1"), CommandState::Sent, QStringLiteral("E1"))});
    now += 3600 * 1000;
    m_model->refreshStaleness();
    QCOMPARE(m_model->index(0, 0).data(CommandModel::StaleRole).toBool(), false);
    QCOMPARE(m_model->index(0, 0).data(CommandModel::AgeRole).toLongLong(), 3600 * 1000);
    m_model->setLinkLive(false);
    QCOMPARE(m_model->index(0, 0).data(CommandModel::StaleRole).toBool(), true);
    m_model->setLinkLive(true);
    QCOMPARE(m_model->index(0, 0).data(CommandModel::StaleRole).toBool(), false);
}

void TestCommandModel::roleNamesAndHeaders()
{
    const auto names = m_model->roleNames();
    QCOMPARE(names.value(CommandModel::KeyRole), QByteArray("key"));
    QCOMPARE(names.value(CommandModel::CommandIdRole), QByteArray("commandId"));
    QCOMPARE(names.value(CommandModel::FinalRole), QByteArray("isFinal"));
    QCOMPARE(names.value(CommandModel::HistoryRole), QByteArray("history"));
    QVERIFY(int(CommandModel::CommandIdRole) == int(CommandModel::FirstEntityRole));
    QCOMPARE(m_model->columnCount(), int(CommandModel::ColumnCount));
    QCOMPARE(m_model->headerData(CommandModel::OperatorColumn, Qt::Horizontal).toString(), QStringLiteral("Operator"));
}

QTEST_GUILESS_MAIN(TestCommandModel)
#include "tst_commandmodel.moc"
