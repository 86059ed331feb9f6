#include "machinedelegate.h"

#include "cellpainter.h"
#include "model/machinemodel.h"
#include "theme.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using Domain::MachineState;
using Domain::TicketPriority;
using Domain::TicketStatus;

QString MachineDelegate::statusText(MachineState status)
{
    switch (status) {
    case MachineState::Running:
        return tr("Running");
    case MachineState::Idle:
        return tr("Idle");
    case MachineState::Down:
        return tr("Down");
    case MachineState::Maintenance:
        return tr("Maintenance");
    }
    return {};
}

QString MachineDelegate::priorityText(TicketPriority priority)
{
    switch (priority) {
    case TicketPriority::Low:
        return tr("Low");
    case TicketPriority::Medium:
        return tr("Medium");
    case TicketPriority::High:
        return tr("High");
    case TicketPriority::Critical:
        return tr("Critical");
    }
    return {};
}

QString MachineDelegate::ticketStatusText(TicketStatus status)
{
    switch (status) {
    case TicketStatus::Open:
        return tr("Open");
    case TicketStatus::InProgress:
        return tr("In progress");
    case TicketStatus::Resolved:
        return tr("Resolved");
    }
    return {};
}

void MachineDelegate::drawStatusSymbol(QPainter *p, MachineState status, const QRectF &r)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor ink = Theme::neutralColor();
    switch (status) {
    case MachineState::Running: { // a filled triangle: producing
        QPainterPath path;
        path.moveTo(r.left() + 1, r.top() + 1);
        path.lineTo(r.right() - 1, r.center().y());
        path.lineTo(r.left() + 1, r.bottom() - 1);
        path.closeSubpath();
        p->setPen(Qt::NoPen);
        p->setBrush(ink);
        p->drawPath(path);
        break;
    }
    case MachineState::Idle: // a ring: ready, not producing
        p->setPen(QPen(ink, 1.6));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(r.adjusted(1.5, 1.5, -1.5, -1.5));
        break;
    case MachineState::Maintenance: { // a square with a cross: out of service on purpose
        p->setPen(QPen(ink, 1.6));
        p->setBrush(Qt::NoBrush);
        const QRectF box = r.adjusted(1.5, 1.5, -1.5, -1.5);
        p->drawRect(box);
        p->drawLine(box.topLeft(), box.bottomRight());
        p->drawLine(box.topRight(), box.bottomLeft());
        break;
    }
    case MachineState::Down: { // a red diamond with a bar: act
        CellPainter::fillDiamond(p, r, Theme::alarmColor());
        p->setPen(QPen(Qt::white, 1.8));
        p->drawLine(QPointF(r.center().x(), r.top() + 3.5), QPointF(r.center().x(), r.center().y() + 1));
        p->drawPoint(QPointF(r.center().x(), r.bottom() - 3.5));
        break;
    }
    }
    p->restore();
}

void MachineDelegate::drawPrioritySymbol(QPainter *p, TicketPriority priority, const QRectF &r)
{
    // One to four rising bars: the count tells the priority without colour;
    // High and Critical are coloured besides.
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const int filled = int(priority) + 1;
    const QColor ink = priority == TicketPriority::Critical ? Theme::alarmColor()
        : priority == TicketPriority::High                  ? Theme::warningColor()
                                                            : Theme::neutralColor();
    const double gap = 1.5;
    const double barWidth = (r.width() - 3 * gap) / 4.0;
    for (int i = 0; i < 4; ++i) {
        const double height = r.height() * (i + 1) / 4.0;
        const QRectF bar(r.left() + i * (barWidth + gap), r.bottom() - height, barWidth, height);
        if (i < filled)
            p->fillRect(bar, ink);
        else {
            p->setPen(QPen(Theme::neutralColor().lighter(150), 1.0));
            p->setBrush(Qt::NoBrush);
            p->drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }
    p->restore();
}

namespace {

template<typename Draw> QPixmap symbolPixmap(int side, qreal dpr, Draw draw)
{
    QPixmap pixmap(QSize(side, side) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    draw(&painter, QRectF(0, 0, side, side));
    return pixmap;
}

} // namespace

QPixmap MachineDelegate::statusPixmap(MachineState status, int side, qreal dpr)
{
    return symbolPixmap(side, dpr, [status](QPainter *p, const QRectF &r) { drawStatusSymbol(p, status, r); });
}

QPixmap MachineDelegate::priorityPixmap(TicketPriority priority, int side, qreal dpr)
{
    return symbolPixmap(side, dpr, [priority](QPainter *p, const QRectF &r) { drawPrioritySymbol(p, priority, r); });
}

void MachineDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QLocale locale;
    switch (index.column()) {
    case MachineModel::StatusColumn:
        option->text = statusText(MachineState(index.data(MachineModel::StatusRole).toInt()));
        break;
    case MachineModel::UtilizationColumn:
        option->text = tr("%1 %").arg(locale.toString(qRound(index.data(MachineModel::UtilizationRole).toDouble())));
        break;
    case MachineModel::ProducedColumn:
        option->text = locale.toString(index.data(MachineModel::ProducedCountRole).toLongLong());
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
        break;
    case MachineModel::OpenTicketsColumn: {
        const int open = index.data(MachineModel::OpenTicketCountRole).toInt();
        option->text = open > 0 ? locale.toString(open) : QString();
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
        break;
    }
    case MachineModel::LastUpdateColumn: {
        option->text
            = lastSeenText(index.data(MachineModel::StaleRole).toBool(), index.data(MachineModel::AgeRole).toLongLong(),
                           index.data(MachineModel::LastUpdateRole).toDateTime());
        break;
    }
    default:
        break;
    }
}

MachineDelegate::MachineDelegate(QObject *parent)
    : StatusTableDelegate({MachineModel::StaleRole, MachineModel::AgeRole, MachineModel::StatusColumn,
                           MachineModel::UtilizationColumn, QStringLiteral("100 %")},
                          parent)
{ }

void MachineDelegate::drawSymbol(QPainter *painter, const QModelIndex &index, const QRectF &rect) const
{
    drawStatusSymbol(painter, MachineState(index.data(MachineModel::StatusRole).toInt()), rect);
}

QStringList MachineDelegate::statusWords() const
{
    QStringList words;
    for (MachineState status :
         {MachineState::Running, MachineState::Idle, MachineState::Down, MachineState::Maintenance})
        words.append(statusText(status));
    return words;
}

bool MachineDelegate::needsAction(const QModelIndex &index) const
{
    return MachineState(index.data(MachineModel::StatusRole).toInt()) == MachineState::Down;
}

StatusTableDelegate::Bar MachineDelegate::bar(const QModelIndex &index, const QString &text, bool stale) const
{
    // Utilization is a normal figure whatever its value: the bar stays grey.
    return {index.data(MachineModel::UtilizationRole).toDouble(), stale ? Theme::staleText() : Theme::neutralColor(),
            text, QColor(), false};
}
