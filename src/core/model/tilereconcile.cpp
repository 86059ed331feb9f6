#include "tilereconcile.h"

TileReconcile::TileReconcile(const QList<Domain::Tile> &snapshot)
{
    // Telemetry names an endpoint by its id alone, hence one per panel.
    m_tiles.reserve(snapshot.size());
    for (const auto &tile : snapshot) {
        if (m_tileRows.contains(tile.tileId))
            continue;
        m_tileRows.insert(tile.tileId, m_tiles.size());
        Domain::Tile t = tile;
        t.devices.clear();
        QSet<QString> deviceIds;
        for (const auto &device : tile.devices) {
            if (deviceIds.contains(device.deviceId))
                continue;
            deviceIds.insert(device.deviceId);
            Domain::Device d = device;
            d.endpoints.clear();
            for (const auto &endpoint : device.endpoints) {
                if (m_endpointIds.contains(endpoint.endpointId))
                    continue;
                m_endpointIds.insert(endpoint.endpointId);
                d.endpoints.append(endpoint);
            }
            t.devices.append(std::move(d));
        }
        for (const auto &interlock : t.interlocks)
            m_interlocksByTarget[interlock.target].append(interlock);
        m_tiles.append(std::move(t));
    }
}

const Domain::Tile *TileReconcile::tile(const QString &tileId) const
{
    const auto it = m_tileRows.constFind(tileId);
    return it == m_tileRows.cend() ? nullptr : &m_tiles.at(*it);
}

QSet<QString> TileReconcile::tileIds() const
{
    QSet<QString> ids;
    for (const auto &tile : m_tiles)
        ids.insert(tile.tileId);
    return ids;
}

QSet<QString> TileReconcile::deviceIds(const QString &tileId) const
{
    QSet<QString> ids;
    if (const Domain::Tile *t = tile(tileId))
        for (const auto &device : t->devices)
            ids.insert(device.deviceId);
    return ids;
}

QSet<QString> TileReconcile::endpointIds(const QString &tileId, const QString &deviceId) const
{
    QSet<QString> ids;
    if (const Domain::Tile *t = tile(tileId)) {
        for (const auto &device : t->devices) {
            if (device.deviceId != deviceId)
                continue;
            for (const auto &endpoint : device.endpoints)
                ids.insert(endpoint.endpointId);
        }
    }
    return ids;
}

QList<TileReconcile::Step> TileReconcile::removals(const QStringList &shown, const QSet<QString> &listed)
{
    // From the bottom, so the row numbers above stay valid.
    QList<Step> steps;
    for (int row = int(shown.size()) - 1; row >= 0;) {
        if (listed.contains(shown.at(row))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !listed.contains(shown.at(first - 1)))
            --first;
        steps.append({Step::Kind::Remove, first, row});
        row = first - 1;
    }
    return steps;
}

QList<TileReconcile::Step> TileReconcile::placements(const QStringList &shown, const QStringList &listed)
{
    const QSet<QString> existing(shown.cbegin(), shown.cend());
    QStringList rows = shown; // as they are after the steps so far
    QList<Step> steps;
    for (int i = 0; i < int(listed.size()); ++i) {
        if (existing.contains(listed.at(i))) {
            // Rows above i hold the items before it, so it is at i or below.
            const int from = int(rows.indexOf(listed.at(i), i));
            if (from != i) {
                steps.append({Step::Kind::Move, from, i});
                rows.move(from, i);
            }
            steps.append({Step::Kind::Update, i, i});
            continue;
        }
        int end = i + 1;
        while (end < int(listed.size()) && !existing.contains(listed.at(end)))
            ++end;
        steps.append({Step::Kind::Insert, i, end - 1});
        for (int k = i; k < end; ++k)
            rows.insert(k, listed.at(k));
        i = end - 1;
    }
    return steps;
}
