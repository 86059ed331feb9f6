#include "app/profile.h"

#include <QTemporaryDir>
#include <QTest>

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsServerTokenAndOperator();
    void rejects_data();
    void rejects();
    void missingFileIsAnError();
    void serversInOrderTokenFileAndCaFile();
    void tokenFromEnvironment();
    void connectionSettings();
    void dataSettings();
    void notificationDefaults();
    void rejectsNotifications_data();
    void rejectsNotifications();
    void commandSettings();
    void rejectsCommands_data();
    void rejectsCommands();

private:
    QString write(const QByteArray &content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestProfile::write(const QByteArray &content)
{
    QString path = m_dir.filePath(QStringLiteral("profile%1.ini").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

void TestProfile::loadsServerTokenAndOperator()
{
    const QString path = write("# line 1 is a comment\n"
                               "[server]\n"
                               "url = wss://plant-gw.example:8765/ws\n"
                               "token=s3cret=with=equals\n"
                               "\n"
                               "[operator]\n"
                               "name=alice\n");
    QString error;
    const auto profile = Profile::load(path, &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->connection.url, QUrl(QStringLiteral("wss://plant-gw.example:8765/ws")));
    QCOMPARE(profile->connection.token, QStringLiteral("s3cret=with=equals"));
    QCOMPARE(profile->connection.operatorName, QStringLiteral("alice"));
    QCOMPARE(profile->name, QStringLiteral("profile%1").arg(m_files));
}

void TestProfile::rejects_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // part of the message

    QTest::newRow("unknown key") << QByteArray("[server]\nurl=ws://h/ws\ntokne=x\n")
                                 << QStringLiteral(":3: [server] tokne: unknown key");
    QTest::newRow("unknown section") << QByteArray("[servr]\nurl=ws://h/ws\n")
                                     << QStringLiteral(":1: unknown section [servr]");
    QTest::newRow("http url") << QByteArray("[server]\nurl=http://h/ws\n") << QStringLiteral(":2: [server] url:");
    QTest::newRow("url without host") << QByteArray("[server]\nurl=ws:///ws\n") << QStringLiteral(":2: [server] url:");
    QTest::newRow("no url") << QByteArray("[operator]\nname=bob\n") << QStringLiteral("[server] url is required");
    QTest::newRow("not key=value") << QByteArray("[server]\nurl\n") << QStringLiteral(":2: expected key=value");
    QTest::newRow("broken header") << QByteArray("[server\n") << QStringLiteral(":1: malformed section header");
    QTest::newRow("unknown dialect") << QByteArray("[server]\nurl=ws://h/ws\ndialect=mqtt\n")
                                     << QStringLiteral(":3: [server] dialect: \"mqtt\" is not one of");
    QTest::newRow("key outside section") << QByteArray("url=ws://h/ws\n") << QStringLiteral(":1: [] url: unknown key");
}

void TestProfile::rejects()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = write(content);
    QString error;
    QVERIFY(!Profile::load(path, &error));
    QVERIFY2(error.startsWith(path), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestProfile::missingFileIsAnError()
{
    QString error;
    QVERIFY(!Profile::load(m_dir.filePath(QStringLiteral("nope.ini")), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot read the profile")), qPrintable(error));
}

void TestProfile::serversInOrderTokenFileAndCaFile()
{
    QFile token(m_dir.filePath(QStringLiteral("site.token")));
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write("  s3cret-from-file\n");
    token.close();
    QFile ca(m_dir.filePath(QStringLiteral("plant-ca.pem")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write("-----BEGIN CERTIFICATE-----\n");
    ca.close();
    const QString path = write("[server]\n"
                               "url=wss://primary.example:8765/ws\n"
                               "url=wss://second.example:8765/ws\n"
                               "url=wss://third.example:8765/ws\n"
                               "token-file=site.token\n"
                               "dialect=socketio\n"
                               "ca-file=plant-ca.pem\n");
    QString error;
    const auto profile = Profile::load(path, &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->connection.url, QUrl(QStringLiteral("wss://primary.example:8765/ws")));
    QCOMPARE(profile->connection.fallbackUrls,
             (QList<QUrl> {QUrl(QStringLiteral("wss://second.example:8765/ws")),
                           QUrl(QStringLiteral("wss://third.example:8765/ws"))}));
    QCOMPARE(profile->connection.token, QStringLiteral("s3cret-from-file")); // relative to the profile, trimmed
    QCOMPARE(profile->connection.caFile, m_dir.filePath(QStringLiteral("plant-ca.pem")));
    QCOMPARE(profile->connection.dialect, ConnectionSettings::Dialect::SocketIo);

    QString missing;
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\ntoken-file=nope.token\n"), &missing));
    QVERIFY2(missing.contains(QStringLiteral(":3: [server] token-file: cannot read the token file")),
             qPrintable(missing));
    QString twice;
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\ntoken=a\ntoken-file=site.token\n"), &twice));
    QVERIFY2(twice.contains(QStringLiteral(":4: [server] token-file: the token is already given by token")),
             qPrintable(twice));
    QString noCa;
    QVERIFY(!Profile::load(write("[server]\nurl=wss://h/ws\nca-file=absent.pem\n"), &noCa));
    QVERIFY2(noCa.contains(QStringLiteral(":3: [server] ca-file: cannot read the CA file")), qPrintable(noCa));
}

void TestProfile::tokenFromEnvironment()
{
    qputenv("WATCHFLOOR_TEST_TOKEN", "from-env");
    QString error;
    const auto profile = Profile::load(write("[server]\nurl=ws://h/ws\ntoken-env=WATCHFLOOR_TEST_TOKEN\n"), &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->connection.token, QStringLiteral("from-env"));
    qunsetenv("WATCHFLOOR_TEST_TOKEN");
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\ntoken-env=WATCHFLOOR_TEST_TOKEN\n"), &error));
    QVERIFY2(error.contains(QStringLiteral("the environment variable WATCHFLOOR_TEST_TOKEN is not set")),
             qPrintable(error));
}

void TestProfile::connectionSettings()
{
    QString error;
    const auto profile = Profile::load(write("[server]\nurl=ws://h/ws\n"
                                             "[connection]\n"
                                             "backoff-base-ms=250\n"
                                             "backoff-cap-ms=10000\n"
                                             "max-attempts=5\n"
                                             "polling-fallback=false\n"
                                             "stable-after-ms=2000\n"),
                                       &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->connection.backoffBaseMs, 250);
    QCOMPARE(profile->connection.backoffCapMs, 10000);
    QCOMPARE(profile->connection.maxAttempts, 5); // seed 000's "max 5 attempts"
    QCOMPARE(profile->connection.pollingFallback, false);
    QCOMPARE(profile->connection.stableAfterMs, 2000);
    QCOMPARE(ConnectionSettings().maxAttempts, 0); // unlimited unless the profile says

    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[connection]\nbackoff-base-ms=fast\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":4: [connection] backoff-base-ms: expected a whole number")),
             qPrintable(error));
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[connection]\nretries=3\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":4: [connection] retries: unknown key")), qPrintable(error));
}

void TestProfile::dataSettings()
{
    QString error;
    const auto profile = Profile::load(write("[server]\nurl=ws://h/ws\n"
                                             "[data]\n"
                                             "frame-ms=16\n"
                                             "drone-period-ms=2000\n"
                                             "machine-period-ms=7000\n"
                                             "endpoint-period-ms=30000\n"
                                             "health-period-ms=60000\n"
                                             "history-samples=50\n"),
                                       &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->session.frameMs, 16);
    QCOMPARE(profile->session.dronePeriodMs, 2000);
    QCOMPARE(profile->session.machinePeriodMs, 7000);
    QCOMPARE(profile->session.endpointPeriodMs, 30000);
    QCOMPARE(profile->session.healthPeriodMs, 60000);
    QCOMPARE(profile->session.historySamples, 50);
    QCOMPARE(SessionSettings().endpointPeriodMs, 10000); // the defaults stand unless the profile says
    QVERIFY(!profile->requireAckNote);

    const auto strict = Profile::load(write("[server]\nurl=ws://h/ws\n[alarms]\nrequire-note=true\n"), &error);
    QVERIFY2(strict, qPrintable(error));
    QVERIFY(strict->requireAckNote);
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[alarms]\nrequire-note=yes\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":4: [alarms] require-note: expected true or false")), qPrintable(error));

    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[data]\nframe-ms=0\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":4: [data] frame-ms: expected a whole number from 1 to 1000")),
             qPrintable(error));
    // Keys of one section are not accepted in another.
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[data]\nheartbeat-ms=1000\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":4: [data] heartbeat-ms: unknown key")), qPrintable(error));
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[connection]\nframe-ms=10\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":4: [connection] frame-ms: unknown key")), qPrintable(error));
}

