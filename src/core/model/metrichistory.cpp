#include "metrichistory.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

namespace {
constexpr qint64 kTickMs = 10;
constexpr qint64 kMaxTicks = std::numeric_limits<quint32>::max();
// Room for reports a server dated in the past (a replay, a clock behind);
// the rest of the 497 days of range lies ahead.
constexpr qint64 kPastMs = 400LL * 24 * 3600 * 1000;
} // namespace

MetricHistory::MetricHistory(qsizetype capacityPerSeries)
    : m_capacity(capacityPerSeries)
    // On a whole tick, so that times on whole ticks come back exactly.
    , m_baseMs((QDateTime::currentMSecsSinceEpoch() - kPastMs) / kTickMs * kTickMs)
{ }

void MetricHistory::append(const QString &entity, int metric, qint64 timeMs, double value)
{
    qint64 ticks = timeMs >= m_baseMs ? (timeMs - m_baseMs) / kTickMs : -1;
    if (ticks < 0 || ticks > kMaxTicks)
        ticks = std::clamp<qint64>((QDateTime::currentMSecsSinceEpoch() - m_baseMs) / kTickMs, 0, kMaxTicks);
    auto it = m_series.find({entity, metric});
    if (it == m_series.end())
        it = m_series.insert({entity, metric}, RingBuffer<Packed>(m_capacity));
    it->append({quint32(ticks), float(value)});
}

QList<MetricHistory::Sample> MetricHistory::series(const QString &entity, int metric) const
{
    QList<Sample> out;
    const auto it = m_series.constFind({entity, metric});
    if (it == m_series.cend())
        return out;
    out.reserve(it->size());
    for (qsizetype i = 0; i < it->size(); ++i) {
        const Packed &p = it->at(i);
        out.append({m_baseMs + qint64(p.ticks) * kTickMs, double(p.value)});
    }
    return out;
}

qsizetype MetricHistory::sampleCount(const QString &entity, int metric) const
{
    const auto it = m_series.constFind({entity, metric});
    return it == m_series.cend() ? 0 : it->size();
}

void MetricHistory::removeEntities(const QSet<QString> &entities)
{
    if (entities.isEmpty())
        return;
    m_series.removeIf([&](const auto &it) { return entities.contains(it.key().entity); });
}
