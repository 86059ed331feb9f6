#include "protocol/socketio.h"

#include <QJsonDocument>
#include <QTest>

using namespace Protocol::SocketIo;

Q_DECLARE_METATYPE(Protocol::SocketIo::EngineType)
Q_DECLARE_METATYPE(Protocol::SocketIo::PacketType)
Q_DECLARE_METATYPE(Protocol::SocketIo::ParseError::Kind)

namespace {

QJsonArray array(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

// The parse error's text, or nothing for a packet (QVERIFY2 evaluates its
// message even when the check passes).
QString errorOf(const std::variant<Packet, ParseError> &result)
{
    const auto *error = std::get_if<ParseError>(&result);
    return error ? error->toString() : QString();
}

} // namespace

class TestSocketIo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enginePackets_data();
    void enginePackets();
    void openPacket();
    void fuzz_hugeMaxPayloadIsNoLimit();
    void openPacketWithoutOptionalFields();
    void messages_data();
    void messages();
    void malformed_data();
    void malformed();
    void everyPrefixOfAGoodPacketIsSafe();
    void encoders_data();
    void encoders();
    void encodedEventsParseBack();
    void engineUrl_data();
    void engineUrl();
    void namespaceOf_data();
    void namespaceOf();
};

void TestSocketIo::enginePackets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<EngineType>("type");
    QTest::addColumn<QString>("data");

    QTest::newRow("close") << QStringLiteral("1") << EngineType::Close << QString();
    QTest::newRow("ping") << QStringLiteral("2") << EngineType::Ping << QString();
    QTest::newRow("ping probe") << QStringLiteral("2probe") << EngineType::Ping << QStringLiteral("probe");
    QTest::newRow("pong") << QStringLiteral("3") << EngineType::Pong << QString();
    QTest::newRow("pong probe") << QStringLiteral("3probe") << EngineType::Pong << QStringLiteral("probe");
    QTest::newRow("upgrade") << QStringLiteral("5") << EngineType::Upgrade << QString();
    QTest::newRow("noop") << QStringLiteral("6") << EngineType::Noop << QString();
}

void TestSocketIo::enginePackets()
{
    QFETCH(QString, text);
    QFETCH(EngineType, type);
    QFETCH(QString, data);

    const auto result = parsePacket(text);
    const auto *packet = std::get_if<Packet>(&result);
    QVERIFY2(packet, qPrintable(errorOf(result)));
    QCOMPARE(packet->engineType, type);
    QCOMPARE(packet->engineData, data);
}

void TestSocketIo::openPacket()
{
    const auto result = parsePacket(
        uR"(0{"sid":"L_v6ivHG46pvL9w8AAAA","upgrades":["websocket"],"pingInterval":300,"pingTimeout":200,"maxPayload":1048576})");
    const auto *packet = std::get_if<Packet>(&result);
    QVERIFY2(packet, qPrintable(errorOf(result)));
    QCOMPARE(packet->engineType, EngineType::Open);
    QCOMPARE(packet->open.sid, QStringLiteral("L_v6ivHG46pvL9w8AAAA"));
    QCOMPARE(packet->open.upgrades, QStringList {QStringLiteral("websocket")});
    QCOMPARE(packet->open.pingIntervalMs, 300);
    QCOMPARE(packet->open.pingTimeoutMs, 200);
    QCOMPARE(packet->open.maxPayload, 1048576);
}

void TestSocketIo::fuzz_hugeMaxPayloadIsNoLimit()
{
    // Found by fuzz_socketio: a maxPayload beyond what a qint64 holds was
    // converted with undefined behaviour (a negative limit on x86).
    for (const QString &huge : {QStringLiteral("1e300"), QStringLiteral("9007199254740993"),
                                QStringLiteral("103333333333333333333333333333333333333")}) {
        const auto result = parsePacket(
            QStringLiteral(R"(0{"sid":"abc","pingInterval":25000,"pingTimeout":20000,"maxPayload":%1})").arg(huge));
        const auto *packet = std::get_if<Packet>(&result);
        QVERIFY2(packet, qPrintable(errorOf(result)));
        QCOMPARE(packet->open.maxPayload, std::numeric_limits<qint64>::max());
    }
}

