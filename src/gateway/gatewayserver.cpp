// The server's side of the `watchfloor` dialect: admitting a connection,
// one handler per request type, publishing to sessions and the periodic
// tick. It is longer than most files because the handlers share the client
// registry and the sessions, which a split would only pass around; framing
// lives in GatewayClient, operators' actions in GatewayOperatorActions, rate limits
// in GatewayRateLimiter, numbering and replay in GatewaySession.
#include "gatewayserver.h"

#include "gatewaychannels.h"
#include "gatewayloadgen.h"
#include "wiretime.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <cmath>

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcGateway, "watchfloor.server")

namespace {

constexpr int kCloseUnauthorized = 4001;
constexpr qint64 kTickMs = 50;
// The alarm book takes the source's conditions once a second of source time.
constexpr qint64 kAlarmsMs = 1000;
// Load frames a console has not read yet, beyond which it gets no more.
constexpr qint64 kLoadBacklogBytes = 8 * 1024 * 1024;
// Operators listed in a `presence` snapshot at most; `total` says how many
// there are. Changes after it come one by one as `presence_changed`.
constexpr qsizetype kPresenceSnapshotLimit = 200;

// Hands memory freed by gone consoles and sessions back to the system. glibc
// keeps freed small blocks in its heaps otherwise, and a server that once
// held a thousand consoles would stay that size after they left.
void returnFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

QString presenceKey(const QString &operatorName, const QString &clientName)
{
    return operatorName + u'\x1f' + clientName;
}

} // namespace

