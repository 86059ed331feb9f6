#include "alerting.h"
#include "mainwindow.h"
#include "model/notificationmodel.h"
#include "notificationpanel.h"
#include "services/consoleservices.h"
#include "services/linkstatus.h"
#include "services/notificationcenter.h"
#include "services/session.h"
#include "toastarea.h"

#include "../interop/interoppeer.h"

#include <QLocale>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <ctime>
#include <memory>

namespace {

// CPU time this thread has used, in ms. Gaps between timer ticks are
// measured in it rather than on the wall clock: on a loaded machine the
// test may wait for a core, which says nothing about the console.
qint64 threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1'000'000;
}

} // namespace

// The whole window against a real plain JSON server (Node ws) that announces
// a backlog of alarms in one burst, the way a plant server catching up does.
// A 10 ms timer stands for the operator's clicks: the most CPU time the GUI
// thread spends between two of its ticks is the longest the window is frozen.
class TestAlarmFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tenThousandAlarmsKeepTheWindowResponsive();
    void megabyteMessagesNeverBlockTheWindow();
    void restartedServerReusingIdsAnnouncesNewOccurrences();

private:
    std::unique_ptr<QProcess> m_peer;
};

void TestAlarmFlood::init()
{
    m_peer = std::make_unique<QProcess>();
}

void TestAlarmFlood::cleanup()
{
    stopPeer(*m_peer);
    m_peer.reset();
}

void TestAlarmFlood::tenThousandAlarmsKeepTheWindowResponsive()
{
    constexpr int kBacklog = 10000;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ALARM_BACKLOG"), QString::number(kBacklog));
    env.insert(QStringLiteral("ALARM_MS"), QStringLiteral("3600000"));
    QString why;
    const quint16 port = startPeer(*m_peer, interopDir + QStringLiteral("/plain-server.js"), {}, env, &why);
    QVERIFY2(port != 0, qPrintable(why));

    // No local store: the notification history's disk writes are the
    // store's own matter (its worker thread); this is about the GUI's work.
    Session session;
    ConnectionSettings s;
    s.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    s.dialect = ConnectionSettings::Dialect::Plain;
    s.operatorName = QStringLiteral("floor-1");
    s.connectTimeoutMs = 3000;
    session.setSettings(s);
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Flood"));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setNotificationsVisible(true); // the notification center open is the worst case

    qint64 last = threadCpuMs();
    qint64 worstGap = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 t = threadCpuMs();
        worstGap = std::max(worstGap, t - last);
        last = t;
    });
    last = threadCpuMs();
    tick.start();
    session.start();

    QTRY_COMPARE_WITH_TIMEOUT(session.alarms()->rowCount(), kBacklog, 120000);
    QTRY_VERIFY(window.notifications()->model()->rowCount() >= kBacklog);
    QTest::qWait(50);
    // Everything arrived and was announced; the screen stayed usable.
    QVERIFY2(worstGap < 5000,
             qPrintable(QStringLiteral("the GUI thread was busy for %1 ms without a break").arg(worstGap)));
    ToastArea *toasts = window.alerting()->toasts();
    QVERIFY(toasts->visibleCount() > 0);
    QVERIFY2(toasts->hiddenCount() <= toasts->maximumQueued(), "the toast queue is bounded");
    QVERIFY(toasts->moreButton()->isVisible()); // the rest are counted, not lost: "+N more"
    qInfo("longest busy stretch of the GUI thread during the burst: %lld ms", worstGap);
}

