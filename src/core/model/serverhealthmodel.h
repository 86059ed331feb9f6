#pragma once

#include "domain/system.h"
#include "livetablemodel.h"
#include "metrichistory.h"

// The server's own load: one row, keyed "server", from the first report on
// (system_health events and the `health` snapshot), with an hour of history.
class ServerHealthModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column { CpuColumn, MemoryColumn, StorageColumn, LastUpdateColumn, ColumnCount };
    Q_ENUM(Column)

    // CpuRole, MemoryRole and StorageRole are also the metric ids of their history.
    enum Role : int {
        CpuRole = FirstEntityRole, // percent
        MemoryRole, // percent
        StorageRole, // percent
        LastUpdateRole, // QDateTime, UTC; invalid when the server gave none
    };
    Q_ENUM(Role)

    static constexpr qsizetype kDefaultHistoryCapacity = 720; // an hour at one report per 5 s

    explicit ServerHealthModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString serverKey() { return QStringLiteral("server"); }

    // The `health` snapshot: one item (the last counts); none removes the row.
    void reconcile(const QList<Domain::ServerHealth> &snapshot);
    void applyBatch(const QList<Domain::ServerHealth> &reports);

    bool hasReport() const { return rowCount() > 0; }
    const Domain::ServerHealth &health() const { return m_health; }

    // series(serverKey(), CpuRole) and so on.
    const MetricHistory &history() const { return m_history; }
    void setHistoryCapacity(qsizetype samples) { m_history.setCapacityPerSeries(samples); }

protected:
    void removeItems(int first, int count) override;

private:
    void apply(const QList<Domain::ServerHealth> &reports);

    Domain::ServerHealth m_health; // meaningful while there is a row
    MetricHistory m_history;
};
