#include "charts.h"
#include "kpitile.h"
#include "overviewview.h"
#include "services/session.h"
#include "simhost.h"
#include "theme.h"
#include "viewfactory.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void darkPaletteIsDarkGreyNotBlack();
    void textContrast_data();
    void textContrast();
    void kpiTileRepaintsInTheNewMode();
    void chartRestylesOnTheSwitch();
    void windowShownAfterTheSwitch();
    void overviewInDark();
};

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString describe(const QColor &a, const QColor &b)
{
    return QStringLiteral("%1 on %2: %3:1").arg(a.name(), b.name()).arg(contrast(a, b), 0, 'f', 2);
}

} // namespace

void TestTheme::cleanup()
{
    Theme::apply(ThemeMode::Light);
}

void TestTheme::darkPaletteIsDarkGreyNotBlack()
{
    Theme::apply(ThemeMode::Light);
    QCOMPARE(Theme::mode(), ThemeMode::Light);
    const QColor lightWindow = QApplication::palette().color(QPalette::Window);
    QVERIFY(lightWindow.lightness() > 180);

    Theme::apply(ThemeMode::Dark);
    QCOMPARE(Theme::mode(), ThemeMode::Dark);
    const QPalette dark = QApplication::palette();
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::Button}) {
        const QColor c = dark.color(role);
        QVERIFY2(c.lightness() < 80, qPrintable(c.name()));
        QVERIFY2(c.lightness() > 25, qPrintable(c.name() + QStringLiteral(" is nearly black")));
        QVERIFY2(c.hslSaturation() < 40, qPrintable(c.name() + QStringLiteral(" is not a calm grey")));
    }
    // The no-argument form stays the light mode for existing callers.
    Theme::apply();
    QCOMPARE(Theme::mode(), ThemeMode::Light);
    QCOMPARE(QApplication::palette().color(QPalette::Window), lightWindow);
}

void TestTheme::textContrast_data()
{
    QTest::addColumn<ThemeMode>("mode");
    QTest::newRow("light") << ThemeMode::Light;
    QTest::newRow("dark") << ThemeMode::Dark;
}

void TestTheme::textContrast()
{
    QFETCH(ThemeMode, mode);
    Theme::apply(mode);
    const QPalette p = QApplication::palette();
    const QColor base = p.color(QPalette::Base);
    const std::pair<QColor, QColor> pairs[] = {
        {p.color(QPalette::WindowText), p.color(QPalette::Window)},
        {p.color(QPalette::Text), base},
        {p.color(QPalette::ButtonText), p.color(QPalette::Button)},
        {p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)},
        {Theme::liveColor(), base},
        {Theme::neutralColor(), base},
        {Theme::warningColor(), base},
        {Theme::alarmColor(), base},
        {Theme::staleText(), base},
        {Theme::staleBannerText(), Theme::staleBackground()},
        {Theme::chartColors().title, Theme::chartColors().background},
        {Theme::chartColors().labels, Theme::chartColors().background},
    };
    for (const auto &[fg, bg] : pairs)
        QVERIFY2(contrast(fg, bg) >= 4.5, qPrintable(describe(fg, bg)));
    // Stale is quieter than live text, so the eye still tells them apart.
    QVERIFY(contrast(Theme::staleText(), base) < contrast(p.color(QPalette::Text), base));
}

void TestTheme::kpiTileRepaintsInTheNewMode()
{
    Theme::apply(ThemeMode::Light);
    KpiTile tile(QStringLiteral("Alarms"), QStringLiteral("Critical"));
    tile.resize(200, 110);
    tile.setValue(QStringLiteral("3"));
    tile.setLevel(KpiTile::Level::Alarm, QStringLiteral("Act now"));
    tile.show(); // a window: the application's palette reaches it through its platform window
    QVERIFY(QTest::qWaitForWindowExposed(&tile));
    const QPoint inside(tile.width() - 8, tile.height() - 8); // tile surface, away from text
    const QPoint bar(1, tile.height() / 2); // the accent bar down the left edge
    const QImage light = tile.grab().toImage();
    QCOMPARE(light.pixelColor(inside), QApplication::palette().color(QPalette::Base));
    QCOMPARE(light.pixelColor(bar), Theme::alarmColor());

    Theme::apply(ThemeMode::Dark);
    // The change reaches windows through the event loop.
    QTRY_COMPARE(tile.palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));
    const QImage dark = tile.grab().toImage();
    QCOMPARE(dark.pixelColor(inside), QColor(0x33, 0x38, 0x3d));
    QCOMPARE(dark.pixelColor(inside), QApplication::palette().color(QPalette::Base));
    QCOMPARE(dark.pixelColor(bar), Theme::alarmColor());
    QVERIFY(dark.pixelColor(bar) != light.pixelColor(bar));
}

