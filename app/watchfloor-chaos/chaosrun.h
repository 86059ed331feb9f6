#pragma once

#include "chaoschecker.h"
#include "chaosconsole.h"
#include "chaosoperator.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <vector>

class SimHost;

// One soak: the reference server in this process (alarm flood and
// chattering scenarios, a second operator), several real consoles each
// behind its own ChaosProxy, faults injected on a schedule drawn from the
// seed, operator actions driven through each console's control socket, and
// the ChaosChecker's invariants checked twice a second and once more after
// the run has settled. docs/reliability.md describes it.
class ChaosRun : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        quint32 seed = 1;
        int faults = 20;
        int durationSeconds = 60;
        int consoles = 2;
        QString consoleExecutable;
        qint64 diskLimitBytes = 1024 * 1024; // the last console's file size limit; 0: none
        bool keepFolder = false;
    };

    explicit ChaosRun(const Options &options, QObject *parent = nullptr);
    ~ChaosRun() override;

    // Runs to the end; the process exit code (0: no violation).
    int exec();

private:
    enum class Fault {
        Drop,
        Stall,
        CutMidFrame,
        Delay,
        DuplicateReordered,
        ServerRestart,
        ResumeRefused,
        ReplayExpired,
        PollingFallback,
    };

    bool startServer(quint16 port);
    void restartServer();
    void injectFault();
    void consoleAction();
    void checkAll();
    void settle();
    int report();
    static QString faultName(Fault fault);
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    void logFault(Fault fault, const QString &target);

    Options m_options;
    // Apart, so that the schedule of faults does not depend on how many
    // actions the machine's speed allowed.
    QRandomGenerator m_random; // faults
    QRandomGenerator m_actionRandom;
    QTemporaryDir m_folder;
    std::unique_ptr<SimHost> m_server;
    int m_serverInstance = 0;
    quint16 m_port = 0;
    std::unique_ptr<ChaosOperator> m_operator;
    std::vector<std::unique_ptr<ChaosConsole>> m_consoles;
    QHash<ChaosConsole *, qint64> m_busyUntil; // a lasting fault is in progress until then (ms of the run)
    ChaosChecker m_checker;
    QElapsedTimer m_clock;
    QTimer m_faultTimer;
    QTimer m_actionTimer;
    QTimer m_checkTimer;
    int m_faultsInjected = 0;
    QMap<QString, int> m_faultCounts;
    QStringList m_faultLog; // "12.3 s drop console-1"
    QMap<QString, int> m_actionCounts;
    int m_exitCode = 0;
};
