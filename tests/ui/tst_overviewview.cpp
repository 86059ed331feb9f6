#include "alarmsview.h"
#include "kpitile.h"
#include "overviewview.h"
#include "services/session.h"
#include "simhost.h"
#include "theme.h"
#include "viewfactory.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

class TestOverviewView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tileShowsAbnormalAndStaleStates();
    void tilesFollowTheCountsAndGoStaleWhenTheServerStops();
    void chartsGainPointsAtMostOnceASecond();
    void alarmRateCountsNewActivationsOnly();
    void alarmRateIsTheAlarmsViewsRate();
    void tilesReflowWithTheWidth();
    void screenshot();
};

namespace {

using Kpi = OverviewView::Kpi;

ConnectionSettings settingsFor(const QString &url)
{
    ConnectionSettings s;
    s.url = QUrl(url);
    s.operatorName = QStringLiteral("alice");
    s.backoffBaseMs = 2000;
    s.backoffCapMs = 4000;
    return s;
}

SimOptions plant()
{
    SimOptions o;
    o.drones = 20;
    o.rate = 20.0;
    o.scenarios = {QStringLiteral("machine-breakdown")};
    return o;
}

// Every count tile against the session's counts: empty when all agree.
QString mismatches(const OverviewView &view, const PlantCounts &c)
{
    using Sev = Domain::AlarmSeverity;
    using DS = Domain::DroneState;
    using MS = Domain::MachineState;
    const std::pair<Kpi, int> expected[] = {
        {Kpi::AlarmsCritical, c.activeAlarms(Sev::Critical)},
        {Kpi::AlarmsHigh, c.activeAlarms(Sev::High)},
        {Kpi::AlarmsMedium, c.activeAlarms(Sev::Medium)},
        {Kpi::AlarmsLow, c.activeAlarms(Sev::Low)},
        {Kpi::AlarmsInfo, c.activeAlarms(Sev::Info)},
        {Kpi::AlarmsUnknown, c.activeAlarms(Sev::Unknown)},
        {Kpi::AlarmsUnacknowledged, c.unacknowledgedAlarms},
        {Kpi::DronesFlying, c.dronesByState.at(size_t(DS::Flying))},
        {Kpi::DronesCharging, c.dronesByState.at(size_t(DS::Charging))},
        {Kpi::DronesIdle, c.dronesByState.at(size_t(DS::Idle))},
        {Kpi::DronesMaintenance, c.dronesByState.at(size_t(DS::Maintenance))},
        {Kpi::DronesOffline, c.dronesByState.at(size_t(DS::Offline))},
        {Kpi::DronesError, c.dronesByState.at(size_t(DS::Error))},
        {Kpi::LowBattery, c.lowBattery},
        {Kpi::BuildsInProgress, c.buildsInProgress},
        {Kpi::MachinesRunning, c.machinesByStatus.at(size_t(MS::Running))},
        {Kpi::MachinesIdle, c.machinesByStatus.at(size_t(MS::Idle))},
        {Kpi::MachinesDown, c.machinesByStatus.at(size_t(MS::Down))},
        {Kpi::MachinesMaintenance, c.machinesByStatus.at(size_t(MS::Maintenance))},
        {Kpi::OperatorsOnline, c.operatorsOnline},
    };
    QString out;
    for (const auto &[kpi, value] : expected) {
        const KpiTile *tile = view.tile(kpi);
        if (tile->valueText() != QLocale().toString(value))
            out += QStringLiteral("%1 shows %2, counts say %3; ").arg(tile->label(), tile->valueText()).arg(value);
        if (value == 0 && tile->isAbnormal())
            out += QStringLiteral("%1 is abnormal at 0; ").arg(tile->label());
    }
    return out;
}

bool allStale(const OverviewView &view, bool stale)
{
    for (int k = 0; k < int(Kpi::Count); ++k) {
        if (view.tile(Kpi(k))->isStale() != stale)
            return false;
    }
    return true;
}

Domain::Alarm alarmAt(const QString &id, const QDateTime &raised, qint64 count = 1)
{
    Domain::Alarm a;
    a.alarmId = id;
    a.severity = Domain::AlarmSeverity::High;
    a.message = QStringLiteral("Pressure high");
    a.state = Domain::AlarmState::ActiveUnacked;
    a.timestamp = raised;
    a.count = count;
    return a;
}

} // namespace

