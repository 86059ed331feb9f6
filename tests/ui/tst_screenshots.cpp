#include "alarmbanner.h"
#include "alarmfilterproxy.h"
#include "alarmgroupproxy.h"
#include "alarmsview.h"
#include "connectiondetails.h"
#include "connectionindicator.h"
#include "dronesview.h"
#include "machinesview.h"
#include "mainwindow.h"
#include "model/alarmmodel.h"
#include "services/commandservice.h"
#include "services/consoleservices.h"
#include "services/session.h"
#include "simhost.h"
#include "theme.h"

#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// A simulated plant in the middle of a shift (alarms, a chattering sensor, a
// machine breaking down: every view has something to show) and the main
// window on it at 1400×860, alice at the console, not yet started.
struct Shift
{
    Shift(int drones, const QString &storePath)
        : server([drones] {
            SimOptions o;
            o.drones = drones;
            o.machines = 16;
            o.tiles = 4;
            o.rate = 2.0;
            o.scenarios = {QStringLiteral("alarm-flood"), QStringLiteral("chattering-sensor"),
                           QStringLiteral("machine-breakdown")};
            return o;
        }())
    {
        session.openStore(storePath);
    }

    // False when the server cannot listen or the window is not shown.
    bool open()
    {
        if (!server.listen())
            return false;
        ConnectionSettings s;
        s.url = QUrl(server.url());
        s.operatorName = QStringLiteral("alice");
        session.setSettings(s);
        services = std::make_unique<ConsoleServices>(&session);
        window = std::make_unique<MainWindow>(services.get(), QStringLiteral("Plant A"));
        window->resize(1400, 860);
        window->show();
        return QTest::qWaitForWindowExposed(window.get());
    }

    SimHost server;
    Session session;
    std::unique_ptr<ConsoleServices> services;
    std::unique_ptr<MainWindow> window;
};

} // namespace

// Every view of the main window, in the light and the dark theme, against a
// simulated plant in the middle of a shift: the pictures in docs/screenshots/
// (WATCHFLOOR_SCREENSHOT_DIR=docs/screenshots) and a check that each view
// draws in the theme asked for.
class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyViewInBothThemes_data();
    void everyViewInBothThemes();
    void theServerDownInBothThemes();
    void theFloodAtItsPeak_data() { everyViewInBothThemes_data(); }
    void theFloodAtItsPeak();
    void initTestCase() { Theme::apply(ThemeMode::Light); }
    void cleanupTestCase() { Theme::apply(ThemeMode::Light); }
};

void TestScreenshots::everyViewInBothThemes_data()
{
    QTest::addColumn<ThemeMode>("mode");
    QTest::newRow("light") << ThemeMode::Light;
    QTest::newRow("dark") << ThemeMode::Dark;
}

void TestScreenshots::everyViewInBothThemes()
{
    QFETCH(ThemeMode, mode);
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());

    Shift shift(40, scratch.filePath(QStringLiteral("watchfloor.sqlite")));
    QVERIFY(shift.open());
    Session &session = shift.session;
    MainWindow &window = *shift.window;
    session.start();
    Preferences p;
    p.theme = mode;
    p.toastThreshold = Domain::AlarmSeverity::Critical; // the views, not toasts, are the subject here
    window.setPreferences(p);
    QCOMPARE(Theme::mode(), mode);
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData() && session.alarms()->rowCount() >= 10, 20000);
    // A few commands, so the control panel and the command log show a shift's work.
    CommandService *commands = window.commandService();
    QVERIFY(!commands->send(QStringLiteral("T1.V101.open"), true).isNull());
    QVERIFY(!commands->send(QStringLiteral("T2.H101.setpoint"), 65.0).isNull());
    QVERIFY(!commands->send(QStringLiteral("T3.H101.mode"), QStringLiteral("manual")).isNull());
    QTest::qWait(3000); // let the charts gather a few points, the commands finish and the breakdown begin
    window.dronesView()->droneTable()->selectRow(2);

    const QString suffix = mode == ThemeMode::Dark ? QStringLiteral("-dark.png") : QStringLiteral(".png");
    const QColor window_ = QApplication::palette().color(QPalette::Window);
    for (MainWindow::View view : {MainWindow::View::Overview, MainWindow::View::Drones, MainWindow::View::Machines,
                                  MainWindow::View::ControlPanel, MainWindow::View::Alarms, MainWindow::View::Activity,
                                  MainWindow::View::CommandLog}) {
        window.showView(view);
        QTest::qWait(1200); // a redraw of the charts and a blink phase
        const QImage image = window.grab().toImage();
        // Drawn in the theme: the top-left corner (top bar) is dark in the dark theme, light in the light one.
        const QColor corner = image.pixelColor(3, 3);
        if (mode == ThemeMode::Dark)
            QVERIFY2(corner.lightness() < 110, qPrintable(corner.name()));
        else
            QVERIFY2(corner.lightness() > 150, qPrintable(corner.name()));
        QVERIFY(window_.isValid());
        const QString name
            = QStringLiteral("/view-%1%2").arg(MainWindow::viewTitle(view).toLower().replace(u' ', u'-'), suffix);
        QVERIFY(image.save(dir + name));
        QVERIFY(QFileInfo(dir + name).size() > 0);
    }
}

