// Must compile: what each layer may see, through the same include roots the
// forbidden probes use. It keeps those probes honest: they fail for the
// header named, not because the probe cannot be built at all.
#include "domain/alarm.h"
#include "model/dronemodel.h"
#include "services/linkstatus.h"
#include "services/session.h"
