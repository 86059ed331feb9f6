#pragma once

#include "toastlevel.h"

#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QSystemTrayIcon>

// Desktop notifications through the system tray, for when the operator is
// looking at another window: a message is shown only when enabled, the
// console's window is not the active one (or is minimised) and the desktop
// has a tray. Clicking the message brings the window back.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    enum class SkipReason { None, Disabled, WindowActive, NoSystemTray };
    Q_ENUM(SkipReason)

    explicit DesktopNotifier(QWidget *window);

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // Returns whether the message was shown; if not, lastSkip() says why.
    // `word` replaces the level's notice word in the title (an alarm's "High alarm").
    bool notify(const QString &title, const QString &message, ToastLevel level, const QString &word = {});
    SkipReason lastSkip() const { return m_lastSkip; }
    QString lastSkipReason() const; // for people: "disabled", "window active", "no system tray"

    // The tray icon: a bell drawn here, no image files.
    static QPixmap bellPixmap(int size);

Q_SIGNALS:
    // The operator clicked the message or the icon: the window was brought back.
    void activated();

private:
    void bringWindowBack();
    void updateTrayVisibility();

    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray;
    bool m_enabled = false;
    SkipReason m_lastSkip = SkipReason::None;
};