void TestSocketIo::openPacketWithoutOptionalFields()
{
    const auto result = parsePacket(uR"(0{"sid":"abc","pingInterval":25000,"pingTimeout":20000})");
    const auto *packet = std::get_if<Packet>(&result);
    QVERIFY2(packet, qPrintable(errorOf(result)));
    QCOMPARE(packet->open.maxPayload, 0);
    QVERIFY(packet->open.upgrades.isEmpty());
    QCOMPARE(packet->open.pingIntervalMs, 25000);
}

void TestSocketIo::messages_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<PacketType>("type");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<qint64>("ackId"); // -1: none
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonArray>("args");
    QTest::addColumn<QJsonObject>("data");

    const QString main = QStringLiteral("/");
    const QString admin = QStringLiteral("/admin");

    QTest::newRow("connect") << QStringLiteral("40") << PacketType::Connect << main << -1LL << QString() << QJsonArray()
                             << QJsonObject();
    QTest::newRow("connect answer") << QStringLiteral(R"(40{"sid":"WZjPEC2rh6vxBKwbAAAA"})") << PacketType::Connect
                                    << main << -1LL << QString() << QJsonArray()
                                    << object(R"({"sid":"WZjPEC2rh6vxBKwbAAAA"})");
    QTest::newRow("connect namespace") << QStringLiteral(R"(40/admin,{"sid":"x"})") << PacketType::Connect << admin
                                       << -1LL << QString() << QJsonArray() << object(R"({"sid":"x"})");
    QTest::newRow("connect namespace, no comma") << QStringLiteral("40/admin") << PacketType::Connect << admin << -1LL
                                                 << QString() << QJsonArray() << QJsonObject();
    QTest::newRow("disconnect") << QStringLiteral("41") << PacketType::Disconnect << main << -1LL << QString()
                                << QJsonArray() << QJsonObject();
    QTest::newRow("disconnect namespace") << QStringLiteral("41/admin,") << PacketType::Disconnect << admin << -1LL
                                          << QString() << QJsonArray() << QJsonObject();
    QTest::newRow("event without arguments") << QStringLiteral(R"(42["refresh"])") << PacketType::Event << main << -1LL
                                             << QStringLiteral("refresh") << QJsonArray() << QJsonObject();
    QTest::newRow("drone_update")
        << QStringLiteral(
               R"(42["drone_update",{"serial":"DR-1001","type":"status","data":{"state":"flying","battery":92},"timestamp":"2026-11-22T18:29:13.399Z"}])")
        << PacketType::Event << main << -1LL << QStringLiteral("drone_update")
        << array(
               R"([{"serial":"DR-1001","type":"status","data":{"state":"flying","battery":92},"timestamp":"2026-11-22T18:29:13.399Z"}])")
        << QJsonObject();
    QTest::newRow("event, several arguments")
        << QStringLiteral(R"(42["build_progress:DR-1002",{"percent":31},7,null,"x"])") << PacketType::Event << main
        << -1LL << QStringLiteral("build_progress:DR-1002") << array(R"([{"percent":31},7,null,"x"])") << QJsonObject();
    QTest::newRow("event with ack id") << QStringLiteral(R"(4212["join_drone_room","DR-1002"])") << PacketType::Event
                                       << main << 12LL << QStringLiteral("join_drone_room") << array(R"(["DR-1002"])")
                                       << QJsonObject();
    QTest::newRow("event, namespace and ack id")
        << QStringLiteral(R"(42/admin,7["x",{"a":"b,c"}])") << PacketType::Event << admin << 7LL << QStringLiteral("x")
        << array(R"([{"a":"b,c"}])") << QJsonObject();
    QTest::newRow("event name with a comma and a slash")
        << QStringLiteral(R"(42["a,/b",1])") << PacketType::Event << main << -1LL << QStringLiteral("a,/b")
        << array("[1]") << QJsonObject();
    QTest::newRow("event, unicode") << QStringLiteral(u"42[\"system_alert\",{\"message\":\"212°F ✈\"}]")
                                    << PacketType::Event << main << -1LL << QStringLiteral("system_alert")
                                    << QJsonArray {QJsonObject {
                                           {QStringLiteral("message"), QStringLiteral(u"212°F ✈")}}}
                                    << QJsonObject();
    QTest::newRow("ack") << QStringLiteral(R"(431[{"ok":true,"room":"drone:DR-1002"}])") << PacketType::Ack << main
                         << 1LL << QString() << array(R"([{"ok":true,"room":"drone:DR-1002"}])") << QJsonObject();
    QTest::newRow("ack, empty") << QStringLiteral("4399[]") << PacketType::Ack << main << 99LL << QString()
                                << QJsonArray() << QJsonObject();
    QTest::newRow("ack namespace") << QStringLiteral(R"(43/admin,3["done"])") << PacketType::Ack << admin << 3LL
                                   << QString() << array(R"(["done"])") << QJsonObject();
    QTest::newRow("connect error") << QStringLiteral(R"(44{"message":"Not authorized","data":{"code":401}})")
                                   << PacketType::ConnectError << main << -1LL << QString() << QJsonArray()
                                   << object(R"({"message":"Not authorized","data":{"code":401}})");
    QTest::newRow("connect error, v3 string")
        << QStringLiteral(R"(44/admin,"Invalid namespace")") << PacketType::ConnectError << admin << -1LL << QString()
        << QJsonArray() << object(R"({"message":"Invalid namespace"})");
}

