#include "language.h"
#include "mainwindow.h"
#include "support/windowfixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The console in German and French: the main window speaks the language
// chosen, numbers follow its locale, and every string of the sources has a
// finished translation in every shipped language.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void mainWindowIsTranslated_data();
    void mainWindowIsTranslated();
    void numbersAndTimesFollowTheLocale();
    void profileLanguageWinsOverSystem();
    void noUntranslatedString_data();
    void noUntranslatedString();
};

namespace {

struct Console : WindowFixture
{
    Console()
        : WindowFixture(
            [] {
                SimOptions o;
                o.drones = 6;
                o.machines = 4;
                o.tiles = 1;
                o.scenarios = {QStringLiteral("alarm-flood")};
                o.rate = 30.0;
                return o;
            }(),
            {.token = {}})
    {
        openStore();
        openWindow({1600, 1000});
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    }
};

QString plain(QString text)
{
    // Mnemonics and rich text do not change what the words are.
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text.trimmed();
}

// Every text the operator can read in the window and its views: labels,
// buttons, actions, tabs, column headers, placeholders, tooltips.
QSet<QString> textsOf(MainWindow *window)
{
    QSet<QString> texts;
    auto add = [&](const QString &text) {
        const QString p = plain(text);
        if (!p.isEmpty())
            texts.insert(p);
    };
    for (int v = 0; v <= int(MainWindow::View::CommandLog); ++v) {
        window->showView(MainWindow::View(v));
        QCoreApplication::processEvents();
        const auto widgets = window->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            add(w->toolTip());
            add(w->accessibleName());
            if (auto *label = qobject_cast<QLabel *>(w))
                add(label->text());
            if (auto *button = qobject_cast<QAbstractButton *>(w))
                add(button->text());
            if (auto *edit = qobject_cast<QLineEdit *>(w))
                add(edit->placeholderText());
            if (auto *combo = qobject_cast<QComboBox *>(w)) {
                for (int i = 0; i < combo->count(); ++i)
                    add(combo->itemText(i));
            }
            if (auto *tabs = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < tabs->count(); ++i)
                    add(tabs->tabText(i));
            }
            if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
                for (int c = 0; c < view->model()->columnCount(); ++c)
                    add(view->model()->headerData(c, Qt::Horizontal).toString());
            }
        }
        const auto actions = window->findChildren<QAction *>();
        for (QAction *a : actions) {
            add(a->text());
            add(a->toolTip());
        }
    }
    return texts;
}

// Each source text of a .ts file (what tr() was given) with its
// translations, over every context.
QHash<QString, QSet<QString>> translationsOf(const QString &tsPath)
{
    QHash<QString, QSet<QString>> translations;
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(tsPath));
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"source")
            source = plain(xml.readElementText());
        else if (xml.name() == u"translation")
            translations[source].insert(plain(xml.readElementText(QXmlStreamReader::IncludeChildElements)));
    }
    return translations;
}

QString tsFile(const QString &language)
{
    return QStringLiteral(WATCHFLOOR_SOURCE_DIR "/translations/watchfloor_%1.ts").arg(language);
}

} // namespace

void TestTranslations::cleanup()
{
    Language::install(QStringLiteral("en"));
}

void TestTranslations::mainWindowIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("alarms"); // the Alarms view's title, as a sign
    QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("Alarme");
    QTest::newRow("French") << QStringLiteral("fr") << QStringLiteral("Alarmes");
}

