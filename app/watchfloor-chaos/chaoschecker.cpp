#include "chaoschecker.h"

#include "chaosconsole.h"
#include "simhost.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// The console re-evaluates staleness about once a second and writes its
// snapshot once a second: a row may show fresh this long past its period.
constexpr qint64 kStaleSlackMs = 1500;
// "One frame later": the console applies what arrived once per frame
// (33 ms), the server sends what is due once per pass; this covers both and
// the sampling of the server's book.
constexpr qint64 kSettleMs = 300;
// Two heartbeat periods (2 s each, the server's hello) plus the slack above.
constexpr qint64 kDeadLinkMs = 2 * 2000 + kStaleSlackMs;
// While polling, a long poll may wait 25 s for news before it answers, and
// a request is given 3 s more (the consoles' request-timeout-ms).
constexpr qint64 kDeadPollingMs = 25000 + 3000 + kStaleSlackMs;
// A console that has not written its snapshot for this long is stalled.
constexpr qint64 kStalledMs = 5000;
constexpr qint64 kSeqHistoryMs = 15000;

QString alarmLine(const QString &state, qint64 count, const QString &ackedBy)
{
    return QStringLiteral("%1 #%2 by '%3'").arg(state).arg(count).arg(ackedBy);
}

} // namespace

ChaosChecker::ChaosChecker(QObject *parent)
    : QObject(parent)
    , m_startMs(nowMs())
{
    m_sampler.setInterval(50);
    connect(&m_sampler, &QTimer::timeout, this, &ChaosChecker::sampleServer);
    m_sampler.start();
}

qint64 ChaosChecker::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void ChaosChecker::setServer(SimHost *server)
{
    m_server = server;
    ++m_instance;
    m_serverStartedMs = nowMs();
    m_bookSignature.clear();
    // A difference seen against the last run's book says nothing of this
    // one, even if the new book happens to read the same.
    m_alarmSuspects.clear();
    connect(server, &SimHost::actionPerformed, this, &ChaosChecker::onAction);
    sampleServer();
}

void ChaosChecker::sampleServer()
{
    if (!m_server)
        return;
    const QByteArray book = QJsonDocument(m_server->alarms().snapshot()).toJson(QJsonDocument::Compact);
    const QByteArray signature = QCryptographicHash::hash(book, QCryptographicHash::Sha1);
    const qint64 now = nowMs();
    if (signature != m_bookSignature) {
        m_bookSignature = signature;
        m_bookChangedMs = now;
    }
    for (const QString &sessionId : std::as_const(m_lastSessionShown)) {
        const auto seq = m_server->sessionSeq(sessionId);
        if (!seq)
            continue;
        auto &history = m_seqHistory[sessionId];
        history.emplace_back(now, *seq);
        while (!history.empty() && history.front().first < now - kSeqHistoryMs)
            history.pop_front();
    }
}

void ChaosChecker::onAction(const QString &operatorName, const QString &type, const QJsonObject &request,
                            const QJsonObject &data, const QJsonObject &error, bool repeated)
{
    // A request id sent again (its answer was lost with the link) is answered
    // from the server's memory and runs nothing: it is not a second delivery.
    if (repeated)
        return;
    ServerAction action;
    action.operatorName = operatorName;
    action.type = type;
    action.ok = error.isEmpty();
    action.atMs = nowMs();
    if (type == u"command") {
        action.target = request[u"commandId"].toString();
        m_commandSeen[action.target].append(action.atMs);
    } else {
        action.target = request[u"alarmId"].isDouble() ? QString::number(request[u"alarmId"].toInteger())
                                                       : request[u"alarmId"].toString();
        action.count = data[u"count"].toInteger(-1);
    }
    m_serverActions.append(action);
}

void ChaosChecker::noteConsoleAction(const QString &console, const QString &type, const QString &target,
                                     const QString &requestId, qint64 shownCount, qint64 sentMs)
{
    // A repeat of an action still waiting is that same action (the console
    // answers with its request id): it keeps the time it was first made, as
    // the server may have run it before the repeat.
    const bool known = std::any_of(m_consoleActions.cbegin(), m_consoleActions.cend(), [&](const ConsoleAction &a) {
        return a.console == console && a.requestId == requestId;
    });
    if (!known)
        m_consoleActions.append({console, type, target, requestId, shownCount, sentMs});
}

