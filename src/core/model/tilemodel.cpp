// Longer than the project's 500 lines: a tree model's index, parent, row
// and data plumbing for three levels (tiles, devices, endpoints) and the
// one place that turns every change into exact row signals; what is
// computed (reconcile, endpoint state, command tracking, orphans) lives in
// the helpers beside it.
#include "tilemodel.h"

#include "domain/endpointfact.h"

#include "tileendpoint.h"
#include "tilereconcile.h"

#include <algorithm>
#include <array>
#include <vector>

using Domain::EndpointValue;

struct TileModel::Node
{
    NodeKind kind = NodeKind::Tile;
    Node *parent = nullptr; // the invisible root for tiles; null for the root itself
    int row = 0;
    QString id;
    QString name;
    QString deviceKind;
    QList<Domain::Interlock> interlocks; // a tile's, as the snapshot gives them
    std::vector<std::unique_ptr<Node>> children;
    std::unique_ptr<TileEndpoint> endpoint;

    void renumberFrom(int first)
    {
        for (int r = first; r < int(children.size()); ++r)
            children[r]->row = r;
    }
    QStringList childIds() const
    {
        QStringList ids;
        for (const auto &child : children)
            ids.append(child->id);
        return ids;
    }
};

// What one reconcile carries from its removal pass to its placement pass.
struct TileModel::ReconcileContext
{
    const TileReconcile &plan;
    // Endpoints the snapshot moved to another device or tile: their values
    // go with them (their pending commands are kept by endpointId).
    QHash<QString, TileEndpoint> carried;
    Changes changes;
};

TileModel::TileModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_commands(kFinishedCommandMemory, [this](const QString &endpointId) { return m_endpoints.contains(endpointId); })
{
    m_staleness.setExpectedPeriodMs(10000);
}

TileModel::~TileModel() = default;

TileModel::Node *TileModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex TileModel::indexOf(const Node *node, int column) const
{
    if (node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex TileModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children[row].get());
}

QModelIndex TileModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int TileModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int TileModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const TileEndpoint *e = node->endpoint.get();
    const auto pending = [&]() -> const TileCommandTracker::Pending & { return m_commands.pendingOn(node->id); };

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case ValueColumn:
            return e ? EndpointFact::toVariant(e->meta.value) : QVariant();
        case UnitColumn:
            return e ? QVariant(e->unit()) : QVariant();
        case LastUpdateColumn:
            return e && e->meta.timestamp.isValid() ? QVariant(e->meta.timestamp) : QVariant();
        }
        return {};
    case NodeKindRole:
        return int(node->kind);
    case IdRole:
        return node->id;
    case NameRole:
        return node->name;
    case DeviceKindRole:
        return node->kind == NodeKind::Device ? QVariant(node->deviceKind) : QVariant();
    }
    if (!e)
        return {};
    switch (role) {
    case PendingCommandIdRole:
        return pending().commandId.isEmpty() ? QVariant() : QVariant(pending().commandId);
    case PendingValueRole:
        return pending().commandId.isEmpty() ? QVariant() : EndpointFact::toVariant(pending().value);
    case PendingStatusRole:
        return !pending().commandId.isEmpty() && pending().status ? QVariant(int(*pending().status)) : QVariant();
    case PendingOwnRole:
        return pending().commandId.isEmpty() ? QVariant() : QVariant(pending().own);
    case PendingUnconfirmedRole:
        return !pending().commandId.isEmpty() && pending().unconfirmed;
    case TrendRole:
        return QVariant::fromValue(m_history.series(node->id, kHistoryMetric));
    }
    return e->data(role, m_staleness);
}

QVariant TileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case UnitColumn:
        return tr("Unit");
    case LastUpdateColumn:
        return tr("Last update");
    }
    return {};
}

