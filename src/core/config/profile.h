#pragma once

#include "config/connectionsettings.h"
#include "featureswitches.h"
#include "kiosksettings.h"
#include "preferences.h"
#include "servertexts.h"
#include "sessionsettings.h"
#include "simulatorsettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// A launch profile: which server to watch, as whom, and how this workstation
// behaves. Read from an INI file; every key is listed in docs/operations.md:
//
//   [server]      url (repeated: fallbacks in order), dialect, token | token-file |
//                 token-env, ca-file, channels
//   [simulator]   enabled, drones, machines, tiles, seed (instead of a server)
//   [operator]    name
//   [display]     language
//   [connection]  reconnect, heartbeat and polling timings
//   [data]        frame-ms, reporting periods (stale past 3x), history-samples
//   [alarms]      require-note
//   [notifications] defaults of the operator's own preferences
//   [commands]    timeout-seconds, confirm, action-words
//   [features]    polling-fallback, desktop-notifications, sound, commands
//   [kiosk]       enabled, views, rotate-seconds, rotation, cursor-hide-seconds,
//                 font-percent, commands, exit-chord, exit-pin-hash
//   [texts]       label.<server text>, message.<server template>: the
//                 server's names and alarm texts in the operators' words
//
// Every key is checked; an unknown key, a key given twice or a bad value is
// an error naming the file, line and key, so the console never starts
// half-configured.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    QString name; // shown in the window title and top bar
    QString path; // the file it came from
    ConnectionSettings connection;
    SessionSettings session;
    SimulatorSettings simulator; // [simulator]: the built-in simulator instead of [server]
    QString language; // [display] language: a locale name; empty: the system's
    bool requireAckNote = false; // [alarms] require-note: an acknowledgement must say why
    // [alarms] action-max-age-minutes: an acknowledgement or shelving waiting
    // longer for the link is not sent; the operator is told and decides again.
    int alarmActionMaxAgeMinutes = 15;
    // [notifications]: what Preferences::load falls back to for what the
    // operator never changed on this machine.
    Preferences preferenceDefaults;
    // [commands]
    int commandTimeoutSeconds = 10;
    QStringList confirmEndpoints;
    // action-words: the words of an on/off endpoint's two actions, keyed by
    // endpoint id (matched exactly) or device kind (matched without regard
    // to case), each {on, off} ("Start", "Stop"); they replace the words
    // the console takes from the device's kind.
    QHash<QString, std::pair<QString, QString>> actionWords;
    FeatureSwitches features; // [features]
    KioskSettings kiosk; // [kiosk]
    ServerTexts texts; // [texts]

    // Whether this console may send commands: the feature switch, and in
    // kiosk mode also the kiosk's own permission.
    bool commandsAllowed() const { return features.commands && (!kiosk.enabled || kiosk.commandsAllowed); }

    // The views a kiosk can show, by their profile names, in menu order.
    static QStringList viewNames();
    // The languages the console is translated into.
    static QStringList languages();

    static std::optional<Profile> load(const QString &path, QString *error);
    // The same from the profile's text; `path` names it in messages and
    // anchors relative file names (token-file, ca-file).
    static std::optional<Profile> parse(const QByteArray &text, const QString &path, QString *error);
};
