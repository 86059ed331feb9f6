#include "preferencesdialog.h"
#include "theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using Domain::AlarmSeverity;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatItWasGiven();
    void keyboardEditsComeBack();
    void muteAndUnmute();
    void cancelRejects();
    void accessible();
    void screenshot();
};

namespace {

template<typename T> T *child(const QDialog &dialog, const char *name)
{
    T *w = dialog.findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no %s", name);
    return w;
}

void showAndFocus(QDialog &dialog)
{
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    if (!QTest::qWaitForWindowActive(&dialog))
        qFatal("dialog not active");
}

// Tab until `target` has the focus: the dialog must be keyboard reachable.
bool tabTo(QDialog &dialog, QWidget *target)
{
    for (int i = 0; i < 30 && QApplication::focusWidget() != target; ++i)
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &dialog, Qt::Key_Tab);
    return QApplication::focusWidget() == target;
}

} // namespace

void TestPreferencesDialog::showsWhatItWasGiven()
{
    Preferences given;
    given.toastThreshold = AlarmSeverity::Low;
    given.sound = true;
    given.soundRepeatSeconds = 42;
    given.desktopNotifications = false;
    given.theme = ThemeMode::Dark;
    given.liveUpdates = false;
    PreferencesDialog dialog(given);
    QCOMPARE(dialog.preferences(), given); // untouched, it gives back what it got
    QCOMPARE(child<QSpinBox>(dialog, "soundRepeatSpin")->value(), 42);
    QVERIFY(child<QSpinBox>(dialog, "soundRepeatSpin")->isEnabled());
    QCOMPARE(PreferencesDialog(Preferences()).preferences(), Preferences());
}

void TestPreferencesDialog::keyboardEditsComeBack()
{
    PreferencesDialog dialog {Preferences()};
    showAndFocus(dialog);
    auto *threshold = child<QComboBox>(dialog, "toastThresholdCombo");
    auto *sound = child<QCheckBox>(dialog, "soundCheck");
    auto *repeat = child<QSpinBox>(dialog, "soundRepeatSpin");
    auto *desktop = child<QCheckBox>(dialog, "desktopCheck");
    auto *theme = child<QComboBox>(dialog, "themeCombo");
    auto *live = child<QCheckBox>(dialog, "liveUpdatesCheck");
    QVERIFY(!repeat->isEnabled()); // no sound, nothing to repeat

    QCOMPARE(QApplication::focusWidget(), threshold);
    QTest::keyClick(threshold, Qt::Key_Up); // medium → high
    QTest::keyClick(threshold, Qt::Key_Up); // → critical
    QVERIFY(tabTo(dialog, sound));
    QTest::keyClick(sound, Qt::Key_Space);
    QVERIFY(repeat->isEnabled());
    QVERIFY(tabTo(dialog, repeat));
    repeat->selectAll();
    QTest::keyClicks(repeat, QStringLiteral("90"));
    QVERIFY(tabTo(dialog, desktop));
    QTest::keyClick(desktop, Qt::Key_Space);
    QVERIFY(tabTo(dialog, theme));
    QTest::keyClick(theme, Qt::Key_Down);
    QVERIFY(tabTo(dialog, live));
    QTest::keyClick(live, Qt::Key_Space);

    const Preferences p = dialog.preferences();
    QCOMPARE(p.toastThreshold, AlarmSeverity::Critical);
    QCOMPARE(p.sound, true);
    QCOMPARE(p.soundRepeatSeconds, 90);
    QCOMPARE(p.desktopNotifications, false);
    QCOMPARE(p.theme, ThemeMode::Dark);
    QCOMPARE(p.liveUpdates, false);
    QVERIFY(!p.mutedUntil.isValid());

    // The mnemonic of the threshold label reaches its combo; Down walks to "info".
    QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), threshold);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(threshold, Qt::Key_Down);
    QCOMPARE(dialog.preferences().toastThreshold, AlarmSeverity::Info);

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestPreferencesDialog::muteAndUnmute()
{
    PreferencesDialog dialog {Preferences()};
    showAndFocus(dialog);
    auto *minutes = child<QSpinBox>(dialog, "muteMinutesSpin");
    auto *mute = child<QPushButton>(dialog, "muteButton");
    auto *unmute = child<QPushButton>(dialog, "unmuteButton");
    auto *state = child<QLabel>(dialog, "muteStateLabel");
    QVERIFY(!unmute->isEnabled());
    const QString notMuted = state->text();

    minutes->selectAll();
    QTest::keyClicks(minutes, QStringLiteral("30"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QTest::mouseClick(mute, Qt::LeftButton);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    const QDateTime until = dialog.preferences().mutedUntil;
    QVERIFY(until.isValid());
    QCOMPARE(until.timeSpec(), Qt::UTC);
    QVERIFY(until >= before.addSecs(30 * 60) && until <= after.addSecs(30 * 60));
    QVERIFY(dialog.preferences().isMuted(after));
    QVERIFY(state->text() != notMuted);
    QVERIFY2(state->text().contains(QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat)),
             qPrintable(state->text()));
    QVERIFY(unmute->isEnabled());
    QVERIFY(dialog.isVisible()); // muting is not OK: the dialog stays open

    unmute->setFocus();
    QTest::keyClick(unmute, Qt::Key_Space);
    QVERIFY(!dialog.preferences().mutedUntil.isValid());
    QCOMPARE(state->text(), notMuted);
    QVERIFY(!unmute->isEnabled());
}

void TestPreferencesDialog::cancelRejects()
{
    PreferencesDialog dialog {Preferences()};
    showAndFocus(dialog);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
}

void TestPreferencesDialog::accessible()
{
    PreferencesDialog dialog {Preferences()};
    const QList<QWidget *> inputs = dialog.findChildren<QWidget *>();
    for (QWidget *w : inputs) {
        if (!qobject_cast<QComboBox *>(w) && !qobject_cast<QSpinBox *>(w) && !qobject_cast<QAbstractButton *>(w))
            continue;
        if (qobject_cast<QAbstractButton *>(w) && !static_cast<QAbstractButton *>(w)->text().isEmpty())
            continue; // its text is its name
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QVERIFY(w->focusPolicy() & Qt::TabFocus);
    }
    // Every label that names a field is its buddy.
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->objectName() == u"muteStateLabel")
            continue;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
}

// Saves the dialog in both modes into $WATCHFLOOR_SCREENSHOT_DIR when set.
void TestPreferencesDialog::screenshot()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    Preferences p;
    p.sound = true;
    p.mutedUntil = QDateTime::currentDateTimeUtc().addSecs(20 * 60);
    for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
        Theme::apply(mode);
        PreferencesDialog dialog(p);
        showAndFocus(dialog);
        QTRY_COMPARE(dialog.palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
        const QString name = mode == ThemeMode::Dark ? QStringLiteral("/preferences-dark.png")
                                                     : QStringLiteral("/preferences-light.png");
        QVERIFY(dialog.grab().save(dir + name));
    }
    Theme::apply(ThemeMode::Light);
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
