#pragma once

#include "gatewayoptions.h"

#include <QStringList>

// How the reference server runs: the gateway core's options and its
// simulated plant's; `watchfloor-sim --help` and docs/simulator.md document
// each one.
struct SimOptions : GatewayOptions
{
    int drones = 12;
    int machines = 24;
    int tiles = 2;
    double commandFailureRate = 0.0; // share of accepted commands the device fails
    QStringList scenarios; // any of SimWorld::scenarios(), run side by side
    double rate = 1.0; // world time runs this many times faster than the clock
    quint32 seed = 1;

    SimOptions() { serverName = QStringLiteral("watchfloor-sim"); }
};
