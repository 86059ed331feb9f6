#pragma once

#include "domain/alarm.h"
#include "domain/alarmaction.h"
#include "domain/link.h"
#include "domain/system.h"
#include "model/notificationmodel.h"
#include "services/commandservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

class Session;
class LocalStore;
class StoreWorker;

// Everything the operator was told, in one list: each alarm activation, the
// server's notices, and the link going down and coming back. Unread is this
// console's own state, kept in the profile's local database together with
// the history; acknowledged is the server's state, followed live from the
// alarm model, so an acknowledgement made on another console shows here as
// soon as the server reports it.
//
// A chattering alarm stays one notification whose count rises; a new one
// starts when an alarm that was dealt with becomes active again. A server
// notice repeated word for word at the same level while the first is still
// listed stays one notification too: its count rises, its time is the
// latest, it is unread again and announced again (notificationPosted with
// the same id, so its toast updates in place).
//
// Alarms already present when the console first connects are listed, not
// announced. Alarms that are new to this console and come in the snapshots
// of a later resync (the link back after an outage the server could not
// replay, a restarted server, a pause) are listed each, and announced
// together, once: one notification (kind Connection, at the priority of the
// most urgent of them) when the link is live again, however many channels,
// snapshots or attempts the resync took. The same alarms in a later resync
// are not news again.
class NotificationCenter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kHistoryLoad = 500; // notifications of earlier runs listed at start
    static constexpr int kDefaultMaximumListed = 2000;

    // The store may be null (nothing is kept past this run) and, if given,
    // must outlive the center. Reads the history at once (waiting for the
    // store to open); every later write goes to the store's thread.
    NotificationCenter(Session *session, StoreWorker *store, QObject *parent = nullptr);

    NotificationModel *model() { return &m_model; }
    int unreadCount() const { return m_model.unreadCount(); }
    // Unread server notices (kind System): the bell's figure of its own,
    // never part of any alarm count.
    int unreadNoticeCount() const { return m_model.unreadNoticeCount(); }
    // Critical and high alarms the server holds that nobody acknowledged yet.
    int unacknowledgedHighCount() const;
    // The one count of waiting alarms (AlarmModel::unacknowledgedCount()).
    int unacknowledgedCount() const;
    // Its most urgent priority (AlarmModel::mostUrgentUnacknowledged()).
    std::optional<Domain::AlarmSeverity> mostUrgentUnacknowledged() const;
    // This console's alarm actions the server has not answered yet.
    int waitingActionCount() const;

    bool markRead(const QString &notificationId);
    int markAllRead();
    // Sends the acknowledgement of the notification's alarm through the
    // session's outbox and marks it read. False (see lastError()) when it is
    // not an alarm waiting for one, or the outbox cannot take it.
    bool acknowledge(const QString &notificationId, const QString &note = {});
    // How many were sent.
    int acknowledgeAll(const QStringList &notificationIds, const QString &note = {});
    // Forgets the history, here at once and in the store (historyCleared()),
    // except alarms still waiting for an acknowledgement: those stay until
    // dealt with.
    void clearHistory();

    // This console's commands: each outcome, and another operator or the
    // process overtaking one, becomes a notification (kind Command).
    void setCommandService(CommandService *service);

    // Beyond it the oldest read notifications that need nothing leave the
    // list (they stay in the store's history).
    void setMaximumListed(int count);
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // A notification that arrived live (not one that was already there when
    // the console connected, nor one from the history).
    void notificationPosted(const NotificationModel::Item &item);
    // A listed notification changed: acknowledged, cleared, count raised.
    void notificationChanged(const NotificationModel::Item &item);
    void unreadCountChanged(int count);
    // Whether any critical or high alarm waits for an acknowledgement.
    void attentionChanged(bool needed);
    void waitingActionCountChanged(int count);
    // The one count of waiting alarms, or its most urgent priority, moved.
    void unacknowledgedChanged(int count);
    // The local database refused a write; the list here is still complete.
    // Once per distinct failure, also as a warning in `watchfloor.store`.
    void storeFailed(const QString &message);
    // The store has forgotten the history (error empty), or could not.
    void historyCleared(const QString &error);

private:
    void loadHistory();
    void settleEarlierAlarms();
    // Every final refusal of an alarm action becomes a notification (and so a toast).
    void onActionRefused(const QString &alarmId, Domain::AlarmAction::Kind kind, const QString &code,
                         const QString &message);
    void onAlarmsChanged(const QList<Domain::Alarm> &changed);
    void onSystemAlert(const Domain::SystemAlert &alert);
    void onConnectionState(Domain::LinkState state);
    // Posts the one notification of the alarms that arrived in a resync,
    // if any did since the last.
    void announceResyncArrivals();
    void onCommandFinished(const CommandService::Command &command);
    void onCommandOvertaken(const CommandService::Command &command, const QString &byOperator,
                            const Domain::EndpointValue &serverValue);
    QString endpointTitle(const QString &endpointId) const;
    // A value of the endpoint as EndpointFact words it, with the unit.
    QString valueText(const QString &endpointId, const Domain::EndpointValue &value) const;
    void post(NotificationModel::Item item, bool live);
    void prune();
    void checkAttention();
    void save(const NotificationModel::Item &item);
    // Runs write on the store's thread (nothing without an open store); a
    // failure is reported, and then(error) follows either way.
    void storeWrite(std::function<bool(LocalStore &)> write, std::function<void(QString)> then = {});
    void storeFailure(const QString &what);
    // Puts a changed notification in the list and tells the views; with
    // `persist`, writes it to the history too, so a restart shows what still waits.
    void update(const NotificationModel::Item &item, bool persist);
    static QString activationId(const Domain::Alarm &alarm);
    static void copyAlarmState(NotificationModel::Item &item, const Domain::Alarm &alarm);

    Session *m_session;
    StoreWorker *m_store;
    NotificationModel m_model;
    QHash<QString, QString> m_currentByAlarm; // alarmId -> notification id of its latest activation
    QHash<QString, QString> m_noticeByText; // severity:message -> notification id of that notice
    QDateTime m_lostAt; // when the link stopped being live; invalid while live or never live
    bool m_wasLive = false;
    // Alarms new to this console that came in snapshots after it had been
    // live, not announced yet: how many, the most urgent, its title.
    int m_resyncArrivals = 0;
    Domain::AlarmSeverity m_resyncMostUrgent = Domain::AlarmSeverity::Info;
    QString m_resyncMostUrgentTitle;
    bool m_attention = false;
    int m_lastUnacknowledged = 0;
    std::optional<Domain::AlarmSeverity> m_lastMostUrgent;
    int m_maximumListed = kDefaultMaximumListed;
    int m_pruneAgainAt = 0; // prune() looks again once this many are listed
    QString m_lastError;
    QString m_lastStoreError;
};
