#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

// Timestamps as the reference server writes them on the wire: ISO 8601 in
// UTC with milliseconds, e.g. 2026-11-22T10:00:05.250Z.
inline QString wireTimestamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// The same, or JSON null for a time that has not happened.
inline QJsonValue wireTimestampOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(wireTimestamp(t)) : QJsonValue(QJsonValue::Null);
}
