#include "benchprobe.h"

#include "services/session.h"

#include <QAbstractItemModel>
#include <QFile>

#include <algorithm>
#include <chrono>

#include <sys/resource.h>
#include <unistd.h>

namespace {

constexpr int kTickMs = 5;
constexpr double kBucketMs = 0.1;
constexpr size_t kBuckets = 600'000; // a minute of tenths of a millisecond

// User and system CPU seconds of one thread of this process, from
// /proc/self/task/TID/stat; 0 when it cannot be read.
double threadCpuSeconds(qint64 tid)
{
    QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0.0;
    const QByteArray line = stat.readAll();
    // The name in parentheses may hold spaces: count fields after it.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0.0;
    // After the name: state is field 3, utime field 14, stime field 15.
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

BenchProbe::BenchProbe(Session *session, QList<QAbstractItemModel *> models, qint64 serverThreadId, QObject *parent)
    : QObject(parent)
    , m_serverThreadId(serverThreadId)
    , m_histogram(kBuckets + 1, 0)
{
    connect(session, &Session::batchApplied, this, &BenchProbe::onBatchApplied);
    const auto count = [this] { m_modelSignals += m_measuring; };
    for (QAbstractItemModel *model : std::as_const(models)) {
        connect(model, &QAbstractItemModel::dataChanged, this, count);
        connect(model, &QAbstractItemModel::rowsInserted, this, count);
        connect(model, &QAbstractItemModel::rowsRemoved, this, count);
        connect(model, &QAbstractItemModel::modelReset, this, count);
        connect(model, &QAbstractItemModel::layoutChanged, this, count);
    }
    // A timer that should fire every 5 ms: how late it comes is how long
    // the GUI thread was busy.
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        if (m_measuring && m_sinceTick.isValid())
            m_worstStallMs = std::max(m_worstStallMs, double(m_sinceTick.nsecsElapsed()) / 1e6 - kTickMs);
        m_sinceTick.start();
    });
}

double BenchProbe::nowMs()
{
    using namespace std::chrono;
    return double(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) / 1000.0;
}

double BenchProbe::peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1.0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return double(line.mid(6).trimmed().split(' ').first().toLongLong()) / 1024.0;
    }
    return -1.0;
}

void BenchProbe::start()
{
    std::fill(m_histogram.begin(), m_histogram.end(), 0);
    m_seconds.clear();
    m_applied = m_modelSignals = m_samples = 0;
    m_latencyMax = m_worstStallMs = 0.0;
    m_cpuProcessStart = processCpuSeconds();
    m_cpuGuiStart = threadCpuSeconds(getpid());
    m_cpuServerStart = m_serverThreadId ? threadCpuSeconds(m_serverThreadId) : 0.0;
    m_window.start();
    m_sinceTick.invalidate();
    m_ticker.start();
    m_measuring = true;
}

void BenchProbe::onBatchApplied(int events, const QList<qint64> &sendTimesMs)
{
    if (!m_measuring)
        return;
    m_applied += events;
    const double now = nowMs();
    const size_t second = size_t(m_window.elapsed() / 1000);
    if (m_seconds.size() <= second)
        m_seconds.resize(second + 1);
    for (const qint64 ts : sendTimesMs) {
        // `ts` is whole milliseconds: up to 1 ms of the latency is rounding.
        const double latency = std::max(0.0, now - double(ts));
        ++m_histogram[std::min(kBuckets, size_t(latency / kBucketMs))];
        m_latencyMax = std::max(m_latencyMax, latency);
        m_seconds[second].sum += latency;
        ++m_seconds[second].count;
        ++m_samples;
    }
}

BenchProbe::Result BenchProbe::stop()
{
    m_measuring = false;
    m_ticker.stop();
    Result r;
    r.seconds = double(m_window.nsecsElapsed()) / 1e9;
    r.applied = m_applied;
    r.appliedPerSecond = double(m_applied) / r.seconds;
    r.modelSignalsPerSecond = double(m_modelSignals) / r.seconds;
    r.worstStallMs = m_worstStallMs;
    r.latencySamples = m_samples;
    r.latencyMax = m_latencyMax;
    const auto percentile = [this](double p) {
        const qint64 rank = qint64(std::ceil(p * double(m_samples)));
        qint64 seen = 0;
        for (size_t i = 0; i < m_histogram.size(); ++i) {
            seen += m_histogram[i];
            if (seen >= rank && seen > 0)
                return double(i + 1) * kBucketMs; // the bucket's upper edge
        }
        return 0.0;
    };
    r.latencyP50 = percentile(0.50);
    r.latencyP95 = percentile(0.95);
    r.latencyP99 = percentile(0.99);
    if (m_seconds.size() >= 3) {
        const size_t third = m_seconds.size() / 3;
        const auto mean = [this](size_t from, size_t to) {
            Second s;
            for (size_t i = from; i < to; ++i) {
                s.sum += m_seconds[i].sum;
                s.count += m_seconds[i].count;
            }
            return s.count ? s.sum / double(s.count) : 0.0;
        };
        const double first = mean(0, third);
        const double last = mean(m_seconds.size() - third, m_seconds.size());
        // A queue that builds up shows as a wait that keeps growing; jitter
        // of a few milliseconds does not count.
        r.latencyGrowing = last > first + std::max(20.0, first);
    }
    const double cpuProcess = processCpuSeconds() - m_cpuProcessStart;
    r.cpuProcessPercent = 100.0 * cpuProcess / r.seconds;
    r.cpuGuiThreadPercent = 100.0 * (threadCpuSeconds(getpid()) - m_cpuGuiStart) / r.seconds;
    if (m_serverThreadId)
        r.cpuServerThreadPercent = 100.0 * (threadCpuSeconds(m_serverThreadId) - m_cpuServerStart) / r.seconds;
    return r;
}
