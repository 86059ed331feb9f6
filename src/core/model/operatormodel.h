#pragma once

#include "domain/presence.h"
#include "livetablemodel.h"

#include <QDateTime>
#include <QList>
#include <QString>

// The operators at a console now, one row per operator and console,
// keyed by name + "@" + client, with what each did last. The `presence`
// snapshot and every presence event carry the full list.
class OperatorModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        RoleColumn,
        SinceColumn,
        ClientColumn,
        LastActionColumn,
        LastActionAtColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int {
        NameRole = FirstEntityRole,
        OperatorRoleRole, // Domain::OperatorRole as int; named "role"
        SinceRole, // QDateTime, UTC
        ClientRole, // empty when the console did not say
        LastActionRole, // empty until the operator does something
        LastTargetRole, // as the server sent it
        LastTargetNameRole, // as the operator knows it (ActivityModel::TargetNameRole)
        LastActionAtRole,
        // QVariantList of QVariantMap {action, target, targetName, at}, newest first.
        RecentActivityRole,
    };
    Q_ENUM(Role)

    static constexpr int kRecentActivityPerOperator = 20;

    explicit OperatorModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString keyOf(const Domain::OperatorPresence &presence);

    // The full list of operators present, from a snapshot or an event.
    void reconcile(const QList<Domain::OperatorPresence> &present);
    // Applies `presence_changed` news in order: who left goes, who joined
    // is added (or updated, when the same name and client is listed).
    void applyPresenceChanges(const QList<Domain::PresenceChange> &changes);
    // In arrival order. Matched by operator name, on every console that
    // operator is at; activity of someone not present is not kept here.
    void applyActivity(const QList<Domain::UserActivity> &activity);

    const Domain::OperatorPresence &operatorAt(int row) const { return m_operators.at(row).presence; }
    // Newest first.
    QList<Domain::UserActivity> recentActivity(int row) const { return m_operators.at(row).recent; }

protected:
    void removeItems(int first, int count) override;

private:
    struct Operator
    {
        Domain::OperatorPresence presence;
        QList<Domain::UserActivity> recent; // newest first, bounded
    };

    QList<Operator> m_operators; // parallel to the rows
};
