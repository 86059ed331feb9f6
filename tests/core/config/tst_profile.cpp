#include "config/profile.h"

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
    void featureSwitches();
    void kioskSettings();
    void rejectsKiosk_data();
    void rejectsKiosk();
    void serverTexts();
    void rejectsTexts_data();
    void rejectsTexts();
    void language_data();
    void language();
    void channels();
    void simulator();
    void keyGivenTwice();
    void shippedDemoProfile();

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
    QTest::newRow("key outside section") << QByteArray("url=ws://h/ws\n")
                                         << QStringLiteral(":1: a key before the first [section]");
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
                                             "stable-after-ms=2000\n"
                                             "poll-after-ms=40000\n"),
                                       &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->connection.pollAfterMs, 40000);
    QCOMPARE(ConnectionSettings().pollAfterMs, 15000); // brief outages are bridged, not polled
    QCOMPARE(profile->connection.backoffBaseMs, 250);
    QCOMPARE(profile->connection.backoffCapMs, 10000);
    QCOMPARE(profile->connection.maxAttempts, 5); // seed 000's "max 5 attempts"
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
    // How long an alarm action may wait for the link before the operator must decide again.
    QCOMPARE(profile->alarmActionMaxAgeMinutes, 15);
    const auto patient = Profile::load(write("[server]\nurl=ws://h/ws\n[alarms]\naction-max-age-minutes=45\n"), &error);
    QVERIFY2(patient, qPrintable(error));
    QCOMPARE(patient->alarmActionMaxAgeMinutes, 45);
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[alarms]\naction-max-age-minutes=0\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":4: [alarms] action-max-age-minutes:")), qPrintable(error));

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
    QCOMPARE(d.toastThreshold, Domain::AlarmSeverity::High);
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
    QVERIFY(plain->commandsAllowed());
    QCOMPARE(plain->commandTimeoutSeconds, 10);
    QVERIFY(plain->confirmEndpoints.isEmpty());

    const auto profile = Profile::load(write("[server]\nurl=ws://h/ws\n"
                                             "[commands]\n"
                                             "timeout-seconds=25\n"
                                             "confirm=T1.H101.on, T1.P101.running\n"
                                             "confirm=T2.H101.on\n"
                                             "action-words=heater: Fire/Quench, T1.V101.open: Open/Shut\n"
                                             "action-words = Agitator : Run / Halt\n"),
                                       &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->commandTimeoutSeconds, 25);
    QCOMPARE(
        profile->confirmEndpoints,
        QStringList({QStringLiteral("T1.H101.on"), QStringLiteral("T1.P101.running"), QStringLiteral("T2.H101.on")}));
    QCOMPARE(plain->actionWords.size(), 0);
    QCOMPARE(profile->actionWords.size(), 3);
    QCOMPARE(profile->actionWords.value(QStringLiteral("heater")),
             std::pair(QStringLiteral("Fire"), QStringLiteral("Quench")));
    QCOMPARE(profile->actionWords.value(QStringLiteral("T1.V101.open")),
             std::pair(QStringLiteral("Open"), QStringLiteral("Shut")));
    QCOMPARE(profile->actionWords.value(QStringLiteral("Agitator")),
             std::pair(QStringLiteral("Run"), QStringLiteral("Halt")));
}

void TestProfile::rejectsCommands_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("moved switch") << QByteArray("enabled=false")
                                  << QStringLiteral(":4: [commands] enabled: this switch is now [features] commands");
    QTest::newRow("timeout zero") << QByteArray(
        "timeout-seconds=0") << QStringLiteral(":4: [commands] timeout-seconds: expected a whole number from 1 to 300");
    QTest::newRow("timeout text") << QByteArray("timeout-seconds=soon")
                                  << QStringLiteral(":4: [commands] timeout-seconds: expected a whole number");
    QTest::newRow("confirm spaces") << QByteArray("confirm=T1.H101.on T1.P101.running")
                                    << QStringLiteral(
                                           ":4: [commands] confirm: \"T1.H101.on T1.P101.running\" is not an "
                                           "endpoint id");
    QTest::newRow("action words without a slash")
        << QByteArray("action-words=pump: Start")
        << QStringLiteral(":4: [commands] action-words: \"pump: Start\" is not");
    QTest::newRow("action words without a key") << QByteArray("action-words=Start/Stop")
                                                << QStringLiteral(":4: [commands] action-words: \"Start/Stop\" is not");
    QTest::newRow("action words with an empty word")
        << QByteArray("action-words=pump: Start/ ")
        << QStringLiteral(":4: [commands] action-words: \"pump: Start/\" is not");
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

