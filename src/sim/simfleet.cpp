#include "simfleet.h"

#include "wiretime.h"

#include <QtMath>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr double kMetresPerDegreeLat = 111'320.0;
constexpr double kPatrolRadiusMetres = 2'000.0;
constexpr double kReturnBatteryPercent = 25.0;
constexpr double kBatteryLowPercent = 20.0;
constexpr double kBatteryVeryLowPercent = 10.0;
constexpr double kHealthSeconds = 60.0; // how fast health settles after a change of state
constexpr double kHealthReportPercent = 1.0;
constexpr double kHealthReportDegrees = 0.5;

constexpr std::array kMissions {
    QLatin1StringView("Perimeter patrol"),   QLatin1StringView("Roof inspection"),
    QLatin1StringView("Solar array survey"), QLatin1StringView("Stockyard inventory"),
    QLatin1StringView("Pipeline check"),     QLatin1StringView("Fence line survey"),
};

double roundTo(double v, double step)
{
    return std::round(v / step) * step;
}

// The per-slice chance of something that happens `perFiveSeconds` of the
// time in five seconds, so slices of any length give the same rates.
double scaled(double perFiveSeconds, double seconds)
{
    return perFiveSeconds * seconds / 5.0;
}

SimFleet::Health healthTarget(SimFleet::State state)
{
    switch (state) {
    case SimFleet::State::Flying:
        return {65.0, 60.0, 0.0, 48.0};
    case SimFleet::State::Charging:
        return {15.0, 40.0, 0.0, 33.0};
    case SimFleet::State::Maintenance:
        return {25.0, 45.0, 0.0, 27.0};
    case SimFleet::State::Error:
        return {90.0, 80.0, 0.0, 62.0};
    case SimFleet::State::Idle:
    case SimFleet::State::Offline:
        break;
    }
    return {10.0, 35.0, 0.0, 24.0};
}

int totalAssemblies()
{
    int total = 0;
    for (qsizetype s = 0; s + 1 < SimFleet::stageNames().size(); ++s)
        total += int(SimFleet::assemblyNames(int(s)).size());
    return total;
}

int doneStage()
{
    return int(SimFleet::stageNames().size()) - 1;
}

} // namespace

SimFleet::SimFleet(int droneCount, quint32 seed, const QDateTime &wallStart)
    : m_random(seed)
{
    m_drones.reserve(droneCount);
    for (int i = 0; i < droneCount; ++i) {
        Drone d;
        d.serial = QStringLiteral("WF-D%1").arg(i + 1, 4, 10, QLatin1Char('0'));
        d.battery = 40.0 + 60.0 * chance();
        d.lat = kBaseLat + (chance() - 0.5) * 0.01;
        d.lon = kBaseLon + (chance() - 0.5) * 0.015;
        d.heading = 360.0 * chance();
        d.reportedAt = wallStart;
        d.build.stage = doneStage();
        d.build.finishedAt = wallStart;
        d.build.minutesPerAssembly = 1.5 + 2.5 * chance();
        const double pick = chance();
        if (pick < 0.45) {
            takeOff(d);
            d.alt = 40.0 + 60.0 * chance();
            d.speed = 6.0 + 8.0 * chance();
            d.mission.progress = 80.0 * chance();
        } else if (pick < 0.6) {
            d.state = State::Charging;
            d.battery = 10.0 + 50.0 * chance();
        } else if (pick < 0.75) {
            d.state = State::Idle;
        } else {
            d.state = State::Maintenance;
            // Most drones on the bench are still being built; the rest are in repair.
            if (pick < 0.95) {
                d.build.stage = int(m_random.bounded(doneStage()));
                d.build.assembly = int(m_random.bounded(int(assemblyNames(d.build.stage).size())));
                d.build.assemblyDone = chance();
                d.build.finishedAt = {};
            }
        }
        const Health target = healthTarget(d.state);
        d.health = {target.cpu * (0.8 + 0.4 * chance()), target.memory * (0.8 + 0.4 * chance()), 20.0 + 40.0 * chance(),
                    target.temperature + (chance() - 0.5) * 4.0};
        m_drones.append(d);
    }
    for (qsizetype i = 0; i < m_drones.size(); ++i) {
        QJsonObject build = buildData(i);
        build.remove(QLatin1StringView("eta"));
        m_reported.append({build, m_drones.at(i).health, operationData(i)});
    }
}

