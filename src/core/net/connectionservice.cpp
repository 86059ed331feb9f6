// Longer than the project's 500 lines: the coordinator still sets up and
// tears down the WebSocket and finds out the dialect from its first frames,
// both woven through the link's state, timers and reconnects; the session
// itself lives in LinkSession and every other duty in its own part.
#include "connectionservice.h"

#include "heartbeat.h"
#include "linkdialect.h"
#include "linksession.h"
#include "linkstats.h"
#include "pollingfallback.h"
#include "protocol/decoder.h"
#include "protocol/encoder.h"
#include "reconnector.h"
#include "requesttracker.h"
#include "sequenceguard.h"
#include "serverrotation.h"
#include "tlstrust.h"

#include <QLoggingCategory>
#include <QNetworkInformation>
#include <QNetworkRequest>
#include <QSslError>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

// Debug (every frame) is opt-in: QT_LOGGING_RULES=watchfloor.net.connection.debug=true
Q_LOGGING_CATEGORY(lcConnection, "watchfloor.net.connection", QtInfoMsg)

namespace {

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

// Contract: whether the server's close refuses this console's credentials,
// so the link stops (Failed) instead of reconnecting, since retrying would
// meet the same refusal. Only these are final:
// - 4003 (forbidden): the server refused the operator's rights;
// - 4001 (unauthorized) after the server answered this link's `auth` with a
//   refusal (`authRefusedHere`: LinkSession::authRefused);
// - 4001 without such an answer, unless its reason says the sign-in timed
//   out: a 0.1.0 server closes a sign-in that came too late with 4001
//   "no auth within 5 s", which says nothing of the token.
// Every other close is transient, reconnected with backoff: 4008 (the
// server's sign-in deadline passed, as when a stalled link held the `auth`
// back), any other code, and a socket that merely dropped.
bool closeRefusesCredentials(int code, const QString &reason, bool authRefusedHere)
{
    if (code == kCloseForbidden)
        return true;
    if (code != kCloseUnauthorized)
        return false;
    if (authRefusedHere)
        return true;
    const bool signInTimedOut = reason.contains(u"no auth within", Qt::CaseInsensitive)
        || reason.contains(u"timeout", Qt::CaseInsensitive) || reason.contains(u"timed out", Qt::CaseInsensitive);
    return !signInTimedOut;
}

} // namespace