GatewayServer::GatewayServer(const GatewayOptions &options, std::unique_ptr<PlantSource> source, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_server(new QWebSocketServer(options.serverName, QWebSocketServer::NonSecureMode, this))
    , m_listener(new GatewayListener(this))
    , m_source(std::move(source))
    , m_actions(*m_source, m_alarms)
    , m_journal(GatewayJournal::Limits {options.replayEvents, options.replayAgeMs})
    , m_restView(QStringLiteral("rest"), QByteArray(), QString(), QString(),
                 GatewaySession::Limits {options.replayEvents, options.replayAgeMs})
    , m_load(std::make_unique<GatewayLoadGen>(*m_source, 1))
{
    m_load->setFrameInterval(options.loadFrameMs);
    connect(m_load.get(), &GatewayLoadGen::due, this, &GatewayServer::onLoadDue);
    for (const QString &channel : GatewayChannels::channels())
        m_restView.subscribe({channel, {}});
    if (m_options.tls()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(m_options.tlsCertificate);
        tls.setPrivateKey(m_options.tlsKey);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // consoles authenticate with tokens, not certificates
        m_listener->setTlsConfiguration(tls);
    }
    m_listener->setHeadTimeoutMs(m_options.authTimeoutMs);
    m_listener->setTokenCheck(
        [this](const QByteArray &token) { return roleForToken(QString::fromUtf8(token)).has_value(); });
    m_listener->setMaxBodyBytes(m_options.maxBodyBytes);
    // Our listener sorts out WebSocket upgrades and hands them over here, so
    // this server never listens itself but keeps its subprotocol and limits.
    connect(m_listener, &GatewayListener::webSocketUpgradeReceived, m_server, [this](QTcpSocket *socket) {
        // Live events go out as they are due: Nagle's algorithm would
        // hold a frame's last segment until the console's delayed
        // ACK, adding tens of milliseconds.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_server->handleConnection(socket);
    });
    m_server->setSupportedSubprotocols({QStringLiteral("watchfloor.v1")});
    // Refuse beyond the limit ourselves (with 1013), so let Qt queue them all.
    m_server->setMaxPendingConnections(std::max(30, m_options.maxConnections * 2));
    connect(m_server, &QWebSocketServer::newConnection, this, &GatewayServer::onNewConnection);
    m_tick.setInterval(int(kTickMs));
    connect(&m_tick, &QTimer::timeout, this, &GatewayServer::onTick);
}

GatewayServer::~GatewayServer()
{
    close();
}

bool GatewayServer::listen()
{
    if (!m_listener->listen(m_options.host, m_options.port)) {
        m_error = m_listener->errorString();
        return false;
    }
    m_clock.start();
    m_nextHeartbeatMs = m_options.heartbeatMs;
    m_tick.start();
    if (m_options.loadRate > 0.0)
        setLoadRate(m_options.loadRate);
    qCInfo(lcGateway).noquote().nospace() << "event=listening url=" << url();
    return true;
}

void GatewayServer::close()
{
    m_tick.stop();
    m_load->setRate(0.0);
    for (const auto &client : m_clients) {
        client->socket()->disconnect(this);
        GatewayClient::closeAndDispose(client->socket(), QWebSocketProtocol::CloseCodeGoingAway,
                                       QStringLiteral("server shutting down"));
    }
    m_clients.clear();
    if (m_listener)
        m_listener->close();
}

quint16 GatewayServer::port() const
{
    return m_listener->serverPort();
}

QString GatewayServer::url() const
{
    return QStringLiteral("%1://%2:%3/ws")
        .arg(m_listener->isSecure() ? QStringLiteral("wss") : QStringLiteral("ws"),
             m_listener->serverAddress().toString())
        .arg(port());
}

qint64 GatewayServer::sourceMs() const
{
    return qint64(double(m_clock.elapsed()) * m_source->timeScale());
}

void GatewayServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxFrameBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxFrameBytes));
        if (socket->requestUrl().path() != u"/ws") {
            GatewayClient::closeAndDispose(socket, QWebSocketProtocol::CloseCodePolicyViolated,
                                           QStringLiteral("the WebSocket is at /ws"));
            continue;
        }
        if (int(m_clients.size()) >= m_options.maxConnections) {
            qCInfo(lcGateway).noquote().nospace()
                << "event=refused peer=" << socket->peerAddress().toString() << " reason=max-connections";
            GatewayClient::closeAndDispose(socket, 1013, QStringLiteral("too many connections, try again later"));
            continue;
        }

        auto client = std::make_unique<GatewayClient>(socket, m_options.maxSendBufferBytes);
        GatewayClient *c = client.get();
        c->connectedAtMs = c->lastHeardMs = m_clock.elapsed();
        c->limiter = GatewayRateLimiter(m_options.messageBurst, m_options.messagesPerSecond, c->connectedAtMs);
        c->authTimer = std::make_unique<QTimer>();
        c->authTimer->setSingleShot(true);
        // A sign-in that came too late says nothing about the token: it gets
        // its own code, which consoles take as transient (4001 is kept for a
        // refused token). The reason names the deadline actually in force.
        constexpr int kCloseSignInTimeout = 4008;
        connect(c->authTimer.get(), &QTimer::timeout, this, [c, deadlineMs = m_options.authTimeoutMs] {
            c->closeWith(kCloseSignInTimeout, QStringLiteral("sign-in timeout: no auth within %1 ms").arg(deadlineMs));
        });
        c->authTimer->start(m_options.authTimeoutMs);
        m_clients.push_back(std::move(client));

        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
            if (GatewayClient *found = findClient(socket))
                onMessage(found, text);
        });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket](const QByteArray &bytes) {
            if (GatewayClient *found = findClient(socket))
                onMessage(found, QString::fromUtf8(bytes));
        });
        connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray &) {
            if (GatewayClient *found = findClient(socket))
                found->lastHeardMs = m_clock.elapsed();
        });
        // Closing can happen deep inside our own handling of the client's
        // message (a refused token, a flood); remove it only once that is over.
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            GatewayClient *found = findClient(socket);
            if (!found || found->isGone())
                return;
            found->markGone();
            qCInfo(lcGateway).noquote().nospace()
                << "event=closed peer=" << socket->peerAddress().toString() << ':' << socket->peerPort()
                << " code=" << int(socket->closeCode()) << " reason=\"" << socket->closeReason() << '"';
            if (found->session) {
                found->session->detachedAtMs = m_clock.elapsed();
                limitWaitingSessions(found->session->owner());
            }
            QMetaObject::invokeMethod(
                this,
                [this, socket] {
                    if (GatewayClient *leaving = findClient(socket))
                        removeClient(leaving);
                },
                Qt::QueuedConnection);
        });

        c->send({{QLatin1StringView("type"), QStringLiteral("hello")},
                 {QLatin1StringView("protocol"), 1},
                 {QLatin1StringView("server"), QStringLiteral("watchfloor-sim " WATCHFLOOR_VERSION)},
                 {QLatin1StringView("authRequired"), !m_options.tokens.isEmpty()},
                 {QLatin1StringView("heartbeatMs"), m_options.heartbeatMs}});
    }
}

