#pragma once

#include "domain/presence.h"

#include <QAbstractTableModel>
#include <QList>

// What operators did recently (user_activity events), newest first: row 0 is
// the latest. Bounded, so a long shift does not grow it without end; the
// oldest rows leave as new ones arrive.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, OperatorColumn, ActionColumn, TargetColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role : int {
        OperatorNameRole = Qt::UserRole + 1,
        ActionRole, // free text: ack_alarm, command, broadcast, …
        TargetRole, // as the server sent it (an id); empty when the action has none
        AtRole, // QDateTime, UTC
        // The target as the operator knows it (Domain::UserActivity::targetName),
        // or as sent when it has no other name. The Target column shows it, its
        // tool tip the target as sent when that differs.
        TargetNameRole,
    };
    Q_ENUM(Role)

    static constexpr int kDefaultCapacity = 500;

    explicit ActivityModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int capacity() const { return m_capacity; }
    // Drops the oldest rows at once if there are more than `rows`.
    void setCapacity(int rows);

    // Activity in arrival order (the last is the newest): one insert at the
    // top, and at most one removal of the oldest rows.
    void applyBatch(const QList<Domain::UserActivity> &activity);

    const Domain::UserActivity &activityAt(int row) const { return m_rows.at(row); }

private:
    void trimTo(int rows);

    QList<Domain::UserActivity> m_rows; // newest first
    int m_capacity = kDefaultCapacity;
};
