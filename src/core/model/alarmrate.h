#pragma once

#include "alarmmodel.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

// How many alarms became active on this console in the last ten minutes,
// measured against the EEMUA 191 / ISA-18.2 figures an operator can handle:
// about one per ten minutes is acceptable, more than ten is a flood. An
// activation is an alarm first seen, or a rise of an alarm's `count` (a
// chattering alarm stays one row but each of its activations counts). Times
// are this console's wall clock when the change arrived, never the server's.
class AlarmRateMeter : public QObject
{
    Q_OBJECT

public:
    enum class Rate { Acceptable, Manageable, Flood };
    Q_ENUM(Rate)

    static constexpr qint64 kWindowMs = 10 * 60 * 1000;
    static constexpr int kAcceptableMax = 1; // per window
    static constexpr int kManageableMax = 10; // above: a flood
    static constexpr int kHistoryMinutes = 60;

    explicit AlarmRateMeter(QObject *parent = nullptr);
    // Follows the model's alarmsChanged; the model must outlive the meter or
    // be detached by destroying it first.
    explicit AlarmRateMeter(AlarmModel *model, QObject *parent = nullptr);

    // For tests: the wall clock (UTC) activations are stamped with.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Feeds the changes of one batch; what AlarmModel::alarmsChanged reports.
    void addChanges(const QList<Domain::Alarm> &changed);
    // Ages the window: activations older than ten minutes drop out. Runs on
    // a timer so the rate falls when nothing new arrives; tests call it.
    void refresh();

    int activationsInLast10Minutes() const { return int(m_times.size()); }
    Rate rate() const { return m_rate; }
    static Rate classify(int activations);

    // Activations per minute of the last kHistoryMinutes minutes, oldest
    // first; the last entry is the current minute.
    QList<int> perMinuteHistory() const;

Q_SIGNALS:
    void activationsChanged(int activationsInLast10Minutes);
    void rateChanged(AlarmRateMeter::Rate rate);

private:
    void record(qint64 nowMs, int activations);
    void update(qint64 nowMs);

    std::function<QDateTime()> m_clock;
    std::deque<qint64> m_times; // ms since the epoch, oldest first, within the window
    QHash<qint64, int> m_perMinute; // minute since the epoch → activations
    QHash<QString, qint64> m_counts; // alarmId → last `count` seen
    Rate m_rate = Rate::Acceptable;
    int m_lastActivations = 0;
    QTimer m_ageTimer;
};