bool GatewayServer::allowMessage(GatewayClient *client)
{
    switch (client->limiter.take(m_clock.elapsed())) {
    case GatewayRateLimiter::Verdict::Allowed:
        return true;
    case GatewayRateLimiter::Verdict::Abusive: // refusing costs little, but this client keeps pushing: it goes
        client->closeWith(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("message rate limit"));
        return false;
    case GatewayRateLimiter::Verdict::Refused:
        break;
    }
    client->sendError(
        QStringLiteral("rate_limited"),
        QStringLiteral("more than %1 messages per second; this one was dropped").arg(m_options.messagesPerSecond));
    return false;
}

void GatewayServer::onMessage(GatewayClient *client, const QString &text)
{
    if (client->isGone() || client->isClosing())
        return;
    ++m_messagesIn;
    client->lastHeardMs = m_clock.elapsed();
    if (!allowMessage(client))
        return;

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    const QJsonObject request = doc.object();
    const QJsonValue type = request.value(QLatin1StringView("type"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !type.isString()) {
        if (++client->malformedStreak >= m_options.malformedLimit) {
            client->closeWith(QWebSocketProtocol::CloseCodeWrongDatatype,
                              QStringLiteral("%1 malformed messages in a row").arg(client->malformedStreak));
            return;
        }
        client->sendError(
            QStringLiteral("bad_request"),
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)
                : QStringLiteral("a request must be a JSON object with a \"type\" string"));
        return;
    }
    client->malformedStreak = 0;
    dispatch(client, type.toString(), request, request.value(QLatin1StringView("id")));
    m_messagesOut += client->flush();
}

void GatewayServer::dispatch(GatewayClient *client, const QString &type, const QJsonObject &request,
                             const QJsonValue &id)
{
    if (type == u"ping") {
        client->queue({{QLatin1StringView("type"), QStringLiteral("pong")}, {QLatin1StringView("id"), id}});
        return;
    }
    if (type == u"auth") {
        handleAuth(client, request, id);
        return;
    }
    if (!client->session) {
        client->queueRefusal(id, QStringLiteral("unauthorized"), QStringLiteral("authenticate first"));
        return;
    }
    if (type == u"resume") {
        handleResume(client, request, id);
    } else if (type == u"subscribe" || type == u"unsubscribe") {
        handleSubscribe(client, request, id, type == u"subscribe");
    } else if (type == u"request_data_refresh") {
        handleRefresh(client, id);
    } else if (type == u"command" || type == u"ack_alarm" || type == u"shelve_alarm" || type == u"unshelve_alarm") {
        if (requireRole(client, id, QStringLiteral("operator"), type))
            handleAction(client, type, request, id);
    } else if (type == u"stats") {
        if (requireRole(client, id, QStringLiteral("admin")))
            client->queueResult(id, stats());
    } else if (type == u"dashboard_refresh") {
        // Tells every console its views are out of date (after a bulk change
        // on the plant side); they answer with request_data_refresh.
        if (requireRole(client, id, QStringLiteral("admin"))) {
            client->queueResult(id, {});
            publish({{{}, {}, {{QLatin1StringView("type"), QStringLiteral("dashboard_refresh")}}}});
            publishActivity(client->session->operatorName(), QStringLiteral("dashboard_refresh"), {});
        }
    } else if (type == u"broadcast") {
        if (requireRole(client, id, QStringLiteral("admin")))
            handleBroadcast(client, request, id);
    } else {
        client->queueRefusal(id, QStringLiteral("bad_request"),
                             QStringLiteral("unknown request type \"%1\"").arg(type));
    }
}

bool GatewayServer::requireRole(GatewayClient *client, const QJsonValue &id, const QString &minimum,
                                const QString &type)
{
    if (roleAllows(client->session->role(), minimum))
        return true;
    client->queueRefusal(id, QStringLiteral("forbidden"),
                         QStringLiteral("the role %1 may not %2; it needs the role %3")
                             .arg(client->session->role(), GatewayBackend::actionWords(type), minimum));
    return false;
}

