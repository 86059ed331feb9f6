#include "../net/faultproxy.h"
#include "net/connectionservice.h"
#include "services/session.h"
#include "simhost.h"
#include "store/localstore.h"
#include "store/storeworker.h"
#include "support/consolefixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using State = Domain::LinkState;

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

// Ids of the server's alarms, in id order, once at least `count` exist.
QStringList waitForAlarms(const SimHost &server, int count)
{
    QStringList ids;
    const bool enough = QTest::qWaitFor(
        [&] {
            ids.clear();
            const QJsonArray items = server.alarms().snapshot();
            for (const QJsonValue &item : items)
                ids.append(item.toObject().value(QLatin1StringView("alarmId")).toString());
            return ids.size() >= count;
        },
        10000);
    return enough ? ids : QStringList();
}

QString stateOf(const SimHost &server, const QString &alarmId)
{
    return server.alarms().alarmJson(alarmId).value(QLatin1StringView("state")).toString();
}

// At a high rate the drones recharge within a second, so an alarm may have
// returned to normal before it is acknowledged; acknowledging it then clears it.
bool ackedByOperator(const SimHost &server, const QString &alarmId)
{
    const QJsonObject alarm = server.alarms().alarmJson(alarmId);
    const QString state = alarm.value(QLatin1StringView("state")).toString();
    return alarm.value(QLatin1StringView("ackedBy")).toString() == operatorName
        && (state == u"active_acked" || state == u"cleared");
}

int pendingIn(LocalStore &store)
{
    const auto pending = store.outbox().pending();
    return pending ? int(pending->size()) : -1;
}

// The waiting rows once every write the session's store worker was given has
// run: a delivery is announced before its row is written, and the worker may
// not even have inserted the row yet, so a bare read can see 0, then 1, then 0.
int pendingOnceWritten(Session &session, LocalStore &store)
{
    session.store()->waitForIdle();
    return pendingIn(store);
}

int failedIn(LocalStore &store)
{
    const auto failed = store.outbox().failed();
    return failed ? int(failed->size()) : -1;
}

const QString kChatterCondition = QStringLiteral("system:VS-7:vibration");

// A sensor that flaps across its limit every 5 s of world time: at rate 8 its
// alarm activates again about every 1.25 s.
SimOptions chatterOptions()
{
    SimOptions o = floodOptions();
    o.drones = 0;
    o.rate = 8.0;
    o.scenarios = {QStringLiteral("chattering-sensor")};
    return o;
}

qint64 countOf(const SimHost &server, const QString &alarmId)
{
    return server.alarms().alarmJson(alarmId).value(QLatin1StringView("count")).toInteger();
}

} // namespace

class TestAlarmService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void ackWhileLiveReachesTheServer();
    void ackWhileOfflineSurvivesARestartAndIsDelivered();
    void a6_pendingActionsAreDeliveredInOrderPerAlarm();
    void refusalIsKeptAndNeverRetried();
    void timeoutKeepsTheEntryPending();
    void a3_queuedAckIsNotAppliedToALaterOccurrence();
    void a3_requestCarriesItsIdAndARepeatActsOnce();
    void a3_actionWaitingTooLongIsNotSent();
    void a6_polling_unsupportedActionFailsAtOnceAndTheRestIsFlushed();
    void a5_ackOnALiveLinkWorksWithoutAStore();
    void a5_ackOnALiveLinkWorksAfterTheStoreBreaks();
    void s11_secondConsoleOnTheProfileDoesNotDeliverItsOutbox();
    void a10_plainAckIsUnconfirmedUntilTheLinkHasHeld();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString storePath() const { return m_dir->filePath(QStringLiteral("watchfloor.sqlite")); }
};

void TestAlarmService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAlarmService::ackWhileLiveReachesTheServer()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url(), {.operatorName = operatorName}));
    session.openStore(store.path());
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
    QCOMPARE(server.alarms().alarmJson(ids.first()).value(QLatin1StringView("note")).toString(),
             QStringLiteral("sending it home"));
    QCOMPARE(pendingOnceWritten(session, store), 0);
    QCOMPARE(alarms->pendingCount(), 0);
    QCOMPARE(refused.count(), 0);
    QVERIFY(alarms->keepsOfflineActions());
}

