#include "alarmnotedialog.h"
#include "alarmsound.h"
#include "alerting.h"
#include "connectionindicator.h"
#include "gateway/gatewaytestclient.h"
#include "mainwindow.h"
#include "notificationbell.h"
#include "notificationpanel.h"
#include "services/linkstatus.h"
#include "services/notificationcenter.h"
#include "stalebanner.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "toastarea.h"
#include "toastwidget.h"

#include <QDockWidget>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using Domain::AlarmSeverity;
using Domain::AlarmState;
using Item = NotificationModel::Item;

namespace {

SimOptions plantOptions()
{
    SimOptions o;
    o.drones = 36; // the flood runs every third drone's battery low: twelve high alarms at once
    o.machines = 0;
    o.tiles = 0;
    o.rate = 1.0;
    // The chattering sensor is a medium alarm: below a high threshold.
    o.scenarios = {QStringLiteral("alarm-flood"), QStringLiteral("chattering-sensor")};
    o.tokens = {{QStringLiteral("o"), QStringLiteral("operator")}, {QStringLiteral("b"), QStringLiteral("operator")}};
    return o;
}

// The console as main.cpp builds it: store, session, main window, preferences.
struct Console : WindowFixture
{
    Console(const QString &storePath, const Preferences &preferences)
        : WindowFixture(plantOptions())
    {
        openStore(storePath);
        openWindow({1400, 860});
        session.start();
        window->setPreferences(preferences, QStringLiteral("plant-a"));
    }

    ToastArea *toasts() const { return window->alerting()->toasts(); }
};

Preferences withThreshold(AlarmSeverity threshold)
{
    Preferences p;
    p.toastThreshold = threshold;
    p.desktopNotifications = false;
    return p;
}

QStringList allToastIds(ToastArea *area)
{
    return area->visibleIds() + area->hiddenIds();
}

} // namespace

class TestAlerting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void toastsOnlyAtOrAboveTheThreshold();
    void floodShowsAFewToastsAndSummarisesTheRest();
    void toastAcknowledgeSendsItAndTheToastGoes();
    void toastShowOpensTheNotificationCenterAtIt();
    void acknowledgementElsewhereTakesTheToastAway();
    void bellOpensAndClosesTheNotificationCenter();
    void preferencesApplyAndAreKept();
    void muteButtonSilencesForAWhile();
    void stoppedServerShowsStaleBannerAndStaleValues();
    void screenshots();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString storePath() const { return m_dir->filePath(QStringLiteral("watchfloor.sqlite")); }
};

void TestAlerting::initTestCase()
{
    Theme::apply(ThemeMode::Light);
}

void TestAlerting::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings().remove(QStringLiteral("preferences"));
    Theme::apply(ThemeMode::Light);
}

