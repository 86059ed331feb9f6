#include "activityview.h"
#include "alarmbanner.h"
#include "alarmfilterproxy.h"
#include "alarmgroupproxy.h"
#include "alarmnotedialog.h"
#include "alarmsview.h"
#include "alerting.h"
#include "commandlogview.h"
#include "config/pinhash.h"
#include "config/profile.h"
#include "connectionindicator.h"
#include "controlpanelview.h"
#include "dronedetailpane.h"
#include "dronesview.h"
#include "endpointcontrol.h"
#include "kioskcontroller.h"
#include "kioskexitdialog.h"
#include "machinesview.h"
#include "mainwindow.h"
#include "model/dronemodel.h"
#include "model/machinemodel.h"
#include "model/tilemodel.h"
#include "net/connectionservice.h"
#include "notificationbell.h"
#include "notificationpanel.h"
#include "overviewview.h"
#include "privatebus.h"
#include "screenkeeper.h"
#include "services/commandservice.h"
#include "services/consoleservices.h"
#include "services/linkstatus.h"
#include "services/session.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "tilecard.h"
#include "toastarea.h"
#include "toastwidget.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QShortcut>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <cmath>
#include <memory>

// The console as a plant-floor kiosk, end to end: a real main window on a
// real session against the reference server in this process, driven by
// KioskController as main.cpp drives it.
namespace {

using View = MainWindow::View;

const QString kPin = QStringLiteral("2468");
const QString kChord = QStringLiteral("Ctrl+Alt+Shift+Q");

// Quick to check in tests (the console's default is 100000 iterations).
const QString &pinHash()
{
    static const QString hash = PinHash::make(kPin, 1000);
    return hash;
}

KioskSettings quickKiosk()
{
    KioskSettings k;
    k.enabled = true;
    k.views = {QStringLiteral("overview")};
    k.rotateSeconds = 0;
    k.cursorHideSeconds = 60;
    k.fontPercent = 150;
    k.exitChord = kChord;
    k.exitPinHash = pinHash();
    return k;
}

SimOptions quietPlant()
{
    // No drones, machines or tiles: nothing that could raise an alarm.
    SimOptions o;
    o.drones = 0;
    o.machines = 0;
    o.tiles = 0;
    return o;
}

// One drone, whose battery the flood scenario runs low two seconds in: one high alarm.
SimOptions oneAlarmPlant()
{
    SimOptions o = quietPlant();
    o.drones = 1;
    o.scenarios = {QStringLiteral("alarm-flood")};
    return o;
}

// A floor screen turning between the Overview and the drones every second.
KioskSettings rotatingKiosk()
{
    KioskSettings k = quickKiosk();
    k.views = {QStringLiteral("overview"), QStringLiteral("drones")};
    k.rotateSeconds = 1;
    return k;
}

struct Console : WindowFixture
{
    Console(const SimOptions &options, const KioskSettings &kiosk, const QString &busAddress = {},
            const QString &token = QStringLiteral("o"), const ServerTexts &texts = {})
        : WindowFixture(options, {.token = token, .operatorName = QStringLiteral("floor-1")})
    {
        session.setServerTexts(texts);
        openStore();
        window = std::make_unique<MainWindow>(openServices(), QStringLiteral("Line 1 floor"));
        controller = std::make_unique<KioskController>(window.get(), session.alarms(), kiosk);
        // Never the desktop's own bus: a private one, or one that does not exist.
        controller->screenKeeper()->setBusAddress(
            busAddress.isEmpty() ? QStringLiteral("unix:path=/nonexistent/watchfloor-test-bus") : busAddress);
        if (busAddress.isEmpty())
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("screen may blank")));
        controller->setLockoutDuration(std::chrono::milliseconds(1500));
        controller->start();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        session.start();
    }
    ~Console() override
    {
        controller.reset(); // gives the font and the cursor back
        if (window)
            window->setCloseLocked(false);
    }

    void pressChord() const
    {
        QTest::keyClick(window.get(), Qt::Key_Q, Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    }
    // Acknowledges every alarm waiting, as another operator would.
    void acknowledgeAll()
    {
        const QJsonArray alarms = server->alarms().snapshot();
        for (const QJsonValue &alarm : alarms) {
            const QJsonObject a = alarm.toObject();
            if (a.value(QLatin1StringView("state")).toString().endsWith(QLatin1StringView("unacked")))
                server->perform(QStringLiteral("bob"), QStringLiteral("ack_alarm"),
                                {{QStringLiteral("alarmId"), a.value(QLatin1StringView("alarmId"))}});
        }
    }

    std::unique_ptr<KioskController> controller;
};

Qt::CursorShape overrideShape()
{
    const QCursor *cursor = QGuiApplication::overrideCursor();
    return cursor ? cursor->shape() : Qt::ArrowCursor;
}

void typePin(KioskExitDialog *dialog, const QString &pin)
{
    dialog->pinField()->setFocus();
    QTest::keyClicks(dialog->pinField(), pin);
}

} // namespace

class TestKiosk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void viewNames();
    void fullScreenFramelessWithoutOperatorControls();
    void cursorHidesAfterThePeriodAndReturnsOnMove();
    void typeIsLarger();
    void rotatesThroughTheViewsInOrder();
    void unacknowledgedAlarmHoldsTheAlarmsView();
    void rotatePolicyKeepsTurningUnderTheAlarmBanner();
    void floorScreenDropsDesktopChrome();
    void hiddenFiltersNeverNarrowTheList();
    void serverTextsInTheProfilesWords();
    void commandsOffUnlessAllowed();
    void kiosk_noAcknowledgeOrShelveIsReachable();
    void kiosk_serverRefusesAWatchOnlyIdentity();
    void closeIsRefused();
    void wrongPinKeepsTheConsoleOpen();
    void threeWrongPinsLockOut();
    void rightPinClosesAndQuits();
    void withoutPinOnlyTheAdministrator();
    void screenIsKeptOn();
    void staleBannerFillsTheTop();
    void aFloodOnTheFloorIsListedByCondition();

private:
    std::unique_ptr<PrivateBus> m_bus;
};

void TestKiosk::initTestCase()
{
    Theme::apply(ThemeMode::Light);
    m_bus = std::make_unique<PrivateBus>();
}

