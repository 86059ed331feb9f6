#pragma once

#include "staleness.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <functional>

// Base of the flat entity models (drones, machines, alarms, commands,
// operators): one row per entity, keyed by its id, in the order entities
// first appeared. It keeps for every row when this console last heard of it
// and whether that makes it stale, and turns row changes into one ranged
// dataChanged per contiguous block. Subclasses keep their items in a list
// parallel to the rows and describe them through data().
class LiveTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Roles every entity model answers; each subclass numbers its own from
    // FirstEntityRole on.
    enum BaseRole : int {
        KeyRole = Qt::UserRole + 1, // the entity's id
        StaleRole, // bool: quiet for 3 expected periods, the link is not live, or its source is lost
        AgeRole, // ms since this console last heard of the entity
        SortRole, // a value per column that sorts naturally
        FirstEntityRole = Qt::UserRole + 16,
    };
    Q_ENUM(BaseRole)

    explicit LiveTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }
    const QString &keyAt(int row) const { return m_keys.at(row); }

    // Staleness. A period of 0 means the entity has no cadence and is stale
    // only while the link is down.
    void setExpectedPeriodMs(qint64 ms) { m_staleness.setExpectedPeriodMs(ms); }
    qint64 expectedPeriodMs() const { return m_staleness.expectedPeriodMs(); }
    void setLinkLive(bool live);
    bool isLinkLive() const { return m_staleness.linkLive(); }
    // Every row is stale until its entity is heard of again (the link came
    // back without a snapshot to confirm what was known before).
    void markUnconfirmed();
    // Re-evaluates every row; rows whose staleness changed get one ranged
    // dataChanged per block. The session calls it about once a second.
    void refreshStaleness();
    bool isStale(int row) const { return m_fresh.at(row).stale; }
    // The server said the entity's source is lost (quality stale): stale
    // whatever its age, until it is heard of again.
    bool isSourceLost(int row) const { return m_fresh.at(row).lost; }
    qint64 ageMs(int row) const { return m_staleness.now() - m_fresh.at(row).receivedMs; }
    // What a headline counted from the rows must say of them: how many are
    // stale, and how old the freshest row is (-1 without rows). Counted when
    // asked; stalenessChanged() tells when the first may have moved.
    int staleCount() const;
    qint64 newestAgeMs() const;
    // For tests: the clock that ages reports (ms, monotonic).
    void setClock(std::function<qint64()> clock) { m_staleness.setClock(std::move(clock)); }

Q_SIGNALS:
    // After every batch applied or reconcile, once: counts may have changed.
    void contentsUpdated();
    // Rows turned stale or fresh without news of them (their age, the link).
    void stalenessChanged();

protected:
    // The base's own roles for a row; subclasses call it for roles they do not handle.
    QVariant baseData(int row, int role) const;
    qint64 now() const { return m_staleness.now(); }

    // The subclass appends `keys.size()` items in `appendItems`; the base
    // announces them as one insert and marks them heard now, or, for the
    // keys in `lost`, as entities whose source is lost.
    void appendRows(const QStringList &keys, const std::function<void()> &appendItems, const QSet<QString> &lost = {});
    // Removes every row whose key is not in `keep`, one contiguous block at a
    // time, calling removeItems(first, count) inside each begin/endRemoveRows.
    // Returns the keys removed.
    QSet<QString> removeRowsNotIn(const QSet<QString> &keep);
    virtual void removeItems(int first, int count) = 0;
    // The entity was heard from: it is fresh again.
    void markHeard(int row, qint64 now);
    // The server says the entity's source is lost: stale now, and until it
    // is heard from again. Its age goes on.
    void markSourceLost(int row);
    // Announces changed rows: one dataChanged per contiguous block, with the
    // union of the roles changed in it (empty: all roles).
    void emitRowChanges(QHash<int, QList<int>> rolesByRow);
    void emitRowChanges(QList<int> rows, const QList<int> &roles);

private:
    struct Freshness
    {
        qint64 receivedMs = 0;
        bool stale = false;
        bool lost = false; // the server said the source is lost
    };
    StalenessPolicy m_staleness;
    QStringList m_keys;
    QList<Freshness> m_fresh;
    QHash<QString, int> m_rowByKey;
};
