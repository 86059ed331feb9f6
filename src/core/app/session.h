#pragma once

#include "alarmservice.h"
#include "model/dronemodel.h"
#include "net/connectionservice.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

// One console's view of one server: owns the connection and the models,
// declares what to subscribe to, and routes typed events into the models in
// batches of at most one per frame.
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(QObject *parent = nullptr);

    ConnectionService *connection() { return &m_connection; }
    DroneModel *drones() { return &m_drones; }
    // Null until a store is set: acknowledgements need the outbox.
    AlarmService *alarms() { return m_alarms.get(); }

    // The profile's open store, not owned; it must outlive the session or be
    // replaced first. Actions a previous run left pending go out once live.
    void setStore(LocalStore *store);

    void setSettings(const ConnectionSettings &settings) { m_connection.setSettings(settings); }
    void start() { m_connection.start(); }
    void stop() { m_connection.stop(); }

    // True while the link is live and the models hold a complete state: a
    // snapshot was applied, and since then every event in order (a resumed
    // link replays what it missed).
    bool hasLiveData() const
    {
        return m_connection.isLive() && (m_snapshotApplied || !m_connection.deliversSnapshots());
    }

    // How long updates wait to be applied together; one frame by default.
    void setBatchInterval(int ms) { m_flushTimer.setInterval(ms); }
    // Whether batchApplied() lists the server send time of every event
    // (for measuring latency; off by default, it costs memory).
    void setTrackSendTimes(bool on) { m_trackSendTimes = on; }

Q_SIGNALS:
    // The first time (and every time after a reconnect) the link is live with
    // current data in the models.
    void liveDataArrived();
    // A batch of live events is now in the models: how many, and (with
    // setTrackSendTimes) the `ts` of each that carried one, in ms since the epoch.
    void batchApplied(int events, const QList<qint64> &sendTimesMs);

private:
    void onMessage(const Protocol::Message &message);
    void onStateChanged(ConnectionService::State state);
    void flush();

    ConnectionService m_connection;
    std::unique_ptr<AlarmService> m_alarms; // after m_connection: goes before it
    DroneModel m_drones;
    QHash<QString, Protocol::DroneStatus> m_pendingDrones;
    QTimer m_flushTimer;
    QTimer m_staleTimer; // re-evaluates which entities have gone quiet
    bool m_snapshotApplied = false;
    bool m_trackSendTimes = false;
    int m_pendingEvents = 0;
    QList<qint64> m_pendingSendTimes;
};
