#include "model/tilemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Domain::CommandState;
using Domain::CommandStatus;
using Domain::Device;
using Domain::Endpoint;
using Domain::EndpointValue;
using Domain::Interlock;
using Domain::Telemetry;
using Domain::Tile;
using Domain::ValueType;

namespace {

const QDateTime kBase(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Endpoint endpoint(const QString &id, ValueType type = ValueType::Number, const QString &unit = {})
{
    Endpoint e;
    e.endpointId = id;
    e.name = QStringLiteral("Endpoint ") + id;
    e.valueType = type;
    e.unit = unit;
    return e;
}

Device device(const QString &id, const QList<Endpoint> &endpoints, const QString &kind = QStringLiteral("pump"))
{
    return {id, kind, QStringLiteral("Device ") + id, endpoints};
}

Tile tile(const QString &id, const QList<Device> &devices, const QList<Interlock> &interlocks = {})
{
    return {id, QStringLiteral("Tile ") + id, devices, interlocks};
}

Interlock interlock(const QString &id, const QString &target, const QString &required, Domain::ComparisonOp op,
                    const EndpointValue &value)
{
    return {id, QStringLiteral("needs ") + required, target, required, op, value};
}

Telemetry telemetry(const QString &endpointId, const EndpointValue &value, int second = 0)
{
    Telemetry t;
    t.endpointId = endpointId;
    t.value = value;
    t.timestamp = kBase.addSecs(second);
    return t;
}

// The server has lost the endpoint's source: `value` is the last known one, or none.
Telemetry lost(const QString &endpointId, const EndpointValue &value = {}, const QString &reason = {})
{
    Telemetry t;
    t.endpointId = endpointId;
    t.value = value;
    t.quality = Domain::Quality::Stale;
    t.qualityReason = reason;
    return t;
}

CommandStatus status(const QString &commandId, CommandState state, const QString &endpointId = {},
                     const EndpointValue &requested = {})
{
    CommandStatus s;
    s.commandId = commandId;
    s.status = state;
    s.endpointId = endpointId;
    s.requestedValue = requested;
    return s;
}

// T1: D1 (E1 number in bar, E2 bool, E3 enum), D2 (E4); T2: D3 (E5).
// E2 may only be switched on while E1 > 5.
QList<Tile> panel()
{
    Endpoint e1 = endpoint(QStringLiteral("E1"), ValueType::Number, QStringLiteral("bar"));
    e1.writable = true;
    e1.min = 0.0;
    e1.max = 10.0;
    e1.step = 0.5;
    Endpoint e3 = endpoint(QStringLiteral("E3"), ValueType::Enum);
    e3.options = {QStringLiteral("auto"), QStringLiteral("manual")};
    return {tile(QStringLiteral("T1"),
                 {device(QStringLiteral("D1"), {e1, endpoint(QStringLiteral("E2"), ValueType::Bool), e3}),
                  device(QStringLiteral("D2"), {endpoint(QStringLiteral("E4"))}, QStringLiteral("valve"))},
                 {interlock(QStringLiteral("I1"), QStringLiteral("E2"), QStringLiteral("E1"),
                            Domain::ComparisonOp::Greater, 5.0)}),
            tile(QStringLiteral("T2"), {device(QStringLiteral("D3"), {endpoint(QStringLiteral("E5"))})})};
}

QList<int> rolesOf(const QList<QVariant> &dataChangedArguments)
{
    return dataChangedArguments.at(2).value<QList<int>>();
}

QStringList childIds(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, 0, parent).data(TileModel::IdRole).toString();
    return out;
}

} // namespace

class TestTileModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void treeAndRoles();
    void reconcileInsertsAtEachLevel();
    void reconcileUpdatesMetadataWithTheRolesThatChanged();
    void reconcileRemovesAtEachLevelAndKeepsValues();
    void reconcileFollowsTheSnapshotOrder();
    void endpointMovedToAnotherDeviceKeepsItsValue();
    void repeatedIdsCountOnce();
    void telemetryForOneEndpointBecomesOneChange();
    void adjacentSiblingsShareOneRange();
    void telemetryBeforeItsEndpointIsAppliedWhenItAppears();
    void telemetryKeptAsideIsBounded();
    void snapshotValuesFillInButDoNotOverrideNewerTelemetry();
    void pendingCommandIsSetAndClearedButNeverTheValue();
    void commandsFromOtherConsolesAndLateStatuses();
    void endpointsGoStaleWhenQuietOrWhenTheLinkIsDown();
    void a14_ownCommandIsNotQueuedBeforeTheServerSaysSo();
    void a4_anotherConsolesPendingCommandExpires();
    void a4_commandsSnapshotClearsWhatItNoLongerLists();
    void historyKeepsNumbersAndBoolsBounded();
    void trendIsReadThroughTheModel();
    void telemetryWithoutTimeIsDatedOnArrival();
    void staleQualityMakesAnEndpointStaleAtOnce();
    void goodTelemetryEndsALostSource();
    void snapshotsCarryTheQuality();
    void staleTelemetryBeforeItsEndpoint();
    void clearEmptiesEverything();

