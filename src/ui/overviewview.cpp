#include "overviewview.h"

#include "agetext.h"
#include "charts.h"
#include "domain/machine.h"
#include "kpitile.h"
#include "model/alarmrate.h"
#include "model/dronemodel.h"
#include "model/fleetbatteryhistory.h"
#include "model/plantsummary.h"
#include "model/serverhealthmodel.h"
#include "prioritycode.h"
#include "services/linkstatus.h"
#include "theme.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMargin = 12;
constexpr int kSpacing = 8;
constexpr int kMinTileWidth = 140;
constexpr int kTileChars = 20; // average characters a tile's label should fit
// The column counts the tiles may take. A tile's place depends on the count
// alone, and the count takes only these values, so tiles move only when the
// width crosses one of a few steps; from the widest step up (a 1280-pixel
// window to a 4K screen) every tile keeps its row and column, and the tiles
// grow instead (up to kMaxTileScale).
constexpr std::array<int, 5> kColumnSteps = {1, 2, 4, 6, 8};
constexpr qreal kMaxTileScale = 2.0;
constexpr qreal kScaleStep = 0.25; // grown tiles take a few sizes, not one per pixel
constexpr qreal kTileHeightShare = 0.4; // grown tiles take at most this much of the view's height
constexpr int kChartRedrawMs = 1000; // charts are read, not watched: once a second is plenty
constexpr qint64 kMinuteMs = 60 * 1000;

using Kpi = OverviewView::Kpi;

// Tiles of one group stay on one row when they fit.
struct Group
{
    Kpi first;
    int count;
};
constexpr std::array<Group, 4> kGroups = {{
    {Kpi::AlarmsCritical, 7},
    {Kpi::DronesFlying, 8},
    {Kpi::MachinesRunning, 4},
    {Kpi::OperatorsOnline, 4},
}};

QPen limitPen(bool crossed, const QColor &accent)
{
    return crossed ? QPen(accent, 2.0, Qt::DashLine) : QPen(Theme::chartColors().limit, 1.2, Qt::DashLine);
}

} // namespace

