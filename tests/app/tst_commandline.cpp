#include "config/pinhash.h"
#include "config/profile.h"
#include "mqttclient.h"
#include "simhost.h"
#include "support/mosquittobroker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

// The two executables as an administrator or ./run uses them: run as
// separate processes, with their exit codes and what they print.
class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoScreenshotAfterLiveData();
    void versionAndHelp();
    void refusesAmbiguousOrMissingSource();
    void wrongOptionIsAUsageErrorInEveryProgram_data();
    void wrongOptionIsAUsageErrorInEveryProgram();
    void badProfileNamesFileLineAndKey();
    void simulatorRejectsBadOptions_data();
    void simulatorRejectsBadOptions();
    void simulatorClosesCleanlyOnSigterm();
    void gatewayChecksItsConfiguration();
    void gatewaySaysGoodbyeToBrokerAndConsolesOnSigterm();
    void checkBuiltInDemo();
    void checkUserProfileByName();
    void checkFailsWithExitOne();
    void unknownProfileName();
    void listProfiles();
    void hashPinMakesAProfileLine();
    void kioskIgnoresPausedLiveUpdates();
    void hashPinRefusesAShortPin();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs a program without blocking this event loop, which serves an
    // in-process simulator meanwhile; `input` goes to its standard input.
    static Run run(const QString &program, const QStringList &args, const QByteArray &input = {},
                   int timeoutMs = 60000);
    static QString userProfiles();
    static void writeProfile(const QString &path, const QByteArray &content);
    QTemporaryDir m_dir;
};

TestCommandLine::Run TestCommandLine::run(const QString &program, const QStringList &args, const QByteArray &input,
                                          int timeoutMs)
{
    QProcess p;
    // The workstation's profile folder is the test's own: what a package
    // installed on this machine must not change the answers.
    static QTemporaryDir systemProfiles;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("WATCHFLOOR_SYSTEM_PROFILES"), systemProfiles.path());
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(program, args);
    if (!p.waitForStarted()) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    p.write(input);
    p.closeWriteChannel();
    if (!finished.wait(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestCommandLine::demoScreenshotAfterLiveData()
{
    const QString path = m_dir.filePath(QStringLiteral("shots/demo.png"));
    const Run r
        = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--demo"), QStringLiteral("--screenshot"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), path); // prints where it saved the picture
    const QImage shot(path);
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.size(), QSize(1280, 800)); // whatever the (offscreen) screen's size
}

void TestCommandLine::versionAndHelp()
{
    const Run version = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QStringLiteral("watchfloor " WATCHFLOOR_VERSION));

    const Run help = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *option : {"--profile", "--demo", "--screenshot", "--kiosk", "--list-profiles", "--check-profile",
                               "--hash-pin", "--diagnostics"})
        QVERIFY2(help.out.contains(QLatin1StringView(option)), option);
    // For test tools only: not offered to operators.
    QVERIFY(!help.out.contains(QLatin1StringView("--control-socket")));

    const Run simHelp = run(QStringLiteral(WATCHFLOOR_SIM_PATH), {QStringLiteral("--help")});
    QCOMPARE(simHelp.exitCode, 0);
    for (const char *option : {"--host", "--port", "--drones", "--rate", "--token", "--seed", "--heartbeat-ms"})
        QVERIFY2(simHelp.out.contains(QLatin1StringView(option)), option);
}

void TestCommandLine::refusesAmbiguousOrMissingSource()
{
    const Run none = run(QStringLiteral(WATCHFLOOR_PATH), {});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("give --profile NAME or --demo")), qPrintable(none.err));

    const Run both = run(QStringLiteral(WATCHFLOOR_PATH),
                         {QStringLiteral("--demo"), QStringLiteral("--profile"), QStringLiteral("x.ini")});
    QCOMPARE(both.exitCode, 2);
}

