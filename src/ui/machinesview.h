#pragma once

#include <QPersistentModelIndex>
#include <QTimer>
#include <QWidget>

class FilteredTableView;
class MachineDelegate;
class MachineFilterProxy;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineEdit;
class QLineSeries;
class QTableView;
class QTreeWidget;
class MachineModel;

// The production machines: a sortable table narrowed by status, line and a
// search, and beside it the selected machine in detail (its utilization
// over time and its open maintenance tickets with how they got there).
// Grey while all is normal; only a machine that is down takes the alarm
// colour, always with its shape and word. Rows not heard from lately are
// faded. The chart redraws at most once a second.
class MachinesView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kChartRedrawMs = 1000;
    static constexpr qint64 kMinChartSpanMs = 10 * 1000;

    // The model is not owned and must outlive the view.
    explicit MachinesView(MachineModel *machines, QWidget *parent = nullptr);

    QTableView *machineTable() const { return m_table; }
    MachineFilterProxy *machineProxy() const { return m_proxy; }
    MachineDelegate *delegate() const { return m_delegate; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QComboBox *lineFilter() const { return m_lineFilter; }
    QLineEdit *searchBox() const { return m_search; }
    QChartView *utilizationChart() const { return m_chartView; }
    QLineSeries *utilizationSeries() const { return m_series; }
    QTreeWidget *ticketTree() const { return m_tickets; }

    // A screen nobody types on or clicks (a kiosk): the filters and search
    // hidden (the whole list shown), no selection and no detail pane, so the
    // table takes the view's width. Off, all of it is back.
    void setWatchOnly(bool watchOnly);
    bool isWatchOnly() const { return m_watchOnly; }

    // The machine shown in the detail pane; empty when none is selected.
    QString selectedMachineId() const;
    // Selects a machine's row if it is listed; false otherwise.
    bool selectMachine(const QString &machineId);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createDetailPane();
    void applyFilters();
    void sizeColumns();
    int tableWidth() const;
    void updateLines();
    void updateSummary();
    void updateDetail();
    void updateTickets();
    void scheduleChart();
    void redrawChart();

    MachineModel *m_machines;
    MachineFilterProxy *m_proxy;
    MachineDelegate *m_delegate;
    FilteredTableView *m_list = nullptr;
    bool m_watchOnly = false;
    QTableView *m_table = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_lineFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailLine = nullptr;
    QLabel *m_detailStatusIcon = nullptr;
    QLabel *m_detailStatus = nullptr;
    QLabel *m_detailFigures = nullptr;
    QLabel *m_ticketsTitle = nullptr;
    QChartView *m_chartView = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QLineSeries *m_series = nullptr;
    QTreeWidget *m_tickets = nullptr;
    QString m_machineId; // shown in the detail pane
    QTimer m_chartTimer;
    QTimer m_summaryClock; // the headline's stale age, while rows are stale
    qint64 m_lastChartMs = 0;
};
