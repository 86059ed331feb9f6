#pragma once

#include "config/preferences.h"
#include "model/notificationmodel.h"
#include "toastlevel.h"

#include <QDateTime>
#include <QMap>
#include <QObject>

class AlarmModel;
class AlarmRateMeter;
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
//
// During an alarm flood (the rate meter's judgement, the banner's "FLOOD")
// only critical, unknown and high alarms get a toast each; every other alarm
// that would have been toasted is counted in one summary toast that updates
// in place ("+17 Medium, +4 Low since 08:21:07") and whose Show opens the
// Alarms view. The counts start again after the flood, or once the operator
// used Show. Outside a flood every alarm is toasted as before.
class Alerting : public QObject
{
    Q_OBJECT

public:
    // Toasts go over `toastHost` (the window's central area, so they never
    // cover a docked panel); desktop notifications speak for `window`. The
    // critical alarms' sound follows `alarms`. Neither is owned.
    // The flood is judged by `rate` (not owned).
    Alerting(NotificationCenter *center, AlarmModel *alarms, AlarmRateMeter *rate, QWidget *window, QWidget *toastHost);

    // The summary toast's id while a flood is summarised.
    static QString floodSummaryId() { return QStringLiteral("flood-summary"); }
    // How many alarms of this priority the current summary counts.
    int summarised(Domain::AlarmSeverity priority) const { return m_summarised.value(priority); }
    // "+17 Medium, +4 Low since 08:21:07"; empty when nothing is summarised.
    QString floodSummaryText() const;

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
    // The flood summary's Show: the Alarms view, where all of them are.
    void alarmsViewRequested();
    // The operator muted or unmuted the sound (to keep it with the preferences).
    void muteChanged(const QDateTime &mutedUntil);

private:
    void onPosted(const NotificationModel::Item &item);
    void onChanged(const NotificationModel::Item &item);
    // Counts the alarm in the flood summary and updates its toast.
    void summarise(const NotificationModel::Item &item);

    NotificationCenter *m_center;
    AlarmRateMeter *m_rate;
    QMap<Domain::AlarmSeverity, int> m_summarised; // this flood's alarms without a toast of their own
    QDateTime m_summarisedSince; // the first of them
    ToastArea *m_toasts;
    DesktopNotifier *m_desktop;
    AlarmSound *m_sound;
    Preferences m_preferences;
    bool m_watchOnly = false;
};
