#include "controlpanelview.h"
#include "endpointcontrol.h"
#include "net/connectionservice.h"
#include "services/commandservice.h"
#include "services/consoleservices.h"
#include "services/session.h"
#include "sparkline.h"
#include "support/consolefixture.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

// A server that says an endpoint's source is lost (`quality: "stale"`, as
// watchfloor-gateway does when a Sparkplug edge node or device dies or its
// broker goes) makes the control panel show that endpoint stale at once, in
// the one stale look the console has, and commands on it behave as on an
// endpoint stale by age: only switching off. The server is written by hand
// here, so the test decides every message; the console is a whole Session.

using State = Domain::LinkState;
using Refusal = CommandService::Refusal;

namespace {

const QString kValve = QStringLiteral("T1.V101.open");
const QString kSetpoint = QStringLiteral("T1.H101.setpoint");
const QString kTemperature = QStringLiteral("T1.TT101.temperature");
const QString kReason = QStringLiteral("edge node Edge1 offline");

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// One tile: a writable valve (on), a writable setpoint and a read-only temperature.
const QByteArray kTile
    = R"({"tileId":"T1","name":"Brew kettle","devices":[{"deviceId":"T1.D1","kind":"heater","name":"Kettle",)"
      R"("endpoints":[{"endpointId":"T1.V101.open","name":"Valve","valueType":"bool","writable":true,"value":true,)"
      R"("timestamp":"2026-11-22T10:00:00.000Z"},)"
      R"({"endpointId":"T1.H101.setpoint","name":"Setpoint","unit":"°C","valueType":"number","writable":true,)"
      R"("min":20,"max":95,"step":0.5,"value":60,"timestamp":"2026-11-22T10:00:00.000Z"},)"
      R"({"endpointId":"T1.TT101.temperature","name":"Temperature","unit":"°C","valueType":"number",)"
      R"("value":18,"timestamp":"2026-11-22T10:00:00.000Z"}]}]})";

// Answers hello, auth (an operator) and subscribe: the tiles above, and
// empty snapshots of every other channel. Events the test sends by hand.
class PlantServer : public QObject
{
public:
    PlantServer()
    {
        m_server.setSupportedSubprotocols({QStringLiteral("watchfloor.v1")});
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_server.nextPendingConnection();
            socket->setParent(this);
            m_socket = socket;
            send(parse(R"({"type":"hello","protocol":1})"));
            connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
                const QJsonObject r = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString type = r.value(QLatin1StringView("type")).toString();
                QJsonObject answer {{QLatin1StringView("type"), QStringLiteral("result")},
                                    {QLatin1StringView("id"), r.value(QLatin1StringView("id"))},
                                    {QLatin1StringView("ok"), true}};
                if (type == u"auth") {
                    answer.insert(QLatin1StringView("data"),
                                  QJsonObject {{QLatin1StringView("sessionId"), QStringLiteral("s-1")},
                                               {QLatin1StringView("role"), QStringLiteral("operator")}});
                    send(answer);
                } else if (type == u"subscribe") {
                    send(answer);
                    const QString channel = r.value(QLatin1StringView("channel")).toString();
                    QJsonArray items;
                    if (channel == u"tiles")
                        items.append(parse(kTile));
                    send({{QLatin1StringView("type"), QStringLiteral("snapshot")},
                          {QLatin1StringView("channel"), channel},
                          {QLatin1StringView("seq"), ++m_seq},
                          {QLatin1StringView("items"), items}});
                } else if (type == u"resume") {
                    answer.insert(QLatin1StringView("ok"), false);
                    answer.insert(QLatin1StringView("error"),
                                  QJsonObject {{QLatin1StringView("code"), QStringLiteral("resync_required")}});
                    send(answer);
                } else {
                    send(answer);
                }
            });
        });
    }

    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort()); }

    // A telemetry event; `fields` beside endpointId, seq and type.
    void telemetry(const QString &endpointId, QJsonObject fields)
    {
        fields.insert(QLatin1StringView("type"), QStringLiteral("telemetry"));
        fields.insert(QLatin1StringView("seq"), ++m_seq);
        fields.insert(QLatin1StringView("endpointId"), endpointId);
        send(fields);
    }

private:
    void send(const QJsonObject &m)
    {
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact)));
    }

    QWebSocketServer m_server {QStringLiteral("plant"), QWebSocketServer::NonSecureMode};
    QWebSocket *m_socket = nullptr;
    qint64 m_seq = 0;
};

QJsonObject lost(const QJsonValue &value = QJsonValue::Null)
{
    return {{QLatin1StringView("value"), value},
            {QLatin1StringView("quality"), QStringLiteral("stale")},
            {QLatin1StringView("qualityReason"), kReason},
            {QLatin1StringView("timestamp"), QStringLiteral("2026-11-22T10:00:05.000Z")}};
}

QJsonObject good(const QJsonValue &value, const char *time = "2026-11-22T10:00:10.000Z")
{
    return {{QLatin1StringView("value"), value},
            {QLatin1StringView("quality"), QStringLiteral("good")},
            {QLatin1StringView("timestamp"), QString::fromLatin1(time)}};
}

} // namespace

class TestQualityStale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(ThemeMode::Light); }
    void staleQualityShowsTheStaleLookAtOnceAndCommandsAsForAnAgeStaleEndpoint();