QHash<int, QByteArray> TileModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    // `id` is reserved in QML, hence nodeId.
    names.insert({
        {NodeKindRole, "nodeKind"},
        {IdRole, "nodeId"},
        {NameRole, "name"},
        {DeviceKindRole, "deviceKind"},
        {ValueRole, "value"},
        {UnitRole, "unit"},
        {ValueTypeRole, "valueType"},
        {WritableRole, "writable"},
        {CriticalRole, "critical"},
        {MinRole, "min"},
        {MaxRole, "max"},
        {StepRole, "step"},
        {OptionsRole, "options"},
        {InterlocksRole, "interlocks"},
        {PendingCommandIdRole, "pendingCommandId"},
        {PendingValueRole, "pendingValue"},
        {PendingStatusRole, "pendingStatus"},
        {LastUpdateRole, "lastUpdate"},
        {StaleRole, "stale"},
        {AgeRole, "age"},
        {PendingOwnRole, "pendingOwn"},
        {PendingUnconfirmedRole, "pendingUnconfirmed"},
        {QualityRole, "quality"},
        {QualityReasonRole, "qualityReason"},
        {TrendRole, "trend"},
    });
    return names;
}

void TileModel::reconcile(const QList<Domain::Tile> &snapshot)
{
    const TileReconcile plan(snapshot);
    ReconcileContext ctx {plan, {}, {}};
    m_interlocksByTarget = plan.interlocksByTarget();

    // First every removal, so that an endpoint the snapshot moved elsewhere
    // is out of the way (and its state carried) before its new row is made.
    removeMissing(m_root.get(), plan.tileIds(), ctx);
    for (const auto &tileNode : m_root->children) {
        removeMissing(tileNode.get(), plan.deviceIds(tileNode->id), ctx);
        for (const auto &deviceNode : tileNode->children)
            removeMissing(deviceNode.get(), plan.endpointIds(tileNode->id, deviceNode->id), ctx);
    }

    placeChildren(
        m_root.get(), plan.tiles(), [](const Domain::Tile &t) { return t.tileId; },
        [&](const Domain::Tile &t) { return buildTile(t, ctx); },
        [&](Node *node, const Domain::Tile &t) { updateTile(node, t, ctx); });

    // Every carried endpoint has found its new row; should one not have, what
    // is kept about it must not outlive it.
    for (auto it = ctx.carried.cbegin(); it != ctx.carried.cend(); ++it) {
        m_history.removeEntity(it.key());
        m_commands.forgetEndpoint(it.key());
    }

    emitChanges(ctx.changes);
    Q_EMIT contentsUpdated();
}

void TileModel::removeMissing(Node *parent, const QSet<QString> &listed, ReconcileContext &ctx)
{
    for (const auto &step : TileReconcile::removals(parent->childIds(), listed)) {
        beginRemoveRows(indexOf(parent), step.first, step.last);
        for (int r = step.first; r <= step.last; ++r)
            forget(parent->children[r].get(), ctx);
        parent->children.erase(parent->children.begin() + step.first, parent->children.begin() + step.last + 1);
        parent->renumberFrom(step.first);
        endRemoveRows();
    }
}

void TileModel::forget(Node *node, ReconcileContext &ctx)
{
    for (const auto &child : node->children)
        forget(child.get(), ctx);
    if (node->kind == NodeKind::Tile) {
        m_tiles.remove(node->id);
        return;
    }
    if (!node->endpoint)
        return;
    if (m_endpoints.value(node->id) == node)
        m_endpoints.remove(node->id);
    if (ctx.plan.listsEndpoint(node->id)) {
        ctx.carried.insert(node->id, std::move(*node->endpoint));
        return;
    }
    m_history.removeEntity(node->id);
    m_commands.forgetEndpoint(node->id);
}

