#include "model/dronemodel.h"
#include "protocol/decoder.h"
#include "protocol/fastdecoder.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Domain;
using namespace Protocol;

// Micro-benchmarks of the console's hot path: decoding a batch frame of N
// drone status events (the simdjson path and the QJsonDocument path) and
// one of N events of every hot type in turn (the simdjson path), and
// applying N reports to DroneModel. Each checks what it decoded or applied;
// none judges time (watchfloor-bench and docs/performance.md do the
// measuring). Run with few iterations by default so it stays quick.
class TestDecodeApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeFast_data() { sizes(); }
    void decodeFast();
    void decodeQJson_data() { sizes(); }
    void decodeQJson();
    void decodeFastMixed_data() { sizes(); }
    void decodeFastMixed();
    void applyBatch_data() { sizes(); }
    void applyBatch();

private:
    static void sizes();
    static QByteArray batchFrame(int events, quint64 firstSeq);
    static QByteArray mixedFrame(int events);
    static QString serial(int i) { return QStringLiteral("WF-D%1").arg(i, 5, 10, QLatin1Char('0')); }
    static double battery(int i) { return double(i % 1000) / 10.0; }
    static void verify(const DecodedFrame &frame, int events, quint64 firstSeq);
};

void TestDecodeApply::sizes()
{
    QTest::addColumn<int>("events");
    QTest::newRow("100") << 100;
    QTest::newRow("2000") << 2000;
    QTest::newRow("10000") << 10000;
}

// A frame as the reference server's load mode sends it.
QByteArray TestDecodeApply::batchFrame(int events, quint64 firstSeq)
{
    QByteArray out = R"({"type":"batch","events":[)";
    for (int i = 0; i < events; ++i) {
        if (i > 0)
            out += ',';
        out += R"({"type":"drone_update","seq":)" + QByteArray::number(firstSeq + quint64(i))
            + R"(,"ts":1795341605000,"serial":")" + serial(i).toLatin1()
            + R"(","kind":"status","data":{"state":"flying","battery":)" + QByteArray::number(battery(i), 'f', 1)
            + R"(,"location":{"lat":48.139351,"lon":11.569189,"alt":64.2},"speed":9.4},"timestamp":"2026-11-22T17:33:49.120Z"})";
    }
    out += "]}";
    return out;
}

// A batch of the hot types in turn: a drone's status, build, health and
// operation, a machine's status, a reading, a command's status, an alarm.
QByteArray TestDecodeApply::mixedFrame(int events)
{
    const QList<QByteArray> kinds = {
        R"("type":"drone_update","serial":"WF-D00001","kind":"status","data":{"state":"flying","battery":73.8,"location":{"lat":48.139351,"lon":11.569189,"alt":64.2},"speed":9.4},"timestamp":"2026-11-22T17:33:49.120Z")",
        R"("type":"drone_update","serial":"WF-D00002","kind":"build_progress","data":{"percent":40,"stage":"wiring","assembly":"arm-2","eta":"2026-11-22T18:00:00.000Z"},"timestamp":"2026-11-22T17:33:49.120Z")",
        R"("type":"drone_update","serial":"WF-D00003","kind":"system_health","data":{"cpu":22.5,"memory":41,"storage":63.1,"temperature":31.25},"timestamp":"2026-11-22T17:33:49.120Z")",
        R"("type":"drone_update","serial":"WF-D00004","kind":"operation","data":{"mission":"survey","status":"started","progress":12.5},"timestamp":"2026-11-22T17:33:49.120Z")",
        R"("type":"machine_status_update","machineId":"M-0001","name":"Press 1","status":"running","utilization":87.5,"line":"L1","producedCount":1234,"timestamp":"2026-11-22T17:33:49.120Z")",
        R"("type":"telemetry","endpointId":"T1.TT101.temp","value":71.25,"unit":"degC","timestamp":"2026-11-22T17:33:49.120Z")",
        R"("type":"command_status","commandId":"c-1","endpointId":"T1.V101.open","status":"succeeded","requestedValue":true,"actualValue":true,"operator":"bob","error":null,"completedAt":"2026-11-22T17:33:50.000Z")",
        R"("type":"alarm","alarmId":"A-7","severity":"high","message":"Tank hot","source":{"kind":"endpoint","id":"T1.TT101.temp"},"state":"active_unacked","timestamp":"2026-11-22T17:30:00.000Z","ackedBy":null,"ackedAt":null,"count":3,"chattering":false)",
    };
    QByteArray out = R"({"type":"batch","events":[)";
    for (int i = 0; i < events; ++i) {
        if (i > 0)
            out += ',';
        out += R"({"seq":)" + QByteArray::number(i + 1) + R"(,"ts":1795341605000,)" + kinds.at(i % kinds.size()) + '}';
    }
    out += "]}";
    return out;
}

