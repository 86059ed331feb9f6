#include "core/net/faultproxy.h"
#include "gateway/gatewaytestclient.h"
#include "net/connectionservice.h"
#include "services/commandservice.h"
#include "services/notificationcenter.h"
#include "simhost.h"
#include "store/localstore.h"
#include "store/storeworker.h"
#include "support/consolefixture.h"
#include "support/logcapture.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Domain::AlarmSeverity;
using Domain::AlarmState;
using Item = NotificationModel::Item;
using Kind = NotificationModel::Kind;

namespace {

SimOptions alarmingPlant(QStringList scenarios = {QStringLiteral("alarm-flood")})
{
    SimOptions o;
    o.drones = 36;
    o.machines = 0;
    o.tiles = 0;
    o.rate = 0.5; // alarms stay raised while a test acts on them
    o.scenarios = std::move(scenarios);
    o.tokens = {{QStringLiteral("o"), QStringLiteral("operator")},
                {QStringLiteral("b"), QStringLiteral("operator")},
                {QStringLiteral("a"), QStringLiteral("admin")}};
    return o;
}

// One console: a session with its store and notification center.
struct Console : ConsoleFixture
{
    Console(const QString &url, const QString &storePath)
        : ConsoleFixture(url)
    {
        openStore(storePath);
        center = std::make_unique<NotificationCenter>(&session, session.store());
        watch({center->model()});
    }
    // Runs `read` on the store's thread, after every write posted so far.
    template<typename Result> Result stored(std::function<Result(LocalStore &)> read)
    {
        return session.store()->callAndWait<Result>(std::move(read));
    }
    int storedUnread()
    {
        return stored<std::optional<int>>([](LocalStore &s) { return s.notificationLog().unreadCount(); }).value_or(-1);
    }
    std::optional<QList<NotificationLog::Notification>> storedHistory(int limit)
    {
        return stored<std::optional<QList<NotificationLog::Notification>>>(
            [limit](LocalStore &s) { return s.notificationLog().newest(limit); });
    }
    std::unique_ptr<NotificationCenter> center;
};

// The first listed alarm notification that waits for an acknowledgement.
const Item *waitingAlarm(NotificationModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const Item &i = model->itemAt(row);
        if (NotificationModel::needsAck(i) && i.alarmState == AlarmState::ActiveUnacked)
            return &i;
    }
    return nullptr;
}

// The announcements of alarms that arrived in a resync among the posted notifications.
QList<Item> resyncAnnouncements(const QSignalSpy &posted)
{
    QList<Item> found;
    for (const QList<QVariant> &args : posted) {
        const auto item = args.at(0).value<Item>();
        if (item.id.startsWith(u"resync:"))
            found.append(item);
    }
    return found;
}

// Alarm notifications listed (not announced one by one) from a snapshot.
int fromSnapshotCount(NotificationModel *model)
{
    int n = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const Item &i = model->itemAt(row);
        n += int(i.kind == Kind::Alarm && i.fromSnapshot);
    }
    return n;
}

Domain::Alarm alarmOf(const QString &id, AlarmState state)
{
    Domain::Alarm alarm;
    alarm.alarmId = id;
    alarm.severity = AlarmSeverity::High;
    alarm.message = QStringLiteral("pressure high on ") + id;
    alarm.timestamp = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
    alarm.state = state;
    if (state == AlarmState::ActiveAcked)
        alarm.ackedBy = QStringLiteral("bob");
    return alarm;
}

// The notification of the alarm's one activation.
const Item *notificationOf(NotificationModel *model, const QString &alarmId)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->itemAt(row).alarmId == alarmId)
            return &model->itemAt(row);
    }
    return nullptr;
}

} // namespace

class TestNotificationCenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void s5_acknowledgingAnUnconfirmedAlarmLetsItGo();
    void newAlarmsAreUnreadUntilMarkedRead();
    void acknowledgingSendsAckAndFollowsTheServer();
    void acknowledgementByAnotherConsoleShowsItsName();
    void chatteringAlarmStaysOneNotification();
    void serverNoticesAreListed();
    void linkLossAndRestorationAreListed();
    void historyOutlivesTheRunAndCanBeCleared();
    void fullDiskLosesNothingOnScreen();
    void alarmsPresentAtConnectAreListedNotPosted();
    void commandOutcomesAreListed();
    void a7_refusedAlarmActionBecomesANotification();
    void s10_damagedDatabaseIsToldToTheOperator();
    void a10c_alarmWaitingForAnAckSurvivesARestart();
    void a11_theWindowNeverWaitsOnTheDatabase();
    void alarmsArrivingInAResyncAreAnnouncedOnce();
    void alarmGoneFromTheServersListIsNotCalledCleared();
    void anAlarmActiveAgainEndsItsEarlierNotification();

