#pragma once

#include "domain/alarmaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

class ConnectionService;
class LocalStore;
class StoreWorker;
namespace Protocol {
struct Result;
}

// Turns an operator's acknowledgement, shelving or unshelving into a request
// that reaches the server even across outages and restarts.
//
// The outbox is held in memory and delivered from there, so an action on a
// live link never depends on the disk. Each action is also written to the
// profile's local database on a thread of its own (StoreWorker), so that one
// made offline survives a restart; when the database is missing, full or
// broken, keepsOfflineActions() turns false and says why, and actions still
// go out while the link is live.
//
// Delivery is ordered per alarm: an alarm's actions go out one at a time in
// the order they were made, and one alarm's waiting action never holds back
// another alarm's. Each carries the occurrence (the alarm's activation count)
// the operator saw and its requestId, so that the server can refuse it when
// the alarm has activated again since and can recognise a repeat. An action
// waiting longer than the maximum age is not sent: it is refused here
// (`expired`) and the operator decides again. Every refusal is final and
// reported through requestRefused().
class AlarmService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultMaximumAgeMs = 15 * 60 * 1000;
    // How long an unconfirmed send (plain and Socket.IO servers answer no
    // requests) must be followed by a live link before it counts as delivered:
    // longer than dead-link detection (two heartbeats).
    static constexpr int kDefaultUnconfirmedHoldMs = 35 * 1000;
    static constexpr int kRetryIntervalMs = 5000;
    // Below the reference server's default limit (10 messages a second,
    // bursts of 20), leaving room for the console's other requests.
    static constexpr int kDefaultSendRate = 8;
    static constexpr int kDefaultSendBurst = 8;

    // An action that has not been answered for good yet.
    struct Action
    {
        Domain::AlarmAction entry;
        bool inFlight = false;
        QDateTime unconfirmedSince; // handed to a server that never answers
    };

    // Neither is owned. store is the profile's database, not yet opened (its
    // opened() is awaited); null: actions are kept in memory only.
    AlarmService(ConnectionService *connection, StoreWorker *store, QObject *parent = nullptr);
    ~AlarmService() override;

    // How a caller learns which occurrence of an alarm is shown (the alarm
    // model's count); unset, an action without an explicit occurrence carries none.
    void setOccurrenceLookup(std::function<std::optional<qint64>(const QString &alarmId)> lookup);
    void setMaximumAgeMs(int ms) { m_maximumAgeMs = ms; }
    int maximumAgeMs() const { return m_maximumAgeMs; }
    void setUnconfirmedHoldMs(int ms) { m_unconfirmedHoldMs = ms; }
    // How fast actions go out: a sustained rate per second, and how many may
    // go at once (and be waiting for their answers), so that a flood of
    // acknowledgements never trips the server's message limit.
    void setSendRate(int perSecond, int burst);

    // Each returns the action's request id: the same one when the operator
    // repeats the latest action still waiting for this alarm. occurrence is
    // the alarm's activation count as the operator saw it; 0 asks the lookup.
    QUuid acknowledge(const QString &alarmId, const QString &note = {}, qint64 occurrence = 0);
    QUuid shelve(const QString &alarmId, int minutes, const QString &reason, qint64 occurrence = 0);
    QUuid unshelve(const QString &alarmId);

    // Where an action made here stands while it waits: queued (not handed to
    // the link yet: the link is down, or the send pace holds it), sent (its
    // answer awaited), sent unconfirmed (to a server that answers nothing);
    // None once it has been answered for good, or for an unknown id.
    enum class Progress { None, Queued, Sent, Unconfirmed };
    Q_ENUM(Progress)
    Progress progressOf(const QUuid &requestId) const;

    // Actions made and not yet answered for good (sent-but-unconfirmed ones included).
    int pendingCount() const { return int(m_actions.size()); }
    const QList<Action> &actions() const { return m_actions; }
    QString lastError() const { return m_lastError; }

    // False when actions made offline would be lost on a restart: no
    // database, or it failed; storeProblem() says why.
    bool keepsOfflineActions() const { return m_storeProblem.isEmpty(); }
    QString storeProblem() const { return m_storeProblem; }
    // Done loading what an earlier run left waiting (at once without a store).
    bool isLoaded() const { return m_loaded; }

    // The words for an action, e.g. "Acknowledgement".
    static QString actionName(Domain::AlarmAction::Kind kind);

Q_SIGNALS:
    // Handed to the link; its answer is awaited (it may still fail with the link and wait again).
    void requestSent(const QUuid &requestId);
    void requestDelivered(const QUuid &requestId, const QJsonObject &alarm);
    // Handed to a server that never answers: sent, not confirmed.
    void requestUnconfirmed(const QUuid &requestId);
    // Final: the action will not be sent again. code is the server's
    // (occurrence_changed: the alarm came back and needs a new action) or
    // this console's: expired, unsupported.
    void requestRefused(const QUuid &requestId, const QString &code, const QString &message);
    // The same refusal, said for the operator.
    void actionRefused(const QString &alarmId, Domain::AlarmAction::Kind kind, const QString &code,
                       const QString &message);
    void pendingChanged(int count);
    void keepsOfflineActionsChanged(bool keeps, const QString &problem);
    void loaded();

private:
    QUuid enqueue(Domain::AlarmAction::Kind kind, const QString &alarmId, QJsonObject payload, qint64 occurrence);
    void deliver();
    void scheduleDelivery();
    bool takeSendToken();
    void send(Action &action);
    void onAnswer(const QUuid &requestId, const Protocol::Result &result);
    void onConnectionState();
    void confirmHeld();
    void finish(const QUuid &requestId, bool delivered, const QString &code, const QString &message,
                const QJsonObject &alarm = {});
    qsizetype indexOf(const QUuid &requestId) const;
    void onStoreOpened(bool ok, const QString &error, const QString &movedAsidePath);
    void onStoreLoaded(const std::optional<QList<Domain::AlarmAction>> &stored, const QString &error);
    void storeWrite(std::function<bool(LocalStore &)> write);
    void setStoreProblem(const QString &problem);
    void announcePending();

    ConnectionService *m_connection;
    StoreWorker *m_worker = nullptr;
    std::function<std::optional<qint64>(const QString &)> m_occurrenceOf;
    QList<Action> m_actions; // in creation order
    QTimer m_retryTimer;
    QTimer m_holdTimer;
    QTimer m_paceTimer;
    QElapsedTimer m_paceClock;
    qint64 m_paceRefillMs = 0;
    double m_sendTokens = 0;
    int m_sendRate = kDefaultSendRate;
    int m_sendBurst = kDefaultSendBurst;
    int m_maximumAgeMs = kDefaultMaximumAgeMs;
    int m_unconfirmedHoldMs = kDefaultUnconfirmedHoldMs;
    int m_announcedCount = 0;
    bool m_loaded = false;
    bool m_deliveryScheduled = false;
    QString m_lastError;
    QString m_storeProblem;
};
