#include "prioritycode.h"

#include "theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using Domain::AlarmSeverity;

const std::array<PriorityCode::Entry, 6> &PriorityCode::table()
{
    // Hues far apart (red, orange, yellow, violet, grey, magenta) so no two
    // priorities are mistaken for each other; each reads at least 4.5:1 on
    // its theme's Base, so the word can be written in it. The notice blue
    // (NoticeCode) is none of them.
    static const std::array<Entry, 6> entries {{
        {AlarmSeverity::Critical, QColor(0xc0, 0x1f, 0x1f), QColor(0xf0, 0x80, 0x80), Shape::Diamond},
        {AlarmSeverity::High, QColor(0xb0, 0x4a, 0x00), QColor(0xf0, 0xa0, 0x60), Shape::TriangleUp},
        {AlarmSeverity::Medium, QColor(0x80, 0x66, 0x00), QColor(0xe0, 0xc0, 0x60), Shape::Square},
        {AlarmSeverity::Low, QColor(0x7a, 0x3f, 0xa8), QColor(0xc8, 0xa0, 0xe8), Shape::TriangleDown},
        {AlarmSeverity::Info, QColor(0x5f, 0x66, 0x6d), QColor(0xb0, 0xb7, 0xbe), Shape::Ring},
        {AlarmSeverity::Unknown, QColor(0xa0, 0x23, 0x7f), QColor(0xe8, 0x90, 0xd0), Shape::Circle},
    }};
    return entries;
}

namespace {

const PriorityCode::Entry &entryOf(AlarmSeverity priority)
{
    const auto &entries = PriorityCode::table();
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [priority](const PriorityCode::Entry &e) { return e.priority == priority; });
    return it != entries.end() ? *it : entries.back();
}

} // namespace

QColor PriorityCode::color(AlarmSeverity priority)
{
    return color(priority, Theme::mode());
}

QColor PriorityCode::color(AlarmSeverity priority, ThemeMode mode)
{
    const Entry &e = entryOf(priority);
    return mode == ThemeMode::Dark ? e.dark : e.light;
}

PriorityCode::Shape PriorityCode::shape(AlarmSeverity priority)
{
    return entryOf(priority).shape;
}

QString PriorityCode::word(AlarmSeverity priority)
{
    switch (priority) {
    case AlarmSeverity::Critical:
        return tr("Critical");
    case AlarmSeverity::High:
        return tr("High");
    case AlarmSeverity::Medium:
        return tr("Medium");
    case AlarmSeverity::Low:
        return tr("Low");
    case AlarmSeverity::Info:
        return tr("Info");
    case AlarmSeverity::Unknown:
        return tr("Unknown");
    }
    return {};
}

QString PriorityCode::shapeName(Shape shape)
{
    switch (shape) {
    case Shape::Diamond:
        return tr("diamond with an exclamation mark");
    case Shape::TriangleUp:
        return tr("triangle pointing up with an exclamation mark");
    case Shape::Square:
        return tr("square");
    case Shape::TriangleDown:
        return tr("triangle pointing down");
    case Shape::Ring:
        return tr("small ring");
    case Shape::Circle:
        return tr("circle with a question mark");
    }
    return {};
}

bool PriorityCode::isUrgent(AlarmSeverity priority)
{
    return priority == AlarmSeverity::Critical || priority == AlarmSeverity::High || priority == AlarmSeverity::Unknown;
}

void PriorityCode::paint(QPainter *p, AlarmSeverity priority, const QRectF &r, bool hollow)
{
    const QColor ink = color(priority);
    const Shape form = shape(priority);
    // Light inner marks on the dark theme's light colours would vanish: the
    // mark inside takes whichever of white and near-black reads.
    const QColor inner = ink.lightnessF() > 0.6 ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(ink, 1.6));
    p->setBrush(hollow ? QBrush(Qt::NoBrush) : QBrush(ink));
    QPainterPath path;
    switch (form) {
    case Shape::Diamond:
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.center().y());
        path.lineTo(r.center().x(), r.bottom());
        path.lineTo(r.left(), r.center().y());
        path.closeSubpath();
        break;
    case Shape::TriangleUp:
        path.moveTo(r.center().x(), r.top() + 0.5);
        path.lineTo(r.right(), r.bottom() - 0.5);
        path.lineTo(r.left(), r.bottom() - 0.5);
        path.closeSubpath();
        break;
    case Shape::Square:
        path.addRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
        break;
    case Shape::TriangleDown:
        path.moveTo(r.left() + 1, r.top() + 2);
        path.lineTo(r.right() - 1, r.top() + 2);
        path.lineTo(r.center().x(), r.bottom() - 1);
        path.closeSubpath();
        break;
    case Shape::Ring:
        p->setBrush(Qt::NoBrush);
        path.addEllipse(r.adjusted(3, 3, -3, -3));
        break;
    case Shape::Circle:
        path.addEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    }
    p->drawPath(path);
    const qreal side = std::min(r.width(), r.height());
    if (form == Shape::Circle) {
        QFont font = p->font();
        font.setBold(true);
        font.setPixelSize(std::max(6, int(side * 0.75)));
        p->setFont(font);
        p->setPen(hollow ? ink : inner);
        p->drawText(r, Qt::AlignCenter, QStringLiteral("?"));
    }
    if (!hollow && (form == Shape::Diamond || form == Shape::TriangleUp)) {
        // Scaled with the mark, so the kiosk's larger marks keep it in proportion.
        const qreal unit = side / 16.0;
        p->setPen(QPen(inner, std::max(1.8, 1.8 * unit)));
        const double top = form == Shape::Diamond ? r.top() + 3.5 * unit : r.top() + 4.5 * unit;
        p->drawLine(QPointF(r.center().x(), top), QPointF(r.center().x(), r.bottom() - 5.5 * unit));
        p->drawPoint(QPointF(r.center().x(), r.bottom() - 3.2 * unit));
    }
    p->restore();
}