void GatewayServer::handleAuth(GatewayClient *client, const QJsonObject &request, const QJsonValue &id)
{
    if (client->session) {
        client->queueRefusal(id, QStringLiteral("bad_request"), QStringLiteral("already authenticated"));
        return;
    }
    const QString token = request.value(QLatin1StringView("token")).toString();
    QString role = QStringLiteral("operator");
    if (!m_options.tokens.isEmpty()) {
        const auto it = m_options.tokens.constFind(token);
        if (it == m_options.tokens.cend()) {
            client->queueRefusal(id, QStringLiteral("unauthorized"), QStringLiteral("invalid token"));
            m_messagesOut += client->flush();
            client->closeWith(kCloseUnauthorized, QStringLiteral("invalid token"));
            return;
        }
        role = *it;
    }
    client->authTimer->stop();
    QString operatorName = request.value(QLatin1StringView("operator")).toString().left(64);
    if (operatorName.isEmpty())
        operatorName = QStringLiteral("anonymous");
    client->clientName = request.value(QLatin1StringView("client")).toString().left(64);
    // Session ids are "s-" and 122 random bits (a version-4 UUID): no id can
    // be guessed from another, and none of an earlier run names one of this.
    const QString sessionId = QStringLiteral("s-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray owner = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    client->session = std::make_shared<GatewaySession>(
        sessionId, owner, operatorName, role, GatewaySession::Limits {m_options.replayEvents, m_options.replayAgeMs});
    m_sessions.insert(sessionId, client->session);
    client->queueResult(id,
                        {{QLatin1StringView("sessionId"), sessionId},
                         {QLatin1StringView("role"), role},
                         {QLatin1StringView("serverTime"), wireTimestamp(QDateTime::currentDateTimeUtc())}});
    qCInfo(lcGateway).noquote().nospace()
        << "event=session id=" << sessionId << " operator=\"" << operatorName << "\" role=" << role;
    Q_EMIT clientAuthenticated(operatorName);
    presenceArrived(client);
}

void GatewayServer::limitWaitingSessions(const QByteArray &owner)
{
    // Drops the longest-waiting sessions (of `only`, or of everyone) beyond `cap`.
    const auto dropBeyond = [this](qsizetype cap, const QByteArray *only) {
        QList<std::shared_ptr<GatewaySession>> waiting;
        for (const auto &session : std::as_const(m_sessions)) {
            if (session->detachedAtMs >= 0 && (!only || session->owner() == *only))
                waiting.append(session);
        }
        if (waiting.size() <= cap)
            return;
        std::sort(waiting.begin(), waiting.end(),
                  [](const auto &a, const auto &b) { return a->detachedAtMs < b->detachedAtMs; });
        for (qsizetype i = 0; i < waiting.size() - cap; ++i) {
            qCInfo(lcGateway).noquote().nospace()
                << "event=session-dropped id=" << waiting.at(i)->id() << " reason=max-waiting-sessions";
            m_sessions.remove(waiting.at(i)->id());
        }
        m_releasedAtMs = m_clock.elapsed();
    };
    dropBeyond(m_options.maxWaitingSessionsPerToken, &owner);
    dropBeyond(m_options.maxWaitingSessions, nullptr);
}

void GatewayServer::handleResume(GatewayClient *client, const QJsonObject &request, const QJsonValue &id)
{
    const QString sessionId = request.value(QLatin1StringView("sessionId")).toString();
    const QJsonValue lastSeqValue = request.value(QLatin1StringView("lastSeq"));
    if (!lastSeqValue.isDouble() || lastSeqValue.toDouble() < 0) {
        client->queueRefusal(id, QStringLiteral("bad_request"),
                             QStringLiteral("lastSeq must be a non-negative number"));
        return;
    }
    const auto old = m_sessions.value(sessionId);
    // A session belongs to whoever opened it: the same credential, for the
    // same operator with the same role. Another token claiming the name
    // neither takes the session over nor closes its console.
    const bool sameOwner = old && old->owner() == client->session->owner()
        && old->operatorName() == client->session->operatorName() && old->role() == client->session->role();
    const auto replay = sameOwner ? old->eventsAfter(quint64(lastSeqValue.toInteger()), m_journal) : std::nullopt;
    if (!replay) {
        client->queueRefusal(
            id, QStringLiteral("resync_required"),
            old ? QStringLiteral("the events after %1 are no longer kept").arg(lastSeqValue.toInteger())
                : QStringLiteral("unknown session \"%1\"").arg(sessionId));
        return;
    }
    if (GatewayClient *other = clientOf(old.get()); other && other != client) {
        presenceLeft(other);
        other->session.reset();
        other->closeWith(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("session resumed elsewhere"));
    }
    m_sessions.remove(client->session->id());
    client->session = old;
    old->detachedAtMs = -1;
    client->queueResult(id,
                        {{QLatin1StringView("sessionId"), old->id()}, {QLatin1StringView("replayed"), replay->size()}});
    for (const QJsonObject &event : *replay)
        client->queue(event);
}

