#pragma once

#include "metrichistory.h"
#include "ringbuffer.h"

#include <QObject>
#include <QTimer>

#include <functional>

class DroneModel;

// The fleet's mean battery over time, for the Overview's trend: every
// interval while the data is live, the mean battery of the drones that are
// not offline (an offline drone's battery is as old as its last report) is
// appended to a ring of fixed capacity. While the data is not live nothing
// is appended, so the chart shows a gap rather than old values repeated.
// Kept by the session from its start, so a view opened later shows the
// history so far. Lives on its owner's thread.
class FleetBatteryHistory : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 5000;
    static constexpr qsizetype kDefaultCapacity = 720; // an hour at 5 s

    // `drones` is not owned and must outlive this; `live` says whether the
    // models hold current data now.
    FleetBatteryHistory(const DroneModel *drones, std::function<bool()> live, QObject *parent = nullptr);

    // Samples every `intervalMs` into a new ring of `capacity` (what was kept goes).
    void setSampling(int intervalMs, qsizetype capacity);
    const RingBuffer<MetricHistory::Sample> &samples() const { return m_samples; }
    int intervalMs() const { return m_timer.interval(); }

    // Takes one sample now, if the data is live and a drone reports; the timer calls it.
    void sample();

Q_SIGNALS:
    // A sample was appended, or the ring was replaced.
    void changed();

private:
    const DroneModel *m_drones;
    std::function<bool()> m_live;
    RingBuffer<MetricHistory::Sample> m_samples;
    QTimer m_timer;
};
