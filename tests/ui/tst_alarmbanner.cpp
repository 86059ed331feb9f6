#include "agetext.h"
#include "alarmbanner.h"
#include "alarmsview.h"
#include "controlpanelview.h"
#include "kpitile.h"
#include "mainwindow.h"
#include "model/alarmrate.h"
#include "notificationbell.h"
#include "notificationpanel.h"
#include "overviewview.h"
#include "prioritycode.h"
#include "services/alarmactions.h"
#include "services/linkstatus.h"
#include "services/notificationcenter.h"
#include "services/session.h"
#include "simhost.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "viewwindow.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QTest>

using Domain::AlarmSeverity;
using Domain::AlarmState;
using View = MainWindow::View;

namespace {

const QString operatorName = QStringLiteral("alice");

SimOptions floodOptions(int tiles = 0)
{
    SimOptions o;
    o.drones = 36; // the flood runs every third drone's battery low: twelve high alarms at once
    o.machines = 0;
    o.tiles = tiles;
    o.rate = 0.5; // slow enough that an alarm stays raised while the test acts on it
    o.scenarios = {QStringLiteral("alarm-flood")};
    return o;
}

struct Console : WindowFixture
{
    explicit Console(const QSize &size = {1280, 800}, int tiles = 0)
        : WindowFixture(floodOptions(tiles), {.operatorName = operatorName})
    {
        openWindow(size);
    }
};

// Empty when `banner` says what the session's alarms and rate say.
QString mismatch(const AlarmBanner *banner, Session &session)
{
    const AlarmModel *alarms = session.alarms();
    QString out;
    if (banner->waitingCount() != alarms->unacknowledgedCount())
        out += QStringLiteral("waiting %1, model %2; ").arg(banner->waitingCount()).arg(alarms->unacknowledgedCount());
    for (const AlarmSeverity p : PriorityCode::kPriorities) {
        if (banner->count(p) != alarms->unacknowledgedCount(p))
            out += QStringLiteral("%1: %2, model %3; ")
                       .arg(PriorityCode::word(p))
                       .arg(banner->count(p))
                       .arg(alarms->unacknowledgedCount(p));
    }
    return out;
}

// The banner and every part of it inside `window`'s visible area.
QString outside(const AlarmBanner *banner, const QWidget *window)
{
    if (!banner->isVisible())
        return QStringLiteral("not visible");
    const QRect inWindow(banner->mapTo(window, QPoint(0, 0)), banner->size());
    if (!window->rect().contains(inWindow))
        return QStringLiteral("the banner at %1,%2 %3×%4 is outside the window %5×%6")
            .arg(inWindow.x())
            .arg(inWindow.y())
            .arg(inWindow.width())
            .arg(inWindow.height())
            .arg(window->width())
            .arg(window->height());
    QRectF previous;
    for (const QRectF &part : banner->partRects()) {
        if (!QRectF(banner->rect()).contains(part))
            return QStringLiteral("a part at x %1 (width %2) is cut off by the banner's width %3")
                .arg(part.x())
                .arg(part.width())
                .arg(banner->width());
        if (previous.intersects(part))
            return QStringLiteral("two parts overlap");
        previous = part;
    }
    return {};
}

} // namespace

// The alarm banner (issue 16): in every view and every window, the same
// counts as the session's alarms and as the bell, the Overview's tile and the
// notification center; the flood from the session's alarm rate; the oldest
// waiting alarm's age, moving on; one click or key to the Alarms view;
// fully visible at 1024×700.
class TestAlarmBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void inEveryViewAndWindowWithTheSameCounts();
    void acknowledgingOneLowersTheCountEverywhere();
    void floodStateFollowsTheAlarmRate();
    void oldestAgeMovesOn();
    void clickOrKeyOpensTheAlarmsView();
    void fullyVisibleAt1024x700();
    void screenshots();
};

