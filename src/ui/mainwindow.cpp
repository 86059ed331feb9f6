// Longer than the project's 500 lines: the window's own wiring — tabs and
// shortcuts, windows of their own and their persistence, the notification
// dock and toasts, preferences, kiosk mode — each short and reading the
// others' state; the top bar, the views and the services are made elsewhere
// (TopBar, ViewFactory, ConsoleServices).
#include "mainwindow.h"

#include "services/linkstatus.h"

#include "activityview.h"
#include "alarmbanner.h"
#include "alarmsound.h"
#include "alarmsview.h"
#include "alerting.h"
#include "commandlogview.h"
#include "connectionindicator.h"
#include "controlpanelcontroller.h"
#include "controlpanelview.h"
#include "desktopnotifier.h"
#include "dronesview.h"
#include "machinesview.h"
#include "notificationbell.h"
#include "notificationpanel.h"
#include "overviewview.h"
#include "preferencesdialog.h"
#include "services/commandrecorder.h"
#include "services/commandservice.h"
#include "services/consoleservices.h"
#include "services/diagnosticssnapshot.h"
#include "services/notificationcenter.h"
#include "services/session.h"
#include "stalebanner.h"
#include "theme.h"
#include "toastarea.h"
#include "topbar.h"
#include "viewfactory.h"
#include "viewwindow.h"
#include "windowplacement.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMetaEnum>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <optional>
#include <utility>

namespace {

const QString detachedKey = QStringLiteral("detached");
const QString viewKey = QStringLiteral("view");
const QString geometryKey = QStringLiteral("geometry");
const QString notificationsKey = QStringLiteral("notificationsOpen");

// Views are kept by name, so adding a view does not reopen another one.
QString settingOf(MainWindow::View view)
{
    return QString::fromLatin1(QMetaEnum::fromType<MainWindow::View>().valueToKey(int(view)));
}

std::optional<MainWindow::View> viewFromSetting(const QVariant &setting)
{
    bool ok = false;
    const int value
        = QMetaEnum::fromType<MainWindow::View>().keyToValue(setting.toString().toLatin1().constData(), &ok);
    return ok ? std::optional<MainWindow::View>(MainWindow::View(value)) : std::nullopt;
}

} // namespace

