#include "../net/faultproxy.h"
#include "app/session.h"
#include "simserver.h"
#include "store/localstore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using State = ConnectionService::State;

namespace {

const QString operatorName = QStringLiteral("alice");

SimOptions floodOptions()
{
    SimOptions o;
    o.drones = 12; // the flood makes every third drone's battery run low: four alarms
    o.machines = 0;
    o.tiles = 0;
    o.rate = 20.0;
    o.scenarios = {QStringLiteral("alarm-flood")};
    o.tokens = {{QStringLiteral("o"), QStringLiteral("operator")}};
    return o;
}

ConnectionSettings settingsFor(const QString &url)
{
    ConnectionSettings s;
    s.url = QUrl(url);
    s.token = QStringLiteral("o");
    s.operatorName = operatorName;
    s.connectTimeoutMs = 3000;
    s.backoffBaseMs = 50;
    s.backoffCapMs = 200;
    return s;
}

// Ids of the server's alarms, in id order, once at least `count` exist.
QStringList waitForAlarms(const SimServer &server, int count)
{
    QStringList ids;
    const bool enough = QTest::qWaitFor(
        [&] {
            ids.clear();
            const QJsonArray items = server.world().alarms().snapshot();
            for (const QJsonValue &item : items)
                ids.append(item.toObject().value(QLatin1StringView("alarmId")).toString());
            return ids.size() >= count;
        },
        10000);
    return enough ? ids : QStringList();
}

QString stateOf(const SimServer &server, const QString &alarmId)
{
    return server.world().alarms().alarmJson(alarmId).value(QLatin1StringView("state")).toString();
}

// At a high rate the drones recharge within a second, so an alarm may have
// returned to normal before it is acknowledged; acknowledging it then clears it.
bool ackedByOperator(const SimServer &server, const QString &alarmId)
{
    const QJsonObject alarm = server.world().alarms().alarmJson(alarmId);
    const QString state = alarm.value(QLatin1StringView("state")).toString();
    return alarm.value(QLatin1StringView("ackedBy")).toString() == operatorName
        && (state == u"active_acked" || state == u"cleared");
}

int pendingIn(LocalStore &store)
{
    const auto pending = store.pending();
    return pending ? int(pending->size()) : -1;
}

} // namespace

class TestAlarmService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sessionHasNoAlarmServiceWithoutAStore();
    void ackWhileLiveReachesTheServer();
    void ackWhileOfflineSurvivesARestartAndIsDelivered();
    void pendingActionsAreDeliveredInCreationOrder();
    void refusalIsKeptAndNeverRetried();
    void timeoutKeepsTheEntryPending();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString storePath() const { return m_dir->filePath(QStringLiteral("watchfloor.sqlite")); }
};

void TestAlarmService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAlarmService::sessionHasNoAlarmServiceWithoutAStore()
{
    Session session;
    QVERIFY(!session.alarmService());
    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    session.setStore(&store);
    QVERIFY(session.alarmService());
    session.setStore(nullptr);
    QVERIFY(!session.alarmService());
}

void TestAlarmService::ackWhileLiveReachesTheServer()
{
    SimServer server(floodOptions());
    QVERIFY(server.listen());
    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    session.setSettings(settingsFor(server.url()));
    session.setStore(&store);
    AlarmService *alarms = session.alarmService();
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    QSignalSpy refused(alarms, &AlarmService::requestRefused);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);
    const QStringList ids = waitForAlarms(server, 1);
    QVERIFY(!ids.isEmpty());
    QVERIFY(!ackedByOperator(server, ids.first()));

    const QUuid requestId = alarms->acknowledge(ids.first(), QStringLiteral("sending it home"));
    QVERIFY2(!requestId.isNull(), qPrintable(alarms->lastError()));
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(delivered.first().at(0).toUuid(), requestId);
    const QJsonObject answer = delivered.first().at(1).toJsonObject();
    QCOMPARE(answer.value(QLatin1StringView("alarmId")).toString(), ids.first());
    QCOMPARE(answer.value(QLatin1StringView("ackedBy")).toString(), operatorName);

    QVERIFY2(ackedByOperator(server, ids.first()), qPrintable(stateOf(server, ids.first())));
    QCOMPARE(server.world().alarms().alarmJson(ids.first()).value(QLatin1StringView("note")).toString(),
             QStringLiteral("sending it home"));
    QCOMPARE(pendingIn(store), 0);
    QCOMPARE(alarms->pendingCount(), 0);
    QCOMPARE(refused.count(), 0);
}

