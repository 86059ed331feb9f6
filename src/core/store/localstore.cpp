#include "localstore.h"

LocalStore::LocalStore()
    : m_outbox(m_database)
    , m_resumePoints(m_database)
    , m_notifications(m_database)
    , m_commands(m_database)
{ }

bool LocalStore::open(const QString &path, Database::OpenMode mode)
{
    if (!m_database.open(path, mode))
        return false;
    if (m_notifications.countStored() && m_commands.countStored())
        return true;
    m_database.close();
    return false;
}