MainWindow::MainWindow(ConsoleServices *services, const QString &profileName, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_session(services->session())
    , m_profileName(profileName)
    , m_commandService(services->commands())
    , m_notifications(services->notifications())
{
    Session *session = m_session;
    setWindowTitle(tr("Watchfloor — %1").arg(profileName));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_preferencesAction = new QAction(tr("Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setToolTip(tr("Toasts, sound, desktop notifications, theme and live updates (%1)")
                                        .arg(m_preferencesAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::openPreferences);
    addAction(m_preferencesAction);
    m_topBar = new TopBar(profileName, session->link(), m_notifications, m_preferencesAction);
    connect(m_topBar, &TopBar::muteClicked, this, [this] {
        AlarmSound *sound = m_alerting->sound();
        if (sound->isMuted())
            sound->unmute();
        else
            sound->muteFor(std::chrono::minutes(TopBar::kMuteMinutes));
    });
    connect(m_topBar->bell(), &QToolButton::toggled, this, &MainWindow::setNotificationsVisible);
    // The top bar and the banners span the whole window, above the views and
    // the notification panel docked beside them: opening the panel never
    // squeezes them, no view scrolls them away or pushes them off.
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("windowHeader"));
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->setSpacing(0);
    headerLayout->addWidget(m_topBar);
    m_staleBanner = new StaleBanner(session->link(), header);
    headerLayout->addWidget(m_staleBanner);
    connect(session->link(), &LinkStatus::stateChanged, this, &MainWindow::onLinkState);
    const ViewFactory factory(services);
    m_alarmBanner = factory.makeAlarmBanner(header);
    connect(m_alarmBanner, &AlarmBanner::activated, this, [this] { showView(View::Alarms); });
    headerLayout->addWidget(m_alarmBanner);
    setMenuWidget(header);

    m_tabs = new QTabBar(central);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setExpanding(false);
    m_tabs->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabs, &QWidget::customContextMenuRequested, this, &MainWindow::showTabMenu);
    m_pages = new QStackedWidget(central);
    connect(m_tabs, &QTabBar::currentChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_openInNewWindow = new QAction(tr("Open in new window"), this);
    m_openInNewWindow->setObjectName(QStringLiteral("openInNewWindow"));
    m_openInNewWindow->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_N)));
    m_openInNewWindow->setShortcutContext(Qt::WindowShortcut);
    m_openInNewWindow->setToolTip(tr("Open the current view in a window of its own (%1)")
                                      .arg(m_openInNewWindow->shortcut().toString(QKeySequence::NativeText)));
    connect(m_openInNewWindow, &QAction::triggered, this, [this] { openViewWindow(currentView()); });
    addAction(m_openInNewWindow);
    m_saveDiagnostics = new QAction(tr("Save diagnostics…"), this);
    m_saveDiagnostics->setObjectName(QStringLiteral("saveDiagnostics"));
    m_saveDiagnostics->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_D)));
    m_saveDiagnostics->setShortcutContext(Qt::WindowShortcut);
    m_saveDiagnostics->setToolTip(tr("Save what this console is showing, for support staff, as a JSON file (%1)")
                                      .arg(m_saveDiagnostics->shortcut().toString(QKeySequence::NativeText)));
    m_saveDiagnostics->setEnabled(false);
    connect(m_saveDiagnostics, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save diagnostics"), QDir::home().filePath(QStringLiteral("watchfloor-diagnostics.json")),
            tr("JSON documents (*.json)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!saveDiagnostics(path, &error))
            QMessageBox::warning(this, tr("Save diagnostics"),
                                 tr("The diagnostics could not be saved to %1: %2").arg(path, error));
    });
    addAction(m_saveDiagnostics);
    m_openButton = new QToolButton(central);
    m_openButton->setObjectName(QStringLiteral("openInNewWindowButton"));
    m_openButton->setDefaultAction(m_openInNewWindow);
    m_openButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_openButton->setAutoRaise(true);
    m_openButton->setAccessibleName(m_openInNewWindow->text());
    // Its menu opens any view, and brings any open window to the front: every
    // window is reachable from here by keyboard (Tab to the button, Alt+Down).
    m_windowMenu = new QMenu(m_openButton);
    m_windowMenu->setObjectName(QStringLiteral("windowMenu"));
    connect(m_windowMenu, &QMenu::aboutToShow, this, &MainWindow::fillWindowMenu);
    m_openButton->setMenu(m_windowMenu);
    m_openButton->setPopupMode(QToolButton::MenuButtonPopup);

    auto *tabRow = new QHBoxLayout;
    tabRow->setContentsMargins(8, 6, 8, 0);
    tabRow->addWidget(m_tabs);
    tabRow->addStretch(1);
    tabRow->addWidget(m_openButton);
    layout->addLayout(tabRow);
    layout->addWidget(m_pages, 1);

    const auto make = [this, &factory](View view) {
        const ViewFactory::Made made = factory.make(view, m_pages, true);
        addView(view, made.page);
        return made;
    };
    m_overview = qobject_cast<OverviewView *>(make(View::Overview).view);
    m_drones = qobject_cast<DronesView *>(make(View::Drones).view);
    m_machines = qobject_cast<MachinesView *>(make(View::Machines).view);
    const ViewFactory::Made panel = make(View::ControlPanel);
    m_controlPanel = qobject_cast<ControlPanelView *>(panel.view);
    m_controlController = panel.controller;
    m_alarms = qobject_cast<AlarmsView *>(make(View::Alarms).view);
    m_activity = qobject_cast<ActivityView *>(make(View::Activity).view);
    m_commandLog = qobject_cast<CommandLogView *>(make(View::CommandLog).view);
    setCentralWidget(central);
    createNotifications();
    connect(services->recorder(), &CommandRecorder::storeFailed, m_panel, [this](const QString &message) {
        m_panel->reportProblem(tr("The command log could not be saved: %1").arg(message));
    });

    WindowPlacement::openWithin(this, QSize(1280, 800));
}