private:
    TileModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestTileModel::init()
{
    m_model = new TileModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestTileModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestTileModel::treeAndRoles()
{
    m_model->reconcile(panel());
    QCOMPARE(childIds(*m_model), (QStringList {QStringLiteral("T1"), QStringLiteral("T2")}));
    const QModelIndex t1 = m_model->indexOfTile(QStringLiteral("T1"));
    QCOMPARE(t1.row(), 0);
    QCOMPARE(t1.data(TileModel::NodeKindRole).toInt(), int(TileModel::NodeKind::Tile));
    QCOMPARE(t1.data(TileModel::NameRole).toString(), QStringLiteral("Tile T1"));
    QCOMPARE(t1.data().toString(), QStringLiteral("Tile T1"));
    QVERIFY(!t1.data(TileModel::ValueRole).isValid());
    QVERIFY(!t1.data(TileModel::StaleRole).isValid());
    QCOMPARE(childIds(*m_model, t1), (QStringList {QStringLiteral("D1"), QStringLiteral("D2")}));

    const QModelIndex d2 = m_model->index(1, 0, t1);
    QCOMPARE(d2.data(TileModel::NodeKindRole).toInt(), int(TileModel::NodeKind::Device));
    QCOMPARE(d2.data(TileModel::DeviceKindRole).toString(), QStringLiteral("valve"));
    QCOMPARE(d2.parent(), t1);

    const QModelIndex e1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    QCOMPARE(e1.parent().data(TileModel::IdRole).toString(), QStringLiteral("D1"));
    QCOMPARE(e1.parent().parent(), t1);
    QCOMPARE(m_model->rowCount(e1), 0);
    QCOMPARE(e1.data(TileModel::NodeKindRole).toInt(), int(TileModel::NodeKind::Endpoint));
    QCOMPARE(e1.data(TileModel::IdRole).toString(), QStringLiteral("E1"));
    QCOMPARE(e1.data(TileModel::UnitRole).toString(), QStringLiteral("bar"));
    QCOMPARE(e1.data(TileModel::ValueTypeRole).toInt(), int(ValueType::Number));
    QCOMPARE(e1.data(TileModel::WritableRole).toBool(), true);
    QCOMPARE(e1.data(TileModel::MinRole).toDouble(), 0.0);
    QCOMPARE(e1.data(TileModel::MaxRole).toDouble(), 10.0);
    QCOMPARE(e1.data(TileModel::StepRole).toDouble(), 0.5);
    QVERIFY(!e1.data(TileModel::ValueRole).isValid());
    QVERIFY(!e1.data(TileModel::PendingStatusRole).isValid());
    QVERIFY(!e1.data(TileModel::LastUpdateRole).isValid());
    QCOMPARE(e1.data(TileModel::StaleRole).toBool(), false);

    const QModelIndex e2 = m_model->indexOfEndpoint(QStringLiteral("E2"));
    QVERIFY(!e2.data(TileModel::MinRole).isValid());
    QVERIFY(!e2.data(TileModel::StepRole).isValid());
    const QVariantList interlocks = e2.data(TileModel::InterlocksRole).toList();
    QCOMPARE(interlocks.size(), 1);
    const QVariantMap i1 = interlocks.first().toMap();
    QCOMPARE(i1.value(QStringLiteral("id")).toString(), QStringLiteral("I1"));
    QCOMPARE(i1.value(QStringLiteral("description")).toString(), QStringLiteral("needs E1"));
    QCOMPARE(i1.value(QStringLiteral("requiredEndpointId")).toString(), QStringLiteral("E1"));
    QCOMPARE(i1.value(QStringLiteral("op")).toInt(), int(Domain::ComparisonOp::Greater));
    QCOMPARE(i1.value(QStringLiteral("requiredValue")).toDouble(), 5.0);
    QVERIFY(e1.data(TileModel::InterlocksRole).toList().isEmpty());
    QCOMPARE(m_model->interlocksFor(QStringLiteral("E2")).size(), 1);
    QCOMPARE(m_model->interlocksFor(QStringLiteral("E2")).first().requiredEndpointId, QStringLiteral("E1"));
    QVERIFY(m_model->interlocksFor(QStringLiteral("E1")).isEmpty());

    const QModelIndex e3 = m_model->indexOfEndpoint(QStringLiteral("E3"));
    QCOMPARE(e3.data(TileModel::OptionsRole).toStringList(),
             (QStringList {QStringLiteral("auto"), QStringLiteral("manual")}));

    const auto meta = m_model->endpoint(QStringLiteral("E1"));
    QVERIFY(meta);
    QCOMPARE(meta->max, std::optional<double>(10.0));
    QVERIFY(!m_model->endpoint(QStringLiteral("nope")));
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("nope")).isValid());
    QVERIFY(!m_model->indexOfTile(QStringLiteral("nope")).isValid());

    const auto names = m_model->roleNames();
    QCOMPARE(names.value(TileModel::IdRole), QByteArray("nodeId"));
    QCOMPARE(names.value(TileModel::PendingCommandIdRole), QByteArray("pendingCommandId"));
    QCOMPARE(names.value(TileModel::LastUpdateRole), QByteArray("lastUpdate"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
}

void TestTileModel::reconcileInsertsAtEachLevel()
{
    m_model->reconcile(panel());
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    QList<Tile> tiles = panel();
    tiles[0].devices[0].endpoints.append(endpoint(QStringLiteral("E6"))); // endpoint level
    tiles[0].devices.append(device(QStringLiteral("D4"), {endpoint(QStringLiteral("E7"))})); // device level
    tiles.append(tile(QStringLiteral("T3"), {device(QStringLiteral("D5"), {endpoint(QStringLiteral("E8"))})}));
    m_model->reconcile(tiles);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 3);
    // The snapshot is walked top down, in its order: D1's new endpoint, T1's new device, the new tile.
    const auto parentId = [](const QList<QVariant> &args) {
        return args.at(0).value<QModelIndex>().data(TileModel::IdRole).toString();
    };
    QCOMPARE(parentId(inserted.at(0)), QStringLiteral("D1"));
    QCOMPARE(inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(parentId(inserted.at(1)), QStringLiteral("T1"));
    QCOMPARE(inserted.at(1).at(1).toInt(), 2);
    QVERIFY(!inserted.at(2).at(0).value<QModelIndex>().isValid());
    QCOMPARE(inserted.at(2).at(1).toInt(), 2);

    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E6")).row(), 3);
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E7")).parent().data(TileModel::IdRole).toString(),
             QStringLiteral("D4"));
    const QModelIndex t3 = m_model->indexOfTile(QStringLiteral("T3"));
    QCOMPARE(t3.row(), 2);
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E8")).parent().parent(), t3);
}

