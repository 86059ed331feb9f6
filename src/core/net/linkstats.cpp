#include "linkstats.h"

#include <algorithm>

LinkStats::LinkStats(Clock clock)
    : m_clock(std::move(clock))
{
    m_sinceStart.start();
}

qint64 LinkStats::now() const
{
    return m_clock ? m_clock() : m_sinceStart.elapsed();
}

void LinkStats::countEvent()
{
    const qint64 second = now() / 1000;
    if (second != m_bucketSecond) {
        // Seconds that passed without an event count none.
        for (qint64 s = std::max(m_bucketSecond + 1, second - kBuckets + 1); s <= second; ++s)
            m_eventBuckets[size_t(s % kBuckets)] = 0;
        m_bucketSecond = second;
    }
    ++m_eventBuckets[size_t(second % kBuckets)];
}

double LinkStats::eventsPerSecond() const
{
    // The completed seconds of the ring, not the one still being counted.
    const qint64 second = now() / 1000;
    const qint64 span = kBuckets - 1;
    qint64 total = 0;
    for (qint64 s = second - span; s < second; ++s) {
        if (s >= 0 && s <= m_bucketSecond && m_bucketSecond - s < kBuckets)
            total += m_eventBuckets[size_t(s % kBuckets)];
    }
    return double(total) / double(span);
}

void LinkStats::startOutage()
{
    m_outageStart = now();
}

void LinkStats::endOutage()
{
    if (m_outageStart < 0)
        return;
    m_lastOutageMs = now() - m_outageStart;
    m_outageStart = -1;
}
