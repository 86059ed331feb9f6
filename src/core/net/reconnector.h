#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <functional>

// Decides when the next attempt to reach the server is made: exponential
// backoff with full jitter, i.e. a wait drawn uniformly from 0 up to a
// ceiling that doubles with each attempt (base, 2 base, 4 base, ...) but
// never passes the cap, so consoles that lost the same server do not return
// in lockstep. It owns the attempt count, the retry timer (retryDue() when
// the wait is over) and the stability timer (stable() once a link has stayed
// up long enough for the count to start over); it does not connect anything
// itself. The random source is injectable. Lives on its owner's thread.
class Reconnector : public QObject
{
    Q_OBJECT

public:
    // A uniformly random number in [0, bound).
    using RandomSource = std::function<qint64(qint64 bound)>;

    // Without a source: QRandomGenerator::global().
    explicit Reconnector(QObject *parent = nullptr, RandomSource random = {});

    void setBackoff(int baseMs, qint64 capMs);
    // The longest wait before attempt `attempt` + 1 (attempt counts from 0).
    static qint64 ceilingFor(int attempt, int baseMs, qint64 capMs);

    // Attempts made since the count last started over.
    int attempt() const { return m_attempt; }
    void resetAttempts() { m_attempt = 0; }
    // Whether `maxAttempts` (0: no limit) have all been made.
    bool exhausted(int maxAttempts) const { return maxAttempts > 0 && m_attempt >= maxAttempts; }

    // Draws the wait before the next attempt, counts that attempt and starts
    // the timer; returns the wait in ms.
    qint64 schedule();
    void cancel() { m_retryTimer.stop(); }
    bool isWaiting() const { return m_retryTimer.isActive(); }
    // Milliseconds until retryDue(), or -1 while not waiting.
    qint64 msUntilRetry() const;

    // A link went live / was lost: stable() follows after `ms` of it staying up.
    void startStableClock(int ms) { m_stableTimer.start(ms); }
    void stopStableClock() { m_stableTimer.stop(); }

Q_SIGNALS:
    void retryDue();
    void stable();

private:
    RandomSource m_random;
    int m_baseMs = 500; // ConnectionSettings' defaults until setBackoff()
    qint64 m_capMs = 5000;
    int m_attempt = 0;
    QTimer m_retryTimer;
    QTimer m_stableTimer;
    QDeadlineTimer m_retryDeadline;
};
