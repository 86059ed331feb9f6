#include "watchfloordialect.h"

#include "protocol/encoder.h"

QStringList WatchfloorDialect::roomFrames(bool subscribe, const QString &channel, const QString &filter,
                                          const QStringList &ids, quint64 id) const
{
    const QString type = subscribe ? QStringLiteral("subscribe") : QStringLiteral("unsubscribe");
    return {QString::fromUtf8(Protocol::encodeFilteredSubscription(type, id, channel, filter, ids))};
}
