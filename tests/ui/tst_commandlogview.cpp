#include "commandlogdelegate.h"
#include "commandlogfilterproxy.h"
#include "commandlogview.h"
#include "gateway/gatewaytestclient.h"
#include "model/commandlogmodel.h"
#include "net/connectionservice.h"
#include "services/commandrecorder.h"
#include "services/consoleservices.h"
#include "services/linkstatus.h"
#include "store/localstore.h"
#include "store/storeworker.h"
#include "support/consolefixture.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

#include <memory>

using Domain::CommandRecord;
using Domain::CommandState;
using Domain::CommandStatus;
using Domain::EndpointValue;

namespace {

const QString operatorName = QStringLiteral("tester");
const QString valve = QStringLiteral("T1.V101.open");
const QString setpoint = QStringLiteral("T2.H101.setpoint");

SimOptions plant()
{
    SimOptions o;
    o.port = 0;
    o.drones = 0;
    o.machines = 0;
    o.tiles = 2;
    o.rate = 20.0;
    return o;
}

// A command an earlier run logged, a day ago, by another operator.
CommandRecord earlier()
{
    CommandRecord c;
    c.commandId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.endpointId = QStringLiteral("T1.P101.running");
    c.requestedValue = true;
    c.operatorName = QStringLiteral("carol");
    c.status = CommandState::Queued;
    c.actualValue = false;
    c.issuedAt = QDateTime::currentDateTimeUtc().addDays(-1);
    return c;
}

struct Console : ConsoleFixture
{
    // The store is filled with an earlier run's commands before the view opens.
    explicit Console(const QString &storePath, bool withStore = true)
        : ConsoleFixture(plant(), {.token = {}, .operatorName = operatorName})
    {
        if (withStore) {
            QVERIFY2(store.open(storePath), qPrintable(store.lastError()));
            CommandRecord failed = earlier();
            QVERIFY(store.commandLog().append(failed));
            const QDateTime at = failed.issuedAt.addSecs(2);
            const QUuid failedKey = QUuid::fromString(failed.commandId);
            QVERIFY(store.commandLog().update(failedKey, {CommandState::Sent, at, EndpointValue(false), QString()}));
            QVERIFY(store.commandLog().update(
                failedKey,
                {CommandState::Failed, at.addSecs(3), EndpointValue(false), QStringLiteral("device not responding")}));
            failedId = failed.commandId;
            CommandRecord done = earlier();
            QVERIFY(store.commandLog().append(done));
            QVERIFY(
                store.commandLog().update(QUuid::fromString(done.commandId),
                                          {CommandState::Succeeded, done.issuedAt, EndpointValue(true), QString()}));
            store.close(); // the earlier run ends; this one opens the database on its own thread
            openStore(storePath);
        }
        openServices();
        view = std::make_unique<CommandLogView>(services->commandLog(), session.link());
        view->resize(1400, 700);
        view->show();
        watch({view->model(), view->proxy(), session.commands()});
        session.start();
    }

    bool finished(const QString &commandId) const
    {
        const int row = view->model()->rowOf(commandId);
        return row >= 0 && view->model()->index(row, 0).data(CommandLogModel::FinalRole).toBool();
    }

    LocalStore store;
    std::unique_ptr<CommandLogView> view;
    QString failedId;
};

QString sendAsBob(GatewayTestClient &bob, const QString &endpointId, const QJsonValue &value)
{
    const QString commandId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject result = bob.request({{QLatin1StringView("type"), QStringLiteral("command")},
                                            {QLatin1StringView("commandId"), commandId},
                                            {QLatin1StringView("endpointId"), endpointId},
                                            {QLatin1StringView("value"), value}});
    return result.value(u"ok").toBool() ? commandId : QString();
}

// Every listed row passes `check`, and there is at least one.
template<typename Check> bool everyRow(QAbstractItemModel *model, Check check)
{
    if (model->rowCount() == 0)
        return false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (!check(model->index(row, 0)))
            return false;
    }
    return true;
}

QStringList historyStatuses(QTreeWidget *tree)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out << tree->topLevelItem(i)->text(1);
    return out;
}

} // namespace

class TestCommandLogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void liveUpdateOfAnEarlierCommandUpdatesItsRow();
    void listsOwnAndOthersCommandsAndFilters();
    void withoutStoreSaysLiveOnly();
    void screenshots();

