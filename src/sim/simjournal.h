#pragma once

#include "simevent.h"

#include <QtGlobal>

#include <deque>

// What the server published, kept once for every session: each event with
// its position (1, 2, … in publishing order) and the wall time it went out.
// Sessions number the events they are sent and keep only the positions
// (SimSession), so a thousand sessions cost a thousand small position lists
// and one journal, not a thousand copies. Bounded by count and by age; an
// event that is no longer kept cannot be replayed, and whoever needed it
// resyncs.
class SimJournal
{
public:
    struct Limits
    {
        qsizetype events = 10000;
        qint64 ageMs = 5 * 60 * 1000;
    };

    struct Entry
    {
        quint64 position;
        qint64 wallMs;
        SimEvent event;
    };

    explicit SimJournal(Limits limits);

    // Keeps `event`, sent at `wallMs`, and returns the entry; drops the
    // oldest beyond the count limit. The reference is valid until the next
    // append() or prune().
    const Entry &append(SimEvent event, qint64 wallMs);
    // The entry at `position`, or null when it is no longer (or not yet) kept.
    const Entry *at(quint64 position) const;
    // The oldest position kept; lastPosition() + 1 while nothing is kept.
    quint64 firstPosition() const { return m_entries.empty() ? m_last + 1 : m_entries.front().position; }
    quint64 lastPosition() const { return m_last; }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    // Drops what is older than the age limit at `wallMs`.
    void prune(qint64 wallMs);

private:
    Limits m_limits;
    quint64 m_last = 0;
    std::deque<Entry> m_entries;
};
