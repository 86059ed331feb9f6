#include "alarmservice.h"

#include "net/connectionservice.h"

#include "store/localstore.h"
#include "store/storeworker.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace {

Q_LOGGING_CATEGORY(lcAlarms, "watchfloor.app.alarms")

// Stored in a payload only to keep an action apart from an identical one
// still waiting for the same alarm; never sent.
const QLatin1StringView queuedAtKey("queuedAt");
const QLatin1StringView occurrenceKey("occurrence");

// Sends per event-loop pass, so that a long outbox never holds up the GUI.
constexpr qsizetype kSendsPerPass = 16;

QString requestType(Domain::AlarmAction::Kind kind)
{
    switch (kind) {
    case Domain::AlarmAction::Kind::Ack:
        return QStringLiteral("ack_alarm");
    case Domain::AlarmAction::Kind::Shelve:
        return QStringLiteral("shelve_alarm");
    case Domain::AlarmAction::Kind::Unshelve:
        return QStringLiteral("unshelve_alarm");
    }
    return {};
}

// These may succeed on another try; every other refusal is final, so that an
// action the server or the dialect cannot carry is reported at once instead
// of waiting for ever.
bool isTransient(const QString &code)
{
    return code == u"offline" || code == u"timeout" || code == u"unavailable" || code == u"internal"
        || code == u"rate_limited" || code == u"bad_response" || code.isEmpty();
}

QJsonObject withoutQueuedAt(QJsonObject payload)
{
    payload.remove(queuedAtKey);
    return payload;
}

} // namespace

AlarmService::AlarmService(ConnectionService *connection, StoreWorker *store, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_worker(store)
{
    connect(m_connection, &ConnectionService::stateChanged, this, &AlarmService::onConnectionState);
    m_retryTimer.setInterval(kRetryIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &AlarmService::deliver);
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &AlarmService::confirmHeld);
    m_paceTimer.setSingleShot(true);
    connect(&m_paceTimer, &QTimer::timeout, this, &AlarmService::deliver);
    m_paceClock.start();
    m_sendTokens = m_sendBurst;

    if (!store) {
        m_loaded = true;
        m_storeProblem = tr("no local database is open");
        return;
    }
    connect(store, &StoreWorker::opened, this, [this](const StoreWorker::OpenResult &result) {
        onStoreOpened(result.ok, result.error, result.movedAsidePath);
    });
}

AlarmService::~AlarmService() = default;

QString AlarmService::actionName(Domain::AlarmAction::Kind kind)
{
    switch (kind) {
    case Domain::AlarmAction::Kind::Ack:
        return tr("Acknowledgement");
    case Domain::AlarmAction::Kind::Shelve:
        return tr("Shelving");
    case Domain::AlarmAction::Kind::Unshelve:
        return tr("Unshelving");
    }
    return {};
}

void AlarmService::setOccurrenceLookup(std::function<std::optional<qint64>(const QString &)> lookup)
{
    m_occurrenceOf = std::move(lookup);
}

QUuid AlarmService::acknowledge(const QString &alarmId, const QString &note, qint64 occurrence)
{
    return enqueue(Domain::AlarmAction::Kind::Ack, alarmId, {{QLatin1StringView("note"), note}}, occurrence);
}

QUuid AlarmService::shelve(const QString &alarmId, int minutes, const QString &reason, qint64 occurrence)
{
    return enqueue(Domain::AlarmAction::Kind::Shelve, alarmId,
                   {{QLatin1StringView("minutes"), minutes}, {QLatin1StringView("reason"), reason}}, occurrence);
}

QUuid AlarmService::unshelve(const QString &alarmId)
{
    return enqueue(Domain::AlarmAction::Kind::Unshelve, alarmId, {}, -1);
}

