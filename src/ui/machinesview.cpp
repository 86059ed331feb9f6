#include "machinesview.h"

#include "charts.h"
#include "filteredtableview.h"
#include "model/machinemodel.h"

#include "agetext.h"
#include "machinedelegate.h"
#include "machinefilterproxy.h"
#include "staleheadline.h"
#include "theme.h"
#include "timetext.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

using Domain::MachineState;
using Domain::TicketPriority;
using Domain::TicketStatus;

namespace {

enum TicketColumn { PriorityColumn, TicketIdColumn, DescriptionColumn, TicketStatusColumn, TicketColumnCount };

qint64 monotonicMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.elapsed();
}

} // namespace

MachinesView::MachinesView(MachineModel *machines, QWidget *parent)
    : QWidget(parent)
    , m_machines(machines)
    , m_proxy(new MachineFilterProxy(this))
    , m_delegate(new MachineDelegate(this))
{
    setObjectName(QStringLiteral("machinesView"));
    MachineModel *model = machines;
    m_proxy->setSourceModel(model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    // Filters over the table on the left, the selected machine on the right.
    m_list = new FilteredTableView(m_proxy, m_delegate, this);
    m_list->setSpacing(layout->spacing());
    m_statusFilter = new QComboBox(m_list);
    m_statusFilter->setObjectName(QStringLiteral("machineStatusFilter"));
    m_statusFilter->setAccessibleName(tr("Status"));
    m_statusFilter->addItem(tr("All statuses"), -1);
    for (auto status : {MachineState::Running, MachineState::Idle, MachineState::Down, MachineState::Maintenance})
        m_statusFilter->addItem(MachineDelegate::statusText(status), int(status));
    m_lineFilter = new QComboBox(m_list);
    m_lineFilter->setObjectName(QStringLiteral("machineLineFilter"));
    m_lineFilter->setAccessibleName(tr("Line"));
    m_lineFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_lineFilter->addItem(tr("All lines"), QString());
    m_list->addFilter(m_statusFilter);
    m_list->addFilter(m_lineFilter);
    m_search
        = m_list->addSearchBox(QStringLiteral("machineSearch"), tr("Search machines"), tr("Search machine id or name"));
    m_summary = new QLabel(m_list);
    m_summary->setObjectName(QStringLiteral("machineSummary"));
    m_list->addFilter(m_summary);
    for (QComboBox *combo : {m_statusFilter, m_lineFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &MachinesView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &MachinesView::applyFilters);

    m_table = m_list->table();
    m_table->setObjectName(QStringLiteral("machineTable"));
    m_table->setAccessibleName(tr("Machines"));
    // Stale rows say how long ago they were heard of: the ages tick.
    m_list->setAgesTick(true);
    m_list->sortBy(MachineModel::IdColumn, Qt::AscendingOrder);
    m_list->setEmptyText([model] {
        return model->isLinkLive() ? tr("Waiting for the server's first machines")
                                   : tr("Not live: no machines received yet");
    });
    // Columns as wide as their content, none stretched to fill.
    m_table->horizontalHeader()->setStretchLastSection(false);
    sizeColumns();
    m_list->addPane(createDetailPane());
    // The table keeps the width its columns need; a wider window gives the
    // rest to the selected machine's chart and tickets.
    QSplitter *splitter = m_list->splitter();
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({tableWidth(), 480});
    layout->addWidget(m_list, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QString id = selectedMachineId();
        if (id == m_machineId)
            return;
        m_machineId = id;
        updateDetail();
        redrawChart();
    });
    connect(model, &LiveTableModel::contentsUpdated, this, [this] {
        updateLines();
        updateSummary();
        if (!m_machineId.isEmpty())
            scheduleChart();
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this, model](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = model->rowOf(m_machineId);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    updateDetail();
            });
    connect(model, &LiveTableModel::stalenessChanged, this, &MachinesView::updateSummary);
    m_summaryClock.setInterval(1000);
    connect(&m_summaryClock, &QTimer::timeout, this, &MachinesView::updateSummary);
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateSummary();
        updateDetail();
    });

    m_chartTimer.setSingleShot(true);
    connect(&m_chartTimer, &QTimer::timeout, this, &MachinesView::redrawChart);

    updateLines();
    updateSummary();
    updateDetail();
}

