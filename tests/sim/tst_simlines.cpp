#include "gateway/gatewaytestclock.h"
#include "simlines.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

const QStringList kStatuses {QStringLiteral("running"), QStringLiteral("idle"), QStringLiteral("down"),
                             QStringLiteral("maintenance")};
const QStringList kPriorities {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                               QStringLiteral("critical")};

QString type(const PlantEvent &e)
{
    return e.body.value(QLatin1StringView("type")).toString();
}

void checkMachineFields(const QJsonObject &b)
{
    QVERIFY(QRegularExpression(QStringLiteral("^M-\\d{3}$"))
                .match(b.value(QLatin1StringView("machineId")).toString())
                .hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("^(Press|CNC|Packer|Lathe|Welder|Mixer) \\d+$"))
                .match(b.value(QLatin1StringView("name")).toString())
                .hasMatch());
    QVERIFY(kStatuses.contains(b.value(QLatin1StringView("status")).toString()));
    QVERIFY(b.value(QLatin1StringView("utilization")).isDouble());
    const double utilization = b.value(QLatin1StringView("utilization")).toDouble();
    QVERIFY(utilization >= 0.0 && utilization <= 100.0);
    if (b.value(QLatin1StringView("status")).toString() != u"running")
        QCOMPARE(utilization, 0.0);
    QVERIFY(
        QRegularExpression(QStringLiteral("^L\\d+$")).match(b.value(QLatin1StringView("line")).toString()).hasMatch());
    QVERIFY(b.value(QLatin1StringView("producedCount")).isDouble());
    const double count = b.value(QLatin1StringView("producedCount")).toDouble();
    QVERIFY(count >= 0.0);
    QCOMPARE(count, std::floor(count));
}

// Checks one event against the wire contract; nowMs is when it was produced.
void checkEvent(const PlantEvent &e, qint64 nowMs)
{
    const QString t = type(e);
    QCOMPARE(e.body.value(QLatin1StringView("timestamp")).toString(), isoAt(nowMs));
    QCOMPARE(e.key, e.body.value(QLatin1StringView("machineId")).toString());
    if (t == u"machine_status_update") {
        QCOMPARE(e.channel, QStringLiteral("machines"));
        QCOMPARE(e.body.size(), 8);
        checkMachineFields(e.body);
    } else if (t == u"maintenance_alert") {
        QCOMPARE(e.channel, QStringLiteral("maintenance"));
        QCOMPARE(e.body.size(), 6);
        QVERIFY(QRegularExpression(QStringLiteral("^T-\\d{4}$"))
                    .match(e.body.value(QLatin1StringView("ticketId")).toString())
                    .hasMatch());
        QVERIFY(kPriorities.contains(e.body.value(QLatin1StringView("priority")).toString()));
        QVERIFY(!e.body.value(QLatin1StringView("description")).toString().isEmpty());
    } else if (t == u"ticket_status_change") {
        QCOMPARE(e.channel, QStringLiteral("maintenance"));
        QCOMPARE(e.body.size(), 6);
        const QString from = e.body.value(QLatin1StringView("oldStatus")).toString();
        const QString to = e.body.value(QLatin1StringView("newStatus")).toString();
        QVERIFY((from == u"open" && to == u"in_progress") || (from == u"in_progress" && to == u"resolved"));
        QVERIFY(QRegularExpression(QStringLiteral("^T-\\d{4}$"))
                    .match(e.body.value(QLatin1StringView("ticketId")).toString())
                    .hasMatch());
    } else {
        QFAIL(qPrintable(QStringLiteral("unexpected event type \"%1\"").arg(t)));
    }
}

QList<QJsonObject> bodies(const PlantEvents &events)
{
    QList<QJsonObject> out;
    for (const PlantEvent &e : events) {
        out.append(e.body);
        out.append(QJsonObject {{QLatin1StringView("channel"), e.channel}, {QLatin1StringView("key"), e.key}});
    }
    return out;
}

