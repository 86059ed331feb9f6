#include "commandlineparsing.h"
#include "gatewayconfigfile.h"
#include "gatewayhost.h"
#include "sparkplughostlink.h"
#include "sparkplugsource.h"
#include "terminationsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("main", text);
}

int endpointCount(const SparkplugSourceConfig &config)
{
    int count = 0;
    for (const auto &tile : config.tiles) {
        for (const auto &device : tile.devices)
            count += int(device.endpoints.size());
    }
    return count;
}

} // namespace

int main(int argc, char *argv[])
{
    // One line per event, key=value after the category, as watchfloor-sim logs.
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category} %{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("watchfloor-gateway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Plant gateway for Watchfloor: serves the console's protocol over WebSocket at ws://HOST:PORT/ws, with a "
           "REST fallback under /api/v1, from a Sparkplug B plant on an MQTT broker."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"),
                      tr("The configuration file (default /etc/watchfloor/gateway.ini); docs/gateway.md describes it."),
                      QStringLiteral("file"), QStringLiteral("/etc/watchfloor/gateway.ini")});
    parser.addOption({QStringLiteral("check-config"),
                      tr("Check the configuration file, print what it describes, and exit: 0 when it is valid, 2 "
                         "when not.")});
    CommandLineParsing::processOrExit(parser);

    const QString path = parser.value(QStringLiteral("config"));
    QStringList errors;
    const auto config = GatewayConfigFile::read(path, &errors);
    if (!config) {
        for (const QString &error : std::as_const(errors))
            std::fprintf(stderr, "watchfloor-gateway: %s\n", qPrintable(error));
        return CommandLineParsing::kExitUsage;
    }
    const SparkplugSourceConfig &plant = config->source();
    if (parser.isSet(QStringLiteral("check-config"))) {
        std::printf("%s: valid\n", qPrintable(path));
        std::printf("listen: %s:%u\n", qPrintable(config->options().host.toString()), unsigned(config->options().port));
        std::printf("broker: %s:%u as host %s, groups %s\n", qPrintable(plant.broker.host), unsigned(plant.broker.port),
                    qPrintable(plant.hostId), qPrintable(plant.groups.join(u", ")));
        std::printf("plant: %d tiles, %d endpoints, %d alarm conditions, %d interlocks\n", int(plant.tiles.size()),
                    endpointCount(plant), int(plant.alarms.size()), int(plant.interlocks.size()));
        std::printf("tokens: %d\n", int(config->options().tokens.size()));
        return 0;
    }

    // The source publishes through the link and the link feeds the source;
    // the host owns the source, the link lives beside it and goes first.
    SparkplugHostLink *link = nullptr;
    auto source = std::make_unique<SparkplugSource>(
        plant, [&link](const QString &topic, const QByteArray &payload, int qos, bool retain) {
            return link && link->publish(topic, payload, qos, retain);
        });
    SparkplugSource &sparkplug = *source;
    GatewayHost host(config->options(), std::move(source));
    SparkplugHostLink hostLink(plant, sparkplug);
    link = &hostLink;
    if (!host.listen()) {
        std::fprintf(stderr, "watchfloor-gateway: cannot listen on %s:%u: %s\n",
                     qPrintable(config->options().host.toString()), unsigned(config->options().port),
                     qPrintable(host.errorString()));
        return 1;
    }
    if (!hostLink.open()) {
        std::fprintf(stderr, "watchfloor-gateway: cannot use the broker %s:%u\n", qPrintable(plant.broker.host),
                     unsigned(plant.broker.port));
        return CommandLineParsing::kExitUsage;
    }
    // SIGINT and SIGTERM: STATE offline to the broker, close 1001 to every console.
    TerminationSignals::watch(
        "watchfloor-gateway",
        [&hostLink, &host] {
            hostLink.close();
            host.close();
        },
        &host);
    std::printf("watchfloor-gateway listening on %s\n", qPrintable(host.url()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