void TestKiosk::cleanup()
{
    QCOMPARE(QGuiApplication::overrideCursor(), nullptr); // each kiosk gave the pointer back
}

void TestKiosk::viewNames()
{
    QCOMPARE(KioskController::viewNames(),
             (QStringList {QStringLiteral("overview"), QStringLiteral("drones"), QStringLiteral("machines"),
                           QStringLiteral("control-panel"), QStringLiteral("alarms"), QStringLiteral("activity"),
                           QStringLiteral("command-log")}));
    QCOMPARE(KioskController::viewFromName(QStringLiteral("control-panel")), View::ControlPanel);
    QCOMPARE(KioskController::viewFromName(QStringLiteral("Command-Log")), View::CommandLog);
    QCOMPARE(KioskController::viewFromName(QStringLiteral("alarm")), std::nullopt);
    // Every name maps to its own view, in the window's order.
    const QStringList names = KioskController::viewNames();
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(KioskController::viewFromName(names.at(i)), View(i));
    // The profile validates [kiosk] views against the same names.
    QCOMPARE(Profile::viewNames(), names);
}

void TestKiosk::fullScreenFramelessWithoutOperatorControls()
{
    Console c(quietPlant(), quickKiosk());
    MainWindow *w = c.window.get();
    QVERIFY(w->isVisible());
    QVERIFY(w->windowState() & Qt::WindowFullScreen);
    QVERIFY(w->windowFlags() & Qt::FramelessWindowHint);
    QVERIFY(w->isKioskMode());
    // What a passer-by must not reach is gone or off.
    QVERIFY(!w->findChild<QToolButton *>(QStringLiteral("preferencesButton"))->isVisible());
    QVERIFY(!w->preferencesAction()->isEnabled());
    QVERIFY(!w->openInNewWindowButton()->isVisible());
    QVERIFY(!w->openInNewWindowAction()->isEnabled());
    QVERIFY(!w->findChild<QAction *>(QStringLiteral("notificationsAction"))->isEnabled());
    QTest::keyClick(w, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(w->viewWindows().isEmpty());
    QTest::keyClick(w, Qt::Key_Comma, Qt::ControlModifier);
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    // The bell shows what waits but does not open the notification center.
    QVERIFY(w->bell()->isVisible());
    QTest::mouseClick(w->bell(), Qt::LeftButton);
    w->setNotificationsVisible(true);
    QVERIFY(!w->notificationsVisible());
    QVERIFY(!w->notificationDock()->isVisible());
    // A toast's "Show" brings up the alarms instead of the center.
    w->showView(MainWindow::View::Overview);
    Q_EMIT w->alerting()->showRequested(QStringLiteral("alarm:A-1:1"));
    QCOMPARE(w->currentView(), MainWindow::View::Alarms);
    QVERIFY(!w->notificationDock()->isVisible());
    // The link state stays.
    QVERIFY(w->connectionIndicator()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);

    // Without the kiosk all of it is back: the same window, another mode.
    w->setKioskMode(false);
    QVERIFY(w->findChild<QToolButton *>(QStringLiteral("preferencesButton"))->isVisible());
    QVERIFY(w->preferencesAction()->isEnabled());
    QVERIFY(w->openInNewWindowButton()->isVisible());
    w->setNotificationsVisible(true);
    QVERIFY(w->notificationsVisible());
}

void TestKiosk::cursorHidesAfterThePeriodAndReturnsOnMove()
{
    KioskSettings k = quickKiosk();
    k.cursorHideSeconds = 1;
    Console c(quietPlant(), k);
    QWindow *handle = c.window->windowHandle();
    QVERIFY(handle);
    // The countdown began when the console started; that it does not hide
    // early is checked below, from a movement whose time the test knows.
    QElapsedTimer clock;
    QTRY_COMPARE_WITH_TIMEOUT(overrideShape(), Qt::BlankCursor, 5000);
    QVERIFY(c.controller->isCursorHidden());
    // One movement brings it back, and the countdown starts again.
    QTest::mouseMove(handle, QPoint(200, 200));
    QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
    QVERIFY(!c.controller->isCursorHidden());
    QTest::qWait(500);
    QTest::mouseMove(handle, QPoint(260, 240));
    clock.start();
    QTest::qWait(700); // 1.2 s since the first move, 0.7 s since the last
    // A loaded machine may sleep past the period; only a timely look counts.
    if (clock.elapsed() < 950)
        QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(overrideShape(), Qt::BlankCursor, 5000);
    // Stopping the kiosk gives the pointer back.
    c.controller->stop();
    QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
}

void TestKiosk::typeIsLarger()
{
    const QFont before = QApplication::font();
    QVERIFY(before.pointSizeF() > 0);
    Console c(quietPlant(), quickKiosk());
    QTabBar *tabs = c.window->findChild<QTabBar *>(QStringLiteral("viewTabs"));
    QVERIFY(tabs);
    QCOMPARE(QApplication::font().pointSizeF(), before.pointSizeF() * 1.5);
    // Widgets that existed before the kiosk started follow: the tab bar, the operator's name.
    QCOMPARE(tabs->font().pointSizeF(), before.pointSizeF() * 1.5);
    auto *identity = c.window->findChild<QLabel *>(QStringLiteral("identityLabel"));
    QCOMPARE(identity->font().pointSizeF(), before.pointSizeF() * 1.5);
    QVERIFY(QFontMetrics(identity->font()).height() > QFontMetrics(before).height());
    // The console's name, bold and a little larger than the rest, grows with it.
    auto *title = c.window->findChild<QLabel *>(QStringLiteral("consoleTitle"));
    QCOMPARE(title->font().pointSizeF(), before.pointSizeF() * 1.5 * 1.15);
    QVERIFY(title->font().bold());
    // Every table's column titles too, as large as its rows.
    const QList<QHeaderView *> headers = c.window->findChildren<QHeaderView *>();
    QVERIFY(headers.size() >= 6);
    for (const QHeaderView *header : headers)
        QCOMPARE(header->font().pointSizeF(), before.pointSizeF() * 1.5);
    // And the alarm summary's titles are whole in that type.
    const QHeaderView *alarmHeader = c.window->alarmsView()->alarmTable()->horizontalHeader();
    for (int column = 0; column < alarmHeader->count(); ++column) {
        if (alarmHeader->isSectionHidden(column))
            continue;
        const QString heading = alarmHeader->model()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(alarmHeader->sectionSize(column) >= alarmHeader->fontMetrics().horizontalAdvance(heading),
                 qPrintable(QStringLiteral("%1: %2 px").arg(heading).arg(alarmHeader->sectionSize(column))));
    }
    c.controller->stop();
    QCOMPARE(QApplication::font().pointSizeF(), before.pointSizeF());
    QCOMPARE(tabs->font().pointSizeF(), before.pointSizeF());
    QCOMPARE(title->font().pointSizeF(), before.pointSizeF() * 1.15);
    for (const QHeaderView *header : headers)
        QCOMPARE(header->font().pointSizeF(), before.pointSizeF());
}

void TestKiosk::rotatesThroughTheViewsInOrder()
{
    KioskSettings k = quickKiosk();
    k.views = {QStringLiteral("drones"), QStringLiteral("no-such-view"), QStringLiteral("machines"),
               QStringLiteral("command-log")};
    k.rotateSeconds = 1;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Unknown kiosk view.*no-such-view")));
    QList<std::pair<View, qint64>> shown;
    QElapsedTimer clock;
    clock.start();
    Console c(quietPlant(), k);
    QCOMPARE(c.controller->rotation(), (QList<View> {View::Drones, View::Machines, View::CommandLog}));
    QCOMPARE(c.window->currentView(), View::Drones);
    clock.restart();
    connect(c.controller.get(), &KioskController::viewShown, this, [&](View view) {
        QCOMPARE(c.window->currentView(), view); // the window shows what was announced
        shown.append({view, clock.elapsed()});
    });
    QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 4, 10000);
    const QList<View> order {shown.at(0).first, shown.at(1).first, shown.at(2).first, shown.at(3).first};
    QCOMPARE(order, (QList<View> {View::Machines, View::CommandLog, View::Drones, View::Machines}));
    // A second each, give or take a loaded machine's timer (and a coarse timer's 5 %).
    qint64 previous = 0;
    const QList<std::pair<View, qint64>> firstFour = shown.mid(0, 4);
    for (const auto &[view, at] : firstFour) {
        QVERIFY2(at - previous >= 850 && at - previous < 2000,
                 qPrintable(QStringLiteral("%1 ms after the last").arg(at - previous)));
        previous = at;
    }
    QVERIFY(!c.controller->isHeldOnAlarms());
}

