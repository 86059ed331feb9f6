#pragma once

#include "alarmactions.h"
#include "alarmservice.h"
#include "config/connectionsettings.h"
#include "config/servertexts.h"
#include "config/sessionsettings.h"
#include "domain/link.h"
#include "model/activitymodel.h"
#include "model/alarmmodel.h"
#include "model/alarmrate.h"
#include "model/commandmodel.h"
#include "model/dronemodel.h"
#include "model/fleetbatteryhistory.h"
#include "model/machinemodel.h"
#include "model/operatormodel.h"
#include "model/plantsummary.h"
#include "model/serverhealthmodel.h"
#include "model/tilemodel.h"
#include "roomlease.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <array>
#include <memory>
#include <optional>

class ConnectionService;
class LinkStatus;
class StoreWorker;
namespace Protocol {
struct Message;
struct Snapshot;
} // namespace Protocol

// One console's view of one server: owns the connection and every model,
// subscribes to every channel, and routes typed messages into the models,
// batched so that each model changes at most once per frame. Snapshots are
// reconciled (new entities inserted, known ones updated, missing ones
// removed). Detail streams (rooms) are subscribed while a view holds a lease.
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // The link as the widgets may see it: state, figures, pause and retry.
    LinkStatus *link() const { return m_link.get(); }
    // The transport itself, for the services and for tests and tools that
    // link the net layer; widgets cannot (they see link()).
    ConnectionService *connection() const { return m_connection.get(); }
    DroneModel *drones() { return &m_drones; }
    MachineModel *machines() { return &m_machines; }
    TileModel *tiles() { return &m_tiles; }
    AlarmModel *alarms() { return &m_alarms; }
    CommandModel *commands() { return &m_commands; }
    OperatorModel *operators() { return &m_operators; }
    ActivityModel *activity() { return &m_activity; }
    ServerHealthModel *health() { return &m_health; }
    // The fleet's mean battery over time, sampled while the data is live.
    FleetBatteryHistory *fleetBattery() { return &m_fleetBattery; }
    // Never null. Without a store, actions go out while the link is live but
    // are not kept across a restart (AlarmService::keepsOfflineActions()).
    AlarmService *alarmService() { return m_alarmService.get(); }
    // What the views may do to alarms: forwards to whichever alarmService()
    // is current, so a view given it never sees openStore() replace it.
    AlarmActions *alarmActions() { return &m_alarmActions; }
    // The console's one alarm rate, which the alarms view and the Overview
    // both show: activations in the last ten minutes and per minute of the hour.
    AlarmRateMeter *alarmRate() { return &m_alarmRate; }
    // The plant's figures, kept current after each batch or snapshot.
    PlantSummary *summary() { return &m_summary; }
    // An alarm kept only because it waited for an acknowledgement when the
    // server stopped listing it (AlarmModel::isUnconfirmed) cannot be
    // acknowledged there: the operator's acknowledgement lets it go here.
    // True when `alarmId` was such an alarm and is gone; every way of
    // acknowledging asks this before it queues anything.
    bool letGoUnconfirmed(const QString &alarmId);

    // Opens the profile's database at `path` on a thread of its own (see
    // StoreWorker::opened() for the outcome), once per session. Actions a
    // previous run left pending go out once live. Replaces the alarm service
    // (alarmServiceChanged()).
    void openStore(const QString &path);
    // The profile's database, shared by everything that keeps something in
    // it; null until openStore().
    StoreWorker *store() const { return m_store.get(); }

    void setSettings(const ConnectionSettings &settings);
    void setSessionSettings(const SessionSettings &settings);
    const SessionSettings &sessionSettings() const { return m_settings; }
    // The profile's [texts]: the one place where what the server sends as
    // display text (the names of tiles, devices, endpoints and machines;
    // alarm and notice messages) becomes what the console shows, as each
    // message arrives, before any model, toast or log sees it. Applies to
    // what arrives from then on.
    void setServerTexts(const ServerTexts &texts) { m_texts = texts; }
    const ServerTexts &serverTexts() const { return m_texts; }
    void start();
    void stop();

    // True while the link is live and the models hold a complete state. The
    // connection is Live only once the snapshot of every subscribed channel
    // (whichever channels the profile names) is applied, or a resume's replay
    // is in; Polling only once the REST snapshot is. The session applies
    // what is pending before it turns the models live.
    bool hasLiveData() const;

    // How long updates wait to be applied together; one frame by default.
    void setBatchInterval(int ms);
    // Whether batchApplied() lists the server send time of every event
    // (for measuring latency; off by default, it costs memory).
    void setTrackSendTimes(bool on) { m_trackSendTimes = on; }

    PlantCounts counts() const { return m_summary.counts(); }
    // True while a snapshot is being reconciled: what the models report then
    // was already there when the console (re)connected, not news.
    bool isApplyingSnapshot() const { return m_applyingSnapshot; }

    // Rooms: a drone's build progress and computer health, one endpoint's
    // every sample. Held open while the returned lease lives.
    RoomLease joinDroneRoom(const QString &serial);
    RoomLease joinEndpointRoom(const QString &endpointId);
    // How many leases hold a room open (for views and tests).
    int roomUsers(const QString &channel, const QString &id) const { return m_roomUsers.value(channel + u'/' + id); }