template<typename Item, typename IdOf, typename Build, typename Update>
void TileModel::placeChildren(Node *parent, const QList<Item> &items, IdOf idOf, Build build, Update update)
{
    // After removeMissing, every child is one of `items`; this moves them
    // into the snapshot's order and inserts the new ones, a run at a time.
    QStringList listed;
    for (const auto &item : items)
        listed.append(idOf(item));
    const QModelIndex parentIndex = indexOf(parent);
    auto &children = parent->children;
    using Kind = TileReconcile::Step::Kind;
    for (const auto &step : TileReconcile::placements(parent->childIds(), listed)) {
        if (step.kind == Kind::Move) {
            beginMoveRows(parentIndex, step.first, step.first, parentIndex, step.last);
            std::unique_ptr<Node> moving = std::move(children[step.first]);
            children.erase(children.begin() + step.first);
            children.insert(children.begin() + step.last, std::move(moving));
            parent->renumberFrom(step.last);
            endMoveRows();
        } else if (step.kind == Kind::Update) {
            update(children[step.first].get(), items.at(step.first));
        } else if (step.kind == Kind::Insert) {
            std::vector<std::unique_ptr<Node>> made;
            made.reserve(step.last - step.first + 1);
            for (int k = step.first; k <= step.last; ++k) {
                made.push_back(build(items.at(k)));
                made.back()->parent = parent;
            }
            beginInsertRows(parentIndex, step.first, step.last);
            for (auto &node : made)
                registerNodes(node.get());
            children.insert(children.begin() + step.first, std::make_move_iterator(made.begin()),
                            std::make_move_iterator(made.end()));
            parent->renumberFrom(step.first);
            endInsertRows();
        }
    }
}

void TileModel::registerNodes(Node *node)
{
    if (node->kind == NodeKind::Tile)
        m_tiles.insert(node->id, node);
    else if (node->kind == NodeKind::Endpoint)
        m_endpoints.insert(node->id, node);
    for (const auto &child : node->children)
        registerNodes(child.get());
}

std::unique_ptr<TileModel::Node> TileModel::buildTile(const Domain::Tile &tile, ReconcileContext &ctx)
{
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Tile;
    node->id = tile.tileId;
    node->name = tile.name;
    node->interlocks = tile.interlocks;
    for (const auto &device : tile.devices) {
        node->children.push_back(buildDevice(device, ctx));
        node->children.back()->parent = node.get();
    }
    node->renumberFrom(0);
    return node;
}

std::unique_ptr<TileModel::Node> TileModel::buildDevice(const Domain::Device &device, ReconcileContext &ctx)
{
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Device;
    node->id = device.deviceId;
    node->name = device.name;
    node->deviceKind = device.kind;
    for (const auto &endpoint : device.endpoints) {
        node->children.push_back(buildEndpoint(endpoint, ctx));
        node->children.back()->parent = node.get();
    }
    node->renumberFrom(0);
    return node;
}

std::unique_ptr<TileModel::Node> TileModel::buildEndpoint(const Domain::Endpoint &endpoint, ReconcileContext &ctx)
{
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Endpoint;
    node->id = endpoint.endpointId;
    node->name = endpoint.name;
    node->endpoint = std::make_unique<TileEndpoint>();
    const QList<Domain::Interlock> guards = m_interlocksByTarget.value(endpoint.endpointId);
    if (auto it = ctx.carried.find(endpoint.endpointId); it != ctx.carried.end()) {
        *node->endpoint = std::move(*it);
        ctx.carried.erase(it);
        node->endpoint->carry(endpoint, guards);
        return node;
    }
    node->endpoint->list(endpoint, guards, m_orphans.take(endpoint.endpointId), m_staleness, m_history);
    return node;
}

void TileModel::updateTile(Node *node, const Domain::Tile &tile, ReconcileContext &ctx)
{
    if (node->name != tile.name) {
        node->name = tile.name;
        ctx.changes[node] |= TileEndpoint::kNameBits;
    }
    node->interlocks = tile.interlocks;
    placeChildren(
        node, tile.devices, [](const Domain::Device &d) { return d.deviceId; },
        [&](const Domain::Device &d) { return buildDevice(d, ctx); },
        [&](Node *device, const Domain::Device &d) { updateDevice(device, d, ctx); });
}

