#pragma once

#include "simalarmbook.h"
#include "simevent.h"
#include "simfleet.h"
#include "simlines.h"
#include "simoptions.h"
#include "simplant.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QRandomGenerator>
#include <QSet>

// Everything the reference server simulates, advanced in world time: the
// drone fleet, the production lines, the alarms raised from their
// conditions, server health and system alerts, and the scripted scenario.
// The protocol server asks it what happened and for snapshots, and passes
// operators' intents on; it never sees a socket.
class SimWorld
{
public:
    explicit SimWorld(const SimOptions &options);

    // Advances the world to `worldMs` (milliseconds of world time since
    // start; --rate makes it run faster than the wall clock).
    SimEvents advance(qint64 worldMs, const QDateTime &wallNow);

    // The current state of one channel (or room) as snapshot items, limited
    // to `keys` when given.
    QJsonArray snapshot(const QString &channel, const QSet<QString> &keys) const;

    using Error = SimAlarmBook::Error;
    SimEvents acknowledgeAlarm(const QString &alarmId, const QString &operatorName, const QString &note,
                               const QDateTime &wallNow, Error *error);
    SimEvents shelveAlarm(const QString &alarmId, int minutes, const QString &reason, const QString &operatorName,
                          const QDateTime &wallNow, Error *error);
    SimEvents unshelveAlarm(const QString &alarmId, Error *error);
    SimPlant::Submission submitCommand(const QString &commandId, const QString &endpointId, const QJsonValue &value,
                                       const QString &operatorName, const QDateTime &wallNow,
                                       const QDateTime &expiresAt = {});

    const SimFleet &fleet() const { return m_fleet; }
    const SimLines &lines() const { return m_lines; }
    const SimAlarmBook &alarms() const { return m_alarms; }
    const SimPlant &plant() const { return m_plant; }
    // The channels `all` stands for, which the REST API serves too.
    static const QStringList &channels();
    // Per-entity detail rooms: a console joins one only while a view shows
    // it, for the entities it names. Never part of `all`: they carry what the
    // channels leave out, some of it at full rate.
    static const QStringList &roomChannels();
    // One of either: what `subscribe` takes besides `all`.
    static bool isChannel(const QString &name);
    // Streamed endpoints are sampled this often (world time) at most.
    static constexpr qint64 kStreamSampleMs = 200;
    static const QStringList &scenarios();

private:
    SimEvents stepHealth(const QDateTime &wallNow);
    SimEvent systemAlert(const QDateTime &wallNow);
    SimEvents runScenario(qint64 worldMs, const QDateTime &wallNow);
    SimConditions conditions() const;

    SimOptions m_options;
    SimFleet m_fleet;
    SimLines m_lines;
    SimPlant m_plant;
    SimAlarmBook m_alarms;
    QList<qint64> m_nextDroneReportMs;
    qint64 m_worldMs = 0;
    qint64 m_nextLinesMs = 0;
    qint64 m_nextStreamMs = 0;
    qint64 m_nextAlarmsMs = 0;
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