void GatewayServer::handleSubscribe(GatewayClient *client, const QJsonObject &request, const QJsonValue &id,
                                    bool subscribe)
{
    const QString channel = request.value(QLatin1StringView("channel")).toString();
    if (channel != u"all" && !GatewayChannels::isChannel(channel)) {
        client->queueRefusal(id, QStringLiteral("bad_request"), QStringLiteral("unknown channel \"%1\"").arg(channel));
        return;
    }
    QSet<QString> keys;
    for (const char *filter : {"serials", "machineIds", "tileIds", "endpointIds", "commandIds"}) {
        const QJsonValue v = request.value(QLatin1StringView(filter));
        if (v.isUndefined())
            continue;
        if (!v.isArray()) {
            client->queueRefusal(id, QStringLiteral("bad_request"),
                                 QStringLiteral("%1 must be an array").arg(QLatin1StringView(filter)));
            return;
        }
        for (const auto &key : v.toArray())
            keys.insert(key.isString() ? key.toString() : QString::number(key.toInteger()));
    }

    GatewaySession &session = *client->session;
    const QStringList channels = channel == u"all" ? GatewayChannels::channels() : QStringList {channel};
    if (!subscribe) {
        for (const QString &c : channels)
            session.unsubscribe({c, keys});
        client->queueResult(id, {});
        return;
    }
    if (session.subscriptions().size() + channels.size() > m_options.maxSubscriptions) {
        client->queueRefusal(id, QStringLiteral("too_many_subscriptions"),
                             QStringLiteral("at most %1 subscriptions per client").arg(m_options.maxSubscriptions));
        return;
    }
    QList<GatewaySession::Subscription> added;
    for (const QString &c : channels) {
        if (session.subscribe({c, keys}))
            added.append({c, keys});
    }
    // Result, snapshots and the live stream follow each other with nothing in
    // between: all of this happens in one pass of the event loop.
    client->queueResult(id, {});
    for (const auto &subscription : std::as_const(added))
        sendSnapshot(client, subscription);
}

void GatewayServer::handleRefresh(GatewayClient *client, const QJsonValue &id)
{
    client->queueResult(id, {});
    for (const auto &subscription : client->session->subscriptions())
        sendSnapshot(client, subscription);
}

void GatewayServer::handleBroadcast(GatewayClient *client, const QJsonObject &request, const QJsonValue &id)
{
    const QString message = request.value(QLatin1StringView("message")).toString();
    const QString level = request.value(QLatin1StringView("level")).toString(QStringLiteral("info"));
    if (message.isEmpty() || (level != u"info" && level != u"warning" && level != u"error")) {
        client->queueRefusal(id, QStringLiteral("bad_request"),
                             QStringLiteral("broadcast needs a message and a level of info, warning or error"));
        return;
    }
    client->queueResult(id, {});
    publish({{QStringLiteral("alarms"),
              {},
              {{QLatin1StringView("type"), QStringLiteral("system_alert")},
               {QLatin1StringView("level"), level},
               {QLatin1StringView("message"), message.left(500)},
               {QLatin1StringView("timestamp"), wireTimestamp(QDateTime::currentDateTimeUtc())}}}});
    publishActivity(client->session->operatorName(), QStringLiteral("broadcast"), message.left(80));
}

