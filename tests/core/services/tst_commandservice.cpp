#include "core/net/faultproxy.h"
#include "gateway/gatewaytestclient.h"
#include "net/connectionservice.h"
#include "services/commandservice.h"
#include "services/session.h"
#include "simhost.h"
#include "support/consolefixture.h"

#include <QSignalSpy>
#include <QTest>

using Domain::CommandState;
using Refusal = CommandService::Refusal;
using Domain::EndpointValue;

namespace {

const QString valve = QStringLiteral("T1.V101.open");
const QString pump = QStringLiteral("T1.P101.running");
const QString flow = QStringLiteral("T1.P101.flow");
const QString heater = QStringLiteral("T1.H101.on");
const QString setpoint = QStringLiteral("T1.H101.setpoint");
const QString mode = QStringLiteral("T1.H101.mode");
const QString temperature = QStringLiteral("T1.TT101.temperature");

SimOptions plant(double failureRate = 0.0)
{
    SimOptions o;
    o.drones = 0;
    o.machines = 0;
    o.tiles = 1;
    o.rate = 1.0; // real time: a command takes the device 0.6 to 2.3 s
    o.commandFailureRate = failureRate;
    o.tokens = {{QStringLiteral("o"), QStringLiteral("operator")},
                {QStringLiteral("b"), QStringLiteral("operator")},
                {QStringLiteral("v"), QStringLiteral("viewer")}};
    return o;
}

EndpointValue valueOf(Session &session, const QString &endpointId)
{
    return session.tiles()->endpoint(endpointId).value_or(Domain::Endpoint {}).value;
}

double numberOf(Session &session, const QString &endpointId)
{
    const EndpointValue v = valueOf(session, endpointId);
    return std::holds_alternative<double>(v) ? std::get<double>(v) : qQNaN();
}

// Sends and waits for the final phase; the command as it ended.
CommandService::Command runToEnd(CommandService &service, const QString &endpointId, const EndpointValue &value,
                                 int timeoutMs = 10000)
{
    CommandService::Check refused;
    const QUuid id = service.send(endpointId, value, &refused);
    if (id.isNull()) {
        qWarning() << "refused:" << refused.reason;
        return {};
    }
    (void)QTest::qWaitFor([&] { return service.command(id)->isFinal(); }, timeoutMs);
    return *service.command(id);
}

int commandsSeenFor(Session &session, const QString &endpointId)
{
    int n = 0;
    for (int row = 0; row < session.commands()->rowCount(); ++row)
        n += session.commands()->index(row, 0).data(CommandModel::EndpointIdRole).toString() == endpointId ? 1 : 0;
    return n;
}

} // namespace

class TestCommandService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifeCycleFromRequestToSuccess();
    void aDoubleClickSendsOnce();
    void pumpOnMakesFlowAndHeaterMakesHeat();
    void localChecksRefuseWithoutSending_data();
    void localChecksRefuseWithoutSending();
    void localInterlockRefusesWithItsDescription();
    void serverInterlockRefusalIsShownAsRejected();
    void deviceFailureLeavesTheActualValue();
    void timeoutTellsToCheckTheDeviceAndLateTruthCorrectsIt();
    void offlineRefusesAndKeepsNothingForLater();
    void viewerIsReadOnly();
    void serverForbiddingIsShownClearly();
    void commandsDisabledByProfile();
    void anotherOperatorOvertakesAPendingCommand();
    void a8_resyncSnapshotTellsTheOutcome();
    void a4_snapshotWithoutAnotherConsolesCommandClearsIt();
    void a13_timeoutIgnoresStepsOfTheSystemClock();
    void a14_nothingIsQueuedBeforeTheServerSaysSo();
    void a16_refusedAndLostCommandsAreLogged();
    void a18_answerAfterTheServiceIsGoneIsHarmless();
    void a22_requestTimeoutDoesNotEndACommandEarly();
    void a22_noAnswerOnALiveLinkIsToldAsSuch();
    void s6_staleValuesAreNotActedOn();
    void s9_commandArrivingAfterItsValidityIsRefused();
    void s12_rampingTowardsTheRequestIsNotOvertaken();
};

