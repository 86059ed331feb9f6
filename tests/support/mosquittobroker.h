#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A real mosquitto broker (/usr/sbin/mosquitto, Debian's `mosquitto`) for
// the MQTT tests: anonymous, without persistence, listening on 127.0.0.1 on a
// free port, with its configuration and log in a temporary folder of its own.
// It never touches port 1883 or the system's mosquitto service.
//
// start() picks the port the first time (another one if the broker cannot
// bind it) and keeps it, so a broker stopped or killed can be started again
// where its clients expect it. start() returns once the port accepts
// connections; false with errorString() (which names a missing mosquitto)
// otherwise, which the test must treat as a failure, never as a skip.
// The destructor stops the broker.
class MosquittoBroker
{
public:
    static QString executable() { return QStringLiteral("/usr/sbin/mosquitto"); }

    MosquittoBroker();
    ~MosquittoBroker();
    MosquittoBroker(const MosquittoBroker &) = delete;
    MosquittoBroker &operator=(const MosquittoBroker &) = delete;

    bool start();
    // SIGTERM, then waits; SIGKILL if it takes more than 5 s.
    void stop();
    // SIGKILL, then waits: clients get no goodbye.
    void kill();
    // SIGSTOP and SIGCONT: a frozen broker keeps its connections open and
    // answers nothing, like a hung machine.
    bool freeze();
    bool thaw();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // 0 before the first start().
    quint16 port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString errorString() const { return m_error; }
    // The broker's log so far, to print when a test fails.
    QString log() const;

    // A port nothing listens on right now (bound to port 0, then released).
    static quint16 freePort();

private:
    bool startOnce(QString *why);
    bool waitUntilListening(QString *why);
    bool writeConfiguration(QString *why);

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
