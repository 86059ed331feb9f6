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
// (greys alone would not tell the lines apart).
namespace Charts {

QChartView *makeChartView(const QString &title, QAbstractAxis *timeAxis, QValueAxis *valueAxis, QWidget *parent);
QDateTimeAxis *makeTimeAxis();
QValueAxis *makeValueAxis(double max, const QString &format);
// A series attached to every axis of the chart.
QLineSeries *addSeries(QChart *chart, const QString &name, const QPen &pen);

} // namespace Charts
