#include "stalebanner.h"

#include "app/session.h"
#include "theme.h"

#include <QEvent>
#include <QLocale>

StaleBanner::StaleBanner(Session *session, QWidget *parent)
    : QLabel(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("staleBanner"));
    setAutoFillBackground(true);
    applyColours();
    setContentsMargins(12, 6, 12, 6);
    setWordWrap(true);
    QFont bannerFont = font();
    bannerFont.setBold(true);
    setFont(bannerFont);
    connect(session->connection(), &ConnectionService::stateChanged, this, &StaleBanner::refresh);
    refresh();
}

void StaleBanner::refresh()
{
    const ConnectionService *c = m_session->connection();
    if (c->isLive()) {
        hide();
        return;
    }
    const QDateTime last = c->lastMessageAt();
    const QString since
        = last.isValid() ? QLocale().toString(last.toLocalTime().time(), QStringLiteral("HH:mm:ss")) : QString();
    if (c->state() == ConnectionService::State::Paused) {
        // Turned off on purpose: say so, rather than that the link broke.
        setText(last.isValid()
                    ? tr("PAUSED — live updates are off; the values below are as last received at %1.").arg(since)
                    : tr("PAUSED — live updates are off; no data received from the server yet."));
        setAccessibleName(text());
        show();
        return;
    }
    QString message = last.isValid()
        ? tr("NOT LIVE — the values below are as last received at %1 and may be out of date.").arg(since)
        : tr("NOT LIVE — no data received from the server yet.");
    const QString why = c->state() == ConnectionService::State::Failed ? c->failureReason() : c->lastError();
    if (!why.isEmpty())
        message += u' ' + tr("Link: %1.").arg(why);
    setText(message);
    setAccessibleName(message);
    show();
}

void StaleBanner::applyColours()
{
    QPalette bannerPalette = palette();
    bannerPalette.setColor(QPalette::Window, Theme::staleBackground());
    bannerPalette.setColor(QPalette::WindowText, Theme::staleBannerText());
    setPalette(bannerPalette);
}

void StaleBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyColours(); // the theme changed
    QLabel::changeEvent(event);
}
