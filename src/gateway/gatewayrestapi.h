#pragma once

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <list>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QHttpServerResponse;
class QTcpServer;
class QTcpSocket;
class GatewayBackend;

// The reference server's REST fallback under /api/v1, for consoles that
// cannot have the WebSocket: snapshots, a long-polled event journal,
// commands and alarm actions with the same tokens, roles, checks and
// publish path as the WebSocket, all asked of its GatewayBackend. It is the only
// class that touches QtHttpServer, a technical preview in Qt 6.4. Whoever
// composes it with its backend (GatewayHost) calls eventsPublished() whenever
// the backend's journal has numbered new events.
class GatewayRestApi : public QObject
{
    Q_OBJECT

public:
    // At most `maxPolls` long polls wait at once; more are answered 503.
    GatewayRestApi(GatewayBackend &backend, int maxPolls, QObject *parent = nullptr);
    ~GatewayRestApi() override;

    // Serves every connection `listener` passes on; QHttpServer takes the
    // listener over as its child.
    void bind(QTcpServer *listener);
    int waitingPolls() const { return int(m_polls.size()); }
    // The backend's, with `longPolls`: how many polls are waiting.
    QJsonObject stats() const;
    // The backend's journal has new events: waiting polls are answered once
    // the current burst of events is published.
    void eventsPublished() { schedulePolls(); }

    static constexpr int kMaxWaitSeconds = 30;

private:
    struct Caller
    {
        QString name;
        QString role;
    };
    struct Poll;

    void addRoutes();
    // A failure to answer with, or nothing when the request's token grants
    // `minimum` (and then `caller` is filled in); `type` names the request
    // in the refusal ("may not shelve alarms").
    std::optional<QHttpServerResponse> authorize(const QHttpServerRequest &request, const QString &minimum,
                                                 Caller *caller, const QString &type = {}) const;
    QHttpServerResponse perform(const QHttpServerRequest &request, const QString &type, QJsonObject fields);
    void onEventsRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    QHttpServerResponse eventsAfter(quint64 after) const;
    void schedulePolls();
    void servePolls();

    GatewayBackend &m_backend;
    int m_maxPolls;
    QHttpServer *m_http = nullptr;
    std::list<std::unique_ptr<Poll>> m_polls;
    QTimer m_wake; // answers waiting polls once the current burst of events is published
    QTimer m_expiry; // fires at the earliest poll deadline
};
