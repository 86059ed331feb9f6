#pragma once

#include "kiosksettings.h"
#include "net/connectionsettings.h"
#include "preferences.h"
#include "sessionsettings.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// A launch profile: which server to watch and as whom. Read from an INI file:
//
//   [server]
//   url=wss://plant-gw.example:8765/ws      the primary
//   url=wss://plant-gw-2.example:8765/ws    fallbacks, in order
//   token-file=site.token                   or token=..., or token-env=VARIABLE
//   ca-file=plant-ca.pem                    trusted besides the system's CAs
//   [operator]
//   name=alice
//   [alarms]
//   require-note=false                      true: acknowledging an alarm needs a note
//   [notifications]                         defaults of the operator's own preferences
//   toast-threshold=medium                  critical, high, medium, low or info
//   sound=false / sound-repeat-seconds=60 / desktop=true / theme=light (or dark)
//   [commands]
//   enabled=true                            false: this console only watches the control panel
//   timeout-seconds=10                      no final status by then: timed out, check the device
//   confirm=T1.H101.on, T1.P101.running     endpoints whose commands need a confirmation
//   [data]
//   frame-ms=33                             how long updates wait to be applied together
//   drone-period-ms=5000                    expected reporting periods (stale past 3×)
//   machine-period-ms / endpoint-period-ms / health-period-ms / history-samples
//
// Every key is checked; an unknown key or a bad value is an error naming the
// file, line and key, so the console never starts half-configured.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    QString name; // shown in the window title and top bar
    QString path; // the file it came from; empty for the demo
    ConnectionSettings connection;
    SessionSettings session;
    bool requireAckNote = false; // [alarms] require-note: an acknowledgement must say why
    // [notifications]: what Preferences::load falls back to for what the
    // operator never changed on this machine.
    Preferences preferenceDefaults;
    // [commands]
    bool commandsEnabled = true;
    int commandTimeoutSeconds = 10;
    QStringList confirmEndpoints;
    KioskSettings kiosk; // [kiosk]

    static std::optional<Profile> load(const QString &path, QString *error);
};
