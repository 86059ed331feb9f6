#include "cellpainter.h"

#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionViewItem>

#include <algorithm>

namespace CellPainter {

void markStale(QStyleOptionViewItem &option, bool stale)
{
    if (!stale)
        return;
    option.palette.setColor(QPalette::Text, Theme::staleText());
    option.font.setItalic(true);
}

QString drawBackground(QPainter *painter, QStyleOptionViewItem &option)
{
    const QString text = option.text;
    option.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);
    if (!(option.state & QStyle::State_Selected))
        return text;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(codeChipRect(option.rect)), 3, 3);
    painter->restore();
    option.state &= ~QStyle::State_Selected;
    return text;
}

QRect codeChipRect(const QRect &cell)
{
    return cell.adjusted(2, 3, -2, -3);
}

QRectF symbolRect(const QStyleOptionViewItem &option, qreal side)
{
    return {option.rect.left() + 6.0, option.rect.center().y() - side / 2.0 + 0.5, side, side};
}

void drawText(QPainter *painter, const QStyleOptionViewItem &option, int left, const QString &text,
              const QColor &colour, bool bold)
{
    painter->save();
    QFont font = option.font;
    font.setBold(bold);
    painter->setFont(font);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? option.palette.color(QPalette::HighlightedText) : colour);
    painter->drawText(option.rect.adjusted(left, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

int drawPercentBar(QPainter *painter, const QStyleOptionViewItem &option, double percent, const QColor &fill)
{
    constexpr int kBarWidth = 60;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF bar(option.rect.left() + 6, option.rect.center().y() - 4.5, kBarWidth, 9);
    painter->setPen(QPen(Theme::neutralColor(), 1.0));
    painter->setBrush(option.palette.color(QPalette::Base));
    painter->drawRect(bar);
    painter->fillRect(QRectF(bar.left() + 1.5, bar.top() + 1.5,
                             (bar.width() - 3) * std::clamp(percent, 0.0, 100.0) / 100.0, bar.height() - 3),
                      fill);
    painter->restore();
    return kBarWidth + 14;
}

void fillDiamond(QPainter *painter, const QRectF &rect, const QColor &colour)
{
    QPainterPath diamond;
    diamond.moveTo(rect.center().x(), rect.top());
    diamond.lineTo(rect.right(), rect.center().y());
    diamond.lineTo(rect.center().x(), rect.bottom());
    diamond.lineTo(rect.left(), rect.center().y());
    diamond.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPath(diamond);
}

} // namespace CellPainter
