#pragma once

#include "decodeerror.h"
#include "messages.h"

#include <QByteArrayView>
#include <QList>

#include <variant>

// Pure decoding of server frames: no I/O, no event loop, no exceptions.
namespace Protocol {

struct DecodedFrame
{
    QList<Message> messages;
    QList<DecodeError> errors;
};

// Decodes one WebSocket frame (UTF-8 JSON). A frame holds one message, a
// `batch` message, or a top-level array of messages; a bad message inside a
// batch or array is reported in `errors` and does not lose its neighbours.
// Hot messages go through simdjson (fastdecoder.h); the rest, and every
// frame with an error, through QJsonDocument: the result is the same.
DecodedFrame decodeFrame(QByteArrayView utf8);
// The same with QJsonDocument only: the reference the fast path is tested
// and measured against.
DecodedFrame decodeFrameWithQJson(QByteArrayView utf8);

std::variant<AuthGrant, DecodeError> decodeAuthGrant(const QJsonObject &data);

std::optional<Domain::DroneState> droneStateFromName(QStringView name);
QString droneStateName(Domain::DroneState state);

} // namespace Protocol
