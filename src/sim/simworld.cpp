#include "simworld.h"

#include "wiretime.h"

#include <algorithm>

namespace {

constexpr qint64 kDroneReportMs = 5000; // cadences from the fleet dashboards this stands in for
constexpr qint64 kHealthMs = 5000;
constexpr qint64 kAlertMs = 10000;
// The lines report each machine on its own beat within SimLines::kReportMs;
// stepping them four times a second keeps those beats spread and on time.
constexpr qint64 kLinesMs = 250;
constexpr qint64 kChatterPeriodMs = 5000;
constexpr qint64 kBreakdownPeriodMs = 60000;

// Advances a cadence: true when `next` is due, which then moves to the
// following period (missed periods are skipped, not caught up in a burst).
bool due(qint64 &next, qint64 now, qint64 period)
{
    if (now < next)
        return false;
    next += period * ((now - next) / period + 1);
    return true;
}

} // namespace

SimWorld::SimWorld(const SimOptions &options)
    : m_options(options)
    , m_fleet(options.drones, options.seed)
    , m_lines(options.machines, options.seed + 1)
    , m_plant(options.tiles, options.seed + 2, options.commandFailureRate)
    , m_random(options.seed ^ 0x5eedu)
{
    // Spread the reports over the period: real drones do not report in step.
    m_nextDroneReportMs.resize(m_fleet.size());
    for (qsizetype i = 0; i < m_fleet.size(); ++i)
        m_nextDroneReportMs[i] = kDroneReportMs * (i + 1) / std::max<qsizetype>(1, m_fleet.size());
    m_nextHealthMs = kHealthMs;
    m_nextAlertMs = kAlertMs;
    m_nextLinesMs = kLinesMs;
    m_nextStreamMs = kStreamSampleMs;
    m_health = {{QLatin1StringView("cpu"), m_cpu},
                {QLatin1StringView("memory"), m_memory},
                {QLatin1StringView("storage"), m_storage}};
}

const QStringList &SimWorld::scenarios()
{
    static const QStringList names = {
        QStringLiteral("alarm-flood"),
        QStringLiteral("chattering-sensor"),
        QStringLiteral("machine-breakdown"),
    };
    return names;
}

PlantEvents SimWorld::advance(qint64 worldMs, const QDateTime &wallNow)
{
    m_worldMs = worldMs;
    PlantEvents events;
    for (qsizetype i = 0; i < m_fleet.size(); ++i) {
        if (due(m_nextDroneReportMs[i], worldMs, kDroneReportMs))
            events.append(m_fleet.step(i, worldMs, wallNow));
    }
    // The plant runs on every call: command delays are fractions of a second.
    // The server calls 20 times a wall-clock second, faster than a console
    // can use a stream, so the stream is sampled at most every 200 ms of
    // world time (and at every step when --rate makes steps longer).
    events.append(m_plant.step(worldMs, wallNow));
    if (due(m_nextStreamMs, worldMs, kStreamSampleMs))
        events.append(m_plant.streamSample(wallNow));
    if (due(m_nextLinesMs, worldMs, kLinesMs))
        events.append(m_lines.step(worldMs, wallNow));
    events.append(runScenario(worldMs, wallNow));
    if (due(m_nextHealthMs, worldMs, kHealthMs))
        events.append(stepHealth(wallNow));
    if (due(m_nextAlertMs, worldMs, kAlertMs))
        events.append(systemAlert(wallNow));
    return events;
}

PlantConditions SimWorld::conditions() const
{
    PlantConditions all = m_fleet.conditions();
    all.append(m_lines.conditions());
    all.append(m_plant.conditions());
    if (m_options.scenarios.contains(u"chattering-sensor")) {
        all.append({QStringLiteral("system:VS-7:vibration"), m_chatterActive, QStringLiteral("medium"),
                    QStringLiteral("Vibration sensor VS-7 on line L1 above its limit"), QStringLiteral("system"),
                    QStringLiteral("VS-7")});
    }
    return all;
}

PlantEvents SimWorld::runScenario(qint64 worldMs, const QDateTime &wallNow)
{
    PlantEvents events;
    // Two seconds in, a third of the fleet runs low at once.
    if (m_options.scenarios.contains(u"alarm-flood") && !m_floodDone && worldMs >= 2000) {
        m_floodDone = true;
        for (qsizetype i = 0; i < m_fleet.size(); i += 3)
            events.append(m_fleet.forceBattery(m_fleet.drone(i).serial, 8.0, worldMs, wallNow));
    }
    // A sensor flapping across its limit every five seconds.
    if (m_options.scenarios.contains(u"chattering-sensor"))
        m_chatterActive = (worldMs / kChatterPeriodMs) % 2 == 1;
    // Three seconds in, and every minute after, the next machine breaks down.
    if (m_options.scenarios.contains(u"machine-breakdown") && m_lines.size() > 0
        && due(m_nextBreakdownMs, worldMs, kBreakdownPeriodMs)) {
        const QString machineId = m_lines.machine(m_breakdowns++ % m_lines.size()).id;
        events.append(m_lines.forceBreakdown(machineId, worldMs, wallNow));
    }
    return events;
}

