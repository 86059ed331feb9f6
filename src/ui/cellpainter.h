#pragma once

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;
class QStyleOptionViewItem;

// The pieces every table delegate of the console draws its cells from, so a
// stale row, a leading symbol or a percent bar look the same in every view.
namespace CellPainter {

// A row whose values are the last known, not live: grey and slanted.
void markStale(QStyleOptionViewItem &option, bool stale);
// How strongly a stale row's symbols, bars and their colours are drawn: faded
// to well below any live row's, so none of them reads as current.
constexpr qreal kStaleInkOpacity = 0.4;
// Draws the cell's background and selection without its text, and returns
// the text for the caller to draw beside its symbol or bar. Such a cell
// carries a code (a priority, a state that needs action, a battery's
// colour): on a selected row it keeps a chip of the unselected ground
// (Base) inside the selection, so the code's colours, shapes and words read
// there as on any other row, and the option no longer counts as selected,
// so that drawText writes in the code's colour. The selection still shows
// around the chip and across the row's other cells.
QString drawBackground(QPainter *painter, QStyleOptionViewItem &option);
// The chip drawBackground keeps inside a selected cell.
QRect codeChipRect(const QRect &cell);
// A square of `side` pixels at the start of the cell, centred vertically.
QRectF symbolRect(const QStyleOptionViewItem &option, qreal side);
// The cell's text from `left` pixels on, in `colour` (the selection's text
// colour when selected), bold when asked.
void drawText(QPainter *painter, const QStyleOptionViewItem &option, int left, const QString &text,
              const QColor &colour, bool bold = false);
// A 60-pixel bar filled to `percent` (0-100) at the start of the cell;
// returns where the text beside it starts.
int drawPercentBar(QPainter *painter, const QStyleOptionViewItem &option, double percent, const QColor &fill);
// A diamond filling `rect`, in `colour`, without an outline: the shape of a
// state that needs action, with its mark drawn on top by the caller.
void fillDiamond(QPainter *painter, const QRectF &rect, const QColor &colour);

} // namespace CellPainter
