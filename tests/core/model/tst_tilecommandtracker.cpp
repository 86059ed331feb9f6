#include "model/tilecommandtracker.h"

#include <QTest>

using Domain::CommandState;
using Domain::CommandStatus;
using Domain::EndpointValue;
using Tracker = TileCommandTracker;

namespace {

CommandStatus status(const QString &commandId, CommandState state, const QString &endpointId = {},
                     const EndpointValue &requested = {})
{
    CommandStatus s;
    s.commandId = commandId;
    s.status = state;
    s.endpointId = endpointId;
    s.requestedValue = requested;
    return s;
}

const QString kE1 = QStringLiteral("E1");
const QString kE2 = QStringLiteral("E2");
const QString kGone = QStringLiteral("E-gone");

} // namespace

// Which command is pending on which endpoint, and which have finished.
class TestTileCommandTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void statusMarksPendingAndFinalClearsIt();
    void aFinishedCommandIsReportedOnce();
    void forgetsTheOldestFinishedPastItsBound();
    void latestCommandToAnEndpointWins();
    void commandNamingAnotherEndpointMoves();
    void sendingKeepsStatusUnsetAndMarksOwn();
    void unconfirmedOnlyForTheCommandPendingThere();
    void releaseReportsWhatItClears();
    void foreignCommandsListedAndQuiet();
    void endpointsNotShownAreIgnoredAndForgotten();

private:
    std::unique_ptr<Tracker> m_tracker;
    QSet<QString> m_shown;
};

void TestTileCommandTracker::init()
{
    m_shown = {kE1, kE2};
    m_tracker = std::make_unique<Tracker>(3, [this](const QString &id) { return m_shown.contains(id); });
}

void TestTileCommandTracker::statusMarksPendingAndFinalClearsIt()
{
    auto changes = m_tracker->apply({status(QStringLiteral("c1"), CommandState::Queued, kE1, 4.0)}, false, 100);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.value(kE1), unsigned(Tracker::CommandChanged | Tracker::ValueChanged | Tracker::StatusChanged));
    const Tracker::Pending &p = m_tracker->pendingOn(kE1);
    QCOMPARE(p.commandId, QStringLiteral("c1"));
    QCOMPARE(p.value, EndpointValue(4.0));
    QCOMPARE(p.status, std::optional(CommandState::Queued));
    QCOMPARE(p.heardMs, qint64(100));
    QVERIFY(!p.own);
    QCOMPARE(m_tracker->endpointOf(QStringLiteral("c1")), kE1);

    // Only what changed: the status, not the value it asks for.
    changes = m_tracker->apply({status(QStringLiteral("c1"), CommandState::Acked)}, false, 200);
    QCOMPARE(changes.value(kE1), unsigned(Tracker::StatusChanged));
    QCOMPARE(m_tracker->pendingOn(kE1).heardMs, qint64(200));

    changes = m_tracker->apply({status(QStringLiteral("c1"), CommandState::Succeeded)}, false, 300);
    QCOMPARE(changes.value(kE1), unsigned(Tracker::CommandChanged | Tracker::ValueChanged | Tracker::StatusChanged));
    QVERIFY(m_tracker->pendingOn(kE1).commandId.isEmpty());
    QVERIFY(m_tracker->endpointOf(QStringLiteral("c1")).isEmpty());
    QVERIFY(m_tracker->isFinished(QStringLiteral("c1")));
}

void TestTileCommandTracker::aFinishedCommandIsReportedOnce()
{
    m_tracker->apply({status(QStringLiteral("c1"), CommandState::Sent, kE1)}, false, 0);
    QVERIFY(!m_tracker->apply({status(QStringLiteral("c1"), CommandState::Failed, kE1)}, false, 0).isEmpty());
    // Its late statuses, final or not, change nothing.
    QVERIFY(m_tracker->apply({status(QStringLiteral("c1"), CommandState::Failed, kE1)}, false, 0).isEmpty());
    QVERIFY(m_tracker->apply({status(QStringLiteral("c1"), CommandState::Acked, kE1)}, false, 0).isEmpty());
    QVERIFY(m_tracker->pendingOn(kE1).commandId.isEmpty());
}

