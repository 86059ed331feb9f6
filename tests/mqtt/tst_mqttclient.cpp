// MqttClient against a real mosquitto broker (tests/support/mosquittobroker.h):
// connection, publish/subscribe at QoS 0 and 1, retained messages, binary
// payloads, the will, a broker that dies, restarts, refuses or never answers.

#include "mqttclient.h"
#include "support/mosquittobroker.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <memory>

using namespace std::chrono_literals;

namespace {

// One message as received, for comparisons.
struct Received
{
    QString topic;
    QByteArray payload;
    bool retained;
};

} // namespace

class TestMqttClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void connectsAndReportsItsState();
    void connectsToAHostName();
    void invalidSettingsAreRefused();
    void publishWhileDisconnectedFails();
    void deliversBetweenTwoClients_data();
    void deliversBetweenTwoClients();
    void lateSubscriberGetsTheRetainedMessage();
    void binaryPayloadsArriveIntact();
    void unsubscribeStopsDelivery();
    void willIsPublishedWhenTheClientAborts();
    void willIsNotPublishedWhenTheClientCloses();
    void slotsMayCloseOrAbortTheClient();
    void killedBrokerIsNoticedWithinOneSecond();
    void restartedBrokerGetsTheSubscriptionsAgain();
    void unacknowledgedMessageIsSentAgainAfterReconnecting();
    void refusedConnectionIsRetriedWithBackoff();
    void silentPeerTimesOutAndIsRetried();
    void frozenBrokerIsNoticedByKeepAlive();

private:
    MqttClientSettings settingsFor(const QString &clientId) const;
    // A client of the test's broker, open and connected; nullptr (with a
    // warning) when it does not connect.
    std::unique_ptr<MqttClient> connectedClient(const MqttClientSettings &settings);
    std::unique_ptr<MqttClient> connectedClient(const QString &clientId)
    {
        return connectedClient(settingsFor(clientId));
    }
    static bool subscribeAndWait(MqttClient &client, const QString &filter, int qos);
    QList<Received> &inbox(MqttClient &client);

    std::unique_ptr<MosquittoBroker> m_broker;
    std::vector<std::unique_ptr<QList<Received>>> m_inboxes;
};

void TestMqttClient::init()
{
    m_broker = std::make_unique<MosquittoBroker>();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
}

void TestMqttClient::cleanup()
{
    if (QTest::currentTestFailed() && m_broker)
        qInfo().noquote() << "broker log:\n" << m_broker->log();
    m_broker.reset();
    m_inboxes.clear();
}

MqttClientSettings TestMqttClient::settingsFor(const QString &clientId) const
{
    MqttClientSettings settings;
    settings.host = m_broker->host();
    settings.port = m_broker->port();
    settings.clientId = clientId;
    settings.reconnectDelayMin = 100ms;
    settings.reconnectDelayMax = 1000ms;
    settings.connectTimeout = 5000ms;
    return settings;
}

std::unique_ptr<MqttClient> TestMqttClient::connectedClient(const MqttClientSettings &settings)
{
    auto client = std::make_unique<MqttClient>(settings);
    QSignalSpy connected(client.get(), &MqttClient::connected);
    if (!client->open() || !connected.wait(5000)) {
        qWarning() << settings.clientId << "did not connect";
        return {};
    }
    return client;
}

bool TestMqttClient::subscribeAndWait(MqttClient &client, const QString &filter, int qos)
{
    QSignalSpy subscribed(&client, &MqttClient::subscribed);
    if (!client.subscribe(filter, qos) || !subscribed.wait(5000))
        return false;
    return subscribed.first().at(0).toString() == filter && subscribed.first().at(1).toInt() == qos;
}

