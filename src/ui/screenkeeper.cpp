#include "screenkeeper.h"

#include <QLoggingCategory>

#ifdef WATCHFLOOR_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QUuid>
#endif

namespace {

Q_LOGGING_CATEGORY(lcScreenKeeper, "watchfloor.kiosk.screen")

#ifdef WATCHFLOOR_HAVE_DBUS
const QString kService = QStringLiteral("org.freedesktop.ScreenSaver");
const QString kPath = QStringLiteral("/org/freedesktop/ScreenSaver");
const QString kInterface = QStringLiteral("org.freedesktop.ScreenSaver");
#endif

} // namespace

ScreenKeeper::ScreenKeeper(QObject *parent)
    : QObject(parent)
{ }

ScreenKeeper::~ScreenKeeper()
{
    stop();
#ifdef WATCHFLOOR_HAVE_DBUS
    if (!m_connectionName.isEmpty())
        QDBusConnection::disconnectFromBus(m_connectionName);
#endif
}

bool ScreenKeeper::isSupported()
{
#ifdef WATCHFLOOR_HAVE_DBUS
    return true;
#else
    return false;
#endif
}

void ScreenKeeper::setUnavailable(const QString &reason)
{
    // Said once in the log: a kiosk left running for weeks must not repeat it.
    if (m_unavailable.isEmpty())
        qCWarning(lcScreenKeeper).noquote() << tr("The screen may blank while the kiosk runs: %1").arg(reason);
    m_unavailable = reason;
    Q_EMIT stateChanged();
}

void ScreenKeeper::granted(uint cookie)
{
    m_cookie = cookie;
    m_unavailable.clear();
    Q_EMIT stateChanged();
}

void ScreenKeeper::start(const QString &application, const QString &reason)
{
    if (m_running)
        return;
    m_running = true;
    const quint64 request = ++m_request;
#ifdef WATCHFLOOR_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!m_busAddress.isEmpty()) {
        if (m_connectionName.isEmpty())
            m_connectionName = QStringLiteral("watchfloor-screenkeeper-") + QUuid::createUuid().toString(QUuid::Id128);
        bus = QDBusConnection::connectToBus(m_busAddress, m_connectionName);
    }
    if (!bus.isConnected()) {
        setUnavailable(tr("there is no D-Bus session bus to ask the desktop to keep the screen on"));
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Inhibit"));
    call << application << reason;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, request, bus] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            if (request != m_request || !m_running)
                return;
            const QDBusError error = reply.error();
            if (error.type() == QDBusError::ServiceUnknown)
                setUnavailable(
                    tr("the desktop offers no screen saver service (%1) to keep the screen on").arg(kService));
            else
                setUnavailable(
                    tr("the desktop's screen saver service refused to keep the screen on: %1").arg(error.message()));
            return;
        }
        if (request != m_request || !m_running) {
            // Stopped while the desktop was answering: give the cookie straight back.
            QDBusMessage release
                = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("UnInhibit"));
            release << reply.value();
            QDBusConnection(bus).send(release);
            return;
        }
        granted(reply.value());
    });
#else
    Q_UNUSED(application)
    Q_UNUSED(reason)
    Q_UNUSED(request)
    setUnavailable(tr("this console was built without D-Bus support, so it cannot ask the desktop to keep the "
                      "screen on"));
#endif
}

void ScreenKeeper::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_request;
    const uint cookie = m_cookie;
    m_cookie = 0;
#ifdef WATCHFLOOR_HAVE_DBUS
    if (cookie != 0) {
        QDBusConnection bus
            = m_connectionName.isEmpty() ? QDBusConnection::sessionBus() : QDBusConnection(m_connectionName);
        QDBusMessage release = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("UnInhibit"));
        release << cookie;
        // No answer awaited: there is nothing to do if it fails, and the
        // desktop forgets the inhibition of a process that has gone anyway.
        bus.send(release);
    }
#else
    Q_UNUSED(cookie)
#endif
    Q_EMIT stateChanged();
}
