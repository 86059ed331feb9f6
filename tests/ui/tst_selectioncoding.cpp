#include "alarmfilterproxy.h"
#include "alarmsview.h"
#include "cellpainter.h"
#include "dronedelegate.h"
#include "dronefilterproxy.h"
#include "dronesview.h"
#include "notificationfilterproxy.h"
#include "notificationpanel.h"
#include "prioritycode.h"
#include "services/notificationcenter.h"
#include "support/consolefixture.h"
#include "theme.h"

#include <QDir>
#include <QHBoxLayout>
#include <QListView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Domain::AlarmSeverity;

// A selected row keeps its coding: the priority's mark and word in the
// priority's colour, a low battery's bar and words in theirs, in the alarms
// and drones tables and the notification list. The selection still shows.
class TestSelectionCoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void cleanup() { Theme::apply(ThemeMode::Light); }
    void alarmRowKeepsItsPriority_data();
    void alarmRowKeepsItsPriority();
    void droneRowKeepsItsBatteryCode();
    void notificationKeepsItsPriority();
};

namespace {

SimOptions flood()
{
    SimOptions o;
    o.drones = 12; // every third drone runs low: four alarms at once
    o.machines = 0;
    o.tiles = 0;
    o.rate = 0.5; // slow, so the drones stay low while the test looks
    o.scenarios = {QStringLiteral("alarm-flood")};
    return o;
}

// Pixels of `image` within `rect` whose colour is within `tolerance` of
// `colour` in each channel.
int pixelsNear(const QImage &image, const QRect &rect, const QColor &colour, int tolerance = 24)
{
    int count = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) <= tolerance && qAbs(c.green() - colour.green()) <= tolerance
                && qAbs(c.blue() - colour.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

// Saves a grab for a person to look at, into $WATCHFLOOR_SCREENSHOT_DIR when set.
void keep(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        image.save(QDir(dir).filePath(name));
}

// The proxy row of the most severe alarm listed, or -1.
int mostSevereRow(const QAbstractItemModel *proxy)
{
    int best = -1;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const int rank
            = Domain::severityRank(AlarmSeverity(proxy->index(row, 0).data(AlarmModel::SeverityRole).toInt()));
        if (best < 0
            || rank < Domain::severityRank(AlarmSeverity(proxy->index(best, 0).data(AlarmModel::SeverityRole).toInt())))
            best = row;
    }
    return best;
}

} // namespace

void TestSelectionCoding::alarmRowKeepsItsPriority_data()
{
    QTest::addColumn<ThemeMode>("mode");
    QTest::newRow("light") << ThemeMode::Light;
    QTest::newRow("dark") << ThemeMode::Dark;
}

void TestSelectionCoding::alarmRowKeepsItsPriority()
{
    QFETCH(ThemeMode, mode);
    Theme::apply(mode);
    ConsoleFixture console(flood(), {.token = {}});
    AlarmsView view(console.session.alarms(), console.session.alarmRate(), console.session.alarmActions(),
                    console.session.link());
    view.resize(1280, 600);
    view.show();
    console.session.start();
    QTableView *table = view.alarmTable();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 15000);
    const int row = mostSevereRow(table->model());
    const auto severity = AlarmSeverity(table->model()->index(row, 0).data(AlarmModel::SeverityRole).toInt());
    // Info's grey would be too near the selection's to tell anything.
    QVERIFY(severity != AlarmSeverity::Info);
    const QColor code = PriorityCode::color(severity);

    table->selectRow(row);
    QVERIFY(table->selectionModel()->isRowSelected(row, {}));
    const QImage image = table->viewport()->grab().toImage();
    keep(image, QStringLiteral("selected-alarm-%1.png").arg(QLatin1StringView(QTest::currentDataTag())));
    const qreal dpr = image.devicePixelRatio();
    const auto scaled = [dpr](const QRect &r) {
        return QRect(qRound(r.x() * dpr), qRound(r.y() * dpr), qRound(r.width() * dpr), qRound(r.height() * dpr));
    };
    const QRect cell = table->visualRect(table->model()->index(row, AlarmModel::SeverityColumn));
    // The word, right of the mark: written in the priority's colour, not the
    // selection's text colour.
    const int markRoom = std::min(cell.height() - 6, table->fontMetrics().height() + 2) + 12;
    const QRect word = cell.adjusted(markRoom, 0, 0, 0);
    const int wordInk = pixelsNear(image, scaled(word), code);
    QVERIFY2(wordInk >= 8, qPrintable(QStringLiteral("%1 pixels of the priority's colour in the word").arg(wordInk)));
    // The mark too.
    const QRect mark(cell.left(), cell.top(), markRoom, cell.height());
    QVERIFY(pixelsNear(image, scaled(mark), code) >= 8);
    // The row still reads as selected: the selection's colour across its other cells.
    const QRect message = table->visualRect(table->model()->index(row, AlarmModel::MessageColumn));
    const QColor highlight = table->palette().color(QPalette::Highlight);
    QVERIFY(pixelsNear(image, scaled(message), highlight, 6) > message.width() * message.height() / 3);
    // An unselected row's severity cell has no selection colour in it.
    table->clearSelection();
    const QImage plain = table->viewport()->grab().toImage();
    QCOMPARE(pixelsNear(plain, scaled(cell), highlight, 6), 0);
    QVERIFY(pixelsNear(plain, scaled(word), code) >= 8);
}

