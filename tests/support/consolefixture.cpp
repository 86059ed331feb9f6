#include "support/consolefixture.h"

#include "net/connectionservice.h"

#include <QTest>
#include <QUrl>
#include <QUuid>

ConsoleFixture::ConsoleFixture(const SimOptions &plant, const Login &login)
    : server(std::make_unique<SimHost>(plant))
{
    QVERIFY2(server->listen(), qPrintable(server->errorString()));
    session.setSettings(settingsFor(server->url(), login));
}

ConsoleFixture::ConsoleFixture(const QString &url, const Login &login)
{
    session.setSettings(settingsFor(url, login));
}

ConsoleFixture::~ConsoleFixture() = default;

ConnectionSettings ConsoleFixture::settingsFor(const QString &url, const Login &login)
{
    ConnectionSettings s;
    s.url = QUrl(url);
    s.token = login.token;
    s.operatorName = login.operatorName;
    s.connectTimeoutMs = 3000;
    s.backoffBaseMs = 50;
    s.backoffCapMs = 200;
    return s;
}

QString ConsoleFixture::openStore(const QString &path)
{
    if (path.isEmpty() && !dir.isValid()) {
        QTest::qFail(qPrintable(dir.errorString()), __FILE__, __LINE__);
        return {};
    }
    const QString file = path.isEmpty() ? dir.filePath(QStringLiteral("watchfloor.sqlite")) : path;
    session.openStore(file);
    return file;
}

ConsoleServices *ConsoleFixture::openServices()
{
    services = std::make_unique<ConsoleServices>(&session);
    return services.get();
}

void ConsoleFixture::watch(std::initializer_list<QAbstractItemModel *> models)
{
    for (QAbstractItemModel *model : models)
        testers.push_back(
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::Fatal));
}

std::optional<Protocol::Result> ConsoleFixture::request(const QString &type, const QJsonObject &payload, int timeoutMs)
{
    // Shared, so an answer arriving after the wait gave up writes nowhere harmful.
    auto answer = std::make_shared<std::optional<Protocol::Result>>();
    session.connection()->request(type, payload, [answer](const Protocol::Result &r) { *answer = r; });
    if (!QTest::qWaitFor([&answer] { return answer->has_value(); }, timeoutMs))
        return std::nullopt;
    return *answer;
}

QString ConsoleFixture::sendCommand(const QString &endpointId, const QJsonValue &value)
{
    const QString commandId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const std::optional<Protocol::Result> answer = request(QStringLiteral("command"),
                                                           {{QStringLiteral("commandId"), commandId},
                                                            {QStringLiteral("endpointId"), endpointId},
                                                            {QStringLiteral("value"), value}});
    return answer && answer->ok ? commandId : QString();
}
