#include "listfilterproxy.h"

ListFilterProxy::ListFilterProxy(int keyRole, int sortRole, QList<int> searchedRoles, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_keyRole(keyRole)
    , m_searchedRoles(std::move(searchedRoles))
{
    setSortRole(sortRole);
    setDynamicSortFilter(true);
}

void ListFilterProxy::setSearchText(const QString &text)
{
    setFilter(m_searchText, text.trimmed());
}

QString ListFilterProxy::keyAt(int proxyRow) const
{
    return index(proxyRow, 0).data(m_keyRole).toString();
}

int ListFilterProxy::rowOfKey(const QString &key) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (keyAt(row) == key)
            return row;
    }
    return -1;
}

bool ListFilterProxy::matchesSearch(const QModelIndex &index) const
{
    if (m_searchText.isEmpty())
        return true;
    for (int role : m_searchedRoles) {
        if (index.data(role).toString().contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool ListFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (QSortFilterProxyModel::lessThan(left, right))
        return true;
    if (QSortFilterProxyModel::lessThan(right, left))
        return false;
    return left.data(m_keyRole).toString() < right.data(m_keyRole).toString();
}
