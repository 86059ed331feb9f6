#pragma once

#include "actionwords.h"
#include "config/featureswitches.h"
#include "config/preferences.h"
#include "domain/link.h"

#include <QMainWindow>

#include <QList>
#include <QPointer>

class ActivityView;
class AlarmBanner;
class CommandLogView;
class CommandService;
class ConsoleServices;
class DiagnosticsSnapshot;
class ControlPanelController;
class ControlPanelView;
class Alerting;
class NotificationBell;
class NotificationCenter;
class NotificationPanel;
class QDockWidget;
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
class TopBar;
class ViewWindow;

// The console's main window: a top bar (profile, operator, link state, the
// notification bell, sound mute and preferences), a banner whenever the data
// on screen is not live, the alarm banner (AlarmBanner: waiting alarms per
// priority, the alarm rate, the oldest waiting alarm; a click shows the
// Alarms view), the views, one at a time, chosen from a tab bar or
// with Ctrl+1 to Ctrl+7, the notification center docked at the right, and
// toasts in the bottom-right corner. Any view can also
// be opened in a window of its own (ViewWindow) for another monitor: from
// the tab bar's context menu, the button at its right edge or Ctrl+Shift+N
// for the current view. Those windows belong to this one: they close with
// it and are reopened with it, where they were, for the same profile.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View { Overview, Drones, Machines, ControlPanel, Alarms, Activity, CommandLog };
    Q_ENUM(View)

    // The console's services are not owned and must outlive the window.
    MainWindow(ConsoleServices *services, const QString &profileName, QWidget *parent = nullptr);
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

    // Applies the operator's preferences (theme, toasts, sound, desktop
    // notifications, live updates); with a key, changes the operator makes
    // from here are saved under it (Preferences::save).
    void setPreferences(const Preferences &preferences, const QString &profileKey = {});
    Preferences preferences() const { return m_preferences; }
    // The profile's rule that an acknowledgement needs a note, in every view.
    void setRequireAckNote(bool required);
    // The profile's [commands] action-words, in every control panel.
    void setActionWordMapping(const QHash<QString, ActionWords> &mapping);
    // The profile's [features]: a switched-off sound or desktop notification
    // stays off whatever the operator's preferences say.
    void setFeatureSwitches(const FeatureSwitches &features);
    const FeatureSwitches &featureSwitches() const { return m_features; }

    void setNotificationsVisible(bool visible);
    bool notificationsVisible() const;
    // Opens the preferences dialog (Ctrl+,); applied and saved when accepted.
    void openPreferences();

    // For an unattended plant-floor screen (KioskController): hides what an
    // operator there must not reach (preferences, windows of their own, the
    // notification center; the bell, the link state, the alarm sound's
    // mute and toasts stay), hides what nobody there can use (every view's
    // filters, searches and detail panes; the control panel's buttons when
    // commands are off), shows the stale banner in its kiosk style, and
    // locks closing. Turning it off brings all of it back.
    void setKioskMode(bool kiosk);
    bool isKioskMode() const { return m_kiosk; }
    // While locked, every close (the title bar's button, Alt+F4, close())
    // is refused; the kiosk unlocks it once the exit PIN was given.
    void setCloseLocked(bool locked) { m_closeLocked = locked; }
    bool isCloseLocked() const { return m_closeLocked; }

protected:
    void closeEvent(QCloseEvent *event) override;

public:
    OverviewView *overview() const { return m_overview; }
    AlarmsView *alarmsView() const { return m_alarms; }
    MachinesView *machinesView() const { return m_machines; }
    ActivityView *activityView() const { return m_activity; }
    ControlPanelView *controlPanel() const { return m_controlPanel; }
    ControlPanelController *controlPanelController() const { return m_controlController; }
    CommandLogView *commandLog() const { return m_commandLog; }
    // This console's commands, for every window's control panel.
    CommandService *commandService() const { return m_commandService; }

    ConnectionIndicator *connectionIndicator() const;
    // The StaleBanner (a QLabel) across the top of this window.
    QLabel *staleBanner() const;
    // The alarm banner below the top bar, in every view (and in kiosk mode).
    AlarmBanner *alarmBanner() const { return m_alarmBanner; }
    DronesView *dronesView() const { return m_drones; }
    QTableView *droneTable() const;
    DroneDetailPane *droneDetail() const;
    QToolButton *openInNewWindowButton() const { return m_openButton; }

    NotificationCenter *notifications() const { return m_notifications; }
    NotificationBell *bell() const;
    NotificationPanel *notificationPanel() const { return m_panel; }
    QDockWidget *notificationDock() const { return m_dock; }
    Alerting *alerting() const { return m_alerting; }
    QToolButton *muteButton() const;
    QAction *preferencesAction() const { return m_preferencesAction; }

    // Support: the diagnostics snapshot the "Save diagnostics…" action writes
    // (in the window menu, Ctrl+Shift+D). Not owned; the action stays
    // disabled until one is set.
    void setDiagnostics(DiagnosticsSnapshot *snapshot);
    QAction *saveDiagnosticsAction() const { return m_saveDiagnostics; }
    // Writes the snapshot to `path` at once; false with the reason.
    bool saveDiagnostics(const QString &path, QString *error = nullptr) const;

private:
    void addView(View view, QWidget *page);
    void showTabMenu(const QPoint &pos);
    void fillWindowMenu();
    ViewWindow *openViewWindow(View view, const QByteArray &geometry);
    void saveViewWindows(QSettings &settings) const;
    void createNotifications();
    void acknowledgeFromToast(const QString &notificationId);
    void showNotification(const QString &notificationId);
    void updateMuteButton();
    // A resumed link turns a stored "live updates off" back on.
    void onLinkState(Domain::LinkState state);
    // The operator's preferences within what the profile's features allow.
    Preferences effectivePreferences() const;

    ConsoleServices *m_services;
    Session *m_session;
    QString m_profileName;
    TopBar *m_topBar = nullptr;
    StaleBanner *m_staleBanner = nullptr;
    AlarmBanner *m_alarmBanner = nullptr;
    DronesView *m_drones = nullptr;
    OverviewView *m_overview = nullptr;
    AlarmsView *m_alarms = nullptr;
    MachinesView *m_machines = nullptr;
    ActivityView *m_activity = nullptr;
    CommandService *m_commandService = nullptr;
    ControlPanelView *m_controlPanel = nullptr;
    ControlPanelController *m_controlController = nullptr;
    CommandLogView *m_commandLog = nullptr;
    QTabBar *m_tabs = nullptr;
    QStackedWidget *m_pages = nullptr;
    QAction *m_openInNewWindow = nullptr;
    QToolButton *m_openButton = nullptr;
    QMenu *m_windowMenu = nullptr;
    // Not children: a child window would be kept above this one by the
    // window manager, in the way on a shared monitor. Deleted with this one.
    QList<QPointer<ViewWindow>> m_windows;
    QString m_stateKey;

    NotificationCenter *m_notifications = nullptr;
    NotificationPanel *m_panel = nullptr;
    QDockWidget *m_dock = nullptr;
    Alerting *m_alerting = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_notificationsAction = nullptr;
    QAction *m_saveDiagnostics = nullptr;
    DiagnosticsSnapshot *m_diagnostics = nullptr;
    bool m_kiosk = false;
    bool m_closeLocked = false;
    Preferences m_preferences;
    FeatureSwitches m_features;
    QString m_preferencesKey;
    bool m_linkPaused = false; // the link's state was Paused when last seen
};