void TestAlarmService::ackWhileOfflineSurvivesARestartAndIsDelivered()
{
    SimHost server(floodOptions());
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
        session->setSettings(ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName}));
        session->openStore(store->path());
        session->start();
        QTRY_COMPARE(session->connection()->state(), State::Reconnecting);
        QTRY_VERIFY(session->alarmService()->isLoaded());
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
    const auto stored = store.outbox().pending();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().requestId, requestId);
    QCOMPARE(stored->first().alarmId, alarmId);

    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName}));
    session.openStore(store.path());
    QTRY_COMPARE(session.alarmService()->pendingCount(), 1);
    QSignalSpy delivered(session.alarmService(), &AlarmService::requestDelivered);
    QSignalSpy pendingChanged(session.alarmService(), &AlarmService::pendingChanged);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);
    QCOMPARE(delivered.count(), 0);

    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 10000);
    QCOMPARE(delivered.first().at(0).toUuid(), requestId);
    QVERIFY2(ackedByOperator(server, alarmId), qPrintable(stateOf(server, alarmId)));
    QCOMPARE(server.alarms().alarmJson(alarmId).value(QLatin1StringView("note")).toString(),
             QStringLiteral("seen on the floor"));
    QCOMPARE(pendingOnceWritten(session, store), 0);
    QCOMPARE(session.alarmService()->pendingCount(), 0);
    QCOMPARE(pendingChanged.last().at(0).toInt(), 0);
}

void TestAlarmService::a6_pendingActionsAreDeliveredInOrderPerAlarm()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    proxy.setRefusing(true);
    const QStringList ids = waitForAlarms(server, 3);
    QCOMPARE(ids.size() >= 3, true);

    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName}));
    session.openStore(store.path());
    AlarmService *alarms = session.alarmService();
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    QSignalSpy refused(alarms, &AlarmService::requestRefused);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);

    // Unshelving an alarm that is not shelved is refused, so the second
    // shelving only leaves the alarm shelved if its three arrive in order.
    const QString reason = QStringLiteral("sensor being replaced");
    const QList<QUuid> made = {
        alarms->acknowledge(ids.at(0)),        alarms->shelve(ids.at(1), 30, reason), alarms->unshelve(ids.at(1)),
        alarms->shelve(ids.at(1), 30, reason), alarms->acknowledge(ids.at(2)),
    };
    for (const QUuid &id : made)
        QVERIFY(!id.isNull());
    QCOMPARE(QSet<QUuid>(made.cbegin(), made.cend()).size(), made.size());
    QCOMPARE(alarms->pendingCount(), made.size());

    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), made.size(), 10000);
    QList<QUuid> order;
    for (const QList<QVariant> &signal : delivered)
        order.append(signal.at(0).toUuid());
    // One alarm's actions in the order made; other alarms' need not wait for them.
    QVERIFY(order.indexOf(made.at(1)) < order.indexOf(made.at(2)));
    QVERIFY(order.indexOf(made.at(2)) < order.indexOf(made.at(3)));
    QCOMPARE(QSet<QUuid>(order.cbegin(), order.cend()), QSet<QUuid>(made.cbegin(), made.cend()));
    QCOMPARE(refused.count(), 0);

    QVERIFY2(ackedByOperator(server, ids.at(0)), qPrintable(stateOf(server, ids.at(0))));
    QCOMPARE(stateOf(server, ids.at(1)), QStringLiteral("shelved"));
    QVERIFY2(ackedByOperator(server, ids.at(2)), qPrintable(stateOf(server, ids.at(2))));
    QCOMPARE(pendingOnceWritten(session, store), 0);
    QCOMPARE(alarms->pendingCount(), 0);
}

void TestAlarmService::refusalIsKeptAndNeverRetried()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName}));
    session.openStore(store.path());
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
    QTRY_COMPARE(failedIn(store), 1);
    QCOMPARE(pendingIn(store), 0);
    QCOMPARE(alarms->pendingCount(), 0);
    auto failed = store.outbox().failed();
    QVERIFY(failed);
    QCOMPARE(failed->size(), 1);
    QCOMPARE(failed->first().requestId, unknown);
    QCOMPARE(failed->first().state, Domain::AlarmAction::State::Failed);
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
    QCOMPARE(pendingOnceWritten(session, store), 0);
    failed = store.outbox().failed();
    QVERIFY(failed);
    QCOMPARE(failed->size(), 1);
    QCOMPARE(failed->first().attempts, 1);
}

