#include "alarmsound.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

using namespace std::chrono_literals;
using Domain::Alarm;
using Domain::AlarmSeverity;
using Domain::AlarmSourceKind;
using Domain::AlarmState;

namespace {

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC).addSecs(second);
}

Alarm alarm(const QString &id, AlarmSeverity severity = AlarmSeverity::Critical,
            AlarmState state = AlarmState::ActiveUnacked)
{
    Alarm a;
    a.alarmId = id;
    a.severity = severity;
    a.message = QStringLiteral("Motor overtemperature at ") + id;
    a.source = Domain::AlarmSource {AlarmSourceKind::Drone, QStringLiteral("DR-") + id};
    a.state = state;
    a.timestamp = at(0);
    return a;
}

Alarm inState(Alarm a, AlarmState state)
{
    a.state = state;
    if (state == AlarmState::ActiveAcked) {
        a.ackedBy = QStringLiteral("dana");
        a.ackedAt = at(5);
    }
    return a;
}

QStringList playedIds(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &args : spy)
        ids << args.at(0).toString();
    return ids;
}

} // namespace

// A real alarm model fed as the session feeds it, and the sound on a clock the
// test turns by hand.
class TestAlarmSound : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void criticalPlaysOnce();
    void repeatsAfterInterval();
    void acknowledgedStops();
    void clearedShelvedAndReturnedStop();
    void highNeverPlays();
    void mutedUntilMuteEnds();
    void a13_muteIgnoresStepsOfTheSystemClock();
    void unmute();
    void disabledPlaysNothing();
    void standingAlarmsCount();
    void chatteringDoesNotReplayAtOnce();
    void toneIsAValidWav();
    void timerChecksByItself();

private:
    std::unique_ptr<AlarmModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<AlarmSound> m_sound;
    QDateTime m_now;
};

void TestAlarmSound::init()
{
    m_model = std::make_unique<AlarmModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_now = at(0);
    m_sound = std::make_unique<AlarmSound>(m_model.get());
    m_sound->setClock([this] { return m_now; });
    // Unless a test steps the system clock, the two clocks run together.
    m_sound->setMonotonicClock([this] { return at(0).msecsTo(m_now); });
    m_sound->setEnabled(true);
}

void TestAlarmSound::cleanup()
{
    m_sound.reset();
    m_tester.reset();
    m_model.reset();
}

void TestAlarmSound::criticalPlaysOnce()
{
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    QCOMPARE(playedIds(played), QStringList {QStringLiteral("A1")});
    QCOMPARE(m_sound->soundingAlarms(), QStringList {QStringLiteral("A1")});
    // The same alarm updated (its count) and checks within the interval: silence.
    Alarm again = alarm(QStringLiteral("A1"));
    again.count = 2;
    m_model->applyBatch({again});
    m_now = at(30);
    m_sound->check();
    m_now = at(59);
    m_sound->check();
    QCOMPARE(played.size(), 1);
}

void TestAlarmSound::repeatsAfterInterval()
{
    m_sound->setRepeatInterval(20s);
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    QCOMPARE(played.size(), 1);
    m_now = at(19);
    m_sound->check();
    QCOMPARE(played.size(), 1);
    m_now = at(20);
    m_sound->check();
    QCOMPARE(played.size(), 2);
    m_now = at(25);
    // A second critical alarm plays at once; the first keeps its own rhythm.
    m_model->applyBatch({alarm(QStringLiteral("A2"))});
    QCOMPARE(playedIds(played), (QStringList {QStringLiteral("A1"), QStringLiteral("A1"), QStringLiteral("A2")}));
    m_now = at(40);
    m_sound->check();
    QCOMPARE(playedIds(played).mid(3), QStringList {QStringLiteral("A1")});
    m_now = at(45);
    m_sound->check();
    QCOMPARE(playedIds(played).mid(4), QStringList {QStringLiteral("A2")});
}

void TestAlarmSound::acknowledgedStops()
{
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    QCOMPARE(played.size(), 1);
    m_now = at(10);
    m_model->applyBatch({inState(alarm(QStringLiteral("A1")), AlarmState::ActiveAcked)});
    QVERIFY(m_sound->soundingAlarms().isEmpty());
    for (int s : {60, 120, 600}) {
        m_now = at(s);
        m_sound->check();
    }
    QCOMPARE(played.size(), 1);
}

