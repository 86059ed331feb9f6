#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QUrl>

#include <array>
#include <optional>
#include <utility>

// What the connection service needs to reach one server. Filled from a profile
// (core/app) or by the demo mode; the token is never logged.
struct ConnectionSettings
{
    // Which protocol the server speaks (docs/protocol.md). Auto tells the
    // watchfloor dialect from plain by the subprotocol and the first message.
    enum class Dialect { Auto, Watchfloor, Plain, SocketIo };
    Dialect dialect = Dialect::Auto;

    // The word a profile and the administrator's reports use for each dialect.
    static constexpr std::array<std::pair<Dialect, QStringView>, 4> kDialectWords = {{
        {Dialect::Auto, u"auto"},
        {Dialect::Watchfloor, u"watchfloor"},
        {Dialect::Plain, u"plain"},
        {Dialect::SocketIo, u"socketio"},
    }};
    static QString dialectWord(Dialect d)
    {
        for (const auto &[known, word] : kDialectWords) {
            if (known == d)
                return word.toString();
        }
        return {};
    }
    static std::optional<Dialect> dialectFromWord(QStringView word)
    {
        for (const auto &[known, w] : kDialectWords) {
            if (w == word)
                return known;
        }
        return std::nullopt;
    }

    QUrl url; // the primary server
    QList<QUrl> fallbackUrls; // tried in order when the primary keeps failing
    QString caFile; // PEM certificates trusted for wss:// besides the system's; empty: the system's only
    QString token;
    QString operatorName;
    int connectTimeoutMs = 10000; // from opening the socket until the link is live
    // Waits before reconnecting: full jitter below base·2ⁿ, never above the
    // cap. The cap is how long a server that is back can go unnoticed, so it
    // is short enough for a LAN (a few seconds); the jitter spreads a fleet
    // of consoles evenly over it.
    int backoffBaseMs = 500;
    int backoffCapMs = 5000;
    int heartbeatMs = 15000; // until the server's hello names its own period
    int stableAfterMs = 5000; // a link live this long resets the backoff
    int maxAttempts = 0; // reconnect attempts before giving up (Offline); 0: never give up
    int requestTimeoutMs = 10000; // a request with no answer by then fails towards its caller
    bool pollingFallback = true; // poll the REST API while the WebSocket keeps failing (watchfloor servers)
    // Polling starts only once the WebSocket has failed without a break (not
    // live in between) for pollAfterMs AND at least pollAfterAttempts
    // attempts in a row: a shorter outage is bridged by reconnecting and
    // resuming, which loses nothing, where returning from polling resyncs.
    int pollAfterMs = 15000;
    int pollAfterAttempts = 3;
    int pollWaitSeconds = 25; // how long the server may hold a long poll (0..30)
    int attemptsPerServer = 3; // failed attempts before moving on to the next server of the list
    int primaryProbeMs = 30000; // while on a fallback, how often to check whether the primary answers
    qint64 maxMessageBytes = qint64(64) * 1024 * 1024;
};
