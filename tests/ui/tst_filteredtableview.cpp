#include "filteredtableview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

// The list scaffold on its own, over a plain model: what the drones,
// machines, alarms, activity and command-log views rely on.
class TestFilteredTableView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tableHasTheListsLook();
    void searchBoxNarrowsTheRows();
    void selectionSurvivesSortingAndLiveChanges();
    void resetClearsTheSelection();
    void filtersComeBeforeTheTableForTheKeyboard();
    void paneAndRowsAboveTheTableGoWhereAsked();
    void columnsAreAtLeastAsWideAsTheirTitles();
    void agesTickOnlyWhenAsked();

private:
    QStringList shownNames() const;
    QString selectedName() const;

    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QStyledItemDelegate *m_delegate = nullptr;
    FilteredTableView *m_list = nullptr;
};

void TestFilteredTableView::init()
{
    m_model = new QStandardItemModel(0, 2, this);
    m_model->setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("A rather long column title")});
    const QStringList names {QStringLiteral("delta"), QStringLiteral("alpha"), QStringLiteral("echo"),
                             QStringLiteral("charlie"), QStringLiteral("bravo")};
    for (qsizetype i = 0; i < names.size(); ++i)
        m_model->appendRow({new QStandardItem(names.at(i)), new QStandardItem(QString::number(i))});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(0);
    m_delegate = new QStyledItemDelegate(this);
    m_list = new FilteredTableView(m_proxy, m_delegate);
    m_list->resize(640, 400);
}

void TestFilteredTableView::cleanup()
{
    delete m_list;
    delete m_proxy;
    delete m_model;
    delete m_delegate;
}

QStringList TestFilteredTableView::shownNames() const
{
    QStringList names;
    const QAbstractItemModel *shown = m_list->table()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        names.append(shown->index(row, 0).data().toString());
    return names;
}

QString TestFilteredTableView::selectedName() const
{
    const QModelIndexList rows = m_list->table()->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.constFirst().data().toString() : QString();
}

void TestFilteredTableView::tableHasTheListsLook()
{
    QTableView *table = m_list->table();
    QCOMPARE(table->model(), m_proxy);
    QCOMPARE(table->itemDelegate(), m_delegate);
    QCOMPARE(table->selectionBehavior(), QAbstractItemView::SelectRows);
    QCOMPARE(table->selectionMode(), QAbstractItemView::SingleSelection);
    QVERIFY(table->alternatingRowColors());
    QVERIFY(!table->showGrid());
    QVERIFY(!table->wordWrap());
    QVERIFY(table->verticalHeader()->isHidden());
    QCOMPARE(table->verticalHeader()->defaultSectionSize(),
             table->fontMetrics().height() + FilteredTableView::kRowPadding);
    QVERIFY(!table->horizontalHeader()->highlightSections());
    QCOMPARE(table->horizontalHeader()->sectionResizeMode(0), QHeaderView::Interactive);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QCOMPARE(table->selectionMode(), QAbstractItemView::ExtendedSelection);
}

void TestFilteredTableView::searchBoxNarrowsTheRows()
{
    QLineEdit *search = m_list->addSearchBox(QStringLiteral("search"), QStringLiteral("Search names"),
                                             QStringLiteral("Search by name"));
    QCOMPARE(search->parentWidget(), m_list);
    QCOMPARE(search->objectName(), QStringLiteral("search"));
    QCOMPARE(search->accessibleName(), QStringLiteral("Search names"));
    QCOMPARE(search->placeholderText(), QStringLiteral("Search by name"));
    QVERIFY(search->isClearButtonEnabled());
    QCOMPARE(m_list->filterRow()->indexOf(search), 0);
    // What the search means is the view's: here, a fixed string on the name.
    connect(search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_list->sortBy(0, Qt::AscendingOrder);
    m_list->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_list));

    QTest::keyClicks(search, QStringLiteral("a"));
    QCOMPARE(shownNames(),
             (QStringList {QStringLiteral("alpha"), QStringLiteral("bravo"), QStringLiteral("charlie"),
                           QStringLiteral("delta")}));
    QTest::keyClicks(search, QStringLiteral("l"));
    QCOMPARE(shownNames(), QStringList {QStringLiteral("alpha")});
    search->clear();
    QCOMPARE(shownNames().size(), 5);
}

