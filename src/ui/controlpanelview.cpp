#include "controlpanelview.h"

#include "endpointcontrol.h"
#include "model/tilemodel.h"
#include "tilecard.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMargin = 12;
constexpr int kSpacing = 10;
constexpr int kMinCardWidth = 300;
constexpr int kCardWidthInChars = 40;
// Growing the columns needs this much more width than the step itself, so a
// width that wavers about a step (a dock opened, a scroll bar) does not make
// the cards jump between rows.
constexpr int kHysteresis = 24;
// Cards wider than this many times their least width draw their type larger,
// by at most kMaxCardScale, in steps of kScaleStep.
constexpr qreal kGrowFrom = 1.6;
constexpr qreal kMaxCardScale = 1.5;
constexpr qreal kScaleStep = 0.25;

using NodeKind = TileModel::NodeKind;

} // namespace

ControlPanelView::ControlPanelView(TileModel *tiles, QWidget *parent)
    : QWidget(parent)
    , m_model(tiles)
{
    setObjectName(QStringLiteral("controlPanelView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_empty = new QLabel(tr("No control panel: the server lists no tiles"), this);
    m_empty->setObjectName(QStringLiteral("controlPanelEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("controlPanelScroll"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_scroll->installEventFilter(this);
    m_canvas = new QWidget;
    m_canvas->setObjectName(QStringLiteral("controlPanelCanvas"));
    auto *canvasLayout = new QVBoxLayout(m_canvas);
    canvasLayout->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    m_grid = new QGridLayout;
    m_grid->setSpacing(kSpacing);
    canvasLayout->addLayout(m_grid);
    // The cards keep their own heights; what is left stays below them.
    canvasLayout->addStretch(1);
    m_scroll->setWidget(m_canvas);
    layout->addWidget(m_scroll, 1);

    // Structure changes come in bursts (a snapshot inserts, moves and removes
    // rows): the cards follow once the burst is over.
    m_structureTimer.setSingleShot(true);
    m_structureTimer.setInterval(0);
    connect(&m_structureTimer, &QTimer::timeout, this, &ControlPanelView::syncStructure);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ControlPanelView::scheduleStructure);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ControlPanelView::scheduleStructure);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &ControlPanelView::scheduleStructure);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ControlPanelView::scheduleStructure);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ControlPanelView::scheduleStructure);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ControlPanelView::onDataChanged);

    // Trends are read, not watched: once a second is plenty, however fast values come.
    m_trendTimer.setInterval(kTrendRedrawMs);
    connect(&m_trendTimer, &QTimer::timeout, this, &ControlPanelView::redrawTrends);
    m_trendTimer.start();

    syncStructure();
}

ControlPanelView::~ControlPanelView() = default;

void ControlPanelView::setOutcome(const QString &endpointId, const QString &text, bool failure)
{
    if (EndpointControl *control = m_controls.value(endpointId))
        control->setOutcome(text, failure);
}

void ControlPanelView::setCommandsAllowed(bool allowed, const QString &reason)
{
    m_allowed = allowed;
    m_reason = allowed ? QString() : reason;
    for (EndpointControl *control : std::as_const(m_controls))
        control->setCommandsAllowed(m_allowed, m_reason);
}

void ControlPanelView::setWatchOnly(bool watchOnly)
{
    m_watchOnly = watchOnly;
    for (EndpointControl *control : std::as_const(m_controls))
        control->setWatchOnly(watchOnly);
    reflow(true); // narrower cards may fit more to a row
}

void ControlPanelView::setEndpointBlocked(const QString &endpointId, const QString &reason)
{
    if (reason.isEmpty())
        m_blocked.remove(endpointId);
    else
        m_blocked.insert(endpointId, reason);
    if (EndpointControl *control = m_controls.value(endpointId))
        control->setBlocked(reason);
}

void ControlPanelView::setActionWordMapping(const QHash<QString, ActionWords> &mapping)
{
    m_wordMapping = mapping;
    for (EndpointControl *control : std::as_const(m_controls))
        control->setActionWordMapping(mapping);
}

