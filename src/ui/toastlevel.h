#pragma once

#include "domain/alarm.h"

#include <QDateTime>
#include <QString>

#include <optional>

// How urgent a toast is: how long it stays (Critical ones stay until the
// operator acts) and, for a toast that is not an alarm, its notice code
// (NoticeCode). An alarm's toast wears its priority's code (PriorityCode).
enum class ToastLevel { Info, Success, Warning, Error, Critical };

// One toast as the notification center asks for it. Posting the same id
// again updates the toast in place instead of adding another.
struct ToastSpec
{
    QString id;
    ToastLevel level = ToastLevel::Info;
    QString title;
    QString message;
    QString source; // what it is about: a drone serial, a machine, the server
    QDateTime time; // UTC
    QString alarmId; // non-empty: the toast offers "Acknowledge"
    // Set for an alarm: the card's edge, mark and word are its priority's
    // code, not the level's.
    std::optional<Domain::AlarmSeverity> priority;
};