void TestOverviewView::initTestCase()
{
    Theme::apply();
}

void TestOverviewView::tileShowsAbnormalAndStaleStates()
{
    KpiTile tile(QStringLiteral("Machines"), QStringLiteral("Down"));
    tile.resize(tile.sizeHint().expandedTo(QSize(180, 0)));
    tile.setValue(QStringLiteral("0"));
    QVERIFY(!tile.isAbnormal());
    QVERIFY(!tile.isStale());
    const QImage normal = tile.grab().toImage();

    tile.setValue(QStringLiteral("2"));
    tile.setLevel(KpiTile::Level::Alarm, QStringLiteral("Down"));
    QVERIFY(tile.isAbnormal());
    QCOMPARE(tile.levelText(), QStringLiteral("Down"));
    QVERIFY(tile.accessibleName().contains(QStringLiteral("Down")));
    // Not colour alone: the abnormal tile differs from a normal one with the
    // same number even in greyscale (the shape and the word).
    KpiTile twin(QStringLiteral("Machines"), QStringLiteral("Down"));
    twin.resize(tile.size());
    twin.setValue(QStringLiteral("2"));
    const QImage abnormalGrey = tile.grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    const QImage normalGrey = twin.grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    QVERIFY(abnormalGrey != normalGrey);
    QVERIFY(tile.grab().toImage() != normal);

    tile.setStale(true);
    QVERIFY(tile.isStale());
    QVERIFY(tile.accessibleName().contains(QStringLiteral("stale")));

    tile.setLevel(KpiTile::Level::Normal, QStringLiteral("ignored"));
    QVERIFY(!tile.isAbnormal());
    QVERIFY(tile.levelText().isEmpty());
}

void TestOverviewView::tilesFollowTheCountsAndGoStaleWhenTheServerStops()
{
    auto sim = std::make_unique<SimHost>(plant());
    QVERIFY(sim->listen());
    Session session;
    session.setSettings(settingsFor(sim->url()));
    OverviewView view(ViewFactory::overviewSources(&session));
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(allStale(view, true)); // nothing live before the first connection

    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 15000);
    QVERIFY(allStale(view, false));
    QTRY_COMPARE(session.counts().drones, 20);
    QVERIFY2(mismatches(view, session.counts()).isEmpty(), qPrintable(mismatches(view, session.counts())));
    QTRY_VERIFY(session.health()->hasReport());
    QCOMPARE(view.tile(Kpi::ServerCpu)->valueText(),
             QStringLiteral("%1 %").arg(QLocale().toString(session.health()->health().cpu, 'f', 0)));

    // The scenario breaks a machine down three world seconds in.
    const auto down = [&session] { return session.counts().machinesByStatus.at(size_t(Domain::MachineState::Down)); };
    QTRY_VERIFY_WITH_TIMEOUT(down() > 0, 30000);
    KpiTile *downTile = view.tile(Kpi::MachinesDown);
    QVERIFY(downTile->isAbnormal());
    QCOMPARE(downTile->level(), KpiTile::Level::Alarm);
    QCOMPARE(downTile->levelText(), QStringLiteral("Down"));
    QCOMPARE(downTile->valueText(), QLocale().toString(down()));
    QVERIFY(!view.tile(Kpi::MachinesRunning)->isAbnormal());
    QVERIFY(!view.tile(Kpi::BuildsInProgress)->isAbnormal());
    QVERIFY2(mismatches(view, session.counts()).isEmpty(), qPrintable(mismatches(view, session.counts())));

    const QString lastRunning = view.tile(Kpi::MachinesRunning)->valueText();
    sim.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!session.hasLiveData(), 15000);
    QVERIFY(allStale(view, true));
    // The last known values stay, marked stale; they are not wiped nor shown live.
    QCOMPARE(view.tile(Kpi::MachinesRunning)->valueText(), lastRunning);
    QVERIFY(view.tile(Kpi::MachinesRunning)->accessibleName().contains(QStringLiteral("stale")));
}

