#include "model/metrichistory.h"

#include <QDateTime>
#include <QTest>

// Bounded histories of entity metrics, and their time base.
class TestMetricHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTimesAndValuesInOrder();
    void a20_oneBadTimestampCannotFlattenTheTrends_data();
    void a20_oneBadTimestampCannotFlattenTheTrends();
    void boundedPerSeries();
};

void TestMetricHistory::keepsTimesAndValuesInOrder()
{
    MetricHistory h;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 5; ++i)
        h.append(QStringLiteral("D-1"), 0, t0 + i * 1000, i * 1.5);
    const QList<MetricHistory::Sample> s = h.series(QStringLiteral("D-1"), 0);
    QCOMPARE(s.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(qAbs(s.at(i).timeMs - (t0 + i * 1000)) < 10);
        QCOMPARE(s.at(i).value, i * 1.5);
    }
}

void TestMetricHistory::a20_oneBadTimestampCannotFlattenTheTrends_data()
{
    QTest::addColumn<qint64>("badMs");
    QTest::newRow("1970") << qint64(0);
    QTest::newRow("two years before") << QDateTime::currentMSecsSinceEpoch() - 2 * 365LL * 24 * 3600 * 1000;
    QTest::newRow("far future") << QDateTime::currentDateTimeUtc().addYears(30).toMSecsSinceEpoch();
}

void TestMetricHistory::a20_oneBadTimestampCannotFlattenTheTrends()
{
    // The very first sample of the run comes with a bad date; every series
    // after it must still spread over time.
    QFETCH(qint64, badMs);
    MetricHistory h;
    h.append(QStringLiteral("D-bad"), 0, badMs, 50.0);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 10; ++i) {
        h.append(QStringLiteral("D-1"), 0, t0 + i * 5000, 100.0 - i);
        h.append(QStringLiteral("D-2"), 1, t0 + i * 5000, double(i));
    }
    for (const auto &[entity, metric] : {std::pair {QStringLiteral("D-1"), 0}, std::pair {QStringLiteral("D-2"), 1}}) {
        const QList<MetricHistory::Sample> s = h.series(entity, metric);
        QCOMPARE(s.size(), 10);
        for (int i = 0; i < 10; ++i)
            QVERIFY2(qAbs(s.at(i).timeMs - (t0 + i * 5000)) < 10,
                     qPrintable(QStringLiteral("%1 sample %2 at %3, sent %4")
                                    .arg(entity)
                                    .arg(i)
                                    .arg(s.at(i).timeMs)
                                    .arg(t0 + i * 5000)));
    }
    // The bad sample itself is kept, at about when it arrived.
    const QList<MetricHistory::Sample> bad = h.series(QStringLiteral("D-bad"), 0);
    QCOMPARE(bad.size(), 1);
    QVERIFY(qAbs(bad.first().timeMs - t0) < 60'000);
    QCOMPARE(bad.first().value, 50.0);
}

void TestMetricHistory::boundedPerSeries()
{
    MetricHistory h(4);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 10; ++i)
        h.append(QStringLiteral("M-1"), 2, t0 + i, double(i));
    QCOMPARE(h.sampleCount(QStringLiteral("M-1"), 2), 4);
    QCOMPARE(h.series(QStringLiteral("M-1"), 2).constFirst().value, 6.0);
    h.removeEntity(QStringLiteral("M-1"));
    QCOMPARE(h.seriesCount(), 0);
}

QTEST_GUILESS_MAIN(TestMetricHistory)
#include "tst_metrichistory.moc"