// The window at 1024×700 with its server stopped, as an operator finds it a
// minute into an outage: the Overview, the drones and the machines in both
// themes, and the connection details (docs/screenshots/outage-*.png). The
// outage lasts 60 s when the pictures are for the docs, 3 s otherwise.
void TestScreenshots::theServerDownInBothThemes()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString docs = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR");
    const QString dir = docs.isEmpty() ? scratch.path() : docs;
    const int outageMs = docs.isEmpty() ? 3000 : 60000;

    SimOptions o;
    o.drones = 40;
    o.machines = 16;
    o.tiles = 4;
    o.rate = 2.0;
    o.scenarios = {QStringLiteral("alarm-flood"), QStringLiteral("machine-breakdown")};
    auto server = std::make_unique<SimHost>(o);
    QVERIFY(server->listen());
    Session session;
    ConnectionSettings s; // the profile's defaults: the reconnects an operator sees
    s.url = QUrl(server->url());
    s.operatorName = QStringLiteral("alice");
    session.setSettings(s);
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Plant A"));
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Preferences p;
    p.toastThreshold = Domain::AlarmSeverity::Critical; // the stale views, not toasts, are the subject
    window.setPreferences(p);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData() && session.alarms()->rowCount() >= 5, 20000);
    QTest::qWait(3000); // a few points on the charts

    server.reset();
    QTRY_VERIFY(window.staleBanner()->isVisible());
    QTest::qWait(outageMs);
    QVERIFY2(window.staleBanner()->text().startsWith(u"NOT LIVE for "), qPrintable(window.staleBanner()->text()));
    for (ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
        p.theme = mode;
        window.setPreferences(p);
        const QString suffix = mode == ThemeMode::Dark ? QStringLiteral("-dark.png") : QStringLiteral(".png");
        for (const auto &[view, name] : {std::pair {MainWindow::View::Overview, QStringLiteral("overview")},
                                         std::pair {MainWindow::View::Drones, QStringLiteral("drones")},
                                         std::pair {MainWindow::View::Machines, QStringLiteral("machines")}}) {
            window.showView(view);
            QTest::qWait(1100); // a tick of every age
            const QImage image = window.grab().toImage();
            const QColor corner = image.pixelColor(3, 3);
            QVERIFY2(mode == ThemeMode::Dark ? corner.lightness() < 110 : corner.lightness() > 150,
                     qPrintable(corner.name()));
            QVERIFY(image.save(dir + QStringLiteral("/outage-%1%2").arg(name, suffix)));
        }
        QTest::mouseClick(window.connectionIndicator(), Qt::LeftButton);
        ConnectionDetails *details = window.connectionIndicator()->details();
        QVERIFY(details);
        QVERIFY(QTest::qWaitForWindowExposed(details));
        QTRY_COMPARE(details->title(QStringLiteral("detailLastOutage")), QStringLiteral("Outage"));
        QVERIFY(details->grab().save(dir + QStringLiteral("/connection-details-outage%1").arg(suffix)));
        details->close();
    }
    Theme::apply(ThemeMode::Light);
}

// The main window at 1400×860 at the peak of a flood (sixty drones, every
// third running its battery low, a chattering sensor, a machine breaking
// down), toasts as an operator gets them: docs/screenshots/flood-peak*.png.
// The banner says FLOOD and the summary lists a condition over many drones
// as one row.
void TestScreenshots::theFloodAtItsPeak()
{
    QFETCH(ThemeMode, mode);
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());

    Shift shift(60, scratch.filePath(QStringLiteral("watchfloor.sqlite")));
    QVERIFY(shift.open());
    Session &session = shift.session;
    MainWindow &window = *shift.window;
    Preferences p;
    p.theme = mode;
    window.setPreferences(p);
    session.start();
    window.showView(MainWindow::View::Alarms);
    AlarmBanner *banner = window.alarmBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isFlood() && session.alarms()->unacknowledgedCount() >= 20, 30000);
    QTest::qWait(1500); // the toasts of the last burst and a blink phase

    AlarmsView *alarms = window.alarmsView();
    AlarmGroupProxy *groups = alarms->groupProxy();
    QVERIFY2(
        groups->rowCount() < alarms->alarmProxy()->rowCount(),
        qPrintable(
            QStringLiteral("%1 rows for %2 alarms").arg(groups->rowCount()).arg(alarms->alarmProxy()->rowCount())));
    QVERIFY(banner->rateText().contains(u"FLOOD"));
    QVERIFY(banner->isVisible());
    const QImage image = window.grab().toImage();
    const QColor corner = image.pixelColor(3, 3);
    QVERIFY2(mode == ThemeMode::Dark ? corner.lightness() < 110 : corner.lightness() > 150, qPrintable(corner.name()));
    const QString suffix = mode == ThemeMode::Dark ? QStringLiteral("-dark.png") : QStringLiteral(".png");
    QVERIFY(image.save(dir + QStringLiteral("/flood-peak") + suffix));
    Theme::apply(ThemeMode::Light);
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
