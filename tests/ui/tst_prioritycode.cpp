#include "alarmbanner.h"
#include "alarmdelegate.h"
#include "alarmsview.h"
#include "kpitile.h"
#include "model/notificationmodel.h"
#include "noticecode.h"
#include "notificationbell.h"
#include "notificationdelegate.h"
#include "overviewview.h"
#include "prioritycode.h"
#include "services/notificationcenter.h"
#include "services/session.h"
#include "theme.h"
#include "toastwidget.h"
#include "viewfactory.h"

#include <QLabel>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>

#include <functional>
#include <queue>

using Domain::Alarm;
using Domain::AlarmSeverity;
using Domain::AlarmState;

// One priority code on every surface (issue 16): each surface that shows an
// alarm's priority is painted offscreen for every priority, in the light and
// the dark theme, and what it painted is read back: the colour of the mark
// (the table colour that most of the region's coloured pixels are), the
// shape of the mark (the painted mark's outline against PriorityCode::paint
// of every priority at the same size: its own must fit best, and well), and
// the word (from the surface's label, model text or accessible text). A
// surface that draws a priority its own way fails here.
class TestPriorityCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void tableHasOneDistinctCodePerPriority();
    void noticeCodeSharesNothingWithThePriorities();
    void alarmSummary_data();
    void alarmSummary();
    void toast_data();
    void toast();
    void notificationCenter_data();
    void notificationCenter();
    void noticeInTheCenterAndToastWearsTheNoticeCode();
    void bell_data();
    void bell();
    void overviewTile_data();
    void overviewTile();
    void alarmBanner_data();
    void alarmBanner();
};

namespace {

Alarm alarm(const QString &id, AlarmSeverity severity, AlarmState state = AlarmState::ActiveAcked)
{
    Alarm a;
    a.alarmId = id;
    a.severity = severity;
    a.message = QStringLiteral("alarm ") + id;
    a.state = state;
    a.timestamp = QDateTime::currentDateTimeUtc();
    return a;
}

int distance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

// Pixels near `colour` as a mask, and its leftmost connected shape (8-connected,
// at least 4 pixels): the mark, which every surface paints before its word.
struct Shape
{
    QRect box;
    QList<QPoint> points; // relative to box
    bool isEmpty() const { return points.isEmpty(); }
};

Shape leftmostShape(const QImage &image, const QColor &colour, int tolerance = 90)
{
    const int w = image.width();
    const int h = image.height();
    std::vector<char> near(size_t(w * h), 0);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x)
            near[size_t(y * w + x)] = distance(image.pixelColor(x, y), colour) <= tolerance;
    }
    std::vector<char> seen(near.size(), 0);
    QList<Shape> parts;
    for (int x0 = 0; x0 < w; ++x0) {
        for (int y0 = 0; y0 < h; ++y0) {
            if (!near[size_t(y0 * w + x0)] || seen[size_t(y0 * w + x0)])
                continue;
            Shape part;
            std::queue<QPoint> todo;
            todo.push({x0, y0});
            seen[size_t(y0 * w + x0)] = 1;
            while (!todo.empty()) {
                const QPoint p = todo.front();
                todo.pop();
                part.points.append(p);
                part.box |= QRect(p, QSize(1, 1));
                for (int dy = -1; dy <= 1; ++dy) {
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int x = p.x() + dx;
                        const int y = p.y() + dy;
                        if (x < 0 || y < 0 || x >= w || y >= h || seen[size_t(y * w + x)] || !near[size_t(y * w + x)])
                            continue;
                        seen[size_t(y * w + x)] = 1;
                        todo.push({x, y});
                    }
                }
            }
            parts.append(part);
        }
    }
    // The leftmost part of 4 pixels or more, with the parts within 2 pixels
    // of it (a mark cut in two by its exclamation mark is one mark).
    Shape mark;
    for (const Shape &part : parts) {
        if (part.points.size() >= 4 && (mark.isEmpty() || part.box.left() < mark.box.left()))
            mark = part;
    }
    if (mark.isEmpty())
        return mark;
    for (bool grew = true; grew;) {
        grew = false;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (parts.at(i).box.intersects(mark.box.adjusted(-2, -2, 2, 2))
                && parts.at(i).points.first() != mark.points.first() && !mark.box.contains(parts.at(i).box)) {
                mark.points += parts.at(i).points;
                mark.box |= parts.at(i).box;
                grew = true;
            }
        }
    }
    // Parts inside the box that were not merged yet (the dot of a mark).
    for (const Shape &part : parts) {
        if (mark.box.contains(part.box) && part.points.first() != mark.points.first()
            && !mark.points.contains(part.points.first()))
            mark.points += part.points;
    }
    for (QPoint &p : mark.points)
        p -= mark.box.topLeft();
    return mark;
}

