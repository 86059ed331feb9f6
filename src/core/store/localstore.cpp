#include "localstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "watchfloor.store")

namespace {

// SQLite primary result codes; QSqlError::nativeErrorCode() carries them as text,
// possibly extended (the primary code is the low byte).
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADb = 26,
};

// The largest page count SQLite accepts on every build: 4 TiB with 4 KiB pages.
constexpr qint64 UncappedPageCount = 1073741823;
// Delivered acknowledgements are kept this long for the record, then pruned.
constexpr qint64 DeliveredRetentionMs = qint64(7) * 24 * 3600 * 1000;

int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

QString kindName(LocalStore::OutboxKind kind)
{
    switch (kind) {
    case LocalStore::OutboxKind::Ack:
        return QStringLiteral("ack");
    case LocalStore::OutboxKind::Shelve:
        return QStringLiteral("shelve");
    case LocalStore::OutboxKind::Unshelve:
        return QStringLiteral("unshelve");
    }
    return {};
}

LocalStore::OutboxKind kindFromName(const QString &name)
{
    if (name == u"shelve")
        return LocalStore::OutboxKind::Shelve;
    if (name == u"unshelve")
        return LocalStore::OutboxKind::Unshelve;
    return LocalStore::OutboxKind::Ack;
}

QString stateName(LocalStore::OutboxState state)
{
    switch (state) {
    case LocalStore::OutboxState::Pending:
        return QStringLiteral("pending");
    case LocalStore::OutboxState::Delivered:
        return QStringLiteral("delivered");
    case LocalStore::OutboxState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

LocalStore::OutboxState stateFromName(const QString &name)
{
    if (name == u"delivered")
        return LocalStore::OutboxState::Delivered;
    if (name == u"failed")
        return LocalStore::OutboxState::Failed;
    return LocalStore::OutboxState::Pending;
}

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

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString requestKey(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// QJsonObject keeps its keys sorted, so equal payloads give equal text: the
// outbox relies on that to recognise a duplicate.
QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A bare JSON value (a number, a string, null) is not a document: wrap it.
QString valueToText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
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

QString serverKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
        .toString(QUrl::FullyEncoded);
}

const QString outboxColumns = QStringLiteral(
    "request_id, kind, alarm_id, payload, created_at, state, attempts, last_attempt_at, finished_at, failure_reason");

LocalStore::OutboxEntry outboxEntryFrom(const QSqlQuery &query)
{
    LocalStore::OutboxEntry entry;
    entry.requestId = QUuid::fromString(query.value(0).toString());
    entry.kind = kindFromName(query.value(1).toString());
    entry.alarmId = query.value(2).toString();
    entry.payload = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
    entry.createdAt = timeFrom(query.value(4));
    entry.state = stateFromName(query.value(5).toString());
    entry.attempts = query.value(6).toInt();
    entry.lastAttemptAt = timeFrom(query.value(7));
    entry.finishedAt = timeFrom(query.value(8));
    entry.failureReason = query.value(9).toString();
    return entry;
}

const QString notificationColumns
    = QStringLiteral("id, kind, severity, title, message, source_kind, source_id, time, read, alarm");

LocalStore::Notification notificationFrom(const QSqlQuery &query)
{
    LocalStore::Notification n;
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

const QString commandColumns = QStringLiteral(
    "command_id, endpoint_id, requested_value, operator, status, actual_value, error, created_at, updated_at, history");

QJsonObject historyItem(const QString &status, const QJsonValue &actualValue, const QString &error, qint64 at)
{
    return QJsonObject {{QStringLiteral("status"), status},
                        {QStringLiteral("actualValue"), actualValue},
                        {QStringLiteral("error"), error},
                        {QStringLiteral("at"), at}};
}

LocalStore::Command commandFrom(const QSqlQuery &query)
{
    LocalStore::Command c;
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

// Version 1. Rows that must come back in creation order carry an AUTOINCREMENT
// seq, which never goes backwards even when the wall clock does.
const char *const schemaV1[] = {
    "CREATE TABLE outbox ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " request_id TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL CHECK (kind IN ('ack', 'shelve', 'unshelve')),"
    " alarm_id TEXT NOT NULL,"
    " payload TEXT NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " last_attempt_at INTEGER,"
    " finished_at INTEGER,"
    " failure_reason TEXT)",
    // One pending entry per intent: a second tap on "acknowledge" while offline
    // does not queue a second request.
    "CREATE UNIQUE INDEX outbox_pending_once ON outbox (kind, alarm_id, payload) WHERE state = 'pending'",
    "CREATE INDEX outbox_by_state ON outbox (state, seq)",
    "CREATE TABLE resume_point ("
    " server_url TEXT PRIMARY KEY,"
    " session_id TEXT NOT NULL,"
    " last_seq INTEGER NOT NULL,"
    " saved_at INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE notifications ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL,"
    " severity TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " message TEXT NOT NULL,"
    " source_kind TEXT NOT NULL,"
    " source_id TEXT NOT NULL,"
    " time INTEGER NOT NULL,"
    " read INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX notifications_newest ON notifications (time, seq)",
    "CREATE INDEX notifications_unread ON notifications (read) WHERE read = 0",
    "CREATE TABLE commands ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " command_id TEXT NOT NULL UNIQUE,"
    " endpoint_id TEXT NOT NULL,"
    " requested_value TEXT NOT NULL,"
    " operator TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " actual_value TEXT,"
    " error TEXT NOT NULL DEFAULT '',"
    " created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL,"
    " history TEXT NOT NULL)",
    "CREATE INDEX commands_newest ON commands (created_at, seq)",
    "CREATE INDEX commands_by_endpoint ON commands (endpoint_id, created_at)",
    "CREATE INDEX commands_by_status ON commands (status, created_at)",
};

// Version 2: an alarm notification keeps the alarm's state as last reported,
// so that one still waiting for an acknowledgement says so after a restart.
const char *const schemaV2[] = {
    "ALTER TABLE notifications ADD COLUMN alarm TEXT NOT NULL DEFAULT ''",
};

} // namespace

LocalStore::LocalStore()
{
    static std::atomic<int> counter {0};
    m_connectionName = QStringLiteral("watchfloor.store.%1").arg(++counter);
}

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::defaultPath(const QString &profileName)
{
    QString folderName = profileName;
    folderName.replace(u'/', u'_').replace(u'\\', u'_');
    if (folderName.isEmpty())
        folderName = QStringLiteral("default");
    else if (folderName == u"." || folderName == u"..")
        folderName.prepend(u'_');
    const QString folder
        = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/profiles/") + folderName;
    QDir().mkpath(folder);
    return folder + QStringLiteral("/watchfloor.sqlite");
}

bool LocalStore::open(const QString &path, OpenMode mode)
{
    close();
    m_lastError.clear();
    m_movedAsidePath.clear();
    m_path = path;
    m_mode = mode;

    if (mode == OpenMode::ReadWrite) {
        const QString folder = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(folder)) {
            m_lastError = tr("Cannot create the folder %1 for the local database").arg(folder);
            return false;
        }
    }

    OpenResult result = openConnection();
    if (result == OpenResult::Corrupt) {
        dropConnection();
        // Read-only means hands off: report the damage, move nothing.
        if (mode == OpenMode::ReadOnly)
            return false;
        const QString damage = m_lastError;
        if (!moveAside())
            return false;
        qCWarning(lcStore).noquote() << QStringLiteral(
                                            "Local database %1 is damaged (%2); moved it to %3 and started a "
                                            "fresh one")
                                            .arg(m_path, damage, m_movedAsidePath);
        m_lastError.clear();
        result = openConnection();
    }
    if (result != OpenResult::Ok) {
        dropConnection();
        return false;
    }

    const std::optional<int> notificationCount = rowCount(QStringLiteral("notifications"));
    const std::optional<int> commandCount = rowCount(QStringLiteral("commands"));
    if (!notificationCount || !commandCount) {
        dropConnection();
        return false;
    }
    m_notificationCount = *notificationCount;
    m_commandCount = *commandCount;
    m_open = true;
    return true;
}

void LocalStore::close()
{
    m_open = false;
    dropConnection();
}

void LocalStore::dropConnection()
{
    // Every query must be gone before removeDatabase(), or Qt keeps the file open.
    m_saveResumeQuery.reset();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

LocalStore::OpenResult LocalStore::openConnection()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        m_lastError = tr("The Qt SQLite driver (QSQLITE) is not available");
        return OpenResult::Failed;
    }
    m_db.setDatabaseName(m_path);
    // A short busy timeout: a second console on the same profile may hold the
    // lock briefly, but the GUI thread must not wait long for it.
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=1000");
    if (m_mode == OpenMode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    const QString opening = tr("Opening the local database %1").arg(m_path);
    m_lastSqliteCode = 0;
    const auto failure = [this] {
        return m_lastSqliteCode == SqliteCorrupt || m_lastSqliteCode == SqliteNotADb ? OpenResult::Corrupt
                                                                                     : OpenResult::Failed;
    };
    if (!m_db.open()) {
        setError(opening, m_db.lastError());
        return failure();
    }

    // SQLite reads the file lazily: damage shows on the first statement, not at open.
    {
        QSqlQuery check(m_db);
        if (!execSql(check, QStringLiteral("PRAGMA quick_check"), opening))
            return failure();
        QString problem;
        while (check.next()) {
            const QString line = check.value(0).toString();
            if (line != u"ok" && problem.isEmpty())
                problem = line;
        }
        if (check.lastError().isValid()) {
            setError(opening, check.lastError());
            return failure();
        }
        if (!problem.isEmpty()) {
            m_lastError = tr("The local database %1 fails its integrity check: %2").arg(m_path, problem);
            return OpenResult::Corrupt;
        }
    }

    QSqlQuery query(m_db);
    if (m_mode == OpenMode::ReadWrite) {
        // WAL: readers never block the writer, and a commit appends instead of
        // rewriting pages. synchronous=NORMAL is safe against corruption in WAL
        // mode and costs no fsync per commit, which matters for the resume point
        // saved after every applied batch; a power cut may lose the last commits.
        // Outbox writes switch to FULL for their own commit (see setDurable()),
        // since an operator's acknowledgement must survive a power cut.
        if (!execSql(query, QStringLiteral("PRAGMA journal_mode=WAL"), opening)
            || !execSql(query, QStringLiteral("PRAGMA synchronous=NORMAL"), opening))
            return failure();
    }
    if ((m_maximumSize > 0 && !setMaximumSize(m_maximumSize)) || !migrate())
        return failure();
    return OpenResult::Ok;
}

bool LocalStore::moveAside()
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString base = m_path + QStringLiteral(".corrupt-") + stamp;
    QString target = base;
    for (int n = 1; QFileInfo::exists(target); ++n)
        target = base + u'-' + QString::number(n);
    QFile file(m_path);
    if (!file.rename(target)) {
        m_lastError = tr("The local database %1 is damaged and could not be moved aside to %2: %3")
                          .arg(m_path, target, file.errorString());
        return false;
    }
    m_movedAsidePath = target;
    // A journal left next to the fresh database would be replayed into it.
    const QString companions[] = {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};
    for (const QString &suffix : companions) {
        QFile companion(m_path + suffix);
        if (!companion.exists())
            continue;
        if (!companion.rename(target + suffix) && !companion.remove()) {
            m_lastError = tr("The damaged local database was moved to %1, but %2 could not be moved or removed: %3")
                              .arg(target, companion.fileName(), companion.errorString());
            return false;
        }
    }
    return true;
}

bool LocalStore::migrate()
{
    const QString what = tr("Preparing the local database %1").arg(m_path);
    QSqlQuery query(m_db);
    if (!execSql(query, QStringLiteral("PRAGMA user_version"), what) || !query.next()) {
        if (m_lastError.isEmpty())
            m_lastError = tr("%1 failed: no schema version").arg(what);
        return false;
    }
    const int version = query.value(0).toInt();
    query.finish();
    if (version == SchemaVersion)
        return true;
    if (version > SchemaVersion) {
        m_lastError = tr("The local database %1 was written by a newer Watchfloor (schema %2; this one knows %3)")
                          .arg(m_path)
                          .arg(version)
                          .arg(SchemaVersion);
        return false;
    }
    if (m_mode == OpenMode::ReadOnly) {
        m_lastError
            = tr("The local database %1 has schema %2 and cannot be upgraded read-only").arg(m_path).arg(version);
        return false;
    }

    if (!m_db.transaction()) {
        setError(what, m_db.lastError());
        return false;
    }
    bool ok = true;
    if (version < 1) {
        for (const char *statement : schemaV1) {
            if (!(ok = execSql(query, QString::fromLatin1(statement), what)))
                break;
        }
    }
    if (ok && version < 2) {
        for (const char *statement : schemaV2) {
            if (!(ok = execSql(query, QString::fromLatin1(statement), what)))
                break;
        }
    }
    ok = ok && execSql(query, QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion), what);
    if (ok && !m_db.commit()) {
        setError(what, m_db.lastError());
        ok = false;
    }
    if (!ok)
        m_db.rollback();
    return ok;
}