void TileModel::updateDevice(Node *node, const Domain::Device &device, ReconcileContext &ctx)
{
    RoleMask mask = 0;
    if (node->name != device.name) {
        node->name = device.name;
        mask |= TileEndpoint::kNameBits;
    }
    if (node->deviceKind != device.kind) {
        node->deviceKind = device.kind;
        mask |= TileEndpoint::bit(DeviceKindRole);
    }
    if (mask)
        ctx.changes[node] |= mask;
    placeChildren(
        node, device.endpoints, [](const Domain::Endpoint &e) { return e.endpointId; },
        [&](const Domain::Endpoint &e) { return buildEndpoint(e, ctx); },
        [&](Node *endpointNode, const Domain::Endpoint &e) { updateEndpoint(endpointNode, e, ctx); });
}

void TileModel::updateEndpoint(Node *node, const Domain::Endpoint &endpoint, ReconcileContext &ctx)
{
    const RoleMask mask
        = node->endpoint->update(endpoint, m_interlocksByTarget.value(endpoint.endpointId), m_staleness, m_history);
    node->name = node->endpoint->meta.name;
    if (mask)
        ctx.changes[node] |= mask;
}

void TileModel::applyTelemetry(const QList<Domain::Telemetry> &updates)
{
    const qint64 now = m_staleness.now();
    QDateTime nowUtc; // read once, and only if some telemetry has no time of its own
    QHash<Node *, TileEndpoint::Seen> touched;
    for (const auto &t : updates) {
        if (!t.timestamp.isValid() && !nowUtc.isValid())
            nowUtc = QDateTime::currentDateTimeUtc();
        Node *node = m_endpoints.value(t.endpointId);
        if (!node) {
            m_orphans.keep(t, nowUtc, now);
            continue;
        }
        if (!touched.contains(node))
            touched.insert(node, node->endpoint->seen());
        node->endpoint->apply(t, nowUtc, now, m_staleness, m_history);
    }

    Changes changes;
    for (auto it = touched.cbegin(); it != touched.cend(); ++it)
        changes.insert(it.key(), it.key()->endpoint->changedSince(it.value()));
    emitChanges(changes);
    Q_EMIT contentsUpdated();
}

void TileModel::notePending(const QString &endpointId, const QString &commandId, const EndpointValue &requested)
{
    if (!m_endpoints.contains(endpointId) || commandId.isEmpty() || m_commands.isFinished(commandId))
        return;
    m_commands.markOwn(commandId);
    Domain::CommandStatus sending;
    sending.commandId = commandId;
    sending.endpointId = endpointId;
    sending.requestedValue = requested;
    applyStatuses({sending}, true);
}

void TileModel::noteUnconfirmed(const QString &commandId)
{
    const auto changes = m_commands.noteUnconfirmed(commandId);
    if (changes.isEmpty())
        return;
    emitCommandChanges(changes);
    Q_EMIT contentsUpdated();
}

void TileModel::applyCommandStatus(const QList<Domain::CommandStatus> &updates)
{
    applyStatuses(updates, false);
}

void TileModel::applyStatuses(const QList<Domain::CommandStatus> &updates, bool sending)
{
    emitCommandChanges(m_commands.apply(updates, sending, m_staleness.now()));
    Q_EMIT contentsUpdated();
}

void TileModel::releasePending(const QList<QString> &commandIds)
{
    const auto changes = m_commands.release(commandIds);
    if (changes.isEmpty())
        return;
    emitCommandChanges(changes);
    Q_EMIT contentsUpdated();
}

void TileModel::emitCommandChanges(const TileCommandTracker::Changes &changes)
{
    Changes out;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        out.insert(m_endpoints.value(it.key()), TileEndpoint::pendingRoles(*it));
    emitChanges(out);
}

void TileModel::dropForeignPendingExcept(const QSet<QString> &listedCommandIds)
{
    releasePending(m_commands.foreignExcept(listedCommandIds));
}

bool TileModel::isStale(const QString &endpointId) const
{
    const Node *node = m_endpoints.value(endpointId);
    return !node || node->endpoint->stale;
}

