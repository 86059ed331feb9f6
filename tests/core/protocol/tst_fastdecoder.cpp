#include "protocol/decoder.h"
#include "protocol/fastdecoder.h"
#include "protocol/fieldreader.h"
#include "protocol/fieldrules.h"
#include "protocol/isotime.h"
#include "simhost.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QWebSocket>

using namespace Domain;
using namespace Protocol;
using namespace Qt::StringLiterals;

// The simdjson path of decodeFrame() against the QJsonDocument path: for
// every input, the same messages and the same errors. Whatever the fast
// path takes it must decode exactly as the reference does; whatever it
// cannot, it must leave to the reference.
class TestFastDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsReferenceOnTheCorpus_data();
    void sameAsReferenceOnTheCorpus();
    void takesTheHotMessages_data();
    void takesTheHotMessages();
    void sameAsReferenceOnEdgeCases_data();
    void sameAsReferenceOnEdgeCases();
    void sameAsReferenceOnMutatedMessages();
    void fieldRulesAgreeAtEveryEdge_data();
    void fieldRulesAgreeAtEveryEdge();
    void sameAsReferenceOnFramesOfTheReferenceServer();
    void isoTimesAsQDateTimeReadsThem();
};

namespace {

QString text(const QDateTime &t)
{
    return t.isValid() ? QString::number(t.toMSecsSinceEpoch()) + u'@' + QString::number(int(t.timeSpec()))
                       : u"invalid"_s;
}

QString text(double d)
{
    return QString::number(d, 'g', 17);
}

QString text(const QString &s)
{
    return s.isNull() ? u"null"_s : u'"' + s + u'"';
}

QString text(const EndpointValue &v)
{
    return QString::number(v.index()) + u':'
        + std::visit(
               [](const auto &x) -> QString {
                   using T = std::decay_t<decltype(x)>;
                   if constexpr (std::is_same_v<T, std::monostate>)
                       return u"-"_s;
                   else if constexpr (std::is_same_v<T, bool>)
                       return x ? u"true"_s : u"false"_s;
                   else if constexpr (std::is_same_v<T, double>)
                       return text(x);
                   else
                       return text(x);
               },
               v);
}

template<typename T> QString text(const std::optional<T> &o)
{
    return o ? u"some(" + text(*o) + u')' : u"none"_s;
}

QString fields(std::initializer_list<QString> parts)
{
    return QStringList(parts).join(u'|');
}

// Every field of the hot message types; other types by name only (they
// come from the same QJsonDocument code on both sides).
QString describe(const Message &m)
{
    const QString envelope = text(m.seq ? std::optional<double>(double(*m.seq)) : std::nullopt) + u' '
        + text(m.ts ? std::optional<double>(double(*m.ts)) : std::nullopt) + u' ';
    const QString body = std::visit(
        [](const auto &b) -> QString {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, DroneStatusUpdate>) {
                const DroneStatus &s = b.status;
                return fields({u"status"_s, text(s.serial), QString::number(int(s.state)), text(s.battery),
                               text(s.location.lat), text(s.location.lon), text(s.location.alt), text(s.speed),
                               text(s.timestamp), QString::number(int(s.quality)), text(s.qualityReason)});
            } else if constexpr (std::is_same_v<T, DroneBuildProgress>) {
                return fields({u"build"_s, text(b.serial), QString::number(b.percent), text(b.stage), text(b.assembly),
                               text(b.eta), text(b.timestamp)});
            } else if constexpr (std::is_same_v<T, DroneHealth>) {
                return fields({u"health"_s, text(b.serial), text(b.cpu), text(b.memory), text(b.storage),
                               text(b.temperature), text(b.timestamp)});
            } else if constexpr (std::is_same_v<T, DroneOperation>) {
                return fields({u"operation"_s, text(b.serial), text(b.mission), QString::number(int(b.status)),
                               text(b.progress), text(b.timestamp)});
            } else if constexpr (std::is_same_v<T, MachineStatusUpdate>) {
                const MachineStatus &s = b.machine;
                return fields({u"machine"_s, text(s.machineId), text(s.name), QString::number(int(s.status)),
                               text(s.utilization), text(s.line), QString::number(s.producedCount), text(s.timestamp),
                               QString::number(int(s.quality)), text(s.qualityReason)});
            } else if constexpr (std::is_same_v<T, Telemetry>) {
                return fields({u"telemetry"_s, text(b.endpointId), text(b.value), text(b.unit), text(b.timestamp),
                               QString::number(int(b.quality)), text(b.qualityReason)});
            } else if constexpr (std::is_same_v<T, CommandStatus>) {
                return fields({u"command"_s, text(b.commandId), text(b.endpointId), QString::number(int(b.status)),
                               text(b.requestedValue), text(b.actualValue), text(b.operatorName), text(b.error),
                               text(b.completedAt)});
            } else if constexpr (std::is_same_v<T, AlarmUpdate>) {
                const Alarm &a = b.alarm;
                const QString source = a.source
                    ? QString::number(int(a.source->kind)) + u'/' + text(a.source->kindText) + u'/' + text(a.source->id)
                    : u"none"_s;
                return fields({u"alarm"_s, text(a.alarmId), QString::number(int(a.severity)), text(a.message), source,
                               QString::number(int(a.state)), text(a.timestamp), text(a.ackedBy), text(a.ackedAt),
                               text(a.note), text(a.shelvedUntil), text(a.shelvedBy), text(a.shelveReason),
                               QString::number(a.count), a.chattering ? u"chattering"_s : u"steady"_s});
            } else if constexpr (std::is_same_v<T, Unreadable>) {
                return u"unreadable "_s + b.type;
            } else {
                return u"other"_s;
            }
        },
        m.body);
    return envelope + QString::number(m.body.index()) + u' ' + body;
}

