#include "gateway/gatewaytestclient.h"
#include "simfleet.h"
#include "simhost.h"

#include <QSet>
#include <QTest>

// The load mode of the reference server, from the wire: valid updates of
// the world's own entities, numbered with the session's `seq`, only on the
// channels a console follows, and never replayed.
class TestSimLoadGen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamsUpdatesOfExistingEntities();
    void followsOnlyWhatTheSessionSubscribed();
    void resumingAcrossLoadEventsNeedsResync();
    void stopsAtRateZero();

private:
    static SimOptions options(double loadRate);
    static QSet<QString> ids(const SimHost &server, const QString &channel, QLatin1StringView field);
    static QString type(const QJsonObject &m) { return m.value(QLatin1StringView("type")).toString(); }
};

SimOptions TestSimLoadGen::options(double loadRate)
{
    SimOptions o;
    o.drones = 40;
    o.machines = 20;
    o.tiles = 2;
    o.loadRate = loadRate;
    return o;
}

QSet<QString> TestSimLoadGen::ids(const SimHost &server, const QString &channel, QLatin1StringView field)
{
    QSet<QString> out;
    for (const auto &item : server.world().snapshot(channel, {}))
        out.insert(item.toObject().value(field).toString());
    return out;
}

void TestSimLoadGen::streamsUpdatesOfExistingEntities()
{
    SimHost server(options(5000));
    QVERIFY(server.listen());
    GatewayTestClient client(server.url());
    QVERIFY(client.authenticate().value(QLatin1StringView("ok")).toBool());
    QVERIFY(client.subscribe(QStringLiteral("all")).value(QLatin1StringView("ok")).toBool());
    const qsizetype start = client.messages.size();
    QTRY_VERIFY_WITH_TIMEOUT(client.messages.size() - start > 4000, 20000);

    const QSet<QString> serials = ids(server, QStringLiteral("drones"), QLatin1StringView("serial"));
    const QSet<QString> machines = ids(server, QStringLiteral("machines"), QLatin1StringView("machineId"));
    const QSet<QString> endpoints = ids(server, QStringLiteral("telemetry"), QLatin1StringView("endpointId"));
    QCOMPARE(serials.size(), 40);
    QVERIFY(!endpoints.isEmpty());

    // Every event of the session, load or world, in one unbroken numbering.
    qint64 lastSeq = -1;
    QHash<QString, int> counts;
    for (const QJsonObject &m : std::as_const(client.messages)) {
        if (!m.contains(QLatin1StringView("seq")))
            continue;
        const qint64 seq = m.value(QLatin1StringView("seq")).toInteger();
        if (lastSeq >= 0)
            QCOMPARE(seq, lastSeq + 1);
        lastSeq = seq;
        QVERIFY(m.value(QLatin1StringView("ts")).toInteger() > 1'700'000'000'000);
        ++counts[type(m)];
        if (type(m) == u"drone_update") {
            QVERIFY(serials.contains(m.value(QLatin1StringView("serial")).toString()));
        } else if (type(m) == u"machine_status_update") {
            QVERIFY(machines.contains(m.value(QLatin1StringView("machineId")).toString()));
        } else if (type(m) == u"telemetry") {
            QVERIFY(endpoints.contains(m.value(QLatin1StringView("endpointId")).toString()));
        }
    }
    // In proportion to the numbers of entities: 40 drones, 20 machines.
    const double ratio = double(counts.value(QStringLiteral("drone_update")))
        / double(counts.value(QStringLiteral("machine_status_update")));
    QVERIFY2(ratio > 1.4 && ratio < 2.8, qPrintable(QString::number(ratio)));
    QVERIFY(counts.value(QStringLiteral("telemetry")) > 0);
}