ConnectionService::ConnectionService(QObject *parent)
    : QObject(parent)
    , m_requests(std::make_unique<RequestTracker>())
    , m_reconnector(std::make_unique<Reconnector>())
    , m_rotation(std::make_unique<ServerRotation>())
    , m_heartbeat(std::make_unique<Heartbeat>(kMaxHeartbeatMs))
    , m_stats(std::make_unique<LinkStats>())
    , m_sequence(std::make_unique<SequenceGuard>(kMaxDuplicateRun))
    , m_polling(std::make_unique<PollingFallback>())
    , m_session(std::make_unique<LinkSession>(static_cast<LinkSession::Link &>(*this), *m_requests, *m_sequence))
{
    m_setupTimer.setSingleShot(true);
    connect(&m_setupTimer, &QTimer::timeout, this,
            [this] { linkLost(tr("no live link within %1 s").arg(m_settings.connectTimeoutMs / 1000.0)); });
    connect(m_reconnector.get(), &Reconnector::retryDue, this, &ConnectionService::openSocket);
    // A link that stays live long enough resets the backoff.
    connect(m_reconnector.get(), &Reconnector::stable, this, [this] {
        if (isLive())
            m_reconnector->resetAttempts();
    });
    connect(m_rotation.get(), &ServerRotation::probeDue, this, &ConnectionService::probePrimary);
    connect(m_rotation.get(), &ServerRotation::primaryAnswers, this, &ConnectionService::returnToPrimary);
    connect(m_heartbeat.get(), &Heartbeat::beat, this, &ConnectionService::onHeartbeat);
    // TCP alone may not notice a server that froze or a cable pulled out; a
    // link that has said nothing, not even a pong, for two periods is dead.
    connect(m_heartbeat.get(), &Heartbeat::silent, this, [this](qint64 silentMs) {
        if (m_socket)
            linkLost(tr("no answer from the server for %1 s").arg(silentMs / 1000.0, 0, 'f', 1));
    });
    connect(m_polling.get(), &PollingFallback::messageReceived, this, [this](const Protocol::Message &message) {
        m_lastMessageAt = QDateTime::currentDateTimeUtc();
        Q_EMIT messageReceived(message); // the journal numbers its own stream; no seq check against the WebSocket's
    });
    connect(m_polling.get(), &PollingFallback::protocolErrorOccurred, this, [this](const Protocol::DecodeError &error) {
        ++m_protocolErrors;
        Q_EMIT protocolErrorOccurred(error);
    });
    connect(m_polling.get(), &PollingFallback::current, this, [this] {
        if (m_state != State::Live)
            setState(State::Polling);
    });
    // Not current: leave Polling at once (the fallback keeps polling; its
    // next answer returns to it).
    connect(m_polling.get(), &PollingFallback::notCurrent, this, &ConnectionService::leavePolling);
    connect(m_polling.get(), &PollingFallback::refused, this, [this](const QString &reason) {
        qCWarning(lcConnection) << "polling refused:" << reason;
        leavePolling(reason);
    });
    // The WebSocket has been failing long enough while the console waits for
    // its next attempt (a long backoff): fall back now rather than at the
    // next failure. During an attempt the failure that ends it decides.
    connect(m_polling.get(), &PollingFallback::webSocketDownLong, this, [this] {
        if (m_state == State::Reconnecting && m_reconnector->isWaiting() && shouldPoll(m_reconnector->attempt()))
            startPolling();
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
    connect(m_session.get(), &LinkSession::subscribing, this, [this] { m_polling->holdBack(); });
    connect(m_session.get(), &LinkSession::live, this, &ConnectionService::goLive);
    // The server closes with 4001 next; onSocketDisconnected() reports it.
    connect(m_session.get(), &LinkSession::authRefused, this, [this](const QString &reason) {
        m_authRefused = true;
        m_failureReason = reason;
    });
    connect(m_session.get(), &LinkSession::broken, this, [this](const QString &reason) {
        ++m_protocolErrors;
        linkLost(reason);
    });
    connect(m_session.get(), &LinkSession::failed, this, [this](const QString &reason) {
        if (m_socket)
            m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        fail(reason);
    });
    connect(m_session.get(), &LinkSession::roomRefused, this, &ConnectionService::roomRefused);
    connect(m_session.get(), &LinkSession::channelRefused, this, &ConnectionService::channelRefused);
    setSettings(m_settings);
}

ConnectionService::~ConnectionService()
{
    m_polling->stop();
    dropSocket();
}

void ConnectionService::setSettings(const ConnectionSettings &settings)
{
    m_settings = settings;
    m_reconnector->setBackoff(settings.backoffBaseMs, settings.backoffCapMs);
    m_rotation->setServers(settings.url, settings.fallbackUrls, settings.attemptsPerServer);
    m_session->setCredentials(settings.token, settings.operatorName);
}

void ConnectionService::setSubscriptions(const QStringList &channels)
{
    m_session->setChannels(channels);
}

void ConnectionService::addRoom(const Room &room)
{
    m_session->addRoom(room);
}

void ConnectionService::removeRoom(const Room &room)
{
    m_session->removeRoom(room);
}

bool ConnectionService::roomsLive() const
{
    return m_state == State::Live && m_socket && m_dialect && m_dialect->hasRooms() && !m_polling->isActive();
}

void ConnectionService::start()
{
    if (m_state != State::Disconnected && m_state != State::Failed && m_state != State::Offline
        && m_state != State::Paused)
        return;
    m_reconnector->resetAttempts();
    m_polling->resetFailingClock();
    openSocket();
}

void ConnectionService::pause()
{
    if (m_state == State::Paused || m_state == State::Disconnected)
        return;
    m_polling->stop();
    m_polling->resetFailingClock();
    m_rotation->stopProbing();
    m_reconnector->cancel();
    m_setupTimer.stop();
    m_heartbeat->stop();
    m_requests->failCallers(QStringLiteral("offline"), tr("live updates are paused"));
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
    m_polling->stop();
    m_polling->resetFailingClock();
    m_rotation->stopProbing();
    m_reconnector->cancel();
    m_setupTimer.stop();
    m_heartbeat->stop();
    m_requests->failCallers(QStringLiteral("offline"), tr("the console stopped"));
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
    m_reconnector->cancel();
    if (m_state == State::Offline)
        m_reconnector->resetAttempts();
    openSocket();
}

void ConnectionService::networkBecameReachable()
{
    if (m_state == State::Reconnecting && m_reconnector->isWaiting()) {
        qCInfo(lcConnection) << "the network is back; retrying now";
        retryNow();
    }
}

int ConnectionService::attempt() const
{
    return m_reconnector->attempt();
}

qint64 ConnectionService::msUntilRetry() const
{
    return m_state == State::Reconnecting ? m_reconnector->msUntilRetry() : -1;
}

ConnectionSettings::Dialect ConnectionService::dialect() const
{
    return m_dialect ? m_dialect->kind() : ConnectionSettings::Dialect::Auto;
}

bool ConnectionService::deliversSnapshots() const
{
    return m_dialect && m_dialect->deliversSnapshots();
}

QUrl ConnectionService::currentUrl() const
{
    return m_rotation->current();
}

int ConnectionService::heartbeatPeriodMs() const
{
    return m_heartbeat->periodMs();
}

qint64 ConnectionService::roundTripMs() const
{
    return m_stats->roundTripMs();
}

qint64 ConnectionService::lastOutageMs() const
{
    return m_stats->lastOutageMs();
}

qint64 ConnectionService::currentOutageMs() const
{
    return m_stats->currentOutageMs();
}

void ConnectionService::startOutage()
{
    m_stats->startOutage();
    m_downSince = QDateTime::currentDateTimeUtc();
}

quint64 ConnectionService::lastSeq() const
{
    return m_sequence->lastSeq();
}

double ConnectionService::eventsPerSecond() const
{
    return m_stats->eventsPerSecond();
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
    m_requests->failCallers(QStringLiteral("offline"), tr("the link to the server was lost"));
    m_requests->clear();
    m_session->newLink();
    m_failureReason.clear();
    m_authRefused = false;
    m_sequence->newLink();

    // Socket.IO is never found out, only named by the profile; the others
    // are told apart once the server answers.
    using Kind = ConnectionSettings::Dialect;
    m_dialect = m_settings.dialect == Kind::SocketIo
        ? LinkDialect::create(Kind::SocketIo, m_settings.token, currentUrl())
        : nullptr;
    const QUrl url = m_dialect ? m_dialect->socketUrl(currentUrl()) : currentUrl();
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
    connect(socket, &QWebSocket::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_tlsFailure = TlsTrust::refusal(errors); });

    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket == m_socket)
            Q_EMIT socketOpened();
    });
    connect(socket, &QWebSocket::connected, this, &ConnectionService::onSocketConnected);
    connect(socket, &QWebSocket::disconnected, this, &ConnectionService::onSocketDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &ConnectionService::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &bytes) {
        noteHeard();
        onFrame(Protocol::decodeFrame(bytes));
    });
    connect(socket, &QWebSocket::pong, this, [this](quint64 elapsed, const QByteArray &) {
        m_heartbeat->heard();
        m_stats->setRoundTrip(qint64(elapsed));
        Q_EMIT roundTripMeasured(m_stats->roundTripMs());
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
    options.setSubprotocols(m_dialect ? m_dialect->subprotocols() : QStringList {LinkDialect::subprotocol()});
    qCInfo(lcConnection) << "connecting to" << url.toDisplayString(QUrl::RemoveUserInfo) << "attempt"
                         << m_reconnector->attempt() + 1;
    socket->open(QNetworkRequest(url), options);
}

std::optional<QSslConfiguration> ConnectionService::tlsConfiguration(QString *error) const
{
    return TlsTrust::configuration(m_settings.caFile, error);
}

void ConnectionService::dropSocket()
{
    m_heartbeat->stop();
    // The WebSocket began subscribing while polling, so polled events were
    // held back; it failed before going live: poll on from a fresh snapshot.
    if (m_polling->takeHeldBack())
        startPolling();
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
    using Kind = ConnectionSettings::Dialect;
    m_heartbeat->heard();
    m_heartbeat->start(m_settings.heartbeatMs);
    setState(State::Authenticating);
    if (m_dialect)
        return; // named before the handshake (Socket.IO): its server speaks first
    if (m_settings.dialect == Kind::Watchfloor) {
        m_dialect = LinkDialect::create(Kind::Watchfloor, m_settings.token,
                                        currentUrl()); // the profile says so; wait for hello
    } else if (m_settings.dialect == Kind::Plain || m_socket->subprotocol() != LinkDialect::subprotocol()) {
        startPlain(); // a server that did not take our subprotocol is plain
    } else {
        // A watchfloor server greets at once; one that says nothing may be a
        // plain server waiting to be spoken to.
        QPointer<QWebSocket> socket = m_socket;
        QTimer::singleShot(std::min(kHelloWaitMs, m_settings.connectTimeoutMs / 2), this, [this, socket] {
            if (socket && socket == m_socket && !m_dialect) {
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
    m_dialect = LinkDialect::create(ConnectionSettings::Dialect::Plain, m_settings.token, currentUrl());
    qCInfo(lcConnection) << "the server speaks the plain dialect";
    // No sessions to resume here: whatever numbering the server uses starts
    // over with each connection.
    m_session->forget();
    m_sequence->restart();
    for (const QString &frame :
         m_dialect->openingFrames(m_session->channels(), [this] { return m_requests->nextId(); }))
        sendText(frame);
    goLive();
}

void ConnectionService::onText(const QString &text)
{
    noteHeard();
    if (!m_dialect) {
        onFrame(Protocol::decodeFrame(text.toUtf8()));
        return;
    }
    const LinkDialect::Reaction reaction = m_dialect->readText(text);
    if (!reaction.unreadable.isEmpty()) {
        ++m_protocolErrors;
        qCWarning(lcConnection) << "Socket.IO protocol error:" << reaction.unreadable; // only its framing reports these
        return;
    }
    if (reaction.heartbeatMs > 0)
        m_heartbeat->start(reaction.heartbeatMs);
    for (const QString &reply : reaction.replies)
        sendText(reply);
    switch (reaction.link) {
    case LinkDialect::Reaction::Link::Opened:
        m_session->takenIn();
        return;
    case LinkDialect::Reaction::Link::Refused:
        fail(reaction.reason);
        return;
    case LinkDialect::Reaction::Link::Lost:
        linkLost(reaction.reason);
        return;
    case LinkDialect::Reaction::Link::Unchanged:
        break;
    }
    if (reaction.frame)
        onFrame(*reaction.frame);
}

void ConnectionService::onSocketDisconnected()
{
    if (!m_socket)
        return;
    // Application close codes (4000-4999) lie outside the CloseCode enum's
    // range: compare them as plain numbers.
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    if (closeRefusesCredentials(code, reason, m_authRefused)) {
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

void ConnectionService::onFrame(const Protocol::DecodedFrame &frame)
{
    using Kind = ConnectionSettings::Dialect;
    qCDebug(lcConnection) << "frame:" << frame.messages.size() << "messages," << frame.errors.size() << "errors";
    if (!m_dialect) {
        if (LinkDialect::opensWithHello(frame))
            m_dialect = LinkDialect::create(Kind::Watchfloor, m_settings.token, currentUrl());
        else
            startPlain();
    } else if (m_dialect->kind() == Kind::Plain && m_settings.dialect == Kind::Auto
               && LinkDialect::opensWithHello(frame)) {
        // A watchfloor server that greeted late (taken for plain while it was
        // silent): not live until it has authenticated and sent its snapshots.
        qCInfo(lcConnection) << "a late hello: the server speaks the watchfloor dialect after all";
        m_dialect = LinkDialect::create(Kind::Watchfloor, m_settings.token, currentUrl());
        m_reconnector->stopStableClock();
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
        if (const auto *hello = std::get_if<Protocol::Hello>(&message.body)) {
            m_heartbeat->start(hello->heartbeatMs);
            m_session->greet(*hello);
        } else if (const auto *result = std::get_if<Protocol::Result>(&message.body))
            m_requests->resolve(*result); // nothing when it answers a request of an earlier connection
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
            m_session->snapshotApplied(snapshot->channel);
    }
    m_session->frameApplied();
}

bool ConnectionService::acceptSequence(const Protocol::Message &message)
{
    if (!message.seq)
        return true; // answers, and every message of a server without numbering
    const quint64 seq = *message.seq;
    const quint64 last = m_sequence->lastSeq();
    switch (m_sequence->check(seq)) {
    case SequenceGuard::Verdict::Apply:
        m_stats->countEvent();
        return true;
    case SequenceGuard::Verdict::Duplicate:
        qCInfo(lcConnection) << "dropped duplicate event" << seq << "after" << last;
        return false;
    case SequenceGuard::Verdict::Restarted:
        // Not an overlap: the server numbers afresh. Holding on would freeze
        // every update while the link looks live; start over.
        qCInfo(lcConnection) << "dropped duplicate event" << seq << "after" << last;
        m_session->forget();
        linkLost(tr("the server's event numbers went back from %1 to %2").arg(last).arg(seq));
        return false;
    case SequenceGuard::Verdict::Gap:
        // Events were lost on the way: reconnect and resume from the last one
        // applied; the server replays the rest, or tells us to resync.
        linkLost(tr("events %1 to %2 are missing from the stream").arg(last + 1).arg(seq - 1));
        return false;
    }
    return false;
}

void ConnectionService::probePrimary()
{
    // The primary counts as back only when it greets as the link in use
    // expects (ServerRotation::probe); the switch itself goes through the
    // normal connect path (returnToPrimary).
    QString tlsError;
    const auto tls = tlsConfiguration(&tlsError);
    if (!tls)
        return;
    using Kind = ConnectionSettings::Dialect;
    const Kind expected = m_settings.dialect == Kind::Auto ? dialect() : m_settings.dialect;
    m_rotation->probe(LinkDialect::create(expected, m_settings.token, m_settings.url), *tls, m_settings.maxMessageBytes,
                      m_settings.connectTimeoutMs);
}

void ConnectionService::returnToPrimary()
{
    if (m_rotation->onPrimary() || m_state != State::Live)
        return;
    qCInfo(lcConnection) << "the primary server answers again; returning to it";
    m_rotation->stopProbing();
    closeSocketGracefully(QStringLiteral("returning to the primary server"));
    m_rotation->returnToPrimary();
    startOutage();
    setState(State::Reconnecting);
    openSocket();
}

bool ConnectionService::shouldPoll(int failuresInARow) const
{
    using Kind = ConnectionSettings::Dialect;
    return m_settings.pollingFallback && !m_polling->isActive() && !m_polling->wasRefused()
        && failuresInARow >= m_settings.pollAfterAttempts && m_polling->webSocketDownLongEnough()
        && (m_settings.dialect == Kind::Auto || m_settings.dialect == Kind::Watchfloor);
}

void ConnectionService::startPolling()
{
    qCInfo(lcConnection) << "the WebSocket keeps failing; polling the REST API meanwhile";
    // Polled events are numbered by the server's journal, not by our
    // WebSocket session: once the WebSocket is back it subscribes afresh.
    m_session->forget();
    m_sequence->restart();
    QString tlsError;
    m_polling->start(m_settings, currentUrl(), m_session->channels(), tlsConfiguration(&tlsError));
}

void ConnectionService::leavePolling(const QString &reason)
{
    // Polled data is current only while polls are answered: without one the
    // console says so at once instead of showing the last answer as live.
    if (m_state != State::Polling)
        return;
    qCInfo(lcConnection) << "polling no longer answers:" << reason;
    m_lastError = reason;
    m_polling->stopDeadline();
    m_state = State::Reconnecting; // past setState's guard, which hides the WebSocket's attempts while polling
    qCInfo(lcConnection) << "state:" << stateName(m_state);
    Q_EMIT stateChanged(m_state);
}

void ConnectionService::goLive()
{
    m_session->noteLive();
    m_polling->stop();
    m_polling->forgetRefusal();
    m_polling->resetFailingClock();
    m_setupTimer.stop();
    // The backoff only starts over once the link proves stable: a server that
    // accepts and drops at once must not be hammered at the base delay.
    m_reconnector->startStableClock(m_settings.stableAfterMs);
    m_rotation->noteLive();
    if (!m_rotation->onPrimary())
        m_rotation->startProbing(m_settings.primaryProbeMs);
    m_lastLiveAt = QDateTime::currentDateTimeUtc();
    m_stats->endOutage();
    m_downSince = {};
    setState(State::Live);
}

void ConnectionService::request(const QString &type, const QJsonObject &fields, ResultHandler done)
{
    if (m_state == State::Polling) {
        m_polling->request(type, fields, std::move(done));
        return;
    }
    if (m_state != State::Live || !m_socket || !m_dialect) {
        Protocol::Result refused;
        refused.error = {QStringLiteral("offline"), tr("not connected to the server")};
        if (done)
            done(refused);
        return;
    }
    if (!m_dialect->answersRequests()) {
        // These servers answer no requests: the message goes out, and the
        // caller learns that its effect cannot be confirmed here.
        Protocol::Result sent;
        sent.ok = true;
        sent.data = {{QLatin1StringView("unconfirmed"), true}};
        if (const auto frame = m_dialect->unansweredRequest(type, fields, [this] { return m_requests->nextId(); })) {
            sendText(*frame);
        } else {
            sent = {};
            sent.error = {QStringLiteral("unsupported"), tr("a Socket.IO server of this kind has no %1").arg(type)};
        }
        if (done)
            done(sent);
        return;
    }
    const quint64 id = m_requests->trackCaller(type, m_settings.requestTimeoutMs, std::move(done));
    send(Protocol::encodeRequest(id, type, fields));
}

void ConnectionService::noteHeard()
{
    m_heartbeat->heard();
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
    if (!m_socket)
        return;
    m_socket->ping();
    if (m_dialect) {
        for (const QString &frame : m_dialect->heartbeatFrames([this] { return m_requests->nextId(); }))
            sendText(frame);
    }
}

void ConnectionService::linkLost(const QString &reason)
{
    if (m_state == State::Disconnected || m_state == State::Failed || m_state == State::Offline
        || m_state == State::Paused)
        return;
    qCInfo(lcConnection) << "link lost:" << reason;
    m_lastError = reason;
    if (m_state == State::Live)
        startOutage();
    m_setupTimer.stop();
    m_reconnector->stopStableClock();
    m_rotation->stopProbing();
    dropSocket();
    m_requests->failCallers(QStringLiteral("offline"), tr("the link to the server was lost: %1").arg(reason));
    if (m_rotation->noteLinkLost())
        qCInfo(lcConnection) << "moving on to" << currentUrl().toDisplayString(QUrl::RemoveUserInfo);
    scheduleReconnect();
}

void ConnectionService::fail(const QString &reason)
{
    qCWarning(lcConnection) << "connection failed:" << reason;
    m_failureReason = reason;
    if (m_state == State::Live)
        startOutage();
    m_polling->stop();
    m_polling->resetFailingClock();
    m_rotation->stopProbing();
    m_reconnector->cancel();
    m_setupTimer.stop();
    dropSocket();
    // Nobody waits for an answer that cannot come: the callers learn it now.
    m_requests->failCallers(QStringLiteral("offline"), tr("the connection failed: %1").arg(reason));
    setState(State::Failed);
}

void ConnectionService::scheduleReconnect()
{
    if (m_reconnector->exhausted(m_settings.maxAttempts)) {
        qCWarning(lcConnection) << "giving up after" << m_reconnector->attempt() << "reconnect attempts";
        setState(State::Offline);
        return;
    }
    m_polling->webSocketFailed(m_settings.pollAfterMs);
    // This failure is attempt() + 1 in a row: the next one is not counted yet.
    if (shouldPoll(m_reconnector->attempt() + 1))
        startPolling();
    m_reconnector->schedule();
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
    if (m_state == State::Polling && m_polling->isActive()
        && (state == State::Connecting || state == State::Authenticating || state == State::Reconnecting))
        return;
    m_state = state;
    qCInfo(lcConnection) << "state:" << stateName(state);
    Q_EMIT stateChanged(state);
}

void ConnectionService::send(const QByteArray &request)
{
    sendText(QString::fromUtf8(request));
}

void ConnectionService::sendText(const QString &text)
{
    if (m_socket)
        m_socket->sendTextMessage(text);
}

bool ConnectionService::isOpen() const
{
    return !m_socket.isNull();
}

QUrl ConnectionService::server() const
{
    return currentUrl();
}

const LinkDialect *ConnectionService::linkDialect() const
{
    return m_dialect.get();
}
