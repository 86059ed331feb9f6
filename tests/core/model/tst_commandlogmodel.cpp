#include "model/commandlogmodel.h"
#include "model/commandmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using Domain::CommandState;
using Domain::CommandStatus;

namespace {

CommandStatus status(const QString &id, CommandState state, const QString &endpointId = {})
{
    CommandStatus c;
    c.commandId = id;
    c.endpointId = endpointId;
    c.status = state;
    return c;
}

// A command of an earlier run as the store gives it back.
Domain::CommandRecord stored(const QString &id, CommandState state, qint64 secondsAgo)
{
    Domain::CommandRecord e;
    e.commandId = id;
    e.endpointId = QStringLiteral("T1.V101.open");
    e.operatorName = QStringLiteral("bob");
    e.requestedValue = true;
    e.status = state;
    e.issuedAt = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    e.lastChange = e.issuedAt.addSecs(2);
    e.history = {{CommandState::Queued, e.issuedAt, {}, {}}, {state, e.lastChange, {}, {}}};
    return e;
}

int statusAt(const CommandLogModel &log, int row)
{
    return log.index(row, 0).data(CommandLogModel::StatusRole).toInt();
}

} // namespace

// The command log: the stored commands of earlier runs and this run's live
// commands, one row per command, however the two meet.
class TestCommandLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveCommandsOnly();
    void earlierRunsComeFirstAndAreMarked();
    void aLiveUpdateOfAStoredCommandUpdatesItsRow();
    void rowsOutliveTheLiveModel();
    void plainIdsGetAStableStoreKey();
    void aStoreThatCouldNotBeReadSaysWhy();
    void ageingIsNotAChange();
};

void TestCommandLogModel::liveCommandsOnly()
{
    CommandModel live;
    live.applyBatch({status(QStringLiteral("c1"), CommandState::Queued, QStringLiteral("T1.P101.run"))});
    CommandLogModel log(&live, {});
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(!log.hasStore());
    QCOMPARE(log.rowCount(), 1); // what the live model held before the log opened
    QCOMPARE(log.columnCount(), int(CommandLogModel::ColumnCount));

    live.applyBatch({status(QStringLiteral("c2"), CommandState::Sent, QStringLiteral("T1.V101.open")),
                     status(QStringLiteral("c1"), CommandState::Succeeded)});
    QCOMPARE(log.rowCount(), 2);
    const int c1 = log.rowOf(QStringLiteral("c1"));
    QCOMPARE(statusAt(log, c1), int(CommandState::Succeeded));
    QVERIFY(log.index(c1, 0).data(CommandLogModel::FinalRole).toBool());
    QCOMPARE(log.index(c1, 0).data(CommandLogModel::EndpointIdRole).toString(), QStringLiteral("T1.P101.run"));
    const QVariantList history = log.index(c1, 0).data(CommandLogModel::HistoryRole).toList();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).toMap().value(QStringLiteral("status")).toInt(), int(CommandState::Queued));
    QVERIFY(!log.index(c1, 0).data(CommandLogModel::EarlierRunRole).toBool());
    QVERIFY(!log.index(log.rowOf(QStringLiteral("c2")), 0).data(CommandLogModel::FinalRole).toBool());
}

void TestCommandLogModel::earlierRunsComeFirstAndAreMarked()
{
    CommandLogModel::History earlier;
    earlier.hasStore = true;
    earlier.entries = QList<Domain::CommandRecord> {
        stored(QUuid::createUuid().toString(QUuid::WithoutBraces), CommandState::Failed, 3600),
        stored(QUuid::createUuid().toString(QUuid::WithoutBraces), CommandState::Succeeded, 7200)};
    CommandModel live;
    CommandLogModel log(&live, earlier);
    QVERIFY(log.hasStore());
    QVERIFY(log.loadError().isEmpty());
    QCOMPARE(log.rowCount(), 2);
    QCOMPARE(log.earlierRunCount(), 2);
    QVERIFY(log.index(0, 0).data(CommandLogModel::EarlierRunRole).toBool());
    QCOMPARE(statusAt(log, 0), int(CommandState::Failed));
    QCOMPARE(log.index(0, CommandLogModel::OperatorColumn).data().toString(), QStringLiteral("bob"));
    QCOMPARE(log.index(0, 0).data(CommandLogModel::HistoryRole).toList().size(), 2);
}