void TestTileModel::reconcileUpdatesMetadataWithTheRolesThatChanged()
{
    m_model->reconcile(panel());
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 4.0)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    // Nothing changed: nothing announced.
    m_model->reconcile(panel());
    QCOMPARE(changed.size(), 0);

    QList<Tile> tiles = panel();
    tiles[1].name = QStringLiteral("Boiler room");
    tiles[0].devices[1].kind = QStringLiteral("heater");
    tiles[0].devices[0].endpoints[0].max = 12.0;
    tiles[0].devices[0].endpoints[0].unit = QStringLiteral("kPa");
    m_model->reconcile(tiles);

    QCOMPARE(changed.size(), 3);
    const auto find = [&](const QString &id) -> QList<QVariant> {
        for (const auto &args : changed)
            if (args.at(0).value<QModelIndex>().data(TileModel::IdRole).toString() == id)
                return args;
        return {};
    };
    QCOMPARE(rolesOf(find(QStringLiteral("T2"))), (QList<int> {Qt::DisplayRole, TileModel::NameRole}));
    QCOMPARE(rolesOf(find(QStringLiteral("D2"))), QList<int> {TileModel::DeviceKindRole});
    QCOMPARE(rolesOf(find(QStringLiteral("E1"))),
             (QList<int> {Qt::DisplayRole, TileModel::UnitRole, TileModel::MaxRole}));
    QCOMPARE(find(QStringLiteral("E1")).at(1).value<QModelIndex>().column(), TileModel::ColumnCount - 1);

    QCOMPARE(m_model->indexOfTile(QStringLiteral("T2")).data().toString(), QStringLiteral("Boiler room"));
    const QModelIndex e1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    QCOMPARE(e1.data(TileModel::MaxRole).toDouble(), 12.0);
    QCOMPARE(e1.data(TileModel::UnitRole).toString(), QStringLiteral("kPa"));
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 4.0); // the value stays

    // An interlock that now targets E1 changes E1's interlocks and nothing else.
    changed.clear();
    tiles[1].interlocks.append(
        interlock(QStringLiteral("I2"), QStringLiteral("E1"), QStringLiteral("E5"), Domain::ComparisonOp::Equal, true));
    m_model->reconcile(tiles);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {TileModel::InterlocksRole});
    QCOMPARE(m_model->interlocksFor(QStringLiteral("E1")).first().id, QStringLiteral("I2"));
}

void TestTileModel::reconcileRemovesAtEachLevelAndKeepsValues()
{
    m_model->reconcile(panel());
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 4.0), telemetry(QStringLiteral("E2"), true),
                             telemetry(QStringLiteral("E4"), 1.0), telemetry(QStringLiteral("E5"), 2.0)});
    QCOMPARE(m_model->history().seriesCount(), 4);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    // E2 and E3 (one block), device D2, and tile T2 go.
    QList<Tile> tiles = panel();
    tiles.removeLast();
    tiles[0].devices.removeLast();
    tiles[0].devices[0].endpoints.remove(1, 2);
    m_model->reconcile(tiles);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 3);
    QVERIFY(!removed.at(0).at(0).value<QModelIndex>().isValid()); // T2, from the root
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(1).at(0).value<QModelIndex>().data(TileModel::IdRole).toString(), QStringLiteral("T1"));
    QCOMPARE(removed.at(1).at(1).toInt(), 1); // D2
    QCOMPARE(removed.at(2).at(0).value<QModelIndex>().data(TileModel::IdRole).toString(), QStringLiteral("D1"));
    QCOMPARE(removed.at(2).at(1).toInt(), 1);
    QCOMPARE(removed.at(2).at(2).toInt(), 2); // E2 and E3 in one

    QCOMPARE(childIds(*m_model), QStringList {QStringLiteral("T1")});
    for (const char *gone : {"E2", "E3", "E4", "E5"})
        QVERIFY(!m_model->indexOfEndpoint(QString::fromLatin1(gone)).isValid());
    QVERIFY(!m_model->indexOfTile(QStringLiteral("T2")).isValid());
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E1")).data(TileModel::ValueRole).toDouble(), 4.0);
    QCOMPARE(m_model->history().seriesCount(), 1);
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E1"), TileModel::kHistoryMetric), 1);

    // Telemetry for an endpoint that has gone changes nothing visible.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyTelemetry({telemetry(QStringLiteral("E5"), 3.0)});
    QCOMPARE(changed.size(), 0);

    m_model->reconcile({});
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->history().seriesCount(), 0);
}

void TestTileModel::reconcileFollowsTheSnapshotOrder()
{
    m_model->reconcile(panel());
    QSignalSpy moved(m_model, &QAbstractItemModel::rowsMoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QList<Tile> tiles = panel();
    std::swap(tiles[0], tiles[1]);
    tiles.insert(1, tile(QStringLiteral("T9"), {}));
    std::reverse(tiles[2].devices[0].endpoints.begin(), tiles[2].devices[0].endpoints.end());
    m_model->reconcile(tiles);

    QCOMPARE(childIds(*m_model), (QStringList {QStringLiteral("T2"), QStringLiteral("T9"), QStringLiteral("T1")}));
    QCOMPARE(childIds(*m_model, m_model->indexOfEndpoint(QStringLiteral("E1")).parent()),
             (QStringList {QStringLiteral("E3"), QStringLiteral("E2"), QStringLiteral("E1")}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(moved.size(), 3); // T2 up; E3 up, then E2 up
}

void TestTileModel::endpointMovedToAnotherDeviceKeepsItsValue()
{
    m_model->reconcile(panel());
    m_model->applyTelemetry({telemetry(QStringLiteral("E4"), 7.0)});
    m_model->applyCommandStatus({status(QStringLiteral("C1"), CommandState::Sent, QStringLiteral("E4"), 8.0)});

    // E4 moves from T1/D2 to T2/D3.
    QList<Tile> tiles = panel();
    tiles[0].devices[1].endpoints.clear();
    tiles[1].devices[0].endpoints.append(endpoint(QStringLiteral("E4")));
    m_model->reconcile(tiles);

    const QModelIndex e4 = m_model->indexOfEndpoint(QStringLiteral("E4"));
    QCOMPARE(e4.parent().data(TileModel::IdRole).toString(), QStringLiteral("D3"));
    QCOMPARE(e4.data(TileModel::ValueRole).toDouble(), 7.0);
    QCOMPARE(e4.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("C1"));
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E4"), TileModel::kHistoryMetric), 1);

    m_model->applyCommandStatus({status(QStringLiteral("C1"), CommandState::Succeeded)});
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E4")).data(TileModel::PendingCommandIdRole).isValid());
}

void TestTileModel::repeatedIdsCountOnce()
{
    QList<Tile> tiles = panel();
    tiles.append(tiles.first()); // T1 again
    tiles[1].devices.append(device(QStringLiteral("D1"), {endpoint(QStringLiteral("E9"))})); // D1 again in T2
    tiles[1].devices.append(device(QStringLiteral("D6"), {endpoint(QStringLiteral("E1"))})); // E1 again
    m_model->reconcile(tiles);
    QCOMPARE(childIds(*m_model), (QStringList {QStringLiteral("T1"), QStringLiteral("T2")}));
    QCOMPARE(childIds(*m_model, m_model->indexOfTile(QStringLiteral("T2"))),
             (QStringList {QStringLiteral("D3"), QStringLiteral("D1"), QStringLiteral("D6")}));
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E1")).parent().parent().data(TileModel::IdRole).toString(),
             QStringLiteral("T1"));
    QCOMPARE(m_model->rowCount(m_model->index(2, 0, m_model->indexOfTile(QStringLiteral("T2")))), 0);
}

void TestTileModel::telemetryForOneEndpointBecomesOneChange()
{
    m_model->reconcile(panel());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVariant valueWhenAnnounced;
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &topLeft) { valueWhenAnnounced = topLeft.data(TileModel::ValueRole); });

    QList<Telemetry> burst;
    for (int i = 1; i <= 5; ++i)
        burst << telemetry(QStringLiteral("E1"), double(i), i);
    m_model->applyTelemetry(burst);

    QCOMPARE(changed.size(), 1);
    const QModelIndex e1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), e1);
    QCOMPARE(changed.first().at(1).value<QModelIndex>(), e1.siblingAtColumn(TileModel::ColumnCount - 1));
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, TileModel::ValueRole, TileModel::LastUpdateRole, TileModel::AgeRole,
                          TileModel::TrendRole}));
    QCOMPARE(valueWhenAnnounced.toDouble(), 5.0);
    QCOMPARE(e1.data(TileModel::LastUpdateRole).toDateTime(), kBase.addSecs(5));
    QCOMPARE(e1.siblingAtColumn(TileModel::ValueColumn).data().toDouble(), 5.0);
    QCOMPARE(e1.siblingAtColumn(TileModel::UnitColumn).data().toString(), QStringLiteral("bar"));
    // Every value reaches the history, not only the last.
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E1"), TileModel::kHistoryMetric), 5);

    // A value that changes and changes back within a batch: only the time changed.
    changed.clear();
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 6.0, 6), telemetry(QStringLiteral("E1"), 5.0, 7)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, TileModel::LastUpdateRole, TileModel::AgeRole, TileModel::TrendRole}));

    // A unit from telemetry shows only when the snapshot gives none.
    changed.clear();
    Telemetry withUnit = telemetry(QStringLiteral("E4"), 1.0, 8);
    withUnit.unit = QStringLiteral("l/min");
    m_model->applyTelemetry({withUnit});
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E4")).data(TileModel::UnitRole).toString(),
             QStringLiteral("l/min"));
    QVERIFY(rolesOf(changed.first()).contains(TileModel::UnitRole));
}

