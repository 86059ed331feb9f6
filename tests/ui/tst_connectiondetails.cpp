#include "config/preferences.h"
#include "connectiondetails.h"
#include "connectionindicator.h"
#include "mainwindow.h"
#include "net/connectionservice.h"
#include "services/consoleservices.h"
#include "services/linkstatus.h"
#include "services/session.h"
#include "simhost.h"

#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// The connection details popup of the top bar's indicator, against the
// reference server: what it lists, and the operator's two actions on the link.
class TestConnectionDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensOnClickAndListsTheLink();
    void pauseAndResumeLiveUpdates();
    void retryNowSkipsTheBackoff();
    void storedPauseSaysSoAtStartAndResumingSticks();
};

namespace {

const QString kToken = QStringLiteral("tok-7f3a9c-secret");

SimOptions fleet()
{
    SimOptions o;
    o.drones = 3;
    o.rate = 20.0;
    o.loadRate = 200.0; // a steady stream of events to count
    o.heartbeatMs = 1000; // a round trip measured within a second
    o.tokens = {{kToken, QStringLiteral("operator")}};
    return o;
}

ConnectionSettings settingsFor(const QString &url)
{
    ConnectionSettings s;
    s.url = QUrl(url);
    s.token = kToken;
    s.operatorName = QStringLiteral("alice");
    return s;
}

// Every text the window shows or tells, popup included.
QStringList allTexts(const QWidget *root)
{
    QStringList texts;
    const auto widgets = root->findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->windowTitle();
        if (const auto *label = qobject_cast<const QLabel *>(w))
            texts << label->text();
        if (const auto *button = qobject_cast<const QAbstractButton *>(w))
            texts << button->text();
    }
    return texts;
}

void verifyNoToken(const QWidget *root)
{
    for (const QString &text : allTexts(root))
        QVERIFY2(!text.contains(kToken), qPrintable(text));
}

ConnectionDetails *openDetails(MainWindow &window)
{
    ConnectionIndicator *indicator = window.connectionIndicator();
    QTest::mouseClick(indicator, Qt::LeftButton);
    ConnectionDetails *details = indicator->details();
    if (details && !QTest::qWaitForWindowExposed(details))
        return nullptr;
    return details;
}

} // namespace

void TestConnectionDetails::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestConnectionDetails::opensOnClickAndListsTheLink()
{
    SimHost sim(fleet());
    QVERIFY(sim.listen());
    Session session;
    session.setSettings(settingsFor(sim.url()));
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Test"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionIndicator *indicator = window.connectionIndicator();
    QVERIFY(!indicator->details()); // made on first use
    session.start();
    QTRY_COMPARE(session.link()->state(), Domain::LinkState::Live);

    // Live, with the age of the last message (and the round trip once measured).
    static const QRegularExpression liveText(QStringLiteral("^Live( · \\d+ ms)? · \\d+ (s|min|h) ago$"));
    QTRY_VERIFY2(liveText.match(indicator->text()).hasMatch(), qPrintable(indicator->text()));

    // Once a heartbeat has come back, the round trip too.
    QTRY_VERIFY(session.link()->roundTripMs() >= 0);
    static const QRegularExpression withRoundTrip(QStringLiteral("^Live · \\d+ ms · \\d+ (s|min|h) ago$"));
    QTRY_VERIFY2(withRoundTrip.match(indicator->text()).hasMatch(), qPrintable(indicator->text()));
    QCOMPARE(indicator->accessibleName(), QStringLiteral("Connection: Live")); // steady, not re-read every second

    ConnectionDetails *details = openDetails(window);
    QVERIFY(details);
    QVERIFY(details->isVisible());
    QVERIFY(details->isWindow());
    static const QRegularExpression ms(QStringLiteral("^\\d+ ms$"));
    QVERIFY2(ms.match(details->value(QStringLiteral("detailRoundTrip"))).hasMatch(),
             qPrintable(details->value(QStringLiteral("detailRoundTrip"))));
    // Anchored under the indicator (give or take the top bar's relayout as its text changes).
    const QPoint anchor = indicator->mapToGlobal(QPoint(0, indicator->height()));
    QVERIFY2(qAbs(details->y() - anchor.y()) <= 4,
             qPrintable(QStringLiteral("%1 vs %2").arg(details->y()).arg(anchor.y())));

    QCOMPARE(details->value(QStringLiteral("detailServer")), sim.url());
    QCOMPARE(details->value(QStringLiteral("detailDialect")), QStringLiteral("watchfloor"));
    QVERIFY(!session.link()->sessionId().isEmpty());
    QCOMPARE(details->value(QStringLiteral("detailSession")), session.link()->sessionId());
    QCOMPARE(details->value(QStringLiteral("detailRole")), QStringLiteral("operator"));
    QCOMPARE(details->value(QStringLiteral("detailState")), QStringLiteral("live"));
    QVERIFY(!details->value(QStringLiteral("detailServerName")).isEmpty());
    QVERIFY2(details->value(QStringLiteral("detailLastConnected")).contains(QStringLiteral("ago")),
             qPrintable(details->value(QStringLiteral("detailLastConnected"))));
    QCOMPARE(details->value(QStringLiteral("detailProtocolErrors")), QStringLiteral("0"));
    QVERIFY(!details->retryButton()->isEnabled()); // nothing to retry while live
    QCOMPARE(details->pauseButton()->text(), QStringLiteral("Pause live updates"));

    // Events flow at the fast rate, and the popup's once-a-second refresh shows it.
    QTRY_VERIFY(session.link()->eventsPerSecond() > 0.0);
    static const QRegularExpression rate(QStringLiteral("^(\\d+\\.\\d) per second$"));
    QTRY_VERIFY2(rate.match(details->value(QStringLiteral("detailEventRate"))).captured(1).toDouble() > 0.0,
                 qPrintable(details->value(QStringLiteral("detailEventRate"))));

    verifyNoToken(&window);

    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(details->grab().save(QDir(dir).filePath(QStringLiteral("connection-details.png"))));

    // Esc closes it; a click opens it again.
    QTest::keyClick(details, Qt::Key_Escape);
    QTRY_VERIFY(!details->isVisible());
    QCOMPARE(openDetails(window), details);
    QVERIFY(details->isVisible());
}

