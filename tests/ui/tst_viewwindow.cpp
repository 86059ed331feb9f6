#include "alarmfilterproxy.h"
#include "alarmnotedialog.h"
#include "alarmsview.h"
#include "connectionindicator.h"
#include "dronedetailpane.h"
#include "dronefilterproxy.h"
#include "dronesview.h"
#include "machinesview.h"
#include "mainwindow.h"
#include "services/consoleservices.h"
#include "services/linkstatus.h"
#include "services/session.h"
#include "simhost.h"
#include "stalebanner.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "viewwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using Domain::AlarmState;

namespace {

const QString operatorName = QStringLiteral("alice");

SimOptions floodOptions()
{
    SimOptions o;
    o.drones = 36; // the flood runs every third drone's battery low: twelve alarms at once
    o.machines = 0;
    o.tiles = 0;
    o.rate = 0.5; // slow enough that an alarm stays raised while the test acts on it
    o.scenarios = {QStringLiteral("alarm-flood")};
    return o;
}

// A main window with its store on a session connected to a simulator
// raising an alarm flood. The server can be stopped (reset).
struct Console : WindowFixture
{
    explicit Console(const QString &storePath)
        : WindowFixture(floodOptions(), {.operatorName = operatorName})
    {
        openStore(storePath);
        openWindow();
    }
};

QSet<QString> alarmIds(const AlarmFilterProxy *proxy)
{
    QSet<QString> ids;
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids.insert(proxy->alarmIdAt(row));
    return ids;
}

int activeUnackedRow(const AlarmFilterProxy *proxy)
{
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data(AlarmModel::StateRole).toInt() == int(AlarmState::ActiveUnacked))
            return row;
    }
    return -1;
}

} // namespace

class TestViewWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void init();
    void detachedAlarmsStayInStepWithTheMainWindow();
    void staleBannerShowsInEveryWindow();
    void windowsCloseOnTheirOwnOrWithTheMainWindow();
    void openWindowsAreRestoredPerProfile();
    void shortcutAndButtonOpenTheCurrentView();
    void menusOpenAnyViewAndReachEveryWindow();
    void screenshot();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString storePath() const { return m_dir->filePath(QStringLiteral("watchfloor.sqlite")); }
};

void TestViewWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestViewWindow::detachedAlarmsStayInStepWithTheMainWindow()
{
    Console console(storePath());
    MainWindow *window = console.window.get();
    window->alarmsView()->setRequireNote(true);
    ViewWindow *detached = window->openViewWindow(MainWindow::View::Alarms);
    QVERIFY(detached);
    QVERIFY(QTest::qWaitForWindowExposed(detached));
    QCOMPARE(detached->viewKind(), MainWindow::View::Alarms);
    QCOMPARE(detached->windowTitle(), QStringLiteral("Watchfloor — Alarms — Plant A"));
    QCOMPARE(window->viewWindows(), QList<ViewWindow *> {detached});
    auto *view = detached->viewAs<AlarmsView>();
    QVERIFY(view);
    QVERIFY(view != window->alarmsView()); // a view of its own, on the same session
    QVERIFY(view->requireNote()); // the profile's rule holds there too
    view->groupBox()->setChecked(false); // rows picked from the filter are the table's
    AlarmFilterProxy *mine = view->alarmProxy();
    AlarmFilterProxy *main = window->alarmsView()->alarmProxy();
    QAbstractItemModelTester mineTester(mine, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester mainTester(main, QAbstractItemModelTester::FailureReportingMode::Fatal);

    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(mine->rowCount() >= 12, 15000);
    // Both tables list the same alarms.
    QCOMPARE(alarmIds(mine), alarmIds(main));
    QCOMPARE(mine->rowCount(), main->rowCount());
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));

    // Acknowledged from the detached window: the main window's row follows.
    const int row = activeUnackedRow(mine);
    QVERIFY(row >= 0);
    const QString id = mine->alarmIdAt(row);
    view->alarmTable()->selectRow(row);
    view->acknowledgeSelected();
    auto *dialog = view->findChild<AlarmNoteDialog *>();
    QVERIFY(dialog);
    QVERIFY(!window->alarmsView()->findChild<AlarmNoteDialog *>());
    dialog->setNote(QStringLiteral("checked from the second monitor"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(console.server->alarms().alarmJson(id).value(u"ackedBy").toString() == operatorName,
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(main->rowOfAlarm(id) < 0
                                 || main->index(main->rowOfAlarm(id), AlarmModel::AckedByColumn).data().toString()
                                     == operatorName,
                             10000);
    if (const int now = main->rowOfAlarm(id); now >= 0)
        QVERIFY(main->index(now, 0).data(AlarmModel::AcknowledgedRole).toBool());
    QCOMPARE(alarmIds(mine), alarmIds(main));
}

void TestViewWindow::staleBannerShowsInEveryWindow()
{
    Console console(storePath());
    MainWindow *window = console.window.get();
    ViewWindow *drones = window->openViewWindow(MainWindow::View::Drones);
    ViewWindow *alarms = window->openViewWindow(MainWindow::View::Alarms);
    QVERIFY(QTest::qWaitForWindowExposed(alarms));
    QVERIFY(qobject_cast<StaleBanner *>(window->staleBanner())); // the same widget as in the others
    const QList<QLabel *> banners {window->staleBanner(), drones->staleBanner(), alarms->staleBanner()};
    for (QLabel *banner : banners)
        QVERIFY(banner->isVisible()); // nothing received yet

    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 15000);
    for (QLabel *banner : banners)
        QTRY_VERIFY(!banner->isVisible());
    QVERIFY(drones->connectionIndicator()->text().startsWith(u"Live"));
    QTRY_COMPARE(drones->viewAs<DronesView>()->droneTable()->model()->rowCount(), 36);

    console.server.reset();
    for (QLabel *banner : banners) {
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith(u"NOT LIVE"), qPrintable(banner->text()));
    }
    QCOMPARE(drones->staleBanner()->text(), window->staleBanner()->text());
    QTRY_VERIFY(!alarms->connectionIndicator()->text().startsWith(u"Live"));
}

void TestViewWindow::windowsCloseOnTheirOwnOrWithTheMainWindow()
{
    Console console(storePath());
    MainWindow *window = console.window.get();
    QPointer<ViewWindow> first = window->openViewWindow(MainWindow::View::Machines);
    QPointer<ViewWindow> second = window->openViewWindow(MainWindow::View::Machines); // the same view twice
    QPointer<ViewWindow> third = window->openViewWindow(MainWindow::View::Drones);
    QCOMPARE(window->viewWindows().size(), 3);
    QVERIFY(first->viewAs<MachinesView>() != second->viewAs<MachinesView>());

    // Ctrl+W closes the active detached window, and only that one.
    second->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(second));
    QTest::keyClick(second, Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(second.isNull()); // deleted on close
    QVERIFY(first && first->isVisible());
    QVERIFY(third && third->isVisible());
    QVERIFY(window->isVisible());
    QCOMPARE(window->viewWindows(), (QList<ViewWindow *> {first.data(), third.data()}));

    // Closing the main window closes the rest.
    QVERIFY(window->close());
    QTRY_VERIFY(first.isNull());
    QTRY_VERIFY(third.isNull());
    QVERIFY(window->viewWindows().isEmpty());

    // Windows still open when the main window goes are deleted with it,
    // before the session, so their rooms are let go.
    auto againServices = std::make_unique<ConsoleServices>(&console.session);
    auto again = std::make_unique<MainWindow>(againServices.get(), QStringLiteral("Plant A"));
    QPointer<ViewWindow> left = again->openViewWindow(MainWindow::View::Drones);
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(left->viewAs<DronesView>()->droneProxy()->rowCount() > 0, 15000);
    auto *dronesView = left->viewAs<DronesView>();
    const QString serial = dronesView->droneTable()->model()->index(0, 0).data().toString();
    QVERIFY(dronesView->selectDrone(serial));
    QCOMPARE(console.session.roomUsers(QStringLiteral("drone_detail"), serial), 1);
    again.reset();
    QVERIFY(left.isNull());
    QCOMPARE(console.session.roomUsers(QStringLiteral("drone_detail"), serial), 0);
}