void TestTileModel::adjacentSiblingsShareOneRange()
{
    m_model->reconcile(panel());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    m_model->applyTelemetry({telemetry(QStringLiteral("E2"), true), telemetry(QStringLiteral("E1"), 3.0)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), m_model->indexOfEndpoint(QStringLiteral("E1")));
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().parent(),
             m_model->indexOfEndpoint(QStringLiteral("E1")).parent());
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E2")).data(TileModel::ValueRole), QVariant(true));

    // E1 and E3 are not adjacent; E4 and E5 are under other devices: four ranges.
    changed.clear();
    m_model->applyTelemetry({telemetry(QStringLiteral("E5"), 1.0),
                             telemetry(QStringLiteral("E3"), QStringLiteral("auto")),
                             telemetry(QStringLiteral("E4"), 1.0), telemetry(QStringLiteral("E1"), 4.0)});
    QCOMPARE(changed.size(), 4);
    QStringList order;
    for (const auto &args : changed)
        order << args.at(0).value<QModelIndex>().data(TileModel::IdRole).toString();
    QCOMPARE(order,
             (QStringList {QStringLiteral("E1"), QStringLiteral("E3"), QStringLiteral("E4"), QStringLiteral("E5")}));
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E3")).data(TileModel::ValueRole).toString(),
             QStringLiteral("auto"));
}

void TestTileModel::telemetryBeforeItsEndpointIsAppliedWhenItAppears()
{
    m_model->reconcile(panel());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    // The telemetry snapshot may come before the tiles that list its endpoints.
    m_model->reconcileTelemetry({telemetry(QStringLiteral("E9"), 1.0, 1), telemetry(QStringLiteral("E9"), 2.5, 2),
                                 telemetry(QStringLiteral("E1"), 3.0, 2)});
    QCOMPARE(changed.size(), 1); // E1 only
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E9")).isValid());
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E9"), TileModel::kHistoryMetric), 0);

    QList<Tile> tiles = panel();
    tiles[1].devices[0].endpoints.append(endpoint(QStringLiteral("E9")));
    m_model->reconcile(tiles);
    const QModelIndex e9 = m_model->indexOfEndpoint(QStringLiteral("E9"));
    QCOMPARE(e9.data(TileModel::ValueRole).toDouble(), 2.5);
    QCOMPARE(e9.data(TileModel::LastUpdateRole).toDateTime(), kBase.addSecs(2));
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E9"), TileModel::kHistoryMetric), 1);

    // Applied once: the endpoint removed and listed again starts without it.
    tiles[1].devices[0].endpoints.removeLast();
    m_model->reconcile(tiles);
    tiles[1].devices[0].endpoints.append(endpoint(QStringLiteral("E9")));
    m_model->reconcile(tiles);
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E9")).data(TileModel::ValueRole).isValid());
}

void TestTileModel::telemetryKeptAsideIsBounded()
{
    m_model->reconcile(panel());
    QList<Telemetry> unknown;
    for (int i = 0; i <= TileModel::kMaxOrphanEndpoints; ++i)
        unknown << telemetry(QStringLiteral("X%1").arg(i), double(i));
    unknown << telemetry(QStringLiteral("X1"), -1.0); // X1's newer value; X0 is the oldest kept
    m_model->applyTelemetry(unknown);

    QList<Tile> tiles = panel();
    tiles[1].devices[0].endpoints << endpoint(QStringLiteral("X0")) << endpoint(QStringLiteral("X1"))
                                  << endpoint(QStringLiteral("X%1").arg(TileModel::kMaxOrphanEndpoints));
    m_model->reconcile(tiles);
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("X0")).data(TileModel::ValueRole).isValid());
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("X1")).data(TileModel::ValueRole).toDouble(), -1.0);
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("X%1").arg(TileModel::kMaxOrphanEndpoints))
                 .data(TileModel::ValueRole)
                 .toDouble(),
             double(TileModel::kMaxOrphanEndpoints));
}

void TestTileModel::snapshotValuesFillInButDoNotOverrideNewerTelemetry()
{
    QList<Tile> tiles = panel();
    tiles[0].devices[0].endpoints[0].value = 1.0;
    tiles[0].devices[0].endpoints[0].timestamp = kBase.addSecs(10);
    m_model->reconcile(tiles);
    const QModelIndex e1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 1.0);

    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 2.0, 20)});
    m_model->reconcile(tiles); // the snapshot's value is older
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 2.0);

    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    tiles[0].devices[0].endpoints[0].value = 3.0;
    tiles[0].devices[0].endpoints[0].timestamp = kBase.addSecs(30);
    m_model->reconcile(tiles); // now it is newer
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 3.0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {Qt::DisplayRole, TileModel::ValueRole, TileModel::LastUpdateRole, TileModel::AgeRole,
                          TileModel::TrendRole}));
}