OverviewView::OverviewView(const Sources &sources, QWidget *parent)
    : QWidget(parent)
    , m_sources(sources)
{
    setObjectName(QStringLiteral("overviewView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    layout->setSpacing(kSpacing * 2);

    m_tileArea = new QWidget(this);
    m_tileArea->setObjectName(QStringLiteral("overviewTiles"));
    // Narrower than the current columns need is fine: reflow() makes fewer.
    m_tileArea->setMinimumWidth(kMinTileWidth);
    m_grid = new QGridLayout(m_tileArea);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(kSpacing);
    createTiles();
    layout->addWidget(m_tileArea);
    layout->addWidget(createCharts(), 1);

    m_chartTimer.setSingleShot(true);
    m_chartTimer.setInterval(kChartRedrawMs);
    connect(&m_chartTimer, &QTimer::timeout, this, &OverviewView::redrawCharts);
    // The session keeps the fleet's battery trend; the chart follows it.
    connect(m_sources.fleetBattery, &FleetBatteryHistory::changed, this, [this] {
        m_batteryDirty = true;
        scheduleCharts();
    });
    // The alarm rate's hour moves on even when no alarm comes.
    m_minuteTimer.setInterval(kMinuteMs / 4);
    connect(&m_minuteTimer, &QTimer::timeout, this, [this] {
        m_alarmsDirty = true;
        scheduleCharts();
    });
    m_minuteTimer.start();

    connect(m_sources.summary, &PlantSummary::countsChanged, this, &OverviewView::updateCounts);
    // Live again: the counts that changed meanwhile come with countsChanged.
    connect(m_sources.link, &LinkStatus::stateChanged, this, [this] {
        updateCounts();
        updateHealthTiles();
        updateStale();
    });
    connect(m_sources.health, &ServerHealthModel::contentsUpdated, this, [this] {
        updateHealthTiles();
        m_healthDirty = true;
        scheduleCharts();
    });
    // The console's meter counts every activation, whether or not this view is open.
    connect(m_sources.alarmRate, &AlarmRateMeter::historyChanged, this, [this] {
        m_alarmsDirty = true;
        scheduleCharts();
    });
    m_staleClock.setInterval(1000);
    connect(&m_staleClock, &QTimer::timeout, this, &OverviewView::updateStale);
    updateCounts();
    updateHealthTiles();
    updateStale();
    redrawCharts();
    reflow(true);
}

OverviewView::~OverviewView() = default;

void OverviewView::createTiles()
{
    const QString alarms = tr("Alarms");
    const QString drones = tr("Drones");
    const QString machines = tr("Machines");
    const QString plant = tr("Plant");
    const QString server = tr("Server");
    const auto add = [this](Kpi kpi, const QString &group, const QString &label) {
        auto *tile = new KpiTile(group, label, m_tileArea);
        tile->setObjectName(QStringLiteral("kpi%1").arg(int(kpi)));
        m_tiles[size_t(kpi)] = tile;
        return tile;
    };
    // A tile per priority, in the priority code; then the one count of waiting alarms.
    for (const Domain::AlarmSeverity priority : PriorityCode::kPriorities) {
        KpiTile *t = add(Kpi(int(Kpi::AlarmsCritical) + int(priority)), alarms, PriorityCode::word(priority));
        t->setPriority(priority);
    }
    tile(Kpi::AlarmsUnknown)->hide();
    add(Kpi::AlarmsUnacknowledged, alarms, tr("Unacknowledged"));
    add(Kpi::DronesFlying, drones, tr("Flying"));
    add(Kpi::DronesCharging, drones, tr("Charging"));
    add(Kpi::DronesIdle, drones, tr("Idle"));
    add(Kpi::DronesMaintenance, drones, tr("Maintenance"));
    add(Kpi::DronesOffline, drones, tr("Offline"));
    add(Kpi::DronesError, drones, tr("Error"));
    add(Kpi::LowBattery, drones, tr("Low battery"));
    add(Kpi::BuildsInProgress, drones, tr("Builds in progress"));
    add(Kpi::MachinesRunning, machines, tr("Running"));
    add(Kpi::MachinesIdle, machines, tr("Idle"));
    add(Kpi::MachinesDown, machines, tr("Down"));
    add(Kpi::MachinesMaintenance, machines, tr("Maintenance"));
    add(Kpi::OperatorsOnline, plant, tr("Operators online"));
    add(Kpi::ServerCpu, server, tr("CPU"));
    add(Kpi::ServerMemory, server, tr("Memory"));
    add(Kpi::ServerStorage, server, tr("Storage"));
}

QWidget *OverviewView::createCharts()
{
    auto *area = new QWidget(this);
    auto *row = new QHBoxLayout(area);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(kSpacing);

    m_healthTime = Charts::makeTimeAxis();
    m_healthView = Charts::makeChartView(tr("Server load"), m_healthTime,
                                         Charts::makeValueAxis(100, QStringLiteral("%.0f %%")), area);
    m_healthView->setObjectName(QStringLiteral("healthChart"));
    QChart *health = m_healthView->chart();
    // Series are greys told apart by their dash, so the one accent stands out.
    using Charts::Ink;
    m_healthSeries[0] = Charts::addSeries(health, tr("CPU"), Ink::Strong, Qt::SolidLine);
    m_healthSeries[1] = Charts::addSeries(health, tr("Memory"), Ink::Medium, Qt::DashLine);
    m_healthSeries[2] = Charts::addSeries(health, tr("Storage"), Ink::Faint, Qt::DotLine);
    m_healthLimit = Charts::addSeries(health, QString(), limitPen(false, {}));
    row->addWidget(m_healthView, 1);

    m_batteryTime = Charts::makeTimeAxis();
    m_batteryView = Charts::makeChartView(tr("Fleet battery"), m_batteryTime,
                                          Charts::makeValueAxis(100, QStringLiteral("%.0f %%")), area);
    m_batteryView->setObjectName(QStringLiteral("batteryChart"));
    m_batterySeries = Charts::addSeries(m_batteryView->chart(), tr("Mean battery"), Ink::Strong, Qt::SolidLine);
    m_batteryLimit = Charts::addSeries(m_batteryView->chart(), QString(), limitPen(false, {}));
    row->addWidget(m_batteryView, 1);

    m_alarmTime = Charts::makeTimeAxis();
    m_alarmAxis = Charts::makeValueAxis(kAlarmFloodPerMinute + 2, QStringLiteral("%.0f"));
    m_alarmAxis->setTickType(QValueAxis::TicksDynamic);
    m_alarmAxis->setTickAnchor(0);
    m_alarmAxis->setTickInterval(2);
    m_alarmView = Charts::makeChartView(tr("New alarms per minute"), m_alarmTime, m_alarmAxis, area);
    m_alarmView->setObjectName(QStringLiteral("alarmRateChart"));
    m_alarmRateSeries = Charts::addSeries(m_alarmView->chart(), tr("Activations"), Ink::Strong, Qt::SolidLine);
    m_alarmLimit = Charts::addSeries(m_alarmView->chart(), QString(), limitPen(false, {}));
    row->addWidget(m_alarmView, 1);
    return area;
}

void OverviewView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_tileScale = 0; // the trends' type follows the new font
        reflow(true); // larger type (a kiosk, an operator's setting) needs wider tiles
        return;
    }
    if (event->type() != QEvent::PaletteChange)
        return;
    // The chart views restyle themselves on the same change; the stale titles
    // and the limit lines are ours, so they follow once all of that is done.
    QTimer::singleShot(0, this, [this] {
        updateStale();
        m_healthDirty = m_batteryDirty = m_alarmsDirty = true;
        redrawCharts();
    });
}

