#include "session.h"

#include <utility>

Session::Session(QObject *parent)
    : QObject(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(33);
    connect(&m_flushTimer, &QTimer::timeout, this, &Session::flush);
    connect(&m_connection, &ConnectionService::messageReceived, this, &Session::onMessage);
    connect(&m_connection, &ConnectionService::stateChanged, this, &Session::onStateChanged);
    m_connection.setSubscriptions({QStringLiteral("drones")});
    m_staleTimer.setInterval(1000);
    connect(&m_staleTimer, &QTimer::timeout, &m_drones, &DroneModel::refreshStaleness);
    m_staleTimer.start();
    m_drones.setLinkLive(false); // nothing is live before the first connection
}

void Session::setStore(LocalStore *store)
{
    m_alarms.reset();
    if (store)
        m_alarms = std::make_unique<AlarmService>(&m_connection, store);
}

void Session::onMessage(const Protocol::Message &message)
{
    if (const auto *update = std::get_if<Protocol::DroneStatusUpdate>(&message.body)) {
        // Reports arriving within one frame for the same drone collapse into
        // the newest; the model sees one change per drone per frame.
        m_pendingDrones.insert(update->status.serial, update->status);
        ++m_pendingEvents;
        if (m_trackSendTimes && message.ts)
            m_pendingSendTimes.append(*message.ts);
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    } else if (const auto *snapshot = std::get_if<Protocol::Snapshot>(&message.body)) {
        if (snapshot->channel == u"drones") {
            // Everything pending predates the snapshot, which supersedes it.
            m_pendingDrones.clear();
            m_pendingEvents = 0;
            m_pendingSendTimes.clear();
            m_flushTimer.stop();
            m_drones.reconcile(snapshot->drones);
            m_snapshotApplied = true;
        }
    }
}

void Session::onStateChanged(ConnectionService::State state)
{
    m_drones.setLinkLive(m_connection.isLive());
    // After a resume the models are current again once the replay is applied,
    // which happens in order right behind the resume's answer; after a resync
    // the fresh snapshots came before the link went live.
    if (state == ConnectionService::State::Live && hasLiveData())
        Q_EMIT liveDataArrived();
}

void Session::flush()
{
    if (m_pendingDrones.isEmpty())
        return;
    const QList<Protocol::DroneStatus> batch = m_pendingDrones.values();
    m_pendingDrones.clear();
    m_drones.applyBatch(batch);
    const int events = std::exchange(m_pendingEvents, 0);
    Q_EMIT batchApplied(events, std::exchange(m_pendingSendTimes, {}));
}
