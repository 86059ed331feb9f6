#include "alarmsview.h"
#include "app/session.h"
#include "connectionindicator.h"
#include "mainwindow.h"
#include "overviewview.h"
#include "simserver.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTest>

#include <memory>

class TestConnectionIndicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsLiveThenReconnectingWhenTheServerStops();
    void showsFailureReason();
    void viewsAreReachedByTabAndShortcut();
};

namespace {

ConnectionSettings settingsFor(const QString &url)
{
    ConnectionSettings s;
    s.url = QUrl(url);
    s.operatorName = QStringLiteral("alice");
    s.backoffBaseMs = 2000; // long enough to read the countdown
    s.backoffCapMs = 4000;
    return s;
}

SimOptions smallFleet()
{
    SimOptions o;
    o.drones = 3;
    o.rate = 20.0;
    return o;
}

} // namespace

void TestConnectionIndicator::showsLiveThenReconnectingWhenTheServerStops()
{
    auto sim = std::make_unique<SimServer>(smallFleet());
    QVERIFY(sim->listen());

    Session session;
    session.setSettings(settingsFor(sim->url()));
    MainWindow window(&session, QStringLiteral("Test"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionIndicator *indicator = window.connectionIndicator();

    QCOMPARE(indicator->text(), QStringLiteral("Offline"));
    QVERIFY(window.staleBanner()->isVisible());

    session.start();
    QTRY_VERIFY2(indicator->text().startsWith(QStringLiteral("Live")), qPrintable(indicator->text()));
    QVERIFY(!window.staleBanner()->isVisible());
    QTRY_COMPARE(window.droneTable()->model()->rowCount(), 3);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("identityLabel"))
                ->text()
                .contains(QStringLiteral("alice · operator role")));
    const QImage liveIcon = indicator->icon().pixmap(14).toImage();

    sim.reset();
    QTRY_VERIFY2(indicator->text().startsWith(QStringLiteral("Reconnecting")), qPrintable(indicator->text()));
    QVERIFY(window.staleBanner()->isVisible());
    QVERIFY(window.staleBanner()->text().startsWith(QStringLiteral("NOT LIVE")));
    // Why the link is down: the server's goodbye, or a refused retry after it.
    QVERIFY2(window.staleBanner()->text().contains(QStringLiteral("Link: server shutting down"))
                 || window.staleBanner()->text().contains(QStringLiteral("Link: Connection refused")),
             qPrintable(window.staleBanner()->text()));
    QVERIFY(indicator->icon().pixmap(14).toImage() != liveIcon);
    QVERIFY(indicator->accessibleName().contains(QStringLiteral("Reconnecting")));
    // Every drone on screen is marked stale while the link is down.
    QAbstractItemModel *table = window.droneTable()->model();
    for (int row = 0; row < table->rowCount(); ++row)
        QVERIFY(table->index(row, 0).data(DroneModel::StaleRole).toBool());
}

void TestConnectionIndicator::showsFailureReason()
{
    SimOptions options = smallFleet();
    options.tokens = {{QStringLiteral("right"), QStringLiteral("operator")}};
    SimServer sim(options);
    QVERIFY(sim.listen());

    Session session;
    ConnectionSettings s = settingsFor(sim.url());
    s.token = QStringLiteral("wrong");
    session.setSettings(s);
    MainWindow window(&session, QStringLiteral("Test"));
    window.show();
    session.start();
    QTRY_VERIFY2(window.connectionIndicator()->text().startsWith(QStringLiteral("Failed:")),
                 qPrintable(window.connectionIndicator()->text()));
    QVERIFY(window.connectionIndicator()->text().contains(QStringLiteral("invalid token")));
    QVERIFY(!window.connectionIndicator()->text().contains(QStringLiteral("wrong"))); // never show the token
}

void TestConnectionIndicator::viewsAreReachedByTabAndShortcut()
{
    Session session;
    MainWindow window(&session, QStringLiteral("Test"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabBar *>(QStringLiteral("viewTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(window.currentView(), MainWindow::View::Overview); // the calm summary first
    QVERIFY(window.overview()->isVisible());
    QVERIFY(!window.droneTable()->isVisible());

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::View::Drones);
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(window.droneTable()->isVisible());
    QVERIFY(!window.overview()->isVisible());

    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::View::Alarms);
    QVERIFY(window.alarmsView()->isVisible());

    tabs->setCurrentIndex(0); // a click on the tab does the same
    QCOMPARE(window.currentView(), MainWindow::View::Overview);
    QVERIFY(tabs->tabToolTip(2).contains(QStringLiteral("Alarms")));
    QVERIFY(!tabs->tabToolTip(2).isEmpty());
}

QTEST_MAIN(TestConnectionIndicator)
#include "tst_connectionindicator.moc"
