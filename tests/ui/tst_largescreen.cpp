#include "alarmbanner.h"
#include "connectionindicator.h"
#include "controlpanelview.h"
#include "dronedelegate.h"
#include "dronesview.h"
#include "kpitile.h"
#include "machinesview.h"
#include "mainwindow.h"
#include "model/alarmmodel.h"
#include "model/dronemodel.h"
#include "model/fleetbatteryhistory.h"
#include "model/machinemodel.h"
#include "notificationbell.h"
#include "overviewview.h"
#include "prioritycode.h"
#include "simhost.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "tilecard.h"
#include "topbar.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QHeaderView>
#include <QMap>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <functional>

// The console on a large screen, 2560×1440 (the offscreen platform
// configured by screens-2560x1440.json), at the scale factor the test runs
// with (QT_SCALE_FACTOR 1, 1.5 or 2; CMake registers one ctest entry for
// each): the window fits the screen with every control of the top bar and
// the whole alarm banner in view; the Overview's tiles and the control
// panel's cards fill the width and grow, and keep their places as the width
// changes; the drones' and machines' columns are as wide as their content.
// With WATCHFLOOR_SCREENSHOT_DIR set (at scale 1), the Overview and the
// control panel during an alarm flood are saved there.
class TestLargeScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindowFitsTheScreen();
    void topBarShowsEveryControl();
    void bannerTextIsWhole();
    void overviewFillsTheScreen();
    void overviewTilesKeepTheirPlaces();
    void controlPanelFillsTheWidth();
    void controlPanelColumnsHoldNearAStep();
    void droneColumnsFitTheirContent();
    void machineColumnsFitTheirContent();
    void screenshotsDuringTheFlood();
};

namespace {

using Kpi = OverviewView::Kpi;
using View = MainWindow::View;

qreal scaleFactor()
{
    bool ok = false;
    const qreal factor = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble(&ok);
    return ok && factor > 0 ? factor : 1.0;
}

QRect freeArea()
{
    return QGuiApplication::primaryScreen()->availableGeometry();
}

SimOptions floodPlant()
{
    SimOptions o;
    o.drones = 36; // the flood runs every third drone's battery low
    o.machines = 16;
    o.tiles = 3;
    o.scenarios = {QStringLiteral("alarm-flood"), QStringLiteral("machine-breakdown")};
    return o;
}

// The window over the whole free area of the screen, as an operator maximises it.
MainWindow *openFull(WindowFixture &console)
{
    MainWindow *window = console.openWindow();
    window->setGeometry(freeArea());
    QTest::qWait(50);
    return window;
}

// The window at `size` logical pixels, whatever the screen.
void resizeTo(MainWindow *window, const QSize &size)
{
    window->resize(size);
    QTRY_COMPARE(window->size(), size);
    QApplication::processEvents();
}

// The console's window on `view` with the flood's rows listed in `table`
// (read once the view shows), at 2560×1440. On failure the test has failed;
// the caller returns.
void filledAt2560(WindowFixture &console, MainWindow *window, View view, QTableView *&table,
                  const std::function<QTableView *()> &tableOfView)
{
    console.session.start();
    window->showView(view);
    table = tableOfView();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 15000);
    resizeTo(window, {2560, 1440});
}

QString where(const QWidget *w)
{
    return QStringLiteral("%1 at %2,%3 %4×%5")
        .arg(w->objectName())
        .arg(w->x())
        .arg(w->y())
        .arg(w->width())
        .arg(w->height());
}

// Each tile's place in the grid, the tiles shown only.
QMap<int, QPoint> tilePlaces(const OverviewView *overview)
{
    QMap<int, QPoint> places;
    for (int k = 0; k < int(Kpi::Count); ++k) {
        if (overview->tile(Kpi(k))->isVisible())
            places.insert(k, overview->tilePosition(Kpi(k)));
    }
    return places;
}

} // namespace

void TestLargeScreen::initTestCase()
{
    // The test's screen, in logical pixels at the scale it runs with.
    QCOMPARE(QGuiApplication::primaryScreen()->devicePixelRatio(), scaleFactor());
    const QSize logical(qRound(2560 / scaleFactor()), qRound(1440 / scaleFactor()));
    QVERIFY2(std::abs(freeArea().width() - logical.width()) <= 1
                 && std::abs(freeArea().height() - logical.height()) <= 1,
             qPrintable(QStringLiteral("%1×%2").arg(freeArea().width()).arg(freeArea().height())));
}

