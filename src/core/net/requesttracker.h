#pragma once

#include "protocol/messages.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

// Correlates the requests sent on a link with their answers by id. It hands
// out the ids (one counter, increasing) and keeps what waits for an answer:
// the link's own requests (auth, subscriptions, ...) without a deadline, and
// callers' requests with one. It promises that each caller's handler is
// called exactly once: with the answer (resolve()), with a failure of code
// "timeout" once its deadline passed, or with the code the owner gives when
// the link is lost (failCallers()). The link's own handlers are only called
// with an answer. Lives on its owner's thread; deadlines are checked there
// every 100 ms while a caller waits.
class RequestTracker : public QObject
{
    Q_OBJECT

public:
    using ResultHandler = std::function<void(const Protocol::Result &)>;

    explicit RequestTracker(QObject *parent = nullptr);

    // A fresh id for a message whose answer nobody waits for.
    quint64 nextId() { return m_nextId++; }
    // A request of the link itself: `onAnswer` gets the answer, if one comes.
    quint64 track(ResultHandler onAnswer);
    // A caller's request of `type`: `done` gets the answer, or a timeout
    // failure after `timeoutMs`.
    quint64 trackCaller(const QString &type, int timeoutMs, ResultHandler done);

    // An answer came: calls the handler waiting for it. False when nothing
    // waits for this id (an answer to a request of an earlier link).
    bool resolve(const Protocol::Result &result);
    // Fails every caller's request now with `code` and `message`.
    void failCallers(const QString &code, const QString &message);
    // Forgets the link's own requests without calling them (a new link).
    void clear();

    bool isPending(quint64 id) const { return m_pending.contains(id); }
    qsizetype callersWaiting() const;

private:
    struct Pending
    {
        bool caller = false;
        QString type; // callers: what was asked, for the timeout message
        int timeoutMs = 0;
        ResultHandler done;
        QDeadlineTimer deadline;
    };

    void expire();

    quint64 m_nextId = 1;
    QHash<quint64, Pending> m_pending;
    QTimer m_expiryTimer;
};