void TestSelectionCoding::droneRowKeepsItsBatteryCode()
{
    ConsoleFixture console(flood(), {.token = {}});
    DronesView view(console.session.drones(),
                    [&console](const QString &serial) { return console.session.joinDroneRoom(serial); });
    view.resize(1280, 600);
    view.show();
    console.session.start();
    QTableView *table = view.droneTable();
    // A drone the flood ran low.
    const auto lowRow = [table] {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(DroneModel::BatteryRole).toDouble()
                < DroneDelegate::kCriticalBattery)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(lowRow() >= 0, 15000);
    const int row = lowRow();
    table->selectRow(row);
    const QImage image = table->viewport()->grab().toImage();
    keep(image, QStringLiteral("selected-drone.png"));
    const QRect cell = table->visualRect(table->model()->index(row, DroneModel::BatteryColumn));
    QCOMPARE(image.devicePixelRatio(), 1.0);
    // The words beside the bar ("8 % LOW") in the alarm colour the row has unselected.
    const QRect words = cell.adjusted(60 + 14, 0, 0, 0);
    const int ink = pixelsNear(image, words, Theme::alarmColor().darker(115));
    QVERIFY2(ink >= 8, qPrintable(QStringLiteral("%1 pixels of the alarm colour in the words").arg(ink)));
}

void TestSelectionCoding::notificationKeepsItsPriority()
{
    ConsoleFixture console(flood(), {.token = {}});
    console.openStore();
    NotificationCenter center(&console.session, console.session.store());
    QWidget window;
    window.resize(560, 820);
    auto *layout = new QHBoxLayout(&window);
    auto *panel = new NotificationPanel(&center, console.session.link(), &window);
    layout->addWidget(panel);
    window.show();
    console.session.start();
    NotificationFilterProxy *proxy = panel->proxy();
    const auto alarmRow = [proxy] {
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex index = proxy->index(row, 0);
            if (index.data(NotificationModel::KindRole).toInt() == int(NotificationModel::Kind::Alarm)
                && AlarmSeverity(index.data(NotificationModel::SeverityRole).toInt()) != AlarmSeverity::Info)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(alarmRow() >= 0, 15000);
    const int row = alarmRow();
    const auto severity = AlarmSeverity(proxy->index(row, 0).data(NotificationModel::SeverityRole).toInt());
    QListView *list = panel->list();
    list->selectionModel()->select(proxy->index(row, 0), QItemSelectionModel::ClearAndSelect);
    const QImage image = list->viewport()->grab().toImage();
    keep(image, QStringLiteral("selected-notification.png"));
    QCOMPARE(image.devicePixelRatio(), 1.0);
    // The word beside the mark on the first line (the body is the row's
    // last three lines; a day's header may stand above it). Left of it the
    // priority's stripe and mark, which keep their colour either way.
    const QRect rect = list->visualRect(proxy->index(row, 0));
    const int line = list->fontMetrics().lineSpacing();
    const int bodyTop = rect.bottom() - (3 * line + 2 * 6 + 2) + 1;
    const int wordLeft = rect.left() + 4 + 6 + 8 + 6 + std::min(16, line) + 6;
    const QRect word(wordLeft, bodyTop + 6, list->fontMetrics().averageCharWidth() * 8, line);
    const int ink = pixelsNear(image, word, PriorityCode::color(severity));
    QVERIFY2(ink >= 8, qPrintable(QStringLiteral("%1 pixels of the priority's colour in the word").arg(ink)));
}

QTEST_MAIN(TestSelectionCoding)
#include "tst_selectioncoding.moc"