CommandSubmission SimWorld::submitCommand(const QString &commandId, const QString &endpointId, const QJsonValue &value,
                                          const QString &operatorName, const QDateTime &wallNow,
                                          const QDateTime &expiresAt)
{
    return m_plant.submitCommand(commandId, endpointId, value, operatorName, m_worldMs, wallNow, expiresAt);
}

PlantEvents SimWorld::stepHealth(const QDateTime &wallNow)
{
    const auto drift = [this](double v, double spread, double lo, double hi) {
        return std::clamp(v + (m_random.generateDouble() - 0.5) * spread, lo, hi);
    };
    m_cpu = drift(m_cpu, 12.0, 3.0, 97.0);
    m_memory = drift(m_memory, 4.0, 20.0, 92.0);
    m_storage = std::min(95.0, m_storage + m_random.generateDouble() * 0.02);
    const auto round1 = [](double v) { return std::round(v * 10.0) / 10.0; };
    m_health = {{QLatin1StringView("cpu"), round1(m_cpu)},
                {QLatin1StringView("memory"), round1(m_memory)},
                {QLatin1StringView("storage"), round1(m_storage)}};
    QJsonObject body = m_health;
    body.insert(QLatin1StringView("type"), QStringLiteral("system_health"));
    body.insert(QLatin1StringView("timestamp"), wireTimestamp(wallNow));
    return {{QStringLiteral("health"), {}, body}};
}

PlantEvent SimWorld::systemAlert(const QDateTime &wallNow)
{
    struct Alert
    {
        const char *level;
        const char *message;
    };
    static constexpr Alert kAlerts[] = {
        {"info", "Nightly backup of the fleet database completed"},
        {"info", "Firmware 4.2.1 available for the charging pads"},
        {"warning", "Wind gusts above 12 m/s reported at the north field"},
        {"warning", "Charging pad 3 reports a slow charge rate"},
        {"error", "Telemetry relay 2 restarted after a watchdog timeout"},
    };
    const Alert &a = kAlerts[m_random.bounded(int(std::size(kAlerts)))];
    // Alerts are notifications: they travel with the alarms.
    return {QStringLiteral("alarms"),
            {},
            {{QLatin1StringView("type"), QStringLiteral("system_alert")},
             {QLatin1StringView("level"), QLatin1StringView(a.level)},
             {QLatin1StringView("message"), QLatin1StringView(a.message)},
             {QLatin1StringView("timestamp"), wireTimestamp(wallNow)}}};
}

QJsonArray SimWorld::snapshot(const QString &channel, const QSet<QString> &keys) const
{
    const auto filtered = [&keys](const QJsonArray &all, QLatin1StringView keyField) {
        if (keys.isEmpty())
            return all;
        QJsonArray out;
        for (const auto &item : all) {
            if (keys.contains(item.toObject().value(keyField).toString()))
                out.append(item);
        }
        return out;
    };
    QJsonArray items;
    if (channel == u"drones") {
        for (qsizetype i = 0; i < m_fleet.size(); ++i) {
            if (keys.isEmpty() || keys.contains(m_fleet.drone(i).serial))
                items.append(m_fleet.snapshotItem(i));
        }
    } else if (channel == u"drone_detail") {
        for (qsizetype i = 0; i < m_fleet.size(); ++i) {
            if (keys.isEmpty() || keys.contains(m_fleet.drone(i).serial))
                items.append(m_fleet.detailItem(i));
        }
    } else if (channel == u"machines") {
        items = filtered(m_lines.machinesSnapshot(), QLatin1StringView("machineId"));
    } else if (channel == u"maintenance") {
        items = filtered(m_lines.ticketsSnapshot(), QLatin1StringView("machineId"));
    } else if (channel == u"tiles") {
        items = filtered(m_plant.tilesSnapshot(), QLatin1StringView("tileId"));
    } else if (channel == u"telemetry" || channel == u"endpoint_stream") {
        items = m_plant.telemetrySnapshot(QStringList(keys.cbegin(), keys.cend()));
    } else if (channel == u"commands") {
        // A console asking for particular commands gets their current
        // status; otherwise the commands under way and the latest finished.
        if (keys.isEmpty())
            items = m_plant.commandsSnapshot();
        for (const QString &id : keys) {
            const QJsonObject status = m_plant.commandStatus(id);
            if (!status.isEmpty())
                items.append(status);
        }
    } else if (channel == u"health") {
        items.append(m_health);
    }
    return items;
}