void TestSocketIo::messages()
{
    QFETCH(QString, text);
    QFETCH(PacketType, type);
    QFETCH(QString, nsp);
    QFETCH(qint64, ackId);
    QFETCH(QString, event);
    QFETCH(QJsonArray, args);
    QFETCH(QJsonObject, data);

    const auto result = parsePacket(text);
    const auto *packet = std::get_if<Packet>(&result);
    QVERIFY2(packet, qPrintable(errorOf(result)));
    QCOMPARE(packet->engineType, EngineType::Message);
    QCOMPARE(packet->type, type);
    QCOMPARE(packet->nsp, nsp);
    QCOMPARE(packet->ackId.has_value(), ackId >= 0);
    if (ackId >= 0)
        QCOMPARE(*packet->ackId, quint64(ackId));
    QCOMPARE(packet->event, event);
    QCOMPARE(packet->args, args);
    QCOMPARE(packet->data, data);
}

void TestSocketIo::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ParseError::Kind>("kind");
    QTest::addColumn<QString>("mentions");

    using K = ParseError::Kind;
    QTest::newRow("empty") << QString() << K::Empty << QStringLiteral("empty");
    QTest::newRow("letter") << QStringLiteral("x") << K::UnknownEngineType << QStringLiteral("'x'");
    QTest::newRow("seven") << QStringLiteral("7") << K::UnknownEngineType << QStringLiteral("'7'");
    QTest::newRow("json") << QStringLiteral(R"({"type":"hello"})") << K::UnknownEngineType << QStringLiteral("'{'");
    QTest::newRow("control character") << QStringLiteral("\x01") << K::UnknownEngineType << QStringLiteral("U+0001");
    QTest::newRow("base64 binary") << QStringLiteral("bAQIDBA==") << K::BinaryUnsupported << QStringLiteral("polling");
    QTest::newRow("binary event") << QStringLiteral(R"(451-["upload",{"_placeholder":true,"num":0}])")
                                  << K::BinaryUnsupported << QStringLiteral("binary event");
    QTest::newRow("binary ack") << QStringLiteral(R"(461-3[{"_placeholder":true,"num":0}])") << K::BinaryUnsupported
                                << QStringLiteral("binary ack");
    QTest::newRow("message without type")
        << QStringLiteral("4") << K::UnknownPacketType << QStringLiteral("packet type");
    QTest::newRow("message type 7") << QStringLiteral("47") << K::UnknownPacketType << QStringLiteral("'7'");
    QTest::newRow("message type letter") << QStringLiteral(R"(4x["a"])") << K::UnknownPacketType
                                         << QStringLiteral("'x'");
    QTest::newRow("open not json") << QStringLiteral("0{sid:1}") << K::BadOpen << QStringLiteral("not JSON");
    QTest::newRow("open array") << QStringLiteral("0[]") << K::BadOpen << QStringLiteral("not a JSON object");
    QTest::newRow("open without sid") << QStringLiteral(R"(0{"pingInterval":1,"pingTimeout":1})") << K::BadOpen
                                      << QStringLiteral("sid");
    QTest::newRow("open numeric sid") << QStringLiteral(R"(0{"sid":5,"pingInterval":1,"pingTimeout":1})") << K::BadOpen
                                      << QStringLiteral("sid");
    QTest::newRow("open without pingInterval")
        << QStringLiteral(R"(0{"sid":"a","pingTimeout":1})") << K::BadOpen << QStringLiteral("pingInterval");
    QTest::newRow("open string pingTimeout") << QStringLiteral(R"(0{"sid":"a","pingInterval":1,"pingTimeout":"20000"})")
                                             << K::BadOpen << QStringLiteral("pingTimeout");
    QTest::newRow("open negative pingInterval") << QStringLiteral(R"(0{"sid":"a","pingInterval":-5,"pingTimeout":1})")
                                                << K::BadOpen << QStringLiteral("pingInterval");
    QTest::newRow("open huge pingInterval") << QStringLiteral(R"(0{"sid":"a","pingInterval":1e300,"pingTimeout":1})")
                                            << K::BadOpen << QStringLiteral("pingInterval");
    QTest::newRow("open bad upgrades") << QStringLiteral(
        R"(0{"sid":"a","pingInterval":1,"pingTimeout":1,"upgrades":[1]})")
                                       << K::BadOpen << QStringLiteral("upgrades");
    QTest::newRow("open bad maxPayload") << QStringLiteral(
        R"(0{"sid":"a","pingInterval":1,"pingTimeout":1,"maxPayload":"big"})")
                                         << K::BadOpen << QStringLiteral("maxPayload");
    QTest::newRow("event not json") << QStringLiteral("42[\"a\",") << K::NotJson << QStringLiteral("not JSON");
    QTest::newRow("event two values") << QStringLiteral(R"(42["a"],["b"])") << K::NotJson
                                      << QStringLiteral("2 JSON values");
    QTest::newRow("event, no payload") << QStringLiteral("42") << K::BadPayload << QStringLiteral("event name");
    QTest::newRow("event, object") << QStringLiteral(R"(42{"a":1})") << K::BadPayload << QStringLiteral("event name");
    QTest::newRow("event, empty array") << QStringLiteral("42[]") << K::BadPayload << QStringLiteral("event name");
    QTest::newRow("event, numeric name") << QStringLiteral("42[1,2]") << K::BadPayload << QStringLiteral("event name");
    QTest::newRow("event, string") << QStringLiteral(R"(42"drone_update")") << K::BadPayload
                                   << QStringLiteral("event name");
    QTest::newRow("connect, array") << QStringLiteral("40[1]") << K::BadPayload << QStringLiteral("connect");
    QTest::newRow("disconnect, payload") << QStringLiteral(R"(41{"a":1})") << K::BadPayload
                                         << QStringLiteral("disconnect");
    QTest::newRow("ack, no id") << QStringLiteral("43[1]") << K::BadAckId << QStringLiteral("ack id");
    QTest::newRow("ack, object") << QStringLiteral(R"(435{"a":1})") << K::BadPayload << QStringLiteral("array");
    QTest::newRow("ack id overflow") << QStringLiteral(R"(4299999999999999999999["a"])") << K::BadAckId
                                     << QStringLiteral("64 bits");
    QTest::newRow("ack id on connect") << QStringLiteral("405") << K::BadAckId << QStringLiteral("only events");
    QTest::newRow("connect error, number") << QStringLiteral("445") << K::BadAckId << QStringLiteral("only events");
    QTest::newRow("connect error, null") << QStringLiteral("44null") << K::BadPayload
                                         << QStringLiteral("connect error");
    QTest::newRow("connect error, empty") << QStringLiteral("44") << K::BadPayload << QStringLiteral("connect error");
    QTest::newRow("namespace with a bracket")
        << QStringLiteral(R"(42/admin["a"])") << K::BadNamespace << QStringLiteral("/admin[");
    QTest::newRow("namespace with a space")
        << QStringLiteral(R"(42/ad min,["a"])") << K::BadNamespace << QStringLiteral("namespace");
}

