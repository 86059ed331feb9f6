#pragma once

#include "services/roomlease.h"

#include <QString>
#include <QTimer>
#include <QWidget>

#include <functional>

class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QProgressBar;
class DroneModel;

// What the drones view shows about the selected drone: its mission, its
// build on the assembly bench, its own computer's health and a chart of its
// battery. While a drone is shown the pane holds its detail room open, so
// build and health arrive at full rate; choosing another drone, or none,
// lets the room go.
class DroneDetailPane : public QWidget
{
    Q_OBJECT

public:
    // Opens a drone's detail room for as long as the returned lease lives.
    using RoomOpener = std::function<RoomLease(const QString &serial)>;

    // `drones` is not owned and must outlive the pane.
    DroneDetailPane(DroneModel *drones, RoomOpener openRoom, QWidget *parent = nullptr);

    // An empty serial shows nothing and holds no room.
    void showDrone(const QString &serial);
    QString serial() const { return m_serial; }
    QLineSeries *batterySeries() const { return m_battery; }
    QString healthText() const;

protected:
    // Colours set on the children follow a theme switch.
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void refreshChart();
    void applyBarColour();

    DroneModel *m_drones;
    RoomOpener m_openRoom;
    QString m_serial;
    RoomLease m_room;
    QLabel *m_title = nullptr;
    QLabel *m_mission = nullptr;
    QLabel *m_build = nullptr;
    QProgressBar *m_buildBar = nullptr;
    QLabel *m_health = nullptr;
    QChartView *m_chart = nullptr;
    QDateTimeAxis *m_time = nullptr;
    QLineSeries *m_battery = nullptr;
    QTimer m_chartTimer; // the chart redraws at most once a second
    bool m_titleStale = false;
    bool m_restyling = false;
};
