#pragma once

#include "toastlevel.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QPushButton;
class QVBoxLayout;
class ToastWidget;

// Toasts in the bottom-right corner of a window, overlaid on its content.
// Never a popup storm: at most maximumVisible() on screen, newest on top; the
// rest wait in a queue, summarised by a "+N more" button, and come up (critical
// ones first) as the shown ones go. Never modal and never takes the focus.
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

    int visibleCount() const { return int(m_visible.size()); }
    int hiddenCount() const { return int(m_queue.size()); }
    QStringList visibleIds() const; // newest first, as on screen
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
    void showToast(const ToastSpec &spec);
    void removeToast(ToastWidget *toast, bool notify);
    void promote();
    void relayout();
    int queuePosition(const QString &id) const;

    QWidget *m_window;
    QVBoxLayout *m_stack; // the toasts, newest at index 0
    QPushButton *m_more;
    QList<ToastWidget *> m_visible; // newest first
    QList<ToastSpec> m_queue; // in arrival order
    int m_maximumVisible = 3;
    int m_durations[5] = {5000, 5000, 10000, 15000, 0};
};
