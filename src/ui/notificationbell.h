#pragma once

#include <QToolButton>

class NotificationCenter;

// The bell in the top bar: the operator's unread notifications as a badge,
// and a look that cannot be missed while a critical or high alarm waits for
// an acknowledgement (filled in the alarm colour, an exclamation mark, and
// the count of waiting alarms in its text), and how many of this console's
// alarm actions wait for the server. Clicking it toggles the panel.
class NotificationBell : public QToolButton
{
    Q_OBJECT

public:
    explicit NotificationBell(NotificationCenter *center, QWidget *parent = nullptr);

    int unreadCount() const { return m_unread; }
    bool needsAttention() const { return m_waitingHigh > 0; }
    // This console's alarm actions the server has not confirmed, shown beside the bell.
    int waitingActionCount() const { return m_waitingActions; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    NotificationCenter *m_center;
    int m_unread = 0;
    int m_waitingHigh = 0;
    int m_waitingActions = 0;
};