bool LocalStore::ready()
{
    m_lastError.clear();
    if (m_open)
        return true;
    m_lastError = tr("The local database is not open");
    return false;
}

bool LocalStore::exec(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return true;
    setError(what, query.lastError());
    return false;
}

bool LocalStore::execSql(QSqlQuery &query, const QString &sql, const QString &what)
{
    if (query.exec(sql))
        return true;
    setError(what, query.lastError());
    return false;
}

void LocalStore::setError(const QString &what, const QSqlError &error)
{
    m_lastSqliteCode = sqliteCode(error);
    QString reason;
    switch (m_lastSqliteCode) {
    case SqliteFull:
        reason = tr("the disk is full or the database reached its size limit");
        break;
    case SqliteReadOnly:
        reason = tr("the database is read-only");
        break;
    case SqliteCorrupt:
    case SqliteNotADb:
        reason = tr("the file is not a valid database");
        break;
    case SqliteBusy:
    case SqliteLocked:
        reason = tr("the database is locked by another program");
        break;
    case SqliteIoErr:
        reason = tr("the disk could not be read or written");
        break;
    case SqliteCantOpen:
        reason = tr("the file cannot be opened");
        break;
    default:
        break;
    }
    const QString sqlite = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    if (reason.isEmpty())
        m_lastError = tr("%1 failed (SQLite error %2: %3)").arg(what, error.nativeErrorCode(), sqlite);
    else
        m_lastError = tr("%1 failed: %2 (SQLite error %3: %4)").arg(what, reason, error.nativeErrorCode(), sqlite);
}

