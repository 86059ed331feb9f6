#pragma once

#include <QCoreApplication>
#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

class QSqlError;

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// One profile's SQLite file: the connection, opening it (a damaged file is
// moved aside and a fresh one created), the schema and its migrations, the
// size cap, and the health of the last call (lastError()). The tables are
// read and written by the repositories given this database (AlarmOutbox,
// ResumePoints, NotificationLog, CommandLog); the calls below the owner's
// are the ones they share.
//
// A database must be used from the thread that opened it (a QSqlDatabase
// rule). Nothing throws: a failing call returns false or std::nullopt and
// lastError() says why, with SQLite's own message.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class OpenMode { ReadWrite, ReadOnly };

    static constexpr int SchemaVersion = 2;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // <AppDataLocation>/profiles/<name>/watchfloor.sqlite; creates the folder.
    static QString defaultPath(const QString &profileName);

    // A file that is not a SQLite database or fails PRAGMA quick_check is moved
    // aside (see movedAsidePath()) and a fresh database is created in its place.
    // The schema is brought to SchemaVersion; a newer one is refused untouched.
    bool open(const QString &path, OpenMode mode = OpenMode::ReadWrite);
    // Closes the file; lastError() keeps what it said.
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    // Where the last open() put a damaged file; empty when it found none.
    QString movedAsidePath() const { return m_movedAsidePath; }

    // Caps the file size (PRAGMA max_page_count); writes beyond it fail as on a
    // full disk. Zero or less removes the cap. Kept across close() and open().
    bool setMaximumSize(qint64 bytes);

    // For the repositories.

    QSqlDatabase &connection() { return m_db; }
    // Clears lastError(); false, saying so in lastError(), when the database is not open.
    bool ready();
    // Run the query (prepared, or sql); on failure lastError() says what failed and why.
    bool exec(QSqlQuery &query, const QString &what);
    bool execSql(QSqlQuery &query, const QString &sql, const QString &what);
    // lastError() becomes "what failed", with the reason SQLite gave.
    void setError(const QString &what, const QSqlError &error);
    void setLastError(const QString &message) { m_lastError = message; }
    // synchronous=FULL while durable, else the NORMAL the file runs with.
    bool setDurable(bool durable);
    // sql prepared once and kept until the connection closes, for a statement
    // run very often; nullptr, with lastError() saying what failed, when it
    // cannot be prepared.
    QSqlQuery *preparedQuery(const QString &sql, const QString &what);
    std::optional<int> rowCount(const QString &table);
    // One page of a SELECT: sql ends in LIMIT ? OFFSET ?, its other
    // placeholders take `values`; each row is read by read(const QSqlQuery &).
    // std::nullopt, with lastError() saying what failed, when it fails.
    template<typename Row, typename Read>
    std::optional<QList<Row>> readPage(const QString &sql, const QVariantList &values, int limit, int offset,
                                       const QString &what, Read read)
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        query.addBindValue(std::max(0, limit));
        query.addBindValue(std::max(0, offset));
        if (!exec(query, what))
            return std::nullopt;
        QList<Row> rows;
        while (query.next())
            rows.append(read(query));
        return rows;
    }
    // Keeps the newest `limit` rows of table (ordered by newestFirst, an ORDER BY
    // clause over its columns and its seq), deleting the older ones once count
    // passes limit by a tenth of it; count is table's row count and follows the
    // deletion. A failed prune only delays the bound: it is logged and leaves
    // lastError() empty, since the write that called it stands.
    void prune(const QString &table, const QString &newestFirst, int limit, int &count);

private:
    enum class OpenResult { Ok, Corrupt, Failed };

    OpenResult openConnection();
    bool moveAside();
    bool migrate();
    void dropConnection();

    QString m_connectionName;
    QSqlDatabase m_db;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_prepared; // by SQL text; cleared with the connection
    QString m_path;
    QString m_lastError;
    QString m_movedAsidePath;
    OpenMode m_mode = OpenMode::ReadWrite;
    bool m_open = false;
    int m_lastSqliteCode = 0; // tells damage from other failures while opening
    qint64 m_maximumSize = 0;
};
