#include "connectionservice.h"

#include "protocol/decoder.h"
#include "protocol/encoder.h"
#include "protocol/socketio.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkInformation>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

// Debug (every frame) is opt-in: QT_LOGGING_RULES=watchfloor.net.connection.debug=true
Q_LOGGING_CATEGORY(lcConnection, "watchfloor.net.connection", QtInfoMsg)

namespace {

constexpr auto kSubprotocol = "watchfloor.v1";
constexpr qint64 kReadBufferBytes = qint64(1024) * 1024;
constexpr int kCloseUnauthorized = 4001;
constexpr int kCloseForbidden = 4003;

} // namespace

ConnectionService::ConnectionService(QObject *parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    m_setupTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ConnectionService::openSocket);
    connect(&m_setupTimer, &QTimer::timeout, this, &ConnectionService::onSetupTimeout);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &ConnectionService::onHeartbeat);
    connect(&m_polling, &PollingClient::messageReceived, this, [this](const Protocol::Message &message) {
        if (!m_pollingActive)
            return;
        m_lastMessageAt = QDateTime::currentDateTimeUtc();
        Q_EMIT messageReceived(message); // the journal numbers its own stream; no seq check against the WebSocket's
    });
    connect(&m_polling, &PollingClient::protocolErrorOccurred, this, [this](const Protocol::DecodeError &error) {
        ++m_protocolErrors;
        Q_EMIT protocolErrorOccurred(error);
    });
    connect(&m_polling, &PollingClient::polling, this, [this] {
        if (m_pollingActive && m_state != State::Live)
            setState(State::Polling);
    });
    connect(&m_polling, &PollingClient::failed, this, [this](const QString &reason) {
        qCWarning(lcConnection) << "polling refused:" << reason;
        m_pollingRefused = true; // the same credentials would be refused again: not until the WebSocket is back
        stopPolling();
    });
    // Not every platform has a backend (none without NetworkManager, say);
    // then only the backoff brings the link back.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        networkBecameReachable();
                });
    }
    m_stableTimer.setSingleShot(true);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] {
        if (isLive())
            m_attempt = 0;
    });
    m_primaryProbe.setSingleShot(false);
    connect(&m_primaryProbe, &QTimer::timeout, this, &ConnectionService::probePrimary);
    m_requestTimer.setInterval(100);
    connect(&m_requestTimer, &QTimer::timeout, this, &ConnectionService::expireRequests);
    m_clock.start();
}

ConnectionService::~ConnectionService()
{
    dropSocket();
}

void ConnectionService::setSettings(const ConnectionSettings &settings)
{
    m_settings = settings;
}

void ConnectionService::setSubscriptions(const QStringList &channels)
{
    m_channels = channels;
}

void ConnectionService::addRoom(const Room &room)
{
    if (m_rooms.contains(room))
        return;
    m_rooms.append(room);
    if (m_state == State::Live && roomsAvailable() && !m_serverRooms.contains(room)) {
        m_serverRooms.append(room);
        sendRoom(QStringLiteral("subscribe"), room, false);
    }
}

void ConnectionService::removeRoom(const Room &room)
{
    if (!m_rooms.removeOne(room))
        return;
    if (m_state == State::Live && roomsAvailable() && m_serverRooms.removeOne(room))
        sendRoom(QStringLiteral("unsubscribe"), room, false);
}

bool ConnectionService::roomsAvailable() const
{
    using Dialect = ConnectionSettings::Dialect;
    return m_socket && (m_dialect == Dialect::Watchfloor || m_dialect == Dialect::SocketIo) && !m_pollingActive;
}

void ConnectionService::sendRoom(const QString &type, const Room &room, bool awaitSnapshot)
{
    if (m_dialect == ConnectionSettings::Dialect::SocketIo) {
        // A seed-000 dashboard has drone rooms only, joined one serial at a
        // time, with no answer and no snapshot.
        if (room.channel != u"drone_detail")
            return;
        const QString event
            = type == u"subscribe" ? QStringLiteral("join_drone_room") : QStringLiteral("leave_drone_room");
        for (const QString &serial : room.ids)
            m_socket->sendTextMessage(Protocol::SocketIo::encodeEvent(event, {serial}));
        return;
    }
    const quint64 id = m_nextRequestId++;
    const bool subscribe = type == u"subscribe";
    PendingRequest pending {subscribe ? RequestKind::Room : RequestKind::Caller, room.channel, {}, {}};
    pending.room = room;
    m_pending.insert(id, pending);
    if (awaitSnapshot)
        ++m_awaitingSnapshot[room.channel];
    send(Protocol::encodeFilteredSubscription(type, id, room.channel, room.filter, room.ids));
}

