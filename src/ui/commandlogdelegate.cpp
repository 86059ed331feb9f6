#include "commandlogdelegate.h"

#include "cellpainter.h"
#include "domain/endpointfact.h"
#include "model/commandlogmodel.h"
#include "theme.h"
#include "timetext.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using Domain::CommandState;

QString CommandLogDelegate::statusText(CommandState status)
{
    switch (status) {
    case CommandState::Requested:
        return tr("Sending");
    case CommandState::Queued:
        return tr("Queued");
    case CommandState::Sent:
        return tr("Sent");
    case CommandState::Acked:
        return tr("Acknowledged");
    case CommandState::Succeeded:
        return tr("Succeeded");
    case CommandState::Failed:
        return tr("Failed");
    case CommandState::Rejected:
        return tr("Rejected");
    case CommandState::Timeout:
        return tr("Timed out");
    case CommandState::Lost:
        return tr("Link lost");
    }
    return {};
}

bool CommandLogDelegate::isUnsuccessful(CommandState status)
{
    return Domain::isFinal(status) && status != CommandState::Succeeded;
}

QString CommandLogDelegate::valueText(const QVariant &value)
{
    return EndpointFact(EndpointFact::fromVariant(value)).displayText();
}

QString CommandLogDelegate::cellText(const QModelIndex &index)
{
    switch (index.column()) {
    case CommandLogModel::TimeColumn: {
        const QString time = TimeText::of(index.data(CommandLogModel::IssuedAtRole).toDateTime());
        return index.data(CommandLogModel::EarlierRunRole).toBool() ? tr("%1 (earlier run)").arg(time) : time;
    }
    case CommandLogModel::RequestedColumn:
        return valueText(index.data(CommandLogModel::RequestedValueRole));
    case CommandLogModel::ActualColumn:
        return valueText(index.data(CommandLogModel::ActualValueRole));
    case CommandLogModel::StatusColumn:
        return statusText(CommandState(index.data(CommandLogModel::StatusRole).toInt()));
    case CommandLogModel::ResultColumn: {
        const QVariant error = index.data(CommandLogModel::ErrorRole);
        if (error.isValid() && !error.toString().isEmpty())
            return error.toString();
        if (!index.data(CommandLogModel::FinalRole).toBool())
            return {};
        return tr("Done at %1").arg(TimeText::of(index.data(CommandLogModel::LastChangeRole).toDateTime()));
    }
    default:
        return index.data().toString();
    }
}

void CommandLogDelegate::drawStatusSymbol(QPainter *p, CommandState status, const QRectF &r)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor ink = Theme::neutralColor();
    const QRectF box = r.adjusted(1.5, 1.5, -1.5, -1.5);
    switch (status) {
    case CommandState::Requested:
    case CommandState::Queued:
    case CommandState::Sent:
    case CommandState::Acked: {
        // Under way: a ring that fills by a quarter with each step the server reports.
        p->setPen(QPen(ink, 1.6));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(box);
        const int quarters = int(status) - int(CommandState::Requested);
        p->setPen(Qt::NoPen);
        p->setBrush(ink);
        p->drawPie(box, 90 * 16, -quarters * 90 * 16);
        break;
    }
    case CommandState::Succeeded: { // a tick
        p->setPen(QPen(ink, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p->setBrush(Qt::NoBrush);
        QPainterPath tick;
        tick.moveTo(box.left() + box.width() * 0.1, box.top() + box.height() * 0.55);
        tick.lineTo(box.left() + box.width() * 0.4, box.bottom() - box.height() * 0.1);
        tick.lineTo(box.right() - box.width() * 0.05, box.top() + box.height() * 0.15);
        p->drawPath(tick);
        break;
    }
    case CommandState::Failed:
    case CommandState::Rejected:
    case CommandState::Timeout:
    case CommandState::Lost: {
        // A red diamond with a mark inside: a bar for failed and rejected, a
        // clock hand for timed out or lost.
        CellPainter::fillDiamond(p, r, Theme::alarmColor());
        p->setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
        if (status == CommandState::Timeout || status == CommandState::Lost) {
            p->drawLine(r.center(), QPointF(r.center().x(), r.top() + 4));
            p->drawLine(r.center(), QPointF(r.center().x() + r.width() / 4.0, r.center().y()));
        } else if (status == CommandState::Rejected) {
            p->drawLine(QPointF(r.center().x() - r.width() / 5.0, r.center().y()),
                        QPointF(r.center().x() + r.width() / 5.0, r.center().y()));
        } else {
            p->drawLine(QPointF(r.center().x(), r.top() + 3.5), QPointF(r.center().x(), r.center().y() + 1));
            p->drawPoint(QPointF(r.center().x(), r.bottom() - 3.5));
        }
        break;
    }
    }
    p->restore();
}

QPixmap CommandLogDelegate::statusPixmap(CommandState status, int side, qreal dpr)
{
    QPixmap pixmap(QSize(side, side) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    drawStatusSymbol(&painter, status, QRectF(0, 0, side, side));
    return pixmap;
}

void CommandLogDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = cellText(index);
    if (index.column() == CommandLogModel::RequestedColumn || index.column() == CommandLogModel::ActualColumn) {
        if (index
                .data(index.column() == CommandLogModel::RequestedColumn ? CommandLogModel::RequestedValueRole
                                                                         : CommandLogModel::ActualValueRole)
                .typeId()
            == QMetaType::Double)
            option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    }
    if (index.column() == CommandLogModel::ResultColumn
        && isUnsuccessful(CommandState(index.data(CommandLogModel::StatusRole).toInt())))
        option->palette.setColor(QPalette::Text, Theme::alarmColor());
}

void CommandLogDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != CommandLogModel::StatusColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto status = CommandState(index.data(CommandLogModel::StatusRole).toInt());
    const QString text = CellPainter::drawBackground(painter, opt);
    const QRectF symbolRect = CellPainter::symbolRect(opt, std::min(opt.rect.height() - 8, opt.fontMetrics.height()));
    drawStatusSymbol(painter, status, symbolRect);
    const bool bad = isUnsuccessful(status);
    CellPainter::drawText(painter, opt, int(symbolRect.width()) + 12, text,
                          bad ? Theme::alarmColor() : opt.palette.color(QPalette::Text), bad);
}

QSize CommandLogDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == CommandLogModel::StatusColumn)
        size.rwidth() += option.fontMetrics.height() + 8;
    return size;
}