QString describe(const DecodedFrame &frame)
{
    QStringList lines;
    for (const Message &m : frame.messages)
        lines << describe(m);
    for (const DecodeError &e : frame.errors)
        lines << u"error " + QString::number(int(e.kind)) + u' ' + e.type + u' ' + e.field + u' ' + e.detail + u' '
                + text(e.seq ? std::optional<double>(double(*e.seq)) : std::nullopt);
    return lines.join(u'\n');
}

// The fast path's answer must be the reference's whenever it gives one, and
// decodeFrame() must always be the reference's.
void compareWithReference(const QByteArray &json, bool *taken = nullptr)
{
    const QString reference = describe(decodeFrameWithQJson(json));
    const std::optional<DecodedFrame> fast = fastDecodeFrame(json);
    if (fast) {
        QVERIFY2(fast->errors.isEmpty(), json.constData());
        QCOMPARE(describe(*fast), reference);
    }
    QCOMPARE(describe(decodeFrame(json)), reference);
    if (taken)
        *taken = fast.has_value();
}

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

// One valid message of every hot type, each field set.
QList<QByteArray> hotTemplates()
{
    return {
        R"({"type":"drone_update","seq":2,"ts":1795341605000,"serial":"WF-D0001","kind":"status","data":{"state":"flying","battery":73.8,"location":{"lat":48.1394,"lon":11.5693,"alt":64.5},"speed":9.4},"timestamp":"2026-11-22T17:33:49.120Z"})",
        R"({"type":"drone_update","seq":3,"serial":"WF-D0002","kind":"build_progress","data":{"percent":40,"stage":"wiring","assembly":"arm-2","eta":"2026-11-22T18:00:00Z"},"timestamp":1795341605000})",
        R"({"type":"drone_update","seq":4,"serial":17,"kind":"system_health","data":{"cpu":22.5,"memory":41,"storage":63.1,"temperature":-4.25},"timestamp":"2026-11-22T17:33:49+01:00"})",
        R"({"type":"drone_update","seq":5,"serial":"WF-D0004","kind":"operation","data":{"mission":"survey","status":"paused","progress":12.5},"timestamp":"2026-11-22T17:33:49.5Z"})",
        R"({"type":"machine_status_update","seq":6,"ts":1,"machineId":"M-01","name":"Press 1","status":"running","utilization":87.5,"line":"L1","producedCount":1234,"timestamp":"2026-11-22T17:33:49.120Z"})",
        R"({"type":"telemetry","seq":7,"endpointId":"T1.TT101.temp","value":71.25,"unit":"°C","timestamp":"2026-11-22T17:33:49.120Z"})",
        R"({"type":"telemetry","endpointId":59,"value":true,"unit":null,"timestamp":null})",
        R"({"type":"telemetry","seq":10,"endpointId":"T1.TT101.temp","value":null,"quality":"stale","qualityReason":"edge node Edge1 offline","timestamp":"2026-11-22T17:33:49.120Z"})",
        R"({"type":"drone_update","seq":11,"serial":"WF-D0005","kind":"status","data":{"state":"idle","battery":50,"location":{"lat":48,"lon":11},"quality":"stale","qualityReason":"device offline"},"timestamp":"2026-11-22T17:33:49.120Z"})",
        R"({"type":"machine_status_update","seq":12,"machineId":"M-02","status":"down","utilization":0,"line":"L2","producedCount":0,"quality":"good"})",
        R"({"type":"command_status","seq":8,"commandId":"c-1","endpointId":"T1.V101.open","status":"succeeded","requestedValue":true,"actualValue":"auto","operator":"bob","error":null,"completedAt":"2026-11-22T17:33:50.000Z"})",
        R"({"type":"alarm","seq":9,"alarmId":"A-7","severity":"high","message":"Tank hot","source":{"kind":"endpoint","id":"T1.TT101.temp"},"state":"active_acked","timestamp":"2026-11-22T17:30:00.000Z","ackedBy":"bob","ackedAt":"2026-11-22T17:31:00.000Z","note":"seen","shelvedUntil":null,"shelvedBy":null,"shelveReason":null,"count":3,"chattering":true})",
        R"({"type":"alarm","alarmId":42,"severity":"warning","message":"plain","timestamp":"2026-11-22T17:30:00Z"})",
    };
}

