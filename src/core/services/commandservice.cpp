#include "commandservice.h"

#include "net/connectionservice.h"

#include "domain/endpointfact.h"
#include "linkstatus.h"
#include "model/commandmodel.h"
#include "model/tilemodel.h"
#include "protocol/messages.h"
#include "session.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

#include <cmath>

Q_LOGGING_CATEGORY(lcCommands, "watchfloor.commands")

using Domain::CommandState;
using Domain::EndpointValue;

namespace {

bool holds(const EndpointValue &actual, Domain::ComparisonOp op, const EndpointValue &required)
{
    using Op = Domain::ComparisonOp;
    const std::optional<double> a = EndpointFact::toNumber(actual);
    const std::optional<double> r = EndpointFact::toNumber(required);
    if (!a || !r) { // enums compare as words, and only for (in)equality
        const bool equal = actual == required;
        return op == Op::Equal ? equal : op == Op::NotEqual ? !equal : false;
    }
    switch (op) {
    case Op::Equal:
        return *a == *r;
    case Op::NotEqual:
        return *a != *r;
    case Op::Greater:
        return *a > *r;
    case Op::GreaterOrEqual:
        return *a >= *r;
    case Op::Less:
        return *a < *r;
    case Op::LessOrEqual:
        return *a <= *r;
    }
    return false;
}

// A number on its way from where it was to where it was asked to go: a
// device ramping towards a setpoint, not someone else's doing.
bool onTheWay(const EndpointValue &value, const EndpointValue &from, const EndpointValue &to)
{
    const double *v = std::get_if<double>(&value);
    const double *a = std::get_if<double>(&from);
    const double *b = std::get_if<double>(&to);
    return v && a && b && *v >= std::min(*a, *b) && *v <= std::max(*a, *b);
}

} // namespace

CommandService::CommandService(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session->connection(), &ConnectionService::messageReceived, this, &CommandService::onMessage);
    connect(session->link(), &LinkStatus::stateChanged, this, &CommandService::availabilityChanged);
    connect(session, &Session::liveDataArrived, this, &CommandService::availabilityChanged);
    m_steady.start();
    session->tiles()->setForeignPendingExpiryMs((m_timeout + kForeignMargin).count());
    m_timeoutCheck.setInterval(200);
    connect(&m_timeoutCheck, &QTimer::timeout, this, &CommandService::checkTimeouts);
}

void CommandService::setCommandsAllowed(bool allowed)
{
    if (m_allowed == allowed)
        return;
    m_allowed = allowed;
    Q_EMIT availabilityChanged();
}

void CommandService::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    m_session->tiles()->setForeignPendingExpiryMs((m_timeout + kForeignMargin).count());
}

void CommandService::setCriticalEndpoints(const QStringList &endpointIds)
{
    m_critical = QSet<QString>(endpointIds.cbegin(), endpointIds.cend());
}

bool CommandService::needsConfirmation(const QString &endpointId) const
{
    if (m_critical.contains(endpointId))
        return true;
    const std::optional<Domain::Endpoint> endpoint = m_session->tiles()->endpoint(endpointId);
    return endpoint && endpoint->critical;
}

QString CommandService::stateName(CommandState state)
{
    switch (state) {
    case CommandState::Requested:
        return tr("sending");
    case CommandState::Queued:
        return tr("queued");
    case CommandState::Sent:
        return tr("sent");
    case CommandState::Acked:
        return tr("acknowledged by the device");
    case CommandState::Succeeded:
        return tr("succeeded");
    case CommandState::Failed:
        return tr("failed");
    case CommandState::Rejected:
        return tr("rejected");
    case CommandState::Timeout:
        return tr("timed out");
    case CommandState::Lost:
        return tr("link lost");
    }
    return {};
}

CommandService::Check CommandService::availability() const
{
    if (!m_allowed)
        return {Refusal::Disabled, tr("Commands are turned off for this console by its profile.")};
    if (m_session->connection()->isViewer())
        return {Refusal::ReadOnly, tr("Your role (viewer) may watch the control panel but not send commands.")};
    if (!m_session->hasLiveData())
        return {Refusal::Offline, tr("The link is not live: commands are not sent, and not kept to be sent later.")};
    return {};
}

