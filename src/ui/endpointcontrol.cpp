// Longer than the project's 500 lines: three kinds of control (on/off,
// setpoint, selector) with their keyboard rules, pending-command display,
// refusal reasons and accessible names share one row and one life cycle;
// the value's rules are EndpointFact's and the row is the model's.
#include "endpointcontrol.h"

#include "domain/endpointfact.h"
#include "domain/plant.h"
#include "kpitile.h"
#include "model/tilemodel.h"
#include "sparkline.h"
#include "theme.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

using Domain::CommandState;
using Domain::ValueType;

// Without limits from the server the spin box still needs a range.
constexpr double kUnbounded = 1e9;

// Where the pending command stands. Before the server's first word it is
// being sent (or, to a server that confirms nothing, sent and unconfirmed):
// never "queued", which only the server can say.
QString statusWord(const QVariant &status, bool unconfirmed)
{
    if (!status.isValid())
        return unconfirmed ? EndpointControl::tr("sent, unconfirmed") : EndpointControl::tr("sending");
    switch (CommandState(status.toInt())) {
    case CommandState::Queued:
        return EndpointControl::tr("queued");
    case CommandState::Sent:
        return EndpointControl::tr("sent");
    case CommandState::Acked:
        return EndpointControl::tr("acked");
    case CommandState::Requested:
    case CommandState::Succeeded:
    case CommandState::Failed:
    case CommandState::Rejected:
    case CommandState::Timeout:
    case CommandState::Lost:
        break;
    }
    return {};
}

QLabel *quietLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    return label;
}

} // namespace

EndpointControl::EndpointControl(const QString &endpointId, QWidget *parent)
    : QWidget(parent)
    , m_endpointId(endpointId)
{
    setObjectName(QString(QStringLiteral("endpoint:") + endpointId));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(2);

    // The reading: name, trend, value, stale word.
    auto *reading = new QHBoxLayout;
    reading->setSpacing(8);
    m_nameLabel = quietLabel(this, QStringLiteral("endpointName"));
    m_trend = new Sparkline(this);
    m_trend->setObjectName(QStringLiteral("endpointTrend"));
    m_trend->hide();
    m_valueLabel = quietLabel(this, QStringLiteral("endpointValue"));
    m_valueLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont valueFont = m_valueLabel->font();
    valueFont.setWeight(QFont::DemiBold);
    m_valueLabel->setFont(valueFont);
    m_staleLabel = quietLabel(this, QStringLiteral("endpointStale"));
    m_staleLabel->setText(tr("stale"));
    m_staleLabel->hide();
    reading->addWidget(m_nameLabel);
    reading->addWidget(m_trend, 1);
    reading->addStretch(0);
    reading->addWidget(m_valueLabel);
    reading->addWidget(m_staleLabel);
    layout->addLayout(reading);

    // The control and the progress of a pending command.
    auto *control = new QHBoxLayout;
    control->setSpacing(6);
    // An on/off endpoint's two actions, each a word of what it does.
    for (const bool on : {true, false}) {
        auto *button = new QPushButton(this);
        button->setObjectName(on ? QStringLiteral("endpointOn") : QStringLiteral("endpointOff"));
        // Enter on a focused button must not switch anything: only a click or Space.
        button->setAutoDefault(false);
        button->setDefault(false);
        button->setFocusPolicy(Qt::StrongFocus);
        connect(button, &QPushButton::clicked, this, [this, on] { request(on); });
        (on ? m_onButton : m_offButton) = button;
    }

    m_spin = new QDoubleSpinBox(this);
    m_spin->setObjectName(QStringLiteral("endpointSetpoint"));
    // Focus by click or Tab only, never by the wheel passing over it.
    m_spin->setFocusPolicy(Qt::StrongFocus);
    m_spin->setAccelerated(false);
    m_spin->installEventFilter(this);
    // Any keystroke counts as an edit, even a number not complete yet:
    // telemetry must not overwrite what the operator is typing.
    connect(m_spin, &QDoubleSpinBox::textChanged, this, [this] {
        if (m_syncing)
            return;
        m_edited = true;
        setHint({});
    });

    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("endpointSelector"));
    m_combo->setFocusPolicy(Qt::StrongFocus);
    m_combo->installEventFilter(this);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            m_edited = true;
    });

    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setObjectName(QStringLiteral("endpointApply"));
    m_apply->setAutoDefault(false);
    m_apply->setDefault(false);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (m_kind == Kind::Setpoint)
            applySetpoint();
        else if (m_kind == Kind::Selector)
            applySelector();
    });

    m_busy = quietLabel(this, QStringLiteral("endpointBusy"));
    m_busy->setMinimumWidth(m_busy->fontMetrics().horizontalAdvance(QStringLiteral("···")) + 2);
    m_busy->setAccessibleName(tr("Command in progress"));
    m_requested = quietLabel(this, QStringLiteral("endpointRequested"));
    m_status = quietLabel(this, QStringLiteral("endpointStatus"));
    m_reason = quietLabel(this, QStringLiteral("endpointReason"));
    QFont italic = m_reason->font();
    italic.setItalic(true);
    m_reason->setFont(italic);
    for (QWidget *w :
         {static_cast<QWidget *>(m_onButton), static_cast<QWidget *>(m_offButton), static_cast<QWidget *>(m_spin),
          static_cast<QWidget *>(m_combo), static_cast<QWidget *>(m_apply), static_cast<QWidget *>(m_busy),
          static_cast<QWidget *>(m_requested), static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_reason)}) {
        w->hide();
        control->addWidget(w);
    }
    control->addStretch(1);
    layout->addLayout(control);

    m_hint = quietLabel(this, QStringLiteral("endpointHint"));
    m_hint->setWordWrap(true);
    m_hint->hide();
    layout->addWidget(m_hint);

    // The last outcome: a symbol and words when it failed, never colour alone.
    m_outcomeRow = new QWidget(this);
    auto *outcome = new QHBoxLayout(m_outcomeRow);
    outcome->setContentsMargins(0, 0, 0, 0);
    outcome->setSpacing(6);
    m_outcomeSymbol = quietLabel(m_outcomeRow, QStringLiteral("endpointOutcomeSymbol"));
    m_outcomeLabel = quietLabel(m_outcomeRow, QStringLiteral("endpointOutcome"));
    m_outcomeLabel->setWordWrap(true);
    outcome->addWidget(m_outcomeSymbol, 0, Qt::AlignTop);
    outcome->addWidget(m_outcomeLabel, 1);
    m_outcomeRow->hide();
    layout->addWidget(m_outcomeRow);

    m_busyTimer.setInterval(kBusyStepMs);
    connect(&m_busyTimer, &QTimer::timeout, this, [this] {
        m_busyPhase = (m_busyPhase + 1) % 3;
        m_busy->setText(QString(m_busyPhase + 1, QChar(0x00B7)));
    });

    refreshState();
    refreshLook();
}

