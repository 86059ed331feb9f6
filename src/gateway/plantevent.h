#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// One server event produced by a plant source or the core, before the
// server gives it a per-session `seq` and `ts` and sends it to the clients
// subscribed to its channel.
struct PlantEvent
{
    QString channel; // drones, machines, tiles, telemetry, alarms, commands, health, maintenance, presence,
                     // or a room: drone_detail, endpoint_stream;
                     // empty: every session, subscribed or not (dashboard_refresh)
    QString key; // the entity it concerns, for subscription filters (serial, machineId, endpointId,
                 // commandId); empty when it concerns everyone on the channel
    QJsonObject body; // the message as sent, with "type", without "seq" and "ts"
};

using PlantEvents = QList<PlantEvent>;