void TestAlarmSound::clearedShelvedAndReturnedStop()
{
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    m_model->applyBatch({alarm(QStringLiteral("A1")), alarm(QStringLiteral("A2")), alarm(QStringLiteral("A3"))});
    QCOMPARE(played.size(), 3);
    m_now = at(10);
    m_model->applyBatch({inState(alarm(QStringLiteral("A1")), AlarmState::Cleared),
                         inState(alarm(QStringLiteral("A2")), AlarmState::Shelved),
                         inState(alarm(QStringLiteral("A3")), AlarmState::RtnUnacked)});
    QVERIFY(m_sound->soundingAlarms().isEmpty());
    m_now = at(300);
    m_sound->check();
    QCOMPARE(played.size(), 3);
    // A snapshot that no longer lists an alarm still waiting does not
    // silence it (nobody acknowledged it); the operator letting it go does.
    m_model->applyBatch({alarm(QStringLiteral("B1"))});
    QCOMPARE(played.size(), 4);
    m_model->reconcile({});
    QVERIFY(!m_sound->soundingAlarms().isEmpty());
    m_model->forget({QStringLiteral("B1")});
    QVERIFY(m_sound->soundingAlarms().isEmpty());
    m_now = at(900);
    m_sound->check();
    QCOMPARE(played.size(), 4);
}

void TestAlarmSound::highNeverPlays()
{
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    m_model->applyBatch({alarm(QStringLiteral("H1"), AlarmSeverity::High),
                         alarm(QStringLiteral("M1"), AlarmSeverity::Medium),
                         alarm(QStringLiteral("I1"), AlarmSeverity::Info)});
    for (int s : {0, 60, 120, 3600}) {
        m_now = at(s);
        m_sound->check();
    }
    QCOMPARE(played.size(), 0);
    QVERIFY(m_sound->soundingAlarms().isEmpty());
    // Raised to critical: now it sounds.
    m_model->applyBatch({alarm(QStringLiteral("H1"), AlarmSeverity::Critical)});
    QCOMPARE(playedIds(played), QStringList {QStringLiteral("H1")});
}

void TestAlarmSound::mutedUntilMuteEnds()
{
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    QSignalSpy muteChanged(m_sound.get(), &AlarmSound::muteChanged);
    m_sound->muteFor(5min);
    QCOMPARE(muteChanged.size(), 1);
    QVERIFY(m_sound->isMuted());
    QCOMPARE(m_sound->mutedUntil(), at(300));
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    for (int s : {60, 120, 299}) {
        m_now = at(s);
        m_sound->check();
    }
    QCOMPARE(played.size(), 0);
    m_now = at(300);
    m_sound->check();
    QCOMPARE(playedIds(played), QStringList {QStringLiteral("A1")});
    QVERIFY(!m_sound->isMuted());
    QVERIFY(!m_sound->mutedUntil().isValid());
    QCOMPARE(muteChanged.size(), 2);
}

void TestAlarmSound::a13_muteIgnoresStepsOfTheSystemClock()
{
    // The system clock is stepped (NTP, an operator) while the steady clock
    // runs on: a step forward must not end the mute early, a step back must
    // not stretch it.
    qint64 steadyMs = 0;
    m_sound->setMonotonicClock([&steadyMs] { return steadyMs; });
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    m_sound->muteFor(5min);
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    m_now = at(3 * 3600); // three hours forward, ten seconds later
    steadyMs = 10000;
    m_sound->check();
    QVERIFY(m_sound->isMuted());
    QCOMPARE(played.size(), 0);
    QCOMPARE(m_sound->mutedUntil(), at(3 * 3600 + 290)); // told in the new time of day
    m_now = at(-3600); // and back, past where it started
    steadyMs = 300000;
    m_sound->check();
    QVERIFY(!m_sound->isMuted());
    QCOMPARE(playedIds(played), QStringList {QStringLiteral("A1")});
    m_sound->setMonotonicClock({});
}

