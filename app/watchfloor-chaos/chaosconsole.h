#pragma once

#include "chaosproxy.h"

#include <QJsonObject>
#include <QLocalSocket>
#include <QObject>
#include <QProcess>
#include <QString>

#include <deque>
#include <functional>

// One real console under test: the `watchfloor` executable, offscreen, with
// a profile of its own that points at its own ChaosProxy, writing its
// diagnostics snapshot every second and taking operator actions from its
// control socket. Its data folder is private to it; with a disk limit the
// process may not grow any file past that size (RLIMIT_FSIZE, with SIGXFSZ
// ignored so that writes fail instead of killing it): the local database
// stops growing as a full disk would stop it.
class ChaosConsole : public QObject
{
    Q_OBJECT

public:
    ChaosConsole(int index, const QString &executable, const QString &folder, quint16 serverPort, qint64 diskLimitBytes,
                 QObject *parent = nullptr);
    ~ChaosConsole() override;

    bool start(QString *error);
    void stop();
    QString name() const { return m_name; }
    ChaosProxy *proxy() { return &m_proxy; }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    qint64 diskLimit() const { return m_diskLimit; }

    // Reads the latest diagnostics snapshot; false when there is none (yet)
    // or it could not be parsed. The last good one stays in diagnostics().
    bool readDiagnostics();
    const QJsonObject &diagnostics() const { return m_diagnostics; }
    // When the document was written, in ms since the epoch (0: never).
    qint64 diagnosticsWrittenMs() const { return m_writtenMs; }

    // Sends one control request; `done` gets the console's JSON answer
    // (an empty object when the console is unreachable).
    using Answer = std::function<void(const QJsonObject &)>;
    void act(const QString &request, Answer done);

    QString logTail() const;

private:
    void onControlData();
    void failPending();

    int m_index;
    QString m_name;
    QString m_executable;
    QString m_folder;
    qint64 m_diskLimit;
    ChaosProxy m_proxy;
    QProcess m_process;
    QLocalSocket m_control;
    std::deque<Answer> m_pending;
    QJsonObject m_diagnostics;
    qint64 m_writtenMs = 0;
};
