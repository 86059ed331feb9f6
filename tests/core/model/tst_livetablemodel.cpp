#include "model/livetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

// The smallest entity model: one text per key, in one column or two.
class Table : public LiveTableModel
{
public:
    explicit Table(int columns = 1)
        : m_columns(columns)
    { }

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columns; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid))
            return {};
        if (role == Qt::DisplayRole)
            return m_values.at(index.row());
        return baseData(index.row(), role);
    }

    // Adds the keys not yet present, then marks every key given as heard.
    void report(const QStringList &keys)
    {
        QStringList added;
        for (const QString &key : keys)
            if (rowOf(key) < 0 && !added.contains(key))
                added.append(key);
        appendRows(added, [&] {
            for (const QString &key : added)
                m_values.append(key.toUpper());
        });
        for (const QString &key : keys)
            markHeard(rowOf(key), now());
    }
    QSet<QString> keepOnly(const QStringList &keys) { return removeRowsNotIn({keys.begin(), keys.end()}); }
    void changed(const QHash<int, QList<int>> &rolesByRow) { emitRowChanges(rolesByRow); }
    void changed(const QList<int> &rows, const QList<int> &roles) { emitRowChanges(rows, roles); }

protected:
    void removeItems(int first, int count) override { m_values.remove(first, count); }

private:
    int m_columns;
    QStringList m_values;
};

// One dataChanged as the test reads it: rows first..last, columns, roles.
struct Change
{
    int first;
    int last;
    int lastColumn;
    QList<int> roles;
};

QList<Change> changes(const QSignalSpy &spy)
{
    QList<Change> out;
    for (const QList<QVariant> &args : spy) {
        const auto from = args.at(0).toModelIndex();
        const auto to = args.at(1).toModelIndex();
        out.append({from.row(), to.row(), to.column(), args.at(2).value<QList<int>>()});
    }
    return out;
}

} // namespace

// The base of the entity models: rows keyed by id in order of appearance,
// removals in blocks, staleness on this console's clock, and one ranged
// dataChanged per contiguous block of changed rows.
class TestLiveTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsKeepTheOrderEntitiesAppeared();
    void removalGoesBlockByBlockAndKeepsKeysRight();
    void staleAfterThreePeriodsQuiet();
    void staleWhileTheLinkIsDown();
    void unconfirmedUntilHeardAgain();
    void staleCountAndNewestAgeForHeadlines();
    void changesAreOneSignalPerBlock();
    void changesUniteTheirRoles();
};

void TestLiveTableModel::rowsKeepTheOrderEntitiesAppeared()
{
    Table t;
    QAbstractItemModelTester tester(&t, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&t, &QAbstractItemModel::rowsInserted);
    t.report({QStringLiteral("b"), QStringLiteral("a")});
    t.report({QStringLiteral("a"), QStringLiteral("c")});
    QCOMPARE(inserted.size(), 2); // one insert per batch of new keys
    QCOMPARE(t.rowCount(), 3);
    QCOMPARE(t.keyAt(0), QStringLiteral("b"));
    QCOMPARE(t.keyAt(1), QStringLiteral("a"));
    QCOMPARE(t.keyAt(2), QStringLiteral("c"));
    QCOMPARE(t.rowOf(QStringLiteral("c")), 2);
    QCOMPARE(t.rowOf(QStringLiteral("nobody")), -1);
    QCOMPARE(t.index(2, 0).data().toString(), QStringLiteral("C"));
    QCOMPARE(t.index(2, 0).data(LiveTableModel::KeyRole).toString(), QStringLiteral("c"));
    QCOMPARE(t.roleNames().value(LiveTableModel::StaleRole), QByteArray("stale"));
}

void TestLiveTableModel::removalGoesBlockByBlockAndKeepsKeysRight()
{
    Table t;
    QAbstractItemModelTester tester(&t, QAbstractItemModelTester::FailureReportingMode::Fatal);
    t.report({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e"),
              QStringLiteral("f")});
    QSignalSpy removed(&t, &QAbstractItemModel::rowsRemoved);
    const QSet<QString> gone = t.keepOnly({QStringLiteral("a"), QStringLiteral("d")});
    QCOMPARE(gone,
             (QSet<QString> {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("e"), QStringLiteral("f")}));
    // Two blocks, from the bottom: e..f, then b..c.
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 4);
    QCOMPARE(removed.at(0).at(2).toInt(), 5);
    QCOMPARE(removed.at(1).at(1).toInt(), 1);
    QCOMPARE(removed.at(1).at(2).toInt(), 2);
    QCOMPARE(t.rowCount(), 2);
    QCOMPARE(t.rowOf(QStringLiteral("d")), 1);
    QCOMPARE(t.index(1, 0).data().toString(), QStringLiteral("D"));
    QCOMPARE(t.rowOf(QStringLiteral("e")), -1);
    QVERIFY(t.keepOnly({QStringLiteral("a"), QStringLiteral("d")}).isEmpty());
}

