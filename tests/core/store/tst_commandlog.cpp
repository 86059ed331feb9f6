#include "storetestcase.h"
#include "storetestdata.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace StoreTestData;
using Domain::CommandState;
using Domain::EndpointValue;

namespace {

// The key a record read back has, as the store keys it.
QUuid idOf(const Domain::CommandRecord &command)
{
    return QUuid::fromString(command.commandId);
}

// The pump command two cases log: alice asked for 42.5 at t0; it was sent a
// second later and failed three more on, at 40, the motor stalled.
void verifyFailedPumpCommand(const Domain::CommandRecord &c)
{
    QCOMPARE(c.endpointId, QStringLiteral("pump-1/speed"));
    QCOMPARE(c.requestedValue, EndpointValue(42.5));
    QCOMPARE(c.operatorName, QStringLiteral("alice"));
    QCOMPARE(c.status, CommandState::Failed);
    QCOMPARE(c.actualValue, EndpointValue(40.0));
    QCOMPARE(c.error, QStringLiteral("motor stalled"));
    QCOMPARE(c.issuedAt, t0);
    QCOMPARE(c.lastChange, t0.addSecs(4));
    QCOMPARE(c.history.size(), 3);
    QCOMPARE(c.history.at(0).status, CommandState::Queued);
    QCOMPARE(c.history.at(0).at, t0);
    QCOMPARE(c.history.at(1).status, CommandState::Sent);
    QCOMPARE(c.history.at(1).at, t0.addSecs(1));
    QCOMPARE(c.history.at(2).status, CommandState::Failed);
    QCOMPARE(c.history.at(2).error, QStringLiteral("motor stalled"));
    QCOMPARE(c.history.at(2).actualValue, EndpointValue(40.0));
}

} // namespace

// The command log on a real file: a command's status history, filters, paging and the bound.
class TestCommandLog : public StoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void commandLogKeepsHistory();
    void commandLogFilters();
    void rowsOfEarlierVersionsReadAsBefore();
    void statesThatAreNeverStoredAreRefused();
};

void TestCommandLog::commandLogKeepsHistory()
{
    const QUuid id = QUuid::createUuid();
    QVERIFY2(m_store->commandLog().append(command(id, QStringLiteral("pump-1/speed"), 42.5, t0)),
             qPrintable(m_store->lastError()));
    QVERIFY2(!m_store->commandLog().append(command(id, QStringLiteral("pump-1/speed"), 42.5, t0)),
             "a command id is logged once");
    QVERIFY(m_store->commandLog().update(id, step(CommandState::Sent, t0.addSecs(1))));
    QVERIFY(m_store->commandLog().update(
        id, step(CommandState::Failed, t0.addSecs(4), EndpointValue(40.0), QStringLiteral("motor stalled"))));

    m_store->close();
    QVERIFY(m_store->open(dbPath()));
    const auto c = m_store->commandLog().find(id);
    QVERIFY2(c, qPrintable(m_store->lastError()));
    verifyFailedPumpCommand(*c);
    if (QTest::currentTestFailed())
        return;

    const QUuid unknown = QUuid::createUuid();
    QVERIFY(!m_store->commandLog().update(unknown, step(CommandState::Sent, t0)));
    QVERIFY(m_store->lastError().contains(unknown.toString(QUuid::WithoutBraces)));
    QVERIFY(!m_store->commandLog().find(unknown));
    // The failed update left no transaction open.
    QVERIFY(m_store->commandLog().update(
        id, step(CommandState::Failed, t0.addSecs(5), EndpointValue(40.0), QStringLiteral("again"))));
    QCOMPARE(m_store->commandLog().find(id)->history.size(), 4);
}

void TestCommandLog::commandLogFilters()
{
    QList<QUuid> ids;
    for (int i = 0; i < 6; ++i) {
        ids << QUuid::createUuid();
        const QString endpoint = i % 2 ? QStringLiteral("valve-2/open") : QStringLiteral("pump-1/speed");
        QVERIFY(m_store->commandLog().append(command(ids.last(), endpoint, i, t0.addSecs(i * 60))));
    }
    QVERIFY(m_store->commandLog().update(ids[4], step(CommandState::Succeeded, t0.addSecs(300), EndpointValue(4.0))));

    const auto all = *m_store->commandLog().newest(10);
    QCOMPARE(all.size(), 6);
    QCOMPARE(idOf(all.first()), ids[5]);
    QCOMPARE(idOf(all.last()), ids[0]);
    const auto page = *m_store->commandLog().newest(2, 2);
    QCOMPARE(page.size(), 2);
    QCOMPARE(idOf(page.at(0)), ids[3]);
    QCOMPARE(idOf(page.at(1)), ids[2]);

    CommandLog::Filter byEndpoint;
    byEndpoint.endpointId = QStringLiteral("valve-2/open");
    const auto valves = *m_store->commandLog().newest(10, 0, byEndpoint);
    QCOMPARE(valves.size(), 3);
    for (const auto &c : valves)
        QCOMPARE(c.endpointId, QStringLiteral("valve-2/open"));

    CommandLog::Filter byStatus;
    byStatus.status = CommandState::Succeeded;
    const auto done = *m_store->commandLog().newest(10, 0, byStatus);
    QCOMPARE(done.size(), 1);
    QCOMPARE(idOf(done.first()), ids[4]);

    CommandLog::Filter window;
    window.since = t0.addSecs(60);
    window.until = t0.addSecs(180);
    const auto inWindow = *m_store->commandLog().newest(10, 0, window);
    QCOMPARE(inWindow.size(), 2);
    QCOMPARE(idOf(inWindow.at(0)), ids[2]);
    QCOMPARE(idOf(inWindow.at(1)), ids[1]);

    m_store->commandLog().setLimit(10);
    for (int i = 0; i < 5; ++i)
        QVERIFY(
            m_store->commandLog().append(command(QUuid::createUuid(), QStringLiteral("x"), i, t0.addSecs(1000 + i))));
    QCOMPARE(m_store->commandLog().newest(100)->size(), 10);
    QVERIFY(!m_store->commandLog().find(ids[0]));
}

