#include "kpitile.h"

#include "agetext.h"
#include "prioritycode.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kPadding = 10;
constexpr int kAccentBar = 5;

QFont scaled(QFont font, qreal factor, QFont::Weight weight = QFont::Normal)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setWeight(weight);
    return font;
}

// The same font, only larger.
QFont grown(QFont font, qreal factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * factor)));
    return font;
}

} // namespace

KpiTile::KpiTile(const QString &group, const QString &label, QWidget *parent)
    : QWidget(parent)
    , m_group(group)
    , m_label(label)
    , m_value(QStringLiteral("—"))
{
    // As tall as its scale asks for; no shorter than at scale 1 when squeezed.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setFocusPolicy(Qt::NoFocus);
    refreshAccessibleText();
}

void KpiTile::setValue(const QString &text)
{
    if (text == m_value)
        return;
    m_value = text;
    refreshAccessibleText();
    update();
}

void KpiTile::setLevel(Level level, const QString &word)
{
    const QString shown = level == Level::Normal ? QString() : word;
    if (level == m_level && shown == m_word)
        return;
    m_level = level;
    m_word = shown;
    refreshAccessibleText();
    update();
    Q_EMIT appearanceChanged();
}

void KpiTile::setPriority(Domain::AlarmSeverity priority)
{
    m_label = PriorityCode::word(priority);
    setAccentPriority(priority);
    refreshAccessibleText();
}

void KpiTile::setAccentPriority(std::optional<Domain::AlarmSeverity> priority)
{
    if (priority == m_priority)
        return;
    m_priority = priority;
    update();
}

QColor KpiTile::accentColor() const
{
    if (!isAbnormal())
        return {};
    if (m_stale)
        return Theme::staleText();
    if (m_priority)
        return PriorityCode::color(*m_priority);
    return m_level == Level::Alarm ? Theme::alarmColor() : Theme::warningColor();
}

void KpiTile::setScale(qreal scale)
{
    scale = std::max<qreal>(1.0, scale);
    if (qFuzzyCompare(scale, m_scale))
        return;
    m_scale = scale;
    updateGeometry();
    update();
}

void KpiTile::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    refreshAccessibleText();
    update();
    Q_EMIT appearanceChanged();
}

void KpiTile::setStaleAge(qint64 ms)
{
    if (ms == m_staleAgeMs)
        return;
    m_staleAgeMs = ms;
    if (m_stale)
        update();
}

QString KpiTile::markText() const
{
    if (m_stale) {
        if (isAbnormal())
            return tr("stale · %1").arg(m_word);
        return m_staleAgeMs >= 0 ? AgeText::staleBrief(m_staleAgeMs) : tr("stale");
    }
    return isAbnormal() ? m_word : QString();
}

QSize KpiTile::sizeHint() const
{
    return sizeAt(m_scale);
}

QSize KpiTile::minimumSizeHint() const
{
    // A smaller screen's layout may squeeze a grown tile for a moment,
    // before the view sets its scale for the new size.
    return sizeAt(1.0);
}

QSize KpiTile::sizeAt(qreal scale) const
{
    const QFont base = grown(font(), scale);
    const QFontMetrics small(scaled(base, 0.85));
    const QFontMetrics label(base);
    const QFontMetrics big(scaled(base, 2.1, QFont::DemiBold));
    const int padding = qRound(kPadding * scale);
    const int height = padding + small.height() + label.height() + 2 + big.height() + padding - 4;
    return {120, height};
}

int KpiTile::wholeTextWidth() const
{
    // As paintEvent() lays the texts out.
    const QFontMetricsF small(scaled(font(), 0.85));
    const QFontMetricsF label(font());
    const QFontMetricsF big(scaled(font(), 2.1, QFont::DemiBold));
    qreal widest = std::max(small.horizontalAdvance(m_group.toUpper()), label.horizontalAdvance(m_label));
    qreal figure = big.horizontalAdvance(m_value);
    const QString word = markText();
    if (!word.isEmpty()) {
        const QFontMetricsF wordMetrics(scaled(font(), 0.9, m_stale ? QFont::Normal : QFont::DemiBold));
        const qreal symbolSide = isAbnormal() ? wordMetrics.height() * 0.95 : 0;
        figure += 10 + (symbolSide > 0 ? symbolSide + 5 : 0) + wordMetrics.horizontalAdvance(word);
    }
    widest = std::max(widest, figure);
    const qreal left = kPadding + (isAbnormal() ? kAccentBar : 0);
    return int(std::ceil(left + widest + kPadding + 1));
}

void KpiTile::refreshAccessibleText()
{
    QString text = tr("%1, %2: %3").arg(m_group, m_label, m_value);
    if (isAbnormal())
        text += u' ' + m_word;
    if (m_stale)
        text += u' ' + tr("(stale: last known value, not live)");
    setAccessibleName(text);
    setToolTip(m_stale ? tr("Last known value: the link is not live") : QString());
}