void TestFilteredTableView::selectionSurvivesSortingAndLiveChanges()
{
    QTableView *table = m_list->table();
    m_list->sortBy(0, Qt::AscendingOrder);
    QCOMPARE(shownNames().constFirst(), QStringLiteral("alpha"));
    table->selectRow(2);
    QCOMPARE(selectedName(), QStringLiteral("charlie"));

    // The operator sorts the other way: the same drone, machine or alarm stays selected.
    table->sortByColumn(0, Qt::DescendingOrder);
    QCOMPARE(shownNames().constFirst(), QStringLiteral("echo"));
    QCOMPARE(selectedName(), QStringLiteral("charlie"));
    QCOMPARE(table->selectionModel()->selectedRows().constFirst().row(), 2);

    // A live update inserts one row and removes another: still the same one.
    m_model->appendRow({new QStandardItem(QStringLiteral("foxtrot")), new QStandardItem(QStringLiteral("5"))});
    m_model->removeRow(1); // alpha
    QCOMPARE(shownNames().constFirst(), QStringLiteral("foxtrot"));
    QCOMPARE(selectedName(), QStringLiteral("charlie"));
    m_model->item(2, 0)->setText(QStringLiteral("charlie!")); // "charlie" after alpha's removal
    QCOMPARE(selectedName(), QStringLiteral("charlie!"));
}

void TestFilteredTableView::resetClearsTheSelection()
{
    // As Qt's views do: a reset says nothing of which row is which, so no
    // row stays selected (the console's live models reconcile instead).
    m_list->table()->selectRow(0);
    QVERIFY(!selectedName().isEmpty());
    m_proxy->setSourceModel(nullptr);
    m_proxy->setSourceModel(m_model);
    QCOMPARE(shownNames().size(), 5);
    QVERIFY(!m_list->table()->selectionModel()->hasSelection());
}

void TestFilteredTableView::filtersComeBeforeTheTableForTheKeyboard()
{
    auto *label = new QLabel(QStringLiteral("Names"), m_list);
    auto *first = new QLineEdit(m_list);
    m_list->addFilter(label);
    m_list->addFilter(first);
    QLineEdit *search = m_list->addSearchBox(QStringLiteral("search"), QString(), QString(), 2);
    QCOMPARE(m_list->filterRow()->count(), 3);
    QCOMPARE(m_list->filterRow()->stretch(2), 2);
    // The table was made first, yet the keyboard reaches it after the filters.
    const auto nextByTab = [](QWidget *widget) {
        do
            widget = widget->nextInFocusChain();
        while (!(widget->focusPolicy() & Qt::TabFocus));
        return widget;
    };
    QCOMPARE(nextByTab(first), search);
    QCOMPARE(nextByTab(search), m_list->table());
}

void TestFilteredTableView::paneAndRowsAboveTheTableGoWhereAsked()
{
    auto *filter = new QLineEdit(m_list);
    m_list->addFilter(filter, 1);
    auto *notice = new QLabel(QStringLiteral("Live only"), m_list);
    m_list->addAboveTable(notice);
    auto *pane = new QLabel(QStringLiteral("detail"));
    m_list->addPane(pane);
    m_list->setSpacing(6);
    m_list->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_list));

    QSplitter *splitter = m_list->splitter();
    QCOMPARE(splitter->count(), 2);
    QCOMPARE(splitter->widget(0), m_list->table());
    QCOMPARE(splitter->widget(1), pane);
    QCOMPARE(splitter->orientation(), Qt::Horizontal);
    QVERIFY(pane->x() > m_list->table()->x());
    // Filters on top, then the notice, then the table; 6 px apart.
    QVERIFY(filter->geometry().bottom() < notice->geometry().top());
    QVERIFY(notice->geometry().bottom() < splitter->geometry().top());
    QCOMPARE(splitter->geometry().top() - notice->geometry().bottom() - 1, 6);

    m_list->setOrientation(Qt::Vertical);
    QTRY_VERIFY(pane->y() > m_list->table()->y());
}

void TestFilteredTableView::columnsAreAtLeastAsWideAsTheirTitles()
{
    QHeaderView *header = m_list->table()->horizontalHeader();
    header->resizeSection(0, 4); // as narrow as the header allows
    header->resizeSection(1, 4);
    const int narrow = header->sectionSize(0);
    QCOMPARE(header->sectionSize(1), narrow);
    m_list->fitColumnsToTitles({0});
    QCOMPARE(header->sectionSize(0), narrow);
    const int title = header->fontMetrics().horizontalAdvance(QStringLiteral("A rather long column title"));
    QVERIFY2(header->sectionSize(1) > title, qPrintable(QString::number(header->sectionSize(1))));
    // A column wider than its title keeps its width.
    header->resizeSection(1, title + 200);
    m_list->fitColumnsToTitles();
    QCOMPARE(header->sectionSize(1), title + 200);
    QVERIFY(header->sectionSize(0) > header->fontMetrics().horizontalAdvance(QStringLiteral("Name")));
}

void TestFilteredTableView::agesTickOnlyWhenAsked()
{
    QVERIFY(!m_list->agesTick());
    m_list->setAgesTick(true);
    QVERIFY(m_list->agesTick());
    m_list->setAgesTick(false);
    QVERIFY(!m_list->agesTick());
}

QTEST_MAIN(TestFilteredTableView)
#include "tst_filteredtableview.moc"