// Values a field could wrongly hold, or rightly.
QList<QJsonValue> oddValues()
{
    return {QJsonValue(QJsonValue::Null),
            true,
            false,
            u""_s,
            u"x"_s,
            u"idle"_s,
            u"running"_s,
            u"2026-11-22T10:00:00Z"_s,
            u"2026-11-22T10:00:00"_s,
            u"2026-02-30T10:00:00.000Z"_s,
            0,
            -1,
            0.5,
            42,
            100,
            101,
            -91.5,
            1e300,
            qint64(9007199254740993LL),
            qint64(1795341600000LL),
            QJsonObject {},
            QJsonObject {{u"lat"_s, 1}, {u"lon"_s, 2}},
            QJsonArray {},
            QJsonArray {1}};
}

// Values at and beside every bound, word and form the field rules know of:
// whichever field holds one, both paths must judge it alike.
QList<QJsonValue> ruleEdges()
{
    QList<QJsonValue> out = {QJsonValue(QJsonValue::Null),
                             true,
                             false,
                             u""_s,
                             u"x"_s,
                             QJsonObject {},
                             QJsonObject {{u"kind"_s, u"endpoint"_s}, {u"id"_s, u"e"_s}},
                             QJsonObject {{u"lat"_s, 1}, {u"lon"_s, 2}},
                             QJsonArray {},
                             QJsonArray {u"a"_s},
                             u"2026-11-22T17:33:49.120Z"_s,
                             u"2026-11-22T17:33:49+01:00"_s,
                             u"2026-11-22T17:33:49"_s,
                             u"2026-02-30T10:00:00.000Z"_s,
                             qint64(1795341605123LL),
                             1795341605123.5,
                             FieldReader::kMaxEpochMs,
                             FieldReader::kMaxEpochMs + 1024.0,
                             FieldReader::kMaxExactInteger,
                             -FieldReader::kMaxExactInteger,
                             FieldReader::kMaxExactInteger + 1.0,
                             1e300,
                             -1e300};
    // The ranges of the rules (percentages with their slack, latitude,
    // longitude, temperature, counts from 0), each bound and just beside it.
    for (const double bound : {-200.0, -180.0, -100.0, -90.0, -10.0, 0.0, 1.0, 90.0, 100.0, 110.0, 180.0, 200.0}) {
        for (const double d : {bound - 0.5, bound - 1e-9, bound, bound + 1e-9, bound + 0.5})
            out << d;
    }
    const auto words = [&out](const auto &table) {
        for (const auto &[value, word] : table) {
            out << word.toString() << word.toString().toUpper();
            Q_UNUSED(value)
        }
    };
    words(kDroneStates);
    words(kMissionStatuses);
    words(kMachineStates);
    words(kCommandStates);
    words(kAlarmSeverities);
    words(kAlarmStates);
    words(kAlarmSourceKinds);
    words(kQualities);
    words(Rules::kDroneUpdateKinds);
    words(Rules::kHotTypes);
    return out;
}