void TestConnectionDetails::pauseAndResumeLiveUpdates()
{
    SimHost sim(fleet());
    QVERIFY(sim.listen());
    Session session;
    session.setSettings(settingsFor(sim.url()));
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Test"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session.start();
    QTRY_COMPARE(session.link()->state(), Domain::LinkState::Live);
    QVERIFY(!window.staleBanner()->isVisible());
    ConnectionIndicator *indicator = window.connectionIndicator();
    const QImage liveIcon = indicator->icon().pixmap(14).toImage();

    ConnectionDetails *details = openDetails(window);
    QVERIFY(details);
    QTest::mouseClick(details->pauseButton(), Qt::LeftButton);
    QTRY_COMPARE(session.link()->state(), Domain::LinkState::Paused);
    QVERIFY2(indicator->text().startsWith(QStringLiteral("Paused")), qPrintable(indicator->text()));
    QVERIFY(indicator->icon().pixmap(14).toImage() != liveIcon);
    QVERIFY(window.staleBanner()->isVisible());
    QVERIFY2(window.staleBanner()->text().startsWith(QStringLiteral("PAUSED")),
             qPrintable(window.staleBanner()->text()));
    QVERIFY(window.staleBanner()->text().contains(QStringLiteral("live updates are off")));
    QCOMPARE(details->pauseButton()->text(), QStringLiteral("Resume live updates"));
    QCOMPARE(details->value(QStringLiteral("detailState")), QStringLiteral("paused"));
    QVERIFY(!details->retryButton()->isEnabled()); // only Resume ends a pause
    // Paused, polling and live each have their own symbol.
    QVERIFY(ConnectionIndicator::symbol(Domain::LinkState::Paused, 14, 1.0).toImage()
            != ConnectionIndicator::symbol(Domain::LinkState::Polling, 14, 1.0).toImage());
    QVERIFY(ConnectionIndicator::symbol(Domain::LinkState::Polling, 14, 1.0).toImage()
            != ConnectionIndicator::symbol(Domain::LinkState::Live, 14, 1.0).toImage());

    QTest::mouseClick(details->pauseButton(), Qt::LeftButton);
    QTRY_COMPARE(session.link()->state(), Domain::LinkState::Live);
    QTRY_VERIFY2(indicator->text().startsWith(QStringLiteral("Live")), qPrintable(indicator->text()));
    QVERIFY(!window.staleBanner()->isVisible());
    QCOMPARE(details->pauseButton()->text(), QStringLiteral("Pause live updates"));
    verifyNoToken(&window);
}

