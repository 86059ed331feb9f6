#include "commandlogview.h"

#include "columnsfollowtype.h"
#include "services/linkstatus.h"

#include "commandlogdelegate.h"
#include "commandlogfilterproxy.h"
#include "filteredtableview.h"
#include "model/commandlogmodel.h"
#include "theme.h"
#include "timetext.h"

#include <QComboBox>
#include <QDate>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using Domain::CommandState;

namespace {

enum HistoryColumn { HistoryTimeColumn, HistoryStatusColumn, HistoryActualColumn, HistoryErrorColumn };

} // namespace

CommandLogView::CommandLogView(CommandLogModel *model, LinkStatus *link, QWidget *parent)
    : QWidget(parent)
    , m_link(link)
    , m_model(model)
    , m_proxy(new CommandLogFilterProxy(this))
    , m_delegate(new CommandLogDelegate(this))
{
    setObjectName(QStringLiteral("commandLogView"));
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    m_list = new FilteredTableView(m_proxy, m_delegate, this);
    m_list->setSpacing(layout->spacing());
    m_statusFilter = new QComboBox(m_list);
    m_statusFilter->setObjectName(QStringLiteral("commandStatusFilter"));
    m_statusFilter->setAccessibleName(tr("Status"));
    m_statusFilter->addItem(tr("All statuses"));
    m_statusFilter->addItem(tr("Under way"));
    m_statusFilter->addItem(CommandLogDelegate::statusText(CommandState::Succeeded));
    m_statusFilter->addItem(tr("Failed, rejected or timed out"));
    m_operatorFilter = new QComboBox(m_list);
    m_operatorFilter->setObjectName(QStringLiteral("commandOperatorFilter"));
    m_operatorFilter->setAccessibleName(tr("Operator"));
    m_operatorFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_operatorFilter->addItem(tr("All operators"));
    m_operatorFilter->addItem(ownName().isEmpty() ? tr("Mine") : tr("Mine (%1)").arg(ownName()));
    m_list->addFilter(m_statusFilter);
    m_list->addFilter(m_operatorFilter);
    m_endpoint = m_list->addSearchBox(QStringLiteral("commandEndpointFilter"), tr("Endpoint"), tr("Endpoint"), 1);
    m_search = m_list->addSearchBox(QStringLiteral("commandSearch"), tr("Search commands"),
                                    tr("Search values, results, command id"), 2);
    m_summary = new QLabel(m_list);
    m_summary->setObjectName(QStringLiteral("commandSummary"));
    m_list->addFilter(m_summary);
    m_list->setEmptyText(
        [this] { return m_link->isLive() ? tr("No commands yet") : tr("Not live: no commands received yet"); });

    // Say what is missing rather than show a short log as if it were whole.
    m_notice = new QLabel(m_list);
    m_notice->setObjectName(QStringLiteral("commandLogNotice"));
    m_notice->setWordWrap(true);
    if (!m_model->hasStore())
        m_notice->setText(tr("Live only: this console has no local database, so commands of earlier runs are not "
                             "listed and this run's are not kept."));
    else if (!m_model->loadError().isEmpty())
        m_notice->setText(tr("Commands of earlier runs could not be read: %1").arg(m_model->loadError()));
    m_notice->setVisible(!m_notice->text().isEmpty());
    m_list->addAboveTable(m_notice);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &CommandLogView::applyFilters);
    connect(m_operatorFilter, &QComboBox::currentIndexChanged, this, &CommandLogView::applyFilters);
    connect(m_endpoint, &QLineEdit::textChanged, this, &CommandLogView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &CommandLogView::applyFilters);

    m_table = m_list->table();
    new ColumnsFollowType(m_table); // the columns sized below grow with larger type (a kiosk's)
    m_table->setObjectName(QStringLiteral("commandTable"));
    m_table->setAccessibleName(tr("Command log"));
    m_list->sortBy(CommandLogModel::TimeColumn, Qt::DescendingOrder);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    const QFontMetrics metrics = m_table->fontMetrics();
    QFont bold = m_table->font();
    bold.setBold(true);
    // Wide enough for a time of another day from an earlier run, in the locale's words.
    const QString longestTime = tr("%1 (earlier run)")
                                    .arg(tr("%1 %2").arg(QLocale().toString(QDate(2000, 12, 28), QLocale::ShortFormat),
                                                         QStringLiteral("00:00:00")));
    header->resizeSection(CommandLogModel::TimeColumn, metrics.horizontalAdvance(longestTime) + 24);
    header->resizeSection(CommandLogModel::OperatorColumn, metrics.horizontalAdvance(QStringLiteral("m")) * 10);
    // Endpoints read tile › device › endpoint: room for a usual one, elided beyond.
    header->resizeSection(
        CommandLogModel::EndpointColumn,
        metrics.horizontalAdvance(QStringLiteral("Hot liquor tank 1 \u203A Heater H-101 \u203A Setpoint")) + 24);
    header->resizeSection(CommandLogModel::RequestedColumn, metrics.horizontalAdvance(QStringLiteral("m")) * 8);
    header->resizeSection(CommandLogModel::ActualColumn, metrics.horizontalAdvance(QStringLiteral("m")) * 8);
    int widestStatus = 0;
    for (auto status : {CommandState::Queued, CommandState::Sent, CommandState::Acked, CommandState::Succeeded,
                        CommandState::Failed, CommandState::Rejected, CommandState::Timeout})
        widestStatus
            = std::max(widestStatus, QFontMetrics(bold).horizontalAdvance(CommandLogDelegate::statusText(status)));
    header->resizeSection(CommandLogModel::StatusColumn, widestStatus + metrics.height() + 24);
    m_list->fitColumnsToTitles();
    m_list->addPane(createDetailPane());
    QSplitter *splitter = m_list->splitter();
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({header->length() + 4, 420});
    layout->addWidget(m_list, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_commandId = current.isValid() ? current.data(CommandLogModel::CommandIdRole).toString() : QString();
                updateDetail();
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_commandId.isEmpty() ? -1 : m_model->rowOf(m_commandId);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    updateDetail();
                updateOperators();
                updateSummary();
            });
    for (QAbstractItemModel *source : std::initializer_list<QAbstractItemModel *> {m_model, m_proxy}) {
        connect(source, &QAbstractItemModel::rowsInserted, this, [this] {
            updateOperators();
            updateSummary();
        });
        connect(source, &QAbstractItemModel::rowsRemoved, this, &CommandLogView::updateSummary);
        connect(source, &QAbstractItemModel::modelReset, this, &CommandLogView::updateSummary);
    }

    // Ctrl+F goes to the search, as in every other list.
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    const QList<QWidget *> order {m_statusFilter, m_operatorFilter, m_endpoint, m_search, m_table, m_history};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    updateOperators();
    updateSummary();
    updateDetail();
}

