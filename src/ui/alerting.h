#pragma once

#include "config/preferences.h"
#include "model/notificationmodel.h"
#include "toastlevel.h"

#include <QObject>

class AlarmModel;
class AlarmSound;
class DesktopNotifier;
class NotificationCenter;
class ToastArea;

// Speaks up for the notification center, the ways the operator's
// preferences ask: a toast on the window for each new notification at or
// above the threshold, a desktop notification while the window is not the
// active one, and the sound for critical alarms. A toast goes as soon as
// what it announced no longer needs anyone (acknowledged here or on another
// console, cleared). The window decides what Acknowledge and Show do.
class Alerting : public QObject
{
    Q_OBJECT

public:
    // Toasts go over `toastHost` (the window's central area, so they never
    // cover a docked panel); desktop notifications speak for `window`. The
    // critical alarms' sound follows `alarms`. Neither is owned.
    Alerting(NotificationCenter *center, AlarmModel *alarms, QWidget *window, QWidget *toastHost);

    void setPreferences(const Preferences &preferences);
    // A floor screen only watches: its toasts offer no Acknowledge.
    void setWatchOnly(bool watchOnly) { m_watchOnly = watchOnly; }
    bool isWatchOnly() const { return m_watchOnly; }
    const Preferences &preferences() const { return m_preferences; }

    ToastArea *toasts() const { return m_toasts; }
    DesktopNotifier *desktop() const { return m_desktop; }
    AlarmSound *sound() const { return m_sound; }

    static ToastLevel levelOf(const NotificationModel::Item &item);
    // "Critical alarm", "Server notice", … for toasts and desktop notifications.
    static QString headingOf(const NotificationModel::Item &item);
    static QString sourceOf(const NotificationModel::Item &item);

Q_SIGNALS:
    void acknowledgeRequested(const QString &notificationId);
    void showRequested(const QString &notificationId);
    void showAllRequested();
    // The operator muted or unmuted the sound (to keep it with the preferences).
    void muteChanged(const QDateTime &mutedUntil);

private:
    void onPosted(const NotificationModel::Item &item);
    void onChanged(const NotificationModel::Item &item);

    NotificationCenter *m_center;
    ToastArea *m_toasts;
    DesktopNotifier *m_desktop;
    AlarmSound *m_sound;
    Preferences m_preferences;
    bool m_watchOnly = false;
};
