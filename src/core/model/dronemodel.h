#pragma once

#include "protocol/messages.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The fleet, one row per drone, kept in the order drones first appeared.
// Receives typed status reports in batches; emits one ranged dataChanged per
// contiguous block of changed rows and one insert per batch.
class DroneModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SerialColumn, StateColumn, BatteryColumn, LocationColumn, LastUpdateColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role : int {
        SerialRole = Qt::UserRole + 1,
        StateRole, // Protocol::DroneState as int
        BatteryRole, // percent
        LatitudeRole,
        LongitudeRole,
        AltitudeRole, // metres
        SpeedRole, // metres per second
        LastUpdateRole, // QDateTime, UTC
        SortRole, // a value per column that sorts naturally
    };
    Q_ENUM(Role)

    explicit DroneModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Makes the model equal to a snapshot: updates known drones, appends new
    // ones, removes those the snapshot no longer lists.
    void reconcile(const QList<Protocol::DroneStatus> &snapshot);
    // Applies live reports; a report for an unknown drone adds it.
    void applyBatch(const QList<Protocol::DroneStatus> &reports);

    int rowOf(const QString &serial) const { return m_rowBySerial.value(serial, -1); }
    const Protocol::DroneStatus &droneAt(int row) const { return m_drones.at(row); }

    static QString stateText(Protocol::DroneState state);

private:
    void emitChangedRanges(QList<int> rows);
    void rebuildIndex();

    QList<Protocol::DroneStatus> m_drones;
    QHash<QString, int> m_rowBySerial;
};
