#include "alarmdelegate.h"

#include "cellpainter.h"
#include "model/alarmmodel.h"
#include "theme.h"
#include "timetext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFont>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

using Domain::AlarmSeverity;
using Domain::AlarmSourceKind;
using Domain::AlarmState;

QString AlarmDelegate::severityText(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Critical:
        return tr("Critical");
    case AlarmSeverity::High:
        return tr("High");
    case AlarmSeverity::Medium:
        return tr("Medium");
    case AlarmSeverity::Low:
        return tr("Low");
    case AlarmSeverity::Info:
        return tr("Info");
    case AlarmSeverity::Unknown:
        return tr("Unknown");
    }
    return {};
}

QString AlarmDelegate::stateText(AlarmState state)
{
    switch (state) {
    case AlarmState::ActiveUnacked:
        return tr("Active, unacknowledged");
    case AlarmState::ActiveAcked:
        return tr("Active, acknowledged");
    case AlarmState::RtnUnacked:
        return tr("Returned, unacknowledged");
    case AlarmState::Cleared:
        return tr("Cleared");
    case AlarmState::Shelved:
        return tr("Shelved");
    }
    return {};
}

QString AlarmDelegate::sourceKindText(AlarmSourceKind kind)
{
    switch (kind) {
    case AlarmSourceKind::Drone:
        return tr("Drone");
    case AlarmSourceKind::Machine:
        return tr("Machine");
    case AlarmSourceKind::Endpoint:
        return tr("Endpoint");
    case AlarmSourceKind::System:
        return tr("System");
    case AlarmSourceKind::Other:
        return tr("Other");
    }
    return {};
}

QColor AlarmDelegate::severityColor(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Critical:
    case AlarmSeverity::High:
    case AlarmSeverity::Unknown: // ranks with Critical
        return Theme::alarmColor();
    case AlarmSeverity::Medium:
        return Theme::warningColor();
    case AlarmSeverity::Low:
    case AlarmSeverity::Info:
        break;
    }
    return Theme::neutralColor();
}

void AlarmDelegate::drawSeverityMark(QPainter *p, AlarmSeverity severity, const QRectF &r, bool hollow)
{
    const QColor ink = severityColor(severity);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(ink, 1.6));
    p->setBrush(hollow ? QBrush(Qt::NoBrush) : QBrush(ink));
    QPainterPath path;
    switch (severity) {
    case AlarmSeverity::Critical: // a diamond with an exclamation mark
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.center().y());
        path.lineTo(r.center().x(), r.bottom());
        path.lineTo(r.left(), r.center().y());
        path.closeSubpath();
        break;
    case AlarmSeverity::High: // a triangle pointing up
        path.moveTo(r.center().x(), r.top() + 0.5);
        path.lineTo(r.right(), r.bottom() - 0.5);
        path.lineTo(r.left(), r.bottom() - 0.5);
        path.closeSubpath();
        break;
    case AlarmSeverity::Medium: // a square
        path.addRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
        break;
    case AlarmSeverity::Low: // a triangle pointing down
        path.moveTo(r.left() + 1, r.top() + 2);
        path.lineTo(r.right() - 1, r.top() + 2);
        path.lineTo(r.center().x(), r.bottom() - 1);
        path.closeSubpath();
        break;
    case AlarmSeverity::Info: // a small ring, never filled
        p->setBrush(Qt::NoBrush);
        path.addEllipse(r.adjusted(3, 3, -3, -3));
        break;
    case AlarmSeverity::Unknown: // a full circle with a question mark: no other mark is round and large
        path.addEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    }
    p->drawPath(path);
    if (severity == AlarmSeverity::Unknown) {
        QFont font = p->font();
        font.setBold(true);
        font.setPixelSize(std::max(6, int(r.height() * 0.75)));
        p->setFont(font);
        p->setPen(hollow ? ink : QColor(Qt::white));
        p->drawText(r, Qt::AlignCenter, QStringLiteral("?"));
    }
    if (!hollow && (severity == AlarmSeverity::Critical || severity == AlarmSeverity::High)) {
        p->setPen(QPen(Qt::white, 1.8));
        const double top = severity == AlarmSeverity::Critical ? r.top() + 3.5 : r.top() + 4.5;
        p->drawLine(QPointF(r.center().x(), top), QPointF(r.center().x(), r.bottom() - 5.5));
        p->drawPoint(QPointF(r.center().x(), r.bottom() - 3.2));
    }
    p->restore();
}

