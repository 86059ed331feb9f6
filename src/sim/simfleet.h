#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

// The simulated drone fleet of the reference server. Deterministic for a given
// seed: the same seed and the same sequence of step() calls give the same
// world. Each step advances one drone by one reporting period of world time.
class SimFleet
{
public:
    enum class State { Idle, Flying, Charging, Maintenance, Offline, Error };

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
        QDateTime reportedAt;
    };

    static constexpr double kBaseLat = 48.1374;
    static constexpr double kBaseLon = 11.5755;
    static constexpr double kWorldSecondsPerStep = 5.0;

    SimFleet(int droneCount, quint32 seed);

    qsizetype size() const { return m_drones.size(); }
    const Drone &drone(qsizetype i) const { return m_drones.at(i); }

    void step(qsizetype i, const QDateTime &now);

    // The drone's `status` payload and a snapshot item, as the wire has them.
    QJsonObject statusData(qsizetype i) const;
    QJsonObject snapshotItem(qsizetype i) const;

    static QString stateName(State state);

private:
    void fly(Drone &d);
    double chance() { return m_random.generateDouble(); }

    QList<Drone> m_drones;
    QRandomGenerator m_random;
};
