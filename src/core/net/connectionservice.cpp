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
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

// Debug (every frame) is opt-in: QT_LOGGING_RULES=watchfloor.net.connection.debug=true
Q_LOGGING_CATEGORY(lcConnection, "watchfloor.net.connection", QtInfoMsg)

namespace {

// A watchfloor server's first words: its hello opens the frame.
bool opensWithHello(const Protocol::DecodedFrame &frame)
{
    return !frame.messages.isEmpty() && std::holds_alternative<Protocol::Hello>(frame.messages.first().body);
}

constexpr auto kSubprotocol = "watchfloor.v1";
constexpr qint64 kReadBufferBytes = qint64(1024) * 1024;
// The largest WebSocket frame header: 2 bytes, 8 of length, 4 of mask.
constexpr qint64 kFrameHeaderBytes = 14;
// How long a server that took the subprotocol has to greet before it is
// taken for a plain one that waits to be spoken to.
constexpr int kHelloWaitMs = 2000;
constexpr int kCloseUnauthorized = 4001;
constexpr int kCloseForbidden = 4003;
// Duplicates dropped in a row beyond which the server's numbering is taken to
// have started over (a restart inside an accepted resume): a replay overlap
// is far shorter.
constexpr int kMaxDuplicateRun = 1000;

} // namespace

