#include "activityview.h"
#include "alarmsview.h"
#include "charts.h"
#include "dronedetailpane.h"
#include "dronesview.h"
#include "emptynotice.h"
#include "filteredtableview.h"
#include "model/fleetbatteryhistory.h"
#include "overviewview.h"
#include "support/consolefixture.h"
#include "theme.h"
#include "viewfactory.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

// Empty lists and charts say what they wait for or why they are empty, in
// one centred line over the list (EmptyNotice), never a blank table or a
// chart of meaningless axes.
class TestEmptyNotice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void dronesSayWhatTheyWaitFor();
    void alarmsSayNoneOrNotLive();
    void activitySaysNoneYet();
    void droneChartSaysWhyItIsEmpty();
    void overviewChartsSayWhatTheyWaitFor();
};

namespace {

SimOptions plant(int drones)
{
    SimOptions o;
    o.drones = drones;
    o.machines = 0;
    o.tiles = 0;
    o.rate = 5.0;
    return o;
}

// The notice over a list or chart, when it shows; null otherwise.
EmptyNotice *shownNotice(QAbstractScrollArea *area)
{
    auto *notice = area->viewport()->findChild<EmptyNotice *>();
    return notice && notice->isVisible() ? notice : nullptr;
}

QString shownText(QAbstractScrollArea *area)
{
    EmptyNotice *notice = shownNotice(area);
    return notice ? notice->text() : QString();
}

// Saves a grab for a person to look at, into $WATCHFLOOR_SCREENSHOT_DIR when set.
void keep(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        widget->grab().save(QDir(dir).filePath(name));
}

} // namespace

void TestEmptyNotice::dronesSayWhatTheyWaitFor()
{
    ConsoleFixture console(plant(6), {.token = {}});
    DronesView view(console.session.drones(),
                    [&console](const QString &serial) { return console.session.joinDroneRoom(serial); });
    view.resize(1024, 600);
    view.show();
    QTableView *table = view.droneTable();
    // Before the link is live: nothing received, and it says so.
    QTRY_COMPARE(shownText(table), DronesView::tr("Not live: no drones received yet"));
    EmptyNotice *notice = shownNotice(table);
    QCOMPARE(notice->geometry(), table->viewport()->rect());
    QVERIFY(notice->alignment() & Qt::AlignHCenter);
    keep(&view, QStringLiteral("empty-drones-not-live.png"));

    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 10000);
    QVERIFY(!shownNotice(table));
    // Filtered to nothing: the filters are why.
    view.findChild<QLineEdit *>(QStringLiteral("droneSearch"))->setText(QStringLiteral("no-such-drone"));
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(shownText(table), EmptyNotice::tr("No rows match the filters"));
    view.findChild<QLineEdit *>(QStringLiteral("droneSearch"))->clear();
    QVERIFY(!shownNotice(table));
}

void TestEmptyNotice::alarmsSayNoneOrNotLive()
{
    ConsoleFixture console(plant(0), {.token = {}});
    AlarmsView view(console.session.alarms(), console.session.alarmRate(), console.session.alarmActions(),
                    console.session.link());
    view.resize(1024, 600);
    view.show();
    QTRY_COMPARE(shownText(view.alarmTable()), AlarmsView::tr("Not live: no alarms received yet"));
    QCOMPARE(shownText(view.shelvedTable()), AlarmsView::tr("No shelved alarms"));
    console.session.start();
    // Live, and the server holds none.
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 10000);
    QTRY_COMPARE(shownText(view.alarmTable()), AlarmsView::tr("No alarms"));
    keep(&view, QStringLiteral("empty-alarms.png"));
}

void TestEmptyNotice::activitySaysNoneYet()
{
    ConsoleFixture console(plant(0), {.token = {}});
    ActivityView view(console.session.activity(), console.session.operators());
    view.resize(1024, 600);
    view.show();
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 10000);
    QTRY_COMPARE(shownText(view.activityTable()),
                 ActivityView::tr("No operator activity since this console connected"));
    // This console's operator is present: that list is not empty.
    QTRY_VERIFY(view.operatorTable()->model()->rowCount() > 0);
    QVERIFY(!shownNotice(view.operatorTable()));
}

void TestEmptyNotice::droneChartSaysWhyItIsEmpty()
{
    ConsoleFixture console(plant(3), {.token = {}});
    DronesView view(console.session.drones(),
                    [&console](const QString &serial) { return console.session.joinDroneRoom(serial); });
    view.resize(1280, 700);
    view.show();
    auto *chart = view.detailPane()->findChild<QChartView *>();
    QVERIFY(chart);
    // Nothing selected: a line saying so, and no axes labelled with a range of nothing.
    QCOMPARE(shownText(chart), DroneDetailPane::tr("No drone selected"));
    QCOMPARE(Charts::emptyText(chart), DroneDetailPane::tr("No drone selected"));
    for (QAbstractAxis *axis : chart->chart()->axes())
        QVERIFY(!axis->isVisible());
    keep(view.detailPane(), QStringLiteral("empty-drone-chart.png"));

    console.session.start();
    QTableView *table = view.droneTable();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 10000);
    table->selectRow(0);
    const QString serial = table->model()->index(0, 0).data(DroneModel::SerialRole).toString();
    QTRY_VERIFY_WITH_TIMEOUT(!console.session.drones()->history().series(serial, DroneModel::BatteryRole).isEmpty(),
                             10000);
    // Samples: the axes are back and the line is gone.
    QTRY_VERIFY_WITH_TIMEOUT(!shownNotice(chart), 5000);
    QVERIFY(Charts::emptyText(chart).isEmpty());
    for (QAbstractAxis *axis : chart->chart()->axes())
        QVERIFY(axis->isVisible());
}

void TestEmptyNotice::overviewChartsSayWhatTheyWaitFor()
{
    ConsoleFixture console(plant(3), {.token = {}});
    OverviewView view(ViewFactory::overviewSources(&console.session));
    view.resize(1280, 800);
    view.show();
    auto *load = view.findChild<QChartView *>(QStringLiteral("healthChart"));
    auto *battery = view.findChild<QChartView *>(QStringLiteral("batteryChart"));
    QVERIFY(load && battery);
    QCOMPARE(shownText(load), OverviewView::tr("Waiting for the server's first load report"));
    QCOMPARE(shownText(battery),
             OverviewView::tr("No sample of the fleet's battery yet: one every %n s while live", "",
                              FleetBatteryHistory::kDefaultIntervalMs / 1000));
    for (QChartView *chart : {load, battery}) {
        for (QAbstractAxis *axis : chart->chart()->axes())
            QVERIFY(!axis->isVisible());
    }
    keep(&view, QStringLiteral("empty-overview.png"));
    console.session.start();
    // Reports: the lines go and the axes come back.
    QTRY_VERIFY_WITH_TIMEOUT(!shownNotice(load) && !shownNotice(battery), 15000);
    for (QChartView *chart : {load, battery}) {
        for (QAbstractAxis *axis : chart->chart()->axes())
            QVERIFY(axis->isVisible());
    }
}

QTEST_MAIN(TestEmptyNotice)
#include "tst_emptynotice.moc"