// PriorityCode::paint of `priority` on `background`, at every size and
// quarter-pixel offset whose mark's bounding box is within a pixel of `box`.
QList<Shape> references(AlarmSeverity priority, const QSize &box, const QColor &background)
{
    // Remembered: the same sizes come back for every priority and theme.
    static QHash<QString, QList<Shape>> cache;
    const QString key = QStringLiteral("%1 %2x%3 %4 %5")
                            .arg(int(priority))
                            .arg(box.width())
                            .arg(box.height())
                            .arg(background.name())
                            .arg(PriorityCode::color(priority).name());
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QList<Shape> &found = cache[key];
    // A mark's box is its side give or take a few pixels (the ring is inset most).
    const int low = std::max(5, std::min(box.width(), box.height()) - 3);
    const int high = std::max(box.width(), box.height()) + 8;
    for (qreal side = low; side <= high; side += 0.5) {
        for (const qreal dx : {0.0, 0.25, 0.5, 0.75}) {
            for (const qreal dy : {0.0, 0.25, 0.5, 0.75}) {
                QImage image(int(side) + 12, int(side) + 12, QImage::Format_ARGB32);
                image.fill(background);
                {
                    QPainter painter(&image);
                    PriorityCode::paint(&painter, priority, QRectF(4 + dx, 4 + dy, side, side));
                }
                const Shape s = leftmostShape(image, PriorityCode::color(priority));
                if (!s.isEmpty() && std::abs(s.box.width() - box.width()) <= 1
                    && std::abs(s.box.height() - box.height()) <= 1)
                    found.append(s);
            }
        }
    }
    return found;
}

// The shape with its holes filled: every pixel of its box that the box's
// border cannot reach without crossing the shape.
Shape filled(const Shape &s)
{
    const int w = s.box.width() + 2;
    const int h = s.box.height() + 2;
    std::vector<char> wall(size_t(w * h), 0);
    for (const QPoint &p : s.points)
        wall[size_t((p.y() + 1) * w + p.x() + 1)] = 1;
    std::vector<char> outside(wall.size(), 0);
    std::queue<QPoint> todo;
    todo.push({0, 0});
    outside[0] = 1;
    while (!todo.empty()) {
        const QPoint p = todo.front();
        todo.pop();
        for (const QPoint d : {QPoint(1, 0), QPoint(-1, 0), QPoint(0, 1), QPoint(0, -1)}) {
            const QPoint q = p + d;
            if (q.x() < 0 || q.y() < 0 || q.x() >= w || q.y() >= h)
                continue;
            const size_t i = size_t(q.y() * w + q.x());
            if (outside[i] || wall[i])
                continue;
            outside[i] = 1;
            todo.push(q);
        }
    }
    Shape out;
    out.box = s.box;
    for (int y = 1; y < h - 1; ++y) {
        for (int x = 1; x < w - 1; ++x) {
            if (!outside[size_t(y * w + x)])
                out.points.append(QPoint(x - 1, y - 1));
        }
    }
    return out;
}

