#include "machinedelegate.h"
#include "machinefilterproxy.h"
#include "machinesview.h"
#include "services/linkstatus.h"
#include "stalebanner.h"
#include "support/consolefixture.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QRegularExpression>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using Domain::MachineState;

namespace {

SimOptions plant()
{
    SimOptions o;
    o.port = 0;
    o.drones = 0;
    o.machines = 12;
    o.tiles = 0;
    o.rate = 20.0; // a breakdown every three seconds
    o.scenarios = {QStringLiteral("machine-breakdown")};
    return o;
}

// A console showing the machines view, connected to a plant whose machines break down.
struct Console : ConsoleFixture
{
    Console()
        : ConsoleFixture(plant(), {.token = {}, .operatorName = QStringLiteral("tester")})
    {
        view = std::make_unique<MachinesView>(session.machines());
        view->resize(1280, 800);
        view->show();
        watch({view->machineProxy(), session.machines()});
        session.start();
    }

    std::unique_ptr<MachinesView> view;
};

// A machine with an open ticket, or empty.
QString machineWithTicket(MachineModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(MachineModel::OpenTicketCountRole).toInt() > 0)
            return model->keyAt(row);
    }
    return {};
}

} // namespace

class TestMachinesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void rowsEqualTheModel();
    void filtersNarrowTheRows();
    void selectionFillsTheDetailPane();
    void ticketsShowInTheDetailPane();
    void stoppedServerGreysTheRows();
    void a15_staleRowsAndBannerShowAgesOnTheConsoleClock();
    void screenshot();
};

void TestMachinesView::rowsEqualTheModel()
{
    Console console;
    MachineFilterProxy *proxy = console.view->machineProxy();
    MachineModel *model = console.session.machines();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 12, 10000);
    QCOMPARE(proxy->rowCount(), model->rowCount());
    QSet<QString> ids;
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids.insert(proxy->machineIdAt(row));
    QCOMPARE(ids.size(), 12);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(ids.contains(model->keyAt(row)));
    // Sorted by id by default.
    for (int row = 1; row < proxy->rowCount(); ++row)
        QVERIFY(proxy->machineIdAt(row - 1) < proxy->machineIdAt(row));
    QVERIFY(console.view->findChild<QLabel *>(QStringLiteral("machineSummary"))->text().contains(u"12"));
}

void TestMachinesView::filtersNarrowTheRows()
{
    Console console;
    MachinesView *view = console.view.get();
    MachineFilterProxy *proxy = view->machineProxy();
    MachineModel *model = console.session.machines();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 12, 10000);

    // Status: the most common status, exactly its machines.
    int common = 0;
    for (int s = 1; s < 4; ++s) {
        if (model->countByStatus(MachineState(s)) > model->countByStatus(MachineState(common)))
            common = s;
    }
    view->statusFilter()->setCurrentIndex(view->statusFilter()->findData(common));
    QCOMPARE(proxy->rowCount(), model->countByStatus(MachineState(common)));
    for (int row = 0; row < proxy->rowCount(); ++row)
        QCOMPARE(proxy->index(row, 0).data(MachineModel::StatusRole).toInt(), common);
    view->statusFilter()->setCurrentIndex(0);
    QCOMPARE(proxy->rowCount(), 12);

    // Line: the lines are offered, and each narrows to its machines.
    QTRY_VERIFY(view->lineFilter()->count() >= 3); // all, and at least two lines
    const QString line = view->lineFilter()->itemData(1).toString();
    int onLine = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        onLine += model->machineAt(row).line == line ? 1 : 0;
    view->lineFilter()->setCurrentIndex(1);
    QCOMPARE(proxy->rowCount(), onLine);
    QVERIFY(onLine > 0 && onLine < 12);
    for (int row = 0; row < proxy->rowCount(); ++row)
        QCOMPARE(proxy->index(row, 0).data(MachineModel::LineRole).toString(), line);
    view->lineFilter()->setCurrentIndex(0);

    // Search: one machine's id, in lower case, finds that machine alone.
    const QString id = model->keyAt(5);
    QTest::keyClicks(view->searchBox(), id.toLower());
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->machineIdAt(0), id);
    view->searchBox()->setText(QStringLiteral("no such machine"));
    QCOMPARE(proxy->rowCount(), 0);
    view->searchBox()->clear();
    QCOMPARE(proxy->rowCount(), 12);
}