QList<Received> &TestMqttClient::inbox(MqttClient &client)
{
    m_inboxes.push_back(std::make_unique<QList<Received>>());
    QList<Received> *messages = m_inboxes.back().get();
    connect(&client, &MqttClient::messageReceived, &client,
            [messages](const QString &topic, const QByteArray &payload, bool retained) {
                messages->append({topic, payload, retained});
            });
    return *messages;
}

void TestMqttClient::connectsAndReportsItsState()
{
    MqttClient client(settingsFor(QStringLiteral("state")));
    QSignalSpy states(&client, &MqttClient::stateChanged);
    QSignalSpy connected(&client, &MqttClient::connected);
    QSignalSpy disconnected(&client, &MqttClient::disconnected);
    QCOMPARE(client.state(), MqttClient::State::Disconnected);

    QVERIFY(client.open());
    QCOMPARE(client.state(), MqttClient::State::Connecting);
    QVERIFY(connected.wait(5000));
    QCOMPARE(client.state(), MqttClient::State::Connected);
    QTRY_VERIFY(m_broker->log().contains(QStringLiteral("New client connected from 127.0.0.1")));
    // mosquitto logs MQTT 3.1 as p1, 3.1.1 as p2 and 5 as p5.
    QVERIFY(m_broker->log().contains(QStringLiteral("as state (p2, c1, k30)")));

    client.close();
    QCOMPARE(client.state(), MqttClient::State::Disconnected);
    QCOMPARE(disconnected.count(), 1);
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("closed by the client"));
    const QList<MqttClient::State> expected {MqttClient::State::Connecting, MqttClient::State::Connected,
                                             MqttClient::State::Disconnected};
    QList<MqttClient::State> seen;
    for (const QList<QVariant> &change : std::as_const(states))
        seen.append(change.at(0).value<MqttClient::State>());
    QCOMPARE(seen, expected);
    QTRY_VERIFY(m_broker->log().contains(QStringLiteral("Client state disconnected.")));
}

void TestMqttClient::connectsToAHostName()
{
    // Looked up without blocking; "localhost" may give ::1 first, where the
    // broker does not listen: the next attempt takes the next address.
    MqttClientSettings settings = settingsFor(QStringLiteral("named"));
    settings.host = QStringLiteral("localhost");
    auto client = connectedClient(settings);
    QVERIFY(client);
    QCOMPARE(client->state(), MqttClient::State::Connected);

    settings.host = QStringLiteral("no-such-host.invalid");
    MqttClient lost(settings);
    QSignalSpy errors(&lost, &MqttClient::errorOccurred);
    QVERIFY(lost.open());
    QVERIFY(errors.wait(10000));
    QVERIFY2(errors.first().at(0).toString().contains(QStringLiteral("cannot resolve no-such-host.invalid")),
             qPrintable(errors.first().at(0).toString()));
    QCOMPARE(lost.state(), MqttClient::State::Connecting);
}

void TestMqttClient::invalidSettingsAreRefused()
{
    MqttClientSettings settings = settingsFor(QString());
    settings.cleanSession = false; // a random id needs a clean session
    MqttClient client(settings);
    QSignalSpy errors(&client, &MqttClient::errorOccurred);
    QVERIFY(!client.open());
    QCOMPARE(errors.count(), 1);
    QCOMPARE(client.state(), MqttClient::State::Disconnected);

    settings = settingsFor(QStringLiteral("keepalive"));
    settings.keepAliveSeconds = 2;
    client.setSettings(settings);
    QVERIFY(!client.open());
    QCOMPARE(errors.count(), 2);

    // An empty id with a clean session is fine: the library makes one up.
    client.setSettings(settingsFor(QString()));
    QSignalSpy connected(&client, &MqttClient::connected);
    QVERIFY(client.open());
    QVERIFY(connected.wait(5000));
}

