#pragma once

#include "plantcondition.h"
#include "plantevent.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

// The simulated drone fleet of the reference server: drones that fly
// missions, charge, break, and are built on the bench. Pure: time comes only
// from the arguments, and the same seed and the same sequence of calls give
// the same world.
class SimFleet
{
public:
    enum class State { Idle, Flying, Charging, Maintenance, Offline, Error };
    enum class MissionStatus { None, Started, Paused, Completed, Aborted };

    struct Build
    {
        int stage = 0; // index into stageNames(); the last one is "done"
        int assembly = 0; // index into the stage's assemblies
        double assemblyDone = 0.0; // 0..1 of the current assembly
        double minutesPerAssembly = 3.0;
        QDateTime finishedAt;
    };

    struct Health
    {
        double cpu = 10.0; // percent
        double memory = 40.0; // percent
        double storage = 30.0; // percent
        double temperature = 25.0; // °C
    };

    struct Mission
    {
        QString name;
        MissionStatus status = MissionStatus::None;
        double progress = 0.0; // percent
        double minutes = 10.0; // flying time the whole mission takes
    };

    struct Drone
    {
        QString serial;
        State state = State::Idle;
        double battery = 100.0;
        double lat = 0.0;
        double lon = 0.0;
        double alt = 0.0;
        double speed = 0.0;
        double heading = 0.0; // degrees clockwise from north
        Build build;
        Health health;
        Mission mission;
        qint64 steppedMs = 0; // world time this drone has been simulated up to
        QDateTime reportedAt;
    };

    static constexpr double kBaseLat = 48.1374;
    static constexpr double kBaseLon = 11.5755;
    // Longer steps are simulated in slices of at most this much world time.
    static constexpr double kWorldSecondsPerSlice = 5.0;

    SimFleet(int droneCount, quint32 seed, const QDateTime &wallStart = QDateTime::currentDateTimeUtc());

    qsizetype size() const { return m_drones.size(); }
    const Drone &drone(qsizetype i) const { return m_drones.at(i); }
    qsizetype indexOf(const QString &serial) const;

    // Advances drone i to nowMs (world milliseconds, starting at 0) and
    // reports it: always a `status` drone_update, then `build_progress`,
    // `system_health` and `operation` ones when those changed. `status` and
    // `operation` go to the `drones` channel; `build_progress` and
    // `system_health` to the drone's detail room (`drone_detail`), and a
    // `build_progress` that reaches a new stage to `drones` as well, so the
    // fleet view follows builds without joining every room.
    PlantEvents step(qsizetype i, qint64 nowMs, const QDateTime &wallNow);
    // Scripted scenarios: advance the drone to nowMs, then put it in a state
    // or set its battery, and report it as step() does. Unknown serials give
    // no events.
    PlantEvents forceState(const QString &serial, State state, qint64 nowMs, const QDateTime &wallNow);
    PlantEvents forceBattery(const QString &serial, double percent, qint64 nowMs, const QDateTime &wallNow);

    // The `data` of each drone_update kind, and a snapshot item, as the wire has them.
    QJsonObject statusData(qsizetype i) const;
    QJsonObject buildData(qsizetype i) const;
    QJsonObject healthData(qsizetype i) const;
    QJsonObject operationData(qsizetype i) const; // empty while the drone has had no mission
    QJsonObject snapshotItem(qsizetype i) const;
    // The drone's `drone_detail` snapshot item: serial, timestamp, build and health.
    QJsonObject detailItem(qsizetype i) const;

    // Battery low and error state of every drone, active or not.
    PlantConditions conditions() const;

    static QString stateName(State state);
    static QString missionStatusName(MissionStatus status);
    static const QStringList &stageNames();
    static const QStringList &assemblyNames(int stage);

private:
    struct Reported
    {
        QJsonObject build;
        Health health;
        QJsonObject operation;
    };

    void advance(Drone &d, qint64 nowMs, const QDateTime &wallNow);
    void advanceSlice(Drone &d, double seconds, const QDateTime &wallNow);
    void fly(Drone &d, double seconds);
    void buildOn(Drone &d, double seconds, const QDateTime &wallNow);
    void driftHealth(Drone &d, double seconds);
    void takeOff(Drone &d);
    void endMission(Drone &d, MissionStatus status);
    PlantEvents report(qsizetype i, const QDateTime &wallNow);
    PlantEvent droneUpdate(const QString &channel, qsizetype i, const QString &kind, const QJsonObject &data,
                           const QDateTime &wallNow) const;
    double chance() { return m_random.generateDouble(); }

    QList<Drone> m_drones;
    QList<Reported> m_reported;
    QRandomGenerator m_random;
    int m_nextMission = 1;
};
