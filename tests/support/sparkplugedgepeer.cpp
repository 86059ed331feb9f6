#include "sparkplugedgepeer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimer>
#include <QtDebug>

#include <csignal>

namespace {

const QString interopDir = QStringLiteral(WATCHFLOOR_INTEROP_DIR);

QString metricArgument(const SparkplugEdgePeer::Metric &metric)
{
    return metric.name + u':' + metric.type + u':' + metric.value;
}

} // namespace

QString SparkplugEdgePeer::nodeExecutable()
{
    return QStringLiteral(WATCHFLOOR_NODE_PATH);
}

QString SparkplugEdgePeer::scriptPath()
{
    return QDir(interopDir).filePath(QStringLiteral("sparkplug-edge.js"));
}

SparkplugEdgePeer::SparkplugEdgePeer()
{
    m_process.setWorkingDirectory(interopDir);
}

SparkplugEdgePeer::~SparkplugEdgePeer()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    thaw();
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

QStringList SparkplugEdgePeer::arguments(const Options &options)
{
    QStringList args {scriptPath(),
                      QStringLiteral("--broker"),
                      QStringLiteral("mqtt://%1:%2").arg(options.host).arg(options.port),
                      QStringLiteral("--group"),
                      options.groupId,
                      QStringLiteral("--node"),
                      options.edgeNodeId,
                      QStringLiteral("--reconnect-ms"),
                      QString::number(options.reconnectMs)};
    if (!options.clientId.isEmpty())
        args << QStringLiteral("--client-id") << options.clientId;
    for (const Metric &metric : options.nodeMetrics)
        args << QStringLiteral("--node-metric") << metricArgument(metric);
    for (const Device &device : options.devices) {
        args << QStringLiteral("--device") << device.id;
        for (const Metric &metric : device.metrics)
            args << QStringLiteral("--metric") << metricArgument(metric);
        for (const Metric &metric : device.metrics) {
            if (metric.readOnly)
                args << QStringLiteral("--read-only") << metric.name;
        }
    }
    if (options.periodMs > 0)
        args << QStringLiteral("--period") << QString::number(options.periodMs);
    if (options.aliases)
        args << QStringLiteral("--aliases");
    if (options.ignoreCommands)
        args << QStringLiteral("--ignore-commands");
    if (options.packageBdSeq)
        args << QStringLiteral("--package-bdseq");
    if (options.manualBirth)
        args << QStringLiteral("--manual-birth");
    return args;
}

bool SparkplugEdgePeer::start(const Options &options)
{
    m_error.clear();
    const QFileInfo node(nodeExecutable());
    if (!node.isFile() || !node.isExecutable()) {
        m_error = QStringLiteral("Node.js was not found (\"%1\"): install nodejs and configure again")
                      .arg(nodeExecutable());
        return false;
    }
    if (!QFileInfo(scriptPath()).isFile()) {
        m_error = QStringLiteral("%1 is missing").arg(scriptPath());
        return false;
    }
    const QString package = QDir(interopDir).filePath(QStringLiteral("node_modules/sparkplug-client/package.json"));
    if (!QFileInfo(package).isFile()) {
        m_error = QStringLiteral("the npm package sparkplug-client is not installed (%1 is missing): run "
                                 "`npm ci --prefix tests/interop` or scripts/install-deps")
                      .arg(package);
        return false;
    }

    m_stdoutBuffer.clear();
    m_stderr.clear();
    m_events.clear();
    m_process.start(nodeExecutable(), arguments(options));
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("could not start %1: %2").arg(nodeExecutable(), m_process.errorString());
        return false;
    }
    if (waitFor(QStringLiteral("ready"), 15000).isEmpty()) {
        m_error = QStringLiteral("sparkplug-edge.js did not become ready (exit code %1): %2")
                      .arg(m_process.state() == QProcess::NotRunning ? QString::number(m_process.exitCode())
                                                                     : QStringLiteral("none, still running"),
                           standardError());
        return false;
    }
    return true;
}

bool SparkplugEdgePeer::send(const QString &command, const QJsonObject &fields)
{
    if (m_process.state() != QProcess::Running)
        return false;
    QJsonObject line = fields;
    line.insert(QStringLiteral("cmd"), command);
    m_process.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    return true;
}

void SparkplugEdgePeer::readEvents()
{
    m_stderr += m_process.readAllStandardError();
    m_stdoutBuffer += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdoutBuffer.left(newline).trimmed();
        m_stdoutBuffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (!document.isObject()) {
            // Kept as an event, so that a test waiting for "error" sees it.
            m_events.append(QJsonObject {
                {QStringLiteral("event"), QStringLiteral("error")},
                {QStringLiteral("message"), QString(QStringLiteral("not a JSON event: ") + QString::fromUtf8(line))}});
            continue;
        }
        m_events.append(document.object());
    }
}

QJsonObject SparkplugEdgePeer::waitFor(const QString &event, int timeoutMs,
                                       const std::function<bool(const QJsonObject &)> &match)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        readEvents();
        for (qsizetype i = 0; i < m_events.size(); ++i) {
            const QJsonObject &candidate = m_events.at(i);
            if (candidate.value(QStringLiteral("event")).toString() == event && (!match || match(candidate)))
                return m_events.takeAt(i);
        }
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            break;
        // Run the event loop until the node says something, exits, or the
        // time is up.
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
        QObject::connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
        timer.start(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 200)));
        loop.exec();
    }
    qWarning().noquote() << "SparkplugEdgePeer: no" << event << "event within" << timeoutMs << "ms"
                         << (m_process.state() == QProcess::NotRunning ? "(the node has exited)" : "");
    dumpDiagnostics();
    return {};
}

bool SparkplugEdgePeer::waitForExit(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_process.state() != QProcess::NotRunning && !deadline.hasExpired())
        m_process.waitForFinished(int(std::min<qint64>(deadline.remainingTime(), 100)));
    readEvents();
    return m_process.state() == QProcess::NotRunning;
}

QList<QJsonObject> SparkplugEdgePeer::pendingEvents()
{
    readEvents();
    return m_events;
}

QString SparkplugEdgePeer::standardError()
{
    readEvents();
    return QString::fromUtf8(m_stderr);
}

void SparkplugEdgePeer::dumpDiagnostics()
{
    readEvents();
    qWarning().noquote() << "sparkplug-edge.js stderr:"
                         << (m_stderr.isEmpty() ? QStringLiteral("(empty)") : QString::fromUtf8(m_stderr));
    for (const QJsonObject &event : std::as_const(m_events))
        qWarning().noquote() << "sparkplug-edge.js event not taken:"
                             << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
}

void SparkplugEdgePeer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
    readEvents();
}

bool SparkplugEdgePeer::freeze()
{
    return m_process.state() == QProcess::Running && ::kill(pid_t(m_process.processId()), SIGSTOP) == 0;
}

bool SparkplugEdgePeer::thaw()
{
    return m_process.state() == QProcess::Running && ::kill(pid_t(m_process.processId()), SIGCONT) == 0;
}