CommandService::Check CommandService::check(const QString &endpointId, const EndpointValue &value) const
{
    if (Check available = availability(); !available.allowed())
        return available;
    TileModel *tiles = m_session->tiles();
    const std::optional<Domain::Endpoint> endpoint = tiles->endpoint(endpointId);
    if (!endpoint)
        return {Refusal::UnknownEndpoint, tr("%1 is not an endpoint of this plant.").arg(endpointId)};
    const QString name = endpoint->name.isEmpty() ? endpointId : endpoint->name;
    if (!endpoint->writable)
        return {Refusal::NotWritable, tr("%1 can be read, not set.").arg(name)};
    if (const EndpointFact::Validation valid = EndpointFact(*endpoint, value).validate(); !valid.valid()) {
        switch (valid.problem) {
        case EndpointFact::Problem::WrongType:
            return {Refusal::WrongType, valid.reason};
        case EndpointFact::Problem::NotAnOption:
            return {Refusal::NotAnOption, valid.reason};
        case EndpointFact::Problem::OutOfRange:
        case EndpointFact::Problem::OffStep:
        case EndpointFact::Problem::None:
            return {Refusal::OutOfRange, valid.reason};
        }
    }
    if (const std::optional<Command> pending = pendingOn(endpointId))
        return {
            Refusal::Pending,
            tr("A command to %1 is still pending (%2): wait for its outcome.").arg(name, stateName(pending->status))};
    // Switching off is how an operator makes things safe: it needs neither a
    // live value nor an interlock.
    const bool *on = std::get_if<bool>(&value);
    if (on && !*on)
        return {};
    // Switching on is what interlocks guard. An interlock holds only on a
    // value that is known and live.
    if (on) {
        for (const Domain::Interlock &interlock : tiles->interlocksFor(endpointId)) {
            const std::optional<Domain::Endpoint> required = tiles->endpoint(interlock.requiredEndpointId);
            const QString what
                = interlock.description.isEmpty() ? tr("Interlock %1").arg(interlock.id) : interlock.description;
            if (!required || std::holds_alternative<std::monostate>(required->value)
                || tiles->isStale(interlock.requiredEndpointId))
                return {Refusal::Interlock,
                        tr("%1: cannot be checked, the value it needs is unknown or not live.").arg(what)};
            if (!holds(required->value, interlock.op, interlock.requiredValue))
                return {Refusal::Interlock,
                        interlock.description.isEmpty() ? tr("Interlock %1 does not hold.").arg(interlock.id)
                                                        : interlock.description};
        }
    }
    if (tiles->isStale(endpointId))
        return {Refusal::Stale,
                endpoint->quality == Domain::Quality::Stale
                    ? tr("The server has lost the source of %1: its value is not live, so only switching off is "
                         "possible.")
                          .arg(name)
                    : tr("%1 has not reported lately: its value is not live, so only switching off is possible.")
                          .arg(name)};
    return {};
}

QUuid CommandService::send(const QString &endpointId, const EndpointValue &value, Check *refused)
{
    const Check verdict = check(endpointId, value);
    if (refused)
        *refused = verdict;
    if (!verdict.allowed()) {
        qCInfo(lcCommands) << "refused" << endpointId << verdict.refusal << verdict.reason;
        return {};
    }
    Command command;
    command.id = QUuid::createUuid();
    command.commandId = command.id.toString(QUuid::WithoutBraces);
    command.endpointId = endpointId;
    command.operatorName = m_session->connection()->settings().operatorName;
    command.requestedValue = value;
    if (const std::optional<Domain::Endpoint> endpoint = m_session->tiles()->endpoint(endpointId))
        command.before = command.actualValue = endpoint->value;
    command.status = CommandState::Requested;
    command.issuedAt = command.lastChange = now();
    command.sentMs = nowMs();
    // Valid for as long as this console waits for it: delivered later, the
    // operator has been told it timed out, and the server must refuse it.
    command.expiresAt = command.issuedAt.addMSecs(m_serverOffsetMs.value_or(0) + m_timeout.count());
    command.history.append({CommandState::Requested, command.issuedAt, command.actualValue, {}});
    const QUuid id = command.id;
    const QString idText = command.commandId;
    m_commands.insert(id, command);
    m_order.append(id);
    forgetOldest();
    m_pending.insert(endpointId, id);
    m_session->tiles()->notePending(endpointId, idText, value);
    if (!m_timeoutCheck.isActive())
        m_timeoutCheck.start();
    Q_EMIT commandChanged(command);
    qCInfo(lcCommands) << "sending" << idText << endpointId << EndpointFact(value).displayText(QLocale::c());
    // The one and only time this command goes out: the answer, or its
    // absence, is handled below; nothing here sends it again. The answer may
    // come after this service is gone (a REST request failed at shutdown).
    const QPointer<CommandService> self(this);
    m_session->connection()->request(QStringLiteral("command"),
                                     {{QStringLiteral("commandId"), idText},
                                      {QStringLiteral("endpointId"), endpointId},
                                      {QStringLiteral("value"), EndpointFact::toJson(value)},
                                      {QStringLiteral("expiresAt"), command.expiresAt.toString(Qt::ISODateWithMs)}},
                                     [self, id](const Protocol::Result &result) {
                                         if (self)
                                             self->onAnswer(id, result);
                                     });
    return id;
}

