#pragma once

#include "domain/plant.h"

#include <QPixmap>
#include <QStyledItemDelegate>

// Draws the command log: times in the local zone, values and statuses in
// words, and a shape beside every status, so that no state is told by
// colour alone. Failed, rejected and timed-out commands are in the alarm
// colour; succeeded ones stay neutral, as normal operation does.
class CommandLogDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString statusText(Domain::CommandState status);
    // A logged value as EndpointFact words it (no unit or step: the log keeps none); "—" when unknown.
    static QString valueText(const QVariant &value);
    // The text a cell of the command log shows (also what the free-text filter searches).
    static QString cellText(const QModelIndex &index);
    static bool isUnsuccessful(Domain::CommandState status);

    static void drawStatusSymbol(QPainter *painter, Domain::CommandState status, const QRectF &rect);
    static QPixmap statusPixmap(Domain::CommandState status, int side, qreal dpr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