bool LocalStore::setDurable(bool durable)
{
    QSqlQuery query(m_db);
    return execSql(query,
                   durable ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"),
                   tr("Setting the durability of the local database"));
}

std::optional<int> LocalStore::rowCount(const QString &table)
{
    QSqlQuery query(m_db);
    if (!execSql(query, QStringLiteral("SELECT count(*) FROM ") + table, tr("Counting the rows of %1").arg(table))
        || !query.next())
        return std::nullopt;
    return query.value(0).toInt();
}

bool LocalStore::prune(const QString &table, const QString &newestFirst, int limit, int &count)
{
    // Deleting a tenth at a time keeps the cost off most inserts.
    const int slack = std::max(1, limit / 10);
    if (count < limit + slack)
        return true;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE seq IN (SELECT seq FROM ") + table
                  + QStringLiteral(" ORDER BY ") + newestFirst + QStringLiteral(" LIMIT -1 OFFSET ?)"));
    query.addBindValue(limit);
    if (!exec(query, tr("Pruning old entries of %1").arg(table)))
        return false;
    count -= query.numRowsAffected();
    return true;
}

bool LocalStore::setMaximumSize(qint64 bytes)
{
    m_lastError.clear();
    m_maximumSize = std::max<qint64>(0, bytes);
    if (!m_db.isOpen())
        return true;
    const QString what = tr("Limiting the size of the local database");
    QSqlQuery query(m_db);
    if (!execSql(query, QStringLiteral("PRAGMA page_size"), what) || !query.next())
        return false;
    const qint64 pageSize = std::max<qint64>(512, query.value(0).toLongLong());
    query.finish();
    // SQLite never lowers the cap below the current size, so a tiny cap means "no growth".
    const qint64 pages = m_maximumSize > 0 ? std::max<qint64>(1, m_maximumSize / pageSize) : UncappedPageCount;
    return execSql(query, QStringLiteral("PRAGMA max_page_count = %1").arg(pages), what);
}

