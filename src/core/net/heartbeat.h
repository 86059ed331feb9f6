#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Keeps watch over a link's signs of life. It owns the heartbeat timer
// (beat() once a period: the owner pings) and the silence check (silent()
// once two periods pass with nothing heard(); it fires when they are over,
// not at the next beat). Periods are capped, so a server that names an hour
// cannot keep a dead link "live" for one. Does not touch the socket. Lives
// on its owner's thread.
class Heartbeat : public QObject
{
    Q_OBJECT

public:
    explicit Heartbeat(int maxPeriodMs, QObject *parent = nullptr);

    // (Re)starts with `periodMs`, clamped to 1 ms .. the cap.
    void start(int periodMs);
    void stop();
    // Something came from the server: the link is alive now.
    void heard() { m_lastHeard.start(); }
    // The period in use (0 before the first start()).
    int periodMs() const { return m_beat.interval(); }

Q_SIGNALS:
    void beat();
    // Nothing heard for `silentMs`, two periods or more.
    void silent(qint64 silentMs);

private:
    void armSilenceCheck();
    void checkSilence();

    int m_maxPeriodMs;
    QTimer m_beat;
    QTimer m_silence;
    QElapsedTimer m_lastHeard;
};