MainWindow::~MainWindow()
{
    // Hiding the dock while QWidget's destructor runs would call back into
    // a MainWindow that is no longer one.
    m_dock->disconnect(this);
    m_topBar->bell()->disconnect(this);
    // The windows of their own go with this one, before the session can.
    const QList<QPointer<ViewWindow>> windows = m_windows; // each deletion prunes the list
    for (const QPointer<ViewWindow> &window : windows)
        delete window.data();
}

QString MainWindow::viewTitle(View view)
{
    switch (view) {
    case View::Overview:
        return tr("Overview");
    case View::Drones:
        return tr("Drones");
    case View::Machines:
        return tr("Machines");
    case View::ControlPanel:
        return tr("Control panel");
    case View::Alarms:
        return tr("Alarms");
    case View::Activity:
        return tr("Activity");
    case View::CommandLog:
        return tr("Command log");
    }
    return {};
}

ConnectionIndicator *MainWindow::connectionIndicator() const
{
    return m_topBar->indicator();
}

NotificationBell *MainWindow::bell() const
{
    return m_topBar->bell();
}

QToolButton *MainWindow::muteButton() const
{
    return m_topBar->muteButton();
}

QLabel *MainWindow::staleBanner() const
{
    return m_staleBanner;
}

QTableView *MainWindow::droneTable() const
{
    return m_drones->droneTable();
}

DroneDetailPane *MainWindow::droneDetail() const
{
    return m_drones->detailPane();
}

void MainWindow::addView(View view, QWidget *page)
{
    const int index = m_pages->addWidget(page);
    Q_ASSERT(index == int(view));
    const QString title = viewTitle(view);
    const QKeySequence key(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + index)));
    m_tabs->addTab(title);
    m_tabs->setTabToolTip(index, tr("%1 (%2)").arg(title, key.toString(QKeySequence::NativeText)));
    auto *shortcut = new QShortcut(key, this);
    connect(shortcut, &QShortcut::activated, this, [this, view] { showView(view); });
}

void MainWindow::showTabMenu(const QPoint &pos)
{
    const int index = m_tabs->tabAt(pos);
    if (index < 0 || m_kiosk)
        return;
    const View view = View(index);
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open %1 in new window").arg(viewTitle(view)));
    connect(open, &QAction::triggered, this, [this, view] { openViewWindow(view); });
    menu.exec(m_tabs->mapToGlobal(pos));
}

void MainWindow::fillWindowMenu()
{
    m_windowMenu->clear();
    for (int index = 0; index < m_pages->count(); ++index) {
        const View view = View(index);
        QAction *open = m_windowMenu->addAction(tr("Open %1 in new window").arg(viewTitle(view)));
        connect(open, &QAction::triggered, this, [this, view] { openViewWindow(view); });
    }
    if (!m_kiosk) {
        m_windowMenu->addSection(tr("Support"));
        m_windowMenu->addAction(m_saveDiagnostics);
    }
    const QList<ViewWindow *> open = viewWindows();
    if (open.isEmpty())
        return;
    m_windowMenu->addSection(tr("Open windows"));
    for (ViewWindow *window : open) {
        QAction *show = m_windowMenu->addAction(tr("Show %1").arg(window->windowTitle()));
        connect(show, &QAction::triggered, window, [window] {
            if (window->isMinimized())
                window->showNormal();
            window->raise();
            window->activateWindow();
        });
    }
}

ViewWindow *MainWindow::openViewWindow(View view)
{
    return openViewWindow(view, {});
}