void TestCommandLine::wrongOptionIsAUsageErrorInEveryProgram_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList unknown {QStringLiteral("--bogus")};
    const QString unknownSaid = QStringLiteral("Unknown option 'bogus'.");
    QTest::newRow("console") << QStringLiteral(WATCHFLOOR_PATH) << unknown << unknownSaid;
    QTest::newRow("simulator") << QStringLiteral(WATCHFLOOR_SIM_PATH) << unknown << unknownSaid;
    QTest::newRow("gateway") << QStringLiteral(WATCHFLOOR_GATEWAY_PATH) << unknown << unknownSaid;
    QTest::newRow("chaos") << QStringLiteral(WATCHFLOOR_CHAOS_PATH) << unknown << unknownSaid;
    QTest::newRow("simulator, value missing")
        << QStringLiteral(WATCHFLOOR_SIM_PATH) << QStringList {QStringLiteral("--port")}
        << QStringLiteral("Missing value after '--port'.");
    QTest::newRow("gateway, value missing")
        << QStringLiteral(WATCHFLOOR_GATEWAY_PATH) << QStringList {QStringLiteral("--config")}
        << QStringLiteral("Missing value after '--config'.");
}

// Their man pages promise 2 for a wrong command line, whichever program.
void TestCommandLine::wrongOptionIsAUsageErrorInEveryProgram()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(program, args);
    QCOMPARE(r.exitCode, 2);
    const QString name = QFileInfo(program).fileName();
    QVERIFY2(r.err.contains(name + QStringLiteral(": ") + message), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Try '%1 --help'.").arg(name)), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
}

