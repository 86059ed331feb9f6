#include "commandlog.h"

#include "database.h"
#include "storevalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace StoreValues;

namespace {

// A bare JSON value (a number, a string, null) is not a document: wrap it.
QString valueToText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
}

// No value (null, or undefined) is stored as SQL NULL.
QVariant valueColumn(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() ? QVariant() : QVariant(valueToText(value));
}

QJsonValue valueFromText(const QVariant &text)
{
    if (text.isNull())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(text.toString().toUtf8());
    if (!document.isArray() || document.array().isEmpty())
        return {};
    return document.array().first();
}

const QString commandColumns = QStringLiteral(
    "command_id, endpoint_id, requested_value, operator, status, actual_value, error, created_at, updated_at, history");

QJsonObject historyItem(const QString &status, const QJsonValue &actualValue, const QString &error, qint64 at)
{
    QJsonObject item {{QStringLiteral("status"), status}, {QStringLiteral("error"), error}, {QStringLiteral("at"), at}};
    if (!actualValue.isNull() && !actualValue.isUndefined()) // no value is left out
        item.insert(QStringLiteral("actualValue"), actualValue);
    return item;
}

CommandLog::Command commandFrom(const QSqlQuery &query)
{
    CommandLog::Command c;
    c.commandId = QUuid::fromString(query.value(0).toString());
    c.endpointId = query.value(1).toString();
    c.requestedValue = valueFromText(query.value(2));
    c.operatorName = query.value(3).toString();
    c.status = query.value(4).toString();
    c.actualValue = valueFromText(query.value(5));
    c.error = query.value(6).toString();
    c.createdAt = timeFrom(query.value(7));
    c.updatedAt = timeFrom(query.value(8));
    const QJsonArray history = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).array();
    for (const QJsonValue &item : history) {
        const QJsonObject o = item.toObject();
        c.history.append({o.value(QStringLiteral("status")).toString(), o.value(QStringLiteral("actualValue")),
                          o.value(QStringLiteral("error")).toString(),
                          QDateTime::fromMSecsSinceEpoch(qint64(o.value(QStringLiteral("at")).toDouble()), Qt::UTC)});
    }
    return c;
}

} // namespace

CommandLog::CommandLog(Database &database)
    : m_database(database)
    , m_bound(database, QStringLiteral("commands"), QStringLiteral("created_at DESC, seq DESC"), DefaultLimit)
{ }

bool CommandLog::append(const Command &command)
{
    if (!m_database.ready())
        return false;
    const qint64 createdAt = msOrNow(command.createdAt);
    const QJsonArray history {historyItem(command.status, command.actualValue, command.error, createdAt)};
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO commands (") + commandColumns
                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(uuidKey(command.commandId));
    query.addBindValue(text(command.endpointId));
    query.addBindValue(valueToText(command.requestedValue));
    query.addBindValue(text(command.operatorName));
    query.addBindValue(text(command.status));
    query.addBindValue(valueColumn(command.actualValue));
    query.addBindValue(text(command.error));
    query.addBindValue(createdAt);
    query.addBindValue(createdAt);
    query.addBindValue(QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact)));
    if (!m_database.exec(query, tr("Logging command %1").arg(uuidKey(command.commandId))))
        return false;
    m_bound.added(1);
    return true;
}

bool CommandLog::update(const QUuid &commandId, const QString &status, const QJsonValue &actualValue,
                        const QString &error, const QDateTime &at)
{
    if (!m_database.ready())
        return false;
    const QString what = tr("Updating command %1 in the log").arg(uuidKey(commandId));
    if (!m_database.connection().transaction()) {
        m_database.setError(what, m_database.connection().lastError());
        return false;
    }
    const auto fail = [this] {
        m_database.connection().rollback();
        return false;
    };

    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT history FROM commands WHERE command_id = ?"));
    query.addBindValue(uuidKey(commandId));
    if (!m_database.exec(query, what))
        return fail();
    if (!query.next()) {
        m_database.setLastError(tr("%1 failed: no such command in the log").arg(what));
        return fail();
    }
    QJsonArray history = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array();
    query.finish();
    const qint64 when = msOrNow(at);
    history.append(historyItem(status, actualValue, error, when));

    query.prepare(QStringLiteral("UPDATE commands SET status = ?, actual_value = ?, error = ?, updated_at = ?, "
                                 "history = ? WHERE command_id = ?"));
    query.addBindValue(text(status));
    query.addBindValue(valueColumn(actualValue));
    query.addBindValue(text(error));
    query.addBindValue(when);
    query.addBindValue(QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact)));
    query.addBindValue(uuidKey(commandId));
    if (!m_database.exec(query, what))
        return fail();
    if (!m_database.connection().commit()) {
        m_database.setError(what, m_database.connection().lastError());
        return fail();
    }
    return true;
}

std::optional<CommandLog::Command> CommandLog::find(const QUuid &commandId)
{
    if (!m_database.ready())
        return std::nullopt;
    const QString what = tr("Reading command %1 from the log").arg(uuidKey(commandId));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + commandColumns + QStringLiteral(" FROM commands WHERE command_id = ?"));
    query.addBindValue(uuidKey(commandId));
    if (!m_database.exec(query, what))
        return std::nullopt;
    if (!query.next()) {
        m_database.setLastError(tr("%1 failed: no such command in the log").arg(what));
        return std::nullopt;
    }
    return commandFrom(query);
}

std::optional<QList<CommandLog::Command>> CommandLog::newest(int limit, int offset, const Filter &filter)
{
    if (!m_database.ready())
        return std::nullopt;
    QStringList conditions;
    QVariantList values;
    if (!filter.endpointId.isEmpty()) {
        conditions << QStringLiteral("endpoint_id = ?");
        values << filter.endpointId;
    }
    if (!filter.status.isEmpty()) {
        conditions << QStringLiteral("status = ?");
        values << filter.status;
    }
    if (filter.since.isValid()) {
        conditions << QStringLiteral("created_at >= ?");
        values << filter.since.toMSecsSinceEpoch();
    }
    if (filter.until.isValid()) {
        conditions << QStringLiteral("created_at < ?");
        values << filter.until.toMSecsSinceEpoch();
    }
    QString sql = QStringLiteral("SELECT ") + commandColumns + QStringLiteral(" FROM commands");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?");

    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(std::max(0, limit));
    query.addBindValue(std::max(0, offset));
    if (!m_database.exec(query, tr("Reading the command log")))
        return std::nullopt;
    QList<Command> list;
    while (query.next())
        list.append(commandFrom(query));
    return list;
}