ViewWindow *MainWindow::openViewWindow(View view, const QByteArray &geometry)
{
    auto *window = new ViewWindow(m_services, view, m_profileName);
    // Its alarm banner (and Ctrl+5) bring this window forward at the Alarms view.
    connect(window->alarmBanner(), &AlarmBanner::activated, this, [this] {
        showView(View::Alarms);
        if (isMinimized())
            showNormal();
        raise();
        activateWindow();
    });
    if (auto *alarms = window->viewAs<AlarmsView>())
        alarms->setRequireNote(m_alarms->requireNote()); // the profile's rule holds in every window
    if (auto *panel = window->viewAs<ControlPanelView>())
        panel->setActionWordMapping(m_controlPanel->actionWordMapping()); // and its words
    m_windows.append(window);
    connect(window, &QObject::destroyed, this,
            [this] { m_windows.removeIf([](const QPointer<ViewWindow> &w) { return w.isNull(); }); });
    if (geometry.isEmpty() || !window->restoreGeometry(geometry)) {
        // Offset from this window, so it does not open exactly on top of it.
        WindowPlacement::moveWithin(window, pos() + QPoint(40, 40) * int(m_windows.size()));
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

QList<ViewWindow *> MainWindow::viewWindows() const
{
    QList<ViewWindow *> open;
    for (const QPointer<ViewWindow> &window : m_windows) {
        // A closed one is only waiting to be deleted.
        if (window && window->isVisible())
            open.append(window.data());
    }
    return open;
}

void MainWindow::restoreWindowState(const QString &profileKey)
{
    m_stateKey = profileKey;
    if (m_stateKey.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(QStringLiteral("windows/") + m_stateKey);
    restoreGeometry(settings.value(geometryKey).toByteArray());
    if (const std::optional<View> view = viewFromSetting(settings.value(viewKey)))
        showView(*view);
    setNotificationsVisible(settings.value(notificationsKey, false).toBool());
    const int detached = settings.beginReadArray(detachedKey);
    QList<std::pair<View, QByteArray>> reopen;
    for (int i = 0; i < detached; ++i) {
        settings.setArrayIndex(i);
        if (const std::optional<View> kind = viewFromSetting(settings.value(viewKey)))
            reopen.append({*kind, settings.value(geometryKey).toByteArray()});
    }
    settings.endArray();
    settings.endGroup();
    for (const auto &[kind, geometry] : std::as_const(reopen))
        openViewWindow(kind, geometry);
}

void MainWindow::saveViewWindows(QSettings &settings) const
{
    const QList<ViewWindow *> open = viewWindows();
    settings.remove(detachedKey); // an array written shorter keeps the old tail otherwise
    settings.beginWriteArray(detachedKey, int(open.size()));
    for (int i = 0; i < open.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(viewKey, settingOf(open.at(i)->viewKind()));
        settings.setValue(geometryKey, open.at(i)->saveGeometry());
    }
    settings.endArray();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeLocked) {
        event->ignore(); // a kiosk: only its exit chord and PIN end it
        return;
    }
    if (!m_stateKey.isEmpty()) {
        QSettings settings;
        settings.beginGroup(QStringLiteral("windows/") + m_stateKey);
        settings.setValue(geometryKey, saveGeometry());
        settings.setValue(viewKey, settingOf(currentView()));
        settings.setValue(notificationsKey, notificationsVisible());
        saveViewWindows(settings);
    }
    // After saving which were open: the console's windows close together.
    for (ViewWindow *window : viewWindows())
        window->close();
    QMainWindow::closeEvent(event);
}

void MainWindow::showView(View view)
{
    m_tabs->setCurrentIndex(int(view));
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_pages->currentIndex());
}

void MainWindow::createNotifications()
{
    m_panel = new NotificationPanel(m_notifications, m_session->link(), this);
    m_dock = new QDockWidget(tr("Notifications"), this);
    m_dock->setObjectName(QStringLiteral("notificationDock"));
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_dock->setTitleBarWidget(new QWidget(m_dock)); // the panel has its own heading and Close
    m_dock->setWidget(m_panel);
    m_dock->setMinimumWidth(m_panel->minimumSizeHint().width());
    addDockWidget(Qt::RightDockWidgetArea, m_dock);
    resizeDocks({m_dock}, {440}, Qt::Horizontal);
    m_dock->hide();
    connect(m_panel, &NotificationPanel::closeRequested, this, [this] {
        setNotificationsVisible(false);
        m_topBar->bell()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this] {
        const QSignalBlocker quiet(m_topBar->bell());
        m_topBar->bell()->setChecked(m_dock->isVisible());
    });
    m_notificationsAction = new QAction(tr("Notifications"), this);
    m_notificationsAction->setObjectName(QStringLiteral("notificationsAction"));
    m_notificationsAction->setShortcut(
        QKeySequence(QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_A)));
    connect(m_notificationsAction, &QAction::triggered, this,
            [this] { setNotificationsVisible(!notificationsVisible()); });
    addAction(m_notificationsAction);

    m_alerting = new Alerting(m_notifications, m_session->alarms(), m_session->alarmRate(), this, centralWidget());
    connect(m_alerting, &Alerting::alarmsViewRequested, this, [this] { showView(View::Alarms); });
    connect(m_alerting, &Alerting::acknowledgeRequested, this, &MainWindow::acknowledgeFromToast);
    connect(m_alerting, &Alerting::showRequested, this, &MainWindow::showNotification);
    connect(m_alerting, &Alerting::showAllRequested, this, [this] { setNotificationsVisible(true); });
    connect(m_alerting->desktop(), &DesktopNotifier::activated, this, [this] { setNotificationsVisible(true); });
    connect(m_alerting, &Alerting::muteChanged, this, [this](const QDateTime &until) {
        m_preferences.mutedUntil = until;
        if (!m_preferencesKey.isEmpty())
            m_preferences.save(m_preferencesKey);
        updateMuteButton();
    });
    updateMuteButton();
}

