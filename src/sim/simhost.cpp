#include "simhost.h"

SimHost::SimHost(const SimOptions &options, QObject *parent)
    : GatewayHost(options, std::make_unique<SimWorld>(options), parent)
{ }