void TestCommandLog::rowsOfEarlierVersionsReadAsBefore()
{
    // Rows as the console wrote them before commands were records: the
    // protocol's words, values as JSON text in an array, an empty error, a
    // history of JSON objects with the time in milliseconds.
    const QUuid failed = QUuid::createUuid();
    const QUuid unanswered = QUuid::createUuid();
    const qint64 ms = t0.toMSecsSinceEpoch();
    QSqlQuery query(m_store->database().connection());
    QVERIFY(query.prepare(QStringLiteral(
        "INSERT INTO commands (command_id, endpoint_id, requested_value, operator, status, actual_value, error, "
        "created_at, updated_at, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
    for (const QVariant &value :
         {QVariant(failed.toString(QUuid::WithoutBraces)), QVariant(QStringLiteral("pump-1/speed")),
          QVariant(QStringLiteral("[42.5]")), QVariant(QStringLiteral("alice")), QVariant(QStringLiteral("failed")),
          QVariant(QStringLiteral("[40]")), QVariant(QStringLiteral("motor stalled")), QVariant(ms),
          QVariant(ms + 4000),
          QVariant(
              QStringLiteral(
                  "[{\"at\":%1,\"error\":\"\",\"status\":\"queued\"},{\"at\":%2,\"error\":\"\",\"status\":\"sent\"},"
                  "{\"actualValue\":40,\"at\":%3,\"error\":\"motor stalled\",\"status\":\"failed\"}]")
                  .arg(ms)
                  .arg(ms + 1000)
                  .arg(ms + 4000))})
        query.addBindValue(value);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO commands (command_id, endpoint_id, requested_value, operator, "
                                      "status, actual_value, error, created_at, updated_at, history) VALUES ('%1', "
                                      "'valve-2/open', '[true]', '', 'sent', NULL, '', %2, %2, "
                                      "'[{\"at\":%2,\"error\":\"\",\"status\":\"sent\"}]')")
                           .arg(unanswered.toString(QUuid::WithoutBraces))
                           .arg(ms + 60000)));

    const auto c = m_store->commandLog().find(failed);
    QVERIFY2(c, qPrintable(m_store->lastError()));
    QCOMPARE(c->commandId, failed.toString(QUuid::WithoutBraces));
    QVERIFY(!c->completedAt.isValid());
    QCOMPARE(c->history.at(0).actualValue, EndpointValue());
    QVERIFY(c->history.at(0).error.isEmpty());
    verifyFailedPumpCommand(*c);
    if (QTest::currentTestFailed())
        return;

    const auto both = *m_store->commandLog().newest(10);
    QCOMPARE(both.size(), 2);
    const Domain::CommandRecord &open = both.first();
    QCOMPARE(idOf(open), unanswered);
    QCOMPARE(open.requestedValue, EndpointValue(true));
    QCOMPARE(open.actualValue, EndpointValue()); // NULL: none known
    QVERIFY(open.operatorName.isEmpty());
    QCOMPARE(open.status, CommandState::Sent);
    QVERIFY(open.error.isEmpty());
    QCOMPARE(open.history.size(), 1);
    CommandLog::Filter sent;
    sent.status = CommandState::Sent;
    QCOMPARE(m_store->commandLog().newest(10, 0, sent)->size(), 1);

    // An old row goes on with a new step, in the old words.
    QVERIFY(
        m_store->commandLog().update(unanswered, step(CommandState::Succeeded, t0.addSecs(62), EndpointValue(true))));
    QVERIFY(query.exec(QStringLiteral("SELECT status, actual_value FROM commands WHERE command_id = '%1'")
                           .arg(unanswered.toString(QUuid::WithoutBraces))));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("succeeded"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("[true]"));
}

void TestCommandLog::statesThatAreNeverStoredAreRefused()
{
    // Requested and Lost never leave the console: the log refuses them
    // rather than keep something else in their place.
    Domain::CommandRecord requested = command(QUuid::createUuid(), QStringLiteral("pump-1/speed"), 1, t0);
    requested.status = CommandState::Requested;
    QVERIFY(!m_store->commandLog().append(requested));
    QVERIFY(!m_store->lastError().isEmpty());
    QVERIFY(!m_store->commandLog().find(QUuid::fromString(requested.commandId)));

    const QUuid id = QUuid::createUuid();
    QVERIFY(m_store->commandLog().append(command(id, QStringLiteral("pump-1/speed"), 1, t0)));
    QVERIFY(!m_store->commandLog().update(id, step(CommandState::Lost, t0.addSecs(1))));
    QVERIFY(!m_store->lastError().isEmpty());
    QCOMPARE(m_store->commandLog().find(id)->history.size(), 1);
    QCOMPARE(m_store->commandLog().find(id)->status, CommandState::Queued);

    // A command id that is not a UUID has no key in the log.
    Domain::CommandRecord plain = command(QUuid::createUuid(), QStringLiteral("pump-1/speed"), 1, t0);
    plain.commandId = QStringLiteral("12");
    QVERIFY(!m_store->commandLog().append(plain));
    QVERIFY(m_store->lastError().contains(QStringLiteral("12")));

    CommandLog::Filter lost;
    lost.status = CommandState::Lost;
    QCOMPARE(m_store->commandLog().newest(10, 0, lost)->size(), 0);
}

QTEST_GUILESS_MAIN(TestCommandLog)
#include "tst_commandlog.moc"