// Replaces or removes every field at every depth, one at a time.
void mutate(const QJsonObject &o, const std::function<void(const QJsonObject &)> &visit,
            const QList<QJsonValue> &values = oddValues())
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        QJsonObject removed = o;
        removed.remove(it.key());
        visit(removed);
        for (const QJsonValue &v : values) {
            QJsonObject replaced = o;
            replaced.insert(it.key(), v);
            visit(replaced);
        }
        if (it.value().isObject()) {
            mutate(
                it.value().toObject(),
                [&](const QJsonObject &inner) {
                    QJsonObject outer = o;
                    outer.insert(it.key(), inner);
                    visit(outer);
                },
                values);
        }
    }
}

} // namespace

void TestFastDecoder::sameAsReferenceOnTheCorpus_data()
{
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(WATCHFLOOR_DECODER_CORPUS));
    const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 24);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << corpus.filePath(file);
}

void TestFastDecoder::sameAsReferenceOnTheCorpus()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    compareWithReference(file.readAll());
}

void TestFastDecoder::takesTheHotMessages_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name :
         {"event_drone_status.json", "event_drone_build.json", "event_drone_health.json", "event_drone_operation.json",
          "event_machine_status_update.json", "event_telemetry.json", "event_command_status.json", "event_alarm.json",
          "plain_alarm.json", "plain_alarm_warning.json", "plain_command_status.json", "plain_telemetry.json"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestFastDecoder::takesTheHotMessages()
{
    // Without this, the equivalence above could hold because the fast path
    // never takes anything.
    QFETCH(QString, file);
    QFile f(QDir(QStringLiteral(WATCHFLOOR_DECODER_CORPUS)).filePath(file));
    QVERIFY(f.open(QIODevice::ReadOnly));
    bool taken = false;
    compareWithReference(f.readAll(), &taken);
    QVERIFY(taken);
}

void TestFastDecoder::sameAsReferenceOnEdgeCases_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("taken");
    const QByteArray status = hotTemplates().first();
    const auto with = [&](const QByteArray &from, const QByteArray &to) {
        QByteArray s = status;
        return s.replace(from, to);
    };
    QTest::newRow("hot") << status << true;
    QTest::newRow("batch") << "{\"type\":\"batch\",\"events\":[" + status + "," + hotTemplates().at(4) + "]}" << true;
    QTest::newRow("array") << "[" + status + "," + hotTemplates().at(8) + "]" << true;
    QTest::newRow("array of batches") << "[{\"events\":[" + status + "],\"type\":\"batch\"}," + status + "]" << true;
    QTest::newRow("whitespace") << "  \n" + status + "\t\r\n" << true;
    QTest::newRow("unknown fields") << with("\"kind\"", "\"extra\":[1,{\"a\":null}],\"kind\"") << true;
    QTest::newRow("escaped serial") << with("WF-D0001", "WF-\\u00e9\\n\\\"\\ud83d\\ude00") << true;
    QTest::newRow("utf-8 serial") << with("WF-D0001", "WF-\xc3\xa9\xf0\x9f\x98\x80") << true;
    QTest::newRow("integer battery") << with("73.8", "73") << true;
    QTest::newRow("exponent battery") << with("73.8", "7.38e1") << true;
    QTest::newRow("offset time") << with("17:33:49.120Z", "17:33:49.120-05:30") << true;
    QTest::newRow("uint64 seq") << with("\"seq\":2", "\"seq\":18446744073709551615") << false;
    QTest::newRow("seq beyond 2^53") << with("\"seq\":2", "\"seq\":9007199254740993") << false;
    QTest::newRow("negative seq") << with("\"seq\":2", "\"seq\":-2") << false;
    QTest::newRow("fractional seq") << with("\"seq\":2", "\"seq\":2.5") << false;
    QTest::newRow("null seq") << with("\"seq\":2", "\"seq\":null") << true;
    QTest::newRow("bigint") << with("\"seq\":2", "\"seq\":123456789012345678901234567890") << false;
    QTest::newRow("underflow in unknown field") << with("\"kind\"", "\"x\":1e-400,\"kind\"") << false;
    QTest::newRow("underflow deep") << with("\"kind\"", "\"x\":[{\"y\":[1e-400]}],\"kind\"") << false;
    QTest::newRow("underflow in data") << with("\"speed\"", "\"x\":1e-400,\"speed\"") << false;
    QTest::newRow("zero double") << with("\"speed\":9.4", "\"speed\":0.0") << true;
    QTest::newRow("negative zero") << with("\"speed\":9.4", "\"speed\":-0") << true;
    QTest::newRow("negative zero double") << with("\"speed\":9.4", "\"alt\":-0.0,\"speed\":9.4") << true;
    QTest::newRow("zero and an exponent") << with("\"speed\":9.4", "\"speed\":0.0,\"x\":1e-5") << false;
    QTest::newRow("zero and an exponent in a string") << with("\"speed\":9.4", "\"speed\":0.0,\"x\":\"1e-5\"") << false;
    QTest::newRow("zero and a positive exponent") << with("\"speed\":9.4", "\"speed\":0.0,\"x\":1e5") << true;
    QTest::newRow("underflow without exponent")
        << with("\"speed\":9.4", "\"speed\":0." + QByteArray(400, '0') + "1") << false;
    QTest::newRow("huge number") << with("73.8", "1e400") << false;
    QTest::newRow("duplicate serial") << with("\"kind\"", "\"serial\":\"B\",\"kind\"") << false;
    QTest::newRow("duplicate type") << with("\"kind\"", "\"type\":\"alarm\",\"kind\"") << false;
    QTest::newRow("duplicate unknown") << with("\"kind\"", "\"x\":1,\"x\":2,\"kind\"") << true;
    QTest::newRow("duplicate events") << "{\"type\":\"batch\",\"events\":[" + status + "],\"events\":[]}" << false;
    QTest::newRow("control character") << with("WF-D0001", "WF-\x01") << false;
    QTest::newRow("lone surrogate") << with("WF-D0001", "\\ud800") << false;
    QTest::newRow("byte order mark") << "\xef\xbb\xbf" + status << false;
    QTest::newRow("trailing comma") << "[" + status + ",]" << false;
    QTest::newRow("trailing garbage") << status + " x" << false;
    QTest::newRow("deep unknown") << with("\"kind\"",
                                          "\"x\":" + QByteArray(200, '[') + QByteArray(200, ']') + ",\"kind\"")
                                  << false;
    QTest::newRow("unknown kind") << with("\"status\",\"data\"", "\"wobble\",\"data\"") << false;
    // A1: values a newer server sends are kept, on both paths alike.
    QTest::newRow("a1 battery above range, clamped") << with("73.8", "100.5") << true;
    QTest::newRow("a1 battery below range, clamped") << with("73.8", "-0.5") << true;
    QTest::newRow("a1 battery at the tolerance") << with("73.8", "110") << true;
    QTest::newRow("a1 battery far out of range") << with("73.8", "110.5") << false;
    QTest::newRow("battery as string") << with("73.8", "\"73.8\"") << false;
    QTest::newRow("state unknown") << with("flying", "hovering") << false;
    QTest::newRow("state in capitals") << with("flying", "FLYING") << false;
    QTest::newRow("no timestamp") << with(",\"timestamp\":\"2026-11-22T17:33:49.120Z\"", "") << false;
    QTest::newRow("local time") << with("49.120Z", "49.120") << false;
    QTest::newRow("february 30") << with("11-22T", "02-30T") << false;
    QTest::newRow("24 o'clock") << with("17:33:49.120", "24:00:00.000") << true;
    QTest::newRow("leap day") << with("2026-11-22", "2028-02-29") << true;
    QTest::newRow("old year") << with("2026-11-22", "1850-03-01") << true;
    QTest::newRow("time with micros") << with("49.120Z", "49.120456Z") << true;
    QTest::newRow("epoch ms timestamp") << with("\"2026-11-22T17:33:49.120Z\"", "1795341605123") << true;
    QTest::newRow("fractional ms timestamp") << with("\"2026-11-22T17:33:49.120Z\"", "1795341605123.5") << false;
    QTest::newRow("snapshot") << QByteArray(R"({"type":"snapshot","channel":"drones","seq":1,"items":[]})") << false;
    QTest::newRow("batch with a cold event")
        << "{\"type\":\"batch\",\"events\":[" + status + ",{\"type\":\"pong\"}]}" << false;
    QTest::newRow("nested batch") << "{\"type\":\"batch\",\"events\":[{\"type\":\"batch\",\"events\":[" + status
            + "]}]}" << false;
    QTest::newRow("empty batch") << QByteArray(R"({"type":"batch","events":[]})") << false;
    QTest::newRow("empty array") << QByteArray("[]") << false;
    QTest::newRow("scalar in array") << "[" + status + ",3]" << false;
    QTest::newRow("telemetry null value")
        << QByteArray(R"({"type":"telemetry","endpointId":"e","value":null})") << false;
    QTest::newRow("telemetry no value") << QByteArray(R"({"type":"telemetry","endpointId":"e"})") << false;
    QTest::newRow("telemetry object value")
        << QByteArray(R"({"type":"telemetry","endpointId":"e","value":{}})") << false;
    QTest::newRow("telemetry string value")
        << QByteArray(R"({"type":"telemetry","endpointId":"e","value":"on"})") << true;
    QTest::newRow("telemetry stale null value")
        << QByteArray(R"({"type":"telemetry","endpointId":"e","value":null,"quality":"stale"})") << true;
    QTest::newRow("telemetry stale no value")
        << QByteArray(R"({"type":"telemetry","endpointId":"e","quality":"stale"})") << true;
    QTest::newRow("telemetry good null value")
        << QByteArray(R"({"type":"telemetry","endpointId":"e","value":null,"quality":"good"})") << false;
    QTest::newRow("telemetry unknown quality")
        << QByteArray(R"({"type":"telemetry","endpointId":"e","quality":"doubtful","qualityReason":"x"})") << true;
    QTest::newRow("telemetry quality not text")
        << QByteArray(R"({"type":"telemetry","endpointId":"e","value":1,"quality":[1e-5],"qualityReason":3})") << true;
    QTest::newRow("fractional id") << QByteArray(R"({"type":"telemetry","endpointId":4.5,"value":1})") << false;
    QTest::newRow("empty id") << QByteArray(R"({"type":"telemetry","endpointId":"","value":1})") << false;
    QTest::newRow("a1 alarm unknown source kind") << QByteArray(
        R"({"type":"alarm","alarmId":"a","severity":"low","message":"m","timestamp":1,"source":{"kind":"line","id":"x"}})")
                                                  << true;
    QTest::newRow("alarm source kind not a string") << QByteArray(
        R"({"type":"alarm","alarmId":"a","severity":"low","message":"m","timestamp":1,"source":{"kind":3,"id":"x"}})")
                                                    << false;
    QTest::newRow("a1 alarm unknown severity")
        << QByteArray(R"({"type":"alarm","seq":4,"alarmId":"a","severity":"emergency","message":"m","timestamp":1})")
        << true;
    QTest::newRow("a1 alarm unknown state") << QByteArray(
        R"({"type":"alarm","seq":4,"alarmId":"a","severity":"high","state":"suppressed","message":"m","timestamp":1})")
                                            << true;
    QTest::newRow("a1 alarm severity not a string")
        << QByteArray(R"({"type":"alarm","seq":4,"alarmId":"a","severity":2,"message":"m","timestamp":1})") << false;
    QTest::newRow("a1 unknown drone_update kind with seq")
        << QByteArray(R"({"type":"drone_update","seq":9,"serial":"D","kind":"wobble","data":{},"timestamp":1})")
        << false;
    QTest::newRow("a1 unknown type with seq") << QByteArray(R"({"type":"weather","seq":9,"wind":3})") << false;
    QTest::newRow("seed 000 build completion") << QByteArray(
        R"({"type":"drone_update","serial":"D","kind":"build_progress","data":{"completion":42.4,"stage":"frame"},"timestamp":1})")
                                               << true;
    QTest::newRow("build percent above range") << QByteArray(
        R"({"type":"drone_update","serial":"D","kind":"build_progress","data":{"percent":101,"stage":"frame"},"timestamp":1})")
                                               << true;
    QTest::newRow("build percent and completion") << QByteArray(
        R"({"type":"drone_update","serial":"D","kind":"build_progress","data":{"percent":7,"completion":9,"stage":"s"},"timestamp":1})")
                                                  << true;
    QTest::newRow("alarm null source") << QByteArray(
        R"({"type":"alarm","alarmId":"a","severity":"low","message":"m","timestamp":1,"source":null})")
                                       << true;
    QTest::newRow("alarm unread object") << QByteArray(
        R"({"type":"alarm","alarmId":"a","severity":"low","message":"m","timestamp":1,"data":{"x":1e-400}})")
                                         << false;
}