private:
    // What the control shows of its staleness: the stale word, the value in
    // the stale grey and slanted, the trend dashed, and the accessible name.
    static void verifyStaleLook(EndpointControl *control, bool stale);
};

void TestQualityStale::verifyStaleLook(EndpointControl *control, bool stale)
{
    QCOMPARE(control->isStale(), stale);
    QCOMPARE(control->staleShown(), stale);
    QCOMPARE(control->sparkline()->isStale(), stale);
    const auto *value = control->findChild<QLabel *>(QStringLiteral("endpointValue"));
    QVERIFY(value);
    QCOMPARE(value->font().italic(), stale);
    QCOMPARE(value->palette().color(QPalette::WindowText) == Theme::staleText(), stale);
    QCOMPARE(value->accessibleName().contains(u"stale"), stale);
}

void TestQualityStale::staleQualityShowsTheStaleLookAtOnceAndCommandsAsForAnAgeStaleEndpoint()
{
    PlantServer server;
    Session session;
    QAbstractItemModelTester tester(session.tiles(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    qint64 now = 1000;
    session.tiles()->setClock([&now] { return now; });
    session.setSettings(ConsoleFixture::settingsFor(server.url(), {.token = {}, .operatorName = QStringLiteral("t")}));
    session.connection()->setSubscriptions({QStringLiteral("tiles"), QStringLiteral("telemetry")});
    ConsoleServices services(&session);
    CommandService *commands = services.commands();
    ControlPanelView view(session.tiles());
    view.resize(1000, 600);
    view.show();
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.connection()->state(), State::Live, 10000);
    QTRY_VERIFY(view.endpointControl(kValve) && view.endpointControl(kTemperature));
    EndpointControl *valve = view.endpointControl(kValve);
    EndpointControl *setpoint = view.endpointControl(kSetpoint);
    EndpointControl *temperature = view.endpointControl(kTemperature);
    server.telemetry(kTemperature, good(18.5, "2026-11-22T10:00:01.000Z"));
    QTRY_COMPARE(session.tiles()->history().sampleCount(kTemperature, TileModel::kHistoryMetric), 2);
    for (EndpointControl *c : {valve, setpoint, temperature})
        verifyStaleLook(c, false);
    QVERIFY(valve->isActionable());
    QVERIFY(setpoint->isActionable());
    const QString temperatureText = temperature->valueText();

    // Edge1 dies: the gateway says so for each of its values, at once.
    QElapsedTimer sent;
    sent.start();
    server.telemetry(kValve, lost());
    server.telemetry(kSetpoint, lost(60));
    server.telemetry(kTemperature, lost());
    QTRY_VERIFY(valve->isStale() && setpoint->isStale() && temperature->isStale());
    QVERIFY2(sent.elapsed() < 1000, qPrintable(QString::number(sent.elapsed())));
    QCOMPARE(now, 1000); // not one ms of age: the marker alone did it
    for (EndpointControl *c : {valve, setpoint, temperature}) {
        verifyStaleLook(c, true);
        QVERIFY2(c->staleToolTip().contains(kReason), qPrintable(c->staleToolTip()));
    }
    // The last known values stay, and the null is no point of the trend.
    QCOMPARE(temperature->valueText(), temperatureText);
    QCOMPARE(session.tiles()->history().sampleCount(kTemperature, TileModel::kHistoryMetric), 2);
    QCOMPARE(session.tiles()->indexOfEndpoint(kValve).data(TileModel::ValueRole), QVariant(true));

    // Commands as on any stale endpoint: switching off only.
    const auto verifySwitchingOffOnly = [&](const QString &why) {
        QVERIFY(valve->isActionable()); // it is on: switching it off is possible
        QVERIFY(!setpoint->isActionable());
        QVERIFY(commands->check(kValve, false).allowed());
        const CommandService::Check on = commands->check(kValve, true);
        QCOMPARE(on.refusal, Refusal::Stale);
        const CommandService::Check set = commands->check(kSetpoint, 50.0);
        QCOMPARE(set.refusal, Refusal::Stale);
        QVERIFY2(set.reason.contains(why), qPrintable(set.reason));
    };
    verifySwitchingOffOnly(QStringLiteral("lost the source"));

    // Edge1 is back: a good value ends it, and the trend goes on.
    server.telemetry(kValve, good(true));
    server.telemetry(kSetpoint, good(60));
    server.telemetry(kTemperature, good(19.0));
    QTRY_VERIFY(!valve->isStale() && !setpoint->isStale() && !temperature->isStale());
    for (EndpointControl *c : {valve, setpoint, temperature})
        verifyStaleLook(c, false);
    QCOMPARE(session.tiles()->history().sampleCount(kTemperature, TileModel::kHistoryMetric), 3);
    QVERIFY(setpoint->isActionable());
    QVERIFY(commands->check(kSetpoint, 50.0).allowed());

    // The same endpoints stale by age instead: the same look and the same commands.
    now += 3 * session.tiles()->expectedPeriodMs() + 1;
    session.tiles()->refreshStaleness();
    QTRY_VERIFY(valve->isStale() && setpoint->isStale() && temperature->isStale());
    for (EndpointControl *c : {valve, setpoint, temperature}) {
        verifyStaleLook(c, true);
        QVERIFY(!c->staleToolTip().contains(kReason));
    }
    verifySwitchingOffOnly(QStringLiteral("not reported lately"));
}

QTEST_MAIN(TestQualityStale)
#include "tst_qualitystale.moc"
