#include "activityview.h"
#include "alarmsview.h"
#include "commandlogview.h"
#include "connectionindicator.h"
#include "controlpanelview.h"
#include "dronedetailpane.h"
#include "machinesview.h"
#include "mainwindow.h"
#include "net/connectionservice.h"
#include "overviewview.h"
#include "services/consoleservices.h"
#include "services/session.h"
#include "simhost.h"

#include <QLabel>
#include <QLineSeries>
#include <QScreen>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QWindow>

#include <memory>

class TestConnectionIndicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsLiveThenReconnectingWhenTheServerStops();
    void showsFailureReason();
    void viewsAreReachedByTabAndShortcut();
    void selectedDroneHoldsItsRoomOpen();
    void windowStateIsKeptPerProfile();
};

namespace {

ConnectionSettings settingsFor(const QString &url)
{
    ConnectionSettings s;
    s.url = QUrl(url);
    s.operatorName = QStringLiteral("alice");
    s.backoffBaseMs = 2000; // long enough to read the countdown
    s.backoffCapMs = 4000;
    return s;
}

SimOptions smallFleet()
{
    SimOptions o;
    o.drones = 3;
    o.rate = 20.0;
    return o;
}

} // namespace

void TestConnectionIndicator::showsLiveThenReconnectingWhenTheServerStops()
{
    auto sim = std::make_unique<SimHost>(smallFleet());
    QVERIFY(sim->listen());

    Session session;
    session.setSettings(settingsFor(sim->url()));
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Test"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionIndicator *indicator = window.connectionIndicator();

    QCOMPARE(indicator->text(), QStringLiteral("Offline"));
    QVERIFY(window.staleBanner()->isVisible());

    session.start();
    QTRY_VERIFY2(indicator->text().startsWith(QStringLiteral("Live")), qPrintable(indicator->text()));
    QVERIFY(!window.staleBanner()->isVisible());
    QTRY_COMPARE(window.droneTable()->model()->rowCount(), 3);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("identityLabel"))
                ->text()
                .contains(QStringLiteral("alice · operator role")));
    const QImage liveIcon = indicator->icon().pixmap(14).toImage();

    sim.reset();
    QTRY_VERIFY2(indicator->text().startsWith(QStringLiteral("Reconnecting")), qPrintable(indicator->text()));
    QVERIFY(window.staleBanner()->isVisible());
    QVERIFY(window.staleBanner()->text().startsWith(QStringLiteral("NOT LIVE")));
    // Why the link is down: the server's goodbye, or a refused retry after it.
    QVERIFY2(window.staleBanner()->text().contains(QStringLiteral("Link: server shutting down"))
                 || window.staleBanner()->text().contains(QStringLiteral("Link: Connection refused")),
             qPrintable(window.staleBanner()->text()));
    QVERIFY(indicator->icon().pixmap(14).toImage() != liveIcon);
    QVERIFY(indicator->accessibleName().contains(QStringLiteral("Reconnecting")));
    // Every drone on screen is marked stale while the link is down.
    QAbstractItemModel *table = window.droneTable()->model();
    for (int row = 0; row < table->rowCount(); ++row)
        QVERIFY(table->index(row, 0).data(DroneModel::StaleRole).toBool());
}

void TestConnectionIndicator::showsFailureReason()
{
    SimOptions options = smallFleet();
    options.tokens = {{QStringLiteral("right"), QStringLiteral("operator")}};
    SimHost sim(options);
    QVERIFY(sim.listen());

    Session session;
    ConnectionSettings s = settingsFor(sim.url());
    s.token = QStringLiteral("wrong");
    session.setSettings(s);
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Test"));
    window.show();
    session.start();
    QTRY_VERIFY2(window.connectionIndicator()->text().startsWith(QStringLiteral("Failed:")),
                 qPrintable(window.connectionIndicator()->text()));
    QVERIFY(window.connectionIndicator()->text().contains(QStringLiteral("invalid token")));
    QVERIFY(!window.connectionIndicator()->text().contains(QStringLiteral("wrong"))); // never show the token
}

