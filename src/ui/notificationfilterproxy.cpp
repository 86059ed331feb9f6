#include "notificationfilterproxy.h"

using Role = NotificationModel::Role;

NotificationFilterProxy::NotificationFilterProxy(QObject *parent)
    : ListFilterProxy(NotificationModel::IdRole, NotificationModel::TimeRole,
                      {NotificationModel::TitleRole, NotificationModel::MessageRole, NotificationModel::SourceIdRole,
                       NotificationModel::AckedByRole, NotificationModel::NoteRole},
                      parent)
{
    sort(0, Qt::DescendingOrder);
}

QStringList NotificationFilterProxy::waitingIds() const
{
    QStringList ids;
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex i = index(row, 0);
        if (i.data(Role::NeedsAckRole).toBool())
            ids.append(i.data(Role::IdRole).toString());
    }
    return ids;
}

bool NotificationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    // Lower enum values are more severe.
    if (Domain::severityRank(Domain::AlarmSeverity(i.data(Role::SeverityRole).toInt()))
        > Domain::severityRank(m_minimumSeverity))
        return false;
    if (m_kind >= 0 && i.data(Role::KindRole).toInt() != m_kind)
        return false;
    if (m_unreadOnly && i.data(Role::ReadRole).toBool())
        return false;
    if (m_unacknowledgedOnly && !i.data(Role::NeedsAckRole).toBool())
        return false;
    return matchesSearch(i);
}

bool NotificationFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QDateTime l = left.data(Role::TimeRole).toDateTime();
    const QDateTime r = right.data(Role::TimeRole).toDateTime();
    if (l != r)
        return l < r;
    return left.data(keyRole()).toString() < right.data(keyRole()).toString();
}