void ChaosChecker::noteLinkDown(const QString &console, bool down)
{
    if (down)
        m_linkDownSince.insert(console, nowMs());
    else
        m_linkDownSince.remove(console);
}

void ChaosChecker::noteLinkImpaired(const QString &console, qint64 forMs)
{
    m_impairedUntil.insert(console, std::max(m_impairedUntil.value(console), nowMs() + forMs));
}

void ChaosChecker::violate(const QString &invariant, const QString &console, const QString &key, const QString &detail)
{
    const QString id = invariant + u'|' + console + u'|' + key;
    if (m_reported.contains(id))
        return;
    m_reported.insert(id);
    m_violations.append({invariant, console, nowMs() - m_startMs, detail});
    std::fprintf(stderr, "VIOLATION %s %s at %.1f s: %s\n", qPrintable(invariant), qPrintable(console),
                 double(nowMs() - m_startMs) / 1000.0, qPrintable(detail));
}

void ChaosChecker::check(ChaosConsole &console)
{
    if (!console.readDiagnostics())
        return;
    const QJsonObject &doc = console.diagnostics();
    const qint64 written = console.diagnosticsWrittenMs();
    count(QStringLiteral("responsive"));
    if (console.isRunning() && nowMs() - written > kStalledMs)
        violate(QStringLiteral("responsive"), console.name(), QString::number(written),
                QStringLiteral("no diagnostics snapshot for %1 ms: the console's event loop is stalled")
                    .arg(nowMs() - written));
    const QString state = doc[u"link"][u"state"].toString();
    const QString before = m_lastStateShown.value(console.name());
    if (state != before) {
        m_lastStateShown.insert(console.name(), state);
        if (state == u"polling")
            ++m_seen[QStringLiteral("polling")];
        else if (state == u"live" && !before.isEmpty() && before != u"live")
            ++m_seen[QStringLiteral("live again after ") + before + QStringLiteral(", ")
                     + doc[u"link"][u"lastRecovery"].toString()];
    }
    checkStaleness(console, doc, written);
    checkAlarms(console, doc, written);
    checkSequence(console, doc, written);
    checkActions(console, doc, false);
    checkCommands(console, doc);
}

void ChaosChecker::checkStaleness(const ChaosConsole &console, const QJsonObject &doc, qint64 writtenMs)
{
    const QJsonObject link = doc[u"link"].toObject();
    const bool live = link[u"live"].toBool();
    const QString state = link[u"state"].toString();
    count(QStringLiteral("I1"));
    if (live && m_linkDownSince.contains(console.name())) {
        const qint64 downFor = writtenMs - m_linkDownSince.value(console.name());
        if (downFor > (state == u"polling" ? kDeadPollingMs : kDeadLinkMs))
            violate(QStringLiteral("I1"), console.name(),
                    QStringLiteral("dead-link@%1").arg(m_linkDownSince.value(console.name())),
                    QStringLiteral("the link is shown %1 %2 ms after it was cut (allowed: %3 ms)")
                        .arg(state)
                        .arg(downFor)
                        .arg(state == u"polling" ? kDeadPollingMs : kDeadLinkMs));
    }
    for (const char *group : {"drones", "machines", "endpoints", "health", "alarms"}) {
        const QJsonObject entities = doc[QLatin1StringView(group)].toObject();
        const qint64 period = entities[u"expectedPeriodMs"].toInteger();
        for (const QJsonValue &value : entities[u"items"].toArray()) {
            const QJsonObject item = value.toObject();
            if (item[u"stale"].toBool())
                continue;
            const QString key = QLatin1StringView(group) + u'/' + item[u"id"].toString();
            if (!live) {
                violate(QStringLiteral("I1"), console.name(), key + u'@' + state,
                        QStringLiteral("%1 is shown live while the link is %2").arg(key, state));
            } else if (period > 0 && item[u"ageMs"].toInteger() > 3 * period + kStaleSlackMs) {
                violate(QStringLiteral("I1"), console.name(), key + QStringLiteral("@age"),
                        QStringLiteral("%1 is shown live at %2 ms old (stale after %3 ms)")
                            .arg(key)
                            .arg(item[u"ageMs"].toInteger())
                            .arg(3 * period));
            }
        }
    }
}

