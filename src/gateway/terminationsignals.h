#pragma once

#include <QObject>

#include <functional>

class QSocketNotifier;

// Contract: SIGINT and SIGTERM end a server program cleanly. watch() installs
// handlers that only wake the event loop (the one async-signal-safe way);
// the first signal then runs `shutdown` once on the event loop — close the
// consoles with 1001, say goodbye to a broker — and quits the application.
// One per process; false (with a message on stderr naming `program`) when
// the signals cannot be watched, and the program then stops the hard way.
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    static bool watch(const char *program, std::function<void()> shutdown, QObject *parent);

private:
    TerminationSignals(int fd, std::function<void()> shutdown, QObject *parent);

    QSocketNotifier *m_notifier = nullptr;
    std::function<void()> m_shutdown;
};