void TestViewWindow::openWindowsAreRestoredPerProfile()
{
    // The settings live in this test's own XDG_CONFIG_HOME (watchfloor_add_test);
    // a previous run's are cleared first.
    QSettings().remove(QStringLiteral("windows"));
    Session session;
    const QRect alarmsGeometry(QPoint(120, 90), QSize(760, 540));
    {
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("Plant A"));
        window.restoreWindowState(QStringLiteral("plant-a"));
        QVERIFY(window.viewWindows().isEmpty()); // none kept yet
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ViewWindow *alarms = window.openViewWindow(MainWindow::View::Alarms);
        window.openViewWindow(MainWindow::View::Drones);
        QPointer<ViewWindow> closedEarlier = window.openViewWindow(MainWindow::View::Activity);
        alarms->setGeometry(alarmsGeometry);
        QVERIFY(QTest::qWaitForWindowExposed(alarms));
        QTRY_COMPARE(alarms->size(), alarmsGeometry.size());
        closedEarlier->close(); // not open at the end: not brought back
        QTRY_VERIFY(closedEarlier.isNull());
        QVERIFY(window.close());
    }
    {
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("Plant A"));
        window.restoreWindowState(QStringLiteral("plant-a"));
        const QList<ViewWindow *> reopened = window.viewWindows();
        QCOMPARE(reopened.size(), 2);
        QCOMPARE(reopened.at(0)->viewKind(), MainWindow::View::Alarms);
        QCOMPARE(reopened.at(1)->viewKind(), MainWindow::View::Drones);
        QCOMPARE(reopened.at(0)->size(), alarmsGeometry.size());
        QCOMPARE(reopened.at(0)->windowTitle(), QStringLiteral("Watchfloor — Alarms — Plant A"));
        // This time only the drones stay open.
        reopened.at(0)->close();
        QVERIFY(window.close());
    }
    {
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("Plant A"));
        window.restoreWindowState(QStringLiteral("plant-a"));
        QCOMPARE(window.viewWindows().size(), 1);
        QCOMPARE(window.viewWindows().at(0)->viewKind(), MainWindow::View::Drones);
    }
    {
        // Another profile keeps its own: none.
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("Plant B"));
        window.restoreWindowState(QStringLiteral("plant-b"));
        QVERIFY(window.viewWindows().isEmpty());
    }
    // Without a key nothing is kept or reopened.
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Plant A"));
    window.restoreWindowState(QString());
    QVERIFY(window.viewWindows().isEmpty());
}

void TestViewWindow::shortcutAndButtonOpenTheCurrentView()
{
    Session session;
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Plant A"));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showView(MainWindow::View::Machines);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window.viewWindows().size(), 1);
    ViewWindow *machines = window.viewWindows().at(0);
    QCOMPARE(machines->viewKind(), MainWindow::View::Machines);
    QVERIFY(machines->viewAs<MachinesView>());
    QVERIFY(machines->viewAs<MachinesView>() != window.machinesView());
    QCOMPARE(window.currentView(), MainWindow::View::Machines); // the main window stays where it was
    // The new window is the active one, for the keyboard.
    QVERIFY(QTest::qWaitForWindowActive(machines));

    // The button at the tab bar's right edge does the same for the current view.
    window.showView(MainWindow::View::Overview);
    QToolButton *button = window.openInNewWindowButton();
    QVERIFY(button->isVisible());
    QVERIFY(
        button->toolTip().contains(QKeySequence(QStringLiteral("Ctrl+Shift+N")).toString(QKeySequence::NativeText)));
    button->click();
    QCOMPARE(window.viewWindows().size(), 2);
    QCOMPARE(window.viewWindows().at(1)->viewKind(), MainWindow::View::Overview);
    QCOMPARE(window.viewWindows().at(1)->windowTitle(), QStringLiteral("Watchfloor — Overview — Plant A"));
}

