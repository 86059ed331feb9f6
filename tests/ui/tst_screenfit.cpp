#include "alarmsview.h"
#include "connectionindicator.h"
#include "mainwindow.h"
#include "model/alarmmodel.h"
#include "notificationbell.h"
#include "simhost.h"
#include "support/windowfixture.h"
#include "topbar.h"
#include "viewwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

// The console on a small screen, 1024×700 (the offscreen platform configured
// by screens-1024x700.json): no window opens larger than the screen or grows
// past it when the notification panel opens, and the top bar keeps every
// control in view.
class TestScreenFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindowOpensWithinTheScreen();
    void notificationPanelDocksWithinTheWindow();
    void topBarShowsEveryControl();
    void viewWindowOpensWithinTheScreen();
    void alarmMessagesStayReadable();
    void largerTypeKeepsTheAlarmColumnsWhole();
};

namespace {

SimOptions smallPlant()
{
    SimOptions o;
    o.drones = 6;
    o.machines = 2;
    o.tiles = 1;
    return o;
}

QRect freeArea()
{
    return QGuiApplication::primaryScreen()->availableGeometry();
}

} // namespace

void TestScreenFit::initTestCase()
{
    QCOMPARE(freeArea().size(), QSize(1024, 700)); // the test's screen, not the platform's default
}

void TestScreenFit::mainWindowOpensWithinTheScreen()
{
    WindowFixture console(smallPlant());
    MainWindow *window = console.openWindow();
    QVERIFY2(
        freeArea().contains(window->frameGeometry()),
        qPrintable(QStringLiteral("%1×%2").arg(window->frameGeometry().width()).arg(window->frameGeometry().height())));
}

void TestScreenFit::notificationPanelDocksWithinTheWindow()
{
    WindowFixture console(smallPlant());
    MainWindow *window = console.openWindow();
    const QRect before = window->frameGeometry();
    window->bell()->click();
    QTRY_VERIFY(window->notificationDock()->isVisible());
    QTest::qWait(50); // one more pass for the layout
    QVERIFY2(
        freeArea().contains(window->frameGeometry()),
        qPrintable(QStringLiteral("%1×%2").arg(window->frameGeometry().width()).arg(window->frameGeometry().height())));
    QCOMPARE(window->frameGeometry(), before);
    const QRect dock(window->notificationDock()->mapTo(window, QPoint()), window->notificationDock()->size());
    QVERIFY(window->rect().contains(dock));
}

namespace {

// Each control whole, inside the bar, and none over another.
void checkEveryControlShown(const TopBar *bar, const QList<QWidget *> &controls)
{
    for (QWidget *control : controls) {
        QVERIFY2(control->isVisible(), control->metaObject()->className());
        const QRect area(control->mapTo(bar, QPoint()), control->size());
        QVERIFY2(bar->rect().contains(area), control->metaObject()->className());
        QVERIFY2(control->width() >= control->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 squeezed to %2 px of %3")
                                .arg(QLatin1StringView(control->metaObject()->className()))
                                .arg(control->width())
                                .arg(control->minimumSizeHint().width())));
        for (QWidget *other : controls) {
            const QRect otherArea(other->mapTo(bar, QPoint()), other->size());
            QVERIFY2(other == control || !area.intersects(otherArea), control->metaObject()->className());
        }
    }
}

} // namespace

void TestScreenFit::topBarShowsEveryControl()
{
    WindowFixture console(smallPlant());
    MainWindow *window = console.openWindow();
    console.session.start();
    QTRY_VERIFY(console.session.hasLiveData());
    QTest::qWait(100); // the bar's layout pass after the indicator's new text
    const auto *bar = window->findChild<TopBar *>();
    QVERIFY(bar);
    const QList<QWidget *> controls {bar->indicator(), bar->bell(), bar->preferencesButton()};
    QCOMPARE(bar->width(), window->width());
    checkEveryControlShown(bar, controls);
    if (QTest::currentTestFailed())
        return;

    // The notification panel docks beside the views, under the bar.
    window->bell()->click();
    QTRY_VERIFY(window->notificationDock()->isVisible());
    QTest::qWait(50);
    QCOMPARE(bar->width(), window->width());
    checkEveryControlShown(bar, controls);
}

