#include "gateway/gatewaytestclient.h"
#include "gatewaychannels.h"
#include "simhost.h"

#include <QTest>

#include <algorithm>
#include <memory>

namespace {

const QString kTemperature = QStringLiteral("T1.TT101.temperature");
const QString kLevel = QStringLiteral("T1.LT101.level");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toString();
}

bool isOk(const QJsonObject &result)
{
    return result.value(QLatin1StringView("ok")).toBool();
}

QSet<QString> keySet(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return {keys.cbegin(), keys.cend()};
}

// The wall-clock time a server event was produced at, from its `timestamp`.
qint64 stampMs(const QJsonObject &m)
{
    return QDateTime::fromString(str(m, "timestamp"), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// What `client` received from `from` on.
QList<QJsonObject> since(const GatewayTestClient &client, qsizetype from)
{
    return client.messages.mid(from);
}

QList<QJsonObject> droneUpdates(const QList<QJsonObject> &messages, QStringView kind = {})
{
    QList<QJsonObject> out;
    for (const QJsonObject &m : messages) {
        if (str(m, "type") == u"drone_update" && (kind.isEmpty() || str(m, "kind") == kind))
            out.append(m);
    }
    return out;
}

QList<QJsonObject> telemetry(const QList<QJsonObject> &messages, const QString &endpointId = {})
{
    QList<QJsonObject> out;
    for (const QJsonObject &m : messages) {
        if (str(m, "type") == u"telemetry" && (endpointId.isEmpty() || str(m, "endpointId") == endpointId))
            out.append(m);
    }
    return out;
}

// Subscribes and returns the snapshot that answers it.
QJsonObject subscribeForSnapshot(GatewayTestClient &client, const QString &channel, const QJsonObject &filters = {})
{
    const qsizetype from = client.messages.size();
    if (!isOk(client.subscribe(channel, filters)))
        return {};
    return client.waitForType(QStringLiteral("snapshot"), 5000, from);
}

// Unsubscribes and returns the index of the answer in client.messages: what
// comes after it was sent after the server dropped the subscription.
qsizetype unsubscribe(GatewayTestClient &client, const QString &channel, const QJsonObject &filters = {})
{
    QJsonObject m = filters;
    m.insert(QLatin1StringView("type"), QStringLiteral("unsubscribe"));
    m.insert(QLatin1StringView("channel"), channel);
    const QJsonObject result = client.request(m);
    if (!isOk(result))
        return -1;
    return client.messages.indexOf(result);
}

} // namespace

// The detail rooms (drone_detail, endpoint_stream) and the report cadences
// of the reference server, from the wire.
class TestSimRooms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void droneDetailCarriesOnlyItsDrone();
    void dronesChannelCarriesStatusAndMilestones();
    void endpointStreamRunsAtFullRate();
    void unsubscribingARoomStopsIt();
    void everyEntityKeepsItsCadence();
    void allLeavesOutTheRooms();

private:
    static SimOptions options(double rate, int drones, int machines, int tiles)
    {
        SimOptions o;
        o.rate = rate;
        o.drones = drones;
        o.machines = machines;
        o.tiles = tiles;
        return o;
    }
};

