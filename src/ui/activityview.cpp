#include "activityview.h"

#include "activitydelegate.h"
#include "activityfilterproxy.h"
#include "listtable.h"
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
    m_operatorTable = makeTable(operatorProxy, new ActivityDelegate(ActivityDelegate::Table::Operators, this));
    m_operatorTable->setObjectName(QStringLiteral("operatorTable"));
    m_operatorTable->setAccessibleName(tr("Operators present"));
    m_operatorTable->setSortingEnabled(true);
    m_operatorTable->sortByColumn(OperatorModel::NameColumn, Qt::AscendingOrder);
    m_operatorTable->horizontalHeader()->setSectionResizeMode(OperatorModel::LastActionColumn, QHeaderView::Stretch);
    operatorsLayout->addWidget(m_operatorTable);
    splitter->addWidget(operatorsPane);

    auto *activityPane = new QWidget(splitter);
    auto *activityLayout = new QVBoxLayout(activityPane);
    activityLayout->setContentsMargins(0, 4, 0, 0);
    auto *strip = new QHBoxLayout;
    m_activityTitle = new QLabel(activityPane);
    m_activityTitle->setObjectName(QStringLiteral("activityTitle"));
    m_activityTitle->setFont(titleFont);
    m_filter = new QLineEdit(activityPane);
    m_filter->setObjectName(QStringLiteral("activityFilter"));
    m_filter->setAccessibleName(tr("Filter activity"));
    m_filter->setPlaceholderText(tr("Filter by operator, action or target"));
    m_filter->setClearButtonEnabled(true);
    strip->addWidget(m_activityTitle);
    strip->addWidget(m_filter, 1);
    activityLayout->addLayout(strip);
    m_activityTable = makeTable(m_activityProxy, new ActivityDelegate(ActivityDelegate::Table::Activity, this));
    m_activityTable->setObjectName(QStringLiteral("activityTable"));
    m_activityTable->setAccessibleName(tr("Recent activity"));
    // The log is newest first already; sorting would only hide that.
    m_activityTable->horizontalHeader()->setSectionResizeMode(ActivityModel::TargetColumn, QHeaderView::Stretch);
    activityLayout->addWidget(m_activityTable);
    splitter->addWidget(activityPane);
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

QTableView *ActivityView::makeTable(QAbstractItemModel *model, ActivityDelegate *delegate)
{
    auto *table = new QTableView(this);
    table->setModel(model);
    table->setItemDelegate(delegate);
    ListTable::setUp(table);
    QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics = table->fontMetrics();
    const QFontMetrics headerMetrics = header->fontMetrics();
    for (int column = 0; column < model->columnCount(); ++column) {
        const int title = headerMetrics.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString()) + 28;
        header->resizeSection(column, std::max(title, metrics.horizontalAdvance(QStringLiteral("m")) * 14));
    }
    return table;
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
