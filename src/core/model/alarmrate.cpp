#include "alarmrate.h"

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
    const QDateTime now = m_clock();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    int activations = 0;
    for (const Domain::Alarm &alarm : changed) {
        if (alarm.state == Domain::AlarmState::Cleared) {
            m_counts.remove(alarm.alarmId);
            continue;
        }
        const auto known = m_counts.constFind(alarm.alarmId);
        if (known == m_counts.cend()) {
            m_counts.insert(alarm.alarmId, alarm.count);
            // A snapshot after connecting lists alarms raised long before:
            // they did not reach the operator in this window.
            if (alarm.timestamp.isValid() && alarm.timestamp.msecsTo(now) > kWindowMs)
                continue;
            ++activations;
        } else if (alarm.count > *known) {
            activations += int(alarm.count - *known);
            m_counts[alarm.alarmId] = alarm.count;
        }
    }
    record(nowMs, activations);
}

void AlarmRateMeter::refresh()
{
    update(m_clock().toMSecsSinceEpoch());
}

void AlarmRateMeter::record(qint64 nowMs, int activations)
{
    for (int i = 0; i < activations; ++i)
        m_times.push_back(nowMs);
    if (activations > 0)
        m_perMinute[nowMs / kMinuteMs] += activations;
    update(nowMs);
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

QList<int> AlarmRateMeter::perMinuteHistory() const
{
    const qint64 currentMinute = m_clock().toMSecsSinceEpoch() / kMinuteMs;
    QList<int> history;
    history.reserve(kHistoryMinutes);
    for (qint64 minute = currentMinute - kHistoryMinutes + 1; minute <= currentMinute; ++minute)
        history.append(m_perMinute.value(minute));
    return history;
}
