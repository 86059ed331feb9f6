#pragma once

#include <QCoreApplication>
#include <QString>

class LiveTableModel;
class QLabel;

// The headline of a list counted from its rows ("60 drones · 12 flying · …"),
// qualified by how many of them are stale, so counts of last known values
// never pass for live ones: as they are while every row is fresh; "… · 3
// stale" while some are; "Last known, stale · 2 min: …" (the freshest row's
// age, AgeText::staleBrief) while all of them are, as during an outage.
class StaleHeadline
{
    Q_DECLARE_TR_FUNCTIONS(StaleHeadline)

public:
    static QString text(const QString &counts, const LiveTableModel &model);
    // Sets `label` to text(), grey and slanted while every row is stale.
    // Returns whether any row is stale: the age then moves, and the caller
    // calls again each second.
    static bool apply(QLabel *label, const QString &counts, const LiveTableModel &model);
};
