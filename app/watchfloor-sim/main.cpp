#include "commandlineparsing.h"
#include "simhost.h"
#include "terminationsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <functional>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("main", text);
}

// A whole-number option with its bounds and where it goes.
struct NumberOption
{
    const char *name;
    const char *help;
    qint64 fallback;
    qint64 min;
    qint64 max;
    std::function<void(SimOptions &, qint64)> apply;
};

const QList<NumberOption> &numberOptions()
{
    static const QList<NumberOption> options = {
        {"port", QT_TRANSLATE_NOOP("main", "Port to listen on; 0 picks a free one (default 8765)."), 8765, 0, 65535,
         [](SimOptions &o, qint64 v) { o.port = quint16(v); }},
        {"drones", QT_TRANSLATE_NOOP("main", "Number of simulated drones (default 12)."), 12, 0, 10000,
         [](SimOptions &o, qint64 v) { o.drones = int(v); }},
        {"machines", QT_TRANSLATE_NOOP("main", "Number of machines on the production lines (default 24)."), 24, 0,
         10000, [](SimOptions &o, qint64 v) { o.machines = int(v); }},
        {"tiles", QT_TRANSLATE_NOOP("main", "Number of control-panel tiles, each a hot-liquor tank (default 2)."), 2, 0,
         1000, [](SimOptions &o, qint64 v) { o.tiles = int(v); }},
        {"seed",
         QT_TRANSLATE_NOOP("main", "Seed of the simulated world; the same seed gives the same world (default 1)."), 1,
         0, 4294967295LL, [](SimOptions &o, qint64 v) { o.seed = quint32(v); }},
        {"heartbeat-ms",
         QT_TRANSLATE_NOOP("main",
                           "Heartbeat period announced to consoles; silent ones are dropped after twice "
                           "that (default 15000)."),
         15000, 100, 3600000, [](SimOptions &o, qint64 v) { o.heartbeatMs = int(v); }},
        {"auth-timeout-ms",
         QT_TRANSLATE_NOOP("main", "Time a console has to authenticate before close 4008 (default 5000)."), 5000, 100,
         600000, [](SimOptions &o, qint64 v) { o.authTimeoutMs = int(v); }},
        {"max-connections", QT_TRANSLATE_NOOP("main", "Connections at once; more are closed with 1013 (default 100)."),
         100, 1, 100000, [](SimOptions &o, qint64 v) { o.maxConnections = int(v); }},
        {"message-rate", QT_TRANSLATE_NOOP("main", "Messages per second a console may send, sustained (default 10)."),
         10, 1, 100000, [](SimOptions &o, qint64 v) { o.messagesPerSecond = double(v); }},
        {"message-burst", QT_TRANSLATE_NOOP("main", "Messages a console may send at once (default 20)."), 20, 1, 100000,
         [](SimOptions &o, qint64 v) { o.messageBurst = int(v); }},
        {"max-subscriptions", QT_TRANSLATE_NOOP("main", "Subscriptions per console (default 50)."), 50, 1, 10000,
         [](SimOptions &o, qint64 v) { o.maxSubscriptions = int(v); }},
        {"max-frame-bytes",
         QT_TRANSLATE_NOOP("main",
                           "Largest message a console may send; larger ones close with 1009 (default 1048576)."),
         1048576, 1024, 268435456, [](SimOptions &o, qint64 v) { o.maxFrameBytes = v; }},
        {"malformed-limit", QT_TRANSLATE_NOOP("main", "Malformed messages in a row before close 1007 (default 20)."),
         20, 1, 100000, [](SimOptions &o, qint64 v) { o.malformedLimit = int(v); }},
        {"max-send-buffer-bytes",
         QT_TRANSLATE_NOOP("main",
                           "Bytes a console may leave unread before it is dropped with close 4009 (default "
                           "16777216)."),
         16777216, 65536, 4294967296LL, [](SimOptions &o, qint64 v) { o.maxSendBufferBytes = v; }},
        {"max-body-bytes",
         QT_TRANSLATE_NOOP("main",
                           "Largest body a REST request may carry; larger ones are answered 413 unread (default "
                           "65536)."),
         65536, 1024, 268435456, [](SimOptions &o, qint64 v) { o.maxBodyBytes = v; }},
        {"max-waiting-sessions",
         QT_TRANSLATE_NOOP("main", "Sessions of gone consoles kept for their resume (default 400)."), 400, 0, 100000,
         [](SimOptions &o, qint64 v) { o.maxWaitingSessions = int(v); }},
        {"max-waiting-sessions-per-token", QT_TRANSLATE_NOOP("main", "The same, per token (default 50)."), 50, 0,
         100000, [](SimOptions &o, qint64 v) { o.maxWaitingSessionsPerToken = int(v); }},
        {"replay-events", QT_TRANSLATE_NOOP("main", "Events the server keeps for resume (default 10000)."), 10000, 0,
         10000000, [](SimOptions &o, qint64 v) { o.replayEvents = qsizetype(v); }},
        {"replay-seconds", QT_TRANSLATE_NOOP("main", "How long events are kept for resume (default 300)."), 300, 0,
         86400, [](SimOptions &o, qint64 v) { o.replayAgeMs = v * 1000; }},
        {"load-rate",
         QT_TRANSLATE_NOOP("main",
                           "Load mode: synthetic live updates per second to every console on drones, machines or "
                           "telemetry, besides the world's own (default 0: off)."),
         0, 0, 10000000, [](SimOptions &o, qint64 v) { o.loadRate = double(v); }},
    };
    return options;
}

