#pragma once

#include "livetablemodel.h"
#include "protocol/alarm.h"

#include <QHash>
#include <QList>
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
        SeverityRole, // Protocol::AlarmSeverity as int
        MessageRole,
        SourceKindRole, // Protocol::AlarmSourceKind as int
        SourceIdRole,
        StateRole, // Protocol::AlarmState as int
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
    };
    Q_ENUM(Role)

    explicit AlarmModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Makes the model equal to an `alarms` snapshot. Alarms it no longer
    // lists were cleared meanwhile: they leave, and alarmsChanged reports
    // them in state Cleared.
    void reconcile(const QList<Protocol::Alarm> &snapshot);
    // `alarm` events in arrival order.
    void applyBatch(const QList<Protocol::Alarm> &updates);

    std::optional<Protocol::Alarm> alarm(const QString &alarmId) const;
    const Protocol::Alarm &alarmAt(int row) const { return m_alarms.at(row); }

    int count(Protocol::AlarmSeverity severity, Protocol::AlarmState state) const;
    // Alarms waiting for an acknowledgement: active or returned to normal.
    int unacknowledgedCount() const;
    // Unacknowledged alarms of this severity or a more severe one.
    int unacknowledgedAtLeast(Protocol::AlarmSeverity severity) const;
    // Alarms whose condition is present, acknowledged or not.
    int activeCount(Protocol::AlarmSeverity severity) const;

    // Whether `update` is a new occurrence that a server announced under the
    // id of an earlier one it no longer counts: a different activation time
    // without a higher activation count (a restarted server numbering its
    // alarms from the start again, or a plain server that has no count). A
    // real re-activation raises the count; an update of the same occurrence
    // keeps its activation time.
    static bool isReusedId(const QDateTime &heldRaisedAt, qint64 heldCount, const Protocol::Alarm &update);
    static bool isUnacknowledged(Protocol::AlarmState state);
    static bool isActive(Protocol::AlarmState state);

Q_SIGNALS:
    // Once per batch or reconcile that changed something: the final state
    // of every alarm that was new or changed, cleared ones included, in the
    // order they first appeared.
    void alarmsChanged(const QList<Protocol::Alarm> &changed);

protected:
    void removeItems(int first, int count) override;

private:
    static constexpr int kSeverities = 5;
    static constexpr int kStates = 5;
    void apply(const QList<Protocol::Alarm> &updates, QList<Protocol::Alarm> &changed);
    QList<int> changedRoles(const Protocol::Alarm &before, const Protocol::Alarm &after) const;
    int &countOf(const Protocol::Alarm &alarm);

    QList<Protocol::Alarm> m_alarms; // parallel to the rows
    std::array<int, kSeverities * kStates> m_counts {};
};
