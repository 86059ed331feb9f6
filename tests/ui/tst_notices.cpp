// Server notices are not alarms: identical repeats merge into one line with
// a count (notification center and toast), a notice never takes an alarm's
// toast slot nor sits above one, and the bell counts them apart.
#include "alarmbanner.h"
#include "alerting.h"
#include "gateway/gatewaytestclient.h"
#include "mainwindow.h"
#include "model/alarmmodel.h"
#include "model/alarmrate.h"
#include "noticecode.h"
#include "notificationbell.h"
#include "notificationdelegate.h"
#include "notificationpanel.h"
#include "services/linkstatus.h"
#include "services/notificationcenter.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "toastarea.h"
#include "toastwidget.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using Domain::AlarmSeverity;
using Kind = NotificationModel::Kind;
using Role = NotificationModel::Role;

namespace {

template<typename Pred> bool allOf(const QStringList &ids, Pred pred)
{
    return std::all_of(ids.cbegin(), ids.cend(), pred);
}

enum class Plant {
    Quiet, // no scenario
    SlowFlood, // the flood eight seconds in, after the test's notices
    FloodWithMedium, // the flood two seconds in, a medium alarm (the chattering sensor) five seconds in
    MediumNoFlood, // the medium alarm alone, on a small fleet
};

SimOptions plantOptions(Plant plant)
{
    SimOptions o;
    // The flood runs every third drone's battery low: twelve high alarms, a
    // flood by the rate meter's judgement (more than ten in ten minutes).
    o.drones = plant == Plant::MediumNoFlood ? 4 : 36;
    o.machines = 0;
    o.tiles = 0;
    o.rate = plant == Plant::SlowFlood ? 0.25 : 1.0;
    if (plant == Plant::SlowFlood || plant == Plant::FloodWithMedium)
        o.scenarios << QStringLiteral("alarm-flood");
    if (plant == Plant::FloodWithMedium || plant == Plant::MediumNoFlood)
        o.scenarios << QStringLiteral("chattering-sensor");
    o.tokens = {{QStringLiteral("o"), QStringLiteral("operator")}, {QStringLiteral("a"), QStringLiteral("admin")}};
    return o;
}

struct Console : WindowFixture
{
    explicit Console(Plant plant, ThemeMode theme = ThemeMode::Light)
        : WindowFixture(plantOptions(plant))
    {
        openStore();
        openWindow({1024, 700});
        session.start();
        Preferences p;
        p.toastThreshold = AlarmSeverity::Medium; // warnings (medium) are toasted
        p.desktopNotifications = false;
        p.theme = theme;
        window->setPreferences(p, QStringLiteral("plant-a"));
    }

    ToastArea *toasts() const { return window->alerting()->toasts(); }
    NotificationCenter *center() const { return window->notifications(); }
    NotificationBell *bell() const { return window->bell(); }

    // The listed server notices with this text.
    QModelIndexList notices(const QString &text) const
    {
        QModelIndexList found;
        const NotificationModel *model = center()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (Kind(index.data(Role::KindRole).toInt()) == Kind::System
                && index.data(Role::TitleRole).toString() == text)
                found.append(index);
        }
        return found;
    }
};

bool broadcast(GatewayTestClient &admin, const QString &message, const QString &level = QStringLiteral("warning"))
{
    return admin
        .request({{QLatin1StringView("type"), QStringLiteral("broadcast")},
                  {QLatin1StringView("message"), message},
                  {QLatin1StringView("level"), level}})
        .value(QLatin1StringView("ok"))
        .toBool();
}

bool isNotice(const QString &toastId)
{
    return toastId.startsWith(u"system:");
}

bool isAlarm(const QString &toastId)
{
    return toastId.startsWith(u"alarm:");
}

} // namespace

class TestNotices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void identicalNoticesMergeWithACount();
    void noticesYieldTheToastAreaToAlarms();
    void floodToastsOnlyTheHighestAndSummarisesTheRest();
    void outsideAFloodEachAlarmIsToasted();
    void screenshots();
};

void TestNotices::init()
{
    QSettings().remove(QStringLiteral("preferences"));
    Theme::apply(ThemeMode::Light);
}