void MainWindow::setNotificationsVisible(bool visible)
{
    if (m_kiosk)
        visible = false; // a floor screen keeps the views whole: toasts and the bell say what is new
    m_dock->setVisible(visible);
    {
        const QSignalBlocker quiet(m_topBar->bell());
        m_topBar->bell()->setChecked(visible);
    }
    if (visible) {
        m_dock->raise();
        m_panel->list()->setFocus(Qt::OtherFocusReason);
    }
}

bool MainWindow::notificationsVisible() const
{
    return m_dock->isVisible();
}

void MainWindow::showNotification(const QString &notificationId)
{
    // A floor screen has no notification center: "Show" brings up the alarms.
    if (m_kiosk) {
        showView(View::Alarms);
        return;
    }
    setNotificationsVisible(true);
    m_panel->showNotification(notificationId);
}

void MainWindow::acknowledgeFromToast(const QString &notificationId)
{
    if (m_kiosk)
        return; // a floor screen only watches
    // With a note required, or nothing the center can send, the panel asks
    // for the note or says why not; otherwise the toast's button is enough.
    if (m_panel->requireNote() || !m_panel->actionsUnavailableReason().isEmpty()) {
        showNotification(notificationId);
        m_panel->acknowledgeSelected();
        return;
    }
    if (!m_notifications->acknowledge(notificationId)) {
        showNotification(notificationId);
        m_panel->acknowledgeSelected();
    }
}

void MainWindow::setRequireAckNote(bool required)
{
    m_alarms->setRequireNote(required);
    m_panel->setRequireNote(required);
    for (ViewWindow *window : viewWindows()) {
        if (auto *alarms = window->viewAs<AlarmsView>())
            alarms->setRequireNote(required);
    }
}

void MainWindow::setActionWordMapping(const QHash<QString, ActionWords> &mapping)
{
    m_controlPanel->setActionWordMapping(mapping);
    for (ViewWindow *window : viewWindows()) {
        if (auto *panel = window->viewAs<ControlPanelView>())
            panel->setActionWordMapping(mapping);
    }
}

void MainWindow::setPreferences(const Preferences &preferences, const QString &profileKey)
{
    if (!profileKey.isEmpty())
        m_preferencesKey = profileKey;
    m_preferences = preferences;
    if (Theme::mode() != preferences.theme)
        Theme::apply(preferences.theme);
    m_alerting->setPreferences(effectivePreferences());
    LinkStatus *connection = m_session->link();
    // Nobody at a floor screen could turn live updates back on: a kiosk
    // never pauses, whatever was stored for the profile.
    if (!preferences.liveUpdates && !m_kiosk)
        connection->pause();
    else if (connection->state() == Domain::LinkState::Paused)
        connection->resumeLive();
    updateMuteButton();
}

