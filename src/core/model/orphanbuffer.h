#pragma once

#include "domain/plant.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>

#include <optional>

// Contract: telemetry for endpoints the panel does not list (yet), the latest
// value per endpoint, for at most `capacity` endpoints. A newer value for an
// endpoint already kept replaces the older one but keeps its place in line;
// once more endpoints than the capacity are kept, those kept longest are
// dropped first. A newer report without a value (a stale one) keeps the
// value and time it replaces. take() hands an endpoint's value over once and
// forgets it.
class OrphanBuffer
{
public:
    struct Entry
    {
        Domain::Telemetry telemetry;
        QDateTime arrivedUtc; // when it arrived, for telemetry without a time of its own
        qint64 arrivedMs = 0; // the same on the monotonic clock
    };

    explicit OrphanBuffer(qsizetype capacity);

    void keep(const Domain::Telemetry &telemetry, const QDateTime &arrivedUtc, qint64 arrivedMs);
    std::optional<Entry> take(const QString &endpointId);
    bool contains(const QString &endpointId) const { return m_entries.contains(endpointId); }
    qsizetype size() const { return m_entries.size(); }
    qsizetype capacity() const { return m_capacity; }
    void clear();

private:
    struct Kept
    {
        Entry entry;
        quint64 serial = 0; // tells a kept value from an older one of the same endpoint in m_order
    };

    qsizetype m_capacity;
    QHash<QString, Kept> m_entries;
    QList<QPair<QString, quint64>> m_order; // oldest first
    quint64 m_serial = 0;
};
