#pragma once

#include <QAbstractItemView>

class QTableView;

// The look and feel every list of the console shares (machines, alarms,
// activity, the command log): whole rows selected, alternating rows, no grid
// or word wrap, no row numbers, rows a little taller than the text, columns
// the operator can resize. Each view adds its own columns' widths.
namespace ListTable {

void setUp(QTableView *table, QAbstractItemView::SelectionMode mode = QAbstractItemView::SingleSelection);

} // namespace ListTable