private:
    QTemporaryDir m_dir;
};

void TestCommandLogView::liveUpdateOfAnEarlierCommandUpdatesItsRow()
{
    const QString path = m_dir.filePath(QStringLiteral("merge.sqlite"));
    CommandRecord stored = earlier();
    {
        LocalStore earlierRun;
        QVERIFY(earlierRun.open(path));
        QVERIFY(earlierRun.commandLog().append(stored));
    }
    StoreWorker store;
    store.open(path);
    CommandModel live;
    CommandLogModel log(&live, CommandRecorder::readHistory(&store));
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(log.rowCount(), 1);
    QCOMPARE(log.earlierRunCount(), 1);
    const QString id = stored.commandId;
    QCOMPARE(log.rowOf(id), 0);
    QVERIFY(log.index(0, 0).data(CommandLogModel::EarlierRunRole).toBool());
    QCOMPARE(log.index(0, 0).data(CommandLogModel::StatusRole).toInt(), int(CommandState::Queued));

    // The server reports it finished: the same row, now succeeded, its
    // history continued; the id's spelling does not matter.
    CommandStatus done;
    done.commandId = id.toUpper();
    done.status = CommandState::Succeeded;
    done.actualValue = true;
    live.applyBatch({done});
    QCOMPARE(log.rowCount(), 1);
    const QModelIndex row = log.index(0, 0);
    QCOMPARE(row.data(CommandLogModel::StatusRole).toInt(), int(CommandState::Succeeded));
    QCOMPARE(row.data(CommandLogModel::ActualValueRole), QVariant(true));
    QCOMPARE(row.data(CommandLogModel::OperatorNameRole).toString(), QStringLiteral("carol"));
    QVERIFY(row.data(CommandLogModel::EarlierRunRole).toBool());
    const QVariantList history = row.data(CommandLogModel::HistoryRole).toList();
    QCOMPARE(int(history.size()), 2);
    QCOMPARE(history.at(0).toMap().value(QStringLiteral("status")).toInt(), int(CommandState::Queued));
    QCOMPARE(history.at(1).toMap().value(QStringLiteral("status")).toInt(), int(CommandState::Succeeded));
    QCOMPARE(row.data(CommandLogModel::LastChangeRole), history.at(1).toMap().value(QStringLiteral("at")));

    // A command of this run gets a row of its own, not marked.
    CommandStatus fresh;
    fresh.commandId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    fresh.status = CommandState::Sent;
    fresh.operatorName = operatorName;
    live.applyBatch({fresh});
    QCOMPARE(log.rowCount(), 2);
    QVERIFY(!log.index(1, 0).data(CommandLogModel::EarlierRunRole).toBool());
    QCOMPARE(log.index(1, CommandLogModel::StatusColumn).data().toInt(), int(CommandState::Sent));
    QCOMPARE(log.index(1, CommandLogModel::TimeColumn).data().toDateTime().timeSpec(), Qt::UTC);
    QVERIFY(!log.index(1, 0).data(CommandLogModel::FinalRole).toBool());
}

