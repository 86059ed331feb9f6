#pragma once

#include "protocol/plant.h"

#include <QCoreApplication>
#include <QDateTime>
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
}

// Sends operators' commands to control-panel endpoints, safely:
//  - checked first, here, against what the console knows (link live, role,
//    writable, type, range, step, options, the tile's interlocks, nothing
//    already pending on the endpoint); a refusal sends nothing;
//  - sent once, with a fresh commandId that is the server's idempotency key;
//    never retried, never queued for later, never sent while not live;
//  - followed through its life cycle (queued, sent, acked, then succeeded,
//    failed or rejected) from the server's answers and command_status events;
//  - marked timed out when no final status comes within the timeout (the
//    operator must check the device); a final status arriving later is
//    still taken, as the truth, and says it came late.
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
    };
    Q_ENUM(Refusal)

    struct Check
    {
        Refusal refusal = Refusal::None;
        QString reason; // for the operator; empty when allowed
        bool allowed() const { return refusal == Refusal::None; }
    };

    // Where a command stands. Requested: sent, no answer yet. Lost: the link
    // went before the server answered, so whether it arrived is not known.
    enum class Phase { Requested, Queued, Sent, Acked, Succeeded, Failed, Rejected, Timeout, Lost };
    Q_ENUM(Phase)

    struct Step
    {
        Phase phase;
        QDateTime at; // UTC, when this console learnt it
    };

    struct Command
    {
        QUuid commandId;
        QString endpointId;
        Protocol::EndpointValue requested;
        Protocol::EndpointValue before; // the endpoint's value when it was sent
        Protocol::EndpointValue actual; // the latest value the server reported
        Phase phase = Phase::Requested;
        QString error; // the server's reason, or this console's
        QString errorCode; // interlock, out_of_range, forbidden, timeout, offline, …
        QList<Step> history; // oldest first
        QDateTime sentAt;
        bool late = false; // a final status after this console had given up
        bool isFinal() const;
    };

    static constexpr std::chrono::milliseconds kDefaultTimeout {10000};
    static constexpr int kKept = 1000; // commands remembered here, the oldest finished ones forgotten first

    explicit CommandService(Session *session, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // The profile's switch: commands from this console at all.
    void setCommandsAllowed(bool allowed) { m_allowed = allowed; }
    bool commandsAllowed() const { return m_allowed; }
    // Endpoints whose commands need a confirmation first (the profile's list).
    void setCriticalEndpoints(const QStringList &endpointIds);
    // The profile's list, or the server marking the endpoint critical.
    bool needsConfirmation(const QString &endpointId) const;
    // For tests: the time the service reads.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Whether a command with this value may be sent now; never sends.
    Check check(const QString &endpointId, const Protocol::EndpointValue &value) const;
    // Why no command at all may be sent now (offline, read-only, disabled); empty when they may.
    Check availability() const;
    // Sends the command unless check() refuses it. Returns its id, or a null
    // id with the refusal in `refused`.
    QUuid send(const QString &endpointId, const Protocol::EndpointValue &value, Check *refused = nullptr);

    std::optional<Command> command(const QUuid &commandId) const;
    // The command pending on an endpoint, if any.
    std::optional<Command> pendingOn(const QString &endpointId) const;
    QList<Command> commands() const; // oldest first, this run's own

    static QString phaseName(Phase phase);

Q_SIGNALS:
    // Every change of one of this console's commands.
    void commandChanged(const CommandService::Command &command);
    // Once per command, when it reaches a final phase (and again if a late final status corrects a timeout).
    void commandFinished(const CommandService::Command &command);
    // While our command was pending, the endpoint moved to a value we did not
    // ask for, or another operator commanded it: the server's value wins.
    void overtaken(const CommandService::Command &command, const QString &byOperator,
                   const Protocol::EndpointValue &serverValue);

private:
    void onMessage(const Protocol::Message &message);
    void onStatus(const Protocol::CommandStatus &status);
    void onTelemetry(const Protocol::Telemetry &telemetry);
    void onAnswer(const QUuid &commandId, bool ok, const QString &code, const QString &message);
    void advance(Command &command, Phase phase);
    void finishLocally(Command &command, Phase phase, const QString &code, const QString &reason);
    void checkTimeouts();
    void forgetOldest();
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    Session *m_session;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    bool m_allowed = true;
    QSet<QString> m_critical;
    std::function<QDateTime()> m_clock;
    QHash<QUuid, Command> m_commands;
    QList<QUuid> m_order; // oldest first
    QHash<QString, QUuid> m_pending; // endpointId -> the command pending there
    QTimer m_timeoutCheck;
};
