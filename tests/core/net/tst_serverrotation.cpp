#include "net/linkdialect.h"
#include "net/serverrotation.h"
#include "simhost.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

const QUrl kPrimary(QStringLiteral("ws://127.0.0.1:1/ws"));
const QUrl kFirst(QStringLiteral("ws://127.0.0.1:2/ws"));
const QUrl kSecond(QStringLiteral("ws://127.0.0.1:3/ws"));

SimOptions smallFleet()
{
    SimOptions o;
    o.drones = 2;
    o.machines = 0;
    o.tiles = 0;
    return o;
}

// Moves a rotation whose primary is `primary` on to its one fallback.
void moveToFallback(ServerRotation &rotation, const QUrl &primary)
{
    rotation.setServers(primary, {kFirst}, 1);
    QVERIFY(rotation.noteLinkLost());
    QCOMPARE(rotation.current(), kFirst);
}

} // namespace

// The order servers are tried in, and the probe that brings the link back to
// the primary, against the real reference server.
class TestServerRotation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void movesOnAfterTheAttemptsPerServerAndWraps();
    void aLiveLinkStartsTheCountOver();
    void aSingleServerIsNeverLeft();
    void probesAreDueOnlyWhileOnAFallback();
    void primaryThatGreetsAnswersTheProbe();
    void primaryThatOnlyAcceptsTcpDoesNotAnswer();
    void plainPrimaryAnswersWithItsHandshake();
};

void TestServerRotation::movesOnAfterTheAttemptsPerServerAndWraps()
{
    ServerRotation rotation;
    rotation.setServers(kPrimary, {kFirst, kSecond}, 2);
    QCOMPARE(rotation.servers(), (QList<QUrl> {kPrimary, kFirst, kSecond}));
    QCOMPARE(rotation.current(), kPrimary);
    QVERIFY(rotation.onPrimary());
    QVERIFY(!rotation.noteLinkLost());
    QVERIFY(rotation.noteLinkLost());
    QCOMPARE(rotation.current(), kFirst);
    QVERIFY(!rotation.onPrimary());
    QVERIFY(!rotation.noteLinkLost());
    QVERIFY(rotation.noteLinkLost());
    QCOMPARE(rotation.current(), kSecond);
    QVERIFY(!rotation.noteLinkLost());
    QVERIFY(rotation.noteLinkLost());
    QCOMPARE(rotation.current(), kPrimary); // round the list
    QVERIFY(!rotation.noteLinkLost());
    QVERIFY(rotation.noteLinkLost());
    QCOMPARE(rotation.current(), kFirst);
    rotation.returnToPrimary();
    QCOMPARE(rotation.current(), kPrimary);
    QVERIFY(!rotation.noteLinkLost()); // with a fresh count
}

void TestServerRotation::aLiveLinkStartsTheCountOver()
{
    ServerRotation rotation;
    rotation.setServers(kPrimary, {kFirst}, 2);
    QVERIFY(!rotation.noteLinkLost());
    rotation.noteLive();
    QVERIFY(!rotation.noteLinkLost());
    QCOMPARE(rotation.current(), kPrimary);
    QVERIFY(rotation.noteLinkLost());
    QCOMPARE(rotation.current(), kFirst);
}

void TestServerRotation::aSingleServerIsNeverLeft()
{
    ServerRotation rotation;
    rotation.setServers(kPrimary, {}, 1);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!rotation.noteLinkLost());
    QCOMPARE(rotation.current(), kPrimary);
}

void TestServerRotation::probesAreDueOnlyWhileOnAFallback()
{
    ServerRotation rotation;
    QSignalSpy due(&rotation, &ServerRotation::probeDue);
    rotation.setServers(kPrimary, {kFirst}, 1);
    rotation.startProbing(30);
    QTest::qWait(150);
    QCOMPARE(due.size(), 0); // on the primary already
    QVERIFY(rotation.noteLinkLost());
    QTRY_VERIFY(due.size() >= 2); // every period
    rotation.stopProbing();
    QVERIFY(!rotation.isProbing());
    const qsizetype seen = due.size();
    QTest::qWait(150);
    QCOMPARE(due.size(), seen);
}

