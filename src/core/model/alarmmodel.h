#pragma once

#include "domain/alarm.h"
#include "livetablemodel.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <array>
#include <optional>

// The alarms the server holds, one row per alarm: every alarm not cleared.
// Texts longer than a screen can show (a message of a megabyte) are cut as
// they come in (DisplayText), so no view, toast or notification ever lays
// them out whole.
// Fed by `alarm` events (an upsert each; a cleared one leaves the model) and
// by the `alarms` snapshot. Keeps per severity and state counts for the
// banner and the summary, so nobody rescans the rows.
class AlarmModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column {
        SeverityColumn,
        StateColumn,
        SourceColumn,
        MessageColumn,
        RaisedColumn,
        AckedByColumn,
        AckedAtColumn,
        NoteColumn,
        ShelvedUntilColumn,
        CountColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Optional fields the server did not send answer an invalid QVariant.
    enum Role : int {
        AlarmIdRole = FirstEntityRole,
        SeverityRole, // Domain::AlarmSeverity as int (rank with Domain::severityRank)
        MessageRole,
        SourceKindRole, // Domain::AlarmSourceKind as int
        SourceIdRole,
        StateRole, // Domain::AlarmState as int
        RaisedAtRole, // QDateTime, UTC
        AckedByRole,
        AckedAtRole,
        NoteRole,
        ShelvedUntilRole,
        ShelvedByRole,
        ShelveReasonRole,
        CountRole, // activations so far
        ChatteringRole,
        AcknowledgedRole, // bool: no acknowledgement outstanding
        ActiveRole, // bool: the condition is still present
        UnconfirmedRole, // bool: waiting, but missing from the server's last snapshot
        ConditionRole, // QString: conditionKey(), what alarms of many sources share
    };
    Q_ENUM(Role)

    explicit AlarmModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Makes the model equal to an `alarms` snapshot. An alarm it no longer
    // lists that needed nothing more from the operator (acknowledged, or
    // shelved) leaves, and alarmsChanged reports it in state Cleared with
    // noLongerReported() true: the server no longer holds it, which is not
    // the same as having seen it clear. One that still waited for an acknowledgement is not
    // taken for cleared (a restarted server forgets its alarms; nobody
    // acknowledged them): it stays, unconfirmed (UnconfirmedRole), until the
    // server speaks of it again or the operator lets it go (forget()).
    void reconcile(const QList<Domain::Alarm> &snapshot);
    // `alarm` events in arrival order.
    void applyBatch(const QList<Domain::Alarm> &updates);

    // Whether the alarm waits for an acknowledgement the server can no
    // longer take: the last snapshot did not list it.
    bool isUnconfirmed(const QString &alarmId) const { return m_unconfirmed.contains(alarmId); }
    int unconfirmedCount() const { return int(m_unconfirmed.size()); }
    // The operator lets unconfirmed alarms go (acknowledges them here: the
    // server does not hold them). They leave, reported in state Cleared with
    // noLongerReported() true.
    // Ids that are not unconfirmed are ignored. Returns how many left.
    int forget(const QStringList &alarmIds);

    std::optional<Domain::Alarm> alarm(const QString &alarmId) const;
    const Domain::Alarm &alarmAt(int row) const { return m_alarms.at(row); }

    int count(Domain::AlarmSeverity severity, Domain::AlarmState state) const;
    // THE count of alarms waiting for the operator, the one number every
    // surface shows (the alarm banner, the bell, the Overview's tile, the
    // notification center, the alarms view's summary): alarms the server
    // holds that are active or returned to normal and not acknowledged —
    // isUnacknowledged(), states ActiveUnacked and RtnUnacked. A shelved
    // alarm (state Shelved) does not count, nor an acknowledged or cleared
    // one; one the last snapshot did not list (unconfirmed) still waits here
    // and counts. docs/alarms.md, "Waiting alarms", says the same.
    int unacknowledgedCount() const;
    // The same count for one priority.
    int unacknowledgedCount(Domain::AlarmSeverity severity) const;
    // The most urgent priority among the waiting alarms (Critical and
    // Unknown before High, and so on), or none when nothing waits.
    std::optional<Domain::AlarmSeverity> mostUrgentUnacknowledged() const;
    // Unacknowledged alarms of this severity or a more severe one.
    int unacknowledgedAtLeast(Domain::AlarmSeverity severity) const;
    // Alarms whose condition is present, acknowledged or not.
    int activeCount(Domain::AlarmSeverity severity) const;

    // Whether `update` is a new occurrence that a server announced under the
    // id of an earlier one it no longer counts: a different activation time
    // without a higher activation count (a restarted server numbering its
    // alarms from the start again, or a plain server that has no count). A
    // real re-activation raises the count; an update of the same occurrence
    // keeps its activation time.
    static bool isReusedId(const QDateTime &heldRaisedAt, qint64 heldCount, const Domain::Alarm &update);
    // While alarmsChanged is being emitted: whether this alarm's update was
    // such a new occurrence under a reused id (see isReusedId).
    bool wasReplaced(const QString &alarmId) const { return m_replaced.contains(alarmId); }
    // While alarmsChanged is being emitted: whether this alarm, reported in
    // state Cleared, left because the server's snapshot no longer listed it
    // (reconcile(), forget()), not because the server said it cleared.
    // Whoever announces its end says "no longer reported by the server".
    bool noLongerReported(const QString &alarmId) const { return m_unreported.contains(alarmId); }
    // What makes alarms of many sources "the same condition" (battery low
    // on twenty drones), so a summary can list them as one. The alarm id
    // first, when a server names each condition of each source by an id
    // built from its parts ("drone:WF-D0003:battery_low"): the id with the
    // source's id taken out ("id:drone:*:battery_low"). Otherwise the
    // message with the source's id and every number taken out, with the
    // source's kind ("message:drone:battery of * at # %"): the values
    // differ from source to source, the words do not. Without a source id
    // in either, the alarm id alone ("alarm:…"): a condition of one.
    // docs/alarms.md, "The same condition", says the same.
    static QString conditionKey(const Domain::Alarm &alarm);
    static bool isUnacknowledged(Domain::AlarmState state);
    static bool isActive(Domain::AlarmState state);

Q_SIGNALS:
    // Once per batch or reconcile that changed something: the final state
    // of every alarm that was new or changed, cleared ones included, in the
    // order they first appeared.
    void alarmsChanged(const QList<Domain::Alarm> &changed);

protected:
    void removeItems(int first, int count) override;

private:
    static constexpr int kSeverities = 6;
    static constexpr int kStates = 5;
    void apply(const QList<Domain::Alarm> &updates, QList<Domain::Alarm> &changed);
    QList<int> changedRoles(const Domain::Alarm &before, const Domain::Alarm &after) const;
    int &countOf(const Domain::Alarm &alarm);

    QList<Domain::Alarm> m_alarms; // parallel to the rows
    QStringList m_conditions; // parallel to the rows: conditionKey() of each, kept as m_alarms changes
    QSet<QString> m_unconfirmed; // alarm ids
    QSet<QString> m_replaced; // ids whose update in the current change was a new occurrence
    QSet<QString> m_unreported; // ids the current change reports gone from the server's list
    std::array<int, kSeverities * kStates> m_counts {};
};
