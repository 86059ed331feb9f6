#pragma once

#include <QString>
#include <QStringList>

// How a session applies and judges what arrives; the profile's [data]
// section can override each value (docs/architecture.md, "Models").
struct SessionSettings
{
    int frameMs = 33; // updates wait at most this long to be applied together
    // Expected reporting period of each kind of entity; quiet for three of
    // them, an entity shows as stale. The reference server's cadences.
    int dronePeriodMs = 5000;
    int machinePeriodMs = 5000;
    int endpointPeriodMs = 10000;
    int healthPeriodMs = 5000;
    // Per metric of each drone, machine and endpoint (20 minutes at one report
    // per 5 s); server health keeps an hour of its own.
    int historySamples = 240;
    // Channels subscribed after every (re)connect: every channel of the plant
    // unless the profile's [server] channels names fewer. A channel left out
    // leaves its views empty rather than stale.
    QStringList channels = allChannels();

    static QStringList allChannels()
    {
        return {QStringLiteral("drones"), QStringLiteral("machines"),  QStringLiteral("maintenance"),
                QStringLiteral("tiles"),  QStringLiteral("telemetry"), QStringLiteral("commands"),
                QStringLiteral("alarms"), QStringLiteral("health"),    QStringLiteral("presence")};
    }
};
