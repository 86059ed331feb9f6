#include "gateway/gatewaytestclient.h"
#include "gatewaychannels.h"
#include "simhost.h"

#include <QTest>

#include <memory>

// Every message type of the protocol, as the reference server sends it: one
// row per type (and per drone_update kind) with the fields it must carry.
class TestSimConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void messageCarriesItsFields_data();
    void messageCarriesItsFields();
    void eventsAreNumberedWithoutGaps();

private:
    std::unique_ptr<SimHost> m_server;
    std::unique_ptr<GatewayTestClient> m_admin;
    std::unique_ptr<GatewayTestClient> m_operator;
};

namespace {

QString typeOf(const QJsonObject &m)
{
    QString type = m.value(QLatin1StringView("type")).toString();
    if (type == u"drone_update")
        type += u':' + m.value(QLatin1StringView("kind")).toString();
    return type;
}

} // namespace

void TestSimConformance::initTestCase()
{
    SimOptions o;
    o.drones = 12;
    o.machines = 6;
    o.tiles = 1;
    o.rate = 100.0;
    o.scenarios = {QStringLiteral("alarm-flood"), QStringLiteral("machine-breakdown")};
    o.tokens = {{QStringLiteral("a"), QStringLiteral("admin")}, {QStringLiteral("o"), QStringLiteral("operator")}};
    m_server = std::make_unique<SimHost>(o);
    QVERIFY(m_server->listen());

    m_admin = std::make_unique<GatewayTestClient>(m_server->url());
    QVERIFY(m_admin->authenticate(QStringLiteral("a"), QStringLiteral("root")).value(QLatin1StringView("ok")).toBool());
    QVERIFY(m_admin->subscribe(QStringLiteral("all")).value(QLatin1StringView("ok")).toBool());
    // The rooms are not part of `all`; drone health travels only there.
    for (const QString &room : GatewayChannels::rooms())
        QVERIFY(m_admin->subscribe(room).value(QLatin1StringView("ok")).toBool());

    // Another console comes and acts, so presence, activity, commands and
    // acknowledgements happen.
    m_operator = std::make_unique<GatewayTestClient>(m_server->url());
    m_operator->authenticate(QStringLiteral("o"), QStringLiteral("bob"));
    QVERIFY(m_operator
                ->request({{QLatin1StringView("type"), QStringLiteral("command")},
                           {QLatin1StringView("commandId"), QStringLiteral("conf-1")},
                           {QLatin1StringView("endpointId"), QStringLiteral("T1.V101.open")},
                           {QLatin1StringView("value"), true}})
                .value(QLatin1StringView("ok"))
                .toBool());
    const QJsonObject alarm = m_admin->waitForType(QStringLiteral("alarm"), 10000);
    QVERIFY(!alarm.isEmpty());
    m_operator->request({{QLatin1StringView("type"), QStringLiteral("ack_alarm")},
                         {QLatin1StringView("alarmId"), alarm.value(QLatin1StringView("alarmId"))}});
    m_admin->request({{QLatin1StringView("type"), QStringLiteral("broadcast")},
                      {QLatin1StringView("message"), QStringLiteral("conformance")}});
    m_admin->request({{QLatin1StringView("type"), QStringLiteral("dashboard_refresh")}});
    m_admin->send({{QLatin1StringView("type"), QStringLiteral("ping")}, {QLatin1StringView("id"), 7}});
    m_admin->socket().sendTextMessage(QStringLiteral("not json"));

    const QStringList wanted = {
        QStringLiteral("hello"),
        QStringLiteral("result"),
        QStringLiteral("snapshot"),
        QStringLiteral("drone_update:status"),
        QStringLiteral("drone_update:build_progress"),
        QStringLiteral("drone_update:system_health"),
        QStringLiteral("drone_update:operation"),
        QStringLiteral("machine_status_update"),
        QStringLiteral("telemetry"),
        QStringLiteral("command_status"),
        QStringLiteral("alarm"),
        QStringLiteral("system_health"),
        QStringLiteral("system_alert"),
        QStringLiteral("maintenance_alert"),
        QStringLiteral("ticket_status_change"),
        QStringLiteral("presence_changed"),
        QStringLiteral("user_activity"),
        QStringLiteral("dashboard_refresh"),
        QStringLiteral("error"),
        QStringLiteral("pong"),
    };
    const auto missing = [&] {
        QSet<QString> seen;
        for (const QJsonObject &m : std::as_const(m_admin->messages))
            seen.insert(typeOf(m));
        QStringList out;
        for (const QString &w : wanted) {
            if (!seen.contains(w))
                out << w;
        }
        return out;
    };
    // Ticket changes take a few minutes of world time: under ten seconds here.
    // Ticket changes take minutes of world time: a few seconds here.
    (void)QTest::qWaitFor([&] { return missing().isEmpty(); }, 30000);
    QVERIFY2(missing().isEmpty(), qPrintable(missing().join(u", ")));
}