std::optional<SimOptions> parseOptions(const QCommandLineParser &parser, QString *error)
{
    SimOptions o;
    if (!o.host.setAddress(parser.value(QStringLiteral("host")))) {
        *error = tr("--host: \"%1\" is not an IP address").arg(parser.value(QStringLiteral("host")));
        return std::nullopt;
    }
    for (const NumberOption &option : numberOptions()) {
        bool ok = false;
        const QString text = parser.value(QLatin1StringView(option.name));
        const qint64 v = text.toLongLong(&ok);
        if (!ok || v < option.min || v > option.max) {
            *error = tr("--%1: expected a whole number from %2 to %3, not \"%4\"")
                         .arg(QLatin1StringView(option.name))
                         .arg(option.min)
                         .arg(option.max)
                         .arg(text);
            return std::nullopt;
        }
        option.apply(o, v);
    }
    bool ok = false;
    o.rate = parser.value(QStringLiteral("rate")).toDouble(&ok);
    if (!ok || o.rate < 0.01 || o.rate > 1000.0) {
        *error = tr("--rate: expected a number from 0.01 to 1000");
        return std::nullopt;
    }
    o.commandFailureRate = parser.value(QStringLiteral("command-failure-rate")).toDouble(&ok);
    if (!ok || o.commandFailureRate < 0.0 || o.commandFailureRate > 1.0) {
        *error = tr("--command-failure-rate: expected a number from 0 to 1");
        return std::nullopt;
    }
    o.scenarios = parser.value(QStringLiteral("scenario")).split(u',', Qt::SkipEmptyParts);
    for (const QString &scenario : std::as_const(o.scenarios)) {
        if (!SimWorld::scenarios().contains(scenario)) {
            *error = tr("--scenario: \"%1\" is not one of %2").arg(scenario, SimWorld::scenarios().join(u", "));
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("tokens-file"))) {
        if (const auto failure = o.loadTokensFile(parser.value(QStringLiteral("tokens-file")))) {
            *error = tr("--tokens-file: %1").arg(*failure);
            return std::nullopt;
        }
    }
    const bool certificate = parser.isSet(QStringLiteral("tls-cert"));
    if (certificate != parser.isSet(QStringLiteral("tls-key"))) {
        *error = tr("--tls-cert and --tls-key go together: give both or neither");
        return std::nullopt;
    }
    if (certificate) {
        if (const auto failure
            = o.loadTls(parser.value(QStringLiteral("tls-cert")), parser.value(QStringLiteral("tls-key")))) {
            *error = tr("TLS: %1").arg(*failure);
            return std::nullopt;
        }
    }
    QString token = parser.value(QStringLiteral("token"));
    if (token.isEmpty())
        token = qEnvironmentVariable("WATCHFLOOR_SIM_TOKEN");
    if (!token.isEmpty())
        o.tokens.insert(token, QStringLiteral("operator"));
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    // One line per event, key=value after the category, easy to grep and to
    // ship to a log collector; QT_MESSAGE_PATTERN still overrides it.
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category} %{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("watchfloor-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Reference server for Watchfloor: a simulated plant over WebSocket at ws://HOST:PORT/ws, with a REST "
           "fallback under http://HOST:PORT/api/v1."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("host"), tr("Address to listen on (default 127.0.0.1)."),
                      QStringLiteral("address"), QStringLiteral("127.0.0.1")});
    parser.addOption({QStringLiteral("rate"),
                      tr("World time runs this many times faster than the clock; every cadence scales (default 1)."),
                      QStringLiteral("factor"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("command-failure-rate"),
                      tr("Share of accepted commands the simulated devices fail, 0 to 1 (default 0)."),
                      QStringLiteral("share"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("scenario"),
                      tr("Scripted events, comma-separated: alarm-flood, chattering-sensor, machine-breakdown."),
                      QStringLiteral("names")});
    parser.addOption({QStringLiteral("token"),
                      tr("A token that grants the role operator; default from WATCHFLOOR_SIM_TOKEN. With no token "
                         "and no tokens file, any token is accepted as operator."),
                      QStringLiteral("token")});
    parser.addOption({QStringLiteral("tokens-file"),
                      tr("File of \"token role\" lines (role: viewer, operator or admin)."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("tls-cert"),
                      tr("PEM certificate: the port then speaks TLS only (wss:// and https://); needs --tls-key."),
                      QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("tls-key"), tr("Unencrypted PEM private key of --tls-cert."), QStringLiteral("file")});
    for (const NumberOption &option : numberOptions()) {
        parser.addOption(
            {QLatin1StringView(option.name), tr(option.help), QStringLiteral("n"), QString::number(option.fallback)});
    }
    CommandLineParsing::processOrExit(parser);

    QString error;
    const auto options = parseOptions(parser, &error);
    if (!options) {
        std::fprintf(stderr, "watchfloor-sim: %s\n", qPrintable(error));
        return CommandLineParsing::kExitUsage;
    }

    SimHost server(*options);
    if (!server.listen()) {
        std::fprintf(stderr, "watchfloor-sim: cannot listen on %s:%u: %s\n", qPrintable(options->host.toString()),
                     unsigned(options->port), qPrintable(server.errorString()));
        return 1;
    }
    // SIGINT and SIGTERM: every console gets close 1001 (going away) and
    // reconnects elsewhere or later.
    TerminationSignals::watch(
        "watchfloor-sim", [&server] { server.close(); }, &server);
    std::printf("watchfloor-sim listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
