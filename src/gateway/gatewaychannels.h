#pragma once

#include <QString>
#include <QStringList>

// The channels of the `watchfloor` dialect the gateway core serves: the
// names `subscribe` takes, what `all` stands for, and the detail rooms.
class GatewayChannels
{
public:
    // What `all` stands for, which the REST API serves too.
    static const QStringList &channels();
    // Per-entity detail rooms: a console joins one only while a view shows
    // it, for the entities it names. Never part of `all`: they carry what the
    // channels leave out, some of it at full rate.
    static const QStringList &rooms();
    // One of either: what `subscribe` takes besides `all`.
    static bool isChannel(const QString &name);
};