void TestLargeScreen::mainWindowFitsTheScreen()
{
    WindowFixture console(floodPlant());
    MainWindow *window = console.openWindow();
    QVERIFY2(freeArea().contains(window->frameGeometry()),
             qPrintable(QStringLiteral("%1×%2 at %3,%4")
                            .arg(window->frameGeometry().width())
                            .arg(window->frameGeometry().height())
                            .arg(window->frameGeometry().x())
                            .arg(window->frameGeometry().y())));
    // The notification panel docks within it.
    window->bell()->click();
    QTRY_VERIFY(window->notificationDock()->isVisible());
    QTest::qWait(50);
    QVERIFY(freeArea().contains(window->frameGeometry()));
}

void TestLargeScreen::topBarShowsEveryControl()
{
    WindowFixture console(floodPlant());
    MainWindow *window = console.openWindow();
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 15000);
    QTest::qWait(100); // the bar's layout pass after the indicator's new text
    const auto *bar = window->findChild<TopBar *>();
    QVERIFY(bar);
    const QList<QWidget *> controls {bar->indicator(), bar->bell(), bar->preferencesButton()};
    for (QWidget *control : controls) {
        QVERIFY2(control->isVisible(), control->metaObject()->className());
        const QRect area(control->mapTo(bar, QPoint()), control->size());
        QVERIFY2(bar->rect().contains(area), control->metaObject()->className());
        QVERIFY2(control->width() >= control->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 %2 px of %3")
                                .arg(QLatin1StringView(control->metaObject()->className()))
                                .arg(control->width())
                                .arg(control->minimumSizeHint().width())));
        QVERIFY2(control->height() >= control->minimumSizeHint().height(), control->metaObject()->className());
        for (QWidget *other : controls) {
            const QRect otherArea(other->mapTo(bar, QPoint()), other->size());
            QVERIFY2(other == control || !area.intersects(otherArea), control->metaObject()->className());
        }
    }
}

void TestLargeScreen::bannerTextIsWhole()
{
    WindowFixture console(floodPlant());
    MainWindow *window = console.openWindow();
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(window->alarmBanner()->isFlood(), 20000);
    AlarmBanner *banner = window->alarmBanner();
    QTRY_VERIFY(!banner->oldestText().isEmpty());
    QApplication::processEvents();
    // Whole, in the window, at its full height.
    const QRect inWindow(banner->mapTo(window, QPoint()), banner->size());
    QVERIFY2(window->rect().contains(inWindow), qPrintable(where(banner)));
    QVERIFY2(banner->width() >= banner->minimumSizeHint().width(), qPrintable(where(banner)));
    QVERIFY2(banner->height() >= banner->minimumSizeHint().height(), qPrintable(where(banner)));
    // Every part inside the banner, as wide as its text, none over the next.
    const QList<QRectF> parts = banner->partRects();
    QVERIFY(parts.size() >= 4);
    QRectF previous;
    for (const QRectF &part : parts) {
        QVERIFY2(
            QRectF(banner->rect()).contains(part),
            qPrintable(QStringLiteral("%1,%2 %3×%4").arg(part.x()).arg(part.y()).arg(part.width()).arg(part.height())));
        QVERIFY(part.height() >= banner->fontMetrics().height());
        QVERIFY(!previous.isValid() || part.left() >= previous.right());
        previous = part;
    }
    QFont bold = banner->font();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    int index = 0;
    for (const Domain::AlarmSeverity priority : PriorityCode::kPriorities) {
        if (!banner->shows(priority))
            continue;
        QVERIFY2(parts.at(index).width() >= boldMetrics.horizontalAdvance(banner->countText(priority)) * 0.999,
                 qPrintable(banner->countText(priority)));
        ++index;
    }
    QVERIFY(parts.at(index).width() >= QFontMetricsF(banner->font()).horizontalAdvance(banner->waitingText()) * 0.999);
    QVERIFY(parts.at(index + 1).width() >= boldMetrics.horizontalAdvance(banner->rateText()) * 0.999);
}

