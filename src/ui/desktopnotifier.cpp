#include "desktopnotifier.h"

#include "theme.h"
#include "toastwidget.h"

#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QWidget>

DesktopNotifier::DesktopNotifier(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_tray(new QSystemTrayIcon(this))
{
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64})
        icon.addPixmap(bellPixmap(size));
    m_tray->setIcon(icon);
    m_tray->setToolTip(tr("Watchfloor"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &DesktopNotifier::bringWindowBack);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            bringWindowBack();
    });
}

void DesktopNotifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
    updateTrayVisibility();
}

bool DesktopNotifier::notify(const QString &title, const QString &message, ToastLevel level, const QString &word)
{
    if (!m_enabled) {
        m_lastSkip = SkipReason::Disabled;
        return false;
    }
    // The operator is looking at the console: its own toasts are enough.
    if (m_window && m_window->isActiveWindow() && !m_window->isMinimized()) {
        m_lastSkip = SkipReason::WindowActive;
        return false;
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_lastSkip = SkipReason::NoSystemTray;
        return false;
    }
    updateTrayVisibility();
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    if (level == ToastLevel::Critical || level == ToastLevel::Error)
        icon = QSystemTrayIcon::Critical;
    else if (level == ToastLevel::Warning)
        icon = QSystemTrayIcon::Warning;
    // The level word in the title too: desktops draw their own icons, often
    // in one colour, so the words carry the level.
    const QString shown = word.isEmpty() ? ToastWidget::levelWord(level) : word;
    const QString shownTitle = title.isEmpty() ? shown : shown + QStringLiteral(": ") + title;
    const int timeout = level == ToastLevel::Critical ? 0 : 10000;
    m_tray->showMessage(shownTitle, message, icon, timeout);
    m_lastSkip = SkipReason::None;
    return true;
}

QString DesktopNotifier::lastSkipReason() const
{
    switch (m_lastSkip) {
    case SkipReason::Disabled:
        return tr("disabled");
    case SkipReason::WindowActive:
        return tr("window active");
    case SkipReason::NoSystemTray:
        return tr("no system tray");
    case SkipReason::None:
        break;
    }
    return {};
}

QPixmap DesktopNotifier::bellPixmap(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    // The bell: a dome widening to a flared rim, a clapper under it and a
    // knob on top; outlined so it reads on light and dark panels alike.
    QPainterPath bell;
    bell.moveTo(0.14 * s, 0.76 * s);
    bell.quadTo(0.26 * s, 0.64 * s, 0.26 * s, 0.46 * s);
    bell.cubicTo(0.26 * s, 0.22 * s, 0.74 * s, 0.22 * s, 0.74 * s, 0.46 * s);
    bell.quadTo(0.74 * s, 0.64 * s, 0.86 * s, 0.76 * s);
    bell.closeSubpath();
    const QColor body = Theme::neutralColor();
    painter.setPen(QPen(body.darker(160), qMax(1.0, s / 24)));
    painter.setBrush(body.lighter(150));
    painter.drawPath(bell);
    painter.setBrush(body.darker(130));
    painter.drawEllipse(QPointF(0.5 * s, 0.84 * s), 0.09 * s, 0.09 * s);
    painter.drawEllipse(QPointF(0.5 * s, 0.2 * s), 0.06 * s, 0.06 * s);
    return pixmap;
}

void DesktopNotifier::bringWindowBack()
{
    if (m_window) {
        if (m_window->isMinimized())
            m_window->showNormal();
        m_window->show();
        m_window->raise();
        // Here, and only here, taking the focus is right: the operator asked for the window.
        m_window->activateWindow();
    }
    Q_EMIT activated();
}

void DesktopNotifier::updateTrayVisibility()
{
    // An icon in the tray only while notifications are on and there is a tray.
    m_tray->setVisible(m_enabled && QSystemTrayIcon::isSystemTrayAvailable());
}
