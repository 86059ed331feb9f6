#pragma once

#include "model/alarmmodel.h"

#include <QAbstractProxyModel>
#include <QDateTime>
#include <QHash>
#include <QSet>

// The alarm summary's rows over the filtered, sorted alarms (an
// AlarmFilterProxy): alarms of one condition over many sources ("battery
// low" on twenty drones, AlarmModel::conditionKey) become one group row with
// their count, listed where the group's first alarm would be, with the
// alarms themselves listed under it while it is expanded. A condition of
// fewer than kMinimumGroup listed alarms is listed as its alarms. With
// grouping off, the rows are the source's one for one.
//
// Contract:
//  - a flat list (no parents), the source's columns;
//  - an alarm's row (on its own or under its group) answers every role from
//    the source; a group row answers the group's summary: the most urgent
//    priority of its alarms, the state most in need of the operator
//    (AlarmFilterProxy::attentionRank), acknowledged only when all are,
//    stale only when all are, the first raise time, the most urgent alarm's
//    message, the source kind when all share one, and GroupSizeRole;
//  - rows change with signals that keep the views' selection and current
//    row on the same alarm or group (removals, then one reorder, then
//    insertions), so a flood does not throw the operator's place away;
//  - which groups are expanded is kept by condition, across changes, until
//    the condition has no alarm listed.
class AlarmGroupProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    static constexpr int kMinimumGroup = 2;

    enum Role : int {
        // int: on a group row the alarms it stands for; 0 on an alarm's row.
        GroupSizeRole = AlarmModel::FirstEntityRole + 64,
        // bool: an alarm's row listed under its expanded group.
        GroupMemberRole,
        // bool: a group row whose alarms are listed under it.
        GroupExpandedRole,
        // int: on a group row, how many of its alarms are acknowledged.
        GroupAcknowledgedRole,
    };
    Q_ENUM(Role)

    explicit AlarmGroupProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;

    // On by default.
    void setGrouping(bool on);
    bool grouping() const { return m_grouping; }

    bool isGroupRow(int row) const;
    // The condition of a group row or of an alarm listed under one; empty
    // for an alarm listed on its own.
    QString conditionAt(int row) const;
    void setExpanded(const QString &condition, bool expanded);
    bool isExpanded(const QString &condition) const { return m_expanded.contains(condition); }
    // Expands or collapses the group of `row` (a group row or one of its
    // alarms). Returns false when the row belongs to no group.
    bool toggleExpanded(int row);

    // The source's indexes (column 0) of the alarms `row` stands for: its
    // alarm, or every alarm of its group, in the source's order.
    QModelIndexList alarmIndexes(int row) const;
    // The row of an alarm listed on its own or under an expanded group, or -1.
    int rowOfAlarm(const QString &alarmId) const;
    // The group row of a condition, or -1 when it is not grouped.
    int rowOfGroup(const QString &condition) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    // Ours, not the source's: the base asks the source, which may already
    // have changed while this model has not followed yet.
    bool hasChildren(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    // Invalid for an alarm hidden in a collapsed group.
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    enum class Kind { Alarm, Group, Member };
    struct Entry
    {
        Kind kind;
        QString key; // the alarm id, or a group row's condition
        int sourceRow; // -1 for a group row (or an alarm no longer listed)
        QString condition; // a member's group
    };
    struct Group
    {
        QList<int> sourceRows;
        Domain::AlarmSeverity severity = Domain::AlarmSeverity::Unknown;
        Domain::AlarmState state = Domain::AlarmState::Cleared;
        int acknowledged = 0;
        bool active = false;
        bool stale = true;
        bool unconfirmed = false;
        bool chattering = false;
        int sourceKind = -1; // -1: the alarms' sources are of different kinds
        QDateTime firstRaised;
        QString message; // the most urgent alarm's
    };

    static QString entryKey(const Entry &entry);
    Group summarise(const QList<int> &sourceRows) const;
    QVariant groupData(const QString &condition, int column, int role) const;
    // Makes the rows the source's as they are now, with the fewest signals.
    void sync();
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void indexRows();

    bool m_grouping = true;
    QList<Entry> m_entries;
    QHash<QString, Group> m_groups; // conditions listed as a group
    QSet<QString> m_expanded;
    QList<int> m_rowOfSource; // per source row: its row here, or -1 in a collapsed group
    QList<QString> m_conditionOfSource; // per source row, while grouping
    QHash<QString, int> m_rowOfEntry; // entryKey → row
    QList<QMetaObject::Connection> m_sourceConnections;
};