void TestKiosk::unacknowledgedAlarmHoldsTheAlarmsView()
{
    const KioskSettings k = rotatingKiosk();
    QCOMPARE(k.rotation, KioskSettings::Rotation::HoldOnAlarms); // the default
    Console c(oneAlarmPlant(), k);
    QSignalSpy held(c.controller.get(), &KioskController::alarmHoldChanged);
    // Rotating meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(c.window->currentView(), View::Drones, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(c.controller->isHeldOnAlarms(), 20000);
    QVERIFY(c.session.alarms()->unacknowledgedCount() > 0);
    QCOMPARE(c.window->currentView(), View::Alarms);
    QCOMPARE(held.count(), 1);
    QCOMPARE(held.constFirst().constFirst().toBool(), true);
    // And it stays there: no rotation while the alarm waits.
    QSignalSpy shown(c.controller.get(), &KioskController::viewShown);
    QTest::qWait(2500);
    QCOMPARE(shown.count(), 0);
    QCOMPARE(c.window->currentView(), View::Alarms);
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
        QVERIFY(c.window->grab().save(dir + QStringLiteral("/kiosk-alarm.png")));
    }

    // Acknowledged elsewhere: the rotation takes up again.
    c.acknowledgeAll();
    QTRY_VERIFY_WITH_TIMEOUT(!c.controller->isHeldOnAlarms(), 10000);
    QCOMPARE(c.session.alarms()->unacknowledgedCount(), 0);
    QVERIFY(c.window->currentView() != View::Alarms);
    const View resumedAt = c.window->currentView();
    QVERIFY(resumedAt == View::Overview || resumedAt == View::Drones);
    QTRY_VERIFY_WITH_TIMEOUT(c.window->currentView() != resumedAt, 3000);
    QVERIFY(c.window->currentView() != View::Alarms);
}

void TestKiosk::rotatePolicyKeepsTurningUnderTheAlarmBanner()
{
    // As above, but the profile chose to keep rotating while alarms wait.
    KioskSettings k = rotatingKiosk();
    k.rotation = KioskSettings::Rotation::Rotate;
    Console c(oneAlarmPlant(), k);
    QSignalSpy held(c.controller.get(), &KioskController::alarmHoldChanged);
    QTRY_VERIFY_WITH_TIMEOUT(c.session.alarms()->unacknowledgedCount() > 0, 20000);
    AlarmBanner *banner = c.window->alarmBanner();
    QTRY_VERIFY(banner->waitingCount() > 0);

    // The views keep turning, the Alarms view never takes over, and above
    // whichever view shows the banner says what waits.
    QList<View> shown;
    connect(c.controller.get(), &KioskController::viewShown, this, [&shown](View view) { shown.append(view); });
    QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 3, 10000);
    QVERIFY(!shown.contains(View::Alarms));
    QVERIFY(shown.contains(View::Overview) && shown.contains(View::Drones));
    QVERIFY(!c.controller->isHeldOnAlarms());
    QCOMPARE(held.count(), 0);
    QVERIFY(c.session.alarms()->unacknowledgedCount() > 0);
    for (const View view : {View::Overview, View::Drones}) {
        QTRY_COMPARE_WITH_TIMEOUT(c.window->currentView(), view, 3000);
        QVERIFY(banner->isVisible());
        const QRect bannerArea(banner->mapTo(c.window.get(), QPoint(0, 0)), banner->size());
        QVERIFY(c.window->rect().contains(bannerArea));
        QCOMPARE(bannerArea.width(), c.window->width());
        // Above the view, never under it.
        QWidget *page = view == View::Overview ? static_cast<QWidget *>(c.window->overview())
                                               : static_cast<QWidget *>(c.window->dronesView());
        QVERIFY(page->isVisible());
        QVERIFY(bannerArea.bottom() < page->mapTo(c.window.get(), QPoint(0, 0)).y());
        QCOMPARE(banner->waitingCount(), c.session.alarms()->unacknowledgedCount());
        QVERIFY(banner->waitingText().startsWith(QString::number(banner->waitingCount())));
    }
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
        QVERIFY(c.window->grab().save(dir + QStringLiteral("/kiosk-rotate-alarm.png")));
    }
}

