#pragma once

#include "plantevent.h"
#include "plantsource.h"
#include "simfleet.h"
#include "simlines.h"
#include "simoptions.h"
#include "simplant.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QRandomGenerator>
#include <QSet>

// The simulated plant, the reference server's PlantSource, advanced in world
// time: the drone fleet, the production lines, the control panel's tanks,
// the conditions their alarms watch, server health and system alerts, and
// the scripted scenarios. The gateway core asks it what happened and for
// snapshots, and passes operators' commands on; it never sees a socket.
class SimWorld : public PlantSource
{
public:
    explicit SimWorld(const SimOptions &options);

    double timeScale() const override { return m_options.rate; }
    // Advances the world to `worldMs` (milliseconds of world time since
    // start; --rate makes it run faster than the wall clock).
    PlantEvents advance(qint64 worldMs, const QDateTime &wallNow) override;
    PlantConditions conditions() const override;
    QJsonArray snapshot(const QString &channel, const QSet<QString> &keys) const override;
    CommandSubmission submitCommand(const QString &commandId, const QString &endpointId, const QJsonValue &value,
                                    const QString &operatorName, const QDateTime &wallNow,
                                    const QDateTime &expiresAt = {}) override;

    const SimFleet &fleet() const { return m_fleet; }
    const SimLines &lines() const { return m_lines; }
    const SimPlant &plant() const { return m_plant; }
    // Streamed endpoints are sampled this often (world time) at most.
    static constexpr qint64 kStreamSampleMs = 200;
    static const QStringList &scenarios();

private:
    PlantEvents stepHealth(const QDateTime &wallNow);
    PlantEvent systemAlert(const QDateTime &wallNow);
    PlantEvents runScenario(qint64 worldMs, const QDateTime &wallNow);

    SimOptions m_options;
    SimFleet m_fleet;
    SimLines m_lines;
    SimPlant m_plant;
    QList<qint64> m_nextDroneReportMs;
    qint64 m_worldMs = 0;
    qint64 m_nextLinesMs = 0;
    qint64 m_nextStreamMs = 0;
    qint64 m_nextHealthMs = 0;
    qint64 m_nextAlertMs = 0;
    bool m_floodDone = false;
    qint64 m_nextBreakdownMs = 3000;
    qsizetype m_breakdowns = 0;
    bool m_chatterActive = false;
    QRandomGenerator m_random;
    QJsonObject m_health;
    double m_cpu = 22.0;
    double m_memory = 41.0;
    double m_storage = 63.0;
};
