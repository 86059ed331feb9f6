#include "config/profile.h"
#include "config/profilecatalog.h"
#include "profilelistdelegate.h"
#include "services/connectioncheck.h"
#include "simhost.h"
#include "startdialog.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

// The start dialog against real folders and the real reference server: what
// it lists, choosing with mouse and keyboard, the demo, a new profile's test
// connection (live, refused token, nothing listening, not a WebSocket server,
// silence) and saving it.
class TestStartDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsUserAndSystemProfilesAndTheDemo();
    void lastUsedIsPreselectedAndTheKeyboardChooses();
    void doubleClickChooses();
    void startDemoChoosesTheDemoProfile();
    void testConnectionGoesLiveWithAValidToken();
    void testConnectionReportsARefusedToken();
    void testConnectionReportsAnUnreachablePort();
    void testConnectionReportsAServerThatIsNotAWebSocketServer();
    void testConnectionTimesOutAndCanBeCancelled();
    void saveWritesALoadableOwnerOnlyProfileAndSelectsIt();
    void invalidNameAndUrlAreRefusedWithAMessage();
    void escapeOnTheFormGoesBackToTheList();
    void screenshot();

private:
    static QString writeProfile(const QString &directory, const QString &name);
    static QListWidget *list(StartDialog &dialog);
    static QPushButton *button(StartDialog &dialog, const QString &name);
    static QLineEdit *edit(StartDialog &dialog, const QString &name);
    static QLabel *label(StartDialog &dialog, const QString &name);
    static QString testStatus(StartDialog &dialog);
    static void openForm(StartDialog &dialog, const QString &url, const QString &token);

    std::unique_ptr<QTemporaryDir> m_system;
};

namespace {

SimOptions smallPlant()
{
    SimOptions o;
    o.drones = 2;
    o.machines = 0;
    o.tiles = 0;
    o.tokens = {{QStringLiteral("op-7f3a"), QStringLiteral("operator")},
                {QStringLiteral("view-1"), QStringLiteral("viewer")}};
    return o;
}

// A loopback port nobody listens on: the listener is closed again.
quint16 closedPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Something that listens but is no WebSocket server: an HTTP server that
// answers every request with 404, or (silent) one that never answers.
class OtherServer : public QObject
{
public:
    explicit OtherServer(bool silent)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this, silent] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            socket->setParent(this);
            if (silent)
                return;
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\n"
                              "not here\n");
            });
        });
    }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort()); }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

} // namespace

QString TestStartDialog::writeProfile(const QString &directory, const QString &name)
{
    QDir().mkpath(directory);
    const QString path = directory + u'/' + name + QStringLiteral(".ini");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("[server]\nurl=wss://" + name.toUtf8() + ".example:8765/ws\n");
    return path;
}

QListWidget *TestStartDialog::list(StartDialog &dialog)
{
    return dialog.findChild<QListWidget *>(QStringLiteral("profileList"));
}

QPushButton *TestStartDialog::button(StartDialog &dialog, const QString &name)
{
    return dialog.findChild<QPushButton *>(name);
}

QLineEdit *TestStartDialog::edit(StartDialog &dialog, const QString &name)
{
    return dialog.findChild<QLineEdit *>(name);
}

QLabel *TestStartDialog::label(StartDialog &dialog, const QString &name)
{
    return dialog.findChild<QLabel *>(name);
}

QString TestStartDialog::testStatus(StartDialog &dialog)
{
    return label(dialog, QStringLiteral("testStatus"))->text();
}

void TestStartDialog::openForm(StartDialog &dialog, const QString &url, const QString &token)
{
    QTest::mouseClick(button(dialog, QStringLiteral("newProfileButton")), Qt::LeftButton);
    QVERIFY(dialog.isShowingNewProfileForm());
    QLineEdit *urlEdit = edit(dialog, QStringLiteral("urlEdit"));
    urlEdit->setFocus();
    QTest::keyClicks(urlEdit, url);
    QLineEdit *tokenEdit = edit(dialog, QStringLiteral("tokenEdit"));
    tokenEdit->setFocus();
    QTest::keyClicks(tokenEdit, token);
}

void TestStartDialog::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QCoreApplication::setOrganizationName(QStringLiteral("WatchfloorTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_startdialog"));
    Theme::apply();
}