void TestAlarmSound::unmute()
{
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    QSignalSpy muteChanged(m_sound.get(), &AlarmSound::muteChanged);
    m_sound->muteFor(10min);
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    QCOMPARE(played.size(), 0);
    m_now = at(30);
    m_sound->unmute();
    QCOMPARE(muteChanged.size(), 2);
    QCOMPARE(playedIds(played), QStringList {QStringLiteral("A1")});
}

void TestAlarmSound::disabledPlaysNothing()
{
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    m_sound->setEnabled(false);
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    for (int s : {60, 120, 600}) {
        m_now = at(s);
        m_sound->check();
    }
    QCOMPARE(played.size(), 0);
    // Turned on while the alarm still waits: it sounds.
    m_sound->setEnabled(true);
    QCOMPARE(played.size(), 1);
}

void TestAlarmSound::standingAlarmsCount()
{
    // An alarm already in the model when the sound is set up sounds too.
    m_model->applyBatch({alarm(QStringLiteral("A1")), alarm(QStringLiteral("H1"), AlarmSeverity::High)});
    AlarmSound late(m_model.get());
    late.setClock([this] { return m_now; });
    late.setMonotonicClock([this] { return at(0).msecsTo(m_now); });
    QSignalSpy played(&late, &AlarmSound::played);
    QVERIFY(!late.isEnabled()); // off until the preferences turn it on
    late.check();
    QCOMPARE(played.size(), 0);
    late.setEnabled(true);
    QCOMPARE(playedIds(played), QStringList {QStringLiteral("A1")});
}

void TestAlarmSound::chatteringDoesNotReplayAtOnce()
{
    QSignalSpy played(m_sound.get(), &AlarmSound::played);
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    m_now = at(5);
    m_model->applyBatch({inState(alarm(QStringLiteral("A1")), AlarmState::RtnUnacked)});
    m_now = at(10);
    m_model->applyBatch({alarm(QStringLiteral("A1"))});
    QCOMPARE(played.size(), 1);
    m_now = at(60);
    m_sound->check();
    QCOMPARE(played.size(), 2);
}

void TestAlarmSound::toneIsAValidWav()
{
    const QByteArray wav = AlarmSound::toneWav();
    QVERIFY(wav.startsWith("RIFF"));
    QCOMPARE(wav.mid(8, 8), QByteArray("WAVEfmt "));
    const auto le32 = [&](int at) { return qFromLittleEndian<quint32>(wav.constData() + at); };
    const auto le16 = [&](int at) { return qFromLittleEndian<quint16>(wav.constData() + at); };
    QCOMPARE(le32(4), quint32(wav.size() - 8));
    QCOMPARE(le16(20), quint16(1)); // PCM
    QCOMPARE(le16(22), quint16(1)); // mono
    const quint32 rate = le32(24);
    QCOMPARE(le16(34), quint16(16));
    QCOMPARE(wav.mid(36, 4), QByteArray("data"));
    QCOMPARE(le32(40), quint32(wav.size() - 44));
    // Short: about a second, and not silence.
    const double seconds = double(wav.size() - 44) / (rate * 2);
    QVERIFY2(seconds > 0.5 && seconds < 1.5, qPrintable(QString::number(seconds)));
    qint16 peak = 0;
    for (int i = 44; i + 1 < wav.size(); i += 2)
        peak = qMax(peak, qint16(le16(i)));
    QVERIFY(peak > 8000);
}

void TestAlarmSound::timerChecksByItself()
{
    // The real clock and the sound's own timer: a repeat comes without check().
    AlarmModel model;
    AlarmSound sound(&model);
    sound.setEnabled(true);
    sound.setRepeatInterval(1s);
    QSignalSpy played(&sound, &AlarmSound::played);
    model.applyBatch({alarm(QStringLiteral("A1"))});
    QCOMPARE(played.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(played.size() >= 2, 5000);
    model.applyBatch({inState(alarm(QStringLiteral("A1")), AlarmState::ActiveAcked)});
    const qsizetype after = played.size();
    QTest::qWait(2500);
    QCOMPARE(played.size(), after);
}

QTEST_MAIN(TestAlarmSound)
#include "tst_alarmsound.moc"