void TestSimLoadGen::followsOnlyWhatTheSessionSubscribed()
{
    SimHost server(options(3000));
    QVERIFY(server.listen());
    const QString a = server.fleet().drone(3).serial;
    const QString b = server.fleet().drone(7).serial;
    GatewayTestClient client(server.url());
    QVERIFY(client.authenticate().value(QLatin1StringView("ok")).toBool());
    QVERIFY(client.subscribe(QStringLiteral("drones"), {{QLatin1StringView("serials"), QJsonArray {a, b}}})
                .value(QLatin1StringView("ok"))
                .toBool());
    const qsizetype start = client.messages.size();
    QTRY_VERIFY_WITH_TIMEOUT(client.messages.size() - start > 1000, 20000);
    QSet<QString> seen;
    for (qsizetype i = start; i < client.messages.size(); ++i) {
        const QJsonObject &m = client.messages.at(i);
        QCOMPARE(type(m), QStringLiteral("drone_update"));
        seen.insert(m.value(QLatin1StringView("serial")).toString());
    }
    QCOMPARE(seen, (QSet<QString> {a, b}));

    // A session on none of the load's channels gets none of it.
    GatewayTestClient quiet(server.url());
    QVERIFY(quiet.authenticate().value(QLatin1StringView("ok")).toBool());
    QVERIFY(quiet.subscribe(QStringLiteral("alarms")).value(QLatin1StringView("ok")).toBool());
    const qsizetype before = client.messages.size();
    QTRY_VERIFY(client.messages.size() - before > 500);
    QVERIFY(quiet.ofType(QStringLiteral("drone_update")).isEmpty());
    QVERIFY(quiet.ofType(QStringLiteral("telemetry")).isEmpty());
}

void TestSimLoadGen::resumingAcrossLoadEventsNeedsResync()
{
    SimHost server(options(2000));
    QVERIFY(server.listen());
    auto first = std::make_unique<GatewayTestClient>(server.url());
    const QJsonObject auth = first->authenticate();
    const QString sessionId
        = auth.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("sessionId")).toString();
    QVERIFY(first->subscribe(QStringLiteral("drones")).value(QLatin1StringView("ok")).toBool());
    QTRY_VERIFY(first->ofType(QStringLiteral("drone_update")).size() > 200);
    server.setLoadRate(0);
    // Whatever was in flight arrives; then the last number is the session's.
    QTest::qWait(200);
    const qint64 lastSeq = first->messages.last().value(QLatin1StringView("seq")).toInteger();
    first->socket().close();
    QTRY_VERIFY(first->closed);

    const auto resume = [&](qint64 from) {
        GatewayTestClient client(server.url());
        client.authenticate();
        return client.request({{QLatin1StringView("type"), QStringLiteral("resume")},
                               {QLatin1StringView("sessionId"), sessionId},
                               {QLatin1StringView("lastSeq"), from}});
    };
    // Load events are not kept: no replay can reach back across them.
    const QJsonObject across = resume(lastSeq - 10);
    QVERIFY(!across.value(QLatin1StringView("ok")).toBool());
    QCOMPARE(across.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString(),
             QStringLiteral("resync_required"));
    // From the last one received, nothing was lost: the resume works.
    QVERIFY(resume(lastSeq).value(QLatin1StringView("ok")).toBool());
}

void TestSimLoadGen::stopsAtRateZero()
{
    SimHost server(options(0));
    QVERIFY(server.listen());
    GatewayTestClient client(server.url());
    QVERIFY(client.authenticate().value(QLatin1StringView("ok")).toBool());
    QVERIFY(client.subscribe(QStringLiteral("drones")).value(QLatin1StringView("ok")).toBool());
    server.setLoadRate(4000);
    QTRY_VERIFY(client.ofType(QStringLiteral("drone_update")).size() > 100);
    server.setLoadRate(0);
    QTest::qWait(100);
    const qsizetype settled = client.messages.size();
    // The world's own drones report every five seconds; in half a second a
    // few may, the load's thousands do not.
    QTest::qWait(500);
    QVERIFY(client.messages.size() - settled < 40);
}

QTEST_GUILESS_MAIN(TestSimLoadGen)
#include "tst_simloadgen.moc"