void TestStartDialog::init()
{
    m_system = std::make_unique<QTemporaryDir>();
    QVERIFY(m_system->isValid());
    ProfileCatalog::setSystemDirectory(m_system->path());
    QVERIFY(QDir(ProfileCatalog::userDirectory()).removeRecursively());
    QSettings().remove(StartDialog::lastProfileKey());
}

void TestStartDialog::cleanup()
{
    ProfileCatalog::setSystemDirectory({});
    m_system.reset();
}

void TestStartDialog::listsUserAndSystemProfilesAndTheDemo()
{
    const QString userSite = writeProfile(ProfileCatalog::userDirectory(), QStringLiteral("site"));
    const QString mine = writeProfile(ProfileCatalog::userDirectory(), QStringLiteral("mine"));
    writeProfile(m_system->path(), QStringLiteral("site"));
    const QString shared = writeProfile(m_system->path(), QStringLiteral("shared"));

    StartDialog dialog;
    QListWidget *profiles = list(dialog);
    QVERIFY(profiles);
    QStringList names;
    QStringList paths;
    QList<int> origins;
    for (int row = 0; row < profiles->count(); ++row) {
        names << profiles->item(row)->text();
        paths << profiles->item(row)->data(ProfileListDelegate::PathRole).toString();
        origins << profiles->item(row)->data(ProfileListDelegate::OriginRole).toInt();
    }
    using Origin = ProfileCatalog::Entry::Origin;
    QCOMPARE(names,
             (QStringList {QStringLiteral("demo"), QStringLiteral("mine"), QStringLiteral("shared"),
                           QStringLiteral("site")}));
    QCOMPARE(paths, (QStringList {ProfileCatalog::builtInDemoPath(), mine, shared, userSite}));
    QCOMPARE(origins, (QList<int> {int(Origin::BuiltIn), int(Origin::User), int(Origin::System), int(Origin::User)}));

    // Where each comes from is said on its second line, the file too.
    const QString detail = ProfileListDelegate::detailText(profiles->model()->index(2, 0));
    QVERIFY2(detail.contains(QStringLiteral("workstation")) && detail.contains(shared), qPrintable(detail));
    QCOMPARE(ProfileListDelegate::detailText(profiles->model()->index(0, 0)), QStringLiteral("Built in"));

    // Nothing used before: the first is selected, and Open can open it.
    QCOMPARE(dialog.selectedProfilePath(), ProfileCatalog::builtInDemoPath());
    QVERIFY(button(dialog, QStringLiteral("openButton"))->isEnabled());
}

void TestStartDialog::lastUsedIsPreselectedAndTheKeyboardChooses()
{
    const QString alpha = writeProfile(ProfileCatalog::userDirectory(), QStringLiteral("alpha"));
    const QString beta = writeProfile(m_system->path(), QStringLiteral("beta"));
    const QString gamma = writeProfile(m_system->path(), QStringLiteral("gamma"));
    QSettings().setValue(StartDialog::lastProfileKey(), beta);

    StartDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.selectedProfilePath(), beta);
    QListWidget *profiles = list(dialog);
    QTRY_VERIFY(profiles->hasFocus());

    // alpha, beta, demo, gamma
    QTest::keyClick(profiles, Qt::Key_Down);
    QCOMPARE(dialog.selectedProfilePath(), ProfileCatalog::builtInDemoPath());
    QTest::keyClick(profiles, Qt::Key_End);
    QCOMPARE(dialog.selectedProfilePath(), gamma);
    QTest::keyClick(profiles, Qt::Key_Home);
    QCOMPARE(dialog.selectedProfilePath(), alpha);
    QTest::keyClick(profiles, Qt::Key_Return);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.chosenProfilePath(), alpha);
    QCOMPARE(QSettings().value(StartDialog::lastProfileKey()).toString(), alpha);

    // The next start preselects it.
    StartDialog next;
    QCOMPARE(next.selectedProfilePath(), alpha);
}