void TestTranslations::mainWindowIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, alarms);

    Language::install(QStringLiteral("en"));
    QSet<QString> english;
    {
        Console console;
        QCOMPARE(MainWindow::viewTitle(MainWindow::View::Alarms), QStringLiteral("Alarms"));
        english = textsOf(console.window.get());
    }
    QVERIFY(english.contains(QStringLiteral("Alarms")));

    const QLocale locale = Language::install(language);
    QCOMPARE(QLocale::languageToCode(locale.language()), language);
    QCOMPARE(MainWindow::viewTitle(MainWindow::View::Alarms), alarms);
    QSet<QString> translated;
    {
        Console console;
        translated = textsOf(console.window.get());
        // The window as a German or French operator sees it: saved into
        // docs/screenshots/ when WATCHFLOOR_SCREENSHOT_DIR names it.
        if (qEnvironmentVariableIsSet("WATCHFLOOR_SCREENSHOT_DIR")) {
            const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR");
            console.window->showView(MainWindow::View::Alarms);
            QTest::qWait(300);
            QVERIFY(console.window->grab().save(dir + QStringLiteral("/console-%1.png").arg(language)));
            console.window->showView(MainWindow::View::ControlPanel);
            QTest::qWait(300);
            QVERIFY(console.window->grab().save(dir + QStringLiteral("/control-panel-%1.png").arg(language)));
        }
    }

    // A text the English window shows exactly as tr() gave it must not
    // appear unchanged in the translated window, unless the word is the
    // same in both languages.
    // Labels the simulated devices send are the server's words, not the
    // console's (an endpoint "Running", a mode "off").
    static const QSet<QString> fromTheServer = {QStringLiteral("Running"), QStringLiteral("Open"), QStringLiteral("On"),
                                                QStringLiteral("off"), QStringLiteral("Watchfloor")};
    const QHash<QString, QSet<QString>> translations = translationsOf(tsFile(language));
    QStringList untranslated;
    for (const QString &text : std::as_const(english)) {
        // Shown unchanged is right only where the translator kept the word
        // ("Mission", "Status" in German; "Message", "Source" in French).
        if (translations.contains(text) && translated.contains(text) && !fromTheServer.contains(text)
            && !translations.value(text).contains(text))
            untranslated.append(text);
    }
    untranslated.sort();
    QVERIFY2(untranslated.isEmpty(), qPrintable(u"shown untranslated: "_qs + untranslated.join(QStringLiteral(" | "))));
    // And the check saw enough of the window to mean something.
    int fromSources = 0;
    for (const QString &text : std::as_const(english))
        fromSources += translations.contains(text) ? 1 : 0;
    QVERIFY2(fromSources > 60, qPrintable(QString::number(fromSources)));
}

void TestTranslations::numbersAndTimesFollowTheLocale()
{
    Language::install(QStringLiteral("de"));
    QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1.234,5"));
    QCOMPARE(QLocale().toString(QTime(14, 5), QLocale::ShortFormat), QStringLiteral("14:05"));
    Language::install(QStringLiteral("fr"));
    QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1\u202f234,5"));
    Language::install(QStringLiteral("en_US"));
    QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1,234.5"));
    QCOMPARE(QLocale().toString(QTime(14, 5), QLocale::ShortFormat), QStringLiteral("2:05 PM"));
}

void TestTranslations::profileLanguageWinsOverSystem()
{
    // Empty means the system's; the test runner's system locale is not German.
    const QLocale system = Language::install(QString());
    QCOMPARE(system, QLocale::system());
    QVERIFY(system.language() != QLocale::German);
    Language::install(QStringLiteral("de_CH"));
    QCOMPARE(QLocale().language(), QLocale::German);
    QCOMPARE(MainWindow::viewTitle(MainWindow::View::Overview), QStringLiteral("Übersicht"));
    Language::install(QStringLiteral("en"));
    QCOMPARE(MainWindow::viewTitle(MainWindow::View::Overview), QStringLiteral("Overview"));
}

void TestTranslations::noUntranslatedString_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("French") << QStringLiteral("fr");
}

void TestTranslations::noUntranslatedString()
{
    QFETCH(QString, language);
    // lupdate over today's sources into a copy of the shipped file: a string
    // added or changed since the file was last translated shows as unfinished.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("watchfloor_%1.ts").arg(language));
    QVERIFY(QFile::copy(tsFile(language), copy));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(WATCHFLOOR_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                   QStringLiteral(WATCHFLOOR_SOURCE_DIR "/src/core"), QStringLiteral(WATCHFLOOR_SOURCE_DIR "/src/ui"),
                   QStringLiteral(WATCHFLOOR_SOURCE_DIR "/app/watchfloor"), QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    const QString output = QString::fromUtf8(lupdate.readAll());
    QVERIFY2(lupdate.exitCode() == 0, qPrintable(output));
    QVERIFY2(!output.contains(u"cannot"), qPrintable(output)); // e.g. tr() without a context

    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QStringList unfinished;
    int messages = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == u"translation") {
            const bool open = xml.attributes().value(QStringLiteral("type")) == u"unfinished";
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (open || text.trimmed().isEmpty())
                unfinished.append(context + QStringLiteral(": ") + source);
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY2(messages > 700, qPrintable(QString::number(messages)));
    QVERIFY2(unfinished.isEmpty(),
             qPrintable(QStringLiteral("%1 untranslated, e.g.\n").arg(unfinished.size())
                        + unfinished.mid(0, 25).join(u'\n')));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
