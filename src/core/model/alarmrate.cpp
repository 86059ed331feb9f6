#include "alarmrate.h"

#include <algorithm>

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

} // namespace

AlarmRateMeter::AlarmRateMeter(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    // Often enough that the figure on screen is never more than a few
    // seconds behind the window.
    m_ageTimer.setInterval(5000);
    connect(&m_ageTimer, &QTimer::timeout, this, &AlarmRateMeter::refresh);
    m_ageTimer.start();
}

AlarmRateMeter::AlarmRateMeter(AlarmModel *model, QObject *parent)
    : AlarmRateMeter(parent)
{
    connect(model, &AlarmModel::alarmsChanged, this, &AlarmRateMeter::addChanges);
    // Alarms the model holds already count as a snapshot's do: when they were raised.
    QList<Domain::Alarm> held;
    held.reserve(model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row)
        held.append(model->alarmAt(row));
    if (!held.isEmpty())
        addChanges(held);
}

AlarmRateMeter::Rate AlarmRateMeter::classify(int activations)
{
    if (activations <= kAcceptableMax)
        return Rate::Acceptable;
    if (activations <= kManageableMax)
        return Rate::Manageable;
    return Rate::Flood;
}

void AlarmRateMeter::addChanges(const QList<Domain::Alarm> &changed)
{
    const qint64 nowMs = m_clock().toMSecsSinceEpoch();
    bool counted = false;
    for (const Domain::Alarm &alarm : changed) {
        if (alarm.state == Domain::AlarmState::Cleared) {
            m_counts.remove(alarm.alarmId);
            continue;
        }
        const auto known = m_counts.constFind(alarm.alarmId);
        if (known == m_counts.cend()) {
            m_counts.insert(alarm.alarmId, alarm.count);
            // When it became active by the server, never in our future.
            const qint64 raisedMs
                = alarm.timestamp.isValid() ? std::min(alarm.timestamp.toMSecsSinceEpoch(), nowMs) : nowMs;
            counted = record(raisedMs, nowMs, 1) || counted;
        } else if (alarm.count > *known) {
            counted = record(nowMs, nowMs, int(alarm.count - *known)) || counted;
            m_counts[alarm.alarmId] = alarm.count;
        }
    }
    update(nowMs);
    if (counted)
        Q_EMIT historyChanged();
}

void AlarmRateMeter::refresh()
{
    update(m_clock().toMSecsSinceEpoch());
}

bool AlarmRateMeter::record(qint64 atMs, qint64 nowMs, int activations)
{
    if (activations <= 0 || atMs / kMinuteMs <= nowMs / kMinuteMs - kHistoryMinutes)
        return false; // before the hour
    m_perMinute[atMs / kMinuteMs] += activations;
    if (nowMs - atMs < kWindowMs) {
        // Kept sorted: an alarm first seen late may have activated before the last one counted.
        m_times.insert(std::upper_bound(m_times.begin(), m_times.end(), atMs), size_t(activations), atMs);
    }
    return true;
}

void AlarmRateMeter::update(qint64 nowMs)
{
    while (!m_times.empty() && nowMs - m_times.front() >= kWindowMs)
        m_times.pop_front();
    const qint64 oldestMinute = nowMs / kMinuteMs - kHistoryMinutes + 1;
    m_perMinute.removeIf([oldestMinute](const auto &entry) { return entry.key() < oldestMinute; });

    // Both figures are current before either signal goes out, so a slot
    // of one reads the other up to date.
    const int activations = activationsInLast10Minutes();
    const bool countChanged = activations != m_lastActivations;
    const Rate rate = classify(activations);
    const bool rateChanged = rate != m_rate;
    m_lastActivations = activations;
    m_rate = rate;
    if (countChanged)
        Q_EMIT activationsChanged(activations);
    if (rateChanged)
        Q_EMIT this->rateChanged(rate);
}

qint64 AlarmRateMeter::currentMinuteStartMs() const
{
    return m_clock().toMSecsSinceEpoch() / kMinuteMs * kMinuteMs;
}

QList<int> AlarmRateMeter::perMinuteHistory() const
{
    const qint64 currentMinute = m_clock().toMSecsSinceEpoch() / kMinuteMs;
    QList<int> history;
    history.reserve(kHistoryMinutes);
    for (qint64 minute = currentMinute - kHistoryMinutes + 1; minute <= currentMinute; ++minute)
        history.append(m_perMinute.value(minute));
    return history;
}