void TestConnectionDetails::retryNowSkipsTheBackoff()
{
    auto sim = std::make_unique<SimHost>(fleet());
    QVERIFY(sim->listen());
    Session session;
    ConnectionSettings s = settingsFor(sim->url());
    s.backoffBaseMs = 60000; // a wait no test would sit out
    s.backoffCapMs = 60000;
    s.pollingFallback = false; // the REST fallback is on the same stopped server anyway
    session.setSettings(s);
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Test"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session.start();
    ConnectionService *connection = session.connection();
    QTRY_COMPARE(connection->state(), Domain::LinkState::Live);
    ConnectionDetails *details = openDetails(window);
    QVERIFY(details);

    sim.reset();
    // Full jitter may draw a short wait; wait for one long enough to tell a
    // retry on demand from the backoff's own.
    QTRY_VERIFY_WITH_TIMEOUT(
        connection->state() == Domain::LinkState::Reconnecting && connection->msUntilRetry() > 10000, 30000);
    QTRY_VERIFY(details->retryButton()->isEnabled());
    QTRY_VERIFY2(details->value(QStringLiteral("detailState")).startsWith(QStringLiteral("reconnecting in")),
                 qPrintable(details->value(QStringLiteral("detailState"))));
    QVERIFY(details->value(QStringLiteral("detailLastError")) != QStringLiteral("none"));
    const int before = connection->attempt();

    QTest::mouseClick(details->retryButton(), Qt::LeftButton);
    // The attempt is made (and refused) at once, long before the backoff's wait is over.
    QTRY_VERIFY_WITH_TIMEOUT(connection->attempt() > before, 3000);
    QCOMPARE(connection->state(), Domain::LinkState::Reconnecting);
    verifyNoToken(&window);
}

void TestConnectionDetails::storedPauseSaysSoAtStartAndResumingSticks()
{
    // An earlier shift turned live updates off in Preferences for this profile.
    const QString key = QStringLiteral("night-shift");
    QSettings().remove(QStringLiteral("preferences"));
    Preferences earlier;
    earlier.liveUpdates = false;
    earlier.save(key);
    SimHost sim(fleet());
    QVERIFY(sim.listen());
    {
        Session session;
        session.setSettings(settingsFor(sim.url()));
        ConsoleServices windowServices(&session);
        MainWindow window(&windowServices, QStringLiteral("Night shift"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy states(session.link(), &LinkStatus::stateChanged);
        // As main() starts a console: the link, then the profile's preferences.
        session.start();
        window.setPreferences(Preferences::load(key), key);
        QCOMPARE(session.link()->state(), Domain::LinkState::Paused);

        // Said across the window, with the way back where it is said; the
        // indicator says Paused, and nothing ever turns live meanwhile.
        QLabel *banner = window.staleBanner();
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith(QStringLiteral("PAUSED")), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("nothing on screen is live")), qPrintable(banner->text()));
        auto *resume = banner->findChild<QPushButton *>(QStringLiteral("staleBannerResume"));
        QVERIFY(resume);
        QVERIFY(resume->isVisible());
        QCOMPARE(resume->text(), QStringLiteral("Resume live updates"));
        QVERIFY(banner->contentsRect().right() < resume->geometry().left()); // the text stays clear of it
        QVERIFY(banner->rect().contains(resume->geometry()));
        QTest::qWait(1200);
        // To look at: $WATCHFLOOR_SCREENSHOT_DIR/paused-at-start.png when set.
        if (const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("paused-at-start.png"))));
        QVERIFY2(window.connectionIndicator()->text().startsWith(QStringLiteral("Paused")),
                 qPrintable(window.connectionIndicator()->text()));
        for (const QList<QVariant> &args : std::as_const(states))
            QVERIFY(args.at(0).value<Domain::LinkState>() != Domain::LinkState::Live);

        // Resumed from the banner: live, and the stored choice is gone, so
        // the next shift does not start paused again.
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_COMPARE(session.link()->state(), Domain::LinkState::Live);
        QVERIFY(!banner->isVisible());
        QVERIFY(!resume->isVisibleTo(banner));
        QVERIFY(window.preferences().liveUpdates);
        QVERIFY(Preferences::load(key).liveUpdates);

        // A pause from the connection details is for this run only.
        ConnectionDetails *details = openDetails(window);
        QVERIFY(details);
        QTest::mouseClick(details->pauseButton(), Qt::LeftButton);
        QTRY_COMPARE(session.link()->state(), Domain::LinkState::Paused);
        QVERIFY(resume->isVisible());
        QVERIFY(Preferences::load(key).liveUpdates);
        session.stop();
    }
    // The next start is live.
    Session session;
    session.setSettings(settingsFor(sim.url()));
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("Night shift"));
    window.show();
    session.start();
    window.setPreferences(Preferences::load(key), key);
    QTRY_COMPARE(session.link()->state(), Domain::LinkState::Live);
    QVERIFY(!window.staleBanner()->isVisible());
}

QTEST_MAIN(TestConnectionDetails)
#include "tst_connectiondetails.moc"
