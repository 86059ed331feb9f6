#include "model/alarmmodel.h"
#include "model/alarmrate.h"

#include <QSignalSpy>
#include <QTest>

#include <numeric>

using Domain::Alarm;
using Domain::AlarmState;
using Rate = AlarmRateMeter::Rate;

namespace {

const QDateTime start(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Alarm alarm(const QString &id, qint64 count = 1, const QDateTime &raised = start,
            AlarmState state = AlarmState::ActiveUnacked)
{
    Alarm a;
    a.alarmId = id;
    a.count = count;
    a.timestamp = raised;
    a.state = state;
    a.message = QStringLiteral("m");
    return a;
}

} // namespace

class TestAlarmRate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void classifiesAgainstTheEemuaFigures();
    void countsNewAlarmsAndRisingCounts();
    void activationsAgeOutOfTheWindow();
    void snapshotOfOldAlarmsIsNoFlood();
    void floodFromTheModelSignals();
    void keepsABoundedPerMinuteHistory();
    void firstSeenAlarmsCountWhenTheyWereRaised();
    void countsTheAlarmsAModelAlreadyHolds();

private:
    QDateTime m_now;
    std::function<QDateTime()> clock()
    {
        return [this] { return m_now; };
    }
};

void TestAlarmRate::init()
{
    m_now = start;
}

void TestAlarmRate::classifiesAgainstTheEemuaFigures()
{
    QCOMPARE(AlarmRateMeter::classify(0), Rate::Acceptable);
    QCOMPARE(AlarmRateMeter::classify(1), Rate::Acceptable);
    QCOMPARE(AlarmRateMeter::classify(2), Rate::Manageable);
    QCOMPARE(AlarmRateMeter::classify(10), Rate::Manageable);
    QCOMPARE(AlarmRateMeter::classify(11), Rate::Flood);
}

void TestAlarmRate::countsNewAlarmsAndRisingCounts()
{
    AlarmRateMeter meter;
    meter.setClock(clock());
    QSignalSpy rates(&meter, &AlarmRateMeter::rateChanged);
    QSignalSpy counts(&meter, &AlarmRateMeter::activationsChanged);

    meter.addChanges({alarm(QStringLiteral("a"))});
    QCOMPARE(meter.activationsInLast10Minutes(), 1);
    QCOMPARE(meter.rate(), Rate::Acceptable);
    QCOMPARE(rates.count(), 0);

    // Acknowledging changes the alarm but is no activation.
    Alarm acked = alarm(QStringLiteral("a"));
    acked.state = AlarmState::ActiveAcked;
    meter.addChanges({acked});
    QCOMPARE(meter.activationsInLast10Minutes(), 1);

    // A chattering alarm: one row, each rise of its count an activation.
    meter.addChanges({alarm(QStringLiteral("a"), 4)});
    QCOMPARE(meter.activationsInLast10Minutes(), 4);
    QCOMPARE(meter.rate(), Rate::Manageable);
    QCOMPARE(rates.count(), 1);
    QCOMPARE(rates.last().at(0).value<Rate>(), Rate::Manageable);

    // Cleared, then raised again under the same id: a new activation.
    meter.addChanges({alarm(QStringLiteral("a"), 4, start, AlarmState::Cleared)});
    QCOMPARE(meter.activationsInLast10Minutes(), 4);
    meter.addChanges({alarm(QStringLiteral("a"), 5)});
    QCOMPARE(meter.activationsInLast10Minutes(), 5);
    QCOMPARE(counts.last().at(0).toInt(), 5);
}

void TestAlarmRate::activationsAgeOutOfTheWindow()
{
    AlarmRateMeter meter;
    meter.setClock(clock());
    QList<Alarm> burst;
    for (int i = 0; i < 11; ++i)
        burst.append(alarm(QStringLiteral("f%1").arg(i)));
    meter.addChanges(burst);
    QCOMPARE(meter.activationsInLast10Minutes(), 11);
    QCOMPARE(meter.rate(), Rate::Flood);

    QSignalSpy rates(&meter, &AlarmRateMeter::rateChanged);
    m_now = start.addSecs(5 * 60);
    meter.addChanges({alarm(QStringLiteral("late"), 1, m_now)});
    QCOMPARE(meter.activationsInLast10Minutes(), 12);

    m_now = start.addMSecs(AlarmRateMeter::kWindowMs - 1);
    meter.refresh();
    QCOMPARE(meter.activationsInLast10Minutes(), 12);
    m_now = start.addMSecs(AlarmRateMeter::kWindowMs);
    meter.refresh();
    QCOMPARE(meter.activationsInLast10Minutes(), 1);
    QCOMPARE(meter.rate(), Rate::Acceptable);
    QCOMPARE(rates.count(), 1);
    QCOMPARE(rates.first().at(0).value<Rate>(), Rate::Acceptable);
    m_now = start.addSecs(15 * 60);
    meter.refresh();
    QCOMPARE(meter.activationsInLast10Minutes(), 0);
}

void TestAlarmRate::snapshotOfOldAlarmsIsNoFlood()
{
    AlarmRateMeter meter;
    meter.setClock(clock());
    m_now = start.addSecs(3600);
    QList<Alarm> snapshot;
    for (int i = 0; i < 20; ++i)
        snapshot.append(alarm(QStringLiteral("old%1").arg(i)));
    meter.addChanges(snapshot);
    QCOMPARE(meter.activationsInLast10Minutes(), 0);
    // Known now: a later rise of their count does count.
    meter.addChanges({alarm(QStringLiteral("old3"), 3)});
    QCOMPARE(meter.activationsInLast10Minutes(), 2);
}

