#pragma once

#include "tablebound.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class Database;

// The notifications table: the history the notification center shows, newest
// first, with read marks, bounded to the newest limit() entries (older ones
// are pruned a tenth of the limit at a time, not on every insert).
//
// Errors are the database's: a failing call returns false or std::nullopt and
// Database::lastError() says why.
class NotificationLog
{
    Q_DECLARE_TR_FUNCTIONS(NotificationLog)

public:
    struct Notification
    {
        QString id;
        QString kind;
        QString severity; // the protocol's words: critical, high, medium, low, info
        QString title;
        QString message;
        QString sourceKind;
        QString sourceId;
        QDateTime time;
        bool read = false;
        // Alarms only: the alarm as last reported (state, count, ackedBy,
        // ackedAt, note, in the protocol's words, and noLongerReported when
        // it left the server's list rather than cleared); empty for anything
        // else.
        QJsonObject alarm;
    };

    static constexpr int DefaultLimit = 10000;

    explicit NotificationLog(Database &database);
    NotificationLog(const NotificationLog &) = delete;
    NotificationLog &operator=(const NotificationLog &) = delete;

    // Takes the number of stored notifications, which the bound is kept
    // against; to be called each time the database has opened.
    bool countStored() { return m_bound.countStored(); }

    // A notification whose id is already stored is left as it is.
    bool append(const Notification &notification);
    // Rewrites what a stored notification says (severity, title, message,
    // read, alarm) when its news changed, e.g. a late outcome; its place stays.
    bool update(const Notification &notification);
    std::optional<QList<Notification>> newest(int limit, int offset = 0);
    std::optional<int> unreadCount();
    bool markRead(const QString &notificationId);
    bool markAllRead();
    bool clear();
    // Keeps the newest `limit` (at least one).
    void setLimit(int limit) { m_bound.setLimit(limit); }
    int limit() const { return m_bound.limit(); }

private:
    Database &m_database;
    TableBound m_bound;
};
