#include "interoppeer.h"
#include "protocol/decoder.h"
#include "protocol/socketio.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace Domain;
using namespace Protocol;

// Runs a helper that verifies, and stops the test when it failed.
#define REQUIRE(call)                                                                                                  \
    do {                                                                                                               \
        call;                                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

namespace {

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// What a plain-dialect client has received so far.
struct PlainLog
{
    QList<QJsonObject> messages; // every text frame that is a JSON object
    QStringList otherText; // text frames that are not
    int binaryFrames = 0;

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages) {
            if (m.value(QStringLiteral("type")).toString() == type)
                out << m;
        }
        return out;
    }
};

void record(QWebSocket &socket, PlainLog &log)
{
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&log](const QString &text) {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        if (document.isObject())
            log.messages << document.object();
        else
            log.otherText << text;
    });
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                     [&log](const QByteArray &) { ++log.binaryFrames; });
}

// What a Socket.IO client has received so far, through the adapter's parser.
struct SocketIoLog
{
    QList<SocketIo::Packet> packets;
    QList<SocketIo::ParseError> errors;
    int pings = 0;
    bool answerPings = true;

    QList<SocketIo::Packet> events(const QString &name) const
    {
        QList<SocketIo::Packet> out;
        for (const auto &p : packets) {
            if (p.engineType == SocketIo::EngineType::Message && p.type == SocketIo::PacketType::Event
                && p.event == name)
                out << p;
        }
        return out;
    }

    std::optional<SocketIo::Packet> ack(quint64 id) const
    {
        for (const auto &p : packets) {
            if (p.engineType == SocketIo::EngineType::Message && p.type == SocketIo::PacketType::Ack && p.ackId == id)
                return p;
        }
        return std::nullopt;
    }

    std::optional<SocketIo::Packet> first(SocketIo::EngineType engineType) const
    {
        for (const auto &p : packets) {
            if (p.engineType == engineType)
                return p;
        }
        return std::nullopt;
    }
};

void record(QWebSocket &socket, SocketIoLog &log)
{
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&socket, &log](const QString &text) {
        auto result = SocketIo::parsePacket(text);
        if (auto *error = std::get_if<SocketIo::ParseError>(&result)) {
            log.errors << *error;
            return;
        }
        const auto &packet = std::get<SocketIo::Packet>(result);
        if (packet.engineType == SocketIo::EngineType::Ping) {
            ++log.pings;
            if (log.answerPings)
                socket.sendTextMessage(SocketIo::encodePong(packet.engineData));
        }
        log.packets << packet;
    });
}

// Opens a WebSocket and waits for it to connect.
bool open(QWebSocket &socket, const QUrl &url)
{
    socket.setMaxAllowedIncomingFrameSize(1024 * 1024);
    socket.setMaxAllowedIncomingMessageSize(1024 * 1024);
    QSignalSpy connected(&socket, &QWebSocket::connected);
    socket.open(url);
    return connected.wait(10000);
}

} // namespace

class TestInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void plainGreetsAndDecodes();
    void plainTelemetryOnlyForSubscribedEndpoints();
    void plainCommandRunsToSucceeded();
    void plainCommandOnReadOnlyEndpointIsRejected();
    void plainAlarmsCarrySeed002Shapes();
    void plainMalformedFramesLeaveTheLinkUp();

    void socketIoHandshakeAndEvents();
    void socketIoPingsAnsweredKeepTheLink();
    void socketIoUnansweredPingsDropTheLink();
    void socketIoRoomDeliversOnlyItsSerial();
    void socketIoAcknowledgeAlertAndRefresh();
    void socketIoDisconnectStopsEvents();

private:
    // Starts a peer and connects a socket to it: `path` for plain, the
    // adapter's engine URL for Socket.IO.
    void startPlain(const QStringList &flags = {},
                    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    void startSocketIo(const QProcessEnvironment &env);
    void completeSocketIoHandshake();

    std::unique_ptr<QProcess> m_peer;
    std::unique_ptr<QWebSocket> m_socket;
    PlainLog m_plain;
    SocketIoLog m_sio;
};

