#include "dronemodel.h"

#include <QDateTime>

namespace {

qint64 sampleTime(const QDateTime &reported)
{
    return reported.isValid() ? reported.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

void addRole(QList<int> &roles, int role)
{
    if (!roles.contains(role))
        roles.append(role);
}

template<typename T> void set(T &field, const T &value, QList<int> &roles, std::initializer_list<int> changedRoles)
{
    if (field == value)
        return;
    field = value;
    for (int role : changedRoles)
        addRole(roles, role);
}

} // namespace

DroneModel::DroneModel(QObject *parent)
    : LiveTableModel(parent)
    , m_history(240) // 20 minutes at one report every 5 s
{
    setExpectedPeriodMs(5000);
}

int DroneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DroneModel::statusData(const Domain::DroneStatus &d, int role) const
{
    switch (role) {
    case SerialRole:
        return d.serial;
    case StateRole:
        return int(d.state);
    case BatteryRole:
        return d.battery;
    case LatitudeRole:
        return d.location.lat;
    case LongitudeRole:
        return d.location.lon;
    case AltitudeRole:
        return d.location.alt;
    case SpeedRole:
        return d.speed;
    case LastUpdateRole:
        return d.timestamp;
    }
    return {};
}

QVariant DroneModel::detailData(const Drone &d, int role) const
{
    switch (role) {
    case BuildPercentRole:
        return d.build ? QVariant(d.build->percent) : QVariant();
    case BuildStageRole:
        return d.build ? QVariant(d.build->stage) : QVariant();
    case BuildAssemblyRole:
        return d.build ? QVariant(d.build->assembly) : QVariant();
    case BuildEtaRole:
        return d.build ? QVariant(d.build->eta) : QVariant();
    case CpuRole:
        return d.health ? QVariant(d.health->cpu) : QVariant();
    case MemoryRole:
        return d.health ? QVariant(d.health->memory) : QVariant();
    case StorageRole:
        return d.health ? QVariant(d.health->storage) : QVariant();
    case TemperatureRole:
        return d.health ? QVariant(d.health->temperature) : QVariant();
    case MissionRole:
        return d.operation ? QVariant(d.operation->mission) : QVariant();
    case MissionStatusRole:
        return d.operation ? QVariant(int(d.operation->status)) : QVariant();
    case MissionProgressRole:
        return d.operation ? QVariant(d.operation->progress) : QVariant();
    }
    return {};
}

QVariant DroneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Drone &d = m_drones.at(index.row());
    if (role == Qt::DisplayRole || role == SortRole) {
        // Raw values: the view's delegate formats them.
        switch (index.column()) {
        case SerialColumn:
            return d.status.serial;
        case StateColumn:
            return int(d.status.state);
        case BatteryColumn:
            return d.status.battery;
        case LocationColumn:
            return role == SortRole
                ? QVariant(d.status.location.lat)
                : QVariant(QVariantList {d.status.location.lat, d.status.location.lon, d.status.location.alt});
        case BuildColumn:
            return d.build ? QVariant(d.build->percent) : QVariant(role == SortRole ? -1 : QVariant());
        case OperationColumn:
            return d.operation ? QVariant(d.operation->mission) : QVariant(role == SortRole ? QString() : QVariant());
        case LastUpdateColumn:
            return d.status.timestamp;
        }
        return {};
    }
    if (role >= SerialRole && role <= LastUpdateRole)
        return statusData(d.status, role);
    if (role > LastUpdateRole)
        return detailData(d, role);
    return baseData(index.row(), role);
}

QVariant DroneModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SerialColumn:
        return tr("Serial");
    case StateColumn:
        return tr("State");
    case BatteryColumn:
        return tr("Battery");
    case LocationColumn:
        return tr("Location");
    case BuildColumn:
        return tr("Build");
    case OperationColumn:
        return tr("Mission");
    case LastUpdateColumn:
        return tr("Last update");
    }
    return {};
}

