#include "gateway/gatewaytestclock.h"
#include "gatewayalarmbook.h"

#include <QJsonArray>
#include <QTest>

namespace {

constexpr qint64 kMinuteMs = 60'000;
// Longer than the chatter window, so that steps this far apart never chatter.
constexpr qint64 kStepMs = 61'000;

PlantCondition condition(const QString &id, bool active, const QString &message = QStringLiteral("battery below 20 %"))
{
    PlantCondition c;
    c.id = id;
    c.active = active;
    c.severity = QStringLiteral("high");
    c.message = message;
    c.sourceKind = QStringLiteral("drone");
    c.sourceId = QStringLiteral("WF-D0003");
    return c;
}

const QString kBattery = QStringLiteral("drone:WF-D0003:battery_low");
const QString kFirst = QStringLiteral("A-000001");

PlantEvents report(GatewayAlarmBook &book, const QString &conditionId, bool active, qint64 ms)
{
    return book.update({condition(conditionId, active)}, ms, wallAt(ms));
}

PlantEvents acknowledge(GatewayAlarmBook &book, const QString &alarmId, qint64 ms,
                        GatewayAlarmBook::Error *error = nullptr)
{
    return book.acknowledge(alarmId, QStringLiteral("alice"), QStringLiteral("crew notified"), ms, wallAt(ms), error);
}

PlantEvents shelve(GatewayAlarmBook &book, const QString &alarmId, int minutes, qint64 ms,
                   GatewayAlarmBook::Error *error = nullptr)
{
    return book.shelve(alarmId, minutes, QStringLiteral("sensor under repair"), QStringLiteral("bob"), ms, wallAt(ms),
                       error);
}

QString field(const GatewayAlarmBook &book, const QString &alarmId, QLatin1StringView name)
{
    return book.alarmJson(alarmId).value(name).toString();
}

QString stateOf(const GatewayAlarmBook &book, const QString &alarmId)
{
    return field(book, alarmId, QLatin1StringView("state"));
}

int countOf(const GatewayAlarmBook &book, const QString &alarmId)
{
    return book.alarmJson(alarmId).value(QLatin1StringView("count")).toInt();
}

bool chatteringOf(const QJsonObject &alarm)
{
    return alarm.value(QLatin1StringView("chattering")).toBool();
}

QStringList idsOf(const PlantEvents &events)
{
    QStringList ids;
    for (const PlantEvent &e : events)
        ids << e.body.value(QLatin1StringView("alarmId")).toString();
    return ids;
}

QStringList idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const auto &item : items)
        ids << item.toObject().value(QLatin1StringView("alarmId")).toString();
    return ids;
}

// Empty when every event is an upsert of the whole alarm as the book now holds it.
QString eventProblem(const GatewayAlarmBook &book, const PlantEvents &events)
{
    for (const PlantEvent &e : events) {
        const QString id = e.body.value(QLatin1StringView("alarmId")).toString();
        if (e.channel != u"alarms")
            return QStringLiteral("%1: channel \"%2\"").arg(id, e.channel);
        if (!e.key.isEmpty())
            return QStringLiteral("%1: key \"%2\"").arg(id, e.key);
        if (e.body.value(QLatin1StringView("type")).toString() != u"alarm")
            return QStringLiteral("%1: not an alarm message").arg(id);
        if (e.body != book.alarmJson(id))
            return QStringLiteral("%1: body differs from the alarm").arg(id);
    }
    return {};
}

} // namespace

class TestGatewayAlarmBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifeCycle_data();
    void lifeCycle();
    void firstActivationAnnouncesTheWholeAlarm();
    void normalConditionCreatesNoAlarm();
    void onlyChangedAlarmsProduceEvents();
    void severalTransitionsInOneUpdateGiveOneEvent();
    void activeConditionWithNewTextIsAnnounced();
    void acknowledgementRecordsWhoWhenAndWhy();
    void acknowledgingAfterReturnToNormalClears();
    void errorsNameTheAlarmAndChangeNothing();
    void shelvingBounds_data();
    void shelvingBounds();
    void shelvingRecordsWhoWhyAndUntil();
    void shelvingSuppressesAnnouncements();
    void shelvingExpiresOnTimeNotBefore();
    void chatteringIsOneAlarmWithRisingCount();
    void chatteringNeedsEnoughTransitionsInTheWindow();
    void snapshotHoldsEveryAlarmNotCleared();
    void idsFollowFirstActivationAndRepeat();
    void a3_actionForAnEarlierOccurrenceIsRefused();
};

