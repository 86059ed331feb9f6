#include "simjournal.h"

#include <algorithm>

SimJournal::SimJournal(Limits limits)
    : m_limits(limits)
{
    m_limits.events = std::max<qsizetype>(1, m_limits.events); // append() returns what it kept
}

const SimJournal::Entry &SimJournal::append(SimEvent event, qint64 wallMs)
{
    m_entries.push_back({++m_last, wallMs, std::move(event)});
    while (qsizetype(m_entries.size()) > m_limits.events)
        m_entries.pop_front();
    return m_entries.back();
}

const SimJournal::Entry *SimJournal::at(quint64 position) const
{
    if (m_entries.empty() || position < m_entries.front().position || position > m_last)
        return nullptr;
    return &m_entries[size_t(position - m_entries.front().position)];
}

void SimJournal::prune(qint64 wallMs)
{
    while (!m_entries.empty() && wallMs - m_entries.front().wallMs > m_limits.ageMs)
        m_entries.pop_front();
}