void TestCommandLine::badProfileNamesFileLineAndKey()
{
    const QString path = m_dir.filePath(QStringLiteral("typo.ini"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[server]\nurl=ws://127.0.0.1:1/ws\nurll=ws://x/ws\n");
    f.close();
    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--profile"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path + QStringLiteral(":3: [server] urll: unknown key")), qPrintable(r.err));

    // By name, from the user's folder: validation comes first, before any
    // connection, for checks and for the console.
    const QString named = userProfiles() + QStringLiteral("/typo.ini");
    writeProfile(named, "[server]\nurl=ws://plant-gw:8765/ws\ncolour=blue\n");
    for (const QStringList &arguments : {QStringList {QStringLiteral("--check-profile"), QStringLiteral("typo")},
                                         QStringList {QStringLiteral("--profile"), QStringLiteral("typo")}}) {
        const Run byName = run(QStringLiteral(WATCHFLOOR_PATH), arguments);
        QCOMPARE(byName.exitCode, 2);
        QVERIFY2(byName.err.contains(named + QStringLiteral(":3: [server] colour: unknown key")),
                 qPrintable(byName.err));
    }
}

void TestCommandLine::simulatorRejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("port") << QStringList {QStringLiteral("--port"), QStringLiteral("70000")}
                          << QStringLiteral("--port");
    QTest::newRow("drones") << QStringList {QStringLiteral("--drones"), QStringLiteral("-3")}
                            << QStringLiteral("--drones");
    QTest::newRow("rate") << QStringList {QStringLiteral("--rate"), QStringLiteral("fast")} << QStringLiteral("--rate");
    QTest::newRow("host") << QStringList {QStringLiteral("--host"), QStringLiteral("plant")}
                          << QStringLiteral("--host");
    QTest::newRow("scenario") << QStringList {QStringLiteral("--scenario"), QStringLiteral("alarm-flood,meteor")}
                              << QStringLiteral("\"meteor\" is not one of");
    QTest::newRow("failure rate") << QStringList {QStringLiteral("--command-failure-rate"), QStringLiteral("1.5")}
                                  << QStringLiteral("--command-failure-rate");
    QTest::newRow("tokens file") << QStringList {QStringLiteral("--tokens-file"), QStringLiteral("/nonexistent/tokens")}
                                 << QStringLiteral("--tokens-file: /nonexistent/tokens: cannot read");
}

void TestCommandLine::simulatorRejectsBadOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringLiteral(WATCHFLOOR_SIM_PATH), args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCommandLine::simulatorClosesCleanlyOnSigterm()
{
    QProcess sim;
    sim.start(QStringLiteral(WATCHFLOOR_SIM_PATH), {QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(sim.waitForStarted());
    QTRY_VERIFY(sim.canReadLine());
    const QString url = QString::fromUtf8(sim.readLine()).trimmed().section(u' ', -1);
    QVERIFY2(url.startsWith(QStringLiteral("ws://127.0.0.1:")), qPrintable(url));

    QWebSocket console;
    int closeCode = 0;
    connect(&console, &QWebSocket::disconnected, this, [&] { closeCode = int(console.closeCode()); });
    console.open(QUrl(url));
    QTRY_COMPARE(console.state(), QAbstractSocket::ConnectedState);

    sim.terminate(); // SIGTERM
    QTRY_COMPARE(closeCode, 1001); // going away: reconnect later or elsewhere
    QTRY_COMPARE(sim.state(), QProcess::NotRunning);
    QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sim.exitCode(), 0);
    QVERIFY(sim.readAllStandardError().contains("event=shutdown reason=signal"));
}

namespace {

// The example configuration with its ports replaced.
QByteArray gatewayConfig(quint16 listenPort, quint16 brokerPort)
{
    QFile example(QStringLiteral(WATCHFLOOR_SOURCE_DIR "/packaging/gateway/gateway.ini"));
    if (!example.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(example.readAll());
    text.replace(QRegularExpression(QStringLiteral("^listen = .*$"), QRegularExpression::MultilineOption),
                 QStringLiteral("listen = 127.0.0.1:%1").arg(listenPort));
    text.replace(QRegularExpression(QStringLiteral("^port = 1883$"), QRegularExpression::MultilineOption),
                 QStringLiteral("port = %1").arg(brokerPort));
    return text.toUtf8();
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

} // namespace

void TestCommandLine::gatewayChecksItsConfiguration()
{
    const QString good = m_dir.filePath(QStringLiteral("gateway.ini"));
    writeProfile(good, gatewayConfig(8765, 1883));
    const Run ok = run(QStringLiteral(WATCHFLOOR_GATEWAY_PATH),
                       {QStringLiteral("--config"), good, QStringLiteral("--check-config")});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QVERIFY2(ok.out.contains(QStringLiteral(": valid")), qPrintable(ok.out));
    QVERIFY2(ok.out.contains(QStringLiteral("groups Plant1")), qPrintable(ok.out));

    // Two mistakes: both reported with their lines, exit 2, nothing served.
    const QString bad = m_dir.filePath(QStringLiteral("broken.ini"));
    writeProfile(bad,
                 gatewayConfig(8765, 1883)
                     .replace("[tile Tank1]", "[tile Tank1]\ncolour = red")
                     .replace("keep-alive = 10s", "keep-alive = soon"));
    const Run refused = run(QStringLiteral(WATCHFLOOR_GATEWAY_PATH), {QStringLiteral("--config"), bad});
    QCOMPARE(refused.exitCode, 2);
    const QStringList lines = refused.err.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    for (const QString &line : lines) {
        QVERIFY2(QRegularExpression(QStringLiteral("^watchfloor-gateway: .*broken\\.ini:[0-9]+: \\["))
                     .match(line)
                     .hasMatch(),
                 qPrintable(line));
    }
    QVERIFY(refused.err.contains(QStringLiteral("keep-alive")));
    QVERIFY(refused.err.contains(QStringLiteral("colour")));
}

void TestCommandLine::gatewaySaysGoodbyeToBrokerAndConsolesOnSigterm()
{
    MosquittoBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.log()));
    const quint16 port = freeLoopbackPort();
    QVERIFY(port != 0);
    const QString config = m_dir.filePath(QStringLiteral("serving.ini"));
    writeProfile(config, gatewayConfig(port, broker.port()));
    QProcess gateway;
    gateway.start(QStringLiteral(WATCHFLOOR_GATEWAY_PATH), {QStringLiteral("--config"), config});
    QVERIFY(gateway.waitForStarted());
    QTRY_VERIFY(gateway.canReadLine());
    const QString url = QString::fromUtf8(gateway.readLine()).trimmed().section(u' ', -1);
    QCOMPARE(url, QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));

    // Someone watching the host's STATE: online once the gateway is connected.
    MqttClientSettings settings;
    settings.port = broker.port();
    MqttClient watcher(settings);
    QList<QByteArray> states;
    connect(&watcher, &MqttClient::messageReceived, this,
            [&states](const QString &, const QByteArray &payload) { states.append(payload); });
    watcher.subscribe(QStringLiteral("spBv1.0/STATE/watchfloor"), 1);
    QVERIFY(watcher.open());
    QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty() && states.last().contains("\"online\":true"), 10000);

    QWebSocket console;
    int closeCode = 0;
    connect(&console, &QWebSocket::disconnected, this, [&] { closeCode = int(console.closeCode()); });
    console.open(QUrl(url));
    QTRY_COMPARE(console.state(), QAbstractSocket::ConnectedState);

    gateway.terminate(); // SIGTERM
    QTRY_COMPARE(closeCode, 1001);
    QTRY_COMPARE(gateway.state(), QProcess::NotRunning);
    QCOMPARE(gateway.exitStatus(), QProcess::NormalExit);
    QCOMPARE(gateway.exitCode(), 0);
    // It said goodbye itself, with the timestamp of its online STATE.
    QTRY_VERIFY_WITH_TIMEOUT(states.last().contains("\"online\":false"), 5000);
    const auto timestampOf = [](const QByteArray &state) {
        return QJsonDocument::fromJson(state).object().value(u"timestamp").toInteger();
    };
    QCOMPARE(timestampOf(states.last()), timestampOf(states.at(states.size() - 2)));
}