void EndpointControl::setDeviceName(const QString &deviceName)
{
    if (deviceName == m_deviceName)
        return;
    m_deviceName = deviceName;
    refreshAccessibleNames();
}

void EndpointControl::setRow(const QModelIndex &index)
{
    m_row = index.siblingAtColumn(0);
    refresh();
}

void EndpointControl::refresh(const QList<int> &roles)
{
    const auto touches = [&roles](std::initializer_list<int> these) {
        return roles.isEmpty()
            || std::any_of(these.begin(), these.end(), [&roles](int r) { return roles.contains(r); });
    };
    bool reconfigured = false;
    if (touches({TileModel::ValueTypeRole, TileModel::WritableRole, TileModel::MinRole, TileModel::MaxRole,
                 TileModel::StepRole, TileModel::OptionsRole, TileModel::UnitRole})) {
        Kind kind = Kind::None;
        if (field(TileModel::WritableRole).toBool()) {
            switch (ValueType(field(TileModel::ValueTypeRole).toInt())) {
            case ValueType::Bool:
                kind = Kind::Toggle;
                break;
            case ValueType::Number:
                kind = Kind::Setpoint;
                break;
            case ValueType::Enum:
                kind = Kind::Selector;
                break;
            }
        }
        setKind(kind); // also whether a trend shows, which a read-only number has too
        reconfigured = configureEditors();
    }
    const bool valueOrPending
        = touches({TileModel::ValueRole, TileModel::PendingCommandIdRole, TileModel::PendingValueRole,
                   TileModel::PendingStatusRole, TileModel::PendingOwnRole, TileModel::PendingUnconfirmedRole});
    const bool staleness = touches({TileModel::StaleRole, TileModel::QualityRole, TileModel::QualityReasonRole});
    if (!reconfigured && !valueOrPending && !staleness && !touches({TileModel::NameRole, TileModel::DeviceKindRole}))
        return; // a time, an age, a trend, interlocks: nothing this control draws
    // A command that finished (or was overtaken) hands the editor back to
    // the actual value; the busy indicator says one was shown as pending.
    if (m_busyTimer.isActive() && !isPending())
        m_edited = false;
    if (valueOrPending || reconfigured)
        syncEditors();
    refreshState();
    // Restyling is dear; a value changes far more often than its staleness.
    if (staleness)
        refreshLook();
}

