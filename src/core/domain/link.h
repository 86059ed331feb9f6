#pragma once

#include <QObject>

// The link between the console and its server, as the operator is shown it:
// the transport (net/) drives it, the link-status object of the services
// hands it to the widgets, and neither side owns the other's headers.
namespace Domain {
Q_NAMESPACE

enum class LinkState {
    Disconnected, // not started, or stopped
    Connecting, // first attempt: opening the socket
    Authenticating, // socket open: hello, auth, subscriptions, snapshots
    Live, // every subscribed channel has its snapshot; events flow
    Reconnecting, // the link was lost or never came up; retrying
    Offline, // gave up after the profile's maximum of attempts: "Retry now" restarts
    Paused, // the operator turned live updates off; resuming picks up where it stopped
    Polling, // the WebSocket keeps failing but the REST API answers: current data, by long polling
    Failed, // the server refused us (unauthorized, forbidden): no retry loop
};
Q_ENUM_NS(LinkState)

// How the last reconnect picked the server's stream up again.
enum class LinkRecovery { None, Resumed, Resynced };
Q_ENUM_NS(LinkRecovery)

} // namespace Domain
