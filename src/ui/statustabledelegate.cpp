#include "statustabledelegate.h"

#include "agetext.h"
#include "cellpainter.h"
#include "theme.h"
#include "timetext.h"

#include <QPainter>

StatusTableDelegate::StatusTableDelegate(const Columns &columns, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_columns(columns)
{ }

void StatusTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    const bool stale = index.data(m_columns.staleRole).toBool();
    CellPainter::markStale(opt, stale);
    if (index.column() == m_columns.symbolColumn)
        paintSymbolCell(painter, opt, index);
    else if (index.column() == m_columns.barColumn)
        paintBarCell(painter, opt, index, stale);
    else
        QStyledItemDelegate::paint(painter, opt, index);
}

QSize StatusTableDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == m_columns.symbolColumn)
        size.rwidth() += option.fontMetrics.height() + 8;
    else if (index.column() == m_columns.barColumn)
        size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(m_columns.widestBarText) + 90));
    return size;
}

void StatusTableDelegate::paintSymbolCell(QPainter *painter, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = CellPainter::drawBackground(painter, opt);
    const QRectF symbolRect = CellPainter::symbolRect(opt, std::min(opt.rect.height() - 8, opt.fontMetrics.height()));
    drawSymbol(painter, index, symbolRect);
    const bool act = needsAction(index);
    CellPainter::drawText(painter, opt, int(symbolRect.width()) + 12, text,
                          act ? Theme::alarmColor() : opt.palette.color(QPalette::Text), act);
}

void StatusTableDelegate::paintBarCell(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                                       bool stale) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Bar shown = bar(index, CellPainter::drawBackground(painter, opt), stale);
    const int left = CellPainter::drawPercentBar(painter, opt, shown.percent, shown.fill);
    CellPainter::drawText(painter, opt, left, shown.text,
                          shown.textColour.isValid() ? shown.textColour : opt.palette.color(QPalette::Text),
                          shown.bold);
}

QString StatusTableDelegate::lastSeenText(bool stale, qint64 ageMs, const QDateTime &at)
{
    return stale ? AgeText::stale(ageMs) : TimeText::of(at);
}
