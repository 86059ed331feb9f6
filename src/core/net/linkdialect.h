#pragma once

#include "config/connectionsettings.h"
#include "protocol/decoder.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

// How one kind of server is spoken to on the WebSocket, for what differs
// between them: the address and subprotocol of the handshake, how a text
// frame is read, which frames carry subscriptions, rooms, heartbeats and
// requests, and how a server shows it is back (the primary probe). A
// strategy without state of the link: ConnectionService owns one for the
// link in use (none while the dialect is still being found out) and acts on
// what it returns. Frames are returned, never sent; no thread of its own.
class LinkDialect
{
public:
    using Kind = ConnectionSettings::Dialect;
    // Hands out the id of a message (RequestTracker::nextId).
    using NextId = std::function<quint64()>;

    // What the link has to do after one text frame.
    struct Reaction
    {
        enum class Link { Unchanged, Opened, Lost, Refused };
        Link link = Link::Unchanged; // Opened: the server took the console in
        QString reason; // Lost and Refused: why
        QString unreadable; // a frame of the transport that could not be read
        int heartbeatMs = 0; // > 0: the heartbeat period the server asks for
        QStringList replies; // to send back at once, in order
        std::optional<Protocol::DecodedFrame> frame; // watchfloor messages to process
    };

    virtual ~LinkDialect() = default;

    // The strategy for `kind` on `server` (Auto: watchfloor's, which the
    // detection starts from); `token` authenticates where the dialect does so
    // in its handshake (Socket.IO).
    static std::unique_ptr<LinkDialect> create(Kind kind, const QString &token, const QUrl &server);
    // The WebSocket subprotocol of the watchfloor dialect.
    static QString subprotocol();
    // Reads a JSON frame of the watchfloor and plain dialects.
    static Reaction readJson(QByteArrayView utf8);
    // A watchfloor server's first words: its hello opens the frame.
    static bool opensWithHello(const Protocol::DecodedFrame &frame);

    virtual Kind kind() const = 0;

    // The handshake: where to, and the subprotocols offered.
    virtual QUrl socketUrl(const QUrl &server) const { return server; }
    virtual QStringList subprotocols() const { return {subprotocol()}; }

    // Whether the server sends snapshots, has rooms, answers requests.
    virtual bool deliversSnapshots() const { return false; }
    virtual bool hasRooms() const { return false; }
    virtual bool answersRequests() const { return false; }

    virtual Reaction readText(const QString &text) { return readJson(text.toUtf8()); }

    // Sent as soon as the link is known to speak this dialect.
    virtual QStringList openingFrames(const QStringList &channels, const NextId &nextId) const;
    // Sent with each WebSocket ping.
    virtual QStringList heartbeatFrames(const NextId &nextId) const;
    // Subscribes to or leaves a room; `id` correlates the answer where there is one.
    virtual QStringList roomFrames(bool subscribe, const QString &channel, const QString &filter,
                                   const QStringList &ids, quint64 id) const;
    // A request to a server that answers none: the frame that carries it, or
    // nothing when this server has no such request.
    virtual std::optional<QString> unansweredRequest(const QString &type, const QJsonObject &fields,
                                                     const NextId &nextId) const;

    // The primary probe: whether the completed handshake (with the
    // subprotocol the server took) already shows a server of this dialect,
    // and whether a first text frame is its greeting.
    virtual bool answeredByHandshake(const QString &acceptedSubprotocol) const
    {
        return acceptedSubprotocol != subprotocol();
    }
    virtual bool isGreeting(const QString &text) const;
};