void TestNotices::identicalNoticesMergeWithACount()
{
    Console c(Plant::Quiet);
    QTRY_VERIFY_WITH_TIMEOUT(c.session.link()->isLive(), 15000);
    NotificationBell *bell = c.bell();
    QVERIFY(bell);
    QCOMPARE(bell->waitingCount(), c.center()->unacknowledgedCount());
    GatewayTestClient admin(c.server->url());
    QVERIFY(admin.authenticate(QStringLiteral("a"), QStringLiteral("root")).value(u"ok").toBool());
    const QString disk = QStringLiteral("Disk almost full on the historian");
    for (int i = 0; i < 5; ++i)
        QVERIFY(broadcast(admin, disk));
    QTRY_VERIFY_WITH_TIMEOUT(
        !c.notices(disk).isEmpty() && c.notices(disk).constFirst().data(Role::CountRole).toLongLong() == 5, 10000);
    // One line in the notification center, saying how many and when the last came.
    QCOMPARE(c.notices(disk).size(), 1);
    const QModelIndex line = c.notices(disk).constFirst();
    const QString text = NotificationDelegate::titleText(line);
    QVERIFY2(text.startsWith(disk + QStringLiteral(" \u00D75, last ")), qPrintable(text));
    QVERIFY2(NotificationDelegate::accessibleText(line).contains(text), qPrintable(text));
    // One toast, updated in place, with the same count.
    const QString id = line.data(Role::IdRole).toString();
    QStringList noticeToasts;
    for (const QString &t : c.toasts()->visibleIds() + c.toasts()->hiddenIds()) {
        if (isNotice(t))
            noticeToasts << t;
    }
    QVERIFY2(noticeToasts == QStringList {id}, qPrintable(noticeToasts.join(u',') + u" / " + id));
    ToastWidget *toast = c.toasts()->toast(id);
    QVERIFY(toast);
    QVERIFY2(toast->spec().message.contains(QStringLiteral("\u00D75, last ")), qPrintable(toast->spec().message));
    QVERIFY(!toast->spec().priority); // the notice code, not a priority's
    QCOMPARE(toast->codeWord(), NoticeCode::word(NoticeCode::Level::Warning));
    // A different text is a line of its own.
    QVERIFY(broadcast(admin, QStringLiteral("Historian back to normal"), QStringLiteral("info")));
    QTRY_COMPARE_WITH_TIMEOUT(c.notices(QStringLiteral("Historian back to normal")).size(), 1, 10000);
    // The bell: notices counted apart, its alarm count the alarms' one count
    // (the plant may raise an alarm of its own meanwhile: compared, not fixed).
    QTRY_COMPARE(bell->waitingCount(), c.center()->unacknowledgedCount());
    QCOMPARE(bell->unreadNoticeCount(), c.center()->unreadNoticeCount());
    QVERIFY(bell->unreadNoticeCount() >= 2);
    QVERIFY2(bell->text().contains(QStringLiteral("%1 notice").arg(bell->unreadNoticeCount())),
             qPrintable(bell->text()));
    if (bell->waitingCount() == 0)
        QVERIFY2(!bell->text().contains(QStringLiteral("waiting")), qPrintable(bell->text()));
    // Read, and repeated again: unread again, count six, still one line.
    QVERIFY(c.center()->markRead(id));
    const int unread = c.center()->unreadNoticeCount();
    QVERIFY(broadcast(admin, disk));
    QTRY_COMPARE_WITH_TIMEOUT(c.notices(disk).constFirst().data(Role::CountRole).toLongLong(), 6, 10000);
    QCOMPARE(c.notices(disk).size(), 1);
    QVERIFY(!c.notices(disk).constFirst().data(Role::ReadRole).toBool());
    QCOMPARE(c.center()->unreadNoticeCount(), unread + 1);
}

