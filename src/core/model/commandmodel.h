#pragma once

#include "domain/commandrecord.h"
#include "domain/plant.h"
#include "livetablemodel.h"

#include <QList>

// Commands sent to control-panel endpoints, by this console or any other,
// one row per commandId in the order this console first saw them, each with
// every status it went through (a Domain::CommandRecord, whose history has
// the actual value and error known at each change). A command is history once it has finished:
// the `commands` snapshot updates the commands it lists and adds the new
// ones, but never removes one it no longer lists; only the row bound does,
// oldest finished commands first.
class CommandModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        EndpointColumn,
        RequestedColumn,
        ActualColumn,
        OperatorColumn,
        StatusColumn,
        LastChangeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int {
        CommandIdRole = FirstEntityRole,
        EndpointIdRole,
        RequestedValueRole, // bool, double or QString; invalid when unknown
        ActualValueRole, // the value the endpoint reached; invalid when unknown
        OperatorNameRole,
        StatusRole, // Domain::CommandState as int
        FinalRole, // bool: the status will not change any more
        ErrorRole, // QString; invalid when the server gave none
        IssuedAtRole, // QDateTime, UTC: when this console first saw the command
        CompletedAtRole, // QDateTime, UTC, the server's; invalid until finished
        LastChangeRole, // QDateTime, UTC: when this console saw the latest status change
        HistoryRole, // QVariantList of QVariantMap {status, at[, actualValue][, error]}, oldest first
    };
    Q_ENUM(Role)

    explicit CommandModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // command_status events, in arrival order. Every change of a command's
    // status enters its history (a repeat does not); each command changed
    // gets one dataChanged per batch, new commands one insert. A status that
    // is not final, arriving after its command finished, is a late
    // duplicate: ignored and recorded nowhere. Fields a status leaves out
    // (endpoint, values, operator, error) keep what was known.
    void applyBatch(const QList<Domain::CommandStatus> &updates);
    // The `commands` snapshot: an upsert. Commands it does not list are
    // kept, since they are history, not a state the server retracted.
    void reconcile(const QList<Domain::CommandStatus> &snapshot) { applyBatch(snapshot); }
    // This console's own command, as it learnt of it: the server's answer
    // (queued; or sent, to a server that confirms nothing), its refusal, or
    // its loss with the link. Nothing is listed before the server answered.
    // A status the server has given already stands, unless this one ends the
    // command and that one did not.
    void noteIssued(const Domain::CommandStatus &command, const QString &operatorName);

    // At most this many rows: past it the oldest finished commands go.
    // Commands still under way are never dropped, so the bound may be
    // exceeded while more than that many are pending.
    void setMaxRows(int rows);
    int maxRows() const { return m_maxRows; }

    int pendingCount() const;
    const Domain::CommandRecord &commandAt(int row) const { return m_items.at(row); }

protected:
    void removeItems(int first, int count) override;

private:
    // Folds a status heard at `at` into the record; a new record (no history
    // yet) starts with it.
    static void merge(Domain::CommandRecord &record, const Domain::CommandStatus &update, const QDateTime &at);
    static QList<int> changedRoles(const Domain::CommandRecord &before, const Domain::CommandRecord &after);
    bool evictOverBound(); // true if it removed rows

    QList<Domain::CommandRecord> m_items; // parallel to the rows
    int m_maxRows = 2000;
};