ConnectionService::ConnectionService(QObject *parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    m_setupTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ConnectionService::openSocket);
    connect(&m_setupTimer, &QTimer::timeout, this, &ConnectionService::onSetupTimeout);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &ConnectionService::onHeartbeat);
    m_silenceTimer.setSingleShot(true);
    m_silenceTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_silenceTimer, &QTimer::timeout, this, &ConnectionService::onSilenceCheck);
    m_pollWatchdog.setSingleShot(true);
    connect(&m_pollWatchdog, &QTimer::timeout, this, [this] {
        leavePolling(tr("no answer from the server's REST API for %1 s").arg(m_pollWatchdog.interval() / 1000.0));
    });
    connect(&m_polling, &PollingClient::messageReceived, this, [this](const Protocol::Message &message) {
        // Once the WebSocket subscribes, its snapshots and stream are the
        // truth: a late poll answer must not apply older events over them.
        if (!m_pollingActive || m_wsSyncing)
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
    connect(&m_polling, &PollingClient::answered, this, [this] {
        if (m_pollingActive)
            m_pollWatchdog.start();
    });
    // A failed poll means the data is no longer known to be current: leave
    // Polling at once (the client keeps retrying; its next answer returns to it).
    connect(&m_polling, &PollingClient::pollFailed, this, [this](const QString &reason) {
        if (m_pollingActive)
            leavePolling(reason);
    });
    connect(&m_polling, &PollingClient::failed, this, [this](const QString &reason) {
        qCWarning(lcConnection) << "polling refused:" << reason;
        m_pollingRefused = true; // the same credentials would be refused again: not until the WebSocket is back
        stopPolling();
        leavePolling(reason);
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
    stopPolling();
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
    m_replayUntil = 0;
    m_duplicateRun = 0;
    m_refusedChannels.clear();

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
    // Qt 6.4 reads a frame only once all of it is in the socket's buffer: a
    // buffer smaller than the largest frame accepted would stop the link from
    // reading at the first bigger frame. Unread data is bounded all the same.
    socket->setReadBufferSize(std::max(kReadBufferBytes, m_settings.maxMessageBytes + kFrameHeaderBytes));
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
    m_silenceTimer.stop();
    restartPollingFresh();
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
    startHeartbeat(m_settings.heartbeatMs);
    setState(State::Authenticating);
    if (m_dialect == Dialect::SocketIo)
        return; // the Engine.IO open packet comes first
    if (m_settings.dialect == Dialect::Watchfloor) {
        m_dialect = Dialect::Watchfloor; // the profile says so; wait for hello
    } else if (m_settings.dialect == Dialect::Plain || m_socket->subprotocol() != QLatin1StringView(kSubprotocol)) {
        startPlain(); // a server that did not take our subprotocol is plain
    } else {
        // A watchfloor server greets at once; one that says nothing may be a
        // plain server waiting to be spoken to.
        QPointer<QWebSocket> socket = m_socket;
        QTimer::singleShot(std::min(kHelloWaitMs, m_settings.connectTimeoutMs / 2), this, [this, socket] {
            if (socket && socket == m_socket && m_dialect == Dialect::Auto) {
                qCInfo(lcConnection) << "no hello from a server that took the subprotocol; speaking first";
                startPlain();
            }
        });
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
    // No sessions to resume here: whatever numbering the server uses starts
    // over with each connection.
    m_sessionId.clear();
    m_lastSeq = 0;
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
        startHeartbeat(std::max(100, packet.open.pingIntervalMs + packet.open.pingTimeoutMs) / 2);
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
        m_sessionId.clear();
        m_lastSeq = 0; // each connection numbers (if at all) from its start
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
        if (opensWithHello(frame))
            m_dialect = ConnectionSettings::Dialect::Watchfloor;
        else
            startPlain();
    } else if (m_dialect == ConnectionSettings::Dialect::Plain
               && m_settings.dialect == ConnectionSettings::Dialect::Auto && opensWithHello(frame)) {
        // A watchfloor server that greeted late (taken for plain while it was
        // silent): not live until it has authenticated and sent its snapshots.
        qCInfo(lcConnection) << "a late hello: the server speaks the watchfloor dialect after all";
        m_dialect = ConnectionSettings::Dialect::Watchfloor;
        m_stableTimer.stop();
        setState(State::Authenticating);
        m_setupTimer.start(m_settings.connectTimeoutMs);
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
    if (m_replayUntil != 0 && m_lastSeq >= m_replayUntil && m_socket)
        goLive(); // the resume's replay is all in
}

bool ConnectionService::acceptSequence(const Protocol::Message &message)
{
    if (!message.seq)
        return true; // answers, and every message of a server without numbering
    const quint64 seq = *message.seq;
    if (m_lastSeq != 0 && seq <= m_lastSeq) {
        // Already applied (a replay overlapping what arrived before the drop).
        qCInfo(lcConnection) << "dropped duplicate event" << seq << "after" << m_lastSeq;
        if (++m_duplicateRun > kMaxDuplicateRun) {
            // Not an overlap: the server numbers afresh. Holding on would
            // freeze every update while the link looks live; start over.
            m_sessionId.clear();
            linkLost(tr("the server's event numbers went back from %1 to %2").arg(m_lastSeq).arg(seq));
        }
        return false;
    }
    m_duplicateRun = 0;
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
    startHeartbeat(hello.heartbeatMs);
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
        if (!m_sessionId.isEmpty() && m_lastSeq > 0 && m_sessionUrl == currentUrl()) {
            // Pick up the old session where it broke off: the server replays
            // what we missed, or answers resync_required. Only on the server
            // that opened it: another server's ids may well collide.
            const quint64 id = m_nextRequestId++;
            m_pending.insert(id, {RequestKind::Resume, {}, {}, {}});
            m_resuming = true;
            m_freshSessionId = g.sessionId;
            send(Protocol::encodeResume(id, m_sessionId, m_lastSeq));
            return;
        }
        m_sessionId = g.sessionId;
        m_sessionUrl = currentUrl();
        m_lastSeq = 0;
        subscribeAll();
        return;
    }

    if (request.kind == RequestKind::Resume) {
        m_resuming = false;
        if (result.ok) {
            m_lastRecovery = Recovery::Resumed;
            // The replay follows this answer in order, then the live stream.
            // What was missed must be applied before the data counts as live:
            // live once the last replayed event is in (processMessages).
            const qint64 replayed = result.data.value(QLatin1StringView("replayed")).toInteger(0);
            syncRoomsAfterResume();
            if (replayed > 0)
                m_replayUntil = m_lastSeq + quint64(replayed);
            else
                goLive();
            return;
        }
        qCInfo(lcConnection) << "resume refused:" << result.error.code << "- subscribing afresh";
        m_lastRecovery = Recovery::Resynced;
        m_sessionId = m_freshSessionId;
        m_sessionUrl = currentUrl();
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
        stopAwaiting(request.room.channel); // no snapshot follows a refusal
        return;
    }

    if (!result.ok) {
        // One channel the server does not know (an older server, a profile
        // naming a channel of another site) must not take the others down:
        // the console goes on without it. Only when every channel is refused
        // is there nothing to show, and retrying would be refused the same way.
        const QString reason = result.error.message.isEmpty() ? result.error.code : result.error.message;
        qCWarning(lcConnection) << "subscription to" << request.channel << "refused:" << reason;
        if (!m_refusedChannels.contains(request.channel))
            m_refusedChannels.append(request.channel);
        Q_EMIT channelRefused(request.channel, reason);
        if (!m_socket)
            return;
        if (m_refusedChannels.size() >= m_channels.size()) {
            m_socket->close(QWebSocketProtocol::CloseCodeNormal);
            fail(tr("the server refused the subscription to %1: %2").arg(request.channel, reason));
            return;
        }
        stopAwaiting(request.channel);
    }
}

void ConnectionService::subscribeAll()
{
    m_wsSyncing = m_pollingActive;
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
    stopAwaiting(snapshot.channel);
}

void ConnectionService::stopAwaiting(const QString &channel)
{
    // Only the snapshots our subscriptions asked for count (a refresh while
    // live is no news); this also holds while polling hides the WebSocket.
    // The last one awaited makes the link live.
    const auto it = m_awaitingSnapshot.find(channel);
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
    // An open port proves little (a proxy whose backend is down accepts TCP):
    // the primary counts as back only when it completes the WebSocket
    // handshake and greets as the link in use expects (a watchfloor `hello`,
    // an Engine.IO open). Only then is the live fallback given up; the switch
    // itself goes through the normal connect path.
    if (m_serverIndex == 0 || m_probeSocket)
        return;
    using Dialect = ConnectionSettings::Dialect;
    QString tlsError;
    const auto tls = tlsConfiguration(&tlsError);
    if (!tls)
        return;
    auto *probe = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_probeSocket = probe;
    probe->setMaxAllowedIncomingFrameSize(quint64(m_settings.maxMessageBytes));
    probe->setMaxAllowedIncomingMessageSize(quint64(m_settings.maxMessageBytes));
    probe->setSslConfiguration(*tls);
    const Dialect expected = m_settings.dialect == Dialect::Auto ? m_dialect : m_settings.dialect;
    const auto done = [probe] {
        probe->disconnect();
        // Not from inside the socket's own signal: queued, then deleted.
        // Qt 6.4 leaves a failed handshake's socket open until aborted.
        QMetaObject::invokeMethod(probe, &QWebSocket::abort, Qt::QueuedConnection);
        probe->deleteLater();
    };
    const auto answered = [this, done] {
        done();
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
    };
    connect(probe, &QWebSocket::connected, this, [probe, expected, answered] {
        // A plain server says nothing first; a completed handshake is all it gives.
        if (expected == Dialect::Plain
            || (expected != Dialect::SocketIo && probe->subprotocol() != QLatin1StringView(kSubprotocol)))
            answered();
    });
    connect(probe, &QWebSocket::textMessageReceived, this, [expected, answered, done](const QString &text) {
        bool greeted = false;
        if (expected == Dialect::SocketIo) {
            const auto packet = Protocol::SocketIo::parsePacket(text);
            const auto *p = std::get_if<Protocol::SocketIo::Packet>(&packet);
            greeted = p && p->engineType == Protocol::SocketIo::EngineType::Open;
        } else {
            greeted = opensWithHello(Protocol::decodeFrame(text.toUtf8()));
        }
        if (greeted)
            answered();
        else
            done();
    });
    connect(probe, &QWebSocket::disconnected, this, done);
    connect(probe, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, done);
    QTimer::singleShot(m_settings.connectTimeoutMs, probe, done);
    QWebSocketHandshakeOptions options;
    if (expected != Dialect::SocketIo)
        options.setSubprotocols({QString::fromLatin1(kSubprotocol)});
    const QUrl url = expected == Dialect::SocketIo ? Protocol::SocketIo::engineUrl(m_settings.url) : m_settings.url;
    probe->open(QNetworkRequest(url), options);
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
    m_polling.setWaitSeconds(m_settings.pollWaitSeconds);
    QString tlsError;
    if (const auto tls = tlsConfiguration(&tlsError))
        m_polling.setSslConfiguration(*tls); // https trusts what wss:// trusts
    // The poll deadline: the server may hold a poll for its wait, and the
    // answer then has the request timeout to arrive.
    m_pollWatchdog.setInterval(m_polling.waitSeconds() * 1000 + m_settings.requestTimeoutMs);
    m_pollWatchdog.start();
    m_polling.start();
}

void ConnectionService::stopPolling()
{
    m_wsSyncing = false;
    m_pollWatchdog.stop();
    if (!m_pollingActive)
        return;
    m_pollingActive = false;
    m_polling.stop();
}

void ConnectionService::leavePolling(const QString &reason)
{
    // Polled data is current only while polls are answered: without one the
    // console says so at once instead of showing the last answer as live.
    if (m_state != State::Polling)
        return;
    qCInfo(lcConnection) << "polling no longer answers:" << reason;
    m_lastError = reason;
    m_pollWatchdog.stop();
    m_state = State::Reconnecting; // past setState's guard, which hides the WebSocket's attempts while polling
    qCInfo(lcConnection) << "state:" << stateName(m_state);
    Q_EMIT stateChanged(m_state);
}

void ConnectionService::restartPollingFresh()
{
    // The WebSocket began subscribing while polling, so polled events were
    // held back; it failed before going live: poll on from a fresh snapshot.
    if (!m_wsSyncing)
        return;
    m_wsSyncing = false;
    if (!m_pollingActive)
        return;
    m_pollingActive = false;
    m_polling.stop();
    startPolling();
}

void ConnectionService::goLive()
{
    m_replayUntil = 0;
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

void ConnectionService::startHeartbeat(int periodMs)
{
    // The server names its period, but a hung server must not be able to
    // keep a dead link "Live" for an hour: the period is capped.
    m_heartbeatTimer.start(std::clamp(periodMs, 1, kMaxHeartbeatMs));
    armSilenceCheck();
}

void ConnectionService::armSilenceCheck()
{
    // Checked when two periods since the last sign of life would be over,
    // not once a period, so that silence is found after two periods, not up to three.
    const qint64 limit = 2 * qint64(m_heartbeatTimer.interval());
    const qint64 left = m_lastHeard.isValid() ? limit - m_lastHeard.elapsed() : limit;
    m_silenceTimer.start(int(std::max<qint64>(1, left)));
}

void ConnectionService::onSilenceCheck()
{
    // TCP alone may not notice a server that froze or a cable pulled out; a
    // link that has said nothing, not even a pong, for two periods is dead.
    if (!m_socket)
        return;
    if (m_lastHeard.elapsed() >= 2 * qint64(m_heartbeatTimer.interval())) {
        linkLost(tr("no answer from the server for %1 s").arg(m_lastHeard.elapsed() / 1000.0, 0, 'f', 1));
        return;
    }
    armSilenceCheck();
}

void ConnectionService::onHeartbeat()
{
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
    // Nobody waits for an answer that cannot come: the callers learn it now.
    failPendingRequests(QStringLiteral("offline"), tr("the connection failed: %1").arg(reason));
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
