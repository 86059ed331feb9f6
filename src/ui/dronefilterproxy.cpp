#include "dronefilterproxy.h"

#include "model/dronemodel.h"

DroneFilterProxy::DroneFilterProxy(QObject *parent)
    : ListFilterProxy(DroneModel::SerialRole, DroneModel::SortRole, {DroneModel::SerialRole, DroneModel::MissionRole},
                      parent)
{ }

bool DroneFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state >= 0 && index.data(DroneModel::StateRole).toInt() != m_state)
        return false;
    if (m_lowBatteryOnly && index.data(DroneModel::BatteryRole).toDouble() >= DroneModel::kLowBatteryPercent)
        return false;
    return matchesSearch(index);
}
