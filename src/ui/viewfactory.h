#pragma once

#include "mainwindow.h"
#include "overviewview.h"

#include <QCoreApplication>

class AlarmBanner;
class ConsoleServices;
class ControlPanelController;
class QWidget;
class Session;

// Makes the console's views: the one place that knows which class shows
// which view and what each is given. The main window's tabs and the windows
// of their own both make their views here, so a view is the same wherever
// it is opened.
class ViewFactory
{
    Q_DECLARE_TR_FUNCTIONS(ViewFactory)

public:
    // What make() built.
    struct Made
    {
        QWidget *page = nullptr; // what goes into the layout: the view, or the scroll area around it
        QWidget *view = nullptr; // the view itself (OverviewView, DronesView, …)
        ControlPanelController *controller = nullptr; // the control panel's, when it may command
    };

    // The services are not owned and must outlive every view made.
    explicit ViewFactory(ConsoleServices *services);

    // A new view of kind `view` under `parent`. The Overview comes in a
    // scroll area, so on a small screen its tiles and charts scroll instead
    // of forcing the window taller than the screen. The control panel sends
    // through the console's command service when `withCommands`; without,
    // its controls stay disabled.
    Made make(MainWindow::View view, QWidget *parent, bool withCommands) const;

    // The alarm banner every window holds in its fixed frame, over the
    // session's alarms and its one alarm rate.
    AlarmBanner *makeAlarmBanner(QWidget *parent) const;

    // What the Overview of `session` reads (also for tests that make one alone).
    static OverviewView::Sources overviewSources(Session *session);

private:
    ConsoleServices *m_services;
};
