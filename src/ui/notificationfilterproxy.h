#pragma once

#include "listfilterproxy.h"
#include "model/notificationmodel.h"

// The notification center's list over the NotificationModel: newest first
// (so a day's notifications sit together under its heading), narrowed by
// the operator's filters and a search in the title, message, source, who
// acknowledged and the note.
class NotificationFilterProxy : public ListFilterProxy
{
    Q_OBJECT

public:
    explicit NotificationFilterProxy(QObject *parent = nullptr);

    // Notifications of this severity or a more severe one (Critical is the most).
    void setMinimumSeverity(Domain::AlarmSeverity severity) { setFilter(m_minimumSeverity, severity); }
    Domain::AlarmSeverity minimumSeverity() const { return m_minimumSeverity; }
    // Only this kind (NotificationModel::Kind as int); -1: any.
    void setKind(int kind) { setFilter(m_kind, kind); }
    int kind() const { return m_kind; }
    void setUnreadOnly(bool on) { setFilter(m_unreadOnly, on); }
    bool unreadOnly() const { return m_unreadOnly; }
    // Only alarms still waiting for an acknowledgement.
    void setUnacknowledgedOnly(bool on) { setFilter(m_unacknowledgedOnly, on); }
    bool unacknowledgedOnly() const { return m_unacknowledgedOnly; }
    QString idAt(int proxyRow) const { return keyAt(proxyRow); }
    int rowOf(const QString &notificationId) const { return rowOfKey(notificationId); }
    // Ids of every listed notification that waits for an acknowledgement.
    QStringList waitingIds() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Newest first by time; ties go by id (ListFilterProxy).
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Domain::AlarmSeverity m_minimumSeverity = Domain::AlarmSeverity::Info;
    int m_kind = -1;
    bool m_unreadOnly = false;
    bool m_unacknowledgedOnly = false;
};
