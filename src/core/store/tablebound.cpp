#include "tablebound.h"

#include "database.h"

#include <algorithm>

TableBound::TableBound(Database &database, const QString &table, const QString &newestFirst, int limit)
    : m_database(database)
    , m_table(table)
    , m_newestFirst(newestFirst)
    , m_limit(std::max(1, limit))
{ }

bool TableBound::countStored()
{
    const std::optional<int> count = m_database.rowCount(m_table);
    if (!count)
        return false;
    m_count = *count;
    return true;
}

void TableBound::added(int rows)
{
    m_count += rows;
    m_database.prune(m_table, m_newestFirst, m_limit, m_count);
}

void TableBound::setLimit(int limit)
{
    m_limit = std::max(1, limit);
}