void ChaosChecker::checkAlarms(const ChaosConsole &console, const QJsonObject &doc, qint64 writtenMs)
{
    if (!m_server)
        return;
    const QJsonObject link = doc[u"link"].toObject();
    if (!link[u"liveData"].toBool() || link[u"liveForMs"].toInteger() < 0)
        return;
    // While the proxy delays or holds the stream back the console cannot know
    // better yet (a stall is found out within two heartbeats: I1).
    if (m_impairedUntil.value(console.name()) > writtenMs)
        return;
    const qint64 liveSince = writtenMs - link[u"liveForMs"].toInteger();
    // Only a document written after the server's book last changed, and
    // after the console had been live a frame, can be compared exactly.
    if (writtenMs < std::max({m_bookChangedMs, liveSince, m_serverStartedMs}) + kSettleMs)
        return;
    count(QStringLiteral("I2"));
    if (link[u"liveForMs"].toInteger() < 5000)
        count(QStringLiteral("I2 after a recovery"));
    // The reference server announces nothing of a shelved alarm (it is
    // suppressed) while its activations go on changing its count and
    // clearing its acknowledgement: of a shelved alarm only the state is
    // compared, since nobody could have been told the rest.
    auto line = [](const QJsonObject &alarm, const QString &state, qint64 count) {
        return state == u"shelved" ? state : alarmLine(state, count, alarm[u"ackedBy"].toString());
    };
    QMap<QString, QString> server;
    for (const QJsonValue &value : m_server->alarms().snapshot()) {
        const QJsonObject alarm = value.toObject();
        server.insert(
            alarm[u"alarmId"].toString(),
            line(alarm, alarm[u"state"].toString(QStringLiteral("active_unacked")), alarm[u"count"].toInteger(1)));
    }
    QMap<QString, QString> shown;
    for (const QJsonValue &value : doc[u"alarms"][u"items"].toArray()) {
        const QJsonObject alarm = value.toObject();
        const QString id = alarm[u"id"].toString();
        // An alarm the server stopped listing while it still waited for an
        // acknowledgement stays on screen marked unconfirmed, by design: not a ghost.
        if (alarm[u"unconfirmed"].toBool() && !server.contains(id))
            continue;
        shown.insert(id, line(alarm, alarm[u"state"].toString(), alarm[u"count"].toInteger()));
    }
    if (server == shown) {
        m_alarmSuspects.remove(console.name());
        return;
    }
    QStringList differences;
    for (auto it = server.cbegin(); it != server.cend(); ++it) {
        if (!shown.contains(it.key()))
            differences << QStringLiteral("%1 lost (server: %2)").arg(it.key(), it.value());
        else if (shown.value(it.key()) != it.value())
            differences << QStringLiteral("%1 shown %2, server %3").arg(it.key(), shown.value(it.key()), it.value());
    }
    for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
        if (!server.contains(it.key()))
            differences << QStringLiteral("%1 ghost (shown: %2)").arg(it.key(), it.value());
    }
    const QString what = differences.join(u';');
    const Suspect suspect = m_alarmSuspects.value(console.name());
    if (suspect.book != m_bookSignature || suspect.what != what || suspect.writtenMs >= writtenMs) {
        m_alarmSuspects.insert(console.name(), {m_bookSignature, writtenMs, what});
        return;
    }
    violate(QStringLiteral("I2"), console.name(), what,
            QStringLiteral("alarm list differs from the server's book %1 ms after it last changed, in two snapshots "
                           "a second apart (live for %2 ms): %3")
                .arg(writtenMs - m_bookChangedMs)
                .arg(link[u"liveForMs"].toInteger())
                .arg(differences.join(QStringLiteral("; "))));
}

