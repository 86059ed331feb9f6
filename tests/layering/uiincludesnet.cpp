// Must not compile: the UI links the services layer, which links the
// transport privately, so a widget cannot include it.
#include "net/connectionservice.h"
#include "services/linkstatus.h"
