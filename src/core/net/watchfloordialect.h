#pragma once

#include "linkdialect.h"

// The console's own dialect: a hello first, then auth, resume and
// subscriptions answered by id, snapshots before the live stream, rooms
// (filtered subscriptions) with answers. The handshake itself is run by
// ConnectionService; this strategy says what the dialect offers and encodes
// its rooms. No state; any thread.
class WatchfloorDialect : public LinkDialect
{
public:
    Kind kind() const override { return Kind::Watchfloor; }
    bool deliversSnapshots() const override { return true; }
    bool hasRooms() const override { return true; }
    bool answersRequests() const override { return true; }
    QStringList roomFrames(bool subscribe, const QString &channel, const QString &filter, const QStringList &ids,
                           quint64 id) const override;
};
