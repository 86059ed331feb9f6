#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

class Database;

// The resume_point table: per server, the session and the last sequence
// number applied, so that a later connection can resume instead of resyncing.
// A server is keyed by its URL without user info, query or fragment, so no
// token reaches the disk.
//
// Errors are the database's: a failing call returns false or std::nullopt and
// Database::lastError() says why.
class ResumePoints
{
    Q_DECLARE_TR_FUNCTIONS(ResumePoints)

public:
    struct Point
    {
        QString sessionId;
        qint64 lastSeq = 0;
        QDateTime savedAt;
    };

    explicit ResumePoints(Database &database);
    ResumePoints(const ResumePoints &) = delete;
    ResumePoints &operator=(const ResumePoints &) = delete;

    // Replaces the server's point; one prepared statement, cheap enough to call after every applied batch.
    bool save(const QUrl &serverUrl, const QString &sessionId, qint64 lastSeq);
    // std::nullopt with an empty Database::lastError() means none is saved.
    std::optional<Point> find(const QUrl &serverUrl);
    bool clear(const QUrl &serverUrl);

private:
    Database &m_database;
};
