#pragma once

#include "linkdialect.h"

// A plain JSON server: no hello, no auth, no answers, no snapshots, no
// rooms. It is subscribed in its own terms as soon as it is found, pinged
// with its own JSON ping besides the WebSocket's, and requests go out
// unconfirmed. Its handshake alone shows it is back. No state; any thread.
class PlainDialect : public LinkDialect
{
public:
    Kind kind() const override { return Kind::Plain; }
    QStringList openingFrames(const QStringList &channels, const NextId &nextId) const override;
    QStringList heartbeatFrames(const NextId &nextId) const override;
    std::optional<QString> unansweredRequest(const QString &type, const QJsonObject &fields,
                                             const NextId &nextId) const override;
    bool answeredByHandshake(const QString &) const override { return true; }
};