PlantCondition conditionOf(const SimLines &lines, const QString &id)
{
    const PlantConditions all = lines.conditions();
    const auto it = std::find_if(all.begin(), all.end(), [&id](const PlantCondition &c) { return c.id == id; });
    return it == all.end() ? PlantCondition {} : *it;
}

} // namespace

class TestSimLines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void machinesAreSpreadOverLines();
    void snapshotsHaveTheWireShape();
    void eventsHaveTheWireShape();
    void sameSeedSameEventsOtherSeedOthers();
    void machinesProduceOnlyWhileRunning();
    void forcedBreakdownRunsItsTicketToResolution();
    void forcedBreakdownNeedsAWorkingKnownMachine();
    void timeOnlyAdvancesFromTheArguments();
    void everyMachineReportsEveryPeriod();
};

void TestSimLines::machinesAreSpreadOverLines()
{
    SimLines lines(24, 7, kWallStart);
    QCOMPARE(lines.size(), 24);
    QHash<QString, int> perLine;
    QSet<QString> names;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const SimLines::Machine &m = lines.machine(i);
        QCOMPARE(m.id, QStringLiteral("M-%1").arg(i + 1, 3, 10, QLatin1Char('0')));
        ++perLine[m.line];
        names.insert(m.name);
        QVERIFY(m.status == SimLines::Status::Running || m.status == SimLines::Status::Idle);
    }
    QCOMPARE(names.size(), 24);
    QCOMPARE(perLine.size(), 4);
    for (int l = 1; l <= 4; ++l)
        QCOMPARE(perLine.value(QStringLiteral("L%1").arg(l)), 6);

    SimLines few(3, 7, kWallStart);
    for (qsizetype i = 0; i < few.size(); ++i)
        QCOMPARE(few.machine(i).line, QStringLiteral("L1"));
    QCOMPARE(SimLines(0, 7, kWallStart).size(), 0);
}

void TestSimLines::snapshotsHaveTheWireShape()
{
    SimLines lines(12, 3, kWallStart);
    const QJsonArray machines = lines.machinesSnapshot();
    QCOMPARE(machines.size(), 12);
    for (const QJsonValue &v : machines) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.size(), 7);
        QVERIFY(!o.contains(QLatin1StringView("type")));
        QCOMPARE(o.value(QLatin1StringView("timestamp")).toString(), isoAt(0));
        checkMachineFields(o);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(lines.ticketsSnapshot().isEmpty());

    lines.forceBreakdown(QStringLiteral("M-002"), 1000, wallAt(1000));
    const QJsonArray tickets = lines.ticketsSnapshot();
    QCOMPARE(tickets.size(), 1);
    const QJsonObject t = tickets.first().toObject();
    QCOMPARE(t.value(QLatin1StringView("ticketId")).toString(), QStringLiteral("T-0001"));
    QCOMPARE(t.value(QLatin1StringView("machineId")).toString(), QStringLiteral("M-002"));
    QVERIFY(kPriorities.contains(t.value(QLatin1StringView("priority")).toString()));
    QVERIFY(t.value(QLatin1StringView("description")).toString().endsWith(lines.machine(1).name));
    QCOMPARE(t.value(QLatin1StringView("status")).toString(), QStringLiteral("open"));
    const QJsonArray history = t.value(QLatin1StringView("history")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().toObject().value(QLatin1StringView("status")).toString(), QStringLiteral("open"));
    QCOMPARE(history.first().toObject().value(QLatin1StringView("timestamp")).toString(), isoAt(1000));
    QCOMPARE(lines.machinesSnapshot().at(1).toObject().value(QLatin1StringView("status")).toString(),
             QStringLiteral("down"));
    QCOMPARE(lines.machinesSnapshot().at(1).toObject().value(QLatin1StringView("timestamp")).toString(), isoAt(1000));
}

