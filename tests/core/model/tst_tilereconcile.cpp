#include "model/tilereconcile.h"

#include <QTest>

using Step = TileReconcile::Step;
using Kind = TileReconcile::Step::Kind;

namespace {

QString describe(const Step &step)
{
    switch (step.kind) {
    case Kind::Remove:
        return QStringLiteral("remove %1-%2").arg(step.first).arg(step.last);
    case Kind::Move:
        return QStringLiteral("move %1>%2").arg(step.first).arg(step.last);
    case Kind::Insert:
        return QStringLiteral("insert %1-%2").arg(step.first).arg(step.last);
    case Kind::Update:
        return QStringLiteral("update %1").arg(step.first);
    }
    return {};
}

QStringList describe(const QList<Step> &steps)
{
    QStringList out;
    for (const auto &step : steps)
        out.append(describe(step));
    return out;
}

QStringList ids(const QString &letters)
{
    QStringList out;
    for (const QChar c : letters)
        out.append(QString(c));
    return out;
}

// Applies the steps to `shown` as the model applies them to its rows.
QStringList applied(QStringList shown, const QList<Step> &steps, const QStringList &listed)
{
    for (const auto &step : steps) {
        switch (step.kind) {
        case Kind::Remove:
            shown.remove(step.first, step.last - step.first + 1);
            break;
        case Kind::Move:
            shown.move(step.first, step.last);
            break;
        case Kind::Insert:
            for (int k = step.first; k <= step.last; ++k)
                shown.insert(k, listed.at(k));
            break;
        case Kind::Update:
            if (shown.at(step.first) != listed.at(step.first))
                return {QStringLiteral("update of a row that is not the listed item")};
            break;
        }
    }
    return shown;
}

Domain::Endpoint endpoint(const QString &id)
{
    Domain::Endpoint e;
    e.endpointId = id;
    return e;
}

} // namespace

// The structural diff of a `tiles` snapshot: which rows go, move and come.
class TestTileReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removesRunsFromTheBottom();
    void nothingToDoForTheSameList();
    void reorderedListMovesRowsUp();
    void newItemsAreInsertedARunAtATime();
    void reorderAddAndRemoveTogether_data();
    void reorderAddAndRemoveTogether();
    void repeatedIdsCountOnce();
};

void TestTileReconcile::removesRunsFromTheBottom()
{
    const QSet<QString> listed {QStringLiteral("a"), QStringLiteral("d")};
    QCOMPARE(describe(TileReconcile::removals(ids(QStringLiteral("abcdef")), listed)),
             (QStringList {QStringLiteral("remove 4-5"), QStringLiteral("remove 1-2")}));
    QVERIFY(TileReconcile::removals(ids(QStringLiteral("ad")), listed).isEmpty());
    QCOMPARE(describe(TileReconcile::removals(ids(QStringLiteral("xyz")), listed)),
             QStringList {QStringLiteral("remove 0-2")});
}

void TestTileReconcile::nothingToDoForTheSameList()
{
    QCOMPARE(describe(TileReconcile::placements(ids(QStringLiteral("abc")), ids(QStringLiteral("abc")))),
             (QStringList {QStringLiteral("update 0"), QStringLiteral("update 1"), QStringLiteral("update 2")}));
}

void TestTileReconcile::reorderedListMovesRowsUp()
{
    // c comes first, then b before a: two moves, each row updated once in place.
    QCOMPARE(describe(TileReconcile::placements(ids(QStringLiteral("abc")), ids(QStringLiteral("cba")))),
             (QStringList {QStringLiteral("move 2>0"), QStringLiteral("update 0"), QStringLiteral("move 2>1"),
                           QStringLiteral("update 1"), QStringLiteral("update 2")}));
}

void TestTileReconcile::newItemsAreInsertedARunAtATime()
{
    QCOMPARE(describe(TileReconcile::placements(ids(QStringLiteral("bd")), ids(QStringLiteral("abcdef")))),
             (QStringList {QStringLiteral("insert 0-0"), QStringLiteral("update 1"), QStringLiteral("insert 2-2"),
                           QStringLiteral("update 3"), QStringLiteral("insert 4-5")}));
    QCOMPARE(describe(TileReconcile::placements({}, ids(QStringLiteral("abc")))),
             QStringList {QStringLiteral("insert 0-2")});
}