void GatewayServer::handleAction(GatewayClient *client, const QString &type, const QJsonObject &request,
                                 const QJsonValue &id)
{
    const Outcome outcome = m_actions.run(client->session->operatorName(), type, request, m_lastSourceMs);
    sendOutcome(client, id, outcome);
    Q_EMIT actionPerformed(client->session->operatorName(), type, request, outcome.data, outcome.error,
                           outcome.repeated);
    publishOutcome(client->session->operatorName(), outcome);
}

GatewayServer::Outcome GatewayServer::perform(const QString &operatorName, const QString &type,
                                              const QJsonObject &request)
{
    const Outcome outcome = m_actions.run(operatorName, type, request, m_lastSourceMs);
    Q_EMIT actionPerformed(operatorName, type, request, outcome.data, outcome.error, outcome.repeated);
    publishOutcome(operatorName, outcome);
    return outcome;
}

void GatewayServer::sendOutcome(GatewayClient *client, const QJsonValue &id, const Outcome &outcome)
{
    if (outcome.error.isEmpty())
        client->queueResult(id, outcome.data);
    else
        client->queueRefusal(id, outcome.error);
}

void GatewayServer::publishOutcome(const QString &operatorName, const Outcome &outcome)
{
    publish(outcome.events);
    if (!outcome.activity.isEmpty())
        publishActivity(operatorName, outcome.activity, outcome.target);
}

QJsonArray GatewayServer::snapshotItems(const GatewaySession::Subscription &subscription) const
{
    if (subscription.channel == u"alarms")
        return m_alarms.snapshot();
    if (subscription.channel != u"presence")
        return m_source->snapshot(subscription.channel, subscription.keys);
    // One item per operator name and client, for its first connection.
    QJsonArray operators;
    QSet<QString> listed;
    for (const auto &client : m_clients) {
        if (!client->session || client->isGone())
            continue;
        if (operators.size() >= kPresenceSnapshotLimit)
            break;
        const QString key = presenceKey(client->session->operatorName(), client->clientName);
        if (listed.contains(key))
            continue;
        listed.insert(key);
        operators.append(presenceItem(*client));
    }
    return operators;
}

QJsonObject GatewayServer::presenceItem(const GatewayClient &client) const
{
    return {
        {QLatin1StringView("name"), client.session->operatorName()},
        {QLatin1StringView("role"), client.session->role()},
        {QLatin1StringView("since"),
         wireTimestamp(QDateTime::currentDateTimeUtc().addMSecs(client.connectedAtMs - m_clock.elapsed()))},
        {QLatin1StringView("client"), client.clientName},
    };
}

void GatewayServer::sendSnapshot(GatewayClient *client, const GatewaySession::Subscription &subscription)
{
    QJsonObject body {{QLatin1StringView("type"), QStringLiteral("snapshot")},
                      {QLatin1StringView("channel"), subscription.channel},
                      {QLatin1StringView("items"), snapshotItems(subscription)}};
    if (subscription.channel == u"presence")
        body.insert(QLatin1StringView("total"), qsizetype(m_present.size()));
    client->queue(client->session->stampOwn(body, QDateTime::currentMSecsSinceEpoch()));
}

void GatewayServer::publish(const PlantEvents &events)
{
    if (events.isEmpty())
        return;
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    QHash<const GatewaySession *, GatewayClient *> clients;
    for (const auto &client : m_clients) {
        if (client->session && !client->isGone())
            clients.insert(client->session.get(), client.get());
    }
    // Detached sessions are numbered too, so a console that comes back with
    // `resume` gets everything it missed. The REST view follows the
    // channels, not the rooms: REST consoles poll what `all` carries. An
    // event nobody wants is not kept.
    QList<GatewaySession *> wanting;
    for (const PlantEvent &event : events) {
        wanting.clear();
        for (const auto &session : std::as_const(m_sessions)) {
            if (session->wants(event))
                wanting.append(session.get());
        }
        const bool rest = m_restView.wants(event);
        if (wanting.isEmpty() && !rest)
            continue;
        const GatewayJournal::Entry entry = m_journal.append(event, wallMs);
        for (GatewaySession *session : std::as_const(wanting)) {
            const QJsonObject message = session->stamp(entry);
            if (GatewayClient *client = clients.value(session))
                client->queue(message);
        }
        if (rest)
            m_restView.stamp(entry);
    }
    Q_EMIT eventsPublished();
}

