#pragma once

#include "model/alarmmodel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

// The optional sound for critical alarms. Sounds when a critical alarm becomes
// active and unacknowledged, and again for the same alarm no more often than
// the repeat interval while it stays so; stops once it is acknowledged,
// returns to normal, is cleared or shelved. One click mutes it for a while.
//
// Off until setEnabled(true): the operator's preferences turn it on. Plays a
// short two-tone sound through Qt Multimedia when the build has it, otherwise
// the desktop's beep; with no audio device it stays silent, never fails.
class AlarmSound : public QObject
{
    Q_OBJECT

public:
    explicit AlarmSound(AlarmModel *alarms, QObject *parent = nullptr);
    ~AlarmSound() override;

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    void setRepeatInterval(std::chrono::seconds interval);
    std::chrono::seconds repeatInterval() const { return m_repeatInterval; }

    void muteFor(std::chrono::minutes duration);
    void unmute();
    bool isMuted() const;
    // When the mute ends, as a time of day to show and store (UTC); invalid
    // when not muted. The mute itself runs on a monotonic clock: a step of
    // the system clock neither ends it early nor stretches it.
    QDateTime mutedUntil() const;

    // The time of day mutedUntil() is told in; the system clock (UTC) unless a test sets its own.
    void setClock(std::function<QDateTime()> clock);
    // The monotonic time (ms) the mute and the repeat interval are counted
    // on; a steady clock unless a test sets its own.
    void setMonotonicClock(std::function<qint64()> clock);

    // Critical alarms waiting for an acknowledgement, which the sound is about.
    QStringList soundingAlarms() const;

    // A short two-tone sound as a WAV file (16-bit mono PCM), made here.
    static QByteArray toneWav();

public Q_SLOTS:
    // Plays for every sounding alarm that is due; runs every second while
    // one is sounding, and at once when the alarms change.
    void check();

Q_SIGNALS:
    void played(const QString &alarmId);
    void muteChanged();

private:
    void onAlarmsChanged(const QList<Domain::Alarm> &changed);
    void track(const Domain::Alarm &alarm);
    void playSound();

    qint64 nowMs() const { return m_monotonic ? m_monotonic() : m_steady.elapsed(); }

    QPointer<AlarmModel> m_alarms;
    std::function<QDateTime()> m_clock;
    std::function<qint64()> m_monotonic;
    QElapsedTimer m_steady;
    QSet<QString> m_sounding; // critical, active, unacknowledged
    // When each alarm last sounded (monotonic ms), kept past its
    // acknowledgement too, so a chattering alarm raised again at once does
    // not sound again at once.
    QHash<QString, qint64> m_lastPlayed;
    std::optional<qint64> m_mutedUntilMs; // monotonic
    std::chrono::seconds m_repeatInterval {60};
    bool m_enabled = false;
    QTimer m_ticker;
    // A QSoundEffect, made on first use, when built with Qt Multimedia. Not
    // named here: the header must read the same with and without it.
    QObject *m_player = nullptr;
};
