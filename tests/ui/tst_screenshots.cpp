#include "dronesview.h"
#include "machinesview.h"
#include "mainwindow.h"
#include "services/commandservice.h"
#include "services/consoleservices.h"
#include "services/session.h"
#include "simhost.h"
#include "theme.h"

#include <QFileInfo>
#include <QImage>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

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

    SimOptions o;
    o.drones = 40;
    o.machines = 16;
    o.tiles = 4;
    o.rate = 2.0;
    o.scenarios
        = {QStringLiteral("alarm-flood"), QStringLiteral("chattering-sensor"), QStringLiteral("machine-breakdown")};
    SimHost server(o);
    QVERIFY(server.listen());
    Session session;
    session.openStore(scratch.filePath(QStringLiteral("watchfloor.sqlite")));
    ConnectionSettings s;
    s.url = QUrl(server.url());
    s.operatorName = QStringLiteral("alice");
    session.setSettings(s);
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Plant A"));
    window.resize(1400, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
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

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
