#include "config/preferences.h"
#include "config/profile.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Domain::AlarmSeverity;

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaults();
    void roundTrip();
    void profilesAreIndependent();
    void garbageFallsBack_data();
    void garbageFallsBack();
    void profileDefaultsWhenNothingStored();
    void unmuteOverridesNothing();
    void toastThresholdAndMute();

private:
    static Preferences changed();
    QTemporaryDir m_dir;
};

void TestPreferences::initTestCase()
{
    // A scratch settings file: never the operator's real preferences.
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("WatchfloorTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QVERIFY(QSettings().fileName().startsWith(m_dir.path()));
}

void TestPreferences::init()
{
    QSettings().clear();
}

Preferences TestPreferences::changed()
{
    Preferences p;
    p.toastThreshold = AlarmSeverity::Critical;
    p.sound = true;
    p.soundRepeatSeconds = 15;
    p.desktopNotifications = false;
    p.mutedUntil = QDateTime(QDate(2026, 11, 22), QTime(23, 40, 5, 120), Qt::UTC);
    p.theme = ThemeMode::Dark;
    p.liveUpdates = false;
    return p;
}

void TestPreferences::defaults()
{
    const Preferences p;
    QCOMPARE(p.toastThreshold, AlarmSeverity::Medium);
    QCOMPARE(p.sound, false);
    QCOMPARE(p.soundRepeatSeconds, 60);
    QCOMPARE(p.desktopNotifications, true);
    QVERIFY(!p.mutedUntil.isValid());
    QCOMPARE(p.theme, ThemeMode::Light);
    QCOMPARE(p.liveUpdates, true);
    QCOMPARE(Preferences::load(QStringLiteral("never-saved")), Preferences());
}

void TestPreferences::roundTrip()
{
    const Preferences saved = changed();
    QVERIFY(saved != Preferences());
    saved.save(QStringLiteral("plant"));
    const Preferences loaded = Preferences::load(QStringLiteral("plant"));
    QCOMPARE(loaded, saved);
    QCOMPARE(loaded.mutedUntil.timeSpec(), Qt::UTC);
    QCOMPARE(loaded.mutedUntil, saved.mutedUntil);

    // Severity is stored as its wire word, readable by a person editing the file.
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("preferences/plant/toast-threshold")).toString(),
             QStringLiteral("critical"));
    QCOMPARE(settings.value(QStringLiteral("preferences/plant/theme")).toString(), QStringLiteral("dark"));

    // Every severity survives the trip.
    for (const AlarmSeverity s : {AlarmSeverity::Critical, AlarmSeverity::High, AlarmSeverity::Medium,
                                  AlarmSeverity::Low, AlarmSeverity::Info}) {
        Preferences p;
        p.toastThreshold = s;
        p.save(QStringLiteral("plant"));
        QCOMPARE(Preferences::load(QStringLiteral("plant")).toastThreshold, s);
    }
}

void TestPreferences::profilesAreIndependent()
{
    Preferences night = changed();
    night.save(QStringLiteral("night"));
    Preferences day;
    day.sound = true;
    day.save(QStringLiteral("day"));
    QCOMPARE(Preferences::load(QStringLiteral("night")), night);
    QCOMPARE(Preferences::load(QStringLiteral("day")), day);
    QCOMPARE(Preferences::load(QStringLiteral("other")), Preferences());
}

void TestPreferences::garbageFallsBack_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("severity") << QStringLiteral("toast-threshold") << QVariant(QStringLiteral("urgent"));
    QTest::newRow("severity number") << QStringLiteral("toast-threshold") << QVariant(2);
    QTest::newRow("sound") << QStringLiteral("sound") << QVariant(QStringLiteral("loud"));
    QTest::newRow("repeat text") << QStringLiteral("sound-repeat-seconds") << QVariant(QStringLiteral("often"));
    QTest::newRow("repeat zero") << QStringLiteral("sound-repeat-seconds") << QVariant(0);
    QTest::newRow("repeat huge") << QStringLiteral("sound-repeat-seconds") << QVariant(99999);
    QTest::newRow("desktop") << QStringLiteral("desktop") << QVariant(QStringLiteral("maybe"));
    QTest::newRow("muted") << QStringLiteral("muted-until") << QVariant(QStringLiteral("tomorrow"));
    QTest::newRow("theme") << QStringLiteral("theme") << QVariant(QStringLiteral("neon"));
    QTest::newRow("live") << QStringLiteral("live-updates") << QVariant(QStringLiteral("sometimes"));
}

