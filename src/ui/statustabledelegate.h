#pragma once

#include <QColor>
#include <QDateTime>
#include <QStyledItemDelegate>

// The base of a table delegate whose rows can be stale and which leads one
// column with a state's symbol and draws another as a percent bar with its
// figure: the drones' state and battery, the machines' status and
// utilization. Every other column is drawn as QStyledItemDelegate draws it.
// Contract: a stale row (its staleRole true) is drawn dimmed in every
// column: text grey and slanted, and the symbol and the bar, colours
// included, faded (CellPainter::kStaleInkOpacity), so no cell of it reads as
// live; its symbol column says for how long ("Flying · stale · 2 min",
// ticking with the list's ages). The symbol column's text is in the alarm
// colour and bold when a live row's state calls for action; the columns are
// wide enough for the symbol beside the text (statusColumnWidth() with the
// stale mark), and for the bar beside its widest text.
class StatusTableDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The symbol column's text on a stale row: "Flying · stale · 2 min".
    static QString staleStatusText(const QString &status, qint64 ageMs);
    // A symbol column wide enough, in `font`, for the symbol beside every
    // status word with the stale mark of up to "59 min", unclipped.
    int statusColumnWidth(const QFont &font) const;

protected:
    struct Columns
    {
        int staleRole;
        int ageRole; // ms since the row was heard of
        int symbolColumn;
        int barColumn;
        QString widestBarText; // the widest figure the bar column shows
    };
    // The bar column of one row: how full, in which colour, and its figure.
    struct Bar
    {
        double percent = 0.0; // 0 to 100
        QColor fill;
        QString text;
        QColor textColour; // invalid: the row's own text colour
        bool bold = false;
    };

    StatusTableDelegate(const Columns &columns, QObject *parent);

    // The symbol of the row's state, drawn into `rect`.
    virtual void drawSymbol(QPainter *painter, const QModelIndex &index, const QRectF &rect) const = 0;
    // Whether the row's state calls for action.
    virtual bool needsAction(const QModelIndex &index) const = 0;
    // Every word the symbol column can show, for its width.
    virtual QStringList statusWords() const = 0;
    // The bar of the row, given the cell's text and whether the row is stale.
    virtual Bar bar(const QModelIndex &index, const QString &text, bool stale) const = 0;

    // The "last update" column: a stale row says how long ago this console
    // last heard of it, counted on its own clock (`ageMs`), since the
    // server's time of day could be hours off, or yesterday; a live row
    // shows the server's time `at` (TimeText::of).
    static QString lastSeenText(bool stale, qint64 ageMs, const QDateTime &at);

private:
    void paintSymbolCell(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                         bool stale) const;
    void paintBarCell(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                      bool stale) const;

    Columns m_columns;
};