void TestProfile::featureSwitches()
{
    QString error;
    const auto plain = Profile::load(write("[server]\nurl=ws://h/ws\n"), &error);
    QVERIFY2(plain, qPrintable(error));
    QVERIFY(plain->features.pollingFallback && plain->features.desktopNotifications && plain->features.sound
            && plain->features.commands);
    QVERIFY(plain->connection.pollingFallback);

    const auto off = Profile::load(write("[server]\nurl=ws://h/ws\n"
                                         "[features]\n"
                                         "polling-fallback=false\n"
                                         "desktop-notifications=false\n"
                                         "sound=false\n"
                                         "commands=false\n"),
                                   &error);
    QVERIFY2(off, qPrintable(error));
    QVERIFY(!off->features.desktopNotifications);
    QVERIFY(!off->features.sound);
    QVERIFY(!off->features.commands);
    QVERIFY(!off->commandsAllowed());
    // The switch reaches the connection's settings.
    QVERIFY(!off->connection.pollingFallback);

    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[features]\nsound=maybe\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":4: [features] sound: expected true or false")), qPrintable(error));
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[connection]\npolling-fallback=false\n"), &error));
    QVERIFY2(error.contains(
                 QStringLiteral(":4: [connection] polling-fallback: this switch is now [features] polling-fallback")),
             qPrintable(error));
}

void TestProfile::kioskSettings()
{
    QString error;
    const auto plain = Profile::load(write("[server]\nurl=ws://h/ws\n"), &error);
    QVERIFY2(plain, qPrintable(error));
    QVERIFY(!plain->kiosk.enabled);
    // Waiting alarms hold the Alarms view unless the profile says otherwise.
    QCOMPARE(plain->kiosk.rotation, KioskSettings::Rotation::HoldOnAlarms);

    const QByteArray hash = "pbkdf2-sha256:100000:00112233445566778899aabbccddeeff:"
                            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    const auto kiosk = Profile::load(write("[server]\nurl=ws://h/ws\n"
                                           "[kiosk]\n"
                                           "enabled=true\n"
                                           "views=overview, alarms,control-panel\n"
                                           "rotate-seconds=20\n"
                                           "rotation = rotate\n"
                                           "cursor-hide-seconds=3\n"
                                           "font-percent=175\n"
                                           "exit-chord=Ctrl+Alt+F12\n"
                                           "exit-pin-hash="
                                           + hash + "\n"),
                                     &error);
    QVERIFY2(kiosk, qPrintable(error));
    QVERIFY(kiosk->kiosk.enabled);
    QCOMPARE(kiosk->kiosk.views,
             QStringList({QStringLiteral("overview"), QStringLiteral("alarms"), QStringLiteral("control-panel")}));
    QCOMPARE(kiosk->kiosk.rotateSeconds, 20);
    QCOMPARE(kiosk->kiosk.rotation, KioskSettings::Rotation::Rotate);
    const auto holding = Profile::load(write("[server]\nurl=ws://h/ws\n[kiosk]\nrotation=hold-on-alarms\n"), &error);
    QVERIFY2(holding, qPrintable(error));
    QCOMPARE(holding->kiosk.rotation, KioskSettings::Rotation::HoldOnAlarms);
    QCOMPARE(kiosk->kiosk.cursorHideSeconds, 3);
    QCOMPARE(kiosk->kiosk.fontPercent, 175);
    QCOMPARE(kiosk->kiosk.exitChord, QStringLiteral("Ctrl+Alt+F12"));
    QCOMPARE(kiosk->kiosk.exitPinHash, QString::fromLatin1(hash));
    // A kiosk watches: commands need its own permission besides the feature.
    QVERIFY(!kiosk->kiosk.commandsAllowed);
    QVERIFY(!kiosk->commandsAllowed());

    const auto allowed
        = Profile::load(write("[server]\nurl=ws://h/ws\n[kiosk]\nenabled=true\ncommands=true\n"), &error);
    QVERIFY2(allowed, qPrintable(error));
    QVERIFY(allowed->commandsAllowed());
    const auto switchedOff = Profile::load(
        write("[server]\nurl=ws://h/ws\n[kiosk]\nenabled=true\ncommands=true\n[features]\ncommands=false\n"), &error);
    QVERIFY2(switchedOff, qPrintable(error));
    QVERIFY(!switchedOff->commandsAllowed());
}

