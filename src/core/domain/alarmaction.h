#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Domain {

// An operator's action on an alarm — acknowledge, shelve or unshelve — from
// the moment it is made until the server has answered it for good. The alarm
// service sends it; the store's outbox keeps it across outages and restarts.
struct AlarmAction
{
    enum class Kind { Ack, Shelve, Unshelve };
    enum class State { Pending, Delivered, Failed };

    QUuid requestId; // the idempotency key sent to the server
    Kind kind = Kind::Ack;
    QString alarmId;
    QJsonObject payload;
    QDateTime createdAt;
    State state = State::Pending;
    int attempts = 0;
    QDateTime lastAttemptAt;
    QDateTime finishedAt; // when delivered or refused
    QString failureReason;
};

} // namespace Domain
