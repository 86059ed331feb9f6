#include "resumepoints.h"

#include "database.h"
#include "storevalues.h"

#include <QSqlQuery>

using namespace StoreValues;

namespace {

QString serverKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
        .toString(QUrl::FullyEncoded);
}

} // namespace

ResumePoints::ResumePoints(Database &database)
    : m_database(database)
{ }

bool ResumePoints::save(const QUrl &serverUrl, const QString &sessionId, qint64 lastSeq)
{
    if (!m_database.ready())
        return false;
    // Called after every applied batch: prepared once, one statement per call.
    const QString what = tr("Saving the resume point");
    QSqlQuery *query = m_database.preparedQuery(
        QStringLiteral("INSERT INTO resume_point (server_url, session_id, last_seq, saved_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (server_url) DO UPDATE SET session_id = excluded.session_id, "
                       "last_seq = excluded.last_seq, saved_at = excluded.saved_at"),
        what);
    if (!query)
        return false;
    query->bindValue(0, serverKey(serverUrl));
    query->bindValue(1, text(sessionId));
    query->bindValue(2, lastSeq);
    query->bindValue(3, QDateTime::currentMSecsSinceEpoch());
    const bool ok = m_database.exec(*query, what);
    query->finish();
    return ok;
}

std::optional<ResumePoints::Point> ResumePoints::find(const QUrl &serverUrl)
{
    if (!m_database.ready())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT session_id, last_seq, saved_at FROM resume_point WHERE server_url = ?"));
    query.addBindValue(serverKey(serverUrl));
    if (!m_database.exec(query, tr("Reading the resume point")) || !query.next())
        return std::nullopt;
    return Point {query.value(0).toString(), query.value(1).toLongLong(), timeFrom(query.value(2))};
}

bool ResumePoints::clear(const QUrl &serverUrl)
{
    if (!m_database.ready())
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM resume_point WHERE server_url = ?"));
    query.addBindValue(serverKey(serverUrl));
    return m_database.exec(query, tr("Clearing the resume point"));
}