void TestInterop::initTestCase()
{
    // Failing, not skipping: ./test runs scripts/install-deps, which installs both.
    QVERIFY2(!nodePath.isEmpty() && !nodePath.endsWith(QStringLiteral("-NOTFOUND"))
                 && QFileInfo(nodePath).isExecutable(),
             "node was not found when CMake configured: run scripts/install-deps (./test does) and configure again");
    for (const QString &package : {QStringLiteral("ws"), QStringLiteral("socket.io")}) {
        const QString manifest
            = interopDir + QStringLiteral("/node_modules/") + package + QStringLiteral("/package.json");
        QVERIFY2(
            QFileInfo::exists(manifest),
            qPrintable(QStringLiteral("%1 is missing: run scripts/install-deps (./test does), or npm ci --prefix %2")
                           .arg(manifest, interopDir)));
    }
}

void TestInterop::init()
{
    m_peer = std::make_unique<QProcess>();
    m_socket = std::make_unique<QWebSocket>();
    m_plain = {};
    m_sio = {};
}

void TestInterop::cleanup()
{
    m_socket->abort();
    m_socket.reset();
    stopPeer(*m_peer);
    m_peer.reset();
}

void TestInterop::startPlain(const QStringList &flags, const QProcessEnvironment &env)
{
    QString why;
    const quint16 port = startPeer(*m_peer, QStringLiteral("plain-server.js"), flags, env, &why);
    QVERIFY2(port != 0, qPrintable(why));
    record(*m_socket, m_plain);
    QVERIFY2(open(*m_socket, QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port))),
             qPrintable(m_socket->errorString()));
}

void TestInterop::startSocketIo(const QProcessEnvironment &env)
{
    QString why;
    const quint16 port = startPeer(*m_peer, QStringLiteral("socketio-server.js"), {}, env, &why);
    QVERIFY2(port != 0, qPrintable(why));
    const QUrl url = SocketIo::engineUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QVERIFY(url.isValid());
    record(*m_socket, m_sio);
    QVERIFY2(open(*m_socket, url), qPrintable(m_socket->errorString()));
}

void TestInterop::completeSocketIoHandshake()
{
    QTRY_VERIFY(m_sio.first(SocketIo::EngineType::Open).has_value());
    const SocketIo::OpenInfo open = m_sio.first(SocketIo::EngineType::Open)->open;
    QVERIFY(!open.sid.isEmpty());
    QCOMPARE(open.pingIntervalMs, 250);
    QCOMPARE(open.pingTimeoutMs, 200);
    QVERIFY(open.maxPayload > 0);

    m_socket->sendTextMessage(SocketIo::encodeConnect());
    const auto connectAnswer = [this] {
        for (const auto &p : m_sio.packets) {
            if (p.engineType == SocketIo::EngineType::Message && p.type == SocketIo::PacketType::Connect)
                return std::optional(p);
        }
        return std::optional<SocketIo::Packet>();
    };
    QTRY_VERIFY(connectAnswer().has_value());
    QCOMPARE(connectAnswer()->nsp, QStringLiteral("/"));
    QVERIFY(!connectAnswer()->data.value(QStringLiteral("sid")).toString().isEmpty());
}

void TestInterop::plainGreetsAndDecodes()
{
    REQUIRE(startPlain());
    QTRY_COMPARE(m_plain.ofType(QStringLiteral("connected")).size(), 1);
    const QJsonObject greeting = m_plain.ofType(QStringLiteral("connected")).first();
    QVERIFY(greeting.value(QStringLiteral("clientId")).toString().startsWith(QStringLiteral("client-")));

    m_socket->sendTextMessage(toJson({{QStringLiteral("type"), QStringLiteral("ping")}}));
    QTRY_COMPARE(m_plain.ofType(QStringLiteral("pong")).size(), 1);

    // The console's own decoder reads both as the plain dialect's messages.
    const auto decodedGreeting = decodeFrame(toJson(greeting).toUtf8());
    QVERIFY(decodedGreeting.errors.isEmpty());
    QVERIFY(std::holds_alternative<Connected>(decodedGreeting.messages.value(0).body));
    const auto decodedPong = decodeFrame(toJson(m_plain.ofType(QStringLiteral("pong")).first()).toUtf8());
    QVERIFY(decodedPong.errors.isEmpty());
    QVERIFY(std::holds_alternative<Pong>(decodedPong.messages.value(0).body));
}