void TestFastDecoder::sameAsReferenceOnEdgeCases()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, taken);
    bool wasTaken = false;
    compareWithReference(json, &wasTaken);
    QCOMPARE(wasTaken, taken);
}

void TestFastDecoder::sameAsReferenceOnMutatedMessages()
{
    int cases = 0;
    int taken = 0;
    const QByteArray valid = hotTemplates().first();
    for (const QByteArray &json : hotTemplates()) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QVERIFY(!o.isEmpty());
        mutate(o, [&](const QJsonObject &m) {
            const QByteArray one = compact(m);
            const QList<QByteArray> frames
                = {one, "{\"type\":\"batch\",\"events\":[" + valid + "," + one + "]}", "[" + one + "," + valid + "]"};
            for (const QByteArray &frame : frames) {
                bool wasTaken = false;
                compareWithReference(frame, &wasTaken);
                if (QTest::currentTestFailed()) {
                    qWarning("input: %s", frame.constData());
                    return;
                }
                ++cases;
                taken += wasTaken;
            }
        });
        if (QTest::currentTestFailed())
            return;
    }
    qInfo("%d frames, %d taken by the fast path", cases, taken);
    QVERIFY(cases > 3000);
    QVERIFY(taken > cases / 10);
}

void TestFastDecoder::fieldRulesAgreeAtEveryEdge_data()
{
    QTest::addColumn<QByteArray>("json");
    int i = 0;
    for (const QByteArray &json : hotTemplates()) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QTest::addRow("%d %s", i++, qPrintable(o.value(u"type"_s).toString() + u' ' + o.value(u"kind"_s).toString()))
            << json;
    }
}