void TestScreenFit::viewWindowOpensWithinTheScreen()
{
    WindowFixture console(smallPlant());
    MainWindow *window = console.openWindow();
    ViewWindow *view = window->openViewWindow(MainWindow::View::Drones);
    QVERIFY(view);
    QVERIFY(QTest::qWaitForWindowExposed(view));
    QVERIFY2(
        freeArea().contains(view->frameGeometry()),
        qPrintable(QStringLiteral("%1×%2").arg(view->frameGeometry().width()).arg(view->frameGeometry().height())));
}

// The alarm summary's message is what happened: at 1024 pixels the other
// columns leave it little room, and the table scrolls sideways rather than
// squeeze it below its floor; on a wide window it takes the room left.
void TestScreenFit::alarmMessagesStayReadable()
{
    SimOptions flood = smallPlant();
    flood.drones = 12;
    flood.scenarios = {QStringLiteral("alarm-flood")};
    WindowFixture console(flood);
    MainWindow *window = console.openWindow();
    console.session.start();
    window->showView(MainWindow::View::Alarms);
    QTableView *table = window->alarmsView()->alarmTable();
    QVERIFY(table);
    QTRY_VERIFY(table->model()->rowCount() > 0);
    const QHeaderView *header = table->horizontalHeader();
    const int floor = table->fontMetrics().averageCharWidth() * AlarmsView::kMessageFloorChars;
    QTRY_COMPARE(header->sectionSize(AlarmModel::MessageColumn), floor);
    QVERIFY(table->horizontalScrollBar()->maximum() > 0); // the rest is reached by scrolling

    window->resize(2000, window->height()); // wider than the screen: the window is not, here
    QTRY_VERIFY(header->sectionSize(AlarmModel::MessageColumn) > floor);
    int others = 0;
    for (int column = 0; column < header->count(); ++column)
        others
            += column == AlarmModel::MessageColumn || header->isSectionHidden(column) ? 0 : header->sectionSize(column);
    QCOMPARE(header->sectionSize(AlarmModel::MessageColumn), table->viewport()->width() - others);
}

// The kiosk's 150 % type (or an operator's larger font): the priority word,
// the state, the source and the raise time stay whole; the message gives way.
void TestScreenFit::largerTypeKeepsTheAlarmColumnsWhole()
{
    WindowFixture console(smallPlant());
    MainWindow *window = console.openWindow();
    window->showView(MainWindow::View::Alarms);
    QTableView *table = window->alarmsView()->alarmTable();
    const QFont normal = QApplication::font();
    const auto restore = qScopeGuard([&normal] { QApplication::setFont(normal); });
    QFont large = normal;
    large.setPointSizeF(normal.pointSizeF() * 1.5);
    QApplication::setFont(large);
    QTRY_COMPARE(table->font().pointSizeF(), large.pointSizeF());
    QFont bold = table->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QHeaderView *header = table->horizontalHeader();
    const auto wholeIn = [&](int column, const QString &text, const QFontMetrics &metrics) {
        return header->sectionSize(column) > metrics.horizontalAdvance(text);
    };
    QTRY_VERIFY(wholeIn(AlarmModel::StateColumn, QStringLiteral("Returned, unacknowledged"), boldMetrics));
    for (const char *word : {"Critical", "Medium", "Unknown"})
        QVERIFY2(wholeIn(AlarmModel::SeverityColumn, QLatin1StringView(word), boldMetrics), word);
    QVERIFY(wholeIn(AlarmModel::SourceColumn, QStringLiteral("Machine M-0000"), table->fontMetrics()));
    QVERIFY(wholeIn(AlarmModel::RaisedColumn, QStringLiteral("00:00:00"), table->fontMetrics()));
    QVERIFY(header->sectionSize(AlarmModel::MessageColumn)
            >= table->fontMetrics().averageCharWidth() * AlarmsView::kMessageFloorChars);
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" WATCHFLOOR_SCREENS_JSON);
    QApplication app(argc, argv);
    TestScreenFit test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_screenfit.moc"