qsizetype SimFleet::indexOf(const QString &serial) const
{
    for (qsizetype i = 0; i < m_drones.size(); ++i) {
        if (m_drones.at(i).serial == serial)
            return i;
    }
    return -1;
}

PlantEvents SimFleet::step(qsizetype i, qint64 nowMs, const QDateTime &wallNow)
{
    advance(m_drones[i], nowMs, wallNow);
    return report(i, wallNow);
}

PlantEvents SimFleet::forceState(const QString &serial, State state, qint64 nowMs, const QDateTime &wallNow)
{
    const qsizetype i = indexOf(serial);
    if (i < 0)
        return {};
    Drone &d = m_drones[i];
    advance(d, nowMs, wallNow);
    if (state == State::Flying) {
        if (d.state != State::Flying)
            takeOff(d);
    } else {
        d.state = state;
        d.speed = 0.0;
        if (state != State::Error)
            d.alt = 0.0;
        if (d.mission.status == MissionStatus::Started)
            endMission(d, state == State::Error ? MissionStatus::Aborted : MissionStatus::Paused);
    }
    return report(i, wallNow);
}

PlantEvents SimFleet::forceBattery(const QString &serial, double percent, qint64 nowMs, const QDateTime &wallNow)
{
    const qsizetype i = indexOf(serial);
    if (i < 0)
        return {};
    advance(m_drones[i], nowMs, wallNow);
    m_drones[i].battery = std::clamp(percent, 0.0, 100.0);
    return report(i, wallNow);
}

void SimFleet::advance(Drone &d, qint64 nowMs, const QDateTime &wallNow)
{
    while (d.steppedMs < nowMs) {
        const qint64 slice = std::min<qint64>(nowMs - d.steppedMs, qint64(kWorldSecondsPerSlice * 1000.0));
        d.steppedMs += slice;
        advanceSlice(d, double(slice) / 1000.0, wallNow);
    }
}

void SimFleet::advanceSlice(Drone &d, double seconds, const QDateTime &wallNow)
{
    const State before = d.state;
    switch (d.state) {
    case State::Flying:
        fly(d, seconds);
        break;
    case State::Charging:
        d.battery = std::min(100.0, d.battery + scaled(1.5 + chance(), seconds));
        if (d.battery >= 95.0)
            d.state = State::Idle;
        break;
    case State::Idle:
        d.battery = std::max(0.0, d.battery - scaled(0.01, seconds));
        if (chance() < scaled(0.004, seconds))
            d.state = State::Offline;
        else if (d.battery > 50.0 && chance() < scaled(0.15, seconds))
            takeOff(d);
        else if (d.battery < 50.0)
            d.state = State::Charging;
        break;
    case State::Maintenance:
        if (d.build.stage < doneStage())
            buildOn(d, seconds, wallNow);
        else if (chance() < scaled(0.08, seconds))
            d.state = State::Idle;
        break;
    case State::Offline:
        if (chance() < scaled(0.1, seconds))
            d.state = State::Idle;
        break;
    case State::Error:
        if (chance() < scaled(0.05, seconds)) {
            d.state = State::Maintenance;
            d.alt = 0.0; // recovered to the bench
        }
        break;
    }
    // An offline drone reports nothing, so its health stands still.
    if (before != State::Offline)
        driftHealth(d, seconds);
}