Q_SIGNALS:
    // The first time (and every time after a reconnect) the link is live with
    // current data in the models.
    void liveDataArrived();
    // A batch of live events is now in the models: how many, and (with
    // setTrackSendTimes) the `ts` of each that carried one, in ms since the epoch.
    void batchApplied(int events, const QList<qint64> &sendTimesMs);
    // After a batch or snapshot changed what counts() returns (summary()'s countsChanged()).
    void countsChanged();
    // A notice for every operator (not an alarm: nothing to acknowledge).
    void systemAlertReceived(const Domain::SystemAlert &alert);
    // openStore() replaced alarmService().
    void alarmServiceChanged();

private:
    friend class RoomLease;
    struct TextTranslator;
    void onTranslatedMessage(const Protocol::Message &message);
    void enterRoom(const QString &channel, const QString &id);
    void leaveRoom(const QString &channel, const QString &id);

    void makeAlarmService();
    void onMessage(const Protocol::Message &message);
    bool queueEvent(const Protocol::Message &message);
    void applyPartialSnapshot(const Protocol::Snapshot &s);
    void applySnapshot(const Protocol::Snapshot &snapshot);
    void onStateChanged(Domain::LinkState state);
    void refreshStaleness();
    void flush();
    void announceCounts();

    std::unique_ptr<StoreWorker> m_store; // first: its jobs finish after everything else is gone
    std::unique_ptr<ConnectionService> m_connection;
    std::unique_ptr<LinkStatus> m_link; // after m_connection: goes before it
    std::unique_ptr<AlarmService> m_alarmService; // after m_connection: goes before it
    SessionSettings m_settings;
    ServerTexts m_texts;
    DroneModel m_drones;
    MachineModel m_machines;
    TileModel m_tiles;
    AlarmModel m_alarms;
    CommandModel m_commands;
    OperatorModel m_operators;
    ActivityModel m_activity;
    ServerHealthModel m_health;
    FleetBatteryHistory m_fleetBattery; // after m_drones, which it reads
    PlantSummary m_summary; // after the models it reads
    AlarmRateMeter m_alarmRate; // after m_alarms, which it follows
    AlarmActions m_alarmActions; // after m_alarms; follows m_alarmService

    // What arrived since the last flush, in arrival order.
    struct Pending
    {
        DroneModel::Batch drones;
        QList<Domain::MachineStatus> machines;
        QList<Domain::MaintenanceAlert> ticketsOpened;
        QList<Domain::TicketStatusChange> ticketChanges;
        QList<Domain::Telemetry> telemetry;
        QList<Domain::CommandStatus> commands;
        QList<Domain::Alarm> alarms;
        QList<Domain::ServerHealth> health;
        std::optional<QList<Domain::OperatorPresence>> presence; // the last whole list
        QList<Domain::PresenceChange> presenceChanges; // after it, in order
        QList<Domain::UserActivity> activity;
        int events = 0;
        QList<qint64> sendTimes;
    };
    struct EventQueuer;
    Pending m_pending;
    QTimer m_flushTimer;
    QTimer m_staleTimer; // re-evaluates which entities have gone quiet
    bool m_applyingSnapshot = false;
    bool m_trackSendTimes = false;
    QHash<QString, int> m_roomUsers; // "channel/id" → leases
};