void TestGatewayAlarmBook::lifeCycle_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("endState");
    QTest::addColumn<int>("events");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<int>("count");

    const auto row = [](const char *start, const char *action, const char *endState, int events, const char *errorCode,
                        int count) {
        QTest::addRow("%s + %s", start, action)
            << QString::fromLatin1(start) << QString::fromLatin1(action) << QString::fromLatin1(endState) << events
            << QString::fromLatin1(errorCode) << count;
    };
    row("active_unacked", "activate", "active_unacked", 0, "", 1);
    row("active_unacked", "return", "rtn_unacked", 1, "", 1);
    row("active_unacked", "ack", "active_acked", 1, "", 1);
    row("active_unacked", "shelve", "shelved", 1, "", 1);
    row("active_unacked", "unshelve", "active_unacked", 0, "bad_request", 1);
    row("active_acked", "activate", "active_acked", 0, "", 1);
    row("active_acked", "return", "cleared", 1, "", 1);
    row("active_acked", "ack", "active_acked", 0, "", 1);
    row("active_acked", "shelve", "shelved", 1, "", 1);
    row("rtn_unacked", "activate", "active_unacked", 1, "", 2);
    row("rtn_unacked", "return", "rtn_unacked", 0, "", 1);
    row("rtn_unacked", "ack", "cleared", 1, "", 1);
    row("rtn_unacked", "shelve", "shelved", 1, "", 1);
    row("cleared", "activate", "active_unacked", 1, "", 2);
    row("cleared", "return", "cleared", 0, "", 1);
    row("cleared", "ack", "cleared", 0, "", 1);
    row("cleared", "shelve", "shelved", 1, "", 1);
    row("cleared", "unshelve", "cleared", 0, "bad_request", 1);
    row("shelved_active", "activate", "shelved", 0, "", 1);
    row("shelved_active", "return", "shelved", 0, "", 1);
    row("shelved_active", "ack", "shelved", 0, "bad_request", 1);
    row("shelved_active", "shelve", "shelved", 1, "", 1);
    row("shelved_active", "unshelve", "active_unacked", 1, "", 1);
    row("shelved_normal", "activate", "shelved", 0, "", 2);
    row("shelved_normal", "return", "shelved", 0, "", 1);
    row("shelved_normal", "unshelve", "cleared", 1, "", 1);
}

void TestGatewayAlarmBook::lifeCycle()
{
    QFETCH(QString, start);
    QFETCH(QString, action);
    QFETCH(QString, endState);
    QFETCH(int, events);
    QFETCH(QString, errorCode);
    QFETCH(int, count);

    GatewayAlarmBook book;
    qint64 now = 0;
    QCOMPARE(report(book, kBattery, true, now).size(), 1);
    if (start == u"active_acked" || start == u"cleared")
        QCOMPARE(acknowledge(book, kFirst, now += kStepMs).size(), 1);
    if (start == u"shelved_active" || start == u"shelved_normal")
        QCOMPARE(shelve(book, kFirst, 60, now += kStepMs).size(), 1);
    if (start == u"rtn_unacked" || start == u"cleared")
        QCOMPARE(report(book, kBattery, false, now += kStepMs).size(), 1);
    if (start == u"shelved_normal")
        QCOMPARE(report(book, kBattery, false, now += kStepMs).size(), 0);
    const QString startState = start.startsWith(u"shelved") ? QStringLiteral("shelved") : start;
    QCOMPARE(stateOf(book, kFirst), startState);

    now += kStepMs;
    GatewayAlarmBook::Error error {QStringLiteral("stale"), QStringLiteral("from an earlier call")};
    PlantEvents produced;
    if (action == u"activate" || action == u"return")
        produced = report(book, kBattery, action == u"activate", now);
    else if (action == u"ack")
        produced = acknowledge(book, kFirst, now, &error);
    else if (action == u"shelve")
        produced = shelve(book, kFirst, 30, now, &error);
    else if (action == u"unshelve")
        produced = book.unshelve(kFirst, now, &error);
    else
        QFAIL("unknown action");

    if (action != u"activate" && action != u"return")
        QCOMPARE(error.code, errorCode);
    QCOMPARE(produced.size(), events);
    QCOMPARE(eventProblem(book, produced), QString());
    if (events == 1)
        QCOMPARE(produced.first().body.value(QLatin1StringView("state")).toString(), endState);
    QCOMPARE(stateOf(book, kFirst), endState);
    QCOMPARE(countOf(book, kFirst), count);
    QCOMPARE(book.size(), 1);
}