void TestMqttClient::publishWhileDisconnectedFails()
{
    MqttClient client(settingsFor(QStringLiteral("offline")));
    QSignalSpy errors(&client, &MqttClient::errorOccurred);
    QVERIFY(!client.publish(QStringLiteral("wf/offline"), "before open"));
    QCOMPARE(errors.count(), 1);

    QVERIFY(client.open());
    QCOMPARE(client.state(), MqttClient::State::Connecting);
    QVERIFY(!client.publish(QStringLiteral("wf/offline"), "while connecting"));
    QCOMPARE(errors.count(), 2);

    QSignalSpy connected(&client, &MqttClient::connected);
    QVERIFY(connected.wait(5000));
    QVERIFY(client.publish(QStringLiteral("wf/offline"), "connected"));
    QVERIFY(!client.publish(QStringLiteral("wf/+/wildcard"), "a topic may not hold wildcards"));
    QVERIFY(!client.publish(QStringLiteral("wf/offline"), "no such QoS", 3));
    QCOMPARE(errors.count(), 4);

    // Nothing is kept for later: what was refused never reaches a subscriber.
    auto watcher = connectedClient(QStringLiteral("watcher"));
    QVERIFY(watcher);
    QList<Received> &messages = inbox(*watcher);
    QVERIFY(subscribeAndWait(*watcher, QStringLiteral("wf/#"), 1));
    client.close();
    QVERIFY(!client.publish(QStringLiteral("wf/offline"), "after close"));
    QCOMPARE(errors.count(), 5);
    QVERIFY(client.open());
    QVERIFY(connected.wait(5000));
    QVERIFY(client.publish(QStringLiteral("wf/marker"), "marker", 1));
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.first().topic, QStringLiteral("wf/marker"));
}

void TestMqttClient::deliversBetweenTwoClients_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("QoS 0") << 0;
    QTest::newRow("QoS 1") << 1;
}

void TestMqttClient::deliversBetweenTwoClients()
{
    QFETCH(int, qos);
    auto subscriber = connectedClient(QStringLiteral("sub"));
    auto publisher = connectedClient(QStringLiteral("pub"));
    QVERIFY(subscriber && publisher);
    QList<Received> &messages = inbox(*subscriber);
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("wf/line/+/speed"), qos));

    QVERIFY(publisher->publish(QStringLiteral("wf/line/1/speed"), "12.5", qos));
    QVERIFY(publisher->publish(QStringLiteral("wf/line/2/temperature"), "not subscribed", qos));
    QVERIFY(publisher->publish(QStringLiteral("wf/line/2/speed"), "7", qos));
    QTRY_COMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).topic, QStringLiteral("wf/line/1/speed"));
    QCOMPARE(messages.at(0).payload, QByteArray("12.5"));
    QCOMPARE(messages.at(0).retained, false);
    QCOMPARE(messages.at(1).topic, QStringLiteral("wf/line/2/speed"));
    QCOMPARE(messages.at(1).payload, QByteArray("7"));

    // The broker saw the QoS asked for, both ways.
    const QString log = m_broker->log();
    QVERIFY2(log.contains(QStringLiteral("Received PUBLISH from pub (d0, q%1, r0").arg(qos)), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("Sending PUBLISH to sub (d0, q%1, r0").arg(qos)), qPrintable(log));
    if (qos == 1)
        QTRY_VERIFY(m_broker->log().contains(QStringLiteral("Received PUBACK from sub")));
}

