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

QString GatewayBackend::actionWords(const QString &type)
{
    if (type == u"command")
        return QStringLiteral("send commands");
    if (type == u"ack_alarm")
        return QStringLiteral("acknowledge alarms");
    if (type == u"shelve_alarm")
        return QStringLiteral("shelve alarms");
    if (type == u"unshelve_alarm")
        return QStringLiteral("unshelve alarms");
    return QStringLiteral("do this");
}
