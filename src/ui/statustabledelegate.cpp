#include "statustabledelegate.h"

#include "agetext.h"
#include "cellpainter.h"
#include "theme.h"
#include "timetext.h"

#include <QPainter>

#include <algorithm>
#include <array>

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
        paintSymbolCell(painter, opt, index, stale);
    else if (index.column() == m_columns.barColumn)
        paintBarCell(painter, opt, index, stale);
    else
        QStyledItemDelegate::paint(painter, opt, index);
}

QSize StatusTableDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == m_columns.symbolColumn) {
        size.rwidth() += option.fontMetrics.height() + 8;
        if (index.data(m_columns.staleRole).toBool()) {
            QStyleOptionViewItem opt = option;
            initStyleOption(&opt, index);
            const QString status = opt.text;
            const QString shown = staleStatusText(status, index.data(m_columns.ageRole).toLongLong());
            size.rwidth() += opt.fontMetrics.horizontalAdvance(shown) - opt.fontMetrics.horizontalAdvance(status);
        }
    } else if (index.column() == m_columns.barColumn)
        size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(m_columns.widestBarText) + 90));
    return size;
}

void StatusTableDelegate::paintSymbolCell(QPainter *painter, const QStyleOptionViewItem &option,
                                          const QModelIndex &index, bool stale) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = CellPainter::drawBackground(painter, opt);
    const QRectF symbolRect = CellPainter::symbolRect(opt, std::min(opt.rect.height() - 8, opt.fontMetrics.height()));
    painter->save();
    if (stale)
        painter->setOpacity(CellPainter::kStaleInkOpacity);
    drawSymbol(painter, index, symbolRect);
    painter->restore();
    // Bold stays (a shape, not a colour): the state that called for action
    // is still the one last known.
    const bool act = needsAction(index);
    CellPainter::drawText(painter, opt, int(symbolRect.width()) + 12,
                          stale ? staleStatusText(text, index.data(m_columns.ageRole).toLongLong()) : text,
                          act && !stale ? Theme::alarmColor() : opt.palette.color(QPalette::Text), act);
}

void StatusTableDelegate::paintBarCell(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                                       bool stale) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Bar shown = bar(index, CellPainter::drawBackground(painter, opt), stale);
    painter->save();
    if (stale)
        painter->setOpacity(CellPainter::kStaleInkOpacity);
    const int left = CellPainter::drawPercentBar(painter, opt, shown.percent, shown.fill);
    painter->restore();
    CellPainter::drawText(painter, opt, left, shown.text,
                          shown.textColour.isValid() && !stale ? shown.textColour : opt.palette.color(QPalette::Text),
                          shown.bold);
}

QString StatusTableDelegate::staleStatusText(const QString &status, qint64 ageMs)
{
    return tr("%1 · %2").arg(status, AgeText::staleBrief(ageMs));
}

int StatusTableDelegate::statusColumnWidth(const QFont &font) const
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    // The widest ages of each unit; digits are as wide as each other.
    constexpr std::array<qint64, 4> kWidestAges = {59'000, 59 * 60'000, 23 * 3'600'000, 99 * 24 * 3'600'000LL};
    int widest = 0;
    for (const QString &word : statusWords()) {
        for (qint64 age : kWidestAges)
            widest = std::max(widest, metrics.horizontalAdvance(staleStatusText(word, age)));
    }
    // The symbol (a line's height) and its gaps as paintSymbolCell lays them
    // out, the text's right margin, and the header's sort mark room.
    return QFontMetrics(font).height() + 12 + widest + 4 + 12;
}

QString StatusTableDelegate::lastSeenText(bool stale, qint64 ageMs, const QDateTime &at)
{
    return stale ? AgeText::stale(ageMs) : TimeText::of(at);
}
