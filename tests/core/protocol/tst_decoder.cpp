#include "protocol/decoder.h"
#include "protocol/encoder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Domain;
using namespace Protocol;

Q_DECLARE_METATYPE(Protocol::DecodeError::Kind)

namespace {

// The body of the frame's first message if it is a T, else null.
template<typename T> const T *bodyOf(const DecodedFrame &frame)
{
    return frame.messages.isEmpty() ? nullptr : std::get_if<T>(&frame.messages.first().body);
}

} // namespace

class TestDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hello();
    void plainConnected();
    void resultOk();
    void resultError();
    void droneStatusUpdate();
    void epochMillisecondTimestamp();
    void numericSerialBecomesString();
    void otherDroneUpdateKinds();
    void droneSnapshot();
    void batchKeepsGoodMessagesAroundABadOne();
    void a1_unreadableNumberedEventKeepsItsSeq_data();
    void a1_unreadableNumberedEventKeepsItsSeq();
    void a1_alarmValuesOfANewerServerAreKept();
    void a1_outOfRangePercentagesAreClamped();
    void a1_badSnapshotItemIsSkippedAndReported();
    void seed000_alertWithoutLevelAndBuildCompletion();
    void topLevelArray();
    void malformed_data();
    void malformed();
    void authGrant();
    void authGrantRejectsUnknownRole();
    void encodersProduceRequests();
};

void TestDecoder::hello()
{
    const auto frame = decodeFrame(
        R"({"type":"hello","protocol":1,"server":"watchfloor-sim 0.1.0","authRequired":true,"heartbeatMs":15000})");
    QVERIFY(frame.errors.isEmpty());
    QCOMPARE(frame.messages.size(), 1);
    const auto *h = std::get_if<Hello>(&frame.messages.first().body);
    QVERIFY(h);
    QCOMPARE(h->protocol, 1);
    QCOMPARE(h->server, QStringLiteral("watchfloor-sim 0.1.0"));
    QVERIFY(h->authRequired);
    QCOMPARE(h->heartbeatMs, 15000);
    QVERIFY(!frame.messages.first().seq.has_value());
}

void TestDecoder::plainConnected()
{
    const auto frame = decodeFrame(R"({"type":"connected","clientId":"c-42"})");
    QVERIFY(frame.errors.isEmpty());
    const auto *c = bodyOf<Connected>(frame);
    QVERIFY(c);
    QCOMPARE(c->clientId, QStringLiteral("c-42"));
}

void TestDecoder::resultOk()
{
    const auto frame = decodeFrame(
        R"({"type":"result","id":7,"ok":true,"data":{"sessionId":"s-1","role":"operator","serverTime":"2026-11-22T10:00:00.000Z"}})");
    QVERIFY(frame.errors.isEmpty());
    const auto *r = bodyOf<Result>(frame);
    QVERIFY(r);
    QCOMPARE(r->id, 7u);
    QVERIFY(r->ok);
    QCOMPARE(r->data.value(QLatin1StringView("sessionId")).toString(), QStringLiteral("s-1"));
}

void TestDecoder::resultError()
{
    const auto frame = decodeFrame(
        R"({"type":"result","id":1,"ok":false,"error":{"code":"unauthorized","message":"invalid token"}})");
    const auto *r = bodyOf<Result>(frame);
    QVERIFY(r);
    QVERIFY(!r->ok);
    QCOMPARE(r->error.code, QStringLiteral("unauthorized"));
    QCOMPARE(r->error.message, QStringLiteral("invalid token"));
}

void TestDecoder::droneStatusUpdate()
{
    const auto frame = decodeFrame(
        R"({"type":"drone_update","seq":121,"ts":1795341600000,"serial":"WF-D0003","kind":"status",)"
        R"("data":{"state":"flying","battery":63.5,"location":{"lat":48.1,"lon":11.5,"alt":80.2},"speed":9.5},)"
        R"("timestamp":"2026-11-22T10:00:05.250Z"})");
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    QCOMPARE(frame.messages.size(), 1);
    const Message &m = frame.messages.first();
    QCOMPARE(m.seq, std::optional<quint64>(121));
    QCOMPARE(m.ts, std::optional<qint64>(1795341600000));
    const auto *u = std::get_if<DroneStatusUpdate>(&m.body);
    QVERIFY(u);
    QCOMPARE(u->status.serial, QStringLiteral("WF-D0003"));
    QCOMPARE(u->status.state, DroneState::Flying);
    QCOMPARE(u->status.battery, 63.5);
    QCOMPARE(u->status.location.lat, 48.1);
    QCOMPARE(u->status.location.lon, 11.5);
    QCOMPARE(u->status.location.alt, 80.2);
    QCOMPARE(u->status.speed, 9.5);
    QCOMPARE(u->status.timestamp, QDateTime(QDate(2026, 11, 22), QTime(10, 0, 5, 250), Qt::UTC));
}