void TestCommandLogModel::aLiveUpdateOfAStoredCommandUpdatesItsRow()
{
    // A command issued moments ago, stored, and still under way when the
    // console restarted: the server's next status belongs to the same row.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    CommandLogModel::History earlier;
    earlier.hasStore = true;
    earlier.entries = QList<Domain::CommandRecord> {stored(id, CommandState::Sent, 5)};
    CommandModel live;
    CommandLogModel log(&live, earlier);
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&log, &QAbstractItemModel::dataChanged);

    CommandStatus done = status(id, CommandState::Failed);
    done.error = QStringLiteral("device not responding");
    live.applyBatch({done});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(log.rowCount(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(statusAt(log, 0), int(CommandState::Failed));
    QCOMPARE(log.index(0, CommandLogModel::ResultColumn).data().toString(), QStringLiteral("device not responding"));
    QCOMPARE(log.index(0, 0).data(CommandLogModel::EndpointIdRole).toString(), QStringLiteral("T1.V101.open"));
    const QVariantList history = log.index(0, 0).data(CommandLogModel::HistoryRole).toList();
    QCOMPARE(history.size(), 3); // queued, sent (stored), failed (live)
    QCOMPARE(history.last().toMap().value(QStringLiteral("status")).toInt(), int(CommandState::Failed));

    // A late duplicate of an earlier, unfinished status changes nothing.
    changed.clear();
    live.applyBatch({status(id, CommandState::Sent)});
    QCOMPARE(statusAt(log, 0), int(CommandState::Failed));
    QCOMPARE(log.index(0, 0).data(CommandLogModel::HistoryRole).toList().size(), 3);
}

void TestCommandLogModel::rowsOutliveTheLiveModel()
{
    CommandModel live;
    live.setMaxRows(2);
    CommandLogModel log(&live, {});
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int i = 0; i < 5; ++i)
        live.applyBatch({status(QStringLiteral("c%1").arg(i), CommandState::Succeeded, QStringLiteral("E"))});
    QCOMPARE(live.rowCount(), 2);
    QCOMPARE(log.rowCount(), 5);
    for (int i = 0; i < 5; ++i)
        QVERIFY(log.rowOf(QStringLiteral("c%1").arg(i)) >= 0);
}

void TestCommandLogModel::plainIdsGetAStableStoreKey()
{
    const QUuid key = CommandLogModel::storeId(QStringLiteral("12"));
    QVERIFY(!key.isNull());
    QCOMPARE(CommandLogModel::storeId(QStringLiteral("12")), key);
    QVERIFY(CommandLogModel::storeId(QStringLiteral("13")) != key);
    const QUuid uuid = QUuid::createUuid();
    QCOMPARE(CommandLogModel::storeId(uuid.toString(QUuid::WithoutBraces)), uuid);

    // A `plain` server's numeric id, stored last run, meets its live status.
    CommandLogModel::History earlier;
    earlier.hasStore = true;
    earlier.entries = QList<Domain::CommandRecord> {stored(QStringLiteral("12"), CommandState::Sent, 5)};
    CommandModel live;
    CommandLogModel log(&live, earlier);
    live.applyBatch({status(QStringLiteral("12"), CommandState::Succeeded)});
    QCOMPARE(log.rowCount(), 1);
    QCOMPARE(statusAt(log, 0), int(CommandState::Succeeded));
}

void TestCommandLogModel::aStoreThatCouldNotBeReadSaysWhy()
{
    CommandLogModel::History earlier;
    earlier.hasStore = true;
    earlier.error = QStringLiteral("database disk image is malformed");
    CommandModel live;
    CommandLogModel log(&live, earlier);
    QVERIFY(log.hasStore());
    QCOMPARE(log.loadError(), QStringLiteral("database disk image is malformed"));
    QCOMPARE(log.rowCount(), 0);
    live.applyBatch({status(QStringLiteral("c1"), CommandState::Queued, QStringLiteral("E"))});
    QCOMPARE(log.rowCount(), 1); // this run's commands still show
}

void TestCommandLogModel::ageingIsNotAChange()
{
    CommandModel live;
    qint64 clock = 0;
    live.setClock([&clock] { return clock; });
    live.applyBatch({status(QStringLiteral("c1"), CommandState::Sent, QStringLiteral("E"))});
    CommandLogModel log(&live, {});
    QSignalSpy changed(&log, &QAbstractItemModel::dataChanged);
    live.setLinkLive(false); // the live row goes stale
    QVERIFY(live.isStale(0));
    QCOMPARE(changed.size(), 0);
}

QTEST_GUILESS_MAIN(TestCommandLogModel)
#include "tst_commandlogmodel.moc"