QString TestCommandLine::userProfiles()
{
    // The test runner gives every test its own XDG_CONFIG_HOME; the child inherits it.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/watchfloor/profiles");
}

void TestCommandLine::writeProfile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

void TestCommandLine::checkBuiltInDemo()
{
    // No profile file anywhere: the built-in demo starts its simulator.
    QFile::remove(userProfiles() + QStringLiteral("/demo.ini"));
    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--check-profile"), QStringLiteral("demo")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QStringList lines = r.out.trimmed().split(u'\n');
    QCOMPARE(lines.first(), QStringLiteral("profile: :/profiles/demo.ini"));
    QVERIFY2(r.out.contains(QStringLiteral("(the built-in simulator)")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("entities: drones 12, machines 24, tiles 2")), qPrintable(r.out));
    QCOMPARE(lines.last(), QStringLiteral("result: OK"));
}

void TestCommandLine::checkUserProfileByName()
{
    SimOptions options;
    options.drones = 3;
    options.machines = 2;
    options.tiles = 1;
    options.tokens = {{QStringLiteral("line-token"), QStringLiteral("viewer")}};
    SimHost sim(options);
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    const QString path = userProfiles() + QStringLiteral("/line3.ini");
    writeProfile(path, "[server]\nurl=" + sim.url().toUtf8() + "\ntoken=line-token\n[operator]\nname=night\n");

    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--check-profile"), QStringLiteral("line3")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("profile: ") + path + u'\n'), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("role: viewer")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("entities: drones 3, machines 2, tiles 1")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("dialect: watchfloor")), qPrintable(r.out));
}

void TestCommandLine::checkFailsWithExitOne()
{
    SimOptions options;
    options.tokens = {{QStringLiteral("right"), QStringLiteral("operator")}};
    SimHost sim(options);
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    const QString path = userProfiles() + QStringLiteral("/wrong-token.ini");
    writeProfile(path, "[server]\nurl=" + sim.url().toUtf8() + "\ntoken=wrong\n");

    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--check-profile"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("authenticate: FAILED")), qPrintable(r.out));
    QVERIFY2(r.out.trimmed().endsWith(QStringLiteral("result: FAILED")), qPrintable(r.out));
}

