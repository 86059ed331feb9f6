#include "alarmbanner.h"

#include "agetext.h"
#include "model/alarmmodel.h"
#include "model/alarmrate.h"
#include "prioritycode.h"
#include "services/linkstatus.h"
#include "theme.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

using Domain::AlarmSeverity;

namespace {

constexpr int kMargin = 10;
constexpr int kGap = 14; // between parts
constexpr int kMarkGap = 4; // between a mark and its text
constexpr int kPadding = 5; // above and below the text
constexpr int kLineGap = 4; // between lines, when the parts take more than one

} // namespace

AlarmBanner::AlarmBanner(AlarmModel *alarms, AlarmRateMeter *rate, LinkStatus *link, QWidget *parent)
    : QWidget(parent)
    , m_alarms(alarms)
    , m_rate(rate)
    , m_link(link)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("alarmBanner"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true); // narrower than its one line, it takes two
    setSizePolicy(policy);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(tr("Alarm banner"));
    setToolTip(tr("Alarms waiting for acknowledgement, the alarm rate and the oldest waiting alarm. Click, or press "
                  "Enter, to open the Alarms view (Ctrl+5)."));

    connect(alarms, &AlarmModel::alarmsChanged, this, &AlarmBanner::recount);
    connect(alarms, &QAbstractItemModel::rowsRemoved, this, &AlarmBanner::recount);
    connect(alarms, &QAbstractItemModel::modelReset, this, &AlarmBanner::recount);
    connect(rate, &AlarmRateMeter::activationsChanged, this, &AlarmBanner::refreshText);
    connect(rate, &AlarmRateMeter::rateChanged, this, &AlarmBanner::refreshText);
    if (link) {
        m_stale = !link->isLive();
        connect(link, &LinkStatus::stateChanged, this, [this] {
            if (m_stale == !m_link->isLive())
                return;
            m_stale = !m_stale;
            refreshText();
        });
    }
    // The oldest alarm's age moves on by itself.
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &AlarmBanner::refreshAge);
    m_ageTimer.start();
    recount();
}

void AlarmBanner::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refreshAge();
}

int AlarmBanner::count(AlarmSeverity priority) const
{
    return m_counts.at(size_t(priority));
}

QString AlarmBanner::countText(AlarmSeverity priority) const
{
    return tr("%1 %2", "a count of waiting alarms and their priority's word")
        .arg(QLocale().toString(count(priority)), PriorityCode::word(priority));
}

QString AlarmBanner::waitingText() const
{
    return tr("%n waiting", "alarms not acknowledged (AlarmModel::unacknowledgedCount)", m_waiting);
}

bool AlarmBanner::isFlood() const
{
    return m_rate->rate() == AlarmRateMeter::Rate::Flood;
}

QString AlarmBanner::rateText() const
{
    const QString activations = QLocale().toString(m_rate->activationsInLast10Minutes());
    switch (m_rate->rate()) {
    case AlarmRateMeter::Rate::Flood:
        return tr("FLOOD · %1 in 10 min").arg(activations);
    case AlarmRateMeter::Rate::Manageable:
        return tr("%1 in 10 min · above target").arg(activations);
    case AlarmRateMeter::Rate::Acceptable:
        break;
    }
    return tr("%1 in 10 min · acceptable").arg(activations);
}

QString AlarmBanner::oldestText() const
{
    return m_oldestText;
}

bool AlarmBanner::shows(AlarmSeverity priority) const
{
    return priority != AlarmSeverity::Unknown || count(priority) > 0;
}

QRectF AlarmBanner::markRect(AlarmSeverity priority) const
{
    for (const Part &part : m_parts) {
        if (part.priority == int(priority)) {
            const int side = markSide();
            return {part.rect.left(), part.rect.center().y() - side / 2.0, qreal(side), qreal(side)};
        }
    }
    return {};
}

QList<QRectF> AlarmBanner::partRects() const
{
    QList<QRectF> rects;
    for (const Part &part : m_parts)
        rects.append(part.rect);
    return rects;
}

QString AlarmBanner::summaryText() const
{
    QStringList texts;
    for (const Part &part : m_parts)
        texts.append(part.text);
    return texts.join(QStringLiteral(" · "));
}

void AlarmBanner::recount()
{
    m_waiting = m_alarms->unacknowledgedCount();
    for (const AlarmSeverity priority : PriorityCode::kPriorities)
        m_counts.at(size_t(priority)) = m_alarms->unacknowledgedCount(priority);
    // The oldest waiting alarm: a look at every row, once per batch.
    m_oldestRaised = {};
    for (int row = 0; row < m_alarms->rowCount(); ++row) {
        const Domain::Alarm &alarm = m_alarms->alarmAt(row);
        if (AlarmModel::isUnacknowledged(alarm.state) && alarm.timestamp.isValid()
            && (!m_oldestRaised.isValid() || alarm.timestamp < m_oldestRaised))
            m_oldestRaised = alarm.timestamp;
    }
    m_oldestText = ageText();
    refreshText();
}

QString AlarmBanner::ageText() const
{
    if (m_waiting == 0 || !m_oldestRaised.isValid())
        return {};
    // A server clock ahead of ours counts as now, as for the alarm rate.
    const qint64 ms = std::max<qint64>(0, m_oldestRaised.msecsTo(m_clock()));
    return tr("oldest %1", "how long the oldest waiting alarm has waited").arg(AgeText::format(ms));
}