std::optional<QUuid> LocalStore::enqueue(OutboxKind kind, const QString &alarmId, const QJsonObject &payload,
                                         const QDateTime &createdAt)
{
    if (!ready())
        return std::nullopt;
    const QString what = tr("Queueing the %1 of alarm %2").arg(kindName(kind), alarmId);
    const QUuid requestId = QUuid::createUuid();
    const QString payloadText = compactJson(payload);

    if (!setDurable(true))
        return std::nullopt;
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO outbox (request_id, kind, alarm_id, payload, created_at) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    insert.addBindValue(requestKey(requestId));
    insert.addBindValue(kindName(kind));
    insert.addBindValue(text(alarmId));
    insert.addBindValue(payloadText);
    insert.addBindValue(msOrNow(createdAt));
    const bool inserted = exec(insert, what);
    const QString insertError = m_lastError;
    setDurable(false);
    m_lastError = insertError;
    if (!inserted)
        return std::nullopt;
    if (insert.numRowsAffected() == 1)
        return requestId;

    QSqlQuery existing(m_db);
    existing.prepare(QStringLiteral("SELECT request_id FROM outbox "
                                    "WHERE kind = ? AND alarm_id = ? AND payload = ? AND state = 'pending'"));
    existing.addBindValue(kindName(kind));
    existing.addBindValue(text(alarmId));
    existing.addBindValue(payloadText);
    if (!exec(existing, what))
        return std::nullopt;
    if (!existing.next()) {
        m_lastError = tr("%1 failed: the request was neither stored nor found").arg(what);
        return std::nullopt;
    }
    return QUuid::fromString(existing.value(0).toString());
}

