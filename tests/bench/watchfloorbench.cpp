#include "app/session.h"
#include "simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

// Measures the console's core under load: the reference server in-process
// with a large fleet at a high rate, a Session connected over a real socket,
// and what it costs — events applied per second, model change signals per
// second (how well updates are coalesced), the worst stall of the event
// loop, CPU time and resident memory. Prints one JSON object.
namespace {

qint64 residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : -1;
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load benchmark of the Watchfloor core against watchfloor-sim."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("drones"), QStringLiteral("Simulated drones (default 2000)."), QStringLiteral("n"),
         QStringLiteral("2000")},
        {QStringLiteral("rate"), QStringLiteral("World speed-up: each drone reports every 5 s / rate (default 10)."),
         QStringLiteral("factor"), QStringLiteral("10")},
        {QStringLiteral("seconds"), QStringLiteral("Measured time after the link is live (default 10)."),
         QStringLiteral("s"), QStringLiteral("10")},
    });
    parser.process(app);

    SimOptions options;
    options.drones = parser.value(QStringLiteral("drones")).toInt();
    options.machines = 0;
    options.tiles = 1;
    options.rate = parser.value(QStringLiteral("rate")).toDouble();
    const int seconds = std::max(1, parser.value(QStringLiteral("seconds")).toInt());
    SimServer server(options);
    if (!server.listen()) {
        std::fprintf(stderr, "watchfloor-bench: %s\n", qPrintable(server.errorString()));
        return 1;
    }

    Session session;
    ConnectionSettings settings;
    settings.url = QUrl(server.url());
    settings.operatorName = QStringLiteral("bench");
    session.setSettings(settings);

    qint64 events = 0;
    qint64 modelSignals = 0;
    bool measuring = false;
    QObject::connect(session.connection(), &ConnectionService::messageReceived, &app,
                     [&](const Protocol::Message &) { events += measuring; });
    QObject::connect(session.drones(), &QAbstractItemModel::dataChanged, &app, [&] { modelSignals += measuring; });

    // The event loop's worst lateness: a 10 ms timer that should fire on time.
    QElapsedTimer tickClock;
    qint64 worstStallMs = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        if (measuring && tickClock.isValid())
            worstStallMs = std::max(worstStallMs, tickClock.elapsed() - 10);
        tickClock.restart();
    });

    QElapsedTimer wall;
    double cpuAtStart = 0;
    QObject::connect(&session, &Session::liveDataArrived, &app, [&] {
        if (measuring)
            return;
        measuring = true;
        cpuAtStart = cpuSeconds();
        wall.start();
        ticker.start();
        tickClock.start();
        QTimer::singleShot(seconds * 1000, &app, [&] {
            const double elapsed = double(wall.elapsed()) / 1000.0;
            const QJsonObject result {
                {QStringLiteral("drones"), options.drones},
                {QStringLiteral("rate"), options.rate},
                {QStringLiteral("seconds"), elapsed},
                {QStringLiteral("eventsPerSecond"), std::round(double(events) / elapsed)},
                {QStringLiteral("modelChangeSignalsPerSecond"), std::round(double(modelSignals) / elapsed)},
                {QStringLiteral("worstEventLoopStallMs"), worstStallMs},
                {QStringLiteral("cpuSecondsPerSecond"), std::round((cpuSeconds() - cpuAtStart) / elapsed * 100) / 100},
                {QStringLiteral("residentMiB"), std::round(double(residentKiB()) / 102.4) / 10},
                {QStringLiteral("protocolErrors"), session.connection()->protocolErrorCount()},
            };
            std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
            QCoreApplication::exit(session.connection()->protocolErrorCount() == 0 ? 0 : 1);
        });
    });
    session.start();
    QTimer::singleShot(30000 + seconds * 1000, &app, [] {
        std::fprintf(stderr, "watchfloor-bench: the link never became live\n");
        QCoreApplication::exit(1);
    });
    return QCoreApplication::exec();
}
