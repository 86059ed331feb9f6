#pragma once

#include "domain/plant.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Contract: the structural plan for one `tiles` snapshot; it computes and
// never touches a model. It holds the snapshot without repeated ids (the
// first wins: tiles by tileId, devices by deviceId within their tile,
// endpoints by endpointId across the panel) and, for one list of sibling
// rows, gives the steps that turn the rows shown into the rows listed:
// removals() first, then placements(). Each step names rows as they are when
// it is applied, so applying the steps in order, one after the other, yields
// exactly the listed order. Rows are only ever removed, moved or inserted,
// never reset.
class TileReconcile
{
public:
    struct Step
    {
        enum class Kind {
            Remove, // rows first..last go
            Move, // row first moves up to row last
            Insert, // rows first..last are new: the listed items first..last
            Update, // row first is already shown as the listed item first
        };
        Kind kind;
        int first;
        int last;
        bool operator==(const Step &) const = default;
    };

    explicit TileReconcile(const QList<Domain::Tile> &snapshot);

    const QList<Domain::Tile> &tiles() const { return m_tiles; }
    const Domain::Tile *tile(const QString &tileId) const;
    // The ids the snapshot lists: its tiles, a tile's devices, a device's
    // endpoints; none for a tile or device it does not list.
    QSet<QString> tileIds() const;
    QSet<QString> deviceIds(const QString &tileId) const;
    QSet<QString> endpointIds(const QString &tileId, const QString &deviceId) const;
    // Whether the snapshot lists the endpoint, on any device of any tile.
    bool listsEndpoint(const QString &endpointId) const { return m_endpointIds.contains(endpointId); }
    // Every interlock of the snapshot, by the endpoint it guards.
    const QHash<QString, QList<Domain::Interlock>> &interlocksByTarget() const { return m_interlocksByTarget; }

    // The removals, bottom-up, one step per contiguous run of rows whose id
    // is not listed.
    static QList<Step> removals(const QStringList &shown, const QSet<QString> &listed);
    // After the removals, every shown id is listed: the moves into the
    // listed order, one Insert per contiguous run of new items, and an
    // Update for each item already shown, right after it is in place.
    static QList<Step> placements(const QStringList &shown, const QStringList &listed);

private:
    QList<Domain::Tile> m_tiles;
    QHash<QString, qsizetype> m_tileRows;
    QSet<QString> m_endpointIds;
    QHash<QString, QList<Domain::Interlock>> m_interlocksByTarget;
};