void TestDecoder::epochMillisecondTimestamp()
{
    const auto frame = decodeFrame(R"({"type":"drone_update","serial":"A","kind":"status","timestamp":1795341600000,)"
                                   R"("data":{"state":"idle","battery":100,"location":{"lat":0,"lon":0}}})");
    QVERIFY(frame.errors.isEmpty());
    const auto *u = bodyOf<DroneStatusUpdate>(frame);
    QVERIFY(u);
    QCOMPARE(u->status.timestamp.toMSecsSinceEpoch(), 1795341600000);
    QCOMPARE(u->status.location.alt, 0.0); // optional, defaults to ground level
}

void TestDecoder::numericSerialBecomesString()
{
    const auto frame = decodeFrame(R"({"type":"drone_update","serial":42,"kind":"status","timestamp":0,)"
                                   R"("data":{"state":"idle","battery":1,"location":{"lat":0,"lon":0}}})");
    const auto *u = bodyOf<DroneStatusUpdate>(frame);
    QVERIFY(u);
    QCOMPARE(u->status.serial, QStringLiteral("42"));
}

void TestDecoder::otherDroneUpdateKinds()
{
    const auto frame = decodeFrame(
        R"([{"type":"drone_update","serial":"A","kind":"build_progress","timestamp":0,)"
        R"("data":{"percent":42,"stage":"avionics","assembly":"flight controller","eta":"2026-11-22T12:00:00.000Z"}},)"
        R"({"type":"drone_update","serial":"A","kind":"system_health","timestamp":0,)"
        R"("data":{"cpu":31.5,"memory":48,"storage":12.25,"temperature":41.5}},)"
        R"({"type":"drone_update","serial":"A","kind":"operation","timestamp":0,)"
        R"("data":{"mission":"Roof inspection #7","status":"paused","progress":63}}])");
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    QCOMPARE(frame.messages.size(), 3);
    const auto *b = std::get_if<DroneBuildProgress>(&frame.messages.at(0).body);
    QVERIFY(b);
    QCOMPARE(b->percent, 42);
    QCOMPARE(b->stage, QStringLiteral("avionics"));
    QCOMPARE(b->assembly, QStringLiteral("flight controller"));
    QCOMPARE(b->eta, QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC));
    const auto *h = std::get_if<DroneHealth>(&frame.messages.at(1).body);
    QVERIFY(h);
    QCOMPARE(h->cpu, 31.5);
    QCOMPARE(h->storage, 12.25);
    QCOMPARE(h->temperature, 41.5);
    const auto *o = std::get_if<DroneOperation>(&frame.messages.at(2).body);
    QVERIFY(o);
    QCOMPARE(o->mission, QStringLiteral("Roof inspection #7"));
    QCOMPARE(o->status, MissionStatus::Paused);
    QCOMPARE(o->progress, 63.0);
}

void TestDecoder::droneSnapshot()
{
    const auto frame = decodeFrame(
        R"({"type":"snapshot","channel":"drones","seq":5,"items":[)"
        R"({"serial":"A","state":"charging","battery":12,"location":{"lat":1,"lon":2,"alt":0},"timestamp":"2026-11-22T10:00:00Z"},)"
        R"({"serial":"B","state":"error","battery":80,"location":{"lat":3,"lon":4},"speed":0,"timestamp":"2026-11-22T10:00:01Z"}]})");
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    const auto *s = bodyOf<Snapshot>(frame);
    QVERIFY(s);
    QCOMPARE(s->channel, QStringLiteral("drones"));
    QCOMPARE(s->drones.size(), 2);
    QCOMPARE(s->drones.at(0).state, DroneState::Charging);
    QCOMPARE(s->drones.at(1).serial, QStringLiteral("B"));
    QCOMPARE(s->drones.at(1).state, DroneState::Error);
    QCOMPARE(frame.messages.first().seq, std::optional<quint64>(5));
}

