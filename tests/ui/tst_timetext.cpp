// The words of time in the tables: a moment (TimeText) and an age (AgeText),
// and the last-update column that picks one of them by staleness.
#include "agetext.h"
#include "statustabledelegate.h"
#include "timetext.h"

#include <QLocale>
#include <QTest>

namespace {

// Exposes the protected rule of the last-update column.
class LastSeen : public StatusTableDelegate
{
public:
    using StatusTableDelegate::lastSeenText;
};

} // namespace

class TestTimeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void noMomentIsEmpty()
    {
        QVERIFY(TimeText::of({}).isEmpty());
        QVERIFY(TimeText::compact({}).isEmpty());
    }

    void todayIsTheTimeOfDayInLocalTime()
    {
        // A UTC moment is shown in the console's zone; no date today.
        const QDateTime utc = QDateTime(QDate::currentDate(), QTime(12, 34, 56)).toUTC();
        QCOMPARE(TimeText::of(utc), QStringLiteral("12:34:56"));
        QCOMPARE(TimeText::compact(utc), QStringLiteral("12:34:56"));
    }

    void anotherDayCarriesTheDate()
    {
        // An old moment never passes for today's.
        const QDateTime then = QDateTime::currentDateTime().addDays(-3);
        const QString time = then.time().toString(QStringLiteral("HH:mm:ss"));
        const QString date = QLocale().toString(then.date(), QLocale::ShortFormat);
        QCOMPARE(TimeText::of(then), date + u' ' + time);
        QCOMPARE(TimeText::compact(then), QLocale().toString(then, QStringLiteral("dd MMM HH:mm")));
    }

    void agesHaveTwoUnitsAtMost()
    {
        QCOMPARE(AgeText::format(-1), QString());
        QCOMPARE(AgeText::format(999), QStringLiteral("0 s"));
        QCOMPARE(AgeText::format(130'000), QStringLiteral("2 min 10 s"));
        QCOMPARE(AgeText::format(3'600'000), QStringLiteral("1 h"));
        QCOMPARE(AgeText::format(3'900'000 + 59'000), QStringLiteral("1 h 5 min"));
        QCOMPARE(AgeText::format((3 * 24 + 2) * 3'600'000LL), QStringLiteral("3 d 2 h"));
        QCOMPARE(AgeText::stale(45'000), QStringLiteral("stale · 45 s"));
    }

    void briefAgesHaveOneUnit()
    {
        QCOMPARE(AgeText::brief(-1), QString());
        QCOMPARE(AgeText::brief(999), QStringLiteral("0 s"));
        QCOMPARE(AgeText::brief(59'999), QStringLiteral("59 s"));
        QCOMPARE(AgeText::brief(130'000), QStringLiteral("2 min"));
        QCOMPARE(AgeText::brief(3'900'000), QStringLiteral("1 h"));
        QCOMPARE(AgeText::brief((3 * 24 + 23) * 3'600'000LL), QStringLiteral("3 d"));
        QCOMPARE(AgeText::staleBrief(130'000), QStringLiteral("stale · 2 min"));
    }

    void lastUpdateIsAnAgeWhenStaleAndATimeWhenLive()
    {
        const QDateTime at = QDateTime::currentDateTime().addDays(-1);
        QCOMPARE(LastSeen::lastSeenText(true, 130'000, at), QStringLiteral("stale · 2 min 10 s"));
        QCOMPARE(LastSeen::lastSeenText(false, 130'000, at), TimeText::of(at));
    }
};

QTEST_MAIN(TestTimeText)
#include "tst_timetext.moc"