void TestFastDecoder::fieldRulesAgreeAtEveryEdge()
{
    // Each field of a hot message, at every depth, made absent or given each
    // edge value: the simdjson path takes the message exactly when it is
    // still of a hot type and the reference reads it without error, and then
    // reads the same. A rule
    // that came to differ between the paths (a bound, a default, a required
    // field, a word) fails here, whichever way it differs.
    QFETCH(QByteArray, json);
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    QVERIFY(!o.isEmpty());
    int cases = 0;
    int taken = 0;
    mutate(
        o,
        [&](const QJsonObject &m) {
            if (QTest::currentTestFailed())
                return;
            const QByteArray frame = compact(m);
            bool wasTaken = false;
            compareWithReference(frame, &wasTaken);
            // Messages of other types are the reference's alone.
            const bool hot = valueOf(Rules::kHotTypes, m.value(u"type"_s).toString()).has_value();
            const bool readable = hot && decodeFrameWithQJson(frame).errors.isEmpty();
            if (!QTest::currentTestFailed() && wasTaken != readable)
                QFAIL(qPrintable(u"%1 by the simdjson path, %2 by the reference: %3"_s.arg(
                    wasTaken ? u"taken"_s : u"left"_s, readable ? u"read"_s : u"refused"_s, QString::fromUtf8(frame))));
            if (QTest::currentTestFailed()) {
                qWarning("input: %s", frame.constData());
                return;
            }
            ++cases;
            taken += wasTaken;
        },
        ruleEdges());
    QVERIFY(cases > 100 * o.size());
    QVERIFY(taken > 0);
    QVERIFY(taken < cases);
}