void TestCommandService::lifeCycleFromRequestToSuccess()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(valueOf(session, valve), EndpointValue(false));

    QSignalSpy changed(&service, &CommandService::commandChanged);
    QSignalSpy finished(&service, &CommandService::commandFinished);
    const QUuid id = service.send(valve, true);
    QVERIFY(!id.isNull());
    // At once: pending on the endpoint with the requested value, never shown as the value.
    QCOMPARE(service.pendingOn(valve)->id, id);
    const QModelIndex endpoint = session.tiles()->indexOfEndpoint(valve);
    QCOMPARE(endpoint.data(TileModel::PendingCommandIdRole).toString(), id.toString(QUuid::WithoutBraces));
    QCOMPARE(endpoint.data(TileModel::PendingValueRole), QVariant(true));
    QCOMPARE(endpoint.data(TileModel::ValueRole), QVariant(false));

    QTRY_VERIFY_WITH_TIMEOUT(service.command(id)->isFinal(), 10000);
    const CommandService::Command done = *service.command(id);
    QCOMPARE(done.status, CommandState::Succeeded);
    QVERIFY(!done.late);
    QList<CommandState> phases;
    for (const Domain::CommandStep &step : done.history)
        phases.append(step.status);
    QCOMPARE(phases.first(), CommandState::Requested);
    QCOMPARE(phases.last(), CommandState::Succeeded);
    QVERIFY(phases.contains(CommandState::Acked));
    QVERIFY(std::is_sorted(phases.cbegin(), phases.cend())); // in order, no step twice
    QCOMPARE(finished.size(), 1);
    QCOMPARE(changed.size(), phases.size());
    QCOMPARE(done.before, EndpointValue(false));
    QTRY_COMPARE(valueOf(session, valve), EndpointValue(true));
    QVERIFY(!service.pendingOn(valve));
    QTRY_VERIFY(!session.tiles()->indexOfEndpoint(valve).data(TileModel::PendingCommandIdRole).isValid());
    // The server knows it under our id, from our operator.
    QTRY_VERIFY(session.commands()->rowOf(id.toString(QUuid::WithoutBraces)) >= 0);
    const int row = session.commands()->rowOf(id.toString(QUuid::WithoutBraces));
    QCOMPARE(session.commands()->index(row, 0).data(CommandModel::OperatorNameRole).toString(), u"alice");
}

void TestCommandService::aDoubleClickSendsOnce()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    const QUuid first = service.send(valve, true);
    CommandService::Check refused;
    const QUuid second = service.send(valve, true, &refused);
    QVERIFY(!first.isNull());
    QVERIFY(second.isNull());
    QCOMPARE(refused.refusal, Refusal::Pending);
    QVERIFY(refused.reason.contains(QStringLiteral("pending")));
    QTRY_VERIFY_WITH_TIMEOUT(service.command(first)->isFinal(), 10000);
    QTest::qWait(300);
    // One command reached the server for the valve, under one id.
    QCOMPARE(commandsSeenFor(session, valve), 1);
    QCOMPARE(service.commands().size(), 1);
}

void TestCommandService::pumpOnMakesFlowAndHeaterMakesHeat()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QVERIFY(numberOf(session, flow) < 1.0);
    QCOMPARE(runToEnd(service, valve, true).status, CommandState::Succeeded);
    QTRY_COMPARE(valueOf(session, valve), EndpointValue(true));
    QCOMPARE(runToEnd(service, pump, true).status, CommandState::Succeeded);
    // The pump moves water: flow rises towards its rated value.
    QTRY_VERIFY_WITH_TIMEOUT(numberOf(session, flow) > 20.0, 15000);
    const double before = numberOf(session, temperature);
    QTRY_COMPARE(valueOf(session, pump), EndpointValue(true));
    QCOMPARE(runToEnd(service, setpoint, 80.0).status, CommandState::Succeeded);
    QCOMPARE(runToEnd(service, heater, true).status, CommandState::Succeeded);
    // The heater warms the tank.
    QTRY_VERIFY_WITH_TIMEOUT(numberOf(session, temperature) > before + 1.0, 20000);
}

