#include "protocol/decoder.h"

#include <QTest>

#include <cmath>

using namespace Domain;
using namespace Protocol;

Q_DECLARE_METATYPE(Protocol::DecodeError::Kind)
Q_DECLARE_METATYPE(Domain::Quality)

namespace {

template<typename T, std::size_t I = 0> constexpr int bodyIndex()
{
    if constexpr (std::is_same_v<std::variant_alternative_t<I, Body>, T>)
        return int(I);
    else
        return bodyIndex<T, I + 1>();
}

template<typename T> const T *bodyOf(const DecodedFrame &frame)
{
    return frame.messages.isEmpty() ? nullptr : std::get_if<T>(&frame.messages.first().body);
}

QDateTime utc(int h, int m, int s, int ms = 0)
{
    return QDateTime(QDate(2026, 11, 22), QTime(h, m, s, ms), Qt::UTC);
}

// Exactly as the reference server (src/sim) writes them.
const QByteArray kMachine = R"({"type":"machine_status_update","seq":9,"ts":1795341600000,"machineId":"M-004",)"
                            R"("name":"Press 2","status":"down","utilization":0,"line":"L1","producedCount":1234,)"
                            R"("timestamp":"2026-11-22T10:00:05.250Z"})";
const QByteArray kTelemetry = R"({"type":"telemetry","seq":10,"endpointId":"T1.TT101.temperature","value":64.3,)"
                              R"("unit":"°C","timestamp":"2026-11-22T10:00:05.250Z"})";
const QByteArray kCommand = R"({"type":"command_status","seq":11,"commandId":"c-1","endpointId":"T1.V101.open",)"
                            R"("status":"failed","requestedValue":true,"actualValue":false,"operator":"bob",)"
                            R"("error":"device did not respond","completedAt":"2026-11-22T10:00:06.000Z"})";
const QByteArray kAlarm
    = R"({"type":"alarm","seq":12,"alarmId":"drone:WF-D0003:battery_low","severity":"high",)"
      R"("message":"WF-D0003 battery below 15 %","source":{"kind":"drone","id":"WF-D0003"},"state":"shelved",)"
      R"("timestamp":"2026-11-22T10:00:00.000Z","ackedBy":"bob","ackedAt":"2026-11-22T10:01:00.000Z","note":null,)"
      R"("shelvedUntil":"2026-11-22T10:31:00.000Z","shelvedBy":"bob","shelveReason":"known","count":3,"chattering":true})";
const QByteArray kHealth
    = R"({"type":"system_health","seq":13,"cpu":22.5,"memory":41,"storage":63.1,"timestamp":"2026-11-22T10:00:05.000Z"})";
const QByteArray kAlert = R"({"type":"system_alert","seq":14,"level":"warning","message":"Wind gusts",)"
                          R"("timestamp":"2026-11-22T10:00:05.000Z"})";
const QByteArray kMaintenance = R"({"type":"maintenance_alert","seq":15,"ticketId":"T-0001","machineId":"M-004",)"
                                R"("priority":"critical","description":"Feed jam on Press 2",)"
                                R"("timestamp":"2026-11-22T10:00:05.000Z"})";
const QByteArray kTicket = R"({"type":"ticket_status_change","seq":16,"ticketId":"T-0001","oldStatus":"open",)"
                           R"("newStatus":"in_progress","machineId":"M-004","timestamp":"2026-11-22T10:03:00.000Z"})";
const QByteArray kPresence = R"({"type":"presence","seq":17,"operators":[{"name":"alice","role":"admin",)"
                             R"("since":"2026-11-22T09:00:00.000Z","client":"watchfloor 0.1.0"},)"
                             R"({"name":"bob","role":"viewer","since":"2026-11-22T09:30:00.000Z","client":""}]})";
const QByteArray kPresenceChanged = R"({"type":"presence_changed","seq":20,"joined":[{"name":"carl",)"
                                    R"("role":"operator","since":"2026-11-22T10:00:00.000Z","client":"wall"}],)"
                                    R"("left":[{"name":"bob","client":""}]})";
const QByteArray kActivity = R"({"type":"user_activity","seq":18,"operator":"bob","action":"ack_alarm",)"
                             R"("target":"machine:M-004:down","timestamp":"2026-11-22T10:00:07.000Z"})";

const QByteArray kTile
    = R"({"tileId":"T1","name":"Brew kettle","devices":[{"deviceId":"T1.P101","kind":"pump","name":"Pump P-101",)"
      R"("endpoints":[{"endpointId":"T1.P101.running","name":"Running","unit":null,"valueType":"bool","writable":true,)"
      R"("critical":true,)"
      R"("min":null,"max":null,"step":null,"options":null,"value":false,"timestamp":null},)"
      R"({"endpointId":"T1.P101.flow","name":"Flow","unit":"L/min","valueType":"number","writable":false,)"
      R"("min":0,"max":null,"step":null,"options":null,"value":0,"timestamp":"2026-11-22T10:00:00.000Z"}]},)"
      R"({"deviceId":"T1.H101","kind":"heater","name":"Heater H-101","endpoints":[{"endpointId":"T1.H101.mode",)"
      R"("name":"Mode","unit":null,"valueType":"enum","writable":true,"min":null,"max":null,"step":null,)"
      R"("options":["auto","manual","off"],"value":"auto","timestamp":null}]}],)"
      R"("interlocks":[{"id":"T1.IL3","description":"Heater H-101 needs level LT-101 at 20 % or more",)"
      R"("target":"T1.H101.on","requires":{"endpointId":"T1.LT101.level","op":">=","value":20}}]})";
const QByteArray kTicketItem
    = R"({"ticketId":"T-0001","machineId":"M-004","priority":"low","description":"Coolant leak",)"
      R"("status":"in_progress","history":[{"status":"open","timestamp":"2026-11-22T10:00:00.000Z"},)"
      R"({"status":"in_progress","timestamp":"2026-11-22T10:03:00.000Z"}]})";

QByteArray snapshot(const char *channel, const QByteArray &items)
{
    return R"({"type":"snapshot","seq":1,"ts":1795341600000,"channel":")" + QByteArray(channel) + R"(","items":[)"
        + items + "]}";
}

QByteArray withoutType(QByteArray event)
{
    const qsizetype comma = event.indexOf(',');
    return '{' + event.mid(comma + 1);
}

// A copy of `frame` with its first `from` replaced by `to`.
QByteArray edit(QByteArray frame, const QByteArray &from, const QByteArray &to)
{
    const qsizetype at = frame.indexOf(from);
    Q_ASSERT(at >= 0);
    return frame.replace(at, from.size(), to);
}

} // namespace

class TestDecoderEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void malformed_data();
    void malformed();
    void machineStatusUpdate();
    void telemetryKeepsTheValueAsSent();
    void quality_data();
    void quality();
    void qualityOfDronesAndMachines();
    void qualityInSnapshots();
    void commandStatus();
    void alarm();
    void smallEvents();
    void presenceAndActivity();
    void tileSnapshot();
    void maintenanceSnapshot();
    void droneSnapshotsCarryDetails();
    void plainDialect_data();
    void plainDialect();
    void plainAlarmWithoutStateOrSource();
    void emptyFramesAreReported();
};

void TestDecoderEvents::decodes_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("body");
    QTest::addColumn<int>("items"); // snapshot items, -1 for events

    QTest::newRow("machine_status_update") << kMachine << bodyIndex<MachineStatusUpdate>() << -1;
    QTest::newRow("telemetry") << kTelemetry << bodyIndex<Telemetry>() << -1;
    QTest::newRow("command_status") << kCommand << bodyIndex<CommandStatus>() << -1;
    QTest::newRow("alarm") << kAlarm << bodyIndex<AlarmUpdate>() << -1;
    QTest::newRow("system_health") << kHealth << bodyIndex<ServerHealth>() << -1;
    QTest::newRow("system_alert") << kAlert << bodyIndex<SystemAlert>() << -1;
    QTest::newRow("maintenance_alert") << kMaintenance << bodyIndex<MaintenanceAlert>() << -1;
    QTest::newRow("ticket_status_change") << kTicket << bodyIndex<TicketStatusChange>() << -1;
    QTest::newRow("presence") << kPresence << bodyIndex<Presence>() << -1;
    QTest::newRow("presence_changed") << kPresenceChanged << bodyIndex<PresenceChange>() << -1;
    QTest::newRow("user_activity") << kActivity << bodyIndex<UserActivity>() << -1;
    QTest::newRow("dashboard_refresh") << QByteArray(R"({"type":"dashboard_refresh","seq":19,"ts":1})")
                                       << bodyIndex<DashboardRefresh>() << -1;

    const int snap = bodyIndex<Snapshot>();
    QTest::newRow("snapshot drones") << snapshot(
        "drones",
        R"({"serial":"WF-D0001","state":"flying","battery":63.5,"location":{"lat":48.1,"lon":11.5,"alt":80},)"
        R"("speed":9.5,"timestamp":"2026-11-22T10:00:00.000Z","build":{"percent":100,"stage":"done"},)"
        R"("health":{"cpu":1,"memory":2,"storage":3,"temperature":4},"operation":null})")
                                     << snap << 1;
    QTest::newRow("snapshot machines") << snapshot("machines", withoutType(kMachine) + ',' + withoutType(kMachine))
                                       << snap << 2;
    QTest::newRow("snapshot tiles") << snapshot("tiles", kTile) << snap << 1;
    QTest::newRow("snapshot telemetry") << snapshot("telemetry", kTelemetry + ',' + kTelemetry) << snap << 2;
    QTest::newRow("snapshot alarms") << snapshot("alarms", kAlarm) << snap << 1;
    QTest::newRow("snapshot commands") << snapshot("commands", kCommand) << snap << 1;
    QTest::newRow("snapshot health") << snapshot("health", R"({"cpu":22,"memory":41,"storage":63})") << snap << 1;
    QTest::newRow("snapshot maintenance") << snapshot("maintenance", kTicketItem) << snap << 1;
    QTest::newRow("snapshot presence") << snapshot(
        "presence", R"({"name":"alice","role":"operator","since":"2026-11-22T09:00:00.000Z","client":"x"})")
                                       << snap << 1;
    QTest::newRow("snapshot empty alarms") << snapshot("alarms", {}) << snap << 0;
    QTest::newRow("snapshot endpoint_stream") << snapshot("endpoint_stream", kTelemetry) << snap << 1;
    QTest::newRow("snapshot drone_detail")
        << snapshot("drone_detail",
                    R"({"serial":"WF-D0002","timestamp":"2026-11-22T10:00:00.000Z","build":null,)"
                    R"("health":{"cpu":1,"memory":2,"storage":3,"temperature":4}})")
        << snap << 1;
}

void TestDecoderEvents::decodes()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, body);
    QFETCH(int, items);

    const DecodedFrame decoded = decodeFrame(frame);
    QVERIFY2(decoded.errors.isEmpty(), qPrintable(decoded.errors.value(0).toString()));
    QCOMPARE(decoded.messages.size(), 1);
    QCOMPARE(int(decoded.messages.first().body.index()), body);
    QVERIFY(decoded.messages.first().seq.has_value());
    if (items < 0)
        return;
    const auto &s = std::get<Snapshot>(decoded.messages.first().body);
    const qsizetype filled = s.drones.size() + s.machines.size() + s.tiles.size() + s.telemetry.size() + s.alarms.size()
        + s.commands.size() + s.health.size() + s.maintenance.size() + s.presence.size()
        + (s.drones.isEmpty() ? s.droneHealth.size() : 0);
    QCOMPARE(filled, items);
}