void TestTileModel::pendingCommandIsSetAndClearedButNeverTheValue()
{
    m_model->reconcile(panel());
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 2.0)});
    const QModelIndex e1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    m_model->notePending(QStringLiteral("E1"), QStringLiteral("C1"), 7.5);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()),
             (QList<int> {TileModel::PendingCommandIdRole, TileModel::PendingValueRole, TileModel::PendingOwnRole}));
    QCOMPARE(e1.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("C1"));
    QCOMPARE(e1.data(TileModel::PendingValueRole).toDouble(), 7.5);
    QVERIFY(!e1.data(TileModel::PendingStatusRole).isValid()); // being sent: the server has said nothing yet
    QCOMPARE(e1.data(TileModel::PendingOwnRole), QVariant(true));
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 2.0);

    // Statuses that do not repeat the endpoint (plain servers) still find it.
    changed.clear();
    m_model->applyCommandStatus(
        {status(QStringLiteral("C1"), CommandState::Sent), status(QStringLiteral("C1"), CommandState::Acked)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {TileModel::PendingStatusRole});
    QCOMPARE(e1.data(TileModel::PendingOwnRole), QVariant(true));
    QCOMPARE(e1.data(TileModel::PendingStatusRole).toInt(), int(CommandState::Acked));
    QCOMPARE(e1.data(TileModel::PendingValueRole).toDouble(), 7.5);
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 2.0);

    CommandStatus done = status(QStringLiteral("C1"), CommandState::Succeeded);
    done.actualValue = 7.5;
    m_model->applyCommandStatus({done});
    QVERIFY(!e1.data(TileModel::PendingCommandIdRole).isValid());
    QVERIFY(!e1.data(TileModel::PendingValueRole).isValid());
    QVERIFY(!e1.data(TileModel::PendingStatusRole).isValid());
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 2.0); // until telemetry says otherwise
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 7.5, 1)});
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 7.5);

    // Every final state clears.
    for (CommandState state : {CommandState::Failed, CommandState::Rejected, CommandState::Timeout}) {
        const QString id = QStringLiteral("F%1").arg(int(state));
        m_model->notePending(QStringLiteral("E1"), id, 1.0);
        QCOMPARE(e1.data(TileModel::PendingCommandIdRole).toString(), id);
        m_model->applyCommandStatus({status(id, state)});
        QVERIFY(!e1.data(TileModel::PendingStatusRole).isValid());
    }
}

