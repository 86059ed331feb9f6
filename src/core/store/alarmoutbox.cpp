#include "alarmoutbox.h"

#include "database.h"
#include "storevalues.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

using namespace StoreValues;

namespace {

// Delivered acknowledgements are kept this long for the record, then pruned.
constexpr qint64 DeliveredRetentionMs = qint64(7) * 24 * 3600 * 1000;

// The words the outbox table stores (its CHECK constraints list the same);
// a word not listed reads as the first one.
const std::pair<AlarmOutbox::Kind, QLatin1StringView> kindWords[] = {
    {AlarmOutbox::Kind::Ack, QLatin1StringView("ack")},
    {AlarmOutbox::Kind::Shelve, QLatin1StringView("shelve")},
    {AlarmOutbox::Kind::Unshelve, QLatin1StringView("unshelve")},
};
const std::pair<AlarmOutbox::State, QLatin1StringView> stateWords[] = {
    {AlarmOutbox::State::Pending, QLatin1StringView("pending")},
    {AlarmOutbox::State::Delivered, QLatin1StringView("delivered")},
    {AlarmOutbox::State::Failed, QLatin1StringView("failed")},
};

template<typename Enum, std::size_t N> QString wordOf(const std::pair<Enum, QLatin1StringView> (&words)[N], Enum value)
{
    for (const auto &[known, word] : words) {
        if (known == value)
            return word;
    }
    return {};
}

template<typename Enum, std::size_t N>
Enum valueOf(const std::pair<Enum, QLatin1StringView> (&words)[N], const QString &word)
{
    for (const auto &[value, known] : words) {
        if (known == word)
            return value;
    }
    return words[0].first;
}

QString kindName(AlarmOutbox::Kind kind)
{
    return wordOf(kindWords, kind);
}

QString stateName(AlarmOutbox::State state)
{
    return wordOf(stateWords, state);
}

const QString outboxColumns = QStringLiteral(
    "request_id, kind, alarm_id, payload, created_at, state, attempts, last_attempt_at, finished_at, failure_reason");

AlarmOutbox::Entry outboxEntryFrom(const QSqlQuery &query)
{
    AlarmOutbox::Entry entry;
    entry.requestId = QUuid::fromString(query.value(0).toString());
    entry.kind = valueOf(kindWords, query.value(1).toString());
    entry.alarmId = query.value(2).toString();
    entry.payload = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
    entry.createdAt = timeFrom(query.value(4));
    entry.state = valueOf(stateWords, query.value(5).toString());
    entry.attempts = query.value(6).toInt();
    entry.lastAttemptAt = timeFrom(query.value(7));
    entry.finishedAt = timeFrom(query.value(8));
    entry.failureReason = query.value(9).toString();
    return entry;
}

} // namespace

AlarmOutbox::AlarmOutbox(Database &database)
    : m_database(database)
{ }

std::optional<QUuid> AlarmOutbox::enqueue(Kind kind, const QString &alarmId, const QJsonObject &payload,
                                          const QDateTime &createdAt)
{
    if (!m_database.ready())
        return std::nullopt;
    const QString what = tr("Queueing the %1 of alarm %2").arg(kindName(kind), alarmId);
    const QUuid requestId = QUuid::createUuid();
    const QString payloadText = compactJson(payload);
    const std::optional<int> inserted = insertDurably(requestId, kind, alarmId, payloadText, createdAt, what);
    if (!inserted)
        return std::nullopt;
    if (*inserted == 1)
        return requestId;

    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT request_id FROM outbox "
                                    "WHERE kind = ? AND alarm_id = ? AND payload = ? AND state = 'pending'"));
    existing.addBindValue(kindName(kind));
    existing.addBindValue(text(alarmId));
    existing.addBindValue(payloadText);
    if (!m_database.exec(existing, what))
        return std::nullopt;
    if (!existing.next()) {
        m_database.setLastError(tr("%1 failed: the request was neither stored nor found").arg(what));
        return std::nullopt;
    }
    return QUuid::fromString(existing.value(0).toString());
}

bool AlarmOutbox::insert(const Entry &entry)
{
    if (!m_database.ready())
        return false;
    const QString what = tr("Queueing the %1 of alarm %2").arg(kindName(entry.kind), entry.alarmId);
    return insertDurably(entry.requestId, entry.kind, entry.alarmId, compactJson(entry.payload), entry.createdAt, what)
        .has_value();
}