void TestDecoderEvents::malformed_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<DecodeError::Kind>("kind");
    QTest::addColumn<QString>("field");

    using K = DecodeError::Kind;
    const auto row = [](const char *name, const QByteArray &frame, K kind, const char *field) {
        QTest::newRow(name) << frame << kind << QString::fromLatin1(field);
    };

    row("machine: no machineId", edit(kMachine, R"("machineId":"M-004",)", ""), K::MissingField, "machineId");
    row("machine: status unknown", edit(kMachine, R"("down")", R"("exploded")"), K::BadField, "status");
    row("machine: count negative", edit(kMachine, "1234", "-1"), K::BadField, "producedCount");
    row("machine: count fractional", edit(kMachine, "1234", "12.5"), K::BadField, "producedCount");
    row("machine: line a number", edit(kMachine, R"("L1")", "1"), K::BadField, "line");

    row("telemetry: no endpointId", edit(kTelemetry, R"("endpointId":"T1.TT101.temperature",)", ""), K::MissingField,
        "endpointId");
    row("telemetry: no value", edit(kTelemetry, R"("value":64.3,)", ""), K::MissingField, "value");
    row("telemetry: null value", edit(kTelemetry, "64.3", "null"), K::BadField, "value");
    row("telemetry: good with null value",
        edit(edit(kTelemetry, "64.3", "null"), R"("unit")", R"("quality":"good","unit")"), K::BadField, "value");
    row("telemetry: good without value",
        edit(edit(kTelemetry, R"("value":64.3,)", ""), R"("unit")", R"("quality":"good","unit")"), K::MissingField,
        "value");
    row("telemetry: stale with object value",
        edit(edit(kTelemetry, "64.3", "{}"), R"("unit")", R"("quality":"stale","unit")"), K::BadField, "value");
    row("telemetry: object value", edit(kTelemetry, "64.3", "{}"), K::BadField, "value");
    row("telemetry: fractional id", edit(kTelemetry, R"("T1.TT101.temperature")", "59.5"), K::BadField, "endpointId");
    row("telemetry: huge id", edit(kTelemetry, R"("T1.TT101.temperature")", "1e300"), K::BadField, "endpointId");
    row("telemetry: empty id", edit(kTelemetry, R"("T1.TT101.temperature")", R"("")"), K::BadField, "endpointId");
    row("telemetry: local time", edit(kTelemetry, "10:00:05.250Z", "10:00:05.250"), K::BadField, "timestamp");
    row("telemetry: time far away", edit(kTelemetry, R"("2026-11-22T10:00:05.250Z")", "1e300"), K::BadField,
        "timestamp");

    row("command: no status", edit(kCommand, R"("status":"failed",)", ""), K::MissingField, "status");
    row("command: status unknown", edit(kCommand, R"("failed")", R"("lost")"), K::BadField, "status");
    row("command: error a number", edit(kCommand, R"("device did not respond")", "5"), K::BadField, "error");
    row("command: completedAt bad", edit(kCommand, R"("2026-11-22T10:00:06.000Z")", R"("soon")"), K::BadField,
        "completedAt");

    row("alarm: no alarmId", edit(kAlarm, R"("alarmId":"drone:WF-D0003:battery_low",)", ""), K::MissingField,
        "alarmId");
    row("alarm: no message", edit(kAlarm, R"("message":"WF-D0003 battery below 15 %",)", ""), K::MissingField,
        "message");
    row("alarm: source without id", edit(kAlarm, R"(,"id":"WF-D0003")", ""), K::MissingField, "source.id");
    row("alarm: source a string", edit(kAlarm, R"({"kind":"drone","id":"WF-D0003"})", R"("drone")"), K::BadField,
        "source");
    row("alarm: count negative", edit(kAlarm, R"("count":3)", R"("count":-3)"), K::BadField, "count");
    row("alarm: ackedBy a number", edit(kAlarm, R"("bob")", "7"), K::BadField, "ackedBy");
    row("alarm: chattering a string", edit(kAlarm, R"("chattering":true)", R"("chattering":"yes")"), K::BadField,
        "chattering");
    row("alarm: shelvedUntil bad", edit(kAlarm, R"("2026-11-22T10:31:00.000Z")", "[]"), K::BadField, "shelvedUntil");
    row("alarm: no timestamp", edit(kAlarm, R"("timestamp":"2026-11-22T10:00:00.000Z",)", ""), K::MissingField,
        "timestamp");

    row("health: no cpu", edit(kHealth, R"("cpu":22.5,)", ""), K::MissingField, "cpu");
    row("health: storage a string", edit(kHealth, "63.1", R"("63.1")"), K::BadField, "storage");

    row("alert: no message", edit(kAlert, R"("message":"Wind gusts",)", ""), K::MissingField, "message");

    row("maintenance: no ticketId", edit(kMaintenance, R"("ticketId":"T-0001",)", ""), K::MissingField, "ticketId");
    row("maintenance: priority unknown", edit(kMaintenance, R"("critical")", R"("urgent")"), K::BadField, "priority");
    row("maintenance: description null", edit(kMaintenance, R"("Feed jam on Press 2")", "null"), K::BadField,
        "description");

    row("ticket: no newStatus", edit(kTicket, R"("newStatus":"in_progress",)", ""), K::MissingField, "newStatus");
    row("ticket: oldStatus unknown", edit(kTicket, R"("open")", R"("waiting")"), K::BadField, "oldStatus");
    row("ticket: machineId bool", edit(kTicket, R"("M-004")", "true"), K::BadField, "machineId");

    row("presence: no operators", QByteArray(R"({"type":"presence"})"), K::MissingField, "operators");
    row("presence: operators an object", QByteArray(R"({"type":"presence","operators":{}})"), K::BadField, "operators");
    row("presence: role unknown", edit(kPresence, R"("viewer")", R"("god")"), K::BadField, "operators[1].role");
    row("presence: operator a string", QByteArray(R"({"type":"presence","operators":["alice"]})"), K::BadField,
        "operators[0]");
    row("presence: since missing", edit(kPresence, R"("since":"2026-11-22T09:00:00.000Z",)", ""), K::MissingField,
        "operators[0].since");

    row("presence_changed: no joined", edit(kPresenceChanged, R"("joined":[)", R"("joinedx":[)"), K::MissingField,
        "joined");
    row("presence_changed: left without a name", edit(kPresenceChanged, R"("name":"bob",)", ""), K::MissingField,
        "left[0].name");
    row("presence_changed: joined role unknown", edit(kPresenceChanged, R"("operator")", R"("god")"), K::BadField,
        "joined[0].role");

    row("activity: no operator", edit(kActivity, R"("operator":"bob",)", ""), K::MissingField, "operator");
    row("activity: action a number", edit(kActivity, R"("ack_alarm")", "1"), K::BadField, "action");
    row("activity: no timestamp", edit(kActivity, R"(,"timestamp":"2026-11-22T10:00:07.000Z")", ""), K::MissingField,
        "timestamp");

    row("snapshot: channel unknown", snapshot("weather", {}), K::UnsupportedKind, "channel");
    row("snapshot: no channel", QByteArray(R"({"type":"snapshot","items":[]})"), K::MissingField, "channel");
    row("snapshot: no items", QByteArray(R"({"type":"snapshot","channel":"alarms"})"), K::MissingField, "items");
    row("snapshot machines: status unknown", snapshot("machines", edit(withoutType(kMachine), R"("down")", "0")),
        K::BadField, "items[0].status");
    row("snapshot tiles: no devices", snapshot("tiles", R"({"tileId":"T1","name":"x"})"), K::MissingField,
        "items[0].devices");
    row("snapshot tiles: valueType unknown", snapshot("tiles", edit(kTile, R"("enum")", R"("colour")")), K::BadField,
        "items[0].devices[1].endpoints[0].valueType");
    row("snapshot tiles: option a number", snapshot("tiles", edit(kTile, R"("manual")", "2")), K::BadField,
        "items[0].devices[1].endpoints[0].options[1]");
    row("snapshot tiles: min above max", snapshot("tiles", edit(kTile, R"("min":0,"max":null)", R"("min":5,"max":1)")),
        K::BadField, "items[0].devices[0].endpoints[1].max");
    row("snapshot tiles: critical a word", snapshot("tiles", edit(kTile, R"("critical":true)", R"("critical":"yes")")),
        K::BadField, "items[0].devices[0].endpoints[0].critical");
    row("snapshot tiles: op unknown", snapshot("tiles", edit(kTile, R"(">=")", R"("~")")), K::BadField,
        "items[0].interlocks[0].requires.op");
    row("snapshot tiles: requires missing",
        snapshot("tiles", edit(kTile, R"(,"requires":{"endpointId":"T1.LT101.level","op":">=","value":20})", "")),
        K::MissingField, "items[0].interlocks[0].requires");
    row("snapshot telemetry: second item bad", snapshot("telemetry", kTelemetry + ',' + edit(kTelemetry, "64.3", "[]")),
        K::BadField, "items[1].value");
    row("snapshot commands: no commandId", snapshot("commands", edit(kCommand, R"("commandId":"c-1",)", "")),
        K::MissingField, "items[0].commandId");
    row("snapshot maintenance: history status unknown",
        snapshot("maintenance", edit(kTicketItem, R"({"status":"open")", R"({"status":"gone")")), K::BadField,
        "items[0].history[0].status");
    row("snapshot maintenance: history not array",
        snapshot("maintenance",
                 R"({"ticketId":"T","machineId":"M","priority":"low","description":"d",)"
                 R"("status":"open","history":"open"})"),
        K::BadField, "items[0].history");
    row("snapshot presence: no name", snapshot("presence", R"({"role":"admin","since":0})"), K::MissingField,
        "items[0].name");

    row("number too large for a double", edit(kHealth, "22.5", "1e400"), K::NotJson, "");
    row("NaN is not JSON", edit(kHealth, "22.5", "NaN"), K::NotJson, "");
    row("Infinity is not JSON", edit(kHealth, "22.5", "Infinity"), K::NotJson, "");
    row("ts fractional", edit(kHealth, R"("seq":13)", R"("ts":1.5)"), K::BadField, "ts");
}