void ConnectionService::syncRoomsAfterResume()
{
    // The server kept the session's subscriptions; rooms opened or closed
    // while the link was down still have to be told.
    for (const Room &room : std::as_const(m_rooms)) {
        if (!m_serverRooms.contains(room)) {
            m_serverRooms.append(room);
            sendRoom(QStringLiteral("subscribe"), room, false);
        }
    }
    for (qsizetype i = m_serverRooms.size() - 1; i >= 0; --i) {
        if (!m_rooms.contains(m_serverRooms.at(i)))
            sendRoom(QStringLiteral("unsubscribe"), m_serverRooms.takeAt(i), false);
    }
}

void ConnectionService::start()
{
    if (m_state != State::Disconnected && m_state != State::Failed && m_state != State::Offline
        && m_state != State::Paused)
        return;
    m_attempt = 0;
    openSocket();
}

void ConnectionService::pause()
{
    if (m_state == State::Paused || m_state == State::Disconnected)
        return;
    stopPolling();
    m_primaryProbe.stop();
    m_retryTimer.stop();
    m_setupTimer.stop();
    m_heartbeatTimer.stop();
    failPendingRequests(QStringLiteral("offline"), tr("live updates are paused"));
    closeSocketGracefully(QStringLiteral("live updates paused"));
    setState(State::Paused);
}

void ConnectionService::resumeLive()
{
    if (m_state == State::Paused)
        start();
}

void ConnectionService::stop()
{
    stopPolling();
    m_primaryProbe.stop();
    m_retryTimer.stop();
    m_setupTimer.stop();
    m_heartbeatTimer.stop();
    failPendingRequests(QStringLiteral("offline"), tr("the console stopped"));
    closeSocketGracefully(QStringLiteral("console stopped"));
    setState(State::Disconnected);
}

void ConnectionService::closeSocketGracefully(const QString &reason)
{
    QWebSocket *socket = m_socket;
    if (!socket)
        return;
    // Say goodbye properly instead of aborting; the socket cleans up after
    // itself once the close handshake is done, or after a second at most.
    m_socket = nullptr;
    socket->disconnect(this);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(1000, socket, &QObject::deleteLater);
    socket->close(QWebSocketProtocol::CloseCodeNormal, reason);
}

void ConnectionService::retryNow()
{
    if (m_state == State::Live || m_state == State::Authenticating || m_state == State::Paused)
        return; // paused is the operator's choice: only resumeLive() ends it
    m_retryTimer.stop();
    if (m_state == State::Offline)
        m_attempt = 0;
    openSocket();
}

void ConnectionService::networkBecameReachable()
{
    if (m_state == State::Reconnecting && m_retryTimer.isActive()) {
        qCInfo(lcConnection) << "the network is back; retrying now";
        retryNow();
    }
}

qint64 ConnectionService::msUntilRetry() const
{
    if (m_state != State::Reconnecting || !m_retryTimer.isActive())
        return -1;
    return m_retryDeadline.remainingTime();
}

QString ConnectionService::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("offline");
    case State::Connecting:
        return tr("connecting");
    case State::Authenticating:
        return tr("authenticating");
    case State::Live:
        return tr("live");
    case State::Reconnecting:
        return tr("reconnecting");
    case State::Offline:
        return tr("gave up");
    case State::Paused:
        return tr("paused");
    case State::Polling:
        return tr("polling");
    case State::Failed:
        return tr("failed");
    }
    return {};
}

