// Server notices are not alarms: identical repeats merge into one line with
// a count (notification center and toast), a notice never takes an alarm's
// toast slot nor sits above one, and the bell counts them apart.
#include "alerting.h"
#include "gateway/gatewaytestclient.h"
#include "mainwindow.h"
#include "model/alarmmodel.h"
#include "noticecode.h"
#include "notificationbell.h"
#include "notificationdelegate.h"
#include "services/linkstatus.h"
#include "services/notificationcenter.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "toastarea.h"
#include "toastwidget.h"

#include <QLabel>
#include <QSettings>
#include <QTest>

using Domain::AlarmSeverity;
using Kind = NotificationModel::Kind;
using Role = NotificationModel::Role;

namespace {

template<typename Pred> bool allOf(const QStringList &ids, Pred pred)
{
    return std::all_of(ids.cbegin(), ids.cend(), pred);
}

SimOptions plantOptions(bool flood)
{
    SimOptions o;
    o.drones = 36; // the flood runs every third drone's battery low: twelve high alarms
    o.machines = 0;
    o.tiles = 0;
    // Slow world time: the flood comes eight seconds in, after the notices.
    o.rate = flood ? 0.25 : 1.0;
    if (flood)
        o.scenarios = {QStringLiteral("alarm-flood")};
    o.tokens = {{QStringLiteral("o"), QStringLiteral("operator")}, {QStringLiteral("a"), QStringLiteral("admin")}};
    return o;
}

struct Console : WindowFixture
{
    explicit Console(bool flood)
        : WindowFixture(plantOptions(flood))
    {
        openStore();
        openWindow({1024, 700});
        session.start();
        Preferences p;
        p.toastThreshold = AlarmSeverity::Medium; // warnings (medium) are toasted
        p.desktopNotifications = false;
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
};

void TestNotices::init()
{
    QSettings().remove(QStringLiteral("preferences"));
    Theme::apply(ThemeMode::Light);
}

void TestNotices::identicalNoticesMergeWithACount()
{
    Console c(false);
    QTRY_VERIFY_WITH_TIMEOUT(c.session.link()->isLive(), 15000);
    NotificationBell *bell = c.bell();
    QVERIFY(bell);
    const int waiting = bell->waitingCount();
    QCOMPARE(waiting, c.center()->unacknowledgedCount());
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
    // The bell: notices counted apart, the alarm count untouched.
    QCOMPARE(bell->waitingCount(), waiting);
    QCOMPARE(bell->unreadNoticeCount(), c.center()->unreadNoticeCount());
    QVERIFY(bell->unreadNoticeCount() >= 2);
    QVERIFY2(bell->text().contains(QStringLiteral("%1 notice").arg(bell->unreadNoticeCount())),
             qPrintable(bell->text()));
    if (waiting == 0)
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
    Console c(true);
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

QTEST_MAIN(TestNotices)
#include "tst_notices.moc"