void TestProfile::notificationDefaults()
{
    QString error;
    const auto plain = Profile::load(write("[server]\nurl=ws://h/ws\n"), &error);
    QVERIFY2(plain, qPrintable(error));
    QCOMPARE(plain->preferenceDefaults, Preferences()); // nothing said: the built-in defaults

    const auto profile = Profile::load(write("[server]\nurl=ws://h/ws\n"
                                             "[notifications]\n"
                                             "toast-threshold=high\n"
                                             "sound=true\n"
                                             "sound-repeat-seconds=120\n"
                                             "desktop=false\n"
                                             "theme=dark\n"),
                                       &error);
    QVERIFY2(profile, qPrintable(error));
    const Preferences &d = profile->preferenceDefaults;
    QCOMPARE(d.toastThreshold, Protocol::AlarmSeverity::High);
    QCOMPARE(d.sound, true);
    QCOMPARE(d.soundRepeatSeconds, 120);
    QCOMPARE(d.desktopNotifications, false);
    QCOMPARE(d.theme, ThemeMode::Dark);
    QCOMPARE(d.liveUpdates, true); // not a profile setting
    QVERIFY(!d.mutedUntil.isValid());
}

void TestProfile::rejectsNotifications_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("severity") << QByteArray("toast-threshold=urgent")
                              << QStringLiteral(":4: [notifications] toast-threshold: \"urgent\" is not one of");
    QTest::newRow("sound") << QByteArray("sound=yes")
                           << QStringLiteral(":4: [notifications] sound: expected true or false");
    QTest::newRow("desktop") << QByteArray("desktop=1")
                             << QStringLiteral(":4: [notifications] desktop: expected true or false");
    QTest::newRow("repeat zero") << QByteArray("sound-repeat-seconds=0")
                                 << QStringLiteral(
                                        ":4: [notifications] sound-repeat-seconds: expected a whole number from 1 "
                                        "to 3600");
    QTest::newRow("repeat text") << QByteArray("sound-repeat-seconds=often")
                                 << QStringLiteral(":4: [notifications] sound-repeat-seconds: expected a whole");
    QTest::newRow("repeat too long") << QByteArray("sound-repeat-seconds=3601")
                                     << QStringLiteral(":4: [notifications] sound-repeat-seconds: expected a whole");
    QTest::newRow("theme") << QByteArray("theme=solarized")
                           << QStringLiteral(":4: [notifications] theme: \"solarized\" is not one of light, dark");
    QTest::newRow("unknown key") << QByteArray("mute=10") << QStringLiteral(":4: [notifications] mute: unknown key");
}