void TestKiosk::floorScreenDropsDesktopChrome()
{
    SimOptions o = quietPlant();
    o.drones = 4;
    o.machines = 4;
    o.tiles = 1;
    KioskSettings k = quickKiosk();
    k.views = KioskController::viewNames(); // every view the kiosk can show
    Console c(o, k);
    MainWindow *w = c.window.get();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(w->controlPanel()->endpointControl(QStringLiteral("T1.P101.running")) != nullptr, 10000);
    QVERIFY(!c.controller->commandsAllowed());

    // What each view's list and its controls are.
    struct Chrome
    {
        View view;
        QWidget *page;
        QTableView *table;
        QList<QWidget *> controls; // filters, searches, detail panes
    };
    DronesView *drones = w->dronesView();
    MachinesView *machines = w->machinesView();
    CommandLogView *commands = w->commandLog();
    AlarmsView *alarms = w->alarmsView();
    ActivityView *activity = w->activityView();
    const QList<Chrome> chrome {
        {View::Drones,
         drones,
         drones->droneTable(),
         {drones->stateFilter(), drones->lowBatteryFilter(), drones->searchBox(), drones->detailPane()}},
        {View::Machines,
         machines,
         machines->machineTable(),
         {machines->statusFilter(), machines->lineFilter(), machines->searchBox(), machines->ticketTree()}},
        {View::CommandLog,
         commands,
         commands->table(),
         {commands->statusFilter(), commands->operatorFilter(), commands->endpointBox(), commands->searchBox(),
          commands->historyTree()}},
        {View::Alarms, alarms, alarms->alarmTable(), {alarms->findChild<QLineEdit *>(QStringLiteral("alarmSearch"))}},
        {View::Activity, activity, activity->activityTable(), {activity->filterBox()}},
    };
    for (const Chrome &each : chrome)
        for (QWidget *control : each.controls)
            QVERIFY2(control, qPrintable(QString::number(int(each.view))));

    const auto sizes = [&] {
        QList<QSize> out;
        for (const Chrome &each : chrome) {
            w->showView(each.view);
            QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QApplication::processEvents();
            out.append(each.table->viewport()->size());
        }
        return out;
    };

    // In the kiosk: none of it shows, in any view; the data does.
    const QList<QSize> kioskSizes = sizes();
    for (const Chrome &each : chrome) {
        w->showView(each.view);
        QVERIFY2(each.table->isVisible(), qPrintable(each.table->objectName()));
        for (QWidget *control : each.controls)
            QVERIFY2(!control->isVisible(), qPrintable(control->objectName()));
        // Whatever their names: no choice, check box or text field to use.
        for (QWidget *choice : each.page->findChildren<QComboBox *>())
            QVERIFY2(!choice->isVisible(), qPrintable(choice->objectName()));
        for (QWidget *check : each.page->findChildren<QCheckBox *>())
            QVERIFY2(!check->isVisible(), qPrintable(check->objectName()));
        for (QWidget *edit : each.page->findChildren<QLineEdit *>())
            QVERIFY2(!edit->isVisible(), qPrintable(edit->objectName()));
    }
    // The counts above the lists stay: they are data.
    w->showView(View::Drones);
    QVERIFY(drones->summaryLabel()->isVisible());
    // The columns grew with the type: a drone's serial is whole.
    QTRY_VERIFY(drones->droneTable()->model()->rowCount() > 0);
    const QString serial = drones->droneTable()->model()->index(0, DroneModel::SerialColumn).data().toString();
    QVERIFY(!serial.isEmpty());
    QVERIFY2(drones->droneTable()->horizontalHeader()->sectionSize(DroneModel::SerialColumn)
                 > drones->droneTable()->fontMetrics().horizontalAdvance(serial) + 8,
             qPrintable(serial));
    w->showView(View::Activity);
    QVERIFY(activity->findChild<QLabel *>(QStringLiteral("activityTitle"))->isVisible());
    // The control panel: names, values and trends, no buttons that could never work.
    w->showView(View::ControlPanel);
    ControlPanelView *panel = w->controlPanel();
    QVERIFY(panel->isWatchOnly());
    EndpointControl *pump = panel->endpointControl(QStringLiteral("T1.P101.running"));
    EndpointControl *setpoint = panel->endpointControl(QStringLiteral("T1.H101.setpoint"));
    EndpointControl *mode = panel->endpointControl(QStringLiteral("T1.H101.mode"));
    QVERIFY(pump && setpoint && mode);
    QTRY_VERIFY(!pump->valueText().isEmpty());
    for (QWidget *button : panel->findChildren<QAbstractButton *>())
        QVERIFY2(!button->isVisible(), qPrintable(button->objectName() + u' ' + button->accessibleName()));
    QVERIFY(!setpoint->spinBox()->isVisible());
    QVERIFY(!mode->comboBox()->isVisible());
    QVERIFY(pump->reasonText().isEmpty()); // no "commands off" on every endpoint
    QVERIFY(pump->findChild<QLabel *>(QStringLiteral("endpointValue"))->isVisible());
    QVERIFY(!pump->nameText().isEmpty());
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
        QVERIFY(w->grab().save(dir + QStringLiteral("/kiosk-control-panel.png")));
        w->showView(View::Drones);
        QVERIFY(w->grab().save(dir + QStringLiteral("/kiosk-drones.png")));
    }

    // The same window as a desktop console: all of it is back, and the
    // tables had the room it takes.
    w->setKioskMode(false);
    const QList<QSize> desktopSizes = sizes();
    for (qsizetype i = 0; i < chrome.size(); ++i) {
        const Chrome &each = chrome.at(i);
        w->showView(each.view);
        for (QWidget *control : each.controls)
            QVERIFY2(control->isVisible(), qPrintable(control->objectName()));
        const QSize kiosk = kioskSizes.at(i);
        const QSize desktop = desktopSizes.at(i);
        // Taller, where the filter row was.
        QVERIFY2(kiosk.height() > desktop.height(),
                 qPrintable(QStringLiteral("view %1: %2 against %3")
                                .arg(int(each.view))
                                .arg(kiosk.height())
                                .arg(desktop.height())));
        // Wider, where a detail pane was. (The machines table keeps the
        // width of its columns and gives the rest to its pane, so it is
        // not measured here.)
        if (each.view == View::Drones || each.view == View::CommandLog)
            QVERIFY2(kiosk.width() > desktop.width() + 200,
                     qPrintable(QStringLiteral("view %1: %2 against %3")
                                    .arg(int(each.view))
                                    .arg(kiosk.width())
                                    .arg(desktop.width())));
    }
    w->showView(View::ControlPanel);
    QVERIFY(!panel->isWatchOnly());
    QVERIFY(pump->actionButton(true)->isVisible());
    QVERIFY(setpoint->spinBox()->isVisible());
    QVERIFY(!pump->reasonText().isEmpty()); // disabled, and says why
}