void TestCommandLine::unknownProfileName()
{
    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--profile"), QStringLiteral("nowhere")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("no profile \"nowhere\": not in ") + userProfiles()), qPrintable(r.err));
}

void TestCommandLine::listProfiles()
{
    writeProfile(userProfiles() + QStringLiteral("/alpha.ini"), "[server]\nurl=ws://a:1/ws\n");
    writeProfile(userProfiles() + QStringLiteral("/broken.ini"), "[server]\nurl=http://a/\n");
    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--list-profiles")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(u'\n');
    QVERIFY2(lines.first().startsWith(QStringLiteral("NAME")), qPrintable(r.out));
    auto lineOf = [&](const QString &name) {
        for (const QString &line : lines) {
            if (line.startsWith(name + u' '))
                return line;
        }
        return QString();
    };
    QVERIFY2(lineOf(QStringLiteral("alpha")).contains(QStringLiteral("user")), qPrintable(r.out));
    QVERIFY2(lineOf(QStringLiteral("alpha")).contains(userProfiles() + QStringLiteral("/alpha.ini")),
             qPrintable(r.out));
    QVERIFY2(lineOf(QStringLiteral("broken")).contains(QStringLiteral("(invalid: run --check-profile broken)")),
             qPrintable(r.out));
    QVERIFY2(lineOf(QStringLiteral("demo")).contains(QStringLiteral("built-in")), qPrintable(r.out));
}

void TestCommandLine::hashPinMakesAProfileLine()
{
    // From a pipe (an administrator's script) the PIN is read once.
    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--hash-pin")}, "4711\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString line = r.out.trimmed();
    QVERIFY2(line.startsWith(QStringLiteral("exit-pin-hash=pbkdf2-sha256:")), qPrintable(line));
    QVERIFY(!line.contains(QStringLiteral("4711")));
    const QString hash = line.mid(line.indexOf(u'=') + 1);
    QVERIFY(PinHash::verify(QStringLiteral("4711"), hash));
    QVERIFY(!PinHash::verify(QStringLiteral("4712"), hash));

    // The printed line is what the profile's [kiosk] section takes.
    const QString path = userProfiles() + QStringLiteral("/floor.ini");
    writeProfile(path, "[server]\nurl=ws://h:1/ws\n[kiosk]\nenabled=true\n" + line.toUtf8() + "\n");
    QString error;
    const auto profile = Profile::load(path, &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->kiosk.exitPinHash, hash);
}

void TestCommandLine::kioskIgnoresPausedLiveUpdates()
{
    SimOptions options;
    options.drones = 2;
    SimHost sim(options);
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    const QString profile = userProfiles() + QStringLiteral("/floor.ini");
    writeProfile(profile, "[server]\nurl=" + sim.url().toUtf8() + "\n[kiosk]\nenabled=true\n");
    // Someone once paused live updates for this profile on this machine.
    {
        QSettings settings(QStringLiteral("Watchfloor"), QStringLiteral("watchfloor"));
        settings.setValue(QStringLiteral("preferences/floor/live-updates"), QStringLiteral("false"));
    }
    // A floor screen must show live data anyway: the screenshot waits for it.
    const QString shot = QDir(userProfiles()).filePath(QStringLiteral("floor.png"));
    const Run r = run(QStringLiteral(WATCHFLOOR_PATH),
                      {QStringLiteral("--profile"), QStringLiteral("floor"), QStringLiteral("--screenshot"), shot});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(shot));
}

void TestCommandLine::hashPinRefusesAShortPin()
{
    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--hash-pin")}, "12\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("4")), qPrintable(r.err)); // says how long a PIN must be
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
