#include "gatewaychannels.h"

const QStringList &GatewayChannels::channels()
{
    static const QStringList names = {
        QStringLiteral("drones"),    QStringLiteral("machines"),    QStringLiteral("tiles"),
        QStringLiteral("telemetry"), QStringLiteral("alarms"),      QStringLiteral("commands"),
        QStringLiteral("health"),    QStringLiteral("maintenance"), QStringLiteral("presence"),
    };
    return names;
}

const QStringList &GatewayChannels::rooms()
{
    static const QStringList names = {QStringLiteral("drone_detail"), QStringLiteral("endpoint_stream")};
    return names;
}

bool GatewayChannels::isChannel(const QString &name)
{
    return channels().contains(name) || rooms().contains(name);
}
