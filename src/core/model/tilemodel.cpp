#include "tilemodel.h"

#include "plantvalues.h"
#include "tilereconcile.h"

#include <QVariantMap>

#include <algorithm>
#include <array>
#include <vector>

using Domain::EndpointValue;

// The live part of an endpoint: `meta` is its metadata from the latest
// `tiles` snapshot, with the current value and its time in meta.value and
// meta.timestamp.
struct TileModel::EndpointState
{
    Domain::Endpoint meta;
    QString telemetryUnit; // the unit the latest telemetry named, for endpoints the snapshot gives none
    qint64 heardMs = 0;
    bool stale = false;
    QList<Domain::Interlock> interlocks;

    QString unit() const { return meta.unit.isEmpty() ? telemetryUnit : meta.unit; }
};

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
    std::unique_ptr<EndpointState> endpoint;

    void renumberFrom(int first)
    {
        for (int r = first; r < int(children.size()); ++r)
            children[r]->row = r;
    }
};

// What one reconcile carries from its removal pass to its placement pass.
struct TileModel::ReconcileContext
{
    const TileReconcile &plan;
    // Endpoints the snapshot moved to another device or tile: their values
    // go with them (their pending commands are kept by endpointId).
    QHash<QString, EndpointState> carried;
    Changes changes;
};

namespace {

constexpr quint32 kDisplayBit = 1u << 31;

constexpr quint32 bit(TileModel::Role role)
{
    return 1u << (role - TileModel::NodeKindRole);
}

constexpr quint32 kValueBits = bit(TileModel::ValueRole) | kDisplayBit;
constexpr quint32 kLastUpdateBits = bit(TileModel::LastUpdateRole) | kDisplayBit;
constexpr quint32 kUnitBits = bit(TileModel::UnitRole) | kDisplayBit;
constexpr quint32 kNameBits = bit(TileModel::NameRole) | kDisplayBit;

QList<int> rolesOf(quint32 mask)
{
    QList<int> roles;
    if (mask & kDisplayBit)
        roles.append(Qt::DisplayRole);
    for (int role = TileModel::NodeKindRole; role <= TileModel::PendingUnconfirmedRole; ++role)
        if (mask & bit(TileModel::Role(role)))
            roles.append(role);
    return roles;
}

bool sameInterlocks(const QList<Domain::Interlock> &a, const QList<Domain::Interlock> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const auto &x, const auto &y) {
        return x.id == y.id && x.description == y.description && x.target == y.target
            && x.requiredEndpointId == y.requiredEndpointId && x.op == y.op && x.requiredValue == y.requiredValue;
    });
}