// On the whole screen the tiles span the Overview's width, and on a
// 2560-pixel-wide window they are drawn larger, the trends' text with them.
void TestLargeScreen::overviewFillsTheScreen()
{
    WindowFixture console(floodPlant());
    MainWindow *window = openFull(console);
    window->showView(View::Overview);
    OverviewView *overview = window->overview();
    const auto tileSpan = [overview] {
        int left = overview->width();
        int right = 0;
        for (int k = 0; k < int(Kpi::Count); ++k) {
            const KpiTile *tile = overview->tile(Kpi(k));
            if (!tile->isVisible())
                continue;
            const QRect area(tile->mapTo(overview, QPoint()), tile->size());
            left = std::min(left, area.left());
            right = std::max(right, area.right());
        }
        return right - left + 1;
    };
    QTRY_VERIFY2(tileSpan() >= overview->width() * 0.95,
                 qPrintable(QStringLiteral("%1 of %2").arg(tileSpan()).arg(overview->width())));

    resizeTo(window, {1280, 800});
    QTRY_COMPARE(overview->tileScale(), 1.0);
    const int smallTile = overview->tile(Kpi::DronesFlying)->height();
    const qreal smallTitle
        = overview->findChild<QChartView *>(QStringLiteral("alarmRateChart"))->chart()->titleFont().pointSizeF();
    resizeTo(window, {2560, 1440});
    QTRY_VERIFY2(tileSpan() >= overview->width() * 0.95,
                 qPrintable(QStringLiteral("%1 of %2").arg(tileSpan()).arg(overview->width())));
    QTRY_VERIFY2(
        overview->tile(Kpi::DronesFlying)->height() >= smallTile * 1.5,
        qPrintable(
            QStringLiteral("%1 px, %2 px at 1280").arg(overview->tile(Kpi::DronesFlying)->height()).arg(smallTile)));
    QVERIFY(overview->tileScale() >= 1.5);
    QVERIFY(overview->findChild<QChartView *>(QStringLiteral("alarmRateChart"))->chart()->titleFont().pointSizeF()
            > smallTitle);
    // The tiles leave the trends most of the height.
    const QChartView *chart = overview->findChild<QChartView *>(QStringLiteral("alarmRateChart"));
    QVERIFY2(chart->height() >= overview->height() / 2, qPrintable(where(chart)));
}

// The rule: a tile's row and column depend on the number of columns alone,
// which takes one of a few steps (1, 2, 4, 6, 8), so from a 1280-pixel
// window up to a 4K screen no tile moves; at every width the tiles read, row
// by row, in the same order; and each group of tiles starts a row, sharing
// it only with a whole group before it.
void TestLargeScreen::overviewTilesKeepTheirPlaces()
{
    WindowFixture console(floodPlant());
    MainWindow *window = console.openWindow();
    window->showView(View::Overview);
    OverviewView *overview = window->overview();
    resizeTo(window, {1280, 900});
    QCOMPARE(overview->columnCount(), 8);
    const QMap<int, QPoint> wide = tilePlaces(overview);
    for (const int width : {1300, 1366, 1600, 1920, 2048, 2560, 3200, 3840}) {
        resizeTo(window, {width, 900});
        QCOMPARE(overview->columnCount(), 8);
        QCOMPARE(tilePlaces(overview), wide);
    }
    // Reading order, whatever the width; and no step but the few.
    QMap<int, QMap<int, QPoint>> byColumns;
    for (int width = 560; width <= 2600; width += 55) {
        resizeTo(window, {width, 900});
        const int columns = overview->columnCount();
        QVERIFY2(QList<int>({1, 2, 4, 6, 8}).contains(columns), qPrintable(QString::number(columns)));
        const QMap<int, QPoint> places = tilePlaces(overview);
        if (byColumns.contains(columns))
            QCOMPARE(places, byColumns.value(columns));
        byColumns.insert(columns, places);
        QList<int> order = places.keys();
        std::sort(order.begin(), order.end(), [&places](int a, int b) {
            const QPoint pa = places.value(a);
            const QPoint pb = places.value(b);
            return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
        });
        QCOMPARE(order, places.keys()); // the keys are in Kpi order
    }
    // The fleet starts its own row: never beside the alarms.
    for (const QMap<int, QPoint> &places : std::as_const(byColumns))
        QCOMPARE(places.value(int(Kpi::DronesFlying)).x(), 0);
}

