#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

// Starting and stopping the Node peers of tests/interop from a test; the
// paths come from CMake (WATCHFLOOR_NODE_PATH, WATCHFLOOR_INTEROP_DIR).

inline const QString nodePath = QStringLiteral(WATCHFLOOR_NODE_PATH);
inline const QString interopDir = QStringLiteral(WATCHFLOOR_INTEROP_DIR);

// Fast rhythms for the Socket.IO peer: seed 000's 5 s and 10 s periods and
// Engine.IO's 25 s ping would make every test wait for minutes.
inline QProcessEnvironment fastSocketIoEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DRONE_UPDATE_MS"), QStringLiteral("100"));
    env.insert(QStringLiteral("SYSTEM_ALERT_MS"), QStringLiteral("150"));
    env.insert(QStringLiteral("SYSTEM_HEALTH_MS"), QStringLiteral("200"));
    env.insert(QStringLiteral("BUILD_PROGRESS_MS"), QStringLiteral("100"));
    env.insert(QStringLiteral("PING_INTERVAL_MS"), QStringLiteral("250"));
    env.insert(QStringLiteral("PING_TIMEOUT_MS"), QStringLiteral("200"));
    return env;
}

// Starts a peer script and returns the port it printed, or 0 with `why` set.
inline quint16 startPeer(QProcess &process, const QString &script, const QStringList &flags,
                         const QProcessEnvironment &env, QString *why)
{
    process.setProgram(nodePath);
    process.setArguments(QStringList {script} + flags + QStringList {QStringLiteral("--exit-with-stdin")});
    process.setWorkingDirectory(interopDir);
    process.setProcessEnvironment(env);
    process.start();
    if (!process.waitForStarted(10000)) {
        *why = QStringLiteral("could not start node: ") + process.errorString();
        return 0;
    }
    if (!QTest::qWaitFor([&process] { return process.canReadLine() || process.state() != QProcess::Running; }, 15000)) {
        *why = script + QStringLiteral(" printed nothing within 15 s");
        return 0;
    }
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    const auto match = QRegularExpression(QStringLiteral("^listening (\\d+)$")).match(line);
    if (!match.hasMatch()) {
        *why = QStringLiteral("%1 did not say it was listening (said \"%2\"; stderr: %3)")
                   .arg(script, line, QString::fromUtf8(process.readAllStandardError()));
        return 0;
    }
    return quint16(match.captured(1).toUInt());
}

inline void stopPeer(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(3000)) {
        process.kill();
        process.waitForFinished(3000);
    }
}
