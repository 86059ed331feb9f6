#pragma once

#include <QtGlobal>

// The profile's [simulator] section: instead of connecting to a server, the
// console starts the built-in reference simulator on a free loopback port
// and connects to that (the demonstration profile).
struct SimulatorSettings
{
    bool enabled = false;
    int drones = 12;
    int machines = 24;
    int tiles = 2;
    quint32 seed = 1;
};
