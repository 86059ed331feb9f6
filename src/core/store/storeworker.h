#pragma once

#include "localstore.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThread>

class QLockFile;

#include <functional>
#include <memory>
#include <optional>

// The profile's LocalStore on a thread of its own, so that the thread that
// uses it (the GUI's) never waits on SQLite, its locks or fsync. One worker
// per profile serves every user of the database (the outbox, the
// notification history, the command log). Jobs run one at a time in
// the order they were posted, on the worker thread, with the store as their
// argument; an answer comes back as a queued call on the context object's
// thread, and is dropped when that object is gone by then.
//
// The store is opened by the first job (open()) and closed when the worker is
// destroyed, after every job posted before that has run. While open, the
// worker holds a lock file beside the database: a second worker on the same
// database, in this process or another console's, fails to open, so that
// two consoles on one profile never deliver the same outbox.
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    struct OpenResult
    {
        bool ok = false;
        QString error; // why it failed; empty when it did not
        QString movedAsidePath; // a damaged file found at open and moved aside
    };

    explicit StoreWorker(QObject *parent = nullptr);
    ~StoreWorker() override;
    StoreWorker(const StoreWorker &) = delete;
    StoreWorker &operator=(const StoreWorker &) = delete;

    // Opens the database read-write; the answer comes as opened().
    void open(const QString &path);

    // Runs job on the worker thread and returns its result, blocking the
    // caller until then (after every job posted before it). For reads at
    // start-up only, before the window shows: a running console never waits.
    template<typename Result> Result callAndWait(std::function<Result(LocalStore &)> job)
    {
        std::optional<Result> result;
        post([&result, &job](LocalStore &store) { result = job(store); });
        waitForIdle();
        return std::move(*result);
    }

    // Runs job on the worker thread; fire and forget.
    void post(std::function<void(LocalStore &)> job);

    // Runs job on the worker thread, then done(result) on context's thread.
    template<typename Result>
    void call(std::function<Result(LocalStore &)> job, QObject *context, std::function<void(Result)> done)
    {
        QPointer<QObject> guard(context);
        post([job = std::move(job), guard, done = std::move(done)](LocalStore &store) {
            Result result = job(store);
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, done, result = std::move(result)] {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

    // Runs write on the worker thread, then done(error) on context's thread:
    // error is empty when the write succeeded, the store's reason when not.
    void write(std::function<bool(LocalStore &)> write, QObject *context, std::function<void(QString)> done);

    // Blocks until every job posted so far has run (for tests and shutdown only).
    void waitForIdle();

Q_SIGNALS:
    void opened(const StoreWorker::OpenResult &result);

private:
    void runOnThread(std::function<void()> job);

    QThread m_thread;
    QObject *m_home = nullptr; // lives on m_thread; jobs are queued calls to it
    std::unique_ptr<LocalStore> m_store; // created, used and destroyed on m_thread only
    std::unique_ptr<QLockFile> m_lock; // held while open: one console per profile
};
