#include "config/profile.h"
#include "config/profilecatalog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

// Where profiles are found and how the start dialog writes a new one. The
// operator's folder follows XDG_CONFIG_HOME, which is private to this test;
// the workstation's is pointed at a temporary folder.
class TestProfileCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void resolveLooksInTheUsersFolderThenTheWorkstationsThenAtPaths();
    void demoIsBuiltInUnlessAFileSaysOtherwise();
    void unknownNameSaysWhereItLooked();
    void listsEveryProfileOnceByName();
    void validNames_data();
    void validNames();
    void createWritesALoadableOwnerOnlyFile();
    void createRefusesToOverwrite();
    void createRefusesBadInput_data();
    void createRefusesBadInput();

private:
    static QString write(const QString &directory, const QString &name, const QByteArray &content = {});

    std::unique_ptr<QTemporaryDir> m_system;
};

QString TestProfileCatalog::write(const QString &directory, const QString &name, const QByteArray &content)
{
    QDir().mkpath(directory);
    const QString path = directory + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content.isEmpty() ? QByteArray("[server]\nurl=ws://127.0.0.1:1/ws\n") : content);
    return path;
}

void TestProfileCatalog::init()
{
    m_system = std::make_unique<QTemporaryDir>();
    QVERIFY(m_system->isValid());
    ProfileCatalog::setSystemDirectory(m_system->path());
    QVERIFY(QDir(ProfileCatalog::userDirectory()).removeRecursively());
}

void TestProfileCatalog::cleanup()
{
    ProfileCatalog::setSystemDirectory({});
    m_system.reset();
}

void TestProfileCatalog::resolveLooksInTheUsersFolderThenTheWorkstationsThenAtPaths()
{
    QVERIFY2(ProfileCatalog::userDirectory().startsWith(qEnvironmentVariable("XDG_CONFIG_HOME")),
             "the operator's folder follows XDG_CONFIG_HOME");
    const QString system = write(m_system->path(), QStringLiteral("site.ini"));
    QString error;
    QCOMPARE(ProfileCatalog::resolve(QStringLiteral("site"), &error), system);

    const QString user = write(ProfileCatalog::userDirectory(), QStringLiteral("site.ini"));
    QCOMPARE(ProfileCatalog::resolve(QStringLiteral("site"), &error), user);

    // Anything else is a path, absolute or relative to the current folder.
    QTemporaryDir elsewhere;
    const QString file = write(elsewhere.path(), QStringLiteral("plant.ini"));
    QCOMPARE(ProfileCatalog::resolve(file, &error), file);
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(elsewhere.path()));
    const QString relative = ProfileCatalog::resolve(QStringLiteral("plant.ini"), &error);
    QVERIFY(QDir::setCurrent(before));
    QCOMPARE(relative, file);
    // A bare name is never taken from the current folder while a profile has it.
    const QString shadow = write(elsewhere.path(), QStringLiteral("site"));
    QVERIFY(QDir::setCurrent(elsewhere.path()));
    const QString named = ProfileCatalog::resolve(QStringLiteral("site"), &error);
    QVERIFY(QDir::setCurrent(before));
    QCOMPARE(named, user);
    QVERIFY(QFile::remove(shadow));
}

void TestProfileCatalog::demoIsBuiltInUnlessAFileSaysOtherwise()
{
    QString error;
    QCOMPARE(ProfileCatalog::resolve(QStringLiteral("demo"), &error), ProfileCatalog::builtInDemoPath());
    QVERIFY(QFile::exists(ProfileCatalog::builtInDemoPath()));
    const QString system = write(m_system->path(), QStringLiteral("demo.ini"));
    QCOMPARE(ProfileCatalog::resolve(QStringLiteral("demo"), &error), system);
    const QString user = write(ProfileCatalog::userDirectory(), QStringLiteral("demo.ini"));
    QCOMPARE(ProfileCatalog::resolve(QStringLiteral("demo"), &error), user);
}