QModelIndex TileModel::indexOfTile(const QString &tileId) const
{
    const Node *node = m_tiles.value(tileId);
    return node ? indexOf(node) : QModelIndex();
}

QModelIndex TileModel::indexOfEndpoint(const QString &endpointId) const
{
    const Node *node = m_endpoints.value(endpointId);
    return node ? indexOf(node) : QModelIndex();
}

QString TileModel::endpointPath(const QString &endpointId) const
{
    const QModelIndex endpoint = indexOfEndpoint(endpointId);
    if (!endpoint.isValid())
        return endpointId;
    QStringList parts;
    for (QModelIndex at = endpoint; at.isValid(); at = at.parent()) {
        const QString name = at.data(NameRole).toString();
        if (!name.isEmpty())
            parts.prepend(name);
    }
    return parts.isEmpty() ? endpointId : parts.join(QStringLiteral(" \u203A "));
}

std::optional<Domain::Endpoint> TileModel::endpoint(const QString &endpointId) const
{
    const Node *node = m_endpoints.value(endpointId);
    if (!node)
        return std::nullopt;
    Domain::Endpoint out = node->endpoint->meta;
    out.unit = node->endpoint->unit();
    return out;
}

QList<Domain::Interlock> TileModel::interlocksFor(const QString &endpointId) const
{
    return m_interlocksByTarget.value(endpointId);
}

void TileModel::setLinkLive(bool live)
{
    if (m_staleness.linkLive() == live)
        return;
    m_staleness.setLinkLive(live);
    refreshStaleness();
}

void TileModel::markUnconfirmed()
{
    m_staleness.setUnconfirmedUpTo(m_staleness.now());
    refreshStaleness();
}

void TileModel::refreshStaleness()
{
    const qint64 now = m_staleness.now();
    Changes changes;
    for (Node *node : std::as_const(m_endpoints)) {
        TileEndpoint &state = *node->endpoint;
        const bool stale = state.judge(m_staleness, now);
        if (stale != state.stale) {
            state.stale = stale;
            changes.insert(node, TileEndpoint::bit(StaleRole));
        }
    }
    emitChanges(changes);
    // Another console's command nobody has spoken of for too long: its
    // console may be gone, or the server lost it.
    if (m_foreignPendingExpiryMs > 0)
        releasePending(m_commands.foreignQuietFor(m_foreignPendingExpiryMs, now));
}

void TileModel::clear()
{
    beginResetModel();
    m_root->children.clear();
    m_tiles.clear();
    m_endpoints.clear();
    m_interlocksByTarget.clear();
    m_orphans.clear();
    m_commands.clear();
    m_history.clear();
    endResetModel();
    Q_EMIT contentsUpdated();
}

void TileModel::emitChanges(const Changes &changes)
{
    if (changes.isEmpty())
        return;
    // Siblings together, parents in tree order, rows ascending: each
    // contiguous run of siblings becomes one dataChanged.
    struct Entry
    {
        std::array<int, 3> path; // rows from the top down, then -1
        Node *node;
        RoleMask mask;
    };
    QList<Entry> entries;
    entries.reserve(changes.size());
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        std::array<int, 3> path {-1, -1, -1};
        int depth = 0;
        for (const Node *n = it.key(); n != m_root.get(); n = n->parent)
            ++depth;
        int level = depth - 1;
        for (const Node *n = it.key(); n != m_root.get(); n = n->parent)
            path[level--] = n->row;
        entries.append({path, it.key(), it.value()});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.path < b.path; });

    qsizetype start = 0;
    RoleMask mask = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        mask |= entries.at(i).mask;
        const bool last = i + 1 == entries.size() || entries.at(i + 1).node->parent != entries.at(i).node->parent
            || entries.at(i + 1).node->row != entries.at(i).node->row + 1;
        if (!last)
            continue;
        Q_EMIT dataChanged(indexOf(entries.at(start).node, 0), indexOf(entries.at(i).node, ColumnCount - 1),
                           TileEndpoint::rolesOf(mask));
        start = i + 1;
        mask = 0;
    }
}