void TestDecoder::batchKeepsGoodMessagesAroundABadOne()
{
    const auto frame = decodeFrame(
        R"({"type":"batch","events":[)"
        R"({"type":"pong","seq":1},)"
        R"({"type":"drone_update","seq":2,"serial":"A","kind":"status","timestamp":0,"data":{"state":"sleeping","battery":1,"location":{"lat":0,"lon":0}}},)"
        R"({"type":"pong","seq":3}]})");
    // The bad event keeps its place (A1): an Unreadable between its neighbours.
    QCOMPARE(frame.messages.size(), 3);
    QCOMPARE(frame.messages.at(0).seq, std::optional<quint64>(1));
    QCOMPARE(frame.messages.at(1).seq, std::optional<quint64>(2));
    QVERIFY(std::holds_alternative<Unreadable>(frame.messages.at(1).body));
    QCOMPARE(frame.messages.at(2).seq, std::optional<quint64>(3));
    QCOMPARE(frame.errors.size(), 1);
    QCOMPARE(frame.errors.first().kind, DecodeError::Kind::BadField);
    QCOMPARE(frame.errors.first().field, QStringLiteral("data.state"));
    QCOMPARE(frame.errors.first().seq, std::optional<quint64>(2));
}

void TestDecoder::a1_unreadableNumberedEventKeepsItsSeq_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<DecodeError::Kind>("kind");
    using K = DecodeError::Kind;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"weather","seq":7,"wind":3})") << K::UnknownType;
    QTest::newRow("unknown drone_update kind")
        << QByteArray(R"({"type":"drone_update","seq":7,"serial":"A","kind":"teleport","timestamp":0,"data":{}})")
        << K::UnsupportedKind;
    QTest::newRow("alarm without message")
        << QByteArray(R"({"type":"alarm","seq":7,"alarmId":"a","severity":"high","timestamp":0})") << K::MissingField;
    QTest::newRow("snapshot of an unknown channel")
        << QByteArray(R"({"type":"snapshot","seq":7,"channel":"weather","items":[]})") << K::UnsupportedKind;
}

void TestDecoder::a1_unreadableNumberedEventKeepsItsSeq()
{
    QFETCH(QByteArray, frame);
    QFETCH(DecodeError::Kind, kind);
    const DecodedFrame decoded = decodeFrame(frame);
    QCOMPARE(decoded.messages.size(), 1);
    QCOMPARE(decoded.messages.first().seq, std::optional<quint64>(7));
    QVERIFY(std::holds_alternative<Unreadable>(decoded.messages.first().body));
    QCOMPARE(decoded.errors.size(), 1);
    QCOMPARE(decoded.errors.first().kind, kind);
    QCOMPARE(decoded.errors.first().seq, std::optional<quint64>(7));
    QVERIFY(decoded.errors.first().toString().contains(QStringLiteral("event 7 skipped")));
}

void TestDecoder::a1_alarmValuesOfANewerServerAreKept()
{
    const auto frame = decodeFrame(
        R"({"type":"alarm","seq":3,"alarmId":"a1","severity":"emergency","state":"suppressed","message":"m",)"
        R"("timestamp":0,"source":{"kind":"line","id":"L4"}})");
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    const auto *u = bodyOf<AlarmUpdate>(frame);
    QVERIFY(u);
    QCOMPARE(u->alarm.severity, AlarmSeverity::Unknown);
    QCOMPARE(severityRank(u->alarm.severity), severityRank(AlarmSeverity::Critical));
    QCOMPARE(u->alarm.state, AlarmState::ActiveUnacked);
    QVERIFY(u->alarm.source);
    QCOMPARE(u->alarm.source->kind, AlarmSourceKind::Other);
    QCOMPARE(u->alarm.source->kindText, QStringLiteral("line"));
    QCOMPARE(u->alarm.source->id, QStringLiteral("L4"));
}

