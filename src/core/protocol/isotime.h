#pragma once

#include <QtGlobal>

#include <optional>
#include <string_view>

namespace Protocol {

// Milliseconds since the epoch of a time in the one form servers send on the
// hot path, "2026-11-22T17:33:49.120Z" (or without the fraction), read
// without QDateTime::fromString, which costs microseconds a call. Any other
// form, and any date or time out of range, is nullopt: the caller then asks
// QDateTime::fromString, which stays the authority on what ISO 8601 text means.
std::optional<qint64> parseIsoUtcMs(std::string_view text);

} // namespace Protocol