void TestSimLines::eventsHaveTheWireShape()
{
    SimLines lines(30, 11, kWallStart);
    QHash<QString, int> seen;
    QSet<QString> alertedTickets;
    for (qint64 now = 10'000; now <= 4 * 3600'000; now += 10'000) {
        const PlantEvents events = lines.step(now, wallAt(now));
        QSet<QString> updated;
        for (const PlantEvent &e : events) {
            checkEvent(e, now);
            if (QTest::currentTestFailed())
                return;
            ++seen[type(e)];
            if (type(e) == u"machine_status_update") {
                QVERIFY2(!updated.contains(e.key), "two machine_status_updates for one machine in one step");
                updated.insert(e.key);
            } else if (type(e) == u"maintenance_alert") {
                alertedTickets.insert(e.body.value(QLatin1StringView("ticketId")).toString());
            } else {
                QVERIFY(alertedTickets.contains(e.body.value(QLatin1StringView("ticketId")).toString()));
            }
        }
        // The snapshot after a step agrees with what the step said.
        for (const PlantEvent &e : events) {
            if (type(e) != u"machine_status_update")
                continue;
            QJsonObject expected = e.body;
            expected.remove(QLatin1StringView("type"));
            QCOMPARE(lines.machinesSnapshot().at(lines.indexOf(e.key)).toObject(), expected);
        }
    }
    // Four simulated hours of thirty machines see breakdowns, repairs and routine.
    QVERIFY(seen.value(QStringLiteral("machine_status_update")) > 100);
    QVERIFY(seen.value(QStringLiteral("maintenance_alert")) >= 3);
    QVERIFY(seen.value(QStringLiteral("ticket_status_change")) >= 4);
}

void TestSimLines::sameSeedSameEventsOtherSeedOthers()
{
    SimLines a(18, 42, kWallStart);
    SimLines b(18, 42, kWallStart);
    SimLines c(18, 43, kWallStart);
    QCOMPARE(a.machinesSnapshot(), b.machinesSnapshot());
    QVERIFY(a.machinesSnapshot() != c.machinesSnapshot());
    QList<QJsonObject> ea;
    QList<QJsonObject> eb;
    QList<QJsonObject> ec;
    for (qint64 now = 2'000; now <= 3600'000; now += 2'000) {
        ea += bodies(a.step(now, wallAt(now)));
        eb += bodies(b.step(now, wallAt(now)));
        ec += bodies(c.step(now, wallAt(now)));
        if (now == 600'000) {
            ea += bodies(a.forceBreakdown(QStringLiteral("M-005"), now, wallAt(now)));
            eb += bodies(b.forceBreakdown(QStringLiteral("M-005"), now, wallAt(now)));
        }
    }
    QVERIFY(ea.size() > 100);
    QCOMPARE(ea, eb);
    QVERIFY(ea != ec);
    QCOMPARE(a.ticketsSnapshot(), b.ticketsSnapshot());
    QCOMPARE(a.machinesSnapshot(), b.machinesSnapshot());
}

void TestSimLines::machinesProduceOnlyWhileRunning()
{
    SimLines lines(24, 5, kWallStart);
    QList<SimLines::Status> before;
    QList<qint64> counts;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        before.append(lines.machine(i).status);
        counts.append(qint64(lines.machine(i).produced));
    }
    QHash<SimLines::Status, int> stepsIn;
    qint64 producedByRunning = 0;
    for (qint64 now = 1'000; now <= 2 * 3600'000; now += 1'000) {
        lines.step(now, wallAt(now));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const qint64 count = qint64(lines.machine(i).produced);
            QVERIFY(count >= counts.at(i));
            if (before.at(i) != SimLines::Status::Running)
                QCOMPARE(count, counts.at(i));
            else
                producedByRunning += count - counts.at(i);
            ++stepsIn[before.at(i)];
            before[i] = lines.machine(i).status;
            counts[i] = count;
        }
    }
    // Every status was visited, so the check above covered each of them.
    QVERIFY(stepsIn.value(SimLines::Status::Idle) > 0);
    QVERIFY(stepsIn.value(SimLines::Status::Down) > 0);
    QVERIFY(stepsIn.value(SimLines::Status::Maintenance) > 0);
    QVERIFY(producedByRunning > 1000);
}