void TestDecoder::a1_outOfRangePercentagesAreClamped()
{
    const auto frame = decodeFrame(
        R"([{"type":"drone_update","serial":"A","kind":"status","timestamp":0,"data":{"state":"idle","battery":100.2,"location":{"lat":0,"lon":0}}},)"
        R"({"type":"drone_update","serial":"A","kind":"build_progress","timestamp":0,"data":{"percent":101,"stage":"s"}},)"
        R"({"type":"drone_update","serial":"A","kind":"system_health","timestamp":0,"data":{"cpu":-1,"memory":100.5,"storage":3,"temperature":40}},)"
        R"({"type":"machine_status_update","machineId":"M","status":"running","utilization":103,"line":"L","producedCount":1}])");
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    QCOMPARE(frame.messages.size(), 4);
    QCOMPARE(std::get<DroneStatusUpdate>(frame.messages.at(0).body).status.battery, 100.0);
    QCOMPARE(std::get<DroneBuildProgress>(frame.messages.at(1).body).percent, 100);
    QCOMPARE(std::get<DroneHealth>(frame.messages.at(2).body).cpu, 0.0);
    QCOMPARE(std::get<DroneHealth>(frame.messages.at(2).body).memory, 100.0);
    QCOMPARE(std::get<MachineStatusUpdate>(frame.messages.at(3).body).machine.utilization, 100.0);

    // Far out of range is garbage, not an overshoot: the event is refused.
    const auto garbage = decodeFrame(
        R"({"type":"drone_update","serial":"A","kind":"status","timestamp":0,"data":{"state":"idle","battery":900,"location":{"lat":0,"lon":0}}})");
    QVERIFY(garbage.messages.isEmpty());
    QCOMPARE(garbage.errors.size(), 1);
    QCOMPARE(garbage.errors.first().field, QStringLiteral("data.battery"));
}

void TestDecoder::a1_badSnapshotItemIsSkippedAndReported()
{
    const auto frame = decodeFrame(R"({"type":"snapshot","channel":"alarms","seq":5,"items":[)"
                                   R"({"alarmId":"a1","severity":"high","message":"m","timestamp":0},)"
                                   R"({"alarmId":"a2","severity":"high","timestamp":0},)"
                                   R"({"alarmId":3,"severity":"low","message":"m","timestamp":"yesterday"},)"
                                   R"({"alarmId":"a4","severity":"low","message":"m","timestamp":0}]})");
    const auto *s = bodyOf<Snapshot>(frame);
    QVERIFY(s);
    QCOMPARE(frame.messages.first().seq, std::optional<quint64>(5));
    QCOMPARE(s->alarms.size(), 2);
    QCOMPARE(s->alarms.at(0).alarmId, QStringLiteral("a1"));
    QCOMPARE(s->alarms.at(1).alarmId, QStringLiteral("a4"));
    QCOMPARE(s->unreadIds, QStringList({QStringLiteral("a2"), QStringLiteral("3")}));
    QVERIFY(!s->unreadWithoutId);
    QVERIFY(s->isPartial());
    QCOMPARE(frame.errors.size(), 2);
    QCOMPARE(frame.errors.at(0).field, QStringLiteral("items[1].message"));
    QCOMPARE(frame.errors.at(1).field, QStringLiteral("items[2].timestamp"));

    const auto anonymous = decodeFrame(
        R"({"type":"snapshot","channel":"drones","items":[3,)"
        R"({"serial":"A","state":"idle","battery":1,"location":{"lat":0,"lon":0},"timestamp":0,"build":{"percent":5,"stage":"s"},"health":{"cpu":1}},)"
        R"({"serial":"B","state":"idle","battery":1,"location":{"lat":0,"lon":0},"timestamp":0}]})");
    const auto *d = bodyOf<Snapshot>(anonymous);
    QVERIFY(d);
    QCOMPARE(d->drones.size(), 1);
    QCOMPARE(d->drones.first().serial, QStringLiteral("B"));
    // The skipped drone's build, read before its health failed, is taken back.
    QVERIFY(d->droneBuilds.isEmpty());
    QVERIFY(d->unreadWithoutId);
    QCOMPARE(d->unreadIds, QStringList({QStringLiteral("A")}));
    QCOMPARE(anonymous.errors.size(), 2);
    QCOMPARE(anonymous.errors.at(0).field, QStringLiteral("items[0]"));
}