double rawOverlap(const Shape &a, const Shape &b)
{
    QSet<quint64> inA;
    for (const QPoint &p : a.points)
        inA.insert(quint64(p.x()) << 32 | quint32(p.y()));
    int both = 0;
    for (const QPoint &p : b.points)
        both += inA.contains(quint64(p.x()) << 32 | quint32(p.y()));
    const int either = int(a.points.size() + b.points.size()) - both;
    return either > 0 ? double(both) / either : 0;
}

// How well two marks agree: their pixels, and their outlines filled (so a
// thin ring is compared by its form, not only by its few pixels).
double overlap(const Shape &a, const Shape &b)
{
    return (rawOverlap(a, b) + rawOverlap(filled(a), filled(b))) / 2;
}

// How well a painted mark fits `priority`'s shape at its best size and offset.
double fit(const Shape &painted, AlarmSeverity priority, const QColor &background)
{
    double best = 0;
    for (const Shape &candidate : references(priority, painted.box.size(), background))
        best = std::max(best, overlap(painted, candidate));
    return best;
}

// The table colour (of the current theme) most of the region's pixels are near.
std::optional<AlarmSeverity> dominantPriority(const QImage &image)
{
    std::optional<AlarmSeverity> best;
    int bestCount = 0;
    for (const AlarmSeverity p : PriorityCode::kPriorities) {
        const QColor c = PriorityCode::color(p);
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                count += distance(image.pixelColor(x, y), c) <= 24;
        }
        if (count > bestCount) {
            bestCount = count;
            best = p;
        }
    }
    return best;
}

// Empty when the mark painted in `region` is `priority`'s, in its colour and
// shape; otherwise what is wrong.
QString checkMarkOf(const QImage &region, AlarmSeverity priority);

QString checkMark(const QImage &region, AlarmSeverity priority)
{
    const QString wrong = checkMarkOf(region, priority);
    if (!wrong.isEmpty() && qEnvironmentVariableIsSet("WATCHFLOOR_MARK_DUMP"))
        region.scaled(region.size() * 8)
            .save(qEnvironmentVariable("WATCHFLOOR_MARK_DUMP") + u'/'
                  + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u'-'
                  + QString::fromLatin1(QTest::currentTestFunction()) + u".png");
    return wrong;
}

QString checkMarkOf(const QImage &region, AlarmSeverity priority)
{
    const QString name = PriorityCode::word(priority);
    const std::optional<AlarmSeverity> colour = dominantPriority(region);
    if (colour != priority)
        return QStringLiteral("%1: the mark's colour is %2's")
            .arg(name, colour ? PriorityCode::word(*colour) : u"none"_qs);
    const Shape painted = leftmostShape(region, PriorityCode::color(priority));
    if (painted.isEmpty())
        return QStringLiteral("%1: no mark painted").arg(name);
    const QColor background = region.pixelColor(0, 0);
    const double own = fit(painted, priority, background);
    for (const AlarmSeverity other : PriorityCode::kPriorities) {
        if (other != priority && fit(painted, other, background) >= own)
            return QStringLiteral("%1: the mark fits %2's shape as well as its own")
                .arg(name, PriorityCode::word(other));
    }
    if (own < 0.7)
        return QStringLiteral("%1: the mark is not its shape (overlap %2)").arg(name).arg(own);
    return {};
}

void addPriorityRows()
{
    QTest::addColumn<int>("priority");
    QTest::addColumn<bool>("dark");
    for (const bool dark : {false, true}) {
        for (const AlarmSeverity p : PriorityCode::kPriorities) {
            QTest::addRow("%s %s", qPrintable(PriorityCode::word(p)), dark ? "dark" : "light") << int(p) << dark;
        }
    }
}

} // namespace

void TestPriorityCode::initTestCase()
{
    Theme::apply();
}

void TestPriorityCode::cleanup()
{
    Theme::apply(ThemeMode::Light);
}