QWidget *CommandLogView::createDetailPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("commandDetail"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(8, 0, 0, 0);
    m_detailTitle = new QLabel(pane);
    m_detailTitle->setObjectName(QStringLiteral("commandDetailTitle"));
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    layout->addWidget(m_detailTitle);
    auto *statusLine = new QHBoxLayout;
    m_detailStatusIcon = new QLabel(pane);
    const int side = fontMetrics().height();
    m_detailStatusIcon->setFixedSize(side, side);
    m_detailStatus = new QLabel(pane);
    m_detailStatus->setObjectName(QStringLiteral("commandDetailStatus"));
    statusLine->addWidget(m_detailStatusIcon);
    statusLine->addWidget(m_detailStatus, 1);
    layout->addLayout(statusLine);
    m_detailFigures = new QLabel(pane);
    m_detailFigures->setObjectName(QStringLiteral("commandDetailFigures"));
    m_detailFigures->setWordWrap(true);
    m_detailFigures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detailFigures);
    auto *historyTitle = new QLabel(tr("Status history"), pane);
    historyTitle->setFont(titleFont);
    layout->addWidget(historyTitle);
    m_history = new QTreeWidget(pane);
    m_history->setObjectName(QStringLiteral("commandHistory"));
    m_history->setAccessibleName(tr("Status history"));
    m_history->setRootIsDecorated(false);
    m_history->setAlternatingRowColors(true);
    m_history->setHeaderLabels({tr("Time"), tr("Status"), tr("Actual"), tr("Error")});
    m_history->header()->setStretchLastSection(true);
    historyTitle->setBuddy(m_history);
    layout->addWidget(m_history, 1);
    return pane;
}