ActionWords ControlPanelView::actionWords(const QString &endpointId) const
{
    if (EndpointControl *control = m_controls.value(endpointId))
        return control->actionWords();
    return ActionWords::forEndpoint(
        endpointId, m_model->indexOfEndpoint(endpointId).parent().data(TileModel::DeviceKindRole).toString(),
        m_wordMapping);
}

bool ControlPanelView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll && event->type() == QEvent::Resize)
        reflow();
    else if (watched == m_scroll && event->type() == QEvent::FontChange)
        reflow(true);
    return QWidget::eventFilter(watched, event);
}

void ControlPanelView::scheduleStructure()
{
    if (!m_structureTimer.isActive())
        m_structureTimer.start();
}

void ControlPanelView::syncStructure()
{
    m_structureTimer.stop();
    struct Wanted
    {
        QString tileId;
        QString name;
        QList<TileCard::Device> devices;
        QList<QModelIndex> endpointRows;
    };
    QList<Wanted> wanted;
    QSet<QString> endpointIds;
    for (int t = 0; t < m_model->rowCount(); ++t) {
        const QModelIndex tile = m_model->index(t, 0);
        Wanted w;
        w.tileId = tile.data(TileModel::IdRole).toString();
        w.name = tile.data(TileModel::NameRole).toString();
        for (int d = 0; d < m_model->rowCount(tile); ++d) {
            const QModelIndex device = m_model->index(d, 0, tile);
            TileCard::Device entry;
            entry.deviceId = device.data(TileModel::IdRole).toString();
            entry.name = device.data(TileModel::NameRole).toString();
            entry.kind = device.data(TileModel::DeviceKindRole).toString();
            for (int e = 0; e < m_model->rowCount(device); ++e) {
                const QModelIndex endpoint = m_model->index(e, 0, device);
                endpointIds.insert(endpoint.data(TileModel::IdRole).toString());
                w.endpointRows.append(endpoint);
            }
            w.devices.append(entry);
        }
        wanted.append(w);
    }

    // Controls of endpoints gone go first, so no card lays them out again.
    for (auto it = m_controls.begin(); it != m_controls.end();) {
        if (endpointIds.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_controls.erase(it);
    }

    QList<TileCard *> cards;
    QSet<TileCard *> kept;
    for (Wanted &w : wanted) {
        TileCard *card = m_cardById.value(w.tileId);
        if (!card) {
            card = new TileCard(w.tileId, m_canvas);
            m_cardById.insert(w.tileId, card);
            card->show(); // a child made while its parent is visible starts hidden
        }
        kept.insert(card);
        cards.append(card);
        // Endpoints in device order: fill each device's controls from its rows.
        for (const QModelIndex &endpoint : std::as_const(w.endpointRows)) {
            const QString id = endpoint.data(TileModel::IdRole).toString();
            const int device = endpoint.parent().row();
            EndpointControl *control = m_controls.value(id);
            const bool created = !control;
            if (created)
                control = createControl(id);
            w.devices[device].endpoints.append(control);
            control->setRow(endpoint); // again after a move or re-insertion
            if (created && control->hasTrend())
                control->setSamples(endpoint.data(TileModel::TrendRole).value<QList<MetricHistory::Sample>>());
        }
        card->setTitle(w.name);
        card->setDevices(w.devices);
    }
    for (auto it = m_cardById.begin(); it != m_cardById.end();) {
        if (kept.contains(it.value())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_cardById.erase(it);
    }
    m_cards = cards;
    m_empty->setVisible(m_cards.isEmpty());
    reflow(true);
    updateTabOrder();
}

EndpointControl *ControlPanelView::createControl(const QString &endpointId)
{
    auto *control = new EndpointControl(endpointId, m_canvas);
    control->setCommandsAllowed(m_allowed, m_reason);
    control->setWatchOnly(m_watchOnly);
    control->setBlocked(m_blocked.value(endpointId));
    control->setActionWordMapping(m_wordMapping);
    connect(control, &EndpointControl::commandRequested, this, &ControlPanelView::commandRequested);
    m_controls.insert(endpointId, control);
    return control;
}

void ControlPanelView::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                     const QList<int> &roles)
{
    // Every report restarts the age, which nothing here shows.
    if (roles.size() == 1 && roles.first() == TileModel::AgeRole)
        return;
    const QModelIndex parent = topLeft.parent();
    const bool newSample = roles.isEmpty() || roles.contains(TileModel::TrendRole);
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = m_model->index(row, 0, parent);
        if (NodeKind(index.data(TileModel::NodeKindRole).toInt()) != NodeKind::Endpoint) {
            // A tile or device renamed: rare, and the card lays itself out again.
            scheduleStructure();
            continue;
        }
        const QString id = index.data(TileModel::IdRole).toString();
        EndpointControl *control = m_controls.value(id);
        if (!control)
            continue; // new: the structure pass that follows creates it
        control->refresh(roles);
        if (newSample && control->hasTrend())
            m_dirtyTrends.insert(id);
    }
}

