#include "charts.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

namespace Charts {

QChartView *makeChartView(const QString &title, QAbstractAxis *timeAxis, QValueAxis *valueAxis, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(QColor(0x1f, 0x23, 0x28));
    chart->setBackgroundBrush(QColor(0xee, 0xef, 0xf0));
    chart->setBackgroundPen(QPen(QColor(0xc4, 0xc8, 0xcc), 1.0));
    chart->setBackgroundRoundness(4);
    chart->setMargins(QMargins(4, 2, 8, 2));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // A short stretch of each line, dashes and all: greys alone would not tell them apart.
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->legend()->setLabelColor(QColor(0x3a, 0x40, 0x46));
    const QColor grid(0xd6, 0xd9, 0xdc);
    const QColor labels(0x5f, 0x66, 0x6d);
    for (QAbstractAxis *axis : {timeAxis, static_cast<QAbstractAxis *>(valueAxis)}) {
        axis->setGridLineColor(grid);
        axis->setLinePenColor(QColor(0xb4, 0xb9, 0xbe));
        axis->setLabelsColor(labels);
        axis->setMinorGridLineVisible(false);
    }
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);

    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(200, 180);
    view->setBackgroundBrush(parent->palette().color(QPalette::Window));
    return view;
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

} // namespace Charts
