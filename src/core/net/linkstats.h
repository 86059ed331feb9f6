#pragma once

#include <QElapsedTimer>

#include <array>
#include <functional>

// The link's figures for the operator: the round trip of the last ping,
// events per second over the last few seconds, and the outage clock (from
// losing a live link until it is live again). Bookkeeping only, no timers:
// the owner reports what happened, and time comes from a monotonic clock in
// milliseconds (injectable, so the figures can be checked). Used on the
// thread of the ConnectionService that owns it.
class LinkStats
{
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    // Without a clock: milliseconds since construction.
    explicit LinkStats(Clock clock = {});

    void setRoundTrip(qint64 ms) { m_roundTripMs = ms; }
    // The last round trip in ms, or -1 before the first.
    qint64 roundTripMs() const { return m_roundTripMs; }

    // One event applied from the server's stream, now.
    void countEvent();
    // Events per second over the last completed seconds (five of them); the
    // second still being counted does not take part.
    double eventsPerSecond() const;

    // The live link was lost: the outage clock starts (again, if it ran).
    void startOutage();
    // Live again: a running outage ends and becomes lastOutageMs().
    void endOutage();
    bool outageRunning() const { return m_outageStart >= 0; }
    // How long the running outage has lasted so far; -1 while none runs.
    qint64 currentOutageMs() const { return outageRunning() ? now() - m_outageStart : -1; }
    // How long the last outage lasted; -1 before any ended.
    qint64 lastOutageMs() const { return m_lastOutageMs; }

private:
    qint64 now() const;

    static constexpr qsizetype kBuckets = 6;

    Clock m_clock;
    QElapsedTimer m_sinceStart;
    qint64 m_roundTripMs = -1;
    // Events counted per second of the clock, in a ring of the last seconds.
    std::array<qint64, kBuckets> m_eventBuckets {};
    qint64 m_bucketSecond = 0;
    qint64 m_outageStart = -1;
    qint64 m_lastOutageMs = -1;
};
