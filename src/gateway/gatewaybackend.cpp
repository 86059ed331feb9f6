#include "gatewaybackend.h"

namespace {

int roleRank(const QString &role)
{
    if (role == u"admin")
        return 2;
    if (role == u"operator")
        return 1;
    return 0;
}

} // namespace

bool GatewayBackend::roleAllows(const QString &role, const QString &minimum)
{
    return roleRank(role) >= roleRank(minimum);
}