void GatewayServer::presenceArrived(const GatewayClient *client)
{
    int &connections = m_present[presenceKey(client->session->operatorName(), client->clientName)];
    if (++connections > 1)
        return;
    publish({{QStringLiteral("presence"),
              {},
              {{QLatin1StringView("type"), QStringLiteral("presence_changed")},
               {QLatin1StringView("joined"), QJsonArray {presenceItem(*client)}},
               {QLatin1StringView("left"), QJsonArray {}}}}});
}

void GatewayServer::presenceLeft(const GatewayClient *client)
{
    const QString key = presenceKey(client->session->operatorName(), client->clientName);
    const auto it = m_present.find(key);
    if (it == m_present.end() || --*it > 0)
        return;
    m_present.erase(it);
    const QJsonObject leaving {{QLatin1StringView("name"), client->session->operatorName()},
                               {QLatin1StringView("client"), client->clientName}};
    publish({{QStringLiteral("presence"),
              {},
              {{QLatin1StringView("type"), QStringLiteral("presence_changed")},
               {QLatin1StringView("joined"), QJsonArray {}},
               {QLatin1StringView("left"), QJsonArray {leaving}}}}});
}

void GatewayServer::publishActivity(const QString &operatorName, const QString &action, const QString &target)
{
    publish({{QStringLiteral("presence"),
              {},
              {{QLatin1StringView("type"), QStringLiteral("user_activity")},
               {QLatin1StringView("operator"), operatorName},
               {QLatin1StringView("action"), action},
               {QLatin1StringView("target"), target},
               {QLatin1StringView("timestamp"), wireTimestamp(QDateTime::currentDateTimeUtc())}}}});
}

void GatewayServer::onTick()
{
    const qint64 now = m_clock.elapsed();
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    m_lastSourceMs = sourceMs();
    PlantEvents events = m_source->advance(m_lastSourceMs, wallNow);
    if (m_lastSourceMs >= m_nextAlarmsMs) {
        // Missed periods are skipped, not caught up in a burst.
        m_nextAlarmsMs += kAlarmsMs * ((m_lastSourceMs - m_nextAlarmsMs) / kAlarmsMs + 1);
        events.append(m_alarms.update(m_source->conditions(), m_lastSourceMs, wallNow));
        events.append(m_alarms.expireShelving(m_lastSourceMs));
    }
    publish(events);

    if (now >= m_nextHeartbeatMs) {
        m_nextHeartbeatMs = now + m_options.heartbeatMs;
        for (const auto &client : m_clients) {
            if (client->isGone())
                continue;
            // A console silent for two periods (not even a pong) is gone.
            if (now - client->lastHeardMs > 2 * qint64(m_options.heartbeatMs))
                client->socket()->abort();
            else
                client->socket()->ping();
        }
    }

    if (m_rateSamples.isEmpty() || now - m_rateSamples.last().atMs >= 1000) {
        m_rateSamples.append({now, m_messagesIn, m_messagesOut});
        if (m_rateSamples.size() > 6)
            m_rateSamples.removeFirst();
        const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
        m_journal.prune(wallMs);
        m_restView.prune(m_journal, wallMs);
        for (auto it = m_sessions.begin(); it != m_sessions.end();) {
            (*it)->prune(m_journal, wallMs);
            const bool expired = (*it)->detachedAtMs >= 0 && now - (*it)->detachedAtMs > m_options.replayAgeMs;
            if (expired)
                m_releasedAtMs = now;
            it = expired ? m_sessions.erase(it) : std::next(it);
        }
        // Once the releases have paused for a second (the sockets they
        // deleted later are gone too), or every 10 s while they go on.
        if (m_releasedAtMs >= 0 && (now - m_releasedAtMs >= 1000 || now - m_returnedAtMs >= 10000)) {
            returnFreedMemory();
            m_returnedAtMs = now;
            m_releasedAtMs = -1;
        }
    }

    for (const auto &client : m_clients)
        m_messagesOut += client->flush();
}

void GatewayServer::setLoadRate(double eventsPerSecond)
{
    m_load->setRate(eventsPerSecond);
}

