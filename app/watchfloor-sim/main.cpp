#include "simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {

// Parses the command line into options, or returns an error message.
std::optional<SimOptions> parseOptions(const QCommandLineParser &parser, QString *error)
{
    SimOptions o;
    if (!o.host.setAddress(parser.value(QStringLiteral("host")))) {
        *error = QCoreApplication::translate("main", "--host: \"%1\" is not an IP address")
                     .arg(parser.value(QStringLiteral("host")));
        return std::nullopt;
    }
    bool ok = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
    if (!ok || port > 65535) {
        *error = QCoreApplication::translate("main", "--port: expected 0-65535");
        return std::nullopt;
    }
    o.port = quint16(port);
    o.drones = parser.value(QStringLiteral("drones")).toInt(&ok);
    if (!ok || o.drones < 0 || o.drones > 10000) {
        *error = QCoreApplication::translate("main", "--drones: expected 0-10000");
        return std::nullopt;
    }
    o.rate = parser.value(QStringLiteral("rate")).toDouble(&ok);
    if (!ok || o.rate < 0.01 || o.rate > 1000.0) {
        *error = QCoreApplication::translate("main", "--rate: expected a number from 0.01 to 1000");
        return std::nullopt;
    }
    o.seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok) {
        *error = QCoreApplication::translate("main", "--seed: expected a non-negative integer");
        return std::nullopt;
    }
    o.heartbeatMs = parser.value(QStringLiteral("heartbeat-ms")).toInt(&ok);
    if (!ok || o.heartbeatMs < 100 || o.heartbeatMs > 3600000) {
        *error = QCoreApplication::translate("main", "--heartbeat-ms: expected 100-3600000");
        return std::nullopt;
    }
    o.token = parser.value(QStringLiteral("token"));
    if (o.token.isEmpty())
        o.token = qEnvironmentVariable("WATCHFLOOR_SIM_TOKEN");
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("watchfloor-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Reference server for Watchfloor: a simulated drone fleet over WebSocket at ws://HOST:PORT/ws."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("host"), QCoreApplication::translate("main", "Address to listen on (default 127.0.0.1)."),
         QStringLiteral("address"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"),
         QCoreApplication::translate("main", "Port to listen on; 0 picks a free one (default 8765)."),
         QStringLiteral("port"), QStringLiteral("8765")},
        {QStringLiteral("drones"), QCoreApplication::translate("main", "Number of simulated drones (default 12)."),
         QStringLiteral("count"), QStringLiteral("12")},
        {QStringLiteral("rate"),
         QCoreApplication::translate("main", "Multiplies every cadence; 2 reports twice as often (default 1)."),
         QStringLiteral("factor"), QStringLiteral("1")},
        {QStringLiteral("token"),
         QCoreApplication::translate(
             "main", "Token clients must present; default from WATCHFLOOR_SIM_TOKEN, else any token is accepted."),
         QStringLiteral("token")},
        {QStringLiteral("heartbeat-ms"),
         QCoreApplication::translate("main", "Heartbeat period announced to consoles, in ms (default 15000)."),
         QStringLiteral("ms"), QStringLiteral("15000")},
        {QStringLiteral("seed"), QCoreApplication::translate("main", "Seed of the simulated world (default 1)."),
         QStringLiteral("n"), QStringLiteral("1")},
    });
    parser.process(app);

    QString error;
    const auto options = parseOptions(parser, &error);
    if (!options) {
        std::fprintf(stderr, "watchfloor-sim: %s\n", qPrintable(error));
        return 2;
    }

    SimServer server(*options);
    if (!server.listen()) {
        std::fprintf(stderr, "watchfloor-sim: cannot listen on %s:%u: %s\n", qPrintable(options->host.toString()),
                     unsigned(options->port), qPrintable(server.errorString()));
        return 1;
    }
    std::printf("watchfloor-sim listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
