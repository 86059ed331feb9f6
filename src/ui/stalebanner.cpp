#include "stalebanner.h"

#include "services/linkstatus.h"

#include "agetext.h"
#include "theme.h"
#include "timetext.h"

#include <QEvent>
#include <QLocale>

#include <algorithm>

namespace {

constexpr int kMargin = 12;

} // namespace

StaleBanner::StaleBanner(LinkStatus *link, QWidget *parent)
    : QLabel(parent)
    , m_link(link)
    , m_resume(new QPushButton(tr("Resume live updates"), this))
{
    m_resume->setObjectName(QStringLiteral("staleBannerResume"));
    m_resume->setToolTip(tr("Turn live updates from the server back on"));
    m_resume->hide();
    connect(m_resume, &QPushButton::clicked, m_link, &LinkStatus::resumeLive);
    setObjectName(QStringLiteral("staleBanner"));
    setAutoFillBackground(true);
    applyColours();
    setContentsMargins(kMargin, 6, kMargin, 6);
    setWordWrap(true);
    QFont bannerFont = font();
    bannerFont.setBold(true);
    setFont(bannerFont);
    m_normalFont = bannerFont;
    connect(m_link, &LinkStatus::stateChanged, this, &StaleBanner::refresh);
    connect(m_link, &LinkStatus::messageArrived, this, [this] { m_sinceMessage.restart(); });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &StaleBanner::refresh);
    refresh();
}

void StaleBanner::refresh()
{
    const LinkStatus *c = m_link;
    const bool paused = c->state() == Domain::LinkState::Paused;
    placeResume(paused);
    if (c->isLive()) {
        m_tick.stop();
        hide();
        return;
    }
    if (!m_tick.isActive())
        m_tick.start();
    // How old the data is, counted from the last message whatever the
    // reason it stopped, and the time of day it came, to match with the
    // tables' times and what happened on the floor.
    const qint64 age = sinceLastMessageMs();
    const QString forHowLong = AgeText::format(age);
    const QString received = TimeText::of(m_link->lastMessageAt());
    if (paused) {
        // Turned off on purpose: say so, rather than that the link broke.
        setText(age >= 0 ? tr("PAUSED for %1, last received %2 — live updates are off; the values below are as "
                              "last received.")
                               .arg(forHowLong, received)
                         : tr("PAUSED — live updates are off: nothing on screen is live, no data has been "
                              "received from the server."));
        setAccessibleName(text());
        show();
        return;
    }
    QString message = age >= 0
        ? tr("NOT LIVE for %1, last received %2 — the values below may be out of date.").arg(forHowLong, received)
        : tr("NOT LIVE — no data received from the server yet.");
    const QString why = c->state() == Domain::LinkState::Failed ? c->failureReason() : c->lastError();
    if (!why.isEmpty())
        message += u' ' + tr("Link: %1.").arg(why);
    setText(message);
    setAccessibleName(message);
    show();
}

void StaleBanner::placeResume(bool paused)
{
    m_resume->setVisible(paused);
    const QSize button = m_resume->sizeHint();
    const QMargins margins = contentsMargins();
    const int right = paused ? button.width() + 2 * kMargin : kMargin;
    if (margins.right() != right)
        setContentsMargins(margins.left(), margins.top(), right, margins.bottom());
    // The kiosk's banner is tall anyway (and a kiosk never pauses).
    if (!m_kiosk)
        setMinimumHeight(paused ? button.height() + margins.top() + margins.bottom() : 0);
    m_resume->resize(button);
    m_resume->move(width() - kMargin - button.width(), (height() - button.height()) / 2);
}

void StaleBanner::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    if (m_resume->isVisibleTo(this))
        m_resume->move(width() - kMargin - m_resume->width(), (height() - m_resume->height()) / 2);
}

qint64 StaleBanner::sinceLastMessageMs() const
{
    if (m_sinceMessage.isValid())
        return m_sinceMessage.elapsed();
    // Messages that came before this banner existed (a window opened
    // later): the console's own wall clock is all there is for those.
    const QDateTime last = m_link->lastMessageAt();
    return last.isValid() ? std::max<qint64>(0, last.msecsTo(QDateTime::currentDateTimeUtc())) : -1;
}

void StaleBanner::applyColours()
{
    QPalette bannerPalette = palette();
    // The kiosk's amber is the light theme's in both themes, under near-black
    // text: the strongest contrast the banner's colours allow, across a hall.
    bannerPalette.setColor(QPalette::Window, m_kiosk ? QColor(0xff, 0xc8, 0x2e) : Theme::staleBackground());
    bannerPalette.setColor(QPalette::WindowText, m_kiosk ? QColor(0x14, 0x10, 0x00) : Theme::staleBannerText());
    setPalette(bannerPalette);
}

void StaleBanner::setKioskStyle(bool kiosk)
{
    if (kiosk == m_kiosk)
        return;
    m_kiosk = kiosk;
    if (QWidget *top = window(); top && top != this) {
        if (kiosk)
            top->installEventFilter(this);
        else
            top->removeEventFilter(this);
    }
    setAlignment(kiosk ? Qt::AlignCenter : Qt::AlignLeft | Qt::AlignVCenter);
    if (kiosk) {
        applyKioskSize();
    } else {
        setMinimumHeight(0);
        setFont(m_normalFont);
    }
    applyColours();
}

void StaleBanner::applyKioskSize()
{
    // Sized from the window, not the desktop's font: the banner must be seen
    // from where the tables cannot be read.
    const QWidget *top = window();
    const int minimum = std::max(48, int(top->height() * kKioskHeightShare));
    setMinimumHeight(minimum);
    QFont big = m_normalFont;
    big.setPixelSize(std::max(18, minimum / 3));
    setFont(big);
}

bool StaleBanner::eventFilter(QObject *watched, QEvent *event)
{
    if (m_kiosk && watched == window() && event->type() == QEvent::Resize)
        applyKioskSize();
    return QLabel::eventFilter(watched, event);
}

void StaleBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyColours(); // the theme changed
    QLabel::changeEvent(event);
}
