#include "commandlineparsing.h"
#include "config/pinhash.h"
#include "config/profile.h"
#include "config/profilecatalog.h"
#include "kioskcontroller.h"
#include "language.h"
#include "mainwindow.h"
#include "services/commandservice.h"
#include "services/consoleservices.h"
#include "services/diagnosticssnapshot.h"
#include "services/diagnosticswriter.h"
#include "services/linkstatus.h"
#include "services/operatorcontrolsocket.h"
#include "services/profilecheck.h"
#include "services/session.h"
#include "simhost.h"
#include "startdialog.h"
#include "store/localstore.h"
#include "store/storeworker.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSize>
#include <QTimer>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace {

constexpr int kScreenshotTimeoutMs = 30000;
// A screenshot's size, whatever the screen (the offscreen platform's is 800×800).
constexpr QSize kScreenshotSize(1280, 800);
constexpr int kCheckTimeoutMs = 20000;

// Exit codes, as the man page lists them.
constexpr int kExitFailure = 1; // a check failed, the simulator could not start
using CommandLineParsing::kExitUsage; // a bad command line or profile

// The command line's own messages, translated under one context.
struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(Watchfloor)
};

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &message, int code)
{
    std::fprintf(stderr, "watchfloor: %s\n", qPrintable(message));
    std::exit(code);
}

// Options that only print or check: they must work over SSH on a
// workstation whose screen is elsewhere, so they need no display.
bool wantsDisplay(int argc, char *argv[])
{
    static const QList<QByteArray> headless
        = {"--list-profiles", "--check-profile", "--hash-pin", "--version", "-v", "--help", "-h", "--help-all"};
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        for (const QByteArray &option : headless) {
            if (arg == option || arg.startsWith(QByteArray(option + '=')))
                return false;
        }
    }
    return true;
}

// The file of a profile named on the command line (a name, a path, or the demo).
QString resolveProfile(const QString &nameOrPath)
{
    QString error;
    const QString path = ProfileCatalog::resolve(nameOrPath, &error);
    if (path.isEmpty())
        die(error, kExitUsage);
    return path;
}

// Every key checked before anything starts: a bad profile stops here.
Profile loadProfile(const QString &path)
{
    QString error;
    auto profile = Profile::load(path, &error);
    if (!profile)
        die(error, kExitUsage);
    return *profile;
}

// A profile with [simulator] enabled=true runs the reference simulator inside
// the console, on a free loopback port, and connects to it.
std::unique_ptr<SimHost> startSimulator(Profile &profile)
{
    if (!profile.simulator.enabled)
        return nullptr;
    SimOptions options;
    options.host = QHostAddress::LocalHost;
    options.port = 0;
    options.drones = profile.simulator.drones;
    options.machines = profile.simulator.machines;
    options.tiles = profile.simulator.tiles;
    options.seed = profile.simulator.seed;
    auto simulator = std::make_unique<SimHost>(options);
    if (!simulator->listen())
        die(Cli::tr("cannot start the built-in simulator: %1").arg(simulator->errorString()), kExitFailure);
    profile.connection.url = QUrl(simulator->url());
    profile.connection.fallbackUrls.clear();
    return simulator;
}

int listProfiles()
{
    const QList<ProfileCatalog::Entry> entries = ProfileCatalog::list();
    qsizetype width = 4;
    for (const auto &entry : entries)
        width = std::max(width, entry.name.size());
    say(QStringLiteral("%1  %2  %3")
            .arg(Cli::tr("NAME").leftJustified(width), Cli::tr("FROM").leftJustified(9), Cli::tr("FILE")));
    for (const auto &entry : entries) {
        QString origin;
        switch (entry.origin) {
        case ProfileCatalog::Entry::Origin::User:
            origin = Cli::tr("user");
            break;
        case ProfileCatalog::Entry::Origin::System:
            origin = Cli::tr("system");
            break;
        case ProfileCatalog::Entry::Origin::BuiltIn:
            origin = Cli::tr("built-in");
            break;
        }
        QString error;
        const bool valid = Profile::load(entry.path, &error).has_value();
        say(QStringLiteral("%1  %2  %3%4")
                .arg(entry.name.leftJustified(width), origin.leftJustified(9), entry.path,
                     valid ? QString()
                           : QStringLiteral("  ") + Cli::tr("(invalid: run --check-profile %1)").arg(entry.name)));
    }
    return 0;
}

int checkProfile(const QString &nameOrPath)
{
    Profile profile = loadProfile(resolveProfile(nameOrPath));
    const auto simulator = startSimulator(profile);
    ProfileCheck check(profile);
    QObject::connect(&check, &ProfileCheck::finished, QCoreApplication::instance(),
                     [](bool ok) { QCoreApplication::exit(ok ? 0 : kExitFailure); });
    check.start(kCheckTimeoutMs);
    const int code = QCoreApplication::exec();
    say(ProfileCheck::format(profile, check.report()));
    return code;
}

