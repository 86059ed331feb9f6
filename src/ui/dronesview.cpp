#include "dronesview.h"

#include "agetext.h"
#include "dronedelegate.h"
#include "dronedetailpane.h"
#include "dronefilterproxy.h"
#include "filteredtableview.h"
#include "model/dronemodel.h"
#include "staleheadline.h"
#include "stretchwithfloor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

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

    // Filters over the table.
    m_list = new FilteredTableView(m_proxy, m_delegate, this);
    m_list->setSpacing(layout->spacing());
    m_stateFilter = new QComboBox(m_list);
    m_stateFilter->setObjectName(QStringLiteral("droneStateFilter"));
    m_stateFilter->setAccessibleName(tr("State"));
    m_stateFilter->addItem(tr("All states"), -1);
    for (auto state : {DroneState::Idle, DroneState::Flying, DroneState::Charging, DroneState::Maintenance,
                       DroneState::Offline, DroneState::Error})
        m_stateFilter->addItem(DroneDelegate::stateText(state), int(state));
    m_lowBattery = new QCheckBox(tr("Low battery only"), m_list);
    m_lowBattery->setObjectName(QStringLiteral("droneLowBatteryFilter"));
    m_list->addFilter(m_stateFilter);
    m_list->addFilter(m_lowBattery);
    m_search = m_list->addSearchBox(QStringLiteral("droneSearch"), tr("Search drones"), tr("Search serial or mission"));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &DronesView::applyFilters);
    connect(m_lowBattery, &QCheckBox::toggled, this, &DronesView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &DronesView::applyFilters);

    m_table = m_list->table();
    m_table->setObjectName(QStringLiteral("droneTable"));
    m_table->setAccessibleName(tr("Drones"));
    // Stale rows say how long ago they were heard of: the ages tick.
    m_list->setAgesTick(true);
    m_list->sortBy(DroneModel::SerialColumn, Qt::AscendingOrder);
    m_list->setEmptyText([drones] {
        return drones->isLinkLive() ? tr("Waiting for the server's first drones")
                                    : tr("Not live: no drones received yet");
    });
    // The fleet's rows are a little taller than the other lists', for the
    // battery bar, and the header marks the selected drone's row.
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    sizeColumns();
    // The mission is the one text of any length: it takes the room the
    // other columns leave, and on a narrow window the table scrolls sideways
    // rather than squeeze it below its floor.
    m_missionFloor = new StretchWithFloor(m_table, DroneModel::OperationColumn, missionFloor());

    // The selected drone's details beside the table; its room is open while shown.
    m_detail = new DroneDetailPane(drones, std::move(openRoom), this);
    m_detail->setObjectName(QStringLiteral("droneDetail"));
    m_list->addPane(m_detail);
    QSplitter *split = m_list->splitter();
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({930, 310});
    layout->addWidget(m_list, 1);

    // Follows the current row: no current row, no drone shown and no room held.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_detail->showDrone(current.isValid() ? current.data(DroneModel::SerialRole).toString() : QString());
            });
    // The model keeps its counts as it applies changes; they move only with a batch or a reconcile.
    connect(drones, &LiveTableModel::contentsUpdated, this, &DronesView::updateSummary);
    connect(drones, &LiveTableModel::stalenessChanged, this, &DronesView::updateSummary);
    m_summaryClock.setInterval(1000);
    connect(&m_summaryClock, &QTimer::timeout, this, &DronesView::updateSummary);
    updateSummary();
}

int DronesView::missionFloor() const
{
    return m_table->fontMetrics().averageCharWidth() * kMissionFloorChars;
}

void DronesView::sizeColumns()
{
    // Each column as wide as the widest text it can hold, in the table's type.
    constexpr int kCellRoom = 24; // the cell's margins and the header's sort mark
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics metrics = m_table->fontMetrics();
    QFont bold = m_table->font();
    bold.setBold(true);
    const auto wide = [&metrics](const QString &text) { return metrics.horizontalAdvance(text) + kCellRoom; };
    header->resizeSection(DroneModel::SerialColumn, wide(QStringLiteral("WF-D0000")));
    header->resizeSection(DroneModel::StateColumn, m_delegate->statusColumnWidth(m_table->font()));
    // The 60-pixel bar and the widest text it carries ("100 % LOW").
    header->resizeSection(DroneModel::BatteryColumn,
                          60 + 28 + QFontMetrics(bold).horizontalAdvance(QStringLiteral("100 % LOW")));
    header->resizeSection(DroneModel::LocationColumn, wide(DroneDelegate::locationText(-88.88888, -188.88888, 8888)));
    header->resizeSection(DroneModel::BuildColumn, wide(QStringLiteral("88 % · propulsion")));
    // A time, or how long a stale drone has been silent.
    header->resizeSection(DroneModel::LastUpdateColumn,
                          std::max(wide(QStringLiteral("00:00:00")), wide(AgeText::stale(3600000 * 23 + 59 * 60000))));
    m_list->fitColumnsToTitles({DroneModel::OperationColumn});
}

void DronesView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Larger type (the kiosk's, the operator's): every column keeps its text whole.
    if (event->type() == QEvent::FontChange && m_missionFloor) {
        sizeColumns();
        m_missionFloor->setFloor(missionFloor());
    }
}

void DronesView::setWatchOnly(bool watchOnly)
{
    m_watchOnly = watchOnly;
    m_list->setFiltersShown(!watchOnly);
    m_list->setPanesShown(!watchOnly);
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
    const QString counts = tr("%1 drones · %2 flying · %3 charging · %4 in error · %5 offline · %6 low battery")
                               .arg(m_drones->rowCount())
                               .arg(inState(S::Flying))
                               .arg(inState(S::Charging))
                               .arg(inState(S::Error))
                               .arg(inState(S::Offline))
                               .arg(m_drones->lowBatteryCount());
    // Counted from stale rows, the headline says so, with an age that ticks.
    if (StaleHeadline::apply(m_summary, counts, *m_drones))
        m_summaryClock.start();
    else
        m_summaryClock.stop();
}
