#include "mainwindow.h"

#include "activityview.h"
#include "alarmsview.h"
#include "app/session.h"
#include "connectionindicator.h"
#include "dronesview.h"
#include "machinesview.h"
#include "overviewview.h"
#include "stalebanner.h"
#include "viewwindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

const QString detachedKey = QStringLiteral("detached");
const QString viewKey = QStringLiteral("view");
const QString geometryKey = QStringLiteral("geometry");

} // namespace

MainWindow::MainWindow(Session *session, const QString &profileName, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_profileName(profileName)
{
    setWindowTitle(tr("Watchfloor — %1").arg(profileName));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createTopBar(profileName));

    m_staleBanner = new StaleBanner(session, central);
    layout->addWidget(m_staleBanner);

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

    // In a scroll area: on a small screen the tiles and charts scroll
    // instead of forcing the window taller than the screen.
    auto *overviewScroll = new QScrollArea(m_pages);
    overviewScroll->setFrameShape(QFrame::NoFrame);
    overviewScroll->setWidgetResizable(true);
    m_overview = new OverviewView(session, overviewScroll);
    overviewScroll->setWidget(m_overview);
    addView(View::Overview, overviewScroll);
    m_drones = new DronesView(session, m_pages);
    addView(View::Drones, m_drones);
    m_machines = new MachinesView(session, m_pages);
    addView(View::Machines, m_machines);
    m_alarms = new AlarmsView(session, m_pages);
    addView(View::Alarms, m_alarms);
    m_activity = new ActivityView(session, m_pages);
    addView(View::Activity, m_activity);
    setCentralWidget(central);

    connect(session->connection(), &ConnectionService::stateChanged, this, &MainWindow::updateIdentity);
    updateIdentity();
    resize(1280, 800);
}

MainWindow::~MainWindow()
{
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
    case View::Alarms:
        return tr("Alarms");
    case View::Activity:
        return tr("Activity");
    }
    return {};
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
    if (index < 0)
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
    auto *window = new ViewWindow(m_session, view, m_profileName);
    if (auto *alarms = window->viewAs<AlarmsView>())
        alarms->setRequireNote(m_alarms->requireNote()); // the profile's rule holds in every window
    m_windows.append(window);
    connect(window, &QObject::destroyed, this,
            [this] { m_windows.removeIf([](const QPointer<ViewWindow> &w) { return w.isNull(); }); });
    if (geometry.isEmpty() || !window->restoreGeometry(geometry)) {
        // Offset from this window, so it does not open exactly on top of it.
        window->move(pos() + QPoint(40, 40) * int(m_windows.size()));
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
    const int view = settings.value(viewKey, int(View::Overview)).toInt();
    if (view >= 0 && view < m_pages->count())
        showView(View(view));
    const int detached = settings.beginReadArray(detachedKey);
    QList<std::pair<View, QByteArray>> reopen;
    for (int i = 0; i < detached; ++i) {
        settings.setArrayIndex(i);
        const int kind = settings.value(viewKey, -1).toInt();
        if (kind >= 0 && kind < m_pages->count())
            reopen.append({View(kind), settings.value(geometryKey).toByteArray()});
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
        settings.setValue(viewKey, int(open.at(i)->viewKind()));
        settings.setValue(geometryKey, open.at(i)->saveGeometry());
    }
    settings.endArray();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_stateKey.isEmpty()) {
        QSettings settings;
        settings.beginGroup(QStringLiteral("windows/") + m_stateKey);
        settings.setValue(geometryKey, saveGeometry());
        settings.setValue(viewKey, int(currentView()));
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

QWidget *MainWindow::createTopBar(const QString &profileName)
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("topBar"));
    bar->setAutoFillBackground(true);
    QPalette barPalette = bar->palette();
    barPalette.setColor(QPalette::Window, QColor(0xc9, 0xcd, 0xd1));
    bar->setPalette(barPalette);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(12, 6, 8, 6);
    auto *title = new QLabel(tr("Watchfloor"), bar);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);
    layout->addWidget(title);
    layout->addSpacing(16);

    auto *profile = new QLabel(bar);
    profile->setObjectName(QStringLiteral("profileLabel"));
    profile->setText(tr("%1 · %2").arg(
        profileName,
        m_session->connection()->settings().url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    layout->addWidget(profile);
    layout->addStretch(1);

    m_identity = new QLabel(bar);
    m_identity->setObjectName(QStringLiteral("identityLabel"));
    layout->addWidget(m_identity);
    layout->addSpacing(12);

    m_indicator = new ConnectionIndicator(m_session->connection(), bar);
    layout->addWidget(m_indicator);
    return bar;
}

void MainWindow::updateIdentity()
{
    const ConnectionService *c = m_session->connection();
    const QString name = c->settings().operatorName;
    m_identity->setText(c->role().isEmpty() ? name : tr("%1 · %2 role").arg(name, c->role()));
}