void TestSimRooms::droneDetailCarriesOnlyItsDrone()
{
    SimHost server(options(50.0, 12, 0, 1)); // a drone report every 100 ms
    QVERIFY(server.listen());
    // A drone on the assembly bench, so its build moves too.
    const int done = int(SimFleet::stageNames().size()) - 1;
    qsizetype bench = -1;
    for (qsizetype i = 0; i < server.fleet().size() && bench < 0; ++i) {
        if (server.fleet().drone(i).build.stage < done)
            bench = i;
    }
    QVERIFY(bench >= 0);
    const QString serial = server.fleet().drone(bench).serial;

    GatewayTestClient c(server.url());
    QVERIFY(isOk(c.authenticate()));
    const qsizetype from = c.messages.size();
    const QJsonObject snapshot = subscribeForSnapshot(c, QStringLiteral("drone_detail"),
                                                      {{QLatin1StringView("serials"), QJsonArray {serial}}});
    QCOMPARE(str(snapshot, "channel"), QStringLiteral("drone_detail"));
    const QJsonArray items = snapshot.value(QLatin1StringView("items")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.first().toObject();
    QCOMPARE(keySet(item),
             (QSet<QString> {QStringLiteral("serial"), QStringLiteral("timestamp"), QStringLiteral("build"),
                             QStringLiteral("health")}));
    QCOMPARE(str(item, "serial"), serial);
    QCOMPARE(keySet(item.value(QLatin1StringView("build")).toObject()),
             (QSet<QString> {QStringLiteral("percent"), QStringLiteral("stage"), QStringLiteral("assembly"),
                             QStringLiteral("eta")}));
    QCOMPARE(keySet(item.value(QLatin1StringView("health")).toObject()),
             (QSet<QString> {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("storage"),
                             QStringLiteral("temperature")}));

    QTRY_VERIFY_WITH_TIMEOUT(!droneUpdates(since(c, from), u"build_progress").isEmpty()
                                 && !droneUpdates(since(c, from), u"system_health").isEmpty(),
                             20000);
    // Nothing of the other drones, and nothing the drones channel carries.
    for (const QJsonObject &u : droneUpdates(since(c, from))) {
        QCOMPARE(str(u, "serial"), serial);
        QVERIFY2(str(u, "kind") == u"build_progress" || str(u, "kind") == u"system_health", qPrintable(str(u, "kind")));
    }
}

void TestSimRooms::dronesChannelCarriesStatusAndMilestones()
{
    SimHost server(options(200.0, 12, 0, 1)); // a build stage every few seconds
    QVERIFY(server.listen());
    GatewayTestClient fleet(server.url());
    GatewayTestClient room(server.url());
    QVERIFY(isOk(fleet.authenticate()));
    QVERIFY(isOk(room.authenticate()));

    const qsizetype fleetFrom = fleet.messages.size();
    const QJsonObject snapshot = subscribeForSnapshot(fleet, QStringLiteral("drones"));
    QCOMPARE(str(snapshot, "channel"), QStringLiteral("drones"));
    QHash<QString, QString> stages;
    for (const QJsonValue item : snapshot.value(QLatin1StringView("items")).toArray()) {
        // The fleet's items keep everything: status, build, health and operation.
        QVERIFY(item.toObject().contains(QLatin1StringView("health")));
        stages.insert(str(item.toObject(), "serial"), str(item[QLatin1StringView("build")].toObject(), "stage"));
    }
    QCOMPARE(stages.size(), 12);
    const qsizetype roomFrom = room.messages.size();
    QVERIFY(isOk(room.subscribe(QStringLiteral("drone_detail"))));

    QTRY_VERIFY_WITH_TIMEOUT(!droneUpdates(since(fleet, fleetFrom), u"build_progress").isEmpty(), 30000);
    const QList<QJsonObject> updates = droneUpdates(since(fleet, fleetFrom));
    for (const QJsonObject &u : updates) {
        const QString kind = str(u, "kind");
        QVERIFY2(kind == u"status" || kind == u"operation" || kind == u"build_progress", qPrintable(kind));
        if (kind != u"build_progress")
            continue;
        // Only a new stage reaches the fleet channel.
        const QString stage = str(u.value(QLatin1StringView("data")).toObject(), "stage");
        QVERIFY2(stage != stages.value(str(u, "serial")), qPrintable(str(u, "serial") + u' ' + stage));
        stages[str(u, "serial")] = stage;
    }
    QVERIFY(droneUpdates(updates, u"status").size() >= 12);
    // The room hears every step of the builds, and the health.
    const QList<QJsonObject> detail = droneUpdates(since(room, roomFrom));
    QVERIFY(droneUpdates(detail, u"build_progress").size() > droneUpdates(updates, u"build_progress").size());
    QVERIFY(!droneUpdates(detail, u"system_health").isEmpty());
    QVERIFY(droneUpdates(detail, u"status").isEmpty());
}

void TestSimRooms::endpointStreamRunsAtFullRate()
{
    // World time runs as the clock here, so the stream's 200 ms are real.
    SimHost server(options(1.0, 0, 0, 1)); // tank T1 starts cold, full and idle: telemetry is quiet
    QVERIFY(server.listen());
    GatewayTestClient stream(server.url());
    GatewayTestClient exception(server.url());
    QVERIFY(isOk(stream.authenticate()));
    QVERIFY(isOk(exception.authenticate()));
    const QJsonObject filter {{QLatin1StringView("endpointIds"), QJsonArray {kTemperature}}};

    const QJsonObject byException = subscribeForSnapshot(exception, QStringLiteral("telemetry"), filter);
    const qsizetype exceptionFrom = exception.messages.size();
    const QJsonObject snapshot = subscribeForSnapshot(stream, QStringLiteral("endpoint_stream"), filter);
    const qsizetype streamFrom = stream.messages.size();
    QCOMPARE(str(snapshot, "channel"), QStringLiteral("endpoint_stream"));
    const QJsonArray items = snapshot.value(QLatin1StringView("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(str(items.first().toObject(), "endpointId"), kTemperature);
    // The same items as the telemetry channel's.
    QCOMPARE(items, byException.value(QLatin1StringView("items")).toArray());

    QTRY_VERIFY_WITH_TIMEOUT(telemetry(since(stream, streamFrom)).size() >= 10, 10000);
    const QList<QJsonObject> samples = telemetry(since(stream, streamFrom)).mid(0, 10);
    for (const QJsonObject &s : samples) {
        QCOMPARE(keySet(s),
                 (QSet<QString> {QStringLiteral("type"), QStringLiteral("endpointId"), QStringLiteral("value"),
                                 QStringLiteral("unit"), QStringLiteral("timestamp"), QStringLiteral("seq"),
                                 QStringLiteral("ts")}));
        QCOMPARE(str(s, "endpointId"), kTemperature);
        QVERIFY(s.value(QLatin1StringView("value")).isDouble());
    }
    // Nine periods of 200 ms, each sample at the first server step past its
    // time: not faster than that, and not much slower.
    const qint64 span = stampMs(samples.last()) - stampMs(samples.first());
    QVERIFY2(span >= 9 * 200 - 100 && span <= 9 * 200 + 1500, qPrintable(QString::number(span)));
    // Meanwhile the telemetry channel reported by exception: a cold idle
    // tank's noise stays inside the deadband, at most a keepalive went out.
    QVERIFY(telemetry(since(exception, exceptionFrom)).size() <= 1);
}

void TestSimRooms::unsubscribingARoomStopsIt()
{
    SimHost server(options(50.0, 6, 0, 1));
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    GatewayTestClient witness(server.url()); // keeps receiving, to know time has passed
    QVERIFY(isOk(c.authenticate()));
    QVERIFY(isOk(witness.authenticate()));
    QVERIFY(isOk(witness.subscribe(QStringLiteral("endpoint_stream"))));
    QVERIFY(isOk(witness.subscribe(QStringLiteral("drone_detail"))));
    const auto ids = [](const QString &id) {
        return QJsonObject {{QLatin1StringView("endpointIds"), QJsonArray {id}}};
    };

    QVERIFY(isOk(c.subscribe(QStringLiteral("endpoint_stream"), ids(kTemperature))));
    QVERIFY(isOk(c.subscribe(QStringLiteral("endpoint_stream"), ids(kLevel))));
    QVERIFY(isOk(c.subscribe(QStringLiteral("drone_detail"))));
    QTRY_VERIFY(!telemetry(c.messages, kTemperature).isEmpty() && !telemetry(c.messages, kLevel).isEmpty()
                && !droneUpdates(c.messages).isEmpty());

    // The same filter removes that subscription only.
    const qsizetype afterTemperature = unsubscribe(c, QStringLiteral("endpoint_stream"), ids(kTemperature));
    QVERIFY(afterTemperature >= 0);
    QTRY_VERIFY(telemetry(since(c, afterTemperature), kLevel).size() >= 5);
    QVERIFY(telemetry(since(c, afterTemperature), kTemperature).isEmpty());
    QVERIFY(!droneUpdates(since(c, afterTemperature)).isEmpty());

    const qsizetype afterLevel = unsubscribe(c, QStringLiteral("endpoint_stream"), ids(kLevel));
    const qsizetype afterDrones = unsubscribe(c, QStringLiteral("drone_detail"));
    QVERIFY(afterLevel >= 0 && afterDrones >= 0);
    const qsizetype witnessFrom = witness.messages.size();
    QTRY_VERIFY(telemetry(since(witness, witnessFrom)).size() >= 40
                && droneUpdates(since(witness, witnessFrom)).size() >= 10);
    QVERIFY(telemetry(since(c, afterLevel)).isEmpty());
    QVERIFY(droneUpdates(since(c, afterDrones)).isEmpty());
}

void TestSimRooms::everyEntityKeepsItsCadence()
{
    constexpr double rate = 10.0; // a server step every 500 ms of world time
    SimHost server(options(rate, 4, 12, 2));
    QVERIFY(server.listen());
    GatewayTestClient c(server.url());
    QVERIFY(isOk(c.authenticate()));
    const qsizetype from = c.messages.size();
    for (const char *channel : {"drones", "machines", "telemetry", "health"})
        QVERIFY(isOk(c.subscribe(QLatin1StringView(channel))));

    // entity -> world-time cadence it promises
    QHash<QString, qint64> cadence;
    QHash<QString, qint64> lastMs;
    QHash<QString, qint64> maxGap;
    qint64 startMs = -1;
    qint64 endMs = -1;
    const auto measure = [&] {
        cadence.clear();
        lastMs.clear();
        maxGap.clear();
        startMs = endMs = -1;
        for (const QJsonObject &m : since(c, from)) {
            const QString type = str(m, "type");
            QString entity;
            qint64 period = 5000;
            if (type == u"drone_update" && str(m, "kind") == u"status") {
                entity = u"drone " + str(m, "serial");
            } else if (type == u"machine_status_update") {
                entity = u"machine " + str(m, "machineId");
            } else if (type == u"telemetry") {
                entity = u"endpoint " + str(m, "endpointId");
                period = 10000;
            } else if (type == u"system_health") {
                entity = QStringLiteral("server");
            } else {
                continue;
            }
            const qint64 at = stampMs(m);
            if (startMs < 0)
                startMs = at;
            endMs = std::max(endMs, at);
            cadence.insert(entity, period);
            maxGap[entity] = std::max(maxGap.value(entity), at - lastMs.value(entity, startMs));
            lastMs[entity] = at;
        }
        for (auto it = lastMs.cbegin(); it != lastMs.cend(); ++it)
            maxGap[it.key()] = std::max(maxGap.value(it.key()), endMs - it.value());
    };
    // A minute of world time: six periods of the slowest cadence.
    QTRY_VERIFY_WITH_TIMEOUT((measure(), endMs - startMs >= qint64(60'000 / rate)), 20000);
    QCOMPARE(maxGap.size(), 4 + 12 + 2 * 8 + 1);
    // Gaps in world time; a report can come one server step (500 ms) late,
    // and a busy test machine may hold a step back a little more.
    constexpr qint64 slack = 2500;
    for (auto it = maxGap.cbegin(); it != maxGap.cend(); ++it) {
        const qint64 worldGap = qint64(double(it.value()) * rate);
        QVERIFY2(worldGap <= cadence.value(it.key()) + slack,
                 qPrintable(QStringLiteral("%1: %2 ms of world time").arg(it.key()).arg(worldGap)));
    }
}

void TestSimRooms::allLeavesOutTheRooms()
{
    SimHost server(options(50.0, 6, 3, 1));
    QVERIFY(server.listen());
    GatewayTestClient all(server.url());
    GatewayTestClient rooms(server.url());
    QVERIFY(isOk(all.authenticate()));
    QVERIFY(isOk(rooms.authenticate()));
    const qsizetype allFrom = all.messages.size();
    QVERIFY(isOk(all.subscribe(QStringLiteral("all"))));
    QTRY_COMPARE(all.ofType(QStringLiteral("snapshot")).size(), GatewayChannels::channels().size());
    QSet<QString> channels;
    for (const QJsonObject &s : all.ofType(QStringLiteral("snapshot")))
        channels.insert(str(s, "channel"));
    QCOMPARE(channels, QSet<QString>(GatewayChannels::channels().cbegin(), GatewayChannels::channels().cend()));
    for (const QString &room : GatewayChannels::rooms())
        QVERIFY(!channels.contains(room));

    const qsizetype roomsFrom = rooms.messages.size();
    QVERIFY(isOk(rooms.subscribe(QStringLiteral("drone_detail"))));
    QVERIFY(isOk(rooms.subscribe(QStringLiteral("endpoint_stream"))));
    const qsizetype windowFrom = all.messages.size();
    // A second of wall time: the stream sends every endpoint at every step.
    QTRY_VERIFY_WITH_TIMEOUT(telemetry(since(rooms, roomsFrom)).size() >= 8 * 20
                                 && !droneUpdates(since(rooms, roomsFrom), u"system_health").isEmpty(),
                             10000);
    QVERIFY(droneUpdates(since(all, allFrom), u"system_health").isEmpty());
    QVERIFY(!droneUpdates(since(all, allFrom), u"status").isEmpty());
    // `all` has the telemetry channel: changes and keepalives, far fewer.
    const qsizetype exceptions = telemetry(since(all, windowFrom)).size();
    const qsizetype streamed = telemetry(since(rooms, roomsFrom)).size();
    QVERIFY2(exceptions * 2 < streamed, qPrintable(QStringLiteral("%1 vs %2").arg(exceptions).arg(streamed)));
}

QTEST_GUILESS_MAIN(TestSimRooms)
#include "tst_simrooms.moc"
