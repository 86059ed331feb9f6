#pragma once

#include <QObject>

class CommandLogModel;
class CommandRecorder;
class CommandService;
class LinkStatus;
class NotificationCenter;
class Session;

// The composition root of one console: the services that sit on top of the
// session — the notification center, the command service, the command
// recorder and the command log's model — made and wired once, here, by
// main() (and by tests that need a whole console). Windows and views are
// handed these; none of them creates or owns a service, so no service lives
// or dies with a widget.
//
// Built after Session::openStore() when the profile has a database: the
// command log reads the earlier runs' commands here, once.
class ConsoleServices : public QObject
{
    Q_OBJECT

public:
    // `session` is not owned and must outlive these services.
    explicit ConsoleServices(Session *session, QObject *parent = nullptr);
    ~ConsoleServices() override;

    Session *session() const { return m_session; }
    // The session's link, for windows that show only its state.
    LinkStatus *link() const;
    NotificationCenter *notifications() const { return m_notifications; }
    CommandService *commands() const { return m_commands; }
    CommandRecorder *recorder() const { return m_recorder; }
    CommandLogModel *commandLog() const { return m_commandLog; }

private:
    Session *m_session;
    CommandService *m_commands; // children, made in dependency order
    NotificationCenter *m_notifications;
    CommandRecorder *m_recorder;
    CommandLogModel *m_commandLog;
};
