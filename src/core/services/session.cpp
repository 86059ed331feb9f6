#include "session.h"

#include "linkstatus.h"
#include "model/activitytargets.h"
#include "net/connectionservice.h"
#include "store/storeworker.h"

#include <QLoggingCategory>
#include <QScopeGuard>

#include <utility>

Q_LOGGING_CATEGORY(lcSession, "watchfloor.app.session")

namespace {

const QString kDroneRoom = QStringLiteral("drone_detail");
const QString kEndpointRoom = QStringLiteral("endpoint_stream");

ConnectionService::Room roomOf(const QString &channel, const QString &id)
{
    return {channel, channel == kDroneRoom ? QStringLiteral("serials") : QStringLiteral("endpointIds"), {id}};
}

} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
    , m_connection(std::make_unique<ConnectionService>())
    , m_link(std::make_unique<LinkStatus>(m_connection.get()))
    , m_fleetBattery(&m_drones, [this] { return hasLiveData(); })
    , m_summary(&m_drones, &m_machines, &m_alarms, &m_operators, &m_commands)
    , m_alarmRate(&m_alarms)
    , m_alarmActions([this](const QString &alarmId) { return letGoUnconfirmed(alarmId); })
{
    connect(&m_summary, &PlantSummary::countsChanged, this, &Session::countsChanged);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &Session::flush);
    connect(m_connection.get(), &ConnectionService::messageReceived, this, &Session::onMessage);
    connect(m_connection.get(), &ConnectionService::stateChanged, this, &Session::onStateChanged);
    m_staleTimer.setInterval(1000);
    connect(&m_staleTimer, &QTimer::timeout, this, &Session::refreshStaleness);
    m_staleTimer.start();
    setSessionSettings(m_settings);
    onStateChanged(m_connection->state()); // nothing is live before the first connection
    makeAlarmService();
}

Session::~Session() = default;

void Session::setSettings(const ConnectionSettings &settings)
{
    m_connection->setSettings(settings);
}

void Session::start()
{
    m_connection->start();
}

void Session::stop()
{
    m_connection->stop();
}

bool Session::hasLiveData() const
{
    return m_connection->isLive();
}

void Session::openStore(const QString &path)
{
    Q_ASSERT(!m_store);
    if (m_store)
        return;
    m_store = std::make_unique<StoreWorker>();
    makeAlarmService(); // listening before the outcome can arrive
    m_store->open(path);
}

void Session::makeAlarmService()
{
    const int maximumAgeMs = m_alarmService ? m_alarmService->maximumAgeMs() : AlarmService::kDefaultMaximumAgeMs;
    m_alarmService.reset();
    m_alarmService = std::make_unique<AlarmService>(m_connection.get(), m_store.get());
    m_alarmService->setMaximumAgeMs(maximumAgeMs);
    m_alarmActions.setService(m_alarmService.get());
    // The occurrence an action is for is the one the alarm list shows.
    m_alarmService->setOccurrenceLookup([this](const QString &alarmId) -> std::optional<qint64> {
        if (const auto alarm = m_alarms.alarm(alarmId))
            return alarm->count;
        return std::nullopt;
    });
    Q_EMIT alarmServiceChanged();
}

void Session::setSessionSettings(const SessionSettings &settings)
{
    m_settings = settings;
    // The profile's channels; the detail streams come and go as rooms.
    m_connection->setSubscriptions(settings.channels);
    m_flushTimer.setInterval(settings.frameMs);
    m_drones.setExpectedPeriodMs(settings.dronePeriodMs);
    m_drones.setHistoryCapacity(settings.historySamples);
    m_machines.setExpectedPeriodMs(settings.machinePeriodMs);
    m_machines.setHistoryCapacity(settings.historySamples);
    m_tiles.setExpectedPeriodMs(settings.endpointPeriodMs);
    m_tiles.setHistoryCapacity(settings.historySamples);
    m_health.setExpectedPeriodMs(settings.healthPeriodMs);
}

