#pragma once

#include "domain/commandrecord.h"
#include "tablebound.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

class Database;

// The commands table: every command the operator sent, with its current
// status and its whole status history, newest first, bounded to the newest
// limit() entries (older ones are pruned a tenth of the limit at a time).
//
// Commands go in and come out as Domain::CommandRecord and
// Domain::CommandStep; the words and the JSON text the table holds are this
// class's own, and have not changed since the table was made: a database
// written by an earlier version reads as it always did.
//  - A command is keyed by its commandId, which must be a UUID (the command
//    log keys any other id by a name-based one, CommandLogModel::storeId()).
//    A record read back has that UUID, without braces, as its commandId.
//  - The states are stored as the protocol's words (Domain::kCommandStates).
//    Requested and Lost have none and never reach the store: the command
//    service logs a command lost with the link as timed out, with the reason.
//    append() and update() refuse either (false, and Database::lastError()
//    says why) rather than store something else in its place. A word the
//    table does not know (a later version's, or a damaged row) reads as Queued.
//  - completedAt is not kept: a record read back has none.
//
// Errors are the database's: a failing call returns false or std::nullopt and
// Database::lastError() says why.
class CommandLog
{
    Q_DECLARE_TR_FUNCTIONS(CommandLog)

public:
    // Fields left empty do not filter. A Requested or Lost status matches
    // nothing, since neither is ever stored.
    struct Filter
    {
        QString endpointId;
        std::optional<Domain::CommandState> status;
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

    // Logs a new command, its history starting with one step: its status,
    // actual value and error at its issuedAt (now when invalid).
    // command.lastChange, completedAt and history are not read. A command id
    // is logged once: a second append fails.
    bool append(const Domain::CommandRecord &command);
    // Makes the step the command's current status, actual value and error,
    // and adds it to the history, in one transaction (an invalid step.at is now).
    bool update(const QUuid &commandId, const Domain::CommandStep &step);
    // std::nullopt, saying so in Database::lastError(), for a command not in the log.
    std::optional<Domain::CommandRecord> find(const QUuid &commandId);
    std::optional<QList<Domain::CommandRecord>> newest(int limit, int offset = 0, const Filter &filter = {});
    // Keeps the newest `limit` (at least one).
    void setLimit(int limit) { m_bound.setLimit(limit); }
    int limit() const { return m_bound.limit(); }

private:
    // The stored word of a state; empty, with Database::lastError() set for
    // `what`, for one that has none.
    QString storedWord(Domain::CommandState state, const QString &what);

    Database &m_database;
    TableBound m_bound;
};
