#pragma once

#include "alarmoutbox.h"
#include "commandlog.h"
#include "database.h"
#include "notificationlog.h"
#include "resumepoints.h"

// One profile's local store: its database and the repository of each of its
// tables (the alarm outbox, the resume points, the notification history and
// the command log), opened and closed together. This is what a StoreWorker
// job is given.
//
// Synchronous: every call is one indexed statement or a small transaction.
// A store must be used from the thread that opened it. Nothing throws: a
// failing call returns false or std::nullopt and lastError() says why.
class LocalStore
{
public:
    LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // Opens the database (see Database::open()), then takes the row counts
    // the bounded tables keep; false, closed, when any of it fails.
    bool open(const QString &path, Database::OpenMode mode = Database::OpenMode::ReadWrite);
    void close() { m_database.close(); }
    bool isOpen() const { return m_database.isOpen(); }
    QString path() const { return m_database.path(); }
    QString lastError() const { return m_database.lastError(); }
    QString movedAsidePath() const { return m_database.movedAsidePath(); }

    Database &database() { return m_database; }
    AlarmOutbox &outbox() { return m_outbox; }
    ResumePoints &resumePoints() { return m_resumePoints; }
    NotificationLog &notificationLog() { return m_notifications; }
    CommandLog &commandLog() { return m_commands; }

private:
    Database m_database; // first: the repositories are given it
    AlarmOutbox m_outbox;
    ResumePoints m_resumePoints;
    NotificationLog m_notifications;
    CommandLog m_commands;
};
