#pragma once

#include "gatewayalarmbook.h"
#include "gatewaybackend.h"
#include "gatewayclient.h"
#include "gatewayjournal.h"
#include "gatewaylistener.h"
#include "gatewayoperatoractions.h"
#include "gatewayoptions.h"
#include "gatewayratelimiter.h"
#include "gatewaysession.h"
#include "plantsource.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QWebSocket;
class QWebSocketServer;
class GatewayLoadGen;

// The gateway core's server: speaks the `watchfloor` dialect over WebSocket
// at ws://HOST:PORT/ws to any number of consoles, over a plant source it owns
// (the simulated plant, or a real one). It numbers every event per session,
// keeps recent ones for `resume`, applies subscription filters, keeps the
// alarm book the source's conditions feed, enforces the limits of
// docs/simulator.md, and never lets one misbehaving client affect another. It is the GatewayBackend of the
// REST fallback, which GatewayHost serves on the same port: everything on the
// port that is not a WebSocket upgrade goes to whoever binds listener().
class GatewayServer : public QObject, public GatewayBackend
{
    Q_OBJECT

public:
    GatewayServer(const GatewayOptions &options, std::unique_ptr<PlantSource> source, QObject *parent = nullptr);
    ~GatewayServer() override;

    // Starts listening; false with errorString() when the address is taken.
    bool listen();
    // The port's listener, for the REST fallback to bind once listening;
    // whoever binds it takes it over. Null once that owner has deleted it.
    GatewayListener *listener() const { return m_listener; }
    // Closes every client with 1001 (going away) and stops listening.
    void close();

    quint16 port() const;
    QString url() const;
    QString errorString() const { return m_error; }
    int clientCount() const { return int(m_clients.size()); }
    const PlantSource &source() const { return *m_source; }
    const GatewayAlarmBook &alarms() const { return m_alarms; }
    // Without the REST fallback's `longPolls`, which GatewayHost adds.
    QJsonObject stats() const override;

    // GatewayBackend, for the REST fallback.
    std::optional<QString> roleForToken(const QString &token) const override;
    QJsonObject snapshotAll() const override;
    quint64 journalSeq() const override { return m_restView.lastSeq(); }
    // The last seq a WebSocket session has numbered, for outside checkers
    // (watchfloor-chaos); nothing for an unknown session.
    std::optional<quint64> sessionSeq(const QString &sessionId) const
    {
        const auto session = m_sessions.value(sessionId);
        return session ? std::optional<quint64>(session->lastSeq()) : std::nullopt;
    }
    std::optional<QList<QJsonObject>> journalAfter(quint64 seq) const override
    {
        return m_restView.eventsAfter(seq, m_journal);
    }
    Outcome perform(const QString &operatorName, const QString &type, const QJsonObject &request) override;

    // The load mode (GatewayLoadGen, `--load-rate`): synthetic events per second
    // to each session; 0 stops it. Starts with GatewayOptions::loadRate.
    void setLoadRate(double eventsPerSecond);

Q_SIGNALS:
    void clientAuthenticated(const QString &operatorName);
    // publish() numbered new events into the journal.
    void eventsPublished();
    // An operator's `command`, `ack_alarm`, `shelve_alarm` or
    // `unshelve_alarm` was run (over WebSocket or REST), repeats included:
    // what was asked, and the answer (`data`, or `error` when refused);
    // `repeated` when an alarm action's request id had run before and the
    // answer came from memory, changing nothing. For outside checkers such
    // as watchfloor-chaos.
    void actionPerformed(const QString &operatorName, const QString &type, const QJsonObject &request,
                         const QJsonObject &data, const QJsonObject &error, bool repeated);

private:
    void onNewConnection();
    void onMessage(GatewayClient *client, const QString &text);
    void onTick();
    void dispatch(GatewayClient *client, const QString &type, const QJsonObject &request, const QJsonValue &id);
    void handleAuth(GatewayClient *client, const QJsonObject &request, const QJsonValue &id);
    void handleResume(GatewayClient *client, const QJsonObject &request, const QJsonValue &id);
    void handleSubscribe(GatewayClient *client, const QJsonObject &request, const QJsonValue &id, bool subscribe);
    void handleRefresh(GatewayClient *client, const QJsonValue &id);
    void handleBroadcast(GatewayClient *client, const QJsonObject &request, const QJsonValue &id);
    // A `command` or an alarm request, run by m_actions.
    void handleAction(GatewayClient *client, const QString &type, const QJsonObject &request, const QJsonValue &id);
    void sendOutcome(GatewayClient *client, const QJsonValue &id, const Outcome &outcome);
    void publishOutcome(const QString &operatorName, const Outcome &outcome);
    bool allowMessage(GatewayClient *client);
    // Refuses (forbidden) a request of `type` the session's role may not make, saying what it needed.
    bool requireRole(GatewayClient *client, const QJsonValue &id, const QString &minimum, const QString &type = {});
    void sendSnapshot(GatewayClient *client, const GatewaySession::Subscription &subscription);
    QJsonArray snapshotItems(const GatewaySession::Subscription &subscription) const;
    // A `presence` item: the client's operator, role, client name and since when.
    QJsonObject presenceItem(const GatewayClient &client) const;
    void publish(const PlantEvents &events);
    // Presence is counted per operator name and client: the first
    // connection of one announces `presence_changed` joined, the last one
    // to go announces it left. Connections of one name and client in
    // between change nothing on any console.
    void presenceArrived(const GatewayClient *client);
    void presenceLeft(const GatewayClient *client);
    // A session of `owner` began waiting for `resume`: the longest-waiting
    // sessions go until those waiting are within maxWaitingSessionsPerToken
    // for `owner` and maxWaitingSessions in all.
    void limitWaitingSessions(const QByteArray &owner);
    void publishActivity(const QString &operatorName, const QString &action, const QString &target);
    void removeClient(GatewayClient *client);
    GatewayClient *findClient(QWebSocket *socket);
    GatewayClient *clientOf(const GatewaySession *session);
    // Source time now: wall time since listen() × the source's timeScale().
    qint64 sourceMs() const;
    void onLoadDue(int events);

    GatewayOptions m_options;
    QWebSocketServer *m_server = nullptr;
    QPointer<GatewayListener> m_listener; // owned by the REST fallback's QHttpServer once bound
    std::vector<std::unique_ptr<GatewayClient>> m_clients;
    QHash<QString, std::shared_ptr<GatewaySession>> m_sessions;
    std::unique_ptr<PlantSource> m_source;
    GatewayAlarmBook m_alarms; // fed with the source's conditions
    qint64 m_lastSourceMs = 0; // source time of the last tick, the alarm book's now
    qint64 m_nextAlarmsMs = 0; // source time of the alarm book's next update
    GatewayOperatorActions m_actions; // on m_source and m_alarms
    QElapsedTimer m_clock;
    QTimer m_tick;
    QString m_error;
    qint64 m_nextHeartbeatMs = 0;
    qint64 m_messagesIn = 0;
    qint64 m_messagesOut = 0;
    struct RateSample
    {
        qint64 atMs;
        qint64 in;
        qint64 out;
    };
    QList<RateSample> m_rateSamples; // one a second, the last few seconds
    GatewayJournal m_journal; // every event any session was sent, once
    GatewaySession m_restView; // subscribed to every channel; numbers the journal for REST
    QHash<QString, int> m_present; // connections per operator name and client
    qint64 m_releasedAtMs = -1; // when a client or session last went, if since the memory was returned
    qint64 m_returnedAtMs = 0; // when memory was last returned to the system
    std::unique_ptr<GatewayLoadGen> m_load; // reads m_source
};
