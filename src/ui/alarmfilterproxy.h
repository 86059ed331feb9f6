#pragma once

#include "listfilterproxy.h"
#include "model/alarmmodel.h"

#include <QSet>

// One section of the alarms view over the AlarmModel: the alarms in play or
// the shelved ones (listed apart so a shelved alarm is never out of sight),
// narrowed by the operator's filters and a search in the message, source,
// alarm id, operators, note and reason. Sorts on the model's raw SortRole,
// except the severity and state columns, which sort as the summary reads
// (see lessThan).
class AlarmFilterProxy : public ListFilterProxy
{
    Q_OBJECT

public:
    enum class Section { InPlay, Shelved };

    explicit AlarmFilterProxy(Section section, QObject *parent = nullptr);

    Section section() const { return m_section; }

    // Alarms of this severity or a more severe one (Critical is the most).
    void setMinimumSeverity(Domain::AlarmSeverity severity) { setFilter(m_minimumSeverity, severity); }
    Domain::AlarmSeverity minimumSeverity() const { return m_minimumSeverity; }
    // Only these states (Domain::AlarmState as int); empty: any state.
    void setStates(const QSet<int> &states) { setFilter(m_states, states); }
    QSet<int> states() const { return m_states; }
    // Only this source kind (Domain::AlarmSourceKind as int); -1: any.
    void setSourceKind(int kind) { setFilter(m_sourceKind, kind); }
    int sourceKind() const { return m_sourceKind; }

    QString alarmIdAt(int proxyRow) const { return keyAt(proxyRow); }
    // The proxy row of an alarm, or -1 when it is not listed here.
    int rowOfAlarm(const QString &alarmId) const { return rowOfKey(alarmId); }

    // How soon an alarm in this state needs the operator, within its
    // priority: 0 active and unacknowledged, 1 returned to normal and
    // unacknowledged, 2 active and acknowledged, 3 anything else.
    static int attentionRank(Domain::AlarmState state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // The summary's order (the default: the severity column, ascending):
    // the most urgent priority first (PriorityCode's ranking, Unknown with
    // Critical), then within a priority by attentionRank, then the newest
    // first. Sorted by the state column: by attentionRank, then priority,
    // then newest. Other columns: their raw value. Remaining ties go to the
    // newest alarm first, then the id, so rows do not trade places as
    // updates arrive.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Section m_section;
    Domain::AlarmSeverity m_minimumSeverity = Domain::AlarmSeverity::Info;
    QSet<int> m_states;
    int m_sourceKind = -1;
};
