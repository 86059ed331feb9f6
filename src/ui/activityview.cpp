#include "activityview.h"

#include "activitydelegate.h"
#include "activityfilterproxy.h"
#include "columnsfollowtype.h"
#include "emptynotice.h"
#include "filteredtableview.h"
#include "model/activitymodel.h"
#include "model/operatormodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

ActivityView::ActivityView(ActivityModel *activity, OperatorModel *operators, QWidget *parent)
    : QWidget(parent)
    , m_activity(activity)
    , m_operators(operators)
    , m_activityProxy(new ActivityFilterProxy(this))
{
    setObjectName(QStringLiteral("activityView"));
    m_activityProxy->setSourceModel(m_activity);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    QFont titleFont = font();
    titleFont.setBold(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);

    auto *operatorsPane = new QWidget(splitter);
    auto *operatorsLayout = new QVBoxLayout(operatorsPane);
    operatorsLayout->setContentsMargins(0, 0, 0, 0);
    m_operatorsTitle = new QLabel(operatorsPane);
    m_operatorsTitle->setObjectName(QStringLiteral("operatorsTitle"));
    m_operatorsTitle->setFont(titleFont);
    operatorsLayout->addWidget(m_operatorsTitle);
    // The model keeps arrival order; the proxy sorts on its raw SortRole.
    auto *operatorProxy = new QSortFilterProxyModel(this);
    operatorProxy->setSourceModel(m_operators);
    operatorProxy->setSortRole(OperatorModel::SortRole);
    operatorProxy->setDynamicSortFilter(true);
    m_operatorTable = new QTableView(this);
    new ColumnsFollowType(m_operatorTable);
    m_operatorTable->setModel(operatorProxy);
    m_operatorTable->setItemDelegate(new ActivityDelegate(ActivityDelegate::Table::Operators, this));
    FilteredTableView::setUpTable(m_operatorTable);
    sizeColumns(m_operatorTable);
    m_operatorTable->setObjectName(QStringLiteral("operatorTable"));
    m_operatorTable->setAccessibleName(tr("Operators present"));
    m_operatorTable->setSortingEnabled(true);
    m_operatorTable->sortByColumn(OperatorModel::NameColumn, Qt::AscendingOrder);
    m_operatorTable->horizontalHeader()->setSectionResizeMode(OperatorModel::LastActionColumn, QHeaderView::Stretch);
    EmptyNotice::forList(m_operatorTable, [operators] {
        return operators->isLinkLive() ? tr("No operators present") : tr("Not live: nobody is known to be present");
    });
    operatorsLayout->addWidget(m_operatorTable);
    splitter->addWidget(operatorsPane);

    // The activity below: its title and filter over the table.
    m_activityList = new FilteredTableView(m_activityProxy,
                                           new ActivityDelegate(ActivityDelegate::Table::Activity, this), splitter);
    m_activityList->setMargins(0, 4, 0, 0);
    m_activityTitle = new QLabel(m_activityList);
    m_activityTitle->setObjectName(QStringLiteral("activityTitle"));
    m_activityTitle->setFont(titleFont);
    m_activityList->addFilter(m_activityTitle);
    m_filter = m_activityList->addSearchBox(QStringLiteral("activityFilter"), tr("Filter activity"),
                                            tr("Filter by operator, action or target"));
    m_activityTable = m_activityList->table();
    new ColumnsFollowType(m_activityTable); // the columns grow with larger type (a kiosk's)
    sizeColumns(m_activityTable);
    m_activityTable->setObjectName(QStringLiteral("activityTable"));
    m_activityTable->setAccessibleName(tr("Recent activity"));
    // The log is newest first already; sorting would only hide that.
    m_activityTable->horizontalHeader()->setSectionResizeMode(ActivityModel::TargetColumn, QHeaderView::Stretch);
    m_activityList->setEmptyText([operators] {
        return operators->isLinkLive() ? tr("No operator activity since this console connected")
                                       : tr("Not live: no activity received yet");
    });
    splitter->addWidget(m_activityList);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_activityProxy->setText(text);
        updateTitles();
    });
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *> {m_operators, m_activityProxy}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &ActivityView::updateTitles);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ActivityView::updateTitles);
        connect(model, &QAbstractItemModel::modelReset, this, &ActivityView::updateTitles);
    }
    updateTitles();
}

void ActivityView::sizeColumns(QTableView *table)
{
    const QAbstractItemModel *model = table->model();
    QHeaderView *header = table->horizontalHeader();
    // The titles are measured in the table's type, which the header shows
    // too (FilteredTableView::fitTableColumnsToTitles says why).
    const QFontMetrics metrics = table->fontMetrics();
    for (int column = 0; column < model->columnCount(); ++column) {
        const int title = metrics.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString()) + 28;
        header->resizeSection(column, std::max(title, metrics.horizontalAdvance(QStringLiteral("m")) * 14));
    }
}

void ActivityView::updateTitles()
{
    const QLocale locale;
    m_operatorsTitle->setText(tr("Operators present (%1)").arg(locale.toString(m_operators->rowCount())));
    const int listed = m_activityProxy->rowCount();
    const int all = m_activity->rowCount();
    m_activityTitle->setText(listed == all
                                 ? tr("Recent activity (%1)").arg(locale.toString(all))
                                 : tr("Recent activity (%1 of %2)").arg(locale.toString(listed), locale.toString(all)));
}

void ActivityView::setWatchOnly(bool watchOnly)
{
    m_activityList->setFiltersShown(!watchOnly);
}

bool ActivityView::isWatchOnly() const
{
    return !m_activityList->filtersShown();
}