void TestMachinesView::selectionFillsTheDetailPane()
{
    Console console;
    MachinesView *view = console.view.get();
    MachineModel *model = console.session.machines();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 12, 10000);
    QCOMPARE(view->utilizationSeries()->count(), 0);

    const QString id = model->keyAt(3);
    const Domain::MachineStatus machine = model->machineAt(3);
    QVERIFY(view->selectMachine(id));
    QCOMPARE(view->selectedMachineId(), id);
    const QString title = view->findChild<QLabel *>(QStringLiteral("machineDetailTitle"))->text();
    QVERIFY2(title.contains(id), qPrintable(title));
    if (!machine.name.isEmpty())
        QVERIFY(title.contains(machine.name));
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("machineDetailLine"))->text().contains(machine.line));
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("machineDetailStatus"))->text(),
             MachineDelegate::statusText(MachineState(model->index(3, 0).data(MachineModel::StatusRole).toInt())));

    // The chart holds the machine's history and gains its new samples.
    const qsizetype samples = model->history().sampleCount(id, MachineModel::UtilizationRole);
    QVERIFY(samples > 0);
    QCOMPARE(view->utilizationSeries()->count(), int(samples));
    const int before = view->utilizationSeries()->count();
    QTRY_VERIFY_WITH_TIMEOUT(view->utilizationSeries()->count() > before, 10000);
    const QList<MetricHistory::Sample> history = model->history().series(id, MachineModel::UtilizationRole);
    const QPointF last = view->utilizationSeries()->at(view->utilizationSeries()->count() - 1);
    bool found = false;
    for (const MetricHistory::Sample &sample : history)
        found = found || (qint64(last.x()) == sample.timeMs && qFuzzyCompare(float(last.y()), float(sample.value)));
    QVERIFY(found);

    // Redrawn at most once a second, however often the machine reports.
    QElapsedTimer clock;
    clock.start();
    QList<qint64> at;
    connect(view->utilizationSeries(), &QXYSeries::pointsReplaced, this, [&] { at.append(clock.elapsed()); });
    QTest::qWait(3500);
    QVERIFY(at.size() >= 2);
    QVERIFY(at.size() <= 4);
    for (qsizetype i = 1; i < at.size(); ++i)
        QVERIFY2(at.at(i) - at.at(i - 1) >= MachinesView::kChartRedrawMs - 50,
                 qPrintable(QString::number(at.at(i) - at.at(i - 1))));
    disconnect(view->utilizationSeries(), nullptr, this, nullptr);

    // Another machine replaces the series at once.
    const QString other = model->keyAt(7);
    QVERIFY(view->selectMachine(other));
    QCOMPARE(view->utilizationSeries()->count(),
             int(model->history().sampleCount(other, MachineModel::UtilizationRole)));
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("machineDetailTitle"))->text().contains(other));
}

void TestMachinesView::ticketsShowInTheDetailPane()
{
    Console console;
    MachinesView *view = console.view.get();
    MachineModel *model = console.session.machines();
    QTRY_VERIFY_WITH_TIMEOUT(!machineWithTicket(model).isEmpty(), 15000);
    const QString id = machineWithTicket(model);
    QVERIFY(view->selectMachine(id));
    const QList<Domain::MaintenanceTicket> tickets = model->openTickets(id);
    QVERIFY(!tickets.isEmpty());
    QTreeWidget *tree = view->ticketTree();
    QTRY_COMPARE(tree->topLevelItemCount(), int(model->openTickets(id).size()));
    const Domain::MaintenanceTicket ticket = model->openTickets(id).first(); // a copy: the list is a temporary
    QTreeWidgetItem *item = tree->topLevelItem(0);
    QCOMPARE(item->data(1, Qt::UserRole).toString(), ticket.ticketId);
    QCOMPARE(item->text(0), MachineDelegate::priorityText(ticket.priority));
    QCOMPARE(item->text(2), ticket.description);
    QVERIFY(!item->text(2).isEmpty());
    QCOMPARE(item->childCount(), int(ticket.history.size()));
    QVERIFY(item->childCount() >= 1);
    QVERIFY(!item->child(0)->text(2).isEmpty()); // when it was opened
    QCOMPARE(item->child(0)->text(3), MachineDelegate::ticketStatusText(ticket.history.first().status));
    QVERIFY(
        view->findChild<QLabel *>(QStringLiteral("ticketsTitle"))->text().contains(QString::number(tickets.size())));
}

