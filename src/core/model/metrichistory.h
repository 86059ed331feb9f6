#pragma once

#include "ringbuffer.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

// Recent values of entity metrics (a drone's battery, an endpoint's value,
// a machine's utilization) for charts. Each series is a ring buffer of a
// fixed capacity, so memory stays bounded however long the console runs:
// about capacity × 8 bytes per series, allocated as the series fills.
class MetricHistory
{
public:
    struct Sample
    {
        qint64 timeMs = 0; // ms since the epoch, UTC
        double value = 0.0;
        bool operator==(const Sample &) const = default;
    };

    explicit MetricHistory(qsizetype capacityPerSeries = 240);

    qsizetype capacityPerSeries() const { return m_capacity; }
    // Applies to series created from now on; existing ones keep theirs.
    void setCapacityPerSeries(qsizetype capacity) { m_capacity = capacity; }

    // timeMs is the server's time of the sample. One that cannot be true
    // here (more than 400 days before this history was made, or beyond its
    // 497 days of range: a server clock at 1970 or in the far future) is kept
    // at this console's time of receipt instead, so it cannot squash the
    // other samples of any series.
    void append(const QString &entity, int metric, qint64 timeMs, double value);
    // Oldest first; empty for an unknown series.
    QList<Sample> series(const QString &entity, int metric) const;
    qsizetype sampleCount(const QString &entity, int metric) const;
    qsizetype seriesCount() const { return m_series.size(); }

    // The entity left the plant (a snapshot no longer lists it).
    void removeEntity(const QString &entity) { removeEntities({entity}); }
    void removeEntities(const QSet<QString> &entities);
    void clear() { m_series.clear(); }

private:
    // Stored compactly: 10 ms ticks since m_baseMs and a float, 8 bytes a
    // sample; enough for 497 days of running and for any chart's precision.
    // The base is this console's clock at construction less 400 days, never
    // a server's timestamp.
    struct Packed
    {
        quint32 ticks = 0;
        float value = 0.0f;
    };
    struct Key
    {
        QString entity;
        int metric = 0;
        bool operator==(const Key &) const = default;
    };
    friend size_t qHash(const Key &key, size_t seed = 0) noexcept { return qHashMulti(seed, key.entity, key.metric); }

    qsizetype m_capacity;
    qint64 m_baseMs;
    QHash<Key, RingBuffer<Packed>> m_series;
};
