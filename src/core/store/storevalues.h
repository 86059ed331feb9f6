#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <QVariant>

// How the store's tables write values into SQLite columns and read them back;
// shared by the repositories so that every table keeps times, ids and JSON alike.
namespace StoreValues {

// Milliseconds since the epoch (UTC) of time, or of now when time is invalid.
qint64 msOrNow(const QDateTime &time);
// The UTC time a column holds in milliseconds; invalid for SQL NULL.
QDateTime timeFrom(const QVariant &value);
// value, with a null QString made empty: Qt binds null as SQL NULL and the text columns are NOT NULL.
QString text(const QString &value);
// A UUID as the store keys it: without braces.
QString uuidKey(const QUuid &id);
// object as compact JSON; equal objects give equal text, whatever order their keys were inserted in.
QString compactJson(const QJsonObject &object);

} // namespace StoreValues