void TestMachinesView::stoppedServerGreysTheRows()
{
    Console console;
    MachinesView *view = console.view.get();
    MachineFilterProxy *proxy = view->machineProxy();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 12, 10000);
    QTRY_VERIFY(console.session.hasLiveData());
    QTableView *table = view->machineTable();
    table->clearSelection();
    for (int row = 0; row < proxy->rowCount(); ++row)
        QVERIFY(!proxy->index(row, 0).data(MachineModel::StaleRole).toBool());
    const QModelIndex cell = proxy->index(0, MachineModel::IdColumn);
    const QImage live = table->viewport()->grab(table->visualRect(cell)).toImage();

    console.server->close();
    QTRY_VERIFY_WITH_TIMEOUT(!console.session.link()->isLive(), 5000);
    for (int row = 0; row < proxy->rowCount(); ++row)
        QTRY_VERIFY(proxy->index(row, 0).data(MachineModel::StaleRole).toBool());
    // The id did not change, but the row is drawn faded now.
    const QModelIndex same
        = proxy->index(proxy->rowOfMachine(cell.data(MachineModel::MachineIdRole).toString()), MachineModel::IdColumn);
    const QImage stale = table->viewport()->grab(table->visualRect(same)).toImage();
    QVERIFY(live != stale);
}

// Exposes the text a cell is drawn with.
struct CellText : MachineDelegate
{
    QString operator()(const QModelIndex &index) const
    {
        QStyleOptionViewItem option;
        initStyleOption(&option, index);
        return option.text;
    }
};

void TestMachinesView::a15_staleRowsAndBannerShowAgesOnTheConsoleClock()
{
    // The model's clock is the test's: ages are the console's own, monotonic.
    qint64 clock = 1'000'000;
    Console console;
    console.session.machines()->setClock([&clock] { return clock; });
    StaleBanner banner(console.session.link());
    MachineFilterProxy *proxy = console.view->machineProxy();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 12, 10000);
    QTRY_VERIFY(console.session.hasLiveData());
    QVERIFY(banner.isHidden());
    const CellText text;
    const QModelIndex live = proxy->index(0, MachineModel::LastUpdateColumn);
    QVERIFY(!text(live).contains(u"stale"));

    console.server->close();
    QTRY_VERIFY_WITH_TIMEOUT(!console.session.link()->isLive(), 5000);
    clock += 2 * 60'000 + 10'000;
    console.session.machines()->refreshStaleness();
    const QModelIndex stale = proxy->index(0, MachineModel::LastUpdateColumn);
    QVERIFY(stale.data(MachineModel::StaleRole).toBool());
    // The age on the console's clock, however wrong the server's clock may be.
    QCOMPARE(text(stale), QStringLiteral("stale · 2 min 10 s"));
    QVERIFY(!QRegularExpression(QStringLiteral("\\d\\d:\\d\\d")).match(text(stale)).hasMatch());

    // The banner: for how long, counting up, beside the time of day the last
    // message came (which stays).
    QTRY_VERIFY(!banner.isHidden());
    const QRegularExpression ago(QStringLiteral("^NOT LIVE for (\\d+) s, last received (\\d\\d:\\d\\d:\\d\\d)"));
    const auto seconds = [&] {
        const QRegularExpressionMatch m = ago.match(banner.text());
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    };
    QVERIFY2(seconds() >= 0, qPrintable(banner.text()));
    const int first = seconds();
    QTRY_VERIFY_WITH_TIMEOUT(seconds() > first, 5000);
}

// Saves the view to $WATCHFLOOR_SCREENSHOT_DIR/machines-view.png when set.
void TestMachinesView::screenshot()
{
    // Into docs/screenshots/ when WATCHFLOOR_SCREENSHOT_DIR names it; into a scratch
    // folder otherwise, so the view is still rendered and saved every run.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    Console console;
    MachinesView *view = console.view.get();
    MachineModel *model = console.session.machines();
    // A few breakdowns in: some machines down, tickets open.
    QTRY_VERIFY_WITH_TIMEOUT(model->openTicketCount() >= 3, 30000);
    // The latest breakdown: its chart shows it running, then falling to nothing.
    QString id;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(MachineModel::OpenTicketCountRole).toInt() > 0)
            id = model->keyAt(row);
    }
    QVERIFY(view->selectMachine(id));
    QTest::qWait(2500);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(view->grab().save(QDir(dir).filePath(QStringLiteral("machines-view.png"))));
}

QTEST_MAIN(TestMachinesView)
#include "tst_machinesview.moc"