void TestLiveTableModel::staleAfterThreePeriodsQuiet()
{
    Table t;
    qint64 clock = 1000;
    t.setClock([&clock] { return clock; });
    t.setExpectedPeriodMs(1000);
    t.report({QStringLiteral("a"), QStringLiteral("b")});
    QSignalSpy changed(&t, &QAbstractItemModel::dataChanged);

    clock += 3000; // exactly three periods: not yet
    t.refreshStaleness();
    QVERIFY(!t.isStale(0));
    QCOMPARE(changed.size(), 0);

    t.report({QStringLiteral("b")});
    clock += 1;
    t.refreshStaleness();
    QVERIFY(t.isStale(0));
    QVERIFY(!t.isStale(1));
    QCOMPARE(t.ageMs(0), qint64(3001));
    QCOMPARE(t.index(0, 0).data(LiveTableModel::StaleRole).toBool(), true);
    QCOMPARE(changes(changed).size(), 1);
    QCOMPARE(changes(changed).first().first, 0);
    QCOMPARE(changes(changed).first().last, 0);
    QCOMPARE(changes(changed).first().roles, QList<int> {LiveTableModel::StaleRole});

    // Heard again: fresh at once, announced at the next refresh.
    t.report({QStringLiteral("a")});
    QVERIFY(!t.isStale(0));
}

void TestLiveTableModel::staleWhileTheLinkIsDown()
{
    Table t;
    t.setExpectedPeriodMs(0); // no cadence: only the link makes it stale
    t.report({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
    QSignalSpy changed(&t, &QAbstractItemModel::dataChanged);
    t.setLinkLive(false);
    QVERIFY(t.isStale(0) && t.isStale(1) && t.isStale(2));
    QCOMPARE(changes(changed).size(), 1); // one block, every row
    QCOMPARE(changes(changed).first().last, 2);
    // An entity reported while the link is down is stale from the start.
    t.report({QStringLiteral("d")});
    QVERIFY(t.isStale(3));
    t.setLinkLive(true);
    QVERIFY(!t.isStale(0) && !t.isStale(3));
}

void TestLiveTableModel::staleCountAndNewestAgeForHeadlines()
{
    Table t;
    qint64 clock = 1000;
    t.setClock([&clock] { return clock; });
    t.setExpectedPeriodMs(1000);
    QCOMPARE(t.newestAgeMs(), -1); // no rows, no age
    QCOMPARE(t.staleCount(), 0);
    t.report({QStringLiteral("a"), QStringLiteral("b")});
    clock += 500;
    t.report({QStringLiteral("b")});
    QSignalSpy staleness(&t, &LiveTableModel::stalenessChanged);

    clock += 2600; // a is 3100 ms quiet, b 2600 ms
    t.refreshStaleness();
    QCOMPARE(t.staleCount(), 1);
    QCOMPARE(t.newestAgeMs(), qint64(2600)); // the freshest row: b
    QCOMPARE(staleness.size(), 1);
    t.refreshStaleness(); // nothing turned: no news
    QCOMPARE(staleness.size(), 1);

    // The link goes: every row stale, announced even where none turned.
    t.setLinkLive(false);
    QVERIFY(!t.isLinkLive());
    QCOMPARE(t.staleCount(), 2);
    QVERIFY(staleness.size() >= 2);
    const qsizetype before = staleness.size();
    t.setLinkLive(true);
    QVERIFY(staleness.size() > before);
    QCOMPARE(t.staleCount(), 1);
}

void TestLiveTableModel::unconfirmedUntilHeardAgain()
{
    Table t;
    qint64 clock = 50;
    t.setClock([&clock] { return clock; });
    t.report({QStringLiteral("a"), QStringLiteral("b")});
    clock += 10;
    t.markUnconfirmed();
    QVERIFY(t.isStale(0) && t.isStale(1));
    clock += 10;
    t.report({QStringLiteral("b")});
    t.refreshStaleness();
    QVERIFY(t.isStale(0));
    QVERIFY(!t.isStale(1));
}

void TestLiveTableModel::changesAreOneSignalPerBlock()
{
    Table t(3);
    QAbstractItemModelTester tester(&t, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int i = 0; i < 8; ++i)
        t.report({QString::number(i)});
    QSignalSpy changed(&t, &QAbstractItemModel::dataChanged);
    t.changed({6, 1, 2, 2, 3, 7}, {Qt::DisplayRole});
    const QList<Change> c = changes(changed);
    QCOMPARE(c.size(), 2);
    QCOMPARE(c.at(0).first, 1);
    QCOMPARE(c.at(0).last, 3);
    QCOMPARE(c.at(0).lastColumn, 2); // the whole row, every column
    QCOMPARE(c.at(1).first, 6);
    QCOMPARE(c.at(1).last, 7);
    QCOMPARE(c.at(1).roles, QList<int> {Qt::DisplayRole});

    changed.clear();
    t.changed(QList<int> {}, {Qt::DisplayRole});
    QCOMPARE(changed.size(), 0);
}

void TestLiveTableModel::changesUniteTheirRoles()
{
    Table t;
    for (int i = 0; i < 6; ++i)
        t.report({QString::number(i)});
    QSignalSpy changed(&t, &QAbstractItemModel::dataChanged);
    t.changed(QHash<int, QList<int>> {{0, {Qt::DisplayRole}},
                                      {1, {LiveTableModel::AgeRole, Qt::DisplayRole}},
                                      {3, {LiveTableModel::AgeRole}},
                                      {4, {}}});
    const QList<Change> c = changes(changed);
    QCOMPARE(c.size(), 2);
    QCOMPARE(c.at(0).first, 0);
    QCOMPARE(c.at(0).last, 1);
    QCOMPARE(c.at(0).roles, (QList<int> {Qt::DisplayRole, LiveTableModel::AgeRole}));
    // A row that did not itemise its change makes the block's roles "all".
    QCOMPARE(c.at(1).first, 3);
    QCOMPARE(c.at(1).last, 4);
    QVERIFY(c.at(1).roles.isEmpty());
}

QTEST_GUILESS_MAIN(TestLiveTableModel)
#include "tst_livetablemodel.moc"