void TestInterop::plainTelemetryOnlyForSubscribedEndpoints()
{
    REQUIRE(startPlain());
    QTRY_COMPARE(m_plain.ofType(QStringLiteral("connected")).size(), 1);
    m_socket->sendTextMessage(QStringLiteral(R"({"type":"subscribe","channel":"telemetry","endpointIds":[59,63]})"));

    QTRY_VERIFY_WITH_TIMEOUT(m_plain.ofType(QStringLiteral("telemetry")).size() >= 6, 5000);
    QSet<int> seen;
    for (const QJsonObject &t : m_plain.ofType(QStringLiteral("telemetry"))) {
        const QJsonValue id = t.value(QStringLiteral("endpointId"));
        QVERIFY2(id.isDouble(), "seed 002's endpoint ids are numbers");
        seen.insert(id.toInt());
        QVERIFY(t.contains(QStringLiteral("value")));
        QVERIFY(t.value(QStringLiteral("unit")).isString());
        QVERIFY(!t.value(QStringLiteral("timestamp")).toString().isEmpty());
    }
    QCOMPARE(seen, (QSet<int> {59, 63}));

    m_socket->sendTextMessage(QStringLiteral(R"({"type":"unsubscribe","endpointIds":[63]})"));
    m_socket->sendTextMessage(QStringLiteral(R"({"type":"ping"})"));
    QTRY_COMPARE(m_plain.ofType(QStringLiteral("pong")).size(), 1);
    const qsizetype afterUnsubscribe = m_plain.messages.size();
    QTRY_VERIFY_WITH_TIMEOUT(m_plain.messages.size() >= afterUnsubscribe + 4, 5000);
    for (qsizetype i = afterUnsubscribe; i < m_plain.messages.size(); ++i)
        QCOMPARE(m_plain.messages.at(i).value(QStringLiteral("endpointId")).toInt(), 59);
}

void TestInterop::plainCommandRunsToSucceeded()
{
    REQUIRE(startPlain());
    QTRY_COMPARE(m_plain.ofType(QStringLiteral("connected")).size(), 1);
    m_socket->sendTextMessage(QStringLiteral(
        R"({"type":"command","commandId":"6f1c0d52-7d1e-4c55-9d7a-3b0c2f4e9a10","endpointId":63,"value":true})"));

    QTRY_VERIFY_WITH_TIMEOUT(
        !m_plain.ofType(QStringLiteral("command_status")).isEmpty()
            && m_plain.ofType(QStringLiteral("command_status")).last().value(QStringLiteral("status"))
                == QStringLiteral("succeeded"),
        5000);
    QStringList statuses;
    for (const QJsonObject &s : m_plain.ofType(QStringLiteral("command_status"))) {
        QCOMPARE(s.value(QStringLiteral("commandId")).toString(),
                 QStringLiteral("6f1c0d52-7d1e-4c55-9d7a-3b0c2f4e9a10"));
        statuses << s.value(QStringLiteral("status")).toString();
    }
    QCOMPARE(statuses,
             (QStringList {QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("acked"),
                           QStringLiteral("succeeded")}));
    const QJsonObject last = m_plain.ofType(QStringLiteral("command_status")).last();
    QCOMPARE(last.value(QStringLiteral("actualValue")), QJsonValue(true));
    QVERIFY(!last.value(QStringLiteral("completedAt")).toString().isEmpty());

    // The same commandId again only reports where it stands.
    m_socket->sendTextMessage(QStringLiteral(
        R"({"type":"command","commandId":"6f1c0d52-7d1e-4c55-9d7a-3b0c2f4e9a10","endpointId":63,"value":false})"));
    QTRY_COMPARE(m_plain.ofType(QStringLiteral("command_status")).size(), 5);
    // Two telemetry ticks (200 ms each) outlast a rerun's steps (50 ms each).
    m_socket->sendTextMessage(QStringLiteral(R"({"type":"subscribe","endpointIds":[63]})"));
    QTRY_VERIFY(m_plain.ofType(QStringLiteral("telemetry")).size() >= 2);
    QCOMPARE(m_plain.ofType(QStringLiteral("command_status")).size(), 5);
    QCOMPARE(m_plain.ofType(QStringLiteral("command_status")).last().value(QStringLiteral("actualValue")),
             QJsonValue(true));
}

