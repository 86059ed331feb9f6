#pragma once

#include "listfilterproxy.h"

// The drones table over the DroneModel, narrowed by the operator's filters:
// one state, low battery only, and a search in the serial and the mission.
// Sorts on the model's raw SortRole; ties go by serial (ListFilterProxy).
class DroneFilterProxy : public ListFilterProxy
{
    Q_OBJECT

public:
    explicit DroneFilterProxy(QObject *parent = nullptr);

    // Only this state (Domain::DroneState as int); -1: any.
    void setState(int state) { setFilter(m_state, state); }
    int state() const { return m_state; }
    // Only drones below DroneModel::kLowBatteryPercent.
    void setLowBatteryOnly(bool on) { setFilter(m_lowBatteryOnly, on); }
    bool lowBatteryOnly() const { return m_lowBatteryOnly; }

    QString serialAt(int proxyRow) const { return keyAt(proxyRow); }
    // The proxy row of a drone, or -1 when it is not listed.
    int rowOfDrone(const QString &serial) const { return rowOfKey(serial); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_state = -1;
    bool m_lowBatteryOnly = false;
};