void TestTileModel::commandsFromOtherConsolesAndLateStatuses()
{
    m_model->reconcile(panel());
    const QModelIndex e2 = m_model->indexOfEndpoint(QStringLiteral("E2"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    // Another console's command, first seen by its status; one without an
    // endpoint that this console never issued goes nowhere.
    m_model->applyCommandStatus({status(QStringLiteral("C2"), CommandState::Sent, QStringLiteral("E2"), true),
                                 status(QStringLiteral("C3"), CommandState::Sent)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(e2.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("C2"));
    QCOMPARE(e2.data(TileModel::PendingValueRole), QVariant(true));
    QVERIFY(!e2.data(TileModel::ValueRole).isValid());

    // A newer command to the same endpoint takes over; the older one
    // finishing does not clear it.
    m_model->applyCommandStatus({status(QStringLiteral("C4"), CommandState::Queued, QStringLiteral("E2"), false)});
    QCOMPARE(e2.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("C4"));
    m_model->applyCommandStatus({status(QStringLiteral("C2"), CommandState::Succeeded)});
    QCOMPARE(e2.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("C4"));

    // Once finished, a late status does not mark the endpoint pending again.
    m_model->applyCommandStatus({status(QStringLiteral("C4"), CommandState::Timeout)});
    changed.clear();
    m_model->applyCommandStatus({status(QStringLiteral("C4"), CommandState::Acked, QStringLiteral("E2"))});
    QCOMPARE(changed.size(), 0);
    QVERIFY(!e2.data(TileModel::PendingStatusRole).isValid());

    // Commands for endpoints the panel does not list are ignored.
    m_model->notePending(QStringLiteral("nope"), QStringLiteral("C5"), 1.0);
    QCOMPARE(changed.size(), 0);
}

void TestTileModel::a14_ownCommandIsNotQueuedBeforeTheServerSaysSo()
{
    m_model->reconcile(panel());
    const QModelIndex e1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    m_model->notePending(QStringLiteral("E1"), QStringLiteral("C1"), 7.5);
    QVERIFY(!e1.data(TileModel::PendingStatusRole).isValid());
    QCOMPARE(e1.data(TileModel::PendingUnconfirmedRole), QVariant(false));
    // A server that confirms nothing: sent, and that is all that is known.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->noteUnconfirmed(QStringLiteral("C1"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {TileModel::PendingUnconfirmedRole});
    QCOMPARE(e1.data(TileModel::PendingUnconfirmedRole), QVariant(true));
    QVERIFY(!e1.data(TileModel::PendingStatusRole).isValid());
    // Queued once the server says so.
    m_model->applyCommandStatus({status(QStringLiteral("C1"), CommandState::Queued)});
    QCOMPARE(e1.data(TileModel::PendingStatusRole).toInt(), int(CommandState::Queued));
}

void TestTileModel::a4_anotherConsolesPendingCommandExpires()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    m_model->setForeignPendingExpiryMs(15000);
    m_model->reconcile(panel());
    const QModelIndex e1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    const QModelIndex e2 = m_model->indexOfEndpoint(QStringLiteral("E2"));
    // Bob's command, queued, and then nothing more is heard of it.
    m_model->applyCommandStatus({status(QStringLiteral("B1"), CommandState::Queued, QStringLiteral("E2"))});
    m_model->notePending(QStringLiteral("E1"), QStringLiteral("C1"), 7.5); // ours
    QCOMPARE(e2.data(TileModel::PendingOwnRole), QVariant(false));
    now += 10000;
    m_model->applyCommandStatus({status(QStringLiteral("B1"), CommandState::Acked)}); // heard of again
    now += 14999;
    m_model->refreshStaleness();
    QCOMPARE(e2.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("B1"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    now += 1;
    m_model->refreshStaleness();
    QVERIFY(!e2.data(TileModel::PendingCommandIdRole).isValid());
    QVERIFY(!e2.data(TileModel::PendingStatusRole).isValid());
    QVERIFY(!changed.isEmpty());
    // This console's own command is its CommandService's to time out.
    QCOMPARE(e1.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("C1"));
    // Bob's command spoken of again: pending again.
    m_model->applyCommandStatus({status(QStringLiteral("B1"), CommandState::Acked, QStringLiteral("E2"))});
    QCOMPARE(e2.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("B1"));
}

void TestTileModel::a4_commandsSnapshotClearsWhatItNoLongerLists()
{
    m_model->reconcile(panel());
    const QModelIndex e1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    const QModelIndex e2 = m_model->indexOfEndpoint(QStringLiteral("E2"));
    const QModelIndex e3 = m_model->indexOfEndpoint(QStringLiteral("E3"));
    m_model->applyCommandStatus({status(QStringLiteral("B1"), CommandState::Queued, QStringLiteral("E2")),
                                 status(QStringLiteral("B2"), CommandState::Sent, QStringLiteral("E3"))});
    m_model->notePending(QStringLiteral("E1"), QStringLiteral("C1"), 7.5);
    // After a resync the server lists B2 only: B1 is not under way any more.
    m_model->dropForeignPendingExcept({QStringLiteral("B2")});
    QVERIFY(!e2.data(TileModel::PendingCommandIdRole).isValid());
    QCOMPARE(e3.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("B2"));
    QCOMPARE(e1.data(TileModel::PendingCommandIdRole).toString(), QStringLiteral("C1"));
}

void TestTileModel::endpointsGoStaleWhenQuietOrWhenTheLinkIsDown()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    QCOMPARE(m_model->expectedPeriodMs(), qint64(10000));
    m_model->setExpectedPeriodMs(1000);
    m_model->reconcile(panel());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    now += 2500;
    m_model->applyTelemetry({telemetry(QStringLiteral("E2"), true)});
    changed.clear();
    now += 500; // 3 periods since the snapshot: not yet past them
    m_model->refreshStaleness();
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E1")).data(TileModel::AgeRole).toLongLong(), 3000);

    now += 1; // past 3 periods for all but E2
    m_model->refreshStaleness();
    // D1: E1, then E3 (E2 reported); D2: E4; D3: E5.
    QCOMPARE(changed.size(), 4);
    for (const auto &args : changed)
        QCOMPARE(rolesOf(args), QList<int> {TileModel::StaleRole});
    QVERIFY(m_model->indexOfEndpoint(QStringLiteral("E1")).data(TileModel::StaleRole).toBool());
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E2")).data(TileModel::StaleRole).toBool());
    changed.clear();
    m_model->refreshStaleness(); // nothing flipped
    QCOMPARE(changed.size(), 0);

    // Telemetry makes an endpoint fresh again, in the same change as its value.
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 1.0)});
    QCOMPARE(changed.size(), 1);
    QVERIFY(rolesOf(changed.first()).contains(TileModel::StaleRole));
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E1")).data(TileModel::StaleRole).toBool());

    // The link down makes every endpoint stale, and telemetry cannot change that.
    m_model->setLinkLive(false);
    for (const char *id : {"E1", "E2", "E3", "E4", "E5"})
        QVERIFY(m_model->indexOfEndpoint(QString::fromLatin1(id)).data(TileModel::StaleRole).toBool());
    m_model->applyTelemetry({telemetry(QStringLiteral("E2"), false)});
    QVERIFY(m_model->indexOfEndpoint(QStringLiteral("E2")).data(TileModel::StaleRole).toBool());
    m_model->setLinkLive(true);
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E1")).data(TileModel::StaleRole).toBool());
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E2")).data(TileModel::StaleRole).toBool());
    QVERIFY(m_model->indexOfEndpoint(QStringLiteral("E4")).data(TileModel::StaleRole).toBool());

    // Tiles and devices carry no staleness of their own.
    QVERIFY(!m_model->indexOfTile(QStringLiteral("T1")).data(TileModel::StaleRole).isValid());
}

void TestTileModel::historyKeepsNumbersAndBoolsBounded()
{
    m_model->setHistoryCapacity(4);
    m_model->reconcile(panel());
    QList<Telemetry> updates;
    for (int i = 0; i < 7; ++i)
        updates << telemetry(QStringLiteral("E1"), double(i), i);
    updates << telemetry(QStringLiteral("E2"), true, 1) << telemetry(QStringLiteral("E2"), false, 2)
            << telemetry(QStringLiteral("E3"), QStringLiteral("manual"));
    m_model->applyTelemetry(updates);

    const auto e1 = m_model->history().series(QStringLiteral("E1"), TileModel::kHistoryMetric);
    QCOMPARE(e1.size(), 4);
    QCOMPARE(e1.first().value, 3.0);
    QCOMPARE(e1.last().value, 6.0);
    QCOMPARE(e1.last().timeMs, kBase.addSecs(6).toMSecsSinceEpoch());
    const auto e2 = m_model->history().series(QStringLiteral("E2"), TileModel::kHistoryMetric);
    QCOMPARE(e2.size(), 2);
    QCOMPARE(e2.at(0).value, 1.0);
    QCOMPARE(e2.at(1).value, 0.0);
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E3"), TileModel::kHistoryMetric), 0);
}

void TestTileModel::trendIsReadThroughTheModel()
{
    m_model->setHistoryCapacity(3);
    m_model->reconcile(panel());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 1.0, 1), telemetry(QStringLiteral("E1"), 2.0, 2),
                             telemetry(QStringLiteral("E2"), true, 2),
                             telemetry(QStringLiteral("E3"), QStringLiteral("manual"), 2)});
    const auto trendOf = [this](const char *id) {
        return m_model->indexOfEndpoint(QString::fromLatin1(id))
            .data(TileModel::TrendRole)
            .value<QList<MetricHistory::Sample>>();
    };
    const QList<MetricHistory::Sample> e1 = trendOf("E1");
    QCOMPARE(e1.size(), 2);
    QCOMPARE(e1.at(0).value, 1.0);
    QCOMPARE(e1.at(1).value, 2.0);
    QCOMPARE(e1.at(1).timeMs, kBase.addSecs(2).toMSecsSinceEpoch());
    QCOMPARE(trendOf("E2").size(), 1);
    QCOMPARE(trendOf("E2").first().value, 1.0);
    QVERIFY(trendOf("E3").isEmpty()); // text has no trend
    // Each new sample is announced with the role, so a view redraws from the model alone.
    for (const QList<QVariant> &args : std::as_const(changed))
        QVERIFY(args.at(2).value<QList<int>>().contains(TileModel::TrendRole));
    // Tiles and devices have none; the bound of the history holds.
    QVERIFY(!m_model->index(0, 0).data(TileModel::TrendRole).isValid());
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 3.0, 3), telemetry(QStringLiteral("E1"), 4.0, 4)});
    QCOMPARE(trendOf("E1").size(), 3);
    QCOMPARE(trendOf("E1").first().value, 2.0);
    QCOMPARE(m_model->roleNames().value(TileModel::TrendRole), QByteArray("trend"));
}

