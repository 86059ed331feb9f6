#include "gatewayalarmbook.h"
#include "gatewaychannels.h"
#include "protocol/decoder.h"
#include "simworld.h"

#include <QJsonDocument>
#include <QTest>

using namespace Domain;
using namespace Protocol;

// Feeds what the reference server really produces through the decoder: every
// event of a few busy minutes of world time and every channel's snapshot.
class TestDecoderSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesEveryEventOfTheReferenceServer();
    void decodesEverySnapshotOfTheReferenceServer();

private:
    static SimOptions options();
};

SimOptions TestDecoderSim::options()
{
    SimOptions o;
    o.drones = 12;
    o.machines = 12;
    o.tiles = 2;
    o.scenarios
        = {QStringLiteral("alarm-flood"), QStringLiteral("machine-breakdown"), QStringLiteral("chattering-sensor")};
    return o;
}

void TestDecoderSim::decodesEveryEventOfTheReferenceServer()
{
    SimWorld world(options());
    GatewayAlarmBook alarms; // as the server keeps it, fed with the world's conditions
    const QDateTime start(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
    QSet<QString> types;
    qsizetype decoded = 0;
    QString alarmId;
    // Ten minutes: breakdowns open tickets and technicians move them on.
    for (qint64 ms = 250; ms <= 10 * 60 * 1000; ms += 250) {
        PlantEvents events = world.advance(ms, start.addMSecs(ms));
        if (ms % 1000 == 0)
            events.append(alarms.update(world.conditions(), ms, start.addMSecs(ms)));
        if (ms == 30'000 && !alarms.snapshot().isEmpty()) {
            alarmId = alarms.snapshot().first().toObject().value(QLatin1StringView("alarmId")).toString();
            events.append(
                alarms.acknowledge(alarmId, QStringLiteral("bob"), QStringLiteral("seen"), ms, start.addMSecs(ms)));
            events.append(world
                              .submitCommand(QStringLiteral("c-1"), QStringLiteral("T1.V101.open"), true,
                                             QStringLiteral("bob"), start.addMSecs(ms))
                              .events);
        }
        for (qsizetype i = 0; i < events.size(); ++i) {
            QJsonObject body = events.at(i).body;
            body.insert(QLatin1StringView("seq"), double(decoded + 1));
            const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
            const DecodedFrame frame = decodeFrame(json);
            QVERIFY2(frame.errors.isEmpty(),
                     qPrintable(frame.errors.value(0).toString() + u' ' + QString::fromUtf8(json)));
            QCOMPARE(frame.messages.size(), 1);
            types.insert(body.value(QLatin1StringView("type")).toString());
            ++decoded;
        }
    }
    QVERIFY(!alarmId.isEmpty());
    for (const char *type : {"drone_update", "machine_status_update", "telemetry", "command_status", "alarm",
                             "system_health", "system_alert", "maintenance_alert", "ticket_status_change"}) {
        QVERIFY2(types.contains(QLatin1StringView(type)), type);
    }
    QVERIFY(decoded > 500);
}

void TestDecoderSim::decodesEverySnapshotOfTheReferenceServer()
{
    SimWorld world(options());
    GatewayAlarmBook alarms;
    const QDateTime start(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
    for (qint64 ms = 1000; ms <= 5 * 60 * 1000; ms += 1000) {
        world.advance(ms, start.addMSecs(ms));
        alarms.update(world.conditions(), ms, start.addMSecs(ms));
    }
    world.submitCommand(QStringLiteral("c-9"), QStringLiteral("T1.P101.running"), false, QStringLiteral("bob"),
                        start.addSecs(300));

    for (const QString &channel : GatewayChannels::channels()) {
        const QSet<QString> keys = channel == u"commands" ? QSet<QString> {QStringLiteral("c-9")} : QSet<QString> {};
        QJsonArray items = channel == u"alarms" ? alarms.snapshot() : world.snapshot(channel, keys);
        if (channel == u"alarms")
            QVERIFY(!items.isEmpty());
        if (channel == u"presence") {
            // The server, not the world, knows who is connected.
            items.append(QJsonObject {{QLatin1StringView("name"), QStringLiteral("alice")},
                                      {QLatin1StringView("role"), QStringLiteral("operator")},
                                      {QLatin1StringView("since"), QStringLiteral("2026-11-22T10:00:00.000Z")},
                                      {QLatin1StringView("client"), QStringLiteral("watchfloor 0.1.0")}});
        }
        const QJsonObject message {{QLatin1StringView("type"), QStringLiteral("snapshot")},
                                   {QLatin1StringView("channel"), channel},
                                   {QLatin1StringView("seq"), 1},
                                   {QLatin1StringView("items"), items}};
        const DecodedFrame frame = decodeFrame(QJsonDocument(message).toJson(QJsonDocument::Compact));
        QVERIFY2(frame.errors.isEmpty(), qPrintable(channel + u' ' + frame.errors.value(0).toString()));
        QCOMPARE(frame.messages.size(), 1);
        const auto &s = std::get<Snapshot>(frame.messages.first().body);
        const qsizetype filled = s.drones.size() + s.machines.size() + s.tiles.size() + s.telemetry.size()
            + s.alarms.size() + s.commands.size() + s.health.size() + s.maintenance.size() + s.presence.size();
        QCOMPARE(filled, items.size());
        QVERIFY2(!items.isEmpty() || channel == u"maintenance", qPrintable(channel));
    }
}

QTEST_GUILESS_MAIN(TestDecoderSim)
#include "tst_decoder_sim.moc"
