#pragma once

#include "model/metrichistory.h"

#include <QList>
#include <QPoint>
#include <QTimer>
#include <QWidget>

#include <array>

class AlarmRateMeter;
class FleetBatteryHistory;
class KpiTile;
class LinkStatus;
class PlantSummary;
class QChart;
class QChartView;
class QDateTimeAxis;
class QGridLayout;
class QLineSeries;
class QValueAxis;
class ServerHealthModel;

// The plant at a glance: key figures as tiles that re-flow with the width,
// and three trends (server load, fleet battery, alarm rate). Grey while all is
// normal; a tile takes an accent, a shape and a word only when its figure is
// abnormal. Tiles follow the plant's counts as they change; charts redraw
// at most once a second. While the data is not live every tile and chart says
// stale and how old its figure is ("stale · 2 min", ticking).
class OverviewView : public QWidget
{
    Q_OBJECT

public:
    // In the order shown: alarms first, then the fleet, the lines, the server.
    enum class Kpi {
        AlarmsCritical,
        AlarmsHigh,
        AlarmsMedium,
        AlarmsLow,
        AlarmsInfo,
        AlarmsUnknown, // shown only while the server sends a priority this console does not know
        AlarmsUnacknowledged,
        DronesFlying,
        DronesCharging,
        DronesIdle,
        DronesMaintenance,
        DronesOffline,
        DronesError,
        LowBattery,
        BuildsInProgress,
        MachinesRunning,
        MachinesIdle,
        MachinesDown,
        MachinesMaintenance,
        OperatorsOnline,
        ServerCpu,
        ServerMemory,
        ServerStorage,
        Count
    };
    Q_ENUM(Kpi)

    // Above this a server figure (cpu, memory, storage) is abnormal (percent).
    static constexpr double kServerLoadLimit = 90.0;
    // More new alarms than this in a minute is a flood for one operator.
    static constexpr int kAlarmFloodPerMinute = 10;
    static constexpr int kAlarmRateMinutes = 60; // AlarmRateMeter::kHistoryMinutes

    // What the Overview reads; none is owned and each must outlive the view.
    struct Sources
    {
        PlantSummary *summary = nullptr; // the tiles' counts
        LinkStatus *link = nullptr; // live or stale
        ServerHealthModel *health = nullptr; // the server tiles and the load chart
        FleetBatteryHistory *fleetBattery = nullptr; // the battery chart
        AlarmRateMeter *alarmRate = nullptr; // the alarm rate chart: the console's one meter
    };

    explicit OverviewView(const Sources &sources, QWidget *parent = nullptr);
    ~OverviewView() override;

    KpiTile *tile(Kpi kpi) const { return m_tiles.at(size_t(kpi)); }
    int columnCount() const { return m_columns; }
    // Where a tile sits in the grid (x: column, y: row); (-1, -1) while hidden.
    QPoint tilePosition(Kpi kpi) const;
    // How much larger than their type needs the tiles are drawn (1 to 2).
    qreal tileScale() const { return m_tileScale; }

    // New alarm activations per minute over the last kAlarmRateMinutes,
    // oldest first, as the console's AlarmRateMeter counts them.
    QList<MetricHistory::Sample> alarmRate() const;

    // The charts' series, for tests and for the window that hosts the view.
    const QLineSeries *healthSeries(int healthRole) const;
    const QLineSeries *fleetBatterySeries() const { return m_batterySeries; }
    const QLineSeries *alarmRateSeries() const { return m_alarmRateSeries; }
    // How many times the charts were redrawn (each at most once a second).
    int chartRedraws() const { return m_chartRedraws; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createTiles();
    QWidget *createCharts();
    int minimumTileWidth() const;
    int columnsFor(int width) const;
    void reflow(bool force = false);
    void rescale();
    void updateCounts();
    void updateHealthTiles();
    void updateStale();
    void scheduleCharts();
    void redrawCharts();
    void redrawHealth();
    void redrawBattery();
    void redrawAlarmRate();

    Sources m_sources;
    std::array<KpiTile *, size_t(Kpi::Count)> m_tiles {};
    bool m_unknownShown = false; // the Unknown priority's tile, only while it counts any
    QGridLayout *m_grid = nullptr;
    QWidget *m_tileArea = nullptr;
    int m_columns = 0;
    int m_rows = 1;
    qreal m_tileScale = 0; // set by the first rescale()

    QChartView *m_healthView = nullptr;
    QChartView *m_batteryView = nullptr;
    QChartView *m_alarmView = nullptr;
    std::array<QLineSeries *, 3> m_healthSeries {};
    QLineSeries *m_healthLimit = nullptr;
    QDateTimeAxis *m_healthTime = nullptr;
    QLineSeries *m_batterySeries = nullptr;
    QLineSeries *m_batteryLimit = nullptr;
    QDateTimeAxis *m_batteryTime = nullptr;
    QLineSeries *m_alarmRateSeries = nullptr;
    QLineSeries *m_alarmLimit = nullptr;
    QDateTimeAxis *m_alarmTime = nullptr;
    QValueAxis *m_alarmAxis = nullptr;
    double m_alarmStep = 0; // the rate axis's tick interval as last asked for

    QTimer m_chartTimer;
    QTimer m_minuteTimer;
    QTimer m_staleClock; // the stale figures' age, each second while not live
    bool m_healthDirty = true;
    bool m_batteryDirty = true;
    bool m_alarmsDirty = true;
    int m_chartRedraws = 0;
};
