#include "charts.h"

#include "emptynotice.h"
#include "theme.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace {

constexpr char kInkProperty[] = "watchfloorInk";
constexpr char kEmptyProperty[] = "watchfloorEmptyText";

// The value axis's ticks as its owner set them (the most it shows where there
// is room), and what fitValueTicks() last made of them: a value other than
// that one was set by the owner since, and is the new most.
constexpr char kTicksProperty[] = "watchfloorTicks";
constexpr char kFittedTicksProperty[] = "watchfloorFittedTicks";
constexpr char kIntervalProperty[] = "watchfloorTickInterval";
constexpr char kFittedIntervalProperty[] = "watchfloorFittedTickInterval";
// A label needs this many times its height between ticks to show whole.
constexpr qreal kLabelRoom = 1.25;

// 1, 2, 2.5 or 5 times a power of ten: steps a reader counts in.
bool isRoundStep(double step)
{
    if (step <= 0)
        return false;
    const double scale = std::pow(10.0, std::floor(std::log10(step)));
    const double mantissa = step / scale;
    for (const double round : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (std::abs(mantissa - round) < 1e-9)
            return true;
    return false;
}

// Restyles the chart view it watches whenever that view's palette or font
// changes, which Theme::apply or a kiosk's larger type bring about.
class PaletteFollower : public QObject
{
public:
    explicit PaletteFollower(QChartView *view)
        : QObject(view)
        , m_view(view)
    {
        view->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        if (watched == m_view
            && (type == QEvent::PaletteChange || type == QEvent::ApplicationPaletteChange || type == QEvent::FontChange
                || type == QEvent::ApplicationFontChange))
            Charts::restyle(m_view);
        return QObject::eventFilter(watched, event);
    }

private:
    QChartView *m_view;
};

QPen inkPen(Charts::Ink ink, Qt::PenStyle style)
{
    QPen pen(Theme::chartColors().series.at(std::size_t(ink)), 2.0, style);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

} // namespace

namespace Charts {

QChartView *makeChartView(const QString &title, QAbstractAxis *timeAxis, QValueAxis *valueAxis, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setBackgroundRoundness(4);
    chart->setMargins(QMargins(4, 2, 8, 2));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // A short stretch of each line, dashes and all: greys alone would not tell them apart.
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    for (QAbstractAxis *axis : {timeAxis, static_cast<QAbstractAxis *>(valueAxis)})
        axis->setMinorGridLineVisible(false);
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);

    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(200, 180);
    restyle(view);
    new PaletteFollower(view);
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [chart] { fitValueTicks(chart); });
    // The owner may change the range or the ticks at any time (a rising alarm rate).
    const auto fit = [chart] { fitValueTicks(chart); };
    QObject::connect(valueAxis, &QValueAxis::rangeChanged, chart, fit);
    QObject::connect(valueAxis, &QValueAxis::tickIntervalChanged, chart, fit);
    QObject::connect(valueAxis, &QValueAxis::tickCountChanged, chart, fit);
    return view;
}

void fitValueTicks(QChart *chart)
{
    const qreal height = chart->plotArea().height();
    if (height <= 0)
        return;
    for (QAbstractAxis *abstract : chart->axes(Qt::Vertical)) {
        auto *axis = qobject_cast<QValueAxis *>(abstract);
        if (!axis)
            continue;
        const qreal need = QFontMetricsF(axis->labelsFont()).height() * kLabelRoom;
        const double range = axis->max() - axis->min();
        if (range <= 0)
            continue;
        if (axis->tickType() == QValueAxis::TicksDynamic) {
            const QVariant fitted = axis->property(kFittedIntervalProperty);
            if (!fitted.isValid() || fitted.toDouble() != axis->tickInterval())
                axis->setProperty(kIntervalProperty, axis->tickInterval());
            const double base = axis->property(kIntervalProperty).toDouble();
            double interval = base;
            for (const int times : {1, 2, 3, 5, 10}) {
                interval = base * times;
                if (height * interval / range >= need)
                    break;
            }
            axis->setProperty(kFittedIntervalProperty, interval);
            if (axis->tickInterval() != interval)
                axis->setTickInterval(interval);
            continue;
        }
        const QVariant fitted = axis->property(kFittedTicksProperty);
        if (!fitted.isValid() || fitted.toInt() != axis->tickCount())
            axis->setProperty(kTicksProperty, axis->tickCount());
        const int most = axis->property(kTicksProperty).toInt();
        int count = 2; // the ends at least
        for (int n = most; n > 2; --n) {
            if (n < most && !isRoundStep(range / (n - 1)))
                continue;
            if (height / (n - 1) >= need) {
                count = n;
                break;
            }
        }
        axis->setProperty(kFittedTicksProperty, count);
        if (axis->tickCount() != count)
            axis->setTickCount(count);
    }
}

