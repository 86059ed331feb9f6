#pragma once

#include <QMainWindow>
#include <QTimer>

class ConnectionIndicator;
class QLabel;
class QTableView;
class Session;

// The console's main window: a top bar (profile, operator, link state), a
// banner whenever the data on screen is not live, and the fleet table.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Session *session, const QString &profileName, QWidget *parent = nullptr);

    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    QLabel *staleBanner() const { return m_staleBanner; }
    QTableView *droneTable() const { return m_droneTable; }

private:
    QWidget *createTopBar(const QString &profileName);
    void updateIdentity();
    void updateStaleBanner();
    void updateSummary();

    Session *m_session;
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_staleBanner = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_droneTable = nullptr;
};
