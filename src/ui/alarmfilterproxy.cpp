#include "alarmfilterproxy.h"

AlarmFilterProxy::AlarmFilterProxy(Section section, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_section(section)
{
    setSortRole(AlarmModel::SortRole);
    // An acknowledged or shelved alarm moves at once, not on the next resort.
    setDynamicSortFilter(true);
}

void AlarmFilterProxy::setMinimumSeverity(Domain::AlarmSeverity severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

void AlarmFilterProxy::setStates(const QSet<int> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    invalidateFilter();
}

void AlarmFilterProxy::setSourceKind(int kind)
{
    if (kind == m_sourceKind)
        return;
    m_sourceKind = kind;
    invalidateFilter();
}

void AlarmFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateFilter();
}

QString AlarmFilterProxy::alarmIdAt(int proxyRow) const
{
    return index(proxyRow, 0).data(AlarmModel::AlarmIdRole).toString();
}

int AlarmFilterProxy::rowOfAlarm(const QString &alarmId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (alarmIdAt(row) == alarmId)
            return row;
    }
    return -1;
}

bool AlarmFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const int state = index.data(AlarmModel::StateRole).toInt();
    const bool shelved = state == int(Domain::AlarmState::Shelved);
    if (shelved != (m_section == Section::Shelved))
        return false;
    // Unknown ranks with Critical: no filter hides it.
    if (Domain::severityRank(Domain::AlarmSeverity(index.data(AlarmModel::SeverityRole).toInt()))
        > Domain::severityRank(m_minimumSeverity))
        return false;
    if (!m_states.isEmpty() && !m_states.contains(state))
        return false;
    if (m_sourceKind >= 0) {
        const QVariant kind = index.data(AlarmModel::SourceKindRole);
        if (!kind.isValid() || kind.toInt() != m_sourceKind)
            return false;
    }
    if (m_searchText.isEmpty())
        return true;
    static constexpr int searched[]
        = {AlarmModel::MessageRole, AlarmModel::SourceIdRole,  AlarmModel::AlarmIdRole,     AlarmModel::AckedByRole,
           AlarmModel::NoteRole,    AlarmModel::ShelvedByRole, AlarmModel::ShelveReasonRole};
    for (int role : searched) {
        if (index.data(role).toString().contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool AlarmFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (QSortFilterProxyModel::lessThan(left, right))
        return true;
    if (QSortFilterProxyModel::lessThan(right, left))
        return false;
    const QDateTime leftRaised = left.data(AlarmModel::RaisedAtRole).toDateTime();
    const QDateTime rightRaised = right.data(AlarmModel::RaisedAtRole).toDateTime();
    if (leftRaised != rightRaised)
        return leftRaised > rightRaised;
    return left.data(AlarmModel::AlarmIdRole).toString() < right.data(AlarmModel::AlarmIdRole).toString();
}
