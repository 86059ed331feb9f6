#include "chaosconsole.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <csignal>

#include <sys/prctl.h>
#include <sys/resource.h>

ChaosConsole::ChaosConsole(int index, const QString &executable, const QString &folder, quint16 serverPort,
                           qint64 diskLimitBytes, QObject *parent)
    : QObject(parent)
    , m_index(index)
    , m_name(QStringLiteral("console-%1").arg(index))
    , m_executable(executable)
    , m_folder(folder)
    , m_diskLimit(diskLimitBytes)
    , m_proxy(serverPort)
{
    connect(&m_control, &QLocalSocket::readyRead, this, &ChaosConsole::onControlData);
    connect(&m_control, &QLocalSocket::disconnected, this, &ChaosConsole::failPending);
}

ChaosConsole::~ChaosConsole()
{
    stop();
}

bool ChaosConsole::start(QString *error)
{
    if (!m_proxy.listen()) {
        *error = QStringLiteral("%1: the proxy cannot listen").arg(m_name);
        return false;
    }
    QDir().mkpath(m_folder);
    const QString profilePath = QDir(m_folder).filePath(m_name + QStringLiteral(".ini"));
    QFile profile(profilePath);
    if (!profile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("%1: cannot write %2").arg(m_name, profilePath);
        return false;
    }
    // Short periods so that every fault is noticed and recovered from
    // within seconds; the meaning of each key is in docs/operations.md.
    profile.write(QStringLiteral("[server]\n"
                                 "url=ws://127.0.0.1:%1/ws\n"
                                 "dialect=watchfloor\n"
                                 "[operator]\n"
                                 "name=%2\n"
                                 "[connection]\n"
                                 "connect-timeout-ms=3000\n"
                                 "backoff-base-ms=200\n"
                                 "backoff-cap-ms=1000\n"
                                 "stable-after-ms=2000\n"
                                 "heartbeat-ms=2000\n"
                                 "request-timeout-ms=3000\n"
                                 "poll-after-attempts=3\n"
                                 "[commands]\n"
                                 "timeout-seconds=4\n")
                      .arg(m_proxy.port())
                      .arg(m_name)
                      .toUtf8());
    profile.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString runtime = QDir(m_folder).filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(m_folder).filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(m_folder).filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), QDir(m_folder).filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("TMPDIR"), m_folder);
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(QDir(m_folder).filePath(QStringLiteral("console.log")));
    const qint64 limit = m_diskLimit;
    m_process.setChildProcessModifier([limit] {
        // Between fork and exec: only async-signal-safe calls. A console
        // never outlives the tool, however the tool ends.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (limit > 0) {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit cap {rlim_t(limit), rlim_t(limit)};
            setrlimit(RLIMIT_FSIZE, &cap);
        }
    });
    m_process.start(m_executable,
                    {QStringLiteral("--profile"), profilePath, QStringLiteral("--diagnostics"),
                     QDir(m_folder).filePath(QStringLiteral("diagnostics.json")), QStringLiteral("--control-socket"),
                     QDir(m_folder).filePath(QStringLiteral("control.sock"))});
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("%1: cannot start %2: %3").arg(m_name, m_executable, m_process.errorString());
        return false;
    }
    return true;
}

void ChaosConsole::stop()
{
    m_control.abort();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

bool ChaosConsole::readDiagnostics()
{
    QFile file(QDir(m_folder).filePath(QStringLiteral("diagnostics.json")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    m_diagnostics = document.object();
    m_writtenMs = QDateTime::fromString(m_diagnostics[u"writtenAt"].toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    return true;
}

void ChaosConsole::act(const QString &request, Answer done)
{
    if (m_control.state() != QLocalSocket::ConnectedState) {
        m_control.connectToServer(QDir(m_folder).filePath(QStringLiteral("control.sock")));
        if (!m_control.waitForConnected(1000)) {
            done({});
            return;
        }
    }
    m_pending.push_back(std::move(done));
    m_control.write(request.toUtf8() + '\n');
    m_control.flush();
}

void ChaosConsole::onControlData()
{
    while (m_control.canReadLine()) {
        const QJsonObject answer = QJsonDocument::fromJson(m_control.readLine()).object();
        if (m_pending.empty())
            continue;
        Answer done = std::move(m_pending.front());
        m_pending.pop_front();
        done(answer);
    }
}

void ChaosConsole::failPending()
{
    auto pending = std::exchange(m_pending, {});
    for (Answer &done : pending)
        done({});
}

QString ChaosConsole::logTail() const
{
    QFile file(QDir(m_folder).filePath(QStringLiteral("console.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = file.readAll();
    return QString::fromUtf8(all.right(2000));
}
