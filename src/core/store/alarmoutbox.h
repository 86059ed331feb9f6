#pragma once

#include "domain/alarmaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

class Database;

// The outbox table: acknowledgements, shelvings and unshelvings the operator
// made, kept until the server has answered them, in the order they were made.
// A definitive refusal is kept with its reason and never retried; delivered
// entries are kept seven days for the record. Writes that change what is
// waiting are committed with synchronous=FULL: an acknowledgement survives a
// power cut.
//
// Errors are the database's: a failing call returns false or std::nullopt and
// Database::lastError() says why.
class AlarmOutbox
{
    Q_DECLARE_TR_FUNCTIONS(AlarmOutbox)

public:
    // The outbox keeps the domain's alarm actions.
    using Entry = Domain::AlarmAction;
    using Kind = Domain::AlarmAction::Kind;
    using State = Domain::AlarmAction::State;

    explicit AlarmOutbox(Database &database);
    AlarmOutbox(const AlarmOutbox &) = delete;
    AlarmOutbox &operator=(const AlarmOutbox &) = delete;

    // Returns the request id of the new entry, or that of the pending entry with
    // the same kind, alarm and payload.
    std::optional<QUuid> enqueue(Kind kind, const QString &alarmId, const QJsonObject &payload,
                                 const QDateTime &createdAt);
    // Stores an entry made elsewhere (its requestId, kind, alarm, payload and
    // createdAt) as pending; one already stored under that id, or the same
    // action still pending under another, is left as it is.
    bool insert(const Entry &entry);
    std::optional<QList<Entry>> pending(); // in creation order
    std::optional<QList<Entry>> failed(); // newest refusal first
    bool recordAttempt(const QUuid &requestId, const QDateTime &at);
    // Hearing again of a delivered request succeeds; a refused one fails.
    bool markDelivered(const QUuid &requestId, const QDateTime &at);
    // A definitive refusal: kept for the operator to see, never retried.
    bool markFailed(const QUuid &requestId, const QString &reason, const QDateTime &at);

private:
    bool finish(const QUuid &requestId, State state, const QString &reason, const QDateTime &at);
    // Inserts one request, synchronously on disk; a row already there on a
    // uniqueness conflict stays. The rows inserted (0 or 1), or
    // std::nullopt when the write failed (Database::lastError says why).
    std::optional<int> insertDurably(const QUuid &requestId, Kind kind, const QString &alarmId,
                                     const QString &payloadText, const QDateTime &createdAt, const QString &what);
    // The entries `whereAndOrder` selects ("WHERE … ORDER BY …"); `what` names the read in an error.
    std::optional<QList<Entry>> entries(const QString &whereAndOrder, const QString &what);

    Database &m_database;
};