void Session::setBatchInterval(int ms)
{
    m_settings.frameMs = ms;
    m_flushTimer.setInterval(ms);
}

void Session::announceCounts()
{
    m_summary.refresh();
}

RoomLease Session::joinDroneRoom(const QString &serial)
{
    return RoomLease(this, kDroneRoom, serial);
}

RoomLease Session::joinEndpointRoom(const QString &endpointId)
{
    return RoomLease(this, kEndpointRoom, endpointId);
}

void Session::enterRoom(const QString &channel, const QString &id)
{
    if (++m_roomUsers[channel + u'/' + id] == 1)
        m_connection->addRoom(roomOf(channel, id));
}

void Session::leaveRoom(const QString &channel, const QString &id)
{
    const auto it = m_roomUsers.find(channel + u'/' + id);
    if (it == m_roomUsers.end())
        return;
    if (--*it > 0)
        return;
    m_roomUsers.erase(it);
    m_connection->removeRoom(roomOf(channel, id));
}

// Rewrites a message's display texts through the profile's ServerTexts.
struct Session::TextTranslator
{
    const ServerTexts &texts;

    void operator()(Protocol::Snapshot &s) const
    {
        for (Domain::Tile &tile : s.tiles)
            (*this)(tile);
        for (Domain::MachineStatus &machine : s.machines)
            (*this)(machine);
        for (Domain::Alarm &alarm : s.alarms)
            (*this)(alarm);
    }
    void operator()(Domain::AlarmUpdate &e) const { (*this)(e.alarm); }
    void operator()(Domain::MachineStatusUpdate &e) const { (*this)(e.machine); }
    void operator()(Domain::SystemAlert &e) const { e.message = texts.message(e.message); }
    template<typename Other> void operator()(Other &) const { }

    void operator()(Domain::Tile &tile) const
    {
        tile.name = texts.label(tile.name);
        for (Domain::Device &device : tile.devices) {
            device.name = texts.label(device.name);
            for (Domain::Endpoint &endpoint : device.endpoints)
                endpoint.name = texts.label(endpoint.name);
        }
    }
    void operator()(Domain::MachineStatus &machine) const { machine.name = texts.label(machine.name); }
    void operator()(Domain::Alarm &alarm) const { alarm.message = texts.message(alarm.message); }
};

void Session::onMessage(const Protocol::Message &message)
{
    if (m_texts.isEmpty()) {
        onTranslatedMessage(message);
        return;
    }
    Protocol::Message translated = message;
    std::visit(TextTranslator {m_texts}, translated.body);
    onTranslatedMessage(translated);
}

