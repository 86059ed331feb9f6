#pragma once

// What a workstation may do at all, set by its administrator in the
// profile's [features] section. Unlike preferences, the operator cannot turn
// a switched-off feature back on from the console.
struct FeatureSwitches
{
    bool pollingFallback = true; // poll the REST API while the WebSocket keeps failing
    bool desktopNotifications = true; // tray notifications while the window is not active
    bool sound = true; // the critical-alarm sound
    bool commands = true; // false: this console only watches the control panel
};
