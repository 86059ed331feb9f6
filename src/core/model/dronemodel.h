#pragma once

#include "protocol/messages.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>

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
        StaleRole, // bool: not heard from within 3 reporting periods, or the link is not live
        AgeRole, // ms since this console last heard from the drone
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

    // Staleness. Ages are measured on this console's monotonic clock from
    // when a report arrived, so a server's clock cannot make data look fresh.
    void setExpectedPeriodMs(qint64 ms) { m_expectedPeriodMs = ms; }
    void setLinkLive(bool live);
    // Re-evaluates every row; rows whose staleness changed get one ranged
    // dataChanged per block. Call it about once a second.
    void refreshStaleness();
    bool isStale(int row) const { return m_fresh.at(row).stale; }
    // For tests: the clock that ages reports (ms, monotonic).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    const Protocol::DroneStatus &droneAt(int row) const { return m_drones.at(row); }

    static QString stateText(Protocol::DroneState state);

private:
    void emitChangedRanges(QList<int> rows, const QList<int> &roles = {});
    bool computeStale(qint64 receivedMs, qint64 now) const;
    void rebuildIndex();

    QList<Protocol::DroneStatus> m_drones;
    struct Freshness
    {
        qint64 receivedMs = 0;
        bool stale = false;
    };
    QList<Freshness> m_fresh; // parallel to m_drones
    qint64 m_expectedPeriodMs = 5000;
    bool m_linkLive = true;
    std::function<qint64()> m_clock;
    QHash<QString, int> m_rowBySerial;
};
