#include "connectionindicator.h"

#include "connectiondetails.h"
#include "theme.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

ConnectionIndicator::ConnectionIndicator(LinkStatus *link, QWidget *parent)
    : QToolButton(parent)
    , m_link(link)
{
    setObjectName(QStringLiteral("connectionIndicator"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setFocusPolicy(Qt::TabFocus);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    connect(m_link, &LinkStatus::stateChanged, this, &ConnectionIndicator::refresh);
    connect(this, &QToolButton::clicked, this, &ConnectionIndicator::showDetails);
    m_clock.start();
    refresh();
}

void ConnectionIndicator::refresh()
{
    using S = Domain::LinkState;
    const S state = m_link->state();
    QString label;
    QString extra; // round trip and age: shown, but not in the accessible name, which would change every second
    const QLocale locale;
    // How fresh the data is, in the fewest characters: "0 s", "3 min", "2 h".
    QString age;
    if (m_link->lastMessageAt().isValid()) {
        const qint64 s = std::max<qint64>(0, m_link->lastMessageAt().secsTo(QDateTime::currentDateTimeUtc()));
        age = s < 60   ? tr("%1 s ago").arg(locale.toString(s))
            : s < 3600 ? tr("%1 min ago").arg(locale.toString(s / 60))
                       : tr("%1 h ago").arg(locale.toString(s / 3600));
    }
    switch (state) {
    case S::Live:
        label = tr("Live");
        if (m_link->roundTripMs() >= 0)
            extra += tr(" · %1 ms").arg(locale.toString(m_link->roundTripMs()));
        if (!age.isEmpty())
            extra += tr(" · %1").arg(age);
        break;
    case S::Connecting:
        label = tr("Connecting…");
        break;
    case S::Authenticating:
        label = tr("Signing in…");
        break;
    case S::Reconnecting: {
        const qint64 ms = m_link->msUntilRetry();
        label = ms >= 0
            ? tr("Reconnecting in %1 s (attempt %2)").arg(int(std::ceil(ms / 1000.0))).arg(m_link->attempt())
            : tr("Reconnecting… (attempt %1)").arg(m_link->attempt());
        break;
    }
    case S::Disconnected:
        label = tr("Offline");
        break;
    case S::Offline:
        label = tr("Offline: gave up after %1 attempts").arg(m_link->attempt());
        break;
    case S::Paused:
        label = tr("Paused: live updates off");
        break;
    case S::Polling:
        label = tr("Polling (WebSocket down)");
        if (!age.isEmpty())
            extra += tr(" · %1").arg(age);
        break;
    case S::Failed:
        label = tr("Failed: %1").arg(m_link->failureReason());
        break;
    }
    setText(label + extra);

    QString details = tr("Server: %1").arg(m_link->currentUrl().toDisplayString(QUrl::RemoveUserInfo));
    if (m_link->currentUrl() != m_link->settings().url)
        details += u' '
            + tr("(fallback; the primary %1 is down)")
                  .arg(m_link->settings().url.toDisplayString(QUrl::RemoveUserInfo));
    if (m_link->lastMessageAt().isValid()) {
        details += u'\n'
            + tr("Last message: %1")
                  .arg(QLocale().toString(m_link->lastMessageAt().toLocalTime().time(), QStringLiteral("HH:mm:ss")));
    }
    if (state == S::Live && m_link->roundTripMs() >= 0)
        details += u'\n' + tr("Round trip: %1 ms").arg(m_link->roundTripMs());
    if (state != S::Live && !m_link->lastError().isEmpty())
        details += u'\n' + tr("Last error: %1").arg(m_link->lastError());
    details += u'\n' + tr("Click for the connection's details.");
    setToolTip(details);
    setAccessibleName(tr("Connection: %1").arg(label));

    if (state != m_shownState || icon().isNull()) {
        m_shownState = state;
        setIcon(QIcon(symbol(state, 14, devicePixelRatioF())));
    }
}

void ConnectionIndicator::showDetails()
{
    if (!m_details)
        m_details = new ConnectionDetails(m_link, this);
    m_details->popup(mapToGlobal(QPoint(0, height())));
}

QPixmap ConnectionIndicator::symbol(Domain::LinkState state, int size, qreal devicePixelRatio)
{
    using S = Domain::LinkState;
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(1.5, 1.5, size - 3.0, size - 3.0);

    // Shape carries the meaning as much as colour does: filled circle = live,
    // ring = on the way, triangle = data not live, square = stopped or refused.
    switch (state) {
    case S::Live:
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::liveColor());
        p.drawEllipse(r);
        break;
    case S::Connecting:
    case S::Authenticating:
        p.setPen(QPen(Theme::neutralColor(), 2.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r.adjusted(1, 1, -1, -1));
        break;
    case S::Reconnecting: {
        QPainterPath triangle;
        triangle.moveTo(r.center().x(), r.top());
        triangle.lineTo(r.right(), r.bottom());
        triangle.lineTo(r.left(), r.bottom());
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::warningColor());
        p.drawPath(triangle);
        break;
    }
    case S::Disconnected:
        p.setPen(QPen(Theme::neutralColor(), 2.0));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(1, 1, -1, -1));
        break;
    case S::Polling: // current, but by the slower path: a green ring
        p.setPen(QPen(Theme::liveColor(), 2.5));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r.adjusted(1, 1, -1, -1));
        break;
    case S::Paused: // two bars, as on any player: stopped on purpose
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::neutralColor());
        p.drawRect(QRectF(r.left() + 1, r.top(), r.width() * 0.32, r.height()));
        p.drawRect(QRectF(r.right() - 1 - r.width() * 0.32, r.top(), r.width() * 0.32, r.height()));
        break;
    case S::Offline: // stopped by itself, and the data is not live: amber
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::warningColor());
        p.drawRect(r);
        break;
    case S::Failed:
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::alarmColor());
        p.drawRect(r);
        p.setPen(QPen(Qt::white, 1.8));
        p.drawLine(r.topLeft() + QPointF(3, 3), r.bottomRight() - QPointF(3, 3));
        p.drawLine(r.topRight() + QPointF(-3, 3), r.bottomLeft() + QPointF(3, -3));
        break;
    }
    return pixmap;
}