void TestProfileCatalog::unknownNameSaysWhereItLooked()
{
    QString error;
    QVERIFY(ProfileCatalog::resolve(QStringLiteral("nowhere"), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("\"nowhere\"")), qPrintable(error));
    QVERIFY2(error.contains(ProfileCatalog::userDirectory()), qPrintable(error));
    QVERIFY2(error.contains(m_system->path()), qPrintable(error));

    error.clear();
    QVERIFY(ProfileCatalog::resolve(QString(), &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestProfileCatalog::listsEveryProfileOnceByName()
{
    using Origin = ProfileCatalog::Entry::Origin;
    const QString userSite = write(ProfileCatalog::userDirectory(), QStringLiteral("site.ini"));
    const QString mine = write(ProfileCatalog::userDirectory(), QStringLiteral("mine.ini"));
    write(m_system->path(), QStringLiteral("site.ini"));
    const QString shared = write(m_system->path(), QStringLiteral("shared.ini"));
    write(m_system->path(), QStringLiteral("notes.txt")); // not a profile
    write(m_system->path(), QStringLiteral("my site.ini")); // could never be opened by name

    QList<ProfileCatalog::Entry> entries = ProfileCatalog::list();
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.at(0).name, QStringLiteral("demo"));
    QCOMPARE(entries.at(0).origin, Origin::BuiltIn);
    QCOMPARE(entries.at(0).path, ProfileCatalog::builtInDemoPath());
    QCOMPARE(entries.at(1).name, QStringLiteral("mine"));
    QCOMPARE(entries.at(1).origin, Origin::User);
    QCOMPARE(entries.at(1).path, mine);
    QCOMPARE(entries.at(2).name, QStringLiteral("shared"));
    QCOMPARE(entries.at(2).origin, Origin::System);
    QCOMPARE(entries.at(2).path, shared);
    QCOMPARE(entries.at(3).name, QStringLiteral("site")); // the operator's hides the workstation's
    QCOMPARE(entries.at(3).origin, Origin::User);
    QCOMPARE(entries.at(3).path, userSite);

    const QString demo = write(m_system->path(), QStringLiteral("demo.ini"));
    entries = ProfileCatalog::list();
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.at(0).origin, Origin::System);
    QCOMPARE(entries.at(0).path, demo);
}

void TestProfileCatalog::validNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("word") << QStringLiteral("plant") << true;
    QTest::newRow("dash dot underscore") << QStringLiteral("plant-north_2.b") << true;
    QTest::newRow("one character") << QStringLiteral("a") << true;
    QTest::newRow("64 characters") << QString(64, u'x') << true;
    QTest::newRow("65 characters") << QString(65, u'x') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading dash") << QStringLiteral("-plant") << false;
    QTest::newRow("leading dot") << QStringLiteral(".plant") << false;
    QTest::newRow("space") << QStringLiteral("plant north") << false;
    QTest::newRow("slash") << QStringLiteral("../plant") << false;
    QTest::newRow("not ascii") << QStringLiteral("usine-é") << false;
}

void TestProfileCatalog::validNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QString why;
    QCOMPARE(ProfileCatalog::isValidName(name, &why), valid);
    QCOMPARE(why.isEmpty(), valid);
}

void TestProfileCatalog::createWritesALoadableOwnerOnlyFile()
{
    // With no umask to help, the file is still the owner's alone.
    const mode_t previous = ::umask(0);
    ProfileCatalog::NewProfile profile;
    profile.name = QStringLiteral("plant-north");
    profile.url = QUrl(QStringLiteral("wss://plant-gw.example:8765/ws"));
    profile.token = QStringLiteral("s3cret=with=equals");
    profile.operatorName = QStringLiteral("alice");
    profile.dialect = ConnectionSettings::Dialect::SocketIo;
    QString error;
    const QString path = ProfileCatalog::create(profile, &error);
    ::umask(previous);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    QCOMPARE(path, ProfileCatalog::userDirectory() + QStringLiteral("/plant-north.ini"));

    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));

    const auto loaded = Profile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->name, QStringLiteral("plant-north"));
    QCOMPARE(loaded->connection.url, profile.url);
    QCOMPARE(loaded->connection.token, profile.token);
    QCOMPARE(loaded->connection.operatorName, profile.operatorName);
    QCOMPARE(loaded->connection.dialect, ConnectionSettings::Dialect::SocketIo);

    // And it is found by its name.
    QCOMPARE(ProfileCatalog::resolve(QStringLiteral("plant-north"), &error), path);
}

void TestProfileCatalog::createRefusesToOverwrite()
{
    const QString existing
        = write(ProfileCatalog::userDirectory(), QStringLiteral("site.ini"), "[server]\nurl=ws://keep.example/ws\n");
    ProfileCatalog::NewProfile profile;
    profile.name = QStringLiteral("site");
    profile.url = QUrl(QStringLiteral("ws://other.example/ws"));
    QString error;
    QVERIFY(ProfileCatalog::create(profile, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    QFile file(existing);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("[server]\nurl=ws://keep.example/ws\n"));
}

void TestProfileCatalog::createRefusesBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected"); // part of the message
    QTest::newRow("bad name") << QStringLiteral("a b") << QStringLiteral("ws://h/ws") << QString()
                              << QStringLiteral("profile name");
    QTest::newRow("http url") << QStringLiteral("a") << QStringLiteral("http://h/ws") << QString()
                              << QStringLiteral("not a ws:// or wss:// URL");
    QTest::newRow("no host") << QStringLiteral("a") << QStringLiteral("ws:///ws") << QString()
                             << QStringLiteral("not a ws:// or wss:// URL");
    QTest::newRow("two-line token") << QStringLiteral("a") << QStringLiteral("ws://h/ws") << QStringLiteral("x\ny")
                                    << QStringLiteral("one line");
    // A value read back from the INI is trimmed and ends at the line's end.
    QTest::newRow("carriage return") << QStringLiteral("a") << QStringLiteral("ws://h/ws") << QStringLiteral("x\ry")
                                     << QStringLiteral("without control characters");
    QTest::newRow("spaces around") << QStringLiteral("a") << QStringLiteral("ws://h/ws") << QStringLiteral(" tok ")
                                   << QStringLiteral("spaces at either end");
}

void TestProfileCatalog::createRefusesBadInput()
{
    QFETCH(QString, name);
    QFETCH(QString, url);
    QFETCH(QString, token);
    QFETCH(QString, expected);
    ProfileCatalog::NewProfile profile;
    profile.name = name;
    profile.url = QUrl(url);
    profile.token = token;
    QString error;
    QVERIFY(ProfileCatalog::create(profile, &error).isEmpty());
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(QDir(ProfileCatalog::userDirectory()).entryList(QDir::Files).isEmpty());
}

QTEST_GUILESS_MAIN(TestProfileCatalog)
#include "tst_profilecatalog.moc"
