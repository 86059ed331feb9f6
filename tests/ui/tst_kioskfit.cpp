#include "alarmbanner.h"
#include "alarmdelegate.h"
#include "alarmsview.h"
#include "connectionindicator.h"
#include "kioskcontroller.h"
#include "kpitile.h"
#include "mainwindow.h"
#include "model/alarmmodel.h"
#include "notificationbell.h"
#include "overviewview.h"
#include "screenkeeper.h"
#include "services/session.h"
#include "support/windowfixture.h"
#include "theme.h"
#include "topbar.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QScreen>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <memory>

// The kiosk's 150 % type on a small floor screen (screens-1280x800.json, or
// screens-1024x700.json when WATCHFLOOR_KIOSK_SCREEN says 1024x700: ctest runs
// both) in the middle of an alarm flood: the window is the
// screen, and what an operator reads from across the floor is whole — the
// alarm banner's every part, the top bar's controls, the alarm summary's
// priority word, state, source and raise time (the message gives way), and
// every Overview tile's words and figures. Screenshots of each go to
// WATCHFLOOR_SCREENSHOT_DIR (docs/screenshots/kiosk-<screen>-*.png).
class TestKioskFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nothingImportantIsClipped();
};

namespace {

using View = MainWindow::View;

struct FloorConsole : WindowFixture
{
    explicit FloorConsole(const SimOptions &plant)
        : WindowFixture(plant, {.token = QStringLiteral("o"), .operatorName = QStringLiteral("floor-1")})
    {
        window = std::make_unique<MainWindow>(openServices(), QStringLiteral("Line 1 floor"));
        KioskSettings k;
        k.enabled = true;
        k.views = {QStringLiteral("alarms"), QStringLiteral("overview")};
        k.rotateSeconds = 0; // the test shows each view itself
        k.rotation = KioskSettings::Rotation::Rotate;
        k.fontPercent = 150;
        k.cursorHideSeconds = 3600;
        controller = std::make_unique<KioskController>(window.get(), session.alarms(), k);
        controller->screenKeeper()->setBusAddress(QStringLiteral("unix:path=/nonexistent/watchfloor-test-bus"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("screen may blank")));
        controller->start();
        session.start();
    }
    ~FloorConsole() override
    {
        controller.reset();
        if (window)
            window->setCloseLocked(false);
    }

    std::unique_ptr<KioskController> controller;
};

QString sizeName(const QScreen *screen)
{
    return QStringLiteral("%1x%2").arg(screen->geometry().width()).arg(screen->geometry().height());
}

} // namespace

void TestKioskFit::initTestCase()
{
    Theme::apply(ThemeMode::Light);
    // The test's screen, not the platform's default.
    QCOMPARE(sizeName(QGuiApplication::primaryScreen()),
             qEnvironmentVariable("WATCHFLOOR_KIOSK_SCREEN", QStringLiteral("1280x800")));
}

