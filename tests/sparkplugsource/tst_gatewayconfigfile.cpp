#include "gatewayconfigfile.h"
#include "testcertificate.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Config = SparkplugSourceConfig;

namespace {

// The pieces the test files are made of, with their line counts, so that
// expected errors can name absolute lines.
const QByteArray kGateway = "[gateway]\n"
                            "listen = 127.0.0.1:8765\n"; // 2 lines
const QByteArray kSparkplug = "[sparkplug]\n"
                              "groups = G\n"; // 2 lines
const QByteArray kModel = "[tile T]\n"
                          "[device T/D]\n"
                          "origin = G/E/D\n"
                          "[endpoint T.N]\n"
                          "device = T/D\n"
                          "metric = N\n"
                          "[endpoint T.B]\n"
                          "device = T/D\n"
                          "metric = B\n"
                          "type = bool\n"
                          "writable = true\n"; // 11 lines
// A valid file of 15 lines: [endpoint T.N] is on line 8, [endpoint T.B] on 11.
const QByteArray kBase = kGateway + kSparkplug + kModel;
constexpr int kBaseLines = 15;

// "<line>: <message>", the file's path prepended by the test; line 0: none.
QString at(int line, const QString &message)
{
    return line > 0 ? QStringLiteral("%1: %2").arg(line).arg(message) : u' ' + message;
}

} // namespace

class TestGatewayConfigFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedExampleReadsCleanly();
    void defaults();
    void rejects_data();
    void rejects();
    void machinesAndDrones();
    void reportsEveryErrorInLineOrder();
    void missingFile();
    void filesRelativeToTheConfigFolder();
    void tokensFileAndSection();
    void tokensNeverAppearInErrors();
    void tls();
    void durations_data();
    void durations();
    void quotedValues();
    void commentsAndBlankLines();
    void gatewayLimits();

