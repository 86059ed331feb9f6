#pragma once

#include "gatewayhost.h"
#include "simoptions.h"
#include "simworld.h"

// Contract: the reference server — the gateway core (GatewayHost) over the
// simulated plant (SimWorld), as watchfloor-sim, the console's built-in
// simulator and the tests run it. It adds read access to the world.
class SimHost : public GatewayHost
{
    Q_OBJECT

public:
    explicit SimHost(const SimOptions &options, QObject *parent = nullptr);

    // The server's source, which is the world it was made with.
    const SimWorld &world() const { return static_cast<const SimWorld &>(source()); }
    const SimFleet &fleet() const { return world().fleet(); }
};