void TestProfile::rejectsKiosk_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown view") << QByteArray("views=overview, dashboard")
                                  << QStringLiteral(":4: [kiosk] views: \"dashboard\" is not one of overview, drones");
    QTest::newRow("view twice") << QByteArray("views=alarms,alarms")
                                << QStringLiteral(":4: [kiosk] views: \"alarms\" is listed twice");
    QTest::newRow("no views") << QByteArray("views= , ")
                              << QStringLiteral(":4: [kiosk] views: expected at least one of");
    QTest::newRow("rotate") << QByteArray("rotate-seconds=-1")
                            << QStringLiteral(":4: [kiosk] rotate-seconds: expected a whole number from 0 to 86400");
    QTest::newRow("rotation") << QByteArray("rotation=hold")
                              << QStringLiteral(":4: [kiosk] rotation: \"hold\" is not one of hold-on-alarms, rotate");
    QTest::newRow("rotation case") << QByteArray("rotation=Rotate")
                                   << QStringLiteral(":4: [kiosk] rotation: \"Rotate\" is not one of");
    QTest::newRow("font") << QByteArray("font-percent=50")
                          << QStringLiteral(":4: [kiosk] font-percent: expected a whole number from 100 to 300");
    QTest::newRow("chord one modifier") << QByteArray("exit-chord=Ctrl+Q")
                                        << QStringLiteral(":4: [kiosk] exit-chord: \"Ctrl+Q\" is not a key chord");
    QTest::newRow("plain pin") << QByteArray("exit-pin-hash=1234")
                               << QStringLiteral(
                                      ":4: [kiosk] exit-pin-hash: not a PIN hash made by watchfloor --hash-pin");
    QTest::newRow("unknown") << QByteArray("pin=1234") << QStringLiteral(":4: [kiosk] pin: unknown key");
}

