#include "alarmsview.h"
#include "app/commandservice.h"
#include "app/profile.h"
#include "app/session.h"
#include "mainwindow.h"
#include "simserver.h"
#include "store/localstore.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

constexpr int kScreenshotTimeoutMs = 30000;

// The command line's own messages, translated under one context.
struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(Watchfloor)
};

[[noreturn]] void die(const QString &message, int code)
{
    std::fprintf(stderr, "watchfloor: %s\n", qPrintable(message));
    std::exit(code);
}

// Saves the window once live data is on screen, then quits; gives up with a
// reason if the link does not come up in time.
void arrangeScreenshot(Session &session, MainWindow &window, const QString &path)
{
    auto take = [&window, path] {
        // One more pass of the event loop so the table has laid out its rows.
        QTimer::singleShot(250, &window, [&window, path] {
            const QString absolute = QFileInfo(path).absoluteFilePath();
            QDir().mkpath(QFileInfo(absolute).absolutePath());
            if (!window.grab().save(absolute)) {
                std::fprintf(stderr, "watchfloor: cannot write the screenshot to %s\n", qPrintable(absolute));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("%s\n", qPrintable(absolute));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    };
    if (session.hasLiveData())
        take();
    else
        QObject::connect(&session, &Session::liveDataArrived, &window, take, Qt::SingleShotConnection);

    QTimer::singleShot(kScreenshotTimeoutMs, &window, [&session] {
        const ConnectionService *c = session.connection();
        std::fprintf(stderr, "watchfloor: no live data within %d s (state: %s%s%s)\n", kScreenshotTimeoutMs / 1000,
                     qPrintable(ConnectionService::stateName(c->state())), c->lastError().isEmpty() ? "" : ", ",
                     qPrintable(c->lastError()));
        QCoreApplication::exit(1);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Watchfloor"));
    QCoreApplication::setApplicationName(QStringLiteral("watchfloor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Operations console for drones, production machines and control-panel devices."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        Cli::tr("Connect as described by the profile FILE (INI: [server] url, token; "
                "[operator] name)."),
        Cli::tr("FILE"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), Cli::tr("Start the built-in simulator on a free loopback port and connect to it."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        Cli::tr("Once live data has arrived, save the main window to PATH (PNG) and exit."), Cli::tr("PATH"));
    parser.addOptions({profileOption, demoOption, screenshotOption});
    parser.process(app);

    if (parser.isSet(profileOption) == parser.isSet(demoOption))
        die(Cli::tr("give either --profile FILE or --demo (see --help)"), 2);

    Profile profile;
    std::unique_ptr<SimServer> simulator;
    if (parser.isSet(demoOption)) {
        SimOptions options;
        options.host = QHostAddress::LocalHost;
        options.port = 0;
        simulator = std::make_unique<SimServer>(options);
        if (!simulator->listen())
            die(Cli::tr("cannot start the built-in simulator: %1").arg(simulator->errorString()), 1);
        profile.name = Cli::tr("Demo");
        profile.connection.url = QUrl(simulator->url());
        profile.connection.operatorName = qEnvironmentVariable("USER", QStringLiteral("demo"));
    } else {
        QString error;
        auto loaded = Profile::load(parser.value(profileOption), &error);
        if (!loaded)
            die(error, 2);
        profile = *loaded;
    }

    // The operator's own choices for this profile, over the profile's defaults.
    const QString storeName
        = parser.isSet(demoOption) ? QStringLiteral("demo") : QFileInfo(profile.path).completeBaseName();
    const Preferences preferences = Preferences::load(storeName, profile.preferenceDefaults);
    Theme::apply(preferences.theme);
    LocalStore store; // before the session, which uses it until its end
    Session session;
    session.setSettings(profile.connection);
    session.setSessionSettings(profile.session);
    // The profile's local database keeps acknowledgements made while the
    // link is down. Without it the console still runs, and says why.
    if (store.open(LocalStore::defaultPath(storeName)))
        session.setStore(&store);
    else
        std::fprintf(stderr, "watchfloor: %s\n",
                     qPrintable(Cli::tr("no local database, acknowledgements made offline "
                                        "cannot be kept: %1")
                                    .arg(store.lastError())));
    MainWindow window(&session, profile.name);
    window.setRequireAckNote(profile.requireAckNote);
    window.commandService()->setCommandsAllowed(profile.commandsEnabled);
    window.commandService()->setTimeout(std::chrono::seconds(profile.commandTimeoutSeconds));
    window.commandService()->setCriticalEndpoints(profile.confirmEndpoints);
    // A screenshot shows the window as it first opens, whatever was last used.
    if (!parser.isSet(screenshotOption))
        window.restoreWindowState(storeName);
    window.show();
    session.start();
    window.setPreferences(preferences, storeName); // after start: "live updates off" pauses the link

    if (parser.isSet(screenshotOption))
        arrangeScreenshot(session, window, parser.value(screenshotOption));

    return QApplication::exec();
}
