#pragma once

#include <QList>
#include <QLocalServer>
#include <QObject>
#include <QPointer>
#include <QString>

class CommandService;
class QLocalSocket;
class Session;

// A test-only way for an outside tool (watchfloor-chaos) to act as the
// operator of a running console: a local socket, started only by the
// `--control-socket PATH` option, that takes one request per line and runs
// it through the same services as the views' buttons:
//   ack ALARM_ID           → AlarmService::acknowledge (the outbox)
//   shelve ALARM_ID MIN    → AlarmService::shelve
//   unshelve ALARM_ID      → AlarmService::unshelve
//   command ENDPOINT VALUE → CommandService::send (true/false, a number, or text)
// Each request gets one JSON line back: {"ok":true,"requestId":…} (alarm
// actions add "count", the occurrence the console showed when it acted) or
// {"ok":false,"error":…}. It never bypasses a check the operator faces;
// the socket file is created owner-only. Not for production use.
class OperatorControlSocket : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; both must outlive this object. `commands` may be null.
    OperatorControlSocket(Session *session, CommandService *commands, QObject *parent = nullptr);
    ~OperatorControlSocket() override;

    // Listens at `path`, replacing a stale socket file there.
    bool listen(const QString &path, QString *error = nullptr);

    // Runs one request line; the answer as the socket would send it (no newline).
    QByteArray handle(const QString &line);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket *socket);

    Session *m_session;
    QPointer<CommandService> m_commands;
    QLocalServer m_server;
};
