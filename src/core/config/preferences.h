#pragma once

#include "domain/alarm.h"

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

enum class ThemeMode { Light, Dark };

// What one operator chose for one profile: how loudly the console speaks up,
// and how it looks. Stored per profile, so a night-shift profile can be dark
// and silent while the day profile on the same machine is light and loud.
//
// Kept in QSettings under `preferences/<profileKey>`; the profile's
// [notifications] section gives the defaults for what was never stored.
struct Preferences
{
    // Toasts for notifications at or above this severity (Critical is the highest).
    Domain::AlarmSeverity toastThreshold = Domain::AlarmSeverity::Medium;
    bool sound = false; // a sound for critical alarms
    int soundRepeatSeconds = 60; // least time between two sounds for the same alarm
    bool desktopNotifications = true; // through the system tray while the window is not active
    QDateTime mutedUntil; // UTC; invalid: not muted
    ThemeMode theme = ThemeMode::Light;
    bool liveUpdates = true; // false: the operator paused the live stream

    static constexpr int kMinSoundRepeatSeconds = 1;
    static constexpr int kMaxSoundRepeatSeconds = 3600;

    // Whether a notification of `severity` gets a toast.
    bool wantsToast(Domain::AlarmSeverity severity) const
    {
        return Domain::severityRank(severity) <= Domain::severityRank(toastThreshold);
    }
    // Whether sound is muted at `now` (UTC).
    bool isMuted(const QDateTime &now) const { return mutedUntil.isValid() && now < mutedUntil; }

    // Each stored value that is missing or not understood takes its value from
    // `defaults`; nothing read is ever half-applied.
    static Preferences load(const QString &profileKey, const Preferences &defaults);
    static Preferences load(const QString &profileKey); // with the built-in defaults
    void save(const QString &profileKey) const;

    // The wire words of a severity (critical, high, medium, low, info), as in
    // the protocol, so stored settings and profiles read the same as alarms.
    static QString severityWord(Domain::AlarmSeverity severity);
    static std::optional<Domain::AlarmSeverity> severityFromWord(QStringView word);
    static QString themeWord(ThemeMode mode);
    static std::optional<ThemeMode> themeFromWord(QStringView word);

    friend bool operator==(const Preferences &, const Preferences &) = default;
};
