#pragma once

#include "gatewaysession.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

class PlantSource;

// The load mode of the reference server (`--load-rate N`): besides what the
// plant source does, a steady stream of N events per second of wall time, to every
// session that follows drones, machines or telemetry. The events are valid
// live updates of the source's own entities (drone `status`, machine status,
// telemetry of real endpoints), spread over the entities a session follows in
// proportion to their numbers, sent as `batch` frames every few
// milliseconds. Each event has the session's next `seq` and `ts` = send time.
//
// It has to outrun the console it measures, so it writes JSON text straight
// from templates rendered once per entity with the numbers patched in, and
// keeps nothing for replay: GatewaySession::skip() numbers the events, and a
// console that resumes across them is told `resync_required`.
class GatewayLoadGen : public QObject
{
    Q_OBJECT

public:
    explicit GatewayLoadGen(const PlantSource &source, quint32 seed, QObject *parent = nullptr);
    ~GatewayLoadGen() override;

    // Events per second to each session; 0 stops. A new rate starts a new count.
    void setRate(double eventsPerSecond);
    double rate() const { return m_rate; }
    // How often frames go out (default 5 ms).
    void setFrameInterval(int ms) { m_timer.setInterval(ms); }

    // Renders the next `count` events for `session` (numbering them there)
    // as one or more batch frames, each handed to `send`, and returns how
    // many. None when the session follows none of the load's channels.
    int feed(GatewaySession &session, int count, const std::function<void(const QByteArray &)> &send);
    // Forgets the streams of sessions not in `alive`.
    void retain(const QList<const GatewaySession *> &alive);

    // Events of one frame at most; more go out as several frames.
    static constexpr int kMaxEventsPerFrame = 2000;

Q_SIGNALS:
    // Time for the next frames: `events` are due for every session.
    void due(int events);

private:
    struct Entity;
    struct Stream
    {
        QList<GatewaySession::Subscription> subscriptions; // what `order` was made for
        std::vector<int> order; // indices into m_entities
        size_t next = 0;
    };

    void onTimer();
    void loadEntities();
    void buildStream(const GatewaySession &session, Stream &stream) const;
    void render(Entity &entity, quint64 seq, QByteArray &out);
    quint32 random();

    const PlantSource &m_source;
    quint32 m_state;
    std::vector<Entity> m_entities; // drones, machines, endpoints, in a shuffled order
    bool m_loaded = false;
    QHash<const GatewaySession *, Stream> m_streams;
    double m_rate = 0.0;
    QTimer m_timer;
    QElapsedTimer m_clock; // since the rate was set
    qint64 m_generated = 0; // events due since then, per session
    // Rendered once per frame: every event of a frame shares them.
    QByteArray m_tsText;
    QByteArray m_timestampText;
};
