#include "dronemodel.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QSet>

#include <memory>

#include <algorithm>

DroneModel::DroneModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_clock = [timer = std::make_shared<QElapsedTimer>()] {
        if (!timer->isValid())
            timer->start();
        return timer->elapsed();
    };
}

bool DroneModel::computeStale(qint64 receivedMs, qint64 now) const
{
    return !m_linkLive || now - receivedMs > 3 * m_expectedPeriodMs;
}

void DroneModel::setLinkLive(bool live)
{
    if (m_linkLive == live)
        return;
    m_linkLive = live;
    refreshStaleness();
}

void DroneModel::refreshStaleness()
{
    const qint64 now = m_clock();
    QList<int> changed;
    for (int row = 0; row < m_fresh.size(); ++row) {
        const bool stale = computeStale(m_fresh.at(row).receivedMs, now);
        if (stale != m_fresh.at(row).stale) {
            m_fresh[row].stale = stale;
            changed.append(row);
        }
    }
    emitChangedRanges(std::move(changed), {StaleRole, Qt::DisplayRole});
}

int DroneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_drones.size());
}

int DroneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DroneModel::stateText(Protocol::DroneState state)
{
    using S = Protocol::DroneState;
    switch (state) {
    case S::Idle:
        return tr("Idle");
    case S::Flying:
        return tr("Flying");
    case S::Charging:
        return tr("Charging");
    case S::Maintenance:
        return tr("Maintenance");
    case S::Offline:
        return tr("Offline");
    case S::Error:
        return tr("Error");
    }
    return {};
}

QVariant DroneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Protocol::DroneStatus &d = m_drones.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SerialColumn:
            return d.serial;
        case StateColumn:
            return stateText(d.state);
        case BatteryColumn:
            return tr("%1 %").arg(qRound(d.battery));
        case LocationColumn:
            return tr("%1°, %2° · %3 m")
                .arg(QLocale().toString(d.location.lat, 'f', 5), QLocale().toString(d.location.lon, 'f', 5),
                     QLocale().toString(qRound(d.location.alt)));
        case LastUpdateColumn: {
            const QString time = d.timestamp.isValid()
                ? QLocale().toString(d.timestamp.toLocalTime().time(), QStringLiteral("HH:mm:ss"))
                : QString();
            return m_fresh.at(index.row()).stale ? tr("%1 (stale)").arg(time) : time;
        }
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case SerialColumn:
            return d.serial;
        case StateColumn:
            return int(d.state);
        case BatteryColumn:
            return d.battery;
        case LocationColumn:
            return d.location.lat;
        case LastUpdateColumn:
            return d.timestamp;
        }
        return {};
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
    case StaleRole:
        return m_fresh.at(index.row()).stale;
    case AgeRole:
        return m_clock() - m_fresh.at(index.row()).receivedMs;
    }
    return {};
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
    case LastUpdateColumn:
        return tr("Last update");
    }
    return {};
}

QHash<int, QByteArray> DroneModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
        {SerialRole, "serial"},
        {StateRole, "state"},
        {BatteryRole, "battery"},
        {LatitudeRole, "latitude"},
        {LongitudeRole, "longitude"},
        {AltitudeRole, "altitude"},
        {SpeedRole, "speed"},
        {LastUpdateRole, "lastUpdate"},
        {SortRole, "sortValue"},
        {StaleRole, "stale"},
        {AgeRole, "age"},
    });
    return names;
}

void DroneModel::reconcile(const QList<Protocol::DroneStatus> &snapshot)
{
    QSet<QString> present;
    present.reserve(snapshot.size());
    for (const auto &d : snapshot)
        present.insert(d.serial);

    // Remove rows the snapshot no longer lists, one contiguous block at a time,
    // from the bottom so the row numbers above stay valid.
    for (int row = int(m_drones.size()) - 1; row >= 0;) {
        if (present.contains(m_drones.at(row).serial)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !present.contains(m_drones.at(first - 1).serial))
            --first;
        beginRemoveRows({}, first, row);
        m_drones.remove(first, row - first + 1);
        m_fresh.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    rebuildIndex();
    applyBatch(snapshot);
}

void DroneModel::applyBatch(const QList<Protocol::DroneStatus> &reports)
{
    const qint64 now = m_clock();
    const bool stale = !m_linkLive;
    QList<int> changed;
    QList<Protocol::DroneStatus> added;
    QHash<QString, qsizetype> addedIndex;
    for (const auto &report : reports) {
        const int row = m_rowBySerial.value(report.serial, -1);
        if (row >= 0) {
            m_drones[row] = report;
            m_fresh[row] = {now, stale};
            changed.append(row);
        } else if (const auto it = addedIndex.constFind(report.serial); it != addedIndex.cend()) {
            added[*it] = report;
        } else {
            addedIndex.insert(report.serial, added.size());
            added.append(report);
        }
    }
    emitChangedRanges(std::move(changed));

    if (!added.isEmpty()) {
        const int first = int(m_drones.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (auto &d : added) {
            m_rowBySerial.insert(d.serial, int(m_drones.size()));
            m_drones.append(std::move(d));
            m_fresh.append({now, stale});
        }
        endInsertRows();
    }
}

void DroneModel::emitChangedRanges(QList<int> rows, const QList<int> &roles)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    qsizetype start = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows.at(i) != rows.at(i - 1) + 1) {
            Q_EMIT dataChanged(index(rows.at(start), 0), index(rows.at(i - 1), ColumnCount - 1), roles);
            start = i;
        }
    }
}

void DroneModel::rebuildIndex()
{
    m_rowBySerial.clear();
    m_rowBySerial.reserve(m_drones.size());
    for (int row = 0; row < m_drones.size(); ++row)
        m_rowBySerial.insert(m_drones.at(row).serial, row);
}