void TestMqttClient::lateSubscriberGetsTheRetainedMessage()
{
    auto publisher = connectedClient(QStringLiteral("pub"));
    QVERIFY(publisher);
    // The publisher hears its own messages: once they are back, the broker has them.
    QList<Received> &echo = inbox(*publisher);
    QVERIFY(subscribeAndWait(*publisher, QStringLiteral("wf/retained/#"), 1));
    QVERIFY(publisher->publish(QStringLiteral("wf/retained/plain"), "not kept", 1, false));
    QVERIFY(publisher->publish(QStringLiteral("wf/retained/kept"), "kept", 1, true));
    QTRY_COMPARE(echo.size(), 2);

    auto late = connectedClient(QStringLiteral("late"));
    QVERIFY(late);
    QList<Received> &messages = inbox(*late);
    QVERIFY(subscribeAndWait(*late, QStringLiteral("wf/retained/#"), 1));
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).topic, QStringLiteral("wf/retained/kept"));
    QCOMPARE(messages.at(0).payload, QByteArray("kept"));
    QCOMPARE(messages.at(0).retained, true);

    // A message that arrives live is not flagged retained, even if the
    // publisher asked to retain it; and "not kept" never came.
    QVERIFY(publisher->publish(QStringLiteral("wf/retained/kept"), "live", 1, true));
    QTRY_COMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).payload, QByteArray("live"));
    QCOMPARE(messages.at(1).retained, false);
}

void TestMqttClient::binaryPayloadsArriveIntact()
{
    auto subscriber = connectedClient(QStringLiteral("sub"));
    auto publisher = connectedClient(QStringLiteral("pub"));
    QVERIFY(subscriber && publisher);
    QList<Received> &messages = inbox(*subscriber);
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("spBv1.0/#"), 1));

    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte.append(char(i));
    QByteArray large(1024 * 1024, Qt::Uninitialized); // larger than a socket buffer
    QRandomGenerator generator(42);
    for (char &byte : large)
        byte = char(generator.bounded(256));
    const QList<QByteArray> payloads {everyByte, QByteArray(), QByteArray(16, '\0'), large};
    for (const QByteArray &payload : payloads)
        QVERIFY(publisher->publish(QStringLiteral("spBv1.0/plant/DDATA/edge"), payload, 1));

    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), payloads.size(), 10000);
    for (qsizetype i = 0; i < payloads.size(); ++i) {
        QCOMPARE(messages.at(i).payload.size(), payloads.at(i).size());
        QVERIFY2(messages.at(i).payload == payloads.at(i), qPrintable(QStringLiteral("payload %1 differs").arg(i)));
    }
}

void TestMqttClient::unsubscribeStopsDelivery()
{
    auto subscriber = connectedClient(QStringLiteral("sub"));
    auto publisher = connectedClient(QStringLiteral("pub"));
    QVERIFY(subscriber && publisher);
    QList<Received> &messages = inbox(*subscriber);
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("wf/a"), 1));
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("wf/b"), 1));
    QVERIFY(publisher->publish(QStringLiteral("wf/a"), "a1", 1));
    QTRY_COMPARE(messages.size(), 1);

    QVERIFY(subscriber->unsubscribe(QStringLiteral("wf/a")));
    QVERIFY(!subscriber->unsubscribe(QStringLiteral("wf/never")));
    QCOMPARE(subscriber->subscriptions().keys(), QStringList {QStringLiteral("wf/b")});
    QTRY_VERIFY(m_broker->log().contains(QStringLiteral("Sending UNSUBACK to sub")));
    QVERIFY(publisher->publish(QStringLiteral("wf/a"), "a2", 1));
    QVERIFY(publisher->publish(QStringLiteral("wf/b"), "b1", 1));
    // Messages from one publisher arrive in order: "a2" would come before "b1".
    QTRY_COMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).payload, QByteArray("b1"));
}

void TestMqttClient::willIsPublishedWhenTheClientAborts()
{
    auto watcher = connectedClient(QStringLiteral("watcher"));
    QVERIFY(watcher);
    QList<Received> &messages = inbox(*watcher);
    QVERIFY(subscribeAndWait(*watcher, QStringLiteral("wf/state/#"), 1));

    MqttClientSettings settings = settingsFor(QStringLiteral("host"));
    settings.will = MqttClientSettings::Will {QStringLiteral("wf/state/host"), QByteArray("OFFLINE\0x", 9), 1, false};
    auto host = connectedClient(settings);
    QVERIFY(host);
    QSignalSpy disconnected(host.get(), &MqttClient::disconnected);
    host->abort();
    QCOMPARE(host->state(), MqttClient::State::Disconnected);
    QCOMPARE(disconnected.count(), 1);

    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).topic, QStringLiteral("wf/state/host"));
    QCOMPARE(messages.at(0).payload, QByteArray("OFFLINE\0x", 9));
    QVERIFY(m_broker->log().contains(QStringLiteral("Client host closed its connection.")));

    // Aborted means stopped: no attempt to come back.
    QTest::qWait(500);
    QCOMPARE(host->state(), MqttClient::State::Disconnected);
    QCOMPARE(m_broker->log().count(QStringLiteral("as host (p2")), 1);
}