void TestSimConformance::cleanupTestCase()
{
    m_operator.reset();
    m_admin.reset();
    m_server.reset();
}

void TestSimConformance::messageCarriesItsFields_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("fields");
    const auto row = [](const char *type, std::initializer_list<const char *> fields) {
        QStringList list;
        for (const char *f : fields)
            list << QLatin1StringView(f);
        QTest::newRow(type) << QLatin1StringView(type).toString() << list;
    };
    row("hello", {"protocol", "server", "authRequired", "heartbeatMs"});
    row("result", {"id", "ok"});
    row("snapshot", {"channel", "items", "seq", "ts"});
    row("drone_update:status", {"serial", "kind", "data", "timestamp", "seq", "ts"});
    row("drone_update:build_progress", {"serial", "data", "timestamp"});
    row("drone_update:system_health", {"serial", "data", "timestamp"});
    row("drone_update:operation", {"serial", "data", "timestamp"});
    row("machine_status_update", {"machineId", "status", "utilization", "line", "producedCount", "seq"});
    row("telemetry", {"endpointId", "value", "unit", "timestamp", "seq"});
    row("command_status", {"commandId", "status", "actualValue", "error", "completedAt", "seq"});
    row("alarm",
        {"alarmId", "severity", "message", "source", "state", "timestamp", "ackedBy", "ackedAt", "note", "shelvedUntil",
         "count", "seq"});
    row("system_health", {"cpu", "memory", "storage", "seq"});
    row("system_alert", {"message", "level", "seq"});
    row("maintenance_alert", {"ticketId", "machineId", "priority", "description", "seq"});
    row("ticket_status_change", {"ticketId", "oldStatus", "newStatus", "machineId", "seq"});
    row("presence_changed", {"joined", "left", "seq"});
    row("user_activity", {"operator", "action", "target", "timestamp", "seq"});
    row("dashboard_refresh", {"seq"});
    row("error", {"code", "message", "seq"});
    row("pong", {"id"});
}

void TestSimConformance::messageCarriesItsFields()
{
    QFETCH(QString, type);
    QFETCH(QStringList, fields);
    QList<QJsonObject> all;
    for (const QJsonObject &m : std::as_const(m_admin->messages)) {
        if (typeOf(m) == type)
            all << m;
    }
    QVERIFY2(!all.isEmpty(), qPrintable(type));
    for (const QJsonObject &m : std::as_const(all)) {
        for (const QString &field : fields)
            QVERIFY2(m.contains(field), qPrintable(type + QStringLiteral(" lacks ") + field));
    }
    if (type.startsWith(u"drone_update:")) {
        const QJsonObject data = all.first().value(QLatin1StringView("data")).toObject();
        const QString kind = type.section(u':', 1);
        const QStringList dataFields = kind == u"status"
            ? QStringList {QStringLiteral("state"), QStringLiteral("battery"), QStringLiteral("location"),
                           QStringLiteral("speed")}
            : kind == u"build_progress" ? QStringList {QStringLiteral("percent"), QStringLiteral("stage"),
                                                       QStringLiteral("assembly"), QStringLiteral("eta")}
            : kind == u"system_health"
            ? QStringList {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("storage"),
                           QStringLiteral("temperature")}
            : QStringList {QStringLiteral("mission"), QStringLiteral("status"), QStringLiteral("progress")};
        for (const QString &field : dataFields)
            QVERIFY2(data.contains(field), qPrintable(type + QStringLiteral(" data lacks ") + field));
    }
}

void TestSimConformance::eventsAreNumberedWithoutGaps()
{
    qint64 previous = 0;
    for (const QJsonObject &m : std::as_const(m_admin->messages)) {
        if (!m.contains(QLatin1StringView("seq")))
            continue;
        const qint64 seq = m.value(QLatin1StringView("seq")).toInteger();
        QCOMPARE(seq, previous + 1);
        previous = seq;
        QVERIFY(m.value(QLatin1StringView("ts")).toInteger() > 0);
    }
    QVERIFY(previous > 100);
}

QTEST_GUILESS_MAIN(TestSimConformance)
#include "tst_simconformance.moc"
