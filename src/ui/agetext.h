#pragma once

#include <QCoreApplication>
#include <QString>

// How long ago, in words an operator reads at a glance: "45 s",
// "2 min 10 s", "1 h 5 min", "3 d 2 h". Two units at most; counted on the
// console's monotonic clock (AgeRole, an elapsed timer), never from a
// server's time of day, so a server clock off by hours or an outage across
// midnight cannot make old data read as recent.
class AgeText
{
    Q_DECLARE_TR_FUNCTIONS(AgeText)

public:
    // Under a second reads "0 s"; a negative age (no clock) is empty.
    static QString format(qint64 ms);
    // One unit, rounded down: "45 s", "2 min", "1 h", "3 d"; for marks that
    // must stay narrow (a status cell, a headline, a tile).
    static QString brief(qint64 ms);
    // "stale · 2 min 10 s": the mark of a row whose values are the last known.
    static QString stale(qint64 ms);
    // "stale · 2 min": the same mark in one unit.
    static QString staleBrief(qint64 ms);
};
