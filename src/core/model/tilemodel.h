#pragma once

#include "domain/plant.h"
#include "metrichistory.h"
#include "orphanbuffer.h"
#include "staleness.h"
#include "tilecommandtracker.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

// The control panel as a tree: tiles, their devices, and the devices'
// endpoints, in the order the latest `tiles` snapshot lists them. The
// structure comes from `tiles` snapshots only; telemetry fills in the
// endpoints' values, and command statuses mark the endpoints a command is
// on its way to. Updates come in batches: every endpoint changed by a batch
// gets its final value and one change, announced as one ranged dataChanged
// per contiguous block of sibling rows with only the roles that changed.
class TileModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, UnitColumn, LastUpdateColumn, ColumnCount };
    Q_ENUM(Column)

    enum class NodeKind { Tile, Device, Endpoint };
    Q_ENUM(NodeKind)

    enum Role : int {
        NodeKindRole = Qt::UserRole + 1, // NodeKind as int
        IdRole, // tileId, deviceId or endpointId
        NameRole,
        DeviceKindRole, // devices: pump, valve, … as the server names it
        // Endpoints only from here on; invalid for tiles and devices.
        ValueRole, // the latest telemetry: bool, double or QString; invalid when none
        UnitRole,
        ValueTypeRole, // Domain::ValueType as int
        WritableRole,
        CriticalRole, // bool: the server asks for a confirmation before each command
        MinRole, // double; invalid when the server gives none
        MaxRole,
        StepRole,
        OptionsRole, // QStringList: the choices of an enum endpoint
        InterlocksRole, // QVariantList of QVariantMap {id, description, requiredEndpointId, op, requiredValue}
        PendingCommandIdRole, // invalid while no command is pending
        PendingValueRole, // the value the pending command asks for; never shown as ValueRole
        PendingStatusRole, // Domain::CommandState as int, as the server said; invalid while still being sent
        LastUpdateRole, // QDateTime, UTC: the telemetry's time, or when it arrived if it had none
        StaleRole, // bool: quiet for 3 expected periods, the link is not live, or its quality is stale
        AgeRole, // ms since this console last heard of the endpoint
        PendingOwnRole, // bool: the pending command is this console's; invalid while none is pending
        PendingUnconfirmedRole, // bool: handed to a server that confirms nothing (plain, Socket.IO)
        // Domain::Quality as int: Stale while the server says the value's
        // source is lost (StaleRole is then true, whatever the age).
        QualityRole,
        QualityReasonRole, // QString: why the server marked it stale, as it words it; empty when good or not given
        // QList<MetricHistory::Sample>, oldest first: the endpoint's numeric
        // readings (bools as 0 and 1) kept for its trend; empty for text.
        // Changes with every new value or time (ValueRole, LastUpdateRole).
        TrendRole,
    };
    Q_ENUM(Role)

    explicit TileModel(QObject *parent = nullptr);
    ~TileModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Makes the structure equal to a `tiles` snapshot: inserts, moves and
    // removes rows (never a reset), updates changed metadata, and keeps the
    // values of endpoints that remain. Ids repeated in a snapshot count
    // once: tiles by tileId, devices by deviceId within their tile,
    // endpoints by endpointId across the whole panel (the first wins).
    void reconcile(const QList<Domain::Tile> &tiles);
    // Live telemetry, in arrival order. A value for an endpoint the panel
    // does not list (yet) is kept aside, the latest per endpoint and for at
    // most kMaxOrphanEndpoints endpoints, until a `tiles` snapshot lists it.
    void applyTelemetry(const QList<Domain::Telemetry> &updates);
    // The `telemetry` snapshot. It removes nothing: structure comes from
    // `tiles` only.
    void reconcileTelemetry(const QList<Domain::Telemetry> &snapshot) { applyTelemetry(snapshot); }

    // This console is sending a command to the endpoint: pending, with no
    // status until the server gives one (never shown as queued before that).
    void notePending(const QString &endpointId, const QString &commandId, const Domain::EndpointValue &requested);
    // This console's command went to a server that confirms nothing.
    void noteUnconfirmed(const QString &commandId);
    // command_status events and `commands` snapshot items, in arrival order.
    // A status that is not final marks the command pending on its endpoint
    // (the latest command wins); a final one clears it. A status that comes
    // after its command finished is ignored.
    void applyCommandStatus(const QList<Domain::CommandStatus> &updates);
    // Another console's command stops showing pending once this long has
    // passed without a status for it (0: never). Checked by refreshStaleness().
    void setForeignPendingExpiryMs(qint64 ms) { m_foreignPendingExpiryMs = ms; }
    qint64 foreignPendingExpiryMs() const { return m_foreignPendingExpiryMs; }
    // A `commands` snapshot lists what is under way at the server: other
    // consoles' commands it no longer lists stop showing pending. This
    // console's own are left to its CommandService, which times them out.
    void dropForeignPendingExcept(const QSet<QString> &listedCommandIds);
    // Whether the endpoint's value is stale (unknown endpoints count as stale).
    bool isStale(const QString &endpointId) const;

    QModelIndex indexOfTile(const QString &tileId) const;
    QModelIndex indexOfEndpoint(const QString &endpointId) const;
    // The endpoint's metadata with its current value and time.
    std::optional<Domain::Endpoint> endpoint(const QString &endpointId) const;
    // The endpoint's full name as an operator reads it on every command
    // text: tile › device › endpoint (U+203A between), each as the server
    // names it, a part without a name left out; the id when it is unknown.
    QString endpointPath(const QString &endpointId) const;
    // Every interlock, from any tile, whose target is the endpoint.
    QList<Domain::Interlock> interlocksFor(const QString &endpointId) const;

    // Staleness of endpoints (tiles and devices have none of their own).
    void setExpectedPeriodMs(qint64 ms) { m_staleness.setExpectedPeriodMs(ms); }
    qint64 expectedPeriodMs() const { return m_staleness.expectedPeriodMs(); }
    void setLinkLive(bool live);
    // Every endpoint is stale until heard of again (the link came back
    // without a snapshot to confirm what was known before).
    void markUnconfirmed();
    // Re-evaluates every endpoint; those whose staleness changed get one
    // ranged dataChanged per block of siblings. Call it about once a second.
    void refreshStaleness();
    // For tests: the clock that ages reports (ms, monotonic).
    void setClock(std::function<qint64()> clock) { m_staleness.setClock(std::move(clock)); }

    // Every numeric value (bools as 0 and 1) as metric 0 of its endpointId;
    // views read an endpoint's through TrendRole.
    const MetricHistory &history() const { return m_history; }
    // Applies to series created from now on.
    void setHistoryCapacity(qsizetype samplesPerEndpoint) { m_history.setCapacityPerSeries(samplesPerEndpoint); }

    void clear();

    static constexpr int kHistoryMetric = 0;
    static constexpr qsizetype kMaxOrphanEndpoints = 1000;
    // How many finished commands are remembered, so that their late statuses
    // cannot mark an endpoint pending again.
    static constexpr qsizetype kFinishedCommandMemory = 4096;