void TestAlarmBanner::inEveryViewAndWindowWithTheSameCounts()
{
    Console console;
    MainWindow *window = console.window.get();
    ViewWindow *detached = window->openViewWindow(View::Drones);
    QVERIFY(QTest::qWaitForWindowExposed(detached));
    QVERIFY(detached->alarmBanner());
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.alarms()->unacknowledgedCount() >= 12, 15000);
    QVERIFY(console.session.alarms()->unacknowledgedCount(AlarmSeverity::High) >= 12);

    for (int v = 0; v <= int(View::CommandLog); ++v) {
        window->showView(View(v));
        QVERIFY2(outside(window->alarmBanner(), window).isEmpty(),
                 qPrintable(MainWindow::viewTitle(View(v)) + u": " + outside(window->alarmBanner(), window)));
    }
    QVERIFY2(outside(detached->alarmBanner(), detached).isEmpty(),
             qPrintable(outside(detached->alarmBanner(), detached)));
    QTRY_VERIFY2(mismatch(window->alarmBanner(), console.session).isEmpty(),
                 qPrintable(mismatch(window->alarmBanner(), console.session)));
    QTRY_VERIFY2(mismatch(detached->alarmBanner(), console.session).isEmpty(),
                 qPrintable(mismatch(detached->alarmBanner(), console.session)));
    for (const AlarmSeverity p : PriorityCode::kPriorities) {
        QCOMPARE(detached->alarmBanner()->countText(p), window->alarmBanner()->countText(p));
        QVERIFY(window->alarmBanner()->countText(p).contains(PriorityCode::word(p))
                || !window->alarmBanner()->shows(p));
    }

    // The one count: the bell, the Overview's tile and the notification center say the same number.
    const int waiting = window->alarmBanner()->waitingCount();
    const QString number = QLocale().toString(waiting);
    QCOMPARE(window->alarmBanner()->waitingText(), QStringLiteral("%1 waiting").arg(number));
    QTRY_COMPARE(window->bell()->waitingCount(), waiting);
    QVERIFY(window->bell()->text().contains(QStringLiteral("%1 waiting").arg(number)));
    QTRY_COMPARE(window->overview()->tile(OverviewView::Kpi::AlarmsUnacknowledged)->valueText(), number);
    window->setNotificationsVisible(true);
    QTRY_VERIFY2(window->notificationPanel()->summaryLabel()->text().contains(
                     QStringLiteral("%1 alarms waiting for acknowledgement").arg(number)),
                 qPrintable(window->notificationPanel()->summaryLabel()->text()));
}

void TestAlarmBanner::acknowledgingOneLowersTheCountEverywhere()
{
    Console console;
    MainWindow *window = console.window.get();
    ViewWindow *detached = window->openViewWindow(View::Alarms);
    QVERIFY(QTest::qWaitForWindowExposed(detached));
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.alarms()->unacknowledgedCount(AlarmSeverity::High) >= 12, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    QTRY_VERIFY(mismatch(window->alarmBanner(), console.session).isEmpty());
    const int before = window->alarmBanner()->count(AlarmSeverity::High);
    QCOMPARE(detached->alarmBanner()->count(AlarmSeverity::High), before);

    QString id;
    for (int row = 0; row < console.session.alarms()->rowCount() && id.isEmpty(); ++row) {
        const Domain::Alarm &a = console.session.alarms()->alarmAt(row);
        if (a.severity == AlarmSeverity::High && a.state == AlarmState::ActiveUnacked)
            id = a.alarmId;
    }
    QVERIFY(!id.isEmpty());
    console.session.alarmActions()->acknowledge(id, QStringLiteral("seen"));
    QTRY_VERIFY_WITH_TIMEOUT(console.session.alarms()->alarm(id)
                                 && !AlarmModel::isUnacknowledged(console.session.alarms()->alarm(id)->state),
                             10000);
    // One fewer everywhere (the flood raised its alarms at once: nothing new came meanwhile).
    QTRY_COMPARE(window->alarmBanner()->count(AlarmSeverity::High), before - 1);
    QTRY_COMPARE(detached->alarmBanner()->count(AlarmSeverity::High), before - 1);
    QCOMPARE(window->alarmBanner()->waitingCount(), console.session.alarms()->unacknowledgedCount());
    QTRY_COMPARE(window->bell()->waitingCount(), window->alarmBanner()->waitingCount());
    QTRY_COMPARE(window->overview()->tile(OverviewView::Kpi::AlarmsUnacknowledged)->valueText(),
                 QLocale().toString(window->alarmBanner()->waitingCount()));
}