void TestCommandService::localChecksRefuseWithoutSending_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<EndpointValue>("value");
    QTest::addColumn<Refusal>("refusal");
    QTest::newRow("unknown") << QStringLiteral("T9.X.y") << EndpointValue(true) << Refusal::UnknownEndpoint;
    QTest::newRow("read-only sensor") << temperature << EndpointValue(20.0) << Refusal::NotWritable;
    QTest::newRow("number for a switch") << valve << EndpointValue(1.0) << Refusal::WrongType;
    QTest::newRow("below the minimum") << setpoint << EndpointValue(10.0) << Refusal::OutOfRange;
    QTest::newRow("above the maximum") << setpoint << EndpointValue(120.0) << Refusal::OutOfRange;
    QTest::newRow("off the step") << setpoint << EndpointValue(50.2) << Refusal::OutOfRange;
    QTest::newRow("not an option") << mode << EndpointValue(QStringLiteral("turbo")) << Refusal::NotAnOption;
    QTest::newRow("word for a number") << setpoint << EndpointValue(QStringLiteral("50")) << Refusal::WrongType;
}

void TestCommandService::localChecksRefuseWithoutSending()
{
    QFETCH(QString, endpoint);
    QFETCH(EndpointValue, value);
    QFETCH(Refusal, refusal);
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    CommandService::Check refused;
    QVERIFY(service.send(endpoint, value, &refused).isNull());
    QCOMPARE(refused.refusal, refusal);
    QVERIFY(!refused.reason.isEmpty());
    QCOMPARE(service.check(endpoint, value).refusal, refusal);
    QTest::qWait(200);
    QCOMPARE(session.commands()->rowCount(), 0); // nothing reached the server
    QVERIFY(service.commands().isEmpty());
    // The allowed neighbours pass.
    QVERIFY(service.check(setpoint, 50.5).allowed());
    QVERIFY(service.check(mode, QStringLiteral("manual")).allowed());
}

void TestCommandService::localInterlockRefusesWithItsDescription()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(valueOf(session, valve), EndpointValue(false));
    CommandService::Check refused;
    QVERIFY(service.send(pump, true, &refused).isNull());
    QCOMPARE(refused.refusal, Refusal::Interlock);
    QCOMPARE(refused.reason, QStringLiteral("Pump P-101 needs outlet valve V-101 open"));
    // Switching off is never interlocked.
    QVERIFY(service.check(pump, false).allowed());
    QTest::qWait(200);
    QCOMPARE(session.commands()->rowCount(), 0);
}

