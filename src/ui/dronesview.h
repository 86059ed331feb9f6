#pragma once

#include "dronedetailpane.h"

#include <QTimer>
#include <QWidget>

class DroneDelegate;
class DroneFilterProxy;
class FilteredTableView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class DroneModel;
class StretchWithFloor;

// The fleet: a sortable table of the drones narrowed by state, low battery
// and a search, a line counting them by state (which says when it counts
// stale rows, StaleHeadline), and beside the table the
// selected drone in detail (DroneDetailPane), whose room is held open while
// it is shown and let go when the selection moves or the view goes away.
class DronesView : public QWidget
{
    Q_OBJECT

public:
    // The mission column is never narrower than this many average characters.
    static constexpr int kMissionFloorChars = 24;

    // `drones` is not owned and must outlive the view; `openRoom` opens the
    // selected drone's detail room.
    DronesView(DroneModel *drones, DroneDetailPane::RoomOpener openRoom, QWidget *parent = nullptr);

    QTableView *droneTable() const { return m_table; }
    DroneFilterProxy *droneProxy() const { return m_proxy; }
    DroneDelegate *delegate() const { return m_delegate; }
    DroneDetailPane *detailPane() const { return m_detail; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    QCheckBox *lowBatteryFilter() const { return m_lowBattery; }
    QLineEdit *searchBox() const { return m_search; }
    QLabel *summaryLabel() const { return m_summary; }

    // A screen nobody types on or clicks (a kiosk): the filters and search
    // hidden (the whole list shown), no selection and no detail pane, so the
    // table takes the view's width. Off, all of it is back.
    void setWatchOnly(bool watchOnly);
    bool isWatchOnly() const { return m_watchOnly; }

    // The drone shown in the detail pane; empty when none is selected.
    QString selectedSerial() const;
    // Makes a drone's row current if it is listed; false otherwise.
    bool selectDrone(const QString &serial);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilters();
    void updateSummary();
    void sizeColumns();
    int missionFloor() const;

    DroneModel *m_drones;
    DroneFilterProxy *m_proxy;
    DroneDelegate *m_delegate;
    FilteredTableView *m_list = nullptr;
    QTableView *m_table = nullptr;
    StretchWithFloor *m_missionFloor = nullptr;
    DroneDetailPane *m_detail = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QCheckBox *m_lowBattery = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_summary = nullptr;
    bool m_watchOnly = false;
    QTimer m_summaryClock; // the headline's stale age, while rows are stale
};