private:
    QTemporaryDir m_dir;
};

void TestNotificationCenter::newAlarmsAreUnreadUntilMarkedRead()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    const QString path = m_dir.filePath(QStringLiteral("unread.sqlite"));
    {
        Console c(server.url(), path);
        QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
        QSignalSpy unread(c.center.get(), &NotificationCenter::unreadCountChanged);
        c.session.start();
        QTRY_VERIFY_WITH_TIMEOUT(c.center->unreadCount() > 0, 15000);
        QVERIFY(!unread.isEmpty());
        QCOMPARE(unread.last().at(0).toInt(), c.center->unreadCount());
        QTRY_VERIFY_WITH_TIMEOUT(!posted.isEmpty(), 15000);
        const auto item = posted.first().at(0).value<Item>();
        QCOMPARE(item.kind, Kind::Alarm);
        QVERIFY(!item.read);
        QVERIFY(!item.alarmId.isEmpty());
        QVERIFY(item.id.startsWith(QStringLiteral("alarm:") + item.alarmId + u':'));

        QVERIFY(c.center->markAllRead() > 0);
        QCOMPARE(c.center->unreadCount(), 0);
        QCOMPARE(unread.last().at(0).toInt(), 0);
        c.session.stop();
        QCOMPARE(c.storedUnread(), 0);
    }
    // Read stays read in the next run.
    LocalStore reopened;
    QVERIFY(reopened.open(path));
    const auto history = reopened.notificationLog().newest(100);
    QVERIFY(history && !history->isEmpty());
    for (const NotificationLog::Notification &n : *history)
        QVERIFY2(n.read, qPrintable(n.id));
}

void TestNotificationCenter::acknowledgingSendsAckAndFollowsTheServer()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    Console c(server.url(), m_dir.filePath(QStringLiteral("ack.sqlite")));
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(waitingAlarm(c.center->model()) != nullptr, 15000);
    const Item target = *waitingAlarm(c.center->model());
    QSignalSpy changed(c.center.get(), &NotificationCenter::notificationChanged);

    QVERIFY2(c.center->acknowledge(target.id, QStringLiteral("crew on the way")), qPrintable(c.center->lastError()));
    QVERIFY(c.center->model()->item(target.id)->read);
    // The row turns acknowledged once the server says so, with our name and note.
    QTRY_VERIFY_WITH_TIMEOUT(!NotificationModel::needsAck(*c.center->model()->item(target.id)), 5000);
    const Item *after = c.center->model()->item(target.id);
    QCOMPARE(after->ackedBy, QStringLiteral("alice"));
    QCOMPARE(after->note, QStringLiteral("crew on the way"));
    QVERIFY(after->ackedAt.isValid());
    QVERIFY(!changed.isEmpty());
    // The server holds it acknowledged too.
    const auto held = c.session.alarms()->alarm(target.alarmId);
    QVERIFY(!held || !AlarmModel::isUnacknowledged(held->state));

    // Nothing left to acknowledge: a clear refusal, nothing sent.
    QVERIFY(!c.center->acknowledge(target.id));
    QVERIFY(c.center->lastError().contains(QStringLiteral("Nothing to acknowledge")));
    QVERIFY(!c.center->acknowledge(QStringLiteral("alarm:nope:1")));
}

void TestNotificationCenter::acknowledgementByAnotherConsoleShowsItsName()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    Console c(server.url(), m_dir.filePath(QStringLiteral("other.sqlite")));
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(waitingAlarm(c.center->model()) != nullptr, 15000);
    const Item target = *waitingAlarm(c.center->model());

    GatewayTestClient bob(server.url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    QSignalSpy changed(c.center.get(), &NotificationCenter::notificationChanged);
    QElapsedTimer timer;
    timer.start();
    const QJsonObject answer = bob.request({{QLatin1StringView("type"), QStringLiteral("ack_alarm")},
                                            {QLatin1StringView("alarmId"), target.alarmId},
                                            {QLatin1StringView("note"), QStringLiteral("seen from the tower")}});
    QVERIFY2(answer.value(u"ok").toBool(), QJsonDocument(answer).toJson().constData());
    // Within a second, as the issue asks (generous for a loaded machine).
    QTRY_VERIFY_WITH_TIMEOUT(c.center->model()->item(target.id)->ackedBy == QStringLiteral("bob"), 3000);
    const Item *after = c.center->model()->item(target.id);
    QVERIFY(!NotificationModel::needsAck(*after));
    QCOMPARE(after->note, QStringLiteral("seen from the tower"));
    QVERIFY(!after->read); // unread is this operator's own: bob cannot read for alice
    bool reported = false;
    for (const QList<QVariant> &args : std::as_const(changed))
        reported = reported || args.at(0).value<Item>().ackedBy == QStringLiteral("bob");
    QVERIFY(reported);
}

