#include "commandlog.h"

#include "database.h"
#include "storevalues.h"

#include "domain/endpointfact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using Domain::CommandRecord;
using Domain::CommandState;
using Domain::CommandStep;
using namespace StoreValues;

namespace {

// A value is kept as JSON text: a bare JSON value (a number, a string, null)
// is not a document, so it is wrapped in an array; no value is [null].
QString valueToText(const Domain::EndpointValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {EndpointFact::toJson(value)}).toJson(QJsonDocument::Compact));
}

// Where a column may be empty, no value is SQL NULL.
QVariant valueColumn(const Domain::EndpointValue &value)
{
    return std::holds_alternative<std::monostate>(value) ? QVariant() : QVariant(valueToText(value));
}

Domain::EndpointValue valueFromText(const QVariant &text)
{
    if (text.isNull())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(text.toString().toUtf8());
    if (!document.isArray() || document.array().isEmpty())
        return {};
    return EndpointFact::fromJson(document.array().first());
}

// A stored word the table does not know reads as queued (the header says why).
CommandState stateOf(const QString &word)
{
    return Domain::valueOf(Domain::kCommandStates, word).value_or(CommandState::Queued);
}

const QString commandColumns = QStringLiteral(
    "command_id, endpoint_id, requested_value, operator, status, actual_value, error, created_at, updated_at, history");

// One step of the history column: {status, error, at[, actualValue]}, the
// time in milliseconds since the epoch; no value is left out.
QJsonObject historyItem(const QString &status, const CommandStep &step, qint64 at)
{
    QJsonObject item {
        {QStringLiteral("status"), status}, {QStringLiteral("error"), step.error}, {QStringLiteral("at"), at}};
    if (!std::holds_alternative<std::monostate>(step.actualValue))
        item.insert(QStringLiteral("actualValue"), EndpointFact::toJson(step.actualValue));
    return item;
}

CommandRecord commandFrom(const QSqlQuery &query)
{
    CommandRecord c;
    c.commandId = query.value(0).toString();
    c.endpointId = query.value(1).toString();
    c.requestedValue = valueFromText(query.value(2));
    c.operatorName = query.value(3).toString();
    c.status = stateOf(query.value(4).toString());
    c.actualValue = valueFromText(query.value(5));
    c.error = query.value(6).toString();
    c.issuedAt = timeFrom(query.value(7));
    c.lastChange = timeFrom(query.value(8));
    const QJsonArray history = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).array();
    for (const QJsonValue &item : history) {
        const QJsonObject o = item.toObject();
        c.history.append({stateOf(o.value(QStringLiteral("status")).toString()),
                          QDateTime::fromMSecsSinceEpoch(qint64(o.value(QStringLiteral("at")).toDouble()), Qt::UTC),
                          EndpointFact::fromJson(o.value(QStringLiteral("actualValue"))),
                          o.value(QStringLiteral("error")).toString()});
    }
    return c;
}

} // namespace

CommandLog::CommandLog(Database &database)
    : m_database(database)
    , m_bound(database, QStringLiteral("commands"), QStringLiteral("created_at DESC, seq DESC"), DefaultLimit)
{ }

QString CommandLog::storedWord(CommandState state, const QString &what)
{
    QString word = Domain::wordOf(Domain::kCommandStates, state);
    if (word.isEmpty())
        m_database.setLastError(
            tr("%1 failed: a command still being sent, or lost with the link, is not logged as such").arg(what));
    return word;
}

bool CommandLog::append(const CommandRecord &command)
{
    if (!m_database.ready())
        return false;
    const QUuid id = QUuid::fromString(command.commandId);
    const QString what = tr("Logging command %1").arg(id.isNull() ? command.commandId : uuidKey(id));
    if (id.isNull()) {
        m_database.setLastError(tr("%1 failed: the command id is not a UUID").arg(what));
        return false;
    }
    const QString status = storedWord(command.status, what);
    if (status.isEmpty())
        return false;
    const qint64 createdAt = msOrNow(command.issuedAt);
    const QJsonArray history {
        historyItem(status, {command.status, command.issuedAt, command.actualValue, command.error}, createdAt)};
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO commands (") + commandColumns
                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(uuidKey(id));
    query.addBindValue(text(command.endpointId));
    query.addBindValue(valueToText(command.requestedValue));
    query.addBindValue(text(command.operatorName));
    query.addBindValue(status);
    query.addBindValue(valueColumn(command.actualValue));
    query.addBindValue(text(command.error));
    query.addBindValue(createdAt);
    query.addBindValue(createdAt);
    query.addBindValue(QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact)));
    if (!m_database.exec(query, what))
        return false;
    m_bound.added(1);
    return true;
}

bool CommandLog::update(const QUuid &commandId, const CommandStep &step)
{
    if (!m_database.ready())
        return false;
    const QString what = tr("Updating command %1 in the log").arg(uuidKey(commandId));
    const QString status = storedWord(step.status, what);
    if (status.isEmpty())
        return false;
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
    const qint64 when = msOrNow(step.at);
    history.append(historyItem(status, step, when));

    query.prepare(QStringLiteral("UPDATE commands SET status = ?, actual_value = ?, error = ?, updated_at = ?, "
                                 "history = ? WHERE command_id = ?"));
    query.addBindValue(status);
    query.addBindValue(valueColumn(step.actualValue));
    query.addBindValue(text(step.error));
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

std::optional<CommandRecord> CommandLog::find(const QUuid &commandId)
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

std::optional<QList<CommandRecord>> CommandLog::newest(int limit, int offset, const Filter &filter)
{
    if (!m_database.ready())
        return std::nullopt;
    QStringList conditions;
    QVariantList values;
    if (!filter.endpointId.isEmpty()) {
        conditions << QStringLiteral("endpoint_id = ?");
        values << filter.endpointId;
    }
    if (filter.status) {
        // A state with no word matches no row: no status is stored empty.
        conditions << QStringLiteral("status = ?");
        values << text(Domain::wordOf(Domain::kCommandStates, *filter.status));
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

    return m_database.readPage<CommandRecord>(sql, values, limit, offset, tr("Reading the command log"), commandFrom);
}
