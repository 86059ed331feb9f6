#pragma once

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>

// A D-Bus session bus of the test's own (dbus-daemon --session), so that
// what the console says to the desktop goes over a real bus and nothing
// reaches the desktop the tests run on.
class PrivateBus
{
public:
    PrivateBus()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            return;
        m_daemon.setProgram(daemon);
        m_daemon.setArguments(
            {QStringLiteral("--session"), QStringLiteral("--print-address"), QStringLiteral("--nofork")});
        m_daemon.start();
        if (!m_daemon.waitForStarted(5000))
            return;
        // The address is its first line on standard output.
        while (!m_daemon.canReadLine() && m_daemon.waitForReadyRead(5000)) { }
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    }
    ~PrivateBus()
    {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(3000))
            m_daemon.kill();
    }
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;

    // Empty when no daemon could be started.
    QString address() const { return m_address; }

private:
    QProcess m_daemon;
    QString m_address;
};

// The desktop's screen saver service as the freedesktop.org specification
// gives it: Inhibit(application, reason) → cookie, UnInhibit(cookie).
// Records every call.
class FakeScreenSaver : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.ScreenSaver")

public:
    struct Inhibition
    {
        QString application;
        QString reason;
        uint cookie;
    };

    // Registers the service and object on the bus at `address`.
    bool publish(const QString &address)
    {
        m_bus = std::make_unique<QDBusConnection>(QDBusConnection::connectToBus(address, m_name));
        return m_bus->isConnected() && m_bus->registerService(QStringLiteral("org.freedesktop.ScreenSaver"))
            && m_bus->registerObject(QStringLiteral("/org/freedesktop/ScreenSaver"), this,
                                     QDBusConnection::ExportAllSlots);
    }
    void withdraw()
    {
        if (!m_bus)
            return;
        m_bus->unregisterObject(QStringLiteral("/org/freedesktop/ScreenSaver"));
        m_bus->unregisterService(QStringLiteral("org.freedesktop.ScreenSaver"));
        m_bus.reset();
        QDBusConnection::disconnectFromBus(m_name);
    }
    ~FakeScreenSaver() override { withdraw(); }

    QList<Inhibition> inhibitions;
    QList<uint> released;

public Q_SLOTS:
    uint Inhibit(const QString &application, const QString &reason)
    {
        const uint cookie = m_nextCookie++;
        inhibitions.append({application, reason, cookie});
        return cookie;
    }
    void UnInhibit(uint cookie) { released.append(cookie); }

private:
    QString m_name = QStringLiteral("fake-screensaver");
    std::unique_ptr<QDBusConnection> m_bus;
    uint m_nextCookie = 4100;
};