void TestViewWindow::menusOpenAnyViewAndReachEveryWindow()
{
    Session session;
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Plant A"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentView(), MainWindow::View::Overview);

    // The tab bar's context menu opens the view of the tab under the mouse.
    auto *tabs = window.findChild<QTabBar *>(QStringLiteral("viewTabs"));
    QVERIFY(tabs);
    QString offered;
    QTimer::singleShot(0, &window, [&offered] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        offered = menu->actions().value(0)->text();
        menu->actions().value(0)->trigger();
        menu->close();
    });
    Q_EMIT tabs->customContextMenuRequested(tabs->tabRect(int(MainWindow::View::Alarms)).center());
    QCOMPARE(offered, QStringLiteral("Open Alarms in new window"));
    QCOMPARE(window.viewWindows().size(), 1);
    QCOMPARE(window.viewWindows().at(0)->viewKind(), MainWindow::View::Alarms);
    QCOMPARE(window.currentView(), MainWindow::View::Overview);

    // The button's menu opens any view and lists the open windows.
    QMenu *menu = window.openInNewWindowButton()->menu();
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    const auto actionNamed = [menu](const QString &text) -> QAction * {
        for (QAction *action : menu->actions()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    };
    for (int view = 0; view < 5; ++view)
        QVERIFY(
            actionNamed(QStringLiteral("Open %1 in new window").arg(MainWindow::viewTitle(MainWindow::View(view)))));
    QAction *activity = actionNamed(QStringLiteral("Open Activity in new window"));
    activity->trigger();
    QCOMPARE(window.viewWindows().size(), 2);
    QCOMPARE(window.viewWindows().at(1)->viewKind(), MainWindow::View::Activity);

    Q_EMIT menu->aboutToShow(); // filled afresh each time
    QCOMPARE(menu->actions().size(), 7 + 2 + 1 + 2); // views, Support and its action, a section, the windows
    QAction *showAlarms = actionNamed(QStringLiteral("Show Watchfloor — Alarms — Plant A"));
    QVERIFY(showAlarms);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    showAlarms->trigger();
    QVERIFY(QTest::qWaitForWindowActive(window.viewWindows().at(0)));
}

// Saves a detached drones window to $WATCHFLOOR_SCREENSHOT_DIR/view-window.png
// when set (a scratch folder otherwise, so it is rendered every run).
void TestViewWindow::screenshot()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    Console console(storePath());
    ViewWindow *detached = console.window->openViewWindow(MainWindow::View::Drones);
    detached->resize(1100, 620);
    console.session.start();
    auto *view = detached->viewAs<DronesView>();
    QTRY_COMPARE_WITH_TIMEOUT(view->droneProxy()->rowCount(), 36, 15000);
    QVERIFY(view->selectDrone(view->droneTable()->model()->index(2, 0).data().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(view->detailPane()->healthText().contains(u"CPU"), 10000);
    QTest::qWait(1500); // the chart redraws once a second
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(detached->grab().save(QDir(dir).filePath(QStringLiteral("view-window.png"))));
    // The main window with its button for a new window at the tab bar's right edge.
    QVERIFY(console.window->grab().save(QDir(dir).filePath(QStringLiteral("main-window-new-window-button.png"))));
    // And once the link is down: the banner across the top.
    console.server.reset();
    QTRY_VERIFY(detached->staleBanner()->isVisible());
    QTest::qWait(300);
    QVERIFY(detached->grab().save(QDir(dir).filePath(QStringLiteral("view-window-stale.png"))));
}

QTEST_MAIN(TestViewWindow)
#include "tst_viewwindow.moc"