void SimFleet::fly(Drone &d, double seconds)
{
    d.battery = std::max(0.0, d.battery - scaled(0.3 + 0.4 * chance(), seconds));
    if (chance() < scaled(0.002, seconds)) {
        d.state = State::Error;
        d.speed = 0.0;
        endMission(d, MissionStatus::Aborted);
        return;
    }

    if (d.mission.status == MissionStatus::Started) {
        d.mission.progress = std::min(100.0, d.mission.progress + 100.0 * seconds / (d.mission.minutes * 60.0));
        if (d.mission.progress >= 100.0)
            endMission(d, MissionStatus::Completed);
        else if (d.battery < kReturnBatteryPercent)
            endMission(d, MissionStatus::Paused); // resumed after charging
    }

    const double northM = (d.lat - kBaseLat) * kMetresPerDegreeLat;
    const double eastM = (d.lon - kBaseLon) * kMetresPerDegreeLat * std::cos(qDegreesToRadians(kBaseLat));
    const double distance = std::hypot(northM, eastM);
    const bool returning = d.battery < kReturnBatteryPercent || d.mission.status != MissionStatus::Started;

    if (returning && distance < 30.0) {
        d.state = State::Charging;
        d.alt = 0.0;
        d.speed = 0.0;
        d.lat = kBaseLat;
        d.lon = kBaseLon;
        return;
    }
    if (returning || distance > kPatrolRadiusMetres) {
        d.heading = std::fmod(qRadiansToDegrees(std::atan2(-eastM, -northM)) + 360.0, 360.0);
    } else {
        d.heading = std::fmod(d.heading + (chance() - 0.5) * 40.0 + 360.0, 360.0);
    }
    d.speed = std::clamp(d.speed + (chance() - 0.5) * 2.0, 5.0, 15.0);
    d.alt = std::clamp(d.alt + (chance() - 0.5) * 10.0, 30.0, 120.0);

    // Stop over the pad rather than overshoot it.
    const double travelled = std::min(d.speed * seconds, returning ? distance : 1e9);
    const double rad = qDegreesToRadians(d.heading);
    d.lat += travelled * std::cos(rad) / kMetresPerDegreeLat;
    d.lon += travelled * std::sin(rad) / (kMetresPerDegreeLat * std::cos(qDegreesToRadians(kBaseLat)));
}

void SimFleet::buildOn(Drone &d, double seconds, const QDateTime &wallNow)
{
    Build &b = d.build;
    b.assemblyDone += seconds / 60.0 / b.minutesPerAssembly;
    while (b.assemblyDone >= 1.0) {
        b.assemblyDone -= 1.0;
        if (++b.assembly >= assemblyNames(b.stage).size()) {
            b.assembly = 0;
            ++b.stage;
        }
        if (b.stage == doneStage()) {
            b.assemblyDone = 0.0;
            b.finishedAt = wallNow;
            d.state = State::Idle;
            return;
        }
    }
}

void SimFleet::driftHealth(Drone &d, double seconds)
{
    const Health target = healthTarget(d.state);
    const double pull = 1.0 - std::exp(-seconds / kHealthSeconds);
    const double noise = std::sqrt(seconds / 5.0);
    Health &h = d.health;
    h.cpu = std::clamp(h.cpu + (target.cpu - h.cpu) * pull + (chance() - 0.5) * 8.0 * noise, 0.0, 100.0);
    h.memory = std::clamp(h.memory + (target.memory - h.memory) * pull + (chance() - 0.5) * 2.0 * noise, 0.0, 100.0);
    h.temperature = std::clamp(
        h.temperature + (target.temperature - h.temperature) * pull + (chance() - 0.5) * 1.0 * noise, -20.0, 85.0);
    // Flight logs fill the storage; they are offloaded on the pad.
    if (d.state == State::Flying)
        h.storage = std::min(100.0, h.storage + 0.02 * seconds);
    else if (d.state == State::Charging)
        h.storage = std::max(15.0, h.storage - 0.1 * seconds);
}

void SimFleet::takeOff(Drone &d)
{
    d.state = State::Flying;
    d.alt = 40.0;
    d.speed = 8.0;
    if (d.mission.status == MissionStatus::Paused) {
        d.mission.status = MissionStatus::Started;
        return;
    }
    d.mission.name = kMissions.at(m_random.bounded(int(kMissions.size()))) + QLatin1StringView(" #")
        + QString::number(m_nextMission++);
    d.mission.status = MissionStatus::Started;
    d.mission.progress = 0.0;
    d.mission.minutes = 5.0 + 10.0 * chance();
}