void TestDecoderEvents::malformed()
{
    QFETCH(QByteArray, frame);
    QFETCH(DecodeError::Kind, kind);
    QFETCH(QString, field);

    const DecodedFrame decoded = decodeFrame(frame);
    // A numbered event that cannot be read leaves an Unreadable in its
    // place, and a snapshot with a bad item applies the rest (A1).
    QVERIFY(decoded.messages.size() <= 1);
    if (!decoded.messages.isEmpty()) {
        const Message &m = decoded.messages.first();
        const auto *snapshot = std::get_if<Snapshot>(&m.body);
        QVERIFY(std::holds_alternative<Unreadable>(m.body) || (snapshot && snapshot->isPartial()));
        if (!snapshot)
            QCOMPARE(decoded.errors.first().seq, m.seq);
    }
    QCOMPARE(decoded.errors.size(), 1);
    QCOMPARE(decoded.errors.first().kind, kind);
    QCOMPARE(decoded.errors.first().field, field);
    QVERIFY(!decoded.errors.first().toString().isEmpty());
}

void TestDecoderEvents::machineStatusUpdate()
{
    const auto frame = decodeFrame(kMachine);
    const auto *u = bodyOf<MachineStatusUpdate>(frame);
    QVERIFY(u);
    QCOMPARE(u->machine.machineId, QStringLiteral("M-004"));
    QCOMPARE(u->machine.name, QStringLiteral("Press 2"));
    QCOMPARE(u->machine.status, MachineState::Down);
    QCOMPARE(u->machine.utilization, 0.0);
    QCOMPARE(u->machine.line, QStringLiteral("L1"));
    QCOMPARE(u->machine.producedCount, 1234);
    QCOMPARE(u->machine.timestamp, utc(10, 0, 5, 250));
    QCOMPARE(frame.messages.first().ts, std::optional<qint64>(1795341600000));
}

void TestDecoderEvents::telemetryKeepsTheValueAsSent()
{
    const auto frame = decodeFrame(QByteArray(
        "[" + kTelemetry + ',' + edit(kTelemetry, "64.3", "true") + ',' + edit(kTelemetry, "64.3", R"("manual")") + ','
        + edit(edit(kTelemetry, R"("T1.TT101.temperature")", "59"), R"("unit":"°C",)", "") + "]"));
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    QCOMPARE(frame.messages.size(), 4);
    const auto &number = std::get<Telemetry>(frame.messages.at(0).body);
    QCOMPARE(std::get<double>(number.value), 64.3);
    QCOMPARE(number.unit, QStringLiteral("°C"));
    QCOMPARE(number.timestamp, utc(10, 0, 5, 250));
    QCOMPARE(std::get<bool>(std::get<Telemetry>(frame.messages.at(1).body).value), true);
    QCOMPARE(std::get<QString>(std::get<Telemetry>(frame.messages.at(2).body).value), QStringLiteral("manual"));
    const auto &plain = std::get<Telemetry>(frame.messages.at(3).body);
    QCOMPARE(plain.endpointId, QStringLiteral("59"));
    QVERIFY(plain.unit.isEmpty());
}