void TestNotificationCenter::chatteringAlarmStaysOneNotification()
{
    SimOptions options = alarmingPlant({QStringLiteral("chattering-sensor")});
    options.rate = 5.0; // the sensor comes round often enough to be called chattering soon
    SimHost server(options);
    QVERIFY(server.listen());
    Console c(server.url(), m_dir.filePath(QStringLiteral("chatter.sqlite")));
    c.session.start();
    // Find the chattering alarm once the server marks it so.
    QString alarmId;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < c.session.alarms()->rowCount(); ++row) {
                const Domain::Alarm &a = c.session.alarms()->alarmAt(row);
                if (a.chattering && a.count >= 3) {
                    alarmId = a.alarmId;
                    return true;
                }
            }
            return false;
        }(),
        30000);
    const auto countFor = [&] {
        int n = 0;
        qint64 highest = 0;
        for (int row = 0; row < c.center->model()->rowCount(); ++row) {
            const Item &i = c.center->model()->itemAt(row);
            if (i.alarmId == alarmId) {
                ++n;
                highest = std::max(highest, i.count);
            }
        }
        return std::pair {n, highest};
    };
    // Once the server calls it chattering, more activations add to the
    // count of its notification; they are not news one by one.
    const int listed = countFor().first;
    QVERIFY(listed >= 1);
    const qint64 countNow = c.session.alarms()->alarm(alarmId)->count;
    QTRY_VERIFY_WITH_TIMEOUT(c.session.alarms()->alarm(alarmId)->count >= countNow + 2, 30000);
    QCOMPARE(countFor().first, listed);
    QCOMPARE(countFor().second, c.session.alarms()->alarm(alarmId)->count);
}

void TestNotificationCenter::serverNoticesAreListed()
{
    SimHost server(alarmingPlant({}));
    QVERIFY(server.listen());
    Console c(server.url(), m_dir.filePath(QStringLiteral("notice.sqlite")));
    QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);

    GatewayTestClient admin(server.url());
    QVERIFY(admin.authenticate(QStringLiteral("a"), QStringLiteral("root")).value(u"ok").toBool());
    const QJsonObject answer = admin.request({{QLatin1StringView("type"), QStringLiteral("broadcast")},
                                              {QLatin1StringView("message"), QStringLiteral("Shift change at 18:00")},
                                              {QLatin1StringView("level"), QStringLiteral("warning")}});
    QVERIFY(answer.value(u"ok").toBool());
    const auto notice = [&]() -> std::optional<Item> {
        for (const QList<QVariant> &args : std::as_const(posted)) {
            const auto item = args.at(0).value<Item>();
            if (item.title == QStringLiteral("Shift change at 18:00"))
                return item;
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(notice().has_value(), 5000);
    QCOMPARE(notice()->kind, Kind::System);
    QCOMPARE(notice()->severity, AlarmSeverity::Medium);
    QVERIFY(!NotificationModel::needsAck(*notice()));
    QVERIFY(c.center->model()->contains(notice()->id));
}

void TestNotificationCenter::linkLossAndRestorationAreListed()
{
    SimHost server(alarmingPlant({}));
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    Console c(server.url(), m_dir.filePath(QStringLiteral("link.sqlite")));
    c.session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    const auto connectionTitles = [&] {
        QStringList titles;
        for (const QList<QVariant> &args : std::as_const(posted)) {
            const auto item = args.at(0).value<Item>();
            if (item.kind == Kind::Connection)
                titles.append(item.title);
        }
        return titles;
    };
    QVERIFY(connectionTitles().isEmpty()); // connecting is not news

    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_COMPARE_WITH_TIMEOUT(connectionTitles(), QStringList {QStringLiteral("Link to the server lost")}, 5000);
    QTest::qWait(300); // retries while down add nothing
    QCOMPARE(connectionTitles().size(), 1);
    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(connectionTitles().size(), 2, 10000);
    QCOMPARE(connectionTitles().last(), QStringLiteral("Link to the server restored"));

    // Pausing live updates is the operator's own choice: no notification.
    c.session.connection()->pause();
    QTRY_COMPARE(c.session.connection()->state(), Domain::LinkState::Paused);
    QTest::qWait(100);
    QCOMPARE(connectionTitles().size(), 2);
}

void TestNotificationCenter::historyOutlivesTheRunAndCanBeCleared()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    const QString path = m_dir.filePath(QStringLiteral("history.sqlite"));
    QStringList seen;
    {
        Console c(server.url(), path);
        c.session.start();
        QTRY_VERIFY_WITH_TIMEOUT(c.center->model()->rowCount() >= 2, 15000);
        for (int row = 0; row < c.center->model()->rowCount(); ++row)
            seen.append(c.center->model()->itemAt(row).id);
        c.session.stop();
    }
    // The next run lists the earlier notifications before it connects.
    Console next(server.url(), path);
    for (const QString &id : std::as_const(seen)) {
        const Item *item = next.center->model()->item(id);
        QVERIFY2(item, qPrintable(id));
        QVERIFY(item->earlierSession);
    }
    QCOMPARE(next.center->unreadCount(), next.storedUnread());
    next.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(waitingAlarm(next.center->model()) != nullptr, 15000);
    // Reconnecting does not list an activation twice.
    QSet<QString> ids;
    for (int row = 0; row < next.center->model()->rowCount(); ++row)
        ids.insert(next.center->model()->itemAt(row).id);
    QCOMPARE(int(ids.size()), next.center->model()->rowCount());

    QSignalSpy cleared(next.center.get(), &NotificationCenter::historyCleared);
    next.center->clearHistory();
    QTRY_COMPARE(cleared.size(), 1);
    QCOMPARE(cleared.first().at(0).toString(), QString());
    // What still waits for an acknowledgement stays, here and in the store.
    QVERIFY(next.center->model()->rowCount() > 0);
    for (int row = 0; row < next.center->model()->rowCount(); ++row)
        QVERIFY(NotificationModel::needsAck(next.center->model()->itemAt(row)));
    const auto stored = next.storedHistory(1000);
    QVERIFY(stored);
    QCOMPARE(int(stored->size()), next.center->model()->rowCount());
}

