#include "sparkline.h"

#include "theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::NoFocus);
    // A trend is a picture of the value beside it, which is what a screen reader reads.
    setAccessibleName(tr("Trend"));
}

void Sparkline::setSamples(const QList<MetricHistory::Sample> &samples)
{
    ++m_updates;
    if (samples == m_samples)
        return;
    m_samples = samples;
    update();
}

void Sparkline::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    update();
}

QSize Sparkline::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(u'0') * 16, fontMetrics().height() + 6};
}

QSize Sparkline::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(u'0') * 6, fontMetrics().height() + 6};
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(2, 3, -4, -3);
    // A faint base line, so an empty or flat trend still reads as a trend.
    p.setPen(QPen(palette().color(QPalette::Mid), 1.0));
    p.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));
    if (m_samples.isEmpty() || area.width() <= 0 || area.height() <= 0)
        return;

    const auto [lowest, highest] = std::minmax_element(m_samples.cbegin(), m_samples.cend(),
                                                       [](const auto &a, const auto &b) { return a.value < b.value; });
    const double low = lowest->value;
    const double span = highest->value - low;
    const qint64 first = m_samples.constFirst().timeMs;
    const qint64 duration = m_samples.constLast().timeMs - first;
    const auto pointAt = [&](qsizetype i) {
        const MetricHistory::Sample &s = m_samples.at(i);
        // By time when the samples span some; evenly otherwise.
        const double x = duration > 0 ? double(s.timeMs - first) / double(duration)
            : m_samples.size() > 1    ? double(i) / double(m_samples.size() - 1)
                                      : 1.0;
        const double y = span > 0 ? (s.value - low) / span : 0.5;
        return QPointF(area.left() + x * area.width(), area.bottom() - y * area.height());
    };

    const QColor ink = m_stale ? Theme::staleText() : Theme::neutralColor();
    QPainterPath path(pointAt(0));
    for (qsizetype i = 1; i < m_samples.size(); ++i)
        path.lineTo(pointAt(i));
    p.setPen(QPen(ink, 1.4, m_stale ? Qt::DashLine : Qt::SolidLine));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    // The latest value, where the eye goes.
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    p.drawEllipse(pointAt(m_samples.size() - 1), 2.2, 2.2);
}