bool EndpointControl::isPending() const
{
    return field(TileModel::PendingCommandIdRole).isValid();
}

bool EndpointControl::pendingOwn() const
{
    return field(TileModel::PendingOwnRole).toBool();
}

bool EndpointControl::isStale() const
{
    return field(TileModel::StaleRole).toBool();
}

QVariant EndpointControl::value() const
{
    return field(TileModel::ValueRole);
}

void EndpointControl::setSamples(const QList<MetricHistory::Sample> &samples)
{
    if (hasTrend())
        m_trend->setSamples(samples);
}

bool EndpointControl::hasTrend() const
{
    return m_row.isValid() && ValueType(field(TileModel::ValueTypeRole).toInt()) == ValueType::Number;
}

void EndpointControl::setCommandsAllowed(bool allowed, const QString &reason)
{
    m_allowed = allowed;
    m_allowReason = allowed ? QString() : reason;
    refreshState();
}

void EndpointControl::setWatchOnly(bool watchOnly)
{
    m_watchOnly = watchOnly;
    setKind(m_kind);
    refreshState();
}

void EndpointControl::setBlocked(const QString &reason)
{
    m_blockReason = reason;
    refreshState();
}

void EndpointControl::setOutcome(const QString &text, bool failure)
{
    m_outcome = text;
    m_outcomeFailure = failure && !text.isEmpty();
    m_outcomeLabel->setText(text);
    m_outcomeRow->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        // The command is over, whatever became of it: the editor goes back to the actual value.
        m_edited = false;
        setHint({});
        syncEditors();
    }
    refreshLook();
    refreshAccessibleNames();
}

bool EndpointControl::isActionable() const
{
    return m_kind == Kind::Toggle ? canRequest(true) || canRequest(false) : canRequest({});
}

bool EndpointControl::canRequest(const QVariant &wanted) const
{
    if (m_kind == Kind::None || !m_allowed || !m_blockReason.isEmpty() || (isPending() && pendingOwn()))
        return false;
    if (m_kind != Kind::Toggle)
        return !onlySwitchingOff();
    const bool on = wanted.toBool();
    const QVariant actual = value();
    // Nothing to ask for: the endpoint shows that state already.
    if (actual.isValid() && actual.toBool() == on)
        return false;
    // Switching off makes things safe and is never blocked here.
    return !on || !onlySwitchingOff();
}

ActionWords EndpointControl::actionWords() const
{
    return ActionWords::forEndpoint(m_endpointId, m_row.parent().data(TileModel::DeviceKindRole).toString(),
                                    m_wordMapping);
}

void EndpointControl::setActionWordMapping(const QHash<QString, ActionWords> &mapping)
{
    m_wordMapping = mapping;
    refreshState();
}

QString EndpointControl::stateText() const
{
    return m_kind == Kind::Toggle ? m_valueLabel->text() : QString();
}

bool EndpointControl::onlySwitchingOff() const
{
    // Another console's command on its way, or a value that is not live:
    // nothing may be set on it, but switching off, which makes things safe,
    // is never blocked.
    return (isPending() && !pendingOwn()) || isStale();
}

QString EndpointControl::nameText() const
{
    return m_nameLabel->text();
}

QString EndpointControl::valueText() const
{
    return m_valueLabel->text();
}

QString EndpointControl::requestedText() const
{
    return m_requested->isVisibleTo(this) ? m_requested->text() : QString();
}

QString EndpointControl::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

QString EndpointControl::reasonText() const
{
    return m_reason->isVisibleTo(this) ? m_reason->text() : QString();
}

QString EndpointControl::outcomeText() const
{
    return m_outcome;
}

QString EndpointControl::hintText() const
{
    return m_hint->isVisibleTo(this) ? m_hint->text() : QString();
}

bool EndpointControl::staleShown() const
{
    return m_staleLabel->isVisibleTo(this);
}

