#pragma once

#include "config/connectionsettings.h"
#include "protocol/decodeerror.h"
#include "protocol/messages.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// Follows one server over its REST fallback (docs/protocol.md, "REST
// fallback") when the WebSocket cannot be had: a snapshot of every channel,
// then the event journal by long polling, with the same typed messages the
// WebSocket would give. It never blocks: every request is a QNetworkReply
// with its own timeout.
class PollingClient : public QObject
{
    Q_OBJECT

public:
    explicit PollingClient(QObject *parent = nullptr);
    ~PollingClient() override;

    // The REST base is derived from settings.url: ws becomes http, wss https,
    // same host and port, path /api/v1.
    void setSettings(const ConnectionSettings &settings);
    const ConnectionSettings &settings() const { return m_settings; }
    static QUrl apiBaseFor(const QUrl &webSocketUrl);

    // Channels whose snapshots are handed on, in this order; "all" means
    // every channel the server reports. Default: drones.
    void setChannels(const QStringList &channels);
    QStringList channels() const { return m_channels; }

    // How long the server may hold a poll with nothing to report, 0..30 s
    // (default 25). With 0 the client asks once a second.
    void setWaitSeconds(int seconds);
    int waitSeconds() const { return m_waitSeconds; }

    // TLS for https, e.g. with an extra CA; by default the system CA store.
    // Certificate errors are never ignored.
    void setSslConfiguration(const QSslConfiguration &configuration);

    // The first start() after setSettings() fetches the snapshot; after a
    // stop() it picks up again after lastSeq(), and the server decides
    // whether those events are still kept (else a resync follows).
    void start();
    void stop();
    // Started and not stopped or failed, whether or not the server answers.
    bool isRunning() const { return m_running; }
    // Running and the server has answered since start(): events are flowing.
    bool isPolling() const { return m_running && m_live; }
    QString failureReason() const { return m_failureReason; }

    // The journal seq of the last event (or snapshot) handed on.
    quint64 lastSeq() const { return m_lastSeq; }
    // Polls the server answered with 200, empty ones included.
    quint64 pollsAnswered() const { return m_pollsAnswered; }
    int protocolErrorCount() const { return m_protocolErrors; }

    // As ConnectionService::request: `done` is called once with the server's
    // answer, or with the code "timeout" after settings().requestTimeoutMs,
    // or "offline" when the client is not running or the server cannot be
    // reached. `command`, `ack_alarm` and `shelve_alarm` are supported;
    // anything else fails with "unsupported". On failure `data` holds the
    // server's whole error object, so an interlock's `reason` is there.
    // Nothing is retried.
    using ResultHandler = std::function<void(const Protocol::Result &)>;
    void request(const QString &type, const QJsonObject &fields, ResultHandler done);

Q_SIGNALS:
    void messageReceived(const Protocol::Message &message);
    void protocolErrorOccurred(const Protocol::DecodeError &error);
    // The first answer since start() or since a failed poll was handed on (a snapshot, or events
    // when picking up after lastSeq()).
    void polling();
    // The server no longer has the events after lastSeq(); fresh snapshots follow.
    void resynced();
    // The server refused the token or its rights: the client has stopped.
    void failed(const QString &reason);
    // A request of the loop failed; the client retries after a backoff, and
    // polling() comes again with the next answer.
    void pollFailed(const QString &reason);
    // The server answered the loop (a snapshot or a poll, empty ones too).
    void answered();

private:
    struct Answer;
    using AnswerHandler = std::function<void(const Answer &)>;

    std::optional<QJsonObject> accept(const Answer &answer);
    QNetworkReply *send(const QByteArray &verb, const QUrl &url, const QByteArray &body, int timeoutMs,
                        AnswerHandler handler);
    QUrl endpoint(const QString &path) const;
    void fetchSnapshot();
    void onSnapshot(const Answer &answer);
    void poll();
    void onEvents(const Answer &answer);
    bool hand(QByteArrayView frame, bool skipOld);
    void reportError(const Protocol::DecodeError &error);
    void transientFailure(const QString &reason);
    void fail(const QString &reason);
    static Protocol::Result toResult(const Answer &answer, const QString &type, int timeoutMs);
    void goLive();
    void next(int delayMs = 0);
    void abortLoop();
    void failRequests(const QString &message);

    ConnectionSettings m_settings;
    QUrl m_base;
    QStringList m_channels;
    int m_waitSeconds = 25;
    QSslConfiguration m_ssl;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_loopReply;
    QHash<QNetworkReply *, ResultHandler> m_requests;
    QTimer m_retryTimer;
    bool m_running = false;
    bool m_live = false;
    bool m_needSnapshot = true; // nothing applied yet from this server, or it asked for a resync
    quint64 m_generation = 0; // bumped by start() and stop(): answers to an older run are ignored
    quint64 m_lastSeq = 0;
    quint64 m_pollsAnswered = 0;
    int m_attempt = 0;
    int m_protocolErrors = 0;
    QString m_failureReason;
};