void TestLargeScreen::controlPanelFillsTheWidth()
{
    WindowFixture console(floodPlant());
    MainWindow *window = console.openWindow();
    console.session.start();
    ControlPanelView *panel = window->controlPanel();
    window->showView(View::ControlPanel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->cards().size() == 3, 15000);
    resizeTo(window, {2560, 1440});
    QTRY_COMPARE(panel->columnCount(), 3);
    const QWidget *viewport = panel->scrollArea()->viewport();
    const auto span = [panel, viewport] {
        int right = 0;
        for (const TileCard *card : panel->cards())
            right = std::max(right, card->mapTo(viewport, QPoint(card->width(), 0)).x());
        return right;
    };
    QTRY_VERIFY2(span() >= viewport->width() * 0.9,
                 qPrintable(QStringLiteral("%1 of %2").arg(span()).arg(viewport->width())));
    // Few cards on a wide screen are drawn larger, to be read from afar.
    QVERIFY(panel->cardScale() > 1.0);
    QVERIFY(panel->cards().constFirst()->font().pointSizeF() > panel->font().pointSizeF());
    // Back on a 1280-pixel window, they are drawn in the view's type.
    resizeTo(window, {1280, 800});
    QTRY_COMPARE(panel->cardScale(), 1.0);
    QCOMPARE(panel->cards().constFirst()->font().pointSizeF(), panel->font().pointSizeF());
}

// The rule: cards are in the model's order, row by row; the column count
// goes up only once the width is kHysteresis (24) pixels past the step, and
// down as soon as it falls below it, so a width that wavers about a step
// does not make the cards jump between rows.
void TestLargeScreen::controlPanelColumnsHoldNearAStep()
{
    WindowFixture console(floodPlant());
    MainWindow *window = console.openWindow();
    console.session.start();
    ControlPanelView *panel = window->controlPanel();
    window->showView(View::ControlPanel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->cards().size() == 3, 15000);
    QScrollArea *scroll = panel->scrollArea();
    const auto scrollWidthTo = [&](int wanted) {
        for (int i = 0; i < 3 && scroll->width() != wanted; ++i)
            resizeTo(window, {window->width() + wanted - scroll->width(), 900});
        QCOMPARE(scroll->width(), wanted);
    };
    // The scroll area's width at which three cards just fit.
    const int step = 3 * panel->minimumCardWidth() + 2 * 10 + 2 * 12 + scroll->verticalScrollBar()->sizeHint().width()
        + 2 * scroll->frameWidth();
    scrollWidthTo(step - 40);
    QTRY_COMPARE(panel->columnCount(), 2);
    scrollWidthTo(step + 5);
    QTest::qWait(20);
    QCOMPARE(panel->columnCount(), 2); // barely past the step: held
    scrollWidthTo(step + 30);
    QTRY_COMPARE(panel->columnCount(), 3);
    scrollWidthTo(step + 5);
    QTest::qWait(20);
    QCOMPARE(panel->columnCount(), 3); // still room for three: held
    scrollWidthTo(step - 5);
    QTRY_COMPARE(panel->columnCount(), 2);
}

void TestLargeScreen::droneColumnsFitTheirContent()
{
    WindowFixture console(floodPlant());
    MainWindow *window = console.openWindow();
    QTableView *table = nullptr;
    filledAt2560(console, window, View::Drones, table, [window] { return window->dronesView()->droneTable(); });
    if (QTest::currentTestFailed())
        return;
    const QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics = table->fontMetrics();
    const auto needs = [&](const QString &text) { return metrics.horizontalAdvance(text) + 8; };
    const auto checkWhole = [&] {
        QVERIFY2(header->sectionSize(DroneModel::LocationColumn)
                     >= needs(DroneDelegate::locationText(-88.88888, -188.88888, 8888)),
                 qPrintable(QString::number(header->sectionSize(DroneModel::LocationColumn))));
        QVERIFY(header->sectionSize(DroneModel::SerialColumn) >= needs(QStringLiteral("WF-D0000")));
        QVERIFY(header->sectionSize(DroneModel::LastUpdateColumn) >= needs(QStringLiteral("00:00:00")));
    };
    checkWhole();
    // No column but the mission wider than it needs: the last update is no strip across the screen.
    QVERIFY2(header->sectionSize(DroneModel::LastUpdateColumn) <= 4 * needs(QStringLiteral("00:00:00")),
             qPrintable(QString::number(header->sectionSize(DroneModel::LastUpdateColumn))));
    // The mission takes the room the others leave, and nothing is left empty.
    int others = 0;
    for (int column = 0; column < header->count(); ++column)
        others += column == DroneModel::OperationColumn || header->isSectionHidden(column)
            ? 0
            : header->sectionSize(column);
    QTRY_COMPARE(header->sectionSize(DroneModel::OperationColumn), table->viewport()->width() - others);
    QVERIFY(header->sectionSize(DroneModel::OperationColumn)
            >= table->fontMetrics().averageCharWidth() * DronesView::kMissionFloorChars);

    // Larger type: the columns widen with it.
    QFont large = window->dronesView()->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    window->dronesView()->setFont(large);
    QTRY_COMPARE(table->font().pointSizeF(), large.pointSizeF());
    const QFontMetrics largeMetrics = table->fontMetrics();
    QVERIFY2(header->sectionSize(DroneModel::LocationColumn)
                 >= largeMetrics.horizontalAdvance(DroneDelegate::locationText(-88.88888, -188.88888, 8888)),
             qPrintable(QString::number(header->sectionSize(DroneModel::LocationColumn))));
}