void MainWindow::onLinkState(Domain::LinkState state)
{
    const bool wasPaused = std::exchange(m_linkPaused, state == Domain::LinkState::Paused);
    // Resumed (the banner, the connection details): the operator wants live
    // updates, so a stored "live updates off" goes, and the next start, the
    // next shift's, is live instead of paused again.
    if (!wasPaused || m_linkPaused || state == Domain::LinkState::Disconnected || m_preferences.liveUpdates)
        return;
    m_preferences.liveUpdates = true;
    if (!m_preferencesKey.isEmpty())
        m_preferences.save(m_preferencesKey);
}

void MainWindow::setFeatureSwitches(const FeatureSwitches &features)
{
    m_features = features;
    m_alerting->setPreferences(effectivePreferences());
    updateMuteButton();
}

Preferences MainWindow::effectivePreferences() const
{
    Preferences effective = m_preferences;
    effective.sound = effective.sound && m_features.sound;
    effective.desktopNotifications = effective.desktopNotifications && m_features.desktopNotifications;
    return effective;
}

void MainWindow::setKioskMode(bool kiosk)
{
    m_kiosk = kiosk;
    setCloseLocked(kiosk);
    if (kiosk) {
        if (m_session->link()->state() == Domain::LinkState::Paused)
            m_session->link()->resumeLive();
        setNotificationsVisible(false);
        // Windows of their own would be left behind the full-screen one.
        for (ViewWindow *window : viewWindows())
            window->close();
    }
    for (QAction *action : {m_preferencesAction, m_openInNewWindow, m_notificationsAction})
        action->setEnabled(!kiosk);
    m_saveDiagnostics->setEnabled(!kiosk && m_diagnostics);
    m_topBar->preferencesButton()->setVisible(!kiosk);
    m_openButton->setVisible(!kiosk);
    // The bell still shows what waits, but no longer opens the notification center.
    m_topBar->bell()->setAttribute(Qt::WA_TransparentForMouseEvents, kiosk);
    m_topBar->bell()->setFocusPolicy(kiosk ? Qt::NoFocus : Qt::StrongFocus);
    m_dock->setFeatures(kiosk ? QDockWidget::NoDockWidgetFeatures
                              : QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    // On a floor screen the banner goes above everything, the top bar too.
    if (auto *layout = qobject_cast<QVBoxLayout *>(menuWidget()->layout())) {
        layout->removeWidget(m_staleBanner);
        layout->insertWidget(kiosk ? 0 : 1, m_staleBanner);
    }
    m_staleBanner->setKioskStyle(kiosk);
    // A floor screen only watches: no acknowledge, shelve or unshelve by
    // mouse, key, menu or toast.
    m_alarms->setWatchOnly(kiosk);
    m_panel->setWatchOnly(kiosk);
    m_alerting->setWatchOnly(kiosk);
    // Nobody there types or clicks either: filters, searches and detail
    // panes go, so the lists take the room; the control panel's buttons go
    // too when this screen can never command.
    m_drones->setWatchOnly(kiosk);
    m_machines->setWatchOnly(kiosk);
    m_activity->setWatchOnly(kiosk);
    m_commandLog->setWatchOnly(kiosk);
    m_controlPanel->setWatchOnly(kiosk && !m_commandService->commandsAllowed());
}

void MainWindow::openPreferences()
{
    if (m_kiosk)
        return;
    auto *dialog = new PreferencesDialog(m_preferences, this);
    dialog->setFeatureSwitches(m_features);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        setPreferences(dialog->preferences());
        if (!m_preferencesKey.isEmpty())
            m_preferences.save(m_preferencesKey);
    });
    dialog->open();
}

void MainWindow::updateMuteButton()
{
    const AlarmSound *sound = m_alerting->sound();
    m_topBar->showMute(m_preferences.sound && m_features.sound, sound->isMuted() ? sound->mutedUntil() : QDateTime());
}

void MainWindow::setDiagnostics(DiagnosticsSnapshot *snapshot)
{
    m_diagnostics = snapshot;
    m_saveDiagnostics->setEnabled(!m_kiosk && m_diagnostics);
}

bool MainWindow::saveDiagnostics(const QString &path, QString *error) const
{
    if (!m_diagnostics) {
        if (error)
            *error = tr("no diagnostics are available");
        return false;
    }
    return m_diagnostics->writeTo(path, error);
}