QString EndpointControl::staleToolTip() const
{
    // The server said the source is lost (an edge node or device offline,
    // its broker gone): stale at once, whatever the age, until it is back.
    if (field(TileModel::QualityRole).toInt() == int(Domain::Quality::Stale)) {
        const QString reason = field(TileModel::QualityReasonRole).toString();
        return reason.isEmpty() ? tr("Last known value: the server has lost the source of this value")
                                : tr("Last known value: the server has lost the source of this value (%1)").arg(reason);
    }
    return tr("Last known value: the endpoint has not reported lately, or the link is not live");
}

bool EndpointControl::busyShown() const
{
    return m_busy->isVisibleTo(this);
}

QList<QWidget *> EndpointControl::focusChain() const
{
    switch (m_kind) {
    case Kind::Toggle:
        return {m_onButton, m_offButton};
    case Kind::Setpoint:
        return {m_spin, m_apply};
    case Kind::Selector:
        return {m_combo, m_apply};
    case Kind::None:
        break;
    }
    return {};
}

EndpointFact EndpointControl::fact(const QVariant &value) const
{
    EndpointFact result(EndpointFact::fromVariant(value));
    result.setName(field(TileModel::NameRole).toString());
    if (const QVariant type = field(TileModel::ValueTypeRole); type.isValid())
        result.setValueType(ValueType(type.toInt()));
    result.setUnit(field(TileModel::UnitRole).toString());
    result.setMin(EndpointFact::limitFromVariant(field(TileModel::MinRole)));
    result.setMax(EndpointFact::limitFromVariant(field(TileModel::MaxRole)));
    result.setStep(EndpointFact::limitFromVariant(field(TileModel::StepRole)));
    result.setOptions(field(TileModel::OptionsRole).toStringList());
    return result;
}

QString EndpointControl::format(const QVariant &value) const
{
    return fact(value).displayText(locale());
}

bool EndpointControl::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_spin && watched != m_combo)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::Wheel) {
        // The wheel scrolls the panel, never a value: ignored here, the
        // event goes on to the scroll area.
        event->ignore();
        return true;
    }
    if (watched == m_spin && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            applySetpoint();
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_edited) {
            // Back to the actual value, nothing sent.
            m_edited = false;
            setHint({});
            syncEditors();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void EndpointControl::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        refreshLook();
}

void EndpointControl::setKind(Kind kind)
{
    m_kind = kind;
    const bool editors = !m_watchOnly;
    m_onButton->setVisible(editors && kind == Kind::Toggle);
    m_offButton->setVisible(editors && kind == Kind::Toggle);
    m_spin->setVisible(editors && kind == Kind::Setpoint);
    m_combo->setVisible(editors && kind == Kind::Selector);
    m_apply->setVisible(editors && (kind == Kind::Setpoint || kind == Kind::Selector));
    m_trend->setVisible(hasTrend());
}

bool EndpointControl::configureEditors()
{
    // The editors are set up from the row's limits; an operator's edit
    // survives unless they really change.
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    bool changed = false;
    if (m_kind == Kind::Setpoint) {
        const QVariant min = field(TileModel::MinRole);
        const QVariant max = field(TileModel::MaxRole);
        const QVariant step = field(TileModel::StepRole);
        const QString unit = field(TileModel::UnitRole).toString();
        const int decimals = fact(value()).stepDecimals().value_or(1);
        const double low = min.isValid() ? min.toDouble() : -kUnbounded;
        const double high = max.isValid() ? max.toDouble() : kUnbounded;
        const double single = step.isValid() && step.toDouble() > 0 ? step.toDouble() : 1.0;
        const QString suffix = unit.isEmpty() ? QString() : QString(QChar(0x00A0) + unit);
        changed = m_spin->decimals() != decimals || m_spin->minimum() != low || m_spin->maximum() != high
            || m_spin->singleStep() != single || m_spin->suffix() != suffix;
        m_spin->setDecimals(decimals);
        m_spin->setRange(low, high);
        m_spin->setSingleStep(single);
        m_spin->setSuffix(suffix);
    }
    if (m_kind == Kind::Selector) {
        const QStringList options = field(TileModel::OptionsRole).toStringList();
        QStringList shown;
        for (int i = 0; i < m_combo->count(); ++i)
            shown << m_combo->itemText(i);
        if (shown != options) {
            changed = true;
            m_combo->clear();
            m_combo->addItems(options);
        }
    }
    if (changed)
        m_edited = false;
    return changed;
}

