#include "benchprobe.h"
#include "benchserver.h"
#include "mainwindow.h"
#include "net/connectionservice.h"
#include "services/consoleservices.h"
#include "services/session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

// watchfloor-bench: how fast the console's data path is, measured end to end
// over a real socket. The reference server (in-process, in a thread of its
// own, or any server at --url) streams live updates in its load mode; a
// Session applies them to its models as the console does, optionally with
// the whole main window painting on the offscreen platform. It reports the
// time to connect and to the first complete snapshot, the sustained ingest,
// the latency from each event's send time to its being applied, model change
// signals, the worst stall of the event loop, peak memory and CPU, as an
// aligned table and one JSON line. docs/performance.md explains the figures.
namespace {

struct Config
{
    int drones = 10000;
    int machines = 2000;
    int tiles = 500;
    double rate = 10000;
    double seconds = 10;
    int frameMs = -1; // the session's default
    int warmupMs = 1000;
    bool window = false;
    bool max = false;
    bool jsonOnly = false;
    QString url; // empty: the in-process server
    QString token;
};

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

std::optional<Config> parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(arg("Load benchmark of the Watchfloor console's data path."));
    parser.addHelpOption();
    parser.addOptions({
        {arg("drones"), arg("Drones of the in-process server (default 10000)."), arg("n"), arg("10000")},
        {arg("machines"), arg("Machines of the in-process server (default 2000)."), arg("n"), arg("2000")},
        {arg("tiles"), arg("Control-panel tiles of the in-process server (default 500)."), arg("n"), arg("500")},
        {arg("rate"), arg("Live events per second the server sends (default 10000; with --max, the first tried)."),
         arg("events"), arg("10000")},
        {arg("seconds"), arg("Length of the measurement (of each trial with --max; default 10)."), arg("s"), arg("10")},
        {arg("frame-ms"), arg("The session's batch interval (default: the session's own)."), arg("ms")},
        {arg("window"), arg("Also show the main window (offscreen), so painting counts.")},
        {arg("max"), arg("Ramp the rate up and report the highest one sustained.")},
        {arg("json-only"), arg("Print only the JSON line.")},
        {arg("url"), arg("Measure against this server instead of the in-process one (its load rate is --rate)."),
         arg("url")},
        {arg("token"), arg("Token for --url."), arg("token")},
    });
    parser.process(app);
    Config c;
    bool ok = true;
    const auto number = [&](const char *name) {
        bool good = false;
        const double v = parser.value(arg(name)).toDouble(&good);
        ok = ok && good && v >= 0;
        return v;
    };
    c.drones = int(number("drones"));
    c.machines = int(number("machines"));
    c.tiles = int(number("tiles"));
    c.rate = number("rate");
    c.seconds = std::max(0.5, number("seconds"));
    if (parser.isSet(arg("frame-ms")))
        c.frameMs = int(number("frame-ms"));
    c.window = parser.isSet(arg("window"));
    c.max = parser.isSet(arg("max"));
    c.jsonOnly = parser.isSet(arg("json-only"));
    c.url = parser.value(arg("url"));
    c.token = parser.value(arg("token"));
    if (!ok) {
        std::fprintf(stderr, "watchfloor-bench: numbers must be non-negative\n");
        return std::nullopt;
    }
    if (c.max && !c.url.isEmpty()) {
        std::fprintf(stderr, "watchfloor-bench: --max needs the in-process server, whose rate it can change\n");
        return std::nullopt;
    }
    return c;
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

struct Trial
{
    double rate = 0.0;
    BenchProbe::Result result;
    qint64 protocolErrors = 0;
    bool sustained = false;
};

QJsonObject trialJson(const Trial &t)
{
    const BenchProbe::Result &r = t.result;
    return {
        {arg("rate"), t.rate},
        {arg("appliedPerSecond"), std::round(r.appliedPerSecond)},
        {arg("latencyP99Ms"), round1(r.latencyP99)},
        {arg("latencyGrowing"), r.latencyGrowing},
        {arg("sustained"), t.sustained},
    };
}

// The whole run: connect, wait for the snapshot, then one measurement or,
// with --max, a ramp of trials.
class Bench : public QObject
{
public:
    Bench(const Config &config, BenchServer *server)
        : m_config(config)
        , m_server(server)
        , m_probe(&m_session,
                  {m_session.drones(), m_session.machines(), m_session.tiles(), m_session.alarms(),
                   m_session.commands(), m_session.operators(), m_session.activity(), m_session.health()},
                  server ? server->threadId() : 0)
    {
        ConnectionSettings settings;
        settings.url = QUrl(server ? server->url() : config.url);
        settings.token = config.token;
        settings.operatorName = arg("bench");
        m_session.setSettings(settings);
        if (config.frameMs >= 0)
            m_session.setBatchInterval(config.frameMs);
        m_session.setTrackSendTimes(true);
        if (config.window) {
            m_windowServices = std::make_unique<ConsoleServices>(&m_session);
            m_window = std::make_unique<MainWindow>(m_windowServices.get(), arg("bench"));
            m_window->resize(1280, 800);
            m_window->show();
        }
        connect(m_session.connection(), &ConnectionService::stateChanged, this, [this](Domain::LinkState s) {
            if (m_connectMs < 0 && s == Domain::LinkState::Authenticating)
                m_connectMs = double(m_sinceStart.nsecsElapsed()) / 1e6;
        });
        connect(&m_session, &Session::liveDataArrived, this, [this] {
            if (m_snapshotMs >= 0)
                return;
            m_snapshotMs = double(m_sinceStart.nsecsElapsed()) / 1e6;
            m_config.max ? ramp() : measureOnce();
        });
        connect(&m_session, &Session::batchApplied, this, [this] { m_lastApplied.start(); });
    }