void TestCommandService::serverInterlockRefusalIsShownAsRejected()
{
    // The console's picture lags the server by one and a half seconds: it still sees the
    // valve open when bob has closed it, so only the server can refuse.
    SimHost server(plant());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(runToEnd(service, valve, true).status, CommandState::Succeeded);
    QTRY_COMPARE(valueOf(session, valve), EndpointValue(true));

    GatewayTestClient bob(server.url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    QVERIFY(bob.subscribe(QStringLiteral("commands")).value(u"ok").toBool());
    proxy.setDelayMs(1500);
    QVERIFY(bob.request({{QLatin1StringView("type"), QStringLiteral("command")},
                         {QLatin1StringView("commandId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {QLatin1StringView("endpointId"), valve},
                         {QLatin1StringView("value"), false}})
                .value(u"ok")
                .toBool());
    // Bob's close has happened at the server…
    QVERIFY(!bob.waitFor(
                    [](const QJsonObject &m) {
                        return m.value(u"type").toString() == u"command_status"
                            && m.value(u"status").toString() == u"succeeded";
                    },
                    10000)
                 .isEmpty());
    // …while this console, behind the delay, still sees it open.
    QCOMPARE(valueOf(session, valve), EndpointValue(true));
    const CommandService::Command refused = runToEnd(service, pump, true, 15000);
    QCOMPARE(refused.status, CommandState::Rejected);
    QCOMPARE(refused.errorCode, QStringLiteral("interlock"));
    QVERIFY2(refused.error.contains(QStringLiteral("Pump P-101 needs outlet valve V-101 open")),
             qPrintable(refused.error));
    QVERIFY(!service.pendingOn(pump));
    QTRY_COMPARE_WITH_TIMEOUT(valueOf(session, pump), EndpointValue(false), 10000);
}

void TestCommandService::deviceFailureLeavesTheActualValue()
{
    SimHost server(plant(1.0)); // every accepted command fails at the device
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    const CommandService::Command failed = runToEnd(service, valve, true);
    QCOMPARE(failed.status, CommandState::Failed);
    QVERIFY(!failed.error.isEmpty());
    QCOMPARE(failed.before, EndpointValue(false));
    QCOMPARE(failed.actualValue, EndpointValue(false)); // rolled back: what the device really is
    QTest::qWait(300);
    QCOMPARE(valueOf(session, valve), EndpointValue(false));
    QVERIFY(!session.tiles()->indexOfEndpoint(valve).data(TileModel::PendingCommandIdRole).isValid());
}

void TestCommandService::timeoutTellsToCheckTheDeviceAndLateTruthCorrectsIt()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    service.setTimeout(std::chrono::milliseconds(150)); // the device takes 0.6 s at least
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QSignalSpy finished(&service, &CommandService::commandFinished);
    const QUuid id = service.send(valve, true);
    QTRY_COMPARE(service.command(id)->status, CommandState::Timeout);
    QVERIFY(service.command(id)->error.contains(QStringLiteral("check the device")));
    QVERIFY(!service.pendingOn(valve));
    QVERIFY(!session.tiles()->indexOfEndpoint(valve).data(TileModel::PendingCommandIdRole).isValid());
    // The server's final word comes late and is taken as the truth.
    QTRY_COMPARE_WITH_TIMEOUT(service.command(id)->status, CommandState::Succeeded, 10000);
    QVERIFY(service.command(id)->late);
    QCOMPARE(finished.size(), 2);
}

void TestCommandService::offlineRefusesAndKeepsNothingForLater()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_VERIFY(!session.hasLiveData());
    CommandService::Check refused;
    QVERIFY(service.send(valve, true, &refused).isNull());
    QCOMPARE(refused.refusal, Refusal::Offline);
    QCOMPARE(service.availability().refusal, Refusal::Offline);
    proxy.setRefusing(false);
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    QTest::qWait(500);
    QCOMPARE(session.commands()->rowCount(), 0); // nothing was kept and sent later
    QCOMPARE(valueOf(session, valve), EndpointValue(false));
}

void TestCommandService::viewerIsReadOnly()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url(), {.token = QStringLiteral("v")}));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTRY_COMPARE(session.connection()->role(), QStringLiteral("viewer"));
    CommandService::Check refused;
    QVERIFY(service.send(valve, true, &refused).isNull());
    QCOMPARE(refused.refusal, Refusal::ReadOnly);
    QVERIFY(refused.reason.contains(QStringLiteral("viewer")));
}

void TestCommandService::serverForbiddingIsShownClearly()
{
    // A role this console does not know: it cannot tell it is read-only, so
    // the command goes out, and the server's refusal must be said plainly.
    SimOptions options = plant();
    options.tokens.insert(QStringLiteral("a"), QStringLiteral("auditor"));
    SimHost server(options);
    QVERIFY(server.listen());
    Session session;
    // The WebSocket never goes live for a role the console does not know;
    // the REST fallback carries it, and this test need not wait 15 s for it.
    ConnectionSettings settings = ConsoleFixture::settingsFor(server.url(), {.token = QStringLiteral("a")});
    settings.pollAfterMs = 300;
    session.setSettings(settings);
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QVERIFY(session.connection()->role() != QStringLiteral("viewer")); // nothing here says read-only
    const CommandService::Command refused = runToEnd(service, valve, true);
    QCOMPARE(refused.status, CommandState::Rejected);
    QCOMPARE(refused.errorCode, QStringLiteral("forbidden"));
    QVERIFY2(refused.error.startsWith(QStringLiteral("The server refused: your role may not send commands")),
             qPrintable(refused.error));
    QVERIFY(!service.pendingOn(valve));
    QCOMPARE(valueOf(session, valve), EndpointValue(false));
}

void TestCommandService::commandsDisabledByProfile()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    service.setCommandsAllowed(false);
    service.setCriticalEndpoints({heater});
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(service.check(valve, true).refusal, Refusal::Disabled);
    // Confirmation: the profile's list, or the server's `critical` mark (the pump and the heater's switch).
    QVERIFY(service.needsConfirmation(heater));
    QVERIFY(service.needsConfirmation(pump));
    QVERIFY(!service.needsConfirmation(valve));
    QVERIFY(!service.needsConfirmation(setpoint));
    QCOMPARE(session.tiles()->indexOfEndpoint(pump).data(TileModel::CriticalRole), QVariant(true));
    QCOMPARE(session.tiles()->indexOfEndpoint(valve).data(TileModel::CriticalRole), QVariant(false));
    service.setCriticalEndpoints({valve});
    QVERIFY(service.needsConfirmation(valve));
}