std::optional<int> AlarmOutbox::insertDurably(const QUuid &requestId, Kind kind, const QString &alarmId,
                                              const QString &payloadText, const QDateTime &createdAt,
                                              const QString &what)
{
    if (!m_database.setDurable(true))
        return std::nullopt;
    // Any uniqueness conflict keeps the row already there: the same request
    // id, or the same action still pending from an earlier run (the
    // outbox_pending_once index), which is not a failure of the store.
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO outbox (request_id, kind, alarm_id, payload, created_at) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    insert.addBindValue(uuidKey(requestId));
    insert.addBindValue(kindName(kind));
    insert.addBindValue(text(alarmId));
    insert.addBindValue(payloadText);
    insert.addBindValue(msOrNow(createdAt));
    const bool inserted = m_database.exec(insert, what);
    const QString insertError = m_database.lastError();
    m_database.setDurable(false);
    m_database.setLastError(insertError);
    if (!inserted)
        return std::nullopt;
    return insert.numRowsAffected();
}

std::optional<QList<AlarmOutbox::Entry>> AlarmOutbox::pending()
{
    return entries(QStringLiteral("WHERE state = 'pending' ORDER BY seq"), tr("Reading the queued acknowledgements"));
}

std::optional<QList<AlarmOutbox::Entry>> AlarmOutbox::failed()
{
    return entries(QStringLiteral("WHERE state = 'failed' ORDER BY finished_at DESC, seq DESC"),
                   tr("Reading the refused acknowledgements"));
}

std::optional<QList<AlarmOutbox::Entry>> AlarmOutbox::entries(const QString &whereAndOrder, const QString &what)
{
    if (!m_database.ready())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!m_database.execSql(
            query, QStringLiteral("SELECT ") + outboxColumns + QStringLiteral(" FROM outbox ") + whereAndOrder, what))
        return std::nullopt;
    QList<Entry> list;
    while (query.next())
        list.append(outboxEntryFrom(query));
    return list;
}

bool AlarmOutbox::recordAttempt(const QUuid &requestId, const QDateTime &at)
{
    if (!m_database.ready())
        return false;
    const QString what = tr("Recording a delivery attempt of request %1").arg(uuidKey(requestId));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? "
                                 "WHERE request_id = ? AND state = 'pending'"));
    query.addBindValue(msOrNow(at));
    query.addBindValue(uuidKey(requestId));
    if (!m_database.exec(query, what))
        return false;
    if (query.numRowsAffected() == 0) {
        m_database.setLastError(tr("%1 failed: no such request is waiting for delivery").arg(what));
        return false;
    }
    return true;
}

bool AlarmOutbox::markDelivered(const QUuid &requestId, const QDateTime &at)
{
    if (!finish(requestId, State::Delivered, {}, at))
        return false;
    QSqlQuery prune(m_database.connection());
    prune.prepare(QStringLiteral("DELETE FROM outbox WHERE state = 'delivered' AND finished_at < ?"));
    prune.addBindValue(msOrNow(at) - DeliveredRetentionMs);
    if (!prune.exec())
        qCWarning(lcStore).noquote() << "Could not prune delivered acknowledgements:" << prune.lastError().text();
    return true;
}

bool AlarmOutbox::markFailed(const QUuid &requestId, const QString &reason, const QDateTime &at)
{
    return finish(requestId, State::Failed, reason, at);
}

bool AlarmOutbox::finish(const QUuid &requestId, State state, const QString &reason, const QDateTime &at)
{
    if (!m_database.ready())
        return false;
    const QString what = state == State::Delivered ? tr("Marking request %1 delivered").arg(uuidKey(requestId))
                                                   : tr("Marking request %1 refused").arg(uuidKey(requestId));
    if (!m_database.setDurable(true))
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE outbox SET state = ?, finished_at = ?, failure_reason = ? "
                                 "WHERE request_id = ? AND state = 'pending'"));
    query.addBindValue(stateName(state));
    query.addBindValue(msOrNow(at));
    query.addBindValue(state == State::Failed ? QVariant(text(reason)) : QVariant());
    query.addBindValue(uuidKey(requestId));
    const bool updated = m_database.exec(query, what);
    const QString updateError = m_database.lastError();
    m_database.setDurable(false);
    m_database.setLastError(updateError);
    if (!updated)
        return false;
    if (query.numRowsAffected() == 1)
        return true;

    // Hearing twice that a request was delivered is normal after a reconnect.
    QSqlQuery current(m_database.connection());
    current.prepare(QStringLiteral("SELECT state FROM outbox WHERE request_id = ?"));
    current.addBindValue(uuidKey(requestId));
    if (!m_database.exec(current, what))
        return false;
    if (!current.next()) {
        m_database.setLastError(tr("%1 failed: no such request was queued").arg(what));
        return false;
    }
    if (valueOf(stateWords, current.value(0).toString()) == state)
        return true;
    m_database.setLastError(tr("%1 failed: the request is already %2").arg(what, current.value(0).toString()));
    return false;
}
