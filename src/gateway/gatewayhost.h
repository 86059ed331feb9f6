#pragma once

#include "gatewayrestapi.h"
#include "gatewayserver.h"

#include <memory>

#include <QObject>

// Contract: the gateway core as it runs over one plant source, and the one
// place that composes its two front ends: the WebSocket server (GatewayServer,
// which owns the source) and the REST fallback under /api/v1
// (GatewayRestApi, over the server as its GatewayBackend), on one port. Once listening, the fallback serves every
// connection on the port that is not a WebSocket upgrade; the server's new events wake the fallback's waiting polls. It
// offers the server's API, with the fallback's `longPolls` in stats(). On destruction the server closes first, then the
// fallback goes, then the server.
class GatewayHost : public QObject
{
    Q_OBJECT

public:
    GatewayHost(const GatewayOptions &options, std::unique_ptr<PlantSource> source, QObject *parent = nullptr);
    ~GatewayHost() override;

    // Starts listening; false with errorString() when the address is taken.
    bool listen();
    // Closes every client with 1001 (going away) and stops listening.
    void close() { m_server.close(); }

    GatewayServer &server() { return m_server; }
    const GatewayServer &server() const { return m_server; }

    quint16 port() const { return m_server.port(); }
    QString url() const { return m_server.url(); }
    QString errorString() const { return m_server.errorString(); }
    int clientCount() const { return m_server.clientCount(); }
    const PlantSource &source() const { return m_server.source(); }
    const GatewayAlarmBook &alarms() const { return m_server.alarms(); }
    // The server's, with `longPolls`: how many REST polls are waiting.
    QJsonObject stats() const { return m_rest.stats(); }
    std::optional<QString> roleForToken(const QString &token) const { return m_server.roleForToken(token); }
    QJsonObject snapshotAll() const { return m_server.snapshotAll(); }
    quint64 journalSeq() const { return m_server.journalSeq(); }
    std::optional<quint64> sessionSeq(const QString &sessionId) const { return m_server.sessionSeq(sessionId); }
    std::optional<QList<QJsonObject>> journalAfter(quint64 seq) const { return m_server.journalAfter(seq); }
    GatewayServer::Outcome perform(const QString &operatorName, const QString &type, const QJsonObject &request)
    {
        return m_server.perform(operatorName, type, request);
    }
    void setLoadRate(double eventsPerSecond) { m_server.setLoadRate(eventsPerSecond); }

Q_SIGNALS:
    // The server's signals, as GatewayServer documents them.
    void clientAuthenticated(const QString &operatorName);
    void eventsPublished();
    void actionPerformed(const QString &operatorName, const QString &type, const QJsonObject &request,
                         const QJsonObject &data, const QJsonObject &error, bool repeated);

private:
    GatewayServer m_server;
    GatewayRestApi m_rest; // after the server: goes first, before what it uses
};