void TestAlarmFlood::megabyteMessagesNeverBlockTheWindow()
{
    // A server that sends whole logs as alarm messages, a megabyte each.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ALARM_BACKLOG"), QStringLiteral("4"));
    env.insert(QStringLiteral("ALARM_MESSAGE_CHARS"), QStringLiteral("1000000"));
    env.insert(QStringLiteral("ALARM_MS"), QStringLiteral("3600000"));
    QString why;
    const quint16 port = startPeer(*m_peer, interopDir + QStringLiteral("/plain-server.js"), {}, env, &why);
    QVERIFY2(port != 0, qPrintable(why));

    Session session;
    ConnectionSettings s;
    s.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    s.dialect = ConnectionSettings::Dialect::Plain;
    s.operatorName = QStringLiteral("floor-1");
    s.connectTimeoutMs = 3000;
    session.setSettings(s);
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Long texts"));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setNotificationsVisible(true);
    window.showView(MainWindow::View::Alarms);

    qint64 last = threadCpuMs();
    qint64 worstGap = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 t = threadCpuMs();
        worstGap = std::max(worstGap, t - last);
        last = t;
    });
    last = threadCpuMs();
    tick.start();
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.alarms()->rowCount(), 4, 30000);
    // Shown everywhere: the table, the notification center, the toasts.
    QTRY_VERIFY(window.alerting()->toasts()->visibleCount() > 0);
    QTest::qWait(500); // paints, tooltips and layouts of what arrived
    QVERIFY2(worstGap < 1000,
             qPrintable(QStringLiteral("the GUI thread was busy for %1 ms without a break").arg(worstGap)));
    const QString message = session.alarms()->alarmAt(0).message;
    QVERIFY(message.size() < 4000);
    QVERIFY(message.contains(QLocale().toString(1000000)));
    qInfo("longest busy stretch of the GUI thread with megabyte messages: %lld ms", worstGap);
}

void TestAlarmFlood::restartedServerReusingIdsAnnouncesNewOccurrences()
{
    // A plain server numbers its alarms from 40 each time it starts: after a
    // restart, ids 40 to 42 are new alarms, not the earlier ones.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ALARM_BACKLOG"), QStringLiteral("3"));
    env.insert(QStringLiteral("ALARM_MS"), QStringLiteral("3600000"));
    QString why;
    const quint16 port = startPeer(*m_peer, interopDir + QStringLiteral("/plain-server.js"), {}, env, &why);
    QVERIFY2(port != 0, qPrintable(why));

    Session session;
    ConnectionSettings s;
    s.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    s.dialect = ConnectionSettings::Dialect::Plain;
    s.operatorName = QStringLiteral("floor-1");
    s.connectTimeoutMs = 3000;
    s.backoffBaseMs = 50;
    s.backoffCapMs = 200;
    session.setSettings(s);
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Restart"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    NotificationModel *notes = window.notifications()->model();
    const auto waitingAlarms = [notes] {
        QStringList ids;
        for (int row = 0; row < notes->rowCount(); ++row) {
            const QModelIndex i = notes->index(row);
            if (i.data(NotificationModel::NeedsAckRole).toBool())
                ids.append(i.data(NotificationModel::IdRole).toString());
        }
        return ids;
    };
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.alarms()->rowCount(), 3, 10000);
    QTRY_COMPARE(waitingAlarms().size(), 3);
    const QStringList before = waitingAlarms();
    const QDateTime firstRaised = session.alarms()->alarm(QStringLiteral("40"))->timestamp;

    stopPeer(*m_peer);
    QTRY_VERIFY_WITH_TIMEOUT(!session.link()->isLive(), 10000);
    QTest::qWait(20); // a later millisecond for the new alarms' times
    env.insert(QStringLiteral("PORT"), QString::number(port));
    m_peer = std::make_unique<QProcess>();
    QCOMPARE(startPeer(*m_peer, interopDir + QStringLiteral("/plain-server.js"), {}, env, &why), port);
    QTRY_VERIFY_WITH_TIMEOUT(session.link()->isLive(), 10000);

    // Three rows still, now the new alarms, and each one announced.
    QTRY_VERIFY_WITH_TIMEOUT(session.alarms()->alarm(QStringLiteral("40"))->timestamp != firstRaised, 10000);
    QCOMPARE(session.alarms()->rowCount(), 3);
    QTRY_COMPARE(waitingAlarms().size(), 3);
    const QStringList after = waitingAlarms();
    for (const QString &id : after)
        QVERIFY2(!before.contains(id), qPrintable(id));
    // The earlier ones are listed still, no longer waiting: an acknowledgement
    // from them would reach the new alarm under the same id.
    for (const QString &id : before) {
        const NotificationModel::Item *item = notes->item(id);
        QVERIFY2(item, qPrintable(id));
        QVERIFY(!NotificationModel::needsAck(*item));
    }
}

QTEST_MAIN(TestAlarmFlood)
#include "tst_alarmflood.moc"
