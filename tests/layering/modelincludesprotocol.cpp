// Must not compile: the model layer does not link the protocol layer, so the
// wire format is out of its reach (docs/architecture.md, "Layers").
#include "model/dronemodel.h"
#include "protocol/messages.h"