void TestTileModel::telemetryWithoutTimeIsDatedOnArrival()
{
    m_model->reconcile(panel());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    Telemetry undated;
    undated.endpointId = QStringLiteral("E4");
    undated.value = 9.0;
    m_model->applyTelemetry({undated});
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    const auto e4 = m_model->history().series(QStringLiteral("E4"), TileModel::kHistoryMetric);
    QCOMPARE(e4.size(), 1);
    QVERIFY(e4.first().timeMs >= before - 10 && e4.first().timeMs <= after); // kept in 10 ms ticks
    const QDateTime lastUpdate
        = m_model->indexOfEndpoint(QStringLiteral("E4")).data(TileModel::LastUpdateRole).toDateTime();
    QCOMPARE(lastUpdate.timeSpec(), Qt::UTC);
    QVERIFY(lastUpdate.toMSecsSinceEpoch() >= before && lastUpdate.toMSecsSinceEpoch() <= after);
}

void TestTileModel::staleQualityMakesAnEndpointStaleAtOnce()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    m_model->setExpectedPeriodMs(1000);
    m_model->reconcile(panel());
    const QString id = QStringLiteral("E1");
    const QModelIndex e1 = m_model->indexOfEndpoint(id);
    m_model->applyTelemetry({telemetry(id, 1.0, 1), telemetry(id, 2.0, 2)});
    QVERIFY(!m_model->isStale(id));
    QCOMPARE(e1.data(TileModel::QualityRole).toInt(), int(Domain::Quality::Good));
    QCOMPARE(m_model->roleNames().value(TileModel::QualityRole), QByteArray("quality"));
    QCOMPARE(m_model->roleNames().value(TileModel::QualityReasonRole), QByteArray("qualityReason"));

    // The edge node died: stale at once, not after three quiet periods.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyTelemetry({lost(id, {}, QStringLiteral("edge node Edge1 offline"))});
    QVERIFY(m_model->isStale(id));
    QVERIFY(e1.data(TileModel::StaleRole).toBool());
    QCOMPARE(e1.data(TileModel::QualityRole).toInt(), int(Domain::Quality::Stale));
    QCOMPARE(e1.data(TileModel::QualityReasonRole).toString(), QStringLiteral("edge node Edge1 offline"));
    QCOMPARE(changed.size(), 1);
    const QList<int> roles = rolesOf(changed.first());
    QVERIFY(roles.contains(TileModel::StaleRole));
    QVERIFY(roles.contains(TileModel::QualityRole));
    QVERIFY(roles.contains(TileModel::QualityReasonRole));
    // No new value, no new time, no sample in the trend: the null is no reading.
    QVERIFY(!roles.contains(TileModel::ValueRole));
    QVERIFY(!roles.contains(TileModel::TrendRole));
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 2.0);
    QCOMPARE(e1.data(TileModel::LastUpdateRole).toDateTime(), kBase.addSecs(2));
    QCOMPARE(m_model->history().sampleCount(id, TileModel::kHistoryMetric), 2);
    QCOMPARE(m_model->endpoint(id)->quality, Domain::Quality::Stale);

    // It stays stale however young it is, and ages on: the marker is no news.
    changed.clear();
    now += 500;
    m_model->refreshStaleness();
    QVERIFY(m_model->isStale(id));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(e1.data(TileModel::AgeRole).toLongLong(), 500);

    // A stale report that says the last value again shows it, as no reading either.
    m_model->applyTelemetry({[&] {
        Telemetry t = lost(id, 2.5, QStringLiteral("edge node Edge1 offline"));
        t.timestamp = kBase.addSecs(3);
        return t;
    }()});
    QVERIFY(m_model->isStale(id));
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 2.5);
    QCOMPARE(e1.data(TileModel::LastUpdateRole).toDateTime(), kBase.addSecs(3));
    QCOMPARE(m_model->history().sampleCount(id, TileModel::kHistoryMetric), 2);

    // Other endpoints are untouched; the link coming back does not end it.
    QVERIFY(!m_model->isStale(QStringLiteral("E2")));
    m_model->setLinkLive(false);
    m_model->setLinkLive(true);
    QVERIFY(m_model->isStale(id));
}

void TestTileModel::goodTelemetryEndsALostSource()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    m_model->setExpectedPeriodMs(1000);
    m_model->reconcile(panel());
    const QString id = QStringLiteral("E1");
    const QModelIndex e1 = m_model->indexOfEndpoint(id);
    m_model->applyTelemetry({telemetry(id, 1.0, 1), lost(id, {}, QStringLiteral("broker lost"))});
    QVERIFY(m_model->isStale(id));

    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyTelemetry({telemetry(id, 4.0, 4)});
    QVERIFY(!m_model->isStale(id));
    QCOMPARE(e1.data(TileModel::QualityRole).toInt(), int(Domain::Quality::Good));
    QVERIFY(e1.data(TileModel::QualityReasonRole).toString().isEmpty());
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 4.0);
    QCOMPARE(changed.size(), 1);
    const QList<int> roles = rolesOf(changed.first());
    for (int role :
         {int(TileModel::StaleRole), int(TileModel::QualityRole), int(TileModel::ValueRole), int(TileModel::TrendRole)})
        QVERIFY(roles.contains(role));
    QCOMPARE(m_model->history().sampleCount(id, TileModel::kHistoryMetric), 2);

    // A stale marker and a good reading in one batch: the later one wins.
    m_model->applyTelemetry({lost(id), telemetry(id, 5.0, 5)});
    QVERIFY(!m_model->isStale(id));
    m_model->applyTelemetry({telemetry(id, 6.0, 6), lost(id)});
    QVERIFY(m_model->isStale(id));
    QCOMPARE(e1.data(TileModel::ValueRole).toDouble(), 6.0);
    m_model->applyTelemetry({telemetry(id, 7.0, 7)});

    // The age rule is as it was: quiet for three periods is stale, a reading ends it.
    changed.clear();
    now += 3001;
    m_model->refreshStaleness();
    QVERIFY(m_model->isStale(id));
    QCOMPARE(e1.data(TileModel::QualityRole).toInt(), int(Domain::Quality::Good));
    m_model->applyTelemetry({telemetry(id, 8.0, 8)});
    QVERIFY(!m_model->isStale(id));
    // And a lost source on an endpoint already stale by age keeps it stale after a refresh.
    m_model->applyTelemetry({lost(id)});
    now += 10;
    m_model->refreshStaleness();
    QVERIFY(m_model->isStale(id));
}

