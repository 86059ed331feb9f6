#include "chaosrun.h"
#include "commandlineparsing.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cstdio>

// watchfloor-chaos: a soak of real consoles against the reference server
// under injected faults; docs/reliability.md.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("watchfloor-chaos"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the reference server and several watchfloor consoles, each behind a fault-injecting proxy, injects "
        "faults drawn from the seed and checks the consoles' promises (I1-I5) against the server. Exits 1 on any "
        "violation."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the fault schedule (1)."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption faults(QStringLiteral("faults"), QStringLiteral("Faults to inject (20)."),
                                    QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Seconds over which the faults are spread (60)."),
                                      QStringLiteral("SECONDS"), QStringLiteral("60"));
    const QCommandLineOption consoles(QStringLiteral("consoles"), QStringLiteral("Consoles under test (3)."),
                                      QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption console(QStringLiteral("console"),
                                     QStringLiteral("The watchfloor executable (the one built beside this tool)."),
                                     QStringLiteral("PATH"), QStringLiteral(WATCHFLOOR_CONSOLE_PATH));
    const QCommandLineOption diskLimit(
        QStringLiteral("disk-limit-kb"),
        QStringLiteral("File size limit of the last console, its full disk (1024; 0: none)."), QStringLiteral("KIB"),
        QStringLiteral("1024"));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Keep the consoles' folders (profiles, logs, snapshots)."));
    parser.addOptions({seed, faults, duration, consoles, console, diskLimit, keep});
    CommandLineParsing::processOrExit(parser);
    QLoggingCategory::setFilterRules(QStringLiteral("watchfloor.*.debug=false\nwatchfloor.*.info=false"));

    ChaosRun::Options options;
    bool ok = true;
    auto number = [&parser, &ok](const QCommandLineOption &option, int minimum) {
        bool valid = false;
        const int value = parser.value(option).toInt(&valid);
        if (!valid || value < minimum) {
            std::fprintf(stderr, "watchfloor-chaos: --%s needs a whole number >= %d\n",
                         qPrintable(option.names().constFirst()), minimum);
            ok = false;
        }
        return value;
    };
    options.seed = quint32(number(seed, 0));
    options.faults = number(faults, 0);
    options.durationSeconds = number(duration, 5);
    options.consoles = number(consoles, 1);
    options.diskLimitBytes = qint64(number(diskLimit, 0)) * 1024;
    options.consoleExecutable = parser.value(console);
    options.keepFolder = parser.isSet(keep);
    if (!ok)
        return CommandLineParsing::kExitUsage;
    if (!QFileInfo(options.consoleExecutable).isExecutable()) {
        std::fprintf(stderr, "watchfloor-chaos: %s is not an executable (see --console)\n",
                     qPrintable(options.consoleExecutable));
        return CommandLineParsing::kExitUsage;
    }
    ChaosRun run(options);
    return run.exec();
}