bool LocalStore::insertOutboxEntry(const OutboxEntry &entry)
{
    if (!ready())
        return false;
    const QString what = tr("Queueing the %1 of alarm %2").arg(kindName(entry.kind), entry.alarmId);
    if (!setDurable(true))
        return false;
    // Any uniqueness conflict keeps the row already there: the same request
    // id, or the same action still pending from an earlier run (the
    // outbox_pending_once index), which is not a failure of the store.
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO outbox (request_id, kind, alarm_id, payload, created_at) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    insert.addBindValue(requestKey(entry.requestId));
    insert.addBindValue(kindName(entry.kind));
    insert.addBindValue(text(entry.alarmId));
    insert.addBindValue(compactJson(entry.payload));
    insert.addBindValue(msOrNow(entry.createdAt));
    const bool inserted = exec(insert, what);
    const QString insertError = m_lastError;
    setDurable(false);
    m_lastError = insertError;
    return inserted;
}

std::optional<QList<LocalStore::OutboxEntry>> LocalStore::pending()
{
    if (!ready())
        return std::nullopt;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!execSql(query,
                 QStringLiteral("SELECT ") + outboxColumns
                     + QStringLiteral(" FROM outbox WHERE state = 'pending' ORDER BY seq"),
                 tr("Reading the queued acknowledgements")))
        return std::nullopt;
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(outboxEntryFrom(query));
    return entries;
}

std::optional<QList<LocalStore::OutboxEntry>> LocalStore::failed()
{
    if (!ready())
        return std::nullopt;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!execSql(query,
                 QStringLiteral("SELECT ") + outboxColumns
                     + QStringLiteral(" FROM outbox WHERE state = 'failed' ORDER BY finished_at DESC, seq DESC"),
                 tr("Reading the refused acknowledgements")))
        return std::nullopt;
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(outboxEntryFrom(query));
    return entries;
}

