#include "alerting.h"
#include "app/notificationcenter.h"
#include "app/session.h"
#include "mainwindow.h"
#include "notificationpanel.h"
#include "store/localstore.h"
#include "toastarea.h"

#include "../interop/interoppeer.h"

#include <QElapsedTimer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

// The whole window against a real plain JSON server (Node ws) that announces
// a backlog of alarms in one burst, the way a plant server catching up does.
class TestAlarmFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tenThousandAlarmsKeepTheWindowResponsive();

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

    QTemporaryDir dir;
    LocalStore store;
    QVERIFY2(store.open(dir.filePath(QStringLiteral("watchfloor.sqlite"))), qPrintable(store.lastError()));
    Session session;
    session.setStore(&store);
    ConnectionSettings s;
    s.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    s.dialect = ConnectionSettings::Dialect::Plain;
    s.operatorName = QStringLiteral("floor-1");
    s.connectTimeoutMs = 3000;
    session.setSettings(s);
    MainWindow window(&session, QStringLiteral("Flood"));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setNotificationsVisible(true); // the notification center open is the worst case

    // A 10 ms timer stands for the operator's clicks: the longest it waits
    // is the longest the window was frozen.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worstGap = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 t = clock.elapsed();
        worstGap = std::max(worstGap, t - last);
        last = t;
    });
    clock.start();
    tick.start();
    session.start();

    QTRY_COMPARE_WITH_TIMEOUT(session.alarms()->rowCount(), kBacklog, 120000);
    QTRY_VERIFY(window.notifications()->model()->rowCount() >= kBacklog);
    QTest::qWait(50);
    // Everything arrived and was announced; the screen stayed usable.
    QVERIFY2(worstGap < 5000, qPrintable(QStringLiteral("the window froze for %1 ms").arg(worstGap)));
    ToastArea *toasts = window.alerting()->toasts();
    QVERIFY(toasts->visibleCount() > 0);
    QVERIFY2(toasts->hiddenCount() <= toasts->maximumQueued(), "the toast queue is bounded");
    QVERIFY(toasts->moreButton()->isVisible()); // the rest are counted, not lost: "+N more"
    qInfo("worst event-loop gap during the burst: %lld ms", worstGap);
}

QTEST_MAIN(TestAlarmFlood)
#include "tst_alarmflood.moc"