void OverviewView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    reflow();
}

int OverviewView::minimumTileWidth() const
{
    // Wide enough for a label such as "Unacknowledged" in the current type.
    return std::max(kMinTileWidth, fontMetrics().averageCharWidth() * kTileChars);
}

int OverviewView::columnsFor(int width) const
{
    const int available = std::max(0, width - 2 * kMargin);
    const int tileWidth = minimumTileWidth();
    int columns = kColumnSteps.front();
    for (const int step : kColumnSteps) {
        if (step * tileWidth + (step - 1) * kSpacing <= available)
            columns = step;
    }
    return columns;
}

QPoint OverviewView::tilePosition(Kpi kpi) const
{
    const int index = m_grid->indexOf(tile(kpi));
    if (index < 0)
        return {-1, -1};
    int row = 0;
    int column = 0;
    int rowSpan = 0;
    int columnSpan = 0;
    m_grid->getItemPosition(index, &row, &column, &rowSpan, &columnSpan);
    return {column, row};
}

void OverviewView::reflow(bool force)
{
    const int columns = columnsFor(width());
    if (columns != m_columns || force) {
        const int previous = m_columns;
        m_columns = columns;
        for (KpiTile *tile : m_tiles)
            m_grid->removeWidget(tile);
        // Groups in order, each tile after the one before. A group starts a
        // row of its own unless it fits whole beside the group before it on
        // a row that group did not wrap onto: the fleet never shares a row
        // with the alarms, and the machines and the server share one only
        // when both fit side by side.
        int row = 0;
        int column = 0;
        bool wrapped = false;
        for (const Group &group : kGroups) {
            QList<KpiTile *> shown;
            for (int i = 0; i < group.count; ++i) {
                KpiTile *t = m_tiles.at(size_t(group.first) + size_t(i));
                if (t != tile(Kpi::AlarmsUnknown) || m_unknownShown)
                    shown.append(t);
            }
            if (column > 0 && (wrapped || column + shown.size() > columns)) {
                ++row;
                column = 0;
            }
            wrapped = false;
            for (KpiTile *t : std::as_const(shown)) {
                if (column == columns) {
                    ++row;
                    column = 0;
                    wrapped = true;
                }
                m_grid->addWidget(t, row, column++);
            }
        }
        m_rows = row + 1;
        for (int c = 0; c < std::max(columns, previous); ++c)
            m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    }
    rescale();
}

void OverviewView::rescale()
{
    // Tiles wider than their type needs grow, type and all, to be read from
    // across the room; never so tall that the trends lose their room.
    const int available = std::max(0, width() - 2 * kMargin);
    const qreal tileWidth = qreal(available - (m_columns - 1) * kSpacing) / m_columns;
    const qreal byWidth = tileWidth / minimumTileWidth();
    const KpiTile *any = tile(Kpi::AlarmsCritical);
    const qreal baseHeight = any->minimumSizeHint().height();
    const qreal room = kTileHeightShare * std::max(0, height() - 2 * kMargin) - (m_rows - 1) * kSpacing;
    const qreal byHeight = room / (m_rows * baseHeight);
    const qreal wanted = std::min({byWidth, byHeight, kMaxTileScale});
    const qreal scale = std::max(1.0, std::floor(wanted / kScaleStep) * kScaleStep);
    if (qFuzzyCompare(scale, m_tileScale))
        return;
    m_tileScale = scale;
    for (KpiTile *t : m_tiles)
        t->setScale(scale);
    // The trends' text grows half as much: their lines carry them.
    QFont chartFont = font();
    if (chartFont.pointSizeF() > 0)
        chartFont.setPointSizeF(chartFont.pointSizeF() * (1.0 + (scale - 1.0) / 2));
    for (QChartView *view : {m_healthView, m_batteryView, m_alarmView})
        view->setFont(chartFont);
}