void TestPriorityCode::tableHasOneDistinctCodePerPriority()
{
    QSet<int> shapes;
    QSet<QString> words;
    QSet<QRgb> light;
    QSet<QRgb> dark;
    for (const AlarmSeverity p : PriorityCode::kPriorities) {
        shapes.insert(int(PriorityCode::shape(p)));
        words.insert(PriorityCode::word(p));
        light.insert(PriorityCode::color(p, ThemeMode::Light).rgb());
        dark.insert(PriorityCode::color(p, ThemeMode::Dark).rgb());
    }
    QCOMPARE(shapes.size(), 6);
    QCOMPARE(words.size(), 6);
    QCOMPARE(light.size(), 6);
    QCOMPARE(dark.size(), 6);
    QCOMPARE(int(PriorityCode::table().size()), 6);
}

void TestPriorityCode::noticeCodeSharesNothingWithThePriorities()
{
    for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
        Theme::apply(mode);
        for (const auto level : {NoticeCode::Level::Info, NoticeCode::Level::Success, NoticeCode::Level::Warning,
                                 NoticeCode::Level::Error}) {
            for (const AlarmSeverity p : PriorityCode::kPriorities) {
                QVERIFY(distance(NoticeCode::color(level), PriorityCode::color(p)) > 60);
                QVERIFY(NoticeCode::word(level).compare(PriorityCode::word(p), Qt::CaseInsensitive) != 0);
            }
            // Its bubble is no priority's shape.
            QImage image(40, 40, QImage::Format_ARGB32);
            image.fill(Qt::white);
            {
                QPainter painter(&image);
                NoticeCode::paint(&painter, level, QRectF(8, 8, 24, 24));
            }
            const Shape bubble = leftmostShape(image, NoticeCode::color(level));
            QVERIFY(!bubble.isEmpty());
            for (const AlarmSeverity p : PriorityCode::kPriorities)
                QVERIFY2(fit(bubble, p, Qt::white) < 0.7, qPrintable(PriorityCode::word(p)));
        }
    }
}

void TestPriorityCode::alarmSummary_data()
{
    addPriorityRows();
}