void TestTileReconcile::reorderAddAndRemoveTogether_data()
{
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("listed");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("one gone, one new, one moved")
        << QStringLiteral("abcd") << QStringLiteral("dxa")
        << QStringList {QStringLiteral("remove 1-2"), QStringLiteral("move 1>0"), QStringLiteral("update 0"),
                        QStringLiteral("insert 1-1"), QStringLiteral("update 2")};
    QTest::newRow("everything replaced") << QStringLiteral("abc") << QStringLiteral("xy")
                                         << QStringList {QStringLiteral("remove 0-2"), QStringLiteral("insert 0-1")};
    QTest::newRow("all gone") << QStringLiteral("abc") << QString() << QStringList {QStringLiteral("remove 0-2")};
    QTest::newRow("reversed with a new one between")
        << QStringLiteral("abc") << QStringLiteral("cnba")
        << QStringList {QStringLiteral("move 2>0"), QStringLiteral("update 0"), QStringLiteral("insert 1-1"),
                        QStringLiteral("move 3>2"), QStringLiteral("update 2"), QStringLiteral("update 3")};
}

void TestTileReconcile::reorderAddAndRemoveTogether()
{
    QFETCH(QString, shown);
    QFETCH(QString, listed);
    QFETCH(QStringList, expected);
    const QStringList shownIds = ids(shown);
    const QStringList listedIds = ids(listed);
    const QList<Step> removals = TileReconcile::removals(shownIds, QSet<QString>(listedIds.cbegin(), listedIds.cend()));
    const QStringList afterRemovals = applied(shownIds, removals, listedIds);
    const QList<Step> placements = TileReconcile::placements(afterRemovals, listedIds);
    QCOMPARE(describe(removals + placements), expected);
    QCOMPARE(applied(afterRemovals, placements, listedIds), listedIds);
}

void TestTileReconcile::repeatedIdsCountOnce()
{
    Domain::Interlock guard;
    guard.id = QStringLiteral("I1");
    guard.target = QStringLiteral("E2");
    const Domain::Device pump {
        QStringLiteral("D1"),
        QStringLiteral("pump"),
        QStringLiteral("Pump"),
        {endpoint(QStringLiteral("E1")), endpoint(QStringLiteral("E2")), endpoint(QStringLiteral("E1"))}};
    const Domain::Device again {
        QStringLiteral("D1"), QStringLiteral("valve"), QStringLiteral("Again"), {endpoint(QStringLiteral("E3"))}};
    const Domain::Device valve {QStringLiteral("D2"),
                                QStringLiteral("valve"),
                                QStringLiteral("Valve"),
                                {endpoint(QStringLiteral("E2")), endpoint(QStringLiteral("E4"))}};
    const Domain::Tile first {QStringLiteral("T1"), QStringLiteral("First"), {pump, again}, {guard}};
    const Domain::Tile second {QStringLiteral("T2"), QStringLiteral("Second"), {valve}, {}};
    const Domain::Tile repeated {QStringLiteral("T1"), QStringLiteral("Repeated"), {}, {guard}};

    const TileReconcile plan({first, second, repeated});
    QCOMPARE(plan.tiles().size(), 2);
    QCOMPARE(plan.tile(QStringLiteral("T1"))->name, QStringLiteral("First"));
    QCOMPARE(plan.tile(QStringLiteral("T1"))->devices.size(), 1);
    QCOMPARE(plan.tile(QStringLiteral("T1"))->devices.at(0).endpoints.size(), 2);
    // E2 belongs to the first device that lists it.
    QCOMPARE(plan.tile(QStringLiteral("T2"))->devices.at(0).endpoints.size(), 1);
    QCOMPARE(plan.tile(QStringLiteral("T2"))->devices.at(0).endpoints.at(0).endpointId, QStringLiteral("E4"));
    QVERIFY(plan.tile(QStringLiteral("T3")) == nullptr);
    for (const char *id : {"E1", "E2", "E4"})
        QVERIFY2(plan.listsEndpoint(QString::fromLatin1(id)), id);
    QVERIFY(!plan.listsEndpoint(QStringLiteral("E3")));
    QCOMPARE(plan.tileIds(), (QSet<QString> {QStringLiteral("T1"), QStringLiteral("T2")}));
    QCOMPARE(plan.deviceIds(QStringLiteral("T1")), QSet<QString> {QStringLiteral("D1")});
    QCOMPARE(plan.endpointIds(QStringLiteral("T1"), QStringLiteral("D1")),
             (QSet<QString> {QStringLiteral("E1"), QStringLiteral("E2")}));
    QCOMPARE(plan.endpointIds(QStringLiteral("T2"), QStringLiteral("D2")), QSet<QString> {QStringLiteral("E4")});
    QVERIFY(plan.deviceIds(QStringLiteral("T3")).isEmpty());
    QVERIFY(plan.endpointIds(QStringLiteral("T2"), QStringLiteral("D1")).isEmpty());
    // The repeated tile's interlocks are not counted a second time.
    QCOMPARE(plan.interlocksByTarget().value(QStringLiteral("E2")).size(), 1);
}

QTEST_GUILESS_MAIN(TestTileReconcile)
#include "tst_tilereconcile.moc"
