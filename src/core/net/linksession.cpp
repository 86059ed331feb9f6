#include "linksession.h"

#include "linkdialect.h"
#include "protocol/decoder.h"
#include "protocol/encoder.h"
#include "requesttracker.h"
#include "sequenceguard.h"

#include <QLoggingCategory>

// The link's own category (connectionservice.cpp): the session is part of the link.
Q_DECLARE_LOGGING_CATEGORY(lcConnection)

LinkSession::LinkSession(Link &link, RequestTracker &requests, SequenceGuard &sequence, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_requests(requests)
    , m_sequence(sequence)
{ }

void LinkSession::setCredentials(const QString &token, const QString &operatorName)
{
    m_token = token;
    m_operatorName = operatorName;
}

void LinkSession::addRoom(const Room &room)
{
    if (m_rooms.contains(room))
        return;
    m_rooms.append(room);
    if (m_link.roomsLive() && !m_serverRooms.contains(room)) {
        m_serverRooms.append(room);
        sendRoom(true, room, false);
    }
}

void LinkSession::removeRoom(const Room &room)
{
    if (!m_rooms.removeOne(room))
        return;
    if (m_link.roomsLive() && m_serverRooms.removeOne(room))
        sendRoom(false, room, false);
}

void LinkSession::newLink()
{
    m_awaitingSnapshot.clear();
    m_replayUntil = 0;
    m_refusedChannels.clear();
}

void LinkSession::noteLive()
{
    m_replayUntil = 0;
    m_wasLive = true;
}

void LinkSession::sendRoom(bool subscribe, const Room &room, bool awaitSnapshot)
{
    const LinkDialect *dialect = m_link.linkDialect();
    if (!dialect)
        return;
    quint64 id = 0;
    if (dialect->answersRequests()) {
        // Only a refused subscription matters; nobody waits for an unsubscribe.
        id = subscribe ? m_requests.track([this, room](const Protocol::Result &r) { onRoomAnswer(room, r); })
                       : m_requests.nextId();
        if (awaitSnapshot)
            ++m_awaitingSnapshot[room.channel];
    }
    for (const QString &frame : dialect->roomFrames(subscribe, room.channel, room.filter, room.ids, id))
        m_link.sendText(frame);
}

void LinkSession::syncRoomsAfterResume()
{
    // The server kept the session's subscriptions; rooms opened or closed
    // while the link was down still have to be told.
    for (const Room &room : std::as_const(m_rooms)) {
        if (!m_serverRooms.contains(room)) {
            m_serverRooms.append(room);
            sendRoom(true, room, false);
        }
    }
    for (qsizetype i = m_serverRooms.size() - 1; i >= 0; --i) {
        if (!m_rooms.contains(m_serverRooms.at(i)))
            sendRoom(false, m_serverRooms.takeAt(i), false);
    }
}

void LinkSession::greet(const Protocol::Hello &hello)
{
    m_serverName = hello.server;
    // Authenticate even when the server does not require a token: `auth`
    // carries the operator's name, which the server shows to other consoles.
    const quint64 id = m_requests.track([this](const Protocol::Result &r) { onAuthAnswer(r); });
    send(Protocol::encodeAuth(id, m_token, m_operatorName, QStringLiteral("watchfloor " WATCHFLOOR_VERSION)));
}

void LinkSession::takenIn()
{
    // A server that takes the console in by itself (Socket.IO) has no
    // sessions to resume: each connection numbers (if at all) from its start.
    m_sessionId.clear();
    m_sequence.restart();
    // A new session is in no room yet: join the wanted ones before going
    // live, so that a room taken meanwhile goes out once.
    m_serverRooms = m_rooms;
    for (const Room &room : std::as_const(m_rooms))
        sendRoom(true, room, false);
    Q_EMIT live();
}

void LinkSession::onAuthAnswer(const Protocol::Result &result)
{
    if (!result.ok) {
        Q_EMIT authRefused(tr("the server refused the token: %1")
                               .arg(result.error.message.isEmpty() ? result.error.code : result.error.message));
        return;
    }
    const auto grant = Protocol::decodeAuthGrant(result.data);
    if (const auto *error = std::get_if<Protocol::DecodeError>(&grant)) {
        Q_EMIT broken(tr("bad answer to auth: %1").arg(error->toString()));
        return;
    }
    const auto &g = std::get<Protocol::AuthGrant>(grant);
    m_role = g.role;
    if (m_wasLive)
        m_lastRecovery = Recovery::Resynced; // unless the resume below succeeds
    if (!m_sessionId.isEmpty() && m_sequence.lastSeq() > 0 && m_sessionUrl == m_link.server()) {
        // Pick up the old session where it broke off: the server replays
        // what we missed, or answers resync_required. Only on the server
        // that opened it: another server's ids may well collide.
        const quint64 id = m_requests.track([this](const Protocol::Result &r) { onResumeAnswer(r); });
        m_freshSessionId = g.sessionId;
        send(Protocol::encodeResume(id, m_sessionId, m_sequence.lastSeq()));
        return;
    }
    m_sessionId = g.sessionId;
    m_sessionUrl = m_link.server();
    m_sequence.restart();
    subscribeAll();
}

void LinkSession::onResumeAnswer(const Protocol::Result &result)
{
    if (result.ok) {
        m_lastRecovery = Recovery::Resumed;
        // The replay follows this answer in order, then the live stream.
        // What was missed must be applied before the data counts as live:
        // live once the last replayed event is in (frameApplied).
        const qint64 replayed = result.data.value(QLatin1StringView("replayed")).toInteger(0);
        syncRoomsAfterResume();
        if (replayed > 0)
            m_replayUntil = m_sequence.lastSeq() + quint64(replayed);
        else
            Q_EMIT live();
        return;
    }
    qCInfo(lcConnection) << "resume refused:" << result.error.code << "- subscribing afresh";
    m_lastRecovery = Recovery::Resynced;
    m_sessionId = m_freshSessionId;
    m_sessionUrl = m_link.server();
    m_sequence.restart();
    subscribeAll();
}

void LinkSession::onRoomAnswer(const Room &room, const Protocol::Result &result)
{
    if (result.ok)
        return;
    const QString reason = result.error.message.isEmpty() ? result.error.code : result.error.message;
    qCWarning(lcConnection) << "room" << room.channel << room.ids << "refused:" << reason;
    m_serverRooms.removeOne(room);
    Q_EMIT roomRefused(room, reason);
    stopAwaiting(room.channel); // no snapshot follows a refusal
}

void LinkSession::onSubscribeAnswer(const QString &channel, const Protocol::Result &result)
{
    if (result.ok)
        return;
    // One channel the server does not know (an older server, a profile
    // naming a channel of another site) must not take the others down: the
    // console goes on without it. Only when every channel is refused is
    // there nothing to show, and retrying would be refused the same way.
    const QString reason = result.error.message.isEmpty() ? result.error.code : result.error.message;
    qCWarning(lcConnection) << "subscription to" << channel << "refused:" << reason;
    if (!m_refusedChannels.contains(channel))
        m_refusedChannels.append(channel);
    Q_EMIT channelRefused(channel, reason);
    if (!m_link.isOpen())
        return;
    if (m_refusedChannels.size() >= m_channels.size()) {
        Q_EMIT failed(tr("the server refused the subscription to %1: %2").arg(channel, reason));
        return;
    }
    stopAwaiting(channel);
}

void LinkSession::subscribeAll()
{
    Q_EMIT subscribing();
    for (const QString &channel : std::as_const(m_channels)) {
        const quint64 id
            = m_requests.track([this, channel](const Protocol::Result &r) { onSubscribeAnswer(channel, r); });
        ++m_awaitingSnapshot[channel];
        send(Protocol::encodeSubscribe(id, channel));
    }
    // A fresh session: every room is subscribed again, and counts towards
    // being live like the channels (its snapshot fills the detail view).
    m_serverRooms = m_rooms;
    for (const Room &room : std::as_const(m_rooms))
        sendRoom(true, room, true);
    if (m_awaitingSnapshot.isEmpty())
        Q_EMIT live();
}

void LinkSession::stopAwaiting(const QString &channel)
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
        Q_EMIT live();
}

void LinkSession::frameApplied()
{
    if (m_replayUntil != 0 && m_sequence.lastSeq() >= m_replayUntil && m_link.isOpen())
        Q_EMIT live(); // the resume's replay is all in
}

void LinkSession::send(const QByteArray &request)
{
    m_link.sendText(QString::fromUtf8(request));
}
