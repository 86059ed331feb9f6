#include "notificationfilterproxy.h"

using Role = NotificationModel::Role;

NotificationFilterProxy::NotificationFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(NotificationModel::TimeRole);
    sort(0, Qt::DescendingOrder);
}

void NotificationFilterProxy::refilter()
{
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter() re-evaluates every row.
    invalidateFilter();
}

void NotificationFilterProxy::setMinimumSeverity(Domain::AlarmSeverity severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    refilter();
}

void NotificationFilterProxy::setKind(int kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    refilter();
}

void NotificationFilterProxy::setUnreadOnly(bool on)
{
    if (on == m_unreadOnly)
        return;
    m_unreadOnly = on;
    refilter();
}

void NotificationFilterProxy::setUnacknowledgedOnly(bool on)
{
    if (on == m_unacknowledgedOnly)
        return;
    m_unacknowledgedOnly = on;
    refilter();
}

void NotificationFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    refilter();
}

QString NotificationFilterProxy::idAt(int proxyRow) const
{
    return index(proxyRow, 0).data(Role::IdRole).toString();
}

int NotificationFilterProxy::rowOf(const QString &notificationId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (idAt(row) == notificationId)
            return row;
    }
    return -1;
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
    if (m_searchText.isEmpty())
        return true;
    for (int role : {int(Role::TitleRole), int(Role::MessageRole), int(Role::SourceIdRole), int(Role::AckedByRole),
                     int(Role::NoteRole)}) {
        if (i.data(role).toString().contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool NotificationFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QDateTime l = left.data(Role::TimeRole).toDateTime();
    const QDateTime r = right.data(Role::TimeRole).toDateTime();
    if (l != r)
        return l < r;
    // Ties keep a fixed order so rows do not trade places as updates arrive.
    return left.data(Role::IdRole).toString() < right.data(Role::IdRole).toString();
}