void TestNotices::noticesYieldTheToastAreaToAlarms()
{
    Console c(Plant::SlowFlood);
    ToastArea *area = c.toasts();
    // Nothing goes by itself: only the rule makes room for the alarms.
    for (ToastLevel level : {ToastLevel::Info, ToastLevel::Warning, ToastLevel::Error})
        area->setDuration(level, 0);
    QTRY_VERIFY_WITH_TIMEOUT(c.session.link()->isLive(), 15000);
    GatewayTestClient admin(c.server->url());
    QVERIFY(admin.authenticate(QStringLiteral("a"), QStringLiteral("root")).value(u"ok").toBool());
    // Notices in the toast area before the flood (a drone's own alarm may be there too).
    for (int i = 0; i < area->maximumVisible() + 1; ++i)
        QVERIFY(broadcast(admin, QStringLiteral("Maintenance notice %1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(c.notices(QStringLiteral("Maintenance notice %1").arg(area->maximumVisible())).size(), 1,
                              10000);
    QVERIFY2(!allOf(area->visibleIds(), isAlarm), qPrintable(area->visibleIds().join(u',')));
    const int before = c.center()->unacknowledgedCount();
    QVERIFY2(before < 12, "the flood came before the notices");
    // The flood: a third of the fleet at 8 %; its alarms take every slot and the notices wait.
    QTRY_VERIFY_WITH_TIMEOUT(c.center()->unacknowledgedCount() >= 12, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(allOf(area->visibleIds(), isAlarm), 10000);
    QCOMPARE(area->visibleCount(), area->maximumVisible());
    const int notices = c.center()->unreadNoticeCount();
    QVERIFY(notices >= area->maximumVisible() + 1);
    // The bell's alarm count is the alarms', whatever the notices.
    QCOMPARE(c.bell()->waitingCount(), c.session.alarms()->unacknowledgedCount());
    QCOMPARE(c.bell()->unreadNoticeCount(), notices);
    // A notice arriving now waits; it never takes an alarm's slot.
    QVERIFY(broadcast(admin, QStringLiteral("Late notice"), QStringLiteral("error")));
    QTRY_COMPARE_WITH_TIMEOUT(c.notices(QStringLiteral("Late notice")).size(), 1, 10000);
    QVERIFY(allOf(area->visibleIds(), isAlarm));
    // In the queue the alarms come up first: while any alarm's toast waits,
    // no notice is above it.
    const QStringList hidden = area->hiddenIds();
    const auto firstNotice = std::find_if(hidden.cbegin(), hidden.cend(), isNotice);
    QVERIFY(std::none_of(firstNotice, hidden.cend(), isAlarm));
    // As alarm toasts go, the notices come back, always below the alarms still shown.
    const auto noticeShown = [area] {
        const QStringList shown = area->visibleIds();
        return std::any_of(shown.cbegin(), shown.cend(), isNotice);
    };
    for (int guard = 0; guard < 40 && !noticeShown(); ++guard)
        area->dismiss(area->visibleIds().constFirst());
    QVERIFY(noticeShown());
    const QStringList shown = area->visibleIds();
    const auto noticeAt = std::find_if(shown.cbegin(), shown.cend(), isNotice);
    QVERIFY2(std::none_of(noticeAt, shown.cend(), isAlarm), qPrintable(shown.join(u',')));
}

void TestNotices::floodToastsOnlyTheHighestAndSummarisesTheRest()
{
    Console c(Plant::FloodWithMedium);
    ToastArea *area = c.toasts();
    for (ToastLevel level : {ToastLevel::Info, ToastLevel::Warning, ToastLevel::Error})
        area->setDuration(level, 0); // everything toasted stays to be counted
    area->setMaximumQueued(1000);
    // Every alarm announced live, and whether the banner said FLOOD then.
    QList<std::pair<NotificationModel::Item, bool>> posted;
    connect(c.center(), &NotificationCenter::notificationPosted, this, [&](const NotificationModel::Item &item) {
        if (item.kind == Kind::Alarm)
            posted.append({item, c.session.alarmRate()->rate() == AlarmRateMeter::Rate::Flood});
    });
    const auto countIf = [&posted](auto pred) {
        return std::count_if(posted.cbegin(), posted.cend(),
                             [&pred](const auto &p) { return pred(p.first, p.second); });
    };
    const auto mediumInFlood
        = [](const NotificationModel::Item &i, bool flood) { return flood && i.severity == AlarmSeverity::Medium; };
    QTRY_VERIFY_WITH_TIMEOUT(countIf(mediumInFlood) >= 1, 30000);
    QCOMPARE(c.window->alarmBanner()->isFlood(), true);
    const QStringList toasted = area->visibleIds() + area->hiddenIds();
    for (const auto &[item, flood] : std::as_const(posted)) {
        if (!flood)
            continue;
        // High and above: a toast each; medium: none of its own.
        if (Domain::severityRank(item.severity) <= Domain::severityRank(AlarmSeverity::High))
            QVERIFY2(toasted.contains(item.id), qPrintable(item.id));
        else
            QVERIFY2(!toasted.contains(item.id), qPrintable(item.id));
    }
    QVERIFY(
        countIf([](const NotificationModel::Item &i, bool flood) { return flood && i.severity == AlarmSeverity::High; })
        >= 1);
    // One summary with the right count.
    QCOMPARE(toasted.count(Alerting::floodSummaryId()), 1);
    const int medium = int(countIf(mediumInFlood));
    QCOMPARE(c.window->alerting()->summarised(AlarmSeverity::Medium), medium);
    const QString summary = c.window->alerting()->floodSummaryText();
    QVERIFY2(summary.startsWith(QStringLiteral("+%1 Medium since ").arg(medium)), qPrintable(summary));
    // Its Show opens the Alarms view.
    for (int guard = 0; guard < 100 && !area->toast(Alerting::floodSummaryId()); ++guard)
        area->dismiss(area->visibleIds().constFirst());
    ToastWidget *toast = area->toast(Alerting::floodSummaryId());
    QVERIFY(toast);
    QCOMPARE(toast->spec().title, summary);
    QCOMPARE(toast->spec().priority, std::optional(AlarmSeverity::Medium));
    QVERIFY(c.window->currentView() != MainWindow::View::Alarms);
    QTest::mouseClick(toast->showButton(), Qt::LeftButton);
    QCOMPARE(c.window->currentView(), MainWindow::View::Alarms);
    QCOMPARE(c.window->alerting()->summarised(AlarmSeverity::Medium), 0);
}

void TestNotices::outsideAFloodEachAlarmIsToasted()
{
    Console c(Plant::MediumNoFlood);
    ToastArea *area = c.toasts();
    for (ToastLevel level : {ToastLevel::Info, ToastLevel::Warning, ToastLevel::Error})
        area->setDuration(level, 0);
    QList<NotificationModel::Item> posted;
    connect(c.center(), &NotificationCenter::notificationPosted, this, [&](const NotificationModel::Item &item) {
        if (item.kind == Kind::Alarm && item.severity == AlarmSeverity::Medium)
            posted.append(item);
    });
    QTRY_VERIFY_WITH_TIMEOUT(!posted.isEmpty(), 30000);
    QVERIFY(c.session.alarmRate()->rate() != AlarmRateMeter::Rate::Flood);
    const QStringList toasted = area->visibleIds() + area->hiddenIds();
    QVERIFY2(toasted.contains(posted.constFirst().id), qPrintable(toasted.join(u',')));
    QVERIFY(!toasted.contains(Alerting::floodSummaryId()));
}

void TestNotices::screenshots()
{
    // Toasts in a flood at 1024×700, light and dark; the notification center
    // with merged notices.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
        Console c(Plant::FloodWithMedium, mode);
        QTRY_VERIFY_WITH_TIMEOUT(c.session.link()->isLive(), 15000);
        GatewayTestClient admin(c.server->url());
        QVERIFY(admin.authenticate(QStringLiteral("a"), QStringLiteral("root")).value(u"ok").toBool());
        for (int i = 0; i < 4; ++i)
            QVERIFY(broadcast(admin, QStringLiteral("Disk almost full on the historian")));
        QTRY_VERIFY_WITH_TIMEOUT(c.window->alerting()->summarised(AlarmSeverity::Medium) >= 1, 30000);
        // The summary on screen with the flood's high alarms.
        ToastArea *area = c.toasts();
        for (int guard = 0; guard < 100 && !area->toast(Alerting::floodSummaryId()); ++guard)
            area->dismiss(area->visibleIds().constFirst());
        QVERIFY(area->toast(Alerting::floodSummaryId()));
        const QString suffix = mode == ThemeMode::Dark ? QStringLiteral("-dark.png") : QStringLiteral(".png");
        QVERIFY(c.window->grab().save(dir + QStringLiteral("/toasts-flood-1024x700") + suffix));
    }
    for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
        Console c(Plant::Quiet, mode);
        QTRY_VERIFY_WITH_TIMEOUT(c.session.link()->isLive(), 15000);
        GatewayTestClient admin(c.server->url());
        QVERIFY(admin.authenticate(QStringLiteral("a"), QStringLiteral("root")).value(u"ok").toBool());
        const QString disk = QStringLiteral("Disk almost full on the historian");
        for (int i = 0; i < 5; ++i)
            QVERIFY(broadcast(admin, disk));
        QVERIFY(
            broadcast(admin, QStringLiteral("Shift handover at 18:00 in the control room"), QStringLiteral("info")));
        QVERIFY(broadcast(admin, QStringLiteral("Telemetry relay 2 restarted"), QStringLiteral("error")));
        QVERIFY(broadcast(admin, QStringLiteral("Telemetry relay 2 restarted"), QStringLiteral("error")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !c.notices(QStringLiteral("Telemetry relay 2 restarted")).isEmpty()
                && c.notices(QStringLiteral("Telemetry relay 2 restarted")).constFirst().data(Role::CountRole).toInt()
                    == 2,
            10000);
        c.window->setNotificationsVisible(true);
        QTRY_VERIFY(c.window->findChild<NotificationPanel *>()->isVisible());
        const QString suffix = mode == ThemeMode::Dark ? QStringLiteral("-dark.png") : QStringLiteral(".png");
        QVERIFY(c.window->grab().save(dir + QStringLiteral("/notices-merged-1024x700") + suffix));
    }
    Theme::apply(ThemeMode::Light);
}

QTEST_MAIN(TestNotices)
#include "tst_notices.moc"
