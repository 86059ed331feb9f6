#include "operatormodel.h"

#include <QSet>
#include <QVariantMap>

#include <algorithm>

using Domain::OperatorPresence;
using Domain::PresenceChange;
using Domain::UserActivity;

OperatorModel::OperatorModel(QObject *parent)
    : LiveTableModel(parent)
{
    // Presence has no cadence: stale only while the link is down.
    setExpectedPeriodMs(0);
}

int OperatorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OperatorModel::keyOf(const OperatorPresence &presence)
{
    return presence.name + u'@' + presence.client;
}

QVariant OperatorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Operator &o = m_operators.at(index.row());
    const UserActivity *last = o.recent.isEmpty() ? nullptr : &o.recent.first();
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        // Raw values sort naturally, so both roles answer the same.
        switch (index.column()) {
        case NameColumn:
            return o.presence.name;
        case RoleColumn:
            return int(o.presence.role);
        case SinceColumn:
            return o.presence.since;
        case ClientColumn:
            return o.presence.client;
        case LastActionColumn:
            return last ? last->action : QString();
        case LastActionAtColumn:
            return last ? last->timestamp : QDateTime();
        }
        return {};
    case NameRole:
        return o.presence.name;
    case OperatorRoleRole:
        return int(o.presence.role);
    case SinceRole:
        return o.presence.since;
    case ClientRole:
        return o.presence.client;
    case LastActionRole:
        return last ? last->action : QString();
    case LastTargetRole:
        return last ? last->target : QString();
    case LastTargetNameRole:
        return !last ? QString() : last->targetName.isEmpty() ? last->target : last->targetName;
    case LastActionAtRole:
        return last ? last->timestamp : QDateTime();
    case RecentActivityRole: {
        QVariantList recent;
        recent.reserve(o.recent.size());
        for (const UserActivity &a : o.recent) {
            recent.append(QVariantMap {
                {QStringLiteral("action"), a.action},
                {QStringLiteral("target"), a.target},
                {QStringLiteral("targetName"), a.targetName.isEmpty() ? a.target : a.targetName},
                {QStringLiteral("at"), a.timestamp},
            });
        }
        return recent;
    }
    }
    return baseData(index.row(), role);
}

QVariant OperatorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Operator");
    case RoleColumn:
        return tr("Role");
    case SinceColumn:
        return tr("Since");
    case ClientColumn:
        return tr("Console");
    case LastActionColumn:
        return tr("Last action");
    case LastActionAtColumn:
        return tr("Last action at");
    }
    return {};
}

QHash<int, QByteArray> OperatorModel::roleNames() const
{
    QHash<int, QByteArray> names = LiveTableModel::roleNames();
    names.insert({
        {NameRole, "name"},
        {OperatorRoleRole, "role"},
        {SinceRole, "since"},
        {ClientRole, "client"},
        {LastActionRole, "lastAction"},
        {LastTargetRole, "lastTarget"},
        {LastTargetNameRole, "lastTargetName"},
        {LastActionAtRole, "lastActionAt"},
        {RecentActivityRole, "recentActivity"},
    });
    return names;
}

void OperatorModel::reconcile(const QList<OperatorPresence> &present)
{
    QSet<QString> keep;
    keep.reserve(present.size());
    for (const OperatorPresence &p : present)
        keep.insert(keyOf(p));
    removeRowsNotIn(keep);

    struct Before
    {
        OperatorPresence presence;
        bool stale = false;
    };
    const qint64 t = now();
    QHash<int, Before> before;
    QStringList newKeys;
    QHash<QString, OperatorPresence> added;
    for (const OperatorPresence &p : present) {
        const QString key = keyOf(p);
        const int row = rowOf(key);
        if (row < 0) {
            if (!added.contains(key))
                newKeys.append(key);
            added.insert(key, p);
            continue;
        }
        if (!before.contains(row))
            before.insert(row, {m_operators.at(row).presence, isStale(row)});
        m_operators[row].presence = p;
        markHeard(row, t);
    }

    QHash<int, QList<int>> rolesByRow;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        // Name and client make the key: only the role and the time can differ.
        const OperatorPresence &current = m_operators.at(it.key()).presence;
        QList<int> roles;
        if (it->presence.role != current.role)
            roles << OperatorRoleRole;
        if (it->presence.since != current.since)
            roles << SinceRole;
        if (!roles.isEmpty())
            roles << Qt::DisplayRole << SortRole;
        if (it->stale != isStale(it.key()))
            roles << StaleRole;
        if (!roles.isEmpty())
            rolesByRow.insert(it.key(), roles);
    }
    emitRowChanges(std::move(rolesByRow));

    appendRows(newKeys, [&] {
        for (const QString &key : std::as_const(newKeys))
            m_operators.append({added[key], {}});
    });
    Q_EMIT contentsUpdated();
}

void OperatorModel::applyPresenceChanges(const QList<PresenceChange> &changes)
{
    QList<OperatorPresence> present;
    present.reserve(m_operators.size());
    for (const Operator &o : std::as_const(m_operators))
        present.append(o.presence);
    for (const PresenceChange &change : changes) {
        for (const OperatorPresence &leaving : change.left) {
            const QString key = keyOf(leaving);
            present.removeIf([&key](const OperatorPresence &p) { return keyOf(p) == key; });
        }
        for (const OperatorPresence &joining : change.joined) {
            const QString key = keyOf(joining);
            const auto it = std::find_if(present.begin(), present.end(),
                                         [&key](const OperatorPresence &p) { return keyOf(p) == key; });
            if (it == present.end())
                present.append(joining);
            else
                *it = joining;
        }
    }
    reconcile(present);
}

void OperatorModel::applyActivity(const QList<UserActivity> &activity)
{
    struct Before
    {
        QString action;
        QString target;
        QDateTime at;
    };
    QHash<int, Before> before;
    for (const UserActivity &a : activity) {
        for (int row = 0; row < m_operators.size(); ++row) {
            Operator &o = m_operators[row];
            if (o.presence.name != a.operatorName)
                continue;
            if (!before.contains(row)) {
                const bool none = o.recent.isEmpty();
                before.insert(
                    row,
                    none ? Before {}
                         : Before {o.recent.first().action, o.recent.first().target, o.recent.first().timestamp});
            }
            o.recent.prepend(a);
            if (o.recent.size() > kRecentActivityPerOperator)
                o.recent.resize(kRecentActivityPerOperator);
        }
    }

    QHash<int, QList<int>> rolesByRow;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const UserActivity &last = m_operators.at(it.key()).recent.first();
        // Something was added, so the list changed even if it repeats the last action.
        QList<int> roles {RecentActivityRole};
        bool column = false;
        if (it->action != last.action) {
            roles << LastActionRole;
            column = true;
        }
        if (it->target != last.target) {
            roles << LastTargetRole << LastTargetNameRole;
            column = true; // the column names the target beside the action
        }
        if (it->at != last.timestamp) {
            roles << LastActionAtRole;
            column = true;
        }
        if (column)
            roles << Qt::DisplayRole << SortRole;
        rolesByRow.insert(it.key(), roles);
    }
    emitRowChanges(std::move(rolesByRow));
    Q_EMIT contentsUpdated();
}

void OperatorModel::removeItems(int first, int count)
{
    m_operators.remove(first, count);
}
