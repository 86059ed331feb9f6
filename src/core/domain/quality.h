#pragma once

#include "words.h"

#include <QString>

// Whether a reported value can be trusted: the `quality` of telemetry, of a
// tile endpoint, of a drone's status and of a machine's status.
namespace Domain {

// Good: a live reading. Stale: the server has lost the source of this value
// (an edge node or device went offline, or the server lost its broker); the
// value is the last known one and must not be trusted until a good report
// comes. A word the console does not know reads as Stale.
enum class Quality { Good, Stale };

inline constexpr auto kQualities = std::to_array<std::pair<Quality, QStringView>>({
    {Quality::Good, u"good"},
    {Quality::Stale, u"stale"},
});

} // namespace Domain