void TestDecoderEvents::quality_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Quality>("quality");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QVariant>("value"); // invalid: std::monostate

    const auto with = [](const QByteArray &fields) { return edit(kTelemetry, R"("unit")", fields + R"(,"unit")"); };
    const QString none;
    QTest::newRow("absent: good") << kTelemetry << Quality::Good << none << QVariant(64.3);
    QTest::newRow("null: good") << with(R"("quality":null)") << Quality::Good << none << QVariant(64.3);
    QTest::newRow("good") << with(R"("quality":"good")") << Quality::Good << none << QVariant(64.3);
    QTest::newRow("good: a reason is dropped")
        << with(R"("quality":"good","qualityReason":"back")") << Quality::Good << none << QVariant(64.3);
    QTest::newRow("stale with the last value")
        << with(R"("quality":"stale","qualityReason":"edge node Edge1 offline")") << Quality::Stale
        << QStringLiteral("edge node Edge1 offline") << QVariant(64.3);
    QTest::newRow("stale with null value")
        << edit(with(R"("quality":"stale","qualityReason":"device D1 offline")"), "64.3", "null") << Quality::Stale
        << QStringLiteral("device D1 offline") << QVariant();
    QTest::newRow("stale without value") << edit(with(R"("quality":"stale")"), R"("value":64.3,)", "") << Quality::Stale
                                         << none << QVariant();
    QTest::newRow("stale, reason null") << with(R"("quality":"stale","qualityReason":null)") << Quality::Stale << none
                                        << QVariant(64.3);
    // Fail safe: a marker this console cannot read is stale, and costs nothing else.
    QTest::newRow("unknown word: stale") << with(R"("quality":"uncertain")") << Quality::Stale << none
                                         << QVariant(64.3);
    QTest::newRow("capitals: stale") << with(R"("quality":"GOOD")") << Quality::Stale << none << QVariant(64.3);
    QTest::newRow("empty word: stale") << with(R"("quality":"")") << Quality::Stale << none << QVariant(64.3);
    QTest::newRow("number: stale") << with(R"("quality":192)") << Quality::Stale << none << QVariant(64.3);
    QTest::newRow("object: stale") << with(R"("quality":{})") << Quality::Stale << none << QVariant(64.3);
    QTest::newRow("unknown word with null value")
        << edit(with(R"("quality":"bad")"), "64.3", "null") << Quality::Stale << none << QVariant();
    QTest::newRow("reason not text: ignored")
        << with(R"("quality":"stale","qualityReason":7)") << Quality::Stale << none << QVariant(64.3);
}

void TestDecoderEvents::quality()
{
    QFETCH(QByteArray, frame);
    QFETCH(Quality, quality);
    QFETCH(QString, reason);
    QFETCH(QVariant, value);

    const DecodedFrame decoded = decodeFrame(frame);
    QVERIFY2(decoded.errors.isEmpty(), qPrintable(decoded.errors.value(0).toString()));
    const auto *t = bodyOf<Telemetry>(decoded);
    QVERIFY(t);
    QCOMPARE(t->quality, quality);
    QCOMPARE(t->qualityReason, reason);
    if (value.isValid())
        QCOMPARE(std::get<double>(t->value), value.toDouble());
    else
        QVERIFY(std::holds_alternative<std::monostate>(t->value));
    QCOMPARE(t->endpointId, QStringLiteral("T1.TT101.temperature"));
    QCOMPARE(t->timestamp, utc(10, 0, 5, 250));
}

void TestDecoderEvents::qualityOfDronesAndMachines()
{
    const QByteArray drone
        = R"({"type":"drone_update","seq":2,"serial":"WF-D0001","kind":"status","timestamp":"2026-11-22T10:00:05.250Z",)"
          R"("data":{"state":"flying","battery":73.8,"location":{"lat":48.1,"lon":11.5},"speed":9.4}})";
    const auto droneWith = [&](const QByteArray &fields) { return edit(drone, R"("speed")", fields + R"(,"speed")"); };
    const auto droneOf = [](const QByteArray &frame) {
        const DecodedFrame decoded = decodeFrame(frame);
        const auto *u = bodyOf<DroneStatusUpdate>(decoded);
        return u ? std::optional(u->status) : std::nullopt;
    };
    QCOMPARE(droneOf(drone)->quality, Quality::Good);
    QCOMPARE(droneOf(droneWith(R"("quality":"good")"))->quality, Quality::Good);
    const auto lost = droneOf(droneWith(R"("quality":"stale","qualityReason":"edge node Edge1 offline")"));
    QVERIFY(lost);
    QCOMPARE(lost->quality, Quality::Stale);
    QCOMPARE(lost->qualityReason, QStringLiteral("edge node Edge1 offline"));
    QCOMPARE(lost->battery, 73.8); // the last known status, as sent
    QCOMPARE(droneOf(droneWith(R"("quality":"unknown")"))->quality, Quality::Stale);
    // Beside `data`, where the status fields are not, it is an unknown field.
    QCOMPARE(droneOf(edit(drone, R"("kind")", R"("quality":"stale","kind")"))->quality, Quality::Good);

    const auto machineOf = [](const QByteArray &frame) {
        const DecodedFrame decoded = decodeFrame(frame);
        const auto *u = bodyOf<MachineStatusUpdate>(decoded);
        return u ? std::optional(u->machine) : std::nullopt;
    };
    const auto machineWith
        = [](const QByteArray &fields) { return edit(kMachine, R"("timestamp")", fields + R"(,"timestamp")"); };
    QCOMPARE(machineOf(kMachine)->quality, Quality::Good);
    QCOMPARE(machineOf(machineWith(R"("quality":"good")"))->quality, Quality::Good);
    const auto machine = machineOf(machineWith(R"("quality":"stale","qualityReason":"broker lost")"));
    QVERIFY(machine);
    QCOMPARE(machine->quality, Quality::Stale);
    QCOMPARE(machine->qualityReason, QStringLiteral("broker lost"));
    QCOMPARE(machine->producedCount, 1234);
    QCOMPARE(machineOf(machineWith(R"("quality":false)"))->quality, Quality::Stale);
}