bool LocalStore::recordAttempt(const QUuid &requestId, const QDateTime &at)
{
    if (!ready())
        return false;
    const QString what = tr("Recording a delivery attempt of request %1").arg(requestKey(requestId));
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? "
                                 "WHERE request_id = ? AND state = 'pending'"));
    query.addBindValue(msOrNow(at));
    query.addBindValue(requestKey(requestId));
    if (!exec(query, what))
        return false;
    if (query.numRowsAffected() == 0) {
        m_lastError = tr("%1 failed: no such request is waiting for delivery").arg(what);
        return false;
    }
    return true;
}

bool LocalStore::markDelivered(const QUuid &requestId, const QDateTime &at)
{
    if (!finishOutboxEntry(requestId, OutboxState::Delivered, {}, at))
        return false;
    QSqlQuery prune(m_db);
    prune.prepare(QStringLiteral("DELETE FROM outbox WHERE state = 'delivered' AND finished_at < ?"));
    prune.addBindValue(msOrNow(at) - DeliveredRetentionMs);
    if (!prune.exec())
        qCWarning(lcStore).noquote() << "Could not prune delivered acknowledgements:" << prune.lastError().text();
    return true;
}

bool LocalStore::markFailed(const QUuid &requestId, const QString &reason, const QDateTime &at)
{
    return finishOutboxEntry(requestId, OutboxState::Failed, reason, at);
}

bool LocalStore::finishOutboxEntry(const QUuid &requestId, OutboxState state, const QString &reason,
                                   const QDateTime &at)
{
    if (!ready())
        return false;
    const QString what = state == OutboxState::Delivered ? tr("Marking request %1 delivered").arg(requestKey(requestId))
                                                         : tr("Marking request %1 refused").arg(requestKey(requestId));
    if (!setDurable(true))
        return false;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE outbox SET state = ?, finished_at = ?, failure_reason = ? "
                                 "WHERE request_id = ? AND state = 'pending'"));
    query.addBindValue(stateName(state));
    query.addBindValue(msOrNow(at));
    query.addBindValue(state == OutboxState::Failed ? QVariant(text(reason)) : QVariant());
    query.addBindValue(requestKey(requestId));
    const bool updated = exec(query, what);
    const QString updateError = m_lastError;
    setDurable(false);
    m_lastError = updateError;
    if (!updated)
        return false;
    if (query.numRowsAffected() == 1)
        return true;

    // Hearing twice that a request was delivered is normal after a reconnect.
    QSqlQuery current(m_db);
    current.prepare(QStringLiteral("SELECT state FROM outbox WHERE request_id = ?"));
    current.addBindValue(requestKey(requestId));
    if (!exec(current, what))
        return false;
    if (!current.next()) {
        m_lastError = tr("%1 failed: no such request was queued").arg(what);
        return false;
    }
    if (stateFromName(current.value(0).toString()) == state)
        return true;
    m_lastError = tr("%1 failed: the request is already %2").arg(what, current.value(0).toString());
    return false;
}

bool LocalStore::saveResumePoint(const QUrl &serverUrl, const QString &sessionId, qint64 lastSeq)
{
    if (!ready())
        return false;
    // Called after every applied batch: prepared once, one statement per call.
    if (!m_saveResumeQuery) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        if (!query->prepare(QStringLiteral(
                "INSERT INTO resume_point (server_url, session_id, last_seq, saved_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (server_url) DO UPDATE SET session_id = excluded.session_id, "
                "last_seq = excluded.last_seq, saved_at = excluded.saved_at"))) {
            setError(tr("Saving the resume point"), query->lastError());
            return false;
        }
        m_saveResumeQuery = std::move(query);
    }
    m_saveResumeQuery->bindValue(0, serverKey(serverUrl));
    m_saveResumeQuery->bindValue(1, text(sessionId));
    m_saveResumeQuery->bindValue(2, lastSeq);
    m_saveResumeQuery->bindValue(3, QDateTime::currentMSecsSinceEpoch());
    const bool ok = exec(*m_saveResumeQuery, tr("Saving the resume point"));
    m_saveResumeQuery->finish();
    return ok;
}

