#pragma once

#include <QDateTime>
#include <QString>

// How urgent a toast is. It picks the card's edge colour, symbol and word and
// how long the toast stays: Critical ones stay until the operator acts.
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
    // Replaces the level's word when set: an alarm's own severity word
    // ("HIGH") reads better than the toast level it maps to.
    QString word;
};