void TestAlarmService::ackWhileOfflineSurvivesARestartAndIsDelivered()
{
    SimServer server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    proxy.setRefusing(true);
    const QStringList ids = waitForAlarms(server, 1);
    QVERIFY(!ids.isEmpty());
    const QString alarmId = ids.first();

    QUuid requestId;
    {
        auto store = std::make_unique<LocalStore>();
        QVERIFY2(store->open(storePath()), qPrintable(store->lastError()));
        auto session = std::make_unique<Session>();
        session->setSettings(settingsFor(proxy.url()));
        session->setStore(store.get());
        session->start();
        QTRY_COMPARE(session->connection()->state(), State::Reconnecting);
        QSignalSpy pendingChanged(session->alarmService(), &AlarmService::pendingChanged);

        requestId = session->alarmService()->acknowledge(alarmId, QStringLiteral("seen on the floor"));
        QVERIFY2(!requestId.isNull(), qPrintable(session->alarmService()->lastError()));
        QCOMPARE(session->alarmService()->pendingCount(), 1);
        QCOMPARE(pendingChanged.count(), 1);
        QCOMPARE(pendingChanged.first().at(0).toInt(), 1);
        // A second click on the same alarm is the same action, not a second one.
        QCOMPARE(session->alarmService()->acknowledge(alarmId, QStringLiteral("seen on the floor")), requestId);
        QCOMPARE(session->alarmService()->pendingCount(), 1);

        // The console goes away with the acknowledgement undelivered.
        session.reset();
        store.reset();
    }
    QVERIFY(!ackedByOperator(server, alarmId));

    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    const auto stored = store.pending();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().requestId, requestId);
    QCOMPARE(stored->first().alarmId, alarmId);

    Session session;
    session.setSettings(settingsFor(proxy.url()));
    session.setStore(&store);
    QCOMPARE(session.alarmService()->pendingCount(), 1);
    QSignalSpy delivered(session.alarmService(), &AlarmService::requestDelivered);
    QSignalSpy pendingChanged(session.alarmService(), &AlarmService::pendingChanged);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);
    QCOMPARE(delivered.count(), 0);

    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 10000);
    QCOMPARE(delivered.first().at(0).toUuid(), requestId);
    QVERIFY2(ackedByOperator(server, alarmId), qPrintable(stateOf(server, alarmId)));
    QCOMPARE(server.world().alarms().alarmJson(alarmId).value(QLatin1StringView("note")).toString(),
             QStringLiteral("seen on the floor"));
    QCOMPARE(pendingIn(store), 0);
    QCOMPARE(session.alarmService()->pendingCount(), 0);
    QCOMPARE(pendingChanged.last().at(0).toInt(), 0);
}

void TestAlarmService::pendingActionsAreDeliveredInCreationOrder()
{
    SimServer server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    proxy.setRefusing(true);
    const QStringList ids = waitForAlarms(server, 3);
    QCOMPARE(ids.size() >= 3, true);

    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    session.setSettings(settingsFor(proxy.url()));
    session.setStore(&store);
    AlarmService *alarms = session.alarmService();
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    QSignalSpy refused(alarms, &AlarmService::requestRefused);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);

    // Unshelving an alarm that is not shelved is refused, so the second
    // shelving only leaves the alarm shelved if all three arrive in order.
    const QString reason = QStringLiteral("sensor being replaced");
    const QList<QUuid> made = {
        alarms->acknowledge(ids.at(0)),        alarms->shelve(ids.at(1), 30, reason), alarms->unshelve(ids.at(1)),
        alarms->shelve(ids.at(1), 30, reason), alarms->acknowledge(ids.at(2)),
    };
    for (const QUuid &id : made)
        QVERIFY2(!id.isNull(), qPrintable(alarms->lastError()));
    QCOMPARE(QSet<QUuid>(made.cbegin(), made.cend()).size(), made.size());
    QCOMPARE(alarms->pendingCount(), made.size());

    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), made.size(), 10000);
    QList<QUuid> order;
    for (const QList<QVariant> &signal : delivered)
        order.append(signal.at(0).toUuid());
    QCOMPARE(order, made);
    QCOMPARE(refused.count(), 0);

    QVERIFY2(ackedByOperator(server, ids.at(0)), qPrintable(stateOf(server, ids.at(0))));
    QCOMPARE(stateOf(server, ids.at(1)), QStringLiteral("shelved"));
    QVERIFY2(ackedByOperator(server, ids.at(2)), qPrintable(stateOf(server, ids.at(2))));
    QCOMPARE(pendingIn(store), 0);
    QCOMPARE(alarms->pendingCount(), 0);
}