void TestGatewayAlarmBook::firstActivationAnnouncesTheWholeAlarm()
{
    GatewayAlarmBook book;
    const PlantEvents events = book.update({condition(kBattery, true)}, 5'000, wallAt(5'000));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().channel, QStringLiteral("alarms"));
    QVERIFY(events.first().key.isEmpty());
    const QJsonObject expected {
        {QLatin1StringView("type"), QStringLiteral("alarm")},
        {QLatin1StringView("alarmId"), QStringLiteral("A-000001")},
        {QLatin1StringView("severity"), QStringLiteral("high")},
        {QLatin1StringView("message"), QStringLiteral("battery below 20 %")},
        {QLatin1StringView("source"),
         QJsonObject {{QLatin1StringView("kind"), QStringLiteral("drone")},
                      {QLatin1StringView("id"), QStringLiteral("WF-D0003")}}},
        {QLatin1StringView("state"), QStringLiteral("active_unacked")},
        {QLatin1StringView("timestamp"), QStringLiteral("2026-11-22T10:00:05.000Z")},
        {QLatin1StringView("ackedBy"), QJsonValue::Null},
        {QLatin1StringView("ackedAt"), QJsonValue::Null},
        {QLatin1StringView("note"), QJsonValue::Null},
        {QLatin1StringView("shelvedUntil"), QJsonValue::Null},
        {QLatin1StringView("shelvedBy"), QJsonValue::Null},
        {QLatin1StringView("shelveReason"), QJsonValue::Null},
        {QLatin1StringView("count"), 1},
        {QLatin1StringView("chattering"), false},
    };
    QCOMPARE(events.first().body, expected);
    QCOMPARE(book.alarmJson(kFirst), expected);
    QCOMPARE(book.alarmIdForCondition(kBattery), kFirst);
}

void TestGatewayAlarmBook::normalConditionCreatesNoAlarm()
{
    GatewayAlarmBook book;
    QVERIFY(report(book, kBattery, false, 0).isEmpty());
    QCOMPARE(book.size(), 0);
    QVERIFY(book.alarmIdForCondition(kBattery).isEmpty());
    QVERIFY(book.alarmJson(kFirst).isEmpty());
    QVERIFY(book.snapshot().isEmpty());
}

void TestGatewayAlarmBook::onlyChangedAlarmsProduceEvents()
{
    const QString motor = QStringLiteral("machine:L1-M02:motor_hot");
    GatewayAlarmBook book;
    PlantEvents events = book.update({condition(kBattery, true), condition(motor, true)}, 0, wallAt(0));
    QCOMPARE(idsOf(events), (QStringList {QStringLiteral("A-000001"), QStringLiteral("A-000002")}));
    QCOMPARE(eventProblem(book, events), QString());

    events = book.update({condition(kBattery, true), condition(motor, true)}, kStepMs, wallAt(kStepMs));
    QVERIFY(events.isEmpty());

    // The motor is not reported this step: it keeps its truth and stays quiet.
    events = report(book, kBattery, false, 2 * kStepMs);
    QCOMPARE(idsOf(events), QStringList {QStringLiteral("A-000001")});
    QCOMPARE(eventProblem(book, events), QString());
    QCOMPARE(stateOf(book, QStringLiteral("A-000001")), QStringLiteral("rtn_unacked"));
    QCOMPARE(stateOf(book, QStringLiteral("A-000002")), QStringLiteral("active_unacked"));

    events = report(book, motor, true, 3 * kStepMs);
    QVERIFY(events.isEmpty());
    QCOMPARE(stateOf(book, QStringLiteral("A-000001")), QStringLiteral("rtn_unacked"));

    events = book.update({}, 4 * kStepMs, wallAt(4 * kStepMs));
    QVERIFY(events.isEmpty());

    // Events come in id order, one per alarm, whatever order the world reports in.
    events = book.update({condition(motor, false), condition(kBattery, true)}, 5 * kStepMs, wallAt(5 * kStepMs));
    QCOMPARE(idsOf(events), (QStringList {QStringLiteral("A-000001"), QStringLiteral("A-000002")}));
    events = book.update({condition(kBattery, false), condition(motor, true), condition(kBattery, true)}, 6 * kStepMs,
                         wallAt(6 * kStepMs));
    QCOMPARE(idsOf(events), (QStringList {QStringLiteral("A-000001"), QStringLiteral("A-000002")}));
    QCOMPARE(eventProblem(book, events), QString());
}