void TestKiosk::hiddenFiltersNeverNarrowTheList()
{
    // A filter set on the desktop and then hidden by the kiosk would hide
    // rows with nothing on screen saying so: the kiosk shows every row.
    SimOptions o = quietPlant();
    o.drones = 6;
    Console c(o, quickKiosk());
    MainWindow *w = c.window.get();
    QTRY_COMPARE_WITH_TIMEOUT(c.session.drones()->rowCount(), 6, 10000);
    DronesView *drones = w->dronesView();
    w->setKioskMode(false);
    w->showView(View::Drones);
    drones->searchBox()->setText(QStringLiteral("no such drone"));
    drones->lowBatteryFilter()->setChecked(true);
    drones->stateFilter()->setCurrentIndex(drones->stateFilter()->count() - 1);
    QTRY_COMPARE(drones->droneTable()->model()->rowCount(), 0);
    drones->droneTable()->setCurrentIndex(drones->droneTable()->model()->index(0, 0));

    w->setKioskMode(true);
    QTRY_COMPARE(drones->droneTable()->model()->rowCount(), 6);
    QVERIFY(drones->searchBox()->text().isEmpty());
    QVERIFY(!drones->lowBatteryFilter()->isChecked());
    QCOMPARE(drones->stateFilter()->currentIndex(), 0);
    // Nothing selected, no drone's room held for a pane nobody sees.
    QVERIFY(drones->selectedSerial().isEmpty());
    QCOMPARE(drones->droneTable()->selectionMode(), QAbstractItemView::NoSelection);
    QTest::mouseClick(drones->droneTable()->viewport(), Qt::LeftButton, {},
                      drones->droneTable()->visualRect(drones->droneTable()->model()->index(1, 1)).center());
    QVERIFY(!drones->droneTable()->selectionModel()->hasSelection());
    // Back on the desktop, rows can be selected again.
    w->setKioskMode(false);
    QCOMPARE(drones->droneTable()->selectionMode(), QAbstractItemView::SingleSelection);
    QVERIFY(drones->detailPane()->isVisible());
}

void TestKiosk::serverTextsInTheProfilesWords()
{
    // German operators on an English server: the profile's [texts] name the
    // tank, its pump and the machines in their words, and translate the
    // battery alarm, its number in the German form.
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto restore = qScopeGuard([&saved] { QLocale::setDefault(saved); });
    QString error;
    const std::optional<Profile> profile
        = Profile::parse("[simulator]\nenabled=true\n"
                         "[texts]\n"
                         "label.Hot liquor tank 1 = Heißwasserbehälter 1\n"
                         "label.Pump P-101 = Pumpe P-101\n"
                         "label.Running = Läuft\n"
                         "label.Press 1 = Presse 1\n"
                         "label.CNC 1 = CNC-Maschine 1\n"
                         "label.Packer 1 = Verpackungsmaschine 1\n"
                         "label.Lathe 1 = Drehmaschine 1\n"
                         "label.Welder 1 = Schweißanlage 1\n"
                         "label.Mixer 1 = Mischer 1\n"
                         "message.battery of {source} at {number} % = Akku von {source} bei {number} %\n",
                         QStringLiteral("floor.ini"), &error);
    QVERIFY2(profile, qPrintable(error));

    SimOptions o = quietPlant();
    o.drones = 1;
    o.machines = 1;
    o.tiles = 1;
    o.scenarios = {QStringLiteral("alarm-flood")};
    KioskSettings k = quickKiosk();
    k.views = {QStringLiteral("alarms")};
    Console c(o, k, {}, QStringLiteral("o"), profile->texts);
    MainWindow *w = c.window.get();

    // The battery alarm: translated where it enters, so the same words are
    // in the model, the alarms view and the notifications.
    QTRY_VERIFY_WITH_TIMEOUT(c.session.alarms()->rowCount() > 0, 20000);
    const QRegularExpression german(QStringLiteral("^Akku von WF-D0001 bei \\d+,\\d %$"));
    const QString message
        = c.session.alarms()->index(0, AlarmModel::MessageColumn).data(AlarmModel::MessageRole).toString();
    QVERIFY2(german.match(message).hasMatch(), qPrintable(message));
    QTableView *table = w->alarmsView()->alarmTable();
    QTRY_VERIFY(table->model()->rowCount() > 0);
    const QString shown = table->model()->index(0, AlarmModel::MessageColumn).data().toString();
    QVERIFY2(german.match(shown).hasMatch(), qPrintable(shown));

    // The names of the tank, its pump and its endpoint, and of the machine.
    QTRY_VERIFY_WITH_TIMEOUT(w->controlPanel()->card(QStringLiteral("T1")) != nullptr, 10000);
    QCOMPARE(w->controlPanel()->card(QStringLiteral("T1"))->title(), QStringLiteral("Heißwasserbehälter 1"));
    TileModel *tiles = c.session.tiles();
    const QModelIndexList pump = tiles->match(tiles->index(0, 0), TileModel::IdRole, QStringLiteral("T1.P101"), 1,
                                              Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(pump.size(), 1);
    QCOMPARE(pump.constFirst().data(TileModel::NameRole).toString(), QStringLiteral("Pumpe P-101"));
    EndpointControl *running = w->controlPanel()->endpointControl(QStringLiteral("T1.P101.running"));
    QVERIFY(running);
    QCOMPARE(running->nameText(), QStringLiteral("Läuft"));
    QTRY_COMPARE_WITH_TIMEOUT(c.session.machines()->rowCount(), 1, 10000);
    const QString machine = c.session.machines()->index(0, 0).data(MachineModel::NameRole).toString();
    QVERIFY2(machine.endsWith(QStringLiteral(" 1"))
                 && !machine.contains(QRegularExpression(QStringLiteral("^(Press|CNC|Packer|Lathe|Welder|Mixer) "))),
             qPrintable(machine));
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
        QVERIFY(w->grab().save(dir + QStringLiteral("/kiosk-german-texts.png")));
    }
}