private:
    QString write(const QByteArray &content, const QString &name = {});
    std::optional<GatewayConfigFile> read(const QByteArray &content, QStringList *errors, QString *path = nullptr);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestGatewayConfigFile::write(const QByteArray &content, const QString &name)
{
    const QString path = m_dir.filePath(name.isEmpty() ? QStringLiteral("gateway%1.ini").arg(++m_files) : name);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

std::optional<GatewayConfigFile> TestGatewayConfigFile::read(const QByteArray &content, QStringList *errors,
                                                             QString *path)
{
    const QString written = write(content);
    if (path)
        *path = written;
    return GatewayConfigFile::read(written, errors);
}

void TestGatewayConfigFile::shippedExampleReadsCleanly()
{
    QStringList errors;
    const auto config
        = GatewayConfigFile::read(QStringLiteral(WATCHFLOOR_SOURCE_DIR "/packaging/gateway/gateway.ini"), &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);

    const GatewayOptions &options = config->options();
    QCOMPARE(options.host, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.port, quint16(8765));
    QCOMPARE(options.maxConnections, 20);
    QCOMPARE(options.tokens.size(), 2);
    QCOMPARE(options.tokens.value(QStringLiteral("change-me-operator-token")), QStringLiteral("operator"));
    QVERIFY(!options.tls());

    const Config &source = config->source();
    QCOMPARE(source.broker.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(source.broker.port, quint16(1883));
    QCOMPARE(source.broker.keepAliveSeconds, 10);
    QCOMPARE(source.hostId, QStringLiteral("watchfloor"));
    QCOMPARE(source.groups, QStringList {QStringLiteral("Plant1")});
    QCOMPARE(source.commandTimeoutMs, 10'000);
    QCOMPARE(source.deviceLostSeverity, QStringLiteral("high"));

    QCOMPARE(source.tiles.size(), 1);
    const Config::Tile &tile = source.tiles.at(0);
    QCOMPARE(tile.tileId, QStringLiteral("Tank1"));
    QCOMPARE(tile.name, QStringLiteral("Tank 1"));
    QStringList devices;
    for (const Config::Device &device : tile.devices) {
        devices.append(device.deviceId);
        QCOMPARE(device.origin,
                 (Config::Origin {QStringLiteral("Plant1"), QStringLiteral("Edge1"), QStringLiteral("Tank1")}));
    }
    QCOMPARE(devices,
             (QStringList {QStringLiteral("Vessel"), QStringLiteral("Pump"), QStringLiteral("Valve"),
                           QStringLiteral("Heater")}));

    const Config::Device &vessel = tile.devices.at(0);
    QCOMPARE(vessel.endpoints.size(), 2);
    const Config::Endpoint &level = vessel.endpoints.at(0);
    QCOMPARE(level.endpointId, QStringLiteral("Tank1.Level"));
    QCOMPARE(level.metric, QStringLiteral("Level"));
    QCOMPARE(level.type, Config::ValueType::Number);
    QCOMPARE(level.unit, QStringLiteral("%"));
    QCOMPARE(level.min, std::optional<double>(0.0));
    QCOMPARE(level.max, std::optional<double>(100.0));
    QCOMPARE(level.deadband, 0.2);
    QVERIFY(!level.writable);
    QCOMPARE(vessel.endpoints.at(1).unit, QStringLiteral("°C"));

    const Config::Endpoint &running = tile.devices.at(1).endpoints.at(0);
    QCOMPARE(running.endpointId, QStringLiteral("Tank1.Pump.Running"));
    QCOMPARE(running.metric, QStringLiteral("Pump/Running"));
    QCOMPARE(running.type, Config::ValueType::Bool);
    QVERIFY(running.writable);
    QVERIFY(running.critical);

    const Config::Endpoint &open = tile.devices.at(2).endpoints.at(0);
    QCOMPARE(open.metric, QStringLiteral("Valve/Open"));
    QVERIFY(open.writable);
    QVERIFY(!open.critical);

    const Config::Endpoint &setpoint = tile.devices.at(3).endpoints.at(0);
    QCOMPARE(setpoint.metric, QStringLiteral("Heater/Setpoint"));
    QCOMPARE(setpoint.min, std::optional<double>(20.0));
    QCOMPARE(setpoint.max, std::optional<double>(90.0));
    QCOMPARE(setpoint.step, std::optional<double>(0.5));
    QVERIFY(setpoint.writable);

    QCOMPARE(source.alarms.size(), 4);
    const Config::AlarmCondition &levelHigh = source.alarms.at(0);
    QCOMPARE(levelHigh.id, QStringLiteral("Tank1.Level.hi"));
    QCOMPARE(levelHigh.endpointId, QStringLiteral("Tank1.Level"));
    QCOMPARE(levelHigh.kind, Config::AlarmCondition::Kind::High);
    QCOMPARE(levelHigh.limit, QJsonValue(90.0));
    QCOMPARE(source.alarms.at(1).kind, Config::AlarmCondition::Kind::Low);
    QCOMPARE(source.alarms.at(1).limit, QJsonValue(10.0));
    const Config::AlarmCondition &hotHot = source.alarms.at(2);
    QCOMPARE(hotHot.kind, Config::AlarmCondition::Kind::HighHigh);
    QCOMPARE(hotHot.limit, QJsonValue(95.0));
    QCOMPARE(hotHot.onDelayMs, 1000);
    QCOMPARE(hotHot.severity, QStringLiteral("critical"));
    QCOMPARE(source.alarms.at(3).kind, Config::AlarmCondition::Kind::High);
    QCOMPARE(source.alarms.at(3).limit, QJsonValue(85.0));
    QCOMPARE(source.alarms.at(3).onDelayMs, 1000);

    QCOMPARE(source.interlocks.size(), 1);
    const Config::Interlock &interlock = source.interlocks.at(0);
    QCOMPARE(interlock.target, QStringLiteral("Tank1.Heater.Setpoint"));
    QCOMPARE(interlock.requiresEndpointId, QStringLiteral("Tank1.Pump.Running"));
    QCOMPARE(interlock.op, Config::Op::Equal);
    QCOMPARE(interlock.value, QJsonValue(true));
    QVERIFY(!interlock.description.isEmpty());

    // scripts/gateway-demo-plant.js feeds the machine's metrics.
    QCOMPARE(source.machines.size(), 1);
    QCOMPARE(source.machines.at(0).machineId, QStringLiteral("Press1"));
    QCOMPARE(source.machines.at(0).origin,
             (Config::Origin {QStringLiteral("Plant1"), QStringLiteral("Edge1"), QStringLiteral("Press1")}));
    QCOMPARE(source.machines.at(0).statusMap.size(), 4);
    QVERIFY(source.drones.isEmpty());
}

void TestGatewayConfigFile::defaults()
{
    QStringList errors;
    const auto config = read(kBase, &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    const Config &source = config->source();
    const Config defaults;
    QCOMPARE(source.broker.host, defaults.broker.host);
    QCOMPARE(source.broker.port, defaults.broker.port);
    QCOMPARE(source.hostId, defaults.hostId);
    QCOMPARE(source.commandTimeoutMs, defaults.commandTimeoutMs);
    QVERIFY(config->options().tokens.isEmpty());
    QCOMPARE(config->options().maxConnections, GatewayOptions().maxConnections);
    // Names default to ids, an endpoint's to its metric; the type to number.
    QCOMPARE(source.tiles.at(0).name, QStringLiteral("T"));
    QCOMPARE(source.tiles.at(0).devices.at(0).name, QStringLiteral("D"));
    const Config::Endpoint &n = source.tiles.at(0).devices.at(0).endpoints.at(0);
    QCOMPARE(n.name, QStringLiteral("N"));
    QCOMPARE(n.type, Config::ValueType::Number);
    QVERIFY(!n.min && !n.max && !n.step);
    // An edge node's own metrics: no device in the origin.
    const auto edge = read(kBase + "[device T/Edge]\norigin = G/E\n", &errors);
    QVERIFY(edge);
    QCOMPARE(edge->source().tiles.at(0).devices.at(1).origin, (Config::Origin {u"G"_qs, u"E"_qs, {}}));
}

void TestGatewayConfigFile::rejects_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected");

    const int next = kBaseLines + 1; // the first line after kBase
    const auto row = [](const char *name, const QByteArray &content, const QString &expected) {
        QTest::newRow(name) << content << QStringList {expected};
    };

    // Syntax.
    row("key before any section", "listen = 1\n" + kBase, at(1, u"a key before the first [section]"_qs));
    row("no equals sign", kBase + "[tile X]\nname\n", at(next + 1, u"expected key = value"_qs));
    row("unclosed header", kBase + "[tile X\nname = x\n", at(next, u"a section header must end with ]"_qs));
    row("empty header", kBase + "[]\n", at(next, u"empty section header []"_qs));
    row("unclosed quote", kBase + "[tile X]\nname = \"Tank 1\n",
        at(next + 1, u"[tile X] name: the quoted value has no closing quote"_qs));
    row("text after quote", kBase + "[tile X]\nname = \"Tank\" 1\n",
        at(next + 1, u"[tile X] name: text after the closing quote"_qs));
    row("unknown section", kBase + "[tank X]\n",
        at(next,
           u"[tank X] unknown section (expected [gateway], [tokens], [broker], [sparkplug], [tile <id>], "
           "[device <id>], [endpoint <id>], [alarm <id>], [interlock <id>], [machine <id>] or [drone <id>])"_qs));
    row("unknown key", kBase + "[tile X]\ncolour = red\n",
        at(next + 1, u"[tile X] colour: unknown key (expected one of name)"_qs));
    row("key twice", kBase + "[tile X]\nname = a\nname = b\n",
        at(next + 2, u"[tile X] name: given twice (first on line 17)"_qs));
    row("section twice", kBase + "[tile T]\n", at(next, u"[tile T] given twice (first on line 5)"_qs));
    row("single section with a name", kBase + "[broker main]\n",
        at(next, u"[broker main] the section [broker] takes no name"_qs));
    row("named section without id", kBase + "[tile]\n", at(next, u"[tile] the section needs an id: [tile <id>]"_qs));
    row("id with a space", kBase + "[tile Tank 1]\n",
        at(next, u"[tile Tank 1] \"Tank 1\" is not a tile id: use only letters, digits, \".\", \"_\" and \"-\""_qs));

    // [gateway]: kSparkplug + kModel (13 lines), then the section on line 14.
    const QByteArray plant = kSparkplug + kModel;
    row("no gateway section", plant, at(0, u"[gateway] listen: required, and there is no [gateway] section"_qs));
    row("listen missing", plant + "[gateway]\nmax-connections = 5\n", at(14, u"[gateway] listen: required"_qs));
    row("listen not an address", plant + "[gateway]\nlisten = localhost:8765\n",
        at(15,
           u"[gateway] listen: \"localhost:8765\" is not address:port with an IP address, e.g. 0.0.0.0:8765 or "
           "[::]:8765"_qs));
    row("listen without port", plant + "[gateway]\nlisten = 0.0.0.0\n",
        at(15,
           u"[gateway] listen: \"0.0.0.0\" is not address:port with an IP address, e.g. 0.0.0.0:8765 or "
           "[::]:8765"_qs));
    row("listen port out of range", plant + "[gateway]\nlisten = [::1]:70000\n",
        at(15, u"[gateway] listen: the port 70000 is not from 1 to 65535"_qs));
    row("listen port 0", plant + "[gateway]\nlisten = 0.0.0.0:0\n",
        at(15, u"[gateway] listen: the port 0 is not from 1 to 65535"_qs));
    row("gateway twice", kBase + "[gateway]\n", at(next, u"[gateway] given twice (first on line 1)"_qs));
    row("duration without unit", plant + "[gateway]\nlisten = 0.0.0.0:1\nheartbeat = 15\n",
        at(16, u"[gateway] heartbeat: \"15\" is not a duration such as 500ms, 2s, 1m or 1h"_qs));
    row("duration out of range", plant + "[gateway]\nlisten = 0.0.0.0:1\nheartbeat = 2h\n",
        at(16, u"[gateway] heartbeat: 2h is not from 100ms to 1h"_qs));
    row("limit out of range", plant + "[gateway]\nlisten = 0.0.0.0:1\nmax-connections = 0\n",
        at(16, u"[gateway] max-connections: \"0\" is not a whole number from 1 to 100000"_qs));
    row("limit not a number", plant + "[gateway]\nlisten = 0.0.0.0:1\nreplay-events = lots\n",
        at(16, u"[gateway] replay-events: \"lots\" is not a whole number from 0 to 10000000"_qs));
    row("message-rate zero", plant + "[gateway]\nlisten = 0.0.0.0:1\nmessage-rate = 0\n",
        at(16, u"[gateway] message-rate: 0 is not above 0 and at most 100000"_qs));
    row("certificate without key", plant + "[gateway]\nlisten = 0.0.0.0:1\ntls-certificate = cert.pem\n",
        at(16, u"[gateway] tls-certificate: needs tls-key as well"_qs));
    row("key without certificate", plant + "[gateway]\nlisten = 0.0.0.0:1\ntls-key = key.pem\n",
        at(16, u"[gateway] tls-key: needs tls-certificate as well"_qs));
    row("empty name", plant + "[gateway]\nlisten = 0.0.0.0:1\nname =\n",
        at(16, u"[gateway] name: must not be empty"_qs));

    // [tokens]
    row("bad role", kBase + "[tokens]\nsecret = boss\n",
        at(next + 1, u"[tokens] the role \"boss\" is not viewer, operator or admin"_qs));
    row("token twice", kBase + "[tokens]\nsecret = viewer\nsecret = admin\n",
        at(next + 2, u"[tokens] this token is given twice (first on line 17)"_qs));

    // [broker]
    row("broker port", kBase + "[broker]\nport = 0\n",
        at(next + 1, u"[broker] port: \"0\" is not a whole number from 1 to 65535"_qs));
    row("broker host with space", kBase + "[broker]\nhost = my broker\n",
        at(next + 1, u"[broker] host: \"my broker\" is not a host name or address"_qs));
    row("keep-alive too short", kBase + "[broker]\nkeep-alive = 2s\n",
        at(next + 1, u"[broker] keep-alive: 2s is not from 5s to 65535s"_qs));
    row("keep-alive not whole seconds", kBase + "[broker]\nkeep-alive = 5500ms\n",
        at(next + 1, u"[broker] keep-alive: MQTT counts the keep-alive in whole seconds"_qs));
    row("password without username", kBase + "[broker]\npassword = x\n",
        at(next + 1, u"[broker] password: needs a username: MQTT sends no password without one"_qs));
    row("password and password file", kBase + "[broker]\nusername = u\npassword = x\npassword-file = pw\n",
        at(next + 3, u"[broker] password-file: give password or password-file, not both"_qs));
    row("empty client id", kBase + "[broker]\nclient-id =\n",
        at(next + 1, u"[broker] client-id: must not be empty (leave the key out for the default)"_qs));

    // [sparkplug]: kGateway + kModel (13 lines), then the section on line 14.
    const QByteArray noSparkplug = kGateway + kModel;
    row("no sparkplug section", noSparkplug,
        at(0, u"[sparkplug] groups: required, and there is no [sparkplug] section"_qs));
    row("groups missing", noSparkplug + "[sparkplug]\nhost-id = wf\n", at(14, u"[sparkplug] groups: required"_qs));
    row("group with slash", noSparkplug + "[sparkplug]\ngroups = G, A/B\n",
        at(15, u"[sparkplug] groups: \"A/B\" is not a Sparkplug id: it must not contain /, + or #"_qs));
    row("group twice", noSparkplug + "[sparkplug]\ngroups = G, G\n",
        at(15, u"[sparkplug] groups: \"G\" is listed twice"_qs));
    row("empty group", noSparkplug + "[sparkplug]\ngroups = G,,H\n",
        at(15, u"[sparkplug] groups: an empty item in the list \"G,,H\""_qs));
    row("host id with hash", noSparkplug + "[sparkplug]\ngroups = G\nhost-id = wf#1\n",
        at(16, u"[sparkplug] host-id: \"wf#1\" is not a Sparkplug id: it must not contain /, + or #"_qs));
    row("severity", noSparkplug + "[sparkplug]\ngroups = G\ndevice-lost-severity = severe\n",
        at(16, u"[sparkplug] device-lost-severity: \"severe\" is not critical, high, medium, low or info"_qs));

    // [device]
    row("device of a missing tile", kBase + "[device X/D]\norigin = G/E\n",
        at(next, u"[device X/D] the tile X has no [tile X] section"_qs));
    row("device id without tile", kBase + "[device D2]\norigin = G/E\n",
        at(next,
           u"[device D2] \"D2\" is not <tile id>/<device id>: use only letters, digits, \".\", \"_\" and \"-\""_qs));
    row("origin missing", kBase + "[device T/D2]\nkind = pump\n", at(next, u"[device T/D2] origin: required"_qs));
    row("origin too short", kBase + "[device T/D2]\norigin = G\n",
        at(next + 1, u"[device T/D2] origin: \"G\" is not <group>/<edge node> or <group>/<edge node>/<device>"_qs));
    row("origin with plus", kBase + "[device T/D2]\norigin = G/E+1\n",
        at(next + 1, u"[device T/D2] origin: \"E+1\" is not a Sparkplug id: it must not contain /, + or #"_qs));
    row("origin group not subscribed", kBase + "[device T/D2]\norigin = H/E\n",
        at(next + 1, u"[device T/D2] origin: the group H is not in [sparkplug] groups"_qs));

    // [endpoint]
    row("endpoint of a missing device", kBase + "[endpoint T.X]\ndevice = T/Nope\nmetric = X\n",
        at(next + 1, u"[endpoint T.X] device: there is no [device T/Nope] section"_qs));
    row("endpoint without metric", kBase + "[endpoint T.X]\ndevice = T/D\n",
        at(next, u"[endpoint T.X] metric: required"_qs));
    row("endpoint with empty metric", kBase + "[endpoint T.X]\ndevice = T/D\nmetric =\n",
        at(next + 2, u"[endpoint T.X] metric: must not be empty"_qs));
    row("min not a number", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\nmin = abc\n",
        at(next + 3, u"[endpoint T.X] min: \"abc\" is not a number"_qs));
    row("max is nan", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\nmax = nan\n",
        at(next + 3, u"[endpoint T.X] max: \"nan\" is not a number"_qs));
    row("min above max", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\nmin = 5\nmax = 1\n",
        at(next + 4, u"[endpoint T.X] max: 1 is below min 5"_qs));
    row("step zero", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\nstep = 0\n",
        at(next + 3, u"[endpoint T.X] step: 0 is not above 0"_qs));
    row("negative deadband", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\ndeadband = -1\n",
        at(next + 3, u"[endpoint T.X] deadband: -1 is below 0"_qs));
    row("enum without options", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\ntype = enum\n",
        at(next, u"[endpoint T.X] options: required for type = enum"_qs));
    row("options on a number", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\noptions = a, b\n",
        at(next + 3, u"[endpoint T.X] options: only for type = enum"_qs));
    row("unit on a bool", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\nunit = V\ntype = bool\n",
        at(next + 3, u"[endpoint T.X] unit: only for type = number"_qs));
    row("unknown type", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\ntype = integer\n",
        at(next + 3, u"[endpoint T.X] type: \"integer\" is not bool, number or enum"_qs));
    row("critical not writable", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\ncritical = true\n",
        at(next + 3, u"[endpoint T.X] critical: only a writable endpoint takes commands to confirm"_qs));
    row("writable yes", kBase + "[endpoint T.X]\ndevice = T/D\nmetric = X\nwritable = yes\n",
        at(next + 3, u"[endpoint T.X] writable: \"yes\" is not true or false"_qs));
    row("metric twice", kBase + "[endpoint T.N2]\ndevice = T/D\nmetric = N\n",
        at(next + 2, u"[endpoint T.N2] metric: N of G/E/D is already [endpoint T.N] (line 8)"_qs));
    row("endpoint given twice", kBase + "[endpoint T.N]\ndevice = T/D\nmetric = N2\n",
        at(next, u"[endpoint T.N] given twice (first on line 8)"_qs));
    row("endpoint id with slash", kBase + "[endpoint T/N]\ndevice = T/D\nmetric = N2\n",
        at(next, u"[endpoint T/N] \"T/N\" is not an endpoint id: use only letters, digits, \".\", \"_\" and \"-\""_qs));

    // [alarm]
    row("alarm of a missing endpoint", kBase + "[alarm a]\nendpoint = T.X\ncondition = hi\nlimit = 1\n",
        at(next + 1, u"[alarm a] endpoint: there is no [endpoint T.X] section"_qs));
    row("unknown condition", kBase + "[alarm a]\nendpoint = T.N\ncondition = high\nlimit = 1\n",
        at(next + 2, u"[alarm a] condition: \"high\" is not hihi, hi, lo, lolo, equal or not-equal"_qs));
    row("condition missing", kBase + "[alarm a]\nendpoint = T.N\nlimit = 1\n",
        at(next, u"[alarm a] condition: required"_qs));
    row("limit missing", kBase + "[alarm a]\nendpoint = T.N\ncondition = hi\n",
        at(next, u"[alarm a] limit: required"_qs));
    row("level limit not a number", kBase + "[alarm a]\nendpoint = T.N\ncondition = hi\nlimit = abc\n",
        at(next + 3, u"[alarm a] limit: \"abc\" is not a number"_qs));
    row("level on a bool", kBase + "[alarm a]\nendpoint = T.B\ncondition = hi\nlimit = 1\n",
        at(next + 2, u"[alarm a] condition: hi needs a number; T.B is a bool"_qs));
    row("equal limit of the wrong type", kBase + "[alarm a]\nendpoint = T.B\ncondition = equal\nlimit = on\n",
        at(next + 3, u"[alarm a] limit: \"on\" is not true or false (T.B is a bool)"_qs));
    row("deadband on equal", kBase + "[alarm a]\nendpoint = T.B\ncondition = equal\nlimit = true\ndeadband = 1\n",
        at(next + 4, u"[alarm a] deadband: only for the conditions hihi, hi, lo and lolo"_qs));
    row("on-delay negative", kBase + "[alarm a]\nendpoint = T.N\ncondition = hi\nlimit = 1\non-delay = -1s\n",
        at(next + 4, u"[alarm a] on-delay: \"-1s\" is not a duration such as 500ms, 2s, 1m or 1h"_qs));
    row("off-delay too long", kBase + "[alarm a]\nendpoint = T.N\ncondition = hi\nlimit = 1\noff-delay = 90m\n",
        at(next + 4, u"[alarm a] off-delay: 90m is not from 0s to 1h"_qs));
    row("alarm severity", kBase + "[alarm a]\nendpoint = T.N\ncondition = hi\nlimit = 1\nseverity = urgent\n",
        at(next + 4, u"[alarm a] severity: \"urgent\" is not critical, high, medium, low or info"_qs));
    row("lo above hi",
        kBase
            + "[alarm a]\nendpoint = T.N\ncondition = hi\nlimit = 10\n"
              "[alarm b]\nendpoint = T.N\ncondition = lo\nlimit = 20\n",
        at(next + 7, u"[alarm b] limit: the lo limit 20 must be below the hi limit 10 of [alarm a] on line 16"_qs));
    row("lo equal to hi",
        kBase
            + "[alarm a]\nendpoint = T.N\ncondition = lo\nlimit = 10\n"
              "[alarm b]\nendpoint = T.N\ncondition = hi\nlimit = 10\n",
        at(next + 7, u"[alarm b] limit: the hi limit 10 must be above the lo limit 10 of [alarm a] on line 16"_qs));
    row("hihi below hi",
        kBase
            + "[alarm a]\nendpoint = T.N\ncondition = hi\nlimit = 90\n"
              "[alarm b]\nendpoint = T.N\ncondition = hihi\nlimit = 80\n",
        at(next + 7,
           u"[alarm b] limit: the hihi limit 80 must be at or above the hi limit 90 of [alarm a] on line 16"_qs));
    row("lolo above lo",
        kBase
            + "[alarm a]\nendpoint = T.N\ncondition = lo\nlimit = 10\n"
              "[alarm b]\nendpoint = T.N\ncondition = lolo\nlimit = 10.5\n",
        at(next + 7,
           u"[alarm b] limit: the lolo limit 10.5 must be at or below the lo limit 10 of [alarm a] on line 16"_qs));
    row("two hi alarms",
        kBase
            + "[alarm a]\nendpoint = T.N\ncondition = hi\nlimit = 10\n"
              "[alarm b]\nendpoint = T.N\ncondition = hi\nlimit = 20\n",
        at(next + 6, u"[alarm b] condition: T.N already has a hi alarm, [alarm a] on line 16"_qs));
    row("same equal alarm twice",
        kBase
            + "[alarm a]\nendpoint = T.B\ncondition = equal\nlimit = true\n"
              "[alarm b]\nendpoint = T.B\ncondition = equal\nlimit = true\n",
        at(next + 7, u"[alarm b] limit: the same condition as [alarm a] on line 16"_qs));

    // [interlock]
    row("interlock target missing", kBase + "[interlock i]\ntarget = T.X\nrequires = T.B == true\ndescription = d\n",
        at(next + 1, u"[interlock i] target: there is no [endpoint T.X] section"_qs));
    row("interlock target not writable",
        kBase + "[interlock i]\ntarget = T.N\nrequires = T.B == true\ndescription = d\n",
        at(next + 1, u"[interlock i] target: T.N is not writable, so it takes no commands to refuse"_qs));
    row("requires malformed", kBase + "[interlock i]\ntarget = T.B\nrequires = T.N is high\ndescription = d\n",
        at(next + 2,
           u"[interlock i] requires: \"T.N is high\" is not <endpoint> <op> <value> with op one of == != > >= < <="_qs));
    row("requires a missing endpoint", kBase + "[interlock i]\ntarget = T.B\nrequires = T.X > 1\ndescription = d\n",
        at(next + 2, u"[interlock i] requires: there is no [endpoint T.X] section"_qs));
    row("requires an order on a bool", kBase + "[interlock i]\ntarget = T.B\nrequires = T.B > 0\ndescription = d\n",
        at(next + 2, u"[interlock i] requires: > compares numbers; T.B is a bool (use == or !=)"_qs));
    row("requires a number", kBase + "[interlock i]\ntarget = T.B\nrequires = T.N >= abc\ndescription = d\n",
        at(next + 2, u"[interlock i] requires: \"abc\" is not a number (T.N is a number)"_qs));
    row("description missing", kBase + "[interlock i]\ntarget = T.B\nrequires = T.N >= 1\n",
        at(next, u"[interlock i] description: required"_qs));

    // [machine] and [drone]: a valid machine M, then the mistake.
    const QByteArray machine = "[machine M]\nline = L\norigin = G/E/P\nstatus-metric = S\n"; // 4 lines
    const QByteArray drone = "[drone D1]\norigin = G/E/D1\nstate-metric = S\nbattery-metric = B\n"; // 4 lines
    row("machine unknown key", kBase + machine + "colour = red\n",
        at(next + 4,
           u"[machine M] colour: unknown key (expected one of name, line, origin, status-metric, status-map, "
           "utilization-metric, produced-metric)"_qs));
    row("machine line missing", kBase + "[machine M]\norigin = G/E/P\nstatus-metric = S\n",
        at(next, u"[machine M] line: required"_qs));
    row("machine status-metric missing", kBase + "[machine M]\nline = L\norigin = G/E/P\n",
        at(next, u"[machine M] status-metric: required"_qs));
    row("machine origin missing", kBase + "[machine M]\nline = L\nstatus-metric = S\n",
        at(next, u"[machine M] origin: required"_qs));
    row("machine id", kBase + "[machine M 1]\n",
        at(next, u"[machine M 1] \"M 1\" is not a machine id: use only letters, digits, \".\", \"_\" and \"-\""_qs));
    row("machine twice", kBase + machine + "[machine M]\n",
        at(next + 4, u"[machine M] given twice (first on line 16)"_qs));
    row("machine origin group not listed", kBase + "[machine M]\nline = L\norigin = H/E/P\nstatus-metric = S\n",
        at(next + 2, u"[machine M] origin: the group H is not in [sparkplug] groups"_qs));
    row("status-map word", kBase + machine + "status-map = 0:idle, 1:busy\n",
        at(next + 4, u"[machine M] status-map: \"busy\" is not running, idle, down or maintenance"_qs));
    row("status-map item", kBase + machine + "status-map = 0:idle, running\n",
        at(next + 4, u"[machine M] status-map: \"running\" is not <value>:<word>, e.g. 0:running"_qs));
    row("status-map value twice", kBase + machine + "status-map = 0:idle, 0:running\n",
        at(next + 4, u"[machine M] status-map: the value \"0\" is mapped twice"_qs));
    row("machine metric of an endpoint", kBase + "[machine M]\nline = L\norigin = G/E/D\nstatus-metric = B\n",
        at(next + 3, u"[machine M] status-metric: B of G/E/D is already [endpoint T.B] (line 11)"_qs));
    row("one metric twice in a machine", kBase + machine + "utilization-metric = S\n",
        at(next + 4, u"[machine M] utilization-metric: S of G/E/P is already [machine M] status-metric (line 19)"_qs));
    row("drone metric of a machine",
        kBase + machine + "[drone D]\norigin = G/E/P\nstate-metric = X\nbattery-metric = S\n",
        at(next + 7, u"[drone D] battery-metric: S of G/E/P is already [machine M] status-metric (line 19)"_qs));
    row("drone battery missing", kBase + "[drone D]\norigin = G/E/D1\nstate-metric = S\n",
        at(next, u"[drone D] battery-metric: required"_qs));
    row("drone state-map word", kBase + drone + "state-map = 0:idle, 1:hovering\n",
        at(next + 4,
           u"[drone D1] state-map: \"hovering\" is not idle, flying, charging, maintenance, offline or error"_qs));
    row("drone latitude without longitude", kBase + drone + "latitude-metric = Lat\n",
        at(next + 4, u"[drone D1] latitude-metric: needs longitude-metric as well"_qs));
    row("drone empty metric", kBase + drone + "speed-metric =\n",
        at(next + 4, u"[drone D1] speed-metric: must not be empty (leave the key out instead)"_qs));
    row("drone unknown key", kBase + drone + "heading-metric = H\n",
        at(next + 4,
           u"[drone D1] heading-metric: unknown key (expected one of origin, state-metric, state-map, battery-metric, "
           "latitude-metric, longitude-metric, altitude-metric, speed-metric)"_qs));
}

void TestGatewayConfigFile::machinesAndDrones()
{
    QStringList errors;
    const auto config = read(kBase
                                 + "[machine M1]\nname = Press 1\nline = Line A\norigin = G/E/P1\n"
                                   "status-metric = State\nstatus-map = 0:idle, 1:running, RUN : running, 3:down\n"
                                   "utilization-metric = Load\nproduced-metric = Parts\n"
                                   "[drone WF-D1]\norigin = G/E\nstate-metric = Drone/State\n"
                                   "battery-metric = Drone/Battery\nlatitude-metric = Drone/Lat\n"
                                   "longitude-metric = Drone/Lon\n",
                             &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    const Config &source = config->source();
    QCOMPARE(source.machines.size(), 1);
    const Config::Machine &m = source.machines.first();
    QCOMPARE(m.machineId, QStringLiteral("M1"));
    QCOMPARE(m.name, QStringLiteral("Press 1"));
    QCOMPARE(m.line, QStringLiteral("Line A"));
    QCOMPARE(m.origin, (Config::Origin {QStringLiteral("G"), QStringLiteral("E"), QStringLiteral("P1")}));
    QCOMPARE(m.statusMetric, QStringLiteral("State"));
    QCOMPARE(m.statusMap.size(), 4);
    QCOMPARE(m.statusMap.at(2), (std::pair<QString, QString>(QStringLiteral("RUN"), QStringLiteral("running"))));
    QCOMPARE(m.utilizationMetric, QStringLiteral("Load"));
    QCOMPARE(m.producedMetric, QStringLiteral("Parts"));
    QCOMPARE(source.drones.size(), 1);
    const Config::Drone &d = source.drones.first();
    QCOMPARE(d.serial, QStringLiteral("WF-D1"));
    QCOMPARE(d.origin, (Config::Origin {QStringLiteral("G"), QStringLiteral("E"), {}}));
    QVERIFY(d.stateMap.isEmpty());
    QCOMPARE(d.batteryMetric, QStringLiteral("Drone/Battery"));
    QCOMPARE(d.longitudeMetric, QStringLiteral("Drone/Lon"));
    QVERIFY(d.altitudeMetric.isEmpty());
}

void TestGatewayConfigFile::rejects()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    QStringList errors;
    QString path;
    const auto config = read(content, &errors, &path);
    QStringList prefixed;
    for (const QString &error : std::as_const(expected))
        prefixed.append(path + u':' + error);
    QCOMPARE(errors, prefixed);
    QVERIFY(!config);
}

void TestGatewayConfigFile::reportsEveryErrorInLineOrder()
{
    // Mistakes in every phase: the syntax, a section's own keys, references
    // between sections, and a missing section; reported in line order, the
    // one without a line last.
    const QByteArray content = "[sparkplug]\n" // 1
                               "groups = G\n" // 2
                               "[interlock i]\n" // 3
                               "target = T.Nope\n" // 4
                               "requires = T.N > 1\n" // 5
                               "description = d\n" // 6
                               "[tile T]\n" // 7
                               "colour = blue\n" // 8
                               "[device T/D]\n" // 9
                               "origin = G/E\n" // 10
                               "[endpoint T.N]\n" // 11
                               "device = T/D\n" // 12
                               "metric = N\n" // 13
                               "min = low\n" // 14
                               "max = high\n" // 15
                               "just words\n"; // 16
    QStringList errors;
    QString path;
    QVERIFY(!read(content, &errors, &path));
    const QStringList expected = {
        path + u":4: [interlock i] target: there is no [endpoint T.Nope] section",
        path + u":8: [tile T] colour: unknown key (expected one of name)",
        path + u":14: [endpoint T.N] min: \"low\" is not a number",
        path + u":15: [endpoint T.N] max: \"high\" is not a number",
        path + u":16: expected key = value",
        path + u": [gateway] listen: required, and there is no [gateway] section",
    };
    QCOMPARE(errors, expected);
}

void TestGatewayConfigFile::missingFile()
{
    QStringList errors;
    const QString path = m_dir.filePath(QStringLiteral("absent.ini"));
    QVERIFY(!GatewayConfigFile::read(path, &errors));
    QCOMPARE(errors, QStringList {path + u": cannot read: No such file or directory"});
}

void TestGatewayConfigFile::filesRelativeToTheConfigFolder()
{
    // The configuration in one folder, its files beside it and below it; the
    // test runs from elsewhere, so only the config's folder can resolve them.
    write("alpha viewer\nbravo admin # the shift lead\n", QStringLiteral("site/tokens"));
    write("s3cret\n", QStringLiteral("site/secrets/broker-password"));
    const QString absolute = write("charlie operator\n", QStringLiteral("elsewhere/tokens"));
    QStringList errors;
    const QString good = write(kGateway + "tokens = tokens\n" + kSparkplug + kModel
                                   + "[broker]\nusername = wf\npassword-file = secrets/broker-password\n",
                               QStringLiteral("site/gateway.ini"));
    const auto config = GatewayConfigFile::read(good, &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    QCOMPARE(config->options().tokens.size(), 2);
    QCOMPARE(config->options().tokens.value(QStringLiteral("bravo")), QStringLiteral("admin"));
    QCOMPARE(config->source().broker.username, QStringLiteral("wf"));
    QCOMPARE(config->source().broker.password, QStringLiteral("s3cret"));

    // An absolute path is taken as it is.
    const QString withAbsolute = write(kGateway + "tokens = " + absolute.toUtf8() + '\n' + kSparkplug + kModel,
                                       QStringLiteral("site/gateway3.ini"));
    const auto fromAbsolute = GatewayConfigFile::read(withAbsolute, &errors);
    QVERIFY(fromAbsolute);
    QCOMPARE(fromAbsolute->options().tokens.value(QStringLiteral("charlie")), QStringLiteral("operator"));

    // A file that is not there is named with its resolved path.
    const QString missing = write(kGateway + "tokens = nope\n" + kSparkplug + kModel, QStringLiteral("site/g4.ini"));
    errors.clear();
    QVERIFY(!GatewayConfigFile::read(missing, &errors));
    QCOMPARE(errors,
             QStringList {missing + u":3: [gateway] tokens: " + m_dir.filePath(QStringLiteral("site/nope"))
                          + u": cannot read: No such file or directory"});
    const QString noPassword
        = write(kBase + "[broker]\nusername = wf\npassword-file = pw\n", QStringLiteral("site/g5.ini"));
    errors.clear();
    QVERIFY(!GatewayConfigFile::read(noPassword, &errors));
    QCOMPARE(errors,
             QStringList {noPassword + u":18: [broker] password-file: cannot read "
                          + m_dir.filePath(QStringLiteral("site/pw")) + u": No such file or directory"});
}

void TestGatewayConfigFile::tokensFileAndSection()
{
    const QString tokens = write("alpha viewer\nbravo admin\n", QStringLiteral("both/tokens"));
    const QString path
        = write(kGateway + "tokens = tokens\n" + kSparkplug + kModel + "[tokens]\ncharlie = operator\ndelta = viewer\n",
                QStringLiteral("both/gateway.ini"));
    QStringList errors;
    const auto config = GatewayConfigFile::read(path, &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    const QHash<QString, QString> expected = {
        {u"alpha"_qs, u"viewer"_qs},
        {u"bravo"_qs, u"admin"_qs},
        {u"charlie"_qs, u"operator"_qs},
        {u"delta"_qs, u"viewer"_qs},
    };
    QCOMPARE(config->options().tokens, expected);

    // The same token in both places is a mistake, whichever comes first.
    const QString twice = write("[tokens]\nbravo = viewer\n" + kGateway + "tokens = tokens\n" + kSparkplug + kModel,
                                QStringLiteral("both/twice.ini"));
    errors.clear();
    QVERIFY(!GatewayConfigFile::read(twice, &errors));
    QCOMPARE(errors,
             QStringList {twice + u":2: [tokens] this token is also in the tokens file " + tokens + u" (line 5)"});

    // The tokens file's own mistakes keep its line.
    write("alpha viewer\nbravo boss\n", QStringLiteral("bad/tokens"));
    const QString bad = write(kGateway + "tokens = tokens\n" + kSparkplug + kModel, QStringLiteral("bad/gateway.ini"));
    errors.clear();
    QVERIFY(!GatewayConfigFile::read(bad, &errors));
    QCOMPARE(errors,
             QStringList {bad + u":3: [gateway] tokens: " + m_dir.filePath(QStringLiteral("bad/tokens"))
                          + u":2: role must be viewer, operator or admin, not \"boss\""});
}

void TestGatewayConfigFile::tokensNeverAppearInErrors()
{
    const QByteArray secret = "9f3c2a7e51d04b6a";
    QStringList errors;
    QVERIFY(
        !read(kBase + "[tokens]\n" + secret + " = boss\n" + secret + " = viewer\n" + secret + " = viewer\n", &errors));
    QCOMPARE(errors.size(), 2); // the bad role; the third line repeats the second
    for (const QString &error : std::as_const(errors))
        QVERIFY2(!error.contains(QString::fromUtf8(secret)), qPrintable(error));
    errors.clear();
    QVERIFY(!read(kBase + "[broker]\npassword = " + secret + "\n", &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(!errors.at(0).contains(QString::fromUtf8(secret)), qPrintable(errors.at(0)));
}

void TestGatewayConfigFile::tls()
{
    QTemporaryDir dir;
    QVERIFY2(makeTestCertificate(dir), "the openssl command could not make a certificate");
    const auto writeIn = [&dir](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    writeIn(QStringLiteral("gateway.ini"),
            kGateway + "tls-certificate = cert.pem\n" + "tls-key = key.pem\n" + kSparkplug + kModel);
    QStringList errors;
    const auto config = GatewayConfigFile::read(dir.filePath(QStringLiteral("gateway.ini")), &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    QVERIFY(config->options().tls());
    QVERIFY(!config->options().tlsKey.isNull());

    // The certificate given as the key: the error names the file.
    writeIn(QStringLiteral("swapped.ini"),
            kGateway + "tls-certificate = cert.pem\ntls-key = cert.pem\n" + kSparkplug + kModel);
    errors.clear();
    QVERIFY(!GatewayConfigFile::read(dir.filePath(QStringLiteral("swapped.ini")), &errors));
    QCOMPARE(errors,
             QStringList {dir.filePath(QStringLiteral("swapped.ini")) + u":3: [gateway] tls-certificate: "
                          + dir.filePath(QStringLiteral("cert.pem"))
                          + u": not an unencrypted PEM private key (RSA or EC)"});
}

void TestGatewayConfigFile::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("ms"); // -1: refused

    QTest::newRow("milliseconds") << u"500ms"_qs << 500;
    QTest::newRow("seconds") << u"2s"_qs << 2000;
    QTest::newRow("fraction of a second") << u"1.5s"_qs << 1500;
    QTest::newRow("space before the unit") << u"3 s"_qs << 3000;
    QTest::newRow("minute") << u"1m"_qs << 60'000;
    QTest::newRow("hour") << u"1h"_qs << 3'600'000;
    QTest::newRow("smallest") << u"100ms"_qs << 100;
    QTest::newRow("too small") << u"99ms"_qs << -1;
    QTest::newRow("no unit") << u"10"_qs << -1;
    QTest::newRow("unknown unit") << u"10sec"_qs << -1;
    QTest::newRow("no number") << u"s"_qs << -1;
    QTest::newRow("not whole milliseconds") << u"1.0005s"_qs << -1;
    QTest::newRow("negative") << u"-1s"_qs << -1;
}

void TestGatewayConfigFile::durations()
{
    QFETCH(QString, text);
    QFETCH(int, ms);
    QStringList errors;
    const auto timed
        = read(kGateway + "[sparkplug]\ngroups = G\ncommand-timeout = " + text.toUtf8() + '\n' + kModel, &errors);
    if (ms < 0) {
        QVERIFY(!timed);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.at(0).contains(u":5: [sparkplug] command-timeout: "), qPrintable(errors.at(0)));
    } else {
        QCOMPARE(errors, QStringList());
        QVERIFY(timed);
        QCOMPARE(timed->source().commandTimeoutMs, ms);
    }
}

void TestGatewayConfigFile::quotedValues()
{
    const QByteArray content = kGateway + kSparkplug + kModel
        + "[endpoint T.M]\r\n" // CRLF lines as well
          "device = T/D\r\n"
          "metric = \"Mode # of pump\"\r\n"
          "type = enum\r\n"
          "options = Auto run, Manual, Off\r\n"
          "writable = true\r\n"
          "name = \"  padded  \"\n"
          "[alarm a]\n"
          "endpoint = T.N\n"
          "condition = hi\n"
          "limit = \"90\"\n"
          "message = \"Say \\\"stop\\\"; a \\\\ b # not a comment\"\n"
          "[alarm b]\n"
          "endpoint = T.M\n"
          "condition = equal\n"
          "limit = Auto run\n"
          "[interlock i]\n"
          "target = T.B\n"
          "requires = T.M == \"Auto run\"\n"
          "description = unquoted \"quotes\" stay\n";
    QStringList errors;
    const auto config = read(content, &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    const Config::Endpoint &mode = config->source().tiles.at(0).devices.at(0).endpoints.at(2);
    QCOMPARE(mode.metric, QStringLiteral("Mode # of pump"));
    QCOMPARE(mode.name, QStringLiteral("  padded  "));
    QCOMPARE(mode.options, (QStringList {u"Auto run"_qs, u"Manual"_qs, u"Off"_qs}));
    QVERIFY(mode.writable);
    QCOMPARE(config->source().alarms.at(0).limit, QJsonValue(90.0));
    QCOMPARE(config->source().alarms.at(0).message, QStringLiteral("Say \"stop\"; a \\ b # not a comment"));
    QCOMPARE(config->source().alarms.at(1).kind, Config::AlarmCondition::Kind::Equal);
    QCOMPARE(config->source().alarms.at(1).limit, QJsonValue(u"Auto run"_qs));
    const Config::Interlock &interlock = config->source().interlocks.at(0);
    QCOMPARE(interlock.requiresEndpointId, QStringLiteral("T.M"));
    QCOMPARE(interlock.value, QJsonValue(u"Auto run"_qs));
    QCOMPARE(interlock.description, QStringLiteral("unquoted \"quotes\" stay"));
}

void TestGatewayConfigFile::commentsAndBlankLines()
{
    // A byte-order mark, comments with # and ;, indented ones, blank lines;
    // a '#' after a value is part of it.
    const QByteArray content = "\xef\xbb\xbf# watchfloor-gateway\n"
                               "; an older habit\n"
                               "\n"
                               "   \t\n"
        + kGateway + "    # indented\n" + "\t; indented with a tab\n" + kSparkplug + kModel
        + "[tile U]\n"
          "name = Tank # two\n"
          "[tile V]\n"
          "name = ; not a comment either\n";
    QStringList errors;
    const auto config = read(content, &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    QCOMPARE(config->source().tiles.size(), 3);
    QCOMPARE(config->source().tiles.at(1).name, QStringLiteral("Tank # two"));
    QCOMPARE(config->source().tiles.at(2).name, QStringLiteral("; not a comment either"));

    // The lines of the mistakes still count the comments and blank lines.
    QString path;
    QVERIFY(!read("# one\n; two\n\n" + kBase + "[tile U]\ncolor = red\n", &errors, &path));
    QCOMPARE(errors.last(), path + u":20: [tile U] color: unknown key (expected one of name)");
}

void TestGatewayConfigFile::gatewayLimits()
{
    const QByteArray content = "[gateway]\n"
                               "listen = [::]:9000\n"
                               "name = plant-gw\n"
                               "heartbeat = 20s\n"
                               "auth-timeout = 3s\n"
                               "max-connections = 7\n"
                               "message-rate = 2.5\n"
                               "message-burst = 9\n"
                               "max-subscriptions = 11\n"
                               "max-frame-bytes = 2048\n"
                               "malformed-limit = 3\n"
                               "max-send-buffer-bytes = 100000\n"
                               "max-body-bytes = 4096\n"
                               "replay-events = 123\n"
                               "replay-age = 2m\n"
                               "max-waiting-sessions = 5\n"
                               "max-waiting-sessions-per-token = 2\n"
        + kSparkplug + kModel
        + "[broker]\nhost = broker.plant.example\nport = 8883\nclient-id = gw-1\nkeep-alive = 1m\n"
          "username = wf\npassword = \" pass word \"\n";
    QStringList errors;
    const auto config = read(content, &errors);
    QCOMPARE(errors, QStringList());
    QVERIFY(config);
    const GatewayOptions &o = config->options();
    QCOMPARE(o.host, QHostAddress(QHostAddress::AnyIPv6));
    QCOMPARE(o.port, quint16(9000));
    QCOMPARE(o.serverName, QStringLiteral("plant-gw"));
    QCOMPARE(o.heartbeatMs, 20'000);
    QCOMPARE(o.authTimeoutMs, 3000);
    QCOMPARE(o.maxConnections, 7);
    QCOMPARE(o.messagesPerSecond, 2.5);
    QCOMPARE(o.messageBurst, 9);
    QCOMPARE(o.maxSubscriptions, 11);
    QCOMPARE(o.maxFrameBytes, qint64(2048));
    QCOMPARE(o.malformedLimit, 3);
    QCOMPARE(o.maxSendBufferBytes, qint64(100'000));
    QCOMPARE(o.maxBodyBytes, qint64(4096));
    QCOMPARE(o.replayEvents, qsizetype(123));
    QCOMPARE(o.replayAgeMs, qint64(120'000));
    QCOMPARE(o.maxWaitingSessions, 5);
    QCOMPARE(o.maxWaitingSessionsPerToken, 2);
    const Config::Broker &broker = config->source().broker;
    QCOMPARE(broker.host, QStringLiteral("broker.plant.example"));
    QCOMPARE(broker.port, quint16(8883));
    QCOMPARE(broker.clientId, QStringLiteral("gw-1"));
    QCOMPARE(broker.keepAliveSeconds, 60);
    QCOMPARE(broker.username, QStringLiteral("wf"));
    QCOMPARE(broker.password, QStringLiteral(" pass word "));
}

QTEST_GUILESS_MAIN(TestGatewayConfigFile)
#include "tst_gatewayconfigfile.moc"
