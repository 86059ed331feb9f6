#include "viewfactory.h"

#include "activityview.h"
#include "alarmbanner.h"
#include "alarmsview.h"
#include "commandlogview.h"
#include "controlpanelcontroller.h"
#include "controlpanelview.h"
#include "dronesview.h"
#include "machinesview.h"
#include "overviewview.h"
#include "services/consoleservices.h"
#include "services/session.h"

#include <QScrollArea>

ViewFactory::ViewFactory(ConsoleServices *services)
    : m_services(services)
{ }

OverviewView::Sources ViewFactory::overviewSources(Session *session)
{
    return {.summary = session->summary(),
            .link = session->link(),
            .health = session->health(),
            .fleetBattery = session->fleetBattery(),
            .alarmRate = session->alarmRate()};
}

AlarmBanner *ViewFactory::makeAlarmBanner(QWidget *parent) const
{
    Session *session = m_services->session();
    return new AlarmBanner(session->alarms(), session->alarmRate(), session->link(), parent);
}

ViewFactory::Made ViewFactory::make(MainWindow::View view, QWidget *parent, bool withCommands) const
{
    Session *session = m_services->session();
    Made made;
    switch (view) {
    case MainWindow::View::Overview: {
        auto *scroll = new QScrollArea(parent);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        made.view = new OverviewView(overviewSources(session), scroll);
        scroll->setWidget(made.view);
        made.page = scroll;
        return made;
    }
    case MainWindow::View::Drones:
        made.view = new DronesView(
            session->drones(), [session](const QString &serial) { return session->joinDroneRoom(serial); }, parent);
        break;
    case MainWindow::View::Machines:
        made.view = new MachinesView(session->machines(), parent);
        break;
    case MainWindow::View::Alarms:
        made.view
            = new AlarmsView(session->alarms(), session->alarmRate(), session->alarmActions(), session->link(), parent);
        break;
    case MainWindow::View::Activity:
        made.view = new ActivityView(session->activity(), session->operators(), parent);
        break;
    case MainWindow::View::ControlPanel: {
        auto *panel = new ControlPanelView(session->tiles(), parent);
        if (withCommands)
            made.controller = new ControlPanelController(panel, m_services->commands(), session->tiles(), panel);
        else
            panel->setCommandsAllowed(false, tr("commands off"));
        made.view = panel;
        break;
    }
    case MainWindow::View::CommandLog:
        made.view = new CommandLogView(m_services->commandLog(), session->link(), parent);
        break;
    }
    made.page = made.view;
    return made;
}
