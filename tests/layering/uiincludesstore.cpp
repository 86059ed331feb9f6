// Must not compile: the UI links the services layer, which links the
// database privately, so a widget cannot include it.
#include "services/linkstatus.h"
#include "store/localstore.h"
