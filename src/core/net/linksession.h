#pragma once

#include "domain/link.h"
#include "protocol/messages.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

class LinkDialect;
class RequestTracker;
class SequenceGuard;

// The watchfloor session carried by one link after another: hello, auth,
// then a resume or one subscription per channel; the snapshot gate; the
// rooms; the session id and how the last reconnect picked it up. It owns
// that bookkeeping (the session id and the server that opened it, the rooms
// wanted and those the server's session holds, the snapshots still awaited,
// the replay still to come, the channels refused) and promises: auth goes
// out on hello; then a resume, only on the server that opened the session,
// or a subscription per channel in the order given followed by the rooms;
// live() once the last snapshot awaited is applied or a resume's replay is
// in; rooms re-entered on every new session and kept in step after a resume.
// It sends through its Link and never touches a socket, a timer or the
// link's state. Lives on its owner's thread.
class LinkSession : public QObject
{
    Q_OBJECT

public:
    using Recovery = Domain::LinkRecovery;

    // A detail stream limited to some entities (ConnectionService::addRoom).
    struct Room
    {
        QString channel; // drone_detail, endpoint_stream, …
        QString filter; // serials, endpointIds, …
        QStringList ids;
        bool operator==(const Room &) const = default;
    };

    // What the session needs of the link it runs on.
    class Link
    {
    public:
        virtual ~Link() = default;
        // Sends one text frame; nothing when the link is closed.
        virtual void sendText(const QString &text) = 0;
        // Whether the link is still open (a handler may just have dropped it).
        virtual bool isOpen() const = 0;
        // The server the link is connected to.
        virtual QUrl server() const = 0;
        // The dialect the link speaks; nullptr while it is being found out.
        virtual const LinkDialect *linkDialect() const = 0;
        // Whether a room added or removed now goes out at once: the link is
        // live over a WebSocket whose dialect has rooms.
        virtual bool roomsLive() const = 0;
    };

    LinkSession(Link &link, RequestTracker &requests, SequenceGuard &sequence, QObject *parent = nullptr);

    void setCredentials(const QString &token, const QString &operatorName);
    // Channels subscribed on every fresh session, in this order.
    void setChannels(const QStringList &channels) { m_channels = channels; }
    const QStringList &channels() const { return m_channels; }

    void addRoom(const Room &room);
    void removeRoom(const Room &room);
    const QList<Room> &rooms() const { return m_rooms; }

    // A new link opens: no snapshot awaited, no replay, no channel refused.
    void newLink();
    // A watchfloor server greeted: authenticate.
    void greet(const Protocol::Hello &hello);
    // A server took the console in by itself (Socket.IO): there is no session
    // to resume; the wanted rooms are joined and the link is live.
    void takenIn();
    // The session cannot be resumed (a plain server, polling, a numbering
    // that started over); the next auth subscribes afresh.
    void forget() { m_sessionId.clear(); }
    // A snapshot of `channel` was applied.
    void snapshotApplied(const QString &channel) { stopAwaiting(channel); }
    // A frame's events were applied: live once a resume's replay is all in.
    void frameApplied();
    // The link went live, by this session or otherwise: no replay is awaited
    // any more, and the next authentication is a recovery.
    void noteLive();

    QString serverName() const { return m_serverName; }
    QString sessionId() const { return m_sessionId; }
    QString role() const { return m_role; }
    QStringList refusedChannels() const { return m_refusedChannels; }
    Recovery lastRecovery() const { return m_lastRecovery; }

Q_SIGNALS:
    // A fresh session's subscriptions are about to go out.
    void subscribing();
    // Every snapshot awaited is applied, or the resume's replay is in.
    void live();
    // The server refused the token; it closes the link next.
    void authRefused(const QString &reason);
    // An answer could not be read: the link cannot go on.
    void broken(const QString &reason);
    // Every channel was refused: retrying would meet the same refusal.
    void failed(const QString &reason);
    void roomRefused(const LinkSession::Room &room, const QString &reason);
    void channelRefused(const QString &channel, const QString &reason);

private:
    void onAuthAnswer(const Protocol::Result &result);
    void onResumeAnswer(const Protocol::Result &result);
    void onSubscribeAnswer(const QString &channel, const Protocol::Result &result);
    void onRoomAnswer(const Room &room, const Protocol::Result &result);
    void subscribeAll();
    void sendRoom(bool subscribe, const Room &room, bool awaitSnapshot);
    void syncRoomsAfterResume();
    // One snapshot of `channel` is no longer awaited (it came, or was refused).
    void stopAwaiting(const QString &channel);
    void send(const QByteArray &request);

    Link &m_link;
    RequestTracker &m_requests;
    SequenceGuard &m_sequence;
    QString m_token;
    QString m_operatorName;
    QStringList m_channels;
    QHash<QString, int> m_awaitingSnapshot; // channel → snapshots still to come
    QList<Room> m_rooms; // wanted
    QList<Room> m_serverRooms; // subscribed on the server's session
    QString m_serverName;
    QString m_sessionId;
    QUrl m_sessionUrl; // the server that opened m_sessionId: a session is resumed only there
    QString m_freshSessionId; // the session auth opened, used if resuming the old one fails
    QStringList m_refusedChannels;
    quint64 m_replayUntil = 0; // after a resume: live once the replay reached this seq
    QString m_role;
    bool m_wasLive = false;
    Recovery m_lastRecovery = Recovery::None;
};
