#include "net/connectionservice.h"
#include "services/session.h"
#include "support/consolefixture.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

// What a console does with what it cannot read, end to end: a real
// WebSocket server (written by hand here) sends numbered events and
// snapshots a newer or sloppier server might send, and a whole Session
// takes them in.

using State = Domain::LinkState;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// Answers hello, auth and subscribe (with a snapshot of `alarms` given by
// the test); every other message the test sends by hand.
class AlarmServer : public QObject
{
public:
    explicit AlarmServer(QJsonArray firstAlarms)
        : m_firstAlarms(std::move(firstAlarms))
    {
        m_server.setSupportedSubprotocols({QStringLiteral("watchfloor.v1")});
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_server.nextPendingConnection();
            socket->setParent(this);
            m_socket = socket;
            ++connections;
            send(parse(R"({"type":"hello","protocol":1})"));
            connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
                const QJsonObject r = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString type = r.value(QLatin1StringView("type")).toString();
                requests.append(type);
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
                    snapshot(1, m_firstAlarms);
                } else if (type == u"resume") {
                    answer.insert(QLatin1StringView("ok"), false);
                    answer.insert(QLatin1StringView("error"),
                                  QJsonObject {{QLatin1StringView("code"), QStringLiteral("resync_required")}});
                    send(answer);
                }
            });
        });
    }

    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort()); }

    void send(const QJsonObject &m)
    {
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact)));
    }
    void snapshot(qint64 seq, const QJsonArray &items)
    {
        send({{QLatin1StringView("type"), QStringLiteral("snapshot")},
              {QLatin1StringView("channel"), QStringLiteral("alarms")},
              {QLatin1StringView("seq"), seq},
              {QLatin1StringView("items"), items}});
    }

    QStringList requests;
    int connections = 0;

private:
    QJsonArray m_firstAlarms;
    QWebSocketServer m_server {QStringLiteral("alarms"), QWebSocketServer::NonSecureMode};
    QWebSocket *m_socket = nullptr;
};

QJsonObject alarmItem(const QString &id, const QString &severity)
{
    return {{QLatin1StringView("alarmId"), id},
            {QLatin1StringView("severity"), severity},
            {QLatin1StringView("message"), QString(QStringLiteral("alarm ") + id)},
            {QLatin1StringView("state"), QStringLiteral("active_unacked")},
            {QLatin1StringView("timestamp"), QStringLiteral("2026-11-22T10:00:00Z")}};
}

// Who this test's consoles sign in as.
const ConsoleFixture::Login kTester {.token = {}, .operatorName = QStringLiteral("tester")};

} // namespace

class TestTolerantStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void a1_undecodableEventKeepsTheStream();
    void a1_partialSnapshotRemovesNothing();
};

