#pragma once

#include <QElapsedTimer>

#include <functional>
#include <limits>
#include <memory>

// When data counts as stale: not heard from within three of its expected
// reporting periods, or at any time the link is not live. Ages are measured
// on this console's monotonic clock from when a report arrived, so a
// server's clock can never make data look fresh.
class StalenessPolicy
{
public:
    StalenessPolicy()
        : m_clock([timer = std::make_shared<QElapsedTimer>()] {
            if (!timer->isValid())
                timer->start();
            return timer->elapsed();
        })
    { }

    static constexpr int kPeriodsBeforeStale = 3;

    // 0: the data has no cadence (alarms, commands) and is stale only while
    // the link is down.
    void setExpectedPeriodMs(qint64 ms) { m_periodMs = ms; }
    qint64 expectedPeriodMs() const { return m_periodMs; }
    void setLinkLive(bool live) { m_linkLive = live; }
    bool linkLive() const { return m_linkLive; }
    // Everything received up to `ms` (this clock) is stale until heard of
    // again: after an outage on a link that sends no snapshot, nothing
    // confirms what was known before it.
    void setUnconfirmedUpTo(qint64 ms) { m_unconfirmedUpToMs = ms; }
    // For tests: the clock that ages reports (ms, monotonic).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    bool isStale(qint64 receivedMs, qint64 now) const
    {
        return !m_linkLive || receivedMs <= m_unconfirmedUpToMs
            || (m_periodMs > 0 && now - receivedMs > kPeriodsBeforeStale * m_periodMs);
    }

private:
    std::function<qint64()> m_clock;
    qint64 m_periodMs = 0;
    bool m_linkLive = true;
    qint64 m_unconfirmedUpToMs = std::numeric_limits<qint64>::min();
};
