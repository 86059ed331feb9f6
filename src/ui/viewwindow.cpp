#include "viewwindow.h"

#include "activityview.h"
#include "alarmsview.h"
#include "app/session.h"
#include "connectionindicator.h"
#include "dronesview.h"
#include "machinesview.h"
#include "overviewview.h"
#include "stalebanner.h"

#include "commandlogview.h"
#include "controlpanelcontroller.h"
#include "controlpanelview.h"
#include <QAction>
#include <QHBoxLayout>
#include <QLabel>

#include <QScrollArea>
#include <QVBoxLayout>

ViewWindow::ViewWindow(Session *session, MainWindow::View view, const QString &profileName, CommandService *commands,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_kind(view)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("viewWindow"));
    const QString title = MainWindow::viewTitle(view);
    setWindowTitle(tr("Watchfloor — %1 — %2").arg(title, profileName));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // A slim bar: which view and profile this is, and whether it is live.
    auto *bar = new QWidget(central);
    bar->setObjectName(QStringLiteral("viewWindowBar"));
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::Button); // set apart from the view, in either theme
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(12, 3, 6, 3);
    auto *name = new QLabel(tr("%1 · %2").arg(title, profileName), bar);
    name->setObjectName(QStringLiteral("viewWindowTitle"));
    QFont nameFont = name->font();
    nameFont.setBold(true);
    name->setFont(nameFont);
    barLayout->addWidget(name);
    barLayout->addStretch(1);
    m_indicator = new ConnectionIndicator(session->connection(), bar);
    m_indicator->setAutoRaise(true);
    barLayout->addWidget(m_indicator);
    layout->addWidget(bar);

    m_staleBanner = new StaleBanner(session, central);
    layout->addWidget(m_staleBanner);

    switch (view) {
    case MainWindow::View::Overview: {
        // In a scroll area, as in the main window: tiles and charts scroll on a small screen.
        auto *scroll = new QScrollArea(central);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        m_view = new OverviewView(session, scroll);
        scroll->setWidget(m_view);
        layout->addWidget(scroll, 1);
        break;
    }
    case MainWindow::View::Drones:
        m_view = new DronesView(session, central);
        break;
    case MainWindow::View::Machines:
        m_view = new MachinesView(session, central);
        break;
    case MainWindow::View::Alarms:
        m_view = new AlarmsView(session, central);
        break;
    case MainWindow::View::Activity:
        m_view = new ActivityView(session, central);
        break;
    case MainWindow::View::ControlPanel: {
        auto *panel = new ControlPanelView(session, central);
        if (commands)
            new ControlPanelController(panel, commands, session, panel);
        else
            panel->setCommandsAllowed(false, tr("commands off"));
        m_view = panel;
        break;
    }
    case MainWindow::View::CommandLog:
        m_view = new CommandLogView(session, central);
        break;
    }
    if (view != MainWindow::View::Overview)
        layout->addWidget(m_view, 1);
    setCentralWidget(central);

    m_close = new QAction(tr("Close window"), this);
    m_close->setObjectName(QStringLiteral("closeViewWindow"));
    m_close->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key_W)));
    m_close->setShortcutContext(Qt::WindowShortcut);
    connect(m_close, &QAction::triggered, this, &QWidget::close);
    addAction(m_close);

    resize(1100, 700);
}
