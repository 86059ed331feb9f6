#include "connectiondetails.h"
#include "connectionindicator.h"
#include "dronedelegate.h"
#include "dronefilterproxy.h"
#include "dronesview.h"
#include "kpitile.h"
#include "machinedelegate.h"
#include "machinefilterproxy.h"
#include "machinesview.h"
#include "mainwindow.h"
#include "model/dronemodel.h"
#include "model/machinemodel.h"
#include "overviewview.h"
#include "services/linkstatus.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "timetext.h"

#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <memory>

// The console with its server stopped, as an operator sees it: ages rather
// than clock times wherever the data is old. The banner says for how long
// and when the last message came, ticking; stale rows say so in their
// status cell, unclipped, and every cell of them is drawn dimmed; the
// headlines and tiles counted from stale data say so; the connection
// details say since when the link is down and why, with no placeholder of a
// healthy link. Then the server comes back on its port.
class TestOutage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { Theme::apply(ThemeMode::Light); }
    void bannerSaysForHowLongAndWhenLastReceived();
    void connectionDetailsSayDownSinceAndWhy();
    void staleRowsSayStaleUnclippedAndAreDimmedInEveryCell_data();
    void staleRowsSayStaleUnclippedAndAreDimmedInEveryCell();
    void headlinesAndTilesSayTheyCountStaleData();
};

namespace {

SimOptions plant()
{
    SimOptions o;
    o.drones = 8;
    o.machines = 6;
    o.tiles = 0;
    o.rate = 5.0;
    return o;
}

// A console and its window at the smallest screen it is made for, live.
struct Console : WindowFixture
{
    Console()
        : WindowFixture(plant())
    {
        openWindow(QSize(1024, 700));
        session.start();
    }

    bool live() const { return session.link()->isLive(); }

    // Stops the server; the port stays known for restart().
    void stop()
    {
        port = server->port();
        server.reset();
    }

    // The server again, on the port the console knows.
    bool restart()
    {
        SimOptions o = plant();
        o.port = port;
        server = std::make_unique<SimHost>(o);
        return server->listen();
    }

    quint16 port = 0;
};

// The age the banner shows in seconds, or -1 when it shows none.
int bannerSeconds(const QLabel *banner)
{
    static const QRegularExpression forSeconds(QStringLiteral("^NOT LIVE for (\\d+) s, last received "));
    const QRegularExpressionMatch m = forSeconds.match(banner->text());
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

double luma(const QColor &c)
{
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

// How strongly the ink of `region` stands out of `background`: the largest
// difference of brightness, and the most saturated pixel.
struct Ink
{
    double contrast = 0.0;
    double saturation = 0.0;
};

Ink inkOf(const QImage &image, const QRect &region, const QColor &background)
{
    Ink ink;
    const QRect inside = region.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            ink.contrast = std::max(ink.contrast, std::abs(luma(c) - luma(background)));
            ink.saturation = std::max(ink.saturation, double(c.hsvSaturationF()));
        }
    }
    return ink;
}

} // namespace

void TestOutage::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    Theme::apply(ThemeMode::Light);
}

void TestOutage::bannerSaysForHowLongAndWhenLastReceived()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 15000);
    QLabel *banner = console.window->staleBanner();
    QVERIFY(!banner->isVisible());

    console.stop();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    // "NOT LIVE for 3 s, last received 08:26:12 — …": the age, and the time
    // of day to match with what happened on the floor.
    QTRY_VERIFY2(bannerSeconds(banner) >= 0, qPrintable(banner->text()));
    const QString received = TimeText::of(console.session.link()->lastMessageAt());
    QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d$")).match(received).hasMatch());
    QVERIFY2(banner->text().contains(QStringLiteral(", last received %1 — ").arg(received)),
             qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QStringLiteral("Link: ")), qPrintable(banner->text()));
    // The age advances second by second while the clock time stays.
    const int first = bannerSeconds(banner);
    // (Greater, not equal: a busy machine may skip a repaint's second.)
    QTRY_VERIFY(bannerSeconds(banner) > first);
    const int second = bannerSeconds(banner);
    QTRY_VERIFY(bannerSeconds(banner) > second);
    QVERIFY(banner->text().contains(received));

    // The server back on its port: the console finds it and the banner goes.
    QVERIFY(console.restart());
    QTRY_VERIFY_WITH_TIMEOUT(console.live(), 15000);
    QTRY_VERIFY(!banner->isVisible());
}