void TestCommandService::anotherOperatorOvertakesAPendingCommand()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QSignalSpy overtaken(&service, &CommandService::overtaken);
    GatewayTestClient bob(server.url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    const QUuid id = service.send(setpoint, 60.0);
    QVERIFY(!id.isNull());
    QVERIFY(bob.request({{QLatin1StringView("type"), QStringLiteral("command")},
                         {QLatin1StringView("commandId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {QLatin1StringView("endpointId"), setpoint},
                         {QLatin1StringView("value"), 70.0}})
                .value(u"ok")
                .toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!overtaken.isEmpty(), 5000);
    const auto args = overtaken.first();
    QCOMPARE(args.at(0).value<CommandService::Command>().id, id);
    QCOMPARE(args.at(1).toString(), QStringLiteral("bob"));
    // Both finish; the value shown is the server's: that of whichever finished last.
    QTRY_VERIFY_WITH_TIMEOUT(service.command(id)->isFinal(), 10000);
    const auto finishedForSetpoint = [&] {
        QList<QModelIndex> rows;
        for (int row = 0; row < session.commands()->rowCount(); ++row) {
            const QModelIndex index = session.commands()->index(row, 0);
            if (index.data(CommandModel::EndpointIdRole).toString() == setpoint
                && index.data(CommandModel::FinalRole).toBool())
                rows.append(index);
        }
        return rows;
    };
    QTRY_COMPARE_WITH_TIMEOUT(finishedForSetpoint().size(), 2, 10000);
    const QList<QModelIndex> both = finishedForSetpoint();
    const QModelIndex last = both.at(0).data(CommandModel::CompletedAtRole).toDateTime()
            > both.at(1).data(CommandModel::CompletedAtRole).toDateTime()
        ? both.at(0)
        : both.at(1);
    QTRY_COMPARE(session.tiles()->indexOfEndpoint(setpoint).data(TileModel::ValueRole),
                 last.data(CommandModel::ActualValueRole));
}

void TestCommandService::a8_resyncSnapshotTellsTheOutcome()
{
    // The console's own command is queued, the link drops, the command
    // succeeds meanwhile, and the resume is refused: the resync's `commands`
    // snapshot is the only place the outcome is told.
    SimOptions options = plant();
    options.replayEvents = 1; // any outage past one event ends in a resync
    SimHost server(options);
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    GatewayTestClient bob(server.url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    QVERIFY(bob.subscribe(QStringLiteral("commands")).value(u"ok").toBool());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    CommandService service(&session);
    service.setTimeout(std::chrono::seconds(60));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QSignalSpy finished(&service, &CommandService::commandFinished);
    const QUuid id = service.send(valve, true);
    QTRY_VERIFY(service.command(id)->status != CommandState::Requested);
    QVERIFY(!service.command(id)->isFinal());
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_VERIFY(!session.connection()->isLive());
    const QString idText = id.toString(QUuid::WithoutBraces);
    QVERIFY(!bob.waitFor(
                    [&idText](const QJsonObject &m) {
                        return m.value(u"type").toString() == u"command_status"
                            && m.value(u"commandId").toString() == idText
                            && m.value(u"status").toString() == u"succeeded";
                    },
                    10000)
                 .isEmpty());
    QVERIFY(!service.command(id)->isFinal()); // nothing told this console yet
    proxy.setRefusing(false);
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(service.command(id)->status, CommandState::Succeeded, 3000);
    const CommandService::Command done = *service.command(id);
    QCOMPARE(done.actualValue, EndpointValue(true));
    for (const Domain::CommandStep &step : done.history)
        QVERIFY(step.status != CommandState::Timeout && step.status != CommandState::Lost);
    QCOMPARE(finished.size(), 1); // no false timeout first
    QVERIFY(!service.pendingOn(valve));
}

void TestCommandService::a4_snapshotWithoutAnotherConsolesCommandClearsIt()
{
    // Bob's command is on its way when the server restarts and forgets it.
    // The resync's `commands` snapshot no longer lists it: the endpoint must
    // not stay pending, and switching off is never blocked by it meanwhile.
    auto server = std::make_unique<SimHost>(plant());
    QVERIFY(server->listen());
    const quint16 port = server->port();
    FaultProxy proxy(port);
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(runToEnd(service, valve, true).status, CommandState::Succeeded);
    const QModelIndex endpoint = session.tiles()->indexOfEndpoint(valve);
    const QString bobsId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        GatewayTestClient bob(server->url());
        QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
        QVERIFY(bob.request({{QLatin1StringView("type"), QStringLiteral("command")},
                             {QLatin1StringView("commandId"), bobsId},
                             {QLatin1StringView("endpointId"), valve},
                             {QLatin1StringView("value"), true}})
                    .value(u"ok")
                    .toBool());
    }
    // Bob's first status reaches this console, the rest never does.
    QTRY_COMPARE(endpoint.data(TileModel::PendingCommandIdRole).toString(), bobsId);
    proxy.setStalled(true);
    QCOMPARE(endpoint.data(TileModel::PendingOwnRole), QVariant(false));
    QVERIFY(service.check(valve, false).allowed());
    // The server restarts on the same port, knowing nothing of bob's command.
    server.reset();
    SimOptions again = plant();
    again.port = port;
    server = std::make_unique<SimHost>(again);
    QVERIFY(server->listen());
    proxy.dropAll();
    proxy.setStalled(false);
    QTRY_VERIFY(!session.connection()->isLive());
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    // Well before its expiry (the timeout plus a margin, 15 s): the snapshot said so.
    QTRY_VERIFY_WITH_TIMEOUT(!endpoint.data(TileModel::PendingCommandIdRole).isValid(), 3000);
}

void TestCommandService::a13_timeoutIgnoresStepsOfTheSystemClock()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    QDateTime wall = QDateTime::currentDateTimeUtc();
    service.setClock([&wall] { return wall; });
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QSignalSpy finished(&service, &CommandService::commandFinished);
    const QUuid id = service.send(valve, true);
    QVERIFY(!id.isNull());
    wall = wall.addSecs(3600); // the system clock steps an hour forward
    QTRY_VERIFY_WITH_TIMEOUT(service.command(id)->isFinal(), 10000);
    QCOMPARE(service.command(id)->status, CommandState::Succeeded);
    QVERIFY(!service.command(id)->late);
    QCOMPARE(finished.size(), 1);
}

void TestCommandService::a14_nothingIsQueuedBeforeTheServerSaysSo()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    proxy.setDelayMs(300);
    const QUuid id = service.send(valve, true);
    const QModelIndex endpoint = session.tiles()->indexOfEndpoint(valve);
    // Being sent: pending on the endpoint, with no status, since the server has said nothing.
    QCOMPARE(service.command(id)->status, CommandState::Requested);
    QCOMPARE(CommandService::stateName(CommandState::Requested), QStringLiteral("sending"));
    QCOMPARE(endpoint.data(TileModel::PendingCommandIdRole).toString(), id.toString(QUuid::WithoutBraces));
    QVERIFY(!endpoint.data(TileModel::PendingStatusRole).isValid());
    QCOMPARE(endpoint.data(TileModel::PendingOwnRole), QVariant(true));
    QCOMPARE(session.commands()->rowCount(), 0);
    // Queued once the server has answered.
    QTRY_VERIFY(service.command(id)->status != CommandState::Requested);
    QVERIFY(endpoint.data(TileModel::PendingStatusRole).isValid() || service.command(id)->isFinal());
    QCOMPARE(session.commands()->rowCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(service.command(id)->isFinal(), 10000);
    QCOMPARE(service.command(id)->status, CommandState::Succeeded);
}

void TestCommandService::a16_refusedAndLostCommandsAreLogged()
{
    SimOptions options = plant();
    options.tokens.insert(QStringLiteral("a"), QStringLiteral("auditor"));
    SimHost server(options);
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    Session session;
    // The WebSocket never goes live for a role the console does not know;
    // the REST fallback carries it, and this test need not wait 15 s for it.
    ConnectionSettings settings = ConsoleFixture::settingsFor(proxy.url(), {.token = QStringLiteral("a")});
    settings.pollAfterMs = 300;
    session.setSettings(settings);
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    const auto row = [&session](const QUuid &id) {
        const QString key = id.toString(QUuid::WithoutBraces);
        for (int r = 0; r < session.commands()->rowCount(); ++r) {
            const QModelIndex index = session.commands()->index(r, 0);
            if (index.data(CommandModel::CommandIdRole).toString() == key)
                return index;
        }
        return QModelIndex();
    };
    // Refused by the server, which announces nothing.
    const CommandService::Command refused = runToEnd(service, valve, true);
    QCOMPARE(refused.status, CommandState::Rejected);
    const QModelIndex refusedRow = row(refused.id);
    QVERIFY(refusedRow.isValid());
    QCOMPARE(refusedRow.data(CommandModel::StatusRole).toInt(), int(Domain::CommandState::Rejected));
    QCOMPARE(refusedRow.data(CommandModel::OperatorNameRole).toString(), QStringLiteral("alice"));
    QCOMPARE(refusedRow.data(CommandModel::RequestedValueRole), QVariant(true));
    QVERIFY(refusedRow.data(CommandModel::ErrorRole).toString().contains(QStringLiteral("role")));
    // Lost: the link goes before the server answers.
    proxy.setStalled(true);
    const QUuid lostId = service.send(valve, true);
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_COMPARE(service.command(lostId)->status, CommandState::Lost);
    const QModelIndex lostRow = row(lostId);
    QVERIFY(lostRow.isValid());
    QCOMPARE(lostRow.data(CommandModel::FinalRole), QVariant(true));
    QVERIFY(lostRow.data(CommandModel::ErrorRole).toString().contains(QStringLiteral("link went")));
}

void TestCommandService::a18_answerAfterTheServiceIsGoneIsHarmless()
{
    // A request still in flight when the service goes is answered later
    // (here by stopping the link, as a REST request is failed when the
    // polling client is destroyed): nothing may touch the service then.
    SimHost server(plant());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    proxy.setStalled(true);
    auto service = std::make_unique<CommandService>(&session);
    QVERIFY(!service->send(valve, true).isNull());
    // The service is gone, its tile model's pending mark with it replaced by
    // something the answer must not reach.
    service.reset();
    session.stop(); // answers the request: "offline"
    QVERIFY(!session.connection()->isLive());
}

void TestCommandService::a22_requestTimeoutDoesNotEndACommandEarly()
{
    // The server's answer takes longer than the request timeout, but far
    // less than the command's own: the command goes on to its outcome.
    SimHost server(plant());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    ConnectionSettings settings = ConsoleFixture::settingsFor(proxy.url());
    settings.requestTimeoutMs = 300;
    Session session;
    session.setSettings(settings);
    CommandService service(&session);
    service.setTimeout(std::chrono::seconds(20));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    proxy.setDelayMs(800);
    const QUuid id = service.send(valve, true);
    QTRY_VERIFY_WITH_TIMEOUT(service.command(id)->isFinal(), 15000);
    QCOMPARE(service.command(id)->status, CommandState::Succeeded);
    QVERIFY(!service.command(id)->late);
}

void TestCommandService::a22_noAnswerOnALiveLinkIsToldAsSuch()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    ConnectionSettings settings = ConsoleFixture::settingsFor(proxy.url());
    settings.requestTimeoutMs = 200;
    Session session;
    session.setSettings(settings);
    CommandService service(&session);
    service.setTimeout(std::chrono::milliseconds(1500));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    proxy.setStalled(true); // the link stays up, nothing comes through
    const QUuid id = service.send(valve, true);
    QTRY_VERIFY_WITH_TIMEOUT(service.command(id)->isFinal(), 5000);
    QVERIFY(session.connection()->isLive());
    const CommandService::Command command = *service.command(id);
    QCOMPARE(command.status, CommandState::Timeout);
    QCOMPARE(command.errorCode, QStringLiteral("timeout"));
    QVERIFY2(command.error.contains(QStringLiteral("did not answer")), qPrintable(command.error));
    QVERIFY2(!command.error.contains(QStringLiteral("link went")), qPrintable(command.error));
    QVERIFY(!service.pendingOn(valve));
    proxy.setStalled(false);
}

