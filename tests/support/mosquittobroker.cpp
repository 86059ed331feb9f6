#include "mosquittobroker.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <chrono>
#include <csignal>

#include <pwd.h>
#include <unistd.h>

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Run as root, mosquitto would switch to the `mosquitto` user, which cannot
// write into this process's private folder; naming the user that runs the
// test keeps it who it is.
QString currentUserName()
{
    const passwd *entry = getpwuid(geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("root");
}

} // namespace

MosquittoBroker::MosquittoBroker()
{
    m_process.setProgram(executable());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

MosquittoBroker::~MosquittoBroker()
{
    stop();
}

quint16 MosquittoBroker::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

bool MosquittoBroker::start()
{
    m_error.clear();
    if (isRunning())
        return true;
    if (!QFileInfo(executable()).isExecutable()) {
        m_error = QStringLiteral("the mosquitto broker is not installed (no %1): run scripts/install-deps")
                      .arg(executable());
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder for the broker: %1").arg(m_dir.errorString());
        return false;
    }
    // The first start may pick another port when the broker cannot bind the
    // one found free (someone took it meanwhile); a restart keeps its port.
    const bool keepPort = m_port != 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (!keepPort)
            m_port = freePort();
        if (startOnce(&m_error))
            return true;
        if (keepPort)
            m_process.waitForFinished(200); // a pause before trying the same port again
    }
    if (!keepPort)
        m_port = 0;
    return false;
}

bool MosquittoBroker::startOnce(QString *why)
{
    if (m_port == 0) {
        *why = QStringLiteral("no free port on 127.0.0.1");
        return false;
    }
    if (!writeConfiguration(why))
        return false;
    m_process.setArguments({QStringLiteral("-c"), m_dir.filePath(QStringLiteral("mosquitto.conf"))});
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("output.log")), QIODevice::Append);
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        *why = QStringLiteral("cannot run %1: %2").arg(executable(), m_process.errorString());
        return false;
    }
    return waitUntilListening(why);
}

bool MosquittoBroker::writeConfiguration(QString *why)
{
    const QString text = QStringLiteral("# Written by MosquittoBroker for one test run.\n"
                                        "listener %1 127.0.0.1\n"
                                        "allow_anonymous true\n"
                                        "persistence false\n"
                                        "user %2\n"
                                        "log_dest file %3\n"
                                        "log_type all\n"
                                        "connection_messages true\n")
                             .arg(m_port)
                             .arg(currentUserName(), m_dir.filePath(QStringLiteral("mosquitto.log")));
    QFile file(m_dir.filePath(QStringLiteral("mosquitto.conf")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0 || !file.flush()) {
        *why = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool MosquittoBroker::waitUntilListening(QString *why)
{
    using namespace std::chrono_literals;
    const QDeadlineTimer deadline(10s);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(500)) {
            probe.abort();
            // Still running: the listener is this broker's, not a stranger's
            // that took the port while it started.
            if (!m_process.waitForFinished(50))
                return true;
        }
        if (m_process.state() == QProcess::NotRunning || m_process.waitForFinished(50)) {
            *why = QStringLiteral("mosquitto exited (code %1) instead of listening on port %2:\n%3")
                       .arg(m_process.exitCode())
                       .arg(m_port)
                       .arg(log());
            return false;
        }
    }
    *why = QStringLiteral("mosquitto is not listening on port %1 after 10 s:\n%2").arg(m_port).arg(log());
    stop();
    return false;
}

void MosquittoBroker::stop()
{
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void MosquittoBroker::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

bool MosquittoBroker::freeze()
{
    return isRunning() && ::kill(pid_t(m_process.processId()), SIGSTOP) == 0;
}

bool MosquittoBroker::thaw()
{
    return isRunning() && ::kill(pid_t(m_process.processId()), SIGCONT) == 0;
}

QString MosquittoBroker::log() const
{
    return readFile(m_dir.filePath(QStringLiteral("output.log")))
        + readFile(m_dir.filePath(QStringLiteral("mosquitto.log")));
}
