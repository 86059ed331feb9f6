#include "machinefilterproxy.h"

#include "model/machinemodel.h"

MachineFilterProxy::MachineFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MachineModel::SortRole);
    // A machine that changes status leaves a status filter at once.
    setDynamicSortFilter(true);
}

void MachineFilterProxy::setStatus(int status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

void MachineFilterProxy::setLine(const QString &line)
{
    if (line == m_line)
        return;
    m_line = line;
    invalidateFilter();
}

void MachineFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateFilter();
}

QString MachineFilterProxy::machineIdAt(int proxyRow) const
{
    return index(proxyRow, 0).data(MachineModel::MachineIdRole).toString();
}

int MachineFilterProxy::rowOfMachine(const QString &machineId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (machineIdAt(row) == machineId)
            return row;
    }
    return -1;
}

bool MachineFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status >= 0 && index.data(MachineModel::StatusRole).toInt() != m_status)
        return false;
    if (!m_line.isEmpty() && index.data(MachineModel::LineRole).toString() != m_line)
        return false;
    if (m_searchText.isEmpty())
        return true;
    return index.data(MachineModel::MachineIdRole).toString().contains(m_searchText, Qt::CaseInsensitive)
        || index.data(MachineModel::NameRole).toString().contains(m_searchText, Qt::CaseInsensitive);
}

bool MachineFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (QSortFilterProxyModel::lessThan(left, right))
        return true;
    if (QSortFilterProxyModel::lessThan(right, left))
        return false;
    return left.data(MachineModel::MachineIdRole).toString() < right.data(MachineModel::MachineIdRole).toString();
}