void ConnectionService::openSocket()
{
    dropSocket();
    failPendingRequests(QStringLiteral("offline"), tr("the link to the server was lost"));
    m_pending.clear();
    m_awaitingSnapshot.clear();
    m_failureReason.clear();
    m_resuming = false;

    using Dialect = ConnectionSettings::Dialect;
    m_dialect = m_settings.dialect == Dialect::SocketIo ? Dialect::SocketIo : Dialect::Auto;
    const QUrl url = m_dialect == Dialect::SocketIo ? Protocol::SocketIo::engineUrl(currentUrl()) : currentUrl();
    if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss")) {
        fail(tr("the server address \"%1\" is not a ws:// or wss:// URL")
                 .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
        return;
    }
    m_tlsFailure.clear();
    QString tlsError;
    const auto tls = tlsConfiguration(&tlsError);
    if (!tls) {
        fail(tlsError);
        return;
    }

    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingFrameSize(quint64(m_settings.maxMessageBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(m_settings.maxMessageBytes));
    socket->setReadBufferSize(kReadBufferBytes);
    socket->setSslConfiguration(*tls);
    // Certificate errors are never ignored: the connection is refused and the
    // operator is told which certificate and why.
    connect(socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList why;
        for (const QSslError &e : errors)
            why << e.errorString();
        const QSslCertificate cert = errors.isEmpty() ? QSslCertificate() : errors.first().certificate();
        m_tlsFailure = tr("the server's certificate was refused: %1").arg(why.join(QStringLiteral("; ")));
        if (!cert.isNull()) {
            m_tlsFailure += u' '
                + tr("(subject %1, issued by %2, valid %3 to %4, SHA-256 %5)")
                      .arg(cert.subjectDisplayName(), cert.issuerDisplayName(),
                           cert.effectiveDate().toString(Qt::ISODate), cert.expiryDate().toString(Qt::ISODate),
                           QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':')));
        }
    });

    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket == m_socket)
            Q_EMIT socketOpened();
    });
    connect(socket, &QWebSocket::connected, this, &ConnectionService::onSocketConnected);
    connect(socket, &QWebSocket::disconnected, this, &ConnectionService::onSocketDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        if (m_dialect == ConnectionSettings::Dialect::SocketIo)
            onEngineFrame(text);
        else
            onFrame(text.toUtf8());
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &bytes) { onFrame(bytes); });
    connect(socket, &QWebSocket::pong, this, [this](quint64 elapsed, const QByteArray &) {
        m_lastHeard.restart();
        m_roundTripMs = qint64(elapsed);
        Q_EMIT roundTripMeasured(m_roundTripMs);
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError error) {
                m_lastError = socket->errorString();
                if (socket == m_socket)
                    Q_EMIT socketErrorOccurred(error, m_lastError,
                                               socket->state() != QAbstractSocket::UnconnectedState);
                if (socket == m_socket && !m_tlsFailure.isEmpty()) {
                    fail(m_tlsFailure); // retrying would meet the same certificate
                    return;
                }
                // A refused or failed connection may never emit disconnected().
                if (socket == m_socket && socket->state() == QAbstractSocket::UnconnectedState)
                    linkLost(m_lastError);
            });

    if (m_state != State::Reconnecting)
        setState(State::Connecting);
    m_setupTimer.start(m_settings.connectTimeoutMs);

    QWebSocketHandshakeOptions options;
    if (m_dialect != Dialect::SocketIo)
        options.setSubprotocols({QString::fromLatin1(kSubprotocol)});
    qCInfo(lcConnection) << "connecting to" << url.toDisplayString(QUrl::RemoveUserInfo) << "attempt" << m_attempt + 1;
    socket->open(QNetworkRequest(url), options);
}