void TestMqttClient::willIsNotPublishedWhenTheClientCloses()
{
    auto watcher = connectedClient(QStringLiteral("watcher"));
    QVERIFY(watcher);
    QList<Received> &messages = inbox(*watcher);
    QVERIFY(subscribeAndWait(*watcher, QStringLiteral("wf/state/#"), 1));

    MqttClientSettings settings = settingsFor(QStringLiteral("host"));
    settings.will = MqttClientSettings::Will {QStringLiteral("wf/state/host"), "OFFLINE", 1, false};
    auto host = connectedClient(settings);
    QVERIFY(host);
    host->close();
    QCOMPARE(host->state(), MqttClient::State::Disconnected);

    // Once the broker has handled the DISCONNECT, a will would already be on
    // its way to the watcher, ahead of a marker the watcher sends itself.
    QTRY_VERIFY(m_broker->log().contains(QStringLiteral("Client host disconnected.")));
    QVERIFY(watcher->publish(QStringLiteral("wf/state/marker"), "marker", 1));
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).topic, QStringLiteral("wf/state/marker"));
    QVERIFY(!m_broker->log().contains(QStringLiteral("Client host closed its connection")));
}

void TestMqttClient::slotsMayCloseOrAbortTheClient()
{
    // Both run inside libmosquitto's message callback, which must not see
    // its handle destroyed under it (the sanitizer build would tell).
    auto watcher = connectedClient(QStringLiteral("watcher"));
    QVERIFY(watcher);
    QList<Received> &wills = inbox(*watcher);
    QVERIFY(subscribeAndWait(*watcher, QStringLiteral("wf/state/#"), 1));

    std::vector<std::unique_ptr<MqttClient>> clients;
    for (const QString &id : {QStringLiteral("closer"), QStringLiteral("aborter")}) {
        MqttClientSettings settings = settingsFor(id);
        settings.will = MqttClientSettings::Will {QStringLiteral("wf/state/") + id, "OFFLINE", 1, false};
        clients.push_back(connectedClient(settings));
        QVERIFY(clients.back());
        QVERIFY(subscribeAndWait(*clients.back(), QStringLiteral("wf/command"), 1));
    }
    MqttClient *closer = clients.at(0).get();
    MqttClient *aborter = clients.at(1).get();
    connect(closer, &MqttClient::messageReceived, closer, [closer] {
        closer->close();
        closer->publish(QStringLiteral("wf/after"), "refused"); // and reported, not crashed
    });
    connect(aborter, &MqttClient::messageReceived, aborter, [aborter] { aborter->abort(); });
    QSignalSpy closerDown(closer, &MqttClient::disconnected);
    QSignalSpy aborterDown(aborter, &MqttClient::disconnected);

    QVERIFY(watcher->publish(QStringLiteral("wf/command"), "stop", 1));
    QTRY_COMPARE(closerDown.count(), 1);
    QTRY_COMPARE(aborterDown.count(), 1);
    QCOMPARE(closer->state(), MqttClient::State::Disconnected);
    QCOMPARE(aborter->state(), MqttClient::State::Disconnected);
    QTRY_VERIFY(m_broker->log().contains(QStringLiteral("Client closer disconnected.")));
    QTRY_COMPARE(wills.size(), 1);
    QCOMPARE(wills.at(0).topic, QStringLiteral("wf/state/aborter"));

    // Open again from where they stopped.
    QSignalSpy closerUp(closer, &MqttClient::connected);
    QVERIFY(closer->open());
    QVERIFY(closerUp.wait(5000));
}