void TestNotificationCenter::fullDiskLosesNothingOnScreen()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    Console c(server.url(), m_dir.filePath(QStringLiteral("full.sqlite")));
    // The database may not grow, and what room it had is filled: every write
    // of a notification now fails as on a full disk.
    const QString full = c.stored<QString>([](LocalStore &store) {
        if (!store.database().setMaximumSize(QFileInfo(store.path()).size()))
            return QStringLiteral("no limit set");
        for (int i = 0; i < 100000; ++i) {
            NotificationLog::Notification filler;
            filler.id = QStringLiteral("system:filler-%1").arg(i);
            filler.kind = QStringLiteral("system");
            filler.severity = QStringLiteral("info");
            filler.title = QString(200, u'x');
            filler.time = QDateTime::currentDateTimeUtc().addDays(-30);
            if (!store.notificationLog().append(filler))
                break;
        }
        return store.lastError();
    });
    QVERIFY(!full.isEmpty());
    QSignalSpy failed(c.center.get(), &NotificationCenter::storeFailed);
    QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
    const LogCapture log(QStringLiteral("watchfloor.store"));
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(posted.size() >= 2, 20000);
    QVERIFY(!failed.isEmpty());
    QVERIFY(!failed.first().at(0).toString().isEmpty());
    QVERIFY(failed.size() < posted.size()); // said once per distinct failure, not per notification
    // Logged as often as said, each time with its reason.
    QCOMPARE(log.count(QStringLiteral("The notification history cannot be written")), failed.size());
    QCOMPARE(log.count(failed.first().at(0).toString()), 1);
    for (const QList<QVariant> &args : std::as_const(posted))
        QVERIFY(c.center->model()->contains(args.at(0).value<Item>().id));
}

void TestNotificationCenter::alarmsPresentAtConnectAreListedNotPosted()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    // Let the server raise alarms before the console connects.
    {
        GatewayTestClient probe(server.url());
        QVERIFY(probe.authenticate(QStringLiteral("o"), QStringLiteral("probe")).value(u"ok").toBool());
        QVERIFY(probe.subscribe(QStringLiteral("alarms")).value(u"ok").toBool());
        QVERIFY(!probe.waitForType(QStringLiteral("alarm"), 15000).isEmpty());
    }
    Console c(server.url(), m_dir.filePath(QStringLiteral("present.sqlite")));
    QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    QVERIFY(c.session.alarms()->unacknowledgedCount() > 0);
    int fromSnapshot = 0;
    for (int row = 0; row < c.center->model()->rowCount(); ++row) {
        const Item &i = c.center->model()->itemAt(row);
        if (i.fromSnapshot) {
            ++fromSnapshot;
            QVERIFY(!i.read);
            for (const QList<QVariant> &args : std::as_const(posted))
                QVERIFY(args.at(0).value<Item>().id != i.id);
        }
    }
    QVERIFY(fromSnapshot > 0);
}

