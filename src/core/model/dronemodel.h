#pragma once

#include "domain/drone.h"
#include "livetablemodel.h"
#include "metrichistory.h"

#include <array>
#include <optional>

// The fleet, one row per drone, in the order drones first appeared: status,
// build progress, the drone's own computer health and its current mission.
// Everything a frame brought is applied together (DroneBatch), so however
// many reports a drone sent in that frame, it changes once.
class DroneModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column {
        SerialColumn,
        StateColumn,
        BatteryColumn,
        LocationColumn,
        BuildColumn,
        OperationColumn,
        LastUpdateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int {
        SerialRole = FirstEntityRole,
        StateRole, // Domain::DroneState as int
        BatteryRole, // percent
        LatitudeRole,
        LongitudeRole,
        AltitudeRole, // metres
        SpeedRole, // metres per second
        LastUpdateRole, // QDateTime, UTC: when the drone last reported its status
        BuildPercentRole, // int; invalid before any build report
        BuildStageRole,
        BuildAssemblyRole,
        BuildEtaRole, // QDateTime, invalid when unknown
        CpuRole, // percent; invalid before any health report
        MemoryRole,
        StorageRole,
        TemperatureRole, // °C
        MissionRole, // QString; invalid without a mission
        MissionStatusRole, // Domain::MissionStatus as int
        MissionProgressRole, // percent
    };
    Q_ENUM(Role)

    // Everything about drones that arrived within one frame, in arrival order.
    struct Batch
    {
        QList<Domain::DroneStatus> statuses;
        QList<Domain::DroneBuildProgress> builds;
        QList<Domain::DroneHealth> health;
        QList<Domain::DroneOperation> operations;
        bool isEmpty() const
        {
            return statuses.isEmpty() && builds.isEmpty() && health.isEmpty() && operations.isEmpty();
        }
    };

    struct Drone
    {
        Domain::DroneStatus status;
        std::optional<Domain::DroneBuildProgress> build;
        std::optional<Domain::DroneHealth> health;
        std::optional<Domain::DroneOperation> operation;
    };

    explicit DroneModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Makes the model equal to a snapshot: drones it no longer lists are
    // removed, the others updated, new ones appended.
    void reconcile(const Batch &snapshot);
    // Applies live reports. A status for an unknown drone adds it; details
    // (build, health, operation) of a drone not yet known are dropped.
    void applyBatch(const Batch &batch);
    // Compatibility for callers with status reports only.
    void applyBatch(const QList<Domain::DroneStatus> &statuses) { applyBatch(Batch {statuses, {}, {}, {}}); }
    void reconcile(const QList<Domain::DroneStatus> &statuses) { reconcile(Batch {statuses, {}, {}, {}}); }

    const Drone &droneAt(int row) const { return m_drones.at(row); }

    // Counts kept up to date with every change.
    int countInState(Domain::DroneState state) const { return m_stateCounts.at(size_t(state)); }
    int lowBatteryCount() const { return m_lowBattery; }
    int buildsInProgressCount() const { return m_buildsInProgress; }
    // Below this a drone counts as low on battery (percent).
    static constexpr double kLowBatteryPercent = 20.0;

    // Battery (BatteryRole) and temperature (TemperatureRole) of every drone.
    const MetricHistory &history() const { return m_history; }
    void setHistoryCapacity(qsizetype samples) { m_history.setCapacityPerSeries(samples); }

protected:
    void removeItems(int first, int count) override;

private:
    struct Counted
    {
        Domain::DroneState state = Domain::DroneState::Offline;
        bool lowBattery = false;
        bool building = false;
    };
    static Counted countedOf(const Drone &drone);
    void count(const Counted &c, int sign);
    QVariant statusData(const Domain::DroneStatus &d, int role) const;
    QVariant detailData(const Drone &d, int role) const;
    // Merges one update into a drone, adding the roles it changed to `roles`.
    static void mergeStatus(Drone &d, const Domain::DroneStatus &s, QList<int> &roles);
    static void mergeBuild(Drone &d, const Domain::DroneBuildProgress &b, QList<int> &roles);
    static void mergeHealth(Drone &d, const Domain::DroneHealth &h, QList<int> &roles);
    static void mergeOperation(Drone &d, const Domain::DroneOperation &o, QList<int> &roles);
    void record(const Drone &d, bool battery, bool temperature);

    QList<Drone> m_drones; // parallel to the base's rows
    std::array<int, 6> m_stateCounts {};
    int m_lowBattery = 0;
    int m_buildsInProgress = 0;
    MetricHistory m_history;
};