void TestTolerantStream::a1_undecodableEventKeepsTheStream()
{
    AlarmServer server({alarmItem(QStringLiteral("a1"), QStringLiteral("high"))});
    Session session;
    QAbstractItemModelTester tester(session.alarms(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    session.connection()->setSubscriptions({QStringLiteral("alarms")});
    session.connection()->setSettings(ConsoleFixture::settingsFor(server.url(), kTester));
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);
    QTRY_COMPARE(session.alarms()->rowCount(), 1);
    QSignalSpy states(session.connection(), &ConnectionService::stateChanged);
    const int errorsBefore = session.connection()->protocolErrorCount();

    // 2 cannot be read (no message), 3 is an alarm of a severity and state
    // this console does not know, 4 an event type it has never heard of,
    // 5 a drone_update kind it does not handle, then 6 an ordinary alarm.
    server.send(parse(R"({"type":"alarm","seq":2,"alarmId":"bad","severity":"high","timestamp":0})"));
    server.send(
        parse(R"({"type":"alarm","seq":3,"alarmId":"a3","severity":"emergency","state":"suppressed",)"
              R"("message":"new kind","timestamp":"2026-11-22T10:00:03Z","source":{"kind":"line","id":"L4"}})"));
    server.send(parse(R"({"type":"weather","seq":4,"wind":12})"));
    server.send(parse(R"({"type":"drone_update","seq":5,"serial":"D","kind":"teleport","timestamp":0,"data":{}})"));
    QJsonObject a6 = alarmItem(QStringLiteral("a6"), QStringLiteral("low"));
    a6.insert(QLatin1StringView("type"), QStringLiteral("alarm"));
    a6.insert(QLatin1StringView("seq"), 6);
    server.send(a6);

    QTRY_VERIFY(session.alarms()->alarm(QStringLiteral("a6")).has_value());
    // Everything after the unreadable events was applied, on the same link.
    const auto unknown = session.alarms()->alarm(QStringLiteral("a3"));
    QVERIFY(unknown);
    QCOMPARE(unknown->severity, Domain::AlarmSeverity::Unknown);
    QCOMPARE(unknown->state, Domain::AlarmState::ActiveUnacked);
    QCOMPARE(unknown->source->kindText, QStringLiteral("line"));
    // It counts among the most severe unacknowledged alarms.
    QCOMPARE(session.alarms()->unacknowledgedAtLeast(Domain::AlarmSeverity::Critical), 1);
    QVERIFY(!session.alarms()->alarm(QStringLiteral("bad")));
    QCOMPARE(session.connection()->protocolErrorCount(), errorsBefore + 3);
    QCOMPARE(session.connection()->state(), State::Live);
    QVERIFY(states.isEmpty());
    QCOMPARE(server.connections, 1);
    QVERIFY(!server.requests.contains(QStringLiteral("resume")));
}

void TestTolerantStream::a1_partialSnapshotRemovesNothing()
{
    AlarmServer server({alarmItem(QStringLiteral("a1"), QStringLiteral("high")),
                        alarmItem(QStringLiteral("a2"), QStringLiteral("critical")),
                        alarmItem(QStringLiteral("a3"), QStringLiteral("low"))});
    Session session;
    QAbstractItemModelTester tester(session.alarms(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    session.connection()->setSubscriptions({QStringLiteral("alarms")});
    session.connection()->setSettings(ConsoleFixture::settingsFor(server.url(), kTester));
    session.start();
    QTRY_COMPARE(session.connection()->state(), State::Live);
    QTRY_COMPARE(session.alarms()->rowCount(), 3);

    // A fresh snapshot (a refresh) whose a2 cannot be read: a1 changes, a4
    // is new, a2 stays as it was; a3 is not listed either, but absence
    // proves nothing while one item went unread.
    QJsonObject unreadable = alarmItem(QStringLiteral("a2"), QStringLiteral("critical"));
    unreadable.remove(QLatin1StringView("message"));
    QJsonObject a1 = alarmItem(QStringLiteral("a1"), QStringLiteral("high"));
    a1.insert(QLatin1StringView("state"), QStringLiteral("active_acked"));
    server.snapshot(2, {a1, unreadable, alarmItem(QStringLiteral("a4"), QStringLiteral("medium"))});
    QTRY_VERIFY(session.alarms()->alarm(QStringLiteral("a4")).has_value());
    QCOMPARE(session.alarms()->alarm(QStringLiteral("a1"))->state, Domain::AlarmState::ActiveAcked);
    QVERIFY(session.alarms()->alarm(QStringLiteral("a2")));
    QVERIFY(session.alarms()->alarm(QStringLiteral("a3")));
    QCOMPARE(session.alarms()->rowCount(), 4);
    QCOMPARE(session.connection()->state(), State::Live);

    // A complete snapshot is believed: what it no longer lists is gone,
    // except alarms still waiting for an acknowledgement, which stay marked
    // as no longer confirmed by the server (S5) rather than taken for cleared.
    server.snapshot(3, {alarmItem(QStringLiteral("a2"), QStringLiteral("critical"))});
    QTRY_VERIFY(!session.alarms()->alarm(QStringLiteral("a1")));
    QCOMPARE(session.alarms()->rowCount(), 3);
    QVERIFY(!session.alarms()->isUnconfirmed(QStringLiteral("a2")));
    QVERIFY(session.alarms()->isUnconfirmed(QStringLiteral("a3")));
    QVERIFY(session.alarms()->isUnconfirmed(QStringLiteral("a4")));
    QCOMPARE(server.connections, 1);
}

QTEST_GUILESS_MAIN(TestTolerantStream)
#include "tst_tolerantstream.moc"
