#include "model/metrichistory.h"
#include "model/staleness.h"
#include "model/tilecommandtracker.h"
#include "model/tileendpoint.h"

#include <QTest>

using Domain::EndpointValue;
using Domain::Telemetry;

namespace {

// One telemetry report, of good quality.
Domain::Telemetry reading(const QString &endpointId, const Domain::EndpointValue &value, const QString &unit,
                          const QDateTime &time)
{
    Domain::Telemetry t;
    t.endpointId = endpointId;
    t.value = value;
    t.unit = unit;
    t.timestamp = time;
    return t;
}

const QDateTime kBase(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Domain::Endpoint endpoint(const QString &id, const EndpointValue &value = {}, const QDateTime &time = {})
{
    Domain::Endpoint e;
    e.endpointId = id;
    e.name = QStringLiteral("Endpoint ") + id;
    e.valueType = Domain::ValueType::Number;
    e.unit = QStringLiteral("bar");
    e.value = value;
    e.timestamp = time;
    return e;
}

QList<int> roles(TileEndpoint::RoleMask mask)
{
    return TileEndpoint::rolesOf(mask);
}

} // namespace

// The live part of one control-panel endpoint, and the roles each change touches.
class TestTileEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listedWithTheSnapshotValue();
    void earlyTelemetryWinsUnlessTheSnapshotIsNewer();
    void updateNamesOnlyWhatChanged();
    void updateKeepsANewerValue();
    void telemetryChangesAndItsRoles();
    void carryKeepsTheValue();
    void pendingRolesOfCommandChanges();

private:
    qint64 m_now = 0;
    StalenessPolicy m_staleness;
    MetricHistory m_history;
};