void TestAlerting::toastsOnlyAtOrAboveTheThreshold()
{
    Console c(storePath(), withThreshold(AlarmSeverity::High));
    QList<Item> posted;
    connect(c.window->notifications(), &NotificationCenter::notificationPosted, this,
            [&posted](const Item &item) { posted.append(item); });
    // Wait for both: a high alarm and a medium one (the chattering sensor).
    const auto has = [&posted](AlarmSeverity severity) {
        return std::any_of(posted.cbegin(), posted.cend(),
                           [severity](const Item &i) { return i.severity == severity; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(has(AlarmSeverity::High) && has(AlarmSeverity::Medium), 30000);
    const QStringList toasted = allToastIds(c.toasts());
    for (const Item &item : std::as_const(posted)) {
        if (item.severity <= AlarmSeverity::High
            && NotificationModel::needsAck(*c.window->notifications()->model()->item(item.id)))
            QVERIFY2(toasted.contains(item.id), qPrintable(item.id));
        if (item.severity > AlarmSeverity::High)
            QVERIFY2(!toasted.contains(item.id), qPrintable(item.id));
    }
    // The medium one is still in the notification center: below the threshold means no toast, not lost.
    for (const Item &item : std::as_const(posted))
        QVERIFY(c.window->notifications()->model()->contains(item.id));
}

void TestAlerting::floodShowsAFewToastsAndSummarisesTheRest()
{
    Console c(storePath(), withThreshold(AlarmSeverity::Medium));
    ToastArea *area = c.toasts();
    QTRY_VERIFY_WITH_TIMEOUT(area->hiddenCount() >= 3, 20000);
    QVERIFY(area->visibleCount() <= area->maximumVisible());
    QCOMPARE(area->visibleCount(), 3);
    // Never more on screen than the limit, however many arrive.
    int most = 0;
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(50);
        int onScreen = 0;
        for (ToastWidget *toast : area->findChildren<ToastWidget *>())
            onScreen += toast->isVisible() ? 1 : 0;
        most = std::max(most, onScreen);
    }
    QVERIFY(most <= 3);
    QVERIFY(area->moreButton()->isVisible());
    QVERIFY2(area->moreButton()->text().contains(QString::number(area->hiddenCount())),
             qPrintable(area->moreButton()->text()));
    // "+N more" opens the notification center, where all of them are.
    QVERIFY(!c.window->notificationsVisible());
    QTest::mouseClick(area->moreButton(), Qt::LeftButton);
    QVERIFY(c.window->notificationsVisible());
    for (const QString &id : allToastIds(area))
        QVERIFY(c.window->notifications()->model()->contains(id));
    // No modal dialog ever came up for an alarm.
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
}

void TestAlerting::toastAcknowledgeSendsItAndTheToastGoes()
{
    Console c(storePath(), withThreshold(AlarmSeverity::High));
    ToastArea *area = c.toasts();
    QTRY_VERIFY_WITH_TIMEOUT(area->visibleCount() > 0, 20000);
    QTRY_COMPARE(c.session.link()->role(), QStringLiteral("operator"));
    const QString id = area->visibleIds().constFirst();
    ToastWidget *toast = area->toast(id);
    const QString alarmId = toast->spec().alarmId;
    QVERIFY(!alarmId.isEmpty());
    QVERIFY(toast->acknowledgeButton()->isVisible());
    QTest::mouseClick(toast->acknowledgeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        c.server->alarms().alarmJson(alarmId).value(QLatin1StringView("ackedBy")).toString() == u"alice", 10000);
    QTRY_VERIFY(!allToastIds(area).contains(id));
    QTRY_VERIFY(!NotificationModel::needsAck(*c.window->notifications()->model()->item(id)));
}

void TestAlerting::toastShowOpensTheNotificationCenterAtIt()
{
    Console c(storePath(), withThreshold(AlarmSeverity::High));
    ToastArea *area = c.toasts();
    QTRY_VERIFY_WITH_TIMEOUT(area->visibleCount() > 0, 20000);
    const QString id = area->visibleIds().constLast();
    QTest::mouseClick(area->toast(id)->showButton(), Qt::LeftButton);
    QVERIFY(c.window->notificationsVisible());
    QVERIFY(c.window->bell()->isChecked());
    const QModelIndex current = c.window->notificationPanel()->list()->currentIndex();
    QCOMPARE(current.data(NotificationModel::IdRole).toString(), id);
    QVERIFY(current.data(NotificationModel::ReadRole).toBool()); // shown is read
}

void TestAlerting::acknowledgementElsewhereTakesTheToastAway()
{
    Console c(storePath(), withThreshold(AlarmSeverity::High));
    ToastArea *area = c.toasts();
    QTRY_VERIFY_WITH_TIMEOUT(area->visibleCount() > 0, 20000);
    const QString id = area->visibleIds().constFirst();
    const QString alarmId = area->toast(id)->spec().alarmId;
    GatewayTestClient bob(c.server->url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    QVERIFY(bob.request({{QLatin1StringView("type"), QStringLiteral("ack_alarm")},
                         {QLatin1StringView("alarmId"), alarmId},
                         {QLatin1StringView("note"), QString()}})
                .value(u"ok")
                .toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!allToastIds(area).contains(id), 3000);
    QCOMPARE(c.window->notifications()->model()->item(id)->ackedBy, QStringLiteral("bob"));
}

void TestAlerting::bellOpensAndClosesTheNotificationCenter()
{
    Console c(storePath(), withThreshold(AlarmSeverity::High));
    NotificationBell *bell = c.window->bell();
    QVERIFY(!c.window->notificationsVisible());
    QTest::mouseClick(bell, Qt::LeftButton);
    QVERIFY(c.window->notificationsVisible());
    QVERIFY(c.window->notificationDock()->isVisible());
    // Esc in the panel closes it and gives the focus back to the bell.
    c.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(c.window.get()));
    QTest::keyClick(c.window->notificationPanel()->list(), Qt::Key_Escape);
    QVERIFY(!c.window->notificationsVisible());
    QVERIFY(!bell->isChecked());
    // Ctrl+Shift+A toggles it from anywhere in the window.
    QTest::keyClick(c.window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(c.window->notificationsVisible());
    QVERIFY(bell->isChecked());
    QVERIFY(!bell->accessibleName().isEmpty());
}

void TestAlerting::preferencesApplyAndAreKept()
{
    Console c(storePath(), withThreshold(AlarmSeverity::High));
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    Preferences p = c.window->preferences();
    p.theme = ThemeMode::Dark;
    p.liveUpdates = false;
    p.sound = true;
    c.window->setPreferences(p);
    QCOMPARE(Theme::mode(), ThemeMode::Dark);
    QTRY_COMPARE(c.session.link()->state(), Domain::LinkState::Paused);
    QVERIFY(c.window->alerting()->sound()->isEnabled());
    QVERIFY(c.window->muteButton()->isVisibleTo(c.window.get()));
    p.liveUpdates = true;
    c.window->setPreferences(p);
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);

    // Through the dialog: accepted preferences are applied and saved for the profile.
    c.window->preferencesAction()->trigger();
    auto *dialog = c.window->findChild<QDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    dialog->accept();
    QTRY_COMPARE(Preferences::load(QStringLiteral("plant-a")), c.window->preferences());
    QCOMPARE(Preferences::load(QStringLiteral("plant-a")).theme, ThemeMode::Dark);
    Theme::apply(ThemeMode::Light);
}

void TestAlerting::muteButtonSilencesForAWhile()
{
    Preferences p = withThreshold(AlarmSeverity::High);
    p.sound = true;
    Console c(storePath(), p);
    QToolButton *mute = c.window->muteButton();
    AlarmSound *sound = c.window->alerting()->sound();
    QVERIFY(!sound->isMuted());
    QTest::mouseClick(mute, Qt::LeftButton);
    QVERIFY(sound->isMuted());
    const qint64 minutes = QDateTime::currentDateTimeUtc().secsTo(sound->mutedUntil()) / 60;
    QVERIFY(minutes >= 14 && minutes <= 15);
    QVERIFY(mute->text().startsWith(QStringLiteral("Sound muted until")));
    // Kept with the preferences: a restart stays muted until then.
    QVERIFY(Preferences::load(QStringLiteral("plant-a")).isMuted(QDateTime::currentDateTimeUtc()));
    QTest::mouseClick(mute, Qt::LeftButton);
    QVERIFY(!sound->isMuted());
    QCOMPARE(mute->text(), QStringLiteral("Mute sound"));
    QVERIFY(!Preferences::load(QStringLiteral("plant-a")).isMuted(QDateTime::currentDateTimeUtc()));
}

void TestAlerting::stoppedServerShowsStaleBannerAndStaleValues()
{
    Console c(storePath(), withThreshold(AlarmSeverity::High));
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData() && c.session.drones()->rowCount() > 0, 10000);
    QVERIFY(!c.window->staleBanner()->isVisible());
    QVERIFY(!c.session.drones()->index(0, 0).data(LiveTableModel::StaleRole).toBool());
    c.server->close();
    QTRY_VERIFY_WITH_TIMEOUT(c.window->staleBanner()->isVisible(), 10000);
    QVERIFY(c.window->staleBanner()->text().contains(QStringLiteral("NOT LIVE")));
    // Every value on screen is marked stale, not passed off as live.
    for (int row = 0; row < c.session.drones()->rowCount(); ++row)
        QVERIFY(c.session.drones()->index(row, 0).data(LiveTableModel::StaleRole).toBool());
    // And the link's loss is in the notification center.
    bool listed = false;
    for (int row = 0; row < c.window->notifications()->model()->rowCount(); ++row)
        listed = listed || c.window->notifications()->model()->itemAt(row).kind == NotificationModel::Kind::Connection;
    QTRY_VERIFY(listed);
}

void TestAlerting::screenshots()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
        init();
        Preferences p = withThreshold(AlarmSeverity::High);
        p.theme = mode;
        p.sound = true;
        Console c(storePath(), p);
        QTRY_VERIFY_WITH_TIMEOUT(c.toasts()->hiddenCount() > 0, 20000);
        QTRY_COMPARE(c.session.link()->role(), QStringLiteral("operator"));
        c.window->showView(MainWindow::View::Alarms);
        c.window->setNotificationsVisible(true);
        // One acknowledged, so the panel shows both kinds of row.
        NotificationCenter *center = c.window->notifications();
        for (int row = 0; row < center->model()->rowCount(); ++row) {
            if (NotificationModel::needsAck(center->model()->itemAt(row))) {
                center->acknowledge(center->model()->itemAt(row).id, QStringLiteral("crew on the way"));
                break;
            }
        }
        QTest::qWait(1500);
        const QString name = mode == ThemeMode::Dark ? QStringLiteral("/console-notifications-dark.png")
                                                     : QStringLiteral("/console-notifications.png");
        QVERIFY(c.window->grab().save(dir + name));
    }
    Theme::apply(ThemeMode::Light);
}

QTEST_MAIN(TestAlerting)
#include "tst_alerting.moc"
