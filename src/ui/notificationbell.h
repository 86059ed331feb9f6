#pragma once

#include "domain/alarm.h"

#include <QToolButton>

#include <optional>

class NotificationCenter;

// The bell in the top bar: the operator's unread notifications as a badge;
// the one count of waiting alarms (AlarmModel::unacknowledgedCount()) in its
// text beside the most urgent waiting priority's mark (PriorityCode); a look
// that cannot be missed while a critical, unknown or high alarm waits
// (filled in that priority's colour); and how many of this console's alarm
// actions wait for the server; and, apart from every alarm count, the unread
// server notices ("2 notices"). Clicking it toggles the panel.
class NotificationBell : public QToolButton
{
    Q_OBJECT

public:
    explicit NotificationBell(NotificationCenter *center, QWidget *parent = nullptr);

    int unreadCount() const { return m_unread; }
    bool needsAttention() const { return m_mostUrgent && Domain::severityRank(*m_mostUrgent) <= 1; }
    // The one count of waiting alarms, as the text says it.
    int waitingCount() const { return m_waiting; }
    std::optional<Domain::AlarmSeverity> mostUrgent() const { return m_mostUrgent; }
    // This console's alarm actions the server has not confirmed, shown beside the bell.
    int waitingActionCount() const { return m_waitingActions; }
    // Unread server notices (NotificationCenter::unreadNoticeCount()), in the text after the alarms.
    int unreadNoticeCount() const { return m_unreadNotices; }

    // Where the most urgent priority's mark is painted (empty when none waits).
    QRectF markRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    NotificationCenter *m_center;
    int m_unread = 0;
    int m_waiting = 0;
    std::optional<Domain::AlarmSeverity> m_mostUrgent;
    int m_waitingActions = 0;
    int m_unreadNotices = 0;
};
