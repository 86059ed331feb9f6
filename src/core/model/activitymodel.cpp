#include "activitymodel.h"

#include <algorithm>

using Domain::UserActivity;

namespace {

QString targetName(const UserActivity &activity)
{
    return activity.targetName.isEmpty() ? activity.target : activity.targetName;
}

} // namespace

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserActivity &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return a.timestamp;
        case OperatorColumn:
            return a.operatorName;
        case ActionColumn:
            return a.action;
        case TargetColumn:
            return targetName(a);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TargetColumn && !a.targetName.isEmpty())
            return a.target;
        return {};
    case OperatorNameRole:
        return a.operatorName;
    case ActionRole:
        return a.action;
    case TargetRole:
        return a.target;
    case AtRole:
        return a.timestamp;
    case TargetNameRole:
        return targetName(a);
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OperatorColumn:
        return tr("Operator");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    }
    return {};
}

QHash<int, QByteArray> ActivityModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
        {OperatorNameRole, "operatorName"},
        {ActionRole, "action"},
        {TargetRole, "target"},
        {AtRole, "at"},
        {TargetNameRole, "targetName"},
    });
    return names;
}

void ActivityModel::setCapacity(int rows)
{
    m_capacity = std::max(0, rows);
    trimTo(m_capacity);
}

void ActivityModel::trimTo(int rows)
{
    const int size = int(m_rows.size());
    if (size <= rows)
        return;
    beginRemoveRows({}, rows, size - 1);
    m_rows.resize(rows);
    endRemoveRows();
}

void ActivityModel::applyBatch(const QList<UserActivity> &activity)
{
    // Only the newest `capacity` of a batch could stay.
    const int incoming = int(std::min<qsizetype>(activity.size(), m_capacity));
    if (incoming == 0)
        return;
    // Make room first, so the model never holds more than its capacity.
    trimTo(m_capacity - incoming);
    beginInsertRows({}, 0, incoming - 1);
    QList<UserActivity> rows;
    rows.reserve(incoming + m_rows.size());
    for (qsizetype i = activity.size() - 1; i >= activity.size() - incoming; --i)
        rows.append(activity.at(i));
    rows.append(m_rows);
    m_rows = std::move(rows);
    endInsertRows();
}