void ConnectionService::dropSocket()
{
    m_heartbeatTimer.stop();
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void ConnectionService::onSocketConnected()
{
    using Dialect = ConnectionSettings::Dialect;
    m_lastHeard.start();
    m_heartbeatTimer.start(m_settings.heartbeatMs);
    setState(State::Authenticating);
    if (m_dialect == Dialect::SocketIo)
        return; // the Engine.IO open packet comes first
    if (m_settings.dialect == Dialect::Watchfloor) {
        m_dialect = Dialect::Watchfloor; // the profile says so; wait for hello
    } else if (m_settings.dialect == Dialect::Plain || m_socket->subprotocol() != QLatin1StringView(kSubprotocol)) {
        startPlain(); // a server that did not take our subprotocol is plain
    }
    // Subprotocol taken: a hello confirms it, anything else first means a
    // plain server that merely echoed the offer (Node's ws does) (onFrame).
}

void ConnectionService::startPlain()
{
    // A plain server has no hello, no auth and no answers: subscribe in its
    // terms and take the link as live; its data is live events only.
    m_dialect = ConnectionSettings::Dialect::Plain;
    qCInfo(lcConnection) << "the server speaks the plain dialect";
    for (const QString &channel : std::as_const(m_channels))
        send(Protocol::encodeSubscribe(m_nextRequestId++, channel));
    goLive();
}

void ConnectionService::onEngineFrame(const QString &text)
{
    noteHeard();
    const auto parsed = Protocol::SocketIo::parsePacket(text);
    if (const auto *error = std::get_if<Protocol::SocketIo::ParseError>(&parsed)) {
        ++m_protocolErrors;
        qCWarning(lcConnection) << "Socket.IO protocol error:" << error->toString();
        return;
    }
    using Engine = Protocol::SocketIo::EngineType;
    using Packet = Protocol::SocketIo::PacketType;
    const auto &packet = std::get<Protocol::SocketIo::Packet>(parsed);
    switch (packet.engineType) {
    case Engine::Open: {
        // The server pings every pingInterval and gives up after pingTimeout
        // more; silence beyond both is a dead link.
        m_heartbeatTimer.start(std::max(100, packet.open.pingIntervalMs + packet.open.pingTimeoutMs) / 2);
        QJsonObject auth;
        if (!m_settings.token.isEmpty())
            auth.insert(QLatin1StringView("token"), m_settings.token);
        m_socket->sendTextMessage(
            Protocol::SocketIo::encodeConnect(Protocol::SocketIo::namespaceOf(currentUrl()), auth));
        return;
    }
    case Engine::Ping:
        m_socket->sendTextMessage(Protocol::SocketIo::encodePong(packet.engineData));
        return;
    case Engine::Close:
        linkLost(tr("the Socket.IO server closed the session"));
        return;
    case Engine::Message:
        break;
    default:
        return;
    }
    if (packet.type == Packet::Connect) {
        // A new Socket.IO session is in no room yet: join the wanted ones
        // before going live, so that a room taken meanwhile goes out once.
        m_serverRooms = m_rooms;
        for (const Room &room : std::as_const(m_rooms))
            sendRoom(QStringLiteral("subscribe"), room, false);
        goLive();
    } else if (packet.type == Packet::ConnectError) {
        fail(tr("the Socket.IO server refused the connection: %1")
                 .arg(packet.data.value(QLatin1StringView("message")).toString()));
    } else if (packet.type == Packet::Disconnect) {
        linkLost(tr("the Socket.IO server disconnected this console"));
    } else if (packet.type == Packet::Event) {
        const auto message = Protocol::SocketIo::toWatchfloorMessage(packet.event, packet.args);
        if (!message)
            return; // an event this console has no use for
        processMessages(Protocol::decodeFrame(QJsonDocument(*message).toJson(QJsonDocument::Compact)));
    }
}

void ConnectionService::onSocketDisconnected()
{
    if (!m_socket)
        return;
    // Application close codes (4000-4999) lie outside the CloseCode enum's
    // range: compare them as plain numbers.
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    if (code == kCloseUnauthorized || code == kCloseForbidden) {
        const QString what = code == kCloseUnauthorized ? tr("unauthorized") : tr("forbidden");
        fail(m_failureReason.isEmpty() ? (reason.isEmpty() ? what : what + QStringLiteral(": ") + reason)
                                       : m_failureReason);
        return;
    }
    QString why = reason;
    if (why.isEmpty())
        why = m_socket->error() == QAbstractSocket::UnknownSocketError ? tr("connection closed (code %1)").arg(code)
                                                                       : m_socket->errorString();
    linkLost(why);
}

void ConnectionService::onFrame(QByteArrayView utf8)
{
    noteHeard();
    Protocol::DecodedFrame frame = Protocol::decodeFrame(utf8);
    qCDebug(lcConnection) << "frame:" << frame.messages.size() << "messages," << frame.errors.size() << "errors";
    if (m_dialect == ConnectionSettings::Dialect::Auto) {
        const bool hello
            = !frame.messages.isEmpty() && std::holds_alternative<Protocol::Hello>(frame.messages.first().body);
        if (hello)
            m_dialect = ConnectionSettings::Dialect::Watchfloor;
        else
            startPlain();
    }
    processMessages(frame);
}

void ConnectionService::processMessages(const Protocol::DecodedFrame &frame)
{
    for (const Protocol::DecodeError &error : std::as_const(frame.errors)) {
        ++m_protocolErrors;
        qCWarning(lcConnection) << "protocol error:" << error.toString();
        Q_EMIT protocolErrorOccurred(error);
    }
    for (const Protocol::Message &message : std::as_const(frame.messages)) {
        if (!m_socket)
            return; // a handler above dropped the link
        if (const auto *hello = std::get_if<Protocol::Hello>(&message.body))
            onHello(*hello);
        else if (const auto *result = std::get_if<Protocol::Result>(&message.body))
            onResult(*result);
        if (const auto *error = std::get_if<Protocol::ServerError>(&message.body))
            qCWarning(lcConnection) << "server error:" << error->error.code << error->error.message;
        if (!m_socket || !acceptSequence(message))
            continue;
        // An event that could not be read has consumed its number above and
        // been counted as a protocol error; there is nothing to apply.
        if (std::holds_alternative<Protocol::Unreadable>(message.body))
            continue;
        Q_EMIT messageReceived(message);
        // Live only once the listeners have applied the last snapshot.
        if (const auto *snapshot = std::get_if<Protocol::Snapshot>(&message.body); snapshot && m_socket)
            onSnapshotReceived(*snapshot);
    }
}

bool ConnectionService::acceptSequence(const Protocol::Message &message)
{
    if (!message.seq)
        return true; // answers, and every message of a server without numbering
    const quint64 seq = *message.seq;
    if (m_lastSeq != 0 && seq <= m_lastSeq) {
        // Already applied (a replay overlapping what arrived before the drop).
        qCInfo(lcConnection) << "dropped duplicate event" << seq << "after" << m_lastSeq;
        return false;
    }
    if (m_lastSeq != 0 && seq != m_lastSeq + 1) {
        // Events were lost on the way: reconnect and resume from the last one
        // applied; the server replays the rest, or tells us to resync.
        linkLost(tr("events %1 to %2 are missing from the stream").arg(m_lastSeq + 1).arg(seq - 1));
        return false;
    }
    m_lastSeq = seq;
    const qint64 second = m_clock.elapsed() / 1000;
    if (second != m_bucketSecond) {
        for (qint64 s = std::max(m_bucketSecond + 1, second - qint64(m_eventBuckets.size()) + 1); s <= second; ++s)
            m_eventBuckets[size_t(s) % m_eventBuckets.size()] = 0;
        m_bucketSecond = second;
    }
    ++m_eventBuckets[size_t(second) % m_eventBuckets.size()];
    return true;
}

double ConnectionService::eventsPerSecond() const
{
    // The completed seconds of the ring, not the one still being counted.
    const qint64 second = m_clock.elapsed() / 1000;
    const qint64 span = qint64(m_eventBuckets.size()) - 1;
    qint64 total = 0;
    for (qint64 s = second - span; s < second; ++s) {
        if (s >= 0 && s <= m_bucketSecond && m_bucketSecond - s < qint64(m_eventBuckets.size()))
            total += m_eventBuckets[size_t(s) % m_eventBuckets.size()];
    }
    return double(total) / double(span);
}

void ConnectionService::onHello(const Protocol::Hello &hello)
{
    m_serverName = hello.server;
    m_heartbeatTimer.start(hello.heartbeatMs);
    // Authenticate even when the server does not require a token: `auth`
    // carries the operator's name, which the server shows to other consoles.
    const quint64 id = m_nextRequestId++;
    m_pending.insert(id, {RequestKind::Auth, {}, {}, {}});
    send(Protocol::encodeAuth(id, m_settings.token, m_settings.operatorName,
                              QStringLiteral("watchfloor " WATCHFLOOR_VERSION)));
}

void ConnectionService::onResult(const Protocol::Result &result)
{
    if (!m_pending.contains(result.id))
        return; // an answer to a request of an earlier connection
    const PendingRequest request = m_pending.take(result.id);

    if (request.kind == RequestKind::Caller) {
        if (request.done)
            request.done(result);
        return;
    }

    if (request.kind == RequestKind::Auth) {
        if (!result.ok) {
            m_failureReason = tr("the server refused the token: %1")
                                  .arg(result.error.message.isEmpty() ? result.error.code : result.error.message);
            return; // the server closes with 4001 next; onSocketDisconnected() reports it
        }
        const auto grant = Protocol::decodeAuthGrant(result.data);
        if (const auto *error = std::get_if<Protocol::DecodeError>(&grant)) {
            ++m_protocolErrors;
            linkLost(tr("bad answer to auth: %1").arg(error->toString()));
            return;
        }
        const auto &g = std::get<Protocol::AuthGrant>(grant);
        m_role = g.role;
        if (m_lastLiveAt.isValid())
            m_lastRecovery = Recovery::Resynced; // unless the resume below succeeds
        if (!m_sessionId.isEmpty() && m_lastSeq > 0) {
            // Pick up the old session where it broke off: the server replays
            // what we missed, or answers resync_required.
            const quint64 id = m_nextRequestId++;
            m_pending.insert(id, {RequestKind::Resume, {}, {}, {}});
            m_resuming = true;
            m_freshSessionId = g.sessionId;
            send(Protocol::encodeResume(id, m_sessionId, m_lastSeq));
            return;
        }
        m_sessionId = g.sessionId;
        m_lastSeq = 0;
        subscribeAll();
        return;
    }

    if (request.kind == RequestKind::Resume) {
        m_resuming = false;
        if (result.ok) {
            m_lastRecovery = Recovery::Resumed;
            goLive(); // the replay follows this answer in order, then the live stream
            syncRoomsAfterResume();
            return;
        }
        qCInfo(lcConnection) << "resume refused:" << result.error.code << "- subscribing afresh";
        m_lastRecovery = Recovery::Resynced;
        m_sessionId = m_freshSessionId;
        m_lastSeq = 0;
        subscribeAll();
        return;
    }

    if (request.kind == RequestKind::Room) {
        if (result.ok)
            return;
        const QString reason = result.error.message.isEmpty() ? result.error.code : result.error.message;
        qCWarning(lcConnection) << "room" << request.room.channel << request.room.ids << "refused:" << reason;
        m_serverRooms.removeOne(request.room);
        Q_EMIT roomRefused(request.room, reason);
        // No snapshot follows a refusal: do not wait for one.
        const auto it = m_awaitingSnapshot.find(request.room.channel);
        if (it != m_awaitingSnapshot.end() && --*it == 0) {
            m_awaitingSnapshot.erase(it);
            if (m_awaitingSnapshot.isEmpty())
                goLive();
        }
        return;
    }

    if (!result.ok) {
        // Retrying would be refused the same way: tell the operator instead.
        if (m_socket)
            m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        fail(tr("the server refused the subscription to %1: %2")
                 .arg(request.channel, result.error.message.isEmpty() ? result.error.code : result.error.message));
    }
}

void ConnectionService::subscribeAll()
{
    for (const QString &channel : std::as_const(m_channels)) {
        const quint64 id = m_nextRequestId++;
        m_pending.insert(id, {RequestKind::Subscribe, channel, {}, {}});
        ++m_awaitingSnapshot[channel];
        send(Protocol::encodeSubscribe(id, channel));
    }
    // A fresh session: every room is subscribed again, and counts towards
    // being live like the channels (its snapshot fills the detail view).
    m_serverRooms = m_rooms;
    for (const Room &room : std::as_const(m_rooms))
        sendRoom(QStringLiteral("subscribe"), room, true);
    if (m_awaitingSnapshot.isEmpty())
        goLive();
}

void ConnectionService::onSnapshotReceived(const Protocol::Snapshot &snapshot)
{
    // Only the snapshots our subscriptions asked for count (a refresh while
    // live is no news); this also holds while polling hides the WebSocket.
    const auto it = m_awaitingSnapshot.find(snapshot.channel);
    if (it == m_awaitingSnapshot.end())
        return;
    if (--*it == 0)
        m_awaitingSnapshot.erase(it);
    if (m_awaitingSnapshot.isEmpty())
        goLive();
}

QList<QUrl> ConnectionService::serverUrls() const
{
    return QList<QUrl> {m_settings.url} + m_settings.fallbackUrls;
}

QUrl ConnectionService::currentUrl() const
{
    const QList<QUrl> urls = serverUrls();
    return urls.value(m_serverIndex, m_settings.url);
}

void ConnectionService::probePrimary()
{
    // A plain TCP connect is enough to learn that the primary is back; the
    // switch itself goes through the normal connect and resume path.
    if (m_serverIndex == 0 || m_probeSocket)
        return;
    auto *probe = new QTcpSocket(this);
    m_probeSocket = probe;
    connect(probe, &QTcpSocket::connected, this, [this, probe] {
        probe->abort();
        probe->deleteLater();
        if (m_serverIndex == 0 || m_state != State::Live)
            return;
        qCInfo(lcConnection) << "the primary server answers again; returning to it";
        m_primaryProbe.stop();
        closeSocketGracefully(QStringLiteral("returning to the primary server"));
        m_serverIndex = 0;
        m_failuresOnServer = 0;
        m_outageClock.start();
        setState(State::Reconnecting);
        openSocket();
    });
    connect(probe, &QAbstractSocket::errorOccurred, probe, &QObject::deleteLater);
    QTimer::singleShot(m_settings.connectTimeoutMs, probe, &QObject::deleteLater);
    const QUrl primary = m_settings.url;
    probe->connectToHost(primary.host(), quint16(primary.port(primary.scheme() == u"wss" ? 443 : 80)));
}

std::optional<QSslConfiguration> ConnectionService::tlsConfiguration(QString *error) const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (m_settings.caFile.isEmpty())
        return tls;
    const QList<QSslCertificate> trusted = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
    if (trusted.isEmpty()) {
        *error = tr("the CA file %1 holds no readable PEM certificate").arg(m_settings.caFile);
        return std::nullopt;
    }
    tls.setCaCertificates(tls.caCertificates() + trusted);
    return tls;
}

