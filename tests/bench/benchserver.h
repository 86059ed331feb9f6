#pragma once

#include "simoptions.h"

#include <QString>
#include <QThread>

class QObject;
class SimHost;

// The reference server in a thread of its own, so that generating and
// sending the load does not take the console's GUI thread; on a machine
// with two cores each gets one.
class BenchServer
{
public:
    explicit BenchServer(const SimOptions &options);
    ~BenchServer();
    BenchServer(const BenchServer &) = delete;
    BenchServer &operator=(const BenchServer &) = delete;

    // Listens on a free loopback port; false with errorString().
    bool start();
    QString url() const { return m_url; }
    QString errorString() const { return m_error; }
    // The load mode's rate, set in the server's thread.
    void setLoadRate(double eventsPerSecond);
    // The kernel's id of the server's thread, for its CPU time.
    qint64 threadId() const { return m_threadId; }

private:
    SimOptions m_options;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread: work is queued to it
    SimHost *m_server = nullptr; // created, used and deleted in m_thread
    QString m_url;
    QString m_error;
    qint64 m_threadId = 0;
};
