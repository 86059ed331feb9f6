#include "core/net/faultproxy.h"
#include "gateway/gatewaytestclient.h"
#include "model/commandlogmodel.h"
#include "net/connectionservice.h"
#include "services/commandrecorder.h"
#include "simhost.h"
#include "store/localstore.h"
#include "store/storeworker.h"
#include "support/consolefixture.h"
#include "support/logcapture.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using Domain::CommandRecord;
using Domain::CommandState;
using Domain::CommandStatus;
using Domain::EndpointValue;

namespace {

const QString valve = QStringLiteral("T1.V101.open");
const QString setpoint = QStringLiteral("T2.H101.setpoint");

SimOptions plant(double failureRate = 0.0)
{
    SimOptions o;
    o.port = 0;
    o.drones = 0;
    o.machines = 0;
    o.tiles = 2;
    o.rate = 20.0;
    o.commandFailureRate = failureRate;
    return o;
}

// One console: its store, its session and the recorder between them.
struct Console : ConsoleFixture
{
    Console(const QString &url, const QString &storePath)
        : ConsoleFixture(url, {.token = {}, .operatorName = QStringLiteral("tester")})
    {
        openStore(storePath);
        watch({session.commands()});
        recorder = std::make_unique<CommandRecorder>(session.commands(), session.store());
    }

    bool finished(const QString &commandId)
    {
        const int row = session.commands()->rowOf(commandId);
        return row >= 0 && session.commands()->index(row, 0).data(CommandModel::FinalRole).toBool();
    }

    QStringList modelHistory(const QString &commandId)
    {
        QStringList names;
        const int row = session.commands()->rowOf(commandId);
        if (row < 0)
            return names;
        for (const QVariant &change : session.commands()->index(row, 0).data(CommandModel::HistoryRole).toList())
            names << Domain::wordOf(Domain::kCommandStates,
                                    CommandState(change.toMap().value(QStringLiteral("status")).toInt()));
        return names;
    }

    StoreWorker *store() { return session.store(); }

    std::unique_ptr<CommandRecorder> recorder;
};

// The command as the store has it, read on its thread after every write posted so far.
std::optional<CommandRecord> storedCommand(StoreWorker *store, const QUuid &id)
{
    return store->callAndWait<std::optional<CommandRecord>>([id](LocalStore &s) { return s.commandLog().find(id); });
}

int storedCount(StoreWorker *store)
{
    return store->callAndWait<int>([](LocalStore &s) {
        const auto all = s.commandLog().newest(1000);
        return all ? int(all->size()) : -1;
    });
}

QStringList storedHistory(StoreWorker *store, const QString &commandId)
{
    QStringList names;
    const std::optional<CommandRecord> c = storedCommand(store, QUuid::fromString(commandId));
    if (c) {
        for (const Domain::CommandStep &change : c->history)
            names << Domain::wordOf(Domain::kCommandStates, change.status);
    }
    return names;
}

// A second operator at another console, speaking the protocol directly.
QString sendAsBob(GatewayTestClient &bob, const QString &endpointId, const QJsonValue &value)
{
    const QString commandId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject result = bob.request({{QLatin1StringView("type"), QStringLiteral("command")},
                                            {QLatin1StringView("commandId"), commandId},
                                            {QLatin1StringView("endpointId"), endpointId},
                                            {QLatin1StringView("value"), value}});
    return result.value(u"ok").toBool() ? commandId : QString();
}

CommandStatus status(const QString &commandId, CommandState state)
{
    CommandStatus s;
    s.commandId = commandId;
    s.status = state;
    s.endpointId = valve;
    s.requestedValue = true;
    s.operatorName = QStringLiteral("carol");
    return s;
}

} // namespace

class TestCommandRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStatusIsLoggedOnceInOrder();
    void ownAndOtherOperatorsCommandsAreLogged();
    void failedCommandsKeepTheirError();
    void reconnectAndNextRunDuplicateNothing();
    void fullDiskIsReportedOnceAndLosesNothing();
    void nullStoreRecordsNothing();
    void a17_memoryFollowsTheModelsRows();