void TestLargeScreen::machineColumnsFitTheirContent()
{
    WindowFixture console(floodPlant());
    MainWindow *window = console.openWindow();
    QTableView *table = nullptr;
    filledAt2560(console, window, View::Machines, table, [window] { return window->machinesView()->machineTable(); });
    if (QTest::currentTestFailed())
        return;
    const QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics = table->fontMetrics();
    int columns = 0;
    for (int column = 0; column < header->count(); ++column)
        columns += header->isSectionHidden(column) ? 0 : header->sectionSize(column);
    // Every column whole, none stretched: the table is as wide as its
    // columns and the detail (chart and tickets) has the rest.
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
    QVERIFY2(table->viewport()->width() - columns <= table->verticalScrollBar()->sizeHint().width() + 4,
             qPrintable(QStringLiteral("%1 px of columns in %2").arg(columns).arg(table->viewport()->width())));
    QVERIFY2(header->sectionSize(MachineModel::LastUpdateColumn)
                 <= 2 * metrics.horizontalAdvance(QStringLiteral("stale · 23 h 59 min")),
             qPrintable(QString::number(header->sectionSize(MachineModel::LastUpdateColumn))));
    const QList<int> sizes = qobject_cast<QSplitter *>(table->parentWidget())
        ? qobject_cast<QSplitter *>(table->parentWidget())->sizes()
        : QList<int>();
    QCOMPARE(sizes.size(), 2);
    QVERIFY2(sizes.at(1) > sizes.at(0), qPrintable(QStringLiteral("%1 | %2").arg(sizes.at(0)).arg(sizes.at(1))));
}

// The Overview and the control panel of a 2560×1440 window at the peak of an
// alarm flood: docs/screenshots/*-2560x1440.png when WATCHFLOOR_SCREENSHOT_DIR
// names the folder (run at scale 1), a scratch folder otherwise.
void TestLargeScreen::screenshotsDuringTheFlood()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    SimOptions plant = floodPlant();
    plant.drones = 40;
    plant.rate = 2.0;
    plant.scenarios.append(QStringLiteral("chattering-sensor"));
    WindowFixture console(plant);
    console.session.fleetBattery()->setSampling(250, 720); // a trend within seconds
    MainWindow *window = console.openWindow();
    resizeTo(window, {2560, 1440});
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(window->alarmBanner()->isFlood() && window->alarmBanner()->waitingCount() >= 15, 30000);
    QTest::qWait(6000); // the trends gather a few points
    for (const auto &[view, name] : {std::pair {View::Overview, QStringLiteral("overview-2560x1440.png")},
                                     std::pair {View::ControlPanel, QStringLiteral("control-panel-2560x1440.png")}}) {
        window->showView(view);
        QTest::qWait(1200); // a redraw of the charts
        const QImage image = window->grab().toImage();
        QCOMPARE(image.size(), QSize(2560, 1440) * window->devicePixelRatio());
        QVERIFY(image.save(dir + u'/' + name));
    }
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" WATCHFLOOR_SCREENS_JSON);
    QApplication app(argc, argv);
    Theme::apply(ThemeMode::Light);
    TestLargeScreen test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_largescreen.moc"