std::optional<CommandService::Command> CommandService::command(const QUuid &commandId) const
{
    const auto found = m_commands.constFind(commandId);
    return found == m_commands.cend() ? std::nullopt : std::optional<Command>(*found);
}

std::optional<CommandService::Command> CommandService::pendingOn(const QString &endpointId) const
{
    const auto found = m_pending.constFind(endpointId);
    return found == m_pending.cend() ? std::nullopt : command(*found);
}

QList<CommandService::Command> CommandService::commands() const
{
    QList<Command> list;
    list.reserve(m_order.size());
    for (const QUuid &id : m_order)
        list.append(m_commands.value(id));
    return list;
}

void CommandService::onAnswer(const QUuid &commandId, const Protocol::Result &result)
{
    auto found = m_commands.find(commandId);
    if (found == m_commands.end())
        return;
    Command &command = *found;
    const QString &code = result.error.code;
    const QString &message = result.error.message;
    if (result.ok) {
        if (result.data.value(QLatin1StringView("unconfirmed")).toBool()) {
            // A server that answers no requests (plain, Socket.IO): handed
            // over, nothing more is known until its value or the timeout.
            command.unconfirmed = true;
            m_session->tiles()->noteUnconfirmed(command.commandId);
            log(command, Domain::CommandState::Sent);
            if (command.status == CommandState::Requested)
                advance(command, CommandState::Sent);
            return;
        }
        // The server took it: it is queued there, whatever came first.
        log(command, Domain::CommandState::Queued);
        if (command.status == CommandState::Requested) {
            Domain::CommandStatus queued;
            queued.commandId = command.commandId;
            queued.endpointId = command.endpointId;
            queued.status = Domain::CommandState::Queued;
            m_session->tiles()->applyCommandStatus({queued});
            advance(command, CommandState::Queued);
        }
        return;
    }
    if (command.isFinal())
        return;
    if (code == u"timeout" && m_session->connection()->isLive()) {
        // The request gave up, the link did not: the command may still be
        // under way, and its statuses or its own timeout decide.
        qCInfo(lcCommands) << "no answer yet" << command.commandId << "; waiting for its statuses";
        return;
    }
    if (code == u"offline" || code == u"timeout") {
        finishLocally(command, CommandState::Lost, code,
                      tr("The link went before the server answered, so it is not known whether the command "
                         "arrived: check the device before trying again."));
        return;
    }
    if (code == u"server_error") {
        // A gateway's 502 or 504 proves nothing about the plant.
        finishLocally(command, CommandState::Lost, code,
                      tr("The server failed to answer (%1), so it is not known whether the command was carried "
                         "out: check the device before trying again.")
                          .arg(message));
        return;
    }
    if (code == u"forbidden") {
        finishLocally(command, CommandState::Rejected, code,
                      tr("The server refused: your role may not send commands (%1).").arg(message));
        return;
    }
    if (code == u"expired") {
        finishLocally(command, CommandState::Rejected, code,
                      tr("The server got the command after its validity had ended and did not carry it out."));
        return;
    }
    finishLocally(command, CommandState::Rejected, code, message.isEmpty() ? code : message);
}

void CommandService::onMessage(const Protocol::Message &message)
{
    if (message.ts) {
        // Transit time and replayed events (stamped when first sent) only
        // make an estimate smaller: the largest one is the closest.
        const qint64 estimate = *message.ts - now().toMSecsSinceEpoch();
        m_serverOffsetMs = std::max(m_serverOffsetMs.value_or(estimate), estimate);
    }
    if (const auto *status = std::get_if<Domain::CommandStatus>(&message.body))
        onStatus(*status, false);
    else if (const auto *telemetry = std::get_if<Domain::Telemetry>(&message.body))
        onTelemetry(*telemetry);
    else if (const auto *snapshot = std::get_if<Protocol::Snapshot>(&message.body);
             snapshot && snapshot->channel == u"commands")
        onSnapshot(snapshot->commands);
}

void CommandService::onSnapshot(const QList<Domain::CommandStatus> &listed)
{
    // What the server says of our commands after a resync is their truth,
    // their outcome included; what it no longer lists of other consoles'
    // is not under way any more.
    QSet<QString> ids;
    ids.reserve(listed.size());
    for (const Domain::CommandStatus &status : listed) {
        ids.insert(status.commandId);
        onStatus(status, true);
    }
    m_session->tiles()->dropForeignPendingExcept(ids);
}

