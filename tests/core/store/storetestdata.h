#pragma once

#include "store/localstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QUuid>

// Values the store's tests write, shared so that every table is exercised with the same data.
namespace StoreTestData {

using Kind = AlarmOutbox::Kind;

inline const QDateTime t0(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

inline QJsonObject note(const QString &text)
{
    return QJsonObject {{QStringLiteral("note"), text}};
}

inline NotificationLog::Notification notification(const QString &id, const QDateTime &time, const QString &message = {})
{
    NotificationLog::Notification n;
    n.id = id;
    n.kind = QStringLiteral("alarm");
    n.severity = QStringLiteral("high");
    n.title = QStringLiteral("Tank 3 level high");
    n.message = message.isEmpty() ? QStringLiteral("Level above 90 %") : message;
    n.sourceKind = QStringLiteral("endpoint");
    n.sourceId = QStringLiteral("tank-3/level");
    n.time = time;
    return n;
}

// The ids of the store's notifications, newest first; empty when it cannot read them.
inline QStringList notificationIds(LocalStore &store, int limit, int offset = 0)
{
    QStringList ids;
    const auto list = store.notificationLog().newest(limit, offset);
    if (list) {
        for (const auto &n : *list)
            ids << n.id;
    }
    return ids;
}

inline Domain::CommandRecord command(const QUuid &id, const QString &endpoint, double value, const QDateTime &at)
{
    Domain::CommandRecord c;
    c.commandId = id.toString(QUuid::WithoutBraces);
    c.endpointId = endpoint;
    c.requestedValue = value;
    c.operatorName = QStringLiteral("alice");
    c.status = Domain::CommandState::Queued;
    c.issuedAt = at;
    return c;
}

inline Domain::CommandStep step(Domain::CommandState status, const QDateTime &at,
                                const Domain::EndpointValue &actualValue = {}, const QString &error = {})
{
    return {status, at, actualValue, error};
}

inline QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

} // namespace StoreTestData
