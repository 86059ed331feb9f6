#include "activitydelegate.h"

#include "cellpainter.h"
#include "model/activitymodel.h"
#include "model/operatormodel.h"
#include "theme.h"
#include "timetext.h"

ActivityDelegate::ActivityDelegate(Table table, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_table(table)
{ }

QString ActivityDelegate::roleText(Domain::OperatorRole role)
{
    switch (role) {
    case Domain::OperatorRole::Viewer:
        return tr("Viewer");
    case Domain::OperatorRole::Operator:
        return tr("Operator");
    case Domain::OperatorRole::Admin:
        return tr("Administrator");
    }
    return {};
}

QString ActivityDelegate::actionText(const QString &action)
{
    if (action == u"ack_alarm")
        return tr("Acknowledged alarm");
    if (action == u"shelve_alarm")
        return tr("Shelved alarm");
    if (action == u"unshelve_alarm")
        return tr("Unshelved alarm");
    if (action == u"command")
        return tr("Sent command");
    if (action == u"dashboard_refresh")
        return tr("Refreshed dashboard");
    if (action == u"broadcast")
        return tr("Broadcast");
    return action;
}

QString ActivityDelegate::cellText(Table table, const QModelIndex &index)
{
    if (table == Table::Operators) {
        switch (index.column()) {
        case OperatorModel::RoleColumn:
            return roleText(Domain::OperatorRole(index.data(OperatorModel::OperatorRoleRole).toInt()));
        case OperatorModel::SinceColumn:
            return TimeText::of(index.data(OperatorModel::SinceRole).toDateTime());
        case OperatorModel::LastActionColumn: {
            const QString action = index.data(OperatorModel::LastActionRole).toString();
            const QString target = index.data(OperatorModel::LastTargetNameRole).toString();
            if (action.isEmpty())
                return {};
            return target.isEmpty() ? actionText(action) : tr("%1 · %2").arg(actionText(action), target);
        }
        case OperatorModel::LastActionAtColumn:
            return TimeText::of(index.data(OperatorModel::LastActionAtRole).toDateTime());
        default:
            return index.data().toString();
        }
    }
    switch (index.column()) {
    case ActivityModel::TimeColumn:
        return TimeText::of(index.data(ActivityModel::AtRole).toDateTime());
    case ActivityModel::ActionColumn:
        return actionText(index.data(ActivityModel::ActionRole).toString());
    default:
        return index.data().toString();
    }
}

void ActivityDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = cellText(m_table, index);
}

void ActivityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    CellPainter::markStale(opt, m_table == Table::Operators && index.data(OperatorModel::StaleRole).toBool());
    QStyledItemDelegate::paint(painter, opt, index);
}