void TestKiosk::kiosk_noAcknowledgeOrShelveIsReachable()
{
    // A passer-by tries every way an operator would act on an alarm.
    Console c(oneAlarmPlant(), quickKiosk());
    QTRY_VERIFY_WITH_TIMEOUT(c.controller->isHeldOnAlarms(), 20000);
    AlarmsView *alarms = c.window->alarmsView();
    QTableView *table = alarms->alarmTable();
    QTRY_VERIFY(table->model()->rowCount() > 0);
    const QString alarmId = table->model()->index(0, 0).data(AlarmModel::AlarmIdRole).toString();

    // Mouse: a click selects nothing, no action button shows, no context menu.
    const QRect cell = table->visualRect(table->model()->index(0, AlarmModel::MessageColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, cell.center());
    QVERIFY(!table->selectionModel()->hasSelection());
    QCOMPARE(table->contextMenuPolicy(), Qt::NoContextMenu);
    QCOMPARE(alarms->shelvedTable()->contextMenuPolicy(), Qt::NoContextMenu);
    for (auto *button : alarms->findChildren<QToolButton *>()) {
        const QAction *action = button->defaultAction();
        if (action == alarms->acknowledgeAction() || action == alarms->shelveAction()
            || action == alarms->unshelveAction())
            QVERIFY2(!button->isVisible(), qPrintable(button->objectName()));
    }
    // Keyboard: select with the keys, then every shortcut.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Space);
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    QVERIFY(!table->selectionModel()->hasSelection());
    table->selectAll(); // even a selection made behind the view's back
    for (QAction *action : {alarms->acknowledgeAction(), alarms->shelveAction(), alarms->unshelveAction()})
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
    QTest::keyClick(table, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(table, Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    alarms->acknowledgeSelected();
    alarms->shelveSelected();
    alarms->unshelveSelected();
    QVERIFY(alarms->findChildren<QDialog *>().isEmpty());
    QVERIFY(!alarms->actionsUnavailableReason().isEmpty());

    // Toasts: no Acknowledge on them, and a request from one goes nowhere.
    ToastArea *toasts = c.window->alerting()->toasts();
    QTRY_VERIFY_WITH_TIMEOUT(toasts->visibleCount() > 0, 10000);
    for (const QString &id : toasts->visibleIds())
        QVERIFY2(!toasts->toast(id)->acknowledgeButton()->isVisible(), qPrintable(id));
    const QStringList shown = toasts->visibleIds();
    Q_EMIT toasts->acknowledgeRequested(alarmId, shown.constFirst());

    // The notification center, were it reached: nothing to acknowledge from there either.
    QVERIFY(!c.window->notificationsVisible());
    QTest::keyClick(c.window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!c.window->notificationsVisible());
    NotificationPanel *panel = c.window->findChild<NotificationPanel *>();
    QVERIFY(panel);
    QVERIFY(!panel->actionsUnavailableReason().isEmpty());
    panel->list()->selectAll();
    panel->acknowledgeSelected();
    panel->acknowledgeAllListed();
    QVERIFY(c.window->findChildren<AlarmNoteDialog *>().isEmpty());

    // Nothing was queued and nothing reached the server.
    QCOMPARE(c.session.alarmService()->pendingCount(), 0);
    QTest::qWait(300);
    const QJsonArray book = c.server->alarms().snapshot();
    for (const QJsonValue &alarm : book) {
        const QJsonObject a = alarm.toObject();
        QVERIFY2(!a.contains(QLatin1StringView("ackedBy")) || a.value(QLatin1StringView("ackedBy")).isNull(),
                 qPrintable(a.value(QLatin1StringView("alarmId")).toString()));
        QVERIFY(a.value(QLatin1StringView("state")).toString() != u"shelved");
    }
    QVERIFY(c.controller->isHeldOnAlarms());
}

void TestKiosk::kiosk_serverRefusesAWatchOnlyIdentity()
{
    // A floor screen authenticates as a viewer (docs/operations.md): the
    // reference server refuses its acknowledge, shelve and unshelve too.
    SimOptions o = oneAlarmPlant();
    o.tokens = {{QStringLiteral("floor"), QStringLiteral("viewer")}};
    Console c(o, quickKiosk(), {}, QStringLiteral("floor"));
    QTRY_COMPARE_WITH_TIMEOUT(c.session.link()->role(), QStringLiteral("viewer"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(c.session.alarms()->rowCount() > 0, 20000);
    const QString alarmId = c.session.alarms()->keyAt(0);
    const QList<std::pair<QString, QJsonObject>> requests {
        {QStringLiteral("ack_alarm"), {{QStringLiteral("alarmId"), alarmId}}},
        {QStringLiteral("shelve_alarm"),
         {{QStringLiteral("alarmId"), alarmId},
          {QStringLiteral("minutes"), 30},
          {QStringLiteral("reason"), QStringLiteral("x")}}},
        {QStringLiteral("unshelve_alarm"), {{QStringLiteral("alarmId"), alarmId}}},
    };
    for (const auto &[type, fields] : requests) {
        std::optional<Protocol::Result> answer;
        c.session.connection()->request(type, fields, [&answer](const Protocol::Result &r) { answer = r; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QVERIFY2(!answer->ok, qPrintable(type));
        QCOMPARE(answer->error.code, QStringLiteral("forbidden"));
    }
    const auto alarm = c.server->alarms().snapshot().at(0).toObject();
    QVERIFY(alarm.value(QLatin1StringView("state")).toString() != u"shelved");
    QVERIFY(!alarm.contains(QLatin1StringView("ackedBy")) || alarm.value(QLatin1StringView("ackedBy")).isNull());
}

void TestKiosk::commandsOffUnlessAllowed()
{
    SimOptions o = quietPlant();
    o.tiles = 1;
    {
        Console c(o, quickKiosk()); // commandsAllowed is false by default
        QVERIFY(!c.controller->commandsAllowed());
        QVERIFY(!c.window->commandService()->commandsAllowed());
        QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
        QTRY_COMPARE(c.session.link()->role(), QStringLiteral("operator"));
        const CommandService::Check check = c.window->commandService()->availability();
        QCOMPARE(check.refusal, CommandService::Refusal::Disabled);
        QVERIFY(!check.reason.isEmpty());
        QTRY_VERIFY(!c.window->controlPanel()->commandsAllowed());
        // Nothing goes out.
        CommandService::Check refused;
        QVERIFY(c.window->commandService()->send(QStringLiteral("T1.V101.open"), true, &refused).isNull());
        QCOMPARE(refused.refusal, CommandService::Refusal::Disabled);
    }
    {
        KioskSettings k = quickKiosk();
        k.commandsAllowed = true;
        Console c(o, k);
        QVERIFY(c.controller->commandsAllowed());
        QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
        QTRY_COMPARE(c.session.link()->role(), QStringLiteral("operator"));
        QVERIFY(c.window->commandService()->availability().allowed());
        QTRY_VERIFY(c.window->controlPanel()->commandsAllowed());
    }
    {
        // The profile's switch off: the kiosk never turns commands on.
        KioskSettings k = quickKiosk();
        k.commandsAllowed = true;
        SimHost server(o);
        Session session;
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("x"));
        window.commandService()->setCommandsAllowed(false);
        KioskController kiosk(&window, session.alarms(), k);
        kiosk.screenKeeper()->setBusAddress(QStringLiteral("unix:path=/nonexistent/watchfloor-test-bus"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("screen may blank")));
        kiosk.start();
        QVERIFY(!kiosk.commandsAllowed());
        kiosk.stop();
        window.setCloseLocked(false);
    }
}

void TestKiosk::closeIsRefused()
{
    Console c(quietPlant(), quickKiosk());
    MainWindow *w = c.window.get();
    QVERIFY(w->isCloseLocked());
    QVERIFY(!w->close());
    QVERIFY(w->isVisible());
    // The title bar's button and Alt+F4 reach the window as a close event.
    QCloseEvent event;
    QApplication::sendEvent(w, &event);
    QVERIFY(!event.isAccepted());
    w->windowHandle()->close();
    QVERIFY(w->isVisible());
    QTest::keyClick(w, Qt::Key_F4, Qt::AltModifier);
    QVERIFY(w->isVisible());
    // Unlocked, the same close goes through: the refusal was the lock's.
    w->setCloseLocked(false);
    QVERIFY(w->close());
    QVERIFY(!w->isVisible());
}

void TestKiosk::wrongPinKeepsTheConsoleOpen()
{
    Console c(quietPlant(), quickKiosk());
    QVERIFY(c.controller->exitShortcut());
    QCOMPARE(c.controller->exitShortcut()->key(), QKeySequence(kChord));
    QCOMPARE(c.controller->exitShortcut()->context(), Qt::ApplicationShortcut);
    QCOMPARE(c.controller->exitDialog(), nullptr);
    c.pressChord();
    KioskExitDialog *dialog = c.controller->exitDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->pinField()->echoMode(), QLineEdit::Password);
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->unlockButton()->isDefault());
    // Digits only.
    typePin(dialog, QStringLiteral("12ab34"));
    QCOMPARE(dialog->pinField()->text(), QStringLiteral("1234"));
    QVERIFY(dialog->unlockButton()->isEnabled());
    QSignalSpy unlocked(c.controller.get(), &KioskController::exitUnlocked);
    QTest::mouseClick(dialog->unlockButton(), Qt::LeftButton);
    QVERIFY(dialog->messageLabel()->isVisible());
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("Wrong PIN")),
             qPrintable(dialog->messageLabel()->text()));
    QCOMPARE(dialog->failedAttempts(), 1);
    QVERIFY(dialog->pinField()->text().isEmpty());
    QVERIFY(dialog->isVisible());
    QCOMPARE(unlocked.count(), 0);
    QVERIFY(c.window->isVisible());
    QVERIFY(c.window->isCloseLocked());
    // Enter takes Cancel: the kiosk stays as it was.
    typePin(dialog, kPin);
    QTest::keyClick(dialog->pinField(), Qt::Key_Return);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(unlocked.count(), 0);
    QVERIFY(c.window->isVisible());
    QVERIFY(c.controller->isRunning());
}

void TestKiosk::threeWrongPinsLockOut()
{
    Console c(quietPlant(), quickKiosk());
    c.pressChord();
    KioskExitDialog *dialog = c.controller->exitDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->lockoutDuration(), std::chrono::milliseconds(1500));
    QSignalSpy wrong(dialog, &KioskExitDialog::wrongPin);
    for (int i = 0; i < KioskExitDialog::kMaxAttempts; ++i) {
        QVERIFY(!dialog->isLockedOut());
        typePin(dialog, QStringLiteral("1111"));
        QTest::mouseClick(dialog->unlockButton(), Qt::LeftButton);
    }
    QCOMPARE(wrong.count(), 3);
    QCOMPARE(wrong.at(1).at(1).toBool(), false);
    QCOMPARE(wrong.at(2).at(1).toBool(), true);
    QVERIFY(dialog->isLockedOut());
    QVERIFY(!dialog->pinField()->isEnabled());
    QVERIFY(!dialog->unlockButton()->isEnabled());
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("seconds")),
             qPrintable(dialog->messageLabel()->text()));
    // Closing the dialog and pressing the chord again does not end it.
    dialog->reject();
    c.pressChord();
    QCOMPARE(c.controller->exitDialog(), dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->isLockedOut());
    QVERIFY(!dialog->pinField()->isEnabled());
    // Not even the right PIN is taken meanwhile.
    dialog->pinField()->setText(kPin);
    QVERIFY(!dialog->unlockButton()->isEnabled());
    QTest::mouseClick(dialog->unlockButton(), Qt::LeftButton);
    QVERIFY(c.window->isVisible());
    QVERIFY(dialog->isVisible());
    // After the lock-out PINs are taken again.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLockedOut(), 5000);
    QVERIFY(dialog->pinField()->isEnabled());
    QCOMPARE(dialog->failedAttempts(), 0);
}