void TestOutage::connectionDetailsSayDownSinceAndWhy()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 15000);
    ConnectionIndicator *indicator = console.window->connectionIndicator();
    QTest::mouseClick(indicator, Qt::LeftButton);
    ConnectionDetails *details = indicator->details();
    QVERIFY(details);
    QVERIFY(QTest::qWaitForWindowExposed(details));
    QCOMPARE(details->title(QStringLiteral("detailLastOutage")), QStringLiteral("Last outage"));
    QCOMPARE(details->value(QStringLiteral("detailLastOutage")), QStringLiteral("none"));

    console.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!console.live(), 10000);
    // Since when, on the clock, and for how long, ticking.
    static const QRegularExpression downSince(QStringLiteral("^down since (\\d\\d:\\d\\d:\\d\\d) \\(for (\\d+) s\\)$"));
    QTRY_VERIFY2(downSince.match(details->value(QStringLiteral("detailLastOutage"))).hasMatch(),
                 qPrintable(details->value(QStringLiteral("detailLastOutage"))));
    QCOMPARE(details->title(QStringLiteral("detailLastOutage")), QStringLiteral("Outage"));
    QCOMPARE(downSince.match(details->value(QStringLiteral("detailLastOutage"))).captured(1),
             TimeText::of(console.session.link()->downSince()));
    const auto forSeconds
        = [&] { return downSince.match(details->value(QStringLiteral("detailLastOutage"))).captured(2).toInt(); };
    const int first = forSeconds();
    QTRY_VERIFY(forSeconds() > first);
    // Why, and no figure of a healthy link: no "none", no "0 ms", no rate,
    // and nothing "not known yet" of a link that was known until it broke.
    const QString error = details->value(QStringLiteral("detailLastError"));
    QCOMPARE(error, console.session.link()->lastError());
    QVERIFY2(!error.isEmpty() && error != u"none", qPrintable(error));
    QCOMPARE(details->value(QStringLiteral("detailRoundTrip")), QStringLiteral("— (link down)"));
    QCOMPARE(details->value(QStringLiteral("detailEventRate")), QStringLiteral("— (link down)"));
    static const QRegularExpression healthy(QStringLiteral("^none$|(^|\\D)0 ms|per second|not known yet"));
    for (const QString &row :
         {QStringLiteral("detailServer"), QStringLiteral("detailDialect"), QStringLiteral("detailServerName"),
          QStringLiteral("detailSession"), QStringLiteral("detailRole"), QStringLiteral("detailState"),
          QStringLiteral("detailLastConnected"), QStringLiteral("detailLastOutage"), QStringLiteral("detailRecovery"),
          QStringLiteral("detailEventRate"), QStringLiteral("detailRoundTrip"), QStringLiteral("detailLastError")})
        QVERIFY2(!healthy.match(details->value(row)).hasMatch(), qPrintable(row + u": " + details->value(row)));

    // Back: the outage is the last one, with its length, and the figures return.
    QVERIFY(console.restart());
    QTRY_VERIFY_WITH_TIMEOUT(console.live(), 15000);
    QTRY_COMPARE(details->title(QStringLiteral("detailLastOutage")), QStringLiteral("Last outage"));
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+ s$"))
                 .match(details->value(QStringLiteral("detailLastOutage")))
                 .hasMatch(),
             qPrintable(details->value(QStringLiteral("detailLastOutage"))));
    QVERIFY(!console.session.link()->downSince().isValid());
    QTRY_VERIFY(details->value(QStringLiteral("detailEventRate")).endsWith(u"per second"));
}

void TestOutage::staleRowsSayStaleUnclippedAndAreDimmedInEveryCell_data()
{
    QTest::addColumn<ThemeMode>("mode");
    QTest::addColumn<bool>("drones");
    QTest::newRow("drones, light") << ThemeMode::Light << true;
    QTest::newRow("drones, dark") << ThemeMode::Dark << true;
    QTest::newRow("machines, light") << ThemeMode::Light << false;
    QTest::newRow("machines, dark") << ThemeMode::Dark << false;
}

