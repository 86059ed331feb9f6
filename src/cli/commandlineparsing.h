#pragma once

class QCommandLineParser;

// How every Watchfloor program reads its command line, so that their man
// pages can promise the same exit statuses.
namespace CommandLineParsing {

// The exit status of a wrong command line (an unknown option, a missing or
// bad value) in every program; the gateway's bad configuration file too.
constexpr int kExitUsage = 2;

// Parses QCoreApplication::arguments() with parser. A mistake is printed as
// "PROGRAM: what is wrong" with a pointer to --help on standard error, and
// the program exits with kExitUsage; --help, --help-all and --version print
// and exit 0. Returns only when the command line parsed.
void processOrExit(QCommandLineParser &parser);

} // namespace CommandLineParsing