void TestOverviewView::chartsGainPointsAtMostOnceASecond()
{
    SimHost sim(plant());
    QVERIFY(sim.listen());
    Session session;
    session.setSettings(settingsFor(sim.url()));
    OverviewView view(ViewFactory::overviewSources(&session));
    session.fleetBattery()->setSampling(50, 8);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer clock;
    clock.start();
    const int redrawsBefore = view.chartRedraws();

    session.start();
    const QLineSeries *cpu = view.healthSeries(ServerHealthModel::CpuRole);
    QVERIFY(cpu);
    QVERIFY(view.healthSeries(ServerHealthModel::StorageRole));
    QVERIFY(!view.healthSeries(ServerHealthModel::LastUpdateRole));
    // A report every 250 ms at this rate, into the chart once a second.
    QTRY_VERIFY_WITH_TIMEOUT(cpu->count() >= 3, 15000);
    const int before = cpu->count();
    QTRY_VERIFY_WITH_TIMEOUT(cpu->count() > before, 15000);
    QCOMPARE(view.healthSeries(ServerHealthModel::MemoryRole)->count(), cpu->count());
    // The chart shows the model's history as of its last redraw (at most a second behind).
    const QList<MetricHistory::Sample> history
        = session.health()->history().series(ServerHealthModel::serverKey(), ServerHealthModel::CpuRole);
    QVERIFY(cpu->count() <= history.size());
    for (int i = 0; i < cpu->count(); ++i) {
        QCOMPARE(qint64(cpu->at(i).x()), history.at(i).timeMs);
        QCOMPARE(float(cpu->at(i).y()), float(history.at(i).value));
    }

    // The fleet ring fills to its capacity and stays there.
    const RingBuffer<MetricHistory::Sample> &ring = session.fleetBattery()->samples();
    QTRY_COMPARE(ring.size(), 8);
    const qint64 newestAtFull = ring.newest().timeMs;
    QTRY_VERIFY_WITH_TIMEOUT(ring.newest().timeMs > newestAtFull + 300, 15000); // several more samples taken
    QCOMPARE(ring.size(), 8);
    QCOMPARE(ring.capacity(), 8);
    for (qsizetype i = 0; i < ring.size(); ++i) {
        QVERIFY(ring.at(i).value >= 0.0 && ring.at(i).value <= 100.0);
        if (i > 0)
            QVERIFY(ring.at(i).timeMs >= ring.at(i - 1).timeMs);
    }
    QTRY_COMPARE(view.fleetBatterySeries()->count(), 8);

    // Hundreds of events a second, yet the charts redrew about once a second.
    const int redraws = view.chartRedraws() - redrawsBefore;
    QVERIFY2(redraws <= clock.elapsed() / 1000 + 1,
             qPrintable(QStringLiteral("%1 redraws in %2 ms").arg(redraws).arg(clock.elapsed())));
    QVERIFY(redraws >= 2);
}