void TestSocketIo::malformed()
{
    QFETCH(QString, text);
    QFETCH(ParseError::Kind, kind);
    QFETCH(QString, mentions);

    const auto result = parsePacket(text);
    const auto *error = std::get_if<ParseError>(&result);
    QVERIFY2(error, "a malformed packet was accepted");
    QCOMPARE(error->kind, kind);
    QVERIFY2(error->toString().contains(mentions), qPrintable(error->toString()));
}

void TestSocketIo::everyPrefixOfAGoodPacketIsSafe()
{
    // A frame cut anywhere must give a packet or an error, never a crash.
    const QString good = QStringLiteral(R"(42/admin,12["drone_update",{"serial":"DR-1","data":{"battery":[1,2]}}])");
    for (qsizetype n = 0; n <= good.size(); ++n) {
        const auto result = parsePacket(QStringView(good).first(n));
        QVERIFY(std::holds_alternative<Packet>(result) || !errorOf(result).isEmpty());
    }
}

void TestSocketIo::encoders_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("expected");

    QTest::newRow("connect") << encodeConnect() << QStringLiteral("40");
    QTest::newRow("connect namespace") << encodeConnect(QStringLiteral("/admin")) << QStringLiteral("40/admin,");
    QTest::newRow("connect with auth") << encodeConnect(QStringLiteral("/"), object(R"({"token":"t"})"))
                                       << QStringLiteral(R"(40{"token":"t"})");
    QTest::newRow("disconnect") << encodeDisconnect() << QStringLiteral("41");
    QTest::newRow("disconnect namespace") << encodeDisconnect(QStringLiteral("/admin")) << QStringLiteral("41/admin,");
    QTest::newRow("event") << encodeEvent(QStringLiteral("join_drone_room"), QJsonArray {QStringLiteral("DR-1002")})
                           << QStringLiteral(R"(42["join_drone_room","DR-1002"])");
    QTest::newRow("event without arguments")
        << encodeEvent(QStringLiteral("request_data_refresh")) << QStringLiteral(R"(42["request_data_refresh"])");
    QTest::newRow("event namespace and ack") << encodeEvent(
        QStringLiteral("acknowledge_alert"), QJsonArray {QStringLiteral("alert-3")}, QStringLiteral("/ops"), 4)
                                             << QStringLiteral(R"(42/ops,4["acknowledge_alert","alert-3"])");
    QTest::newRow("event, quotes escaped")
        << encodeEvent(QStringLiteral("say \"hi\"")) << QStringLiteral(R"(42["say \"hi\""])");
    QTest::newRow("ack") << encodeAck(5, QJsonArray {true}) << QStringLiteral("435[true]");
    QTest::newRow("ack namespace") << encodeAck(5, {}, QStringLiteral("/ops")) << QStringLiteral("43/ops,5[]");
    QTest::newRow("pong") << encodePong() << QStringLiteral("3");
    QTest::newRow("pong probe") << encodePong(QStringLiteral("probe")) << QStringLiteral("3probe");
    QTest::newRow("ping probe") << encodePing(QStringLiteral("probe")) << QStringLiteral("2probe");
}