void OverviewView::updateCounts()
{
    const PlantCounts c = m_sources.summary->counts();
    const QLocale locale;
    const auto show
        = [&](Kpi kpi, int value, KpiTile::Level abnormal = KpiTile::Level::Normal, const QString &word = {}) {
              KpiTile *t = tile(kpi);
              t->setValue(locale.toString(value));
              t->setLevel(value > 0 ? abnormal : KpiTile::Level::Normal, word);
          };
    using L = KpiTile::Level;
    using Sev = Domain::AlarmSeverity;
    using DS = Domain::DroneState;
    using MS = Domain::MachineState;

    // Active alarms per priority, each tile in its priority's code. Alarms
    // of a priority this console does not know have a tile of their own,
    // shown only while there are any.
    for (const Sev priority : PriorityCode::kPriorities)
        show(Kpi(int(Kpi::AlarmsCritical) + int(priority)), c.activeAlarms(priority), L::Alarm, tr("Active"));
    if (m_unknownShown != (c.activeAlarms(Sev::Unknown) > 0)) {
        m_unknownShown = !m_unknownShown;
        tile(Kpi::AlarmsUnknown)->setVisible(m_unknownShown);
        reflow(true);
    }
    // The one count of waiting alarms (AlarmModel::unacknowledgedCount()),
    // in the code of its most urgent priority, as the bell has it.
    show(Kpi::AlarmsUnacknowledged, c.unacknowledgedAlarms, L::Warning, tr("Waiting"));
    tile(Kpi::AlarmsUnacknowledged)->setAccentPriority(c.mostUrgentUnacknowledged);

    show(Kpi::DronesFlying, c.dronesByState.at(size_t(DS::Flying)));
    show(Kpi::DronesCharging, c.dronesByState.at(size_t(DS::Charging)));
    show(Kpi::DronesIdle, c.dronesByState.at(size_t(DS::Idle)));
    show(Kpi::DronesMaintenance, c.dronesByState.at(size_t(DS::Maintenance)));
    show(Kpi::DronesOffline, c.dronesByState.at(size_t(DS::Offline)), L::Warning, tr("Not reporting"));
    show(Kpi::DronesError, c.dronesByState.at(size_t(DS::Error)), L::Alarm, tr("Fault"));
    show(Kpi::LowBattery, c.lowBattery, L::Warning, tr("Low"));
    show(Kpi::BuildsInProgress, c.buildsInProgress);

    show(Kpi::MachinesRunning, c.machinesByStatus.at(size_t(MS::Running)));
    show(Kpi::MachinesIdle, c.machinesByStatus.at(size_t(MS::Idle)));
    show(Kpi::MachinesDown, c.machinesByStatus.at(size_t(MS::Down)), L::Alarm, tr("Down"));
    show(Kpi::MachinesMaintenance, c.machinesByStatus.at(size_t(MS::Maintenance)));

    show(Kpi::OperatorsOnline, c.operatorsOnline);
}

void OverviewView::updateHealthTiles()
{
    const ServerHealthModel *model = m_sources.health;
    const QLocale locale;
    const auto show = [&](Kpi kpi, double percent, const QString &word) {
        KpiTile *t = tile(kpi);
        if (!model->hasReport()) {
            t->setValue(QStringLiteral("—"));
            t->setLevel(KpiTile::Level::Normal);
            return;
        }
        t->setValue(tr("%1 %").arg(locale.toString(percent, 'f', 0)));
        t->setLevel(percent > kServerLoadLimit ? KpiTile::Level::Warning : KpiTile::Level::Normal, word);
    };
    const Domain::ServerHealth &h = model->health();
    show(Kpi::ServerCpu, h.cpu, tr("High"));
    show(Kpi::ServerMemory, h.memory, tr("High"));
    show(Kpi::ServerStorage, h.storage, tr("Nearly full"));
}