void ConnectionService::startPolling()
{
    qCInfo(lcConnection) << "the WebSocket keeps failing; polling the REST API meanwhile";
    m_pollingActive = true;
    // Polled events are numbered by the server's journal, not by our
    // WebSocket session: once the WebSocket is back it subscribes afresh.
    m_sessionId.clear();
    m_lastSeq = 0;
    ConnectionSettings settings = m_settings;
    settings.url = currentUrl();
    m_polling.setSettings(settings);
    m_polling.setChannels(m_channels);
    QString tlsError;
    if (const auto tls = tlsConfiguration(&tlsError))
        m_polling.setSslConfiguration(*tls); // https trusts what wss:// trusts
    m_polling.start();
}

void ConnectionService::stopPolling()
{
    if (!m_pollingActive)
        return;
    m_pollingActive = false;
    m_polling.stop();
}

void ConnectionService::goLive()
{
    stopPolling();
    m_pollingRefused = false;
    m_setupTimer.stop();
    // The backoff only starts over once the link proves stable: a server that
    // accepts and drops at once must not be hammered at the base delay.
    m_stableTimer.start(m_settings.stableAfterMs);
    m_failuresOnServer = 0;
    if (m_serverIndex != 0)
        m_primaryProbe.start(m_settings.primaryProbeMs);
    m_lastLiveAt = QDateTime::currentDateTimeUtc();
    if (m_outageClock.isValid()) {
        m_lastOutageMs = m_outageClock.elapsed();
        m_outageClock.invalidate();
    }
    setState(State::Live);
}

