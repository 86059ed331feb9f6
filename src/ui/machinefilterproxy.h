#pragma once

#include <QSortFilterProxyModel>

// The machines table over the MachineModel, narrowed by the operator's
// filters: one status, one line, and a search in the machine's id and name.
// Sorts on the model's raw SortRole.
class MachineFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MachineFilterProxy(QObject *parent = nullptr);

    // Only this status (Domain::MachineState as int); -1: any.
    void setStatus(int status);
    int status() const { return m_status; }
    // Only this line; empty: any.
    void setLine(const QString &line);
    QString line() const { return m_line; }
    // Case-insensitive, in the machine's id and name.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    QString machineIdAt(int proxyRow) const;
    // The proxy row of a machine, or -1 when it is not listed.
    int rowOfMachine(const QString &machineId) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Ties of the sorted column go by machine id, so rows do not trade
    // places as updates arrive.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_status = -1;
    QString m_line;
    QString m_searchText;
};