void TestFastDecoder::sameAsReferenceOnFramesOfTheReferenceServer()
{
    SimOptions options;
    options.drones = 30;
    options.machines = 12;
    options.tiles = 2;
    options.rate = 50; // the world at fifty times real speed: every kind of event
    options.scenarios = {u"alarm-flood"_s, u"machine-breakdown"_s, u"chattering-sensor"_s};
    options.loadRate = 3000;
    SimHost server(options);
    QVERIFY(server.listen());

    QWebSocket socket;
    socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    QList<QByteArray> frames;
    connect(&socket, &QWebSocket::textMessageReceived, this,
            [&frames](const QString &frame) { frames.append(frame.toUtf8()); });
    connect(&socket, &QWebSocket::connected, this, [&socket] {
        socket.sendTextMessage(uR"({"type":"auth","id":1,"token":"t","operator":"bench","client":"test"})"_s);
        socket.sendTextMessage(uR"({"type":"subscribe","id":2,"channel":"all"})"_s);
    });
    socket.open(QUrl(server.url()));
    QTRY_VERIFY_WITH_TIMEOUT(frames.size() > 300, 20000);
    socket.close();

    int taken = 0;
    quint64 lastSeq = 0;
    for (const QByteArray &frame : std::as_const(frames)) {
        bool wasTaken = false;
        compareWithReference(frame, &wasTaken);
        if (QTest::currentTestFailed()) {
            qWarning("frame: %s", frame.left(2000).constData());
            return;
        }
        taken += wasTaken;
        const DecodedFrame decoded = decodeFrame(frame);
        QVERIFY2(decoded.errors.isEmpty(), qPrintable(decoded.errors.value(0).toString()));
        for (const Message &m : decoded.messages) {
            if (!m.seq)
                continue;
            if (lastSeq)
                QCOMPARE(*m.seq, lastSeq + 1);
            lastSeq = *m.seq;
        }
    }
    // The load's frames, and the world's that hold only hot events.
    QVERIFY2(taken > frames.size() / 2, qPrintable(u"%1 of %2"_s.arg(taken).arg(frames.size())));
}