std::optional<LocalStore::ResumePoint> LocalStore::resumePoint(const QUrl &serverUrl)
{
    if (!ready())
        return std::nullopt;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT session_id, last_seq, saved_at FROM resume_point WHERE server_url = ?"));
    query.addBindValue(serverKey(serverUrl));
    if (!exec(query, tr("Reading the resume point")) || !query.next())
        return std::nullopt;
    return ResumePoint {query.value(0).toString(), query.value(1).toLongLong(), timeFrom(query.value(2))};
}

bool LocalStore::clearResumePoint(const QUrl &serverUrl)
{
    if (!ready())
        return false;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM resume_point WHERE server_url = ?"));
    query.addBindValue(serverKey(serverUrl));
    return exec(query, tr("Clearing the resume point"));
}

bool LocalStore::appendNotification(const Notification &notification)
{
    if (!ready())
        return false;
    QSqlQuery query(m_db);
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
    if (!exec(query, tr("Storing notification %1").arg(notification.id)))
        return false;
    m_notificationCount += query.numRowsAffected();
    // The notification is stored; a failed prune only delays the bound.
    if (!prune(QStringLiteral("notifications"), QStringLiteral("time DESC, seq DESC"), m_notificationLimit,
               m_notificationCount)) {
        qCWarning(lcStore).noquote() << m_lastError;
        m_lastError.clear();
    }
    return true;
}

bool LocalStore::updateNotification(const Notification &notification)
{
    if (!ready())
        return false;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE notifications SET severity = ?, title = ?, message = ?, read = ?, alarm = ? WHERE id = ?"));
    query.addBindValue(text(notification.severity));
    query.addBindValue(text(notification.title));
    query.addBindValue(text(notification.message));
    query.addBindValue(notification.read ? 1 : 0);
    query.addBindValue(text(notification.alarm.isEmpty() ? QString() : compactJson(notification.alarm)));
    query.addBindValue(text(notification.id));
    return exec(query, tr("Updating notification %1").arg(notification.id));
}

std::optional<QList<LocalStore::Notification>> LocalStore::notifications(int limit, int offset)
{
    if (!ready())
        return std::nullopt;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + notificationColumns
                  + QStringLiteral(" FROM notifications ORDER BY time DESC, seq DESC LIMIT ? OFFSET ?"));
    query.addBindValue(std::max(0, limit));
    query.addBindValue(std::max(0, offset));
    if (!exec(query, tr("Reading the notification history")))
        return std::nullopt;
    QList<Notification> list;
    while (query.next())
        list.append(notificationFrom(query));
    return list;
}

std::optional<int> LocalStore::unreadNotificationCount()
{
    if (!ready())
        return std::nullopt;
    QSqlQuery query(m_db);
    if (!execSql(query, QStringLiteral("SELECT count(*) FROM notifications WHERE read = 0"),
                 tr("Counting unread notifications"))
        || !query.next())
        return std::nullopt;
    return query.value(0).toInt();
}

bool LocalStore::markRead(const QString &notificationId)
{
    if (!ready())
        return false;
    const QString what = tr("Marking notification %1 read").arg(notificationId);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE notifications SET read = 1 WHERE id = ?"));
    query.addBindValue(notificationId);
    if (!exec(query, what))
        return false;
    if (query.numRowsAffected() == 0) {
        m_lastError = tr("%1 failed: no such notification").arg(what);
        return false;
    }
    return true;
}

bool LocalStore::markAllRead()
{
    if (!ready())
        return false;
    QSqlQuery query(m_db);
    return execSql(query, QStringLiteral("UPDATE notifications SET read = 1 WHERE read = 0"),
                   tr("Marking all notifications read"));
}

