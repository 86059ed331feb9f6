#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <deque>

class ChaosConsole;
class SimHost;

// Checks what consoles show (their diagnostics snapshots) against the
// reference server's own state, continuously and after every recovery:
//  I1 nothing shown live while the link is down or older than its stale period;
//  I2 once live (and one frame later) the alarm list equals the server's book;
//  I3 the console's sequence bookkeeping matches the server's for its session;
//  I4 every action taken at a console reaches the server exactly once, on the
//     occurrence it was taken on, or is reported refused;
//  I5 the server sees each command id at most once, never after the console
//     reported the command lost or timed out.
// The same condition on the same console and item is reported once.
class ChaosChecker : public QObject
{
    Q_OBJECT

public:
    struct Violation
    {
        QString invariant;
        QString console;
        qint64 atMs; // since the run started
        QString detail;
    };

    explicit ChaosChecker(QObject *parent = nullptr);

    // The server now running (after every restart); not owned.
    void setServer(SimHost *server);

    // An action the console accepted (it answered with a request id); one
    // it answered with the id of an action still waiting counts once.
    // `sentMs` (epoch): when the request left for the console, before it could act.
    void noteConsoleAction(const QString &console, const QString &type, const QString &target, const QString &requestId,
                           qint64 shownCount, qint64 sentMs);
    // The console's link is truly cut (stalled, refused) since now, or no longer.
    void noteLinkDown(const QString &console, bool down);
    // The console's link is slowed or cut (delay, stall, refusal) until
    // `untilMs` of the run clock: its stream may lag meanwhile.
    void noteLinkImpaired(const QString &console, qint64 forMs);

    void check(ChaosConsole &console);
    // After the run has settled (no faults, every console live for a while).
    void finalCheck(const QList<ChaosConsole *> &consoles);

    const QMap<QString, qint64> &checks() const { return m_checks; }
    // What the consoles were seen to go through: recoveries by kind, polling.
    const QMap<QString, qint64> &seen() const { return m_seen; }
    const QList<Violation> &violations() const { return m_violations; }

private:
    struct ServerAction
    {
        QString operatorName;
        QString type;
        QString target; // alarm id or command id
        qint64 count = -1; // the alarm's activations after an alarm action
        bool ok = false;
        qint64 atMs = 0; // epoch
    };
    struct ConsoleAction
    {
        QString console;
        QString type;
        QString target;
        QString requestId;
        qint64 shownCount = -1;
        qint64 atMs = 0;
    };

    void sampleServer();
    void onAction(const QString &operatorName, const QString &type, const QJsonObject &request, const QJsonObject &data,
                  const QJsonObject &error, bool repeated);
    void violate(const QString &invariant, const QString &console, const QString &key, const QString &detail);
    void count(const QString &invariant) { ++m_checks[invariant]; }
    void checkStaleness(const ChaosConsole &console, const QJsonObject &doc, qint64 writtenMs);
    void checkAlarms(const ChaosConsole &console, const QJsonObject &doc, qint64 writtenMs);
    void checkSequence(const ChaosConsole &console, const QJsonObject &doc, qint64 writtenMs);
    void checkActions(const ChaosConsole &console, const QJsonObject &doc, bool final);
    void checkCommands(const ChaosConsole &console, const QJsonObject &doc);
    static qint64 nowMs();

    QPointer<SimHost> m_server;
    int m_instance = 0;
    qint64 m_startMs;
    QTimer m_sampler;
    QByteArray m_bookSignature;
    qint64 m_bookChangedMs = 0;
    qint64 m_serverStartedMs = 0;
    // (instance/sessionId) → (epoch ms, the server's seq), the last seconds.
    QHash<QString, std::deque<std::pair<qint64, quint64>>> m_seqHistory;
    QHash<QString, QString> m_lastStateShown; // console → link state in its last doc
    QHash<QString, quint64> m_lastSeqShown; // console → last seq in its last doc
    QHash<QString, QString> m_lastSessionShown;
    QHash<QString, qint64> m_linkDownSince; // console → epoch ms
    QHash<QString, qint64> m_impairedUntil; // console → epoch ms
    // A difference seen once may be a console that had not yet been
    // scheduled to read what was waiting for it; it counts when the next
    // document, written with the server's book unchanged, still shows it.
    struct Suspect
    {
        QByteArray book;
        qint64 writtenMs = 0;
        QString what;
    };
    QHash<QString, Suspect> m_alarmSuspects;
    QHash<QString, Suspect> m_seqSuspects;
    QList<ServerAction> m_serverActions;
    QList<ConsoleAction> m_consoleActions;
    QHash<QString, QList<qint64>> m_commandSeen; // command id → every time the server ran it
    QMap<QString, qint64> m_checks;
    QMap<QString, qint64> m_seen;
    QList<Violation> m_violations;
    QSet<QString> m_reported;
};