QUuid AlarmService::enqueue(Domain::AlarmAction::Kind kind, const QString &alarmId, QJsonObject payload,
                            qint64 occurrence)
{
    if (occurrence == 0 && m_occurrenceOf)
        occurrence = m_occurrenceOf(alarmId).value_or(0);
    if (occurrence > 0)
        payload.insert(occurrenceKey, occurrence);

    // A repeated click is the same action; but shelve, unshelve, shelve must
    // stay three, or the alarm would end up unshelved. Only the latest action
    // waiting for the alarm counts as a repeat.
    const Action *latest = nullptr;
    bool identicalEarlier = false;
    for (const Action &action : std::as_const(m_actions)) {
        if (action.entry.alarmId != alarmId)
            continue;
        if (latest && latest->entry.kind == kind && withoutQueuedAt(latest->entry.payload) == payload)
            identicalEarlier = true;
        latest = &action;
    }
    if (latest && latest->entry.kind == kind && withoutQueuedAt(latest->entry.payload) == payload)
        return latest->entry.requestId;
    if (identicalEarlier)
        payload.insert(queuedAtKey, QDateTime::currentMSecsSinceEpoch());

    Action action;
    action.entry.requestId = QUuid::createUuid();
    action.entry.kind = kind;
    action.entry.alarmId = alarmId;
    action.entry.payload = payload;
    action.entry.createdAt = QDateTime::currentDateTimeUtc();
    m_actions.append(action);
    const Domain::AlarmAction entry = action.entry;
    storeWrite([entry](LocalStore &store) { return store.outbox().insert(entry); });
    announcePending();
    // Sent from the event loop: "acknowledge all" makes hundreds in one go.
    scheduleDelivery();
    return entry.requestId;
}

void AlarmService::deliver()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Too old to send without asking the operator again, live link or not.
    QList<QUuid> expired;
    for (const Action &action : std::as_const(m_actions)) {
        if (!action.inFlight && action.unconfirmedSince.isNull()
            && action.entry.createdAt.msecsTo(now) > m_maximumAgeMs)
            expired.append(action.entry.requestId);
    }
    for (const QUuid &id : std::as_const(expired)) {
        finish(id, false, QStringLiteral("expired"),
               tr("not sent within %1 minutes, so not sent at all: the alarm may have changed since; look at it and "
                  "act again if it still needs it")
                   .arg(m_maximumAgeMs / 60000.0));
    }
    if (m_actions.isEmpty())
        m_retryTimer.stop();
    else if (!m_retryTimer.isActive())
        m_retryTimer.start();
    if (!m_loaded || !m_connection->isLive())
        return;

    QSet<QString> busyAlarms;
    int inFlight = 0;
    for (const Action &action : std::as_const(m_actions)) {
        if (action.inFlight)
            ++inFlight;
    }
    QList<QUuid> due;
    for (const Action &action : std::as_const(m_actions)) {
        // Only the oldest action of each alarm may go; the rest wait behind it.
        if (busyAlarms.contains(action.entry.alarmId))
            continue;
        busyAlarms.insert(action.entry.alarmId);
        if (action.inFlight || !action.unconfirmedSince.isNull())
            continue;
        if (inFlight + due.size() >= m_sendBurst || due.size() >= kSendsPerPass) {
            scheduleDelivery(); // the rest in a later pass: the event loop keeps turning
            break;
        }
        if (!takeSendToken())
            break;
        due.append(action.entry.requestId);
    }
    for (const QUuid &id : std::as_const(due)) {
        // An answer given from within request() (offline) may have changed the list.
        const qsizetype index = indexOf(id);
        if (index >= 0 && !m_actions.at(index).inFlight && m_connection->isLive())
            send(m_actions[index]);
    }
}

void AlarmService::setSendRate(int perSecond, int burst)
{
    m_sendRate = std::max(1, perSecond);
    m_sendBurst = std::max(1, burst);
    m_sendTokens = std::min<double>(m_sendTokens, m_sendBurst);
}

bool AlarmService::takeSendToken()
{
    const qint64 now = m_paceClock.elapsed();
    m_sendTokens = std::min<double>(m_sendBurst, m_sendTokens + double(now - m_paceRefillMs) * m_sendRate / 1000.0);
    m_paceRefillMs = now;
    if (m_sendTokens >= 1.0) {
        m_sendTokens -= 1.0;
        return true;
    }
    if (!m_paceTimer.isActive())
        m_paceTimer.start(int(std::ceil((1.0 - m_sendTokens) * 1000.0 / m_sendRate)));
    return false;
}

