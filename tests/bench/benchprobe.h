#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <vector>

class QAbstractItemModel;
class Session;

// Watches a Session during a measurement window: events applied to the
// models (Session::batchApplied), the latency from each event's server send
// time (`ts`) to the moment its batch was applied, model change signals, the
// event loop's worst stall and CPU time. Peak memory is the process's.
class BenchProbe : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        double seconds = 0.0;
        qint64 applied = 0; // events
        double appliedPerSecond = 0.0;
        double latencyP50 = 0.0; // ms
        double latencyP95 = 0.0;
        double latencyP99 = 0.0;
        double latencyMax = 0.0;
        qint64 latencySamples = 0;
        bool latencyGrowing = false; // the last third of the window waits clearly longer than the first
        double modelSignalsPerSecond = 0.0;
        double worstStallMs = 0.0;
        double cpuProcessPercent = 0.0; // of one core
        double cpuGuiThreadPercent = 0.0;
        double cpuServerThreadPercent = -1.0; // -1: no server thread in this process
    };

    BenchProbe(Session *session, QList<QAbstractItemModel *> models, qint64 serverThreadId, QObject *parent = nullptr);

    void start();
    Result stop();
    bool measuring() const { return m_measuring; }

    // Wall clock in ms since the epoch, with sub-millisecond resolution.
    static double nowMs();
    // VmHWM of /proc/self/status, in MiB.
    static double peakRssMiB();

private:
    void onBatchApplied(int events, const QList<qint64> &sendTimesMs);

    qint64 m_serverThreadId;
    bool m_measuring = false;
    QElapsedTimer m_window;
    qint64 m_applied = 0;
    qint64 m_modelSignals = 0;
    // Latency in tenths of a millisecond, up to a minute; the rest in the last bucket.
    std::vector<quint32> m_histogram;
    double m_latencyMax = 0.0;
    qint64 m_samples = 0;
    struct Second
    {
        double sum = 0.0;
        qint64 count = 0;
    };
    std::vector<Second> m_seconds; // mean latency per second of the window
    QTimer m_ticker;
    QElapsedTimer m_sinceTick;
    double m_worstStallMs = 0.0;
    double m_cpuProcessStart = 0.0;
    double m_cpuGuiStart = 0.0;
    double m_cpuServerStart = 0.0;
};
