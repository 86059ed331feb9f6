#include "alarmsound.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QtEndian>

#ifdef WATCHFLOOR_HAVE_MULTIMEDIA
#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QUrl>
#endif

#include <cmath>
#include <numbers>

using Domain::Alarm;
using Domain::AlarmSeverity;
using Domain::AlarmState;

namespace {

constexpr int kSampleRate = 22050;

void appendLe16(QByteArray &out, quint16 v)
{
    const quint16 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

void appendLe32(QByteArray &out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

#ifdef WATCHFLOOR_HAVE_MULTIMEDIA
// The tone written once into the cache folder, where QSoundEffect can load it.
QString toneFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return {};
    const QString path = dir + QStringLiteral("/critical-alarm.wav");
    const QByteArray wav = AlarmSound::toneWav();
    QFile file(path);
    if (file.exists() && file.size() == wav.size())
        return path;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(wav) != wav.size())
        return {};
    return path;
}
#endif

} // namespace

AlarmSound::AlarmSound(AlarmModel *alarms, QObject *parent)
    : QObject(parent)
    , m_alarms(alarms)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_steady.start();
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &AlarmSound::check);
    if (alarms) {
        connect(alarms, &AlarmModel::alarmsChanged, this, &AlarmSound::onAlarmsChanged);
        // Alarms already standing when the sound is set up count as well.
        for (int row = 0; row < alarms->rowCount(); ++row)
            track(alarms->alarmAt(row));
    }
}

AlarmSound::~AlarmSound() = default;

void AlarmSound::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    check();
}

void AlarmSound::setRepeatInterval(std::chrono::seconds interval)
{
    m_repeatInterval = std::max(interval, std::chrono::seconds(1));
}

void AlarmSound::muteFor(std::chrono::minutes duration)
{
    m_mutedUntilMs = nowMs() + std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
    Q_EMIT muteChanged();
}

void AlarmSound::unmute()
{
    if (!m_mutedUntilMs)
        return;
    m_mutedUntilMs.reset();
    Q_EMIT muteChanged();
    check();
}

bool AlarmSound::isMuted() const
{
    return m_mutedUntilMs && nowMs() < *m_mutedUntilMs;
}

QDateTime AlarmSound::mutedUntil() const
{
    if (!m_mutedUntilMs)
        return {};
    return m_clock().addMSecs(std::max<qint64>(0, *m_mutedUntilMs - nowMs()));
}

void AlarmSound::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void AlarmSound::setMonotonicClock(std::function<qint64()> clock)
{
    m_monotonic = std::move(clock);
}

QStringList AlarmSound::soundingAlarms() const
{
    QStringList ids(m_sounding.cbegin(), m_sounding.cend());
    ids.sort();
    return ids;
}

void AlarmSound::onAlarmsChanged(const QList<Alarm> &changed)
{
    for (const Alarm &alarm : changed)
        track(alarm);
    check();
}

void AlarmSound::track(const Alarm &alarm)
{
    // Only a critical condition present and not yet acknowledged sounds; a
    // return to normal, an acknowledgement, clearing or shelving silence it.
    if (Domain::severityRank(alarm.severity) == 0 && alarm.state == AlarmState::ActiveUnacked) {
        m_sounding.insert(alarm.alarmId);
    } else {
        m_sounding.remove(alarm.alarmId);
    }
}

void AlarmSound::check()
{
    const qint64 now = nowMs();
    if (m_mutedUntilMs && now >= *m_mutedUntilMs) {
        m_mutedUntilMs.reset();
        Q_EMIT muteChanged();
    }
    if (!m_enabled || m_sounding.isEmpty()) {
        m_ticker.stop();
        return;
    }
    if (!m_ticker.isActive())
        m_ticker.start();
    if (m_mutedUntilMs)
        return;
    const qint64 intervalMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_repeatInterval).count();
    // Times older than the interval no longer hold anything back.
    m_lastPlayed.removeIf([&](const QHash<QString, qint64>::iterator &it) {
        return !m_sounding.contains(it.key()) && now - it.value() >= intervalMs;
    });
    QStringList due;
    for (const QString &id : std::as_const(m_sounding)) {
        const auto last = m_lastPlayed.constFind(id);
        if (last == m_lastPlayed.cend() || now - last.value() >= intervalMs) {
            m_lastPlayed.insert(id, now);
            due << id;
        }
    }
    if (due.isEmpty())
        return;
    due.sort();
    // One sound for all alarms due at once: several critical alarms must not
    // turn into a cacophony.
    playSound();
    for (const QString &id : std::as_const(due))
        Q_EMIT played(id);
}

void AlarmSound::playSound()
{
#ifdef WATCHFLOOR_HAVE_MULTIMEDIA
    // No audio device (a console without speakers, the offscreen tests): the
    // beep, which is silent there too, rather than a warning on every play.
    if (QMediaDevices::audioOutputs().isEmpty()) {
        QApplication::beep();
        return;
    }
    auto *effect = static_cast<QSoundEffect *>(m_player);
    if (!effect) {
        effect = new QSoundEffect(this);
        m_player = effect;
        const QString path = toneFile();
        if (!path.isEmpty())
            effect->setSource(QUrl::fromLocalFile(path));
    }
    // QSoundEffect plays asynchronously and stays silent without an audio
    // device; a tone that could not be written falls back to the beep.
    if (effect->source().isEmpty() || effect->status() == QSoundEffect::Error)
        QApplication::beep();
    else
        effect->play();
#else
    QApplication::beep();
#endif
}

QByteArray AlarmSound::toneWav()
{
    // Two tones, high then low, each with short ramps so they do not click.
    struct Tone
    {
        double hz;
        double seconds;
    };
    const Tone tones[]
        = {{880.0, 0.22}, {0.0, 0.04}, {660.0, 0.22}, {0.0, 0.04}, {880.0, 0.22}, {0.0, 0.04}, {660.0, 0.22}};
    QByteArray pcm;
    for (const Tone &tone : tones) {
        const int samples = int(tone.seconds * kSampleRate);
        const int ramp = kSampleRate / 200; // 5 ms
        for (int i = 0; i < samples; ++i) {
            double v = 0.0;
            if (tone.hz > 0) {
                const double envelope = std::min({1.0, double(i) / ramp, double(samples - 1 - i) / ramp});
                v = 0.5 * envelope * std::sin(2 * std::numbers::pi * tone.hz * i / kSampleRate);
            }
            appendLe16(pcm, quint16(qint16(std::lround(v * 32767))));
        }
    }
    QByteArray wav;
    wav.append("RIFF");
    appendLe32(wav, quint32(36 + pcm.size()));
    wav.append("WAVE");
    wav.append("fmt ");
    appendLe32(wav, 16); // the size of this chunk
    appendLe16(wav, 1); // PCM
    appendLe16(wav, 1); // mono
    appendLe32(wav, kSampleRate);
    appendLe32(wav, kSampleRate * 2); // bytes per second
    appendLe16(wav, 2); // bytes per frame
    appendLe16(wav, 16); // bits per sample
    wav.append("data");
    appendLe32(wav, quint32(pcm.size()));
    wav.append(pcm);
    return wav;
}