void TestAlarmService::timeoutKeepsTheEntryPending()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    ConnectionSettings settings = ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName});
    settings.requestTimeoutMs = 300;
    session.setSettings(settings);
    session.openStore(store.path());
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

    session.store()->waitForIdle();
    auto pending = store.outbox().pending();
    QVERIFY(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().requestId, requestId);
    QCOMPARE(pending->first().attempts, 1);
    QVERIFY(pending->first().lastAttemptAt.isValid());
    QCOMPARE(alarms->pendingCount(), 1);
    QCOMPARE(delivered.count(), 0);
    QCOMPARE(refused.count(), 0);
    QVERIFY(store.outbox().failed() && store.outbox().failed()->isEmpty());

    // The held-back request dies with the link; the next live link sends it again.
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    proxy.dropAll();
    proxy.setStalled(false);
    QVERIFY(!ackedByOperator(server, ids.first()));
    QTRY_VERIFY(states.contains({QVariant::fromValue(State::Reconnecting)}));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 10000);
    QCOMPARE(delivered.first().at(0).toUuid(), requestId);
    QVERIFY2(ackedByOperator(server, ids.first()), qPrintable(stateOf(server, ids.first())));
    QCOMPARE(pendingOnceWritten(session, store), 0);
    QCOMPARE(refused.count(), 0);
}

void TestAlarmService::a3_queuedAckIsNotAppliedToALaterOccurrence()
{
    SimHost server(chatterOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    proxy.setRefusing(true);
    QString alarmId;
    QVERIFY(QTest::qWaitFor(
        [&] {
            alarmId = server.alarms().alarmIdForCondition(kChatterCondition);
            return !alarmId.isEmpty();
        },
        10000));

    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName}));
    session.openStore(store.path());
    AlarmService *alarms = session.alarmService();
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    QSignalSpy refused(alarms, &AlarmService::requestRefused);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);

    // The operator acknowledges the occurrence on screen while the link is down...
    const qint64 seen = countOf(server, alarmId);
    const QUuid requestId = alarms->acknowledge(alarmId, QStringLiteral("checked the sensor"), seen);
    QCOMPARE(alarms->actions().first().entry.payload.value(QLatin1StringView("occurrence")).toInteger(), seen);
    // ...and meanwhile the alarm returns to normal and becomes active again.
    QTRY_VERIFY_WITH_TIMEOUT(countOf(server, alarmId) > seen, 10000);

    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
    QCOMPARE(refused.first().at(0).toUuid(), requestId);
    QCOMPARE(refused.first().at(1).toString(), QStringLiteral("occurrence_changed"));
    QCOMPARE(delivered.count(), 0);
    // Nobody at this console saw the new occurrence: it stays unacknowledged.
    QVERIFY(server.alarms().alarmJson(alarmId).value(QLatin1StringView("ackedBy")).isNull());
    QTRY_COMPARE(failedIn(store), 1);
    QCOMPARE(alarms->pendingCount(), 0);
}

void TestAlarmService::a3_requestCarriesItsIdAndARepeatActsOnce()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url(), {.operatorName = operatorName}));
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);
    const QStringList ids = waitForAlarms(server, 1);
    QVERIFY(!ids.isEmpty());

    // A console resending after a lost answer: the same requestId twice.
    const QJsonObject fields {{QLatin1StringView("alarmId"), ids.first()},
                              {QLatin1StringView("minutes"), 30},
                              {QLatin1StringView("reason"), QStringLiteral("calibration")},
                              {QLatin1StringView("requestId"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    QList<Protocol::Result> answers;
    const auto collect = [&answers](const Protocol::Result &r) { answers.append(r); };
    session.connection()->request(QStringLiteral("shelve_alarm"), fields, collect);
    QTRY_COMPARE(answers.size(), 1);
    QVERIFY(answers.first().ok);
    const QString until = answers.first().data.value(QLatin1StringView("shelvedUntil")).toString();
    QVERIFY(!until.isEmpty());
    // Shelving again would count the minutes from now: let the clock move on first.
    const qint64 firstAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(QTest::qWaitFor([firstAt] { return QDateTime::currentMSecsSinceEpoch() > firstAt + 20; }));
    session.connection()->request(QStringLiteral("shelve_alarm"), fields, collect);
    QTRY_COMPARE(answers.size(), 2);
    QVERIFY(answers.at(1).ok);
    QCOMPARE(answers.at(1).data.value(QLatin1StringView("shelvedUntil")).toString(), until);
    QCOMPARE(server.alarms().alarmJson(ids.first()).value(QLatin1StringView("shelvedUntil")).toString(), until);
}

void TestAlarmService::a3_actionWaitingTooLongIsNotSent()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    proxy.setRefusing(true);
    const QStringList ids = waitForAlarms(server, 1);
    QVERIFY(!ids.isEmpty());

    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName}));
    AlarmService *alarms = session.alarmService();
    alarms->setMaximumAgeMs(300);
    QSignalSpy refused(alarms, &AlarmService::requestRefused);
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);
    const QUuid requestId = alarms->acknowledge(ids.first());
    // Not replayed silently: the operator is told, before and whatever the link does.
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
    QCOMPARE(refused.first().at(0).toUuid(), requestId);
    QCOMPARE(refused.first().at(1).toString(), QStringLiteral("expired"));
    QCOMPARE(alarms->pendingCount(), 0);

    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Live, 10000);
    // A fresh action goes through; the expired one never went out.
    const QUuid fresh = alarms->acknowledge(ids.first());
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(delivered.first().at(0).toUuid(), fresh);
}

