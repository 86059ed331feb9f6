#include "dronedetailpane.h"

#include "charts.h"
#include "dronedelegate.h"
#include "model/dronemodel.h"
#include "theme.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

DroneDetailPane::DroneDetailPane(DroneModel *drones, RoomOpener openRoom, QWidget *parent)
    : QWidget(parent)
    , m_drones(drones)
    , m_openRoom(std::move(openRoom))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("droneDetailTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto *form = new QFormLayout;
    m_mission = new QLabel(this);
    m_build = new QLabel(this);
    m_buildBar = new QProgressBar(this);
    m_buildBar->setRange(0, 100);
    m_buildBar->setTextVisible(false);
    m_buildBar->setMaximumHeight(8);
    applyBarColour();
    m_health = new QLabel(this);
    m_health->setObjectName(QStringLiteral("droneDetailHealth"));
    m_health->setWordWrap(true);
    form->addRow(tr("Mission"), m_mission);
    form->addRow(tr("Build"), m_build);
    form->addRow(QString(), m_buildBar);
    form->addRow(tr("Computer"), m_health);
    layout->addLayout(form);

    m_time = Charts::makeTimeAxis();
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(3);
    m_chart = Charts::makeChartView(tr("Battery"), m_time, Charts::makeValueAxis(100, QStringLiteral("%.0f %%")), this);
    m_chart->chart()->legend()->hide();
    m_battery = Charts::addSeries(m_chart->chart(), tr("Battery"), Charts::Ink::Strong, Qt::SolidLine);
    layout->addWidget(m_chart, 1);

    m_chartTimer.setInterval(1000);
    m_chartTimer.setSingleShot(true);
    connect(&m_chartTimer, &QTimer::timeout, this, &DroneDetailPane::refreshChart);
    connect(drones, &LiveTableModel::contentsUpdated, this, [this] {
        refresh();
        if (!m_chartTimer.isActive())
            m_chartTimer.start();
    });
    connect(drones, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_drones->rowOf(m_serial);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    refresh(); // staleness changes arrive without a batch
            });
    showDrone({});
    refreshChart();
}

void DroneDetailPane::showDrone(const QString &serial)
{
    if (serial == m_serial && (serial.isEmpty() || m_room.isHeld()))
        return;
    m_serial = serial;
    // The new room is joined before the old one is let go, so moving between
    // two views of the same drone never unsubscribes in between.
    m_room = serial.isEmpty() ? RoomLease() : m_openRoom(serial);
    refresh();
    refreshChart();
}

QString DroneDetailPane::healthText() const
{
    return m_health->text();
}

void DroneDetailPane::refresh()
{
    const DroneModel *drones = m_drones;
    const int row = drones->rowOf(m_serial);
    setEnabled(row >= 0);
    if (row < 0) {
        m_title->setText(m_serial.isEmpty() ? tr("Select a drone to see its details") : m_serial);
        for (QLabel *label : {m_mission, m_build, m_health})
            label->clear();
        m_buildBar->setValue(0);
        return;
    }
    const QLocale locale;
    const DroneModel::Drone &d = drones->droneAt(row);
    const bool stale = drones->isStale(row);
    m_title->setText(stale ? tr("%1 · %2 · stale").arg(d.status.serial, DroneDelegate::stateText(d.status.state))
                           : tr("%1 · %2").arg(d.status.serial, DroneDelegate::stateText(d.status.state)));
    // Only the heading greys: the rest of the pane follows the theme's palette.
    QPalette palette = m_title->palette();
    palette.setColor(QPalette::WindowText,
                     stale ? Theme::staleText() : QApplication::palette().color(QPalette::WindowText));
    m_title->setPalette(palette);
    m_titleStale = stale;

    m_mission->setText(d.operation ? tr("%1 · %2 %").arg(d.operation->mission).arg(qRound(d.operation->progress))
                                   : tr("none"));
    if (d.build) {
        m_build->setText(d.build->percent >= 100
                             ? tr("built")
                             : tr("%1 % · %2 · %3").arg(d.build->percent).arg(d.build->stage, d.build->assembly));
        m_buildBar->setValue(d.build->percent);
    } else {
        m_build->setText(tr("no build report"));
        m_buildBar->setValue(0);
    }
    m_health->setText(
        d.health ? tr("CPU %1 % · memory %2 % · storage %3 % · %4 °C")
                       .arg(locale.toString(d.health->cpu, 'f', 0), locale.toString(d.health->memory, 'f', 0),
                            locale.toString(d.health->storage, 'f', 0), locale.toString(d.health->temperature, 'f', 1))
                 : tr("no health report yet"));
}

void DroneDetailPane::refreshChart()
{
    const auto samples = m_drones->history().series(m_serial, DroneModel::BatteryRole);
    QList<QPointF> points;
    points.reserve(samples.size());
    for (const auto &s : samples)
        points.append(QPointF(double(s.timeMs), s.value));
    m_battery->replace(points);
    Charts::showEmpty(m_chart,
                      m_serial.isEmpty()      ? tr("No drone selected")
                          : samples.isEmpty() ? tr("No battery reports from this drone yet")
                                              : QString());
    if (!samples.isEmpty()) {
        const qint64 last = samples.last().timeMs;
        const qint64 first = std::min(samples.first().timeMs, last - 60'000);
        m_time->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    }
}

void DroneDetailPane::applyBarColour()
{
    QPalette barPalette = QApplication::palette(); // progress is normal: grey, not an accent
    barPalette.setColor(QPalette::Highlight, Theme::neutralColor());
    m_buildBar->setPalette(barPalette);
}

void DroneDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        if (!m_restyling) {
            m_restyling = true; // setting the children's palettes sends more palette events
            applyBarColour();
            QPalette palette = m_title->palette();
            palette.setColor(QPalette::WindowText,
                             m_titleStale ? Theme::staleText() : QApplication::palette().color(QPalette::WindowText));
            m_title->setPalette(palette);
            m_restyling = false;
        }
    }
    QWidget::changeEvent(event);
}
