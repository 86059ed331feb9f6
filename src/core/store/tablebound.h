#pragma once

#include <QString>

class Database;

// The bound on one table's row count: the newest limit() rows are kept and
// older ones pruned a tenth of the limit at a time (Database::prune()), so
// most inserts cost no deletion. The table orders its rows by newestFirst, an
// ORDER BY clause ending with its seq column.
class TableBound
{
public:
    TableBound(Database &database, const QString &table, const QString &newestFirst, int limit);

    // Takes the table's row count; to be called each time the database has opened.
    bool countStored();
    // After rows were inserted: counts them and prunes when due. A failed prune
    // is logged and only delays the bound.
    void added(int rows);
    // After the table was emptied.
    void cleared() { m_count = 0; }
    // At least one.
    void setLimit(int limit);
    int limit() const { return m_limit; }

private:
    Database &m_database;
    QString m_table;
    QString m_newestFirst;
    int m_limit;
    int m_count = 0;
};