void TestProfile::rejectsKiosk()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[kiosk]\n" + line + "\n"), &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestProfile::serverTexts()
{
    QString error;
    const auto plain = Profile::load(write("[server]\nurl=ws://h/ws\n"), &error);
    QVERIFY2(plain, qPrintable(error));
    QVERIFY(plain->texts.isEmpty());

    const auto profile = Profile::load(write("[server]\nurl=ws://h/ws\n"
                                             "[texts]\n"
                                             "label.Hot liquor tank 1 = Heißwasserbehälter 1\n"
                                             "label.Pump P-101=Pumpe P-101\n"
                                             "message.battery of {source} at {number} % = Akku von {source} bei "
                                             "{number} %\n"
                                             "message.{tile}: level {sensor} below {number} % = {tile}: Füllstand "
                                             "{sensor} unter {number} %\n"),
                                       &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->texts.labelCount(), 2);
    QCOMPARE(profile->texts.messageCount(), 2);
    QCOMPARE(profile->texts.label(QStringLiteral("Hot liquor tank 1")), QStringLiteral("Heißwasserbehälter 1"));
    QCOMPARE(profile->texts.label(QStringLiteral("Pump P-101")), QStringLiteral("Pumpe P-101"));
    // Not listed, or not exactly as listed: shown as the server sent it.
    QCOMPARE(profile->texts.label(QStringLiteral("Hot liquor tank 2")), QStringLiteral("Hot liquor tank 2"));
    QCOMPARE(profile->texts.label(QStringLiteral("pump P-101")), QStringLiteral("pump P-101"));

    const QLocale german(QLocale::German, QLocale::Germany);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const ServerTexts &texts = profile->texts;
    // Numbers in the locale's form, with the decimals the server sent.
    QCOMPARE(texts.message(QStringLiteral("battery of WF-D0003 at 8.0 %"), german),
             QStringLiteral("Akku von WF-D0003 bei 8,0 %"));
    QCOMPARE(texts.message(QStringLiteral("battery of WF-D0003 at 12.25 %"), german),
             QStringLiteral("Akku von WF-D0003 bei 12,25 %"));
    QCOMPARE(texts.message(QStringLiteral("battery of WF-D0003 at 8.0 %"), english),
             QStringLiteral("Akku von WF-D0003 bei 8.0 %"));
    // A text placeholder goes through the labels; the order of the translation is its own.
    QCOMPARE(texts.message(QStringLiteral("Hot liquor tank 1: level LT-101 below 20 %"), german),
             QStringLiteral("Heißwasserbehälter 1: Füllstand LT-101 unter 20 %"));
    // A number placeholder matches only a number; no template, no change.
    QCOMPARE(texts.message(QStringLiteral("battery of WF-D0003 at low %"), german),
             QStringLiteral("battery of WF-D0003 at low %"));
    QCOMPARE(texts.message(QStringLiteral("WF-D0003 reports an error"), german),
             QStringLiteral("WF-D0003 reports an error"));
    // The whole text must match, not a part of it.
    QCOMPARE(texts.message(QStringLiteral("battery of WF-D0003 at 8.0 % (again)"), german),
             QStringLiteral("battery of WF-D0003 at 8.0 % (again)"));
}

void TestProfile::rejectsTexts_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << QByteArray("Pump=Pumpe")
                                 << QStringLiteral(":4: [texts] Pump: unknown key (expected label.<server text>");
    QTest::newRow("empty label") << QByteArray("label.=Pumpe")
                                 << QStringLiteral(":4: [texts] label.: a label needs the server's text");
    QTest::newRow("empty shown") << QByteArray("label.Pump=")
                                 << QStringLiteral(":4: [texts] label.Pump: a label needs the server's text");
    QTest::newRow("no placeholder") << QByteArray("message.pump tripped=Pumpe ausgelöst")
                                    << QStringLiteral(
                                           ":4: [texts] message.pump tripped: the template has no placeholder");
    QTest::newRow("stray brace") << QByteArray("message.{source at {number}=x")
                                 << QStringLiteral("in the template: a brace that is not part of a placeholder");
    QTest::newRow("bad name") << QByteArray("message.{Source} down={Source} aus")
                              << QStringLiteral("in the template: a brace that is not part of a placeholder");
    QTest::newRow("twice") << QByteArray("message.{a} and {a}={a}")
                           << QStringLiteral("the template has {a} more than once");
    QTest::newRow("unknown placeholder")
        << QByteArray("message.{source} is down={machine} steht")
        << QStringLiteral(":4: [texts] message.{source} is down: the translation has {machine}, which the "
                          "template does not");
    QTest::newRow("translation brace") << QByteArray("message.{source} is down={source steht")
                                       << QStringLiteral("in the translation: a brace");
}

