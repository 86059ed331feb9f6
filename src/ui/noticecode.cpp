#include "noticecode.h"

#include "theme.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

NoticeCode::Level NoticeCode::levelOf(ToastLevel level)
{
    switch (level) {
    case ToastLevel::Critical:
    case ToastLevel::Error:
        return Level::Error;
    case ToastLevel::Warning:
        return Level::Warning;
    case ToastLevel::Success:
        return Level::Success;
    case ToastLevel::Info:
        break;
    }
    return Level::Info;
}

QColor NoticeCode::color(Level level)
{
    return color(level, Theme::mode());
}

QColor NoticeCode::color(Level level, ThemeMode mode)
{
    const bool dark = mode == ThemeMode::Dark;
    if (level == Level::Success) // the link's live green: good news is calm
        return dark ? QColor(0x7f, 0xb4, 0x8c) : QColor(0x2f, 0x6b, 0x3d);
    return dark ? QColor(0x8c, 0xb4, 0xdc) : QColor(0x2e, 0x5a, 0x88);
}

QString NoticeCode::word(Level level)
{
    switch (level) {
    case Level::Info:
        return tr("NOTICE");
    case Level::Success:
        return tr("DONE");
    case Level::Warning:
        return tr("WARNING");
    case Level::Error:
        return tr("ERROR");
    }
    return {};
}

QString NoticeCode::glyph(Level level)
{
    switch (level) {
    case Level::Info:
        return QStringLiteral("i");
    case Level::Success:
        return QStringLiteral("✓");
    case Level::Warning:
        return QStringLiteral("!");
    case Level::Error:
        return QStringLiteral("×");
    }
    return {};
}

QString NoticeCode::mergedText(const QString &text, qint64 count, const QDateTime &last)
{
    if (count <= 1)
        return text;
    return tr("%1 \u00D7%2, last %3", "a notice repeated: its text, how many times, the latest's time")
        .arg(text, QLocale().toString(count),
             QLocale().toString(last.toLocalTime().time(), QStringLiteral("HH:mm:ss")));
}

void NoticeCode::paint(QPainter *p, Level level, const QRectF &r)
{
    const QColor ink = color(level);
    const qreal side = std::min(r.width(), r.height());
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    // A rounded box over a tail at its lower left: a speech bubble.
    const QRectF box(r.left(), r.top(), r.width(), r.height() * 0.62);
    QPainterPath bubble;
    bubble.addRoundedRect(box, side * 0.2, side * 0.2);
    QPainterPath tail;
    tail.moveTo(r.left() + r.width() * 0.2, box.bottom() - 1);
    tail.lineTo(r.left() + r.width() * 0.2, r.bottom());
    tail.lineTo(r.left() + r.width() * 0.45, box.bottom() - 1);
    tail.closeSubpath();
    p->setPen(Qt::NoPen);
    p->setBrush(ink);
    p->drawPath(bubble.united(tail));
    QFont font = p->font();
    font.setBold(true);
    font.setPixelSize(std::max(6, int(box.height() * 0.8)));
    p->setFont(font);
    p->setPen(ink.lightnessF() > 0.6 ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white));
    p->drawText(box, Qt::AlignCenter, glyph(level));
    p->restore();
}