void TestOutage::staleRowsSayStaleUnclippedAndAreDimmedInEveryCell()
{
    QFETCH(ThemeMode, mode);
    QFETCH(bool, drones);
    Theme::apply(mode);
    Console console;
    MainWindow *window = console.window.get();
    window->showView(drones ? MainWindow::View::Drones : MainWindow::View::Machines);
    QTableView *table = drones ? window->dronesView()->droneTable() : window->machinesView()->machineTable();
    StatusTableDelegate *delegate = drones ? static_cast<StatusTableDelegate *>(window->dronesView()->delegate())
                                           : window->machinesView()->delegate();
    const int statusColumn = drones ? int(DroneModel::StateColumn) : int(MachineModel::StatusColumn);
    const int barColumn = drones ? int(DroneModel::BatteryColumn) : int(MachineModel::UtilizationColumn);
    QAbstractItemModel *rows = table->model();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData() && rows->rowCount() >= 6, 15000);
    table->clearSelection();
    table->setCurrentIndex({});
    QVERIFY(!rows->index(0, 0).data(LiveTableModel::StaleRole).toBool());
    const int columns = rows->columnCount();

    // The ink of each cell of the first row: graphics (symbol, bar) and text
    // apart, so that a bright symbol cannot hide behind dimmed text.
    const auto measure = [&](int column) {
        const QModelIndex cell = rows->index(0, column);
        const QRect rect = table->visualRect(cell);
        const QImage image = table->viewport()->grab(rect).toImage();
        const QColor background = image.pixelColor(1, 1);
        const int split = column == barColumn ? 6 + 60 + 4
            : column == statusColumn          ? 6 + table->fontMetrics().height() + 4
                                              : 0;
        return std::pair {inkOf(image, QRect(0, 0, split, image.height()), background),
                          inkOf(image, QRect(split, 0, image.width() - split, image.height()), background)};
    };
    QList<std::pair<Ink, Ink>> live;
    for (int column = 0; column < columns; ++column)
        live.append(measure(column));

    console.stop();
    QTRY_VERIFY_WITH_TIMEOUT(rows->index(0, 0).data(LiveTableModel::StaleRole).toBool(), 10000);
    QTRY_VERIFY(rows->index(0, 0).data(LiveTableModel::AgeRole).toLongLong() >= 1000);

    // The status cell says stale and for how long, within the column as it
    // opens: the whole text beside the symbol fits the default width.
    const QModelIndex status = rows->index(0, statusColumn);
    QStyleOptionViewItem option;
    option.initFrom(table);
    const QString statusWord = drones
        ? DroneDelegate::stateText(Domain::DroneState(status.data(DroneModel::StateRole).toInt()))
        : MachineDelegate::statusText(Domain::MachineState(status.data(MachineModel::StatusRole).toInt()));
    const QString shown
        = StatusTableDelegate::staleStatusText(statusWord, status.data(LiveTableModel::AgeRole).toLongLong());
    QVERIFY2(QRegularExpression(QStringLiteral("^\\w+ · stale · \\d+ s$")).match(shown).hasMatch(), qPrintable(shown));
    const int width = table->horizontalHeader()->sectionSize(statusColumn);
    QFont bold = table->font();
    bold.setBold(true);
    const int needed = table->fontMetrics().height() + 12 + QFontMetrics(bold).horizontalAdvance(shown) + 4;
    QVERIFY2(needed <= width, qPrintable(QStringLiteral("%1 needs %2 px of %3").arg(shown).arg(needed).arg(width)));
    // And so for every status an hour old at most, at the default widths.
    for (const QString &word : drones ? QStringList {DroneDelegate::stateText(Domain::DroneState::Maintenance),
                                                     DroneDelegate::stateText(Domain::DroneState::Charging)}
                                      : QStringList {MachineDelegate::statusText(Domain::MachineState::Maintenance)}) {
        const QString longest = StatusTableDelegate::staleStatusText(word, 59 * 60'000);
        QVERIFY2(table->fontMetrics().height() + 12 + QFontMetrics(bold).horizontalAdvance(longest) + 4 <= width,
                 qPrintable(longest));
    }
    QVERIFY(width >= delegate->statusColumnWidth(table->font()));

    // Every cell of the row is dimmed: its text no stronger than the stale
    // grey and never coloured; its symbol and bar, colours included, faded
    // well below what they were live.
    const double staleText = std::abs(luma(Theme::staleText()) - luma(table->palette().color(QPalette::Base)));
    for (int column = 0; column < columns; ++column) {
        const auto [graphics, text] = measure(column);
        const QString where = QStringLiteral("column %1").arg(column);
        QVERIFY2(text.contrast <= staleText + 0.06,
                 qPrintable(QStringLiteral("%1: text contrast %2 > %3").arg(where).arg(text.contrast).arg(staleText)));
        QVERIFY2(text.saturation <= 0.25,
                 qPrintable(QStringLiteral("%1: saturation %2").arg(where).arg(text.saturation)));
        if (live.at(column).first.contrast > 0.2) {
            QVERIFY2(graphics.contrast <= 0.6 * live.at(column).first.contrast,
                     qPrintable(QStringLiteral("%1: symbol or bar contrast %2, live %3")
                                    .arg(where)
                                    .arg(graphics.contrast)
                                    .arg(live.at(column).first.contrast)));
            QVERIFY2(graphics.saturation <= std::max(0.25, 0.6 * live.at(column).first.saturation),
                     qPrintable(QStringLiteral("%1: symbol or bar saturation %2").arg(where).arg(graphics.saturation)));
        }
    }
    // Live text stood out more than stale grey: the measure can tell.
    QVERIFY(live.at(statusColumn).second.contrast > staleText + 0.06);
}

