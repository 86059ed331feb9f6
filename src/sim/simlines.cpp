#include "simlines.h"

#include "wiretime.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr int kMachinesPerLine = 6;
// Long steps are simulated in slices so that at most one transition happens
// to a machine per slice, as it would between two reports.
constexpr qint64 kSliceMs = 1000;
constexpr double kBreakdownsPerRunningSecond = 1.0 / (3.0 * 3600.0);
constexpr double kStopsPerRunningSecond = 1.0 / (40.0 * 60.0);
constexpr double kStartsPerIdleSecond = 1.0 / (5.0 * 60.0);
constexpr double kUtilizationTarget = 78.0;

struct MachineKind
{
    QLatin1StringView name;
    double partsPerMinute;
};

constexpr std::array kKinds {
    MachineKind {QLatin1StringView("Press"), 12.0},  MachineKind {QLatin1StringView("CNC"), 2.0},
    MachineKind {QLatin1StringView("Packer"), 30.0}, MachineKind {QLatin1StringView("Lathe"), 3.0},
    MachineKind {QLatin1StringView("Welder"), 6.0},  MachineKind {QLatin1StringView("Mixer"), 1.0},
};

constexpr std::array kFaults {
    QLatin1StringView("Hydraulic pressure loss"),
    QLatin1StringView("Spindle overheating"),
    QLatin1StringView("Feed jam"),
    QLatin1StringView("Motor overcurrent"),
    QLatin1StringView("Position sensor fault"),
    QLatin1StringView("Drive belt slipping"),
    QLatin1StringView("Coolant leak"),
    QLatin1StringView("Safety interlock tripped"),
};

double roundTo(double v, double step)
{
    return std::round(v / step) * step;
}

} // namespace

SimLines::SimLines(int machines, quint32 seed, const QDateTime &wallStart)
    : m_random(seed)
    , m_wallNow(wallStart)
{
    const int count = std::max(0, machines);
    const int lines = std::max(1, int(std::lround(double(count) / kMachinesPerLine)));
    std::array<int, kKinds.size()> perKind {};
    m_machines.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int k = int(m_random.bounded(int(kKinds.size())));
        const MachineKind &kind = kKinds.at(k);
        Machine m;
        m.id = QStringLiteral("M-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        m.name = kind.name + QLatin1Char(' ') + QString::number(++perKind.at(k));
        m.line = QStringLiteral("L%1").arg(i * lines / std::max(1, count) + 1);
        m.partsPerMinute = kind.partsPerMinute * (0.8 + 0.4 * chance());
        m.produced = std::floor(2000.0 * m.partsPerMinute * chance());
        if (chance() < 0.75) {
            m.status = Status::Running;
            m.utilization = 55.0 + 40.0 * chance();
        }
        m_machines.append(m);
        // Spread over the period: real machines do not report in step.
        m_nextReportMs.append(kReportMs * (i + 1) / count);
    }
}

qsizetype SimLines::indexOf(const QString &machineId) const
{
    for (qsizetype i = 0; i < m_machines.size(); ++i) {
        if (m_machines.at(i).id == machineId)
            return i;
    }
    return -1;
}

PlantEvents SimLines::step(qint64 nowMs, const QDateTime &wallNow)
{
    PlantEvents events;
    advance(nowMs, wallNow, events);
    for (qsizetype i = 0; i < m_machines.size(); ++i) {
        qint64 &next = m_nextReportMs[i];
        if (nowMs < next)
            continue;
        // Periods the step jumped over are skipped, not caught up in a burst.
        next += kReportMs * ((nowMs - next) / kReportMs + 1);
        events.append(statusEvent(m_machines.at(i), wallNow));
    }
    return events;
}

PlantEvents SimLines::forceBreakdown(const QString &machineId, qint64 nowMs, const QDateTime &wallNow)
{
    PlantEvents events;
    advance(nowMs, wallNow, events);
    const qsizetype i = indexOf(machineId);
    if (i >= 0) {
        Machine &m = m_machines[i];
        if (m.status == Status::Running || m.status == Status::Idle) {
            breakDown(m, wallNow, events);
            events.append(statusEvent(m, wallNow));
        }
    }
    return events;
}