void TestDecoderEvents::qualityInSnapshots()
{
    // A `telemetry` and an `endpoint_stream` snapshot item, as the event.
    for (const char *channel : {"telemetry", "endpoint_stream"}) {
        const DecodedFrame decoded
            = decodeFrame(snapshot(channel,
                                   kTelemetry + ','
                                       + edit(edit(kTelemetry, "64.3", "null"), R"("unit")",
                                              R"("quality":"stale","qualityReason":"r","unit")")));
        QVERIFY2(decoded.errors.isEmpty(), qPrintable(decoded.errors.value(0).toString()));
        const auto &s = std::get<Snapshot>(decoded.messages.first().body);
        QCOMPARE(s.telemetry.size(), 2);
        QCOMPARE(s.telemetry.at(0).quality, Quality::Good);
        QCOMPARE(s.telemetry.at(1).quality, Quality::Stale);
        QCOMPARE(s.telemetry.at(1).qualityReason, QStringLiteral("r"));
        QVERIFY(std::holds_alternative<std::monostate>(s.telemetry.at(1).value));
    }

    // A tile endpoint: absent is good, stale keeps its last value, an unknown word is stale.
    QByteArray tile
        = edit(kTile, R"("value":false,)", R"("value":false,"quality":"stale","qualityReason":"device P101 offline",)");
    tile = edit(tile, R"("value":"auto",)", R"("value":"auto","quality":"maybe",)");
    const DecodedFrame decoded = decodeFrame(snapshot("tiles", tile));
    QVERIFY2(decoded.errors.isEmpty(), qPrintable(decoded.errors.value(0).toString()));
    const Tile &t = std::get<Snapshot>(decoded.messages.first().body).tiles.first();
    const Endpoint &running = t.devices.at(0).endpoints.at(0);
    QCOMPARE(running.quality, Quality::Stale);
    QCOMPARE(running.qualityReason, QStringLiteral("device P101 offline"));
    QCOMPARE(std::get<bool>(running.value), false);
    QCOMPARE(t.devices.at(0).endpoints.at(1).quality, Quality::Good);
    QVERIFY(t.devices.at(0).endpoints.at(1).qualityReason.isEmpty());
    QCOMPARE(t.devices.at(1).endpoints.at(0).quality, Quality::Stale);

    // A `drones` snapshot item and a `machines` one carry it beside their status fields.
    const DecodedFrame drones = decodeFrame(
        snapshot("drones",
                 R"({"serial":"WF-D0001","state":"flying","battery":63.5,"location":{"lat":48.1,"lon":11.5},)"
                 R"("timestamp":"2026-11-22T10:00:00.000Z","quality":"stale","qualityReason":"offline"})"));
    QVERIFY2(drones.errors.isEmpty(), qPrintable(drones.errors.value(0).toString()));
    QCOMPARE(std::get<Snapshot>(drones.messages.first().body).drones.first().quality, Quality::Stale);
    const DecodedFrame machines = decodeFrame(
        snapshot("machines", edit(withoutType(kMachine), R"("timestamp")", R"("quality":"stale","timestamp")")));
    QVERIFY2(machines.errors.isEmpty(), qPrintable(machines.errors.value(0).toString()));
    QCOMPARE(std::get<Snapshot>(machines.messages.first().body).machines.first().quality, Quality::Stale);
}

void TestDecoderEvents::commandStatus()
{
    const auto frame = decodeFrame(kCommand);
    const auto *c = bodyOf<CommandStatus>(frame);
    QVERIFY(c);
    QCOMPARE(c->commandId, QStringLiteral("c-1"));
    QCOMPARE(c->endpointId, QStringLiteral("T1.V101.open"));
    QCOMPARE(c->status, CommandState::Failed);
    QCOMPARE(std::get<bool>(c->requestedValue), true);
    QCOMPARE(std::get<bool>(c->actualValue), false);
    QCOMPARE(c->operatorName, QStringLiteral("bob"));
    QCOMPARE(c->error, std::optional<QString>(QStringLiteral("device did not respond")));
    QCOMPARE(c->completedAt, utc(10, 0, 6));

    const auto queued = decodeFrame(R"({"type":"command_status","commandId":"c-2","endpointId":"T1.P101.running",)"
                                    R"("status":"queued","requestedValue":true,"actualValue":false,"operator":"bob",)"
                                    R"("error":null,"completedAt":null})");
    const auto *q = bodyOf<CommandStatus>(queued);
    QVERIFY(q);
    QCOMPARE(q->status, CommandState::Queued);
    QVERIFY(!q->error.has_value());
    QVERIFY(!q->completedAt.isValid());
}

void TestDecoderEvents::alarm()
{
    const auto frame = decodeFrame(kAlarm);
    const auto *u = bodyOf<AlarmUpdate>(frame);
    QVERIFY(u);
    const Alarm &a = u->alarm;
    QCOMPARE(a.alarmId, QStringLiteral("drone:WF-D0003:battery_low"));
    QCOMPARE(a.severity, AlarmSeverity::High);
    QCOMPARE(a.message, QStringLiteral("WF-D0003 battery below 15 %"));
    QVERIFY(a.source.has_value());
    QCOMPARE(a.source->kind, AlarmSourceKind::Drone);
    QCOMPARE(a.source->id, QStringLiteral("WF-D0003"));
    QCOMPARE(a.state, AlarmState::Shelved);
    QCOMPARE(a.timestamp, utc(10, 0, 0));
    QCOMPARE(a.ackedBy, std::optional<QString>(QStringLiteral("bob")));
    QCOMPARE(a.ackedAt, std::optional<QDateTime>(utc(10, 1, 0)));
    QVERIFY(!a.note.has_value());
    QCOMPARE(a.shelvedUntil, std::optional<QDateTime>(utc(10, 31, 0)));
    QCOMPARE(a.shelvedBy, std::optional<QString>(QStringLiteral("bob")));
    QCOMPARE(a.shelveReason, std::optional<QString>(QStringLiteral("known")));
    QCOMPARE(a.count, 3);
    QVERIFY(a.chattering);
}

void TestDecoderEvents::smallEvents()
{
    const auto frame = decodeFrame(QByteArray("[" + kHealth + ',' + kAlert + ',' + kMaintenance + ',' + kTicket + "]"));
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    QCOMPARE(frame.messages.size(), 4);
    const auto &h = std::get<ServerHealth>(frame.messages.at(0).body);
    QCOMPARE(h.cpu, 22.5);
    QCOMPARE(h.memory, 41.0);
    QCOMPARE(h.storage, 63.1);
    const auto &alert = std::get<SystemAlert>(frame.messages.at(1).body);
    QCOMPARE(alert.level, SystemAlertLevel::Warning);
    QCOMPARE(alert.message, QStringLiteral("Wind gusts"));
    const auto &m = std::get<MaintenanceAlert>(frame.messages.at(2).body);
    QCOMPARE(m.ticketId, QStringLiteral("T-0001"));
    QCOMPARE(m.machineId, QStringLiteral("M-004"));
    QCOMPARE(m.priority, TicketPriority::Critical);
    QCOMPARE(m.description, QStringLiteral("Feed jam on Press 2"));
    const auto &t = std::get<TicketStatusChange>(frame.messages.at(3).body);
    QCOMPARE(t.oldStatus, TicketStatus::Open);
    QCOMPARE(t.newStatus, TicketStatus::InProgress);
    QCOMPARE(t.timestamp, utc(10, 3, 0));
}

