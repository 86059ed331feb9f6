#pragma once

#include <QString>
#include <QStringList>

// How the console behaves on a plant-floor screen: the profile's [kiosk]
// section (docs/operations.md), or `--kiosk` with these defaults.
struct KioskSettings
{
    // What waiting alarms do to the rotation: hold it on the Alarms view
    // until none waits, or leave it turning (the alarm banner, in every
    // view, still shows them).
    enum class Rotation { HoldOnAlarms, Rotate };

    bool enabled = false;
    // Views shown in turn, by name: overview, drones, machines, control-panel,
    // alarms, activity, command-log. Empty: the overview only.
    QStringList views;
    int rotateSeconds = 30; // how long each view stays; 0: no rotation
    Rotation rotation = Rotation::HoldOnAlarms;
    int cursorHideSeconds = 5; // the pointer disappears after this long without moving
    int fontPercent = 150; // type size against the desktop's, read from across the floor
    bool commandsAllowed = false; // a kiosk watches; commands only when the profile says so
    // Closing the kiosk: this key chord, then the PIN whose hash is below.
    QString exitChord = QStringLiteral("Ctrl+Alt+Shift+Q");
    // "pbkdf2-sha256:<iterations>:<salt hex>:<key hex>" (watchfloor --hash-pin).
    // Empty: the console cannot be closed from the keyboard at all.
    QString exitPinHash;
};