void TestCommandService::s6_staleValuesAreNotActedOn()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(server.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QCOMPARE(runToEnd(service, valve, true).status, CommandState::Succeeded);
    QTRY_COMPARE(valueOf(session, valve), EndpointValue(true));
    QVERIFY2(service.check(pump, true).allowed(), qPrintable(service.check(pump, true).reason)); // open, and live
    // The valve and the pump report every 10 s only: with a 1 ms period they go stale at once.
    session.tiles()->setExpectedPeriodMs(1);
    QTRY_VERIFY(session.tiles()->isStale(valve) && session.tiles()->isStale(pump));
    // The valve's last known value still says open, but that is not live: the pump's interlock cannot be checked.
    const CommandService::Check interlock = service.check(pump, true);
    QCOMPARE(interlock.refusal, Refusal::Interlock);
    QVERIFY2(interlock.reason.contains(QStringLiteral("cannot be checked")), qPrintable(interlock.reason));
    // Nothing is set on a stale endpoint but switching it off.
    QCOMPARE(service.check(valve, true).refusal, Refusal::Stale);
    QCOMPARE(service.check(setpoint, 60.0).refusal == Refusal::Stale || !session.tiles()->isStale(setpoint), true);
    QVERIFY(service.check(valve, false).allowed());
    QVERIFY(service.check(pump, false).allowed());
}