QString CommandLogView::ownName() const
{
    return m_link->settings().operatorName;
}

void CommandLogView::applyFilters()
{
    switch (m_statusFilter->currentIndex()) {
    case PendingStatuses:
        m_proxy->setStatusFilter(CommandLogFilterProxy::StatusFilter::Pending);
        break;
    case SucceededStatus:
        m_proxy->setStatusFilter(CommandLogFilterProxy::StatusFilter::Succeeded);
        break;
    case UnsuccessfulStatuses:
        m_proxy->setStatusFilter(CommandLogFilterProxy::StatusFilter::Unsuccessful);
        break;
    default:
        m_proxy->setStatusFilter(CommandLogFilterProxy::StatusFilter::All);
        break;
    }
    const int choice = m_operatorFilter->currentIndex();
    if (choice == MyCommands)
        m_proxy->setOperatorName(ownName());
    else if (choice > MyCommands && choice - 2 < m_operatorNames.size())
        m_proxy->setOperatorName(m_operatorNames.at(choice - 2));
    else
        m_proxy->setOperatorName({});
    m_proxy->setEndpointText(m_endpoint->text());
    m_proxy->setText(m_search->text());
    updateSummary();
}

void CommandLogView::setWatchOnly(bool watchOnly)
{
    m_watchOnly = watchOnly;
    m_list->setFiltersShown(!watchOnly);
    m_list->setPanesShown(!watchOnly);
}

bool CommandLogView::filterByOperator(const QString &name)
{
    updateOperators();
    const qsizetype at = m_operatorNames.indexOf(name);
    if (at < 0)
        return false;
    m_operatorFilter->setCurrentIndex(int(at) + 2);
    return true;
}

