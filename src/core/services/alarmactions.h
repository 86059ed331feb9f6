#pragma once

#include "alarmservice.h"
#include "domain/alarmaction.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>

#include <functional>

// What a view may do to alarms, and what it may know of the actions it made:
// acknowledge, shelve and unshelve, how many wait for the server, and whether
// actions made offline survive a restart.
//
// The session owns one for the console's lifetime and points it at its
// current AlarmService; opening the store replaces that service, and this
// object follows without the views knowing. After the swap it announces the
// new service's figures (pendingChanged, keepsOfflineActionsChanged), so a
// view shows them without asking.
class AlarmActions : public QObject
{
    Q_OBJECT

public:
    // `letGo` is asked before an acknowledgement is queued: true when the
    // alarm was only kept waiting for it (Session::letGoUnconfirmed) and is
    // now gone, so nothing goes to the server.
    explicit AlarmActions(std::function<bool(const QString &alarmId)> letGo, QObject *parent = nullptr);

    // Follows `service` from now on (not owned; null: actions are dropped).
    void setService(AlarmService *service);

    // As AlarmService's; occurrence is the alarm's activation count as the
    // operator saw it. A null id: nothing was queued.
    QUuid acknowledge(const QString &alarmId, const QString &note = {}, qint64 occurrence = 0);
    QUuid shelve(const QString &alarmId, int minutes, const QString &reason, qint64 occurrence = 0);
    QUuid unshelve(const QString &alarmId);

    // Where an action made here stands (AlarmService::progressOf).
    AlarmService::Progress progressOf(const QUuid &requestId) const;
    int pendingCount() const;
    bool keepsOfflineActions() const;
    QString storeProblem() const;

    // The words for an action, e.g. "Acknowledgement".
    static QString actionName(Domain::AlarmAction::Kind kind);

Q_SIGNALS:
    // An action's progress: handed to the link, answered by the server,
    // handed to a server that confirms nothing, refused for good.
    void actionSent(const QUuid &requestId);
    void actionDelivered(const QUuid &requestId);
    void actionUnconfirmed(const QUuid &requestId);
    void actionFailed(const QUuid &requestId, const QString &code, const QString &message);
    // Final: the action will not be sent again; said for the operator.
    void actionRefused(const QString &alarmId, Domain::AlarmAction::Kind kind, const QString &code,
                       const QString &message);
    void pendingChanged(int count);
    void keepsOfflineActionsChanged(bool keeps, const QString &problem);

private:
    std::function<bool(const QString &)> m_letGo;
    QPointer<AlarmService> m_service;
};
