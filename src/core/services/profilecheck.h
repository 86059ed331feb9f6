#pragma once

#include "config/profile.h"
#include "session.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>

// What `watchfloor --check-profile` does: with a validated profile, connect,
// authenticate, subscribe, wait for the snapshots and measure a round trip,
// then tell in one screen what the console would see. The first thing an
// administrator runs on a new workstation. Nothing is written: no local
// database, no preferences.
class ProfileCheck : public QObject
{
    Q_OBJECT

public:
    enum class Step { Connect, Authenticate, Snapshots, RoundTrip };
    Q_ENUM(Step)

    struct StepResult
    {
        Step step;
        bool ok = false;
        QString detail;
    };

    struct Report
    {
        bool ok = false;
        QList<StepResult> steps; // in order, up to the first that failed
        QUrl server;
        QString serverName;
        QString dialect;
        QString role;
        qint64 liveAfterMs = -1;
        qint64 roundTripMs = -1; // WebSocket ping to pong; -1: not measured
        QList<std::pair<QString, int>> entities; // channel, count
        int unacknowledged = 0;
        int unacknowledgedCritical = 0;
        int unacknowledgedHigh = 0; // high or above
    };

    explicit ProfileCheck(const Profile &profile, QObject *parent = nullptr);

    // Gives up on the step under way after `timeoutMs`.
    void start(int timeoutMs);
    const Report &report() const { return m_report; }

    // The report as the administrator reads it, one line per fact.
    static QString format(const Profile &profile, const Report &report);
    static QString stepName(Step step);

Q_SIGNALS:
    void finished(bool ok);

private:
    void onStateChanged(Domain::LinkState state);
    void onLive();
    void measureRoundTrip();
    void pass(Step step, const QString &detail);
    void fail(Step step, const QString &detail);
    void finish(bool ok);
    Step pendingStep() const;

    Profile m_profile;
    Session m_session;
    Report m_report;
    QElapsedTimer m_clock;
    QTimer m_timeout;
    bool m_connected = false;
    bool m_done = false;
};
