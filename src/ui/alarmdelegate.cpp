#include "alarmdelegate.h"

#include "alarmgroupproxy.h"
#include "cellpainter.h"
#include "model/alarmmodel.h"
#include "prioritycode.h"
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

QString AlarmDelegate::groupCellText(const QModelIndex &index)
{
    const int size = index.data(AlarmGroupProxy::GroupSizeRole).toInt();
    switch (index.column()) {
    case AlarmModel::SourceColumn: {
        const QVariant kind = index.data(AlarmModel::SourceKindRole);
        return kind.isValid() ? tr("%1 × %2").arg(sourceKindText(AlarmSourceKind(kind.toInt()))).arg(size)
                              : tr("%n sources", nullptr, size);
    }
    case AlarmModel::MessageColumn:
        // The disclosure mark says the row opens; the words say what it holds.
        return tr("%1 %2 · and %n more like it", nullptr, size - 1)
            .arg(index.data(AlarmGroupProxy::GroupExpandedRole).toBool() ? QStringLiteral("▾") : QStringLiteral("▸"),
                 index.data(AlarmModel::MessageRole).toString());
    case AlarmModel::AckedByColumn: {
        const int acknowledged = index.data(AlarmGroupProxy::GroupAcknowledgedRole).toInt();
        return acknowledged > 0 ? tr("%1 of %2 acknowledged").arg(acknowledged).arg(size) : QString();
    }
    case AlarmModel::CountColumn:
        return tr("%n alarms", nullptr, size);
    case AlarmModel::AckedAtColumn:
    case AlarmModel::NoteColumn:
    case AlarmModel::ShelvedUntilColumn:
        return {};
    default:
        return cellText(index);
    }
}

QString AlarmDelegate::cellText(const QModelIndex &index)
{
    if (index.data(AlarmGroupProxy::GroupSizeRole).toInt() > 0 && index.column() != AlarmModel::SeverityColumn
        && index.column() != AlarmModel::StateColumn && index.column() != AlarmModel::RaisedColumn)
        return groupCellText(index);
    switch (index.column()) {
    case AlarmModel::SeverityColumn:
        return PriorityCode::word(AlarmSeverity(index.data(AlarmModel::SeverityRole).toInt()));
    case AlarmModel::StateColumn: {
        const QString state = stateText(AlarmState(index.data(AlarmModel::StateRole).toInt()));
        // Missing from the server's last snapshot: still waiting here, but
        // the server no longer vouches for it.
        return index.data(AlarmModel::UnconfirmedRole).toBool() ? tr("%1 · not confirmed by the server").arg(state)
                                                                : state;
    }
    case AlarmModel::SourceColumn: {
        const QVariant kind = index.data(AlarmModel::SourceKindRole);
        const QString text = kind.isValid() ? tr("%1 %2").arg(sourceKindText(AlarmSourceKind(kind.toInt())),
                                                              index.data(AlarmModel::SourceIdRole).toString())
                                            : tr("—");
        // Listed under its group: set in, so the group's extent shows.
        return index.data(AlarmGroupProxy::GroupMemberRole).toBool() ? tr("└ %1").arg(text) : text;
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
    if (index.column() == AlarmModel::StateColumn) {
        // Both waiting states in bold; a returned one also slanted, its
        // words saying "Returned".
        option->font.setBold(AlarmModel::isUnacknowledged(AlarmState(index.data(AlarmModel::StateRole).toInt())));
        option->font.setItalic(isReturnedLook(index));
    } else if (index.column() == AlarmModel::CountColumn)
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    // A group's row reads as a heading over its alarms.
    if (index.column() == AlarmModel::MessageColumn || index.column() == AlarmModel::SourceColumn)
        option->font.setBold(index.data(AlarmGroupProxy::GroupSizeRole).toInt() > 0);
}

bool AlarmDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                              const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString text = cellText(index);
    if (index.column() == AlarmModel::SeverityColumn)
        text = tr("%1 · %2").arg(text, stateText(AlarmState(index.data(AlarmModel::StateRole).toInt())));
    if (const int size = index.data(AlarmGroupProxy::GroupSizeRole).toInt(); size > 0)
        text = tr("%1 · %n alarms of one condition (%2 acknowledged); double-click or Enter lists them", nullptr, size)
                   .arg(text)
                   .arg(index.data(AlarmGroupProxy::GroupAcknowledgedRole).toInt());
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
    const bool returned = isReturnedLook(index);
    const QString text = CellPainter::drawBackground(painter, opt);
    const QRectF markRect = CellPainter::symbolRect(opt, std::min(opt.rect.height() - 6, opt.fontMetrics.height() + 2));
    // Filled while the condition is present (blinking to its outline while
    // unacknowledged); a steady outline once it has returned to normal.
    PriorityCode::paint(painter, severity, markRect, returned || (unacknowledged && !m_blinkOn));
    const bool urgent = PriorityCode::isUrgent(severity);
    // The word in the priority's colour (each reads 4.5:1 on Base), bold
    // while it needs a person; a returned one's word in the text colour.
    const QColor colour = stale ? Theme::staleText()
        : returned              ? opt.palette.color(QPalette::Text)
                                : PriorityCode::color(severity);
    CellPainter::drawText(painter, opt, int(markRect.width()) + 12, text, colour, urgent || unacknowledged);
}

bool AlarmDelegate::isReturnedLook(const QModelIndex &index)
{
    return AlarmState(index.data(AlarmModel::StateRole).toInt()) == AlarmState::RtnUnacked;
}
