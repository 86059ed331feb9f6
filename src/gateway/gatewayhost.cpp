#include "gatewayhost.h"

GatewayHost::GatewayHost(const GatewayOptions &options, std::unique_ptr<PlantSource> source, QObject *parent)
    : QObject(parent)
    , m_server(options, std::move(source))
    , m_rest(m_server, options.maxConnections)
{
    connect(&m_server, &GatewayServer::eventsPublished, &m_rest, &GatewayRestApi::eventsPublished);
    connect(&m_server, &GatewayServer::clientAuthenticated, this, &GatewayHost::clientAuthenticated);
    connect(&m_server, &GatewayServer::eventsPublished, this, &GatewayHost::eventsPublished);
    connect(&m_server, &GatewayServer::actionPerformed, this, &GatewayHost::actionPerformed);
}

GatewayHost::~GatewayHost()
{
    // As the server always has: its clients are closed before the fallback
    // (and with it the port's listener) goes.
    m_server.close();
}

bool GatewayHost::listen()
{
    if (!m_server.listen())
        return false;
    m_rest.bind(m_server.listener());
    return true;
}
