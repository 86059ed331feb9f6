#include "actionwords.h"

#include <QStringList>

ActionWords ActionWords::forDeviceKind(const QString &kind)
{
    static const QStringList started = {
        QStringLiteral("pump"),     QStringLiteral("motor"), QStringLiteral("fan"),      QStringLiteral("compressor"),
        QStringLiteral("agitator"), QStringLiteral("mixer"), QStringLiteral("conveyor"),
    };
    static const QStringList opened = {QStringLiteral("valve"), QStringLiteral("damper"), QStringLiteral("gate")};
    const QString key = kind.trimmed().toLower();
    if (started.contains(key))
        return {tr("Start"), tr("Stop")};
    if (opened.contains(key))
        return {tr("Open"), tr("Close")};
    return {tr("On", "action: switch on"), tr("Off", "action: switch off")};
}

ActionWords ActionWords::forEndpoint(const QString &endpointId, const QString &kind,
                                     const QHash<QString, ActionWords> &mapping)
{
    if (const auto byId = mapping.constFind(endpointId); byId != mapping.cend())
        return *byId;
    const QString trimmed = kind.trimmed();
    for (auto it = mapping.cbegin(); it != mapping.cend(); ++it) {
        if (!trimmed.isEmpty() && it.key().compare(trimmed, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return forDeviceKind(kind);
}
