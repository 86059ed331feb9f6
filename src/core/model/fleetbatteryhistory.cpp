#include "fleetbatteryhistory.h"

#include "dronemodel.h"

#include <QDateTime>

#include <algorithm>

FleetBatteryHistory::FleetBatteryHistory(const DroneModel *drones, std::function<bool()> live, QObject *parent)
    : QObject(parent)
    , m_drones(drones)
    , m_live(std::move(live))
    , m_samples(kDefaultCapacity)
{
    connect(&m_timer, &QTimer::timeout, this, &FleetBatteryHistory::sample);
    m_timer.start(kDefaultIntervalMs);
}

void FleetBatteryHistory::setSampling(int intervalMs, qsizetype capacity)
{
    m_samples = RingBuffer<MetricHistory::Sample>(capacity);
    m_timer.start(std::max(1, intervalMs));
    Q_EMIT changed();
}

void FleetBatteryHistory::sample()
{
    if (!m_live())
        return;
    double sum = 0.0;
    int reporting = 0;
    for (int row = 0; row < m_drones->rowCount(); ++row) {
        const Domain::DroneStatus &status = m_drones->droneAt(row).status;
        if (status.state == Domain::DroneState::Offline)
            continue;
        sum += status.battery;
        ++reporting;
    }
    if (reporting == 0)
        return;
    m_samples.append({QDateTime::currentMSecsSinceEpoch(), sum / reporting});
    Q_EMIT changed();
}