QHash<int, QByteArray> DroneModel::roleNames() const
{
    QHash<int, QByteArray> names = LiveTableModel::roleNames();
    names.insert({
        {SerialRole, "serial"},
        {StateRole, "state"},
        {BatteryRole, "battery"},
        {LatitudeRole, "latitude"},
        {LongitudeRole, "longitude"},
        {AltitudeRole, "altitude"},
        {SpeedRole, "speed"},
        {LastUpdateRole, "lastUpdate"},
        {BuildPercentRole, "buildPercent"},
        {BuildStageRole, "buildStage"},
        {BuildAssemblyRole, "buildAssembly"},
        {BuildEtaRole, "buildEta"},
        {CpuRole, "cpu"},
        {MemoryRole, "memory"},
        {StorageRole, "storage"},
        {TemperatureRole, "temperature"},
        {MissionRole, "mission"},
        {MissionStatusRole, "missionStatus"},
        {MissionProgressRole, "missionProgress"},
    });
    return names;
}

DroneModel::Counted DroneModel::countedOf(const Drone &drone)
{
    return {drone.status.state, drone.status.battery < kLowBatteryPercent,
            drone.build && drone.build->percent < 100 && drone.build->stage != u"done"};
}

void DroneModel::count(const Counted &c, int sign)
{
    m_stateCounts[size_t(c.state)] += sign;
    m_lowBattery += c.lowBattery ? sign : 0;
    m_buildsInProgress += c.building ? sign : 0;
}

void DroneModel::mergeStatus(Drone &d, const Domain::DroneStatus &s, QList<int> &roles)
{
    Domain::DroneStatus &o = d.status;
    const int display = Qt::DisplayRole;
    set(o.state, s.state, roles, {StateRole, display, SortRole});
    set(o.battery, s.battery, roles, {BatteryRole, display, SortRole});
    set(o.location.lat, s.location.lat, roles, {LatitudeRole, display, SortRole});
    set(o.location.lon, s.location.lon, roles, {LongitudeRole, display});
    set(o.location.alt, s.location.alt, roles, {AltitudeRole, display});
    set(o.speed, s.speed, roles, {SpeedRole});
    set(o.timestamp, s.timestamp, roles, {LastUpdateRole, display, SortRole});
    o.quality = s.quality; // shown through StaleRole
    o.qualityReason = s.qualityReason;
}

void DroneModel::mergeBuild(Drone &d, const Domain::DroneBuildProgress &b, QList<int> &roles)
{
    if (!d.build) {
        d.build = b;
        for (int role : std::initializer_list<int> {BuildPercentRole, BuildStageRole, BuildAssemblyRole, BuildEtaRole,
                                                    Qt::DisplayRole, SortRole})
            addRole(roles, role);
        return;
    }
    set(d.build->percent, b.percent, roles, {BuildPercentRole, Qt::DisplayRole, SortRole});
    set(d.build->stage, b.stage, roles, {BuildStageRole});
    set(d.build->assembly, b.assembly, roles, {BuildAssemblyRole});
    set(d.build->eta, b.eta, roles, {BuildEtaRole});
    d.build->timestamp = b.timestamp;
}

void DroneModel::mergeHealth(Drone &d, const Domain::DroneHealth &h, QList<int> &roles)
{
    if (!d.health) {
        d.health = h;
        for (int role : std::initializer_list<int> {CpuRole, MemoryRole, StorageRole, TemperatureRole})
            addRole(roles, role);
        return;
    }
    set(d.health->cpu, h.cpu, roles, {CpuRole});
    set(d.health->memory, h.memory, roles, {MemoryRole});
    set(d.health->storage, h.storage, roles, {StorageRole});
    set(d.health->temperature, h.temperature, roles, {TemperatureRole});
    d.health->timestamp = h.timestamp;
}

void DroneModel::mergeOperation(Drone &d, const Domain::DroneOperation &o, QList<int> &roles)
{
    if (!d.operation) {
        d.operation = o;
        for (int role : std::initializer_list<int> {MissionRole, MissionStatusRole, MissionProgressRole,
                                                    Qt::DisplayRole, SortRole})
            addRole(roles, role);
        return;
    }
    set(d.operation->mission, o.mission, roles, {MissionRole, Qt::DisplayRole, SortRole});
    set(d.operation->status, o.status, roles, {MissionStatusRole});
    set(d.operation->progress, o.progress, roles, {MissionProgressRole});
    d.operation->timestamp = o.timestamp;
}

void DroneModel::record(const Drone &d, bool battery, bool temperature)
{
    if (battery)
        m_history.append(d.status.serial, BatteryRole, sampleTime(d.status.timestamp), d.status.battery);
    if (temperature && d.health)
        m_history.append(d.status.serial, TemperatureRole, sampleTime(d.health->timestamp), d.health->temperature);
}