void ConnectionService::request(const QString &type, const QJsonObject &fields, ResultHandler done)
{
    if (m_state == State::Polling) {
        m_polling.request(type, fields, std::move(done));
        return;
    }
    if (m_state != State::Live || !m_socket) {
        Protocol::Result refused;
        refused.error = {QStringLiteral("offline"), tr("not connected to the server")};
        if (done)
            done(refused);
        return;
    }
    using Dialect = ConnectionSettings::Dialect;
    if (m_dialect == Dialect::Plain || m_dialect == Dialect::SocketIo) {
        // These servers answer no requests: the message goes out, and the
        // caller learns that its effect cannot be confirmed here.
        Protocol::Result sent;
        sent.ok = true;
        sent.data = {{QLatin1StringView("unconfirmed"), true}};
        if (m_dialect == Dialect::Plain) {
            send(Protocol::encodeRequest(m_nextRequestId++, type, fields));
        } else if (type == u"ack_alarm") {
            m_socket->sendTextMessage(Protocol::SocketIo::encodeEvent(QStringLiteral("acknowledge_alert"),
                                                                      {fields.value(QLatin1StringView("alarmId"))}));
        } else if (type == u"request_data_refresh") {
            m_socket->sendTextMessage(Protocol::SocketIo::encodeEvent(
                QStringLiteral("request_data_refresh"), {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}));
        } else {
            sent = {};
            sent.error = {QStringLiteral("unsupported"), tr("a Socket.IO server of this kind has no %1").arg(type)};
        }
        if (done)
            done(sent);
        return;
    }
    const quint64 id = m_nextRequestId++;
    m_pending.insert(id, {RequestKind::Caller, type, std::move(done), QDeadlineTimer(m_settings.requestTimeoutMs)});
    if (!m_requestTimer.isActive())
        m_requestTimer.start();
    send(Protocol::encodeRequest(id, type, fields));
}

