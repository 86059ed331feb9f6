#include "connectiondetails.h"

#include "agetext.h"
#include "theme.h"
#include "timetext.h"

#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

ConnectionDetails::ConnectionDetails(LinkStatus *link, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_link(link)
{
    setObjectName(QStringLiteral("connectionDetails"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Connection details"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(10);

    m_title = new QLabel(tr("Connection"), this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_rows = new QWidget(this);
    auto *form = new QFormLayout(m_rows);
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(4);
    form->setLabelAlignment(Qt::AlignLeft);
    layout->addWidget(m_rows);

    m_server = addRow(QStringLiteral("detailServer"), tr("Server"));
    m_dialect = addRow(QStringLiteral("detailDialect"), tr("Dialect"));
    m_serverName = addRow(QStringLiteral("detailServerName"), tr("Server name"));
    m_session = addRow(QStringLiteral("detailSession"), tr("Session"));
    m_role = addRow(QStringLiteral("detailRole"), tr("Role"));
    m_state = addRow(QStringLiteral("detailState"), tr("State"));
    m_lastConnected = addRow(QStringLiteral("detailLastConnected"), tr("Last connected"));
    m_lastOutage = addRow(QStringLiteral("detailLastOutage"), tr("Last outage"));
    m_lastOutageTitle
        = qobject_cast<QLabel *>(static_cast<QFormLayout *>(m_rows->layout())->labelForField(m_lastOutage));
    m_recovery = addRow(QStringLiteral("detailRecovery"), tr("Last reconnect"));
    m_eventRate = addRow(QStringLiteral("detailEventRate"), tr("Events"));
    m_roundTrip = addRow(QStringLiteral("detailRoundTrip"), tr("Round trip"));
    m_protocolErrors = addRow(QStringLiteral("detailProtocolErrors"), tr("Protocol errors"));
    m_lastError = addRow(QStringLiteral("detailLastError"), tr("Last error"));
    m_lastError->setWordWrap(true);
    m_lastError->setMinimumWidth(260);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    m_retry = new QPushButton(tr("Retry now"), this);
    m_retry->setObjectName(QStringLiteral("retryNowButton"));
    m_retry->setToolTip(tr("Connect at once instead of waiting for the next attempt"));
    m_pause = new QPushButton(this);
    m_pause->setObjectName(QStringLiteral("pauseLiveButton"));
    buttons->addWidget(m_retry);
    buttons->addWidget(m_pause);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_retry, &QPushButton::clicked, m_link, &LinkStatus::retryNow);
    connect(m_pause, &QPushButton::clicked, this, &ConnectionDetails::togglePause);
    connect(m_link, &LinkStatus::stateChanged, this, &ConnectionDetails::refresh);
    // Rates, ages and round trips move without a state change: a second is
    // as often as a person reads them.
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &ConnectionDetails::refresh);
    refresh();
}

QLabel *ConnectionDetails::addRow(const QString &objectName, const QString &title)
{
    auto *value = new QLabel(m_rows);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *label = new QLabel(title, m_rows);
    label->setBuddy(value);
    // Muted titles from a palette role, so they follow a theme change by themselves.
    label->setForegroundRole(QPalette::PlaceholderText);
    static_cast<QFormLayout *>(m_rows->layout())->addRow(label, value);
    return value;
}

void ConnectionDetails::popup(const QPoint &globalPos)
{
    refresh();
    adjustSize();
    QPoint pos = globalPos;
    if (const QScreen *screen = QGuiApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        pos.setX(std::max(area.left(), std::min(pos.x(), area.right() - width())));
        pos.setY(std::max(area.top(), std::min(pos.y(), area.bottom() - height())));
    }
    move(pos);
    show();
    m_pause->setFocus(Qt::PopupFocusReason);
}

QString ConnectionDetails::value(const QString &objectName) const
{
    const auto *label = m_rows->findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

QString ConnectionDetails::title(const QString &objectName) const
{
    auto *field = m_rows->findChild<QLabel *>(objectName);
    const auto *form = static_cast<const QFormLayout *>(m_rows->layout());
    const auto *label = field ? qobject_cast<const QLabel *>(form->labelForField(field)) : nullptr;
    return label ? label->text() : QString();
}

QString ConnectionDetails::formatDuration(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("%1 ms").arg(locale.toString(ms));
    if (ms < 60 * 1000)
        return tr("%1 s").arg(locale.toString(ms / 1000.0, 'f', ms < 10 * 1000 ? 1 : 0));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return tr("%1 min %2 s").arg(locale.toString(s / 60), locale.toString(s % 60));
    return tr("%1 h %2 min").arg(locale.toString(s / 3600), locale.toString((s % 3600) / 60));
}

void ConnectionDetails::showEvent(QShowEvent *event)
{
    refresh();
    m_clock.start();
    QFrame::showEvent(event);
}

void ConnectionDetails::hideEvent(QHideEvent *event)
{
    m_clock.stop();
    QFrame::hideEvent(event);
}

void ConnectionDetails::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Cancel)) {
        event->accept();
        close();
        return;
    }
    QFrame::keyPressEvent(event);
}

