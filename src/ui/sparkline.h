#pragma once

#include "model/metrichistory.h"

#include <QList>
#include <QWidget>

// A small trend of an endpoint's recent values, drawn in the quiet grey of
// normal operation: the shape matters, not the scale, so it has no axes. A
// stale trend is drawn in the stale grey and dashed. Its owner decides when
// to hand it new samples (at most once a second for the control panel).
class Sparkline : public QWidget
{
    Q_OBJECT

public:
    explicit Sparkline(QWidget *parent = nullptr);

    // Oldest first.
    void setSamples(const QList<MetricHistory::Sample> &samples);
    qsizetype pointCount() const { return m_samples.size(); }
    // How many times new samples were handed over.
    int updateCount() const { return m_updates; }

    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<MetricHistory::Sample> m_samples;
    bool m_stale = false;
    int m_updates = 0;
};