void OverviewView::updateStale()
{
    const bool stale = !m_sources.link->isLive();
    // How old the figures are, from the last message, ticking while stale.
    const QDateTime last = m_sources.link->lastMessageAt();
    const qint64 age
        = stale && last.isValid() ? std::max<qint64>(0, last.msecsTo(QDateTime::currentDateTimeUtc())) : -1;
    if (stale)
        m_staleClock.start();
    else
        m_staleClock.stop();
    for (KpiTile *t : m_tiles) {
        t->setStale(stale);
        t->setStaleAge(age);
    }
    // The charts keep their history, but their titles say it stopped.
    const QColor titleColor = stale ? Theme::staleText() : Theme::chartColors().title;
    const std::array<std::pair<QChartView *, QString>, 3> titles = {{
        {m_healthView, tr("Server load")},
        {m_batteryView, tr("Fleet battery")},
        {m_alarmView, tr("New alarms per minute")},
    }};
    for (const auto &[view, title] : titles) {
        view->chart()->setTitle(!stale         ? title
                                    : age >= 0 ? tr("%1 — not live, %2").arg(title, AgeText::staleBrief(age))
                                               : tr("%1 — stale, not live").arg(title));
        view->chart()->setTitleBrush(titleColor);
    }
}

QList<MetricHistory::Sample> OverviewView::alarmRate() const
{
    static_assert(kAlarmRateMinutes == AlarmRateMeter::kHistoryMinutes);
    const QList<int> perMinute = m_sources.alarmRate->perMinuteHistory();
    const qint64 first = m_sources.alarmRate->currentMinuteStartMs() - (perMinute.size() - 1) * kMinuteMs;
    QList<MetricHistory::Sample> out;
    out.reserve(perMinute.size());
    for (qsizetype i = 0; i < perMinute.size(); ++i)
        out.append({first + i * kMinuteMs, double(perMinute.at(i))});
    return out;
}

const QLineSeries *OverviewView::healthSeries(int healthRole) const
{
    const int index = healthRole - ServerHealthModel::CpuRole;
    if (index < 0 || index >= int(m_healthSeries.size()))
        return nullptr;
    return m_healthSeries.at(size_t(index));
}

void OverviewView::scheduleCharts()
{
    if (!m_chartTimer.isActive())
        m_chartTimer.start();
}

void OverviewView::redrawCharts()
{
    if (m_healthDirty)
        redrawHealth();
    if (m_batteryDirty)
        redrawBattery();
    if (m_alarmsDirty)
        redrawAlarmRate();
    m_healthDirty = m_batteryDirty = m_alarmsDirty = false;
    ++m_chartRedraws;
}

