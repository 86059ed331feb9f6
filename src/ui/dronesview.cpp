#include "dronesview.h"

#include "dronedelegate.h"
#include "dronedetailpane.h"
#include "dronefilterproxy.h"
#include "model/dronemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using Domain::DroneState;

DronesView::DronesView(DroneModel *drones, DroneDetailPane::RoomOpener openRoom, QWidget *parent)
    : QWidget(parent)
    , m_drones(drones)
    , m_proxy(new DroneFilterProxy(this))
    , m_delegate(new DroneDelegate(this))
{
    setObjectName(QStringLiteral("dronesView"));
    m_proxy->setSourceModel(drones);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);

    auto *heading = new QLabel(tr("Drones"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("droneSummary"));
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(heading);
    headingRow->addSpacing(16);
    headingRow->addWidget(m_summary, 1);
    layout->addLayout(headingRow);

    // Filters.
    auto *filters = new QHBoxLayout;
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("droneStateFilter"));
    m_stateFilter->setAccessibleName(tr("State"));
    m_stateFilter->addItem(tr("All states"), -1);
    for (auto state : {DroneState::Idle, DroneState::Flying, DroneState::Charging, DroneState::Maintenance,
                       DroneState::Offline, DroneState::Error})
        m_stateFilter->addItem(DroneDelegate::stateText(state), int(state));
    m_lowBattery = new QCheckBox(tr("Low battery only"), this);
    m_lowBattery->setObjectName(QStringLiteral("droneLowBatteryFilter"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("droneSearch"));
    m_search->setAccessibleName(tr("Search drones"));
    m_search->setPlaceholderText(tr("Search serial or mission"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_lowBattery);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &DronesView::applyFilters);
    connect(m_lowBattery, &QCheckBox::toggled, this, &DronesView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &DronesView::applyFilters);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("droneTable"));
    m_table->setAccessibleName(tr("Drones"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(m_delegate);
    // Stale rows say how long ago they were heard of: the ages tick.
    auto *ageClock = new QTimer(this);
    ageClock->setInterval(1000);
    connect(ageClock, &QTimer::timeout, m_table->viewport(), qOverload<>(&QWidget::update));
    ageClock->start();
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DroneModel::SerialColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->resizeSection(DroneModel::SerialColumn, 100);
    header->resizeSection(DroneModel::StateColumn, 125);
    // The 60-pixel bar and the widest text it carries ("100 % LOW"), at any font size.
    QFont bold = m_table->font();
    bold.setBold(true);
    header->resizeSection(DroneModel::BatteryColumn,
                          60 + 28 + QFontMetrics(bold).horizontalAdvance(QStringLiteral("100 % LOW")));
    header->resizeSection(DroneModel::LocationColumn, 200);
    header->resizeSection(DroneModel::BuildColumn, 120);
    header->resizeSection(DroneModel::OperationColumn, 155);

    // The selected drone's details beside the table; its room is open while shown.
    m_detail = new DroneDetailPane(drones, std::move(openRoom), this);
    m_detail->setObjectName(QStringLiteral("droneDetail"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({930, 310});
    layout->addWidget(split, 1);

    // Follows the current row: no current row, no drone shown and no room held.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_detail->showDrone(current.isValid() ? current.data(DroneModel::SerialRole).toString() : QString());
            });
    // The model keeps its counts as it applies changes; they move only with a batch or a reconcile.
    connect(drones, &LiveTableModel::contentsUpdated, this, &DronesView::updateSummary);
    updateSummary();
}

QString DronesView::selectedSerial() const
{
    return m_detail->serial();
}

bool DronesView::selectDrone(const QString &serial)
{
    const int row = m_proxy->rowOfDrone(serial);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_proxy->index(row, 0));
    return true;
}

void DronesView::applyFilters()
{
    m_proxy->setState(m_stateFilter->currentData().toInt());
    m_proxy->setLowBatteryOnly(m_lowBattery->isChecked());
    m_proxy->setSearchText(m_search->text());
}

void DronesView::updateSummary()
{
    using S = Domain::DroneState;
    const auto inState = [this](S state) { return m_drones->countInState(state); };
    m_summary->setText(tr("%1 drones · %2 flying · %3 charging · %4 in error · %5 offline · %6 low battery")
                           .arg(m_drones->rowCount())
                           .arg(inState(S::Flying))
                           .arg(inState(S::Charging))
                           .arg(inState(S::Error))
                           .arg(inState(S::Offline))
                           .arg(m_drones->lowBatteryCount()));
}