void ConnectionDetails::togglePause()
{
    if (m_link->state() == Domain::LinkState::Paused)
        m_link->resumeLive();
    else
        m_link->pause();
}

void ConnectionDetails::refresh()
{
    using S = Domain::LinkState;
    using Dialect = ConnectionSettings::Dialect;
    const QLocale locale;
    const S state = m_link->state();
    const bool down = state != S::Live && state != S::Paused;
    // What only a link can tell (its dialect, its session) is not "not
    // known yet" while the link is down: there is no link to ask.
    const QString unknown = down && m_link->lastLiveAt().isValid() ? tr("— (link down)") : tr("not known yet");

    // The address only: user info and query may carry credentials.
    m_server->setText(
        m_link->currentUrl().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment));
    switch (m_link->dialect()) {
    case Dialect::Auto:
        m_dialect->setText(unknown);
        break;
    case Dialect::Watchfloor:
        m_dialect->setText(QStringLiteral("watchfloor"));
        break;
    case Dialect::Plain:
        m_dialect->setText(tr("plain"));
        break;
    case Dialect::SocketIo:
        m_dialect->setText(QStringLiteral("Socket.IO"));
        break;
    }
    const auto orUnknown = [&unknown](const QString &text) { return text.isEmpty() ? unknown : text; };
    m_serverName->setText(orUnknown(m_link->serverName()));
    m_session->setText(orUnknown(m_link->sessionId()));
    m_role->setText(orUnknown(m_link->role()));

    QString stateText = LinkStatus::stateName(state);
    if (state == S::Reconnecting) {
        const qint64 ms = m_link->msUntilRetry();
        stateText = ms >= 0
            ? tr("reconnecting in %1 (attempt %2)").arg(formatDuration(ms), locale.toString(m_link->attempt()))
            : tr("reconnecting (attempt %1)").arg(locale.toString(m_link->attempt()));
    } else if (state == S::Offline) {
        stateText = tr("gave up after %1 attempts").arg(locale.toString(m_link->attempt()));
    }
    m_state->setText(stateText);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime lastLive = m_link->lastLiveAt();
    if (lastLive.isValid()) {
        m_lastConnected->setText(
            tr("%1 (%2 ago)").arg(TimeText::of(lastLive), AgeText::format(std::max<qint64>(0, lastLive.msecsTo(now)))));
    } else {
        m_lastConnected->setText(tr("never"));
    }
    // While the link is down the row is about this outage: since when and
    // for how long, never the last one's figure or "none".
    const qint64 downFor = m_link->currentOutageMs();
    if (downFor >= 0) {
        m_lastOutageTitle->setText(tr("Outage"));
        m_lastOutage->setText(
            tr("down since %1 (for %2)").arg(TimeText::of(m_link->downSince()), AgeText::format(downFor)));
    } else if (down && !lastLive.isValid()) {
        m_lastOutageTitle->setText(tr("Outage"));
        m_lastOutage->setText(tr("not live yet since the console started"));
    } else {
        m_lastOutageTitle->setText(tr("Last outage"));
        const qint64 outage = m_link->lastOutageMs();
        m_lastOutage->setText(outage >= 0 ? AgeText::format(outage) : tr("none"));
    }
    switch (m_link->lastRecovery()) {
    case Domain::LinkRecovery::None:
        m_recovery->setText(tr("none since the console started"));
        break;
    case Domain::LinkRecovery::Resumed:
        m_recovery->setText(tr("resumed: nothing was missed"));
        break;
    case Domain::LinkRecovery::Resynced:
        m_recovery->setText(tr("resynced from fresh snapshots"));
        break;
    }
    // Figures of a link that is not there would read as a healthy one: the
    // last round trip is kept, but not shown as this moment's.
    const bool webSocketDown = down && state != S::Polling;
    m_eventRate->setText(webSocketDown ? tr("— (link down)")
                                       : tr("%1 per second").arg(locale.toString(m_link->eventsPerSecond(), 'f', 1)));
    const qint64 rtt = m_link->roundTripMs();
    m_roundTrip->setText(down           ? tr("— (link down)")
                             : rtt >= 0 ? tr("%1 ms").arg(locale.toString(rtt))
                                        : tr("not measured yet"));
    m_protocolErrors->setText(locale.toString(m_link->protocolErrorCount()));
    const QString why = state == S::Failed ? m_link->failureReason() : m_link->lastError();
    m_lastError->setText(why.isEmpty() ? (down ? tr("not reported") : tr("none")) : why);

    // Only what the service will act on: a retry while Paused or mid-handshake does nothing.
    m_retry->setEnabled(state != S::Live && state != S::Authenticating && state != S::Paused);
    m_pause->setText(state == S::Paused ? tr("Resume live updates") : tr("Pause live updates"));
    m_pause->setEnabled(state != S::Disconnected);
}