namespace {

// Shows [first, last] of the samples, or the last ten minutes before any.
void setTimeRange(QDateTimeAxis *axis, qint64 firstMs, qint64 lastMs)
{
    if (lastMs <= firstMs) {
        lastMs = std::max(lastMs, QDateTime::currentMSecsSinceEpoch());
        firstMs = lastMs - 10 * kMinuteMs;
    }
    axis->setRange(QDateTime::fromMSecsSinceEpoch(firstMs), QDateTime::fromMSecsSinceEpoch(lastMs));
    // Seconds only when the span is short enough for them to differ between ticks.
    axis->setFormat(lastMs - firstMs < 15 * kMinuteMs ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

void setLimit(QLineSeries *limit, qint64 firstMs, qint64 lastMs, double value)
{
    if (lastMs <= firstMs) {
        lastMs = std::max(lastMs, QDateTime::currentMSecsSinceEpoch());
        firstMs = lastMs - 10 * kMinuteMs;
    }
    limit->replace({QPointF(double(firstMs), value), QPointF(double(lastMs), value)});
}

} // namespace

void OverviewView::redrawHealth()
{
    const MetricHistory &history = m_sources.health->history();
    qint64 first = 0;
    qint64 last = 0;
    bool crossed = false;
    for (size_t i = 0; i < m_healthSeries.size(); ++i) {
        const QList<MetricHistory::Sample> samples
            = history.series(ServerHealthModel::serverKey(), ServerHealthModel::CpuRole + int(i));
        QList<QPointF> points;
        points.reserve(samples.size());
        for (const MetricHistory::Sample &s : samples)
            points.append(QPointF(double(s.timeMs), s.value));
        if (!samples.isEmpty()) {
            first = first == 0 ? samples.constFirst().timeMs : std::min(first, samples.constFirst().timeMs);
            last = std::max(last, samples.constLast().timeMs);
            crossed = crossed || samples.constLast().value > kServerLoadLimit;
        }
        m_healthSeries.at(i)->replace(points);
    }
    // No report yet: a line saying so, not axes and a limit over nothing.
    const bool none = last == 0;
    Charts::showEmpty(m_healthView, none ? tr("Waiting for the server's first load report") : QString());
    m_healthLimit->setVisible(!none);
    setTimeRange(m_healthTime, first, last);
    setLimit(m_healthLimit, first, last, kServerLoadLimit);
    m_healthLimit->setPen(limitPen(crossed, Theme::warningColor()));
    const QString limit = QLocale().toString(kServerLoadLimit, 'f', 0);
    m_healthLimit->setName(crossed ? tr("Above %1 %").arg(limit) : tr("Limit %1 %").arg(limit));
}

void OverviewView::redrawBattery()
{
    QList<QPointF> points;
    const RingBuffer<MetricHistory::Sample> &fleet = m_sources.fleetBattery->samples();
    points.reserve(fleet.size());
    for (qsizetype i = 0; i < fleet.size(); ++i)
        points.append(QPointF(double(fleet.at(i).timeMs), fleet.at(i).value));
    m_batterySeries->replace(points);
    const qint64 first = fleet.isEmpty() ? 0 : fleet.at(0).timeMs;
    const qint64 last = fleet.isEmpty() ? 0 : fleet.newest().timeMs;
    const bool crossed = !fleet.isEmpty() && fleet.newest().value < DroneModel::kLowBatteryPercent;
    // Said so that it holds whether drones have reported or not: a link lost
    // before the first sample leaves drones known and the chart empty.
    const int everySeconds = std::max(1, m_sources.fleetBattery->intervalMs() / 1000);
    Charts::showEmpty(m_batteryView,
                      fleet.isEmpty()
                          ? tr("No sample of the fleet's battery yet: one every %n s while live", "", everySeconds)
                          : QString());
    m_batteryLimit->setVisible(!fleet.isEmpty());
    setTimeRange(m_batteryTime, first, last);
    setLimit(m_batteryLimit, first, last, DroneModel::kLowBatteryPercent);
    m_batteryLimit->setPen(limitPen(crossed, Theme::warningColor()));
    const QString limit = QLocale().toString(DroneModel::kLowBatteryPercent, 'f', 0);
    m_batteryLimit->setName(crossed ? tr("Below %1 %").arg(limit) : tr("Low %1 %").arg(limit));
}

void OverviewView::redrawAlarmRate()
{
    const QList<MetricHistory::Sample> rate = alarmRate();
    // Steps: each minute's count holds for the whole minute.
    QList<QPointF> points;
    points.reserve(rate.size() * 2);
    double highest = 0.0;
    for (const MetricHistory::Sample &s : rate) {
        points.append(QPointF(double(s.timeMs), s.value));
        points.append(QPointF(double(s.timeMs + kMinuteMs), s.value));
        highest = std::max(highest, s.value);
    }
    m_alarmRateSeries->replace(points);
    const qint64 first = rate.constFirst().timeMs;
    const qint64 last = rate.constLast().timeMs + kMinuteMs;
    m_alarmTime->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    // Whole numbers on the ticks: a step of 2, 4, 6… and a top that is a multiple of it.
    const double wanted = std::max<double>(kAlarmFloodPerMinute + 2, std::ceil(highest * 1.15));
    const double step = 2.0 * std::ceil(wanted / 12.0);
    const double top = step * std::ceil(wanted / step);
    // The step asked for; the chart may show fewer ticks where labels lack room (Charts::fitValueTicks).
    if (m_alarmAxis->max() != top || m_alarmStep != step) {
        m_alarmStep = step;
        m_alarmAxis->setRange(0, top);
        m_alarmAxis->setTickInterval(step);
    }
    const bool crossed = rate.constLast().value > kAlarmFloodPerMinute;
    setLimit(m_alarmLimit, first, last, kAlarmFloodPerMinute);
    m_alarmLimit->setPen(limitPen(crossed, Theme::alarmColor()));
    const QString limit = QLocale().toString(kAlarmFloodPerMinute);
    m_alarmLimit->setName(crossed ? tr("Flood: above %1").arg(limit) : tr("Flood above %1").arg(limit));
}
