#include "commandlineparsing.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace CommandLineParsing {

void processOrExit(QCommandLineParser &parser)
{
    // QCommandLineParser::process() exits 1 on a mistake; parse first, so a
    // mistake is a usage error like every other wrong option value.
    if (!parser.parse(QCoreApplication::arguments())) {
        const QString program = QCoreApplication::applicationName();
        std::fprintf(stderr, "%s: %s\n%s\n", qPrintable(program), qPrintable(parser.errorText()),
                     qPrintable(QCoreApplication::translate("CommandLineParsing", "Try '%1 --help'.").arg(program)));
        std::exit(kExitUsage);
    }
    // The command line is valid: this only acts on --help, --help-all and --version.
    parser.process(QCoreApplication::arguments());
}

} // namespace CommandLineParsing