void TestPreferences::garbageFallsBack()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    // One bad value takes its default; the good values next to it still count.
    Preferences good = changed();
    good.save(QStringLiteral("p"));
    {
        QSettings settings;
        settings.setValue(QStringLiteral("preferences/p/") + key, value);
    }
    Preferences defaults;
    defaults.toastThreshold = AlarmSeverity::Low;
    defaults.soundRepeatSeconds = 300;
    defaults.theme = ThemeMode::Light;
    const Preferences loaded = Preferences::load(QStringLiteral("p"), defaults);

    Preferences expected = good;
    if (key == u"toast-threshold")
        expected.toastThreshold = defaults.toastThreshold;
    else if (key == u"sound")
        expected.sound = defaults.sound;
    else if (key == u"sound-repeat-seconds")
        expected.soundRepeatSeconds = defaults.soundRepeatSeconds;
    else if (key == u"desktop")
        expected.desktopNotifications = defaults.desktopNotifications;
    else if (key == u"muted-until")
        expected.mutedUntil = defaults.mutedUntil;
    else if (key == u"theme")
        expected.theme = defaults.theme;
    else if (key == u"live-updates")
        expected.liveUpdates = defaults.liveUpdates;
    QCOMPARE(loaded, expected);
}

void TestPreferences::profileDefaultsWhenNothingStored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("night.ini"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[server]\nurl=ws://h/ws\n[notifications]\ntoast-threshold=critical\nsound=true\n"
            "sound-repeat-seconds=30\ndesktop=false\ntheme=dark\n");
    f.close();
    QString error;
    const auto profile = Profile::load(path, &error);
    QVERIFY2(profile, qPrintable(error));

    const Preferences fresh = Preferences::load(profile->name, profile->preferenceDefaults);
    QCOMPARE(fresh.toastThreshold, AlarmSeverity::Critical);
    QCOMPARE(fresh.sound, true);
    QCOMPARE(fresh.soundRepeatSeconds, 30);
    QCOMPARE(fresh.desktopNotifications, false);
    QCOMPARE(fresh.theme, ThemeMode::Dark);

    // What the operator chose wins over the profile.
    Preferences mine = fresh;
    mine.theme = ThemeMode::Light;
    mine.sound = false;
    mine.save(profile->name);
    const Preferences again = Preferences::load(profile->name, profile->preferenceDefaults);
    QCOMPARE(again, mine);
}

void TestPreferences::unmuteOverridesNothing()
{
    // Saved while not muted, then loaded: not muted, and stays so after another save.
    Preferences p = changed();
    p.mutedUntil = {};
    p.save(QStringLiteral("u"));
    QVERIFY(!Preferences::load(QStringLiteral("u")).mutedUntil.isValid());
    QCOMPARE(Preferences::load(QStringLiteral("u")), p);
}

void TestPreferences::toastThresholdAndMute()
{
    Preferences p;
    p.toastThreshold = AlarmSeverity::High;
    QVERIFY(p.wantsToast(AlarmSeverity::Critical));
    QVERIFY(p.wantsToast(AlarmSeverity::High));
    QVERIFY(!p.wantsToast(AlarmSeverity::Medium));
    QVERIFY(!p.wantsToast(AlarmSeverity::Info));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(!p.isMuted(now));
    p.mutedUntil = now.addSecs(600);
    QVERIFY(p.isMuted(now));
    QVERIFY(!p.isMuted(now.addSecs(601)));
}

QTEST_GUILESS_MAIN(TestPreferences)
#include "tst_preferences.moc"