void EndpointControl::syncEditors()
{
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    const QVariant actual = value();
    if (m_edited)
        return;
    // setValue() rewrites the text even for the same value: only on a change.
    if (m_kind == Kind::Setpoint && actual.isValid() && actual.typeId() == QMetaType::Double
        && m_spin->value() != actual.toDouble())
        m_spin->setValue(actual.toDouble());
    if (m_kind == Kind::Selector)
        m_combo->setCurrentIndex(
            actual.isValid() ? field(TileModel::OptionsRole).toStringList().indexOf(actual.toString()) : -1);
}

void EndpointControl::refreshState()
{
    const QVariant actual = value();
    const bool stale = isStale();
    m_nameLabel->setText(field(TileModel::NameRole).toString());
    m_valueLabel->setText(format(actual));
    m_staleLabel->setVisible(stale);
    m_staleLabel->setToolTip(staleToolTip());
    m_trend->setStale(stale);

    const bool pending = isPending();
    m_busy->setVisible(pending);
    if (pending && !m_busyTimer.isActive()) {
        m_busyPhase = 0;
        m_busy->setText(QString(1, QChar(0x00B7)));
        m_busyTimer.start();
    } else if (!pending) {
        m_busyTimer.stop();
    }
    const QVariant requested = field(TileModel::PendingValueRole);
    m_requested->setVisible(pending && requested.isValid());
    m_requested->setText(tr("requested %1").arg(format(requested)));
    const QString status
        = statusWord(field(TileModel::PendingStatusRole), field(TileModel::PendingUnconfirmedRole).toBool());
    m_status->setVisible(pending && !status.isEmpty());
    m_status->setText(status);

    const QString reason = !m_allowed ? m_allowReason : m_blockReason;
    m_reason->setVisible(m_kind != Kind::None && !reason.isEmpty() && !m_watchOnly);
    m_reason->setText(reason);
    const bool actionable = isActionable();
    QString tip;
    if (!reason.isEmpty())
        tip = tr("Commands are not possible: %1").arg(reason);
    else if (pending && pendingOwn())
        tip = tr("A command is on its way to this endpoint");
    else if (pending)
        tip = tr("Another operator's command is on its way to this endpoint: only switching off is possible");
    else if (stale)
        tip = tr("The value is not live: only switching off is possible");
    for (QWidget *w :
         {static_cast<QWidget *>(m_spin), static_cast<QWidget *>(m_combo), static_cast<QWidget *>(m_apply)}) {
        w->setEnabled(actionable);
        w->setToolTip(tip);
    }
    m_reason->setToolTip(tip);
    if (m_kind == Kind::Toggle) {
        const ActionWords words = actionWords();
        const QString name = field(TileModel::NameRole).toString();
        for (const bool on : {true, false}) {
            QPushButton *button = actionButton(on);
            button->setText(words.forValue(on));
            button->setEnabled(canRequest(on));
            const QString target = format(on);
            if (!tip.isEmpty() && !button->isEnabled())
                button->setToolTip(tip);
            else if (actual.isValid() && actual.toBool() == on)
                button->setToolTip(tr("%1 is %2 already").arg(name, target));
            else
                button->setToolTip(tr("Sets %1 to %2").arg(name, target));
        }
    }
    if (tip.isEmpty()) {
        if (m_kind == Kind::Setpoint)
            m_spin->setToolTip(tr("Type or step a value, then press Enter or Apply"));
        else if (m_kind == Kind::Selector)
            m_combo->setToolTip(tr("Choose, then press Apply"));
    }
    refreshAccessibleNames();
}