void ConnectionService::expireRequests()
{
    QList<PendingRequest> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->kind == RequestKind::Caller && it->deadline.hasExpired()) {
            expired.append(*it);
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    const bool anyLeft = std::any_of(m_pending.cbegin(), m_pending.cend(),
                                     [](const PendingRequest &r) { return r.kind == RequestKind::Caller; });
    if (!anyLeft)
        m_requestTimer.stop();
    for (const PendingRequest &r : std::as_const(expired)) {
        Protocol::Result timedOut;
        timedOut.error = {QStringLiteral("timeout"),
                          tr("no answer to %1 within %2 s").arg(r.channel).arg(m_settings.requestTimeoutMs / 1000.0)};
        if (r.done)
            r.done(timedOut);
    }
}

void ConnectionService::failPendingRequests(const QString &code, const QString &message)
{
    QList<ResultHandler> handlers;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->kind == RequestKind::Caller) {
            handlers.append(std::move(it->done));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (const ResultHandler &done : std::as_const(handlers)) {
        Protocol::Result failed;
        failed.error = {code, message};
        if (done)
            done(failed);
    }
}

void ConnectionService::onSetupTimeout()
{
    linkLost(tr("no live link within %1 s").arg(m_settings.connectTimeoutMs / 1000.0));
}