void AlarmBanner::refreshAge()
{
    const QString text = ageText();
    if (text == m_oldestText)
        return;
    m_oldestText = text;
    refreshText();
}

void AlarmBanner::refreshText()
{
    m_parts = parts();
    layOut();
    setAccessibleDescription(summaryText());
    updateGeometry();
    update();
}

QList<AlarmBanner::Part> AlarmBanner::parts() const
{
    QList<Part> list;
    const auto add = [&list](const QString &text, int priority, bool bold, bool reversed = false, bool note = false) {
        Part part;
        part.text = text;
        part.priority = priority;
        part.bold = bold;
        part.reversed = reversed;
        part.note = note;
        list.append(part);
    };
    for (const AlarmSeverity priority : PriorityCode::kPriorities) {
        if (shows(priority))
            add(countText(priority), int(priority), count(priority) > 0 && PriorityCode::isUrgent(priority));
    }
    add(waitingText(), -1, m_waiting > 0);
    add(rateText(), -1, isFlood(), isFlood());
    if (!m_oldestText.isEmpty())
        add(m_oldestText, -1, false);
    if (m_stale)
        add(tr("last known", "the banner's figures while the link is not live"), -1, false, false, true);
    add(tr("Alarms ›", "opens the Alarms view"), -1, false);
    return list;
}

int AlarmBanner::markSide() const
{
    return fontMetrics().height();
}

qreal AlarmBanner::partWidth(const Part &part) const
{
    QFont font = this->font();
    font.setBold(part.bold);
    font.setItalic(part.note);
    qreal width = QFontMetricsF(font).horizontalAdvance(part.text);
    if (part.priority >= 0)
        width += markSide() + kMarkGap;
    if (part.reversed)
        width += 12;
    return width;
}

int AlarmBanner::lineCount(int width) const
{
    int lines = 1;
    qreal x = kMargin;
    for (const Part &part : m_parts) {
        const qreal partW = partWidth(part);
        if (x > kMargin && x + partW > width - kMargin) {
            ++lines;
            x = kMargin;
        }
        x += partW + kGap;
    }
    return lines;
}

void AlarmBanner::layOut()
{
    const qreal lineHeight = fontMetrics().height();
    const qreal right = width() - kMargin;
    qreal x = kMargin;
    qreal top = kPadding;
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        Part &part = m_parts[i];
        const qreal partW = partWidth(part);
        // A part that does not fit on the line begins the next: none is cut.
        if (x > kMargin && x + partW > right) {
            x = kMargin;
            top += lineHeight + kLineGap;
        }
        // The way to the Alarms view sits at the right end when there is room.
        if (i == m_parts.size() - 1)
            x = std::max(x, right - partW);
        part.rect = QRectF(x, top, partW, lineHeight);
        x += partW + kGap;
    }
    // Not every layout asks heightForWidth() (a main window's menu widget
    // does not): the height the lines need is also the least height.
    const int lines = lineCount(width());
    if (lines != m_lines) {
        m_lines = lines;
        setMinimumHeight(lines > 1 ? heightForWidth(width()) : 0);
        updateGeometry();
    }
}

bool AlarmBanner::hasHeightForWidth() const
{
    return true;
}

int AlarmBanner::heightForWidth(int width) const
{
    const int lines = lineCount(width);
    return lines * fontMetrics().height() + (lines - 1) * kLineGap + 2 * kPadding;
}

QSize AlarmBanner::minimumSizeHint() const
{
    // As narrow as its widest part: the others go to further lines.
    qreal widest = 0;
    for (const Part &part : m_parts)
        widest = std::max(widest, partWidth(part));
    return {int(std::ceil(widest)) + 2 * kMargin, fontMetrics().height() + 2 * kPadding};
}

QSize AlarmBanner::sizeHint() const
{
    // Everything on one line.
    qreal width = 2 * kMargin;
    for (const Part &part : m_parts)
        width += partWidth(part) + kGap;
    return {int(std::ceil(width - kGap)), fontMetrics().height() + 2 * kPadding};
}

void AlarmBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(rect().bottomLeft(), rect().bottomRight());
    // The last known figures are greyed, like every stale value of the console.
    const QColor ink = m_stale ? Theme::staleText() : pal.color(QPalette::WindowText);
    const QColor quiet = pal.color(QPalette::PlaceholderText);
    for (const Part &part : m_parts) {
        QFont font = this->font();
        font.setBold(part.bold);
        font.setItalic(part.note);
        p.setFont(font);
        QRectF textRect = part.rect;
        if (part.priority >= 0) {
            const auto priority = AlarmSeverity(part.priority);
            // Hollow while none waits: calm, but the code still reads.
            PriorityCode::paint(&p, priority, markRect(priority), count(priority) == 0);
            textRect.setLeft(textRect.left() + markSide() + kMarkGap);
            p.setPen(count(priority) > 0 ? ink : quiet);
        } else if (part.reversed) {
            // The flood: reversed out in the ink, loud without borrowing a priority's colour.
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(ink);
            p.drawRoundedRect(part.rect.adjusted(0, -2, 0, 2), 3, 3);
            textRect = part.rect.adjusted(6, 0, -6, 0);
            p.setPen(pal.color(QPalette::Window));
        } else {
            p.setPen(ink);
        }
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, part.text);
    }
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void AlarmBanner::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        Q_EMIT activated();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void AlarmBanner::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        Q_EMIT activated();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void AlarmBanner::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) {
        refreshText();
        recount();
    }
}

void AlarmBanner::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layOut();
}