void TestAlarmBanner::floodStateFollowsTheAlarmRate()
{
    Console console;
    AlarmBanner *banner = console.window->alarmBanner();
    QVERIFY(!banner->isFlood());
    QCOMPARE(banner->rateText(), QStringLiteral("0 in 10 min · acceptable"));
    console.session.start();
    // Twelve activations in ten minutes: more than AlarmRateMeter's ten is a flood.
    QTRY_VERIFY_WITH_TIMEOUT(console.session.alarmRate()->rate() == AlarmRateMeter::Rate::Flood, 15000);
    QTRY_VERIFY(banner->isFlood());
    QTRY_COMPARE(banner->rateText(),
                 QStringLiteral("FLOOD · %1 in 10 min").arg(console.session.alarmRate()->activationsInLast10Minutes()));
    QVERIFY(banner->summaryText().contains(banner->rateText()));
}

void TestAlarmBanner::oldestAgeMovesOn()
{
    Console console;
    AlarmBanner *banner = console.window->alarmBanner();
    QVERIFY(banner->oldestText().isEmpty()); // nothing waits
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.alarms()->unacknowledgedCount() >= 12, 15000);
    QDateTime oldest;
    for (int row = 0; row < console.session.alarms()->rowCount(); ++row) {
        const Domain::Alarm &a = console.session.alarms()->alarmAt(row);
        if (AlarmModel::isUnacknowledged(a.state) && (!oldest.isValid() || a.timestamp < oldest))
            oldest = a.timestamp;
    }
    QVERIFY(oldest.isValid());
    // No server, so no alarm event refreshes the banner: only its own clock does.
    QTRY_VERIFY(!banner->isStale());
    QVERIFY(!banner->summaryText().contains(u"last known"));
    console.server.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!console.session.link()->isLive(), 10000);
    // The figures are the last known now, and say so.
    QTRY_VERIFY(banner->isStale());
    QVERIFY(banner->summaryText().endsWith(u"last known · Alarms ›"));
    qint64 offsetMs = 4 * 60 * 1000;
    banner->setClock([&] { return oldest.addMSecs(offsetMs); });
    QCOMPARE(banner->oldestText(), QStringLiteral("oldest %1").arg(AgeText::format(4 * 60 * 1000)));
    QVERIFY(banner->summaryText().contains(banner->oldestText()));
    // It moves on by itself, once a second.
    offsetMs = 5 * 60 * 1000 + 10 * 1000;
    QTRY_COMPARE(banner->oldestText(), QStringLiteral("oldest %1").arg(AgeText::format(offsetMs)));
    QCOMPARE(banner->oldestText(), QStringLiteral("oldest 5 min 10 s"));
}

void TestAlarmBanner::clickOrKeyOpensTheAlarmsView()
{
    Console console;
    MainWindow *window = console.window.get();
    window->showView(View::Overview);
    QTest::mouseClick(window->alarmBanner(), Qt::LeftButton, {}, window->alarmBanner()->rect().center());
    QCOMPARE(window->currentView(), View::Alarms);

    window->showView(View::ControlPanel);
    window->alarmBanner()->setFocus();
    QTest::keyClick(window->alarmBanner(), Qt::Key_Return);
    QCOMPARE(window->currentView(), View::Alarms);

    // From a window of its own: the main window shows its Alarms view.
    window->showView(View::Drones);
    ViewWindow *detached = window->openViewWindow(View::Machines);
    QVERIFY(QTest::qWaitForWindowExposed(detached));
    QTest::mouseClick(detached->alarmBanner(), Qt::LeftButton, {}, detached->alarmBanner()->rect().center());
    QCOMPARE(window->currentView(), View::Alarms);
    window->showView(View::Drones);
    auto *shortcut = detached->findChild<QAction *>(QStringLiteral("showAlarms"));
    QVERIFY(shortcut);
    QCOMPARE(shortcut->shortcut(), QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key_5)));
    shortcut->trigger();
    QCOMPARE(window->currentView(), View::Alarms);
}

