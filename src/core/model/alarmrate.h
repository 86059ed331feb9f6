#pragma once

#include "alarmmodel.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

// The console's one alarm rate: how many alarms became active in the last
// ten minutes, measured against the EEMUA 191 / ISA-18.2 figures an operator
// can handle (about one per ten minutes is acceptable, more than ten is a
// flood), and the activations of each minute of the last hour. The alarms
// view shows the first figure and the Overview charts the second, both read
// from the one meter the session owns, so the two screens never disagree.
//
// An activation is an alarm first seen (in any state but cleared), or a rise
// of an alarm's `count` (a chattering alarm stays one row but each of its
// activations counts). When it happened:
// - an alarm first seen activated when the server says it became active
//   (its `timestamp`), but never later than this console's clock: a
//   snapshot after (re)connecting lists alarms raised minutes before, and
//   they belong to those minutes, not to the moment of the reconnect — so
//   a reconnect is no flood, and the alarms raised while the link was down
//   still count for as long as they are in the window. A server clock ahead
//   of ours counts as now; one without a time counts as now;
// - a rise of the count carries no time of its own and is stamped with
//   this console's clock when it arrives.
// An activation older than the hour is not kept; one older than ten minutes
// only in the hour's history.
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
    // Follows the model's alarmsChanged, counting the alarms it holds already
    // as first seen; the model must outlive the meter or be detached by
    // destroying it first.
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
    // Where perMinuteHistory() ends: the start of the current minute, in ms
    // since the epoch, by the meter's clock.
    qint64 currentMinuteStartMs() const;

Q_SIGNALS:
    void activationsChanged(int activationsInLast10Minutes);
    void rateChanged(AlarmRateMeter::Rate rate);
    // Activations were counted (perMinuteHistory() changed), in the window or
    // only in the hour's history.
    void historyChanged();

private:
    bool record(qint64 atMs, qint64 nowMs, int activations);
    void update(qint64 nowMs);

    std::function<QDateTime()> m_clock;
    std::deque<qint64> m_times; // ms since the epoch, sorted oldest first, within the window
    QHash<qint64, int> m_perMinute; // minute since the epoch → activations
    QHash<QString, qint64> m_counts; // alarmId → last `count` seen
    Rate m_rate = Rate::Acceptable;
    int m_lastActivations = 0;
    QTimer m_ageTimer;
};