QWidget *MachinesView::createDetailPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("machineDetail"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->setSpacing(6);

    m_detailTitle = new QLabel(pane);
    m_detailTitle->setObjectName(QStringLiteral("machineDetailTitle"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_detailTitle->setFont(titleFont);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detailTitle);

    auto *facts = new QHBoxLayout;
    m_detailStatusIcon = new QLabel(pane);
    m_detailStatus = new QLabel(pane);
    m_detailStatus->setObjectName(QStringLiteral("machineDetailStatus"));
    m_detailLine = new QLabel(pane);
    m_detailLine->setObjectName(QStringLiteral("machineDetailLine"));
    m_detailFigures = new QLabel(pane);
    m_detailFigures->setObjectName(QStringLiteral("machineDetailFigures"));
    facts->addWidget(m_detailStatusIcon);
    facts->addWidget(m_detailStatus);
    facts->addSpacing(12);
    facts->addWidget(m_detailLine);
    facts->addSpacing(12);
    facts->addWidget(m_detailFigures);
    facts->addStretch(1);
    layout->addLayout(facts);

    // Utilization over time: one grey line on the console's chart style.
    m_timeAxis = Charts::makeTimeAxis();
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_chartView = Charts::makeChartView(tr("Utilization"), m_timeAxis,
                                        Charts::makeValueAxis(100, QStringLiteral("%.0f %%")), pane);
    m_chartView->chart()->legend()->hide();
    m_series = Charts::addSeries(m_chartView->chart(), tr("Utilization"), Charts::Ink::Strong, Qt::SolidLine);
    m_chartView->setObjectName(QStringLiteral("utilizationChart"));
    layout->addWidget(m_chartView, 1);

    m_ticketsTitle = new QLabel(pane);
    m_ticketsTitle->setObjectName(QStringLiteral("ticketsTitle"));
    QFont ticketsFont = m_ticketsTitle->font();
    ticketsFont.setBold(true);
    m_ticketsTitle->setFont(ticketsFont);
    layout->addWidget(m_ticketsTitle);
    m_tickets = new QTreeWidget(pane);
    m_tickets->setObjectName(QStringLiteral("ticketTree"));
    m_tickets->setAccessibleName(tr("Open maintenance tickets"));
    m_tickets->setColumnCount(TicketColumnCount);
    m_tickets->setHeaderLabels({tr("Priority"), tr("Ticket"), tr("Description"), tr("Status")});
    m_tickets->setRootIsDecorated(true);
    m_tickets->setAlternatingRowColors(true);
    m_tickets->setUniformRowHeights(true);
    m_tickets->setSelectionMode(QAbstractItemView::NoSelection);
    m_tickets->header()->setStretchLastSection(false);
    m_tickets->header()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_tickets->header()->setSectionResizeMode(PriorityColumn, QHeaderView::ResizeToContents);
    m_tickets->header()->setSectionResizeMode(TicketIdColumn, QHeaderView::ResizeToContents);
    m_tickets->header()->setSectionResizeMode(TicketStatusColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_tickets, 1);
    return pane;
}

void MachinesView::setWatchOnly(bool watchOnly)
{
    m_watchOnly = watchOnly;
    m_list->setFiltersShown(!watchOnly);
    m_list->setPanesShown(!watchOnly);
}

QString MachinesView::selectedMachineId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(MachineModel::MachineIdRole).toString();
}

bool MachinesView::selectMachine(const QString &machineId)
{
    const int row = m_proxy->rowOfMachine(machineId);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->scrollTo(m_proxy->index(row, 0));
    return true;
}

void MachinesView::applyFilters()
{
    m_proxy->setStatus(m_statusFilter->currentData().toInt());
    m_proxy->setLine(m_lineFilter->currentData().toString());
    m_proxy->setSearchText(m_search->text());
    updateSummary();
}

void MachinesView::updateLines()
{
    // The lines offered are those of the machines known now, plus the one
    // chosen, so a filter never disappears under the operator.
    MachineModel *model = m_machines;
    QStringList lines;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString line = model->machineAt(row).line;
        if (!line.isEmpty() && !lines.contains(line))
            lines.append(line);
    }
    const QString chosen = m_lineFilter->currentData().toString();
    if (!chosen.isEmpty() && !lines.contains(chosen))
        lines.append(chosen);
    std::sort(lines.begin(), lines.end());
    QStringList offered;
    for (int i = 1; i < m_lineFilter->count(); ++i)
        offered.append(m_lineFilter->itemData(i).toString());
    if (offered == lines)
        return;
    const QSignalBlocker blocker(m_lineFilter);
    while (m_lineFilter->count() > 1)
        m_lineFilter->removeItem(1);
    for (const QString &line : lines)
        m_lineFilter->addItem(tr("Line %1").arg(line), line);
    m_lineFilter->setCurrentIndex(std::max(0, m_lineFilter->findData(chosen)));
}