Q_SIGNALS:
    // After every reconcile or batch applied, once.
    void contentsUpdated();

private:
    struct Node;
    struct ReconcileContext;
    using RoleMask = quint32; // one bit per Role, and the top bit for Qt::DisplayRole
    using Changes = QHash<Node *, RoleMask>;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;

    void removeMissing(Node *parent, const QSet<QString> &listed, ReconcileContext &ctx);
    void forget(Node *node, ReconcileContext &ctx);
    template<typename Item, typename IdOf, typename Build, typename Update>
    void placeChildren(Node *parent, const QList<Item> &items, IdOf idOf, Build build, Update update);
    void registerNodes(Node *node);
    std::unique_ptr<Node> buildTile(const Domain::Tile &tile, ReconcileContext &ctx);
    std::unique_ptr<Node> buildDevice(const Domain::Device &device, ReconcileContext &ctx);
    std::unique_ptr<Node> buildEndpoint(const Domain::Endpoint &endpoint, ReconcileContext &ctx);
    void updateTile(Node *node, const Domain::Tile &tile, ReconcileContext &ctx);
    void updateDevice(Node *node, const Domain::Device &device, ReconcileContext &ctx);
    void updateEndpoint(Node *node, const Domain::Endpoint &endpoint, ReconcileContext &ctx);

    void applyStatuses(const QList<Domain::CommandStatus> &updates, bool sending);
    void releasePending(const QList<QString> &commandIds);
    void emitCommandChanges(const TileCommandTracker::Changes &changes);
    void emitChanges(const Changes &changes);

    std::unique_ptr<Node> m_root; // invisible; its children are the tiles
    QHash<QString, Node *> m_tiles;
    QHash<QString, Node *> m_endpoints;
    QHash<QString, QList<Domain::Interlock>> m_interlocksByTarget;

    OrphanBuffer m_orphans {kMaxOrphanEndpoints};
    TileCommandTracker m_commands;
    qint64 m_foreignPendingExpiryMs = 0;

    StalenessPolicy m_staleness;
    MetricHistory m_history;
};