void TestGatewayAlarmBook::severalTransitionsInOneUpdateGiveOneEvent()
{
    GatewayAlarmBook book;
    const PlantEvents events
        = book.update({condition(kBattery, true), condition(kBattery, false), condition(kBattery, true)}, 0, wallAt(0));
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventProblem(book, events), QString());
    QCOMPARE(stateOf(book, kFirst), QStringLiteral("active_unacked"));
    QCOMPARE(countOf(book, kFirst), 2);
    QVERIFY(chatteringOf(events.first().body)); // three transitions at once
}

void TestGatewayAlarmBook::activeConditionWithNewTextIsAnnounced()
{
    GatewayAlarmBook book;
    report(book, kBattery, true, 0);

    PlantCondition worse = condition(kBattery, true, QStringLiteral("battery at 12 %"));
    worse.severity = QStringLiteral("critical");
    PlantEvents events = book.update({worse}, kStepMs, wallAt(kStepMs));
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventProblem(book, events), QString());
    QCOMPARE(field(book, kFirst, QLatin1StringView("message")), QStringLiteral("battery at 12 %"));
    QCOMPARE(field(book, kFirst, QLatin1StringView("severity")), QStringLiteral("critical"));
    QCOMPARE(field(book, kFirst, QLatin1StringView("timestamp")), isoAt(0)); // still the same occurrence
    QCOMPARE(countOf(book, kFirst), 1);

    // A normal condition's text describes no occurrence, so the alarm keeps the last one.
    events
        = book.update({condition(kBattery, false, QStringLiteral("battery fine"))}, 2 * kStepMs, wallAt(2 * kStepMs));
    QCOMPARE(events.size(), 1);
    QCOMPARE(field(book, kFirst, QLatin1StringView("message")), QStringLiteral("battery at 12 %"));
    QVERIFY(book.update({condition(kBattery, false, QStringLiteral("battery full"))}, 3 * kStepMs, wallAt(3 * kStepMs))
                .isEmpty());
}