private:
    QTemporaryDir m_dir;
};

// Without a server: the model's own rules (repeats, snapshots, late
// duplicates) against what reaches the store.
void TestCommandRecorder::everyStatusIsLoggedOnceInOrder()
{
    StoreWorker store;
    store.open(m_dir.filePath(QStringLiteral("unit.sqlite")));
    CommandModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CommandRecorder recorder(&model, &store);
    QSignalSpy failed(&recorder, &CommandRecorder::storeFailed);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString plainId = QStringLiteral("42"); // a `plain` server's number

    model.applyBatch({status(id, CommandState::Queued), status(plainId, CommandState::Queued)});
    model.applyBatch({status(id, CommandState::Sent), status(id, CommandState::Sent)}); // a repeat is no change
    model.reconcile({status(id, CommandState::Sent), status(plainId, CommandState::Queued)}); // snapshot: known
    CommandStatus done = status(id, CommandState::Succeeded);
    done.actualValue = true;
    model.applyBatch({status(id, CommandState::Acked), done});
    model.applyBatch({status(id, CommandState::Acked)}); // late duplicate: ignored
    model.reconcile({done});

    QTRY_COMPARE(recorder.writes(), 5); // 4 for the first command, 1 for the second
    QVERIFY(failed.isEmpty());
    const std::optional<CommandRecord> c = storedCommand(&store, QUuid::fromString(id));
    QVERIFY(c);
    QCOMPARE(storedHistory(&store, id),
             (QStringList {QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("acked"),
                           QStringLiteral("succeeded")}));
    QCOMPARE(c->status, CommandState::Succeeded);
    QCOMPARE(c->actualValue, EndpointValue(true));
    QCOMPARE(c->requestedValue, EndpointValue(true));
    QCOMPARE(c->operatorName, QStringLiteral("carol"));
    QCOMPARE(c->endpointId, valve);
    // A command id that is not a UUID is logged under a stable name-based one.
    const std::optional<CommandRecord> plain = storedCommand(&store, CommandLogModel::storeId(plainId));
    QVERIFY(plain);
    QCOMPARE(int(plain->history.size()), 1);
    QCOMPARE(CommandLogModel::storeId(plainId), CommandLogModel::storeId(plainId));
    QCOMPARE(storedCount(&store), 2);
}