void EndpointControl::refreshLook()
{
    // Stale values in the stale grey and italic: never passed off as live.
    const bool stale = isStale();
    QPalette valuePalette = palette();
    if (stale)
        valuePalette.setColor(QPalette::WindowText, Theme::staleText());
    m_valueLabel->setPalette(valuePalette);
    QFont valueFont = font();
    valueFont.setWeight(QFont::DemiBold);
    valueFont.setItalic(stale);
    m_valueLabel->setFont(valueFont);
    QPalette stalePalette = palette();
    stalePalette.setColor(QPalette::WindowText, Theme::staleText());
    m_staleLabel->setPalette(stalePalette);
    QFont staleFont = font();
    staleFont.setItalic(true);
    m_staleLabel->setFont(staleFont);

    QPalette quiet = palette();
    quiet.setColor(QPalette::WindowText, Theme::neutralColor());
    m_busy->setPalette(quiet);
    m_requested->setPalette(quiet);
    m_status->setPalette(quiet);
    m_reason->setPalette(quiet);

    QPalette hint = palette();
    hint.setColor(QPalette::WindowText,
                  Theme::mode() == ThemeMode::Dark ? Theme::warningColor() : Theme::warningColor().darker(115));
    m_hint->setPalette(hint);

    // A failure in the alarm colour with the alarm symbol and its words.
    QPalette outcome = palette();
    if (m_outcomeFailure)
        outcome.setColor(QPalette::WindowText,
                         Theme::mode() == ThemeMode::Dark ? Theme::alarmColor() : Theme::alarmColor().darker(115));
    m_outcomeLabel->setPalette(outcome);
    m_outcomeSymbol->setVisible(m_outcomeFailure);
    if (m_outcomeFailure) {
        const int side = m_outcomeLabel->fontMetrics().height();
        const qreal ratio = devicePixelRatioF();
        QPixmap symbol(QSize(side, side) * ratio);
        symbol.setDevicePixelRatio(ratio);
        symbol.fill(Qt::transparent);
        QPainter p(&symbol);
        KpiTile::paintSymbol(p, QRectF(1, 1, side - 2, side - 2), KpiTile::Level::Alarm, Theme::alarmColor());
        p.end();
        m_outcomeSymbol->setPixmap(symbol);
    }
}

void EndpointControl::refreshAccessibleNames()
{
    const QString name = field(TileModel::NameRole).toString();
    const QString who = m_deviceName.isEmpty() ? name : tr("%1 %2").arg(m_deviceName, name);
    QString state = format(value());
    if (isStale())
        state += u' ' + tr("(stale: last known value, not live)");
    if (isPending())
        state += tr(", requested %1").arg(format(field(TileModel::PendingValueRole)));
    const QString reason = !m_allowed ? m_allowReason : m_blockReason;
    if (!reason.isEmpty())
        state += tr(", %1").arg(reason);
    m_valueLabel->setAccessibleName(tr("%1: %2").arg(who, state));
    const ActionWords words = actionWords();
    for (const bool on : {true, false})
        actionButton(on)->setAccessibleName(tr("%1 %2 (now %3)").arg(words.forValue(on), who, state));
    m_spin->setAccessibleName(tr("%1, new value (now %2)").arg(who, state));
    m_combo->setAccessibleName(tr("%1, choice (now %2)").arg(who, state));
    m_apply->setAccessibleName(tr("Apply %1").arg(who));
    m_outcomeLabel->setAccessibleName(m_outcomeFailure ? tr("%1 failed: %2").arg(who, m_outcome)
                                                       : tr("%1: %2").arg(who, m_outcome));
}

void EndpointControl::applySetpoint()
{
    if (m_kind != Kind::Setpoint || !isActionable())
        return;
    // Read what is typed, not the spin box's last accepted value: a number
    // out of range must be refused, not quietly replaced by another.
    QString text = m_spin->text();
    if (!m_spin->suffix().isEmpty() && text.endsWith(m_spin->suffix()))
        text.chop(m_spin->suffix().size());
    text = text.trimmed();
    bool ok = false;
    double v = m_spin->locale().toDouble(text, &ok);
    if (!ok)
        v = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(v)) {
        setHint(tr("Not sent: type a number"));
        return;
    }
    if (const EndpointFact::Validation valid = fact(v).validate(locale()); !valid.valid()) {
        setHint(tr("Not sent: %1").arg(valid.reason));
        return;
    }
    setHint({});
    request(v);
}

void EndpointControl::applySelector()
{
    if (m_kind != Kind::Selector || !isActionable() || m_combo->currentIndex() < 0)
        return;
    request(m_combo->currentText());
}

void EndpointControl::request(const QVariant &value)
{
    if (!canRequest(value))
        return;
    // A double click, or Enter and Apply at once: one command.
    if (m_lastRequest.isValid() && m_lastRequest.elapsed() < kRepeatGuardMs)
        return;
    m_lastRequest.start();
    setOutcome({}, false);
    Q_EMIT commandRequested(m_endpointId, value);
}

void EndpointControl::setHint(const QString &text)
{
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
}