void TestAlarmRate::floodFromTheModelSignals()
{
    AlarmModel model;
    AlarmRateMeter meter(&model);
    meter.setClock(clock());
    QSignalSpy rates(&meter, &AlarmRateMeter::rateChanged);
    // A slot on either signal reads both figures current.
    QList<Rate> seenWithCount;
    connect(&meter, &AlarmRateMeter::activationsChanged, this, [&] { seenWithCount.append(meter.rate()); });
    QList<Alarm> flood;
    for (int i = 0; i < 23; ++i)
        flood.append(alarm(QStringLiteral("a%1").arg(i)));
    model.applyBatch(flood);
    QCOMPARE(meter.activationsInLast10Minutes(), 23);
    QCOMPARE(meter.rate(), Rate::Flood);
    QCOMPARE(rates.count(), 1);
    QCOMPARE(seenWithCount, QList<Rate> {Rate::Flood});
}

void TestAlarmRate::keepsABoundedPerMinuteHistory()
{
    AlarmRateMeter meter;
    meter.setClock(clock());
    meter.addChanges({alarm(QStringLiteral("a")), alarm(QStringLiteral("b"))});
    m_now = start.addSecs(60);
    meter.addChanges({alarm(QStringLiteral("c"), 1, m_now)});
    QList<int> history = meter.perMinuteHistory();
    QCOMPARE(history.size(), AlarmRateMeter::kHistoryMinutes);
    QCOMPARE(history.last(), 1);
    QCOMPARE(history.at(history.size() - 2), 2);
    QCOMPARE(std::accumulate(history.cbegin(), history.cend(), 0), 3);

    // An hour on, the first minute has left the history.
    m_now = start.addSecs(60 * AlarmRateMeter::kHistoryMinutes);
    meter.refresh();
    history = meter.perMinuteHistory();
    QCOMPARE(history.size(), AlarmRateMeter::kHistoryMinutes);
    QCOMPARE(history.first(), 1);
    QCOMPARE(std::accumulate(history.cbegin(), history.cend(), 0), 1);
}

void TestAlarmRate::firstSeenAlarmsCountWhenTheyWereRaised()
{
    AlarmRateMeter meter;
    meter.setClock(clock());
    m_now = start.addSecs(30 * 60);
    QSignalSpy history(&meter, &AlarmRateMeter::historyChanged);
    // A snapshot after a reconnect: two raised 3 minutes ago while the link
    // was down, one 20 minutes ago, one stamped by a server clock 2 minutes
    // ahead of ours, and one returned to normal but not acknowledged yet.
    meter.addChanges(
        {alarm(QStringLiteral("a"), 1, m_now.addSecs(-3 * 60)), alarm(QStringLiteral("b"), 1, m_now.addSecs(-3 * 60)),
         alarm(QStringLiteral("c"), 1, m_now.addSecs(-20 * 60)), alarm(QStringLiteral("d"), 1, m_now.addSecs(2 * 60)),
         alarm(QStringLiteral("e"), 1, m_now.addSecs(-60), AlarmState::RtnUnacked)});
    QCOMPARE(meter.activationsInLast10Minutes(), 4); // not c
    QCOMPARE(history.count(), 1);
    const QList<int> minutes = meter.perMinuteHistory();
    QCOMPARE(minutes.constLast(), 1); // d, as now
    QCOMPARE(minutes.at(minutes.size() - 2), 1); // e
    QCOMPARE(minutes.at(minutes.size() - 4), 2); // a and b, in the minute they were raised
    QCOMPARE(minutes.at(minutes.size() - 21), 1); // c: in the hour, not in the window
    QCOMPARE(std::accumulate(minutes.cbegin(), minutes.cend(), 0), 5);
    // Only in the hour's history, yet the chart must hear of it.
    meter.addChanges({alarm(QStringLiteral("f"), 1, m_now.addSecs(-40 * 60))});
    QCOMPARE(meter.activationsInLast10Minutes(), 4);
    QCOMPARE(history.count(), 2);

    // a and b leave the window ten minutes after they were raised, not after we saw them.
    m_now = m_now.addSecs(7 * 60);
    meter.refresh();
    QCOMPARE(meter.activationsInLast10Minutes(), 2); // d and e
    // A rise of a count has no time of its own: it is now.
    meter.addChanges({alarm(QStringLiteral("c"), 3, start)});
    QCOMPARE(meter.activationsInLast10Minutes(), 4);
    QCOMPARE(meter.perMinuteHistory().constLast(), 2);
}

void TestAlarmRate::countsTheAlarmsAModelAlreadyHolds()
{
    AlarmModel model;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.applyBatch({alarm(QStringLiteral("a"), 1, now.addSecs(-60)), alarm(QStringLiteral("b"), 1, now),
                      alarm(QStringLiteral("old"), 1, now.addSecs(-2 * 3600))});
    AlarmRateMeter meter(&model);
    QCOMPARE(meter.activationsInLast10Minutes(), 2);
    const QList<int> history = meter.perMinuteHistory();
    QCOMPARE(std::accumulate(history.cbegin(), history.cend(), 0), 2);
}

QTEST_GUILESS_MAIN(TestAlarmRate)
#include "tst_alarmrate.moc"