void SimFleet::endMission(Drone &d, MissionStatus status)
{
    if (d.mission.status == MissionStatus::Started || d.mission.status == MissionStatus::Paused)
        d.mission.status = status;
}

PlantEvents SimFleet::report(qsizetype i, const QDateTime &wallNow)
{
    m_drones[i].reportedAt = wallNow;
    Reported &last = m_reported[i];
    const QString drones = QStringLiteral("drones");
    const QString detail = QStringLiteral("drone_detail");
    PlantEvents events {droneUpdate(drones, i, QStringLiteral("status"), statusData(i), wallNow)};

    // The eta moves with the clock; only real progress is worth an event.
    QJsonObject build = buildData(i);
    QJsonObject buildProgress = build;
    buildProgress.remove(QLatin1StringView("eta"));
    if (buildProgress != last.build) {
        const auto stage = QLatin1StringView("stage");
        const bool milestone = buildProgress.value(stage) != last.build.value(stage);
        last.build = buildProgress;
        events.append(droneUpdate(detail, i, QStringLiteral("build_progress"), build, wallNow));
        if (milestone)
            events.append(droneUpdate(drones, i, QStringLiteral("build_progress"), build, wallNow));
    }

    const Health &h = m_drones.at(i).health;
    if (std::abs(h.cpu - last.health.cpu) >= kHealthReportPercent
        || std::abs(h.memory - last.health.memory) >= kHealthReportPercent
        || std::abs(h.storage - last.health.storage) >= kHealthReportPercent
        || std::abs(h.temperature - last.health.temperature) >= kHealthReportDegrees) {
        last.health = h;
        events.append(droneUpdate(detail, i, QStringLiteral("system_health"), healthData(i), wallNow));
    }

    const QJsonObject operation = operationData(i);
    if (operation != last.operation) {
        last.operation = operation;
        events.append(droneUpdate(drones, i, QStringLiteral("operation"), operation, wallNow));
    }
    return events;
}

PlantEvent SimFleet::droneUpdate(const QString &channel, qsizetype i, const QString &kind, const QJsonObject &data,
                                 const QDateTime &wallNow) const
{
    const QString &serial = m_drones.at(i).serial;
    return {channel,
            serial,
            {{QLatin1StringView("type"), QStringLiteral("drone_update")},
             {QLatin1StringView("serial"), serial},
             {QLatin1StringView("kind"), kind},
             {QLatin1StringView("data"), data},
             {QLatin1StringView("timestamp"), wireTimestamp(wallNow)}}};
}

QJsonObject SimFleet::statusData(qsizetype i) const
{
    const Drone &d = m_drones.at(i);
    return {
        {QLatin1StringView("state"), stateName(d.state)},
        {QLatin1StringView("battery"), roundTo(d.battery, 0.1)},
        {QLatin1StringView("location"),
         QJsonObject {{QLatin1StringView("lat"), roundTo(d.lat, 1e-6)},
                      {QLatin1StringView("lon"), roundTo(d.lon, 1e-6)},
                      {QLatin1StringView("alt"), roundTo(d.alt, 0.1)}}},
        {QLatin1StringView("speed"), roundTo(d.speed, 0.1)},
    };
}