void TestAlarmBanner::fullyVisibleAt1024x700()
{
    Console console({1024, 700}, 2);
    MainWindow *window = console.window.get();
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.alarms()->unacknowledgedCount() >= 12, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(window->alarmBanner()->isFlood(), 15000);
    QCOMPARE(window->size(), QSize(1024, 700));
    for (const View v : {View::Overview, View::ControlPanel, View::Alarms, View::Drones}) {
        window->showView(v);
        QVERIFY2(outside(window->alarmBanner(), window).isEmpty(),
                 qPrintable(MainWindow::viewTitle(v) + u": " + outside(window->alarmBanner(), window)));
    }
    // Every count, the total, the flood and the oldest age are there.
    const QString said = window->alarmBanner()->summaryText();
    for (const AlarmSeverity p : PriorityCode::kPriorities) {
        if (window->alarmBanner()->shows(p))
            QVERIFY2(said.contains(window->alarmBanner()->countText(p)), qPrintable(said));
    }
    QVERIFY(said.contains(window->alarmBanner()->rateText()));
    QVERIFY(said.contains(window->alarmBanner()->oldestText()));
    // The kiosk keeps it too.
    window->setKioskMode(true);
    QVERIFY2(outside(window->alarmBanner(), window).isEmpty(), qPrintable(outside(window->alarmBanner(), window)));
    window->setKioskMode(false);
}

// Screenshots for the eye when WATCHFLOOR_BANNER_SCREENSHOTS names a folder.
void TestAlarmBanner::screenshots()
{
    const QString folder = qEnvironmentVariable("WATCHFLOOR_BANNER_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    Console console({1024, 700}, 2);
    MainWindow *window = console.window.get();
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(window->alarmBanner()->isFlood(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 15000);
    QTest::qWait(1500); // the charts' once-a-second redraw, for the eye only
    const auto save = [&](QWidget *w, const QString &name) { QVERIFY(w->grab().save(folder + u'/' + name + u".png")); };
    for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
        Theme::apply(mode);
        const QString theme = mode == ThemeMode::Dark ? QStringLiteral("-dark") : QString();
        for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
            window->resize(size);
            const QString at = QStringLiteral("-%1x%2").arg(size.width()).arg(size.height());
            window->showView(View::Overview);
            QTest::qWait(200);
            save(window, u"banner-overview" + at + theme);
            window->showView(View::ControlPanel);
            QTest::qWait(200);
            save(window, u"banner-controlpanel" + at + theme);
        }
    }
    Theme::apply(ThemeMode::Light);
    window->resize(1024, 700);
    window->showView(View::Overview);
    console.server.reset(); // the server down in the flood
    QTRY_VERIFY_WITH_TIMEOUT(window->alarmBanner()->isStale(), 10000);
    QTest::qWait(200);
    save(window, QStringLiteral("banner-server-down"));
    ViewWindow *detached = window->openViewWindow(View::Drones);
    QVERIFY(QTest::qWaitForWindowExposed(detached));
    detached->resize(1024, 700);
    QTest::qWait(200);
    save(detached, QStringLiteral("banner-detached"));
    detached->close();
    window->setKioskMode(true);
    QFont big = window->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    window->setFont(big);
    window->resize(1920, 1080);
    window->showView(View::Alarms);
    QTest::qWait(200);
    save(window, QStringLiteral("banner-kiosk"));
}

QTEST_MAIN(TestAlarmBanner)
#include "tst_alarmbanner.moc"