void TestAlarmService::a6_polling_unsupportedActionFailsAtOnceAndTheRestIsFlushed()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    proxy.setRefusing(true);
    proxy.setRefusingWebSockets(true);
    const QStringList ids = waitForAlarms(server, 2);
    QCOMPARE(ids.size() >= 2, true);

    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    ConnectionSettings settings = ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName});
    settings.pollAfterAttempts = 2;
    settings.pollAfterMs = 300;
    session.setSettings(settings);
    session.openStore(store.path());
    AlarmService *alarms = session.alarmService();
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    QSignalSpy refused(alarms, &AlarmService::requestRefused);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Reconnecting);

    // Queued offline: an unshelving (REST cannot carry it) ahead of an acknowledgement.
    const QUuid unshelve = alarms->unshelve(ids.at(0));
    const QUuid ack = alarms->acknowledge(ids.at(1), QStringLiteral("by REST"));
    QCOMPARE(alarms->pendingCount(), 2);

    // Only the REST API answers: the console polls, and flushes what waits without a new action.
    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Polling, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 10000);
    QCOMPARE(delivered.first().at(0).toUuid(), ack);
    QVERIFY2(ackedByOperator(server, ids.at(1)), qPrintable(stateOf(server, ids.at(1))));
    QTRY_COMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).toUuid(), unshelve);
    QCOMPARE(refused.first().at(1).toString(), QStringLiteral("unsupported"));
    QCOMPARE(alarms->pendingCount(), 0);
}

void TestAlarmService::a5_ackOnALiveLinkWorksWithoutAStore()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    Session session; // no store at all
    session.setSettings(ConsoleFixture::settingsFor(server.url(), {.operatorName = operatorName}));
    AlarmService *alarms = session.alarmService();
    QVERIFY(alarms);
    QVERIFY(!alarms->keepsOfflineActions());
    QVERIFY(!alarms->storeProblem().isEmpty());
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);
    const QStringList ids = waitForAlarms(server, 1);
    QVERIFY(!ids.isEmpty());

    const QUuid requestId = alarms->acknowledge(ids.first());
    QVERIFY(!requestId.isNull());
    QTRY_COMPARE(delivered.count(), 1);
    QVERIFY2(ackedByOperator(server, ids.first()), qPrintable(stateOf(server, ids.first())));
}

void TestAlarmService::a5_ackOnALiveLinkWorksAfterTheStoreBreaks()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url(), {.operatorName = operatorName}));
    session.openStore(store.path());
    AlarmService *alarms = session.alarmService();
    QSignalSpy keeps(alarms, &AlarmService::keepsOfflineActionsChanged);
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);
    QTRY_VERIFY(alarms->isLoaded());
    QVERIFY(alarms->keepsOfflineActions());
    const QStringList ids = waitForAlarms(server, 2);
    QCOMPARE(ids.size() >= 2, true);

    // The database goes away under the running console (a full or failing disk).
    session.store()->post([](LocalStore &broken) { broken.close(); });
    const QUuid first = alarms->acknowledge(ids.at(0));
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(delivered.first().at(0).toUuid(), first);
    QTRY_COMPARE(keeps.count(), 1);
    QCOMPARE(keeps.first().at(0).toBool(), false);
    QVERIFY(!alarms->keepsOfflineActions());
    // Later acknowledgements still go out.
    alarms->acknowledge(ids.at(1));
    QTRY_COMPARE(delivered.count(), 2);
    QVERIFY2(ackedByOperator(server, ids.at(1)), qPrintable(stateOf(server, ids.at(1))));
}