void AlarmService::scheduleDelivery()
{
    // Once per event-loop pass, never from within an answer.
    if (m_deliveryScheduled)
        return;
    m_deliveryScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_deliveryScheduled = false;
            deliver();
        },
        Qt::QueuedConnection);
}

void AlarmService::send(Action &action)
{
    const Domain::AlarmAction entry = action.entry;
    // The alarm came back since the operator saw it: that occurrence needs its own decision.
    const qint64 seen = entry.payload.value(occurrenceKey).toInteger();
    if (seen > 0 && m_occurrenceOf) {
        const std::optional<qint64> now = m_occurrenceOf(entry.alarmId);
        // Another occurrence either way: a later activation, or a server that
        // lost its book and counts a new alarm under the same id from 1.
        if (now && *now != seen && entry.kind != Domain::AlarmAction::Kind::Unshelve) {
            finish(entry.requestId, false, QStringLiteral("occurrence_changed"),
                   tr("alarm %1 has activated again since (occurrence %2, the action was for occurrence %3)")
                       .arg(entry.alarmId)
                       .arg(*now)
                       .arg(seen));
            return;
        }
    }
    const QDateTime at = QDateTime::currentDateTimeUtc();
    const QUuid requestId = entry.requestId;
    storeWrite([requestId, at](LocalStore &store) { return store.outbox().recordAttempt(requestId, at); });
    ++action.entry.attempts;
    action.entry.lastAttemptAt = at;
    QJsonObject fields = withoutQueuedAt(entry.payload);
    fields.insert(QLatin1StringView("alarmId"), entry.alarmId);
    fields.insert(QLatin1StringView("requestId"), requestId.toString(QUuid::WithoutBraces));
    // Set before the call: an offline answer comes back from within it.
    action.inFlight = true;
    Q_EMIT requestSent(requestId);
    QPointer<AlarmService> self(this);
    m_connection->request(requestType(entry.kind), fields, [self, requestId](const Protocol::Result &result) {
        if (self)
            self->onAnswer(requestId, result);
    });
}

void AlarmService::onAnswer(const QUuid &requestId, const Protocol::Result &result)
{
    const qsizetype index = indexOf(requestId);
    if (index < 0)
        return;
    Action &action = m_actions[index];
    action.inFlight = false;
    if (result.ok && result.data.value(QLatin1StringView("unconfirmed")).toBool()) {
        // Written into the socket; the link may still be dead without us knowing.
        action.unconfirmedSince = QDateTime::currentDateTimeUtc();
        if (!m_holdTimer.isActive() || m_holdTimer.remainingTime() > m_unconfirmedHoldMs)
            m_holdTimer.start(m_unconfirmedHoldMs);
        Q_EMIT requestUnconfirmed(requestId);
        return;
    }
    if (result.ok) {
        finish(requestId, true, {}, {}, result.data);
        return;
    }
    const QString code = result.error.code;
    if (isTransient(code)) {
        // Stays waiting; the next live link or the retry timer sends it again.
        qCInfo(lcAlarms).noquote() << "Request" << requestId.toString(QUuid::WithoutBraces) << "not delivered:" << code
                                   << result.error.message;
        return;
    }
    finish(requestId, false, code, result.error.message);
}

void AlarmService::onConnectionState()
{
    if (m_connection->isLive()) {
        deliver();
        return;
    }
    // Unconfirmed sends may have died with the link: they go out again.
    m_holdTimer.stop();
    for (Action &action : m_actions)
        action.unconfirmedSince = {};
}

void AlarmService::confirmHeld()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QUuid> confirmed;
    qint64 nextMs = -1;
    for (const Action &action : std::as_const(m_actions)) {
        if (action.unconfirmedSince.isNull())
            continue;
        const qint64 left = m_unconfirmedHoldMs - action.unconfirmedSince.msecsTo(now);
        if (left <= 0)
            confirmed.append(action.entry.requestId);
        else if (nextMs < 0 || left < nextMs)
            nextMs = left;
    }
    if (nextMs >= 0)
        m_holdTimer.start(int(nextMs));
    for (const QUuid &id : std::as_const(confirmed))
        finish(id, true, {}, {});
}

