#pragma once

#include "decoder.h"

#include <QByteArrayView>

#include <optional>

namespace Protocol {

// The fast path of decodeFrame(): simdjson for the messages that arrive by
// the hundred thousand (drone_update of every kind, machine_status_update,
// telemetry, command_status, alarm, and `batch` frames and top-level arrays
// of them). It returns a frame only when every message in it is one of those
// and valid; anything else (another type, a field it would refuse, JSON that
// QJsonDocument might read differently) is nullopt, and the caller decodes
// the frame with decodeFrameWithQJson(), which also words the errors. So both
// paths always give the same messages and the same errors.
std::optional<DecodedFrame> fastDecodeFrame(QByteArrayView utf8);

} // namespace Protocol
