#pragma once

#include "domain/commandrecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <functional>
#include <optional>

class Session;
namespace Protocol {
struct Message;
struct Result;
} // namespace Protocol

// Sends operators' commands to control-panel endpoints, safely:
//  - checked first, here, against what the console knows (link live, role,
//    writable, type, range, step, options, the tile's interlocks, nothing
//    already pending on the endpoint); a refusal sends nothing;
//  - sent once, with a fresh commandId that is the server's idempotency key;
//    never retried, never queued for later, never sent while not live;
//  - followed through its life cycle (queued, sent, acked, then succeeded,
//    failed or rejected) from the server's answers and command_status events;
//  - marked timed out when no final status comes within the timeout, counted
//    on a monotonic clock (the operator must check the device); a final
//    status arriving later, in an event or in a `commands` snapshot after a
//    resync, is still taken, as the truth, and says it came late;
//  - sent with a validity (`expiresAt`, the end of that timeout, told on the
//    server's clock as its messages show it): a server that gets it later
//    refuses it, so the plant never acts on a command the operator was told
//    had timed out;
//  - written into the session's command log as soon as the server has
//    answered, refusals and commands lost with the link included.
// The request's own timeout never ends a command early: without an answer
// on a live link the command waits for its statuses or its own timeout.
// The endpoint's shown value is never the requested one: it stays the
// server's, which also wins when it changes while a command is pending
// (another operator, an interlock trip, the process itself): `overtaken`
// says so.
class CommandService : public QObject
{
    Q_OBJECT

public:
    enum class Refusal {
        None,
        Offline, // the link is not live
        ReadOnly, // the server granted a viewer role
        Disabled, // the profile does not allow commands from this console
        UnknownEndpoint,
        NotWritable,
        WrongType,
        OutOfRange, // beyond min/max, or off the step
        NotAnOption,
        Interlock, // a known interlock does not hold
        Pending, // a command is already pending on the endpoint
        Stale, // the endpoint's value is not live: only switching off is allowed
    };
    Q_ENUM(Refusal)

    struct Check
    {
        Refusal refusal = Refusal::None;
        QString reason; // for the operator; empty when allowed
        bool allowed() const { return refusal == Refusal::None; }
    };

    // One of this console's commands: the record every holder of a command
    // shares (domain/commandrecord.h; its status is where it stands, from
    // Requested to a final state, Lost included), with what only the
    // service needs to follow it.
    struct Command : Domain::CommandRecord
    {
        QUuid id; // the record's commandId as a UUID
        Domain::EndpointValue before; // the endpoint's value when it was sent
        QString errorCode; // interlock, out_of_range, forbidden, timeout, offline, …
        qint64 sentMs = 0; // on the service's monotonic clock, for the timeout
        QDateTime expiresAt; // UTC, on the server's clock: the validity sent with it; the server refuses it later
        bool unconfirmed = false; // handed to a server that never answers requests (plain, Socket.IO)
        bool late = false; // a final status after this console had given up
        bool isFinal() const { return Domain::isFinal(status); }
    };

    static constexpr std::chrono::milliseconds kDefaultTimeout {10000};
    static constexpr int kKept = 1000; // commands remembered here, the oldest finished ones forgotten first
    // Another console's command shows pending on an endpoint for at most the
    // timeout plus this margin: its console may be gone, or the server may
    // have lost it, and no control stays locked for ever.
    static constexpr std::chrono::milliseconds kForeignMargin {5000};

    explicit CommandService(Session *session, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // The profile's switch: commands from this console at all.
    void setCommandsAllowed(bool allowed);
    bool commandsAllowed() const { return m_allowed; }
    // Endpoints whose commands need a confirmation first (the profile's list).
    void setCriticalEndpoints(const QStringList &endpointIds);
    // The profile's list, or the server marking the endpoint critical.
    bool needsConfirmation(const QString &endpointId) const;
    // For tests: the wall time the service stamps steps with (UTC).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // For tests: the monotonic time (ms) timeouts are counted on.
    void setMonotonicClock(std::function<qint64()> clock) { m_monotonic = std::move(clock); }

    // Whether a command with this value may be sent now; never sends.
    Check check(const QString &endpointId, const Domain::EndpointValue &value) const;
    // Why no command at all may be sent now (offline, read-only, disabled); empty when they may.
    Check availability() const;
    // Sends the command unless check() refuses it. Returns its id, or a null
    // id with the refusal in `refused`.
    QUuid send(const QString &endpointId, const Domain::EndpointValue &value, Check *refused = nullptr);

    std::optional<Command> command(const QUuid &commandId) const;
    // The command pending on an endpoint, if any.
    std::optional<Command> pendingOn(const QString &endpointId) const;
    QList<Command> commands() const; // oldest first, this run's own

    // Where a command stands, in words for a sentence ("sending", "timed out").
    static QString stateName(Domain::CommandState state);

Q_SIGNALS:
    // Every change of one of this console's commands.
    void commandChanged(const CommandService::Command &command);
    // Once per command, when it reaches a final phase (and again if a late final status corrects a timeout).
    void commandFinished(const CommandService::Command &command);
    // While our command was pending, the endpoint moved to a value we did not
    // ask for, or another operator commanded it: the server's value wins.
    void overtaken(const CommandService::Command &command, const QString &byOperator,
                   const Domain::EndpointValue &serverValue);
    // availability() may have changed: the link's state, live data arriving
    // or the profile's switch. Views ask availability() again.
    void availabilityChanged();

private:
    void onMessage(const Protocol::Message &message);
    void onSnapshot(const QList<Domain::CommandStatus> &listed);
    void onStatus(const Domain::CommandStatus &status, bool fromSnapshot);
    void onTelemetry(const Domain::Telemetry &telemetry);
    void onAnswer(const QUuid &commandId, const Protocol::Result &result);
    void advance(Command &command, Domain::CommandState state);
    void finishLocally(Command &command, Domain::CommandState state, const QString &code, const QString &reason);
    void log(const Command &command, Domain::CommandState status);
    void checkTimeouts();
    void forgetOldest();
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    qint64 nowMs() const { return m_monotonic ? m_monotonic() : m_steady.elapsed(); }

    Session *m_session;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    bool m_allowed = true;
    QSet<QString> m_critical;
    std::function<QDateTime()> m_clock;
    std::function<qint64()> m_monotonic;
    QElapsedTimer m_steady;
    // The server's clock minus this console's: the largest estimate from the
    // send times (`ts`) on its messages. Transit time and replayed events
    // make estimates smaller, never larger; a server clock stepped back
    // leaves it too large, which only lengthens a validity.
    std::optional<qint64> m_serverOffsetMs;
    QHash<QUuid, Command> m_commands;
    QList<QUuid> m_order; // oldest first
    QHash<QString, QUuid> m_pending; // endpointId -> the command pending there
    QTimer m_timeoutCheck;
};
