#pragma once

#include "simevent.h"
#include "simfleet.h"
#include "simoptions.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QRandomGenerator>
#include <QSet>

// Everything the reference server simulates, advanced in world time: the
// drone fleet, server health and system alerts. The protocol server asks it
// what happened since the last call and for snapshots; it never sees a socket.
class SimWorld
{
public:
    explicit SimWorld(const SimOptions &options);

    // Advances the world to `worldMs` (milliseconds of world time since
    // start; --rate makes it run faster than the wall clock).
    SimEvents advance(qint64 worldMs, const QDateTime &wallNow);

    // The current state of one channel as snapshot items, limited to `keys`
    // when given. Channels without state (telemetry history, commands) give
    // what they have now.
    QJsonArray snapshot(const QString &channel, const QSet<QString> &keys) const;

    const SimFleet &fleet() const { return m_fleet; }
    static const QStringList &channels();

private:
    SimEvents stepHealth(const QDateTime &wallNow);
    SimEvent systemAlert(const QDateTime &wallNow);

    SimOptions m_options;
    SimFleet m_fleet;
    QList<qint64> m_nextDroneReportMs;
    qint64 m_nextHealthMs = 0;
    qint64 m_nextAlertMs = 0;
    QRandomGenerator m_random;
    double m_cpu = 22.0;
    double m_memory = 41.0;
    double m_storage = 63.0;
    QJsonObject m_health;
};
