#include "reconnector.h"

#include <QRandomGenerator>

#include <algorithm>

Reconnector::Reconnector(QObject *parent, RandomSource random)
    : QObject(parent)
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [](qint64 bound) { return QRandomGenerator::global()->bounded(bound); };
    m_retryTimer.setSingleShot(true);
    m_stableTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Reconnector::retryDue);
    connect(&m_stableTimer, &QTimer::timeout, this, &Reconnector::stable);
}

void Reconnector::setBackoff(int baseMs, qint64 capMs)
{
    m_baseMs = baseMs;
    m_capMs = capMs;
}

qint64 Reconnector::ceilingFor(int attempt, int baseMs, qint64 capMs)
{
    const int shift = std::clamp(attempt, 0, 16);
    return std::min<qint64>(capMs, qint64(baseMs) << shift);
}

qint64 Reconnector::schedule()
{
    const qint64 delay = m_random(ceilingFor(m_attempt, m_baseMs, m_capMs) + 1);
    ++m_attempt;
    m_retryDeadline = QDeadlineTimer(delay);
    m_retryTimer.start(int(delay));
    return delay;
}

qint64 Reconnector::msUntilRetry() const
{
    return m_retryTimer.isActive() ? m_retryDeadline.remainingTime() : -1;
}
