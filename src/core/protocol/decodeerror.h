#pragma once

#include <QString>

#include <optional>

namespace Protocol {

// Why a frame, or one message inside it, could not be decoded. Decoding never
// throws and never crashes: every failure is one of these.
struct DecodeError
{
    enum class Kind {
        NotJson, // the frame is not valid UTF-8 JSON
        NotAnObject, // a message is not a JSON object
        MissingType, // no "type" string
        UnknownType, // a type this client does not handle (ignored, counted)
        MissingField, // a required field is absent
        BadField, // a field has the wrong JSON type or an out-of-range value
        UnsupportedKind, // a known type with a sub-kind or channel not handled yet
    };

    Kind kind = Kind::NotJson;
    QString type; // the message type, when known
    QString field; // the offending field, when known
    QString detail; // human-readable explanation
    // The `seq` of a numbered event that could not be read: it is consumed
    // all the same (DecodedFrame holds an Unreadable in its place).
    std::optional<quint64> seq {};

    QString toString() const;
};

} // namespace Protocol
