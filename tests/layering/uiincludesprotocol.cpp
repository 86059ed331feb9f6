// Must not compile: the wire format is private to the services layer.
#include "protocol/decoder.h"
#include "services/session.h"
