#include "chaosrun.h"

#include "simhost.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>

#include <cstdio>

namespace {

constexpr int kHeartbeatMs = 2000; // the server's hello; consoles give a silent link two periods
constexpr qint64 kReplayAgeMs = 5000; // the server keeps events this long for resume
// The consoles' poll-after-ms, which their profiles leave at its default:
// the WebSocket failing this long before they fall back to polling.
constexpr int kPollAfterMs = 15000;
constexpr int kCheckIntervalMs = 500;
constexpr int kActionIntervalMs = 700;
constexpr int kSettleLimitMs = 45000;

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

// Writable bool endpoints in a `tiles` snapshot.
QStringList boolEndpoints(const QJsonArray &tiles)
{
    QStringList ids;
    for (const QJsonValue &tile : tiles) {
        for (const QJsonValue &device : tile[u"devices"].toArray()) {
            for (const QJsonValue &endpoint : device[u"endpoints"].toArray()) {
                if (endpoint[u"writable"].toBool() && endpoint[u"valueType"].toString() == u"bool"
                    && !endpoint[u"critical"].toBool())
                    ids << endpoint[u"endpointId"].toString();
            }
        }
    }
    return ids;
}

} // namespace

ChaosRun::ChaosRun(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_random(options.seed)
    , m_actionRandom(options.seed ^ 0x9e3779b9u)
{
    m_folder.setAutoRemove(!options.keepFolder);
    connect(&m_faultTimer, &QTimer::timeout, this, &ChaosRun::injectFault);
    connect(&m_actionTimer, &QTimer::timeout, this, &ChaosRun::consoleAction);
    connect(&m_checkTimer, &QTimer::timeout, this, &ChaosRun::checkAll);
}

ChaosRun::~ChaosRun()
{
    m_consoles.clear(); // before the server they talk to
}

QString ChaosRun::faultName(Fault fault)
{
    switch (fault) {
    case Fault::Drop:
        return QStringLiteral("link drop");
    case Fault::Stall:
        return QStringLiteral("stall past the heartbeat");
    case Fault::CutMidFrame:
        return QStringLiteral("cut mid-frame");
    case Fault::Delay:
        return QStringLiteral("delay");
    case Fault::DuplicateReordered:
        return QStringLiteral("duplicated and reordered across a reconnect");
    case Fault::ServerRestart:
        return QStringLiteral("server restart");
    case Fault::ResumeRefused:
        return QStringLiteral("resume refused");
    case Fault::ReplayExpired:
        return QStringLiteral("replay window expired");
    case Fault::PollingFallback:
        return QStringLiteral("polling fallback and back");
    }
    return {};
}

bool ChaosRun::startServer(quint16 port)
{
    SimOptions options;
    options.host = QHostAddress::LocalHost;
    options.port = port;
    options.drones = 6;
    options.machines = 8;
    options.tiles = 2;
    options.rate = 2.0;
    options.commandFailureRate = 0.1;
    options.scenarios
        = {QStringLiteral("alarm-flood"), QStringLiteral("chattering-sensor"), QStringLiteral("machine-breakdown")};
    // Each instance numbers its sessions apart from the last one's.
    options.seed = m_options.seed * 100 + quint32(++m_serverInstance);
    options.heartbeatMs = kHeartbeatMs;
    options.replayAgeMs = kReplayAgeMs;
    // The sign-in deadline stays the server's default (5 s), as in the field:
    // a stall that holds a console's auth back past it must not stop it.
    m_server = std::make_unique<SimHost>(options);
    if (!m_server->listen()) {
        say(QStringLiteral("cannot start the reference server: %1").arg(m_server->errorString()));
        return false;
    }
    m_port = m_server->port();
    m_checker.setServer(m_server.get());
    return true;
}

void ChaosRun::restartServer()
{
    m_server->close();
    m_server.reset();
    if (!startServer(m_port)) {
        m_exitCode = 3;
        QCoreApplication::exit(3);
    }
}

void ChaosRun::logFault(Fault fault, const QString &target)
{
    ++m_faultsInjected;
    ++m_faultCounts[faultName(fault)];
    m_faultLog
        << QStringLiteral("%1 s  %2  %3").arg(double(elapsedMs()) / 1000.0, 0, 'f', 1).arg(faultName(fault), target);
}

void ChaosRun::injectFault()
{
    if (m_faultsInjected >= m_options.faults) {
        m_faultTimer.stop();
        settle();
        return;
    }
    const Fault fault = Fault(m_random.bounded(int(Fault::PollingFallback) + 1));
    if (fault == Fault::ServerRestart) {
        logFault(fault, QStringLiteral("server"));
        restartServer();
        return;
    }
    ChaosConsole *console = m_consoles.at(m_random.bounded(int(m_consoles.size()))).get();
    if (m_busyUntil.value(console) > elapsedMs()) {
        // A lasting fault is still at work there: a drop is the one thing that adds to it.
        logFault(Fault::Drop, console->name());
        console->proxy()->dropAll();
        return;
    }
    ChaosProxy *proxy = console->proxy();
    logFault(fault, console->name());
    auto until = [this, console](int ms, std::function<void()> undo) {
        m_busyUntil.insert(console, elapsedMs() + ms);
        QTimer::singleShot(ms, this, std::move(undo));
    };
    switch (fault) {
    case Fault::Drop:
        proxy->dropAll();
        break;
    case Fault::Stall:
        proxy->setStalled(true);
        m_checker.noteLinkDown(console->name(), true);
        m_checker.noteLinkImpaired(console->name(), 2 * kHeartbeatMs + 1500);
        until(2 * kHeartbeatMs + 1500, [this, proxy, console] {
            m_checker.noteLinkDown(console->name(), false);
            proxy->setStalled(false);
        });
        break;
    case Fault::CutMidFrame:
        proxy->cutMidFrame();
        break;
    case Fault::Delay:
        proxy->setDelayMs(200 + int(m_random.bounded(400)));
        m_checker.noteLinkImpaired(console->name(), 3000);
        until(3000, [proxy] { proxy->setDelayMs(0); });
        break;
    case Fault::DuplicateReordered:
        proxy->duplicateAcrossReconnect();
        break;
    case Fault::ResumeRefused:
        proxy->refuseNextResume();
        proxy->dropAll();
        break;
    case Fault::ReplayExpired:
        // Gone longer than the server keeps events: the resume must fail
        // and the console resynchronise.
        proxy->setRefusing(true);
        proxy->dropAll();
        m_checker.noteLinkDown(console->name(), true);
        m_checker.noteLinkImpaired(console->name(), kReplayAgeMs + 2000);
        until(int(kReplayAgeMs) + 2000, [this, proxy, console] {
            m_checker.noteLinkDown(console->name(), false);
            proxy->setRefusing(false);
        });
        break;
    case Fault::PollingFallback:
        // WebSockets refused, the REST API still answers, for longer than a
        // console bridges by reconnecting (its default poll-after-ms, 15 s)
        // and then 8 s of polling.
        proxy->setRefusingWebSockets(true);
        proxy->dropAll();
        until(kPollAfterMs + 8000, [proxy] { proxy->setRefusingWebSockets(false); });
        break;
    case Fault::ServerRestart:
        break;
    }
}

void ChaosRun::consoleAction()
{
    ChaosConsole *console = m_consoles.at(m_actionRandom.bounded(int(m_consoles.size()))).get();
    if (!console->readDiagnostics())
        return;
    const QJsonObject &doc = console->diagnostics();
    if (!doc[u"link"][u"liveData"].toBool())
        return;
    const int roll = int(m_actionRandom.bounded(100));
    QString type;
    QString target;
    qint64 shown = -1;
    QString request;
    if (roll < 80) {
        const QJsonArray alarms = doc[u"alarms"][u"items"].toArray();
        QJsonArray candidates;
        for (const QJsonValue &alarm : alarms) {
            const QString state = alarm[u"state"].toString();
            if (roll < 55 ? !alarm[u"acknowledged"].toBool() : (roll < 70 ? state != u"shelved" : state == u"shelved"))
                candidates.append(alarm);
        }
        if (candidates.isEmpty())
            return;
        const QJsonObject alarm = candidates.at(m_actionRandom.bounded(int(candidates.size()))).toObject();
        target = alarm[u"id"].toString();
        shown = alarm[u"count"].toInteger();
        type = roll < 55 ? QStringLiteral("ack_alarm")
                         : (roll < 70 ? QStringLiteral("shelve_alarm") : QStringLiteral("unshelve_alarm"));
        request = roll < 55
            ? QStringLiteral("ack %1").arg(target)
            : (roll < 70 ? QStringLiteral("shelve %1 1").arg(target) : QStringLiteral("unshelve %1").arg(target));
    } else {
        const QStringList endpoints = boolEndpoints(m_server->snapshotAll()[u"channels"][u"tiles"].toArray());
        if (endpoints.isEmpty())
            return;
        target = endpoints.at(m_actionRandom.bounded(int(endpoints.size())));
        bool value = m_actionRandom.bounded(2) == 1;
        for (const QJsonValue &endpoint : doc[u"endpoints"][u"items"].toArray()) {
            if (endpoint[u"id"].toString() == target)
                value = !endpoint[u"value"].toBool();
        }
        type = QStringLiteral("command");
        request = QStringLiteral("command %1 %2").arg(target, value ? QStringLiteral("true") : QStringLiteral("false"));
    }
    ++m_actionCounts[type + QStringLiteral(" asked")];
    const qint64 sentMs = QDateTime::currentMSecsSinceEpoch();
    console->act(request, [this, console, type, target, shown, sentMs](const QJsonObject &answer) {
        if (!answer[u"ok"].toBool()) {
            const QString reason = answer[u"error"].toString();
            ++m_actionCounts[type + QStringLiteral(" refused at the console: ")
                             + (reason.isEmpty() ? QStringLiteral("no answer") : reason)];
            return;
        }
        // Acknowledging an unconfirmed row (one the server no longer lists)
        // lets it go at the console: nothing is sent, so there is no request
        // for I4 to follow.
        if (answer[u"letGo"].toBool()) {
            ++m_actionCounts[type + QStringLiteral(" let go (unconfirmed, not sent)")];
            return;
        }
        ++m_actionCounts[type + QStringLiteral(" accepted")];
        if (type != u"command")
            m_checker.noteConsoleAction(console->name(), type, target, answer[u"requestId"].toString(),
                                        answer[u"count"].toInteger(shown), sentMs);
    });
}

void ChaosRun::checkAll()
{
    for (const auto &console : m_consoles)
        m_checker.check(*console);
}

void ChaosRun::settle()
{
    m_actionTimer.stop();
    for (const auto &console : m_consoles) {
        console->proxy()->clear();
        m_checker.noteLinkDown(console->name(), false);
    }
    m_operator->stop();
    say(QStringLiteral("%1 faults injected in %2 s; settling").arg(m_faultsInjected).arg(elapsedMs() / 1000));
    // Done when every console has been live with data for a while and its
    // outbox is empty, or after the limit.
    auto *poll = new QTimer(this);
    const qint64 started = elapsedMs();
    connect(poll, &QTimer::timeout, this, [this, poll, started] {
        bool settled = true;
        for (const auto &console : m_consoles) {
            if (!console->readDiagnostics()) {
                settled = false;
                continue;
            }
            const QJsonObject &doc = console->diagnostics();
            settled = settled && doc[u"link"][u"liveData"].toBool() && doc[u"link"][u"liveForMs"].toInteger() >= 5000
                && doc[u"outbox"][u"waiting"].toInt() == 0;
        }
        if (!settled && elapsedMs() - started < kSettleLimitMs)
            return;
        poll->stop();
        if (!settled)
            say(QStringLiteral("not every console settled within %1 s").arg(kSettleLimitMs / 1000));
        m_checker.finalCheck([this] {
            QList<ChaosConsole *> list;
            for (const auto &console : m_consoles)
                list << console.get();
            return list;
        }());
        QCoreApplication::exit(0);
    });
    poll->start(500);
}

int ChaosRun::exec()
{
    if (!m_folder.isValid()) {
        say(QStringLiteral("cannot make a temporary folder"));
        return 3;
    }
    m_clock.start();
    if (!startServer(0))
        return 3;
    m_operator = std::make_unique<ChaosOperator>(m_options.seed, [this] {
        QStringList ids;
        if (m_server) {
            for (const QJsonValue &alarm : m_server->alarms().snapshot())
                ids << alarm[u"alarmId"].toString();
        }
        return ids;
    });
    m_operator->start(m_server->url(), 1500);
    for (int i = 1; i <= m_options.consoles; ++i) {
        const bool limited = m_options.diskLimitBytes > 0 && i == m_options.consoles && m_options.consoles > 1;
        auto console = std::make_unique<ChaosConsole>(
            i, m_options.consoleExecutable, QDir(m_folder.path()).filePath(QStringLiteral("console-%1").arg(i)), m_port,
            limited ? m_options.diskLimitBytes : 0);
        QString error;
        if (!console->start(&error)) {
            say(error);
            return 3;
        }
        connect(console->proxy(), &ChaosProxy::resumeGarbled, this,
                [this] { ++m_faultCounts[QStringLiteral("(resume requests garbled)")]; });
        if (limited) {
            ++m_faultCounts[QStringLiteral("disk full (file size limit)")];
            m_faultLog << QStringLiteral("0.0 s  disk full (%1 KiB file size limit)  %2")
                              .arg(m_options.diskLimitBytes / 1024)
                              .arg(console->name());
        }
        m_consoles.push_back(std::move(console));
    }
    say(QStringLiteral("watchfloor-chaos: seed %1, %2 faults over %3 s, %4 consoles, server on port %5, folder %6")
            .arg(m_options.seed)
            .arg(m_options.faults)
            .arg(m_options.durationSeconds)
            .arg(m_options.consoles)
            .arg(m_port)
            .arg(m_folder.path()));
    // Faults spread over four fifths of the duration; the rest lets things settle.
    const int interval = std::max(200, m_options.durationSeconds * 800 / std::max(1, m_options.faults));
    // The consoles come up first; the first fault waits for them.
    QTimer::singleShot(5000, this, [this, interval] { m_faultTimer.start(interval); });
    m_actionTimer.start(kActionIntervalMs);
    m_checkTimer.start(kCheckIntervalMs);
    QCoreApplication::exec();
    m_checkTimer.stop();
    for (const auto &console : m_consoles) {
        if (!console->isRunning())
            say(QStringLiteral("%1 is not running at the end; its log ends:\n%2")
                    .arg(console->name(), console->logTail()));
    }
    return m_exitCode ? m_exitCode : report();
}

int ChaosRun::report()
{
    say(QStringLiteral("\nfaults injected: %1").arg(m_faultsInjected));
    for (auto it = m_faultCounts.cbegin(); it != m_faultCounts.cend(); ++it)
        say(QStringLiteral("  %1: %2").arg(it.key()).arg(it.value()));
    say(QStringLiteral("operator actions (second operator: %1 requests)").arg(m_operator->actions()));
    for (auto it = m_actionCounts.cbegin(); it != m_actionCounts.cend(); ++it)
        say(QStringLiteral("  %1: %2").arg(it.key()).arg(it.value()));
    say(QStringLiteral("seen in the consoles' snapshots"));
    for (auto it = m_checker.seen().cbegin(); it != m_checker.seen().cend(); ++it)
        say(QStringLiteral("  %1: %2").arg(it.key()).arg(it.value()));
    say(QStringLiteral("checks made"));
    for (auto it = m_checker.checks().cbegin(); it != m_checker.checks().cend(); ++it)
        say(QStringLiteral("  %1: %2").arg(it.key()).arg(it.value()));
    const auto &violations = m_checker.violations();
    say(QStringLiteral("violations: %1").arg(violations.size()));
    for (const auto &v : violations) {
        say(QStringLiteral("  [%1] %2 at %3 s (seed %4): %5")
                .arg(v.invariant, v.console)
                .arg(double(v.atMs) / 1000.0, 0, 'f', 1)
                .arg(m_options.seed)
                .arg(v.detail));
    }
    if (!violations.isEmpty()) {
        say(QStringLiteral("fault log (reproduce with --seed %1 --faults %2 --duration %3 --consoles %4):")
                .arg(m_options.seed)
                .arg(m_options.faults)
                .arg(m_options.durationSeconds)
                .arg(m_options.consoles));
        for (const QString &line : std::as_const(m_faultLog))
            say(QStringLiteral("  ") + line);
    }
    return violations.isEmpty() ? 0 : 1;
}