void TestCommandLogView::listsOwnAndOthersCommandsAndFilters()
{
    Console c(m_dir.filePath(QStringLiteral("view.sqlite")));
    CommandLogView *view = c.view.get();
    CommandLogModel *model = view->model();
    CommandLogFilterProxy *proxy = view->proxy();

    // The earlier run's commands are there from the start, marked.
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->earlierRunCount(), 2);
    QVERIFY(view->notice()->isHidden());
    const int failedRow = model->rowOf(c.failedId);
    QVERIFY(failedRow >= 0);
    QVERIFY(model->index(failedRow, 0).data(CommandLogModel::EarlierRunRole).toBool());
    QVERIFY(
        CommandLogDelegate::cellText(model->index(failedRow, CommandLogModel::TimeColumn)).contains(u"earlier run"));
    QCOMPARE(CommandLogDelegate::cellText(model->index(failedRow, CommandLogModel::ResultColumn)),
             QStringLiteral("device not responding"));
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("commandSummary"))->text().contains(u"earlier"));

    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    GatewayTestClient bob(c.server->url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    const QString mine = c.sendCommand(valve, true);
    QVERIFY(!mine.isEmpty());
    const QString bobs = sendAsBob(bob, setpoint, 42.5);
    QVERIFY(!bobs.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(c.finished(mine) && c.finished(bobs), 10000);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->index(model->rowOf(mine), 0).data(CommandLogModel::OperatorNameRole).toString(), operatorName);
    QCOMPARE(model->index(model->rowOf(bobs), 0).data(CommandLogModel::OperatorNameRole).toString(),
             QStringLiteral("bob"));
    QCOMPARE(model->index(model->rowOf(bobs), CommandLogModel::RequestedColumn).data(), QVariant(42.5));
    QVERIFY(!model->index(model->rowOf(bobs), 0).data(CommandLogModel::EarlierRunRole).toBool());
    QCOMPARE(CommandLogDelegate::cellText(model->index(model->rowOf(mine), CommandLogModel::StatusColumn)),
             CommandLogDelegate::statusText(CommandState::Succeeded));
    QCOMPARE(CommandLogDelegate::cellText(model->index(model->rowOf(mine), CommandLogModel::ActualColumn)),
             CommandLogDelegate::valueText(true));
    // Newest first.
    QCOMPARE(proxy->rowCount(), 4);
    for (int r = 1; r < proxy->rowCount(); ++r)
        QVERIFY(proxy->index(r - 1, 0).data(CommandLogModel::IssuedAtRole).toDateTime()
                >= proxy->index(r, 0).data(CommandLogModel::IssuedAtRole).toDateTime());

    // Status.
    view->statusFilter()->setCurrentIndex(CommandLogView::UnsuccessfulStatuses);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(CommandLogModel::CommandIdRole).toString(), c.failedId);
    view->statusFilter()->setCurrentIndex(CommandLogView::SucceededStatus);
    QCOMPARE(proxy->rowCount(), 3);
    QVERIFY(everyRow(proxy, [](const QModelIndex &i) {
        return i.data(CommandLogModel::StatusRole).toInt() == int(CommandState::Succeeded);
    }));
    view->statusFilter()->setCurrentIndex(CommandLogView::PendingStatuses);
    QCOMPARE(proxy->rowCount(), 0);
    view->statusFilter()->setCurrentIndex(CommandLogView::AllStatuses);

    // Operator: mine, then bob by name.
    view->operatorFilter()->setCurrentIndex(CommandLogView::MyCommands);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(CommandLogModel::CommandIdRole).toString(), mine);
    QVERIFY(view->filterByOperator(QStringLiteral("bob")));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(CommandLogModel::CommandIdRole).toString(), bobs);
    QVERIFY(view->filterByOperator(QStringLiteral("carol")));
    QCOMPARE(proxy->rowCount(), 2);
    QVERIFY(!view->filterByOperator(QStringLiteral("nobody")));
    view->operatorFilter()->setCurrentIndex(CommandLogView::AllOperators);
    QCOMPARE(proxy->rowCount(), 4);

    // Endpoint and free text.
    QTest::keyClicks(view->endpointBox(), QStringLiteral("h101"));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(CommandLogModel::EndpointIdRole).toString(), setpoint);
    // The endpoint named as every command text names it, and found by that name too.
    QCOMPARE(CommandLogDelegate::cellText(proxy->index(0, CommandLogModel::EndpointColumn)),
             QStringLiteral("Hot liquor tank 2 \u203A Heater H-101 \u203A Setpoint"));
    view->endpointBox()->clear();
    view->endpointBox()->setText(QStringLiteral("tank 2 \u203A Heater"));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(CommandLogModel::EndpointIdRole).toString(), setpoint);
    view->endpointBox()->clear();
    view->searchBox()->setText(QStringLiteral("not responding"));
    QCOMPARE(proxy->rowCount(), 1);
    view->searchBox()->setText(mine.left(8));
    QCOMPARE(proxy->rowCount(), 1);
    view->searchBox()->setText(QStringLiteral("nothing-like-this"));
    QCOMPARE(proxy->rowCount(), 0);
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("commandSummary"))->text().startsWith(u'0'));
    view->searchBox()->clear();
    QCOMPARE(proxy->rowCount(), 4);

    // The detail: every status of the command, in order, and what it did.
    QVERIFY(view->selectCommand(mine));
    QCOMPARE(view->selectedCommandId(), mine);
    QVERIFY(view->detailTitle()->text().contains(mine));
    QVERIFY(view->detailFigures()->text().contains(operatorName));
    QVERIFY(view->detailFigures()->text().contains(valve));
    const QStringList statuses = historyStatuses(view->historyTree());
    QVERIFY(statuses.size() >= 3);
    QCOMPARE(statuses.last(), CommandLogDelegate::statusText(CommandState::Succeeded));
    QVERIFY(!view->historyTree()->topLevelItem(0)->text(0).isEmpty());

    QVERIFY(view->selectCommand(c.failedId));
    QCOMPARE(historyStatuses(view->historyTree()),
             (QStringList {CommandLogDelegate::statusText(CommandState::Queued),
                           CommandLogDelegate::statusText(CommandState::Sent),
                           CommandLogDelegate::statusText(CommandState::Failed)}));
    QCOMPARE(view->historyTree()->topLevelItem(2)->text(3), QStringLiteral("device not responding"));
    QVERIFY(view->detailFigures()->text().contains(u"carol"));

    // Keyboard: the table takes the focus and moves the selection.
    view->table()->setFocus();
    QTest::keyClick(view->table(), Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(view->table(), Qt::Key_Down);
    QCOMPARE(view->selectedCommandId(), proxy->index(1, 0).data(CommandLogModel::CommandIdRole).toString());

    // Everything listed reached the store too.
    for (const QString &id : {mine, bobs})
        QVERIFY(c.session.store()->callAndWait<bool>(
            [id](LocalStore &store) { return store.commandLog().find(QUuid::fromString(id)).has_value(); }));
}

