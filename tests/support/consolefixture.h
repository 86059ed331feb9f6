#pragma once

#include "config/connectionsettings.h"
#include "protocol/messages.h"
#include "services/consoleservices.h"
#include "services/session.h"
#include "simhost.h"
#include "simoptions.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QTemporaryDir>

#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

// Who a console under test signs in as. The defaults are an operator of the
// reference server's default token table.
struct ConsoleLogin
{
    QString token = QStringLiteral("o");
    QString operatorName = QStringLiteral("alice");
};

// One console under test, against the real reference server on 127.0.0.1
// with a free port: what every console-level test starts from.
//
// The server is the console's own (constructed from SimOptions) or one the
// test owns and shares between consoles (constructed from its URL). The
// session is configured but not started: a test opens a store, builds its
// view and watches its models first, then calls session.start(). Members are
// public and destroyed in reverse order: model testers, services, session,
// temporary folder, server — so the console always leaves before its server.
// A failed set-up step is reported through QVERIFY and leaves the fixture
// without a listening server.
class ConsoleFixture
{
public:
    using Login = ConsoleLogin;

    // A console with a reference server of its own over `plant`.
    explicit ConsoleFixture(const SimOptions &plant, const Login &login = {});
    // A console of the server at `url`, which the test owns.
    explicit ConsoleFixture(const QString &url, const Login &login = {});
    virtual ~ConsoleFixture();

    ConsoleFixture(const ConsoleFixture &) = delete;
    ConsoleFixture &operator=(const ConsoleFixture &) = delete;

    // Settings that reconnect in milliseconds, so a test's outages stay short.
    static ConnectionSettings settingsFor(const QString &url, const Login &login = {});

    // Opens the session's store at `path`, or in the fixture's temporary
    // folder when `path` is empty; returns the path used.
    QString openStore(const QString &path = {});
    // Builds the composition root (notification center, command service,
    // recorder) over the session, as main() does.
    ConsoleServices *openServices();
    // Checks `models` with QAbstractItemModelTester, failing the test at the
    // first broken model contract, for as long as the fixture lives.
    void watch(std::initializer_list<QAbstractItemModel *> models);

    // Sends a request as this console and waits up to `timeoutMs` for the
    // answer; nullopt when none came.
    std::optional<Protocol::Result> request(const QString &type, const QJsonObject &payload, int timeoutMs = 5000);
    // Commands `endpointId` to `value` as this console's operator; the
    // command's id once the server took it, empty when it refused or was silent.
    QString sendCommand(const QString &endpointId, const QJsonValue &value);

    std::unique_ptr<SimHost> server; // null when the test owns the server
    QTemporaryDir dir;
    Session session;
    std::unique_ptr<ConsoleServices> services;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
};