void TestSocketIo::encoders()
{
    QFETCH(QString, encoded);
    QFETCH(QString, expected);
    QCOMPARE(encoded, expected);
}

void TestSocketIo::encodedEventsParseBack()
{
    const QJsonArray args {QJsonObject {{QStringLiteral("serial"), QStringLiteral("DR-1")}}, 3.5, QJsonValue()};
    const auto result = parsePacket(encodeEvent(QStringLiteral("drone_update"), args, QStringLiteral("/ops"), 77));
    const auto *packet = std::get_if<Packet>(&result);
    QVERIFY(packet);
    QCOMPARE(packet->event, QStringLiteral("drone_update"));
    QCOMPARE(packet->args, args);
    QCOMPARE(packet->nsp, QStringLiteral("/ops"));
    QCOMPARE(packet->ackId, std::optional<quint64>(77));
}

void TestSocketIo::engineUrl_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("expected"); // empty: refused

    QTest::newRow("http") << QStringLiteral("http://drones.example:3001")
                          << QStringLiteral("ws://drones.example:3001/socket.io/?EIO=4&transport=websocket");
    QTest::newRow("https") << QStringLiteral("https://drones.example")
                           << QStringLiteral("wss://drones.example/socket.io/?EIO=4&transport=websocket");
    QTest::newRow("ws") << QStringLiteral("ws://127.0.0.1:4000/")
                        << QStringLiteral("ws://127.0.0.1:4000/socket.io/?EIO=4&transport=websocket");
    QTest::newRow("wss, upper case") << QStringLiteral("WSS://Drones.Example:8443")
                                     << QStringLiteral(
                                            "wss://drones.example:8443/socket.io/?EIO=4&transport=websocket");
    QTest::newRow("namespace path is not the engine path")
        << QStringLiteral("http://h:1/admin") << QStringLiteral("ws://h:1/socket.io/?EIO=4&transport=websocket");
    QTest::newRow("full engine URL pasted") << QStringLiteral("ws://h:1/socket.io/?EIO=3&transport=polling")
                                            << QStringLiteral("ws://h:1/socket.io/?EIO=4&transport=websocket");
    QTest::newRow("engine path behind a proxy") << QStringLiteral("https://h/api/socket.io")
                                                << QStringLiteral("wss://h/api/socket.io/?EIO=4&transport=websocket");
    QTest::newRow("other query items kept")
        << QStringLiteral("http://h:1?token=abc&site=north")
        << QStringLiteral("ws://h:1/socket.io/?EIO=4&transport=websocket&token=abc&site=north");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:3001")
                          << QStringLiteral("ws://[::1]:3001/socket.io/?EIO=4&transport=websocket");
    QTest::newRow("ftp refused") << QStringLiteral("ftp://h:1") << QString();
    QTest::newRow("no host refused") << QStringLiteral("http:///socket.io") << QString();
    QTest::newRow("not a URL refused") << QStringLiteral("drones") << QString();
    QTest::newRow("empty refused") << QString() << QString();
}

void TestSocketIo::engineUrl()
{
    QFETCH(QString, profile);
    QFETCH(QString, expected);
    const QUrl url = Protocol::SocketIo::engineUrl(QUrl(profile));
    QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
}

void TestSocketIo::namespaceOf_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no path") << QStringLiteral("http://h:1") << QStringLiteral("/");
    QTest::newRow("root") << QStringLiteral("http://h:1/") << QStringLiteral("/");
    QTest::newRow("engine path") << QStringLiteral("ws://h:1/socket.io/?EIO=4") << QStringLiteral("/");
    QTest::newRow("namespace") << QStringLiteral("http://h:1/admin") << QStringLiteral("/admin");
    QTest::newRow("namespace, trailing slash") << QStringLiteral("http://h:1/ops/") << QStringLiteral("/ops");
}

void TestSocketIo::namespaceOf()
{
    QFETCH(QString, profile);
    QFETCH(QString, expected);
    QCOMPARE(Protocol::SocketIo::namespaceOf(QUrl(profile)), expected);
}

QTEST_GUILESS_MAIN(TestSocketIo)
#include "tst_socketio.moc"
