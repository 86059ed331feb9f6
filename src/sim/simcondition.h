#pragma once

#include <QList>
#include <QString>

// A condition in the simulated world that an alarm watches: "battery of
// WF-D0003 below 20 %", "HLT temperature above 90 °C". Parts of the world
// report each condition's truth on every step; the alarm book turns changes
// of truth into ISA-18.2 alarm state changes.
struct SimCondition
{
    QString id; // stable, e.g. "drone:WF-D0003:battery_low"; one alarm per id
    bool active = false;
    QString severity; // critical, high, medium, low, info
    QString message;
    QString sourceKind; // drone, machine, endpoint, system
    QString sourceId;
};

using SimConditions = QList<SimCondition>;