void MachinesView::updateSummary()
{
    MachineModel *model = m_machines;
    const QLocale locale;
    const QString counts = tr("%1 listed of %2 · %3 down · %4 in maintenance")
                               .arg(locale.toString(m_proxy->rowCount()), locale.toString(model->rowCount()),
                                    locale.toString(model->countByStatus(MachineState::Down)),
                                    locale.toString(model->countByStatus(MachineState::Maintenance)));
    // Counted from stale rows, the headline says so, with an age that ticks.
    if (StaleHeadline::apply(m_summary, counts, *model))
        m_summaryClock.start();
    else
        m_summaryClock.stop();
}

void MachinesView::sizeColumns()
{
    // Each column as wide as the widest text it can hold, in the table's type.
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics metrics = m_table->fontMetrics();
    header->resizeSection(MachineModel::IdColumn, metrics.horizontalAdvance(QStringLiteral("M-0000")) + 24);
    header->resizeSection(MachineModel::NameColumn, metrics.horizontalAdvance(QStringLiteral("Packer 00")) + 24);
    header->resizeSection(MachineModel::LineColumn, metrics.horizontalAdvance(QStringLiteral("L00")) + 24);
    header->resizeSection(MachineModel::ProducedColumn, metrics.horizontalAdvance(QStringLiteral("000,000")) + 24);
    header->resizeSection(MachineModel::StatusColumn, m_delegate->statusColumnWidth(m_table->font()));
    header->resizeSection(MachineModel::UtilizationColumn, metrics.horizontalAdvance(QStringLiteral("100 %")) + 90);
    header->resizeSection(MachineModel::LastUpdateColumn,
                          std::max(metrics.horizontalAdvance(QStringLiteral("00:00:00")),
                                   metrics.horizontalAdvance(AgeText::stale(3600000 * 23 + 59 * 60000)))
                              + 24);
    m_list->fitColumnsToTitles();
}

int MachinesView::tableWidth() const
{
    const QHeaderView *header = m_table->horizontalHeader();
    int columns = 0;
    for (int section = 0; section < header->count(); ++section)
        columns += header->isSectionHidden(section) ? 0 : header->sectionSize(section);
    return columns + m_table->verticalScrollBar()->sizeHint().width() + 2 * m_table->frameWidth();
}

void MachinesView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Larger type (the kiosk's, the operator's): every column keeps its text whole.
    if (event->type() == QEvent::FontChange && m_table) {
        sizeColumns();
        QSplitter *splitter = m_list->splitter();
        const QList<int> sizes = splitter->sizes();
        if (sizes.size() == 2 && sizes.at(0) < tableWidth())
            splitter->setSizes({tableWidth(), std::max(0, sizes.at(0) + sizes.at(1) - tableWidth())});
    }
    // The detail's status colours are the theme's: set them again for the new one.
    if (event->type() == QEvent::PaletteChange)
        updateDetail();
}

void MachinesView::updateDetail()
{
    MachineModel *model = m_machines;
    const int row = m_machineId.isEmpty() ? -1 : model->rowOf(m_machineId);
    const int side = m_detailStatus->fontMetrics().height();
    if (row < 0) {
        m_detailTitle->setText(tr("No machine selected"));
        m_detailStatusIcon->clear();
        m_detailStatus->clear();
        m_detailLine->clear();
        m_detailFigures->setText(tr("Select a machine in the table to see its utilization and tickets."));
        updateTickets();
        return;
    }
    const Domain::MachineStatus &machine = model->machineAt(row);
    const QLocale locale;
    const bool stale = model->isStale(row);
    m_detailTitle->setText(machine.name.isEmpty() ? machine.machineId
                                                  : tr("%1 · %2").arg(machine.name, machine.machineId));
    m_detailStatusIcon->setPixmap(MachineDelegate::statusPixmap(machine.status, side, devicePixelRatioF()));
    m_detailStatus->setText(MachineDelegate::statusText(machine.status));
    QPalette statusPalette = palette();
    QFont statusFont = font();
    statusFont.setBold(machine.status == MachineState::Down);
    statusFont.setItalic(stale);
    if (machine.status == MachineState::Down)
        statusPalette.setColor(QPalette::WindowText, Theme::alarmColor());
    else if (stale)
        statusPalette.setColor(QPalette::WindowText, Theme::staleText());
    m_detailStatus->setPalette(statusPalette);
    m_detailStatus->setFont(statusFont);
    m_detailLine->setText(tr("Line %1").arg(machine.line));
    QString figures = tr("Utilization %1 % · %2 produced")
                          .arg(locale.toString(qRound(machine.utilization)), locale.toString(machine.producedCount));
    const QString updated = TimeText::of(machine.timestamp);
    if (!updated.isEmpty())
        figures = tr("%1 · updated %2").arg(figures, updated);
    if (stale)
        figures = tr("%1 (stale)").arg(figures);
    m_detailFigures->setText(figures);
    QPalette figuresPalette = palette();
    if (stale)
        figuresPalette.setColor(QPalette::WindowText, Theme::staleText());
    m_detailFigures->setPalette(figuresPalette);
    updateTickets();
}