void TestDecoderEvents::presenceAndActivity()
{
    const auto frame = decodeFrame(QByteArray("[" + kPresence + ',' + kActivity + "]"));
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    const auto &p = std::get<Presence>(frame.messages.at(0).body);
    QCOMPARE(p.operators.size(), 2);
    QCOMPARE(p.operators.at(0).name, QStringLiteral("alice"));
    QCOMPARE(p.operators.at(0).role, OperatorRole::Admin);
    QCOMPARE(p.operators.at(0).since, utc(9, 0, 0));
    QCOMPARE(p.operators.at(0).client, QStringLiteral("watchfloor 0.1.0"));
    QCOMPARE(p.operators.at(1).role, OperatorRole::Viewer);
    const auto &u = std::get<UserActivity>(frame.messages.at(1).body);
    QCOMPARE(u.operatorName, QStringLiteral("bob"));
    const auto changed = decodeFrame(kPresenceChanged);
    QVERIFY2(changed.errors.isEmpty(), qPrintable(changed.errors.value(0).toString()));
    const auto &c = std::get<PresenceChange>(changed.messages.at(0).body);
    QCOMPARE(c.joined.size(), 1);
    QCOMPARE(c.joined.at(0).name, QStringLiteral("carl"));
    QCOMPARE(c.joined.at(0).role, OperatorRole::Operator);
    QCOMPARE(c.joined.at(0).since, utc(10, 0, 0));
    QCOMPARE(c.joined.at(0).client, QStringLiteral("wall"));
    QCOMPARE(c.left.size(), 1);
    QCOMPARE(c.left.at(0).name, QStringLiteral("bob"));
    QCOMPARE(c.left.at(0).client, QString());
    QCOMPARE(u.action, QStringLiteral("ack_alarm"));
    QCOMPARE(u.target, QStringLiteral("machine:M-004:down"));
    QCOMPARE(u.timestamp, utc(10, 0, 7));
}

void TestDecoderEvents::tileSnapshot()
{
    const auto frame = decodeFrame(snapshot("tiles", kTile));
    const auto *s = bodyOf<Snapshot>(frame);
    QVERIFY2(s, qPrintable(frame.errors.value(0).toString()));
    QCOMPARE(s->channel, QStringLiteral("tiles"));
    QCOMPARE(s->tiles.size(), 1);
    const Tile &t = s->tiles.first();
    QCOMPARE(t.tileId, QStringLiteral("T1"));
    QCOMPARE(t.devices.size(), 2);
    const Device &pump = t.devices.at(0);
    QCOMPARE(pump.kind, QStringLiteral("pump"));
    QCOMPARE(pump.endpoints.size(), 2);
    QCOMPARE(pump.endpoints.at(0).valueType, ValueType::Bool);
    QVERIFY(pump.endpoints.at(0).writable);
    QVERIFY(pump.endpoints.at(0).critical);
    QVERIFY(!pump.endpoints.at(1).critical); // absent: not critical
    QVERIFY(!pump.endpoints.at(0).min.has_value());
    QVERIFY(!pump.endpoints.at(0).timestamp.isValid());
    QCOMPARE(pump.endpoints.at(1).unit, QStringLiteral("L/min"));
    QCOMPARE(pump.endpoints.at(1).min, std::optional<double>(0.0));
    QCOMPARE(std::get<double>(pump.endpoints.at(1).value), 0.0);
    const Endpoint &mode = t.devices.at(1).endpoints.at(0);
    QCOMPARE(mode.valueType, ValueType::Enum);
    QCOMPARE(mode.options, QStringList({QStringLiteral("auto"), QStringLiteral("manual"), QStringLiteral("off")}));
    QCOMPARE(std::get<QString>(mode.value), QStringLiteral("auto"));
    QCOMPARE(t.interlocks.size(), 1);
    const Interlock &il = t.interlocks.first();
    QCOMPARE(il.target, QStringLiteral("T1.H101.on"));
    QCOMPARE(il.requiredEndpointId, QStringLiteral("T1.LT101.level"));
    QCOMPARE(il.op, ComparisonOp::GreaterOrEqual);
    QCOMPARE(std::get<double>(il.requiredValue), 20.0);
}

void TestDecoderEvents::maintenanceSnapshot()
{
    const auto frame = decodeFrame(snapshot("maintenance", kTicketItem));
    const auto *s = bodyOf<Snapshot>(frame);
    QVERIFY2(s, qPrintable(frame.errors.value(0).toString()));
    QCOMPARE(s->maintenance.size(), 1);
    const MaintenanceTicket &t = s->maintenance.first();
    QCOMPARE(t.priority, TicketPriority::Low);
    QCOMPARE(t.status, TicketStatus::InProgress);
    QCOMPARE(t.history.size(), 2);
    QCOMPARE(t.history.at(0).status, TicketStatus::Open);
    QCOMPARE(t.history.at(1).timestamp, utc(10, 3, 0));
}

