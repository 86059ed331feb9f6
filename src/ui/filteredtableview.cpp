#include "filteredtableview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int kAgeTickMs = 1000;
constexpr int kTitleRoom = 28; // the sort mark and the section's margins

} // namespace

FilteredTableView::FilteredTableView(QAbstractItemModel *model, QAbstractItemDelegate *delegate, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_layout(new QVBoxLayout(this))
    , m_filterRow(new QHBoxLayout)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_table(new QTableView(m_splitter))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(m_filterRow);
    m_layout->addWidget(m_splitter, 1);
    m_table->setModel(model);
    m_table->setItemDelegate(delegate);
    setUpTable(m_table);
    m_splitter->addWidget(m_table);
}

void FilteredTableView::setUpTable(QTableView *table, QAbstractItemView::SelectionMode mode, int rowPadding)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(mode);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + rowPadding);
    QHeaderView *header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
}

QLineEdit *FilteredTableView::addSearchBox(const QString &objectName, const QString &accessibleName,
                                           const QString &placeholder, int stretch)
{
    auto *search = new QLineEdit(this);
    search->setObjectName(objectName);
    search->setAccessibleName(accessibleName);
    search->setPlaceholderText(placeholder);
    search->setClearButtonEnabled(true);
    addFilter(search, stretch);
    return search;
}

void FilteredTableView::addFilter(QWidget *widget, int stretch)
{
    m_filterRow->addWidget(widget, stretch);
    if (widget->focusPolicy() == Qt::NoFocus)
        return;
    if (m_lastFilter)
        setTabOrder(m_lastFilter, widget);
    setTabOrder(widget, m_table);
    m_lastFilter = widget;
}

void FilteredTableView::addAboveTable(QWidget *widget)
{
    m_layout->insertWidget(m_layout->indexOf(m_splitter), widget);
}

void FilteredTableView::addAboveTable(QLayout *layout)
{
    m_layout->insertLayout(m_layout->indexOf(m_splitter), layout);
}

void FilteredTableView::addPane(QWidget *pane)
{
    m_splitter->addWidget(pane);
}

void FilteredTableView::setOrientation(Qt::Orientation orientation)
{
    m_splitter->setOrientation(orientation);
}

void FilteredTableView::setSpacing(int spacing)
{
    m_layout->setSpacing(spacing);
}

void FilteredTableView::setMargins(int left, int top, int right, int bottom)
{
    m_layout->setContentsMargins(left, top, right, bottom);
}

void FilteredTableView::setEmptyText(EmptyNotice::Text nothingYet, EmptyNotice::Filtered filtered)
{
    delete m_emptyNotice;
    m_emptyNotice = EmptyNotice::forList(m_table, std::move(nothingYet), std::move(filtered));
}

void FilteredTableView::setSelectionMode(QAbstractItemView::SelectionMode mode)
{
    m_selectionMode = mode;
    if (m_panesShown)
        m_table->setSelectionMode(mode);
}

void FilteredTableView::setFiltersShown(bool shown)
{
    m_filtersShown = shown;
    for (int i = 0; i < m_filterRow->count(); ++i) {
        QWidget *widget = m_filterRow->itemAt(i)->widget();
        if (!widget || widget->focusPolicy() == Qt::NoFocus)
            continue; // a title or a count: data, not a control
        // Every list's first choice is "all".
        if (auto *combo = qobject_cast<QComboBox *>(widget))
            combo->setCurrentIndex(0);
        else if (auto *check = qobject_cast<QCheckBox *>(widget))
            check->setChecked(false);
        else if (auto *edit = qobject_cast<QLineEdit *>(widget))
            edit->clear();
        widget->setVisible(shown);
    }
}

void FilteredTableView::setPanesShown(bool shown)
{
    m_panesShown = shown;
    if (!shown && m_table->selectionModel())
        m_table->selectionModel()->clear(); // the current row too: a detail pane lets its row go
    m_table->setSelectionMode(shown ? m_selectionMode : QAbstractItemView::NoSelection);
    for (int i = 1; i < m_splitter->count(); ++i)
        m_splitter->widget(i)->setVisible(shown);
}

void FilteredTableView::sortBy(int column, Qt::SortOrder order)
{
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(column, order);
}

void FilteredTableView::setAgesTick(bool on)
{
    if (on && !m_ageClock) {
        m_ageClock = new QTimer(this);
        m_ageClock->setInterval(kAgeTickMs);
        connect(m_ageClock, &QTimer::timeout, m_table->viewport(), qOverload<>(&QWidget::update));
    }
    if (!m_ageClock)
        return;
    if (on)
        m_ageClock->start();
    else
        m_ageClock->stop();
}

bool FilteredTableView::agesTick() const
{
    return m_ageClock && m_ageClock->isActive();
}

void FilteredTableView::fitColumnsToTitles(const QList<int> &except)
{
    fitTableColumnsToTitles(m_table, except);
}

void FilteredTableView::fitTableColumnsToTitles(QTableView *table, const QList<int> &except)
{
    const QAbstractItemModel *model = table->model();
    QHeaderView *header = table->horizontalHeader();
    // In the table's type, which the header shows too: when the type changes
    // (a kiosk's), the table hears of it before its header does.
    const QFontMetrics metrics = table->fontMetrics();
    for (int column = 0; column < model->columnCount(); ++column) {
        if (except.contains(column))
            continue;
        const int title = metrics.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString()) + kTitleRoom;
        if (header->sectionSize(column) < title)
            header->resizeSection(column, title);
    }
}
