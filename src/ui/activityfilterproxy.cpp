#include "activityfilterproxy.h"

#include "activitydelegate.h"
#include "model/activitymodel.h"

ActivityFilterProxy::ActivityFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void ActivityFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ActivityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString action = index.data(ActivityModel::ActionRole).toString();
    for (const QString &text :
         {index.data(ActivityModel::OperatorNameRole).toString(), action, ActivityDelegate::actionText(action),
          index.data(ActivityModel::TargetRole).toString(), index.data(ActivityModel::TargetNameRole).toString()}) {
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