void TestDecodeApply::verify(const DecodedFrame &frame, int events, quint64 firstSeq)
{
    QVERIFY(frame.errors.isEmpty());
    QCOMPARE(frame.messages.size(), events);
    const QDateTime at = QDateTime::fromString(QStringLiteral("2026-11-22T17:33:49.120Z"), Qt::ISODateWithMs);
    for (int i = 0; i < events; ++i) {
        const Message &m = frame.messages.at(i);
        QCOMPARE(m.seq, std::optional<quint64>(firstSeq + quint64(i)));
        QCOMPARE(m.ts, std::optional<qint64>(1795341605000));
        const auto *update = std::get_if<DroneStatusUpdate>(&m.body);
        QVERIFY(update);
        QCOMPARE(update->status.serial, serial(i));
        QCOMPARE(update->status.state, DroneState::Flying);
        QCOMPARE(update->status.battery, battery(i));
        QCOMPARE(update->status.location.lat, 48.139351);
        QCOMPARE(update->status.location.alt, 64.2);
        QCOMPARE(update->status.timestamp, at);
    }
}

void TestDecodeApply::decodeFast()
{
    QFETCH(int, events);
    const QByteArray frame = batchFrame(events, 1);
    DecodedFrame decoded;
    QBENCHMARK
    {
        decoded = decodeFrame(frame);
    }
    verify(decoded, events, 1);
}

void TestDecodeApply::decodeQJson()
{
    QFETCH(int, events);
    const QByteArray frame = batchFrame(events, 1);
    DecodedFrame decoded;
    QBENCHMARK
    {
        decoded = decodeFrameWithQJson(frame);
    }
    verify(decoded, events, 1);
}

void TestDecodeApply::decodeFastMixed()
{
    QFETCH(int, events);
    const QByteArray frame = mixedFrame(events);
    DecodedFrame decoded;
    QBENCHMARK
    {
        decoded = decodeFrame(frame);
    }
    QVERIFY(decoded.errors.isEmpty());
    QCOMPARE(decoded.messages.size(), events);
    QVERIFY(std::holds_alternative<DroneStatusUpdate>(decoded.messages.at(0).body));
    QVERIFY(std::holds_alternative<AlarmUpdate>(decoded.messages.at(7).body));
    QCOMPARE(decoded.messages.at(7).seq, std::optional<quint64>(8));
    // The simdjson path took the frame rather than leave it to QJsonDocument.
    QVERIFY(fastDecodeFrame(frame).has_value());
}

void TestDecodeApply::applyBatch()
{
    QFETCH(int, events);
    DroneModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<DroneStatus> reports;
    for (const Message &m : decodeFrame(batchFrame(events, 1)).messages)
        reports.append(std::get<DroneStatusUpdate>(m.body).status);
    model.reconcile(reports);
    QCOMPARE(model.rowCount(), events);

    // Every round changes every drone, as a busy frame does.
    int round = 0;
    QBENCHMARK
    {
        ++round;
        for (DroneStatus &s : reports)
            s.battery = double(round % 100);
        model.applyBatch(reports);
    }
    QCOMPARE(model.rowCount(), events);
    for (int row : {0, events / 2, events - 1}) {
        const QModelIndex index = model.index(row, DroneModel::BatteryColumn);
        QCOMPARE(index.data(DroneModel::SerialRole).toString(), serial(row));
        QCOMPARE(index.data(DroneModel::BatteryRole).toDouble(), double(round % 100));
    }
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestDecodeApply test;
    // A few iterations unless told otherwise: quick enough for every test run.
    QStringList args = app.arguments();
    if (!args.contains(QStringLiteral("-iterations")))
        args << QStringLiteral("-iterations") << QStringLiteral("3");
    return QTest::qExec(&test, args);
}

#include "tst_decodeapply.moc"
