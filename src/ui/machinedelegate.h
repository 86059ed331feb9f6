#pragma once

#include "domain/machine.h"

#include "statustabledelegate.h"
#include <QPixmap>

class QDateTime;

// Draws the machines table: a shape and a word for every status (only Down
// in the alarm colour; Maintenance neutral, with a shape of its own), the
// utilization as a grey bar with its figure, counts in the locale's digits,
// and rows not heard from lately faded and slanted.
class MachineDelegate : public StatusTableDelegate
{
    Q_OBJECT

public:
    explicit MachineDelegate(QObject *parent = nullptr);

    // Words for the protocol's values, as the machines view shows them.
    static QString statusText(Domain::MachineState status);
    static QString priorityText(Domain::TicketPriority priority);
    static QString ticketStatusText(Domain::TicketStatus status);
    // Local time of day; with the date when it is not today. Empty if invalid.

    // The shape of a status (abnormal ones carry their colour too).
    static void drawStatusSymbol(QPainter *painter, Domain::MachineState status, const QRectF &rect);
    // The shape of a ticket priority: more marks, and colour from High up.
    static void drawPrioritySymbol(QPainter *painter, Domain::TicketPriority priority, const QRectF &rect);
    // A small picture of a symbol for labels outside the table.
    static QPixmap statusPixmap(Domain::MachineState status, int side, qreal dpr);
    static QPixmap priorityPixmap(Domain::TicketPriority priority, int side, qreal dpr);

protected:
    // The model gives raw values; this turns them into the column's text.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    void drawSymbol(QPainter *painter, const QModelIndex &index, const QRectF &rect) const override;
    bool needsAction(const QModelIndex &index) const override;
    QStringList statusWords() const override;
    Bar bar(const QModelIndex &index, const QString &text, bool stale) const override;
};
