#pragma once

#include <QDateTime>
#include <QWidget>

class ConnectionIndicator;
class LinkStatus;
class NotificationBell;
class NotificationCenter;
class QAction;
class QLabel;
class QToolButton;

// The strip across the top of the main window: the console's name, the
// profile and its server, who is signed in with which role, the link's
// state, the alarm sound's mute, the notification bell and the preferences
// button. It shows; the window decides: a click on mute is muteClicked(),
// the bell's toggle and the preferences action are the window's.
class TopBar : public QWidget
{
    Q_OBJECT

public:
    // One click on the mute button silences the alarm sound this long.
    static constexpr int kMuteMinutes = 15;

    // `link` and `notifications` are not owned and must outlive the bar;
    // `preferences` is the window's action, shown as a button.
    TopBar(const QString &profileName, LinkStatus *link, NotificationCenter *notifications, QAction *preferences,
           QWidget *parent = nullptr);

    ConnectionIndicator *indicator() const { return m_indicator; }
    NotificationBell *bell() const { return m_bell; }
    QToolButton *muteButton() const { return m_mute; }
    QToolButton *preferencesButton() const { return m_preferencesButton; }

    // The mute button: hidden while `soundOn` is false; otherwise it offers
    // to mute for kMuteMinutes, or, with a valid `mutedUntil`, says until
    // when the sound is muted and offers to unmute.
    void showMute(bool soundOn, const QDateTime &mutedUntil);

Q_SIGNALS:
    void muteClicked();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateIdentity();
    void updateTitleFont();

    LinkStatus *m_link;
    QLabel *m_title = nullptr;
    QLabel *m_identity = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QToolButton *m_mute = nullptr;
    NotificationBell *m_bell = nullptr;
    QToolButton *m_preferencesButton = nullptr;
};
