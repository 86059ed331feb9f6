#include "orphanbuffer.h"

OrphanBuffer::OrphanBuffer(qsizetype capacity)
    : m_capacity(capacity)
{ }

void OrphanBuffer::keep(const Domain::Telemetry &telemetry, const QDateTime &arrivedUtc, qint64 arrivedMs)
{
    auto it = m_entries.find(telemetry.endpointId);
    if (it != m_entries.end()) {
        Entry entry {telemetry, arrivedUtc, arrivedMs};
        // A report that the source is lost, without a value: the value
        // kept is still the last known one.
        if (std::holds_alternative<std::monostate>(telemetry.value)) {
            entry.telemetry.value = it->entry.telemetry.value;
            entry.telemetry.timestamp = it->entry.telemetry.timestamp;
        }
        it->entry = std::move(entry);
        return;
    }
    // Bounded: a server that streams telemetry for endpoints it never lists
    // costs at most m_capacity values; the longest kept go first.
    const quint64 serial = ++m_serial;
    m_entries.insert(telemetry.endpointId, {{telemetry, arrivedUtc, arrivedMs}, serial});
    m_order.append({telemetry.endpointId, serial});
    while (m_entries.size() > m_capacity) {
        const auto [id, oldest] = m_order.takeFirst();
        if (auto o = m_entries.constFind(id); o != m_entries.cend() && o->serial == oldest)
            m_entries.erase(o);
    }
    // Entries of values since taken linger in the order list; drop them once
    // they outnumber the live ones.
    if (m_order.size() > 2 * m_capacity) {
        m_order.removeIf([this](const auto &entry) {
            const auto o = m_entries.constFind(entry.first);
            return o == m_entries.cend() || o->serial != entry.second;
        });
    }
}

std::optional<OrphanBuffer::Entry> OrphanBuffer::take(const QString &endpointId)
{
    auto it = m_entries.find(endpointId);
    if (it == m_entries.end())
        return std::nullopt;
    Entry entry = std::move(it->entry);
    m_entries.erase(it);
    return entry;
}

void OrphanBuffer::clear()
{
    m_entries.clear();
    m_order.clear();
}