bool LocalStore::clearHistory()
{
    if (!ready())
        return false;
    QSqlQuery query(m_db);
    if (!execSql(query, QStringLiteral("DELETE FROM notifications"), tr("Clearing the notification history")))
        return false;
    m_notificationCount = 0;
    return true;
}

void LocalStore::setNotificationLimit(int limit)
{
    m_notificationLimit = std::max(1, limit);
}

bool LocalStore::appendCommand(const Command &command)
{
    if (!ready())
        return false;
    const qint64 createdAt = msOrNow(command.createdAt);
    const QJsonArray history {historyItem(command.status, command.actualValue, command.error, createdAt)};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO commands (") + commandColumns
                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(requestKey(command.commandId));
    query.addBindValue(text(command.endpointId));
    query.addBindValue(valueToText(command.requestedValue));
    query.addBindValue(text(command.operatorName));
    query.addBindValue(text(command.status));
    query.addBindValue(command.actualValue.isUndefined() ? QVariant() : QVariant(valueToText(command.actualValue)));
    query.addBindValue(text(command.error));
    query.addBindValue(createdAt);
    query.addBindValue(createdAt);
    query.addBindValue(QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact)));
    if (!exec(query, tr("Logging command %1").arg(requestKey(command.commandId))))
        return false;
    ++m_commandCount;
    if (!prune(QStringLiteral("commands"), QStringLiteral("created_at DESC, seq DESC"), m_commandLimit,
               m_commandCount)) {
        qCWarning(lcStore).noquote() << m_lastError;
        m_lastError.clear();
    }
    return true;
}

bool LocalStore::updateCommand(const QUuid &commandId, const QString &status, const QJsonValue &actualValue,
                               const QString &error, const QDateTime &at)
{
    if (!ready())
        return false;
    const QString what = tr("Updating command %1 in the log").arg(requestKey(commandId));
    if (!m_db.transaction()) {
        setError(what, m_db.lastError());
        return false;
    }
    const auto fail = [this] {
        m_db.rollback();
        return false;
    };

    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT history FROM commands WHERE command_id = ?"));
    query.addBindValue(requestKey(commandId));
    if (!exec(query, what))
        return fail();
    if (!query.next()) {
        m_lastError = tr("%1 failed: no such command in the log").arg(what);
        return fail();
    }
    QJsonArray history = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array();
    query.finish();
    const qint64 when = msOrNow(at);
    history.append(historyItem(status, actualValue, error, when));

    query.prepare(QStringLiteral("UPDATE commands SET status = ?, actual_value = ?, error = ?, updated_at = ?, "
                                 "history = ? WHERE command_id = ?"));
    query.addBindValue(text(status));
    query.addBindValue(actualValue.isUndefined() ? QVariant() : QVariant(valueToText(actualValue)));
    query.addBindValue(text(error));
    query.addBindValue(when);
    query.addBindValue(QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact)));
    query.addBindValue(requestKey(commandId));
    if (!exec(query, what))
        return fail();
    if (!m_db.commit()) {
        setError(what, m_db.lastError());
        return fail();
    }
    return true;
}

std::optional<LocalStore::Command> LocalStore::command(const QUuid &commandId)
{
    if (!ready())
        return std::nullopt;
    const QString what = tr("Reading command %1 from the log").arg(requestKey(commandId));
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + commandColumns + QStringLiteral(" FROM commands WHERE command_id = ?"));
    query.addBindValue(requestKey(commandId));
    if (!exec(query, what))
        return std::nullopt;
    if (!query.next()) {
        m_lastError = tr("%1 failed: no such command in the log").arg(what);
        return std::nullopt;
    }
    return commandFrom(query);
}

std::optional<QList<LocalStore::Command>> LocalStore::commands(int limit, int offset, const CommandFilter &filter)
{
    if (!ready())
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

    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(std::max(0, limit));
    query.addBindValue(std::max(0, offset));
    if (!exec(query, tr("Reading the command log")))
        return std::nullopt;
    QList<Command> list;
    while (query.next())
        list.append(commandFrom(query));
    return list;
}

void LocalStore::setCommandLimit(int limit)
{
    m_commandLimit = std::max(1, limit);
}