void TestCommandLogView::withoutStoreSaysLiveOnly()
{
    Console c({}, false);
    QVERIFY(!c.view->notice()->isHidden());
    QVERIFY(!c.view->notice()->text().isEmpty());
    QVERIFY(!c.view->model()->hasStore());
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    const QString mine = c.sendCommand(valve, true);
    QVERIFY(!mine.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(c.finished(mine), 10000);
    QCOMPARE(c.view->model()->rowCount(), 1);
}

// Saves the view in both themes to $WATCHFLOOR_SCREENSHOT_DIR (a scratch folder when unset).
void TestCommandLogView::screenshots()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    QVERIFY(QDir().mkpath(dir));
    Console c(m_dir.filePath(QStringLiteral("shots.sqlite")));
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    GatewayTestClient bob(c.server->url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    const QString mine = c.sendCommand(valve, true);
    QVERIFY(!mine.isEmpty());
    QVERIFY(!sendAsBob(bob, setpoint, 42.5).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(c.finished(mine), 10000);
    // Likely still under way when drawn.
    const QString mode = c.sendCommand(QStringLiteral("T2.H101.mode"), QStringLiteral("manual"));
    QTRY_VERIFY(mode.isEmpty() || c.view->model()->rowOf(mode) >= 0);
    QVERIFY(c.view->selectCommand(c.failedId));
    QVERIFY(QTest::qWaitForWindowExposed(c.view.get()));
    // Laid out again for the detail's lines before it is drawn.
    QLabel *figures = c.view->detailFigures();
    QTRY_VERIFY(figures->height() >= figures->fontMetrics().height() * 4);

    QImage light = c.view->grab().toImage();
    QVERIFY2(light.pixelColor(3, 3).lightness() > 150, qPrintable(light.pixelColor(3, 3).name()));
    QVERIFY(light.save(QDir(dir).filePath(QStringLiteral("command-log-view.png"))));
    Theme::apply(ThemeMode::Dark);
    // The new palette reaches the widgets through posted events.
    QTRY_VERIFY(c.view->palette().color(QPalette::Window).lightness() < 110);
    const QImage dark = c.view->grab().toImage();
    QVERIFY2(dark.pixelColor(3, 3).lightness() < 110, qPrintable(dark.pixelColor(3, 3).name()));
    QVERIFY(dark.save(QDir(dir).filePath(QStringLiteral("command-log-view-dark.png"))));
    Theme::apply(ThemeMode::Light);
    QTRY_VERIFY(c.view->palette().color(QPalette::Window).lightness() > 150);
}

QTEST_MAIN(TestCommandLogView)
#include "tst_commandlogview.moc"