    void start()
    {
        m_sinceStart.start();
        m_session.start();
        QTimer::singleShot(30000, this, [this] {
            if (m_snapshotMs < 0) {
                std::fprintf(stderr, "watchfloor-bench: no complete snapshot within 30 s\n");
                QCoreApplication::exit(1);
            }
        });
    }

private:
    using Done = std::function<void(const Trial &)>;

    // One window at `rate`: warm up, measure, and (in-process) stop the
    // load and let what is queued drain before `done`.
    void trial(double rate, const Done &done)
    {
        if (m_server)
            m_server->setLoadRate(rate);
        QTimer::singleShot(m_config.warmupMs, this, [this, rate, done] {
            const qint64 errorsBefore = m_session.connection()->protocolErrorCount();
            m_probe.start();
            QTimer::singleShot(int(m_config.seconds * 1000), this, [this, rate, done, errorsBefore] {
                Trial t;
                t.rate = rate;
                t.result = m_probe.stop();
                t.protocolErrors = m_session.connection()->protocolErrorCount() - errorsBefore;
                t.sustained = t.result.appliedPerSecond >= 0.98 * rate && !t.result.latencyGrowing
                    && t.protocolErrors == 0 && m_session.hasLiveData();
                if (!m_server) {
                    done(t);
                    return;
                }
                m_server->setLoadRate(0);
                drain(0, [done, t] { done(t); });
            });
        });
    }

    // Waits until nothing has been applied for half a second (at most 20 s).
    void drain(int waitedMs, const std::function<void()> &then)
    {
        if (waitedMs >= 20000 || !m_lastApplied.isValid() || m_lastApplied.elapsed() > 500) {
            then();
            return;
        }
        QTimer::singleShot(100, this, [this, waitedMs, then] { drain(waitedMs + 100, then); });
    }

    void measureOnce()
    {
        trial(m_config.rate, [this](const Trial &t) { finish(t, {}); });
    }

    // Doubles the rate while it is sustained, then halves the gap between
    // the best sustained and the first failed until they are within 10 %.
    void ramp()
    {
        m_rampRate = std::max(1000.0, m_config.rate);
        rampStep();
    }

    void rampStep()
    {
        trial(m_rampRate, [this](const Trial &t) {
            m_trials.append(t);
            if (!m_config.jsonOnly) {
                std::printf("trial %10.0f events/s: applied %10.0f/s, p99 %7.1f ms%s -> %s\n", t.rate,
                            t.result.appliedPerSecond, t.result.latencyP99, t.result.latencyGrowing ? ", growing" : "",
                            t.sustained ? "sustained" : "behind");
                std::fflush(stdout);
            }
            if (t.sustained) {
                m_best = t;
                m_lo = t.rate;
            } else {
                m_hi = t.rate;
            }
            constexpr double kCeiling = 8e6;
            const bool bracketed = m_hi > 0 && m_lo > 0 && (m_hi - m_lo) / m_hi < 0.1;
            const bool gaveUp = (m_hi > 0 && m_hi <= 1000.0 && m_lo == 0) || m_trials.size() >= 14;
            if (bracketed || gaveUp || m_lo >= kCeiling) {
                finish(m_best.value_or(t), m_lo);
                return;
            }
            m_rampRate = m_hi == 0 ? m_lo * 2 : std::round((m_lo + m_hi) / 2.0);
            rampStep();
        });
    }

