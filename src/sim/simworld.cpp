#include "simworld.h"

#include <algorithm>

namespace {

constexpr qint64 kDroneReportMs = 5000;
constexpr qint64 kHealthMs = 5000;
constexpr qint64 kAlertMs = 10000;

QString iso(const QDateTime &t)
{
    return t.toString(Qt::ISODateWithMs);
}

} // namespace

SimWorld::SimWorld(const SimOptions &options)
    : m_options(options)
    , m_fleet(options.drones, options.seed)
    , m_random(options.seed ^ 0x5eedu)
{
    // Spread the reports over the period: real drones do not report in step.
    m_nextDroneReportMs.resize(m_fleet.size());
    for (qsizetype i = 0; i < m_fleet.size(); ++i)
        m_nextDroneReportMs[i] = kDroneReportMs * (i + 1) / std::max<qsizetype>(1, m_fleet.size());
    m_nextHealthMs = kHealthMs;
    m_nextAlertMs = kAlertMs;
    m_health = {{QLatin1StringView("cpu"), m_cpu},
                {QLatin1StringView("memory"), m_memory},
                {QLatin1StringView("storage"), m_storage}};
}

const QStringList &SimWorld::channels()
{
    static const QStringList names = {
        QStringLiteral("drones"),    QStringLiteral("machines"),    QStringLiteral("tiles"),
        QStringLiteral("telemetry"), QStringLiteral("alarms"),      QStringLiteral("commands"),
        QStringLiteral("health"),    QStringLiteral("maintenance"), QStringLiteral("presence"),
    };
    return names;
}

SimEvents SimWorld::advance(qint64 worldMs, const QDateTime &wallNow)
{
    SimEvents events;
    const QString timestamp = iso(wallNow);
    for (qsizetype i = 0; i < m_fleet.size(); ++i) {
        if (m_nextDroneReportMs.at(i) > worldMs)
            continue;
        m_fleet.step(i, wallNow);
        // Keep the phase; skip missed periods rather than bursting to catch up.
        m_nextDroneReportMs[i] += kDroneReportMs * ((worldMs - m_nextDroneReportMs.at(i)) / kDroneReportMs + 1);
        const QString serial = m_fleet.drone(i).serial;
        events.append({QStringLiteral("drones"),
                       serial,
                       {{QLatin1StringView("type"), QStringLiteral("drone_update")},
                        {QLatin1StringView("serial"), serial},
                        {QLatin1StringView("kind"), QStringLiteral("status")},
                        {QLatin1StringView("data"), m_fleet.statusData(i)},
                        {QLatin1StringView("timestamp"), timestamp}}});
    }
    if (worldMs >= m_nextHealthMs) {
        m_nextHealthMs += kHealthMs * ((worldMs - m_nextHealthMs) / kHealthMs + 1);
        events.append(stepHealth(wallNow));
    }
    if (worldMs >= m_nextAlertMs) {
        m_nextAlertMs += kAlertMs * ((worldMs - m_nextAlertMs) / kAlertMs + 1);
        events.append(systemAlert(wallNow));
    }
    return events;
}

SimEvents SimWorld::stepHealth(const QDateTime &wallNow)
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
    body.insert(QLatin1StringView("timestamp"), iso(wallNow));
    return {{QStringLiteral("health"), {}, body}};
}

SimEvent SimWorld::systemAlert(const QDateTime &wallNow)
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
             {QLatin1StringView("timestamp"), iso(wallNow)}}};
}

QJsonArray SimWorld::snapshot(const QString &channel, const QSet<QString> &keys) const
{
    QJsonArray items;
    if (channel == u"drones") {
        for (qsizetype i = 0; i < m_fleet.size(); ++i) {
            if (keys.isEmpty() || keys.contains(m_fleet.drone(i).serial))
                items.append(m_fleet.snapshotItem(i));
        }
    } else if (channel == u"health") {
        items.append(m_health);
    }
    return items;
}
