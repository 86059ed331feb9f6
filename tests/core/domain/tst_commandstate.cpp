// A command's state: which states end a command, and which ones have words
// on the wire and in the store.
#include "domain/commandstate.h"

#include <QTest>

using Domain::CommandState;

class TestCommandState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finalStatesEndACommand()
    {
        for (CommandState s : {CommandState::Requested, CommandState::Queued, CommandState::Sent, CommandState::Acked})
            QVERIFY2(!Domain::isFinal(s), qPrintable(QString::number(int(s))));
        for (CommandState s : {CommandState::Succeeded, CommandState::Failed, CommandState::Rejected,
                               CommandState::Timeout, CommandState::Lost})
            QVERIFY2(Domain::isFinal(s), qPrintable(QString::number(int(s))));
    }

    void theLifeCycleOnlyMovesOn()
    {
        // The service drops a status that is not later than the one it has.
        QVERIFY(int(CommandState::Requested) < int(CommandState::Queued));
        QVERIFY(int(CommandState::Queued) < int(CommandState::Sent));
        QVERIFY(int(CommandState::Sent) < int(CommandState::Acked));
        QVERIFY(int(CommandState::Acked) < int(CommandState::Succeeded));
    }

    void onlyTheServersStatesHaveWords()
    {
        // A server cannot say "requested" or "lost": they never leave the console.
        QVERIFY(Domain::wordOf(Domain::kCommandStates, CommandState::Requested).isEmpty());
        QVERIFY(Domain::wordOf(Domain::kCommandStates, CommandState::Lost).isEmpty());
        QVERIFY(!Domain::valueOf(Domain::kCommandStates, u"requested"));
        QVERIFY(!Domain::valueOf(Domain::kCommandStates, u"lost"));
        const QStringList words {QStringLiteral("queued"),    QStringLiteral("sent"),   QStringLiteral("acked"),
                                 QStringLiteral("succeeded"), QStringLiteral("failed"), QStringLiteral("rejected"),
                                 QStringLiteral("timeout")};
        for (const QString &word : words) {
            const std::optional<CommandState> state = Domain::valueOf(Domain::kCommandStates, word);
            QVERIFY2(state, qPrintable(word));
            QCOMPARE(Domain::wordOf(Domain::kCommandStates, *state), word);
        }
    }
};

QTEST_MAIN(TestCommandState)
#include "tst_commandstate.moc"