void GatewayServer::onLoadDue(int events)
{
    // Load frames stop at half a console's send-buffer bound, so the load
    // alone never has a console dropped (4009): its real events do.
    const qint64 backlog = std::min(kLoadBacklogBytes, m_options.maxSendBufferBytes / 2);
    QList<const GatewaySession *> alive;
    for (const auto &client : m_clients) {
        if (client->isGone() || client->isClosing() || !client->session)
            continue;
        alive.append(client->session.get());
        // A console that does not keep up gets no more than its socket
        // holds: what it misses was never offered, and the server stays small.
        if (client->unsentBytes() > backlog)
            continue;
        m_messagesOut += client->flush(); // what is queued has the lower numbers
        m_messagesOut
            += m_load->feed(*client->session, events, [&client](const QByteArray &frame) { client->sendFrame(frame); });
    }
    m_load->retain(alive);
}

std::optional<QString> GatewayServer::roleForToken(const QString &token) const
{
    if (m_options.tokens.isEmpty())
        return QStringLiteral("operator");
    const auto it = m_options.tokens.constFind(token);
    if (it == m_options.tokens.cend())
        return std::nullopt;
    return *it;
}

QJsonObject GatewayServer::snapshotAll() const
{
    QJsonObject channels;
    for (const QString &channel : GatewayChannels::channels())
        channels.insert(channel, snapshotItems({channel, {}}));
    return {{QLatin1StringView("seq"), qint64(m_restView.lastSeq())}, {QLatin1StringView("channels"), channels}};
}

QJsonObject GatewayServer::stats() const
{
    qsizetype subscriptions = 0;
    qsizetype replayDepth = 0;
    qint64 sendBuffer = 0;
    for (const auto &client : m_clients)
        sendBuffer = std::max(sendBuffer, client->unsentBytes());
    for (const auto &session : m_sessions) {
        subscriptions += session->subscriptions().size();
        replayDepth = std::max(replayDepth, session->replayDepth());
    }
    double inRate = 0.0;
    double outRate = 0.0;
    if (m_rateSamples.size() >= 2) {
        const RateSample &a = m_rateSamples.first();
        const RateSample &b = m_rateSamples.last();
        const double seconds = double(b.atMs - a.atMs) / 1000.0;
        inRate = double(b.in - a.in) / seconds;
        outRate = double(b.out - a.out) / seconds;
    }
    QJsonObject stats {{QLatin1StringView("connections"), int(m_clients.size())},
                       {QLatin1StringView("sessions"), int(m_sessions.size())},
                       {QLatin1StringView("subscriptions"), subscriptions},
                       {QLatin1StringView("messagesInPerSecond"), std::round(inRate * 10) / 10},
                       {QLatin1StringView("eventsOutPerSecond"), std::round(outRate * 10) / 10},
                       {QLatin1StringView("replayBufferDepth"), replayDepth},
                       {QLatin1StringView("sendBufferBytes"), sendBuffer},
                       {QLatin1StringView("journalSeq"), qint64(m_restView.lastSeq())},
                       {QLatin1StringView("journalEvents"), m_journal.size()},
                       {QLatin1StringView("journalBytes"), m_journal.blockBytes()},
                       {QLatin1StringView("uptimeSeconds"), m_clock.elapsed() / 1000}};
    if (const QJsonObject source = m_source->stats(); !source.isEmpty())
        stats.insert(QLatin1StringView("source"), source);
    return stats;
}

void GatewayServer::removeClient(GatewayClient *client)
{
    const auto it
        = std::find_if(m_clients.begin(), m_clients.end(), [client](const auto &c) { return c.get() == client; });
    if (it == m_clients.end())
        return;
    if (client->session)
        presenceLeft(client);
    client->socket()->disconnect(this);
    client->socket()->deleteLater();
    m_clients.erase(it);
    m_releasedAtMs = m_clock.elapsed();
}

GatewayClient *GatewayServer::findClient(QWebSocket *socket)
{
    for (const auto &client : m_clients) {
        if (client->socket() == socket)
            return client.get();
    }
    return nullptr;
}

GatewayClient *GatewayServer::clientOf(const GatewaySession *session)
{
    for (const auto &client : m_clients) {
        if (!client->isGone() && client->session.get() == session)
            return client.get();
    }
    return nullptr;
}
