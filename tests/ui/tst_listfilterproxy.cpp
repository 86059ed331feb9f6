// The base of the list views' proxies, over a plain item model: the search
// text, the key both ways, ties by key, and filters that re-filter only
// when they change.
#include "listfilterproxy.h"

#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

namespace {

enum Role { KeyRole = Qt::UserRole + 1, SortRole, NameRole, NoteRole, GroupRole };

// A proxy with one filter of its own, as the views' proxies have.
class GroupProxy : public ListFilterProxy
{
public:
    explicit GroupProxy(QObject *parent = nullptr)
        : ListFilterProxy(KeyRole, SortRole, {NameRole, NoteRole}, parent)
    { }
    void setGroup(int group) { setFilter(m_group, group); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (m_group >= 0 && index.data(GroupRole).toInt() != m_group)
            return false;
        return matchesSearch(index);
    }

private:
    int m_group = -1;
};

QStandardItem *item(const QString &key, int sort, const QString &name, const QString &note, int group)
{
    auto *i = new QStandardItem(key);
    i->setData(key, KeyRole);
    i->setData(sort, SortRole);
    i->setData(name, NameRole);
    i->setData(note, NoteRole);
    i->setData(group, GroupRole);
    return i;
}

QStringList keys(const ListFilterProxy &proxy)
{
    QStringList list;
    for (int row = 0; row < proxy.rowCount(); ++row)
        list.append(proxy.keyAt(row));
    return list;
}

} // namespace

class TestListFilterProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model.clear();
        // Inserted out of key order, with a tie on the sort value.
        m_model.appendRow(item(QStringLiteral("d"), 2, QStringLiteral("Pump"), QString(), 1));
        m_model.appendRow(item(QStringLiteral("b"), 1, QStringLiteral("Valve"), QStringLiteral("leaking"), 2));
        m_model.appendRow(item(QStringLiteral("c"), 2, QStringLiteral("Heater"), QString(), 1));
        m_model.appendRow(item(QStringLiteral("a"), 3, QStringLiteral("Mixer"), QStringLiteral("pump room"), 2));
        m_proxy.setSourceModel(&m_model);
        m_proxy.sort(0);
    }

    void tiesOfTheSortedValueGoByKey()
    {
        QCOMPARE(keys(m_proxy),
                 (QStringList {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("a")}));
    }

    void searchIsTrimmedCaseInsensitiveAndInTheSearchedRolesOnly()
    {
        m_proxy.setSearchText(QStringLiteral("  PUMP "));
        QCOMPARE(m_proxy.searchText(), QStringLiteral("PUMP"));
        // "Pump" by name, "pump room" by note; never the key or the display text.
        QCOMPARE(keys(m_proxy), (QStringList {QStringLiteral("d"), QStringLiteral("a")}));
        m_proxy.setSearchText(QStringLiteral("c"));
        QCOMPARE(keys(m_proxy), QStringList {});
        m_proxy.setSearchText(QString());
        QCOMPARE(m_proxy.rowCount(), 4);
    }

    void keysMapToRowsAndBack()
    {
        QCOMPARE(m_proxy.rowOfKey(QStringLiteral("a")), 3);
        QCOMPARE(m_proxy.keyAt(3), QStringLiteral("a"));
        m_proxy.setGroup(1);
        QCOMPARE(m_proxy.rowOfKey(QStringLiteral("a")), -1);
        QCOMPARE(m_proxy.rowOfKey(QStringLiteral("c")), 0);
    }

    void aFilterRefiltersOnlyWhenItChanges()
    {
        QSignalSpy layout(&m_proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&m_proxy, &QAbstractItemModel::rowsRemoved);
        m_proxy.setGroup(2);
        QCOMPARE(keys(m_proxy), (QStringList {QStringLiteral("b"), QStringLiteral("a")}));
        const int changes = int(layout.size() + removed.size());
        QVERIFY(changes > 0);
        m_proxy.setGroup(2);
        m_proxy.setSearchText(QString());
        QCOMPARE(int(layout.size() + removed.size()), changes);
    }

    void aChangedRowJoinsOrLeavesAtOnce()
    {
        m_proxy.setGroup(1);
        QCOMPARE(m_proxy.rowCount(), 2);
        m_model.item(1)->setData(1, GroupRole); // "b" moves into group 1
        QCOMPARE(keys(m_proxy), (QStringList {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
    }

private:
    QStandardItemModel m_model;
    GroupProxy m_proxy;
};

QTEST_MAIN(TestListFilterProxy)
#include "tst_listfilterproxy.moc"