QVariantList interlocksToVariant(const QList<Domain::Interlock> &interlocks)
{
    QVariantList out;
    out.reserve(interlocks.size());
    for (const auto &i : interlocks) {
        out.append(QVariantMap {
            {QStringLiteral("id"), i.id},
            {QStringLiteral("description"), i.description},
            {QStringLiteral("requiredEndpointId"), i.requiredEndpointId},
            {QStringLiteral("op"), int(i.op)},
            {QStringLiteral("requiredValue"), PlantValues::toVariant(i.requiredValue)},
        });
    }
    return out;
}

} // namespace

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
    const EndpointState *e = node->endpoint.get();
    const auto pending = [&]() -> const TileCommandTracker::Pending & { return m_commands.pendingOn(node->id); };

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case ValueColumn:
            return e ? PlantValues::toVariant(e->meta.value) : QVariant();
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
    case ValueRole:
        return PlantValues::toVariant(e->meta.value);
    case UnitRole:
        return e->unit();
    case ValueTypeRole:
        return int(e->meta.valueType);
    case WritableRole:
        return e->meta.writable;
    case CriticalRole:
        return e->meta.critical;
    case MinRole:
        return PlantValues::toVariant(e->meta.min);
    case MaxRole:
        return PlantValues::toVariant(e->meta.max);
    case StepRole:
        return PlantValues::toVariant(e->meta.step);
    case OptionsRole:
        return e->meta.options;
    case InterlocksRole:
        return interlocksToVariant(e->interlocks);
    case PendingCommandIdRole:
        return pending().commandId.isEmpty() ? QVariant() : QVariant(pending().commandId);
    case PendingValueRole:
        return pending().commandId.isEmpty() ? QVariant() : PlantValues::toVariant(pending().value);
    case PendingStatusRole:
        return !pending().commandId.isEmpty() && pending().status ? QVariant(int(*pending().status)) : QVariant();
    case PendingOwnRole:
        return pending().commandId.isEmpty() ? QVariant() : QVariant(pending().own);
    case PendingUnconfirmedRole:
        return !pending().commandId.isEmpty() && pending().unconfirmed;
    case LastUpdateRole:
        return e->meta.timestamp.isValid() ? QVariant(e->meta.timestamp) : QVariant();
    case StaleRole:
        return e->stale;
    case AgeRole:
        return m_staleness.now() - e->heardMs;
    }
    return {};
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
    QSet<QString> listed;
    for (const auto &tile : plan.tiles())
        listed.insert(tile.tileId);
    removeMissing(m_root.get(), listed, ctx);
    for (const auto &tileNode : m_root->children) {
        const Domain::Tile &tile = *plan.tile(tileNode->id);
        listed.clear();
        for (const auto &device : tile.devices)
            listed.insert(device.deviceId);
        removeMissing(tileNode.get(), listed, ctx);
        for (const auto &deviceNode : tileNode->children) {
            const auto device = std::find_if(tile.devices.cbegin(), tile.devices.cend(),
                                             [&](const auto &d) { return d.deviceId == deviceNode->id; });
            listed.clear();
            for (const auto &endpoint : device->endpoints)
                listed.insert(endpoint.endpointId);
            removeMissing(deviceNode.get(), listed, ctx);
        }
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
    QStringList shown;
    for (const auto &child : parent->children)
        shown.append(child->id);
    for (const auto &step : TileReconcile::removals(shown, listed)) {
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
    QStringList shown;
    for (const auto &child : parent->children)
        shown.append(child->id);
    QStringList listed;
    for (const auto &item : items)
        listed.append(idOf(item));
    const QModelIndex parentIndex = indexOf(parent);
    auto &children = parent->children;
    using Kind = TileReconcile::Step::Kind;
    for (const auto &step : TileReconcile::placements(shown, listed)) {
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
    node->endpoint = std::make_unique<EndpointState>();
    EndpointState &state = *node->endpoint;

    if (auto it = ctx.carried.find(endpoint.endpointId); it != ctx.carried.end()) {
        state = std::move(*it);
        ctx.carried.erase(it);
        const EndpointValue value = state.meta.value;
        const QDateTime time = state.meta.timestamp;
        state.meta = endpoint;
        state.meta.value = value;
        state.meta.timestamp = time;
        state.interlocks = m_interlocksByTarget.value(endpoint.endpointId);
        return node;
    }

    // A new endpoint counts as heard when the snapshot that lists it arrives.
    const qint64 now = m_staleness.now();
    state.meta = endpoint;
    state.meta.value = {};
    state.meta.timestamp = {};
    state.heardMs = now;
    state.stale = m_staleness.isStale(now, now);
    state.interlocks = m_interlocksByTarget.value(endpoint.endpointId);
    const bool snapshotHasValue = !std::holds_alternative<std::monostate>(endpoint.value);
    if (snapshotHasValue)
        setValue(state, endpoint.endpointId, endpoint.value, endpoint.timestamp, now);

    // Telemetry that came before the endpoint did: it wins unless the
    // snapshot's own value is known to be newer.
    if (const auto orphan = m_orphans.take(endpoint.endpointId)) {
        const Domain::Telemetry &t = orphan->telemetry;
        if (!snapshotHasValue
            || (t.timestamp.isValid() && endpoint.timestamp.isValid() && t.timestamp >= endpoint.timestamp)) {
            setValue(state, endpoint.endpointId, t.value, t.timestamp.isValid() ? t.timestamp : orphan->arrivedUtc,
                     now);
            if (!t.unit.isEmpty())
                state.telemetryUnit = t.unit;
        }
    }
    return node;
}

void TileModel::updateTile(Node *node, const Domain::Tile &tile, ReconcileContext &ctx)
{
    if (node->name != tile.name) {
        node->name = tile.name;
        ctx.changes[node] |= kNameBits;
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
        mask |= kNameBits;
    }
    if (node->deviceKind != device.kind) {
        node->deviceKind = device.kind;
        mask |= bit(DeviceKindRole);
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
    EndpointState &state = *node->endpoint;
    Domain::Endpoint &meta = state.meta;
    RoleMask mask = 0;
    if (node->name != endpoint.name) {
        node->name = endpoint.name;
        meta.name = endpoint.name;
        mask |= kNameBits;
    }
    const QString unitBefore = state.unit();
    meta.unit = endpoint.unit;
    if (state.unit() != unitBefore)
        mask |= kUnitBits;
    if (meta.valueType != endpoint.valueType) {
        meta.valueType = endpoint.valueType;
        mask |= bit(ValueTypeRole);
    }
    if (meta.writable != endpoint.writable) {
        meta.writable = endpoint.writable;
        mask |= bit(WritableRole);
    }
    if (meta.critical != endpoint.critical) {
        meta.critical = endpoint.critical;
        mask |= bit(CriticalRole);
    }
    if (meta.min != endpoint.min) {
        meta.min = endpoint.min;
        mask |= bit(MinRole);
    }
    if (meta.max != endpoint.max) {
        meta.max = endpoint.max;
        mask |= bit(MaxRole);
    }
    if (meta.step != endpoint.step) {
        meta.step = endpoint.step;
        mask |= bit(StepRole);
    }
    if (meta.options != endpoint.options) {
        meta.options = endpoint.options;
        mask |= bit(OptionsRole);
    }
    const QList<Domain::Interlock> interlocks = m_interlocksByTarget.value(endpoint.endpointId);
    if (!sameInterlocks(state.interlocks, interlocks)) {
        state.interlocks = interlocks;
        mask |= bit(InterlocksRole);
    }

    // The value the endpoint has stays; the snapshot's only fills in one it
    // lacks, or replaces one it knows to be older.
    if (!std::holds_alternative<std::monostate>(endpoint.value)
        && (std::holds_alternative<std::monostate>(meta.value)
            || (endpoint.timestamp.isValid() && meta.timestamp.isValid() && endpoint.timestamp > meta.timestamp))) {
        const EndpointValue valueBefore = meta.value;
        const QDateTime timeBefore = meta.timestamp;
        const bool staleBefore = state.stale;
        setValue(state, endpoint.endpointId, endpoint.value, endpoint.timestamp, m_staleness.now());
        mask |= bit(AgeRole);
        if (meta.value != valueBefore)
            mask |= kValueBits;
        if (meta.timestamp != timeBefore)
            mask |= kLastUpdateBits;
        if (state.stale != staleBefore)
            mask |= bit(StaleRole);
    }
    if (mask)
        ctx.changes[node] |= mask;
}

void TileModel::setValue(EndpointState &state, const QString &endpointId, const EndpointValue &value,
                         const QDateTime &time, qint64 heardMs)
{
    const QDateTime at = time.isValid() ? time.toUTC() : QDateTime::currentDateTimeUtc();
    state.meta.value = value;
    state.meta.timestamp = at;
    state.heardMs = heardMs;
    state.stale = m_staleness.isStale(heardMs, heardMs);
    if (const bool *b = std::get_if<bool>(&value))
        m_history.append(endpointId, kHistoryMetric, at.toMSecsSinceEpoch(), *b ? 1.0 : 0.0);
    else if (const double *d = std::get_if<double>(&value))
        m_history.append(endpointId, kHistoryMetric, at.toMSecsSinceEpoch(), *d);
}

void TileModel::applyTelemetry(const QList<Domain::Telemetry> &updates)
{
    struct Before
    {
        EndpointValue value;
        QDateTime time;
        QString unit;
        bool stale;
    };
    const qint64 now = m_staleness.now();
    QDateTime nowUtc; // read once, and only if some telemetry has no time of its own
    QHash<Node *, Before> touched;
    for (const auto &t : updates) {
        if (!t.timestamp.isValid() && !nowUtc.isValid())
            nowUtc = QDateTime::currentDateTimeUtc();
        Node *node = m_endpoints.value(t.endpointId);
        if (!node) {
            m_orphans.keep(t, nowUtc, now);
            continue;
        }
        EndpointState &state = *node->endpoint;
        if (!touched.contains(node))
            touched.insert(node, {state.meta.value, state.meta.timestamp, state.unit(), state.stale});
        if (!t.unit.isEmpty())
            state.telemetryUnit = t.unit;
        setValue(state, t.endpointId, t.value, t.timestamp.isValid() ? t.timestamp : nowUtc, now);
    }

    Changes changes;
    for (auto it = touched.cbegin(); it != touched.cend(); ++it) {
        const EndpointState &state = *it.key()->endpoint;
        const Before &before = it.value();
        RoleMask mask = bit(AgeRole); // heard from: its age starts over
        if (state.meta.value != before.value)
            mask |= kValueBits;
        if (state.meta.timestamp != before.time)
            mask |= kLastUpdateBits;
        if (state.unit() != before.unit)
            mask |= kUnitBits;
        if (state.stale != before.stale)
            mask |= bit(StaleRole);
        changes.insert(it.key(), mask);
    }
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
    using C = TileCommandTracker::Change;
    Changes out;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        RoleMask mask = 0;
        if (*it & C::CommandChanged)
            mask |= bit(PendingCommandIdRole) | bit(PendingOwnRole);
        if (*it & C::ValueChanged)
            mask |= bit(PendingValueRole);
        if (*it & C::StatusChanged)
            mask |= bit(PendingStatusRole);
        if (*it & C::OwnChanged)
            mask |= bit(PendingOwnRole);
        if (*it & C::UnconfirmedChanged)
            mask |= bit(PendingUnconfirmedRole);
        out.insert(m_endpoints.value(it.key()), mask);
    }
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
        EndpointState &state = *node->endpoint;
        const bool stale = m_staleness.isStale(state.heardMs, now);
        if (stale != state.stale) {
            state.stale = stale;
            changes.insert(node, bit(StaleRole));
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
                           rolesOf(mask));
        start = i + 1;
        mask = 0;
    }
}