void TestGatewayAlarmBook::acknowledgementRecordsWhoWhenAndWhy()
{
    GatewayAlarmBook book;
    report(book, kBattery, true, 0);

    GatewayAlarmBook::Error error;
    PlantEvents events = book.acknowledge(kFirst, QStringLiteral("alice"), QStringLiteral("crew notified"), 10'000,
                                          wallAt(10'000), &error);
    QVERIFY(error.code.isEmpty());
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventProblem(book, events), QString());
    const QJsonObject acked = events.first().body;
    QCOMPARE(acked.value(QLatin1StringView("state")).toString(), QStringLiteral("active_acked"));
    QCOMPARE(acked.value(QLatin1StringView("ackedBy")).toString(), QStringLiteral("alice"));
    QCOMPARE(acked.value(QLatin1StringView("ackedAt")).toString(), isoAt(10'000));
    QCOMPARE(acked.value(QLatin1StringView("note")).toString(), QStringLiteral("crew notified"));

    // A second operator acknowledging the same alarm changes nothing.
    events = book.acknowledge(kFirst, QStringLiteral("carol"), QString(), 20'000, wallAt(20'000), &error);
    QVERIFY(events.isEmpty());
    QVERIFY(error.code.isEmpty());
    QCOMPARE(book.alarmJson(kFirst), acked);

    events = report(book, kBattery, false, 30'000);
    QCOMPARE(stateOf(book, kFirst), QStringLiteral("cleared"));
    QCOMPARE(field(book, kFirst, QLatin1StringView("ackedBy")), QStringLiteral("alice"));

    // A new occurrence needs its own acknowledgement.
    events = report(book, kBattery, true, 100'000);
    QCOMPARE(events.size(), 1);
    const QJsonObject again = events.first().body;
    QCOMPARE(again.value(QLatin1StringView("alarmId")).toString(), kFirst);
    QCOMPARE(again.value(QLatin1StringView("state")).toString(), QStringLiteral("active_unacked"));
    QCOMPARE(again.value(QLatin1StringView("count")).toInt(), 2);
    QCOMPARE(again.value(QLatin1StringView("timestamp")).toString(), isoAt(100'000));
    QVERIFY(again.value(QLatin1StringView("ackedBy")).isNull());
    QVERIFY(again.value(QLatin1StringView("ackedAt")).isNull());
    QVERIFY(again.value(QLatin1StringView("note")).isNull());
    QCOMPARE(book.size(), 1);
}

void TestGatewayAlarmBook::acknowledgingAfterReturnToNormalClears()
{
    GatewayAlarmBook book;
    report(book, kBattery, true, 0);
    report(book, kBattery, false, kStepMs);
    QCOMPARE(book.snapshot().size(), 1);

    const PlantEvents events
        = book.acknowledge(kFirst, QStringLiteral("alice"), QString(), 2 * kStepMs, wallAt(2 * kStepMs));
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventProblem(book, events), QString());
    const QJsonObject cleared = events.first().body;
    QCOMPARE(cleared.value(QLatin1StringView("state")).toString(), QStringLiteral("cleared"));
    QCOMPARE(cleared.value(QLatin1StringView("ackedBy")).toString(), QStringLiteral("alice"));
    QCOMPARE(cleared.value(QLatin1StringView("ackedAt")).toString(), isoAt(2 * kStepMs));
    QVERIFY(cleared.value(QLatin1StringView("note")).isNull());
    QVERIFY(book.snapshot().isEmpty());
}

void TestGatewayAlarmBook::errorsNameTheAlarmAndChangeNothing()
{
    GatewayAlarmBook book;
    report(book, kBattery, true, 0);
    const QJsonObject before = book.alarmJson(kFirst);
    const QString unknown = QStringLiteral("A-000042");

    GatewayAlarmBook::Error error;
    QVERIFY(acknowledge(book, unknown, 1'000, &error).isEmpty());
    QCOMPARE(error.code, QStringLiteral("not_found"));
    QVERIFY2(error.message.contains(unknown), qPrintable(error.message));

    error = {};
    QVERIFY(shelve(book, unknown, 10, 1'000, &error).isEmpty());
    QCOMPARE(error.code, QStringLiteral("not_found"));
    QVERIFY2(error.message.contains(unknown), qPrintable(error.message));

    error = {};
    QVERIFY(book.unshelve(unknown, 1'000, &error).isEmpty());
    QCOMPARE(error.code, QStringLiteral("not_found"));
    QVERIFY2(error.message.contains(unknown), qPrintable(error.message));

    // An id that only resembles a real one is not taken for it.
    error = {};
    QVERIFY(acknowledge(book, QStringLiteral("A-1"), 1'000, &error).isEmpty());
    QCOMPARE(error.code, QStringLiteral("not_found"));

    error = {};
    QVERIFY(book.unshelve(kFirst, 1'000, &error).isEmpty());
    QCOMPARE(error.code, QStringLiteral("bad_request"));
    QVERIFY2(error.message.contains(kFirst), qPrintable(error.message));

    error = {};
    QVERIFY(shelve(book, kFirst, 0, 1'000, &error).isEmpty());
    QCOMPARE(error.code, QStringLiteral("out_of_range"));
    QVERIFY2(error.message.contains(kFirst), qPrintable(error.message));
    QCOMPARE(book.alarmJson(kFirst), before);

    QCOMPARE(shelve(book, kFirst, 10, 2'000).size(), 1);
    const QJsonObject shelved = book.alarmJson(kFirst);
    error = {};
    QVERIFY(acknowledge(book, kFirst, 3'000, &error).isEmpty());
    QCOMPARE(error.code, QStringLiteral("bad_request"));
    QVERIFY2(error.message.contains(kFirst), qPrintable(error.message));
    QCOMPARE(book.alarmJson(kFirst), shelved);

    // A success leaves no error from an earlier call behind.
    QCOMPARE(book.unshelve(kFirst, 4'000, &error).size(), 1);
    QVERIFY(error.code.isEmpty());
    QVERIFY(error.message.isEmpty());
}

void TestGatewayAlarmBook::shelvingBounds_data()
{
    QTest::addColumn<int>("maxMinutes");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("1 of 480") << 480 << 1 << true;
    QTest::newRow("480 of 480") << 480 << 480 << true;
    QTest::newRow("481 of 480") << 480 << 481 << false;
    QTest::newRow("0") << 480 << 0 << false;
    QTest::newRow("negative") << 480 << -5 << false;
    QTest::newRow("30 of 30") << 30 << 30 << true;
    QTest::newRow("31 of 30") << 30 << 31 << false;
}

void TestGatewayAlarmBook::shelvingBounds()
{
    QFETCH(int, maxMinutes);
    QFETCH(int, minutes);
    QFETCH(bool, accepted);

    GatewayAlarmBook::Options options;
    options.maxShelveMinutes = maxMinutes;
    GatewayAlarmBook book(options);
    report(book, kBattery, true, 0);

    GatewayAlarmBook::Error error;
    const PlantEvents events = shelve(book, kFirst, minutes, 1'000, &error);
    if (accepted) {
        QVERIFY(error.code.isEmpty());
        QCOMPARE(events.size(), 1);
        QCOMPARE(stateOf(book, kFirst), QStringLiteral("shelved"));
        QCOMPARE(field(book, kFirst, QLatin1StringView("shelvedUntil")), isoAt(1'000 + minutes * kMinuteMs));
    } else {
        QCOMPARE(error.code, QStringLiteral("out_of_range"));
        QVERIFY2(error.message.contains(QString::number(maxMinutes)), qPrintable(error.message));
        QVERIFY(events.isEmpty());
        QCOMPARE(stateOf(book, kFirst), QStringLiteral("active_unacked"));
    }
}

void TestGatewayAlarmBook::shelvingRecordsWhoWhyAndUntil()
{
    GatewayAlarmBook book;
    report(book, kBattery, true, 0);
    PlantEvents events = shelve(book, kFirst, 15, kStepMs);
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventProblem(book, events), QString());
    const QJsonObject shelved = events.first().body;
    QCOMPARE(shelved.value(QLatin1StringView("shelvedUntil")).toString(), QStringLiteral("2026-11-22T10:16:01.000Z"));
    QCOMPARE(shelved.value(QLatin1StringView("shelvedBy")).toString(), QStringLiteral("bob"));
    QCOMPARE(shelved.value(QLatin1StringView("shelveReason")).toString(), QStringLiteral("sensor under repair"));
    QCOMPARE(idsOf(book.snapshot()), QStringList {kFirst});

    // Shelving again replaces the shelving: this is how an operator extends it.
    events = shelve(book, kFirst, 30, 2 * kStepMs);
    QCOMPARE(events.size(), 1);
    QCOMPARE(field(book, kFirst, QLatin1StringView("shelvedUntil")), isoAt(2 * kStepMs + 30 * kMinuteMs));

    events = book.unshelve(kFirst, 3 * kStepMs);
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventProblem(book, events), QString());
    const QJsonObject back = events.first().body;
    QCOMPARE(back.value(QLatin1StringView("state")).toString(), QStringLiteral("active_unacked"));
    QVERIFY(back.value(QLatin1StringView("shelvedUntil")).isNull());
    QVERIFY(back.value(QLatin1StringView("shelvedBy")).isNull());
    QVERIFY(back.value(QLatin1StringView("shelveReason")).isNull());
}

void TestGatewayAlarmBook::shelvingSuppressesAnnouncements()
{
    const QString motor = QStringLiteral("machine:L1-M02:motor_hot");
    GatewayAlarmBook book;
    report(book, kBattery, true, 0);
    acknowledge(book, kFirst, 1'000);
    shelve(book, kFirst, 60, 2'000);

    qint64 now = 2'000;
    bool active = true;
    for (int i = 0; i < 4; ++i) {
        active = !active;
        now += kStepMs;
        const PlantEvents events
            = book.update({condition(kBattery, active), condition(motor, !active)}, now, wallAt(now));
        // Only the motor, which nobody shelved, is announced.
        QCOMPARE(idsOf(events), QStringList {QStringLiteral("A-000002")});
    }
    QVERIFY(active);
    QCOMPARE(stateOf(book, kFirst), QStringLiteral("shelved"));
    QCOMPARE(countOf(book, kFirst), 3); // the first activation and two while shelved
    QCOMPARE(field(book, kFirst, QLatin1StringView("timestamp")), isoAt(now));

    const PlantEvents events = book.unshelve(kFirst, now + 1'000);
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventProblem(book, events), QString());
    const QJsonObject back = events.first().body;
    QCOMPARE(back.value(QLatin1StringView("state")).toString(), QStringLiteral("active_unacked"));
    QCOMPARE(back.value(QLatin1StringView("count")).toInt(), 3);
    // The acknowledgement from before the shelving belonged to an older occurrence.
    QVERIFY(back.value(QLatin1StringView("ackedBy")).isNull());
}

void TestGatewayAlarmBook::shelvingExpiresOnTimeNotBefore()
{
    const QString motor = QStringLiteral("machine:L1-M02:motor_hot");
    GatewayAlarmBook book;
    book.update({condition(kBattery, true), condition(motor, true)}, 0, wallAt(0));
    shelve(book, QStringLiteral("A-000002"), 10, 5'000);
    shelve(book, kFirst, 10, 5'000);
    report(book, motor, false, 6'000);

    const qint64 due = 5'000 + 10 * kMinuteMs;
    QVERIFY(book.expireShelving(due - 1).isEmpty());
    QCOMPARE(stateOf(book, kFirst), QStringLiteral("shelved"));
    QCOMPARE(stateOf(book, QStringLiteral("A-000002")), QStringLiteral("shelved"));

    const PlantEvents events = book.expireShelving(due);
    QCOMPARE(idsOf(events), (QStringList {kFirst, QStringLiteral("A-000002")}));
    QCOMPARE(eventProblem(book, events), QString());
    QCOMPARE(stateOf(book, kFirst), QStringLiteral("active_unacked"));
    QCOMPARE(stateOf(book, QStringLiteral("A-000002")), QStringLiteral("cleared"));
    QVERIFY(book.alarmJson(kFirst).value(QLatin1StringView("shelvedUntil")).isNull());

    QVERIFY(book.expireShelving(due + kStepMs).isEmpty());
}

void TestGatewayAlarmBook::chatteringIsOneAlarmWithRisingCount()
{
    GatewayAlarmBook book; // three transitions in 60 s
    QList<bool> chattering;
    PlantEvents all;
    for (int i = 0; i < 5; ++i) {
        const PlantEvents events = report(book, kBattery, i % 2 == 0, qint64(i) * 10'000);
        QCOMPARE(events.size(), 1);
        chattering << chatteringOf(events.first().body);
        all << events;
    }
    QCOMPARE(chattering, (QList<bool> {false, false, true, true, true}));
    QCOMPARE(idsOf(all), QStringList(5, kFirst));
    QCOMPARE(countOf(book, kFirst), 3);
    QCOMPARE(book.size(), 1);
    QCOMPARE(idsOf(book.snapshot()), QStringList {kFirst});

    // The last three transitions were at 20, 30 and 40 s: the window holds
    // three of them until 80 s.
    QVERIFY(book.update({}, 79'999, wallAt(79'999)).isEmpty());
    QVERIFY(chatteringOf(book.alarmJson(kFirst)));
    const PlantEvents calm = book.update({}, 80'000, wallAt(80'000));
    QCOMPARE(calm.size(), 1);
    QCOMPARE(eventProblem(book, calm), QString());
    QVERIFY(!chatteringOf(calm.first().body));
    QCOMPARE(calm.first().body.value(QLatin1StringView("state")).toString(), QStringLiteral("active_unacked"));
    QCOMPARE(countOf(book, kFirst), 3);
    QVERIFY(book.update({}, 90'000, wallAt(90'000)).isEmpty());

    // It can start chattering again, still as the same alarm.
    report(book, kBattery, false, 100'000);
    report(book, kBattery, true, 101'000);
    report(book, kBattery, false, 102'000);
    const PlantEvents again = report(book, kBattery, true, 103'000);
    QCOMPARE(idsOf(again), QStringList {kFirst});
    QVERIFY(chatteringOf(again.first().body));
    QCOMPARE(countOf(book, kFirst), 5);
    QCOMPARE(book.size(), 1);
}

void TestGatewayAlarmBook::chatteringNeedsEnoughTransitionsInTheWindow()
{
    GatewayAlarmBook book;
    // Three transitions, but never three inside one 60 s window.
    for (qint64 at : {0, 30'000, 60'000}) {
        const PlantEvents events = report(book, kBattery, at != 30'000, at);
        QCOMPARE(events.size(), 1);
        QVERIFY(!chatteringOf(events.first().body));
    }

    GatewayAlarmBook::Options options;
    options.chatterTransitions = 2;
    options.chatterWindowMs = 10'000;
    GatewayAlarmBook touchy(options);
    report(touchy, kBattery, true, 0);
    const PlantEvents events = report(touchy, kBattery, false, 9'999);
    QVERIFY(chatteringOf(events.first().body));
    // The older of the last two transitions, at 0, leaves the window at 10 s.
    QCOMPARE(touchy.update({}, 9'999, wallAt(9'999)).size(), 0);
    QCOMPARE(touchy.update({}, 10'000, wallAt(10'000)).size(), 1);
    QVERIFY(!chatteringOf(touchy.alarmJson(kFirst)));
}

void TestGatewayAlarmBook::snapshotHoldsEveryAlarmNotCleared()
{
    GatewayAlarmBook book;
    PlantConditions conditions;
    for (int i = 1; i <= 5; ++i)
        conditions << condition(QStringLiteral("c%1").arg(i), true);
    book.update(conditions, 0, wallAt(0));
    acknowledge(book, QStringLiteral("A-000002"), 1'000);
    acknowledge(book, QStringLiteral("A-000005"), 1'000);
    shelve(book, QStringLiteral("A-000004"), 10, 1'000);
    book.update({condition(QStringLiteral("c2"), false), condition(QStringLiteral("c3"), false)}, kStepMs,
                wallAt(kStepMs));

    const QJsonArray items = book.snapshot();
    QCOMPARE(idsOf(items),
             (QStringList {QStringLiteral("A-000001"), QStringLiteral("A-000003"), QStringLiteral("A-000004"),
                           QStringLiteral("A-000005")}));
    for (const auto &item : items) {
        const QString id = item.toObject().value(QLatin1StringView("alarmId")).toString();
        QCOMPARE(item.toObject(), book.alarmJson(id));
    }
    QCOMPARE(stateOf(book, QStringLiteral("A-000002")), QStringLiteral("cleared"));
}

void TestGatewayAlarmBook::idsFollowFirstActivationAndRepeat()
{
    const auto run = [](GatewayAlarmBook &book) {
        QList<QJsonObject> bodies;
        const auto take = [&bodies](const PlantEvents &events) {
            for (const PlantEvent &e : events)
                bodies << e.body;
        };
        take(book.update({condition(QStringLiteral("x"), false), condition(QStringLiteral("y"), true),
                          condition(QStringLiteral("z"), true)},
                         0, wallAt(0)));
        take(book.update({condition(QStringLiteral("x"), true), condition(QStringLiteral("y"), false)}, kStepMs,
                         wallAt(kStepMs)));
        take(acknowledge(book, QStringLiteral("A-000001"), 2 * kStepMs));
        take(book.update({condition(QStringLiteral("y"), true)}, 3 * kStepMs, wallAt(3 * kStepMs)));
        take(shelve(book, QStringLiteral("A-000003"), 5, 3 * kStepMs));
        take(book.expireShelving(3 * kStepMs + 5 * kMinuteMs));
        return bodies;
    };

    GatewayAlarmBook book;
    const QList<QJsonObject> first = run(book);
    QCOMPARE(book.size(), 3);
    QCOMPARE(book.alarmIdForCondition(QStringLiteral("y")), QStringLiteral("A-000001"));
    QCOMPARE(book.alarmIdForCondition(QStringLiteral("z")), QStringLiteral("A-000002"));
    QCOMPARE(book.alarmIdForCondition(QStringLiteral("x")), QStringLiteral("A-000003"));
    QCOMPARE(countOf(book, QStringLiteral("A-000001")), 2);

    GatewayAlarmBook twin;
    QCOMPARE(run(twin), first);
    QCOMPARE(first.size(), 8);
}

void TestGatewayAlarmBook::a3_actionForAnEarlierOccurrenceIsRefused()
{
    GatewayAlarmBook book;
    report(book, kBattery, true, 0);
    QCOMPARE(countOf(book, kFirst), 1);
    QVERIFY(book.checkOccurrence(kFirst, 1).code.isEmpty());
    // Back to normal without an acknowledgement: still the occurrence the operator saw.
    report(book, kBattery, false, kStepMs);
    QVERIFY(book.checkOccurrence(kFirst, 1).code.isEmpty());
    // Active again: an action meant for the first occurrence no longer applies.
    report(book, kBattery, true, 2 * kStepMs);
    QCOMPARE(countOf(book, kFirst), 2);
    const GatewayAlarmBook::Error stale = book.checkOccurrence(kFirst, 1);
    QCOMPARE(stale.code, QStringLiteral("occurrence_changed"));
    QVERIFY2(stale.message.contains(kFirst), qPrintable(stale.message));
    QVERIFY(book.checkOccurrence(kFirst, 2).code.isEmpty());
    QCOMPARE(book.checkOccurrence(QStringLiteral("A-999999"), 1).code, QStringLiteral("not_found"));
    // An occurrence the book has not reached: the operator saw an alarm of an
    // earlier book (the server lost it and counts a new alarm under the id from 1).
    QCOMPARE(book.checkOccurrence(kFirst, 3).code, QStringLiteral("occurrence_changed"));
}

QTEST_GUILESS_MAIN(TestGatewayAlarmBook)
#include "tst_gatewayalarmbook.moc"