QString AlarmDelegate::cellText(const QModelIndex &index)
{
    switch (index.column()) {
    case AlarmModel::SeverityColumn:
        return severityText(AlarmSeverity(index.data(AlarmModel::SeverityRole).toInt()));
    case AlarmModel::StateColumn: {
        const QString state = stateText(AlarmState(index.data(AlarmModel::StateRole).toInt()));
        // Missing from the server's last snapshot: still waiting here, but
        // the server no longer vouches for it.
        return index.data(AlarmModel::UnconfirmedRole).toBool() ? tr("%1 · not confirmed by the server").arg(state)
                                                                : state;
    }
    case AlarmModel::SourceColumn: {
        const QVariant kind = index.data(AlarmModel::SourceKindRole);
        return kind.isValid() ? tr("%1 %2").arg(sourceKindText(AlarmSourceKind(kind.toInt())),
                                                index.data(AlarmModel::SourceIdRole).toString())
                              : tr("—");
    }
    case AlarmModel::RaisedColumn:
        return TimeText::compact(index.data(AlarmModel::RaisedAtRole).toDateTime());
    case AlarmModel::AckedAtColumn:
        return TimeText::compact(index.data(AlarmModel::AckedAtRole).toDateTime());
    case AlarmModel::ShelvedUntilColumn: {
        const QDateTime until = index.data(AlarmModel::ShelvedUntilRole).toDateTime();
        if (!until.isValid())
            return {};
        const QString by = index.data(AlarmModel::ShelvedByRole).toString();
        const QString reason = index.data(AlarmModel::ShelveReasonRole).toString();
        return by.isEmpty() ? tr("until %1 · %2").arg(TimeText::compact(until), reason)
                            : tr("until %1 by %2 · %3").arg(TimeText::compact(until), by, reason);
    }
    case AlarmModel::CountColumn: {
        const qint64 count = index.data(AlarmModel::CountRole).toLongLong();
        return index.data(AlarmModel::ChatteringRole).toBool() ? tr("%1× chattering").arg(count)
                                                               : QLocale().toString(count);
    }
    default:
        return index.data().toString();
    }
}

void AlarmDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = cellText(index);
    if (index.column() == AlarmModel::StateColumn)
        option->font.setBold(AlarmModel::isUnacknowledged(AlarmState(index.data(AlarmModel::StateRole).toInt())));
    else if (index.column() == AlarmModel::CountColumn)
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
}

bool AlarmDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                              const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString text = cellText(index);
    if (index.column() == AlarmModel::SeverityColumn)
        text = tr("%1 · %2").arg(text, stateText(AlarmState(index.data(AlarmModel::StateRole).toInt())));
    if (index.data(AlarmModel::StaleRole).toBool())
        text = tr("%1 (last known: the link is not live)").arg(text);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPos(), text, view);
    return true;
}

void AlarmDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Rows the link has not confirmed lately are the last known state:
    // greyed and slanted, like every other stale value of the console.
    QStyleOptionViewItem opt = option;
    CellPainter::markStale(opt, index.data(AlarmModel::StaleRole).toBool());
    if (index.column() == AlarmModel::SeverityColumn)
        paintSeverity(painter, opt, index);
    else
        QStyledItemDelegate::paint(painter, opt, index);
}

QSize AlarmDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == AlarmModel::SeverityColumn)
        size.rwidth() += option.fontMetrics.height() + 12;
    return size;
}

void AlarmDelegate::paintSeverity(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto severity = AlarmSeverity(index.data(AlarmModel::SeverityRole).toInt());
    const bool unacknowledged = !index.data(AlarmModel::AcknowledgedRole).toBool();
    const bool stale = index.data(AlarmModel::StaleRole).toBool();
    const QString text = CellPainter::drawBackground(painter, opt);
    const QRectF markRect = CellPainter::symbolRect(opt, std::min(opt.rect.height() - 6, opt.fontMetrics.height() + 2));
    drawSeverityMark(painter, severity, markRect, unacknowledged && !m_blinkOn);
    const bool urgent
        = severity == AlarmSeverity::Critical || severity == AlarmSeverity::High || severity == AlarmSeverity::Unknown;
    CellPainter::drawText(painter, opt, int(markRect.width()) + 12, text,
                          stale        ? Theme::staleText()
                              : urgent ? severityColor(severity).darker(110)
                                       : opt.palette.color(QPalette::Text),
                          urgent || unacknowledged);
}
