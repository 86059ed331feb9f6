#include "gateway/gatewaytestclock.h"
#include "gatewayalarmbook.h"
#include "gatewayoperatoractions.h"
#include "simworld.h"

#include <QJsonArray>
#include <QTest>

// An operator's request run against the world without a server: the fields
// a request must carry, the occurrence it must name, and an alarm request
// repeated under the same requestId answered from memory, acting once.
class TestGatewayOperatorActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void aRepeatedAlarmRequestActsOnce();
    void aStaleOrBadOccurrenceIsRefused();
    void aCommandNeedsItsFields();
    void aShelvingNeedsAReasonAndRecordsTheOperator();
    void aRepeatedCommandIsAnAnswerNotAnAction();
    void rememberedAnswersAreBounded();

private:
    QString firstAlarm() const
    {
        return m_alarms.snapshot().first().toObject().value(QLatin1StringView("alarmId")).toString();
    }
    qint64 occurrenceOf(const QString &alarmId) const
    {
        for (const QJsonValue &alarm : m_alarms.snapshot()) {
            if (alarm.toObject().value(QLatin1StringView("alarmId")).toString() == alarmId)
                return alarm.toObject().value(QLatin1StringView("count")).toInteger();
        }
        return -1;
    }
    static QString code(const GatewayOperatorActions::Outcome &outcome)
    {
        return outcome.error.value(QLatin1StringView("code")).toString();
    }

    // Source time of the requests: the end of init()'s run.
    static constexpr qint64 kNowMs = 4000;
    std::unique_ptr<SimWorld> m_world;
    GatewayAlarmBook m_alarms; // fed with the world's conditions, as the server's is
};

void TestGatewayOperatorActions::init()
{
    SimOptions options;
    options.drones = 20;
    options.machines = 12;
    options.tiles = 2;
    options.seed = 5;
    options.scenarios = {QStringLiteral("alarm-flood")};
    m_world = std::make_unique<SimWorld>(options);
    m_alarms = GatewayAlarmBook();
    for (qint64 ms = 100; ms <= kNowMs; ms += 100) {
        m_world->advance(ms, wallAt(ms));
        if (ms % 1000 == 0)
            m_alarms.update(m_world->conditions(), ms, wallAt(ms));
    }
    QVERIFY(!m_alarms.snapshot().isEmpty());
}

void TestGatewayOperatorActions::aRepeatedAlarmRequestActsOnce()
{
    GatewayOperatorActions actions(*m_world, m_alarms);
    const QString alarmId = firstAlarm();
    const QJsonObject request {{QLatin1StringView("alarmId"), alarmId},
                               {QLatin1StringView("requestId"), QStringLiteral("r-1")},
                               {QLatin1StringView("note"), QStringLiteral("seen")}};
    const auto first = actions.run(QStringLiteral("alice"), QStringLiteral("ack_alarm"), request, kNowMs);
    QVERIFY2(first.error.isEmpty(), qPrintable(code(first)));
    QCOMPARE(first.data.value(QLatin1StringView("ackedBy")).toString(), QStringLiteral("alice"));
    QCOMPARE(first.events.size(), 1);
    QCOMPARE(first.activity, QStringLiteral("ack_alarm"));
    QCOMPARE(first.target, alarmId);
    QVERIFY(!first.repeated);

    // The console resends after a lost answer, even as someone else.
    const auto again = actions.run(QStringLiteral("bob"), QStringLiteral("ack_alarm"), request, kNowMs);
    QVERIFY(again.repeated);
    QCOMPARE(again.data, first.data);
    QVERIFY(again.events.isEmpty());
    QVERIFY(again.activity.isEmpty());

    // The same id for another request type is another request.
    const auto shelve = actions.run(QStringLiteral("alice"), QStringLiteral("shelve_alarm"),
                                    {{QLatin1StringView("alarmId"), alarmId},
                                     {QLatin1StringView("requestId"), QStringLiteral("r-1")},
                                     {QLatin1StringView("minutes"), QStringLiteral("ten")}},
                                    kNowMs);
    QVERIFY(!shelve.repeated);
    QCOMPARE(code(shelve), QStringLiteral("bad_request"));
}

