#pragma once

#include "config/kiosksettings.h"
#include "mainwindow.h"

#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

#include "kioskexitdialog.h"
#include <QMessageBox>
class QShortcut;
class ScreenKeeper;
class AlarmModel;

// Runs the console as a plant-floor kiosk (KioskSettings, the profile's
// [kiosk] section or --kiosk): the main window full screen without a frame
// and without the controls a passer-by must not reach (MainWindow::
// setKioskMode); the pointer hidden after cursorHideSeconds without moving;
// all type at fontPercent; the views shown in turn every rotateSeconds,
// except that, with the rotation policy HoldOnAlarms, while any alarm waits
// for acknowledgement the Alarms view stays until none does (with Rotate the
// views keep turning and the alarm banner above every view shows what
// waits); the screen kept from blanking (ScreenKeeper);
// closing refused except through the exit chord and the exit PIN, which
// quits the application.
//
// Commands: a kiosk sends commands only if both the profile's feature switch
// and KioskSettings::commandsAllowed allow them. The caller applies the
// profile's switch to window->commandService() first, as for any console;
// start() then turns commands off unless commandsAllowed, and never turns
// them on.
//
// Construct it after the window and before session->start(), then start():
//     KioskController kiosk(&window, session.alarms(), profile.kiosk);
//     kiosk.start();
class KioskController : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; both must outlive the controller. Alarms waiting in
    // `alarms` hold the Alarms view.
    KioskController(MainWindow *window, AlarmModel *alarms, const KioskSettings &settings, QObject *parent = nullptr);
    ~KioskController() override; // stops: the cursor, font and screen saver are given back

    // The view names settings.views may hold, in MainWindow::View order.
    static QStringList viewNames();
    static std::optional<MainWindow::View> viewFromName(const QString &name);

    void start();
    // Gives back the pointer, the font and the screen saver and stops the
    // rotation; the window stays as it is (the application is ending).
    void stop();
    bool isRunning() const { return m_running; }

    const KioskSettings &settings() const { return m_settings; }
    // The views shown in turn; unknown names left out (with a warning).
    QList<MainWindow::View> rotation() const { return m_rotation; }
    // True while an unacknowledged alarm holds the Alarms view; never with
    // the Rotate policy.
    bool isHeldOnAlarms() const { return m_heldOnAlarms; }
    bool isCursorHidden() const { return m_cursorHidden; }
    // Whether this console may send commands now that the kiosk runs.
    bool commandsAllowed() const;
    ScreenKeeper *screenKeeper() const { return m_keeper; }
    QShortcut *exitShortcut() const { return m_exitShortcut; }
    // Null until the exit chord was first pressed with a PIN hash set.
    KioskExitDialog *exitDialog() const { return m_exitDialog; }
    // Null until the exit chord was first pressed without a usable PIN hash.
    QMessageBox *administratorOnlyMessage() const { return m_adminOnly; }
    // How long the exit dialog refuses PINs after three wrong ones (tests).
    void setLockoutDuration(std::chrono::milliseconds duration);

    // What the exit chord does: asks for the PIN, or says that only the
    // administrator can stop this screen when the profile has no PIN hash.
    void requestExit();

Q_SIGNALS:
    void viewShown(MainWindow::View view);
    void alarmHoldChanged(bool held);
    void cursorHiddenChanged(bool hidden);
    // The right PIN was given: the console is about to close and quit.
    void exitUnlocked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rotate();
    void updateAlarmHold();
    void hideCursor();
    void showCursor();
    void unlockAndQuit();

    MainWindow *m_window;
    AlarmModel *m_alarms;
    KioskSettings m_settings;
    QList<MainWindow::View> m_rotation;
    int m_rotationIndex = 0;
    QTimer m_rotateTimer;
    QTimer m_cursorTimer;
    bool m_running = false;
    bool m_heldOnAlarms = false;
    bool m_cursorHidden = false;
    std::optional<QFont> m_savedFont;
    ScreenKeeper *m_keeper = nullptr;
    QShortcut *m_exitShortcut = nullptr;
    QPointer<KioskExitDialog> m_exitDialog;
    QPointer<QMessageBox> m_adminOnly;
    std::chrono::milliseconds m_lockout;
};
