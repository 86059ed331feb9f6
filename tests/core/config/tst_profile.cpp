#include "config/profile.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

namespace {

// A profile key as a document names it: `[features] commands`, a row of
// docs/operations.md's table under "### [features]", a line of an ini
// example, or `commands=false` after `[features]` in the same paragraph.
struct Mention
{
    QString where; // file:line
    QString section;
    QString key;
    std::optional<QString> value; // when the document gives one
};

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

// Every profile key a Markdown document names, with its section.
QList<Mention> markdownMentions(const QString &path)
{
    static const QRegularExpression heading(QStringLiteral("^#+\\s*\\[([a-z]+)\\]"));
    static const QRegularExpression row(QStringLiteral("^\\|\\s*`([a-z][a-z0-9-]*)`\\s*\\|\\s*([^|]*?)\\s*\\|"));
    static const QRegularExpression literal(QStringLiteral("^`([^`]+)`$"));
    static const QRegularExpression tick(QStringLiteral("`([^`]+)`"));
    static const QRegularExpression sectionKey(
        QStringLiteral("^\\[([a-z]+)\\](?:\\s+([a-z][a-z0-9-]*)(?:\\s*=\\s*(\\S*))?)?$"));
    static const QRegularExpression keyValue(QStringLiteral("^([a-z][a-z0-9-]*)=(\\S*)$"));
    const QString name = QFileInfo(path).fileName();
    QList<Mention> mentions;
    QString tableSection; // under a "### [section]" heading
    QString iniSection; // inside an ini example
    bool inCode = false;
    bool inIni = false;
    QString paragraphSection; // the last `[section]` of the current paragraph
    const QStringList lines = readText(path).split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        const QString where = QStringLiteral("%1:%2").arg(name).arg(i + 1);
        if (line.startsWith(u"```")) {
            inCode = !inCode;
            inIni = inCode && line == u"```ini";
            iniSection.clear();
            continue;
        }
        if (inCode) {
            if (!inIni || line.isEmpty() || line.startsWith(u'#'))
                continue;
            // A systemd unit's sections ([Service]) are not a profile's.
            if (line.startsWith(u'[')) {
                iniSection = line.mid(1, line.size() - 2);
            } else if (const qsizetype eq = line.indexOf(u'='); eq > 0 && iniSection == iniSection.toLower()) {
                mentions.append({where, iniSection, line.left(eq).trimmed(), line.mid(eq + 1).trimmed()});
            }
            continue;
        }
        if (line.isEmpty()) {
            paragraphSection.clear();
            continue;
        }
        if (line.startsWith(u'#')) {
            const QRegularExpressionMatch m = heading.match(line);
            tableSection = m.hasMatch() ? m.captured(1) : QString();
            paragraphSection.clear();
            continue;
        }
        if (line.startsWith(u'|')) {
            const QRegularExpressionMatch m = row.match(line);
            if (!tableSection.isEmpty() && m.hasMatch()) {
                const QRegularExpressionMatch given = literal.match(m.captured(2));
                mentions.append({where, tableSection, m.captured(1),
                                 given.hasMatch() ? std::optional<QString>(given.captured(1)) : std::nullopt});
            }
            continue;
        }
        for (auto it = tick.globalMatch(line); it.hasNext();) {
            const QString token = it.next().captured(1).trimmed();
            if (const QRegularExpressionMatch m = sectionKey.match(token); m.hasMatch()) {
                paragraphSection = m.captured(1);
                if (m.hasCaptured(2))
                    mentions.append({where, paragraphSection, m.captured(2),
                                     m.hasCaptured(3) ? std::optional<QString>(m.captured(3)) : std::nullopt});
            } else if (const QRegularExpressionMatch kv = keyValue.match(token);
                       kv.hasMatch() && !paragraphSection.isEmpty()) {
                mentions.append({where, paragraphSection, kv.captured(1), kv.captured(2)});
            }
        }
    }
    return mentions;
}

// Every `[section] key` or `[section] key=value` a man page names.
QList<Mention> manPageMentions(const QString &path)
{
    static const QRegularExpression named(QStringLiteral("\\[([a-z]+)\\]\\s+([a-z][a-z0-9-]*)(?:=([^\\s\",)]+))?"));
    const QString name = QFileInfo(path).fileName();
    QList<Mention> mentions;
    const QStringList lines = readText(path).split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        line.replace(QStringLiteral("\\-"), QStringLiteral("-"));
        for (auto it = named.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            mentions.append({QStringLiteral("%1:%2").arg(name).arg(i + 1), m.captured(1), m.captured(2),
                             m.hasCaptured(3) ? std::optional<QString>(m.captured(3)) : std::nullopt});
        }
    }
    return mentions;
}