void TestNotificationCenter::commandOutcomesAreListed()
{
    SimOptions options = alarmingPlant({});
    options.tiles = 1;
    options.rate = 1.0; // a command takes the device 0.6 s at least
    SimHost server(options);
    QVERIFY(server.listen());
    Console c(server.url(), m_dir.filePath(QStringLiteral("commands.sqlite")));
    CommandService commands(&c.session);
    c.center->setCommandService(&commands);
    QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);

    // Success: listed, already read (the operator sees it on the control).
    const QUuid opened = commands.send(QStringLiteral("T1.V101.open"), true);
    QVERIFY(!opened.isNull());
    const QString openedId = QStringLiteral("command:") + opened.toString(QUuid::WithoutBraces);
    QTRY_VERIFY_WITH_TIMEOUT(c.center->model()->contains(openedId), 10000);
    const Item *success = c.center->model()->item(openedId);
    QCOMPARE(success->kind, Kind::Command);
    QCOMPARE(success->severity, AlarmSeverity::Info);
    // The full path, and from what to what.
    QCOMPARE(success->title,
             QStringLiteral("Hot liquor tank 1 \u203A Outlet valve V-101 \u203A Open: Off\u00A0\u2192\u00A0On done"));
    QVERIFY(success->read);

    // A timeout: unread, says to check the device; the late success corrects it in place.
    commands.setTimeout(std::chrono::milliseconds(100));
    const QUuid closed = commands.send(QStringLiteral("T1.V101.open"), false);
    const QString closedId = QStringLiteral("command:") + closed.toString(QUuid::WithoutBraces);
    QTRY_VERIFY_WITH_TIMEOUT(c.center->model()->contains(closedId), 5000);
    QCOMPARE(c.center->model()->item(closedId)->severity, AlarmSeverity::High);
    QVERIFY(c.center->model()->item(closedId)->title.endsWith(QStringLiteral("timed out")));
    QVERIFY(c.center->model()->item(closedId)->message.contains(QStringLiteral("check the device")));
    QVERIFY(!c.center->model()->item(closedId)->read);
    QTRY_COMPARE_WITH_TIMEOUT(c.center->model()->item(closedId)->severity, AlarmSeverity::Info, 10000);
    QVERIFY(c.center->model()->item(closedId)->message.contains(QStringLiteral("after this console had stopped")));
    int rows = 0;
    for (int row = 0; row < c.center->model()->rowCount(); ++row)
        rows += c.center->model()->itemAt(row).id == closedId ? 1 : 0;
    QCOMPARE(rows, 1);
    // The history keeps the corrected outcome, not the timeout.
    const auto history = c.storedHistory(100);
    QVERIFY(history);
    const auto stored = std::find_if(history->cbegin(), history->cend(),
                                     [&closedId](const NotificationLog::Notification &n) { return n.id == closedId; });
    QVERIFY(stored != history->cend());
    QCOMPARE(stored->severity, QStringLiteral("info"));
    QVERIFY(stored->read);
}

void TestNotificationCenter::a7_refusedAlarmActionBecomesANotification()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    Console c(server.url(), m_dir.filePath(QStringLiteral("refused.sqlite")));
    QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
    QSignalSpy waiting(c.center.get(), &NotificationCenter::waitingActionCountChanged);
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.connection()->isLive(), 15000);
    QTRY_VERIFY(c.session.alarmService()->isLoaded());
    posted.clear();

    // Queued while the link is down, refused by the server once it is back.
    c.session.stop();
    c.session.alarmService()->acknowledge(QStringLiteral("A-999999"));
    QCOMPARE(c.center->waitingActionCount(), 1);
    QVERIFY(!waiting.isEmpty());
    QCOMPARE(waiting.last().at(0).toInt(), 1);
    c.session.start();
    QTRY_COMPARE_WITH_TIMEOUT(c.center->waitingActionCount(), 0, 10000);
    QCOMPARE(waiting.last().at(0).toInt(), 0);

    const auto refusal = [&]() -> std::optional<Item> {
        for (const QList<QVariant> &signal : std::as_const(posted)) {
            const Item item = signal.at(0).value<Item>();
            if (item.id.startsWith(u"refused:"))
                return item;
        }
        return std::nullopt;
    };
    QTRY_VERIFY(refusal().has_value());
    const Item item = *refusal();
    QCOMPARE(item.sourceId, QStringLiteral("A-999999"));
    QCOMPARE(item.severity, AlarmSeverity::High);
    QVERIFY(!item.read);
    QVERIFY2(item.title.contains(u"refused"), qPrintable(item.title));
    QVERIFY2(item.message.contains(u"not_found"), qPrintable(item.message));
    // Kept in the list and in the history, not only said once.
    QVERIFY(c.center->model()->item(item.id));
}