void TestProfile::rejectsTexts()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[texts]\n" + line + "\n"), &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestProfile::language_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("language"); // empty: the value is refused
    QTest::newRow("german") << QByteArray("de") << QStringLiteral("de");
    QTest::newRow("swiss french") << QByteArray("fr_CH") << QStringLiteral("fr_CH");
    QTest::newRow("english") << QByteArray("en-GB") << QStringLiteral("en-GB");
    QTest::newRow("system") << QByteArray("system") << QString();
    QTest::newRow("not shipped") << QByteArray("it") << QStringLiteral("!");
    QTest::newRow("not a locale") << QByteArray("german") << QStringLiteral("!");
}

void TestProfile::language()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, language);
    QString error;
    const auto profile = Profile::load(write("[server]\nurl=ws://h/ws\n[display]\nlanguage=" + value + "\n"), &error);
    if (language == u"!") {
        QVERIFY(!profile);
        QVERIFY2(error.contains(QStringLiteral(":4: [display] language: \"%1\" is not system or a language the "
                                               "console speaks (en, de, fr)")
                                    .arg(QString::fromLatin1(value))),
                 qPrintable(error));
        return;
    }
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->language, language);
}

void TestProfile::channels()
{
    QString error;
    const auto all = Profile::load(write("[server]\nurl=ws://h/ws\n"), &error);
    QVERIFY2(all, qPrintable(error));
    QCOMPARE(all->session.channels, SessionSettings::allChannels());
    QCOMPARE(all->session.channels.size(), 9);

    const auto some = Profile::load(write("[server]\nurl=ws://h/ws\nchannels=alarms, health\n"), &error);
    QVERIFY2(some, qPrintable(error));
    QCOMPARE(some->session.channels, QStringList({QStringLiteral("alarms"), QStringLiteral("health")}));

    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\nchannels=alarms, weather\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":3: [server] channels: \"weather\" is not one of drones, machines")),
             qPrintable(error));
}

void TestProfile::simulator()
{
    QString error;
    const auto profile
        = Profile::load(write("[simulator]\nenabled=true\ndrones=40\nmachines=3\ntiles=1\nseed=7\n"), &error);
    QVERIFY2(profile, qPrintable(error));
    QVERIFY(profile->simulator.enabled);
    QCOMPARE(profile->simulator.drones, 40);
    QCOMPARE(profile->simulator.machines, 3);
    QCOMPARE(profile->simulator.tiles, 1);
    QCOMPARE(profile->simulator.seed, 7u);

    // Either a server or the simulator, never both, never neither.
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[simulator]\nenabled=true\n"), &error));
    QVERIFY2(error.contains(QStringLiteral("[simulator] enabled=true and [server] url exclude each other")),
             qPrintable(error));
    QVERIFY(!Profile::load(write("[simulator]\nenabled=false\n"), &error));
    QVERIFY2(error.contains(QStringLiteral("[server] url is required (or [simulator] enabled=true)")),
             qPrintable(error));
    QVERIFY(!Profile::load(write("[simulator]\nenabled=true\ndrones=100000\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":3: [simulator] drones: expected a whole number from 0 to 5000")),
             qPrintable(error));
}

void TestProfile::keyGivenTwice()
{
    QString error;
    QVERIFY(!Profile::load(write("[server]\nurl=ws://h/ws\n[operator]\nname=alice\n\nname=bob\n"), &error));
    QVERIFY2(error.contains(QStringLiteral(":6: [operator] name: given twice (first on line 4)")), qPrintable(error));
}

void TestProfile::shippedDemoProfile()
{
    // The file the package installs is the one built into the console.
    QString error;
    const auto demo = Profile::load(QStringLiteral(":/profiles/demo.ini"), &error);
    QVERIFY2(demo, qPrintable(error));
    QVERIFY(demo->simulator.enabled);
    QCOMPARE(demo->name, QStringLiteral("demo"));
    QFile shipped(QStringLiteral(WATCHFLOOR_SOURCE_DIR "/packaging/profiles/demo.ini"));
    QFile builtIn(QStringLiteral(":/profiles/demo.ini"));
    QVERIFY(shipped.open(QIODevice::ReadOnly));
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QCOMPARE(builtIn.readAll(), shipped.readAll());
}
