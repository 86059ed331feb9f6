#pragma once

#include "model/notificationmodel.h"

#include <QSortFilterProxyModel>

// The notification center's list over the NotificationModel: newest first
// (so a day's notifications sit together under its heading), narrowed by
// the operator's filters.
class NotificationFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit NotificationFilterProxy(QObject *parent = nullptr);

    // Notifications of this severity or a more severe one (Critical is the most).
    void setMinimumSeverity(Domain::AlarmSeverity severity);
    Domain::AlarmSeverity minimumSeverity() const { return m_minimumSeverity; }
    // Only this kind (NotificationModel::Kind as int); -1: any.
    void setKind(int kind);
    int kind() const { return m_kind; }
    void setUnreadOnly(bool on);
    bool unreadOnly() const { return m_unreadOnly; }
    // Only alarms still waiting for an acknowledgement.
    void setUnacknowledgedOnly(bool on);
    bool unacknowledgedOnly() const { return m_unacknowledgedOnly; }
    // Case-insensitive, in the title, message, source, and who acknowledged.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    QString idAt(int proxyRow) const;
    int rowOf(const QString &notificationId) const;
    // Ids of every listed notification that waits for an acknowledgement.
    QStringList waitingIds() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    Domain::AlarmSeverity m_minimumSeverity = Domain::AlarmSeverity::Info;
    int m_kind = -1;
    bool m_unreadOnly = false;
    bool m_unacknowledgedOnly = false;
    QString m_searchText;
};