void TestCommandRecorder::ownAndOtherOperatorsCommandsAreLogged()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Console c(sim.url(), m_dir.filePath(QStringLiteral("both.sqlite")));
    QSignalSpy failed(c.recorder.get(), &CommandRecorder::storeFailed);
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);

    GatewayTestClient bob(sim.url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    const QString mine = c.sendCommand(valve, true);
    QVERIFY(!mine.isEmpty());
    const QString bobs = sendAsBob(bob, setpoint, 40.0);
    QVERIFY(!bobs.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(c.finished(mine) && c.finished(bobs), 10000);

    QVERIFY(failed.isEmpty());
    for (const QString &id : {mine, bobs}) {
        QCOMPARE(storedHistory(c.store(), id), c.modelHistory(id));
        QVERIFY(c.modelHistory(id).size() >= 3);
        QCOMPARE(c.modelHistory(id).last(), QStringLiteral("succeeded"));
    }
    const std::optional<CommandRecord> own = storedCommand(c.store(), QUuid::fromString(mine));
    QVERIFY(own);
    QCOMPARE(own->operatorName, QStringLiteral("tester"));
    QCOMPARE(own->endpointId, valve);
    QCOMPARE(own->requestedValue, EndpointValue(true));
    QCOMPARE(own->actualValue, EndpointValue(true)); // the valve opened
    QVERIFY(own->error.isEmpty());
    const std::optional<CommandRecord> other = storedCommand(c.store(), QUuid::fromString(bobs));
    QVERIFY(other);
    QCOMPARE(other->operatorName, QStringLiteral("bob"));
    QCOMPARE(other->endpointId, setpoint);
    QCOMPARE(other->requestedValue, EndpointValue(40.0));
    QCOMPARE(other->actualValue, EndpointValue(40.0));
    // Times in order, the last one the command's last change.
    for (qsizetype i = 1; i < other->history.size(); ++i)
        QVERIFY(other->history.at(i - 1).at <= other->history.at(i).at);
    QCOMPARE(other->lastChange, other->history.constLast().at);
}

void TestCommandRecorder::failedCommandsKeepTheirError()
{
    SimHost sim(plant(1.0)); // every device fails
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Console c(sim.url(), m_dir.filePath(QStringLiteral("failed.sqlite")));
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    const QString id = c.sendCommand(valve, true);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(c.finished(id), 10000);
    const std::optional<CommandRecord> stored = storedCommand(c.store(), QUuid::fromString(id));
    QVERIFY(stored);
    QCOMPARE(stored->status, CommandState::Failed);
    QVERIFY(!stored->error.isEmpty());
    QCOMPARE(stored->error,
             c.session.commands()->index(c.session.commands()->rowOf(id), 0).data(CommandModel::ErrorRole).toString());
    QCOMPARE(stored->history.constLast().error, stored->error);
    QVERIFY(stored->history.constFirst().error.isEmpty()); // the error belongs to the end
    QCOMPARE(storedHistory(c.store(), id), c.modelHistory(id));
}

void TestCommandRecorder::reconnectAndNextRunDuplicateNothing()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    FaultProxy proxy(sim.port());
    const QString path = m_dir.filePath(QStringLiteral("rerun.sqlite"));
    QString first;
    QString second;
    QStringList firstHistory;
    {
        Console c(sim.url(), path);
        c.session.setSettings(
            ConsoleFixture::settingsFor(proxy.url(), {.token = {}, .operatorName = QStringLiteral("tester")}));
        QSignalSpy live(&c.session, &Session::liveDataArrived);
        c.session.start();
        QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
        first = c.sendCommand(valve, true);
        QVERIFY(!first.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(c.finished(first), 10000);
        firstHistory = storedHistory(c.store(), first);
        QCOMPARE(firstHistory, c.modelHistory(first));

        // The link drops and comes back: whatever is replayed or listed again
        // adds nothing to the log.
        const qsizetype before = live.size();
        proxy.dropAll();
        QTRY_VERIFY_WITH_TIMEOUT(live.size() > before && c.session.hasLiveData(), 10000);
        second = c.sendCommand(valve, false);
        QVERIFY(!second.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(c.finished(second), 10000);
        QCOMPARE(storedHistory(c.store(), first), firstHistory);
        QCOMPARE(storedHistory(c.store(), second), c.modelHistory(second));
        QVERIFY(c.recorder->lastError().isEmpty());
        c.session.stop();
    }

    // The next run: the store reopened holds both with every status.
    {
        StoreWorker store;
        store.open(path);
        const std::optional<QList<CommandRecord>> all = store.callAndWait<std::optional<QList<CommandRecord>>>(
            [](LocalStore &s) { return s.commandLog().newest(100); });
        QVERIFY(all);
        QCOMPARE(int(all->size()), 2);
        QCOMPARE(QUuid::fromString(all->at(0).commandId), QUuid::fromString(second)); // newest first
        QCOMPARE(storedHistory(&store, first), firstHistory);
        QCOMPARE(all->at(1).actualValue, EndpointValue(true));

        // Statuses of a command logged by the earlier run continue its entry.
        CommandModel model;
        CommandRecorder recorder(&model, &store);
        QSignalSpy failed(&recorder, &CommandRecorder::storeFailed);
        CommandStatus again = status(first, CommandState::Succeeded);
        model.reconcile({again});
        QCOMPARE(storedHistory(&store, first), firstHistory);
        QCoreApplication::processEvents(); // the answer, had a write failed
        QVERIFY(failed.isEmpty());
        QCOMPARE(storedCount(&store), 2);
    }
}

void TestCommandRecorder::fullDiskIsReportedOnceAndLosesNothing()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Console c(sim.url(), m_dir.filePath(QStringLiteral("full.sqlite")));
    // The database may not grow, and what room it had is filled with
    // commands a little smaller than the real ones, until many in a row fail:
    // no page has room left for a real one.
    const QString full = c.store()->callAndWait<QString>([](LocalStore &store) {
        if (!store.database().setMaximumSize(QFileInfo(store.path()).size()))
            return QStringLiteral("no limit set");
        int failuresInARow = 0;
        for (int i = 0; i < 100000 && failuresInARow < 50; ++i) {
            CommandRecord filler;
            filler.commandId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            filler.endpointId = QStringLiteral("x");
            filler.requestedValue = true;
            filler.status = CommandState::Queued;
            filler.issuedAt = QDateTime::currentDateTimeUtc().addDays(-30);
            failuresInARow = store.commandLog().append(filler) ? 0 : failuresInARow + 1;
        }
        return store.lastError();
    });
    QVERIFY(!full.isEmpty());
    QSignalSpy failed(c.recorder.get(), &CommandRecorder::storeFailed);
    const LogCapture log(QStringLiteral("watchfloor.store"));
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    const QString first = c.sendCommand(valve, true);
    const QString second = c.sendCommand(setpoint, 55.5);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(c.finished(first) && c.finished(second), 10000);

    QTRY_VERIFY(!failed.isEmpty());
    c.store()->waitForIdle();
    QCoreApplication::processEvents(); // every answer in
    QCOMPARE(failed.size(), 1);
    QVERIFY(!failed.first().at(0).toString().isEmpty());
    QVERIFY(!c.recorder->lastError().isEmpty());
    // Logged too, once, with the reason.
    QCOMPARE(log.count(QStringLiteral("The command log cannot be written")), 1);
    QCOMPARE(log.count(failed.first().at(0).toString()), 1);
    // On screen, nothing is missing.
    for (const QString &id : {first, second}) {
        QVERIFY(c.modelHistory(id).size() >= 3);
        QCOMPARE(c.modelHistory(id).last(), QStringLiteral("succeeded"));
    }
}

void TestCommandRecorder::nullStoreRecordsNothing()
{
    CommandModel model;
    CommandRecorder recorder(&model, nullptr);
    QSignalSpy failed(&recorder, &CommandRecorder::storeFailed);
    model.applyBatch({status(QUuid::createUuid().toString(QUuid::WithoutBraces), CommandState::Queued)});
    QVERIFY(failed.isEmpty());
    QCOMPARE(recorder.writes(), 0);
    QVERIFY(recorder.lastError().isEmpty());
}

void TestCommandRecorder::a17_memoryFollowsTheModelsRows()
{
    // A plant-wide stream of commands: what the recorder keeps in memory is
    // bounded by the model's rows, not by every command ever seen.
    StoreWorker store;
    store.open(m_dir.filePath(QStringLiteral("bounded.sqlite")));
    CommandModel model;
    model.setMaxRows(50);
    CommandRecorder recorder(&model, &store);
    QSignalSpy failed(&recorder, &CommandRecorder::storeFailed);
    QStringList ids;
    for (int i = 0; i < 500; ++i) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        ids.append(id);
        model.applyBatch({status(id, CommandState::Queued)});
        model.applyBatch({status(id, CommandState::Succeeded)});
    }
    QCOMPARE(model.rowCount(), 50);
    QVERIFY2(recorder.tracked() <= 50, qPrintable(QString::number(recorder.tracked())));
    // Every change reached the store, even of commands the model dropped
    // before the store's thread answered.
    QTRY_COMPARE(recorder.writes(), 1000);
    QVERIFY(failed.isEmpty());
    // A forgotten command listed again goes on with its entry in the store:
    // nothing is logged twice.
    model.reconcile({status(ids.first(), CommandState::Succeeded)});
    QCOMPARE(storedHistory(&store, ids.first()), (QStringList {QStringLiteral("queued"), QStringLiteral("succeeded")}));
    QCoreApplication::processEvents();
    QCOMPARE(recorder.writes(), 1000);
}

QTEST_GUILESS_MAIN(TestCommandRecorder)
#include "tst_commandrecorder.moc"