void TestOverviewView::alarmRateCountsNewActivationsOnly()
{
    Session session; // no server: the alarm model is fed directly
    OverviewView view(ViewFactory::overviewSources(&session));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The count of the minute the alarms come in: the clock may turn a minute
    // during the test, and then that minute is no longer the last one.
    const qint64 thatMinute = now.toMSecsSinceEpoch() / 60000 * 60000;
    const auto countOfThatMinute = [thatMinute](const OverviewView &v) {
        for (const MetricHistory::Sample &s : v.alarmRate()) {
            if (s.timeMs == thatMinute)
                return s.value;
        }
        return -1.0;
    };
    const auto thatMinutesCount = [&] { return countOfThatMinute(view); };
    QCOMPARE(view.alarmRate().size(), OverviewView::kAlarmRateMinutes);
    QCOMPARE(thatMinutesCount(), 0.0);

    session.alarms()->applyBatch({alarmAt(QStringLiteral("a1"), now)});
    QCOMPARE(thatMinutesCount(), 1.0);
    // The same alarm again: no new activation.
    Domain::Alarm acked = alarmAt(QStringLiteral("a1"), now);
    acked.state = Domain::AlarmState::ActiveAcked;
    session.alarms()->applyBatch({acked});
    QCOMPARE(thatMinutesCount(), 1.0);
    // It chattered: two more activations.
    session.alarms()->applyBatch({alarmAt(QStringLiteral("a1"), now, 3)});
    QCOMPARE(thatMinutesCount(), 3.0);
    // Raised two hours ago (a snapshot after a restart): outside the hour.
    session.alarms()->applyBatch({alarmAt(QStringLiteral("old"), now.addSecs(-2 * 3600))});
    QCOMPARE(thatMinutesCount(), 3.0);
    double total = 0;
    for (const MetricHistory::Sample &s : view.alarmRate())
        total += s.value;
    QCOMPARE(total, 3.0);

    // Cleared, then raised again: a new activation.
    Domain::Alarm cleared = alarmAt(QStringLiteral("a1"), now, 3);
    cleared.state = Domain::AlarmState::Cleared;
    session.alarms()->applyBatch({cleared});
    session.alarms()->applyBatch({alarmAt(QStringLiteral("a1"), now)});
    QCOMPARE(thatMinutesCount(), 4.0);

    // The chart shows it as a step per minute, within a second.
    QTRY_COMPARE(view.alarmRateSeries()->count(), 2 * OverviewView::kAlarmRateMinutes);
    // The step of the minute the alarms came in: the last one, or the one
    // before if the clock turned a minute meanwhile (a loaded machine).
    const auto stepOfThatMinute = [&] {
        for (const QPointF &p : view.alarmRateSeries()->points()) {
            if (qint64(p.x()) / 60000 * 60000 == thatMinute && p.y() == 4.0)
                return true;
        }
        return false;
    };
    QTRY_VERIFY(stepOfThatMinute());

    // A view opened later shows the console's one rate, counted since the
    // session began, not a count of its own from the alarms it finds held.
    OverviewView later(ViewFactory::overviewSources(&session));
    QCOMPARE(countOfThatMinute(later), thatMinutesCount());
    session.alarms()->applyBatch({alarmAt(QStringLiteral("a1"), now, 2)});
    QCOMPARE(countOfThatMinute(later), thatMinutesCount());
    QCOMPARE(thatMinutesCount(), 5.0);
}

void TestOverviewView::alarmRateIsTheAlarmsViewsRate()
{
    Session session; // no server: the alarm model is fed directly
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // A snapshot after a reconnect: two raised three minutes ago while the
    // link was down, one long before, one just now.
    session.alarms()->applyBatch(
        {alarmAt(QStringLiteral("a"), now.addSecs(-3 * 60)), alarmAt(QStringLiteral("b"), now.addSecs(-3 * 60)),
         alarmAt(QStringLiteral("c"), now.addSecs(-40 * 60)), alarmAt(QStringLiteral("d"), now)});
    // Both screens opened after those arrived, then more comes in.
    AlarmsView alarms(session.alarms(), session.alarmRate(), session.alarmActions(), session.link());
    OverviewView overview(ViewFactory::overviewSources(&session));
    session.alarms()->applyBatch({alarmAt(QStringLiteral("d"), now, 3), alarmAt(QStringLiteral("e"), now)});

    // The Overview's minutes of the last ten minutes add up to the alarms view's figure.
    const auto overviewLast10Minutes = [&overview] {
        const QList<MetricHistory::Sample> rate = overview.alarmRate();
        double sum = 0;
        for (qsizetype i = rate.size() - 10; i < rate.size(); ++i)
            sum += rate.at(i).value;
        return int(sum);
    };
    QCOMPARE(alarms.rateMeter()->activationsInLast10Minutes(), 6); // a, b, d three times, e
    QCOMPARE(overviewLast10Minutes(), 6);
    QVERIFY2(alarms.rateLabel()->text().contains(QStringLiteral(" 6 in 10 min")),
             qPrintable(alarms.rateLabel()->text()));
    // The minutes the Overview draws are where the alarms were raised, and the
    // hour holds the one from forty minutes ago that the ten minutes do not.
    const QList<MetricHistory::Sample> rate = overview.alarmRate();
    double hour = 0;
    for (const MetricHistory::Sample &s : rate)
        hour += s.value;
    QCOMPARE(hour, 7.0);
    const qint64 threeMinutesAgo = now.addSecs(-3 * 60).toMSecsSinceEpoch() / 60000 * 60000;
    const auto at = std::find_if(rate.cbegin(), rate.cend(),
                                 [&](const MetricHistory::Sample &s) { return s.timeMs == threeMinutesAgo; });
    QVERIFY(at != rate.cend());
    QCOMPARE(at->value, 2.0);
}

