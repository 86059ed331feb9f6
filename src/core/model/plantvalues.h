#pragma once

#include "domain/plant.h"

// What the control-panel models say of commands. Endpoint values reach the
// views as EndpointFact::toVariant() makes them (domain/endpointfact.h).
namespace PlantValues {

// A command in one of these states will not change any more.
inline bool isFinal(Domain::CommandState state)
{
    using S = Domain::CommandState;
    return state == S::Succeeded || state == S::Failed || state == S::Rejected || state == S::Timeout;
}

} // namespace PlantValues