void MachinesView::updateTickets()
{
    MachineModel *model = m_machines;
    const int row = m_machineId.isEmpty() ? -1 : model->rowOf(m_machineId);
    const QVariantList tickets
        = row < 0 ? QVariantList() : model->index(row, 0).data(MachineModel::TicketsRole).toList();
    const QLocale locale;
    m_ticketsTitle->setText(tr("Open maintenance tickets (%1)").arg(locale.toString(tickets.size())));
    m_tickets->clear();
    const int side = m_tickets->fontMetrics().height();
    for (const QVariant &value : tickets) {
        const QVariantMap ticket = value.toMap();
        const auto priority = TicketPriority(ticket.value(QStringLiteral("priority")).toInt());
        const auto status = TicketStatus(ticket.value(QStringLiteral("status")).toInt());
        auto *item = new QTreeWidgetItem(m_tickets);
        item->setIcon(PriorityColumn, QIcon(MachineDelegate::priorityPixmap(priority, side, devicePixelRatioF())));
        item->setText(PriorityColumn, MachineDelegate::priorityText(priority));
        item->setData(PriorityColumn, Qt::UserRole, int(priority));
        if (priority >= TicketPriority::High) {
            QFont bold = m_tickets->font();
            bold.setBold(true);
            item->setFont(PriorityColumn, bold);
        }
        const QString ticketId = ticket.value(QStringLiteral("ticketId")).toString();
        item->setText(TicketIdColumn, ticketId);
        item->setData(TicketIdColumn, Qt::UserRole, ticketId);
        item->setText(DescriptionColumn, ticket.value(QStringLiteral("description")).toString());
        item->setToolTip(DescriptionColumn, item->text(DescriptionColumn));
        item->setText(TicketStatusColumn, MachineDelegate::ticketStatusText(status));
        // Its history, oldest first: when it was opened and each step since.
        const QVariantList history = ticket.value(QStringLiteral("history")).toList();
        for (const QVariant &stepValue : history) {
            const QVariantMap step = stepValue.toMap();
            auto *child = new QTreeWidgetItem(item);
            child->setText(DescriptionColumn, TimeText::of(step.value(QStringLiteral("at")).toDateTime()));
            child->setText(
                TicketStatusColumn,
                MachineDelegate::ticketStatusText(TicketStatus(step.value(QStringLiteral("status")).toInt())));
        }
        item->setExpanded(true);
    }
}

void MachinesView::scheduleChart()
{
    // At most one redraw a second: the first change after a quiet second
    // draws at once, the rest wait for the timer.
    if (m_chartTimer.isActive())
        return;
    const qint64 since = monotonicMs() - m_lastChartMs;
    m_chartTimer.start(int(std::clamp<qint64>(kChartRedrawMs - since, 0, kChartRedrawMs)));
}

void MachinesView::redrawChart()
{
    m_chartTimer.stop();
    m_lastChartMs = monotonicMs();
    const MachineModel *model = m_machines;
    const QList<MetricHistory::Sample> samples = m_machineId.isEmpty()
        ? QList<MetricHistory::Sample>()
        : model->history().series(m_machineId, MachineModel::UtilizationRole);
    QList<QPointF> points;
    points.reserve(samples.size());
    for (const MetricHistory::Sample &sample : samples)
        points.append(QPointF(double(sample.timeMs), sample.value));
    m_series->replace(points);
    Charts::showEmpty(m_chartView,
                      m_machineId.isEmpty()   ? tr("Select a machine to see its utilization")
                          : samples.isEmpty() ? tr("No utilization reports from this machine yet")
                                              : QString());
    m_chartView->chart()->setTitle(m_machineId.isEmpty() ? tr("Utilization")
                                                         : tr("Utilization of %1").arg(m_machineId));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The axis spans the samples kept, and at least kMinChartSpanMs so a
    // short history is not stretched into a steep line.
    const qint64 last = samples.isEmpty() ? now : std::max(samples.last().timeMs, now);
    const qint64 first
        = samples.isEmpty() ? last - kMinChartSpanMs : std::min(samples.first().timeMs, last - kMinChartSpanMs);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
}