void ConnectionService::noteHeard()
{
    m_lastHeard.restart();
    m_lastMessageAt = QDateTime::currentDateTimeUtc();
}

bool ConnectionService::measureRoundTrip()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    m_socket->ping();
    return true;
}

void ConnectionService::onHeartbeat()
{
    // TCP alone may not notice a server that froze or a cable pulled out; a
    // link that has said nothing, not even a pong, for two periods is dead.
    const int period = m_heartbeatTimer.interval();
    if (m_lastHeard.elapsed() >= 2 * qint64(period)) {
        linkLost(tr("no answer from the server for %1 s").arg(m_lastHeard.elapsed() / 1000.0, 0, 'f', 1));
        return;
    }
    if (!m_socket)
        return;
    m_socket->ping();
    // Plain servers may only answer their own JSON ping.
    if (m_dialect == ConnectionSettings::Dialect::Plain)
        send(Protocol::encodePing(m_nextRequestId++));
}

void ConnectionService::linkLost(const QString &reason)
{
    if (m_state == State::Disconnected || m_state == State::Failed || m_state == State::Offline
        || m_state == State::Paused)
        return;
    qCInfo(lcConnection) << "link lost:" << reason;
    m_lastError = reason;
    if (m_state == State::Live)
        m_outageClock.start();
    m_setupTimer.stop();
    m_stableTimer.stop();
    m_primaryProbe.stop();
    dropSocket();
    failPendingRequests(QStringLiteral("offline"), tr("the link to the server was lost: %1").arg(reason));
    const QList<QUrl> urls = serverUrls();
    if (urls.size() > 1 && ++m_failuresOnServer >= m_settings.attemptsPerServer) {
        m_serverIndex = (m_serverIndex + 1) % int(urls.size());
        m_failuresOnServer = 0;
        qCInfo(lcConnection) << "moving on to" << currentUrl().toDisplayString(QUrl::RemoveUserInfo);
    }
    scheduleReconnect();
}

void ConnectionService::fail(const QString &reason)
{
    qCWarning(lcConnection) << "connection failed:" << reason;
    m_failureReason = reason;
    stopPolling();
    m_primaryProbe.stop();
    m_retryTimer.stop();
    m_setupTimer.stop();
    dropSocket();
    setState(State::Failed);
}

void ConnectionService::scheduleReconnect()
{
    if (m_settings.maxAttempts > 0 && m_attempt >= m_settings.maxAttempts) {
        qCWarning(lcConnection) << "giving up after" << m_attempt << "reconnect attempts";
        setState(State::Offline);
        return;
    }
    using Dialect = ConnectionSettings::Dialect;
    if (m_settings.pollingFallback && !m_pollingActive && !m_pollingRefused
        && m_attempt + 1 >= m_settings.pollAfterAttempts
        && (m_settings.dialect == Dialect::Auto || m_settings.dialect == Dialect::Watchfloor))
        startPolling();
    // Full jitter: a uniformly random wait below an exponentially growing cap,
    // so consoles that lost the same server do not return in lockstep.
    const int shift = std::min(m_attempt, 16);
    const qint64 ceiling = std::min<qint64>(m_settings.backoffCapMs, qint64(m_settings.backoffBaseMs) << shift);
    const qint64 delay = QRandomGenerator::global()->bounded(ceiling + 1);
    ++m_attempt;
    m_retryDeadline = QDeadlineTimer(delay);
    m_retryTimer.start(int(delay));
    // Listeners read msUntilRetry() on stateChanged: a new attempt is news
    // even when the state stays Reconnecting.
    if (m_state == State::Reconnecting)
        Q_EMIT stateChanged(m_state);
    else
        setState(State::Reconnecting);
}

void ConnectionService::setState(State state)
{
    if (m_state == state)
        return;
    // While polling keeps the data current, the WebSocket's own attempts in
    // the background are not news for the operator; its success is.
    if (m_state == State::Polling && m_pollingActive
        && (state == State::Connecting || state == State::Authenticating || state == State::Reconnecting))
        return;
    m_state = state;
    qCInfo(lcConnection) << "state:" << stateName(state);
    Q_EMIT stateChanged(state);
}

void ConnectionService::send(const QByteArray &request)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(request));
}