void Session::onTranslatedMessage(const Protocol::Message &message)
{
    if (const auto *snapshot = std::get_if<Protocol::Snapshot>(&message.body)) {
        // Everything pending arrived before the snapshot: apply it first so
        // that the snapshot, the newer state, is what stays.
        flush();
        applySnapshot(*snapshot);
        announceCounts();
        return;
    }
    if (std::holds_alternative<Protocol::DashboardRefresh>(message.body)) {
        // The server's views changed in bulk: ask for every snapshot again.
        m_connection->request(QStringLiteral("request_data_refresh"), {}, [](const Protocol::Result &) {});
        return;
    }
    if (const auto *alert = std::get_if<Domain::SystemAlert>(&message.body)) {
        Q_EMIT systemAlertReceived(*alert);
        return;
    }
    if (!queueEvent(message))
        return;
    ++m_pending.events;
    if (m_trackSendTimes && message.ts)
        m_pending.sendTimes.append(*message.ts);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

// Puts each event in its kind's list; anything else (hello, result, pong,
// error) is the connection's business and is not queued.
struct Session::EventQueuer
{
    Pending &p;
    bool operator()(const Domain::DroneStatusUpdate &e) const { return add(p.drones.statuses, e.status); }
    bool operator()(const Domain::DroneBuildProgress &e) const { return add(p.drones.builds, e); }
    bool operator()(const Domain::DroneHealth &e) const { return add(p.drones.health, e); }
    bool operator()(const Domain::DroneOperation &e) const { return add(p.drones.operations, e); }
    bool operator()(const Domain::MachineStatusUpdate &e) const { return add(p.machines, e.machine); }
    bool operator()(const Domain::MaintenanceAlert &e) const { return add(p.ticketsOpened, e); }
    bool operator()(const Domain::TicketStatusChange &e) const { return add(p.ticketChanges, e); }
    bool operator()(const Domain::Telemetry &e) const { return add(p.telemetry, e); }
    bool operator()(const Domain::CommandStatus &e) const { return add(p.commands, e); }
    bool operator()(const Domain::AlarmUpdate &e) const { return add(p.alarms, e.alarm); }
    bool operator()(const Domain::ServerHealth &e) const { return add(p.health, e); }
    bool operator()(const Domain::UserActivity &e) const { return add(p.activity, e); }
    bool operator()(const Domain::Presence &e) const
    {
        p.presence = e.operators; // the whole list: the changes before it are in it
        p.presenceChanges.clear();
        return true;
    }
    bool operator()(const Domain::PresenceChange &e) const { return add(p.presenceChanges, e); }
    template<typename Other> bool operator()(const Other &) const { return false; }

    template<typename T> static bool add(QList<T> &list, const T &item)
    {
        list.append(item);
        return true;
    }
};

bool Session::queueEvent(const Protocol::Message &message)
{
    return std::visit(EventQueuer {m_pending}, message.body);
}

void Session::applySnapshot(const Protocol::Snapshot &s)
{
    m_applyingSnapshot = true;
    const auto done = qScopeGuard([this] { m_applyingSnapshot = false; });
    const QString &channel = s.channel;
    if (s.isPartial()) {
        applyPartialSnapshot(s);
        return;
    }
    if (channel == u"drones") {
        m_drones.reconcile(DroneModel::Batch {s.drones, s.droneBuilds, s.droneHealth, s.droneOperations});
    } else if (channel == kDroneRoom) {
        m_drones.applyBatch(DroneModel::Batch {{}, s.droneBuilds, s.droneHealth, {}});
    } else if (channel == u"machines") {
        m_machines.reconcile(s.machines);
    } else if (channel == u"maintenance") {
        m_machines.reconcileTickets(s.maintenance);
    } else if (channel == u"tiles") {
        m_tiles.reconcile(s.tiles);
    } else if (channel == u"telemetry" || channel == kEndpointRoom) {
        m_tiles.reconcileTelemetry(s.telemetry);
    } else if (channel == u"commands") {
        m_commands.reconcile(s.commands);
        m_tiles.applyCommandStatus(s.commands);
    } else if (channel == u"alarms") {
        m_alarms.reconcile(s.alarms);
    } else if (channel == u"health") {
        m_health.reconcile(s.health);
    } else if (channel == u"presence") {
        m_operators.reconcile(s.presence);
    }
}

void Session::applyPartialSnapshot(const Protocol::Snapshot &s)
{
    // Some items could not be read, and one of them may be any entity we
    // hold: absence proves nothing, so nothing is removed. What could be
    // read is applied as updates; what was not stays as it was, ageing by
    // its own cadence, until a complete snapshot or an event speaks of it.
    qCWarning(lcSession) << "snapshot of" << s.channel << "is partial; unread:" << s.unreadIds
                         << (s.unreadWithoutId ? "and items without a readable id" : "") << "- removing nothing";
    const QString &channel = s.channel;
    if (channel == u"drones" || channel == kDroneRoom) {
        m_drones.applyBatch(DroneModel::Batch {s.drones, s.droneBuilds, s.droneHealth, s.droneOperations});
    } else if (channel == u"machines") {
        m_machines.applyBatch(s.machines);
    } else if (channel == u"telemetry" || channel == kEndpointRoom) {
        m_tiles.applyTelemetry(s.telemetry);
    } else if (channel == u"commands") {
        m_commands.applyBatch(s.commands);
        m_tiles.applyCommandStatus(s.commands);
    } else if (channel == u"alarms") {
        m_alarms.applyBatch(s.alarms);
    } else if (channel == u"health") {
        m_health.applyBatch(s.health);
    } else if (m_tiles.rowCount() == 0 && channel == u"tiles") {
        // These models only take whole lists; while they are empty that
        // removes nothing, afterwards they wait for a complete snapshot.
        m_tiles.reconcile(s.tiles);
    } else if (m_operators.rowCount() == 0 && channel == u"presence") {
        m_operators.reconcile(s.presence);
    }
}

void Session::onStateChanged(Domain::LinkState state)
{
    const bool live = m_connection->isLive();
    // What arrived before the link went live (a resume's replay, polled
    // events) is applied first: it is part of the state that becomes live.
    if (live)
        flush();
    // A link that sends no snapshots (plain, Socket.IO) confirms nothing of
    // what was known before it came (back): each entity stays stale until
    // the server speaks of it again, instead of all of it turning live.
    if (state == Domain::LinkState::Live && !m_connection->deliversSnapshots()) {
        m_drones.markUnconfirmed();
        m_machines.markUnconfirmed();
        m_tiles.markUnconfirmed();
        m_alarms.markUnconfirmed();
        m_commands.markUnconfirmed();
        m_operators.markUnconfirmed();
        m_health.markUnconfirmed();
    }
    m_drones.setLinkLive(live);
    m_machines.setLinkLive(live);
    m_tiles.setLinkLive(live);
    m_alarms.setLinkLive(live);
    m_commands.setLinkLive(live);
    m_operators.setLinkLive(live);
    m_health.setLinkLive(live);
    // After a resume the replay was applied just above; after a resync the
    // fresh snapshots came before the link went live.
    if (state == Domain::LinkState::Live && hasLiveData())
        Q_EMIT liveDataArrived();
}

void Session::refreshStaleness()
{
    m_drones.refreshStaleness();
    m_machines.refreshStaleness();
    m_tiles.refreshStaleness();
    m_alarms.refreshStaleness();
    m_commands.refreshStaleness();
    m_operators.refreshStaleness();
    m_health.refreshStaleness();
}

void Session::flush()
{
    m_flushTimer.stop();
    if (m_pending.events == 0)
        return;
    Pending p = std::exchange(m_pending, {});
    // Named before the batch changes the models: an acknowledgement that
    // clears its alarm would otherwise leave nothing to name it by.
    const ActivityTargets targets(&m_tiles, &m_alarms, &m_machines);
    for (Domain::UserActivity &activity : p.activity)
        activity.targetName = targets.name(activity.action, activity.target);
    m_drones.applyBatch(p.drones);
    if (!p.machines.isEmpty())
        m_machines.applyBatch(p.machines);
    if (!p.ticketsOpened.isEmpty())
        m_machines.applyMaintenanceAlerts(p.ticketsOpened);
    if (!p.ticketChanges.isEmpty())
        m_machines.applyTicketChanges(p.ticketChanges);
    if (!p.telemetry.isEmpty())
        m_tiles.applyTelemetry(p.telemetry);
    if (!p.commands.isEmpty()) {
        m_commands.applyBatch(p.commands);
        m_tiles.applyCommandStatus(p.commands);
    }
    if (!p.alarms.isEmpty())
        m_alarms.applyBatch(p.alarms);
    if (!p.health.isEmpty())
        m_health.applyBatch(p.health);
    if (p.presence)
        m_operators.reconcile(*p.presence);
    if (!p.presenceChanges.isEmpty())
        m_operators.applyPresenceChanges(p.presenceChanges);
    if (!p.activity.isEmpty()) {
        m_operators.applyActivity(p.activity);
        m_activity.applyBatch(p.activity);
    }
    Q_EMIT batchApplied(p.events, p.sendTimes);
    announceCounts();
}

bool Session::letGoUnconfirmed(const QString &alarmId)
{
    if (!m_alarms.isUnconfirmed(alarmId))
        return false;
    m_alarms.forget({alarmId});
    return true;
}