void TestTheme::chartRestylesOnTheSwitch()
{
    Theme::apply(ThemeMode::Light);
    // In a window, on a page that is not shown (as a view on another tab):
    // the switch still reaches it.
    QWidget window;
    auto *page = new QWidget(&window);
    page->hide();
    QChartView *view = Charts::makeChartView(QStringLiteral("Load"), Charts::makeTimeAxis(),
                                             Charts::makeValueAxis(100, QStringLiteral("%.0f")), page);
    QLineSeries *grey = Charts::addSeries(view->chart(), QStringLiteral("CPU"), Charts::Ink::Strong, Qt::DashLine);
    QLineSeries *own = Charts::addSeries(view->chart(), QStringLiteral("Own"), QPen(QColor(0x12, 0x34, 0x56), 3.0));
    grey->append({{0, 10}, {1, 20}});
    window.resize(400, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    page->resize(400, 300);
    view->resize(400, 300);
    const Theme::ChartColors lightColors = Theme::chartColors();
    QCOMPARE(view->chart()->backgroundBrush().color(), lightColors.background);
    QCOMPARE(grey->pen().color(), lightColors.series.at(0));

    Theme::apply(ThemeMode::Dark);
    const Theme::ChartColors darkColors = Theme::chartColors();
    QVERIFY(darkColors.background != lightColors.background);
    QTRY_COMPARE(view->chart()->backgroundBrush().color(), darkColors.background);
    QCOMPARE(view->chart()->titleBrush().color(), darkColors.title);
    for (QAbstractAxis *axis : view->chart()->axes()) {
        QCOMPARE(axis->labelsColor(), darkColors.labels);
        QCOMPARE(axis->gridLineColor(), darkColors.grid);
    }
    QCOMPARE(grey->pen().color(), darkColors.series.at(0));
    QCOMPARE(grey->pen().style(), Qt::DashLine); // only the colour follows the theme
    QCOMPARE(own->pen().color(), QColor(0x12, 0x34, 0x56)); // a pen given as such is left alone
    // And what is drawn: the plot area's corner is the dark background.
    const QImage image = view->grab().toImage();
    const QPointF corner = view->chart()->mapToScene(view->chart()->plotArea().topLeft() + QPointF(-3, 8));
    QCOMPARE(image.pixelColor(view->mapFromScene(corner)), darkColors.background);

    Theme::apply(ThemeMode::Light);
    QTRY_COMPARE(view->chart()->backgroundBrush().color(), lightColors.background);
    QCOMPARE(grey->pen().color(), lightColors.series.at(0));
}

// A window made before the switch and shown after it (a view opened in a
// window of its own later) is in the new mode too.
void TestTheme::windowShownAfterTheSwitch()
{
    Theme::apply(ThemeMode::Light);
    QWidget window;
    QChartView *view = Charts::makeChartView(QStringLiteral("Load"), Charts::makeTimeAxis(),
                                             Charts::makeValueAxis(100, QStringLiteral("%.0f")), &window);
    auto *tile = new KpiTile(QStringLiteral("Drones"), QStringLiteral("Flying"), &window);
    tile->setGeometry(0, 0, 160, 90);
    view->setGeometry(0, 100, 300, 200);
    window.resize(320, 320);
    Theme::apply(ThemeMode::Dark);
    QCoreApplication::processEvents();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    QTRY_COMPARE(view->chart()->backgroundBrush().color(), Theme::chartColors().background);
    QCOMPARE(tile->grab().toImage().pixelColor(tile->width() - 8, tile->height() - 8),
             QApplication::palette().color(QPalette::Base));
}

// Live data in the light mode, switched to dark: the tiles and charts follow.
// The picture is saved (into $WATCHFLOOR_SCREENSHOT_DIR when set) to be looked at.
void TestTheme::overviewInDark()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    Theme::apply(ThemeMode::Light);
    SimOptions options;
    options.drones = 20;
    options.rate = 5.0;
    options.scenarios = {QStringLiteral("machine-breakdown")};
    SimHost sim(options);
    QVERIFY(sim.listen());
    Session session;
    ConnectionSettings settings;
    settings.url = QUrl(sim.url());
    settings.operatorName = QStringLiteral("alice");
    session.setSettings(settings);
    OverviewView view(ViewFactory::overviewSources(&session));
    session.fleetBattery()->setSampling(250, 720);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    session.start();
    QTRY_VERIFY(session.hasLiveData());
    QTest::qWait(6000); // let the trends grow

    Theme::apply(ThemeMode::Dark);
    QTest::qWait(1200); // the charts' next redraw
    const auto *health = view.findChild<QChartView *>(QStringLiteral("healthChart"));
    QVERIFY(health);
    QCOMPARE(health->chart()->backgroundBrush().color(), Theme::chartColors().background);
    QCOMPARE(health->chart()->titleBrush().color(), Theme::chartColors().title);
    QCOMPARE(view.fleetBatterySeries()->pen().color(), Theme::chartColors().series.at(0));
    const QImage image = view.grab().toImage();
    QCOMPARE(image.pixelColor(2, 2), QApplication::palette().color(QPalette::Window));
    QVERIFY(image.save(dir + QStringLiteral("/overview-dark.png")));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
