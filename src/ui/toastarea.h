#pragma once

#include "toastlevel.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QWidget>

class QPushButton;
class QVBoxLayout;
class ToastWidget;

// Toasts in the bottom-right corner of a window, overlaid on its content.
// Never a popup storm: at most maximumVisible() on screen; the rest wait in a
// queue, summarised by a "+N more" button, and come up as the shown ones go.
// The queue holds at most maximumQueued(): beyond that the oldest waiting
// toast of the lowest rank is dropped and only counted in "+N more"; the
// notification center still lists it. So a flood costs the same per toast
// however long it lasts. Never modal and never takes the focus.
//
// Ranks: a critical toast, then an alarm's (ToastSpec::priority set), then
// anything else (a notice: server notices, the link's news, command
// outcomes). On screen alarms stand above notices, newest first in each, so
// a notice never sits above an alarm. A toast never waits behind a lower
// rank: when the area is full, the bottom-most toast of the lowest rank on
// screen steps back into the queue for it, so a notice yields to an alarm
// and never takes an alarm's place; the queue brings up higher ranks first.
//
// Timed toasts go by themselves (their timer paused while the mouse is over
// them); Critical ones stay until the operator acknowledges, shows or closes
// them, or until dismiss() takes them away.
class ToastArea : public QWidget
{
    Q_OBJECT

public:
    // The area is a child of window and follows its size.
    explicit ToastArea(QWidget *window);

    // Shows a toast, or queues it when the screen is full. An id already
    // shown or queued is updated in place.
    void post(const ToastSpec &spec);
    // Takes a toast away, shown or queued; emits dismissed().
    void dismiss(const QString &id);
    // Takes every toast away at once, without dismissed() for each.
    void clear();

    void setMaximumVisible(int count);
    int maximumVisible() const { return m_maximumVisible; }
    // How long a toast of this level stays; 0 keeps it until acted on.
    void setDuration(ToastLevel level, int ms);
    int duration(ToastLevel level) const;

    // How many toasts may wait; at least 1.
    void setMaximumQueued(int count);
    int maximumQueued() const { return m_maximumQueued; }

    int visibleCount() const { return int(m_visible.size()); }
    int hiddenCount() const { return int(m_queue.size()); }
    // Toasts dropped from a full queue since the operator last asked to see
    // all of them (the "+N more" button) or clear().
    int droppedCount() const { return m_dropped; }
    QStringList visibleIds() const; // top first, as on screen
    QStringList hiddenIds() const; // in the order they will come up

    ToastWidget *toast(const QString &id) const;
    QPushButton *moreButton() const { return m_more; }

Q_SIGNALS:
    void acknowledgeRequested(const QString &alarmId, const QString &toastId);
    void showRequested(const QString &toastId);
    void showAllRequested();
    void dismissed(const QString &toastId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static int levelIndex(ToastLevel level) { return int(level); }
    // 2 critical, 1 another alarm, 0 a notice.
    static int rank(const ToastSpec &spec);
    void showToast(const ToastSpec &spec);
    void removeToast(ToastWidget *toast, bool notify);
    void promote();
    void relayout();
    int queuePosition(const QString &id) const;
    void enqueue(const ToastSpec &spec, bool atHead);
    void removeQueuedAt(int position);
    void trimQueue();

    QWidget *m_window;
    QVBoxLayout *m_stack; // the toasts, newest at index 0
    QPushButton *m_more;
    QList<ToastWidget *> m_visible; // top first, as in m_stack
    QList<ToastSpec> m_queue; // in arrival order
    QSet<QString> m_queuedIds; // the ids in m_queue, so a new id is never searched for
    int m_dropped = 0;
    int m_maximumVisible = 3;
    int m_maximumQueued = 100;
    int m_durations[5] = {5000, 5000, 10000, 15000, 0};
};
