#include "dronedetailpane.h"
#include "dronefilterproxy.h"
#include "dronesview.h"
#include "net/connectionservice.h"
#include "services/session.h"
#include "simhost.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString droneRoom = QStringLiteral("drone_detail");

SimOptions fleet()
{
    SimOptions o;
    o.drones = 8;
    o.machines = 0;
    o.tiles = 0;
    o.rate = 20.0; // batteries drain and states change while the test watches
    return o;
}

// A drones view on a session connected to a simulated fleet.
struct Console
{
    Console()
        : server(fleet())
    {
        QVERIFY(server.listen());
        ConnectionSettings s;
        s.url = QUrl(server.url());
        s.operatorName = QStringLiteral("alice");
        session.setSettings(s);
        view = std::make_unique<DronesView>(&session);
        view->resize(1280, 720);
        view->show();
        tester = std::make_unique<QAbstractItemModelTester>(view->droneProxy(),
                                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
        session.start();
    }

    SimHost server;
    Session session;
    std::unique_ptr<DronesView> view;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestDronesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void listsTheFleetAndFiltersIt();
    void selectedDroneHoldsItsRoomUntilTheViewGoes();
    void screenshot();
};

void TestDronesView::listsTheFleetAndFiltersIt()
{
    Console console;
    DronesView *view = console.view.get();
    DroneFilterProxy *proxy = view->droneProxy();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 8, 15000);
    QCOMPARE(console.session.drones()->rowCount(), 8);
    QCOMPARE(view->droneTable()->model(), proxy);
    QTRY_VERIFY(view->summaryLabel()->text().startsWith(u"8 drones"));
    // Sorted by serial, as the table opens.
    for (int row = 1; row < proxy->rowCount(); ++row)
        QVERIFY(proxy->serialAt(row - 1) < proxy->serialAt(row));

    // State: only drones in the state chosen, and all of them.
    const int state = proxy->index(0, 0).data(DroneModel::StateRole).toInt();
    QComboBox *states = view->stateFilter();
    states->setCurrentIndex(states->findData(state));
    QVERIFY(proxy->rowCount() >= 1);
    for (int row = 0; row < proxy->rowCount(); ++row)
        QCOMPARE(proxy->index(row, 0).data(DroneModel::StateRole).toInt(), state);
    int inState = 0;
    DroneModel *drones = console.session.drones();
    for (int row = 0; row < drones->rowCount(); ++row)
        inState += drones->index(row, 0).data(DroneModel::StateRole).toInt() == state ? 1 : 0;
    QCOMPARE(proxy->rowCount(), inState);
    states->setCurrentIndex(0);
    QCOMPARE(proxy->rowCount(), 8);

    // Search: one serial narrows to that drone.
    const QString serial = proxy->serialAt(3);
    view->searchBox()->setText(serial.toLower());
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->serialAt(0), serial);
    view->searchBox()->setText(QStringLiteral("no such drone"));
    QCOMPARE(proxy->rowCount(), 0);
    view->searchBox()->clear();
    QCOMPARE(proxy->rowCount(), 8);

    // Low battery: only those under the threshold, and they stay so as batteries drain.
    view->lowBatteryFilter()->setChecked(true);
    QCOMPARE(proxy->rowCount(), drones->lowBatteryCount());
    for (int row = 0; row < proxy->rowCount(); ++row)
        QVERIFY(proxy->index(row, 0).data(DroneModel::BatteryRole).toDouble() < DroneModel::kLowBatteryPercent);
    view->lowBatteryFilter()->setChecked(false);
    QCOMPARE(proxy->rowCount(), 8);
}

void TestDronesView::selectedDroneHoldsItsRoomUntilTheViewGoes()
{
    Console console;
    DronesView *view = console.view.get();
    DroneFilterProxy *proxy = view->droneProxy();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 8, 15000);
    QTRY_VERIFY(console.session.hasLiveData());
    QVERIFY(console.session.connection()->rooms().isEmpty()); // nothing selected, no room
    QVERIFY(view->selectedSerial().isEmpty());
    QVERIFY(!view->selectDrone(QStringLiteral("no such drone")));

    const QString first = proxy->serialAt(2);
    QVERIFY(view->selectDrone(first));
    QCOMPARE(view->selectedSerial(), first);
    QCOMPARE(view->detailPane()->serial(), first);
    QCOMPARE(console.session.roomUsers(droneRoom, first), 1);
    // The room brings the drone's own computer health, and the chart fills.
    QTRY_VERIFY2_WITH_TIMEOUT(view->detailPane()->healthText().contains(u"CPU"),
                              qPrintable(view->detailPane()->healthText()), 10000);
    QTRY_VERIFY(view->detailPane()->batterySeries()->count() > 0);

    // A click on another row moves the room with it.
    const QString second = proxy->serialAt(5);
    QTableView *table = view->droneTable();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(proxy->index(5, 0)).center());
    QCOMPARE(view->selectedSerial(), second);
    QCOMPARE(console.session.roomUsers(droneRoom, second), 1);
    QCOMPARE(console.session.roomUsers(droneRoom, first), 0);
    QCOMPARE(console.session.connection()->rooms().size(), 1);

    // A second view of the same drone shares the room; destroying either
    // leaves the other's, destroying both lets it go.
    auto other = std::make_unique<DronesView>(&console.session);
    QTRY_COMPARE(other->droneProxy()->rowCount(), 8);
    QVERIFY(other->selectDrone(second));
    QCOMPARE(console.session.roomUsers(droneRoom, second), 2);
    console.view.reset();
    QCOMPARE(console.session.roomUsers(droneRoom, second), 1);
    QCOMPARE(console.session.connection()->rooms().size(), 1);
    other.reset();
    QCOMPARE(console.session.roomUsers(droneRoom, second), 0);
    QVERIFY(console.session.connection()->rooms().isEmpty());
    QVERIFY(console.session.hasLiveData()); // the session goes on without the views
}

// Saves the view to $WATCHFLOOR_SCREENSHOT_DIR/drones-view-filtered.png when set
// (a scratch folder otherwise, so it is rendered every run).
void TestDronesView::screenshot()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    Console console;
    DronesView *view = console.view.get();
    QTRY_COMPARE_WITH_TIMEOUT(view->droneProxy()->rowCount(), 8, 15000);
    QVERIFY(view->selectDrone(view->droneProxy()->serialAt(1)));
    QTRY_VERIFY_WITH_TIMEOUT(view->detailPane()->healthText().contains(u"CPU"), 10000);
    QTest::qWait(1500); // the chart redraws once a second
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(view->grab().save(QDir(dir).filePath(QStringLiteral("drones-view-filtered.png"))));
}

QTEST_MAIN(TestDronesView)
#include "tst_dronesview.moc"
