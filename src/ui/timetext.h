#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// A moment as the tables and details show it, in the console's time zone
// and the operator's locale: the time of day alone when it is today, with
// the date otherwise, so an old row never passes for a recent one. For how
// long ago something was, on the console's own clock, see AgeText.
class TimeText
{
    Q_DECLARE_TR_FUNCTIONS(TimeText)

public:
    // "14:03:27" today; "12/6/26 14:03:27" on another day. Invalid: empty.
    static QString of(const QDateTime &at);
    // The narrower form of a busy column: "14:03:27" today; "06 Dec 14:03" on
    // another day. Invalid: empty.
    static QString compact(const QDateTime &at);
};