void TestAlarmService::s11_secondConsoleOnTheProfileDoesNotDeliverItsOutbox()
{
    SimHost server(floodOptions());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    proxy.setRefusing(true);
    const QStringList ids = waitForAlarms(server, 1);
    QVERIFY(!ids.isEmpty());

    LocalStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.lastError()));
    Session first;
    first.setSettings(ConsoleFixture::settingsFor(proxy.url(), {.operatorName = operatorName}));
    first.openStore(store.path());
    QTRY_VERIFY(first.alarmService()->isLoaded());
    QVERIFY(first.alarmService()->keepsOfflineActions());
    first.start();
    QTRY_COMPARE(first.connection()->state(), State::Reconnecting);
    first.alarmService()->acknowledge(ids.first());
    first.store()->waitForIdle();
    QCOMPARE(pendingIn(store), 1);

    // A second console on the same profile: it may act live, but the outbox is the first one's.
    LocalStore sameStore;
    QVERIFY2(sameStore.open(storePath()), qPrintable(sameStore.lastError()));
    Session second;
    second.setSettings(ConsoleFixture::settingsFor(server.url(), {.operatorName = operatorName}));
    second.openStore(sameStore.path());
    QTRY_VERIFY(second.alarmService()->isLoaded());
    QVERIFY(!second.alarmService()->keepsOfflineActions());
    QVERIFY2(second.alarmService()->storeProblem().contains(QStringLiteral("another")),
             qPrintable(second.alarmService()->storeProblem()));
    QCOMPARE(second.alarmService()->pendingCount(), 0);
    QSignalSpy secondDelivered(second.alarmService(), &AlarmService::requestDelivered);
    second.start();
    QTRY_COMPARE(second.connection()->state(), State::Live);
    // Live, with nothing of the first console's to send.
    QVERIFY(QTest::qWaitFor([&] { return second.hasLiveData(); }, 5000));
    QCOMPARE(secondDelivered.count(), 0);
    QCOMPARE(pendingIn(store), 1);
    QVERIFY(!ackedByOperator(server, ids.first()));
}

void TestAlarmService::a10_plainAckIsUnconfirmedUntilTheLinkHasHeld()
{
    // A plain server: it takes requests and never answers them.
    QWebSocketServer server(QStringLiteral("plain"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QList<QWebSocket *> sockets;
    QStringList acks;
    connect(&server, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = server.nextPendingConnection();
        sockets.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this, [&acks](const QString &text) {
            if (text.contains(u"ack_alarm"))
                acks.append(text);
        });
    });

    Session session;
    ConnectionSettings settings = ConsoleFixture::settingsFor(
        QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.serverPort()), {.operatorName = operatorName});
    settings.dialect = ConnectionSettings::Dialect::Plain;
    session.setSettings(settings);
    AlarmService *alarms = session.alarmService();
    alarms->setUnconfirmedHoldMs(60000);
    QSignalSpy unconfirmed(alarms, &AlarmService::requestUnconfirmed);
    QSignalSpy delivered(alarms, &AlarmService::requestDelivered);
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);

    const QUuid requestId = alarms->acknowledge(QStringLiteral("A-000001"), {}, 1);
    QTRY_COMPARE(acks.size(), 1);
    QVERIFY2(acks.first().contains(requestId.toString(QUuid::WithoutBraces)), qPrintable(acks.first()));
    // Handed to the socket is not delivered: the link may be dead without us knowing yet.
    QCOMPARE(unconfirmed.count(), 1);
    QCOMPARE(delivered.count(), 0);
    QCOMPARE(alarms->pendingCount(), 1);

    // The link drops before it has held long enough: the ack goes out again on the next one.
    alarms->setUnconfirmedHoldMs(200);
    for (QWebSocket *socket : std::as_const(sockets))
        socket->abort();
    QTRY_COMPARE_WITH_TIMEOUT(acks.size(), 2, 10000);
    QVERIFY(acks.at(1).contains(requestId.toString(QUuid::WithoutBraces)));
    QCOMPARE(delivered.count(), 0);
    // Once the link has stayed up beyond dead-link detection, it counts as delivered.
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(delivered.first().at(0).toUuid(), requestId);
    QCOMPARE(alarms->pendingCount(), 0);
    qDeleteAll(sockets);
}

QTEST_GUILESS_MAIN(TestAlarmService)
#include "tst_alarmservice.moc"