void TestOverviewView::tilesReflowWithTheWidth()
{
    Session session;
    OverviewView view(ViewFactory::overviewSources(&session));
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int wide = view.columnCount();
    QVERIFY2(wide >= 6, qPrintable(QString::number(wide)));
    view.resize(700, 1400);
    QTRY_VERIFY2(view.columnCount() < wide, qPrintable(QString::number(view.width())));
    QVERIFY(view.columnCount() >= 2);
    QTRY_VERIFY(view.tile(Kpi::ServerStorage)->geometry().right() <= view.width());
    for (int k = 0; k < int(Kpi::Count); ++k) {
        const QWidget *tile = view.tile(Kpi(k));
        QVERIFY2(tile->mapTo(&view, QPoint(tile->width() - 1, 0)).x() < view.width(),
                 qPrintable(view.tile(Kpi(k))->label()));
    }
    // Every tile shown keeps a place of its own (the Unknown priority's
    // tile is shown only while it counts any).
    QVERIFY(!view.tile(Kpi::AlarmsUnknown)->isVisible());
    for (int a = 0; a < int(Kpi::Count); ++a) {
        for (int b = a + 1; b < int(Kpi::Count); ++b) {
            if (view.tile(Kpi(a))->isVisible() && view.tile(Kpi(b))->isVisible())
                QVERIFY(!view.tile(Kpi(a))->geometry().intersects(view.tile(Kpi(b))->geometry()));
        }
    }
}

// Saves the view in a running plant when WATCHFLOOR_OVERVIEW_SCREENSHOT names a file
// (docs/screenshots/overview.png is made so, under xvfb-run).
void TestOverviewView::screenshot()
{
    // Into docs/screenshots/ when WATCHFLOOR_OVERVIEW_SCREENSHOT names a file; into a
    // scratch folder otherwise, so the view is still rendered and saved every run.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString path
        = qEnvironmentVariable("WATCHFLOOR_OVERVIEW_SCREENSHOT", scratch.filePath(QStringLiteral("overview.png")));
    SimOptions options = plant();
    options.rate = 5.0;
    SimHost sim(options);
    QVERIFY(sim.listen());
    Session session;
    session.setSettings(settingsFor(sim.url()));
    OverviewView view(ViewFactory::overviewSources(&session));
    session.fleetBattery()->setSampling(250, 720);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTest::qWait(25000); // let the trends grow
    QVERIFY(view.grab().save(path));
    // And the same view once the server has gone, when asked for.
    const QString stalePath = qEnvironmentVariable("WATCHFLOOR_OVERVIEW_STALE_SCREENSHOT");
    if (stalePath.isEmpty())
        return;
    sim.close();
    QTRY_VERIFY(!session.hasLiveData());
    QTest::qWait(1500); // the charts' next redraw
    QVERIFY(view.grab().save(stalePath));
}

QTEST_MAIN(TestOverviewView)
#include "tst_overviewview.moc"
