#pragma once

#include "plantcondition.h"
#include "plantevent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

// The simulated production lines of the reference server: machines that run,
// idle, break down and get repaired through maintenance tickets. Pure: time
// comes only from the arguments, and the same seed and the same calls give the
// same events.
class SimLines
{
public:
    enum class Status { Running, Idle, Down, Maintenance };
    enum class Priority { Low, Medium, High, Critical };
    enum class TicketStatus { Open, InProgress, Resolved };

    struct Machine
    {
        QString id;
        QString name;
        QString line;
        Status status = Status::Idle;
        double utilization = 0.0; // percent
        double produced = 0.0; // fractional parts carry over between steps
        double partsPerMinute = 0.0; // at full utilization
        QString ticketId; // the open or in-progress ticket, if any
    };

    struct TicketChange
    {
        TicketStatus status = TicketStatus::Open;
        QDateTime at;
    };

    struct Ticket
    {
        QString id;
        QString machineId;
        Priority priority = Priority::Medium;
        QString description;
        TicketStatus status = TicketStatus::Open;
        qint64 nextChangeMs = 0; // world time of the next status change
        QList<TicketChange> history;
    };

    // Every machine reports its status this often (world time), changed or
    // not, so a console can tell a quiet machine from a lost one; the
    // machines' reports are spread evenly over the period.
    static constexpr qint64 kReportMs = 5000;

    SimLines(int machines, quint32 seed, const QDateTime &wallStart = QDateTime::currentDateTimeUtc());

    qsizetype size() const { return m_machines.size(); }
    const Machine &machine(qsizetype i) const { return m_machines.at(i); }
    qsizetype indexOf(const QString &machineId) const;
    const QList<Ticket> &tickets() const { return m_tickets; }

    // Advances the world to nowMs (world milliseconds, starting at 0) and
    // reports every machine whose report fell due (one report per machine
    // however many periods the step spans). Stepping at least once a second
    // keeps the spread.
    PlantEvents step(qint64 nowMs, const QDateTime &wallNow);
    // Advances to nowMs, then breaks a running or idle machine, opens its
    // ticket and reports the machine at once; nothing breaks when the machine
    // is unknown or already out of order.
    PlantEvents forceBreakdown(const QString &machineId, qint64 nowMs, const QDateTime &wallNow);

    QJsonArray machinesSnapshot() const;
    QJsonArray ticketsSnapshot() const; // open and in-progress tickets
    PlantConditions conditions() const;

    static QString statusName(Status status);
    static QString priorityName(Priority priority);
    static QString ticketStatusName(TicketStatus status);

private:
    void advance(qint64 nowMs, const QDateTime &wallNow, PlantEvents &events);
    void advanceMachine(Machine &m, double seconds);
    void breakDown(Machine &m, const QDateTime &wallNow, PlantEvents &events);
    void advanceTickets(qint64 untilMs, const QDateTime &wallNow, PlantEvents &events);
    PlantEvent statusEvent(const Machine &m, const QDateTime &wallNow) const;
    QJsonObject machineData(const Machine &m) const;
    double chance() { return m_random.generateDouble(); }

    QList<Machine> m_machines;
    QList<qint64> m_nextReportMs; // world time of each machine's next report
    QList<Ticket> m_tickets;
    QRandomGenerator m_random;
    qint64 m_nowMs = 0;
    QDateTime m_wallNow;
    int m_nextTicket = 1;
};