void TestSimLines::forcedBreakdownRunsItsTicketToResolution()
{
    SimLines lines(12, 9, kWallStart);
    const QString id = QStringLiteral("M-004");
    const QString conditionId = QStringLiteral("machine:M-004:down");
    QVERIFY(!conditionOf(lines, conditionId).active);

    const qint64 brokeAt = 5'000;
    const PlantEvents broke = lines.forceBreakdown(id, brokeAt, wallAt(brokeAt));
    QString ticketId;
    bool sawDown = false;
    for (const PlantEvent &e : broke) {
        checkEvent(e, brokeAt);
        if (e.key != id)
            continue;
        if (type(e) == u"maintenance_alert") {
            QVERIFY(ticketId.isEmpty());
            ticketId = e.body.value(QLatin1StringView("ticketId")).toString();
            QCOMPARE(e.channel, QStringLiteral("maintenance"));
            QCOMPARE(e.body.value(QLatin1StringView("machineId")).toString(), id);
        } else if (type(e) == u"machine_status_update") {
            QCOMPARE(e.body.value(QLatin1StringView("status")).toString(), QStringLiteral("down"));
            QCOMPARE(e.body.value(QLatin1StringView("utilization")).toDouble(), 0.0);
            sawDown = true;
        }
    }
    QVERIFY(sawDown);
    QCOMPARE(ticketId, QStringLiteral("T-0001"));
    QCOMPARE(lines.machine(lines.indexOf(id)).status, SimLines::Status::Down);
    const PlantCondition down = conditionOf(lines, conditionId);
    QVERIFY(down.active);
    QCOMPARE(down.severity, QStringLiteral("high"));
    QCOMPARE(down.sourceKind, QStringLiteral("machine"));
    QCOMPARE(down.sourceId, id);
    QVERIFY(down.message.contains(id));

    QStringList changes;
    qint64 resolvedAt = -1;
    for (qint64 now = brokeAt + 10'000; now <= brokeAt + 40 * 60'000 && resolvedAt < 0; now += 10'000) {
        const PlantEvents events = lines.step(now, wallAt(now));
        QString statusThisStep;
        for (const PlantEvent &e : events) {
            if (e.key == id && type(e) == u"machine_status_update")
                statusThisStep = e.body.value(QLatin1StringView("status")).toString();
        }
        for (const PlantEvent &e : events) {
            if (type(e) != u"ticket_status_change"
                || e.body.value(QLatin1StringView("ticketId")).toString() != ticketId)
                continue;
            checkEvent(e, now);
            QCOMPARE(e.key, id);
            const QString to = e.body.value(QLatin1StringView("newStatus")).toString();
            changes << e.body.value(QLatin1StringView("oldStatus")).toString() + u'>' + to;
            if (to == u"in_progress") {
                QCOMPARE(statusThisStep, QStringLiteral("maintenance"));
                QVERIFY(!conditionOf(lines, conditionId).active);
                const QJsonObject t = lines.ticketsSnapshot().first().toObject();
                QCOMPARE(t.value(QLatin1StringView("status")).toString(), QStringLiteral("in_progress"));
                QCOMPARE(t.value(QLatin1StringView("history")).toArray().size(), 2);
            } else {
                QVERIFY(statusThisStep == u"running" || statusThisStep == u"idle");
                resolvedAt = now;
            }
        }
        if (changes.isEmpty())
            QCOMPARE(lines.machine(lines.indexOf(id)).status, SimLines::Status::Down);
    }
    QCOMPARE(changes, QStringList({QStringLiteral("open>in_progress"), QStringLiteral("in_progress>resolved")}));
    // Repairs take minutes, not seconds.
    QVERIFY(resolvedAt - brokeAt >= 5 * 60'000);
    const SimLines::Status after = lines.machine(lines.indexOf(id)).status;
    QVERIFY(after == SimLines::Status::Running || after == SimLines::Status::Idle);
    QVERIFY(lines.machine(lines.indexOf(id)).ticketId.isEmpty());
    QVERIFY(!conditionOf(lines, conditionId).active);
    for (const QJsonValue &t : lines.ticketsSnapshot())
        QVERIFY(t.toObject().value(QLatin1StringView("ticketId")).toString() != ticketId);
}

void TestSimLines::forcedBreakdownNeedsAWorkingKnownMachine()
{
    SimLines lines(6, 2, kWallStart);
    QVERIFY(lines.forceBreakdown(QStringLiteral("M-999"), 0, kWallStart).isEmpty());
    QCOMPARE(lines.forceBreakdown(QStringLiteral("M-001"), 0, kWallStart).size(), 2);
    const PlantEvents again = lines.forceBreakdown(QStringLiteral("M-001"), 0, kWallStart);
    QVERIFY(again.isEmpty());
    QCOMPARE(lines.tickets().size(), 1);
    const PlantEvents other = lines.forceBreakdown(QStringLiteral("M-002"), 0, kWallStart);
    QCOMPARE(other.size(), 2);
    QCOMPARE(lines.tickets().size(), 2);
    QCOMPARE(lines.tickets().last().id, QStringLiteral("T-0002"));
    int active = 0;
    for (const PlantCondition &c : lines.conditions())
        active += c.active ? 1 : 0;
    QCOMPARE(active, 2);
    QCOMPARE(lines.conditions().size(), 6);
}

void TestSimLines::timeOnlyAdvancesFromTheArguments()
{
    SimLines lines(12, 4, kWallStart);
    const QJsonArray start = lines.machinesSnapshot();
    QVERIFY(lines.step(0, kWallStart).isEmpty());
    QCOMPARE(lines.machinesSnapshot(), start);
    lines.step(60'000, wallAt(60'000));
    const QJsonArray later = lines.machinesSnapshot();
    QVERIFY(later != start);
    // A step to the same or an earlier time changes nothing.
    QVERIFY(lines.step(60'000, wallAt(60'000)).isEmpty());
    QVERIFY(lines.step(30'000, wallAt(60'000)).isEmpty());
    QCOMPARE(lines.machinesSnapshot(), later);
}