void TestNotificationCenter::s10_damagedDatabaseIsToldToTheOperator()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    Console c(server.url(), path);
    const QString movedAside = c.stored<QString>([](LocalStore &store) { return store.movedAsidePath(); });
    QVERIFY(!movedAside.isEmpty());
    const Item *notice = nullptr;
    for (int row = 0; row < c.center->model()->rowCount(); ++row) {
        if (c.center->model()->itemAt(row).id.startsWith(u"store-damaged:"))
            notice = &c.center->model()->itemAt(row);
    }
    QVERIFY(notice);
    QCOMPARE(notice->severity, AlarmSeverity::High);
    QVERIFY(!notice->read);
    QVERIFY2(notice->message.contains(movedAside), qPrintable(notice->message));
    QVERIFY2(notice->message.contains(u"Acknowledgements"), qPrintable(notice->message));
}

void TestNotificationCenter::a10c_alarmWaitingForAnAckSurvivesARestart()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    const QString path = m_dir.filePath(QStringLiteral("restart.sqlite"));
    Item waiting;
    {
        Console c(server.url(), path);
        c.session.start();
        QTRY_VERIFY_WITH_TIMEOUT(waitingAlarm(c.center->model()) != nullptr, 15000);
        waiting = *waitingAlarm(c.center->model());
        c.session.stop();
    }
    // The next run, before (or without) any server saying it again: a plain
    // or Socket.IO server sends no snapshot.
    Session session;
    session.openStore(path);
    NotificationCenter center(&session, session.store());
    const Item *restored = center.model()->item(waiting.id);
    QVERIFY(restored);
    QVERIFY(restored->earlierSession);
    QVERIFY(NotificationModel::needsAck(*restored));
    QCOMPARE(restored->alarmState, waiting.alarmState);
    QCOMPARE(restored->count, waiting.count);
    QCOMPARE(restored->alarmId, waiting.alarmId);

    // Once a server says how the alarm is, the same notification follows it.
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 15000);
    const auto now = session.alarms()->alarm(waiting.alarmId);
    const Item *followed = center.model()->item(waiting.id);
    QVERIFY(followed);
    QCOMPARE(NotificationModel::needsAck(*followed), now.has_value() && AlarmModel::isUnacknowledged(now->state));
}

// An alarm the server stopped listing while it waited is kept, unconfirmed
// (S5); acknowledging it from its notification (the panel, a toast) lets it
// go here, as the Alarms view does, instead of queueing an acknowledgement
// for a server that no longer holds it.
void TestNotificationCenter::s5_acknowledgingAnUnconfirmedAlarmLetsItGo()
{
    Session session;
    NotificationCenter center(&session, nullptr);
    Domain::Alarm alarm;
    alarm.alarmId = QStringLiteral("A-gone");
    alarm.severity = Domain::AlarmSeverity::High;
    alarm.message = QStringLiteral("pressure high");
    alarm.timestamp = QDateTime::currentDateTimeUtc();
    alarm.state = Domain::AlarmState::ActiveUnacked;
    session.alarms()->applyBatch({alarm});
    session.alarms()->reconcile({});
    QVERIFY(session.alarms()->isUnconfirmed(alarm.alarmId));
    const Item *waiting = waitingAlarm(center.model());
    QVERIFY(waiting);
    QVERIFY(center.acknowledge(waiting->id, {}));
    QVERIFY(!session.alarms()->alarm(alarm.alarmId));
    QCOMPARE(session.alarmService()->pendingCount(), 0);
}

void TestNotificationCenter::a11_theWindowNeverWaitsOnTheDatabase()
{
    SimHost server(alarmingPlant());
    QVERIFY(server.listen());
    const QString path = m_dir.filePath(QStringLiteral("locked.sqlite"));
    Console c(server.url(), path);
    QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
    QSignalSpy failed(c.center.get(), &NotificationCenter::storeFailed);
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(!posted.isEmpty() && c.center->unreadCount() > 0, 15000);
    c.session.store()->waitForIdle();

    // Another program holds the database's write lock: a write waits for it
    // (up to the store's busy timeout of 1 s), on the store's thread only.
    {
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        locker.setDatabaseName(path);
        QVERIFY(locker.open());
        QSqlQuery lock(locker);
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QElapsedTimer took;
        took.start();
        QVERIFY(c.center->markAllRead() > 0);
        c.center->clearHistory();
        const qint64 ms = took.elapsed();
        QVERIFY(lock.exec(QStringLiteral("COMMIT")));
        // Before the store's thread did the work, the window waited out the
        // lock once per write and then failed.
        QVERIFY2(ms < 500, qPrintable(QStringLiteral("the calls took %1 ms").arg(ms)));
        lock = QSqlQuery();
        locker.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    // The writes went through once the lock was gone.
    QTRY_COMPARE(c.storedUnread(), 0);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).toString()));
}

