#pragma once

#include <QPen>
#include <QString>

class QAbstractAxis;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
class QWidget;

// The look every trend chart of the console shares: a calm grey frame, grey
// grid and labels, no animation, the legend below drawing each line's dash
// (greys alone would not tell the lines apart). Colours come from the theme
// and follow it: a chart view restyles itself when the palette changes.
namespace Charts {

// The grey of a line, strongest first; the theme says what each is in each mode.
enum class Ink { Strong, Medium, Faint };

QChartView *makeChartView(const QString &title, QAbstractAxis *timeAxis, QValueAxis *valueAxis, QWidget *parent);
QDateTimeAxis *makeTimeAxis();
QValueAxis *makeValueAxis(double max, const QString &format);
// A series attached to every axis of the chart, drawn with `pen` as given.
QLineSeries *addSeries(QChart *chart, const QString &name, const QPen &pen);
// A series drawn in a theme grey (kept on a theme change) with `style`.
QLineSeries *addSeries(QChart *chart, const QString &name, Ink ink, Qt::PenStyle style);
// Thins the ticks of the chart's vertical value axes until each label has
// room to show whole (larger type, a short chart): fewer, round steps rather
// than labels cut to "…"; back to the ticks it was made with when there is
// room again. Called by every chart made here when its plot area changes.
void fitValueTicks(QChart *chart);
// The theme's colours on the view, its chart, axes and Ink series; called by
// the view itself on a palette change.
void restyle(QChartView *view);
// A chart with nothing to draw says so: `text` centred over it (an
// EmptyNotice) in place of its axes, which hide rather than label a range
// that means nothing ("00:00 00:00 00:00"). An empty text shows the axes
// again. Its title stays, saying what the chart is of.
void showEmpty(QChartView *view, const QString &text);
// The text showEmpty last put over the view; empty when it shows its data.
QString emptyText(const QChartView *view);

} // namespace Charts
