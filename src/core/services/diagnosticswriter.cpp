#include "diagnosticswriter.h"

#include "diagnosticssnapshot.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <atomic>
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcDiagnostics, "watchfloor.diagnostics")

namespace {

int s_pipe[2] = {-1, -1};
std::atomic<DiagnosticsWriter *> s_watcher {nullptr};

// Async-signal-safe: one write(2), errno kept.
void onSignal(int)
{
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(s_pipe[1], &byte, 1);
    errno = saved;
}

} // namespace

DiagnosticsWriter::DiagnosticsWriter(DiagnosticsSnapshot *snapshot, QObject *parent)
    : QObject(parent)
    , m_snapshot(snapshot)
{
    connect(&m_timer, &QTimer::timeout, this, [this] { writeOnce(m_periodicPath); });
}

DiagnosticsWriter::~DiagnosticsWriter()
{
    DiagnosticsWriter *self = this;
    if (s_watcher.compare_exchange_strong(self, nullptr)) {
        std::signal(SIGUSR1, SIG_DFL);
        delete m_notifier;
        ::close(s_pipe[0]);
        ::close(s_pipe[1]);
        s_pipe[0] = s_pipe[1] = -1;
    }
}

void DiagnosticsWriter::startPeriodic(const QString &path, int intervalMs)
{
    m_periodicPath = path;
    writeOnce(path);
    m_timer.start(intervalMs);
}

QString DiagnosticsWriter::oneOffPath() const
{
    if (!m_periodicPath.isEmpty())
        return m_periodicPath;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
        .filePath(QStringLiteral("watchfloor-diagnostics-%1.json").arg(QCoreApplication::applicationPid()));
}

bool DiagnosticsWriter::writeOnce(const QString &path)
{
    QString error;
    if (!m_snapshot->writeTo(path, &error)) {
        if (!m_failing)
            qCWarning(lcDiagnostics) << "cannot write the diagnostics snapshot to" << path << ":" << error;
        m_failing = true;
        Q_EMIT writeFailed(path, error);
        return false;
    }
    if (m_failing)
        qCInfo(lcDiagnostics) << "the diagnostics snapshot is written again to" << path;
    m_failing = false;
    Q_EMIT written(path);
    return true;
}

bool DiagnosticsWriter::watchSignal()
{
    DiagnosticsWriter *none = nullptr;
    if (!s_watcher.compare_exchange_strong(none, this))
        return false;
    if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        s_watcher = nullptr;
        return false;
    }
    m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DiagnosticsWriter::onSignalByte);
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &action, nullptr);
    return true;
}

void DiagnosticsWriter::onSignalByte()
{
    char bytes[64];
    while (::read(s_pipe[0], bytes, sizeof bytes) > 0) { }
    const QString path = oneOffPath();
    if (writeOnce(path))
        qCInfo(lcDiagnostics) << "diagnostics snapshot written to" << path;
}