void TestStartDialog::doubleClickChooses()
{
    const QString site = writeProfile(m_system->path(), QStringLiteral("site"));
    StartDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QListWidget *profiles = list(dialog);
    QListWidgetItem *item = profiles->findItems(QStringLiteral("site"), Qt::MatchExactly).value(0);
    QVERIFY(item);
    const QPoint at = profiles->visualItemRect(item).center();
    QTest::mouseClick(profiles->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(profiles->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.chosenProfilePath(), site);
}

void TestStartDialog::startDemoChoosesTheDemoProfile()
{
    writeProfile(ProfileCatalog::userDirectory(), QStringLiteral("site"));
    {
        StartDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(button(dialog, QStringLiteral("demoButton")), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.chosenProfilePath(), ProfileCatalog::builtInDemoPath());
        QVERIFY(QFile::exists(dialog.chosenProfilePath()));
    }
    // A workstation's own demo profile replaces the built-in one.
    const QString siteDemo = writeProfile(m_system->path(), QStringLiteral("demo"));
    StartDialog dialog;
    dialog.show();
    QTest::mouseClick(button(dialog, QStringLiteral("demoButton")), Qt::LeftButton);
    QCOMPARE(dialog.chosenProfilePath(), siteDemo);

    // Quit chooses nothing.
    StartDialog quitting;
    quitting.show();
    QTest::mouseClick(button(quitting, QStringLiteral("quitButton")), Qt::LeftButton);
    QCOMPARE(quitting.result(), int(QDialog::Rejected));
    QVERIFY(quitting.chosenProfilePath().isEmpty());
}

void TestStartDialog::testConnectionGoesLiveWithAValidToken()
{
    SimHost sim(smallPlant());
    QVERIFY(sim.listen());
    StartDialog dialog;
    dialog.show();
    openForm(dialog, sim.url(), QStringLiteral("op-7f3a"));
    QTest::mouseClick(button(dialog, QStringLiteral("testButton")), Qt::LeftButton);
    // The GUI goes on at once: the test runs on the event loop.
    QVERIFY2(testStatus(dialog).startsWith(QStringLiteral("Connecting to 127.0.0.1:")), qPrintable(testStatus(dialog)));
    QCOMPARE(button(dialog, QStringLiteral("testButton"))->text(), QStringLiteral("Cancel &test"));

    static const QRegularExpression live(QStringLiteral("^Connected: role operator, live after \\d+ ms$"));
    QTRY_VERIFY2_WITH_TIMEOUT(live.match(testStatus(dialog)).hasMatch(), qPrintable(testStatus(dialog)), 10000);
    QCOMPARE(button(dialog, QStringLiteral("testButton"))->text(), QStringLiteral("&Test connection"));
    // The token never shows.
    QVERIFY(!label(dialog, QStringLiteral("testStatus"))->toolTip().contains(QStringLiteral("op-7f3a")));

    // Another token, another role.
    QLineEdit *token = edit(dialog, QStringLiteral("tokenEdit"));
    token->clear();
    QTest::keyClicks(token, QStringLiteral("view-1"));
    QTest::mouseClick(button(dialog, QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(testStatus(dialog).startsWith(QStringLiteral("Connected: role viewer")),
                              qPrintable(testStatus(dialog)), 10000);
}

void TestStartDialog::testConnectionReportsARefusedToken()
{
    SimHost sim(smallPlant());
    QVERIFY(sim.listen());
    StartDialog dialog;
    dialog.show();
    openForm(dialog, sim.url(), QStringLiteral("wrong-token"));
    QTest::mouseClick(button(dialog, QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(testStatus(dialog).startsWith(QStringLiteral("Refused: ")),
                              qPrintable(testStatus(dialog)), 10000);
    QVERIFY2(testStatus(dialog).contains(QStringLiteral("token")), qPrintable(testStatus(dialog)));
    QVERIFY2(testStatus(dialog).contains(QStringLiteral("invalid token")), qPrintable(testStatus(dialog)));
    QVERIFY(!testStatus(dialog).contains(QStringLiteral("wrong-token")));
}

void TestStartDialog::testConnectionReportsAnUnreachablePort()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    StartDialog dialog;
    dialog.show();
    openForm(dialog, QStringLiteral("ws://127.0.0.1:%1/ws").arg(port), QStringLiteral("x"));
    QTest::mouseClick(button(dialog, QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(testStatus(dialog).startsWith(QStringLiteral("Unreachable: ")),
                              qPrintable(testStatus(dialog)), 10000);
    QVERIFY2(testStatus(dialog).contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(testStatus(dialog)));
    QVERIFY2(testStatus(dialog).contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(testStatus(dialog)));
}

void TestStartDialog::testConnectionReportsAServerThatIsNotAWebSocketServer()
{
    OtherServer http(false);
    StartDialog dialog;
    dialog.show();
    openForm(dialog, http.url(), QString());
    QTest::mouseClick(button(dialog, QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        testStatus(dialog),
        QStringLiteral("Not a WebSocket server: 127.0.0.1:%1 answered HTTP 404 Not Found").arg(http.port()), 5000);
}

void TestStartDialog::testConnectionTimesOutAndCanBeCancelled()
{
    OtherServer silent(true);
    StartDialog dialog;
    dialog.setTestTimeout(1000);
    dialog.show();
    openForm(dialog, silent.url(), QString());
    QPushButton *test = button(dialog, QStringLiteral("testButton"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(testStatus(dialog),
                              QStringLiteral("Timed out after 1 s: no live link from 127.0.0.1:%1").arg(silent.port()),
                              5000);

    // Cancelled: nothing more is reported.
    auto *check = dialog.findChild<ConnectionCheck *>();
    QVERIFY(check);
    QSignalSpy finished(check, &ConnectionCheck::finished);
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(check->isRunning());
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(!check->isRunning());
    QCOMPARE(testStatus(dialog), QStringLiteral("Test cancelled."));
    QCOMPARE(test->text(), QStringLiteral("&Test connection"));
    QVERIFY(!finished.wait(1500));
    QCOMPARE(testStatus(dialog), QStringLiteral("Test cancelled."));
}

void TestStartDialog::saveWritesALoadableOwnerOnlyProfileAndSelectsIt()
{
    writeProfile(m_system->path(), QStringLiteral("shared"));
    StartDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openForm(dialog, QStringLiteral("wss://plant-gw.example:8765/ws"), QStringLiteral("s3cret-token"));
    QTest::keyClicks(edit(dialog, QStringLiteral("nameEdit")), QStringLiteral("plant-north"));
    QLineEdit *operatorName = edit(dialog, QStringLiteral("operatorEdit"));
    operatorName->clear();
    QTest::keyClicks(operatorName, QStringLiteral("alice"));
    auto *dialect = dialog.findChild<QComboBox *>(QStringLiteral("dialectCombo"));
    dialect->setCurrentIndex(dialect->findData(int(ConnectionSettings::Dialect::Watchfloor)));

    // The token is hidden unless asked for.
    QLineEdit *token = edit(dialog, QStringLiteral("tokenEdit"));
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    dialog.findChild<QCheckBox *>(QStringLiteral("showTokenCheck"))->setChecked(true);
    QCOMPARE(token->echoMode(), QLineEdit::Normal);

    QTest::mouseClick(button(dialog, QStringLiteral("saveButton")), Qt::LeftButton);
    const QString path = ProfileCatalog::userDirectory() + QStringLiteral("/plant-north.ini");
    QVERIFY2(QFile::exists(path), qPrintable(label(dialog, QStringLiteral("saveError"))->text()));
    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
    QString error;
    const auto loaded = Profile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->connection.url, QUrl(QStringLiteral("wss://plant-gw.example:8765/ws")));
    QCOMPARE(loaded->connection.token, QStringLiteral("s3cret-token"));
    QCOMPARE(loaded->connection.operatorName, QStringLiteral("alice"));
    QCOMPARE(loaded->connection.dialect, ConnectionSettings::Dialect::Watchfloor);

    // Back on the list, with the new profile selected: Open chooses it.
    QVERIFY(!dialog.isShowingNewProfileForm());
    QCOMPARE(dialog.selectedProfilePath(), path);
    QCOMPARE(list(dialog)->count(), 3); // demo, plant-north, shared
    QTest::mouseClick(button(dialog, QStringLiteral("openButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.chosenProfilePath(), path);
}

void TestStartDialog::invalidNameAndUrlAreRefusedWithAMessage()
{
    const QString existing = writeProfile(ProfileCatalog::userDirectory(), QStringLiteral("taken"));
    StartDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openForm(dialog, QStringLiteral("http://plant-gw.example/ws"), QString());
    QLineEdit *name = edit(dialog, QStringLiteral("nameEdit"));
    QTest::keyClicks(name, QStringLiteral("plant north"));
    QTest::mouseClick(button(dialog, QStringLiteral("saveButton")), Qt::LeftButton);

    QLabel *nameError = label(dialog, QStringLiteral("nameError"));
    QLabel *urlError = label(dialog, QStringLiteral("urlError"));
    QVERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(QStringLiteral("letters, digits")), qPrintable(nameError->text()));
    QVERIFY(urlError->isVisible());
    QVERIFY2(urlError->text().contains(QStringLiteral("ws://")), qPrintable(urlError->text()));
    QVERIFY(dialog.isShowingNewProfileForm());
    QCOMPARE(QDir(ProfileCatalog::userDirectory()).entryList(QDir::Files), QStringList {QStringLiteral("taken.ini")});

    // Editing a field takes its message away.
    QTest::keyClick(name, Qt::Key_Backspace);
    QVERIFY(!nameError->isVisible());

    // A name that is taken is refused too, and the file is left alone.
    name->clear();
    QTest::keyClicks(name, QStringLiteral("taken"));
    QLineEdit *url = edit(dialog, QStringLiteral("urlEdit"));
    url->clear();
    QTest::keyClicks(url, QStringLiteral("ws://127.0.0.1:1/ws"));
    QTest::mouseClick(button(dialog, QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(QStringLiteral("already")), qPrintable(nameError->text()));
    QVERIFY(!urlError->isVisible());
    QFile file(existing);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("taken.example"));

    // "Test connection" needs a URL too.
    url->clear();
    QTest::mouseClick(button(dialog, QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY(urlError->isVisible());
    QVERIFY(!dialog.findChild<ConnectionCheck *>()->isRunning());
}

void TestStartDialog::escapeOnTheFormGoesBackToTheList()
{
    StartDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(button(dialog, QStringLiteral("newProfileButton")), Qt::LeftButton);
    QVERIFY(dialog.isShowingNewProfileForm());
    QTest::keyClick(edit(dialog, QStringLiteral("nameEdit")), Qt::Key_Escape);
    QVERIFY(!dialog.isShowingNewProfileForm());
    QVERIFY(dialog.isVisible());
    QTest::keyClick(list(dialog), Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

// Saves the list to $WATCHFLOOR_SCREENSHOT_DIR/start-dialog.png and the form
// after a test to start-dialog-new-profile.png when set (a scratch folder
// otherwise, so both are still rendered every run).
void TestStartDialog::screenshot()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    // Folders as on a workstation, not the build tree's.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray realHome = qgetenv("HOME");
    const QByteArray realConfig = qgetenv("XDG_CONFIG_HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral(".config"))));
    const auto restore = qScopeGuard([&] {
        qputenv("HOME", realHome);
        qputenv("XDG_CONFIG_HOME", realConfig);
    });
    const QString last = writeProfile(ProfileCatalog::userDirectory(), QStringLiteral("plant-north"));
    writeProfile(ProfileCatalog::userDirectory(), QStringLiteral("night-shift"));
    const QString workstation = m_system->filePath(QStringLiteral("etc/watchfloor/profiles"));
    ProfileCatalog::setSystemDirectory(workstation);
    writeProfile(workstation, QStringLiteral("plant-south"));
    writeProfile(workstation, QStringLiteral("warehouse"));
    QSettings().setValue(StartDialog::lastProfileKey(), last);

    StartDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.selectedProfilePath(), last);
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("start-dialog.png"))));

    // The form after a successful test.
    SimHost sim(smallPlant());
    QVERIFY(sim.listen());
    openForm(dialog, sim.url(), QStringLiteral("op-7f3a"));
    QTest::keyClicks(edit(dialog, QStringLiteral("nameEdit")), QStringLiteral("plant-east"));
    edit(dialog, QStringLiteral("operatorEdit"))->setText(QStringLiteral("alice"));
    QTest::mouseClick(button(dialog, QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(testStatus(dialog).startsWith(QStringLiteral("Connected")), 10000);
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("start-dialog-new-profile.png"))));
}

QTEST_MAIN(TestStartDialog)
#include "tst_startdialog.moc"
