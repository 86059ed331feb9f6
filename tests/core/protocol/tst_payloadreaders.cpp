#include "protocol/fieldreader.h"
#include "protocol/messages.h"
#include "protocol/payloadreaders.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Domain;
using Protocol::FieldReader;
namespace Payload = Protocol::Payload;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &error).object();
    if (error.error != QJsonParseError::NoError)
        QTest::qFail(qPrintable(error.errorString()), __FILE__, __LINE__);
    return o;
}

const QDateTime kAt(QDate(2026, 12, 6), QTime(8, 21), Qt::UTC);

} // namespace

// Each payload reader against the fields docs/protocol.md names: what it
// takes, what it forgives (an overshoot, a newer server's word, a `plain`
// server's missing fields) and what it refuses, with the failing field's path.
class TestPayloadReaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void droneStatus();
    void droneStatusRefusesAWrongPlace();
    void droneBuildTakesEitherPercentName();
    void droneSnapshotItemCarriesItsDetails();
    void machineStatus();
    void tileWithDevicesAndInterlocks();
    void tileRefusesInconsistentRanges();
    void telemetryNeedsAValue();
    void commandStatusFromAPlainServer();
    void alarmFromANewerServerAsksForAttention();
    void alarmFromAPlainServerIsJustRaised();
};

void TestPayloadReaders::droneStatus()
{
    FieldReader r(json(R"({"state":"flying","battery":100.4,"speed":12.5,
                           "location":{"lat":48.1,"lon":11.6,"alt":120}})"),
                  QStringLiteral("drone_update"));
    const DroneStatus s = Payload::readDroneStatus(r, QStringLiteral("DR-7"), kAt);
    QVERIFY2(r.ok(), qPrintable(r.error() ? r.error()->toString() : QString()));
    QCOMPARE(s.serial, QStringLiteral("DR-7"));
    QCOMPARE(s.timestamp, kAt);
    QCOMPARE(s.state, DroneState::Flying);
    QCOMPARE(s.battery, 100.0); // a sloppy server's overshoot, brought to the bound
    QCOMPARE(s.speed, 12.5);
    QCOMPARE(s.location.lat, 48.1);
    QCOMPARE(s.location.lon, 11.6);
    QCOMPARE(s.location.alt, 120.0);
}

void TestPayloadReaders::droneStatusRefusesAWrongPlace()
{
    FieldReader r(json(R"({"state":"idle","battery":50,"location":{"lat":91,"lon":0}})"),
                  QStringLiteral("drone_update"));
    Payload::readDroneStatus(r, QStringLiteral("DR-1"), kAt);
    QVERIFY(!r.ok());
    QCOMPARE(r.error()->field, QStringLiteral("location.lat"));

    FieldReader backwards(json(R"({"state":"idle","battery":50,"speed":-1,"location":{"lat":0,"lon":0}})"),
                          QStringLiteral("drone_update"));
    Payload::readDroneStatus(backwards, QStringLiteral("DR-1"), kAt);
    QVERIFY(!backwards.ok());
    QCOMPARE(backwards.error()->field, QStringLiteral("speed"));

    FieldReader state(json(R"({"state":"hovering","battery":50,"location":{"lat":0,"lon":0}})"),
                      QStringLiteral("drone_update"));
    Payload::readDroneStatus(state, QStringLiteral("DR-1"), kAt);
    QVERIFY(!state.ok());
    QCOMPARE(state.error()->field, QStringLiteral("state"));
}

void TestPayloadReaders::droneBuildTakesEitherPercentName()
{
    FieldReader ours(json(R"({"percent":42.4,"stage":"wiring"})"), QStringLiteral("drone_update"));
    QCOMPARE(Payload::readDroneBuild(ours, QStringLiteral("DR-1"), kAt).percent, 42);
    QVERIFY(ours.ok());

    FieldReader dashboard(json(R"({"completion":57.6,"stage":"testing","eta":"2026-12-06T10:00:00Z"})"),
                          QStringLiteral("drone_update"));
    const DroneBuildProgress b = Payload::readDroneBuild(dashboard, QStringLiteral("DR-1"), kAt);
    QVERIFY(dashboard.ok());
    QCOMPARE(b.percent, 58);
    QCOMPARE(b.stage, QStringLiteral("testing"));
    QCOMPARE(b.eta, QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC));

    FieldReader neither(json(R"({"stage":"testing"})"), QStringLiteral("drone_update"));
    Payload::readDroneBuild(neither, QStringLiteral("DR-1"), kAt);
    QVERIFY(!neither.ok());
    QCOMPARE(neither.error()->field, QStringLiteral("percent"));
}