void TestOutage::headlinesAndTilesSayTheyCountStaleData()
{
    Console console;
    MainWindow *window = console.window.get();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData() && console.session.drones()->rowCount() == 8, 15000);
    QLabel *droneSummary = window->dronesView()->summaryLabel();
    QLabel *machineSummary = window->machinesView()->findChild<QLabel *>(QStringLiteral("machineSummary"));
    QVERIFY(machineSummary);
    QTRY_VERIFY(droneSummary->text().startsWith(u"8 drones"));
    QVERIFY2(!droneSummary->text().contains(u"stale"), qPrintable(droneSummary->text()));
    QVERIFY2(!machineSummary->text().contains(u"stale"), qPrintable(machineSummary->text()));
    KpiTile *flying = window->overview()->tile(OverviewView::Kpi::DronesFlying);
    QVERIFY(!flying->isStale());

    console.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!console.live(), 10000);
    // Counted from last known rows: said first, with how old they are, ticking.
    static const QRegularExpression lastKnown(QStringLiteral("^Last known, stale · (\\d+) s: "));
    QTRY_VERIFY2(lastKnown.match(droneSummary->text()).hasMatch(), qPrintable(droneSummary->text()));
    QVERIFY(droneSummary->text().contains(u"8 drones · "));
    QTRY_VERIFY2(lastKnown.match(machineSummary->text()).hasMatch(), qPrintable(machineSummary->text()));
    QVERIFY(machineSummary->font().italic());
    QCOMPARE(machineSummary->palette().color(QPalette::WindowText), Theme::staleText());
    const int first = lastKnown.match(droneSummary->text()).captured(1).toInt();
    QTRY_VERIFY(lastKnown.match(droneSummary->text()).captured(1).toInt() > first);
    // The overview's tiles and charts: stale, and for how long.
    QVERIFY(flying->isStale());
    QTRY_VERIFY2(QRegularExpression(QStringLiteral("^stale · \\d+ s$")).match(flying->markText()).hasMatch(),
                 qPrintable(flying->markText()));
    for (QChartView *chart : window->overview()->findChildren<QChartView *>())
        QVERIFY2(chart->chart()->title().contains(QStringLiteral(" — not live, stale · ")),
                 qPrintable(chart->chart()->title()));

    QVERIFY(console.restart());
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 15000);
    QTRY_VERIFY2(!droneSummary->text().contains(u"stale"), qPrintable(droneSummary->text()));
    QTRY_VERIFY2(!machineSummary->text().contains(u"stale"), qPrintable(machineSummary->text()));
    QVERIFY(!machineSummary->font().italic());
    QTRY_VERIFY(!flying->isStale());
    QCOMPARE(flying->markText(), QString());
}

QTEST_MAIN(TestOutage)
#include "tst_outage.moc"