void TestDecoder::seed000_alertWithoutLevelAndBuildCompletion()
{
    const auto frame = decodeFrame(
        R"([{"type":"system_alert","message":"GPS signal degraded","timestamp":"2026-11-22T10:00:00Z"},)"
        R"({"type":"system_alert","message":"m","level":"catastrophe"},)"
        R"({"type":"system_alert","message":"m","level":"error"},)"
        R"({"type":"drone_update","serial":"A","kind":"build_progress","timestamp":0,"data":{"completion":42.4,"stage":"frame"}}])");
    QVERIFY2(frame.errors.isEmpty(), qPrintable(frame.errors.value(0).toString()));
    QCOMPARE(frame.messages.size(), 4);
    QCOMPARE(std::get<SystemAlert>(frame.messages.at(0).body).level, SystemAlertLevel::Warning);
    QCOMPARE(std::get<SystemAlert>(frame.messages.at(0).body).message, QStringLiteral("GPS signal degraded"));
    QCOMPARE(std::get<SystemAlert>(frame.messages.at(1).body).level, SystemAlertLevel::Warning);
    QCOMPARE(std::get<SystemAlert>(frame.messages.at(2).body).level, SystemAlertLevel::Error);
    QCOMPARE(std::get<DroneBuildProgress>(frame.messages.at(3).body).percent, 42);
}

void TestDecoder::topLevelArray()
{
    const auto frame = decodeFrame(R"([{"type":"pong"},{"type":"error","code":"rate_limited","message":"slow down"}])");
    QVERIFY(frame.errors.isEmpty());
    QCOMPARE(frame.messages.size(), 2);
    QVERIFY(std::holds_alternative<Pong>(frame.messages.at(0).body));
    const auto *e = std::get_if<ServerError>(&frame.messages.at(1).body);
    QVERIFY(e);
    QCOMPARE(e->error.code, QStringLiteral("rate_limited"));
}

void TestDecoder::malformed_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<DecodeError::Kind>("kind");
    QTest::addColumn<QString>("field");

    using K = DecodeError::Kind;
    QTest::newRow("empty") << QByteArray() << K::NotJson << QString();
    QTest::newRow("truncated") << QByteArray(R"({"type":"hello")") << K::NotJson << QString();
    QTest::newRow("not utf-8 json") << QByteArray("\xff\xfe{}") << K::NotJson << QString();
    QTest::newRow("number") << QByteArray("42") << K::NotJson << QString();
    QTest::newRow("array of numbers") << QByteArray("[1]") << K::NotAnObject << QString();
    QTest::newRow("no type") << QByteArray(R"({"serial":"A"})") << K::MissingType << QStringLiteral("type");
    QTest::newRow("type not string") << QByteArray(R"({"type":7})") << K::MissingType << QStringLiteral("type");
    QTest::newRow("unknown type") << QByteArray(R"({"type":"teleport"})") << K::UnknownType << QStringLiteral("type");
    QTest::newRow("negative seq") << QByteArray(R"({"type":"pong","seq":-1})") << K::BadField << QStringLiteral("seq");
    QTest::newRow("seq as string") << QByteArray(R"({"type":"pong","seq":"5"})") << K::BadField
                                   << QStringLiteral("seq");
    QTest::newRow("hello without protocol")
        << QByteArray(R"({"type":"hello"})") << K::MissingField << QStringLiteral("protocol");
    QTest::newRow("hello heartbeat too small") << QByteArray(R"({"type":"hello","protocol":1,"heartbeatMs":0})")
                                               << K::BadField << QStringLiteral("heartbeatMs");
    QTest::newRow("result without ok") << QByteArray(R"({"type":"result","id":1})") << K::BadField
                                       << QStringLiteral("ok");
    QTest::newRow("result without id") << QByteArray(R"({"type":"result","ok":true})") << K::MissingField
                                       << QStringLiteral("id");
    QTest::newRow("update without serial")
        << QByteArray(R"({"type":"drone_update","kind":"status","timestamp":0,"data":{}})") << K::MissingField
        << QStringLiteral("serial");
    QTest::newRow("update with empty serial") << QByteArray(
        R"({"type":"drone_update","serial":"","kind":"status","timestamp":0,"data":{"state":"idle","battery":1,"location":{"lat":0,"lon":0}}})")
                                              << K::BadField << QStringLiteral("serial");
    QTest::newRow("update data not object")
        << QByteArray(R"({"type":"drone_update","serial":"A","kind":"status","timestamp":0,"data":[]})") << K::BadField
        << QStringLiteral("data");

    QTest::newRow("battery as text") << QByteArray(
        R"({"type":"drone_update","serial":"A","kind":"status","timestamp":0,"data":{"state":"idle","battery":"full","location":{"lat":0,"lon":0}}})")
                                     << K::BadField << QStringLiteral("data.battery");
    QTest::newRow("latitude out of range") << QByteArray(
        R"({"type":"drone_update","serial":"A","kind":"status","timestamp":0,"data":{"state":"idle","battery":5,"location":{"lat":91,"lon":0}}})")
                                           << K::BadField << QStringLiteral("data.location.lat");
    QTest::newRow("location missing") << QByteArray(
        R"({"type":"drone_update","serial":"A","kind":"status","timestamp":0,"data":{"state":"idle","battery":5}})")
                                      << K::MissingField << QStringLiteral("data.location");
    QTest::newRow("bad timestamp") << QByteArray(
        R"({"type":"drone_update","serial":"A","kind":"status","timestamp":"yesterday","data":{"state":"idle","battery":5,"location":{"lat":0,"lon":0}}})")
                                   << K::BadField << QStringLiteral("timestamp");
    QTest::newRow("unhandled drone kind")
        << QByteArray(R"({"type":"drone_update","serial":"A","kind":"telepathy","timestamp":0,"data":{}})")
        << K::UnsupportedKind << QStringLiteral("kind");

    QTest::newRow("health cpu missing") << QByteArray(
        R"({"type":"drone_update","serial":"A","kind":"system_health","timestamp":0,"data":{"memory":1,"storage":1,"temperature":1}})")
                                        << K::MissingField << QStringLiteral("data.cpu");
    QTest::newRow("unknown mission status") << QByteArray(
        R"({"type":"drone_update","serial":"A","kind":"operation","timestamp":0,"data":{"mission":"m","status":"lost","progress":1}})")
                                            << K::BadField << QStringLiteral("data.status");

    QTest::newRow("snapshot items not array")
        << QByteArray(R"({"type":"snapshot","channel":"drones","items":{}})") << K::BadField << QStringLiteral("items");
    QTest::newRow("batch events not array")
        << QByteArray(R"({"type":"batch","events":5})") << K::BadField << QStringLiteral("events");
}

