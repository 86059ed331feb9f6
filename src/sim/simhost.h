#pragma once

#include "simoptions.h"
#include "simrestapi.h"
#include "simserver.h"
#include "simworld.h"

#include <QObject>

// Contract: the reference server as it runs, and the one place that composes
// its two front ends over the simulated plant: the WebSocket server with the
// world as its source (SimServer over SimWorld) and the REST
// fallback under /api/v1 (SimRestApi, over the server as its SimBackend), on
// one port. Once listening, the fallback serves every connection on the port
// that is not a WebSocket upgrade; the server's new events wake the
// fallback's waiting polls. It offers the server's API, with the fallback's
// `longPolls` in stats(). On destruction the server closes first, then the
// fallback goes, then the server.
class SimHost : public QObject
{
    Q_OBJECT

public:
    explicit SimHost(const SimOptions &options, QObject *parent = nullptr);
    ~SimHost() override;

    // Starts listening; false with errorString() when the address is taken.
    bool listen();
    // Closes every client with 1001 (going away) and stops listening.
    void close() { m_server.close(); }

    SimServer &server() { return m_server; }
    const SimServer &server() const { return m_server; }

    quint16 port() const { return m_server.port(); }
    QString url() const { return m_server.url(); }
    QString errorString() const { return m_server.errorString(); }
    int clientCount() const { return m_server.clientCount(); }
    // The server's source, which is the simulated world it was made with.
    const SimWorld &world() const { return static_cast<const SimWorld &>(m_server.source()); }
    const SimFleet &fleet() const { return world().fleet(); }
    const SimAlarmBook &alarms() const { return m_server.alarms(); }
    // The server's, with `longPolls`: how many REST polls are waiting.
    QJsonObject stats() const { return m_rest.stats(); }
    std::optional<QString> roleForToken(const QString &token) const { return m_server.roleForToken(token); }
    QJsonObject snapshotAll() const { return m_server.snapshotAll(); }
    quint64 journalSeq() const { return m_server.journalSeq(); }
    std::optional<quint64> sessionSeq(const QString &sessionId) const { return m_server.sessionSeq(sessionId); }
    std::optional<QList<QJsonObject>> journalAfter(quint64 seq) const { return m_server.journalAfter(seq); }
    SimServer::Outcome perform(const QString &operatorName, const QString &type, const QJsonObject &request)
    {
        return m_server.perform(operatorName, type, request);
    }
    void setLoadRate(double eventsPerSecond) { m_server.setLoadRate(eventsPerSecond); }

Q_SIGNALS:
    // The server's signals, as SimServer documents them.
    void clientAuthenticated(const QString &operatorName);
    void eventsPublished();
    void actionPerformed(const QString &operatorName, const QString &type, const QJsonObject &request,
                         const QJsonObject &data, const QJsonObject &error, bool repeated);

private:
    SimServer m_server;
    SimRestApi m_rest; // after the server: goes first, before what it uses
};
