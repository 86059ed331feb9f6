#pragma once

#include "listfilterproxy.h"

// The machines table over the MachineModel, narrowed by the operator's
// filters: one status, one line, and a search in the machine's id and name.
// Sorts on the model's raw SortRole; ties go by machine id (ListFilterProxy).
class MachineFilterProxy : public ListFilterProxy
{
    Q_OBJECT

public:
    explicit MachineFilterProxy(QObject *parent = nullptr);

    // Only this status (Domain::MachineState as int); -1: any.
    void setStatus(int status) { setFilter(m_status, status); }
    int status() const { return m_status; }
    // Only this line; empty: any.
    void setLine(const QString &line) { setFilter(m_line, line); }
    QString line() const { return m_line; }

    QString machineIdAt(int proxyRow) const { return keyAt(proxyRow); }
    // The proxy row of a machine, or -1 when it is not listed.
    int rowOfMachine(const QString &machineId) const { return rowOfKey(machineId); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_status = -1;
    QString m_line;
};