void TestMqttClient::killedBrokerIsNoticedWithinOneSecond()
{
    auto client = connectedClient(QStringLiteral("victim")); // keep-alive 30 s: no help from pings
    QVERIFY(client);
    QSignalSpy disconnected(client.get(), &MqttClient::disconnected);

    QElapsedTimer timer;
    timer.start();
    m_broker->kill();
    QVERIFY(disconnected.wait(5000));
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("disconnected after %1 ms").arg(elapsed)));
    QCOMPARE(client->state(), MqttClient::State::Connecting);
    QVERIFY(!disconnected.first().at(0).toString().isEmpty());
    QVERIFY(!client->publish(QStringLiteral("wf/lost"), "gone"));
}

void TestMqttClient::restartedBrokerGetsTheSubscriptionsAgain()
{
    auto subscriber = connectedClient(QStringLiteral("sub"));
    auto publisher = connectedClient(QStringLiteral("pub"));
    QVERIFY(subscriber && publisher);
    QList<Received> &messages = inbox(*subscriber);
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("wf/restart/#"), 1));
    QVERIFY(publisher->publish(QStringLiteral("wf/restart/before"), "before", 1));
    QTRY_COMPARE(messages.size(), 1);

    for (const bool graceful : {true, false}) {
        QSignalSpy subscriberDown(subscriber.get(), &MqttClient::disconnected);
        QSignalSpy subscriberUp(subscriber.get(), &MqttClient::connected);
        QSignalSpy resubscribed(subscriber.get(), &MqttClient::subscribed);
        QSignalSpy publisherUp(publisher.get(), &MqttClient::connected);
        if (graceful)
            m_broker->stop();
        else
            m_broker->kill();
        QVERIFY(subscriberDown.wait(5000));
        // Down a while: the clients retry against nothing.
        QTest::qWait(300);
        QCOMPARE(subscriber->state(), MqttClient::State::Connecting);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));

        // A new broker without persistence knows no subscriptions: only the
        // client's renewal can bring the next message.
        QVERIFY(subscriberUp.count() > 0 || subscriberUp.wait(5000));
        QVERIFY(publisherUp.count() > 0 || publisherUp.wait(5000));
        QVERIFY(resubscribed.count() > 0 || resubscribed.wait(5000));
        QCOMPARE(resubscribed.first().at(0).toString(), QStringLiteral("wf/restart/#"));
        const qsizetype before = messages.size();
        QVERIFY(publisher->publish(QStringLiteral("wf/restart/after"), graceful ? "after stop" : "after kill", 1));
        QTRY_COMPARE(messages.size(), before + 1);
        QCOMPARE(messages.last().payload, graceful ? QByteArray("after stop") : QByteArray("after kill"));
    }
}

void TestMqttClient::unacknowledgedMessageIsSentAgainAfterReconnecting()
{
    auto publisher = connectedClient(QStringLiteral("pub"));
    QVERIFY(publisher);
    QSignalSpy publisherDown(publisher.get(), &MqttClient::disconnected);
    QSignalSpy publisherUp(publisher.get(), &MqttClient::connected);

    // The frozen broker never reads it, let alone acknowledges it.
    QVERIFY(m_broker->freeze());
    QVERIFY(publisher->publish(QStringLiteral("wf/pending"), "sent while frozen", 1, true));
    QTest::qWait(100);
    m_broker->kill();
    QVERIFY(publisherDown.wait(5000));
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    QVERIFY(publisherUp.wait(5000));

    // The new broker can only have it from the publisher's second sending;
    // retained, it reaches a subscriber whenever that subscribes.
    auto subscriber = connectedClient(QStringLiteral("sub"));
    QVERIFY(subscriber);
    QList<Received> &messages = inbox(*subscriber);
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("wf/pending"), 1));
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).payload, QByteArray("sent while frozen"));
    QVERIFY(m_broker->log().contains(QStringLiteral("Received PUBLISH from pub (d1, q1, r1")));
}