void TestCommandService::s9_commandArrivingAfterItsValidityIsRefused()
{
    // The link is slow enough for the command to reach the server after this
    // console has told the operator it timed out: the server must not act on it.
    SimHost server(plant());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    GatewayTestClient bob(server.url());
    QVERIFY(bob.authenticate(QStringLiteral("b"), QStringLiteral("bob")).value(u"ok").toBool());
    QVERIFY(bob.subscribe(QStringLiteral("commands")).value(u"ok").toBool());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    service.setTimeout(std::chrono::milliseconds(400));
    proxy.setDelayMs(1200);
    const QUuid id = service.send(valve, true);
    QVERIFY(!id.isNull());
    QTRY_COMPARE(service.command(id)->status, CommandState::Timeout);
    // A second command behind it on the same slow link: when its status
    // comes, the server has dealt with the first.
    service.setTimeout(std::chrono::seconds(10));
    const QUuid second = service.send(setpoint, 60.0);
    QVERIFY(!second.isNull());
    const QString secondText = second.toString(QUuid::WithoutBraces);
    QVERIFY(!bob.waitFor(
                    [&secondText](const QJsonObject &m) {
                        return m.value(u"type").toString() == u"command_status"
                            && m.value(u"commandId").toString() == secondText;
                    },
                    10000)
                 .isEmpty());
    const QString firstText = id.toString(QUuid::WithoutBraces);
    for (const QJsonObject &m : std::as_const(bob.messages))
        QVERIFY2(m.value(u"commandId").toString() != firstText, "the server acted on an expired command");
    QCOMPARE(service.command(id)->status, CommandState::Timeout);
}

void TestCommandService::s12_rampingTowardsTheRequestIsNotOvertaken()
{
    SimHost server(plant());
    QVERIFY(server.listen());
    FaultProxy proxy(server.port());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url()));
    CommandService service(&session);
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    const double from = numberOf(session, setpoint);
    const double to = from + 10.0;
    QSignalSpy overtaken(&service, &CommandService::overtaken);
    proxy.setStalled(true); // the command stays pending while the device ramps
    const QUuid id = service.send(setpoint, to);
    QVERIFY(!id.isNull());
    // A device that ramps reports the values on its way, as telemetry does.
    const auto report = [&session](double value) {
        Domain::Telemetry t;
        t.endpointId = setpoint;
        t.value = value;
        Protocol::Message m;
        m.body = t;
        Q_EMIT session.connection()->messageReceived(m);
    };
    report(from + 2.5);
    report(from + 7.5);
    QCOMPARE(overtaken.size(), 0);
    // Past what was asked, or back beyond where it was, is someone else's doing.
    report(to + 5.0);
    QCOMPARE(overtaken.size(), 1);
    proxy.setStalled(false);
}

QTEST_GUILESS_MAIN(TestCommandService)
#include "tst_commandservice.moc"
