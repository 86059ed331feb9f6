#pragma once

#include <QList>
#include <QString>

// A condition in the plant that an alarm watches: "battery of WF-D0003 below
// 20 %", "HLT temperature above 90 °C", "edge node N1 lost". A plant source
// reports each condition's truth; the alarm book turns changes of truth into
// ISA-18.2 alarm state changes.
struct PlantCondition
{
    QString id; // stable, e.g. "drone:WF-D0003:battery_low"; one alarm per id
    bool active = false;
    QString severity; // critical, high, medium, low, info
    QString message;
    QString sourceKind; // drone, machine, endpoint, system
    QString sourceId;
};

using PlantConditions = QList<PlantCondition>;
