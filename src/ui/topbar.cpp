#include "topbar.h"

#include "services/linkstatus.h"

#include "connectionindicator.h"
#include "notificationbell.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QUrl>

TopBar::TopBar(const QString &profileName, LinkStatus *link, NotificationCenter *notifications, QAction *preferences,
               QWidget *parent)
    : QWidget(parent)
    , m_link(link)
{
    setObjectName(QStringLiteral("topBar"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Button); // set apart from the views, in either theme

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    m_title = new QLabel(tr("Watchfloor"), this);
    m_title->setObjectName(QStringLiteral("consoleTitle"));
    updateTitleFont();
    layout->addWidget(m_title);
    layout->addSpacing(16);

    auto *profile = new QLabel(this);
    profile->setObjectName(QStringLiteral("profileLabel"));
    profile->setText(
        tr("%1 · %2").arg(profileName, link->settings().url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    layout->addWidget(profile);
    layout->addStretch(1);
    layout->addSpacing(16); // kept when a large font leaves no room to stretch

    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("identityLabel"));
    layout->addWidget(m_identity);
    layout->addSpacing(12);

    m_indicator = new ConnectionIndicator(link, this);
    layout->addWidget(m_indicator);
    layout->addSpacing(8);

    m_mute = new QToolButton(this);
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_mute->setAutoRaise(true);
    m_mute->setFocusPolicy(Qt::StrongFocus);
    connect(m_mute, &QToolButton::clicked, this, &TopBar::muteClicked);
    layout->addWidget(m_mute);

    m_bell = new NotificationBell(notifications, this);
    layout->addWidget(m_bell);

    m_preferencesButton = new QToolButton(this);
    m_preferencesButton->setObjectName(QStringLiteral("preferencesButton"));
    m_preferencesButton->setDefaultAction(preferences);
    m_preferencesButton->setAutoRaise(true);
    m_preferencesButton->setFocusPolicy(Qt::StrongFocus);
    layout->addWidget(m_preferencesButton);

    connect(link, &LinkStatus::stateChanged, this, &TopBar::updateIdentity);
    updateIdentity();
}

void TopBar::showMute(bool soundOn, const QDateTime &mutedUntil)
{
    m_mute->setVisible(soundOn);
    if (mutedUntil.isValid()) {
        const QString until = QLocale().toString(mutedUntil.toLocalTime().time(), QStringLiteral("HH:mm"));
        m_mute->setText(tr("Sound muted until %1").arg(until));
        m_mute->setToolTip(tr("Critical alarms make no sound until %1. Click to unmute now.").arg(until));
    } else {
        m_mute->setText(tr("Mute sound"));
        m_mute->setToolTip(tr("Silence the critical alarm sound for %n minute(s)", nullptr, kMuteMinutes));
    }
    m_mute->setAccessibleName(m_mute->text());
}

void TopBar::changeEvent(QEvent *event)
{
    // The title's own font does not follow the window's: set it again (a
    // kiosk's larger type).
    if (event->type() == QEvent::FontChange && m_title)
        updateTitleFont();
    QWidget::changeEvent(event);
}

void TopBar::updateTitleFont()
{
    QFont titleFont = font();
    titleFont.setBold(true);
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
}

void TopBar::updateIdentity()
{
    const QString name = m_link->settings().operatorName;
    // The roles the protocol names, in the operator's language; another
    // server's own role words are shown as they come.
    QString role = m_link->role();
    if (role == u"viewer")
        role = tr("viewer", "role");
    else if (role == u"operator")
        role = tr("operator", "role");
    else if (role == u"admin")
        role = tr("admin", "role");
    m_identity->setText(role.isEmpty() ? name : tr("%1 · %2 role").arg(name, role));
}