void restyle(QChartView *view)
{
    const Theme::ChartColors colors = Theme::chartColors();
    QChart *chart = view->chart();
    // The chart's text follows the view's font, a little smaller, so larger
    // type on a floor screen reaches the axes and the legend too.
    const auto scaled = [base = view->font()](qreal factor, bool bold) {
        QFont font = base;
        if (base.pointSizeF() > 0)
            font.setPointSizeF(base.pointSizeF() * factor);
        else
            font.setPixelSize(std::max(1, qRound(base.pixelSize() * factor)));
        font.setBold(bold);
        return font;
    };
    chart->setTitleFont(scaled(0.9, true));
    chart->legend()->setFont(scaled(0.8, false));
    for (QAbstractAxis *axis : chart->axes())
        axis->setLabelsFont(scaled(0.75, false));
    chart->setTitleBrush(colors.title);
    chart->setBackgroundBrush(colors.background);
    chart->setBackgroundPen(QPen(colors.frame, 1.0));
    chart->legend()->setLabelColor(colors.legend);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setGridLineColor(colors.grid);
        axis->setLinePenColor(colors.axisLine);
        axis->setLabelsColor(colors.labels);
    }
    for (QAbstractSeries *series : chart->series()) {
        auto *line = qobject_cast<QLineSeries *>(series);
        const QVariant ink = series->property(kInkProperty);
        if (!line || !ink.isValid())
            continue;
        QPen pen = line->pen();
        pen.setColor(colors.series.at(std::size_t(ink.toInt())));
        line->setPen(pen);
    }
    view->setBackgroundBrush(view->palette().color(QPalette::Window));
}

void showEmpty(QChartView *view, const QString &text)
{
    auto *notice = view->findChild<EmptyNotice *>();
    if (notice ? text == emptyText(view) : text.isEmpty())
        return;
    view->setProperty(kEmptyProperty, text);
    if (!notice)
        notice = new EmptyNotice(view, [view] { return emptyText(view); });
    notice->refresh();
    for (QAbstractAxis *axis : view->chart()->axes())
        axis->setVisible(text.isEmpty());
}

QString emptyText(const QChartView *view)
{
    return view->property(kEmptyProperty).toString();
}

QDateTimeAxis *makeTimeAxis()
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("HH:mm"));
    axis->setTickCount(5);
    return axis;
}

QValueAxis *makeValueAxis(double max, const QString &format)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, max);
    axis->setLabelFormat(format);
    axis->setTickCount(6);
    return axis;
}

QLineSeries *addSeries(QChart *chart, const QString &name, const QPen &pen)
{
    auto *series = new QLineSeries;
    series->setName(name);
    series->setPen(pen);
    chart->addSeries(series);
    for (QAbstractAxis *axis : chart->axes())
        series->attachAxis(axis);
    return series;
}

QLineSeries *addSeries(QChart *chart, const QString &name, Ink ink, Qt::PenStyle style)
{
    QLineSeries *series = addSeries(chart, name, inkPen(ink, style));
    series->setProperty(kInkProperty, int(ink));
    return series;
}

} // namespace Charts
