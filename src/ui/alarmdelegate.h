#pragma once

#include "domain/alarm.h"

#include <QStyledItemDelegate>

// Draws the alarms tables: severity as the priority code's shape, colour and
// word (PriorityCode; never colour alone), the state in words, times in local time, a chattering
// alarm's count. An active unacknowledged alarm's severity mark blinks with
// the view's blink phase; once acknowledged it is steady. A returned
// unacknowledged alarm (its condition gone, still waiting) is drawn apart
// from an active one: a steady outline of its mark, its priority word in the
// text colour, its state in bold italic words. Stale rows are greyed.
class AlarmDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The view toggles it about once a second while alarms are unacknowledged.
    void setBlinkPhase(bool on) { m_blinkOn = on; }
    bool blinkPhase() const { return m_blinkOn; }

    static QString stateText(Domain::AlarmState state);
    static QString sourceKindText(Domain::AlarmSourceKind kind);
    // The words a cell shows, as the tables draw them; a group row's
    // (AlarmGroupProxy) say how many alarms it holds and how many are
    // acknowledged.
    static QString cellText(const QModelIndex &index);
    // Whether the row is drawn as returned to normal and unacknowledged.
    static bool isReturnedLook(const QModelIndex &index);

    // Tooltips give a cell's whole text (notes and reasons are often cut
    // short), and for the severity the state as well.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    static QString groupCellText(const QModelIndex &index);
    void paintSeverity(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    bool m_blinkOn = true;
};