void TestFastDecoder::isoTimesAsQDateTimeReadsThem()
{
    QRandomGenerator random(7);
    QStringList samples = {u"2026-11-22T17:33:49.120Z"_s, u"2026-11-22T17:33:49Z"_s,     u"1970-01-01T00:00:00.000Z"_s,
                           u"1900-01-01T00:00:00.000Z"_s, u"9999-12-31T23:59:59.999Z"_s, u"2000-02-29T12:00:00.000Z"_s,
                           u"2100-02-29T12:00:00.000Z"_s, u"1999-13-01T00:00:00.000Z"_s, u"2026-11-22T17:33:60.000Z"_s,
                           u"2026-11-22 17:33:49.120Z"_s, u"2026-11-22T17:33:49.120z"_s, u"2026-11-22T17:33:49.12Z"_s,
                           u"+026-11-22T17:33:49.120Z"_s, u"2026-1a-22T17:33:49.120Z"_s, u"2026-11-00T00:00:00Z"_s};
    for (int i = 0; i < 20000; ++i) {
        const qint64 ms = qint64(random.bounded(Q_INT64_C(7'000'000'000'000))) - Q_INT64_C(2'000'000'000'000);
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        samples << t.toString(Qt::ISODateWithMs) << t.toString(Qt::ISODate);
    }
    int fast = 0;
    for (const QString &sample : std::as_const(samples)) {
        const QByteArray utf8 = sample.toUtf8();
        const std::optional<qint64> ms = parseIsoUtcMs(std::string_view(utf8.constData(), size_t(utf8.size())));
        if (!ms)
            continue;
        ++fast;
        const QDateTime reference = QDateTime::fromString(sample, Qt::ISODateWithMs);
        QVERIFY2(reference.isValid(), qPrintable(sample));
        QCOMPARE(*ms, reference.toMSecsSinceEpoch());
    }
    QVERIFY(fast > 30000);
}

QTEST_GUILESS_MAIN(TestFastDecoder)
#include "tst_fastdecoder.moc"
