#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <memory>
#include <optional>

class QSqlError;

// The local SQLite database of one profile: the outbox of alarm acknowledgements
// made while offline, the resume point per server, the notification history and
// the command log.
//
// Synchronous on purpose: callers live on the GUI thread and every call is one
// indexed statement or a small transaction. A store must be used from the thread
// that opened it (a QSqlDatabase rule). Nothing throws: a failing call returns
// false or std::nullopt and lastError() says why, with SQLite's own message.
class LocalStore
{
    Q_DECLARE_TR_FUNCTIONS(LocalStore)

public:
    enum class OpenMode { ReadWrite, ReadOnly };
    enum class OutboxKind { Ack, Shelve, Unshelve };
    enum class OutboxState { Pending, Delivered, Failed };

    struct OutboxEntry
    {
        QUuid requestId; // the idempotency key sent to the server
        OutboxKind kind = OutboxKind::Ack;
        QString alarmId;
        QJsonObject payload;
        QDateTime createdAt;
        OutboxState state = OutboxState::Pending;
        int attempts = 0;
        QDateTime lastAttemptAt;
        QDateTime finishedAt; // when delivered or refused
        QString failureReason;
    };

    struct ResumePoint
    {
        QString sessionId;
        qint64 lastSeq = 0;
        QDateTime savedAt;
    };

    struct Notification
    {
        QString id;
        QString kind;
        QString severity; // the protocol's words: critical, high, medium, low, info
        QString title;
        QString message;
        QString sourceKind;
        QString sourceId;
        QDateTime time;
        bool read = false;
        // Alarms only: the alarm as last reported (state, count, ackedBy,
        // ackedAt, note, in the protocol's words); empty for anything else.
        QJsonObject alarm;
    };

    struct CommandStatusChange
    {
        QString status;
        QJsonValue actualValue;
        QString error;
        QDateTime at;
    };

    struct Command
    {
        QUuid commandId;
        QString endpointId;
        QJsonValue requestedValue;
        QString operatorName;
        QString status; // the protocol's words: queued, sent, acked, succeeded, ...
        QJsonValue actualValue;
        QString error;
        QDateTime createdAt;
        QDateTime updatedAt;
        QList<CommandStatusChange> history; // oldest first, starting with the status given to appendCommand()
    };

    // Empty fields do not filter.
    struct CommandFilter
    {
        QString endpointId;
        QString status;
        QDateTime since; // inclusive
        QDateTime until; // exclusive
    };

    static constexpr int SchemaVersion = 2;
    static constexpr int DefaultNotificationLimit = 10000;
    static constexpr int DefaultCommandLimit = 50000;

    LocalStore();
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // <AppDataLocation>/profiles/<name>/watchfloor.sqlite; creates the folder.
    static QString defaultPath(const QString &profileName);

    // A file that is not a SQLite database or fails PRAGMA quick_check is moved
    // aside (see movedAsidePath()) and a fresh database is created in its place.
    bool open(const QString &path, OpenMode mode = OpenMode::ReadWrite);
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    // Where the last open() put a damaged file; empty when it found none.
    QString movedAsidePath() const { return m_movedAsidePath; }

    // Caps the file size (PRAGMA max_page_count); writes beyond it fail as on a
    // full disk. Zero or less removes the cap. Kept across close() and open().
    bool setMaximumSize(qint64 bytes);

    // Returns the request id of the new entry, or that of the pending entry with
    // the same kind, alarm and payload.
    std::optional<QUuid> enqueue(OutboxKind kind, const QString &alarmId, const QJsonObject &payload,
                                 const QDateTime &createdAt);
    // Stores an entry made elsewhere (its requestId, kind, alarm, payload and
    // createdAt) as pending; one already stored under that id is left as it is.
    bool insertOutboxEntry(const OutboxEntry &entry);
    std::optional<QList<OutboxEntry>> pending(); // in creation order
    std::optional<QList<OutboxEntry>> failed(); // newest refusal first
    bool recordAttempt(const QUuid &requestId, const QDateTime &at);
    bool markDelivered(const QUuid &requestId, const QDateTime &at);
    // A definitive refusal: kept for the operator to see, never retried.
    bool markFailed(const QUuid &requestId, const QString &reason, const QDateTime &at);

    // The URL is stored without user info, query or fragment, so no token reaches the disk.
    bool saveResumePoint(const QUrl &serverUrl, const QString &sessionId, qint64 lastSeq);
    // std::nullopt with an empty lastError() means none is saved.
    std::optional<ResumePoint> resumePoint(const QUrl &serverUrl);
    bool clearResumePoint(const QUrl &serverUrl);

    // A notification whose id is already stored is left as it is.
    bool appendNotification(const Notification &notification);
    // Rewrites what a stored notification says (severity, title, message,
    // read, alarm) when its news changed, e.g. a late outcome; its place stays.
    bool updateNotification(const Notification &notification);
    std::optional<QList<Notification>> notifications(int limit, int offset = 0); // newest first
    std::optional<int> unreadNotificationCount();
    bool markRead(const QString &notificationId);
    bool markAllRead();
    bool clearHistory();
    // Keeps the newest `limit`; older ones are pruned in batches of a tenth of it.
    void setNotificationLimit(int limit);

    // command.history is ignored: it starts with command.status at command.createdAt.
    bool appendCommand(const Command &command);
    bool updateCommand(const QUuid &commandId, const QString &status, const QJsonValue &actualValue,
                       const QString &error, const QDateTime &at);
    std::optional<Command> command(const QUuid &commandId);
    std::optional<QList<Command>> commands(int limit, int offset = 0, const CommandFilter &filter = {}); // newest first
    void setCommandLimit(int limit);

private:
    enum class OpenResult { Ok, Corrupt, Failed };

    OpenResult openConnection();
    bool moveAside();
    bool migrate();
    void dropConnection();
    bool ready();
    bool exec(QSqlQuery &query, const QString &what);
    bool execSql(QSqlQuery &query, const QString &sql, const QString &what);
    bool finishOutboxEntry(const QUuid &requestId, OutboxState state, const QString &reason, const QDateTime &at);
    void setError(const QString &what, const QSqlError &error);
    bool setDurable(bool durable);
    bool prune(const QString &table, const QString &newestFirst, int limit, int &count);
    std::optional<int> rowCount(const QString &table);

    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_saveResumeQuery;
    QString m_path;
    QString m_lastError;
    QString m_movedAsidePath;
    OpenMode m_mode = OpenMode::ReadWrite;
    bool m_open = false;
    int m_lastSqliteCode = 0; // tells damage from other failures while opening
    qint64 m_maximumSize = 0;
    int m_notificationLimit = DefaultNotificationLimit;
    int m_notificationCount = 0;
    int m_commandLimit = DefaultCommandLimit;
    int m_commandCount = 0;
};