void TestSimLines::everyMachineReportsEveryPeriod()
{
    SimLines lines(30, 6, kWallStart);
    QHash<QString, qint64> lastMs;
    QHash<QString, qint64> maxGap;
    int unchanged = 0;
    QHash<QString, QJsonObject> lastBody;
    const qint64 end = 20 * 60'000;
    for (qint64 now = 1'000; now <= end; now += 1'000) {
        int reports = 0;
        for (const PlantEvent &e : lines.step(now, wallAt(now))) {
            if (type(e) != u"machine_status_update")
                continue;
            ++reports;
            maxGap[e.key] = std::max(maxGap.value(e.key), now - lastMs.value(e.key));
            lastMs[e.key] = now;
            QJsonObject body = e.body;
            body.remove(QLatin1StringView("timestamp"));
            if (lastBody.value(e.key) == body)
                ++unchanged;
            lastBody[e.key] = body;
        }
        // Spread over the period, as many in each second.
        QVERIFY2(reports <= 30 / 5 + 1, qPrintable(QStringLiteral("%1 reports at %2 ms").arg(reports).arg(now)));
    }
    QCOMPARE(maxGap.size(), 30);
    for (auto it = maxGap.cbegin(); it != maxGap.cend(); ++it) {
        QVERIFY2(it.value() <= SimLines::kReportMs, qPrintable(it.key() + u' ' + QString::number(it.value())));
        QVERIFY2(end - lastMs.value(it.key()) < SimLines::kReportMs, qPrintable(it.key()));
    }
    // Idle and broken machines say so again and again: they are not lost.
    QVERIFY(unchanged > 100);

    // A step that jumps over periods reports each machine once, not once per period.
    const PlantEvents jump = lines.step(end + 60'000, wallAt(end + 60'000));
    QSet<QString> once;
    for (const PlantEvent &e : jump) {
        if (type(e) == u"machine_status_update") {
            QVERIFY(!once.contains(e.key));
            once.insert(e.key);
        }
    }
    QCOMPARE(once.size(), 30);
}

QTEST_GUILESS_MAIN(TestSimLines)
#include "tst_simlines.moc"