    void finish(const Trial &t, std::optional<double> maxRate)
    {
        const BenchProbe::Result &r = t.result;
        const double offered = t.rate;
        QJsonObject json {
            {arg("server"), m_server ? arg("in-process") : m_config.url},
            {arg("drones"), m_config.drones},
            {arg("machines"), m_config.machines},
            {arg("tiles"), m_config.tiles},
            {arg("rate"), offered},
            {arg("frameMs"), m_config.frameMs},
            {arg("window"), m_config.window},
            {arg("seconds"), round1(r.seconds)},
            {arg("connectMs"), round1(m_connectMs)},
            {arg("snapshotMs"), round1(m_snapshotMs)},
            {arg("appliedPerSecond"), std::round(r.appliedPerSecond)},
            {arg("appliedRatio"), offered > 0 ? std::round(r.appliedPerSecond / offered * 1000) / 1000 : 0.0},
            {arg("latencyMs"),
             QJsonObject {{arg("p50"), round1(r.latencyP50)},
                          {arg("p95"), round1(r.latencyP95)},
                          {arg("p99"), round1(r.latencyP99)},
                          {arg("max"), round1(r.latencyMax)},
                          {arg("samples"), r.latencySamples}}},
            {arg("latencyGrowing"), r.latencyGrowing},
            {arg("modelSignalsPerSecond"), std::round(r.modelSignalsPerSecond)},
            {arg("worstStallMs"), round1(r.worstStallMs)},
            {arg("peakRssMiB"), round1(BenchProbe::peakRssMiB())},
            {arg("cpuProcessPercent"), round1(r.cpuProcessPercent)},
            {arg("cpuGuiThreadPercent"), round1(r.cpuGuiThreadPercent)},
            {arg("cpuServerThreadPercent"), round1(r.cpuServerThreadPercent)},
            {arg("protocolErrors"), m_session.connection()->protocolErrorCount()},
        };
        if (maxRate) {
            json.insert(arg("maxSustainedRate"), *maxRate);
            QJsonArray trials;
            for (const Trial &each : std::as_const(m_trials))
                trials.append(trialJson(each));
            json.insert(arg("trials"), trials);
        }
        if (!m_config.jsonOnly)
            printTable(json, r);
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        m_session.stop();
        QCoreApplication::exit(m_session.connection()->protocolErrorCount() == 0 ? 0 : 1);
    }

    void printTable(const QJsonObject &json, const BenchProbe::Result &r) const
    {
        const auto row
            = [](const char *name, const QString &value) { std::printf("  %-30s %s\n", name, qPrintable(value)); };
        const auto n = [](double v, int decimals = 1) { return QString::number(v, 'f', decimals); };
        std::printf("watchfloor-bench\n");
        row("server", json.value(arg("server")).toString());
        row("scale",
            arg("%1 drones, %2 machines, %3 tiles").arg(m_config.drones).arg(m_config.machines).arg(m_config.tiles));
        row("offered (events/s)", n(json.value(arg("rate")).toDouble(), 0));
        if (json.contains(arg("maxSustainedRate")))
            row("max sustained (events/s)", n(json.value(arg("maxSustainedRate")).toDouble(), 0));
        row("batch interval (ms)", m_config.frameMs < 0 ? arg("session default") : n(m_config.frameMs, 0));
        row("main window", m_config.window ? arg("shown (offscreen)") : arg("no"));
        row("time to connect (ms)", n(m_connectMs));
        row("time to snapshot (ms)", n(m_snapshotMs));
        row("applied (events/s)",
            n(r.appliedPerSecond, 0) + arg(" (") + n(json.value(arg("appliedRatio")).toDouble() * 100) + arg(" %)"));
        row("latency p50/p95/p99/max (ms)",
            n(r.latencyP50) + u'/' + n(r.latencyP95) + u'/' + n(r.latencyP99) + u'/' + n(r.latencyMax)
                + (r.latencyGrowing ? arg(" growing") : QString()));
        row("model signals (/s)", n(r.modelSignalsPerSecond, 0));
        row("worst event-loop stall (ms)", n(r.worstStallMs));
        row("peak RSS (MiB)", n(json.value(arg("peakRssMiB")).toDouble()));
        row("CPU process/GUI/server (%)",
            n(r.cpuProcessPercent, 0) + u'/' + n(r.cpuGuiThreadPercent, 0) + u'/'
                + (r.cpuServerThreadPercent < 0 ? arg("-") : n(r.cpuServerThreadPercent, 0)));
        row("protocol errors", QString::number(json.value(arg("protocolErrors")).toInteger()));
    }

    Config m_config;
    BenchServer *m_server;
    Session m_session;
    BenchProbe m_probe;
    std::unique_ptr<ConsoleServices> m_windowServices;
    std::unique_ptr<MainWindow> m_window;
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_lastApplied;
    double m_connectMs = -1;
    double m_snapshotMs = -1;
    double m_rampRate = 0;
    double m_lo = 0; // the best sustained rate so far
    double m_hi = 0; // the lowest rate that fell behind
    std::optional<Trial> m_best;
    QList<Trial> m_trials;
};

} // namespace

int main(int argc, char *argv[])
{
    // Widgets need a QApplication; without --window the core needs none.
    bool window = false;
    for (int i = 1; i < argc; ++i)
        window = window || std::strcmp(argv[i], "--window") == 0;
    std::unique_ptr<QCoreApplication> app
        = window ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);

    const std::optional<Config> config = parse(*app);
    if (!config)
        return 2;

    std::unique_ptr<BenchServer> server;
    if (config->url.isEmpty()) {
        SimOptions options;
        options.drones = config->drones;
        options.machines = config->machines;
        options.tiles = config->tiles;
        options.loadRate = 0; // from the first complete snapshot on
        // The world's own reports (every drone every 5 s) would add to the
        // offered rate; nearly frozen, the load mode is all that flows.
        options.rate = 0.001;
        server = std::make_unique<BenchServer>(options);
        if (!server->start()) {
            std::fprintf(stderr, "watchfloor-bench: %s\n", qPrintable(server->errorString()));
            return 1;
        }
    }
    Bench bench(*config, server.get());
    bench.start();
    return QCoreApplication::exec();
}