void SimLines::advance(qint64 nowMs, const QDateTime &wallNow, PlantEvents &events)
{
    m_wallNow = wallNow;
    while (m_nowMs < nowMs) {
        const qint64 sliceEnd = std::min(nowMs, m_nowMs + kSliceMs);
        const double seconds = double(sliceEnd - m_nowMs) / 1000.0;
        m_nowMs = sliceEnd;
        for (Machine &m : m_machines) {
            advanceMachine(m, seconds);
            if (m.status == Status::Running && chance() < kBreakdownsPerRunningSecond * seconds)
                breakDown(m, wallNow, events);
        }
        // After the machines, so a machine back from repair starts producing
        // in the next slice, not in the one it spent under repair.
        advanceTickets(m_nowMs, wallNow, events);
    }
}

void SimLines::advanceMachine(Machine &m, double seconds)
{
    switch (m.status) {
    case Status::Running:
        m.produced += m.partsPerMinute * m.utilization / 100.0 * seconds / 60.0;
        m.utilization += (kUtilizationTarget - m.utilization) * std::min(1.0, seconds / 300.0)
            + (chance() - 0.5) * 3.0 * std::sqrt(seconds);
        m.utilization = std::clamp(m.utilization, 30.0, 100.0);
        if (chance() < kStopsPerRunningSecond * seconds) {
            m.status = Status::Idle;
            m.utilization = 0.0;
        }
        break;
    case Status::Idle:
        if (chance() < kStartsPerIdleSecond * seconds) {
            m.status = Status::Running;
            m.utilization = 50.0 + 30.0 * chance();
        }
        break;
    case Status::Down:
    case Status::Maintenance:
        break;
    }
}

