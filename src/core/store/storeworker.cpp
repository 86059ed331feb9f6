#include "storeworker.h"

#include <QLockFile>
#include <QSemaphore>

StoreWorker::StoreWorker(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<StoreWorker::OpenResult>();
    m_thread.setObjectName(QStringLiteral("watchfloor.store"));
    m_home = new QObject;
    m_home->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_home, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
    runOnThread([this] { m_store = std::make_unique<LocalStore>(); });
}

StoreWorker::~StoreWorker()
{
    // Queued after every job: they all run, then the store closes on its own thread.
    runOnThread([this] {
        m_store.reset();
        m_lock.reset();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
}

void StoreWorker::open(const QString &path)
{
    QPointer<StoreWorker> self(this);
    post([this, self, path](LocalStore &store) {
        OpenResult result;
        m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
        m_lock->setStaleLockTime(0); // only a dead holder's lock is stale, however old
        if (!m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host;
            QString application;
            m_lock->getLockInfo(&pid, &host, &application);
            result.error = tr("another Watchfloor console (process %1 on %2) is using this profile's database")
                               .arg(pid)
                               .arg(host);
            m_lock.reset();
        } else {
            result.ok = store.open(path);
            result.error = store.lastError();
            result.movedAsidePath = store.movedAsidePath();
        }
        QMetaObject::invokeMethod(
            this,
            [self, result] {
                if (self)
                    Q_EMIT self->opened(result);
            },
            Qt::QueuedConnection);
    });
}

void StoreWorker::post(std::function<void(LocalStore &)> job)
{
    // Before open(), or after it failed, the store is closed: every call fails cleanly.
    runOnThread([this, job = std::move(job)] { job(*m_store); });
}

void StoreWorker::write(std::function<bool(LocalStore &)> write, QObject *context, std::function<void(QString)> done)
{
    call<QString>(
        [write = std::move(write)](LocalStore &store) {
            if (write(store))
                return QString();
            return store.lastError().isEmpty() ? tr("the write failed") : store.lastError();
        },
        context, std::move(done));
}

void StoreWorker::runOnThread(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_home, std::move(job), Qt::QueuedConnection);
}

void StoreWorker::waitForIdle()
{
    QSemaphore done;
    runOnThread([&done] { done.release(); });
    done.acquire();
}
