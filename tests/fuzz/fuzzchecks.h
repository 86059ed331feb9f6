#pragma once

#include "config/profile.h"
#include "protocol/decoder.h"
#include "protocol/socketio.h"

#include <QByteArrayView>
#include <QJsonDocument>
#include <QString>

// The properties the libFuzzer targets check, shared with tst_fuzzcorpus,
// which replays the checked-in corpora with the normal build. Each returns
// false when the input breaks a promise; a crash or a sanitizer report is a
// failure too.
namespace FuzzChecks {

// Any text frame: parsePacket() answers a packet or an error with words;
// an event it reads is encoded again to the same event; what the console
// makes of it for the decoder decodes without surprise.
inline bool socketIoFrame(QByteArrayView bytes)
{
    using namespace Protocol::SocketIo;
    const QString text = QString::fromUtf8(bytes.data(), bytes.size());
    const auto parsed = parsePacket(text);
    if (const auto *error = std::get_if<ParseError>(&parsed))
        return !error->toString().isEmpty();
    const Packet &packet = std::get<Packet>(parsed);
    if (packet.engineType != EngineType::Message || packet.type != PacketType::Event)
        return true;
    const auto again = parsePacket(encodeEvent(packet.event, packet.args, packet.nsp, packet.ackId));
    const auto *same = std::get_if<Packet>(&again);
    if (!same || same->event != packet.event || same->args != packet.args || same->nsp != packet.nsp
        || same->ackId != packet.ackId)
        return false;
    if (const auto message = toWatchfloorMessage(packet.event, packet.args)) {
        const Protocol::DecodedFrame frame
            = Protocol::decodeFrame(QJsonDocument(*message).toJson(QJsonDocument::Compact));
        if (frame.messages.isEmpty() && frame.errors.isEmpty())
            return false;
    }
    return true;
}

// Whether the profile text names device files a parse would read (a
// token-file of /dev/zero never ends): such inputs are not judged.
inline bool readsDevices(QByteArrayView bytes)
{
    for (const char *dir : {"/dev", "/proc", "/sys"}) {
        if (bytes.contains(QByteArrayView(dir)))
            return true;
    }
    return false;
}

// Any profile text: a profile, or a refusal that says why; a profile has
// somewhere to connect to.
inline bool profileText(QByteArrayView bytes)
{
    if (readsDevices(bytes))
        return true;
    QString error;
    const std::optional<Profile> profile
        = Profile::parse(bytes.toByteArray(), QStringLiteral("/nonexistent/fuzz.ini"), &error);
    if (!profile)
        return !error.isEmpty();
    return profile->simulator.enabled || profile->connection.url.isValid();
}

} // namespace FuzzChecks
