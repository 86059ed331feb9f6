#include "services/operatorcontrolsocket.h"
#include "services/session.h"
#include "simhost.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

SimOptions plant()
{
    SimOptions o;
    o.port = 0;
    o.drones = 6;
    o.machines = 4;
    o.tiles = 1;
    o.rate = 20.0;
    o.scenarios = {QStringLiteral("alarm-flood")};
    return o;
}

QJsonObject serverAlarm(const SimHost &sim, const QString &alarmId)
{
    return sim.alarms().alarmJson(alarmId);
}

} // namespace

class TestOperatorControlSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anAckOverTheSocketReachesTheServer();
    void badRequestsAreRefused();
};

void TestOperatorControlSocket::anAckOverTheSocketReachesTheServer()
{
    QTemporaryDir dir;
    SimHost sim(plant());
    QVERIFY(sim.listen());
    Session session;
    ConnectionSettings settings;
    settings.url = QUrl(sim.url());
    settings.operatorName = QStringLiteral("remote-hand");
    session.setSettings(settings);
    session.openStore(dir.filePath(QStringLiteral("store.db")));
    OperatorControlSocket control(&session, nullptr);
    const QString path = dir.filePath(QStringLiteral("control.sock"));
    QVERIFY(control.listen(path));
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(session.alarms()->rowCount() > 0, 10000);
    const Domain::Alarm alarm = session.alarms()->alarmAt(0);

    QLocalSocket socket;
    socket.connectToServer(path);
    QVERIFY(socket.waitForConnected(2000));
    socket.write("ack " + alarm.alarmId.toUtf8() + '\n');
    QTRY_VERIFY(socket.canReadLine());
    const QJsonObject answer = QJsonDocument::fromJson(socket.readLine()).object();
    QVERIFY2(answer[u"ok"].toBool(), answer[u"error"].toString().toUtf8());
    QVERIFY(!QUuid::fromString(answer[u"requestId"].toString()).isNull());
    QCOMPARE(answer[u"count"].toInteger(), alarm.count);
    // Through the outbox to the server, as the Acknowledge button goes.
    QTRY_COMPARE_WITH_TIMEOUT(serverAlarm(sim, alarm.alarmId)[u"ackedBy"].toString(), QStringLiteral("remote-hand"),
                              5000);
}

void TestOperatorControlSocket::badRequestsAreRefused()
{
    Session session; // no store: no outbox
    OperatorControlSocket control(&session, nullptr);
    const auto refused = [&control](const char *line) {
        const QJsonObject answer = QJsonDocument::fromJson(control.handle(QString::fromLatin1(line))).object();
        return !answer[u"ok"].toBool() && !answer[u"error"].toString().isEmpty();
    };
    QVERIFY(refused("ack A-000001")); // no such alarm on this console
    QVERIFY(refused("command EP-1 true")); // no command service
    QVERIFY(refused("reboot"));
    QVERIFY(refused(""));
}

QTEST_GUILESS_MAIN(TestOperatorControlSocket)
#include "tst_operatorcontrolsocket.moc"