void TestDecoder::malformed()
{
    QFETCH(QByteArray, frame);
    QFETCH(DecodeError::Kind, kind);
    QFETCH(QString, field);

    const DecodedFrame decoded = decodeFrame(frame);
    QVERIFY(decoded.messages.isEmpty());
    QCOMPARE(decoded.errors.size(), 1);
    QCOMPARE(decoded.errors.first().kind, kind);
    QCOMPARE(decoded.errors.first().field, field);
    QVERIFY(!decoded.errors.first().toString().isEmpty());
}

void TestDecoder::authGrant()
{
    const auto grant = decodeAuthGrant(
        QJsonDocument::fromJson(R"({"sessionId":"s-9","role":"viewer","serverTime":"2026-11-22T10:00:00.000Z"})")
            .object());
    const auto *g = std::get_if<AuthGrant>(&grant);
    QVERIFY(g);
    QCOMPARE(g->sessionId, QStringLiteral("s-9"));
    QCOMPARE(g->role, QStringLiteral("viewer"));
    QVERIFY(g->serverTime.isValid());
}

void TestDecoder::authGrantRejectsUnknownRole()
{
    const auto grant = decodeAuthGrant(QJsonDocument::fromJson(R"({"sessionId":"s-9","role":"root"})").object());
    const auto *e = std::get_if<DecodeError>(&grant);
    QVERIFY(e);
    QCOMPARE(e->field, QStringLiteral("data.role"));
}

void TestDecoder::encodersProduceRequests()
{
    const QJsonObject auth = QJsonDocument::fromJson(encodeAuth(3, QStringLiteral("t0k"), QStringLiteral("alice"),
                                                                QStringLiteral("watchfloor 0.1.0")))
                                 .object();
    QCOMPARE(auth.value(QLatin1StringView("type")).toString(), QStringLiteral("auth"));
    QCOMPARE(auth.value(QLatin1StringView("id")).toInteger(), 3);
    QCOMPARE(auth.value(QLatin1StringView("token")).toString(), QStringLiteral("t0k"));
    QCOMPARE(auth.value(QLatin1StringView("operator")).toString(), QStringLiteral("alice"));

    const QJsonObject sub = QJsonDocument::fromJson(encodeSubscribe(4, QStringLiteral("drones"))).object();
    QCOMPARE(sub.value(QLatin1StringView("type")).toString(), QStringLiteral("subscribe"));
    QCOMPARE(sub.value(QLatin1StringView("channel")).toString(), QStringLiteral("drones"));
    QCOMPARE(sub.value(QLatin1StringView("id")).toInteger(), 4);
}

QTEST_GUILESS_MAIN(TestDecoder)
#include "tst_decoder.moc"