void AlarmService::finish(const QUuid &requestId, bool delivered, const QString &code, const QString &message,
                          const QJsonObject &alarm)
{
    const qsizetype index = indexOf(requestId);
    if (index < 0)
        return;
    const Action action = m_actions.takeAt(index);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    if (delivered) {
        storeWrite([requestId, at](LocalStore &store) { return store.outbox().markDelivered(requestId, at); });
        announcePending();
        Q_EMIT requestDelivered(requestId, alarm);
    } else {
        const QString reason = message.isEmpty() ? code : QString(code % u": " % message);
        storeWrite(
            [requestId, reason, at](LocalStore &store) { return store.outbox().markFailed(requestId, reason, at); });
        qCInfo(lcAlarms).noquote() << "Request" << requestId.toString(QUuid::WithoutBraces) << "refused:" << reason;
        announcePending();
        Q_EMIT requestRefused(requestId, code, message);
        Q_EMIT actionRefused(action.entry.alarmId, action.entry.kind, code, message);
    }
    scheduleDelivery();
}

AlarmService::Progress AlarmService::progressOf(const QUuid &requestId) const
{
    const qsizetype index = indexOf(requestId);
    if (index < 0)
        return Progress::None;
    const Action &action = m_actions.at(index);
    if (action.inFlight)
        return Progress::Sent;
    return action.unconfirmedSince.isNull() ? Progress::Queued : Progress::Unconfirmed;
}

qsizetype AlarmService::indexOf(const QUuid &requestId) const
{
    for (qsizetype i = 0; i < m_actions.size(); ++i) {
        if (m_actions.at(i).entry.requestId == requestId)
            return i;
    }
    return -1;
}

void AlarmService::onStoreOpened(bool ok, const QString &error, const QString &movedAsidePath)
{
    if (!ok) {
        setStoreProblem(tr("the local database cannot be opened: %1").arg(error));
        m_loaded = true;
        Q_EMIT loaded();
        scheduleDelivery();
        return;
    }
    if (!movedAsidePath.isEmpty())
        qCWarning(lcAlarms).noquote() << "The local database was damaged and moved to" << movedAsidePath;
    m_worker->call<std::pair<std::optional<QList<Domain::AlarmAction>>, QString>>(
        [](LocalStore &store) { return std::make_pair(store.outbox().pending(), store.lastError()); }, this,
        [this](const std::pair<std::optional<QList<Domain::AlarmAction>>, QString> &answer) {
            onStoreLoaded(answer.first, answer.second);
        });
}

void AlarmService::onStoreLoaded(const std::optional<QList<Domain::AlarmAction>> &stored, const QString &error)
{
    if (!stored) {
        setStoreProblem(tr("the waiting actions cannot be read from the local database: %1").arg(error));
    } else {
        // What an earlier run left comes before anything made since this one started.
        QList<Action> earlier;
        for (const Domain::AlarmAction &entry : *stored) {
            if (indexOf(entry.requestId) < 0)
                earlier.append(Action {entry, false, {}});
        }
        m_actions = earlier + m_actions;
    }
    m_loaded = true;
    announcePending();
    Q_EMIT loaded();
    scheduleDelivery();
}

void AlarmService::storeWrite(std::function<bool(LocalStore &)> write)
{
    if (!m_worker)
        return;
    m_worker->write(std::move(write), this, [this](const QString &error) {
        if (!error.isEmpty())
            setStoreProblem(tr("the local database failed: %1").arg(error));
    });
}

void AlarmService::setStoreProblem(const QString &problem)
{
    if (!m_storeProblem.isEmpty())
        return; // the first failure says why; later ones follow from it
    m_storeProblem = problem;
    m_lastError = problem;
    qCWarning(lcAlarms).noquote() << "Offline alarm actions cannot be kept:" << problem;
    Q_EMIT keepsOfflineActionsChanged(false, problem);
}

void AlarmService::announcePending()
{
    if (m_announcedCount == m_actions.size())
        return;
    m_announcedCount = int(m_actions.size());
    Q_EMIT pendingChanged(m_announcedCount);
}
