#include "storevalues.h"

#include <QJsonDocument>

namespace StoreValues {

qint64 msOrNow(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString uuidKey(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// QJsonObject keeps its keys sorted, so equal objects serialise to equal text.
QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace StoreValues