void DroneModel::reconcile(const Batch &snapshot)
{
    QSet<QString> present;
    present.reserve(snapshot.statuses.size());
    for (const auto &d : snapshot.statuses)
        present.insert(d.serial);
    for (int row = 0; row < m_drones.size(); ++row) {
        if (!present.contains(keyAt(row)))
            count(countedOf(m_drones.at(row)), -1);
    }
    m_history.removeEntities(removeRowsNotIn(present));
    applyBatch(snapshot);
}

void DroneModel::removeItems(int first, int count)
{
    m_drones.remove(first, count);
}

void DroneModel::applyBatch(const Batch &batch)
{
    if (batch.isEmpty())
        return;
    const qint64 t = now();
    QHash<int, QList<int>> changed; // row → roles
    QHash<int, Counted> countedBefore;
    QSet<int> batteryReported, temperatureReported;
    QHash<int, bool> heard; // row → whether its latest status said the source is lost
    QList<Drone> added;
    QHash<QString, qsizetype> addedIndex;
    QSet<QString> addedLost; // drones this batch adds whose latest status said the source is lost

    // Finds the drone a report is about: a known row, or one this batch adds.
    const auto target = [&](const QString &serial, int *row) -> Drone * {
        *row = rowOf(serial);
        if (*row >= 0) {
            if (!countedBefore.contains(*row))
                countedBefore.insert(*row, countedOf(m_drones.at(*row)));
            return &m_drones[*row];
        }
        const auto it = addedIndex.constFind(serial);
        return it == addedIndex.cend() ? nullptr : &added[*it];
    };

    for (const auto &status : batch.statuses) {
        // A status of quality stale is the drone's last known one: shown,
        // but no new reading for the history, and the drone is stale now.
        const bool lost = status.quality == Domain::Quality::Stale;
        int row = -1;
        Drone *d = target(status.serial, &row);
        if (row < 0) {
            if (lost)
                addedLost.insert(status.serial);
            else
                addedLost.remove(status.serial);
        }
        if (!d) {
            addedIndex.insert(status.serial, added.size());
            added.append(Drone {status, {}, {}, {}});
            continue;
        }
        QList<int> scratch;
        mergeStatus(*d, status, row >= 0 ? changed[row] : scratch);
        if (row >= 0) {
            heard.insert(row, lost);
            if (!lost)
                batteryReported.insert(row);
        }
    }
    const auto details = [&](const auto &list, auto merge, QSet<int> *reported) {
        for (const auto &item : list) {
            int row = -1;
            Drone *d = target(item.serial, &row);
            if (!d)
                continue; // details of a drone whose status has not arrived
            QList<int> scratch;
            merge(*d, item, row >= 0 ? changed[row] : scratch);
            if (reported && row >= 0)
                reported->insert(row);
        }
    };
    details(batch.builds, &DroneModel::mergeBuild, nullptr);
    details(batch.health, &DroneModel::mergeHealth, &temperatureReported);
    details(batch.operations, &DroneModel::mergeOperation, nullptr);

    for (auto it = heard.cbegin(); it != heard.cend(); ++it) {
        const int row = it.key();
        const bool staleBefore = isStale(row);
        if (it.value())
            markSourceLost(row);
        else
            markHeard(row, t);
        if (isStale(row) != staleBefore) {
            addRole(changed[row], StaleRole);
            addRole(changed[row], Qt::DisplayRole);
        }
    }
    for (auto it = countedBefore.cbegin(); it != countedBefore.cend(); ++it) {
        count(it.value(), -1);
        count(countedOf(m_drones.at(it.key())), +1);
        record(m_drones.at(it.key()), batteryReported.contains(it.key()), temperatureReported.contains(it.key()));
    }
    changed.removeIf([](const auto &it) { return it.value().isEmpty(); });
    emitRowChanges(std::move(changed));

    if (!added.isEmpty()) {
        QStringList keys;
        keys.reserve(added.size());
        for (const Drone &d : std::as_const(added)) {
            keys.append(d.status.serial);
            count(countedOf(d), +1);
            record(d, !addedLost.contains(d.status.serial), true);
        }
        appendRows(
            keys, [&] { m_drones.append(std::move(added)); }, addedLost);
    }
    Q_EMIT contentsUpdated();
}