void CommandLogView::updateOperators()
{
    // Everyone who issued a listed command, but this console's operator, who is "Mine".
    QStringList names;
    const QString own = ownName();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString name = m_model->index(row, 0).data(CommandLogModel::OperatorNameRole).toString();
        if (!name.isEmpty() && name.compare(own, Qt::CaseInsensitive) != 0 && !names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    if (names == m_operatorNames)
        return;
    const int choice = m_operatorFilter->currentIndex();
    const QString chosen = choice > MyCommands ? m_operatorNames.value(choice - 2) : QString();
    const QSignalBlocker blocker(m_operatorFilter);
    while (m_operatorFilter->count() > 2)
        m_operatorFilter->removeItem(m_operatorFilter->count() - 1);
    m_operatorNames = names;
    for (const QString &name : std::as_const(names))
        m_operatorFilter->addItem(name);
    if (!chosen.isEmpty()) {
        // The chosen operator stays chosen; the list only grows.
        const qsizetype at = names.indexOf(chosen);
        m_operatorFilter->setCurrentIndex(at >= 0 ? int(at) + 2 : AllOperators);
    }
}

void CommandLogView::updateSummary()
{
    const QLocale locale;
    const int listed = m_proxy->rowCount();
    const int all = m_model->rowCount();
    QString text = listed == all ? tr("%1 commands").arg(locale.toString(all))
                                 : tr("%1 of %2 commands").arg(locale.toString(listed), locale.toString(all));
    if (m_model->earlierRunCount() > 0)
        text = tr("%1 · %2 from earlier runs").arg(text, locale.toString(m_model->earlierRunCount()));
    m_summary->setText(text);
}

bool CommandLogView::selectCommand(const QString &commandId)
{
    const int row = m_model->rowOf(commandId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void CommandLogView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The detail's symbol and colours are the theme's: draw them again for the new one.
    if (event->type() == QEvent::PaletteChange)
        updateDetail();
}

void CommandLogView::updateDetail()
{
    const int row = m_commandId.isEmpty() ? -1 : m_model->rowOf(m_commandId);
    m_history->clear();
    if (row < 0) {
        m_detailTitle->setText(tr("No command selected"));
        m_detailStatusIcon->clear();
        m_detailStatus->clear();
        m_detailFigures->setText(tr("Select a command in the table to see every status it went through."));
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    const auto status = CommandState(index.data(CommandLogModel::StatusRole).toInt());
    const bool bad = CommandLogDelegate::isUnsuccessful(status);
    const int side = m_detailStatus->fontMetrics().height();
    m_detailTitle->setText(tr("Command %1").arg(index.data(CommandLogModel::CommandIdRole).toString()));
    m_detailStatusIcon->setPixmap(CommandLogDelegate::statusPixmap(status, side, devicePixelRatioF()));
    m_detailStatus->setText(CommandLogDelegate::statusText(status));
    QPalette statusPalette = palette();
    QFont statusFont = font();
    statusFont.setBold(bad);
    if (bad)
        statusPalette.setColor(QPalette::WindowText, Theme::alarmColor());
    m_detailStatus->setPalette(statusPalette);
    m_detailStatus->setFont(statusFont);

    const auto cell = [&](int column) { return CommandLogDelegate::cellText(m_model->index(row, column)); };
    QStringList lines;
    lines << tr("Operator: %1").arg(index.data(CommandLogModel::OperatorNameRole).toString())
          << (cell(CommandLogModel::EndpointColumn) == index.data(CommandLogModel::EndpointIdRole).toString()
                  ? tr("Endpoint: %1").arg(cell(CommandLogModel::EndpointColumn))
                  : tr("Endpoint: %1 (%2)")
                        .arg(cell(CommandLogModel::EndpointColumn),
                             index.data(CommandLogModel::EndpointIdRole).toString()))
          << tr("Requested: %1 · actual: %2")
                 .arg(cell(CommandLogModel::RequestedColumn), cell(CommandLogModel::ActualColumn))
          << tr("Issued: %1").arg(TimeText::of(index.data(CommandLogModel::IssuedAtRole).toDateTime()));
    if (const QString result = cell(CommandLogModel::ResultColumn); !result.isEmpty())
        lines << tr("Result: %1").arg(result);
    if (index.data(CommandLogModel::EarlierRunRole).toBool())
        lines << tr("Issued in an earlier run of this console.");
    m_detailFigures->setText(lines.join(u'\n'));

    const QVariantList history = index.data(CommandLogModel::HistoryRole).toList();
    const int iconSide = m_history->fontMetrics().height();
    for (const QVariant &value : history) {
        const QVariantMap change = value.toMap();
        const auto changeStatus = CommandState(change.value(QStringLiteral("status")).toInt());
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(HistoryTimeColumn, TimeText::of(change.value(QStringLiteral("at")).toDateTime()));
        item->setIcon(HistoryStatusColumn,
                      QIcon(CommandLogDelegate::statusPixmap(changeStatus, iconSide, devicePixelRatioF())));
        item->setText(HistoryStatusColumn, CommandLogDelegate::statusText(changeStatus));
        item->setData(HistoryStatusColumn, Qt::UserRole, int(changeStatus));
        item->setText(HistoryActualColumn, CommandLogDelegate::valueText(change.value(QStringLiteral("actualValue"))));
        item->setText(HistoryErrorColumn, change.value(QStringLiteral("error")).toString());
        if (CommandLogDelegate::isUnsuccessful(changeStatus)) {
            item->setForeground(HistoryStatusColumn, Theme::alarmColor());
            item->setForeground(HistoryErrorColumn, Theme::alarmColor());
        }
    }
    for (int column : {HistoryTimeColumn, HistoryStatusColumn, HistoryActualColumn})
        m_history->resizeColumnToContents(column);
}