void TestTileCommandTracker::forgetsTheOldestFinishedPastItsBound()
{
    QCOMPARE(m_tracker->finishedMemory(), 3);
    for (const char *id : {"f1", "f2", "f3"})
        m_tracker->apply({status(QString::fromLatin1(id), CommandState::Succeeded)}, false, 0);
    // Remembered again: still three, not a fourth.
    m_tracker->apply({status(QStringLiteral("f1"), CommandState::Succeeded)}, false, 0);
    QVERIFY(m_tracker->isFinished(QStringLiteral("f1")));

    m_tracker->apply({status(QStringLiteral("f4"), CommandState::Timeout)}, false, 0);
    QVERIFY(!m_tracker->isFinished(QStringLiteral("f1")));
    for (const char *id : {"f2", "f3", "f4"})
        QVERIFY2(m_tracker->isFinished(QString::fromLatin1(id)), id);
    // Forgotten, a late status of f1 shows it pending once more.
    const auto changes = m_tracker->apply({status(QStringLiteral("f1"), CommandState::Acked, kE2)}, false, 0);
    QVERIFY(changes.contains(kE2));
    QCOMPARE(m_tracker->pendingOn(kE2).commandId, QStringLiteral("f1"));
}

void TestTileCommandTracker::latestCommandToAnEndpointWins()
{
    m_tracker->apply({status(QStringLiteral("c1"), CommandState::Queued, kE1, 1.0),
                      status(QStringLiteral("c2"), CommandState::Queued, kE1, 2.0)},
                     false, 0);
    QCOMPARE(m_tracker->pendingOn(kE1).commandId, QStringLiteral("c2"));
    QCOMPARE(m_tracker->pendingOn(kE1).value, EndpointValue(2.0));
    QVERIFY(m_tracker->endpointOf(QStringLiteral("c1")).isEmpty());
    // The displaced command's end is no change to the endpoint.
    QVERIFY(m_tracker->apply({status(QStringLiteral("c1"), CommandState::Succeeded)}, false, 0).isEmpty());
    QCOMPARE(m_tracker->pendingOn(kE1).commandId, QStringLiteral("c2"));
}

void TestTileCommandTracker::commandNamingAnotherEndpointMoves()
{
    m_tracker->markOwn(QStringLiteral("c1"));
    m_tracker->apply({status(QStringLiteral("c1"), CommandState::Queued, kE1)}, false, 0);
    const auto changes = m_tracker->apply({status(QStringLiteral("c1"), CommandState::Sent, kE2)}, false, 0);
    QCOMPARE(changes.size(), 2);
    QVERIFY(m_tracker->pendingOn(kE1).commandId.isEmpty());
    QCOMPARE(m_tracker->pendingOn(kE2).commandId, QStringLiteral("c1"));
    QVERIFY(m_tracker->pendingOn(kE2).own); // still this console's
}

void TestTileCommandTracker::sendingKeepsStatusUnsetAndMarksOwn()
{
    m_tracker->markOwn(QStringLiteral("c1"));
    // Sent by this console: a final state means nothing yet, and sets no status.
    const auto changes = m_tracker->apply({status(QStringLiteral("c1"), CommandState::Succeeded, kE1, true)}, true, 50);
    QCOMPARE(changes.value(kE1), unsigned(Tracker::CommandChanged | Tracker::ValueChanged | Tracker::OwnChanged));
    QVERIFY(!m_tracker->pendingOn(kE1).status);
    QVERIFY(m_tracker->pendingOn(kE1).own);
    QVERIFY(!m_tracker->isFinished(QStringLiteral("c1")));
}

