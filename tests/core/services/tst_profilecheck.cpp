#include "services/profilecheck.h"
#include "simhost.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

// `watchfloor --check-profile` against the real reference server: every step
// that passes is named, the first that fails says why, and the summary counts
// what the console would show.
class TestProfileCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStepAgainstTheSimulator();
    void refusedTokenFailsAtAuthentication();
    void closedPortFailsAtConnect();
    void silentServerTimesOut();
    void onlyTheProfilesChannels();

private:
    static SimOptions plant();
    static Profile profileFor(const QUrl &url, const QString &token);
    static bool run(ProfileCheck &check, int timeoutMs);
};

SimOptions TestProfileCheck::plant()
{
    SimOptions o;
    o.port = 0;
    o.drones = 5;
    o.machines = 7;
    o.tiles = 1;
    o.rate = 60.0;
    o.scenarios = {QStringLiteral("alarm-flood")};
    o.tokens = {{QStringLiteral("good"), QStringLiteral("operator")}};
    return o;
}

Profile TestProfileCheck::profileFor(const QUrl &url, const QString &token)
{
    Profile profile;
    profile.path = QStringLiteral("/etc/watchfloor/profiles/line1.ini");
    profile.name = QStringLiteral("line1");
    profile.connection.url = url;
    profile.connection.token = token;
    profile.connection.operatorName = QStringLiteral("admin");
    profile.connection.connectTimeoutMs = 2000;
    return profile;
}

bool TestProfileCheck::run(ProfileCheck &check, int timeoutMs)
{
    QSignalSpy finished(&check, &ProfileCheck::finished);
    check.start(timeoutMs);
    if (!finished.wait(timeoutMs + 5000))
        qFatal("the check never finished");
    return finished.at(0).at(0).toBool();
}

void TestProfileCheck::everyStepAgainstTheSimulator()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    // Let the flood raise some alarms before the check looks.
    QTRY_VERIFY_WITH_TIMEOUT(sim.alarms().size() >= 2, 20000);

    const Profile profile = profileFor(QUrl(sim.url()), QStringLiteral("good"));
    ProfileCheck check(profile);
    QVERIFY(run(check, 10000));
    const ProfileCheck::Report &report = check.report();
    QVERIFY(report.ok);
    QCOMPARE(report.steps.size(), 4);
    for (const auto &step : report.steps)
        QVERIFY2(step.ok, qPrintable(step.detail));
    QCOMPARE(report.steps.at(0).step, ProfileCheck::Step::Connect);
    QCOMPARE(report.steps.at(3).step, ProfileCheck::Step::RoundTrip);
    QCOMPARE(report.server, QUrl(sim.url()));
    QCOMPARE(report.dialect, QStringLiteral("watchfloor"));
    QCOMPARE(report.role, QStringLiteral("operator"));
    QVERIFY(report.serverName.startsWith(u"watchfloor-sim"));
    QVERIFY(report.liveAfterMs >= 0);
    QVERIFY(report.roundTripMs >= 0);

    QHash<QString, int> entities;
    for (const auto &[channel, count] : report.entities)
        entities.insert(channel, count);
    QCOMPARE(entities.value(QStringLiteral("drones")), 5);
    QCOMPARE(entities.value(QStringLiteral("machines")), 7);
    QCOMPARE(entities.value(QStringLiteral("tiles")), 1);
    QVERIFY(entities.value(QStringLiteral("alarms")) >= 2);
    QCOMPARE(entities.value(QStringLiteral("presence")), 1); // ourselves

    // Nobody acknowledged anything: what the server had waiting is counted.
    int waitingOnServer = 0;
    const QJsonArray alarms = sim.alarms().snapshot();
    for (const QJsonValue &alarm : alarms) {
        if (alarm.toObject().value(QLatin1StringView("state")).toString().endsWith(u"unacked"))
            ++waitingOnServer;
    }
    QVERIFY(report.unacknowledged >= 1);
    QVERIFY(report.unacknowledged <= waitingOnServer); // the flood may have raised more since
    QVERIFY(report.unacknowledgedCritical <= report.unacknowledgedHigh);
    QVERIFY(report.unacknowledgedHigh <= report.unacknowledged);

    const QString text = ProfileCheck::format(profile, report);
    const QStringList lines = text.split(u'\n');
    QCOMPARE(lines.first(), QStringLiteral("profile: /etc/watchfloor/profiles/line1.ini"));
    QCOMPARE(lines.last(), QStringLiteral("result: OK"));
    QVERIFY(text.contains(QStringLiteral("role: operator")));
    QVERIFY(text.contains(QStringLiteral("drones 5, machines 7, tiles 1")));
    QVERIFY(text.contains(QStringLiteral("unacknowledged alarms: %1").arg(report.unacknowledged)));
    QVERIFY(lines.size() <= 24); // one screen
}

void TestProfileCheck::refusedTokenFailsAtAuthentication()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    const Profile profile = profileFor(QUrl(sim.url()), QStringLiteral("stolen"));
    ProfileCheck check(profile);
    QVERIFY(!run(check, 10000));
    const auto &steps = check.report().steps;
    QCOMPARE(steps.size(), 2);
    QVERIFY(steps.at(0).ok); // the socket opened
    QCOMPARE(steps.at(1).step, ProfileCheck::Step::Authenticate);
    QVERIFY(!steps.at(1).ok);
    QVERIFY2(steps.at(1).detail.contains(QStringLiteral("refused the token")), qPrintable(steps.at(1).detail));
    const QString text = ProfileCheck::format(profile, check.report());
    QVERIFY(text.contains(QStringLiteral("authenticate: FAILED")));
    QVERIFY(text.endsWith(QStringLiteral("result: FAILED")));
    QVERIFY(!text.contains(QStringLiteral("entities:")));
}

void TestProfileCheck::closedPortFailsAtConnect()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago, closed again
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    ProfileCheck check(profileFor(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), QStringLiteral("good")));
    QVERIFY(!run(check, 10000));
    const auto &steps = check.report().steps;
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.at(0).step, ProfileCheck::Step::Connect);
    QVERIFY(!steps.at(0).ok);
    QVERIFY2(steps.at(0).detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(steps.at(0).detail));
}

void TestProfileCheck::silentServerTimesOut()
{
    // Accepts the TCP connection and never answers the WebSocket handshake.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Profile profile
        = profileFor(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(silent.serverPort())), QStringLiteral("good"));
    profile.connection.connectTimeoutMs = 60000; // the check's own limit comes first
    ProfileCheck check(profile);
    QVERIFY(!run(check, 1500));
    const auto &steps = check.report().steps;
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.at(0).step, ProfileCheck::Step::Connect);
    QVERIFY2(steps.at(0).detail.contains(QStringLiteral("no answer within 1.5 s")), qPrintable(steps.at(0).detail));
}

void TestProfileCheck::onlyTheProfilesChannels()
{
    SimHost sim(plant());
    QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
    Profile profile = profileFor(QUrl(sim.url()), QStringLiteral("good"));
    profile.session.channels = {QStringLiteral("drones"), QStringLiteral("health")};
    ProfileCheck check(profile);
    QVERIFY(run(check, 10000));
    const auto &entities = check.report().entities;
    QCOMPARE(entities.size(), 2);
    QCOMPARE(entities.at(0).first, QStringLiteral("drones"));
    QCOMPARE(entities.at(0).second, 5);
    QCOMPARE(entities.at(1).first, QStringLiteral("health"));
    QVERIFY(check.report().steps.at(2).detail.contains(QStringLiteral("2 channel")));
}

QTEST_MAIN(TestProfileCheck)
#include "tst_profilecheck.moc"
