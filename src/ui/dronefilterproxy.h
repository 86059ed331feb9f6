#pragma once

#include <QSortFilterProxyModel>

// The drones table over the DroneModel, narrowed by the operator's filters:
// one state, low battery only, and a search in the serial and the mission.
// Sorts on the model's raw SortRole.
class DroneFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DroneFilterProxy(QObject *parent = nullptr);

    // Only this state (Domain::DroneState as int); -1: any.
    void setState(int state);
    int state() const { return m_state; }
    // Only drones below DroneModel::kLowBatteryPercent.
    void setLowBatteryOnly(bool on);
    bool lowBatteryOnly() const { return m_lowBatteryOnly; }
    // Case-insensitive, in the serial and the mission name.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    QString serialAt(int proxyRow) const;
    // The proxy row of a drone, or -1 when it is not listed.
    int rowOfDrone(const QString &serial) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Ties of the sorted column go by serial, so rows do not trade places
    // as updates arrive.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_state = -1;
    bool m_lowBatteryOnly = false;
    QString m_searchText;
};
