#include "simfleet.h"

#include <QtMath>

#include <algorithm>

namespace {

constexpr double kMetresPerDegreeLat = 111'320.0;
constexpr double kPatrolRadiusMetres = 2'000.0;
constexpr double kReturnBatteryPercent = 25.0;

} // namespace

SimFleet::SimFleet(int droneCount, quint32 seed)
    : m_random(seed)
{
    m_drones.reserve(droneCount);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < droneCount; ++i) {
        Drone d;
        d.serial = QStringLiteral("WF-D%1").arg(i + 1, 4, 10, QLatin1Char('0'));
        d.battery = 40.0 + 60.0 * chance();
        d.lat = kBaseLat + (chance() - 0.5) * 0.01;
        d.lon = kBaseLon + (chance() - 0.5) * 0.015;
        d.heading = 360.0 * chance();
        d.reportedAt = now;
        const double pick = chance();
        if (pick < 0.55) {
            d.state = State::Flying;
            d.alt = 40.0 + 60.0 * chance();
            d.speed = 6.0 + 8.0 * chance();
        } else if (pick < 0.75) {
            d.state = State::Charging;
            d.battery = 10.0 + 50.0 * chance();
        } else if (pick < 0.92) {
            d.state = State::Idle;
        } else {
            d.state = State::Maintenance;
        }
        m_drones.append(d);
    }
}

void SimFleet::step(qsizetype i, const QDateTime &now)
{
    Drone &d = m_drones[i];
    d.reportedAt = now;
    switch (d.state) {
    case State::Flying:
        fly(d);
        break;
    case State::Charging:
        d.battery = std::min(100.0, d.battery + 1.5 + chance());
        if (d.battery >= 95.0)
            d.state = State::Idle;
        break;
    case State::Idle:
        d.battery = std::max(0.0, d.battery - 0.01);
        if (chance() < 0.004) {
            d.state = State::Offline;
        } else if (d.battery > 50.0 && chance() < 0.15) {
            d.state = State::Flying;
            d.alt = 40.0;
            d.speed = 8.0;
        } else if (d.battery < 50.0) {
            d.state = State::Charging;
        }
        break;
    case State::Maintenance:
        if (chance() < 0.08)
            d.state = State::Idle;
        break;
    case State::Offline:
        if (chance() < 0.1)
            d.state = State::Idle;
        break;
    case State::Error:
        if (chance() < 0.05)
            d.state = State::Maintenance;
        break;
    }
}

void SimFleet::fly(Drone &d)
{
    d.battery = std::max(0.0, d.battery - (0.3 + 0.4 * chance()));
    if (chance() < 0.002) {
        d.state = State::Error;
        d.speed = 0.0;
        return;
    }

    const double northM = (d.lat - kBaseLat) * kMetresPerDegreeLat;
    const double eastM = (d.lon - kBaseLon) * kMetresPerDegreeLat * std::cos(qDegreesToRadians(kBaseLat));
    const double distance = std::hypot(northM, eastM);
    const bool returning = d.battery < kReturnBatteryPercent;

    if (returning && distance < 30.0) {
        d.state = State::Charging;
        d.alt = 0.0;
        d.speed = 0.0;
        d.lat = kBaseLat;
        d.lon = kBaseLon;
        return;
    }
    if (returning || distance > kPatrolRadiusMetres) {
        // Head home: heading towards the base.
        d.heading = std::fmod(qRadiansToDegrees(std::atan2(-eastM, -northM)) + 360.0, 360.0);
    } else {
        d.heading = std::fmod(d.heading + (chance() - 0.5) * 40.0 + 360.0, 360.0);
    }
    d.speed = std::clamp(d.speed + (chance() - 0.5) * 2.0, 5.0, 15.0);
    d.alt = std::clamp(d.alt + (chance() - 0.5) * 10.0, 30.0, 120.0);

    const double travelled = std::min(d.speed * kWorldSecondsPerStep, returning ? distance : 1e9);
    const double rad = qDegreesToRadians(d.heading);
    d.lat += travelled * std::cos(rad) / kMetresPerDegreeLat;
    d.lon += travelled * std::sin(rad) / (kMetresPerDegreeLat * std::cos(qDegreesToRadians(kBaseLat)));
}

QJsonObject SimFleet::statusData(qsizetype i) const
{
    const Drone &d = m_drones.at(i);
    const auto round = [](double v, double step) { return std::round(v / step) * step; };
    return {
        {QLatin1StringView("state"), stateName(d.state)},
        {QLatin1StringView("battery"), round(d.battery, 0.1)},
        {QLatin1StringView("location"),
         QJsonObject {{QLatin1StringView("lat"), round(d.lat, 1e-6)},
                      {QLatin1StringView("lon"), round(d.lon, 1e-6)},
                      {QLatin1StringView("alt"), round(d.alt, 0.1)}}},
        {QLatin1StringView("speed"), round(d.speed, 0.1)},
    };
}

QJsonObject SimFleet::snapshotItem(qsizetype i) const
{
    QJsonObject item = statusData(i);
    item.insert(QLatin1StringView("serial"), m_drones.at(i).serial);
    item.insert(QLatin1StringView("timestamp"), m_drones.at(i).reportedAt.toString(Qt::ISODateWithMs));
    return item;
}

QString SimFleet::stateName(State state)
{
    switch (state) {
    case State::Idle:
        return QStringLiteral("idle");
    case State::Flying:
        return QStringLiteral("flying");
    case State::Charging:
        return QStringLiteral("charging");
    case State::Maintenance:
        return QStringLiteral("maintenance");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Error:
        return QStringLiteral("error");
    }
    return {};
}
