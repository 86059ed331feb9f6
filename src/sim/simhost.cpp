#include "simhost.h"

SimHost::SimHost(const SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_server(options, std::make_unique<SimWorld>(options))
    , m_rest(m_server, options.maxConnections)
{
    connect(&m_server, &SimServer::eventsPublished, &m_rest, &SimRestApi::eventsPublished);
    connect(&m_server, &SimServer::clientAuthenticated, this, &SimHost::clientAuthenticated);
    connect(&m_server, &SimServer::eventsPublished, this, &SimHost::eventsPublished);
    connect(&m_server, &SimServer::actionPerformed, this, &SimHost::actionPerformed);
}

SimHost::~SimHost()
{
    // As the server always has: its clients are closed before the fallback
    // (and with it the port's listener) goes.
    m_server.close();
}

bool SimHost::listen()
{
    if (!m_server.listen())
        return false;
    m_rest.bind(m_server.listener());
    return true;
}