// Reads one line from standard input; without echo when it is a terminal.
QString readSecretLine(const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        std::fprintf(stderr, "%s", qPrintable(prompt));
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    return QString::fromStdString(line).trimmed();
}

// `--hash-pin`: the line for a kiosk profile's exit-pin-hash. The PIN is
// asked twice on a terminal; from a pipe it is read once.
int hashPin()
{
    const QString pin = readSecretLine(Cli::tr("Kiosk exit PIN: "));
    QString why;
    if (!PinHash::isAcceptablePin(pin, &why))
        die(why, kExitUsage);
    if (isatty(STDIN_FILENO) && readSecretLine(Cli::tr("The same PIN again: ")) != pin)
        die(Cli::tr("the two PINs differ; nothing was written"), kExitUsage);
    say(QStringLiteral("exit-pin-hash=") + PinHash::make(pin));
    return 0;
}

// Saves the window once live data is on screen, then quits; gives up with a
// reason if the link does not come up in time.
void arrangeScreenshot(Session &session, MainWindow &window, const QString &path)
{
    window.resize(kScreenshotSize);
    auto take = [&window, path] {
        // One more pass of the event loop so the table has laid out its rows.
        QTimer::singleShot(250, &window, [&window, path] {
            const QString absolute = QFileInfo(path).absoluteFilePath();
            QDir().mkpath(QFileInfo(absolute).absolutePath());
            if (!window.grab().save(absolute)) {
                std::fprintf(stderr, "watchfloor: %s\n",
                             qPrintable(Cli::tr("cannot write the screenshot to %1").arg(absolute)));
                QCoreApplication::exit(kExitFailure);
                return;
            }
            say(absolute);
            QCoreApplication::exit(0);
        });
    };
    if (session.hasLiveData())
        take();
    else
        QObject::connect(&session, &Session::liveDataArrived, &window, take, Qt::SingleShotConnection);

    QTimer::singleShot(kScreenshotTimeoutMs, &window, [&session] {
        const LinkStatus *c = session.link();
        QString state = LinkStatus::stateName(c->state());
        if (!c->lastError().isEmpty())
            state += QStringLiteral(", ") + c->lastError();
        std::fprintf(
            stderr, "watchfloor: %s\n",
            qPrintable(Cli::tr("no live data within %1 s (state: %2)").arg(kScreenshotTimeoutMs / 1000).arg(state)));
        QCoreApplication::exit(kExitFailure);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (wantsDisplay(argc, argv))
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Watchfloor"));
    QCoreApplication::setApplicationName(QStringLiteral("watchfloor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));
    // The Wayland app id and the taskbar's icon come from the desktop entry.
    if (qobject_cast<QGuiApplication *>(app.get()))
        QGuiApplication::setDesktopFileName(QStringLiteral("org.watchfloor.Console"));
    Language::install({}); // the system's, until a profile names its own

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Operations console for drones, production machines and control-panel devices."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        Cli::tr("Start with the profile NAME (from the user's or the system's profile folder) or the profile file at "
                "a path."),
        Cli::tr("NAME"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), Cli::tr("Start with the demo profile: the built-in simulator on a loopback port."));
    const QCommandLineOption kioskOption(
        QStringLiteral("kiosk"),
        Cli::tr("Run as a plant-floor screen (full screen, rotating views, locked), whatever "
                "the profile's [kiosk] enabled says."));
    const QCommandLineOption listOption(QStringLiteral("list-profiles"),
                                        Cli::tr("List the profiles found, and where, then exit."));
    const QCommandLineOption checkOption(
        QStringLiteral("check-profile"),
        Cli::tr("Validate the profile NAME, connect, authenticate, subscribe, wait for the snapshots and print a "
                "summary; exit 0 only if every step succeeded."),
        Cli::tr("NAME"));
    const QCommandLineOption hashPinOption(
        QStringLiteral("hash-pin"),
        Cli::tr("Read a kiosk exit PIN (4 to 12 digits) on standard input and print the exit-pin-hash line for the "
                "profile's [kiosk] section."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        Cli::tr("Once live data has arrived, save the main window to PATH (PNG) and exit."), Cli::tr("PATH"));
    const QCommandLineOption diagnosticsOption(
        QStringLiteral("diagnostics"),
        Cli::tr("Write what the console shows (link, staleness, alarms, commands, outbox) as JSON to FILE every "
                "second, replacing it whole each time (docs/reliability.md). SIGUSR1 writes one at once."),
        Cli::tr("FILE"));
    QCommandLineOption controlSocketOption(
        QStringLiteral("control-socket"),
        Cli::tr("For test tools only: take operator actions (ack, shelve, unshelve, command) from the local socket "
                "at PATH, one per line (docs/reliability.md)."),
        Cli::tr("PATH"));
    controlSocketOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({profileOption, demoOption, kioskOption, listOption, checkOption, hashPinOption, screenshotOption,
                       diagnosticsOption, controlSocketOption});
    CommandLineParsing::processOrExit(parser);

    // An administrator's command prints its answer; the connection's and the
    // simulator's running commentary would only bury it (QT_LOGGING_RULES
    // brings it back).
    if (parser.isSet(listOption) || parser.isSet(checkOption))
        QLoggingCategory::setFilterRules(QStringLiteral("watchfloor.*.debug=false\nwatchfloor.*.info=false"));
    if (parser.isSet(hashPinOption))
        return hashPin();
    if (parser.isSet(listOption))
        return listProfiles();
    if (parser.isSet(checkOption))
        return checkProfile(parser.value(checkOption));

    if (parser.isSet(profileOption) && parser.isSet(demoOption))
        die(Cli::tr("give either --profile NAME or --demo, not both"), kExitUsage);
    QString profilePath;
    if (parser.isSet(profileOption)) {
        profilePath = resolveProfile(parser.value(profileOption));
    } else if (parser.isSet(demoOption)) {
        profilePath = resolveProfile(QStringLiteral("demo"));
    } else {
        // Nobody could answer a dialog on a screen that does not exist.
        if (QGuiApplication::platformName() == u"offscreen")
            die(Cli::tr("give --profile NAME or --demo (see --help; --list-profiles shows the profiles found)"),
                kExitUsage);
        Theme::apply(ThemeMode::Light);
        StartDialog dialog;
        if (dialog.exec() != QDialog::Accepted)
            return 0;
        profilePath = dialog.chosenProfilePath();
    }
    Profile profile = loadProfile(profilePath);
    if (parser.isSet(kioskOption))
        profile.kiosk.enabled = true;
    Language::install(profile.language);
    const auto simulator = startSimulator(profile);

    // The operator's own choices for this profile, over the profile's defaults.
    const QString storeName = profile.name;
    const Preferences preferences = Preferences::load(storeName, profile.preferenceDefaults);
    Theme::apply(preferences.theme);
    Session session;
    session.setSettings(profile.connection);
    session.setSessionSettings(profile.session);
    session.setServerTexts(profile.texts);
    // The profile's local database keeps acknowledgements made while the
    // link is down. Without it the console still runs, and says why.
    session.openStore(Database::defaultPath(storeName));
    QObject::connect(session.store(), &StoreWorker::opened, [](const StoreWorker::OpenResult &result) {
        if (!result.ok)
            std::fprintf(stderr, "watchfloor: %s\n",
                         qPrintable(Cli::tr("no local database, acknowledgements made offline cannot be kept (on a "
                                            "live link they still work): %1")
                                        .arg(result.error)));
    });
    session.alarmService()->setMaximumAgeMs(profile.alarmActionMaxAgeMinutes * 60 * 1000);
    // Every service on top of the session; the window is handed them.
    ConsoleServices services(&session);
    services.commands()->setCommandsAllowed(profile.commandsAllowed());
    services.commands()->setTimeout(std::chrono::seconds(profile.commandTimeoutSeconds));
    services.commands()->setCriticalEndpoints(profile.confirmEndpoints);
    MainWindow window(&services, profile.name);
    window.setRequireAckNote(profile.requireAckNote);
    QHash<QString, ActionWords> actionWords;
    for (auto it = profile.actionWords.cbegin(); it != profile.actionWords.cend(); ++it)
        actionWords.insert(it.key(), {it->first, it->second});
    window.setActionWordMapping(actionWords);
    window.setFeatureSwitches(profile.features);
    std::unique_ptr<KioskController> kiosk;
    if (profile.kiosk.enabled) {
        // Full screen and locked; it decides what shows, not the last session.
        kiosk = std::make_unique<KioskController>(&window, session.alarms(), profile.kiosk);
        kiosk->start();
    } else {
        // A screenshot shows the window as it first opens, whatever was last used.
        if (!parser.isSet(screenshotOption))
            window.restoreWindowState(storeName);
        window.show();
    }
    // Support staff and outside tools read what the operator is shown.
    DiagnosticsSnapshot diagnostics(&session);
    diagnostics.setCommandService(services.commands());
    window.setDiagnostics(&diagnostics);
    DiagnosticsWriter diagnosticsWriter(&diagnostics);
    diagnosticsWriter.watchSignal();
    if (parser.isSet(diagnosticsOption))
        diagnosticsWriter.startPeriodic(parser.value(diagnosticsOption));
    OperatorControlSocket controlSocket(&session, services.commands());
    if (parser.isSet(controlSocketOption)) {
        QString error;
        if (!controlSocket.listen(parser.value(controlSocketOption), &error))
            die(Cli::tr("cannot open the control socket %1: %2").arg(parser.value(controlSocketOption), error),
                kExitUsage);
    }
    session.start();
    // Runs first on the way out: the link stops, and requests still in
    // flight are answered, while the window and its services still exist.
    const auto stopFirst = qScopeGuard([&session] { session.stop(); });
    window.setPreferences(preferences, storeName); // after start: "live updates off" pauses the link

    if (parser.isSet(screenshotOption))
        arrangeScreenshot(session, window, parser.value(screenshotOption));

    return QCoreApplication::exec();
}