void SimLines::breakDown(Machine &m, const QDateTime &wallNow, PlantEvents &events)
{
    const double pick = chance();
    const Priority priority = pick < 0.2 ? Priority::Low
        : pick < 0.6                     ? Priority::Medium
        : pick < 0.9                     ? Priority::High
                                         : Priority::Critical;
    // Urgent tickets get a technician sooner.
    const double responseMinutes = 1.0 + 4.0 * chance() / (1.0 + int(priority));

    Ticket t;
    t.id = QStringLiteral("T-%1").arg(m_nextTicket++, 4, 10, QLatin1Char('0'));
    t.machineId = m.id;
    t.priority = priority;
    t.description = kFaults.at(m_random.bounded(int(kFaults.size()))) + QLatin1StringView(" on ") + m.name;
    t.nextChangeMs = m_nowMs + qint64(responseMinutes * 60'000.0);
    t.history.append({TicketStatus::Open, wallNow});
    m_tickets.append(t);

    m.status = Status::Down;
    m.utilization = 0.0;
    m.ticketId = t.id;

    events.append({QStringLiteral("maintenance"),
                   m.id,
                   {{QLatin1StringView("type"), QStringLiteral("maintenance_alert")},
                    {QLatin1StringView("ticketId"), t.id},
                    {QLatin1StringView("machineId"), m.id},
                    {QLatin1StringView("priority"), priorityName(priority)},
                    {QLatin1StringView("description"), t.description},
                    {QLatin1StringView("timestamp"), wireTimestamp(wallNow)}}});
}

void SimLines::advanceTickets(qint64 untilMs, const QDateTime &wallNow, PlantEvents &events)
{
    for (auto it = m_tickets.begin(); it != m_tickets.end();) {
        Ticket &t = *it;
        if (t.nextChangeMs > untilMs) {
            ++it;
            continue;
        }
        Machine &m = m_machines[indexOf(t.machineId)];
        const TicketStatus old = t.status;
        if (old == TicketStatus::Open) {
            t.status = TicketStatus::InProgress;
            t.nextChangeMs += qint64((4.0 + 11.0 * chance()) * 60'000.0);
            m.status = Status::Maintenance;
        } else {
            t.status = TicketStatus::Resolved;
            m.ticketId.clear();
            if (chance() < 0.7) {
                m.status = Status::Running;
                m.utilization = 50.0 + 30.0 * chance();
            } else {
                m.status = Status::Idle;
            }
        }
        t.history.append({t.status, wallNow});
        events.append({QStringLiteral("maintenance"),
                       m.id,
                       {{QLatin1StringView("type"), QStringLiteral("ticket_status_change")},
                        {QLatin1StringView("ticketId"), t.id},
                        {QLatin1StringView("oldStatus"), ticketStatusName(old)},
                        {QLatin1StringView("newStatus"), ticketStatusName(t.status)},
                        {QLatin1StringView("machineId"), m.id},
                        {QLatin1StringView("timestamp"), wireTimestamp(wallNow)}}});
        if (t.status == TicketStatus::Resolved)
            it = m_tickets.erase(it);
        else
            ++it;
    }
}

PlantEvent SimLines::statusEvent(const Machine &m, const QDateTime &wallNow) const
{
    QJsonObject body = machineData(m);
    body.insert(QLatin1StringView("type"), QStringLiteral("machine_status_update"));
    body.insert(QLatin1StringView("timestamp"), wireTimestamp(wallNow));
    return {QStringLiteral("machines"), m.id, body};
}

QJsonObject SimLines::machineData(const Machine &m) const
{
    return {
        {QLatin1StringView("machineId"), m.id},
        {QLatin1StringView("name"), m.name},
        {QLatin1StringView("status"), statusName(m.status)},
        {QLatin1StringView("utilization"), roundTo(m.utilization, 0.1)},
        {QLatin1StringView("line"), m.line},
        {QLatin1StringView("producedCount"), qint64(m.produced)},
    };
}

QJsonArray SimLines::machinesSnapshot() const
{
    QJsonArray items;
    for (const Machine &m : m_machines) {
        QJsonObject item = machineData(m);
        item.insert(QLatin1StringView("timestamp"), wireTimestamp(m_wallNow));
        items.append(item);
    }
    return items;
}

QJsonArray SimLines::ticketsSnapshot() const
{
    QJsonArray items;
    for (const Ticket &t : m_tickets) {
        QJsonArray history;
        for (const TicketChange &c : t.history) {
            history.append(QJsonObject {{QLatin1StringView("status"), ticketStatusName(c.status)},
                                        {QLatin1StringView("timestamp"), wireTimestamp(c.at)}});
        }
        items.append(QJsonObject {
            {QLatin1StringView("ticketId"), t.id},
            {QLatin1StringView("machineId"), t.machineId},
            {QLatin1StringView("priority"), priorityName(t.priority)},
            {QLatin1StringView("description"), t.description},
            {QLatin1StringView("status"), ticketStatusName(t.status)},
            {QLatin1StringView("history"), history},
        });
    }
    return items;
}

PlantConditions SimLines::conditions() const
{
    PlantConditions out;
    out.reserve(m_machines.size());
    for (const Machine &m : m_machines) {
        out.append({QStringLiteral("machine:%1:down").arg(m.id), m.status == Status::Down, QStringLiteral("high"),
                    QStringLiteral("%1 (%2) on %3 is down").arg(m.name, m.id, m.line), QStringLiteral("machine"),
                    m.id});
    }
    return out;
}

QString SimLines::statusName(Status status)
{
    switch (status) {
    case Status::Running:
        return QStringLiteral("running");
    case Status::Idle:
        return QStringLiteral("idle");
    case Status::Down:
        return QStringLiteral("down");
    case Status::Maintenance:
        return QStringLiteral("maintenance");
    }
    return {};
}

QString SimLines::priorityName(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return QStringLiteral("low");
    case Priority::Medium:
        return QStringLiteral("medium");
    case Priority::High:
        return QStringLiteral("high");
    case Priority::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

QString SimLines::ticketStatusName(TicketStatus status)
{
    switch (status) {
    case TicketStatus::Open:
        return QStringLiteral("open");
    case TicketStatus::InProgress:
        return QStringLiteral("in_progress");
    case TicketStatus::Resolved:
        return QStringLiteral("resolved");
    }
    return {};
}