void TestPriorityCode::alarmSummary()
{
    QFETCH(int, priority);
    QFETCH(bool, dark);
    Theme::apply(dark ? ThemeMode::Dark : ThemeMode::Light);
    const auto p = AlarmSeverity(priority);
    Session session;
    AlarmsView view(session.alarms(), session.alarmRate(), session.alarmActions(), session.link());
    view.resize(1100, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    session.alarms()->applyBatch({alarm(QStringLiteral("a"), p)});
    QTableView *table = view.alarmTable();
    const QModelIndex cell = table->model()->index(0, AlarmModel::SeverityColumn);
    QCOMPARE(AlarmDelegate::cellText(cell), PriorityCode::word(p));
    table->clearSelection();
    table->setCurrentIndex({});
    const QImage image = table->viewport()->grab(table->visualRect(cell)).toImage();
    const QString wrong = checkMark(image, p);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

void TestPriorityCode::toast_data()
{
    addPriorityRows();
}

void TestPriorityCode::toast()
{
    QFETCH(int, priority);
    QFETCH(bool, dark);
    Theme::apply(dark ? ThemeMode::Dark : ThemeMode::Light);
    const auto p = AlarmSeverity(priority);
    ToastSpec spec;
    spec.id = QStringLiteral("t");
    spec.level = ToastLevel::Warning;
    spec.title = QStringLiteral("Battery low");
    spec.priority = p;
    ToastWidget toast(spec);
    toast.resize(360, 140);
    toast.show();
    QVERIFY(QTest::qWaitForWindowExposed(&toast));
    QVERIFY(toast.levelLabel()->text().contains(PriorityCode::word(p)));
    const QImage image = toast.grab(toast.levelLabel()->geometry()).toImage();
    const QString wrong = checkMark(image, p);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

void TestPriorityCode::notificationCenter_data()
{
    addPriorityRows();
}

void TestPriorityCode::notificationCenter()
{
    QFETCH(int, priority);
    QFETCH(bool, dark);
    Theme::apply(dark ? ThemeMode::Dark : ThemeMode::Light);
    const auto p = AlarmSeverity(priority);
    NotificationModel model;
    NotificationModel::Item item;
    item.id = QStringLiteral("n");
    item.kind = NotificationModel::Kind::Alarm;
    item.severity = p;
    item.title = QStringLiteral("Battery low");
    item.time = QDateTime::currentDateTimeUtc();
    item.read = true;
    item.alarmId = QStringLiteral("a");
    item.alarmState = AlarmState::ActiveAcked;
    model.upsert(item);
    const QModelIndex index = model.index(0, 0);
    QCOMPARE(NotificationDelegate::codeWord(index), PriorityCode::word(p));
    QVERIFY(NotificationDelegate::accessibleText(index).contains(PriorityCode::word(p)));

    NotificationDelegate delegate;
    QWidget host; // the palette of the theme
    QStyleOptionViewItem option;
    option.initFrom(&host);
    option.state &= ~QStyle::State_HasFocus;
    option.rect = QRect(0, 0, 420, delegate.sizeHint(option, index).height());
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, index);
    }
    // Right of the stripe at the left edge, left of the title.
    const int header = NotificationDelegate::startsDay(index) ? option.fontMetrics.height() + 12 : 0;
    const QImage line1 = image.copy(QRect(8, header, 110, option.fontMetrics.lineSpacing() + 14));
    const QString wrong = checkMark(line1, p);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

void TestPriorityCode::noticeInTheCenterAndToastWearsTheNoticeCode()
{
    NotificationModel model;
    NotificationModel::Item item;
    item.id = QStringLiteral("n");
    item.kind = NotificationModel::Kind::System;
    item.severity = AlarmSeverity::Critical; // a server notice's level, not an alarm's priority
    item.title = QStringLiteral("Server restarting");
    item.time = QDateTime::currentDateTimeUtc();
    item.read = true;
    model.upsert(item);
    const QModelIndex index = model.index(0, 0);
    const NoticeCode::Level level = NotificationDelegate::noticeLevel(index);
    QCOMPARE(NotificationDelegate::codeWord(index), NoticeCode::word(level));
    NotificationDelegate delegate;
    QWidget host;
    QStyleOptionViewItem option;
    option.initFrom(&host);
    option.rect = QRect(0, 0, 420, delegate.sizeHint(option, index).height());
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, index);
    }
    QVERIFY(!leftmostShape(image, NoticeCode::color(level)).isEmpty());
    // No priority's colour (but Info's grey, which the text's own grey edges come near).
    for (const AlarmSeverity p : PriorityCode::kPriorities) {
        if (p != AlarmSeverity::Info)
            QVERIFY2(leftmostShape(image, PriorityCode::color(p), 24).isEmpty(), qPrintable(PriorityCode::word(p)));
    }

    ToastSpec spec;
    spec.id = QStringLiteral("t");
    spec.level = ToastLevel::Error;
    spec.title = QStringLiteral("Server restarting");
    ToastWidget toast(spec);
    toast.resize(360, 140);
    toast.show();
    QVERIFY(QTest::qWaitForWindowExposed(&toast));
    QCOMPARE(toast.levelLabel()->text(), NoticeCode::word(NoticeCode::Level::Error));
    const QImage card = toast.grab().toImage();
    QVERIFY(!leftmostShape(card, NoticeCode::color(NoticeCode::Level::Error)).isEmpty());
    for (const AlarmSeverity p : PriorityCode::kPriorities) {
        if (p != AlarmSeverity::Info)
            QVERIFY2(leftmostShape(card, PriorityCode::color(p), 24).isEmpty(), qPrintable(PriorityCode::word(p)));
    }
}

void TestPriorityCode::bell_data()
{
    addPriorityRows();
}

