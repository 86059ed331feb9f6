#include "notificationdelegate.h"
#include "prioritycode.h"

#include "alarmdelegate.h"
#include "alerting.h"
#include "model/notificationmodel.h"
#include "noticecode.h"
#include "theme.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

using Domain::AlarmSeverity;
using Domain::AlarmState;
using Role = NotificationModel::Role;
using Kind = NotificationModel::Kind;

namespace {

constexpr int kPadding = 6;
constexpr int kEdge = 4; // the severity stripe at the left

QDate localDay(const QModelIndex &index)
{
    return index.data(Role::TimeRole).toDateTime().toLocalTime().date();
}

// Medium and above, Unknown included (it ranks with Critical).
bool abnormal(AlarmSeverity severity)
{
    return Domain::severityRank(severity) <= int(AlarmSeverity::Medium);
}

} // namespace

NoticeCode::Level NotificationDelegate::noticeLevel(const QModelIndex &index)
{
    NotificationModel::Item item;
    item.kind = Kind(index.data(Role::KindRole).toInt());
    item.severity = AlarmSeverity(index.data(Role::SeverityRole).toInt());
    return NoticeCode::levelOf(Alerting::levelOf(item));
}

QString NotificationDelegate::codeWord(const QModelIndex &index)
{
    if (Kind(index.data(Role::KindRole).toInt()) == Kind::Alarm)
        return PriorityCode::word(AlarmSeverity(index.data(Role::SeverityRole).toInt()));
    return NoticeCode::word(noticeLevel(index));
}

NotificationDelegate::NotificationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

bool NotificationDelegate::startsDay(const QModelIndex &index)
{
    if (index.row() == 0)
        return true;
    return localDay(index.sibling(index.row() - 1, 0)) != localDay(index);
}

QString NotificationDelegate::dayText(const QDate &day, const QDate &today)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString NotificationDelegate::sourceText(const QModelIndex &index)
{
    QStringList parts;
    const QVariant sourceKind = index.data(Role::SourceKindRole);
    const QString sourceId = index.data(Role::SourceIdRole).toString();
    const auto kind = Kind(index.data(Role::KindRole).toInt());
    if (kind == Kind::Connection)
        parts.append(tr("Link"));
    else if (sourceKind.isValid())
        parts.append(sourceId.isEmpty() ? AlarmDelegate::sourceKindText(Domain::AlarmSourceKind(sourceKind.toInt()))
                                        : AlarmDelegate::sourceKindText(Domain::AlarmSourceKind(sourceKind.toInt()))
                             + u' ' + sourceId);
    else if (!sourceId.isEmpty())
        parts.append(sourceId);
    const QDateTime time = index.data(Role::TimeRole).toDateTime().toLocalTime();
    parts.append(QLocale().toString(time.time(), QStringLiteral("HH:mm:ss")));
    const qint64 count = index.data(Role::CountRole).toLongLong();
    if (kind == Kind::Alarm && count > 1)
        parts.append(tr("%n activation(s)", nullptr, int(count)));
    // A merged notice's count stays readable however narrow the title's room.
    if (kind == Kind::System && count > 1)
        parts.append(QStringLiteral("\u00D7") + QLocale().toString(count));
    if (index.data(Role::EarlierSessionRole).toBool())
        parts.append(tr("earlier run"));
    return parts.join(QStringLiteral(" · "));
}

QString NotificationDelegate::statusText(const QModelIndex &index)
{
    if (Kind(index.data(Role::KindRole).toInt()) != Kind::Alarm)
        return index.data(Role::MessageRole).toString();
    const QVariant state = index.data(Role::AlarmStateRole);
    const QString ackedBy = index.data(Role::AckedByRole).toString();
    const QDateTime ackedAt = index.data(Role::AckedAtRole).toDateTime().toLocalTime();
    const QString note = index.data(Role::NoteRole).toString();
    QString acked;
    if (!ackedBy.isEmpty()) {
        acked = ackedAt.isValid() ? tr("Acknowledged by %1 at %2")
                                        .arg(ackedBy, QLocale().toString(ackedAt.time(), QStringLiteral("HH:mm:ss")))
                                  : tr("Acknowledged by %1").arg(ackedBy);
        if (!note.isEmpty())
            acked += QStringLiteral(" · “%1”").arg(note);
    }
    if (!state.isValid())
        return acked.isEmpty() ? tr("State not known yet") : acked;
    // A newer notification tells the alarm's present; this one's occurrence is over.
    if (index.data(Role::ActivatedAgainRole).toBool())
        return acked.isEmpty() ? tr("Over: the alarm has activated again")
                               : acked + tr(" · over: the alarm has activated again");
    switch (AlarmState(state.toInt())) {
    case AlarmState::ActiveUnacked:
        return tr("Waiting for acknowledgement");
    case AlarmState::RtnUnacked:
        return tr("Returned to normal, waiting for acknowledgement");
    case AlarmState::ActiveAcked:
        return acked.isEmpty() ? tr("Acknowledged, still active") : acked + tr(" · still active");
    case AlarmState::Cleared:
        // Gone from the server's list is not known to be cleared.
        if (index.data(Role::NoLongerReportedRole).toBool())
            return acked.isEmpty() ? tr("No longer reported by the server")
                                   : acked + tr(" · no longer reported by the server");
        return acked.isEmpty() ? tr("Cleared") : acked + tr(" · cleared");
    case AlarmState::Shelved:
        return tr("Shelved");
    }
    return {};
}

