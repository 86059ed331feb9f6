#pragma once

#include "words.h"

// Where a command stands in its life cycle. The order is the life cycle's:
// a command that is not final only ever moves to a later state.
//  - Requested: this console has sent it and the server has not answered;
//    known only here, never on the wire or in the store.
//  - Queued, Sent, Acked: under way, as the server reports it.
//  - Succeeded, Failed, Rejected, Timeout: final, as the server reports it,
//    or as this console decided (a refusal, its own timeout).
//  - Lost: final, known only here: the link went, or the server failed,
//    before it answered, so whether the command arrived is not known. The
//    log records it as timed out, with the reason.
namespace Domain {

enum class CommandState { Requested, Queued, Sent, Acked, Succeeded, Failed, Rejected, Timeout, Lost };

// A command in a final state will not change any more, except that a late
// final word from the server still corrects this console's own timeout or loss.
constexpr bool isFinal(CommandState state)
{
    switch (state) {
    case CommandState::Succeeded:
    case CommandState::Failed:
    case CommandState::Rejected:
    case CommandState::Timeout:
    case CommandState::Lost:
        return true;
    case CommandState::Requested:
    case CommandState::Queued:
    case CommandState::Sent:
    case CommandState::Acked:
        break;
    }
    return false;
}

// The words of the states the server reports, as the wire and the store
// spell them. Requested and Lost have none: they never leave this console.
inline constexpr auto kCommandStates = std::to_array<std::pair<CommandState, QStringView>>({
    {CommandState::Queued, u"queued"},
    {CommandState::Sent, u"sent"},
    {CommandState::Acked, u"acked"},
    {CommandState::Succeeded, u"succeeded"},
    {CommandState::Failed, u"failed"},
    {CommandState::Rejected, u"rejected"},
    {CommandState::Timeout, u"timeout"},
});

} // namespace Domain
