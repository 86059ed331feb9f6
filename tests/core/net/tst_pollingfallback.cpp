#include "net/pollingfallback.h"
#include "simhost.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

ConnectionSettings settings()
{
    ConnectionSettings s;
    s.token = QStringLiteral("t");
    s.operatorName = QStringLiteral("poller");
    s.requestTimeoutMs = 5000;
    s.pollWaitSeconds = 1;
    return s;
}

SimOptions busyFleet()
{
    SimOptions o;
    o.drones = 4;
    o.machines = 0;
    o.tiles = 0;
    o.rate = 20.0;
    return o;
}

} // namespace

// Polled data is handed on only while it is current, against the real
// reference server's REST API.
class TestPollingFallback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pollsAndHandsOnWhileActive();
    void heldBackOnceTheWebSocketSubscribes();
    void silentServerIsNotCurrentWithinTheDeadline();
    void stoppedFallbackHandsOnNothing();
};

void TestPollingFallback::pollsAndHandsOnWhileActive()
{
    SimHost server(busyFleet());
    QVERIFY(server.listen());
    PollingFallback fallback;
    QSignalSpy current(&fallback, &PollingFallback::current);
    QSignalSpy messages(&fallback, &PollingFallback::messageReceived);
    QSignalSpy notCurrent(&fallback, &PollingFallback::notCurrent);
    QVERIFY(!fallback.isActive());
    fallback.start(settings(), QUrl(server.url()), {QStringLiteral("drones")}, std::nullopt);
    QVERIFY(fallback.isActive());
    QTRY_VERIFY(current.size() >= 1);
    QTRY_VERIFY(messages.size() >= 5);
    const auto first = messages.first().first().value<Protocol::Message>();
    QVERIFY(std::holds_alternative<Protocol::Snapshot>(first.body)); // from a fresh snapshot
    QCOMPARE(notCurrent.size(), 0);
    QVERIFY(!fallback.wasRefused());
    fallback.stop();
}

void TestPollingFallback::heldBackOnceTheWebSocketSubscribes()
{
    SimHost server(busyFleet());
    QVERIFY(server.listen());
    PollingFallback fallback;
    QSignalSpy messages(&fallback, &PollingFallback::messageReceived);
    QVERIFY(!fallback.takeHeldBack()); // nothing held back while not polling
    fallback.start(settings(), QUrl(server.url()), {QStringLiteral("drones")}, std::nullopt);
    QTRY_VERIFY(messages.size() >= 3);
    fallback.holdBack();
    const qsizetype before = messages.size();
    QTest::qWait(1500); // the world moves on; the poll answers are not applied
    QCOMPARE(messages.size(), before);
    QVERIFY(fallback.isActive());
    // The WebSocket failed before going live: the owner is told to poll afresh.
    QVERIFY(fallback.takeHeldBack());
    QVERIFY(!fallback.isActive());
    QVERIFY(!fallback.takeHeldBack());
}

void TestPollingFallback::silentServerIsNotCurrentWithinTheDeadline()
{
    // Accepts the connection and never answers a request.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> accepted;
    connect(&silent, &QTcpServer::newConnection, this, [&] { accepted.append(silent.nextPendingConnection()); });
    PollingFallback fallback;
    QSignalSpy notCurrent(&fallback, &PollingFallback::notCurrent);
    QSignalSpy current(&fallback, &PollingFallback::current);
    ConnectionSettings s = settings();
    s.pollWaitSeconds = 0;
    s.requestTimeoutMs = 400;
    fallback.start(s, QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(silent.serverPort())), {}, std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(notCurrent.size() >= 1, 3000);
    QCOMPARE(current.size(), 0);
    QVERIFY(!notCurrent.first().first().toString().isEmpty());
    fallback.stop();
}

void TestPollingFallback::stoppedFallbackHandsOnNothing()
{
    SimHost server(busyFleet());
    QVERIFY(server.listen());
    PollingFallback fallback;
    QSignalSpy messages(&fallback, &PollingFallback::messageReceived);
    QSignalSpy notCurrent(&fallback, &PollingFallback::notCurrent);
    fallback.start(settings(), QUrl(server.url()), {QStringLiteral("drones")}, std::nullopt);
    QTRY_VERIFY(messages.size() >= 1);
    fallback.stop();
    QVERIFY(!fallback.isActive());
    const qsizetype before = messages.size();
    QTest::qWait(1500);
    QCOMPARE(messages.size(), before);
    QCOMPARE(notCurrent.size(), 0); // and its deadline stopped with it
}

QTEST_GUILESS_MAIN(TestPollingFallback)
#include "tst_pollingfallback.moc"