void TestKiosk::rightPinClosesAndQuits()
{
    Console c(quietPlant(), quickKiosk());
    QSignalSpy unlocked(c.controller.get(), &KioskController::exitUnlocked);
    // The chord works wherever the focus is.
    c.window->findChild<QTabBar *>(QStringLiteral("viewTabs"))->setFocus();
    c.pressChord();
    KioskExitDialog *dialog = c.controller->exitDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    typePin(dialog, kPin);
    QTest::mouseClick(dialog->unlockButton(), Qt::LeftButton);
    QCOMPARE(unlocked.count(), 1);
    QVERIFY(!c.window->isVisible());
    QVERIFY(!c.window->isCloseLocked());
    QVERIFY(!c.controller->isRunning());
}

void TestKiosk::withoutPinOnlyTheAdministrator()
{
    KioskSettings k = quickKiosk();
    k.exitPinHash.clear();
    Console c(quietPlant(), k);
    c.pressChord();
    QCOMPARE(c.controller->exitDialog(), nullptr);
    QMessageBox *message = c.controller->administratorOnlyMessage();
    QVERIFY(message);
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("administrator")), qPrintable(message->text()));
    message->accept();
    QVERIFY(c.window->isVisible());
    QVERIFY(!c.window->close());
}

void TestKiosk::screenIsKeptOn()
{
    QVERIFY2(!m_bus->address().isEmpty(), "dbus-daemon did not start");
    FakeScreenSaver saver;
    QVERIFY(saver.publish(m_bus->address()));
    Console c(quietPlant(), quickKiosk(), m_bus->address());
    ScreenKeeper *keeper = c.controller->screenKeeper();
    QTRY_VERIFY_WITH_TIMEOUT(keeper->isInhibiting(), 5000);
    QCOMPARE(saver.inhibitions.size(), 1);
    QVERIFY(!saver.inhibitions.constFirst().reason.isEmpty());
    QVERIFY(keeper->unavailableReason().isEmpty());
    // Leaving the kiosk with the PIN gives the screen saver back.
    c.pressChord();
    typePin(c.controller->exitDialog(), kPin);
    QTest::mouseClick(c.controller->exitDialog()->unlockButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saver.released, QList<uint> {saver.inhibitions.constFirst().cookie}, 5000);
}

