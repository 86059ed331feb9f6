#pragma once

#include "tablebound.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

class Database;

// The commands table: every command the operator sent, with its current
// status and its whole status history, newest first, bounded to the newest
// limit() entries (older ones are pruned a tenth of the limit at a time).
//
// Errors are the database's: a failing call returns false or std::nullopt and
// Database::lastError() says why.
class CommandLog
{
    Q_DECLARE_TR_FUNCTIONS(CommandLog)

public:
    struct StatusChange
    {
        QString status;
        QJsonValue actualValue;
        QString error;
        QDateTime at;
    };

    struct Command
    {
        QUuid commandId;
        QString endpointId;
        QJsonValue requestedValue;
        QString operatorName;
        QString status; // the protocol's words: queued, sent, acked, succeeded, ...
        QJsonValue actualValue;
        QString error;
        QDateTime createdAt;
        QDateTime updatedAt;
        QList<StatusChange> history; // oldest first, starting with the status given to append()
    };

    // Empty fields do not filter.
    struct Filter
    {
        QString endpointId;
        QString status;
        QDateTime since; // inclusive
        QDateTime until; // exclusive
    };

    static constexpr int DefaultLimit = 50000;

    explicit CommandLog(Database &database);
    CommandLog(const CommandLog &) = delete;
    CommandLog &operator=(const CommandLog &) = delete;

    // Takes the number of logged commands, which the bound is kept against;
    // to be called each time the database has opened.
    bool countStored() { return m_bound.countStored(); }

    // command.history is ignored: it starts with command.status at
    // command.createdAt. A command id is logged once: a second append fails.
    bool append(const Command &command);
    // Sets the current status and adds it to the history, in one transaction.
    bool update(const QUuid &commandId, const QString &status, const QJsonValue &actualValue, const QString &error,
                const QDateTime &at);
    // std::nullopt, saying so in Database::lastError(), for a command not in the log.
    std::optional<Command> find(const QUuid &commandId);
    std::optional<QList<Command>> newest(int limit, int offset = 0, const Filter &filter = {});
    // Keeps the newest `limit` (at least one).
    void setLimit(int limit) { m_bound.setLimit(limit); }
    int limit() const { return m_bound.limit(); }

private:
    Database &m_database;
    TableBound m_bound;
};
