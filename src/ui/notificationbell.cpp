#include "notificationbell.h"

#include "prioritycode.h"
#include "services/notificationcenter.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionToolButton>
#include <QStylePainter>

NotificationBell::NotificationBell(NotificationCenter *center, QWidget *parent)
    : QToolButton(parent)
    , m_center(center)
{
    setObjectName(QStringLiteral("notificationBell"));
    setCheckable(true);
    setAutoRaise(true);
    setFocusPolicy(Qt::StrongFocus);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(center, &NotificationCenter::unreadCountChanged, this, &NotificationBell::refresh);
    connect(center, &NotificationCenter::attentionChanged, this, &NotificationBell::refresh);
    // The waiting count changes without changing attention (a second critical alarm).
    connect(center, &NotificationCenter::notificationPosted, this, &NotificationBell::refresh);
    connect(center, &NotificationCenter::notificationChanged, this, &NotificationBell::refresh);
    connect(center, &NotificationCenter::waitingActionCountChanged, this, &NotificationBell::refresh);
    connect(center, &NotificationCenter::unacknowledgedChanged, this, &NotificationBell::refresh);
    refresh();
}

void NotificationBell::refresh()
{
    m_unread = m_center->unreadCount();
    m_waiting = m_center->unacknowledgedCount();
    m_mostUrgent = m_center->mostUrgentUnacknowledged();
    m_waitingActions = m_center->waitingActionCount();
    m_unreadNotices = m_center->unreadNoticeCount();
    QStringList parts;
    if (m_waiting > 0)
        parts.append(tr("%n waiting", "alarms not acknowledged (AlarmModel::unacknowledgedCount)", m_waiting));
    if (m_waitingActions > 0)
        parts.append(tr("%n unsent", "alarm actions the server has not confirmed", m_waitingActions));
    // Apart from the alarms' count, and after it: server notices not yet read.
    if (m_unreadNotices > 0)
        parts.append(tr("%n notice(s)", "unread server notices, never alarms", m_unreadNotices));
    setText(parts.join(QStringLiteral(" · ")));
    QString description = tr("Notifications: %n unread", nullptr, m_unread);
    if (m_waiting > 0)
        description += u' '
            + tr("(%n alarm(s) waiting for acknowledgement, the most urgent %1)", nullptr, m_waiting)
                  .arg(PriorityCode::word(*m_mostUrgent));
    if (m_waitingActions > 0)
        description += u' '
            + tr("(%n alarm action(s) of this console not yet confirmed by the server)", nullptr, m_waitingActions);
    if (m_unreadNotices > 0)
        description += u' ' + tr("(%n unread server notice(s))", nullptr, m_unreadNotices);
    setAccessibleName(tr("Notifications"));
    setAccessibleDescription(description);
    setToolTip(description + u'\n' + tr("Open the notification center (Ctrl+Shift+A)"));
    updateGeometry();
    update();
}

QSize NotificationBell::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int side = fm.height() + 14;
    int width = side + fm.horizontalAdvance(QStringLiteral("999+")) / 2 + 4;
    if (!text().isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        width += QFontMetrics(bold).horizontalAdvance(text()) + 12;
    }
    if (m_mostUrgent)
        width += side - 6 + 4; // the most urgent priority's mark on its chip
    return {width, side};
}

QRectF NotificationBell::markRect() const
{
    if (!m_mostUrgent)
        return {};
    const qreal side = height() - 12;
    const qreal left = 7 + side * 0.9 + fontMetrics().horizontalAdvance(QStringLiteral("999+")) / 2.0 + 4;
    return {left + 2, 7, side - 2, side - 2};
}

void NotificationBell::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const bool attention = needsAttention();
    // Filled in the colour of the most urgent waiting priority, with its
    // mark beside the count: the priority code, never a look of its own.
    const QColor code = m_mostUrgent ? PriorityCode::color(*m_mostUrgent) : QColor();
    const QRectF frame = QRectF(rect()).adjusted(1, 1, -1, -1);
    QColor fill = attention ? code : Qt::transparent;
    if (!attention && (isChecked() || isDown()))
        fill = pal.color(QPalette::Button);
    else if (!attention && underMouse())
        fill = pal.color(QPalette::Button).lighter(104);
    p.setPen(hasFocus() ? QPen(pal.color(QPalette::Highlight), 2) : QPen(Qt::NoPen));
    p.setBrush(fill);
    p.drawRoundedRect(frame, 4, 4);
    if (attention && isChecked()) {
        p.setPen(QPen(pal.color(QPalette::WindowText), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(frame.adjusted(1, 1, -1, -1), 3, 3);
    }

    // The bell: a dome, a rim and a clapper. On the priority's colour, white
    // or near-black, whichever reads (the dark theme's colours are light).
    const QColor onAlarm = attention && code.lightnessF() > 0.55 ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white);
    const QColor ink = attention ? onAlarm : pal.color(QPalette::WindowText);
    const qreal side = height() - 12;
    const QRectF bell(7, 6, side * 0.9, side);
    QPainterPath dome;
    dome.moveTo(bell.left(), bell.bottom() - side * 0.22);
    dome.cubicTo(bell.left() + side * 0.12, bell.bottom() - side * 0.35, bell.left() + side * 0.1, bell.top(),
                 bell.center().x(), bell.top());
    dome.cubicTo(bell.right() - side * 0.1, bell.top(), bell.right() - side * 0.12, bell.bottom() - side * 0.35,
                 bell.right(), bell.bottom() - side * 0.22);
    dome.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    p.drawPath(dome);
    p.drawEllipse(QPointF(bell.center().x(), bell.bottom() - side * 0.1), side * 0.12, side * 0.12);

    // The unread badge at the bell's shoulder.
    if (m_unread > 0) {
        QFont small = font();
        small.setBold(true);
        small.setPointSizeF(font().pointSizeF() * 0.8);
        const QString count = m_unread > 999 ? QStringLiteral("999+") : QString::number(m_unread);
        const QFontMetricsF fm(small);
        const qreal h = fm.height() + 2;
        const qreal w = std::max(h, fm.horizontalAdvance(count) + 8);
        const QRectF badge(bell.right() - w / 2, 2, w, h);
        // On the alarm colour the badge is the bell's ink with the alarm colour for its number.
        p.setPen(QPen(attention ? code : pal.color(QPalette::Window), 1.5));
        p.setBrush(attention ? onAlarm : pal.color(QPalette::Highlight));
        p.drawRoundedRect(badge, h / 2, h / 2);
        p.setFont(small);
        p.setPen(attention ? code : pal.color(QPalette::HighlightedText));
        p.drawText(badge, Qt::AlignCenter, count);
    }

    qreal left = bell.right() + fontMetrics().horizontalAdvance(QStringLiteral("999+")) / 2.0 + 4;
    if (m_mostUrgent) {
        // The mark on a chip of the surface's own colour, so it reads on any fill.
        const QRectF chip = markRect().adjusted(-2, -2, 2, 2);
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::Base));
        p.drawRoundedRect(chip, 3, 3);
        PriorityCode::paint(&p, *m_mostUrgent, markRect());
        left = chip.right() + 4;
    }
    if (!text().isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(ink);
        p.drawText(QRectF(left, 0, width() - left - 6, height()), Qt::AlignVCenter | Qt::AlignLeft, text());
    }
}
