#include "alarmservice.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>

namespace {

Q_LOGGING_CATEGORY(lcAlarms, "watchfloor.app.alarms")

// Stored in a payload only to keep an action apart from an identical one
// still waiting for the same alarm; never sent.
const QLatin1StringView queuedAtKey("queuedAt");

QString requestType(LocalStore::OutboxKind kind)
{
    switch (kind) {
    case LocalStore::OutboxKind::Ack:
        return QStringLiteral("ack_alarm");
    case LocalStore::OutboxKind::Shelve:
        return QStringLiteral("shelve_alarm");
    case LocalStore::OutboxKind::Unshelve:
        return QStringLiteral("unshelve_alarm");
    }
    return {};
}

// Anything else (timeout, offline, a code this console does not know) may
// succeed on another try.
bool isDefinitiveRefusal(const QString &code)
{
    return code == u"not_found" || code == u"forbidden" || code == u"out_of_range" || code == u"bad_request";
}

QJsonObject withoutQueuedAt(QJsonObject payload)
{
    payload.remove(queuedAtKey);
    return payload;
}

} // namespace

AlarmService::AlarmService(ConnectionService *connection, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_store(store)
{
    connect(m_connection, &ConnectionService::stateChanged, this, [this](ConnectionService::State state) {
        if (state == ConnectionService::State::Live)
            deliverNext();
    });
    refreshPendingCount();
    // Whatever an earlier run of the console left in the outbox.
    deliverNext();
}

QUuid AlarmService::acknowledge(const QString &alarmId, const QString &note)
{
    return enqueue(LocalStore::OutboxKind::Ack, alarmId, {{QLatin1StringView("note"), note}});
}

QUuid AlarmService::shelve(const QString &alarmId, int minutes, const QString &reason)
{
    return enqueue(LocalStore::OutboxKind::Shelve, alarmId,
                   {{QLatin1StringView("minutes"), minutes}, {QLatin1StringView("reason"), reason}});
}

QUuid AlarmService::unshelve(const QString &alarmId)
{
    return enqueue(LocalStore::OutboxKind::Unshelve, alarmId, {});
}

QUuid AlarmService::enqueue(LocalStore::OutboxKind kind, const QString &alarmId, QJsonObject payload)
{
    // The store merges an action into any identical one still pending. That is
    // right for a repeated click, but not for shelve, unshelve, shelve: the
    // second shelve would be merged into the first and the alarm would end up
    // unshelved. Only the latest pending action for the alarm counts as a repeat.
    if (const auto pending = m_store->pending()) {
        const LocalStore::OutboxEntry *latest = nullptr;
        bool identicalEarlier = false;
        for (const LocalStore::OutboxEntry &entry : *pending) {
            if (entry.alarmId != alarmId)
                continue;
            if (latest && latest->kind == kind && withoutQueuedAt(latest->payload) == payload)
                identicalEarlier = true;
            latest = &entry;
        }
        if (latest && latest->kind == kind && withoutQueuedAt(latest->payload) == payload)
            return latest->requestId;
        if (identicalEarlier)
            payload.insert(queuedAtKey, QDateTime::currentMSecsSinceEpoch());
    }

    const auto requestId = m_store->enqueue(kind, alarmId, payload, QDateTime::currentDateTimeUtc());
    if (!requestId) {
        m_lastError = m_store->lastError();
        qCWarning(lcAlarms).noquote() << "Could not store the request:" << m_lastError;
        return {};
    }
    refreshPendingCount();
    deliverNext();
    return *requestId;
}

void AlarmService::deliverNext()
{
    if (!m_inFlight.isNull() || !m_connection->isLive())
        return;
    const auto pending = m_store->pending();
    if (!pending) {
        m_lastError = m_store->lastError();
        qCWarning(lcAlarms).noquote() << "Could not read the outbox:" << m_lastError;
        return;
    }
    setPendingCount(int(pending->size()));
    if (pending->isEmpty())
        return;

    const LocalStore::OutboxEntry entry = pending->first();
    if (!m_store->recordAttempt(entry.requestId, QDateTime::currentDateTimeUtc()))
        qCWarning(lcAlarms).noquote() << "Could not record a delivery attempt:" << m_store->lastError();
    QJsonObject fields = withoutQueuedAt(entry.payload);
    fields.insert(QLatin1StringView("alarmId"), entry.alarmId);
    // Set before the call: an offline answer comes back from within it.
    m_inFlight = entry.requestId;
    QPointer<AlarmService> self(this);
    m_connection->request(requestType(entry.kind), fields, [self, entry](const Protocol::Result &result) {
        if (self)
            self->onAnswer(entry, result);
    });
}

void AlarmService::onAnswer(const LocalStore::OutboxEntry &entry, const Protocol::Result &result)
{
    m_inFlight = QUuid();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (result.ok) {
        if (!m_store->markDelivered(entry.requestId, now)) {
            // Going on would send this entry again and again.
            m_lastError = m_store->lastError();
            qCWarning(lcAlarms).noquote() << "Could not mark a request delivered:" << m_lastError;
            return;
        }
        refreshPendingCount();
        Q_EMIT requestDelivered(entry.requestId, result.data);
        deliverNext();
        return;
    }

    const QString code = result.error.code;
    if (!isDefinitiveRefusal(code)) {
        // Stays pending; the next live link (or the operator's next action)
        // sends it again, ahead of anything made after it.
        qCInfo(lcAlarms).noquote() << "Request" << entry.requestId.toString(QUuid::WithoutBraces)
                                   << "not delivered:" << code << result.error.message;
        return;
    }
    const QString reason = result.error.message.isEmpty() ? code : QString(code % u": " % result.error.message);
    if (!m_store->markFailed(entry.requestId, reason, now)) {
        m_lastError = m_store->lastError();
        qCWarning(lcAlarms).noquote() << "Could not mark a request refused:" << m_lastError;
        return;
    }
    refreshPendingCount();
    Q_EMIT requestRefused(entry.requestId, code, result.error.message);
    deliverNext();
}

void AlarmService::refreshPendingCount()
{
    const auto pending = m_store->pending();
    if (!pending) {
        m_lastError = m_store->lastError();
        return;
    }
    setPendingCount(int(pending->size()));
}

void AlarmService::setPendingCount(int count)
{
    if (count == m_pendingCount)
        return;
    m_pendingCount = count;
    Q_EMIT pendingChanged(count);
}
