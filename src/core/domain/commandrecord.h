#pragma once

#include "commandstate.h"
#include "plant.h"

#include <QDateTime>
#include <QList>
#include <QString>

// A command as this console keeps it: the command service for its own, the
// command model for every command it hears of, the command log's model and
// the local store's log across runs. One shape everywhere, so nothing
// converts a command on its way from the service to the screen or the disk.
// (A command_status event, Domain::CommandStatus, is what changes a record.)
namespace Domain {

// One change of a command's state, with what was known when it came.
struct CommandStep
{
    CommandState status = CommandState::Queued;
    QDateTime at; // UTC, this console's clock
    EndpointValue actualValue; // the endpoint's value then; none when not known
    QString error; // the reason given with it; empty when none
};

struct CommandRecord
{
    QString commandId; // the client-made UUID; a `plain` server's own id as it gave it
    QString endpointId; // empty when the server did not say
    QString operatorName; // empty when not known
    EndpointValue requestedValue; // none when not known
    EndpointValue actualValue; // the latest value the endpoint reached; none when not known
    CommandState status = CommandState::Queued;
    QString error; // the server's reason, or this console's; empty when none
    QDateTime issuedAt; // UTC: when this console sent it or first heard of it
    QDateTime lastChange; // UTC: when this console saw its latest change of state
    QDateTime completedAt; // UTC, the server's: when it finished; invalid until then or when not told
    QList<CommandStep> history; // oldest first
};

} // namespace Domain