void TestDecoderEvents::droneSnapshotsCarryDetails()
{
    const DecodedFrame decoded = decodeFrame(
        snapshot("drones",
                 R"({"serial":"WF-D0001","state":"flying","battery":63.5,"location":{"lat":48.1,"lon":11.5,"alt":80},)"
                 R"("speed":9.5,"timestamp":"2026-11-22T10:00:00.000Z","build":{"percent":40,"stage":"avionics",)"
                 R"("assembly":"gps","eta":"2026-11-22T11:00:00.000Z"},"health":{"cpu":11,"memory":22,"storage":33,)"
                 R"("temperature":44.5},"operation":{"mission":"survey-7","status":"paused","progress":35}},)"
                 R"({"serial":"WF-D0002","state":"idle","battery":90,"location":{"lat":48,"lon":11,"alt":0},"speed":0,)"
                 R"("timestamp":"2026-11-22T10:00:01.000Z","operation":null})"));
    QVERIFY2(decoded.errors.isEmpty(), qPrintable(decoded.errors.value(0).toString()));
    const auto &s = std::get<Snapshot>(decoded.messages.first().body);
    QCOMPARE(s.drones.size(), 2);
    QCOMPARE(s.droneBuilds.size(), 1);
    QCOMPARE(s.droneBuilds.first().serial, QStringLiteral("WF-D0001"));
    QCOMPARE(s.droneBuilds.first().percent, 40);
    QCOMPARE(s.droneBuilds.first().stage, QStringLiteral("avionics"));
    QCOMPARE(s.droneBuilds.first().assembly, QStringLiteral("gps"));
    QCOMPARE(s.droneBuilds.first().eta, QDateTime(QDate(2026, 11, 22), QTime(11, 0), Qt::UTC));
    QCOMPARE(s.droneHealth.size(), 1);
    QCOMPARE(s.droneHealth.first().temperature, 44.5);
    QCOMPARE(s.droneHealth.first().timestamp, QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
    QCOMPARE(s.droneOperations.size(), 1);
    QCOMPARE(s.droneOperations.first().mission, QStringLiteral("survey-7"));
    QCOMPARE(s.droneOperations.first().status, Domain::MissionStatus::Paused);
    QCOMPARE(s.droneOperations.first().progress, 35.0);

    const DecodedFrame room = decodeFrame(
        snapshot("drone_detail",
                 R"({"serial":"WF-D0003","timestamp":"2026-11-22T10:00:00.000Z","build":{"percent":5,"stage":"frame"},)"
                 R"("health":{"cpu":1,"memory":2,"storage":3,"temperature":4}})"));
    QVERIFY2(room.errors.isEmpty(), qPrintable(room.errors.value(0).toString()));
    const auto &r = std::get<Snapshot>(room.messages.first().body);
    QVERIFY(r.drones.isEmpty());
    QCOMPARE(r.droneBuilds.size(), 1);
    QCOMPARE(r.droneBuilds.first().serial, QStringLiteral("WF-D0003"));
    QCOMPARE(r.droneHealth.size(), 1);
}

void TestDecoderEvents::plainDialect_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("severity"); // AlarmSeverity for alarms, -1 otherwise

    // The message shapes of seed 002's Node `ws` server.
    QTest::newRow("alarm critical") << QByteArray(
        R"({"type":"alarm","alarmId":42,"severity":"critical","message":"HLT temperature exceeded 212°F",)"
        R"("timestamp":"2025-12-27T06:00:02Z"})")
                                    << QStringLiteral("42") << int(AlarmSeverity::Critical);
    QTest::newRow("alarm warning is medium") << QByteArray(
        R"({"type":"alarm","alarmId":7,"severity":"warning","message":"m","timestamp":"2025-12-27T06:00:02Z"})")
                                             << QStringLiteral("7") << int(AlarmSeverity::Medium);
    QTest::newRow("alarm info") << QByteArray(
        R"({"type":"alarm","alarmId":"a-1","severity":"info","message":"m","timestamp":"2025-12-27T06:00:02Z"})")
                                << QStringLiteral("a-1") << int(AlarmSeverity::Info);
    QTest::newRow("telemetry numeric endpoint")
        << QByteArray(R"({"type":"telemetry","endpointId":59,"value":180.5,"timestamp":"2025-12-27T06:00:00Z"})")
        << QStringLiteral("59") << -1;
    QTest::newRow("command status null actualValue")
        << QByteArray(R"({"type":"command_status","commandId":"uuid-123","status":"failed","actualValue":null,)"
                      R"("completedAt":"2025-12-27T06:00:01Z"})")
        << QStringLiteral("uuid-123") << -1;
    QTest::newRow("command status numeric id")
        << QByteArray(R"({"type":"command_status","commandId":1001,"status":"succeeded","actualValue":true,)"
                      R"("completedAt":"2025-12-27T06:00:01Z"})")
        << QStringLiteral("1001") << -1;
}

void TestDecoderEvents::plainDialect()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, id);
    QFETCH(int, severity);

    const DecodedFrame decoded = decodeFrame(frame);
    QVERIFY2(decoded.errors.isEmpty(), qPrintable(decoded.errors.value(0).toString()));
    QCOMPARE(decoded.messages.size(), 1);
    const Message &m = decoded.messages.first();
    QVERIFY(!m.seq.has_value());
    if (const auto *a = std::get_if<AlarmUpdate>(&m.body)) {
        QCOMPARE(a->alarm.alarmId, id);
        QCOMPARE(int(a->alarm.severity), severity);
    } else if (const auto *t = std::get_if<Telemetry>(&m.body)) {
        QCOMPARE(t->endpointId, id);
    } else if (const auto *c = std::get_if<CommandStatus>(&m.body)) {
        QCOMPARE(c->commandId, id);
        QVERIFY(c->endpointId.isEmpty());
        QVERIFY(!c->error.has_value());
    } else {
        QFAIL("unexpected body");
    }
}

void TestDecoderEvents::plainAlarmWithoutStateOrSource()
{
    const auto frame = decodeFrame(R"({"type":"alarm","alarmId":42,"severity":"critical","message":"m",)"
                                   R"("timestamp":"2025-12-27T06:00:02Z"})");
    const auto *u = bodyOf<AlarmUpdate>(frame);
    QVERIFY(u);
    QCOMPARE(u->alarm.state, AlarmState::ActiveUnacked);
    QVERIFY(!u->alarm.source.has_value());
    QVERIFY(!u->alarm.ackedBy.has_value());
    QVERIFY(!u->alarm.ackedAt.has_value());
    QCOMPARE(u->alarm.count, 1);
    QVERIFY(!u->alarm.chattering);
    QCOMPARE(u->alarm.timestamp, QDateTime(QDate(2025, 12, 27), QTime(6, 0, 2), Qt::UTC));
}

void TestDecoderEvents::emptyFramesAreReported()
{
    for (const QByteArray &frame : {QByteArray("[]"), QByteArray(R"({"type":"batch","events":[]})")}) {
        const DecodedFrame decoded = decodeFrame(frame);
        QVERIFY(decoded.messages.isEmpty());
        QCOMPARE(decoded.errors.size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestDecoderEvents)
#include "tst_decoder_events.moc"