void TestProfile::rejectsNotifications()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[notifications]\n" + line + "\n"), &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestProfile::commandSettings()
{
    QString error;
    const auto plain = Profile::load(write("[server]\nurl=ws://h/ws\n"), &error);
    QVERIFY2(plain, qPrintable(error));
    QVERIFY(plain->commandsEnabled);
    QCOMPARE(plain->commandTimeoutSeconds, 10);
    QVERIFY(plain->confirmEndpoints.isEmpty());

    const auto profile = Profile::load(write("[server]\nurl=ws://h/ws\n"
                                             "[commands]\n"
                                             "enabled=false\n"
                                             "timeout-seconds=25\n"
                                             "confirm=T1.H101.on, T1.P101.running\n"
                                             "confirm=T2.H101.on\n"),
                                       &error);
    QVERIFY2(profile, qPrintable(error));
    QVERIFY(!profile->commandsEnabled);
    QCOMPARE(profile->commandTimeoutSeconds, 25);
    QCOMPARE(
        profile->confirmEndpoints,
        QStringList({QStringLiteral("T1.H101.on"), QStringLiteral("T1.P101.running"), QStringLiteral("T2.H101.on")}));
}

void TestProfile::rejectsCommands_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("enabled") << QByteArray("enabled=yes")
                             << QStringLiteral(":4: [commands] enabled: expected true or false");
    QTest::newRow("timeout zero") << QByteArray(
        "timeout-seconds=0") << QStringLiteral(":4: [commands] timeout-seconds: expected a whole number from 1 to 300");
    QTest::newRow("timeout text") << QByteArray("timeout-seconds=soon")
                                  << QStringLiteral(":4: [commands] timeout-seconds: expected a whole number");
    QTest::newRow("confirm spaces") << QByteArray("confirm=T1.H101.on T1.P101.running")
                                    << QStringLiteral(
                                           ":4: [commands] confirm: \"T1.H101.on T1.P101.running\" is not an "
                                           "endpoint id");
    QTest::newRow("unknown key") << QByteArray("retry=3") << QStringLiteral(":4: [commands] retry: unknown key");
}

void TestProfile::rejectsCommands()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[commands]\n" + line + "\n"), &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