void TestGatewayOperatorActions::aStaleOrBadOccurrenceIsRefused()
{
    GatewayOperatorActions actions(*m_world, m_alarms);
    const QString alarmId = firstAlarm();
    const qint64 occurrence = occurrenceOf(alarmId);
    QVERIFY(occurrence >= 1);
    const auto ack = [&](const QJsonValue &seen) {
        return actions.run(QStringLiteral("alice"), QStringLiteral("ack_alarm"),
                           {{QLatin1StringView("alarmId"), alarmId}, {QLatin1StringView("occurrence"), seen}}, kNowMs);
    };
    QCOMPARE(code(ack(0)), QStringLiteral("bad_request"));
    QCOMPARE(code(ack(QStringLiteral("1"))), QStringLiteral("bad_request"));
    QCOMPARE(code(ack(occurrence + 1)), QStringLiteral("occurrence_changed"));
    QVERIFY(m_alarms.alarmJson(alarmId).value(QLatin1StringView("ackedBy")).toString().isEmpty());
    const auto done = ack(occurrence);
    QVERIFY2(done.error.isEmpty(), qPrintable(code(done)));
    const auto shelved = actions.run(QStringLiteral("alice"), QStringLiteral("shelve_alarm"),
                                     {{QLatin1StringView("alarmId"), alarmId},
                                      {QLatin1StringView("occurrence"), occurrence},
                                      {QLatin1StringView("minutes"), 10},
                                      {QLatin1StringView("reason"), QStringLiteral("sensor being replaced")}},
                                     kNowMs);
    QVERIFY2(shelved.error.isEmpty(), qPrintable(shelved.error.value(QLatin1StringView("message")).toString()));
    // Unshelving acts on the shelving, whatever occurrence it names.
    const auto unshelved
        = actions.run(QStringLiteral("alice"), QStringLiteral("unshelve_alarm"),
                      {{QLatin1StringView("alarmId"), alarmId}, {QLatin1StringView("occurrence"), 0}}, kNowMs);
    QVERIFY2(unshelved.error.isEmpty(), qPrintable(unshelved.error.value(QLatin1StringView("message")).toString()));
}

void TestGatewayOperatorActions::aShelvingNeedsAReasonAndRecordsTheOperator()
{
    GatewayOperatorActions actions(*m_world, m_alarms);
    const QString alarmId = firstAlarm();
    const auto shelve = [&](const QString &operatorName, const QJsonValue &reason) {
        QJsonObject request {{QLatin1StringView("alarmId"), alarmId}, {QLatin1StringView("minutes"), 10}};
        if (!reason.isUndefined())
            request.insert(QLatin1StringView("reason"), reason);
        return actions.run(operatorName, QStringLiteral("shelve_alarm"), request, kNowMs);
    };
    for (const QJsonValue &reason : {QJsonValue(QJsonValue::Undefined), QJsonValue(QStringLiteral("")),
                                     QJsonValue(QStringLiteral(" \t ")), QJsonValue(42)}) {
        const auto refused = shelve(QStringLiteral("alice"), reason);
        QCOMPARE(code(refused), QStringLiteral("bad_request"));
        QVERIFY(refused.events.isEmpty());
        QVERIFY(m_alarms.alarmJson(alarmId).value(QLatin1StringView("shelvedBy")).isNull());
    }
    // Nobody to record: refused too.
    QCOMPARE(code(shelve(QString(), QStringLiteral("sensor being replaced"))), QStringLiteral("bad_request"));

    const auto done = shelve(QStringLiteral("alice"), QStringLiteral("sensor being replaced"));
    QVERIFY2(done.error.isEmpty(), qPrintable(code(done)));
    QCOMPARE(done.data.value(QLatin1StringView("shelvedBy")).toString(), QStringLiteral("alice"));
    QCOMPARE(done.data.value(QLatin1StringView("shelveReason")).toString(), QStringLiteral("sensor being replaced"));
    QCOMPARE(done.activity, QStringLiteral("shelve_alarm"));
}

