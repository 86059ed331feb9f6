#include "model/dronemodel.h"
#include "model/fleetbatteryhistory.h"

#include <QSignalSpy>
#include <QTest>

using Domain::DroneState;
using Domain::DroneStatus;

namespace {

DroneStatus drone(const QString &serial, DroneState state, double battery)
{
    DroneStatus s;
    s.serial = serial;
    s.state = state;
    s.battery = battery;
    s.timestamp = QDateTime::currentDateTimeUtc();
    return s;
}

} // namespace

// The fleet's battery trend the session keeps for the Overview: the mean of
// the drones that report, only while the data is live, in a bounded ring.
class TestFleetBatteryHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void meanOfTheDronesThatReport();
    void nothingWhileNotLiveOrNobodyReports();
    void ringIsBoundedAndReplaced();
};

void TestFleetBatteryHistory::meanOfTheDronesThatReport()
{
    DroneModel drones;
    drones.applyBatch({drone(QStringLiteral("A"), DroneState::Flying, 80.0),
                       drone(QStringLiteral("B"), DroneState::Charging, 20.0),
                       drone(QStringLiteral("C"), DroneState::Offline, 0.0)}); // its battery is old news
    FleetBatteryHistory history(&drones, [] { return true; });
    QSignalSpy changed(&history, &FleetBatteryHistory::changed);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    history.sample();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(history.samples().size(), 1);
    QCOMPARE(history.samples().newest().value, 50.0);
    QVERIFY(history.samples().newest().timeMs >= before);
    QVERIFY(history.samples().newest().timeMs <= QDateTime::currentMSecsSinceEpoch());
}

void TestFleetBatteryHistory::nothingWhileNotLiveOrNobodyReports()
{
    DroneModel drones;
    bool live = false;
    FleetBatteryHistory history(&drones, [&live] { return live; });
    QSignalSpy changed(&history, &FleetBatteryHistory::changed);
    drones.applyBatch({drone(QStringLiteral("A"), DroneState::Flying, 60.0)});
    history.sample(); // not live: a gap, not the last values repeated
    QVERIFY(history.samples().isEmpty());
    live = true;
    drones.applyBatch({drone(QStringLiteral("A"), DroneState::Offline, 60.0)});
    history.sample(); // live, but no drone reports
    QVERIFY(history.samples().isEmpty());
    QCOMPARE(changed.size(), 0);
}

void TestFleetBatteryHistory::ringIsBoundedAndReplaced()
{
    DroneModel drones;
    drones.applyBatch({drone(QStringLiteral("A"), DroneState::Idle, 10.0)});
    FleetBatteryHistory history(&drones, [] { return true; });
    QCOMPARE(history.samples().capacity(), FleetBatteryHistory::kDefaultCapacity);
    history.setSampling(20, 3);
    QCOMPARE(history.samples().capacity(), 3);
    for (int i = 1; i <= 5; ++i) {
        drones.applyBatch({drone(QStringLiteral("A"), DroneState::Idle, 10.0 * i)});
        history.sample();
    }
    QCOMPARE(history.samples().size(), 3);
    QCOMPARE(history.samples().at(0).value, 30.0);
    QCOMPARE(history.samples().newest().value, 50.0);
    // The timer samples on its own at the interval set.
    QTRY_VERIFY_WITH_TIMEOUT(history.samples().newest().timeMs > history.samples().at(0).timeMs
                                 && history.samples().at(0).value == 50.0,
                             3000);
}

QTEST_GUILESS_MAIN(TestFleetBatteryHistory)
#include "tst_fleetbatteryhistory.moc"
