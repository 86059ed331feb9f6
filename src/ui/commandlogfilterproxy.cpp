#include "commandlogfilterproxy.h"

#include "commandlogdelegate.h"
#include "domain/commandstate.h"
#include "model/commandlogmodel.h"

using Domain::CommandState;

CommandLogFilterProxy::CommandLogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CommandLogModel::SortRole);
    setDynamicSortFilter(true);
}

void CommandLogFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    invalidateFilter();
}

void CommandLogFilterProxy::setOperatorName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed == m_operator)
        return;
    m_operator = trimmed;
    invalidateFilter();
}

void CommandLogFilterProxy::setEndpointText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_endpoint)
        return;
    m_endpoint = trimmed;
    invalidateFilter();
}

void CommandLogFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool CommandLogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto status = CommandState(index.data(CommandLogModel::StatusRole).toInt());
    switch (m_status) {
    case StatusFilter::All:
        break;
    case StatusFilter::Pending:
        if (Domain::isFinal(status))
            return false;
        break;
    case StatusFilter::Succeeded:
        if (status != CommandState::Succeeded)
            return false;
        break;
    case StatusFilter::Unsuccessful:
        if (!CommandLogDelegate::isUnsuccessful(status))
            return false;
        break;
    }
    if (!m_operator.isEmpty()
        && index.data(CommandLogModel::OperatorNameRole).toString().compare(m_operator, Qt::CaseInsensitive) != 0)
        return false;
    // The endpoint as its id or as the operator reads it (tile › device › endpoint).
    if (!m_endpoint.isEmpty()
        && !index.data(CommandLogModel::EndpointIdRole).toString().contains(m_endpoint, Qt::CaseInsensitive)
        && !sourceModel()
                ->index(sourceRow, CommandLogModel::EndpointColumn, sourceParent)
                .data()
                .toString()
                .contains(m_endpoint, Qt::CaseInsensitive))
        return false;
    if (m_text.isEmpty())
        return true;
    if (index.data(CommandLogModel::CommandIdRole).toString().contains(m_text, Qt::CaseInsensitive))
        return true;
    for (int column = 0; column < CommandLogModel::ColumnCount; ++column) {
        if (CommandLogDelegate::cellText(sourceModel()->index(sourceRow, column, sourceParent))
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