void TestConnectionIndicator::viewsAreReachedByTabAndShortcut()
{
    Session session;
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Test"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabBar *>(QStringLiteral("viewTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 7);
    QCOMPARE(window.currentView(), MainWindow::View::Overview); // the calm summary first
    QVERIFY(window.overview()->isVisible());
    QVERIFY(!window.droneTable()->isVisible());

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::View::Drones);
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(window.droneTable()->isVisible());
    QVERIFY(!window.overview()->isVisible());

    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::View::Machines);
    QVERIFY(window.machinesView()->isVisible());
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::View::ControlPanel);
    QVERIFY(window.controlPanel()->isVisible());
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::View::Alarms);
    QVERIFY(window.alarmsView()->isVisible());
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::View::Activity);
    QVERIFY(window.activityView()->isVisible());
    QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::View::CommandLog);
    QVERIFY(window.commandLog()->isVisible());

    tabs->setCurrentIndex(0); // a click on the tab does the same
    QCOMPARE(window.currentView(), MainWindow::View::Overview);
    QVERIFY(tabs->tabToolTip(4).contains(QStringLiteral("Alarms")));
    QVERIFY(tabs->tabToolTip(4).contains(QKeySequence(QStringLiteral("Ctrl+5")).toString(QKeySequence::NativeText)));
}

void TestConnectionIndicator::selectedDroneHoldsItsRoomOpen()
{
    SimHost sim(smallFleet());
    QVERIFY(sim.listen());
    Session session;
    session.setSettings(settingsFor(sim.url()));
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Test"));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showView(MainWindow::View::Drones);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    const QString room = QStringLiteral("drone_detail");
    QCOMPARE(session.connection()->rooms().size(), 0); // nothing selected, no room

    QTableView *table = window.droneTable();
    table->setCurrentIndex(table->model()->index(1, 0));
    const QString second = table->model()->index(1, 0).data().toString();
    QCOMPARE(window.droneDetail()->serial(), second);
    QCOMPARE(session.roomUsers(room, second), 1);
    // The room's snapshot brings the drone's computer health.
    QTRY_VERIFY2(window.droneDetail()->healthText().contains(QStringLiteral("CPU")),
                 qPrintable(window.droneDetail()->healthText()));
    QTRY_VERIFY(window.droneDetail()->batterySeries()->count() > 0);

    // Another drone: its room opens, the first one's closes.
    table->setCurrentIndex(table->model()->index(2, 0));
    const QString third = table->model()->index(2, 0).data().toString();
    QCOMPARE(session.roomUsers(room, third), 1);
    QCOMPARE(session.roomUsers(room, second), 0);
    QCOMPARE(session.connection()->rooms().size(), 1);
    if (!qEnvironmentVariableIsEmpty("WATCHFLOOR_SCREENSHOT_DIR")) {
        QTest::qWait(2500);
        window.grab().save(qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR") + QStringLiteral("/drones-view.png"));
    }
    table->clearSelection();
    table->setCurrentIndex({});
    QCOMPARE(session.roomUsers(room, third), 0);
    QVERIFY(session.connection()->rooms().isEmpty());
}

void TestConnectionIndicator::windowStateIsKeptPerProfile()
{
    // The settings live in this test's own XDG_CONFIG_HOME (watchfloor_add_test).
    Session session;
    {
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("Plant A"));
        window.restoreWindowState(QStringLiteral("plant-a"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        window.showView(MainWindow::View::Machines);
        QVERIFY(window.close());
    }
    {
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("Plant A"));
        window.restoreWindowState(QStringLiteral("plant-a"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentView(), MainWindow::View::Machines);
        QCOMPARE(window.size(), QSize(900, 640));
        window.showView(MainWindow::View::Alarms);
        QVERIFY(window.close());
    }
    {
        // Another profile has its own: nothing kept yet, so the defaults.
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("Plant B"));
        window.restoreWindowState(QStringLiteral("plant-b"));
        QCOMPARE(window.currentView(), MainWindow::View::Overview);
        // The default size, within the free area of the screen (the offscreen
        // platform's is smaller than the default), frame included.
        const QMargins frame = window.windowHandle()->frameMargins();
        const QRect free = window.screen()->availableGeometry().marginsRemoved(frame);
        QCOMPARE(window.size(), QSize(1280, 800).boundedTo(free.size()));
    }
    ConsoleServices againServices(&session);
    MainWindow again(&againServices, QStringLiteral("Plant A"));
    again.restoreWindowState(QStringLiteral("plant-a"));
    QCOMPARE(again.currentView(), MainWindow::View::Alarms);
}

QTEST_MAIN(TestConnectionIndicator)
#include "tst_connectionindicator.moc"