void TestNotificationCenter::alarmsArrivingInAResyncAreAnnouncedOnce()
{
    SimOptions options = alarmingPlant();
    options.rate = 0.25; // the flood comes 8 s in: the console is live long before
    options.replayEvents = 1; // any outage past one event ends in a resync
    SimHost server(options);
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    Console c(server.url(), m_dir.filePath(QStringLiteral("resync.sqlite")));
    c.session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    QSignalSpy posted(c.center.get(), &NotificationCenter::notificationPosted);
    c.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    QTest::qWait(200);
    // What the first connection found is listed, not news.
    const int atConnect = fromSnapshotCount(c.center->model());
    QVERIFY(resyncAnnouncements(posted).isEmpty());

    // The link is down while the flood comes; many attempts fail meanwhile.
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_VERIFY(!c.session.hasLiveData());
    QTRY_VERIFY_WITH_TIMEOUT(server.alarms().snapshot().size() >= c.session.alarms()->rowCount() + 12, 20000);
    QTest::qWait(300);
    proxy.setRefusing(false);
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    QCOMPARE(c.session.connection()->lastRecovery(), Domain::LinkRecovery::Resynced);

    // One announcement for all of them, whatever the channels and attempts,
    // at the most urgent one's priority; none of them toasted on its own.
    const int arrived = fromSnapshotCount(c.center->model()) - atConnect;
    QVERIFY(arrived >= 12);
    QTRY_COMPARE(resyncAnnouncements(posted).size(), 1);
    const Item announcement = resyncAnnouncements(posted).first();
    QCOMPARE(announcement.kind, Kind::Connection);
    QCOMPARE(announcement.title, QStringLiteral("%1 alarm(s) arrived in the resync").arg(arrived));
    QCOMPARE(announcement.severity, *c.session.alarms()->mostUrgentUnacknowledged());
    QVERIFY(!announcement.read);
    for (const QList<QVariant> &args : std::as_const(posted))
        QVERIFY(!args.at(0).value<Item>().fromSnapshot);
    QTest::qWait(300);
    QCOMPARE(resyncAnnouncements(posted).size(), 1);

    // The next resync brings the same alarms: nothing new to announce.
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_VERIFY(!c.session.hasLiveData());
    QTest::qWait(400); // drones report meanwhile: more than one event missed
    proxy.setRefusing(false);
    QTRY_VERIFY_WITH_TIMEOUT(c.session.hasLiveData(), 10000);
    QCOMPARE(c.session.connection()->lastRecovery(), Domain::LinkRecovery::Resynced);
    QTest::qWait(300);
    const int newlyArrived = fromSnapshotCount(c.center->model()) - atConnect - arrived;
    QCOMPARE(resyncAnnouncements(posted).size(), newlyArrived > 0 ? 2 : 1);
}

// An alarm that leaves because the server's list no longer holds it (a
// resync's snapshot without it, a restarted server; or the operator letting
// an unconfirmed one go) is not known to have cleared: its notification says
// so apart, in the history too. One the server reports cleared is Cleared.
void TestNotificationCenter::alarmGoneFromTheServersListIsNotCalledCleared()
{
    const QString path = m_dir.filePath(QStringLiteral("gone.sqlite"));
    {
        Session session;
        session.openStore(path);
        NotificationCenter center(&session, session.store());
        AlarmModel *alarms = session.alarms();
        alarms->applyBatch({alarmOf(QStringLiteral("A-acked"), AlarmState::ActiveUnacked),
                            alarmOf(QStringLiteral("A-cleared"), AlarmState::ActiveUnacked),
                            alarmOf(QStringLiteral("A-waiting"), AlarmState::ActiveUnacked)});
        alarms->applyBatch({alarmOf(QStringLiteral("A-acked"), AlarmState::ActiveAcked),
                            alarmOf(QStringLiteral("A-cleared"), AlarmState::ActiveAcked)});
        // The server says one cleared; the next snapshot lists none of them.
        alarms->applyBatch({alarmOf(QStringLiteral("A-cleared"), AlarmState::Cleared)});
        alarms->reconcile({});

        const Item *cleared = notificationOf(center.model(), QStringLiteral("A-cleared"));
        QVERIFY(cleared);
        QCOMPARE(cleared->alarmState, AlarmState::Cleared);
        QVERIFY(!cleared->noLongerReported);
        const Item *gone = notificationOf(center.model(), QStringLiteral("A-acked"));
        QVERIFY(gone);
        QCOMPARE(gone->alarmState, AlarmState::Cleared);
        QVERIFY(gone->noLongerReported);
        QVERIFY(!alarms->alarm(QStringLiteral("A-acked"))); // it leaves the list all the same

        // The one still waiting stays, unconfirmed; let go here, it is not cleared either.
        QVERIFY(alarms->isUnconfirmed(QStringLiteral("A-waiting")));
        const Item *waiting = notificationOf(center.model(), QStringLiteral("A-waiting"));
        QVERIFY(waiting && NotificationModel::needsAck(*waiting));
        QVERIFY(center.acknowledge(waiting->id));
        waiting = notificationOf(center.model(), QStringLiteral("A-waiting"));
        QCOMPARE(waiting->alarmState, AlarmState::Cleared);
        QVERIFY(waiting->noLongerReported);
        session.store()->waitForIdle();
    }
    // The history says the same in the next run.
    Session session;
    session.openStore(path);
    NotificationCenter center(&session, session.store());
    QVERIFY(!notificationOf(center.model(), QStringLiteral("A-cleared"))->noLongerReported);
    QVERIFY(notificationOf(center.model(), QStringLiteral("A-acked"))->noLongerReported);
    QVERIFY(notificationOf(center.model(), QStringLiteral("A-waiting"))->noLongerReported);
    int saidApart = 0;
    for (int row = 0; row < center.model()->rowCount(); ++row)
        saidApart += int(center.model()->index(row, 0).data(NotificationModel::NoLongerReportedRole).toBool());
    QCOMPARE(saidApart, 2);
}

