#include "model/orphanbuffer.h"

#include <QTest>

using Domain::Telemetry;

namespace {

Telemetry telemetry(const QString &endpointId, double value)
{
    Telemetry t;
    t.endpointId = endpointId;
    t.value = value;
    return t;
}

double valueOf(const OrphanBuffer::Entry &entry)
{
    return std::get<double>(entry.telemetry.value);
}

} // namespace

// Telemetry for endpoints the panel does not list yet.
class TestOrphanBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheLatestPerEndpoint();
    void aLostSourceWithoutValueKeepsTheLastValue();
    void dropsThoseKeptLongestPastItsCapacity();
    void takeHandsOverOnce();
    void manyTakenEndpointsDoNotShortenTheLine();
};

void TestOrphanBuffer::keepsTheLatestPerEndpoint()
{
    OrphanBuffer buffer(4);
    const QDateTime first = QDateTime::currentDateTimeUtc();
    buffer.keep(telemetry(QStringLiteral("X"), 1.0), first, 10);
    buffer.keep(telemetry(QStringLiteral("X"), 2.0), first.addSecs(1), 20);
    QCOMPARE(buffer.size(), 1);
    const auto kept = buffer.take(QStringLiteral("X"));
    QVERIFY(kept);
    QCOMPARE(valueOf(*kept), 2.0);
    QCOMPARE(kept->arrivedUtc, first.addSecs(1));
    QCOMPARE(kept->arrivedMs, qint64(20));
}

void TestOrphanBuffer::aLostSourceWithoutValueKeepsTheLastValue()
{
    OrphanBuffer buffer(4);
    const QDateTime first = QDateTime::currentDateTimeUtc();
    Telemetry reading = telemetry(QStringLiteral("X"), 1.0);
    reading.timestamp = first;
    buffer.keep(reading, first, 10);
    Telemetry lost;
    lost.endpointId = QStringLiteral("X");
    lost.quality = Domain::Quality::Stale;
    lost.qualityReason = QStringLiteral("device offline");
    lost.timestamp = first.addSecs(5);
    buffer.keep(lost, first.addSecs(5), 20);
    const auto kept = buffer.take(QStringLiteral("X"));
    QVERIFY(kept);
    QCOMPARE(kept->telemetry.quality, Domain::Quality::Stale);
    QCOMPARE(kept->telemetry.qualityReason, QStringLiteral("device offline"));
    QCOMPARE(valueOf(*kept), 1.0);
    QCOMPARE(kept->telemetry.timestamp, first); // the value's time, not the marker's
}

void TestOrphanBuffer::dropsThoseKeptLongestPastItsCapacity()
{
    OrphanBuffer buffer(3);
    for (const char *id : {"A", "B", "C"})
        buffer.keep(telemetry(QString::fromLatin1(id), 1.0), {}, 0);
    // A newer value of A does not make A younger.
    buffer.keep(telemetry(QStringLiteral("A"), 5.0), {}, 0);
    buffer.keep(telemetry(QStringLiteral("D"), 1.0), {}, 0);
    QCOMPARE(buffer.size(), 3);
    QVERIFY(!buffer.contains(QStringLiteral("A")));
    for (const char *id : {"B", "C", "D"})
        QVERIFY2(buffer.contains(QString::fromLatin1(id)), id);
}

void TestOrphanBuffer::takeHandsOverOnce()
{
    OrphanBuffer buffer(3);
    buffer.keep(telemetry(QStringLiteral("A"), 1.0), {}, 0);
    QVERIFY(buffer.take(QStringLiteral("A")));
    QVERIFY(!buffer.take(QStringLiteral("A")));
    QVERIFY(!buffer.take(QStringLiteral("never")));
    QCOMPARE(buffer.size(), 0);
}

void TestOrphanBuffer::manyTakenEndpointsDoNotShortenTheLine()
{
    // Endpoints kept and taken again and again leave their places in line
    // behind; those must not push out what is still kept.
    OrphanBuffer buffer(3);
    buffer.keep(telemetry(QStringLiteral("keep-1"), 1.0), {}, 0);
    buffer.keep(telemetry(QStringLiteral("keep-2"), 2.0), {}, 0);
    for (int i = 0; i < 50; ++i) {
        const QString id = QStringLiteral("T%1").arg(i);
        buffer.keep(telemetry(id, double(i)), {}, 0);
        QVERIFY(buffer.take(id));
    }
    QCOMPARE(buffer.size(), 2);
    QVERIFY(buffer.contains(QStringLiteral("keep-1")));
    QVERIFY(buffer.contains(QStringLiteral("keep-2")));
    buffer.keep(telemetry(QStringLiteral("new"), 3.0), {}, 0);
    buffer.keep(telemetry(QStringLiteral("newer"), 4.0), {}, 0);
    QVERIFY(!buffer.contains(QStringLiteral("keep-1")));
    QVERIFY(buffer.contains(QStringLiteral("keep-2")));
    QCOMPARE(buffer.size(), 3);
}

QTEST_GUILESS_MAIN(TestOrphanBuffer)
#include "tst_orphanbuffer.moc"