void TestKioskFit::nothingImportantIsClipped()
{
    QScreen *screen = QGuiApplication::primaryScreen();
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString shots = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path()) + QStringLiteral("/kiosk-")
        + sizeName(screen) + u'-';

    SimOptions plant;
    plant.drones = 30;
    plant.machines = 8;
    plant.tiles = 2;
    plant.scenarios = {QStringLiteral("alarm-flood")};
    FloorConsole c(plant);
    MainWindow *w = c.window.get();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    AlarmBanner *banner = w->alarmBanner();
    // The flood at its height: several priorities waiting, the rate judged a flood.
    QTRY_VERIFY_WITH_TIMEOUT(banner->waitingCount() >= 10 && banner->isFlood(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(
        banner->count(Domain::AlarmSeverity::High) > 0 && banner->count(Domain::AlarmSeverity::Medium) > 0, 30000);

    // The window is the screen: never wider, whatever its contents ask for.
    QVERIFY(w->windowState() & Qt::WindowFullScreen);
    QTRY_COMPARE(w->size(), screen->size());
    QVERIFY2(w->minimumSizeHint().width() <= screen->geometry().width(),
             qPrintable(QString::number(w->minimumSizeHint().width())));

    for (const View view : {View::Alarms, View::Overview}) {
        w->showView(view);
        QTest::qWait(200); // laid out and painted
        QVERIFY(w->grab().save(shots + (view == View::Alarms ? u"alarms.png" : u"overview.png")));
        // The alarm banner: across the window, every part whole inside it.
        const QRect bannerArea(banner->mapTo(w, QPoint()), banner->size());
        QVERIFY(w->rect().contains(bannerArea));
        QVERIFY(banner->isVisible());
        for (const QRectF &part : banner->partRects())
            QVERIFY2(QRectF(banner->rect()).contains(part),
                     qPrintable(QStringLiteral("part at %1,%2 %3×%4 outside %5×%6")
                                    .arg(part.x())
                                    .arg(part.y())
                                    .arg(part.width())
                                    .arg(part.height())
                                    .arg(banner->width())
                                    .arg(banner->height())));
        // The top bar: each control whole, inside the bar.
        const auto *bar = w->findChild<TopBar *>();
        for (QWidget *control : {static_cast<QWidget *>(bar->indicator()), static_cast<QWidget *>(bar->bell())}) {
            const QRect area(control->mapTo(bar, QPoint()), control->size());
            QVERIFY2(bar->rect().contains(area), control->metaObject()->className());
            QVERIFY2(control->width() >= control->minimumSizeHint().width(), control->metaObject()->className());
        }
    }

    // The alarm summary: the priority word, the state, the source and the
    // raise time whole; the message gives way.
    w->showView(View::Alarms);
    QTableView *table = w->alarmsView()->alarmTable();
    QTRY_VERIFY(table->model()->rowCount() > 0);
    QFont bold = table->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QHeaderView *header = table->horizontalHeader();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        for (const int column : {int(AlarmModel::SeverityColumn), int(AlarmModel::StateColumn),
                                 int(AlarmModel::SourceColumn), int(AlarmModel::RaisedColumn)}) {
            const QString text = AlarmDelegate::cellText(table->model()->index(row, column));
            // The priority word and the state may be bold; the source and time are not.
            const QFontMetrics metrics = column == AlarmModel::SeverityColumn || column == AlarmModel::StateColumn
                ? boldMetrics
                : table->fontMetrics();
            QVERIFY2(
                header->sectionSize(column) > metrics.horizontalAdvance(text),
                qPrintable(
                    QStringLiteral("row %1: \"%2\" in %3 px").arg(row).arg(text).arg(header->sectionSize(column))));
        }
    }
    // Those columns are in view without scrolling: they come before the message.
    for (const int column : {int(AlarmModel::SeverityColumn), int(AlarmModel::StateColumn),
                             int(AlarmModel::SourceColumn), int(AlarmModel::RaisedColumn)})
        QVERIFY2(header->sectionViewportPosition(column) + header->sectionSize(column) <= table->viewport()->width(),
                 qPrintable(QString::number(column)));

    // A floor screen makes no alarm actions: no word on keeping them.
    QVERIFY(!w->alarmsView()->storeBanner()->isVisible());

    // The Overview: every tile's words and figure whole.
    w->showView(View::Overview);
    QTest::qWait(100);
    OverviewView *overview = w->overview();
    for (int kpi = 0; kpi < int(OverviewView::Kpi::Count); ++kpi) {
        KpiTile *tile = overview->tile(OverviewView::Kpi(kpi));
        if (!tile->isVisible())
            continue;
        QVERIFY2(tile->textFits(), qPrintable(tile->label() + u' ' + tile->valueText() + u' ' + tile->markText()));
    }
    // Its charts: room for every value label between the ticks, none cut to "…".
    const QList<QChartView *> charts = overview->findChildren<QChartView *>();
    QCOMPARE(charts.size(), 3);
    for (QChartView *view : charts) {
        const QRectF plot = view->chart()->plotArea();
        for (QAbstractAxis *abstract : view->chart()->axes(Qt::Vertical)) {
            auto *axis = qobject_cast<QValueAxis *>(abstract);
            QVERIFY(axis);
            const qreal labelHeight = QFontMetricsF(axis->labelsFont()).height();
            const qreal range = axis->max() - axis->min();
            const qreal spacing = axis->tickType() == QValueAxis::TicksDynamic
                ? plot.height() * axis->tickInterval() / range
                : plot.height() / (axis->tickCount() - 1);
            QVERIFY2(spacing >= labelHeight,
                     qPrintable(QStringLiteral("%1: %2 px between labels %3 px high")
                                    .arg(view->chart()->title())
                                    .arg(spacing)
                                    .arg(labelHeight)));
        }
    }
}

int main(int argc, char *argv[])
{
    const QByteArray screen
        = qgetenv("WATCHFLOOR_KIOSK_SCREEN").isEmpty() ? QByteArray("1280x800") : qgetenv("WATCHFLOOR_KIOSK_SCREEN");
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" WATCHFLOOR_TEST_SOURCE_DIR "/screens-" + screen + ".json");
    QApplication app(argc, argv);
    TestKioskFit test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_kioskfit.moc"
