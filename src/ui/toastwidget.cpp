#include "toastwidget.h"

#include "noticecode.h"
#include "prioritycode.h"
#include "theme.h"

#include <QEnterEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr int kEdge = 6; // the coloured left edge
constexpr int kRadius = 4;

QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    // Reachable with Tab, but a click does not pull the keyboard away from
    // the table the operator is working in.
    button->setFocusPolicy(Qt::TabFocus);
    button->setAutoDefault(false);
    return button;
}

} // namespace

ToastWidget::ToastWidget(const ToastSpec &spec, QWidget *parent)
    : QFrame(parent)
    , m_spec(spec)
{
    setObjectName(QStringLiteral("toast"));
    setAttribute(Qt::WA_ShowWithoutActivating);
    setAttribute(Qt::WA_Hover);
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);

    m_level = new QLabel(this);
    m_level->setObjectName(QStringLiteral("toastLevel"));
    QFont bold = font();
    bold.setBold(true);
    m_level->setFont(bold);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("toastTitle"));
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("toastMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("toastContext"));
    m_context->setTextFormat(Qt::PlainText);
    m_context->setForegroundRole(QPalette::PlaceholderText);

    m_acknowledge = makeButton(tr("Acknowledge"), QStringLiteral("acknowledgeButton"), this);
    m_show = makeButton(tr("Show"), QStringLiteral("showButton"), this);
    m_close = makeButton(QStringLiteral("×"), QStringLiteral("closeButton"), this);
    m_close->setFlat(true);
    // Square and small: the style's minimum button width would push it off the corner.
    const int side = m_close->fontMetrics().height() * 2;
    m_close->setFixedSize(side, side);
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close notification"));
    connect(m_acknowledge, &QPushButton::clicked, this, &ToastWidget::acknowledgeClicked);
    connect(m_show, &QPushButton::clicked, this, &ToastWidget::showClicked);
    connect(m_close, &QPushButton::clicked, this, &ToastWidget::closeClicked);

    auto *header = new QHBoxLayout;
    header->addWidget(m_level);
    header->addStretch(1);
    header->addWidget(m_close);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_acknowledge);
    buttons->addWidget(m_show);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kEdge + 10, 6, 8, 8);
    layout->setSpacing(3);
    layout->addLayout(header);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_context);
    layout->addLayout(buttons);

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ToastWidget::expired);
    refresh();
}

void ToastWidget::setSpec(const ToastSpec &spec)
{
    m_spec = spec;
    refresh();
}

void ToastWidget::setDuration(int ms)
{
    m_duration = qMax(0, ms);
    m_remaining = m_duration;
    m_timer.stop();
    if (m_duration > 0 && !m_hovered)
        m_timer.start(m_duration);
}

QColor ToastWidget::levelColor(ToastLevel level)
{
    return NoticeCode::color(NoticeCode::levelOf(level));
}

QString ToastWidget::levelWord(ToastLevel level)
{
    return NoticeCode::word(NoticeCode::levelOf(level));
}

QString ToastWidget::codeWord() const
{
    return m_spec.priority ? tr("%1 alarm").arg(PriorityCode::word(*m_spec.priority)) : levelWord(m_spec.level);
}

QColor ToastWidget::codeColor() const
{
    return m_spec.priority ? PriorityCode::color(*m_spec.priority) : levelColor(m_spec.level);
}

QRectF ToastWidget::markRect() const
{
    const qreal side = m_level->fontMetrics().height();
    const QRect label = m_level->geometry();
    return {qreal(label.left()), label.top() + (label.height() - side) / 2.0, side, side};
}

void ToastWidget::refresh()
{
    // The mark is painted by the card left of the word (paintEvent).
    const QString word = codeWord();
    m_level->setText(word);
    m_level->setIndent(m_level->fontMetrics().height() + 6);
    QPalette p = m_level->palette();
    p.setColor(QPalette::WindowText, codeColor());
    m_level->setPalette(p);
    m_title->setText(m_spec.title);
    m_title->setVisible(!m_spec.title.isEmpty());
    m_message->setText(m_spec.message);
    m_message->setVisible(!m_spec.message.isEmpty());
    QStringList context;
    if (!m_spec.source.isEmpty())
        context << m_spec.source;
    if (m_spec.time.isValid())
        context << QLocale().toString(m_spec.time.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
    m_context->setText(context.join(QStringLiteral(" · ")));
    m_context->setVisible(!context.isEmpty());
    m_acknowledge->setVisible(!m_spec.alarmId.isEmpty());

    const QString about = m_spec.title.isEmpty() ? m_spec.message : m_spec.title;
    m_acknowledge->setAccessibleName(tr("Acknowledge alarm: %1").arg(about));
    m_show->setAccessibleName(tr("Show notification: %1").arg(about));
    setAccessibleName(tr("%1 notification: %2").arg(word, about));
    setAccessibleDescription(QStringList {m_spec.message, m_context->text()}.join(u' '));
    // Updated in place, the text may take more lines: the area asks again.
    if (layout())
        layout()->invalidate();
    updateGeometry();
    update();
}

void ToastWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(card, kRadius, kRadius);
    // The palette's surfaces, so the card follows the light and dark themes.
    painter.fillPath(path, palette().color(QPalette::Base));
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawPath(path);
    painter.setClipPath(path);
    painter.fillRect(QRectF(card.left(), card.top(), kEdge, card.height()), codeColor());
    painter.setClipping(false);
    if (m_spec.priority)
        PriorityCode::paint(&painter, *m_spec.priority, markRect());
    else
        NoticeCode::paint(&painter, NoticeCode::levelOf(m_spec.level), markRect());
}

void ToastWidget::enterEvent(QEnterEvent *event)
{
    // The operator is reading it: hold the countdown.
    m_hovered = true;
    if (m_timer.isActive()) {
        m_remaining = m_timer.remainingTime();
        m_timer.stop();
    }
    QFrame::enterEvent(event);
}

void ToastWidget::leaveEvent(QEvent *event)
{
    m_hovered = false;
    if (m_duration > 0 && !m_timer.isActive())
        m_timer.start(qMax(1, m_remaining));
    QFrame::leaveEvent(event);
}

void ToastWidget::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // The mark's room before the word follows the type (the kiosk's is larger).
    if (event->type() == QEvent::FontChange)
        refresh();
}
