#include "benchserver.h"

#include "simhost.h"

#include <QObject>

#include <unistd.h>

BenchServer::BenchServer(const SimOptions &options)
    : m_options(options)
{
    m_thread.setObjectName(QStringLiteral("sim"));
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
}

BenchServer::~BenchServer()
{
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

bool BenchServer::start()
{
    bool ok = false;
    QMetaObject::invokeMethod(
        m_context,
        [this, &ok] {
            m_threadId = qint64(gettid());
            m_server = new SimHost(m_options);
            ok = m_server->listen();
            m_url = m_server->url();
            m_error = m_server->errorString();
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

void BenchServer::setLoadRate(double eventsPerSecond)
{
    QMetaObject::invokeMethod(
        m_context, [this, eventsPerSecond] { m_server->setLoadRate(eventsPerSecond); }, Qt::BlockingQueuedConnection);
}
