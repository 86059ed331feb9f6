#include "machinefilterproxy.h"

#include "model/machinemodel.h"

MachineFilterProxy::MachineFilterProxy(QObject *parent)
    : ListFilterProxy(MachineModel::MachineIdRole, MachineModel::SortRole,
                      {MachineModel::MachineIdRole, MachineModel::NameRole}, parent)
{ }

bool MachineFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status >= 0 && index.data(MachineModel::StatusRole).toInt() != m_status)
        return false;
    if (!m_line.isEmpty() && index.data(MachineModel::LineRole).toString() != m_line)
        return false;
    return matchesSearch(index);
}