void TestServerRotation::primaryThatGreetsAnswersTheProbe()
{
    SimHost primary(smallFleet());
    QVERIFY(primary.listen());
    ServerRotation rotation;
    moveToFallback(rotation, QUrl(primary.url()));
    QSignalSpy answers(&rotation, &ServerRotation::primaryAnswers);
    rotation.probe(LinkDialect::create(ConnectionSettings::Dialect::Watchfloor, {}, QUrl(primary.url())),
                   QSslConfiguration::defaultConfiguration(), 1 << 20, 3000);
    QTRY_COMPARE(answers.size(), 1);
    // The switch back is the owner's: the rotation stays where it was.
    QCOMPARE(rotation.current(), kFirst);
}

void TestServerRotation::primaryThatOnlyAcceptsTcpDoesNotAnswer()
{
    // A proxy whose backend is down: TCP is accepted, nothing answers.
    QTcpServer tcpOnly;
    QVERIFY(tcpOnly.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> accepted;
    connect(&tcpOnly, &QTcpServer::newConnection, this, [&] { accepted.append(tcpOnly.nextPendingConnection()); });
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(tcpOnly.serverPort()));
    ServerRotation rotation;
    moveToFallback(rotation, url);
    QSignalSpy answers(&rotation, &ServerRotation::primaryAnswers);
    rotation.probe(LinkDialect::create(ConnectionSettings::Dialect::Watchfloor, {}, url),
                   QSslConfiguration::defaultConfiguration(), 1 << 20, 300);
    QTRY_COMPARE(accepted.size(), 1);
    QTest::qWait(700); // past the probe's deadline
    QCOMPARE(answers.size(), 0);

    // The probe gave up and made way for the next one, which a greeting
    // primary on another port answers.
    SimHost primary(smallFleet());
    QVERIFY(primary.listen());
    rotation.setServers(QUrl(primary.url()), {kFirst}, 1);
    rotation.probe(LinkDialect::create(ConnectionSettings::Dialect::Watchfloor, {}, QUrl(primary.url())),
                   QSslConfiguration::defaultConfiguration(), 1 << 20, 3000);
    QTRY_COMPARE(answers.size(), 1);
}

void TestServerRotation::plainPrimaryAnswersWithItsHandshake()
{
    // A plain server says nothing first: its completed handshake is enough.
    // The reference server greets, but the plain dialect does not wait for it.
    SimHost primary(smallFleet());
    QVERIFY(primary.listen());
    ServerRotation rotation;
    moveToFallback(rotation, QUrl(primary.url()));
    QSignalSpy answers(&rotation, &ServerRotation::primaryAnswers);
    rotation.probe(LinkDialect::create(ConnectionSettings::Dialect::Plain, {}, QUrl(primary.url())),
                   QSslConfiguration::defaultConfiguration(), 1 << 20, 3000);
    QTRY_COMPARE(answers.size(), 1);
    // Nor does a Socket.IO probe take a watchfloor hello for its greeting.
    ServerRotation socketIo;
    moveToFallback(socketIo, QUrl(primary.url()));
    QSignalSpy socketIoAnswers(&socketIo, &ServerRotation::primaryAnswers);
    socketIo.probe(LinkDialect::create(ConnectionSettings::Dialect::SocketIo, {}, QUrl(primary.url())),
                   QSslConfiguration::defaultConfiguration(), 1 << 20, 500);
    QTest::qWait(1000);
    QCOMPARE(socketIoAnswers.size(), 0);
}

QTEST_GUILESS_MAIN(TestServerRotation)
#include "tst_serverrotation.moc"