void TestKiosk::staleBannerFillsTheTop()
{
    // Into docs/screenshots/ when WATCHFLOOR_SCREENSHOT_DIR names it; into a scratch
    // folder otherwise, so the kiosk is still rendered and saved every run.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path()) + u'/';

    SimOptions o;
    o.drones = 12;
    o.machines = 12;
    o.tiles = 2;
    Console c(o, quickKiosk());
    MainWindow *w = c.window.get();
    QLabel *banner = w->staleBanner();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    QTRY_VERIFY(!banner->isVisible());
    QTest::qWait(2500); // a few updates on the overview's charts
    QVERIFY(w->grab().save(dir + QStringLiteral("kiosk.png")));

    c.server->close();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QVERIFY(banner->text().contains(QStringLiteral("NOT LIVE")));
    QTest::qWait(100); // laid out
    // Across the whole top of the screen, at least an eighth of its height.
    const QRect area(banner->mapTo(w, QPoint(0, 0)), banner->size());
    QCOMPARE(area.top(), 0);
    QCOMPARE(area.width(), w->width());
    QVERIFY2(area.height() >= int(w->height() * 0.12),
             qPrintable(QStringLiteral("%1 of %2").arg(area.height()).arg(w->height())));
    // Large type: several times the console's (already enlarged) text.
    QVERIFY(QFontMetrics(banner->font()).height() >= 2 * QFontMetrics(QApplication::font()).height());
    // Dark on light: contrast of at least 7:1.
    const auto luminance = [](const QColor &colour) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
    };
    const double background = luminance(banner->palette().color(QPalette::Window));
    const double text = luminance(banner->palette().color(QPalette::WindowText));
    QVERIFY((background + 0.05) / (text + 0.05) >= 7.0);
    QVERIFY(w->grab().save(dir + QStringLiteral("kiosk-stale.png")));
}

void TestKiosk::aFloodOnTheFloorIsListedByCondition()
{
    // Sixty drones, every third running its battery low: the floor screen
    // holds on the alarms, the banner says FLOOD, and the summary lists the
    // battery alarms as one group, however the view was left: nobody at
    // the floor screen can list them one by one.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    SimOptions o = quietPlant();
    o.drones = 60;
    o.machines = 8;
    o.scenarios = {QStringLiteral("alarm-flood"), QStringLiteral("machine-breakdown")};
    KioskSettings k = quickKiosk();
    k.views = {QStringLiteral("overview"), QStringLiteral("alarms")};
    Console c(o, k);
    AlarmsView *alarms = c.window->alarmsView();
    alarms->setWatchOnly(false);
    alarms->groupBox()->setChecked(false); // as a workstation left it
    alarms->setWatchOnly(true);
    QVERIFY(alarms->groupBox()->isHidden());
    QVERIFY(alarms->groupProxy()->grouping());

    AlarmBanner *banner = c.window->alarmBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isFlood() && c.session.alarms()->unacknowledgedCount() >= 20, 30000);
    QTRY_VERIFY(c.controller->isHeldOnAlarms());
    QCOMPARE(c.window->currentView(), View::Alarms);
    QTRY_VERIFY(alarms->groupProxy()->rowCount() < alarms->alarmProxy()->rowCount());
    QTest::qWait(1200); // a blink phase and the toasts of the last burst
    QVERIFY(c.window->grab().save(dir + QStringLiteral("/kiosk-flood.png")));
}

// A full-HD floor screen rather than the offscreen platform's small default.
int main(int argc, char *argv[])
{
    QTemporaryDir config;
    if (config.isValid() && qgetenv("QT_QPA_PLATFORM") == "offscreen") {
        QFile file(config.filePath(QStringLiteral("screens.json")));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(R"({"screens": [{"name": "floor", "x": 0, "y": 0, "width": 1920, "height": 1080,)"
                       R"( "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
            file.close();
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + file.fileName().toLocal8Bit());
        }
    }
    QApplication app(argc, argv);
    TestKiosk test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_kiosk.moc"