// Acknowledged, then active again (a new activation, not chattering): the
// new occurrence waits on a notification of its own, and the earlier one no
// longer claims the alarm is "still active" as it was acknowledged; the
// history says the same in the next run.
void TestNotificationCenter::anAlarmActiveAgainEndsItsEarlierNotification()
{
    const QString path = m_dir.filePath(QStringLiteral("again.sqlite"));
    const QString alarmId = QStringLiteral("A-again");
    QString earlierId;
    QString laterId;
    {
        Session session;
        session.openStore(path);
        NotificationCenter center(&session, session.store());
        AlarmModel *alarms = session.alarms();
        Domain::Alarm first = alarmOf(alarmId, AlarmState::ActiveUnacked);
        alarms->applyBatch({first});
        alarms->applyBatch({alarmOf(alarmId, AlarmState::ActiveAcked)});
        QCOMPARE(center.model()->rowCount(), 1);
        earlierId = center.model()->itemAt(0).id;
        QVERIFY(!center.model()->itemAt(0).activatedAgain);

        Domain::Alarm again = alarmOf(alarmId, AlarmState::ActiveUnacked);
        again.timestamp = first.timestamp.addSecs(600);
        again.count = 2;
        alarms->applyBatch({again});
        QCOMPARE(center.model()->rowCount(), 2);
        laterId = center.model()->itemAt(0).id;
        QVERIFY(laterId != earlierId);
        const Item *later = center.model()->item(laterId);
        QVERIFY(NotificationModel::needsAck(*later));
        QVERIFY(!later->activatedAgain);
        const Item *earlier = center.model()->item(earlierId);
        QVERIFY(earlier->activatedAgain);
        QVERIFY(!NotificationModel::needsAck(*earlier));
        QCOMPARE(center.model()->index(1, 0).data(NotificationModel::ActivatedAgainRole).toBool(), true);

        // An id the server reuses for another alarm (a restarted server's
        // numbering, no activation count): the earlier one, acknowledged,
        // is no longer reported, not "still active".
        const QString reusedId = QStringLiteral("A-reused");
        Domain::Alarm held = alarmOf(reusedId, AlarmState::ActiveUnacked);
        alarms->applyBatch({held});
        alarms->applyBatch({alarmOf(reusedId, AlarmState::ActiveAcked)});
        const QString heldNotification = notificationOf(center.model(), reusedId)->id;
        Domain::Alarm other = alarmOf(reusedId, AlarmState::ActiveUnacked);
        other.timestamp = held.timestamp.addSecs(900); // same count: another alarm, not an activation
        alarms->applyBatch({other});
        const Item *earlierHeld = center.model()->item(heldNotification);
        QCOMPARE(earlierHeld->alarmState, AlarmState::Cleared);
        QVERIFY(earlierHeld->noLongerReported);
        QVERIFY(!earlierHeld->activatedAgain);
        QVERIFY(NotificationModel::needsAck(*notificationOf(center.model(), reusedId))); // the new one, newest first
        session.store()->waitForIdle();
    }
    Session session;
    session.openStore(path);
    NotificationCenter center(&session, session.store());
    QVERIFY(center.model()->item(earlierId)->activatedAgain);
    QVERIFY(!center.model()->item(laterId)->activatedAgain);
}

QTEST_GUILESS_MAIN(TestNotificationCenter)
#include "tst_notificationcenter.moc"