void TestPayloadReaders::droneSnapshotItemCarriesItsDetails()
{
    FieldReader r(json(R"({"serial":"DR-3","timestamp":"2026-12-06T08:21:00Z","state":"charging","battery":8,
                           "location":{"lat":0,"lon":0},
                           "build":{"percent":100,"stage":"done"},
                           "health":{"cpu":20,"memory":30,"storage":40,"temperature":35.5},
                           "operation":null})"),
                  QStringLiteral("snapshot"));
    Protocol::Snapshot snapshot;
    const DroneStatus s = Payload::readDroneItem(r, snapshot);
    QVERIFY2(r.ok(), qPrintable(r.error() ? r.error()->toString() : QString()));
    QCOMPARE(s.serial, QStringLiteral("DR-3"));
    QCOMPARE(s.timestamp, kAt);
    QCOMPARE(s.battery, 8.0);
    QCOMPARE(snapshot.droneBuilds.size(), 1);
    QCOMPARE(snapshot.droneBuilds.first().serial, QStringLiteral("DR-3"));
    QCOMPARE(snapshot.droneHealth.size(), 1);
    QCOMPARE(snapshot.droneHealth.first().temperature, 35.5);
    QVERIFY(snapshot.droneOperations.isEmpty());

    FieldReader badHealth(json(R"({"serial":"DR-4","timestamp":0,"state":"idle","battery":8,
                                   "location":{"lat":0,"lon":0},
                                   "health":{"cpu":20,"memory":30,"storage":40,"temperature":999}})"),
                          QStringLiteral("snapshot"));
    Protocol::Snapshot other;
    Payload::readDroneItem(badHealth, other);
    QVERIFY(!badHealth.ok());
    QCOMPARE(badHealth.error()->field, QStringLiteral("health.temperature"));
}

void TestPayloadReaders::machineStatus()
{
    FieldReader r(json(R"({"machineId":17,"status":"down","utilization":0,"line":"L2","producedCount":1234})"),
                  QStringLiteral("machine_status_update"));
    const MachineStatus m = Payload::readMachineStatus(r);
    QVERIFY(r.ok());
    QCOMPARE(m.machineId, QStringLiteral("17"));
    QCOMPARE(m.status, MachineState::Down);
    QCOMPARE(m.line, QStringLiteral("L2"));
    QCOMPARE(m.producedCount, qint64(1234));
    QVERIFY(m.name.isEmpty());
    QVERIFY(!m.timestamp.isValid());

    FieldReader negative(json(R"({"machineId":"M1","status":"idle","utilization":5,"line":"L1","producedCount":-2})"),
                         QStringLiteral("machine_status_update"));
    Payload::readMachineStatus(negative);
    QVERIFY(!negative.ok());
    QCOMPARE(negative.error()->field, QStringLiteral("producedCount"));
}

void TestPayloadReaders::tileWithDevicesAndInterlocks()
{
    FieldReader r(json(R"({"tileId":"T1","name":"Tank 1",
        "devices":[{"deviceId":"T1.V101","kind":"valve","name":"Outlet valve","endpoints":[
            {"endpointId":"T1.V101.open","name":"Open","valueType":"bool","writable":true,"critical":true,"value":false},
            {"endpointId":"T1.V101.pos","name":"Position","valueType":"number","unit":"%","min":0,"max":100,"step":0.5,
             "value":12.5,"timestamp":"2026-12-06T08:21:00Z"}]}],
        "interlocks":[{"id":"IL1","description":"Pump needs an open valve","target":"T1.P101.run",
                       "requires":{"endpointId":"T1.V101.open","op":"==","value":true}}]})"),
                  QStringLiteral("snapshot"));
    const Tile t = Payload::readTile(r);
    QVERIFY2(r.ok(), qPrintable(r.error() ? r.error()->toString() : QString()));
    QCOMPARE(t.tileId, QStringLiteral("T1"));
    QCOMPARE(t.devices.size(), 1);
    QCOMPARE(t.devices.first().endpoints.size(), 2);
    const Endpoint &open = t.devices.first().endpoints.at(0);
    QCOMPARE(open.valueType, ValueType::Bool);
    QVERIFY(open.writable);
    QVERIFY(open.critical);
    QCOMPARE(std::get<bool>(open.value), false);
    const Endpoint &position = t.devices.first().endpoints.at(1);
    QCOMPARE(position.unit, QStringLiteral("%"));
    QCOMPARE(position.min.value_or(-1), 0.0);
    QCOMPARE(position.max.value_or(-1), 100.0);
    QCOMPARE(position.step.value_or(-1), 0.5);
    QCOMPARE(position.timestamp, kAt);
    QCOMPARE(t.interlocks.size(), 1);
    QCOMPARE(t.interlocks.first().target, QStringLiteral("T1.P101.run"));
    QCOMPARE(t.interlocks.first().requiredEndpointId, QStringLiteral("T1.V101.open"));
    QCOMPARE(t.interlocks.first().op, ComparisonOp::Equal);
    QCOMPARE(std::get<bool>(t.interlocks.first().requiredValue), true);
}

