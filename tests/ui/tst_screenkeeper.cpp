#include "privatebus.h"
#include "screenkeeper.h"

#include <QSignalSpy>
#include <QTest>

// The kiosk's screen keeper against a real D-Bus daemon of the test's own
// with a screen saver service on it: Inhibit when it starts, UnInhibit with
// the same cookie when it stops, and a plain reason when there is no service
// or no bus.
class TestScreenKeeper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void inhibitsAndReleases();
    void stoppedBeforeTheAnswerGivesTheCookieBack();
    void noServiceIsSaidPlainly();
    void noBusIsSaidPlainly();

private:
    std::unique_ptr<PrivateBus> m_bus;
    std::unique_ptr<FakeScreenSaver> m_saver;
};

void TestScreenKeeper::initTestCase()
{
    QVERIFY(ScreenKeeper::isSupported());
    m_bus = std::make_unique<PrivateBus>();
    QVERIFY2(!m_bus->address().isEmpty(), "dbus-daemon did not start");
}

void TestScreenKeeper::cleanup()
{
    m_saver.reset();
}

void TestScreenKeeper::inhibitsAndReleases()
{
    m_saver = std::make_unique<FakeScreenSaver>();
    QVERIFY(m_saver->publish(m_bus->address()));
    ScreenKeeper keeper;
    keeper.setBusAddress(m_bus->address());
    QSignalSpy changed(&keeper, &ScreenKeeper::stateChanged);
    QVERIFY(!keeper.isInhibiting());
    keeper.start(QStringLiteral("Watchfloor"), QStringLiteral("Kiosk on line 1"));
    QTRY_VERIFY_WITH_TIMEOUT(keeper.isInhibiting(), 5000);
    QCOMPARE(m_saver->inhibitions.size(), 1);
    QCOMPARE(m_saver->inhibitions.constFirst().application, QStringLiteral("Watchfloor"));
    QCOMPARE(m_saver->inhibitions.constFirst().reason, QStringLiteral("Kiosk on line 1"));
    QCOMPARE(keeper.cookie(), m_saver->inhibitions.constFirst().cookie);
    QVERIFY(keeper.unavailableReason().isEmpty());
    QVERIFY(keeper.property("inhibiting").toBool());
    QVERIFY(changed.count() >= 1);
    // Asked once, however often started.
    keeper.start(QStringLiteral("Watchfloor"), QStringLiteral("again"));
    QTest::qWait(200);
    QCOMPARE(m_saver->inhibitions.size(), 1);

    QVERIFY(m_saver->released.isEmpty());
    keeper.stop();
    QVERIFY(!keeper.isInhibiting());
    QTRY_COMPARE_WITH_TIMEOUT(m_saver->released, QList<uint> {m_saver->inhibitions.constFirst().cookie}, 5000);
}

void TestScreenKeeper::stoppedBeforeTheAnswerGivesTheCookieBack()
{
    m_saver = std::make_unique<FakeScreenSaver>();
    QVERIFY(m_saver->publish(m_bus->address()));
    ScreenKeeper keeper;
    keeper.setBusAddress(m_bus->address());
    keeper.start(QStringLiteral("Watchfloor"), QStringLiteral("Kiosk"));
    keeper.stop(); // before the event loop ran: the answer is still on its way
    QTRY_COMPARE_WITH_TIMEOUT(m_saver->inhibitions.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_saver->released, QList<uint> {m_saver->inhibitions.constFirst().cookie}, 5000);
    QVERIFY(!keeper.isInhibiting());
}

void TestScreenKeeper::noServiceIsSaidPlainly()
{
    // The bus is there, nobody offers the screen saver service on it.
    ScreenKeeper keeper;
    keeper.setBusAddress(m_bus->address());
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("screen may blank.*org.freedesktop.ScreenSaver")));
    keeper.start(QStringLiteral("Watchfloor"), QStringLiteral("Kiosk"));
    QTRY_VERIFY_WITH_TIMEOUT(!keeper.unavailableReason().isEmpty(), 5000);
    QVERIFY2(keeper.unavailableReason().contains(QStringLiteral("org.freedesktop.ScreenSaver")),
             qPrintable(keeper.unavailableReason()));
    QCOMPARE(keeper.property("unavailableReason").toString(), keeper.unavailableReason());
    QVERIFY(!keeper.isInhibiting());
    keeper.stop(); // nothing to give back, no crash
}

void TestScreenKeeper::noBusIsSaidPlainly()
{
    ScreenKeeper keeper;
    keeper.setBusAddress(QStringLiteral("unix:path=/nonexistent/watchfloor-no-bus"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("screen may blank.*no D-Bus session bus")));
    keeper.start(QStringLiteral("Watchfloor"), QStringLiteral("Kiosk"));
    QVERIFY2(keeper.unavailableReason().contains(QStringLiteral("D-Bus")), qPrintable(keeper.unavailableReason()));
    QVERIFY(!keeper.isInhibiting());
}

QTEST_GUILESS_MAIN(TestScreenKeeper)
#include "tst_screenkeeper.moc"