QJsonObject SimFleet::buildData(qsizetype i) const
{
    const Drone &d = m_drones.at(i);
    const Build &b = d.build;
    const bool done = b.stage >= doneStage();
    int assembliesDone = 0;
    for (int s = 0; s < b.stage && s < doneStage(); ++s)
        assembliesDone += int(assemblyNames(s).size());
    const double finished = done ? totalAssemblies() : assembliesDone + b.assembly + b.assemblyDone;
    const double remainingMinutes = (totalAssemblies() - finished) * b.minutesPerAssembly;
    const QDateTime eta = done ? b.finishedAt : d.reportedAt.addMSecs(qint64(remainingMinutes * 60'000.0));
    return {
        {QLatin1StringView("percent"), done ? 100 : std::min(99, int(100.0 * finished / totalAssemblies()))},
        {QLatin1StringView("stage"), stageNames().at(b.stage)},
        {QLatin1StringView("assembly"), done ? QString() : assemblyNames(b.stage).at(b.assembly)},
        {QLatin1StringView("eta"), wireTimestamp(eta)},
    };
}

QJsonObject SimFleet::healthData(qsizetype i) const
{
    const Health &h = m_drones.at(i).health;
    return {
        {QLatin1StringView("cpu"), roundTo(h.cpu, 0.1)},
        {QLatin1StringView("memory"), roundTo(h.memory, 0.1)},
        {QLatin1StringView("storage"), roundTo(h.storage, 0.1)},
        {QLatin1StringView("temperature"), roundTo(h.temperature, 0.1)},
    };
}

QJsonObject SimFleet::operationData(qsizetype i) const
{
    const Mission &m = m_drones.at(i).mission;
    if (m.status == MissionStatus::None)
        return {};
    return {
        {QLatin1StringView("mission"), m.name},
        {QLatin1StringView("status"), missionStatusName(m.status)},
        {QLatin1StringView("progress"), int(m.progress)},
    };
}

QJsonObject SimFleet::snapshotItem(qsizetype i) const
{
    QJsonObject item = statusData(i);
    item.insert(QLatin1StringView("serial"), m_drones.at(i).serial);
    item.insert(QLatin1StringView("timestamp"), wireTimestamp(m_drones.at(i).reportedAt));
    item.insert(QLatin1StringView("build"), buildData(i));
    item.insert(QLatin1StringView("health"), healthData(i));
    const QJsonObject operation = operationData(i);
    item.insert(QLatin1StringView("operation"), operation.isEmpty() ? QJsonValue() : QJsonValue(operation));
    return item;
}

QJsonObject SimFleet::detailItem(qsizetype i) const
{
    return {
        {QLatin1StringView("serial"), m_drones.at(i).serial},
        {QLatin1StringView("timestamp"), wireTimestamp(m_drones.at(i).reportedAt)},
        {QLatin1StringView("build"), buildData(i)},
        {QLatin1StringView("health"), healthData(i)},
    };
}

PlantConditions SimFleet::conditions() const
{
    PlantConditions out;
    out.reserve(m_drones.size() * 2);
    for (const Drone &d : m_drones) {
        out.append({QStringLiteral("drone:%1:battery_low").arg(d.serial), d.battery < kBatteryLowPercent,
                    d.battery < kBatteryVeryLowPercent ? QStringLiteral("high") : QStringLiteral("medium"),
                    QStringLiteral("battery of %1 at %2 %").arg(d.serial).arg(d.battery, 0, 'f', 1),
                    QStringLiteral("drone"), d.serial});
        out.append({QStringLiteral("drone:%1:error").arg(d.serial), d.state == State::Error, QStringLiteral("high"),
                    QStringLiteral("%1 reports an error").arg(d.serial), QStringLiteral("drone"), d.serial});
    }
    return out;
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

QString SimFleet::missionStatusName(MissionStatus status)
{
    switch (status) {
    case MissionStatus::None:
        break;
    case MissionStatus::Started:
        return QStringLiteral("started");
    case MissionStatus::Paused:
        return QStringLiteral("paused");
    case MissionStatus::Completed:
        return QStringLiteral("completed");
    case MissionStatus::Aborted:
        return QStringLiteral("aborted");
    }
    return {};
}

const QStringList &SimFleet::stageNames()
{
    static const QStringList names {
        QStringLiteral("frame"),   QStringLiteral("propulsion"), QStringLiteral("avionics"),
        QStringLiteral("payload"), QStringLiteral("test"),       QStringLiteral("done"),
    };
    return names;
}

const QStringList &SimFleet::assemblyNames(int stage)
{
    static const QList<QStringList> names {
        {QStringLiteral("arms"), QStringLiteral("body"), QStringLiteral("landing gear")},
        {QStringLiteral("motors"), QStringLiteral("ESCs"), QStringLiteral("propellers")},
        {QStringLiteral("flight controller"), QStringLiteral("GPS"), QStringLiteral("radio")},
        {QStringLiteral("gimbal"), QStringLiteral("camera")},
        {QStringLiteral("bench test"), QStringLiteral("flight test")},
        {},
    };
    return names.at(stage);
}
