#include "livetablemodel.h"

#include <algorithm>

LiveTableModel::LiveTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int LiveTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

QHash<int, QByteArray> LiveTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{KeyRole, "key"}, {StaleRole, "stale"}, {AgeRole, "age"}, {SortRole, "sortValue"}});
    return names;
}

QVariant LiveTableModel::baseData(int row, int role) const
{
    switch (role) {
    case KeyRole:
        return m_keys.at(row);
    case StaleRole:
        return m_fresh.at(row).stale;
    case AgeRole:
        return ageMs(row);
    }
    return {};
}

void LiveTableModel::setLinkLive(bool live)
{
    if (m_staleness.linkLive() == live)
        return;
    m_staleness.setLinkLive(live);
    refreshStaleness();
    Q_EMIT stalenessChanged(); // the link's change is news even without rows
}

int LiveTableModel::staleCount() const
{
    return int(std::count_if(m_fresh.cbegin(), m_fresh.cend(), [](const Freshness &f) { return f.stale; }));
}

qint64 LiveTableModel::newestAgeMs() const
{
    if (m_fresh.isEmpty())
        return -1;
    const auto newest = std::max_element(m_fresh.cbegin(), m_fresh.cend(), [](const Freshness &a, const Freshness &b) {
        return a.receivedMs < b.receivedMs;
    });
    return now() - newest->receivedMs;
}

void LiveTableModel::markUnconfirmed()
{
    m_staleness.setUnconfirmedUpTo(now());
    refreshStaleness();
}

void LiveTableModel::refreshStaleness()
{
    const qint64 t = now();
    QList<int> changed;
    for (int row = 0; row < m_fresh.size(); ++row) {
        const bool stale = m_fresh.at(row).lost || m_staleness.isStale(m_fresh.at(row).receivedMs, t);
        if (stale != m_fresh.at(row).stale) {
            m_fresh[row].stale = stale;
            changed.append(row);
        }
    }
    if (changed.isEmpty())
        return;
    emitRowChanges(std::move(changed), {StaleRole});
    Q_EMIT stalenessChanged();
}

void LiveTableModel::appendRows(const QStringList &keys, const std::function<void()> &appendItems,
                                const QSet<QString> &lost)
{
    if (keys.isEmpty())
        return;
    const int first = int(m_keys.size());
    const qint64 t = now();
    const Freshness heard {t, m_staleness.isStale(t, t)};
    beginInsertRows({}, first, first + int(keys.size()) - 1);
    appendItems();
    for (const QString &key : keys) {
        m_rowByKey.insert(key, int(m_keys.size()));
        m_keys.append(key);
        m_fresh.append(lost.contains(key) ? Freshness {t, true, true} : heard);
    }
    endInsertRows();
}

QSet<QString> LiveTableModel::removeRowsNotIn(const QSet<QString> &keep)
{
    QSet<QString> removed;
    // From the bottom, so the row numbers above stay valid.
    for (int row = int(m_keys.size()) - 1; row >= 0;) {
        if (keep.contains(m_keys.at(row))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !keep.contains(m_keys.at(first - 1)))
            --first;
        const int count = row - first + 1;
        beginRemoveRows({}, first, row);
        for (int r = first; r <= row; ++r)
            removed.insert(m_keys.at(r));
        removeItems(first, count);
        m_keys.remove(first, count);
        m_fresh.remove(first, count);
        endRemoveRows();
        row = first - 1;
    }
    if (!removed.isEmpty()) {
        m_rowByKey.clear();
        m_rowByKey.reserve(m_keys.size());
        for (int row = 0; row < m_keys.size(); ++row)
            m_rowByKey.insert(m_keys.at(row), row);
    }
    return removed;
}

void LiveTableModel::markHeard(int row, qint64 t)
{
    m_fresh[row] = {t, m_staleness.isStale(t, t), false};
}

void LiveTableModel::markSourceLost(int row)
{
    m_fresh[row].lost = true;
    m_fresh[row].stale = true;
}

void LiveTableModel::emitRowChanges(QList<int> rows, const QList<int> &roles)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const int lastColumn = columnCount() - 1;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows.at(i) != rows.at(i - 1) + 1) {
            Q_EMIT dataChanged(index(rows.at(start), 0), index(rows.at(i - 1), lastColumn), roles);
            start = i;
        }
    }
}

void LiveTableModel::emitRowChanges(QHash<int, QList<int>> rolesByRow)
{
    if (rolesByRow.isEmpty())
        return;
    QList<int> rows = rolesByRow.keys();
    std::sort(rows.begin(), rows.end());
    const int lastColumn = columnCount() - 1;
    QList<int> roles;
    bool allRoles = false; // a row changed in ways it did not itemise
    qsizetype start = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QList<int> &rowRoles = rolesByRow[rows.at(i)];
        allRoles = allRoles || rowRoles.isEmpty();
        for (int role : rowRoles)
            if (!roles.contains(role))
                roles.append(role);
        if (i + 1 == rows.size() || rows.at(i + 1) != rows.at(i) + 1) {
            if (allRoles)
                roles.clear();
            std::sort(roles.begin(), roles.end());
            Q_EMIT dataChanged(index(rows.at(start), 0), index(rows.at(i), lastColumn), roles);
            roles.clear();
            allRoles = false;
            start = i + 1;
        }
    }
}