void TestPayloadReaders::tileRefusesInconsistentRanges()
{
    const char *const cases[][2] = {
        {R"({"tileId":"T","name":"n","devices":[{"deviceId":"D","kind":"k","name":"n","endpoints":[
             {"endpointId":"E","name":"e","valueType":"number","min":10,"max":5}]}]})",
         "devices[0].endpoints[0].max"},
        {R"({"tileId":"T","name":"n","devices":[{"deviceId":"D","kind":"k","name":"n","endpoints":[
             {"endpointId":"E","name":"e","valueType":"number","step":0}]}]})",
         "devices[0].endpoints[0].step"},
        {R"({"tileId":"T","name":"n","devices":[],"interlocks":[{"id":"I","description":"d","target":"E",
             "requires":{"endpointId":"F","op":"=="}}]})",
         "interlocks[0].requires.value"},
        {R"({"tileId":"T","name":"n","devices":[],"interlocks":[{"id":"I","description":"d","target":"E",
             "requires":{"endpointId":"F","op":"~=","value":1}}]})",
         "interlocks[0].requires.op"},
    };
    for (const auto &[text, field] : cases) {
        FieldReader r(json(text), QStringLiteral("snapshot"));
        Payload::readTile(r);
        QVERIFY2(!r.ok(), field);
        QCOMPARE(r.error()->field, QString::fromLatin1(field));
    }
}

void TestPayloadReaders::telemetryNeedsAValue()
{
    FieldReader r(json(R"({"endpointId":"T1.LT101.level","value":71.25,"unit":"%"})"), QStringLiteral("telemetry"));
    const Telemetry t = Payload::readTelemetry(r);
    QVERIFY(r.ok());
    QCOMPARE(std::get<double>(t.value), 71.25);
    QCOMPARE(t.unit, QStringLiteral("%"));

    FieldReader empty(json(R"({"endpointId":"T1.LT101.level","value":null})"), QStringLiteral("telemetry"));
    Payload::readTelemetry(empty);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error()->field, QStringLiteral("value"));
}

void TestPayloadReaders::commandStatusFromAPlainServer()
{
    FieldReader r(json(R"({"commandId":12,"status":"failed","error":"device not responding"})"),
                  QStringLiteral("command_status"));
    const CommandStatus c = Payload::readCommandStatus(r);
    QVERIFY(r.ok());
    QCOMPARE(c.commandId, QStringLiteral("12"));
    QVERIFY(c.endpointId.isEmpty());
    QCOMPARE(c.status, CommandState::Failed);
    QCOMPARE(c.error.value_or(QString()), QStringLiteral("device not responding"));
    QVERIFY(std::holds_alternative<std::monostate>(c.requestedValue));

    FieldReader unknown(json(R"({"commandId":"c","status":"pondering"})"), QStringLiteral("command_status"));
    Payload::readCommandStatus(unknown);
    QVERIFY2(!unknown.ok(), "a command's state is never guessed");
}

void TestPayloadReaders::alarmFromANewerServerAsksForAttention()
{
    FieldReader r(json(R"({"alarmId":"A1","severity":"catastrophic","message":"m","state":"suppressed_by_design",
                           "timestamp":"2026-12-06T08:21:00Z","source":{"kind":"robot","id":"R-9"},"count":3})"),
                  QStringLiteral("alarm"));
    const Alarm a = Payload::readAlarm(r);
    QVERIFY(r.ok());
    QCOMPARE(a.severity, AlarmSeverity::Unknown);
    QCOMPARE(a.state, AlarmState::ActiveUnacked);
    QVERIFY(a.source.has_value());
    QCOMPARE(a.source->kind, AlarmSourceKind::Other);
    QCOMPARE(a.source->kindText, QStringLiteral("robot"));
    QCOMPARE(a.source->id, QStringLiteral("R-9"));
    QCOMPARE(a.count, qint64(3));

    FieldReader noTime(json(R"({"alarmId":"A1","severity":"high","message":"m"})"), QStringLiteral("alarm"));
    Payload::readAlarm(noTime);
    QVERIFY(!noTime.ok());
    QCOMPARE(noTime.error()->field, QStringLiteral("timestamp"));
}

void TestPayloadReaders::alarmFromAPlainServerIsJustRaised()
{
    FieldReader r(json(R"({"alarmId":42,"severity":"warning","message":"Pressure high","timestamp":1795000000000})"),
                  QStringLiteral("alarm"));
    const Alarm a = Payload::readAlarm(r);
    QVERIFY(r.ok());
    QCOMPARE(a.alarmId, QStringLiteral("42"));
    QCOMPARE(a.severity, AlarmSeverity::Medium);
    QCOMPARE(a.state, AlarmState::ActiveUnacked);
    QVERIFY(!a.source.has_value());
    QVERIFY(!a.ackedBy.has_value());
    QCOMPARE(a.count, qint64(1));
}

QTEST_GUILESS_MAIN(TestPayloadReaders)
#include "tst_payloadreaders.moc"
