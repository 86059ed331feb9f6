#include "services/session.h"
#include "simhost.h"
#include "store/localstore.h"
#include "store/storeworker.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>

// "Acknowledge all" on 500 alarms with the real reference server and the real
// local database: how long the event loop stands still at worst while the
// acknowledgements are made, stored and delivered (docs/reliability.md). The
// figure is printed; the test checks that every acknowledgement arrived and
// was stored, never how long it took.
class TestAckAll : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgeAll500();
};

namespace {

// The longest time the event loop went without serving a 1 ms timer.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_worstMs = std::max(m_worstMs, m_sinceLast.nsecsElapsed() / 1e6);
            m_sinceLast.restart();
        });
    }
    void start()
    {
        m_worstMs = 0;
        m_sinceLast.start();
        m_timer.start();
    }
    double worstMs() const { return m_worstMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    double m_worstMs = 0;
};

} // namespace

void TestAckAll::acknowledgeAll500()
{
    constexpr int kAlarms = 500;
    SimOptions options;
    options.drones = kAlarms * 3; // the flood runs every third drone's battery low
    options.machines = 0;
    options.tiles = 0;
    options.rate = 0.2; // the alarms stay raised while they are acknowledged
    options.scenarios = {QStringLiteral("alarm-flood")};
    // The server's message limit would pace delivery to minutes; this measures the console, not the limit.
    options.messagesPerSecond = 5000;
    options.messageBurst = 500;
    // The server runs on a thread of its own: the stall measured is the console's alone.
    QThread serverThread;
    serverThread.start();
    std::unique_ptr<SimHost> server;
    QString url;
    QObject onServerThread;
    onServerThread.moveToThread(&serverThread);
    QMetaObject::invokeMethod(
        &onServerThread,
        [&] {
            server = std::make_unique<SimHost>(options);
            if (server->listen())
                url = server->url();
        },
        Qt::BlockingQueuedConnection);
    const auto stopServer = qScopeGuard([&] {
        QMetaObject::invokeMethod(
            &onServerThread, [&] { server.reset(); }, Qt::BlockingQueuedConnection);
        serverThread.quit();
        serverThread.wait();
    });
    QVERIFY(!url.isEmpty());

    QTemporaryDir dir;
    LocalStore store;
    QVERIFY2(store.open(dir.filePath(QStringLiteral("watchfloor.sqlite"))), qPrintable(store.lastError()));
    Session session;
    ConnectionSettings settings;
    settings.url = QUrl(url);
    settings.operatorName = QStringLiteral("alice");
    session.setSettings(settings);
    session.openStore(store.path());
    AlarmService *alarms = session.alarmService();
    alarms->setSendRate(2000, 200);
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(session.alarms()->unacknowledgedCount() >= kAlarms, 30000);
    QTRY_VERIFY(alarms->isLoaded());

    // The same while nothing is acknowledged: the stream's own cost.
    StallProbe probe;
    probe.start();
    QElapsedTimer quiet;
    quiet.start();
    QVERIFY(QTest::qWaitFor([&] { return quiet.elapsed() > 2000; }, 5000));
    const double baselineMs = probe.worstMs();

    QStringList ids;
    for (int row = 0; row < session.alarms()->rowCount() && ids.size() < kAlarms; ++row)
        ids.append(session.alarms()->index(row, 0).data(AlarmModel::AlarmIdRole).toString());
    QCOMPARE(ids.size(), kAlarms);

    probe.start();
    QElapsedTimer clicked;
    clicked.start();
    // As the Alarms view does when the operator confirms the note dialog: all in one go.
    for (const QString &id : std::as_const(ids))
        alarms->acknowledge(id, QStringLiteral("flood handled"));
    const double callsMs = clicked.nsecsElapsed() / 1e6;
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), kAlarms, 30000);
    const double deliveredMs = clicked.nsecsElapsed() / 1e6;
    session.store()->waitForIdle();
    const double worstMs = std::max(probe.worstMs(), callsMs);

    const auto pending = store.outbox().pending();
    QVERIFY(pending);
    QCOMPARE(pending->size(), 0);
    QVERIFY(alarms->keepsOfflineActions());
    qInfo("acknowledge all %d: %.1f ms for the %d calls, all delivered after %.0f ms; worst event-loop stall "
          "%.1f ms (%.1f ms with the stream alone)",
          kAlarms, callsMs, kAlarms, deliveredMs, worstMs, baselineMs);
}

QTEST_GUILESS_MAIN(TestAckAll)
#include "tst_ackall.moc"
