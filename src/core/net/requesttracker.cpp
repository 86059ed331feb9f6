#include "requesttracker.h"

#include <QCoreApplication>

#include <algorithm>

RequestTracker::RequestTracker(QObject *parent)
    : QObject(parent)
{
    m_expiryTimer.setInterval(100);
    connect(&m_expiryTimer, &QTimer::timeout, this, &RequestTracker::expire);
}

quint64 RequestTracker::track(ResultHandler onAnswer)
{
    const quint64 id = nextId();
    m_pending.insert(id, {false, {}, 0, std::move(onAnswer), {}});
    return id;
}

quint64 RequestTracker::trackCaller(const QString &type, int timeoutMs, ResultHandler done)
{
    const quint64 id = nextId();
    m_pending.insert(id, {true, type, timeoutMs, std::move(done), QDeadlineTimer(timeoutMs)});
    if (!m_expiryTimer.isActive())
        m_expiryTimer.start();
    return id;
}

bool RequestTracker::resolve(const Protocol::Result &result)
{
    const auto it = m_pending.find(result.id);
    if (it == m_pending.end())
        return false;
    const ResultHandler done = std::move(it->done);
    m_pending.erase(it);
    if (done)
        done(result);
    return true;
}

qsizetype RequestTracker::callersWaiting() const
{
    return std::count_if(m_pending.cbegin(), m_pending.cend(), [](const Pending &p) { return p.caller; });
}

void RequestTracker::expire()
{
    QList<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->caller && it->deadline.hasExpired()) {
            expired.append(std::move(*it));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    if (callersWaiting() == 0)
        m_expiryTimer.stop();
    for (const Pending &p : std::as_const(expired)) {
        Protocol::Result timedOut;
        timedOut.error = {QStringLiteral("timeout"),
                          QCoreApplication::translate("ConnectionService", "no answer to %1 within %2 s")
                              .arg(p.type)
                              .arg(p.timeoutMs / 1000.0)};
        if (p.done)
            p.done(timedOut);
    }
}

void RequestTracker::failCallers(const QString &code, const QString &message)
{
    QList<ResultHandler> handlers;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->caller) {
            handlers.append(std::move(it->done));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (const ResultHandler &done : std::as_const(handlers)) {
        Protocol::Result failed;
        failed.error = {code, message};
        if (done)
            done(failed);
    }
}

void RequestTracker::clear()
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (!it->caller)
            it = m_pending.erase(it);
        else
            ++it;
    }
}