QString NotificationDelegate::titleText(const QModelIndex &index)
{
    const QString title = index.data(Role::TitleRole).toString();
    if (Kind(index.data(Role::KindRole).toInt()) != Kind::System)
        return title;
    return NoticeCode::mergedText(title, index.data(Role::CountRole).toLongLong(),
                                  index.data(Role::TimeRole).toDateTime());
}

QString NotificationDelegate::accessibleText(const QModelIndex &index)
{
    QStringList parts {codeWord(index), titleText(index), sourceText(index), statusText(index)};
    if (!index.data(Role::ReadRole).toBool())
        parts.prepend(tr("Unread"));
    parts.removeAll(QString());
    return parts.join(QStringLiteral(". "));
}

int NotificationDelegate::headerHeight(const QStyleOptionViewItem &option) const
{
    return option.fontMetrics.height() + 2 * kPadding;
}

int NotificationDelegate::bodyHeight(const QStyleOptionViewItem &option) const
{
    return 3 * option.fontMetrics.lineSpacing() + 2 * kPadding + 2;
}

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int height = bodyHeight(opt) + (startsDay(index) ? headerHeight(opt) : 0);
    return {opt.rect.width() > 0 ? opt.rect.width() : 360, height};
}

void NotificationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette &pal = opt.palette;
    painter->save();

    QRect body = opt.rect;
    if (startsDay(index)) {
        QRect header = body;
        header.setHeight(headerHeight(opt));
        body.setTop(header.bottom() + 1);
        painter->fillRect(header, pal.color(QPalette::Window));
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(pal.color(QPalette::WindowText));
        painter->drawText(header.adjusted(kPadding, 0, -kPadding, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          dayText(localDay(index), QDate::currentDate()));
    }

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const bool read = index.data(Role::ReadRole).toBool();
    const bool waiting = index.data(Role::NeedsAckRole).toBool();
    const auto severity = AlarmSeverity(index.data(Role::SeverityRole).toInt());
    const bool alarm = Kind(index.data(Role::KindRole).toInt()) == Kind::Alarm;
    // An alarm wears its priority's code; anything else the notice code,
    // never an alarm's colour or shape.
    const QColor code = alarm ? PriorityCode::color(severity) : NoticeCode::color(noticeLevel(index));
    painter->fillRect(body, selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base));
    // A thin rule between notifications.
    painter->setPen(pal.color(QPalette::Mid));
    painter->drawLine(body.bottomLeft(), body.bottomRight());
    if (!alarm || abnormal(severity))
        painter->fillRect(QRect(body.left(), body.top(), kEdge, body.height() - 1), code);

    const QColor ink = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor quiet = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::PlaceholderText);
    const int line = opt.fontMetrics.lineSpacing();
    int x = body.left() + kEdge + kPadding;
    const int right = body.right() - kPadding;
    int y = body.top() + kPadding;

    // Line 1: unread dot, the code's mark and word, title.
    const int dot = 8;
    if (!read) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? ink : pal.color(QPalette::Highlight));
        painter->drawEllipse(QRectF(x, y + (line - dot) / 2.0, dot, dot));
    }
    x += dot + 6;
    const qreal side = std::min(16, line);
    const QRectF mark(x, y + (line - side) / 2.0, side, side);
    QFont font = opt.font;
    font.setBold(true);
    const QString word = codeWord(index);
    if (selected) {
        // The code keeps its colours on a selected notification: its mark
        // and word on a chip of the unselected ground, as in the tables.
        const int chipRight = std::min(right, x + int(side) + 6 + QFontMetrics(font).horizontalAdvance(word) + 4);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawRoundedRect(QRectF(x - 4, y - 1, chipRight - x + 4, line + 2), 3, 3);
        painter->restore();
    }
    if (alarm)
        PriorityCode::paint(painter, severity, mark);
    else
        NoticeCode::paint(painter, noticeLevel(index), mark);
    x += int(side) + 6;
    painter->setFont(font);
    painter->setPen(code);
    painter->drawText(QRect(x, y, right - x, line), Qt::AlignVCenter | Qt::AlignLeft, word);
    x += QFontMetrics(font).horizontalAdvance(word) + 10;
    font.setBold(!read);
    painter->setFont(font);
    painter->setPen(ink);
    const QString title = titleText(index);
    painter->drawText(QRect(x, y, right - x, line), Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(font).elidedText(title, Qt::ElideRight, right - x));

    // Line 2: source, time, count.
    const int textLeft = body.left() + kEdge + kPadding + dot + 6;
    y += line + 1;
    painter->setFont(opt.font);
    painter->setPen(quiet);
    painter->drawText(QRect(textLeft, y, right - textLeft, line), Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(sourceText(index), Qt::ElideRight, right - textLeft));

    // Line 3: what the alarm waits for, or who dealt with it.
    y += line + 1;
    QFont status = opt.font;
    status.setBold(waiting);
    painter->setFont(status);
    painter->setPen(selected ? ink : (waiting ? (abnormal(severity) ? code : ink) : quiet));
    painter->drawText(QRect(textLeft, y, right - textLeft, line), Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(status).elidedText(statusText(index), Qt::ElideRight, right - textLeft));

    if (opt.state.testFlag(QStyle::State_HasFocus)) {
        QPen focus(pal.color(QPalette::Highlight), 1, Qt::DotLine);
        painter->setPen(focus);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(body.adjusted(1, 1, -2, -2));
    }
    painter->restore();
}
