#pragma once

#include "noticecode.h"

#include <QDate>
#include <QStyledItemDelegate>

// Draws one notification of the notification center: an alarm's priority as
// the priority code's mark, colour and word (PriorityCode), anything else
// in the notice code (NoticeCode); the title (bold while unread, with an unread dot);
// source, time and count; and for an alarm whether it still waits for an
// acknowledgement or who acknowledged it. The first notification of each
// day carries the day's heading above it, so the list reads grouped by day.
class NotificationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit NotificationDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Whether the row opens a new day (local time) in its model's order.
    static bool startsDay(const QModelIndex &index);
    // "Today", "Yesterday" or the date, in local time.
    static QString dayText(const QDate &day, const QDate &today);
    // The source line: kind and id, local time, count.
    static QString sourceText(const QModelIndex &index);
    // For alarms, waiting / acknowledged by whom / cleared / shelved; for
    // other kinds, their message.
    static QString statusText(const QModelIndex &index);
    // The code's word the row shows: the alarm's priority word, or the
    // notice level's word.
    static QString codeWord(const QModelIndex &index);
    // A notice's level (meaningless for alarms).
    static NoticeCode::Level noticeLevel(const QModelIndex &index);
    // The first line's text: the title, and for a server notice whose
    // identical repeats were merged, "×count, last HH:mm:ss" (NoticeCode::mergedText).
    static QString titleText(const QModelIndex &index);
    // The whole notification as one sentence, for screen readers.
    static QString accessibleText(const QModelIndex &index);

private:
    int headerHeight(const QStyleOptionViewItem &option) const;
    int bodyHeight(const QStyleOptionViewItem &option) const;
};