void TestAlarmService::refusalIsKeptAndNeverRetried()
{
    SimServer server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    session.setSettings(settingsFor(proxy.url()));
    session.setStore(&store);
    AlarmService *alarms = session.alarmService();
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    QSignalSpy refused(alarms, &AlarmService::requestRefused);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);

    const QUuid unknown = alarms->acknowledge(QStringLiteral("A-999999"));
    QVERIFY(!unknown.isNull());
    QTRY_COMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).toUuid(), unknown);
    QCOMPARE(refused.first().at(1).toString(), QStringLiteral("not_found"));
    QVERIFY(!refused.first().at(2).toString().isEmpty());
    QCOMPARE(pendingIn(store), 0);
    QCOMPARE(alarms->pendingCount(), 0);
    auto failed = store.failed();
    QVERIFY(failed);
    QCOMPARE(failed->size(), 1);
    QCOMPARE(failed->first().requestId, unknown);
    QCOMPARE(failed->first().state, LocalStore::OutboxState::Failed);
    QVERIFY2(failed->first().failureReason.contains(QStringLiteral("not_found")),
             qPrintable(failed->first().failureReason));
    QCOMPARE(failed->first().attempts, 1);

    // Reconnect, then deliver a real acknowledgement: the outbox is drained in
    // order, so had the refused one been retried, it would have gone first.
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    proxy.dropAll();
    // The link may be back before the test looks, so follow the transitions.
    QTRY_VERIFY(states.contains({QVariant::fromValue(State::Reconnecting)}));
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Live, 10000);
    const QStringList ids = waitForAlarms(server, 1);
    QVERIFY(!ids.isEmpty());
    const QUuid real = alarms->acknowledge(ids.first());
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(delivered.first().at(0).toUuid(), real);

    QCOMPARE(refused.count(), 1);
    failed = store.failed();
    QVERIFY(failed);
    QCOMPARE(failed->size(), 1);
    QCOMPARE(failed->first().attempts, 1);
}

void TestAlarmService::timeoutKeepsTheEntryPending()
{
    SimServer server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    ConnectionSettings settings = settingsFor(proxy.url());
    settings.requestTimeoutMs = 300;
    session.setSettings(settings);
    session.setStore(&store);
    AlarmService *alarms = session.alarmService();
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    QSignalSpy refused(alarms, &AlarmService::requestRefused);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);
    const QStringList ids = waitForAlarms(server, 1);
    QVERIFY(!ids.isEmpty());

    // The link stays up but nothing gets through: the request times out
    // while the heartbeat (15 s) still holds the link for live.
    proxy.setStalled(true);
    const QUuid requestId = alarms->acknowledge(ids.first());
    QVERIFY(!requestId.isNull());
    // A probe sent after the acknowledgement cannot time out before it.
    QString probeCode;
    session.connection()->request(QStringLiteral("ping"), {},
                                  [&probeCode](const Protocol::Result &r) { probeCode = r.error.code; });
    QTRY_COMPARE(probeCode, QStringLiteral("timeout"));
    QVERIFY(session.connection()->isLive());

    auto pending = store.pending();
    QVERIFY(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().requestId, requestId);
    QCOMPARE(pending->first().attempts, 1);
    QVERIFY(pending->first().lastAttemptAt.isValid());
    QCOMPARE(alarms->pendingCount(), 1);
    QCOMPARE(delivered.count(), 0);
    QCOMPARE(refused.count(), 0);
    QVERIFY(store.failed() && store.failed()->isEmpty());

    // The held-back request dies with the link; the next live link sends it again.
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    proxy.dropAll();
    proxy.setStalled(false);
    QVERIFY(!ackedByOperator(server, ids.first()));
    QTRY_VERIFY(states.contains({QVariant::fromValue(State::Reconnecting)}));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 10000);
    QCOMPARE(delivered.first().at(0).toUuid(), requestId);
    QVERIFY2(ackedByOperator(server, ids.first()), qPrintable(stateOf(server, ids.first())));
    QCOMPARE(pendingIn(store), 0);
    QCOMPARE(refused.count(), 0);
}

QTEST_GUILESS_MAIN(TestAlarmService)
#include "tst_alarmservice.moc"
