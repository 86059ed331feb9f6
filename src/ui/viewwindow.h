#pragma once

#include "mainwindow.h"

#include <QMainWindow>

class AlarmBanner;
class ConnectionIndicator;
class ConsoleServices;
class QAction;
class StaleBanner;

// One view of the console in a top-level window of its own, for a second
// monitor: a new instance of the view class bound to the same session (so
// it shares the session's models and stays in step with every other
// window), its own stale banner, the alarm banner (activated() asks the
// main window for its Alarms view; Ctrl+5 does the same) and a compact
// connection indicator.
// Deletes itself when closed; Ctrl+W closes it.
class ViewWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The services are not owned and must outlive the window. A control
    // panel sends through the console's command service when `withCommands`;
    // without, its controls stay disabled.
    ViewWindow(ConsoleServices *services, MainWindow::View view, const QString &profileName, bool withCommands = true,
               QWidget *parent = nullptr);

    MainWindow::View viewKind() const { return m_kind; }
    // The view instance: an OverviewView, DronesView, MachinesView,
    // AlarmsView or ActivityView, as viewKind() says.
    QWidget *view() const { return m_view; }
    template<typename T> T *viewAs() const { return qobject_cast<T *>(m_view); }
    StaleBanner *staleBanner() const { return m_staleBanner; }
    AlarmBanner *alarmBanner() const { return m_alarmBanner; }
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    QAction *closeAction() const { return m_close; }

private:
    MainWindow::View m_kind;
    QWidget *m_view = nullptr;
    StaleBanner *m_staleBanner = nullptr;
    AlarmBanner *m_alarmBanner = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QAction *m_close = nullptr;
};