void TestTileModel::snapshotsCarryTheQuality()
{
    qint64 now = 1000;
    m_model->setClock([&now] { return now; });
    QList<Tile> tiles = panel();
    Endpoint &e1 = tiles[0].devices[0].endpoints[0];
    e1.value = 1.0;
    e1.timestamp = kBase.addSecs(1);
    e1.quality = Domain::Quality::Stale;
    e1.qualityReason = QStringLiteral("device D1 offline");
    Endpoint &e4 = tiles[0].devices[1].endpoints[0];
    e4.value = 2.0;
    e4.timestamp = kBase.addSecs(1);
    m_model->reconcile(tiles);

    // Listed stale: stale from the first moment, its last value shown and not a sample.
    const QModelIndex i1 = m_model->indexOfEndpoint(QStringLiteral("E1"));
    QVERIFY(m_model->isStale(QStringLiteral("E1")));
    QCOMPARE(i1.data(TileModel::ValueRole).toDouble(), 1.0);
    QCOMPARE(i1.data(TileModel::QualityReasonRole).toString(), QStringLiteral("device D1 offline"));
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E1"), TileModel::kHistoryMetric), 0);
    QVERIFY(!m_model->isStale(QStringLiteral("E4")));
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E4"), TileModel::kHistoryMetric), 1);

    // The same snapshot again changes nothing.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->reconcile(tiles);
    QCOMPARE(changed.size(), 0);

    // A `telemetry` snapshot that says E4's source is lost.
    m_model->reconcileTelemetry({lost(QStringLiteral("E4"), {}, QStringLiteral("device D2 offline"))});
    QVERIFY(m_model->isStale(QStringLiteral("E4")));
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E4")).data(TileModel::ValueRole).toDouble(), 2.0);

    // A tiles snapshot that gives E4 no value leaves it lost; one with a good
    // value for E1 ends E1's, its value taking the untrusted one's place.
    e1.quality = Domain::Quality::Good;
    e1.qualityReason.clear();
    e1.value = 1.5;
    e1.timestamp = kBase; // older than the lost value's time: still the trusted one
    e4.value = {};
    e4.timestamp = {};
    changed.clear();
    m_model->reconcile(tiles);
    QVERIFY(!m_model->isStale(QStringLiteral("E1")));
    QCOMPARE(i1.data(TileModel::ValueRole).toDouble(), 1.5);
    QCOMPARE(i1.data(TileModel::QualityRole).toInt(), int(Domain::Quality::Good));
    QVERIFY(m_model->isStale(QStringLiteral("E4")));
    QCOMPARE(changed.size(), 1);
    QVERIFY(rolesOf(changed.first()).contains(TileModel::StaleRole));

    // An endpoint moved to another device keeps its quality with its value.
    tiles[1].devices[0].endpoints.append(tiles[0].devices[1].endpoints.takeFirst());
    m_model->reconcile(tiles);
    QVERIFY(m_model->isStale(QStringLiteral("E4")));
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E4")).data(TileModel::QualityRole).toInt(),
             int(Domain::Quality::Stale));
}

void TestTileModel::staleTelemetryBeforeItsEndpoint()
{
    m_model->reconcile(panel());
    // A reading, then word that its source is lost, before the tiles list the endpoint.
    m_model->applyTelemetry(
        {telemetry(QStringLiteral("E9"), 2.5, 2), lost(QStringLiteral("E9"), {}, QStringLiteral("r"))});
    QList<Tile> tiles = panel();
    tiles[1].devices[0].endpoints.append(endpoint(QStringLiteral("E9")));
    m_model->reconcile(tiles);
    const QModelIndex e9 = m_model->indexOfEndpoint(QStringLiteral("E9"));
    QVERIFY(m_model->isStale(QStringLiteral("E9")));
    QCOMPARE(e9.data(TileModel::ValueRole).toDouble(), 2.5); // the last known value
    QCOMPARE(e9.data(TileModel::LastUpdateRole).toDateTime(), kBase.addSecs(2));
    QCOMPARE(e9.data(TileModel::QualityReasonRole).toString(), QStringLiteral("r"));
    QCOMPARE(m_model->history().sampleCount(QStringLiteral("E9"), TileModel::kHistoryMetric), 0);

    // A lost source stands against a snapshot value of unknown age.
    m_model->applyTelemetry({lost(QStringLiteral("E8"))});
    tiles[1].devices[0].endpoints.append(endpoint(QStringLiteral("E8")));
    tiles[1].devices[0].endpoints.last().value = 3.0;
    m_model->reconcile(tiles);
    QVERIFY(m_model->isStale(QStringLiteral("E8")));
    QCOMPARE(m_model->indexOfEndpoint(QStringLiteral("E8")).data(TileModel::ValueRole).toDouble(), 3.0);
}

void TestTileModel::clearEmptiesEverything()
{
    m_model->reconcile(panel());
    m_model->applyTelemetry({telemetry(QStringLiteral("E1"), 1.0), telemetry(QStringLiteral("E9"), 1.0)});
    m_model->notePending(QStringLiteral("E1"), QStringLiteral("C1"), 2.0);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->history().seriesCount(), 0);
    QVERIFY(m_model->interlocksFor(QStringLiteral("E2")).isEmpty());

    // Nothing kept aside survives a clear.
    QList<Tile> tiles = panel();
    tiles[1].devices[0].endpoints.append(endpoint(QStringLiteral("E9")));
    m_model->reconcile(tiles);
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E9")).data(TileModel::ValueRole).isValid());
    QVERIFY(!m_model->indexOfEndpoint(QStringLiteral("E1")).data(TileModel::PendingStatusRole).isValid());
}

QTEST_GUILESS_MAIN(TestTileModel)
#include "tst_tilemodel.moc"
