#pragma once

#include <QMainWindow>

class ActivityView;
class AlarmsView;
class ConnectionIndicator;
class DroneDetailPane;
class MachinesView;
class OverviewView;
class QLabel;
class QStackedWidget;
class QTabBar;
class QTableView;
class Session;

// The console's main window: a top bar (profile, operator, link state), a
// banner whenever the data on screen is not live, and the views, one at a
// time, chosen from a tab bar or with Ctrl+1 to Ctrl+5.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View { Overview, Drones, Machines, Alarms, Activity };
    Q_ENUM(View)

    MainWindow(Session *session, const QString &profileName, QWidget *parent = nullptr);

    void showView(View view);
    View currentView() const;
    // Brings back the size, position and view this profile's window had
    // when it was last closed, and keeps them for next time (QSettings,
    // under windows/<key>). Without a key nothing is kept.
    void restoreWindowState(const QString &profileKey);

protected:
    void closeEvent(QCloseEvent *event) override;

public:
    OverviewView *overview() const { return m_overview; }
    AlarmsView *alarmsView() const { return m_alarms; }
    MachinesView *machinesView() const { return m_machines; }
    ActivityView *activityView() const { return m_activity; }

    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    QLabel *staleBanner() const { return m_staleBanner; }
    QTableView *droneTable() const { return m_droneTable; }
    DroneDetailPane *droneDetail() const { return m_droneDetail; }

private:
    QWidget *createTopBar(const QString &profileName);
    QWidget *createDronesPage();
    void addView(View view, QWidget *page, const QString &title);
    void updateIdentity();
    void updateStaleBanner();
    void updateSummary();

    Session *m_session;
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_staleBanner = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_droneTable = nullptr;
    DroneDetailPane *m_droneDetail = nullptr;
    OverviewView *m_overview = nullptr;
    AlarmsView *m_alarms = nullptr;
    MachinesView *m_machines = nullptr;
    ActivityView *m_activity = nullptr;
    QTabBar *m_tabs = nullptr;
    QStackedWidget *m_pages = nullptr;
    QString m_stateKey;
};