// What the parser says of the mention alone in a profile that is otherwise
// complete: empty when it takes it.
QString parserVerdict(const Mention &mention)
{
    QString text = QStringLiteral("[%1]\n%2=%3\n").arg(mention.section, mention.key, mention.value.value_or(QString()));
    if (mention.section == u"simulator") {
        if (mention.key != u"enabled")
            text += QStringLiteral("enabled=true\n");
        else if (mention.value != u"true")
            text += QStringLiteral("[server]\nurl=ws://h/ws\n");
    } else if (mention.section != u"server") {
        text += QStringLiteral("[server]\nurl=ws://h/ws\n");
    } else if (mention.key != u"url") {
        text += QStringLiteral("url=ws://h/ws\n");
    }
    QString error;
    if (Profile::parse(text.toUtf8(), QStringLiteral("doc.ini"), &error))
        return {};
    // A key the parser does not know, or one that moved, is wrong whatever
    // the value; a value is only judged where the document gives one that
    // stands alone (not a file or variable of the reader's own).
    static const QStringList wrongKey {QStringLiteral("unknown key"), QStringLiteral("unknown section"),
                                       QStringLiteral("this switch is now")};
    static const QStringList outside {QStringLiteral("token-file"), QStringLiteral("ca-file"),
                                      QStringLiteral("token-env")};
    const bool keyIsWrong = std::any_of(wrongKey.cbegin(), wrongKey.cend(),
                                        [&error](const QString &sign) { return error.contains(sign); });
    const bool placeholder = mention.value && (mention.value->contains(u'…') || mention.value->contains(u'<'));
    if (keyIsWrong || (mention.value && !placeholder && !outside.contains(mention.key)))
        return error;
    return {};
}

// The documents that speak of the console's profile (docs/gateway.md
// describes the gateway's own file, another format).
QList<Mention> documentedMentions()
{
    QList<Mention> mentions = markdownMentions(QStringLiteral(WATCHFLOOR_SOURCE_DIR "/README.md"));
    const QDir docs(QStringLiteral(WATCHFLOOR_SOURCE_DIR "/docs"));
    for (const QString &file : docs.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
        if (file != u"gateway.md")
            mentions += markdownMentions(docs.filePath(file));
    }
    mentions += manPageMentions(QStringLiteral(WATCHFLOOR_SOURCE_DIR "/packaging/man/watchfloor.1"));
    return mentions;
}

} // namespace

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
    void documentedKeysAreTheParsersKeys();
    void docsAgreeOnTheCommandsSwitch();

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

void TestProfile::documentedKeysAreTheParsersKeys()
{
    const QList<Mention> mentions = documentedMentions();
    QVERIFY(mentions.size() > 60); // the reference tables of docs/operations.md alone
    QStringList wrong;
    for (const Mention &mention : mentions) {
        if (const QString verdict = parserVerdict(mention); !verdict.isEmpty())
            wrong << QStringLiteral("%1: [%2] %3: %4").arg(mention.where, mention.section, mention.key, verdict);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

void TestProfile::docsAgreeOnTheCommandsSwitch()
{
    // The switch as the parser reads it: [features] commands, true unless
    // set, and a kiosk's own [kiosk] commands, false unless set.
    QString error;
    const auto plain = Profile::parse("[server]\nurl=ws://h/ws\n", QStringLiteral("plain.ini"), &error);
    QVERIFY2(plain, qPrintable(error));
    const auto off
        = Profile::parse("[server]\nurl=ws://h/ws\n[features]\ncommands=false\n", QStringLiteral("off.ini"), &error);
    QVERIFY2(off, qPrintable(error));
    QVERIFY(plain->commandsAllowed());
    QVERIFY(!off->commandsAllowed());

    // Every document names it so, with the values the parser takes
    // (documentedKeysAreTheParsersKeys), and the reference gives the code's defaults.
    QHash<QString, QStringList> named; // section -> where
    std::optional<QString> featuresDefault;
    std::optional<QString> kioskDefault;
    for (const Mention &mention : documentedMentions()) {
        if (mention.key != u"commands" && mention.section != u"commands")
            continue;
        QVERIFY2(parserVerdict(mention).isEmpty(), qPrintable(mention.where + u' ' + parserVerdict(mention)));
        if (mention.key == u"commands")
            named[mention.section] << mention.where;
        if (mention.where.startsWith(u"operations.md") && mention.key == u"commands")
            (mention.section == u"features" ? featuresDefault : kioskDefault) = mention.value;
    }
    for (const QString &section : named.keys())
        QVERIFY2(section == u"features" || section == u"kiosk", qPrintable(named.value(section).join(u", ")));
    QVERIFY(featuresDefault && kioskDefault);
    QCOMPARE(*featuresDefault == u"true", plain->features.commands);
    QCOMPARE(*kioskDefault == u"true", plain->kiosk.commandsAllowed);
    // The README's example, the control panel's and the man page's words all name it.
    for (const QString &document :
         {QStringLiteral("README.md"), QStringLiteral("control-panel.md"), QStringLiteral("watchfloor.1")}) {
        const QStringList where = named.value(QStringLiteral("features"));
        QVERIFY2(std::any_of(where.cbegin(), where.cend(),
                             [&document](const QString &w) { return w.startsWith(document + u':'); }),
                 qPrintable(document + QStringLiteral(" does not name [features] commands")));
    }
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
