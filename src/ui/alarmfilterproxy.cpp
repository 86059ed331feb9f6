#include "alarmfilterproxy.h"

AlarmFilterProxy::AlarmFilterProxy(Section section, QObject *parent)
    : ListFilterProxy(AlarmModel::AlarmIdRole, AlarmModel::SortRole,
                      {AlarmModel::MessageRole, AlarmModel::SourceIdRole, AlarmModel::AlarmIdRole,
                       AlarmModel::AckedByRole, AlarmModel::NoteRole, AlarmModel::ShelvedByRole,
                       AlarmModel::ShelveReasonRole},
                      parent)
    , m_section(section)
{ }

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
    return matchesSearch(index);
}

int AlarmFilterProxy::attentionRank(Domain::AlarmState state)
{
    switch (state) {
    case Domain::AlarmState::ActiveUnacked:
        return 0;
    case Domain::AlarmState::RtnUnacked:
        return 1;
    case Domain::AlarmState::ActiveAcked:
        return 2;
    case Domain::AlarmState::Cleared:
    case Domain::AlarmState::Shelved:
        break;
    }
    return 3;
}

bool AlarmFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int column = left.column();
    if (column == AlarmModel::SeverityColumn || column == AlarmModel::StateColumn) {
        const auto rank = [](const QModelIndex &index) {
            return Domain::severityRank(Domain::AlarmSeverity(index.data(AlarmModel::SeverityRole).toInt()));
        };
        const auto attention = [](const QModelIndex &index) {
            return attentionRank(Domain::AlarmState(index.data(AlarmModel::StateRole).toInt()));
        };
        const auto first = column == AlarmModel::SeverityColumn ? std::pair {rank(left), rank(right)}
                                                                : std::pair {attention(left), attention(right)};
        if (first.first != first.second)
            return first.first < first.second;
        const auto second = column == AlarmModel::SeverityColumn ? std::pair {attention(left), attention(right)}
                                                                 : std::pair {rank(left), rank(right)};
        if (second.first != second.second)
            return second.first < second.second;
    } else {
        if (QSortFilterProxyModel::lessThan(left, right))
            return true;
        if (QSortFilterProxyModel::lessThan(right, left))
            return false;
    }
    const QDateTime leftRaised = left.data(AlarmModel::RaisedAtRole).toDateTime();
    const QDateTime rightRaised = right.data(AlarmModel::RaisedAtRole).toDateTime();
    if (leftRaised != rightRaised)
        return leftRaised > rightRaised;
    return ListFilterProxy::lessThan(left, right);
}