void ControlPanelView::redrawTrends()
{
    // A hidden panel (another tab) draws nothing; its trends catch up when shown.
    if (!isVisible())
        return;
    for (const QString &id : std::as_const(m_dirtyTrends)) {
        if (EndpointControl *control = m_controls.value(id))
            control->setSamples(
                m_model->indexOfEndpoint(id).data(TileModel::TrendRole).value<QList<MetricHistory::Sample>>());
    }
    m_dirtyTrends.clear();
}

int ControlPanelView::minimumCardWidth() const
{
    // Wider with a larger font, so the controls keep their words whole.
    return std::max(kMinCardWidth, fontMetrics().averageCharWidth() * kCardWidthInChars);
}

int ControlPanelView::columnsFor(int available) const
{
    const int cardWidth = minimumCardWidth();
    // No more columns than cards: a few cards share the whole width.
    const int cards = std::max(1, int(m_cards.size()));
    return std::clamp((available + kSpacing) / (cardWidth + kSpacing), 1, cards);
}

void ControlPanelView::reflow(bool force)
{
    // The scroll area's own width, less a scroll bar's: a scroll bar that
    // comes and goes must not make the columns flip back and forth.
    const int available = std::max(0,
                                   m_scroll->width() - 2 * m_scroll->frameWidth() - 2 * kMargin
                                       - m_scroll->verticalScrollBar()->sizeHint().width());
    const int cardWidth = minimumCardWidth();
    int columns = columnsFor(available);
    // More columns only once the width is clearly past the step.
    if (!force && m_columns > 0 && columns > m_columns && columnsFor(available - kHysteresis) <= m_columns)
        columns = std::min(columnsFor(available - kHysteresis), columns);
    if (columns != m_columns || force) {
        const int previousColumns = m_columns;
        m_columns = columns;
        for (TileCard *card : std::as_const(m_cards))
            m_grid->removeWidget(card);
        for (qsizetype i = 0; i < m_cards.size(); ++i)
            m_grid->addWidget(m_cards.at(i), int(i / columns), int(i % columns), Qt::AlignTop);
        for (int c = 0; c < std::max(columns, previousColumns); ++c) {
            m_grid->setColumnStretch(c, c < columns ? 1 : 0);
            m_grid->setColumnMinimumWidth(c, c < columns ? cardWidth : 0);
        }
    }
    const qreal columnWidth = qreal(available - (m_columns - 1) * kSpacing) / m_columns;
    const qreal wanted = std::min(kMaxCardScale, columnWidth / (kGrowFrom * cardWidth));
    setCardScale(std::max(1.0, std::floor(wanted / kScaleStep) * kScaleStep), force);
}

void ControlPanelView::setCardScale(qreal scale, bool force)
{
    if (qFuzzyCompare(scale, m_cardScale) && !force)
        return;
    m_cardScale = scale;
    // The cards' type, grown from the view's: each card's controls follow it.
    QFont grown = font();
    if (grown.pointSizeF() > 0)
        grown.setPointSizeF(grown.pointSizeF() * scale);
    for (TileCard *card : std::as_const(m_cards)) {
        if (card->font() != grown)
            card->setFont(grown);
    }
}

void ControlPanelView::updateTabOrder()
{
    QWidget *previous = nullptr;
    for (TileCard *card : std::as_const(m_cards)) {
        for (EndpointControl *control : card->endpointControls()) {
            for (QWidget *w : control->focusChain()) {
                if (previous)
                    QWidget::setTabOrder(previous, w);
                previous = w;
            }
        }
    }
}