void KpiTile::paintSymbol(QPainter &painter, const QRectF &rect, Level level, const QColor &color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF r(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    switch (level) {
    case Level::Normal:
        break;
    case Level::Warning: {
        QPainterPath triangle;
        triangle.moveTo(r.center().x(), r.top());
        triangle.lineTo(r.right(), r.bottom());
        triangle.lineTo(r.left(), r.bottom());
        triangle.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPath(triangle);
        painter.setPen(QPen(Qt::white, std::max(1.5, side / 9)));
        painter.drawLine(QPointF(r.center().x(), r.top() + side * 0.38), QPointF(r.center().x(), r.top() + side * 0.7));
        painter.drawPoint(QPointF(r.center().x(), r.top() + side * 0.84));
        break;
    }
    case Level::Alarm: {
        // An octagon, like a stop sign, with a bar across.
        QPolygonF octagon;
        const qreal radius = side / 2;
        for (int i = 0; i < 8; ++i) {
            const qreal angle = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << r.center() + QPointF(radius * std::cos(angle), radius * std::sin(angle));
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPolygon(octagon);
        painter.setBrush(Qt::white);
        painter.drawRect(QRectF(r.left() + side * 0.22, r.center().y() - side * 0.09, side * 0.56, side * 0.18));
        break;
    }
    }
    painter.restore();
}

void KpiTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);

    const QFont base = grown(font(), m_scale);
    const qreal padding = kPadding * m_scale;
    const qreal accentBar = kAccentBar * m_scale;
    const QColor accent = accentColor();
    m_symbolRect = {};

    p.setPen(QPen(isAbnormal() && !m_stale ? accent : palette().color(QPalette::Mid).lighter(115), 1.0));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(frame, 4, 4);
    if (isAbnormal()) {
        // A bar down the left edge: seen at a glance across the room.
        QPainterPath clip;
        clip.addRoundedRect(frame, 4, 4);
        p.save();
        p.setClipPath(clip);
        p.fillRect(QRectF(frame.left(), frame.top(), accentBar, frame.height()), accent);
        p.restore();
    }

    const QColor text = palette().color(QPalette::WindowText);
    const QColor quiet = Theme::neutralColor();
    const QColor stale = Theme::staleText();
    const qreal left = padding + (isAbnormal() ? accentBar : 0);
    const qreal width = frame.width() - left - padding;

    const QFont smallFont = scaled(base, 0.85);
    const QFontMetricsF small(smallFont);
    qreal y = padding - 2;
    p.setFont(smallFont);
    p.setPen(m_stale ? stale : quiet);
    p.drawText(QRectF(left, y, width, small.height()), Qt::AlignLeft | Qt::AlignVCenter,
               small.elidedText(m_group.toUpper(), Qt::ElideRight, width));
    y += small.height();

    const QFontMetricsF labelMetrics(base);
    p.setFont(base);
    p.setPen(m_stale ? stale : text);
    p.drawText(QRectF(left, y, width, labelMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               labelMetrics.elidedText(m_label, Qt::ElideRight, width));
    y += labelMetrics.height() + 2;

    const QFont bigFont = scaled(base, 2.1, QFont::DemiBold);
    const QFontMetricsF big(bigFont);
    const QRectF numberRect(left, y, width, big.height());
    p.setFont(bigFont);
    p.setPen(m_stale ? stale : text);
    p.drawText(numberRect, Qt::AlignLeft | Qt::AlignVCenter, m_value);
    const qreal numberWidth = big.horizontalAdvance(m_value);

    // Right of the number: what is wrong (shape and word), or that the value is stale.
    QString word = markText();
    if (word.isEmpty())
        return;
    const QFont wordFont = scaled(base, 0.9, m_stale ? QFont::Normal : QFont::DemiBold);
    const QFontMetricsF wordMetrics(wordFont);
    const qreal symbolSide = isAbnormal() ? wordMetrics.height() * 0.95 : 0;
    const qreal room = width - numberWidth - 10 * m_scale - (symbolSide > 0 ? symbolSide + 5 : 0);
    // An age cut short would read as a wrong one: without room, "stale" alone.
    if (m_stale && !isAbnormal() && wordMetrics.horizontalAdvance(word) > room)
        word = tr("stale");
    const QString elided = wordMetrics.elidedText(word, Qt::ElideRight, std::max<qreal>(room, 20));
    const qreal wordWidth = wordMetrics.horizontalAdvance(elided);
    const qreal right = left + width;
    const QRectF wordRect(right - wordWidth, numberRect.top(), wordWidth, numberRect.height());
    if (symbolSide > 0) {
        const QRectF symbolRect(wordRect.left() - 5 - symbolSide, numberRect.center().y() - symbolSide / 2, symbolSide,
                                symbolSide);
        if (m_priority && !m_stale)
            PriorityCode::paint(&p, *m_priority, symbolRect);
        else
            paintSymbol(p, symbolRect, m_level, accent);
        m_symbolRect = symbolRect;
    }
    QFont f = wordFont;
    f.setItalic(m_stale);
    p.setFont(f);
    // A shade deeper than the bar on light surfaces; on dark ones the accent itself reads best.
    p.setPen(m_stale ? stale : (Theme::mode() == ThemeMode::Dark ? accent : accent.darker(115)));
    p.drawText(wordRect, Qt::AlignRight | Qt::AlignVCenter, elided);
}
