#include "notificationlog.h"

#include "database.h"
#include "storevalues.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

using namespace StoreValues;

namespace {

const QString notificationColumns
    = QStringLiteral("id, kind, severity, title, message, source_kind, source_id, time, read, alarm");

NotificationLog::Notification notificationFrom(const QSqlQuery &query)
{
    NotificationLog::Notification n;
    n.id = query.value(0).toString();
    n.kind = query.value(1).toString();
    n.severity = query.value(2).toString();
    n.title = query.value(3).toString();
    n.message = query.value(4).toString();
    n.sourceKind = query.value(5).toString();
    n.sourceId = query.value(6).toString();
    n.time = timeFrom(query.value(7));
    n.read = query.value(8).toBool();
    n.alarm = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).object();
    return n;
}

} // namespace

NotificationLog::NotificationLog(Database &database)
    : m_database(database)
    , m_bound(database, QStringLiteral("notifications"), QStringLiteral("time DESC, seq DESC"), DefaultLimit)
{ }

bool NotificationLog::append(const Notification &notification)
{
    if (!m_database.ready())
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO notifications (") + notificationColumns
                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"));
    query.addBindValue(text(notification.id));
    query.addBindValue(text(notification.kind));
    query.addBindValue(text(notification.severity));
    query.addBindValue(text(notification.title));
    query.addBindValue(text(notification.message));
    query.addBindValue(text(notification.sourceKind));
    query.addBindValue(text(notification.sourceId));
    query.addBindValue(msOrNow(notification.time));
    query.addBindValue(notification.read ? 1 : 0);
    query.addBindValue(text(notification.alarm.isEmpty() ? QString() : compactJson(notification.alarm)));
    if (!m_database.exec(query, tr("Storing notification %1").arg(notification.id)))
        return false;
    m_bound.added(query.numRowsAffected());
    return true;
}

bool NotificationLog::update(const Notification &notification)
{
    if (!m_database.ready())
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "UPDATE notifications SET severity = ?, title = ?, message = ?, read = ?, alarm = ? WHERE id = ?"));
    query.addBindValue(text(notification.severity));
    query.addBindValue(text(notification.title));
    query.addBindValue(text(notification.message));
    query.addBindValue(notification.read ? 1 : 0);
    query.addBindValue(text(notification.alarm.isEmpty() ? QString() : compactJson(notification.alarm)));
    query.addBindValue(text(notification.id));
    return m_database.exec(query, tr("Updating notification %1").arg(notification.id));
}

std::optional<QList<NotificationLog::Notification>> NotificationLog::newest(int limit, int offset)
{
    if (!m_database.ready())
        return std::nullopt;
    return m_database.readPage<Notification>(
        QStringLiteral("SELECT ") + notificationColumns
            + QStringLiteral(" FROM notifications ORDER BY time DESC, seq DESC LIMIT ? OFFSET ?"),
        {}, limit, offset, tr("Reading the notification history"), notificationFrom);
}

std::optional<int> NotificationLog::unreadCount()
{
    if (!m_database.ready())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    if (!m_database.execSql(query, QStringLiteral("SELECT count(*) FROM notifications WHERE read = 0"),
                            tr("Counting unread notifications"))
        || !query.next())
        return std::nullopt;
    return query.value(0).toInt();
}

bool NotificationLog::markRead(const QString &notificationId)
{
    if (!m_database.ready())
        return false;
    const QString what = tr("Marking notification %1 read").arg(notificationId);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE notifications SET read = 1 WHERE id = ?"));
    query.addBindValue(notificationId);
    if (!m_database.exec(query, what))
        return false;
    if (query.numRowsAffected() == 0) {
        m_database.setLastError(tr("%1 failed: no such notification").arg(what));
        return false;
    }
    return true;
}

bool NotificationLog::markAllRead()
{
    if (!m_database.ready())
        return false;
    QSqlQuery query(m_database.connection());
    return m_database.execSql(query, QStringLiteral("UPDATE notifications SET read = 1 WHERE read = 0"),
                              tr("Marking all notifications read"));
}

bool NotificationLog::clear()
{
    if (!m_database.ready())
        return false;
    QSqlQuery query(m_database.connection());
    if (!m_database.execSql(query, QStringLiteral("DELETE FROM notifications"),
                            tr("Clearing the notification history")))
        return false;
    m_bound.cleared();
    return true;
}