void ChaosChecker::checkSequence(const ChaosConsole &console, const QJsonObject &doc, qint64 writtenMs)
{
    if (!m_server)
        return;
    const QJsonObject link = doc[u"link"].toObject();
    const QString sessionId = link[u"sessionId"].toString();
    const quint64 lastSeq = link[u"lastSeq"].toString().toULongLong();
    const QString previousSession = m_lastSessionShown.value(console.name());
    const quint64 previousSeq = m_lastSeqShown.value(console.name());
    m_lastSessionShown.insert(console.name(), sessionId);
    m_lastSeqShown.insert(console.name(), lastSeq);
    // The REST fallback numbers with the server's journal, not the session.
    if (link[u"state"].toString() != u"live" || sessionId.isEmpty())
        return;
    // A document written before the server now running started speaks of the last one.
    if (writtenMs < m_serverStartedMs + kSettleMs)
        return;
    count(QStringLiteral("I3"));
    if (sessionId == previousSession && lastSeq < previousSeq)
        violate(QStringLiteral("I3"), console.name(), QStringLiteral("back@%1").arg(lastSeq),
                QStringLiteral("session %1 went back from seq %2 to %3").arg(sessionId).arg(previousSeq).arg(lastSeq));
    const auto serverSeq = m_server->sessionSeq(sessionId);
    if (!serverSeq) {
        if (link[u"liveForMs"].toInteger() > 3000)
            violate(QStringLiteral("I3"), console.name(), QStringLiteral("unknown@") + sessionId,
                    QStringLiteral("live on session %1, which the server does not know").arg(sessionId));
        return;
    }
    if (lastSeq > *serverSeq)
        violate(QStringLiteral("I3"), console.name(), QStringLiteral("ahead@%1").arg(lastSeq),
                QStringLiteral("applied seq %1 of session %2, the server has numbered only %3")
                    .arg(lastSeq)
                    .arg(sessionId)
                    .arg(*serverSeq));
    if (link[u"liveForMs"].toInteger() < 2000)
        return;
    // What the server had numbered a second before the document was written
    // must have been applied by then.
    const auto &history = m_seqHistory.value(sessionId);
    quint64 due = 0;
    bool known = false;
    for (const auto &[at, seq] : history) {
        if (at > writtenMs - 1000)
            break;
        due = seq;
        known = true;
    }
    const bool impaired = m_impairedUntil.value(console.name()) + 2000 > nowMs();
    if (!known || lastSeq >= due || impaired) {
        m_seqSuspects.remove(console.name());
        return;
    }
    // Once may be a console not yet scheduled to read what waited for it.
    if (!m_seqSuspects.contains(console.name())) {
        m_seqSuspects.insert(console.name(), {{}, writtenMs, {}});
        return;
    }
    if (m_seqSuspects.value(console.name()).writtenMs < writtenMs)
        violate(QStringLiteral("I3"), console.name(), QStringLiteral("behind@%1").arg(lastSeq),
                QStringLiteral("session %1 shows seq %2 while the server had numbered %3 a second earlier: events "
                               "skipped or not applied")
                    .arg(sessionId)
                    .arg(lastSeq)
                    .arg(due));
}