void TestInterop::plainCommandOnReadOnlyEndpointIsRejected()
{
    REQUIRE(startPlain());
    m_socket->sendTextMessage(QStringLiteral(R"({"type":"command","commandId":"c-ro","endpointId":59,"value":100})"));
    QTRY_COMPARE(m_plain.ofType(QStringLiteral("command_status")).size(), 1);
    const QJsonObject status = m_plain.ofType(QStringLiteral("command_status")).first();
    QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QVERIFY(status.value(QStringLiteral("error")).toString().contains(QStringLiteral("read-only")));
}

void TestInterop::plainAlarmsCarrySeed002Shapes()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ALARM_MS"), QStringLiteral("50"));
    REQUIRE(startPlain({}, env));
    m_socket->sendTextMessage(QStringLiteral(R"({"type":"subscribe","channel":"alarms"})"));

    QTRY_VERIFY_WITH_TIMEOUT(m_plain.ofType(QStringLiteral("alarm")).size() >= 3, 5000);
    QSet<QString> severities;
    for (const QJsonObject &alarm : m_plain.ofType(QStringLiteral("alarm"))) {
        QVERIFY2(alarm.value(QStringLiteral("alarmId")).isDouble(), "seed 002's alarm ids are numbers");
        QVERIFY(!alarm.value(QStringLiteral("message")).toString().isEmpty());
        severities.insert(alarm.value(QStringLiteral("severity")).toString());
    }
    QCOMPARE(severities,
             (QSet<QString> {QStringLiteral("critical"), QStringLiteral("warning"), QStringLiteral("info")}));
}

void TestInterop::plainMalformedFramesLeaveTheLinkUp()
{
    REQUIRE(startPlain({QStringLiteral("--bad")}));
    m_socket->sendTextMessage(QStringLiteral(R"({"type":"subscribe","endpointIds":[60]})"));

    QTRY_VERIFY_WITH_TIMEOUT(m_plain.binaryFrames >= 2 && m_plain.ofType(QStringLiteral("telemetry")).size() >= 3,
                             5000);
    QVERIFY(m_plain.otherText.contains(QStringLiteral("this is not json")));

    // Every frame goes through the console's decoder: errors, never a crash,
    // and the good frames still decode.
    int errors = 0;
    for (const QString &text : std::as_const(m_plain.otherText))
        errors += decodeFrame(text.toUtf8()).errors.size();
    for (const QJsonObject &m : std::as_const(m_plain.messages))
        errors += decodeFrame(toJson(m).toUtf8()).errors.size();
    QVERIFY(errors > 0);
    QCOMPARE(m_socket->state(), QAbstractSocket::ConnectedState);

    m_socket->sendTextMessage(QStringLiteral(R"({"type":"ping"})"));
    QTRY_COMPARE(m_plain.ofType(QStringLiteral("pong")).size(), 1);
}