void CommandService::onStatus(const Domain::CommandStatus &status, bool fromSnapshot)
{
    const QUuid id = QUuid::fromString(status.commandId);
    auto found = m_commands.find(id);
    if (found == m_commands.end()) {
        // Someone else's command on an endpoint where ours is pending.
        const QString endpointId = status.endpointId;
        if (const std::optional<Command> ours = pendingOn(endpointId); ours && !fromSnapshot)
            Q_EMIT overtaken(*ours, status.operatorName, status.requestedValue);
        return;
    }
    Command &command = *found;
    if (!std::holds_alternative<std::monostate>(status.actualValue))
        command.actualValue = status.actualValue;
    if (status.error)
        command.error = *status.error;
    if (status.completedAt.isValid())
        command.completedAt = status.completedAt;
    const CommandState state = status.status;
    if (command.isFinal()) {
        // This console gave up (timeout, lost link); the server's final word still counts.
        if (!Domain::isFinal(state) || command.status == state)
            return;
        command.late = true;
    } else if (!Domain::isFinal(state) && int(state) <= int(command.status)) {
        return; // a late duplicate of a step already passed
    }
    advance(command, state);
}

void CommandService::onTelemetry(const Domain::Telemetry &telemetry)
{
    const std::optional<Command> pending = pendingOn(telemetry.endpointId);
    if (!pending)
        return;
    Command &command = m_commands[pending->id];
    command.actualValue = telemetry.value;
    if (telemetry.value == command.requestedValue || telemetry.value == command.before
        || onTheWay(telemetry.value, command.before, command.requestedValue))
        return;
    // Neither what it was, nor what we asked, nor on its way there: the
    // server's value wins, and the operator is told.
    Q_EMIT overtaken(command, QString(), telemetry.value);
}

void CommandService::advance(Command &command, CommandState state)
{
    command.status = state;
    command.lastChange = now();
    command.history.append({state, command.lastChange, command.actualValue, command.error});
    if (command.isFinal()) {
        if (m_pending.value(command.endpointId) == command.id)
            m_pending.remove(command.endpointId);
        qCInfo(lcCommands) << "finished" << command.commandId << command.endpointId << stateName(state)
                           << command.error;
    }
    const Command copy = command; // slots may call back into the service
    Q_EMIT commandChanged(copy);
    if (copy.isFinal())
        Q_EMIT commandFinished(copy);
}

void CommandService::finishLocally(Command &command, CommandState state, const QString &code, const QString &reason)
{
    command.errorCode = code;
    command.error = reason;
    // The endpoint stops showing it pending: this console no longer waits.
    Domain::CommandStatus cleared;
    cleared.commandId = command.commandId;
    cleared.endpointId = command.endpointId;
    cleared.status = state == CommandState::Rejected ? CommandState::Rejected : CommandState::Timeout;
    m_session->tiles()->applyCommandStatus({cleared});
    // The log keeps what the server never announced: its refusal, or a
    // command lost with the link (logged as timed out, with the reason).
    if (state == CommandState::Rejected || state == CommandState::Lost)
        log(command, cleared.status);
    advance(command, state);
}

void CommandService::log(const Command &command, Domain::CommandState status)
{
    Domain::CommandStatus entry;
    entry.commandId = command.commandId;
    entry.endpointId = command.endpointId;
    entry.requestedValue = command.requestedValue;
    entry.status = status;
    if (Domain::isFinal(status)) {
        entry.actualValue = command.actualValue;
        entry.error = command.error;
    }
    m_session->commands()->noteIssued(entry, command.operatorName);
}

void CommandService::forgetOldest()
{
    // The log keeps history; here only what a control may still ask about.
    while (m_order.size() > kKept) {
        const auto oldestFinal = std::find_if(m_order.begin(), m_order.end(),
                                              [this](const QUuid &id) { return m_commands.value(id).isFinal(); });
        if (oldestFinal == m_order.end())
            return;
        m_commands.remove(*oldestFinal);
        m_order.erase(oldestFinal);
    }
}

void CommandService::checkTimeouts()
{
    const qint64 at = nowMs();
    bool waiting = false;
    for (const QUuid &id : std::as_const(m_order)) {
        Command &command = m_commands[id];
        if (command.isFinal())
            continue;
        if (at - command.sentMs < m_timeout.count()) {
            waiting = true;
            continue;
        }
        const int seconds = int(m_timeout.count() / 1000);
        if (command.status == CommandState::Requested)
            finishLocally(command, CommandState::Timeout, QStringLiteral("timeout"),
                          tr("The server did not answer within %n second(s), so it is not known whether the "
                             "command arrived: check the device before trying again.",
                             nullptr, seconds));
        else
            finishLocally(
                command, CommandState::Timeout, QStringLiteral("timeout"),
                tr("No final answer within %n second(s): check the device before trying again.", nullptr, seconds));
    }
    if (!waiting)
        m_timeoutCheck.stop();
}
