#include "dronefilterproxy.h"

#include "model/dronemodel.h"

DroneFilterProxy::DroneFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DroneModel::SortRole);
    // A drone that changes state or runs low leaves or joins a filter at once.
    setDynamicSortFilter(true);
}

void DroneFilterProxy::setState(int state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

void DroneFilterProxy::setLowBatteryOnly(bool on)
{
    if (on == m_lowBatteryOnly)
        return;
    m_lowBatteryOnly = on;
    invalidateFilter();
}

void DroneFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateFilter();
}

QString DroneFilterProxy::serialAt(int proxyRow) const
{
    return index(proxyRow, 0).data(DroneModel::SerialRole).toString();
}

int DroneFilterProxy::rowOfDrone(const QString &serial) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (serialAt(row) == serial)
            return row;
    }
    return -1;
}

bool DroneFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state >= 0 && index.data(DroneModel::StateRole).toInt() != m_state)
        return false;
    if (m_lowBatteryOnly && index.data(DroneModel::BatteryRole).toDouble() >= DroneModel::kLowBatteryPercent)
        return false;
    if (m_searchText.isEmpty())
        return true;
    return index.data(DroneModel::SerialRole).toString().contains(m_searchText, Qt::CaseInsensitive)
        || index.data(DroneModel::MissionRole).toString().contains(m_searchText, Qt::CaseInsensitive);
}

bool DroneFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (QSortFilterProxyModel::lessThan(left, right))
        return true;
    if (QSortFilterProxyModel::lessThan(right, left))
        return false;
    return left.data(DroneModel::SerialRole).toString() < right.data(DroneModel::SerialRole).toString();
}
