#include "heartbeat.h"

#include <algorithm>

Heartbeat::Heartbeat(int maxPeriodMs, QObject *parent)
    : QObject(parent)
    , m_maxPeriodMs(maxPeriodMs)
{
    connect(&m_beat, &QTimer::timeout, this, &Heartbeat::beat);
    m_silence.setSingleShot(true);
    m_silence.setTimerType(Qt::PreciseTimer);
    connect(&m_silence, &QTimer::timeout, this, &Heartbeat::checkSilence);
}

void Heartbeat::start(int periodMs)
{
    m_beat.start(std::clamp(periodMs, 1, m_maxPeriodMs));
    armSilenceCheck();
}

void Heartbeat::stop()
{
    m_beat.stop();
    m_silence.stop();
}

void Heartbeat::armSilenceCheck()
{
    // Checked when two periods since the last sign of life would be over,
    // not once a period, so that silence is found after two periods, not up to three.
    const qint64 limit = 2 * qint64(m_beat.interval());
    const qint64 left = m_lastHeard.isValid() ? limit - m_lastHeard.elapsed() : limit;
    m_silence.start(int(std::max<qint64>(1, left)));
}

void Heartbeat::checkSilence()
{
    if (m_lastHeard.isValid() && m_lastHeard.elapsed() >= 2 * qint64(m_beat.interval())) {
        Q_EMIT silent(m_lastHeard.elapsed());
        return;
    }
    armSilenceCheck();
}