void ChaosChecker::checkActions(const ChaosConsole &console, const QJsonObject &doc, bool final)
{
    const QJsonObject outbox = doc[u"outbox"].toObject();
    QSet<QString> delivered;
    for (const QJsonValue &id : outbox[u"delivered"].toArray())
        delivered.insert(id.toString());
    QSet<QString> refused;
    for (const QJsonValue &entry : outbox[u"refused"].toArray())
        refused.insert(entry[u"requestId"].toString());

    QHash<QString, QSet<QString>> requests; // type/target → distinct request ids
    for (const ConsoleAction &action : std::as_const(m_consoleActions)) {
        if (action.console != console.name())
            continue;
        requests[action.type + u'/' + action.target].insert(action.requestId);
        count(QStringLiteral("I4"));
        const bool wasDelivered = delivered.contains(action.requestId);
        if (wasDelivered) {
            const bool seen = std::any_of(m_serverActions.cbegin(), m_serverActions.cend(), [&](const ServerAction &s) {
                return s.ok && s.operatorName == action.console && s.type == action.type && s.target == action.target
                    && s.atMs >= action.atMs;
            });
            if (!seen)
                violate(QStringLiteral("I4"), console.name(), QStringLiteral("phantom@") + action.requestId,
                        QStringLiteral("%1 %2 (request %3) reported delivered, the server never ran it")
                            .arg(action.type, action.target, action.requestId));
        }
        if (final && !wasDelivered && !refused.contains(action.requestId))
            violate(QStringLiteral("I4"), console.name(), QStringLiteral("unresolved@") + action.requestId,
                    QStringLiteral("%1 %2 (request %3) neither delivered nor reported refused after the run settled "
                                   "(%4 waiting)")
                        .arg(action.type, action.target, action.requestId)
                        .arg(outbox[u"waiting"].toInt()));
    }
    // Exactly once, and on the occurrence the operator saw.
    QHash<QString, int> ran;
    for (const ServerAction &s : std::as_const(m_serverActions)) {
        if (!s.ok || s.operatorName != console.name() || s.type == u"command")
            continue;
        const QString key = s.type + u'/' + s.target;
        const int times = ++ran[key];
        if (times > requests.value(key).size())
            violate(QStringLiteral("I4"), console.name(), QStringLiteral("twice@") + key,
                    QStringLiteral("%1 reached the server %2 times for %3 request(s) made at the console")
                        .arg(key)
                        .arg(times)
                        .arg(requests.value(key).size()));
        if (s.type != u"ack_alarm")
            continue;
        const ConsoleAction *made = nullptr;
        for (const ConsoleAction &action : std::as_const(m_consoleActions)) {
            if (action.console == console.name() && action.type == s.type && action.target == s.target
                && action.atMs <= s.atMs)
                made = &action;
        }
        if (made && made->shownCount >= 0 && s.count >= 0 && s.count != made->shownCount)
            violate(QStringLiteral("I4"), console.name(), QStringLiteral("occurrence@") + made->requestId,
                    QStringLiteral("acknowledgement of %1 made on occurrence #%2 acted on occurrence #%3 (request %4, "
                                   "%5 ms after it was made)")
                        .arg(s.target)
                        .arg(made->shownCount)
                        .arg(s.count)
                        .arg(made->requestId)
                        .arg(s.atMs - made->atMs));
    }
}

void ChaosChecker::checkCommands(const ChaosConsole &console, const QJsonObject &doc)
{
    for (auto it = m_commandSeen.cbegin(); it != m_commandSeen.cend(); ++it) {
        if (it.value().size() > 1)
            violate(QStringLiteral("I5"), QStringLiteral("server"), QStringLiteral("twice@") + it.key(),
                    QStringLiteral("command %1 reached the server %2 times").arg(it.key()).arg(it.value().size()));
    }
    const QJsonObject commands = doc[u"commands"].toObject();
    for (const QJsonValue &value : commands[u"recent"].toArray()) {
        const QJsonObject command = value.toObject();
        count(QStringLiteral("I5"));
        const QString phase = command[u"phase"].toString();
        if (phase != u"timeout" && phase != u"lost")
            continue;
        const QString id = command[u"commandId"].toString();
        const qint64 gaveUp
            = QDateTime::fromString(command[u"changedAt"].toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        const QList<qint64> seen = m_commandSeen.value(id);
        if (!seen.isEmpty() && seen.first() > gaveUp + 50)
            violate(QStringLiteral("I5"), console.name(), QStringLiteral("late@") + id,
                    QStringLiteral("command %1 reached the server %2 ms after the console reported it %3")
                        .arg(id)
                        .arg(seen.first() - gaveUp)
                        .arg(phase));
    }
}

void ChaosChecker::finalCheck(const QList<ChaosConsole *> &consoles)
{
    for (ChaosConsole *console : consoles) {
        if (!console->readDiagnostics())
            continue;
        check(*console);
        checkActions(*console, console->diagnostics(), true);
    }
}
