#pragma once

#include "emptynotice.h"

#include <QAbstractItemView>
#include <QList>
#include <QWidget>

class QAbstractItemDelegate;
class QAbstractItemModel;
class QBoxLayout;
class QHBoxLayout;
class QLayout;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
class QVBoxLayout;

// The scaffold every list of the console shares (drones, machines, alarms,
// activity, the command log): a row of filters over a table of the list's
// model (its filter proxy, or a model over it) drawn by the list's delegate, and a splitter that puts a pane (the
// selected row in detail, the shelved alarms) beside or below the table.
//
// The table has the lists' one look (setUpTable): whole rows selected,
// alternating rows, no grid or word wrap, no row numbers, rows a little
// taller than the text, columns the operator can resize. The view that uses
// it adds its own filter widgets, column widths and pane; what the filters
// mean stays with its proxy.
class FilteredTableView : public QWidget
{
    Q_OBJECT

public:
    // Rows are this much taller than the text, in pixels.
    static constexpr int kRowPadding = 10;

    // `model` and `delegate` are not owned (a view usually parents them).
    FilteredTableView(QAbstractItemModel *model, QAbstractItemDelegate *delegate, QWidget *parent = nullptr);

    // The lists' look, for a table that is not a FilteredTableView's (the
    // shelved alarms, the operators present).
    static void setUpTable(QTableView *table,
                           QAbstractItemView::SelectionMode mode = QAbstractItemView::SingleSelection,
                           int rowPadding = kRowPadding);

    QTableView *table() const { return m_table; }
    QAbstractItemModel *model() const { return m_model; }
    QSplitter *splitter() const { return m_splitter; }
    // The row of filters, left to right.
    QHBoxLayout *filterRow() const { return m_filterRow; }
    // Appends `widget` to the filter row; the keyboard reaches the filters
    // in the order they were added, then the table.
    void addFilter(QWidget *widget, int stretch = 0);
    // A search box appended to the filter row, with a clear button.
    QLineEdit *addSearchBox(const QString &objectName, const QString &accessibleName, const QString &placeholder,
                            int stretch = 1);

    // Under the filters and above the table (a notice, a row of actions).
    void addAboveTable(QWidget *widget);
    void addAboveTable(QLayout *layout);
    // A pane after the table in the splitter: beside it, or below it when
    // the orientation is vertical.
    void addPane(QWidget *pane);
    void setOrientation(Qt::Orientation orientation);

    // Space between the filters, what is above the table and the table;
    // the margins around them all (none by default).
    void setSpacing(int spacing);
    void setMargins(int left, int top, int right, int bottom);

    // What the empty table says when nothing was filtered away: what it
    // waits for, or why it is empty (EmptyNotice::forList).
    void setEmptyText(EmptyNotice::Text nothingYet, EmptyNotice::Filtered filtered = {});
    EmptyNotice *emptyNotice() const { return m_emptyNotice; }

    void setSelectionMode(QAbstractItemView::SelectionMode mode);

    // A screen nobody types on or clicks (a kiosk): hidden, the filter row's
    // controls (anything that takes focus: choices, check boxes, search
    // boxes) after each is set back to show everything, so that nothing
    // hidden narrows the list; its titles and counts stay. Shown again, they
    // start from showing everything.
    void setFiltersShown(bool shown);
    bool filtersShown() const { return m_filtersShown; }
    // Hidden, the panes beside the table (the selected row in detail) and
    // the table's selection: the table takes the whole width and no row can
    // be selected. Shown again, selection works as it did.
    void setPanesShown(bool shown);
    bool panesShown() const { return m_panesShown; }
    // Sorted by `column` from the start; the operator sorts by any other.
    void sortBy(int column, Qt::SortOrder order);
    // Repaints the rows every second, for lists that say how long ago a row
    // was heard of.
    void setAgesTick(bool on);
    bool agesTick() const;
    // Widens every column narrower than its title (plus room for the sort
    // mark), so that no title is cut short; `except` keeps its width.
    void fitColumnsToTitles(const QList<int> &except = {});
    static void fitTableColumnsToTitles(QTableView *table, const QList<int> &except = {});

private:
    QAbstractItemModel *m_model;
    QVBoxLayout *m_layout;
    QHBoxLayout *m_filterRow;
    QSplitter *m_splitter;
    QTableView *m_table;
    QTimer *m_ageClock = nullptr;
    EmptyNotice *m_emptyNotice = nullptr;
    QWidget *m_lastFilter = nullptr; // the last one the keyboard reaches before the table
    QAbstractItemView::SelectionMode m_selectionMode = QAbstractItemView::SingleSelection;
    bool m_filtersShown = true;
    bool m_panesShown = true;
};