void TestMqttClient::refusedConnectionIsRetriedWithBackoff()
{
    const quint16 port = m_broker->port();
    m_broker->stop(); // nothing listens on the port now

    MqttClientSettings settings = settingsFor(QStringLiteral("patient"));
    settings.reconnectDelayMin = 100ms;
    settings.reconnectDelayMax = 400ms;
    MqttClient client(settings);
    QList<qint64> errorTimes;
    QElapsedTimer clock;
    clock.start();
    connect(&client, &MqttClient::errorOccurred, this, [&] { errorTimes.append(clock.elapsed()); });
    QSignalSpy connected(&client, &MqttClient::connected);
    QVERIFY(client.open());
    QTRY_VERIFY_WITH_TIMEOUT(errorTimes.size() >= 5, 10000);
    QCOMPARE(connected.count(), 0);
    QCOMPARE(client.state(), MqttClient::State::Connecting);
    // The waits grow 100, 200, 400, 400 ms (timers may fire up to 5 % early;
    // a loaded machine only makes them longer).
    QVERIFY2(errorTimes.at(2) - errorTimes.at(1) >= 190,
             qPrintable(QString::number(errorTimes.at(2) - errorTimes.at(1))));
    QVERIFY2(errorTimes.at(3) - errorTimes.at(2) >= 380,
             qPrintable(QString::number(errorTimes.at(3) - errorTimes.at(2))));

    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    QCOMPARE(m_broker->port(), port);
    QVERIFY(connected.wait(5000));
    QCOMPARE(client.state(), MqttClient::State::Connected);
}

void TestMqttClient::silentPeerTimesOutAndIsRetried()
{
    // Accepts connections and never answers the CONNECT.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    MqttClientSettings settings = settingsFor(QStringLiteral("waiting"));
    settings.port = silent.serverPort();
    settings.connectTimeout = 300ms;
    MqttClient client(settings);
    QSignalSpy errors(&client, &MqttClient::errorOccurred);
    QVERIFY(client.open());
    QVERIFY(errors.wait(3000));
    QVERIFY2(errors.first().at(0).toString().contains(QStringLiteral("after 300 ms")),
             qPrintable(errors.first().at(0).toString()));
    QVERIFY(errors.wait(3000));
    QCOMPARE(client.state(), MqttClient::State::Connecting);
    int accepted = 0;
    while (QTcpSocket *socket = silent.nextPendingConnection()) {
        ++accepted;
        delete socket;
    }
    QVERIFY(accepted >= 2);
}

void TestMqttClient::frozenBrokerIsNoticedByKeepAlive()
{
    MqttClientSettings settings = settingsFor(QStringLiteral("frozen"));
    settings.keepAliveSeconds = 5;
    auto client = connectedClient(settings);
    QVERIFY(client);
    QSignalSpy disconnected(client.get(), &MqttClient::disconnected);

    // A stopped process keeps its sockets open and answers nothing: only
    // the keep-alive can tell (a ping after 5 s, no answer within 5 more).
    QVERIFY(m_broker->freeze());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(disconnected.wait(15000));
    const qint64 elapsed = timer.elapsed();
    QVERIFY(m_broker->thaw());
    QVERIFY2(elapsed >= 4000 && elapsed < 13000, qPrintable(QStringLiteral("after %1 ms").arg(elapsed)));
    QCOMPARE(client->state(), MqttClient::State::Connecting);
}

QTEST_GUILESS_MAIN(TestMqttClient)
#include "tst_mqttclient.moc"
