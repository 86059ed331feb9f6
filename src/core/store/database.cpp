#include "database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
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

int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
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

Database::Database()
{
    static std::atomic<int> counter {0};
    m_connectionName = QStringLiteral("watchfloor.store.%1").arg(++counter);
}

Database::~Database()
{
    close();
}

QString Database::defaultPath(const QString &profileName)
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

bool Database::open(const QString &path, OpenMode mode)
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

    m_open = true;
    return true;
}

void Database::close()
{
    m_open = false;
    dropConnection();
}

void Database::dropConnection()
{
    // Every query must be gone before removeDatabase(), or Qt keeps the file open.
    m_prepared.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Database::OpenResult Database::openConnection()
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

bool Database::moveAside()
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

bool Database::migrate()
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

bool Database::ready()
{
    m_lastError.clear();
    if (m_open)
        return true;
    m_lastError = tr("The local database is not open");
    return false;
}

bool Database::exec(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return true;
    setError(what, query.lastError());
    return false;
}

bool Database::execSql(QSqlQuery &query, const QString &sql, const QString &what)
{
    if (query.exec(sql))
        return true;
    setError(what, query.lastError());
    return false;
}

void Database::setError(const QString &what, const QSqlError &error)
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

bool Database::setDurable(bool durable)
{
    QSqlQuery query(m_db);
    return execSql(query,
                   durable ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"),
                   tr("Setting the durability of the local database"));
}

std::optional<int> Database::rowCount(const QString &table)
{
    QSqlQuery query(m_db);
    if (!execSql(query, QStringLiteral("SELECT count(*) FROM ") + table, tr("Counting the rows of %1").arg(table))
        || !query.next())
        return std::nullopt;
    return query.value(0).toInt();
}

void Database::prune(const QString &table, const QString &newestFirst, int limit, int &count)
{
    // Deleting a tenth at a time keeps the cost off most inserts.
    const int slack = std::max(1, limit / 10);
    if (count < limit + slack)
        return;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE seq IN (SELECT seq FROM ") + table
                  + QStringLiteral(" ORDER BY ") + newestFirst + QStringLiteral(" LIMIT -1 OFFSET ?)"));
    query.addBindValue(limit);
    if (!exec(query, tr("Pruning old entries of %1").arg(table))) {
        qCWarning(lcStore).noquote() << m_lastError;
        m_lastError.clear();
        return;
    }
    count -= query.numRowsAffected();
}

QSqlQuery *Database::preparedQuery(const QString &sql, const QString &what)
{
    const auto found = m_prepared.find(sql);
    if (found != m_prepared.end())
        return found->second.get();
    auto query = std::make_unique<QSqlQuery>(m_db);
    if (!query->prepare(sql)) {
        setError(what, query->lastError());
        return nullptr;
    }
    return m_prepared.emplace(sql, std::move(query)).first->second.get();
}

bool Database::setMaximumSize(qint64 bytes)
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