void TestPriorityCode::bell()
{
    QFETCH(int, priority);
    QFETCH(bool, dark);
    Theme::apply(dark ? ThemeMode::Dark : ThemeMode::Light);
    const auto p = AlarmSeverity(priority);
    Session session;
    NotificationCenter center(&session, nullptr);
    NotificationBell bell(&center);
    bell.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bell));
    session.alarms()->applyBatch({alarm(QStringLiteral("a"), p, AlarmState::ActiveUnacked),
                                  alarm(QStringLiteral("b"), AlarmSeverity::Info, AlarmState::ActiveAcked)});
    QTRY_COMPARE(bell.waitingCount(), 1);
    QCOMPARE(bell.mostUrgent(), p);
    QVERIFY(bell.accessibleDescription().contains(PriorityCode::word(p)));
    bell.resize(bell.sizeHint());
    const QImage image = bell.grab().toImage();
    if (bell.needsAttention())
        QCOMPARE(image.pixelColor(3, image.height() / 2), PriorityCode::color(p)); // filled in its colour
    const QString wrong = checkMark(image.copy(bell.markRect().toAlignedRect()), p);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

void TestPriorityCode::overviewTile_data()
{
    addPriorityRows();
}

void TestPriorityCode::overviewTile()
{
    QFETCH(int, priority);
    QFETCH(bool, dark);
    Theme::apply(dark ? ThemeMode::Dark : ThemeMode::Light);
    const auto p = AlarmSeverity(priority);
    Session session;
    OverviewView view(ViewFactory::overviewSources(&session));
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    session.alarms()->applyBatch({alarm(QStringLiteral("a"), p)});
    session.summary()->refresh();
    KpiTile *tile = view.tile(OverviewView::Kpi(int(OverviewView::Kpi::AlarmsCritical) + int(p)));
    QTRY_COMPARE(tile->valueText(), QStringLiteral("1"));
    QVERIFY(tile->isVisible());
    QTRY_VERIFY(tile->width() >= tile->minimumSizeHint().width());
    tile->setStale(false); // no server here: the tile as it is when live
    QCOMPARE(tile->label(), PriorityCode::word(p));
    QCOMPARE(tile->accentColor(), PriorityCode::color(p));
    const QImage image = tile->grab().toImage();
    QVERIFY(!tile->symbolRect().isEmpty());
    const QString wrong = checkMark(image.copy(tile->symbolRect().toAlignedRect().adjusted(-2, -2, 2, 2)), p);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

void TestPriorityCode::alarmBanner_data()
{
    QTest::addColumn<int>("priority");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<double>("scale");
    for (const bool dark : {false, true}) {
        for (const AlarmSeverity p : PriorityCode::kPriorities) {
            QTest::addRow("%s %s", qPrintable(PriorityCode::word(p)), dark ? "dark" : "light") << int(p) << dark << 1.0;
        }
    }
    // The kiosk's larger type (150 %).
    for (const AlarmSeverity p : PriorityCode::kPriorities)
        QTest::addRow("%s kiosk", qPrintable(PriorityCode::word(p))) << int(p) << false << 1.5;
}

void TestPriorityCode::alarmBanner()
{
    QFETCH(int, priority);
    QFETCH(bool, dark);
    QFETCH(double, scale);
    Theme::apply(dark ? ThemeMode::Dark : ThemeMode::Light);
    const auto p = AlarmSeverity(priority);
    Session session;
    AlarmBanner banner(session.alarms(), session.alarmRate()); // no link: drawn as live
    QFont font = banner.font();
    font.setPointSizeF(font.pointSizeF() * scale);
    banner.setFont(font);
    banner.resize(1600, banner.sizeHint().height());
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));
    session.alarms()->applyBatch({alarm(QStringLiteral("a"), p, AlarmState::ActiveUnacked)});
    QTRY_COMPARE(banner.count(p), 1);
    QVERIFY(banner.shows(p));
    QCOMPARE(banner.countText(p), QStringLiteral("1 %1").arg(PriorityCode::word(p)));
    QVERIFY(banner.accessibleDescription().contains(banner.countText(p)));
    const QImage image = banner.grab().toImage();
    const QString wrong = checkMark(image.copy(banner.markRect(p).toAlignedRect().adjusted(-2, -2, 2, 2)), p);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

QTEST_MAIN(TestPriorityCode)
#include "tst_prioritycode.moc"