void TestTileEndpoint::init()
{
    m_now = 1'000;
    m_staleness = StalenessPolicy();
    m_staleness.setClock([this] { return m_now; });
    m_staleness.setExpectedPeriodMs(1'000);
    m_history = MetricHistory();
}

void TestTileEndpoint::listedWithTheSnapshotValue()
{
    TileEndpoint e;
    e.list(endpoint(QStringLiteral("E1"), 2.5, kBase), {}, std::nullopt, m_staleness, m_history);
    QCOMPARE(e.meta.value, EndpointValue(2.5));
    QCOMPARE(e.meta.timestamp, kBase);
    QCOMPARE(e.heardMs, m_now);
    QVERIFY(!e.stale);
    QCOMPARE(e.unit(), QStringLiteral("bar"));
    QCOMPARE(m_history.sampleCount(QStringLiteral("E1"), TileModel::kHistoryMetric), 1);
    QCOMPARE(e.data(TileModel::ValueRole, m_staleness).toDouble(), 2.5);
    m_now += 300;
    QCOMPARE(e.data(TileModel::AgeRole, m_staleness).toLongLong(), qint64(300));
    // Pending roles are not the endpoint's own.
    QVERIFY(!e.data(TileModel::PendingCommandIdRole, m_staleness).isValid());
}

void TestTileEndpoint::earlyTelemetryWinsUnlessTheSnapshotIsNewer()
{
    OrphanBuffer::Entry early {reading(QStringLiteral("E1"), 7.0, QStringLiteral("kPa"), kBase.addSecs(5)), kBase, 0};
    TileEndpoint newer;
    newer.list(endpoint(QStringLiteral("E1"), 2.5, kBase), {}, early, m_staleness, m_history);
    QCOMPARE(newer.meta.value, EndpointValue(7.0));
    QCOMPARE(newer.telemetryUnit, QStringLiteral("kPa"));

    early.telemetry.timestamp = kBase.addSecs(-5);
    TileEndpoint older;
    older.list(endpoint(QStringLiteral("E2"), 2.5, kBase), {}, early, m_staleness, m_history);
    QCOMPARE(older.meta.value, EndpointValue(2.5));
    QVERIFY(older.telemetryUnit.isEmpty());

    // Without a value of the snapshot's own, the early one is taken, at its arrival time when it has none.
    early.telemetry.timestamp = {};
    TileEndpoint none;
    none.list(endpoint(QStringLiteral("E3")), {}, early, m_staleness, m_history);
    QCOMPARE(none.meta.value, EndpointValue(7.0));
    QCOMPARE(none.meta.timestamp, kBase);
}

void TestTileEndpoint::updateNamesOnlyWhatChanged()
{
    TileEndpoint e;
    e.list(endpoint(QStringLiteral("E1"), 1.0, kBase), {}, std::nullopt, m_staleness, m_history);
    QCOMPARE(e.update(endpoint(QStringLiteral("E1"), 1.0, kBase), {}, m_staleness, m_history),
             TileEndpoint::RoleMask(0));

    Domain::Endpoint changed = endpoint(QStringLiteral("E1"), 1.0, kBase);
    changed.name = QStringLiteral("Renamed");
    changed.writable = true;
    changed.max = 10.0;
    Domain::Interlock guard;
    guard.id = QStringLiteral("I1");
    guard.target = QStringLiteral("E1");
    const auto mask = e.update(changed, {guard}, m_staleness, m_history);
    QCOMPARE(roles(mask),
             (QList<int> {Qt::DisplayRole, TileModel::NameRole, TileModel::WritableRole, TileModel::MaxRole,
                          TileModel::InterlocksRole}));
    QCOMPARE(e.meta.name, QStringLiteral("Renamed"));
    QCOMPARE(e.data(TileModel::InterlocksRole, m_staleness).toList().size(), 1);
}

void TestTileEndpoint::updateKeepsANewerValue()
{
    TileEndpoint e;
    e.list(endpoint(QStringLiteral("E1"), 1.0, kBase), {}, std::nullopt, m_staleness, m_history);
    // An older snapshot value changes nothing.
    QCOMPARE(e.update(endpoint(QStringLiteral("E1"), 5.0, kBase.addSecs(-1)), {}, m_staleness, m_history),
             TileEndpoint::RoleMask(0));
    QCOMPARE(e.meta.value, EndpointValue(1.0));
    // A newer one is taken.
    const auto mask = e.update(endpoint(QStringLiteral("E1"), 5.0, kBase.addSecs(1)), {}, m_staleness, m_history);
    QCOMPARE(roles(mask),
             (QList<int> {Qt::DisplayRole, TileModel::ValueRole, TileModel::LastUpdateRole, TileModel::AgeRole,
                          TileModel::TrendRole}));
    QCOMPARE(e.meta.value, EndpointValue(5.0));
}

void TestTileEndpoint::telemetryChangesAndItsRoles()
{
    TileEndpoint e;
    Domain::Endpoint unitless = endpoint(QStringLiteral("E1"));
    unitless.unit.clear();
    e.list(unitless, {}, std::nullopt, m_staleness, m_history);
    m_now += 5'000; // stale by now
    QVERIFY(m_staleness.isStale(e.heardMs, m_now));
    e.stale = true;

    const TileEndpoint::Seen before = e.seen();
    e.apply(reading(QStringLiteral("E1"), true, QStringLiteral("on/off"), {}), kBase, m_now, m_staleness, m_history);
    QCOMPARE(e.meta.value, EndpointValue(true));
    QCOMPARE(e.meta.timestamp, kBase); // none of its own
    QCOMPARE(e.unit(), QStringLiteral("on/off"));
    QCOMPARE(e.heardMs, m_now);
    QCOMPARE(roles(e.changedSince(before)),
             (QList<int> {Qt::DisplayRole, TileModel::ValueRole, TileModel::UnitRole, TileModel::LastUpdateRole,
                          TileModel::StaleRole, TileModel::AgeRole, TileModel::TrendRole}));
    QCOMPARE(m_history.series(QStringLiteral("E1"), TileModel::kHistoryMetric).last().value, 1.0);

    // The same report again: heard of, nothing else.
    const TileEndpoint::Seen again = e.seen();
    e.apply(reading(QStringLiteral("E1"), true, {}, kBase), kBase, m_now, m_staleness, m_history);
    QCOMPARE(roles(e.changedSince(again)), QList<int> {TileModel::AgeRole});
}

void TestTileEndpoint::carryKeepsTheValue()
{
    TileEndpoint e;
    e.list(endpoint(QStringLiteral("E1"), 3.0, kBase), {}, std::nullopt, m_staleness, m_history);
    Domain::Endpoint moved = endpoint(QStringLiteral("E1"), 9.0, kBase.addSecs(60));
    moved.name = QStringLiteral("Moved");
    e.carry(moved, {});
    QCOMPARE(e.meta.name, QStringLiteral("Moved"));
    QCOMPARE(e.meta.value, EndpointValue(3.0));
    QCOMPARE(e.meta.timestamp, kBase);
}

void TestTileEndpoint::pendingRolesOfCommandChanges()
{
    using C = TileCommandTracker::Change;
    QCOMPARE(roles(TileEndpoint::pendingRoles(C::CommandChanged)),
             (QList<int> {TileModel::PendingCommandIdRole, TileModel::PendingOwnRole}));
    QCOMPARE(
        roles(TileEndpoint::pendingRoles(C::ValueChanged | C::StatusChanged | C::UnconfirmedChanged)),
        (QList<int> {TileModel::PendingValueRole, TileModel::PendingStatusRole, TileModel::PendingUnconfirmedRole}));
    QCOMPARE(TileEndpoint::pendingRoles(0), TileEndpoint::RoleMask(0));
}

QTEST_GUILESS_MAIN(TestTileEndpoint)
#include "tst_tileendpoint.moc"
