#pragma once

#include <QList>
#include <QSortFilterProxyModel>
#include <QString>

// The base of the list views' proxies over a live table model: one row per
// item named by a key role (a serial, a machine id, an alarm id), narrowed
// by the operator's filters and a search text, sorted without rows trading
// places as updates arrive.
// Contract:
//  - a filter set to the value it has changes nothing; set to a new value,
//    every row is filtered again at once (setFilter);
//  - the search text is trimmed; empty, it passes every row; otherwise a
//    row passes when one of the searched roles contains it, ignoring case;
//  - ties of the sorted column go by key, so equal rows keep their order;
//  - keyAt()/rowOfKey() map a listed row to its key and back (-1: not listed).
class ListFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    QString keyAt(int proxyRow) const;
    int rowOfKey(const QString &key) const;

protected:
    // Sorts on `sortRole` (a raw value per column) and re-sorts and
    // re-filters as rows change, so an item that changes leaves or joins a
    // filter at once.
    ListFilterProxy(int keyRole, int sortRole, QList<int> searchedRoles, QObject *parent);

    template<typename T> void setFilter(T &filter, const T &value)
    {
        if (filter == value)
            return;
        filter = value;
        invalidateFilter();
    }
    // Whether the source row of `index` passes the search text.
    bool matchesSearch(const QModelIndex &index) const;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

    int keyRole() const { return m_keyRole; }

private:
    int m_keyRole;
    QList<int> m_searchedRoles;
    QString m_searchText;
};
