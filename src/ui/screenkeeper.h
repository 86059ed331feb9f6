#pragma once

#include <QObject>
#include <QString>

// Keeps the screen from blanking or locking while a kiosk shows the plant:
// asks the desktop's org.freedesktop.ScreenSaver service on the session
// D-Bus to inhibit the screen saver, and lifts that again on stop() (the
// desktop also drops it when the process ends). Where there is no such
// service, no session bus, or the console was built without Qt D-Bus, it
// says so once in the log and in unavailableReason(): the screen's own power
// settings then decide, and the administrator has to turn blanking off there.
class ScreenKeeper : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool inhibiting READ isInhibiting NOTIFY stateChanged)
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY stateChanged)

public:
    explicit ScreenKeeper(QObject *parent = nullptr);
    ~ScreenKeeper() override; // stops

    // The bus to ask; empty (the default) is the session bus. For tests, and
    // for a desktop whose bus is not the process's session bus.
    void setBusAddress(const QString &address) { m_busAddress = address; }
    // Whether this build can talk to D-Bus at all.
    static bool isSupported();

    // Asks for the inhibition, once; the answer arrives later (stateChanged).
    void start(const QString &application, const QString &reason);
    // Lifts it, if it was granted; also forgets a request still unanswered.
    void stop();

    bool isRunning() const { return m_running; }
    // True once the desktop granted the inhibition, until stop().
    bool isInhibiting() const { return m_cookie != 0; }
    uint cookie() const { return m_cookie; }
    // Why the screen is not kept on: empty while inhibiting or waiting for the answer.
    QString unavailableReason() const { return m_unavailable; }

Q_SIGNALS:
    void stateChanged();

private:
    void setUnavailable(const QString &reason);
    void granted(uint cookie);

    QString m_busAddress;
    QString m_connectionName;
    bool m_running = false;
    uint m_cookie = 0;
    quint64 m_request = 0; // answers to an older request (before a stop) are dropped
    QString m_unavailable;
};