void TestGatewayOperatorActions::aCommandNeedsItsFields()
{
    GatewayOperatorActions actions(*m_world, m_alarms);
    const QJsonObject complete {{QLatin1StringView("commandId"), QStringLiteral("c-1")},
                                {QLatin1StringView("endpointId"), QStringLiteral("T1.V101.open")},
                                {QLatin1StringView("value"), true}};
    for (const char *missing : {"commandId", "endpointId", "value"}) {
        QJsonObject request = complete;
        request.remove(QLatin1StringView(missing));
        const auto refused = actions.run(QStringLiteral("alice"), QStringLiteral("command"), request, kNowMs);
        QCOMPARE(code(refused), QStringLiteral("bad_request"));
        QVERIFY(refused.events.isEmpty());
    }
    QJsonObject longId = complete;
    longId.insert(QLatin1StringView("commandId"), QString(101, u'c'));
    QCOMPARE(code(actions.run(QStringLiteral("alice"), QStringLiteral("command"), longId, kNowMs)),
             QStringLiteral("bad_request"));
    QJsonObject badExpiry = complete;
    badExpiry.insert(QLatin1StringView("expiresAt"), QStringLiteral("tomorrow"));
    const auto expiry = actions.run(QStringLiteral("alice"), QStringLiteral("command"), badExpiry, kNowMs);
    QCOMPARE(code(expiry), QStringLiteral("bad_request"));
    QVERIFY(expiry.error.value(QLatin1StringView("message")).toString().contains(QLatin1StringView("expiresAt")));
}

void TestGatewayOperatorActions::aRepeatedCommandIsAnAnswerNotAnAction()
{
    GatewayOperatorActions actions(*m_world, m_alarms);
    const QJsonObject request {{QLatin1StringView("commandId"), QStringLiteral("c-7")},
                               {QLatin1StringView("endpointId"), QStringLiteral("T1.V101.open")},
                               {QLatin1StringView("value"), true}};
    const auto first = actions.run(QStringLiteral("alice"), QStringLiteral("command"), request, kNowMs);
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error.value(QLatin1StringView("message")).toString()));
    QVERIFY(!first.events.isEmpty());
    QCOMPARE(first.activity, QStringLiteral("command"));
    QCOMPARE(first.target, QStringLiteral("T1.V101.open"));
    const auto again = actions.run(QStringLiteral("alice"), QStringLiteral("command"), request, kNowMs);
    QVERIFY(again.error.isEmpty());
    QVERIFY(again.events.isEmpty());
    QVERIFY(again.activity.isEmpty());
}

void TestGatewayOperatorActions::rememberedAnswersAreBounded()
{
    GatewayOperatorActions actions(*m_world, m_alarms);
    const auto unshelve = [&](int n) {
        return actions.run(QStringLiteral("alice"), QStringLiteral("unshelve_alarm"),
                           {{QLatin1StringView("alarmId"), QStringLiteral("no-such-alarm")},
                            {QLatin1StringView("requestId"), QStringLiteral("u-%1").arg(n)}},
                           kNowMs);
    };
    QVERIFY(!unshelve(0).repeated);
    QVERIFY(unshelve(0).repeated);
    for (int n = 1; n <= int(GatewayOperatorActions::kRememberedAnswers); ++n)
        unshelve(n);
    QVERIFY(unshelve(GatewayOperatorActions::kRememberedAnswers).repeated); // the newest is kept
    QVERIFY(!unshelve(0).repeated); // the oldest was forgotten
}

QTEST_GUILESS_MAIN(TestGatewayOperatorActions)
#include "tst_gatewayoperatoractions.moc"