void TestTileCommandTracker::unconfirmedOnlyForTheCommandPendingThere()
{
    QVERIFY(m_tracker->noteUnconfirmed(QStringLiteral("c1")).isEmpty());
    m_tracker->apply({status(QStringLiteral("c1"), CommandState::Queued, kE1)}, true, 0);
    QCOMPARE(m_tracker->noteUnconfirmed(QStringLiteral("c1")).value(kE1), unsigned(Tracker::UnconfirmedChanged));
    QVERIFY(m_tracker->pendingOn(kE1).unconfirmed);
    QVERIFY(m_tracker->noteUnconfirmed(QStringLiteral("c1")).isEmpty()); // once
}

void TestTileCommandTracker::releaseReportsWhatItClears()
{
    m_tracker->apply({status(QStringLiteral("c1"), CommandState::Acked, kE1, 3.0),
                      status(QStringLiteral("c2"), CommandState::Queued, kE2)},
                     false, 0);
    m_tracker->apply({status(QStringLiteral("c2"), CommandState::Queued, kE2)}, true, 0);
    m_tracker->noteUnconfirmed(QStringLiteral("c2"));
    const auto changes = m_tracker->release({QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c9")});
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.value(kE1),
             unsigned(Tracker::CommandChanged | Tracker::OwnChanged | Tracker::ValueChanged | Tracker::StatusChanged));
    QCOMPARE(
        changes.value(kE2),
        unsigned(Tracker::CommandChanged | Tracker::OwnChanged | Tracker::StatusChanged | Tracker::UnconfirmedChanged));
    QVERIFY(m_tracker->pendingOn(kE1).commandId.isEmpty());
    QVERIFY(m_tracker->pendingOn(kE2).commandId.isEmpty());
    // Released is not finished: the command may show pending again.
    QVERIFY(!m_tracker->isFinished(QStringLiteral("c1")));
    QVERIFY(m_tracker->release({QStringLiteral("c1")}).isEmpty());
}

void TestTileCommandTracker::foreignCommandsListedAndQuiet()
{
    m_tracker->markOwn(QStringLiteral("mine"));
    m_tracker->apply({status(QStringLiteral("mine"), CommandState::Queued, kE1)}, false, 0);
    m_tracker->apply({status(QStringLiteral("theirs"), CommandState::Queued, kE2)}, false, 1000);
    QCOMPARE(m_tracker->foreignExcept({}), QList<QString> {QStringLiteral("theirs")});
    QVERIFY(m_tracker->foreignExcept({QStringLiteral("theirs")}).isEmpty());

    QVERIFY(m_tracker->foreignQuietFor(500, 1499).isEmpty());
    QCOMPARE(m_tracker->foreignQuietFor(500, 1500), QList<QString> {QStringLiteral("theirs")});
    // Heard of again: quiet from then on.
    m_tracker->apply({status(QStringLiteral("theirs"), CommandState::Sent)}, false, 1400);
    QVERIFY(m_tracker->foreignQuietFor(500, 1500).isEmpty());
}

void TestTileCommandTracker::endpointsNotShownAreIgnoredAndForgotten()
{
    QVERIFY(m_tracker->apply({status(QStringLiteral("c1"), CommandState::Queued, kGone)}, false, 0).isEmpty());
    QVERIFY(m_tracker->endpointOf(QStringLiteral("c1")).isEmpty());

    m_tracker->markOwn(QStringLiteral("c2"));
    m_tracker->apply({status(QStringLiteral("c2"), CommandState::Queued, kE1)}, false, 0);
    m_shown.remove(kE1);
    m_tracker->forgetEndpoint(kE1);
    QVERIFY(m_tracker->pendingOn(kE1).commandId.isEmpty());
    QVERIFY(m_tracker->endpointOf(QStringLiteral("c2")).isEmpty());
    // Forgotten with its endpoint: no longer this console's either.
    m_shown.insert(kE1);
    m_tracker->apply({status(QStringLiteral("c2"), CommandState::Sent, kE1)}, false, 0);
    QVERIFY(!m_tracker->pendingOn(kE1).own);
}

QTEST_GUILESS_MAIN(TestTileCommandTracker)
#include "tst_tilecommandtracker.moc"