void TestInterop::socketIoHandshakeAndEvents()
{
    REQUIRE(startSocketIo(fastSocketIoEnvironment()));
    REQUIRE(completeSocketIoHandshake());

    QTRY_VERIFY_WITH_TIMEOUT(m_sio.events(QStringLiteral("drone_update")).size() >= 9
                                 && !m_sio.events(QStringLiteral("system_alert")).isEmpty()
                                 && !m_sio.events(QStringLiteral("system_health")).isEmpty(),
                             5000);
    QVERIFY2(m_sio.errors.isEmpty(), qPrintable(m_sio.errors.value(0).toString()));

    const QHash<QString, QStringList> fieldsByKind {
        {QStringLiteral("status"),
         {QStringLiteral("state"), QStringLiteral("battery"), QStringLiteral("location"), QStringLiteral("speed")}},
        {QStringLiteral("build_progress"),
         {QStringLiteral("percent"), QStringLiteral("stage"), QStringLiteral("assembly"), QStringLiteral("eta")}},
        {QStringLiteral("system_health"),
         {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("storage"), QStringLiteral("temperature")}},
    };
    QSet<QString> kinds;
    for (const auto &event : m_sio.events(QStringLiteral("drone_update"))) {
        QCOMPARE(event.args.size(), 1);
        const QJsonObject update = event.args.first().toObject();
        QVERIFY(update.value(QStringLiteral("serial")).toString().startsWith(QStringLiteral("DR-")));
        QVERIFY(!update.value(QStringLiteral("timestamp")).toString().isEmpty());
        const QString kind = update.value(QStringLiteral("type")).toString();
        QVERIFY2(fieldsByKind.contains(kind), qPrintable(kind));
        kinds.insert(kind);
        const QJsonObject data = update.value(QStringLiteral("data")).toObject();
        for (const QString &field : fieldsByKind.value(kind))
            QVERIFY2(data.contains(field), qPrintable(kind + QStringLiteral(" lacks ") + field));
    }
    QCOMPARE(kinds.size(), 3);

    const QJsonObject alert = m_sio.events(QStringLiteral("system_alert")).first().args.first().toObject();
    QVERIFY(!alert.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY((QStringList {QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error")})
                .contains(alert.value(QStringLiteral("level")).toString()));
    const QJsonObject health = m_sio.events(QStringLiteral("system_health")).first().args.first().toObject();
    for (const char *field : {"cpu", "memory", "storage"})
        QVERIFY(health.value(QString::fromLatin1(field)).isDouble());
}

void TestInterop::socketIoPingsAnsweredKeepTheLink()
{
    REQUIRE(startSocketIo(fastSocketIoEnvironment()));
    QSignalSpy disconnected(m_socket.get(), &QWebSocket::disconnected);
    REQUIRE(completeSocketIoHandshake());

    // pingInterval 250 ms, pingTimeout 200 ms: four pings is well past the
    // point where an unanswered ping would have closed the link.
    QTRY_VERIFY_WITH_TIMEOUT(m_sio.pings >= 4, 5000);
    QCOMPARE(disconnected.size(), 0);
    QCOMPARE(m_socket->state(), QAbstractSocket::ConnectedState);
    const qsizetype updates = m_sio.events(QStringLiteral("drone_update")).size();
    QTRY_VERIFY(m_sio.events(QStringLiteral("drone_update")).size() > updates);
    QCOMPARE(disconnected.size(), 0);
}

void TestInterop::socketIoUnansweredPingsDropTheLink()
{
    // The counterpart of the test above: the server really does enforce its
    // ping timeout, so staying connected there means the pongs counted.
    m_sio.answerPings = false;
    REQUIRE(startSocketIo(fastSocketIoEnvironment()));
    QSignalSpy disconnected(m_socket.get(), &QWebSocket::disconnected);
    REQUIRE(completeSocketIoHandshake());
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 5000);
    QVERIFY(m_sio.pings >= 1);
}

void TestInterop::socketIoRoomDeliversOnlyItsSerial()
{
    REQUIRE(startSocketIo(fastSocketIoEnvironment()));
    REQUIRE(completeSocketIoHandshake());

    m_socket->sendTextMessage(SocketIo::encodeEvent(QStringLiteral("join_drone_room"),
                                                    QJsonArray {QStringLiteral("DR-1002")}, QStringLiteral("/"), 1));
    QTRY_VERIFY(m_sio.ack(1).has_value());
    const QJsonObject joined = m_sio.ack(1)->args.first().toObject();
    QCOMPARE(joined.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(joined.value(QStringLiteral("room")).toString(), QStringLiteral("drone:DR-1002"));

    QTRY_VERIFY_WITH_TIMEOUT(m_sio.events(QStringLiteral("build_progress:DR-1002")).size() >= 3, 5000);
    for (const auto &p : std::as_const(m_sio.packets)) {
        if (p.event.startsWith(QStringLiteral("build_progress:")))
            QCOMPARE(p.event, QStringLiteral("build_progress:DR-1002"));
    }
    const QJsonObject progress = m_sio.events(QStringLiteral("build_progress:DR-1002")).first().args.first().toObject();
    const double percent = progress.value(QStringLiteral("percent")).toDouble(-1);
    QVERIFY(percent >= 0 && percent <= 100);
    QVERIFY(!progress.value(QStringLiteral("stage")).toString().isEmpty());

    m_socket->sendTextMessage(SocketIo::encodeEvent(QStringLiteral("leave_drone_room"),
                                                    QJsonArray {QStringLiteral("DR-1002")}, QStringLiteral("/"), 2));
    QTRY_VERIFY(m_sio.ack(2).has_value());
    const qsizetype afterLeaving = m_sio.events(QStringLiteral("build_progress:DR-1002")).size();
    const qsizetype updates = m_sio.events(QStringLiteral("drone_update")).size();
    // Drone updates keep coming (the link is alive) while the room is silent.
    QTRY_VERIFY(m_sio.events(QStringLiteral("drone_update")).size() >= updates + 9);
    QCOMPARE(m_sio.events(QStringLiteral("build_progress:DR-1002")).size(), afterLeaving);
}

void TestInterop::socketIoAcknowledgeAlertAndRefresh()
{
    QProcessEnvironment env = fastSocketIoEnvironment();
    env.insert(QStringLiteral("DRONE_UPDATE_MS"), QStringLiteral("600000")); // only refreshes send drone updates
    REQUIRE(startSocketIo(env));
    REQUIRE(completeSocketIoHandshake());

    QTRY_VERIFY(!m_sio.events(QStringLiteral("system_alert")).isEmpty());
    const QString alertId = m_sio.events(QStringLiteral("system_alert"))
                                .first()
                                .args.first()
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
    QVERIFY(!alertId.isEmpty());
    m_socket->sendTextMessage(SocketIo::encodeEvent(QStringLiteral("acknowledge_alert"), QJsonArray {alertId}));
    QTRY_VERIFY(!m_sio.events(QStringLiteral("alert_acknowledged")).isEmpty());
    const QJsonObject acknowledged = m_sio.events(QStringLiteral("alert_acknowledged")).first().args.first().toObject();
    QCOMPARE(acknowledged.value(QStringLiteral("id")).toString(), alertId);
    QCOMPARE(acknowledged.value(QStringLiteral("ok")).toBool(), true);

    QCOMPARE(m_sio.events(QStringLiteral("drone_update")).size(), 0);
    m_socket->sendTextMessage(SocketIo::encodeEvent(QStringLiteral("request_data_refresh"),
                                                    QJsonArray {QDateTime::currentMSecsSinceEpoch()},
                                                    QStringLiteral("/"), 9));
    QTRY_VERIFY(m_sio.ack(9).has_value());
    QCOMPARE(m_sio.ack(9)->args.first().toObject().value(QStringLiteral("drones")).toInt(), 3);
    QTRY_COMPARE(m_sio.events(QStringLiteral("drone_update")).size(), 3);
    for (const auto &event : m_sio.events(QStringLiteral("drone_update")))
        QCOMPARE(event.args.first().toObject().value(QStringLiteral("type")).toString(), QStringLiteral("status"));
}

void TestInterop::socketIoDisconnectStopsEvents()
{
    REQUIRE(startSocketIo(fastSocketIoEnvironment()));
    REQUIRE(completeSocketIoHandshake());
    QTRY_VERIFY(m_sio.events(QStringLiteral("drone_update")).size() >= 3);

    m_socket->sendTextMessage(SocketIo::encodeDisconnect());
    // The Engine.IO link outlives the namespace, so its pings are the clock:
    // anything in flight lands within a ping period, then drone updates stop.
    const int pings = m_sio.pings;
    QTRY_VERIFY_WITH_TIMEOUT(m_sio.pings >= pings + 1, 5000);
    const qsizetype settled = m_sio.events(QStringLiteral("drone_update")).size();
    QTRY_VERIFY_WITH_TIMEOUT(m_sio.pings >= pings + 3, 5000);
    QCOMPARE(m_sio.events(QStringLiteral("drone_update")).size(), settled);
    QCOMPARE(m_socket->state(), QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
