#include "desktopnotifier.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

// The offscreen platform has no system tray: these tests check every reason a
// message is not shown, and that nothing breaks without a tray. They do not
// pretend a tray is there.
class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void disabledByDefault();
    void disabledWins();
    void activeWindowSkips();
    void inactiveWindowWithoutTray();
    void minimisedWindowWithoutTray();
    void bellIsDrawn();
    void windowGoneDoesNotCrash();
};

void TestDesktopNotifier::initTestCase()
{
    QVERIFY2(!QSystemTrayIcon::isSystemTrayAvailable(), "these tests expect the offscreen platform");
}

void TestDesktopNotifier::disabledByDefault()
{
    QWidget window;
    DesktopNotifier notifier(&window);
    QVERIFY(!notifier.isEnabled());
    QVERIFY(!notifier.notify(QStringLiteral("Motor overtemperature"), QStringLiteral("DR-0042"), ToastLevel::Critical));
    QCOMPARE(notifier.lastSkip(), DesktopNotifier::SkipReason::Disabled);
    QCOMPARE(notifier.lastSkipReason(), QStringLiteral("disabled"));
}

void TestDesktopNotifier::disabledWins()
{
    QWidget window;
    DesktopNotifier notifier(&window);
    notifier.setEnabled(true);
    QVERIFY(!notifier.notify(QStringLiteral("t"), QStringLiteral("m"), ToastLevel::Info));
    QCOMPARE(notifier.lastSkip(), DesktopNotifier::SkipReason::NoSystemTray);
    notifier.setEnabled(false);
    QVERIFY(!notifier.notify(QStringLiteral("t"), QStringLiteral("m"), ToastLevel::Info));
    QCOMPARE(notifier.lastSkip(), DesktopNotifier::SkipReason::Disabled);
}

void TestDesktopNotifier::activeWindowSkips()
{
    QWidget window;
    auto *button = new QPushButton(QStringLiteral("work"), &window);
    window.resize(400, 300);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    button->setFocus();
    DesktopNotifier notifier(&window);
    notifier.setEnabled(true);
    // The operator is looking at the console: its own toasts are enough.
    QVERIFY(!notifier.notify(QStringLiteral("Battery low"), QStringLiteral("DR-0042"), ToastLevel::Warning));
    QCOMPARE(notifier.lastSkip(), DesktopNotifier::SkipReason::WindowActive);
    QCOMPARE(notifier.lastSkipReason(), QStringLiteral("window active"));
    // Asking did not move the focus or the window.
    QCOMPARE(QApplication::activeWindow(), &window);
    QCOMPARE(QApplication::focusWidget(), button);
}

void TestDesktopNotifier::inactiveWindowWithoutTray()
{
    QWidget window;
    window.resize(400, 300);
    window.show();
    QWidget other;
    other.resize(200, 200);
    other.show();
    other.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&other));
    QVERIFY(!window.isActiveWindow());
    DesktopNotifier notifier(&window);
    notifier.setEnabled(true);
    QVERIFY(!notifier.notify(QStringLiteral("Motor overtemperature"), QStringLiteral("DR-0042"), ToastLevel::Critical));
    QCOMPARE(notifier.lastSkip(), DesktopNotifier::SkipReason::NoSystemTray);
    QCOMPARE(notifier.lastSkipReason(), QStringLiteral("no system tray"));
}

void TestDesktopNotifier::minimisedWindowWithoutTray()
{
    QWidget window;
    window.resize(400, 300);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showMinimized();
    QTRY_VERIFY(window.isMinimized());
    DesktopNotifier notifier(&window);
    notifier.setEnabled(true);
    // Minimised counts as not looking, even if the platform still calls it active.
    QVERIFY(!notifier.notify(QStringLiteral("t"), QStringLiteral("m"), ToastLevel::Error));
    QCOMPARE(notifier.lastSkip(), DesktopNotifier::SkipReason::NoSystemTray);
}

void TestDesktopNotifier::bellIsDrawn()
{
    for (int size : {16, 32, 64}) {
        const QImage bell = DesktopNotifier::bellPixmap(size).toImage();
        QCOMPARE(bell.size(), QSize(size, size));
        int opaque = 0;
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x)
                opaque += qAlpha(bell.pixel(x, y)) > 128 ? 1 : 0;
        }
        // A shape, neither empty nor a filled square.
        QVERIFY2(opaque > size * size / 8 && opaque < size * size * 3 / 4, qPrintable(QString::number(opaque)));
        QCOMPARE(qAlpha(bell.pixel(0, 0)), 0);
    }
}

void TestDesktopNotifier::windowGoneDoesNotCrash()
{
    auto *window = new QWidget;
    QPointer<DesktopNotifier> notifier = new DesktopNotifier(window);
    notifier->setEnabled(true);
    QVERIFY(!notifier->notify(QStringLiteral("t"), QStringLiteral("m"), ToastLevel::Info));
    delete window; // the notifier is the window's child and goes with it
    QVERIFY(notifier.isNull());
}

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
