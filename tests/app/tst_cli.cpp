#include "app/pinhash.h"
#include "app/profile.h"
#include "simserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The administrator's side of the console: the installed program run as a
// separate process, with its exit codes and what it prints.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void checkBuiltInDemo();
    void checkUserProfileByName();
    void checkFailsWithExitOne();
    void invalidProfileNamesFileLineAndKey();
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
    // Runs the console without blocking this event loop, which serves the
    // in-process simulator meanwhile.
    static Run run(const QStringList &arguments, const QByteArray &input = {});
    static QString userProfiles();
    static void writeProfile(const QString &path, const QByteArray &content);
};

TestCli::Run TestCli::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    // The workstation's folder is the test's own: what a package installed
    // on this machine must not change the answers.
    static QTemporaryDir systemProfiles;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("WATCHFLOOR_SYSTEM_PROFILES"), systemProfiles.path());
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(WATCHFLOOR_BINARY), arguments);
    if (!process.waitForStarted(10000))
        qFatal("cannot start %s", WATCHFLOOR_BINARY);
    process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(60000))
        qFatal("watchfloor %s did not finish", qPrintable(arguments.join(u' ')));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString TestCli::userProfiles()
{
    // The test runner gives every test its own XDG_CONFIG_HOME; the child inherits it.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/watchfloor/profiles");
}

void TestCli::writeProfile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

void TestCli::version()
{
    const Run r = run({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("watchfloor " WATCHFLOOR_VERSION));
}

void TestCli::checkBuiltInDemo()
{
    // No profile file anywhere: the built-in demo starts its simulator.
    QFile::remove(userProfiles() + QStringLiteral("/demo.ini"));
    const Run r = run({QStringLiteral("--check-profile"), QStringLiteral("demo")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QStringList lines = r.out.trimmed().split(u'\n');
    QCOMPARE(lines.first(), QStringLiteral("profile: :/profiles/demo.ini"));
    QVERIFY2(r.out.contains(QStringLiteral("(the built-in simulator)")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("entities: drones 12, machines 24, tiles 2")), qPrintable(r.out));
    QCOMPARE(lines.last(), QStringLiteral("result: OK"));
}

void TestCli::checkUserProfileByName()
{
    SimOptions options;
    options.drones = 3;
    options.machines = 2;
    options.tiles = 1;
    options.tokens = {{QStringLiteral("line-token"), QStringLiteral("viewer")}};
    SimServer sim(options);
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    const QString path = userProfiles() + QStringLiteral("/line3.ini");
    writeProfile(path, "[server]\nurl=" + sim.url().toUtf8() + "\ntoken=line-token\n[operator]\nname=night\n");

    const Run r = run({QStringLiteral("--check-profile"), QStringLiteral("line3")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("profile: ") + path + u'\n'), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("role: viewer")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("entities: drones 3, machines 2, tiles 1")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("dialect: watchfloor")), qPrintable(r.out));
}

void TestCli::checkFailsWithExitOne()
{
    SimOptions options;
    options.tokens = {{QStringLiteral("right"), QStringLiteral("operator")}};
    SimServer sim(options);
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    const QString path = userProfiles() + QStringLiteral("/wrong-token.ini");
    writeProfile(path, "[server]\nurl=" + sim.url().toUtf8() + "\ntoken=wrong\n");

    const Run r = run({QStringLiteral("--check-profile"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("authenticate: FAILED")), qPrintable(r.out));
    QVERIFY2(r.out.trimmed().endsWith(QStringLiteral("result: FAILED")), qPrintable(r.out));
}

void TestCli::invalidProfileNamesFileLineAndKey()
{
    const QString path = userProfiles() + QStringLiteral("/typo.ini");
    writeProfile(path, "[server]\nurl=ws://plant-gw:8765/ws\ncolour=blue\n");
    // Validation comes first, before any connection, for checks and for the console.
    for (const QStringList &arguments : {QStringList {QStringLiteral("--check-profile"), QStringLiteral("typo")},
                                         QStringList {QStringLiteral("--profile"), QStringLiteral("typo")}}) {
        const Run r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(":3: [server] colour: unknown key")), qPrintable(r.err));
    }
}

void TestCli::unknownProfileName()
{
    const Run r = run({QStringLiteral("--profile"), QStringLiteral("nowhere")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("no profile \"nowhere\": not in ") + userProfiles()), qPrintable(r.err));
}

void TestCli::listProfiles()
{
    writeProfile(userProfiles() + QStringLiteral("/alpha.ini"), "[server]\nurl=ws://a:1/ws\n");
    writeProfile(userProfiles() + QStringLiteral("/broken.ini"), "[server]\nurl=http://a/\n");
    const Run r = run({QStringLiteral("--list-profiles")});
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

void TestCli::hashPinMakesAProfileLine()
{
    // From a pipe (an administrator's script) the PIN is read once.
    const Run r = run({QStringLiteral("--hash-pin")}, "4711\n");
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

void TestCli::kioskIgnoresPausedLiveUpdates()
{
    SimOptions options;
    options.drones = 2;
    SimServer sim(options);
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
    const Run r = run({QStringLiteral("--profile"), QStringLiteral("floor"), QStringLiteral("--screenshot"), shot});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(shot));
}

void TestCli::hashPinRefusesAShortPin()
{
    const Run r = run({QStringLiteral("--hash-pin")}, "12\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("4")), qPrintable(r.err)); // says how long a PIN must be
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
