#pragma once

#include <QMainWindow>

#include <QList>
#include <QPointer>

class ActivityView;
class AlarmsView;
class ConnectionIndicator;
class DroneDetailPane;
class DronesView;
class MachinesView;
class OverviewView;
class QAction;
class QLabel;
class QMenu;
class QSettings;
class QStackedWidget;
class QTabBar;
class QTableView;
class QToolButton;
class Session;
class StaleBanner;
class ViewWindow;

// The console's main window: a top bar (profile, operator, link state), a
// banner whenever the data on screen is not live, and the views, one at a
// time, chosen from a tab bar or with Ctrl+1 to Ctrl+5. Any view can also
// be opened in a window of its own (ViewWindow) for another monitor: from
// the tab bar's context menu, the button at its right edge or Ctrl+Shift+N
// for the current view. Those windows belong to this one: they close with
// it and are reopened with it, where they were, for the same profile.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View { Overview, Drones, Machines, Alarms, Activity };
    Q_ENUM(View)

    MainWindow(Session *session, const QString &profileName, QWidget *parent = nullptr);
    ~MainWindow() override;

    static QString viewTitle(View view);

    void showView(View view);
    View currentView() const;
    // Brings back the size, position and view this profile's window had
    // when it was last closed, and the windows of their own that were open
    // with theirs, and keeps them for next time (QSettings, under
    // windows/<key>, the others as the array windows/<key>/detached).
    // Without a key nothing is kept.
    void restoreWindowState(const QString &profileKey);

    // Opens a new instance of a view in a window of its own, shown and
    // active. Several windows of the same view are allowed.
    ViewWindow *openViewWindow(View view);
    // The windows of their own still open, oldest first.
    QList<ViewWindow *> viewWindows() const;
    // "Open in new window" for the current view (Ctrl+Shift+N).
    QAction *openInNewWindowAction() const { return m_openInNewWindow; }

protected:
    void closeEvent(QCloseEvent *event) override;

public:
    OverviewView *overview() const { return m_overview; }
    AlarmsView *alarmsView() const { return m_alarms; }
    MachinesView *machinesView() const { return m_machines; }
    ActivityView *activityView() const { return m_activity; }

    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    // The StaleBanner (a QLabel) across the top of this window.
    QLabel *staleBanner() const;
    DronesView *dronesView() const { return m_drones; }
    QTableView *droneTable() const;
    DroneDetailPane *droneDetail() const;
    QToolButton *openInNewWindowButton() const { return m_openButton; }

private:
    QWidget *createTopBar(const QString &profileName);
    void addView(View view, QWidget *page);
    void showTabMenu(const QPoint &pos);
    void fillWindowMenu();
    ViewWindow *openViewWindow(View view, const QByteArray &geometry);
    void saveViewWindows(QSettings &settings) const;
    void updateIdentity();

    Session *m_session;
    QString m_profileName;
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_identity = nullptr;
    StaleBanner *m_staleBanner = nullptr;
    DronesView *m_drones = nullptr;
    OverviewView *m_overview = nullptr;
    AlarmsView *m_alarms = nullptr;
    MachinesView *m_machines = nullptr;
    ActivityView *m_activity = nullptr;
    QTabBar *m_tabs = nullptr;
    QStackedWidget *m_pages = nullptr;
    QAction *m_openInNewWindow = nullptr;
    QToolButton *m_openButton = nullptr;
    QMenu *m_windowMenu = nullptr;
    // Not children: a child window would be kept above this one by the
    // window manager, in the way on a shared monitor. Deleted with this one.
    QList<QPointer<ViewWindow>> m_windows;
    QString m_stateKey;
};
