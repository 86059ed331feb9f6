#include "pollingclient.h"

#include "protocol/decoder.h"
#include "reconnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcPolling, "watchfloor.net.polling", QtInfoMsg)

namespace {

constexpr int kIdlePollMs = 1000; // with wait=0 an empty answer would otherwise make a busy loop

QString codeForStatus(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("bad_request");
    case 401:
        return QStringLiteral("unauthorized");
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not_found");
    case 409:
        return QStringLiteral("interlock");
    case 410:
        return QStringLiteral("resync_required");
    default:
        return QStringLiteral("server_error");
    }
}

QJsonObject errorObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1StringView("error")).toObject();
}

} // namespace

struct PollingClient::Answer
{
    QNetworkReply *reply = nullptr; // being deleted: an identity, not to be used
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QString errorString;
    bool timedOut = false;
};

PollingClient::PollingClient(QObject *parent)
    : QObject(parent)
    , m_channels {QStringLiteral("drones")}
    , m_network(new QNetworkAccessManager(this))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_needSnapshot)
            fetchSnapshot();
        else
            poll();
    });
}

PollingClient::~PollingClient()
{
    stop();
}

QUrl PollingClient::apiBaseFor(const QUrl &webSocketUrl)
{
    QUrl base;
    base.setScheme(webSocketUrl.scheme() == u"wss" || webSocketUrl.scheme() == u"https" ? QStringLiteral("https")
                                                                                        : QStringLiteral("http"));
    base.setHost(webSocketUrl.host());
    base.setPort(webSocketUrl.port());
    base.setPath(QStringLiteral("/api/v1"));
    return base;
}

void PollingClient::setSettings(const ConnectionSettings &settings)
{
    m_settings = settings;
    m_base = apiBaseFor(settings.url);
    // Another server, or the same one restarted: its seq means nothing to us.
    m_needSnapshot = true;
    m_lastSeq = 0;
}

void PollingClient::setChannels(const QStringList &channels)
{
    m_channels = channels;
}

void PollingClient::setWaitSeconds(int seconds)
{
    m_waitSeconds = std::clamp(seconds, 0, 30);
}

void PollingClient::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
}

void PollingClient::start()
{
    if (m_running)
        return;
    ++m_generation;
    m_running = true;
    m_live = false;
    m_attempt = 0;
    m_failureReason.clear();
    qCInfo(lcPolling) << "polling" << m_base.toDisplayString(QUrl::RemoveUserInfo) << "after" << m_lastSeq;
    next();
}

void PollingClient::stop()
{
    ++m_generation;
    m_running = false;
    m_live = false;
    m_retryTimer.stop();
    abortLoop();
    failRequests(tr("the console stopped polling"));
}

void PollingClient::abortLoop()
{
    if (QNetworkReply *reply = m_loopReply.data()) {
        m_loopReply = nullptr;
        reply->abort();
    }
}

void PollingClient::failRequests(const QString &message)
{
    const QHash<QNetworkReply *, ResultHandler> pending = std::exchange(m_requests, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        it.key()->abort();
    for (const ResultHandler &done : pending) {
        Protocol::Result result;
        result.error = {QStringLiteral("offline"), message};
        if (done)
            done(result);
    }
}

QUrl PollingClient::endpoint(const QString &path) const
{
    QUrl url = m_base;
    // The path arrives percent-encoded (an alarm id may hold '/').
    url.setPath(m_base.path() + path, QUrl::TolerantMode);
    return url;
}

QNetworkReply *PollingClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, int timeoutMs,
                                   AnswerHandler handler)
{
    QNetworkRequest request(url);
    if (!m_ssl.isNull())
        request.setSslConfiguration(m_ssl);
    request.setRawHeader("Authorization", "Bearer " + m_settings.token.toUtf8());
    if (!m_settings.operatorName.isEmpty())
        request.setRawHeader("X-Watchfloor-Operator", m_settings.operatorName.toUtf8());
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);

    auto timedOut = std::make_shared<bool>(false);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [reply, timedOut, handler = std::move(handler)] {
        reply->deleteLater();
        Answer answer;
        answer.reply = reply;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // An aborted reply is closed: reading it would only warn.
        if (reply->isOpen())
            answer.body = reply->readAll();
        answer.errorString = reply->errorString();
        answer.timedOut = *timedOut;
        handler(answer);
    });
    return reply;
}

std::optional<QJsonObject> PollingClient::accept(const Answer &answer)
{
    if (answer.timedOut) {
        transientFailure(tr("no answer from the server within the timeout"));
        return std::nullopt;
    }
    if (answer.status == 0) {
        transientFailure(answer.errorString);
        return std::nullopt;
    }
    if (answer.status != 200) {
        const QJsonObject error = errorObject(answer.body);
        const QString message = error.value(QLatin1StringView("message")).toString();
        const QString reason = message.isEmpty() ? tr("the server answered HTTP %1").arg(answer.status)
                                                 : tr("%1 (HTTP %2)").arg(message).arg(answer.status);
        if (answer.status == 401 || answer.status == 403)
            fail(reason);
        else
            transientFailure(reason);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        Protocol::DecodeError error;
        error.kind = parseError.error != QJsonParseError::NoError ? Protocol::DecodeError::Kind::NotJson
                                                                  : Protocol::DecodeError::Kind::NotAnObject;
        error.detail = tr("the REST answer is not a JSON object");
        reportError(error);
        transientFailure(error.detail);
        return std::nullopt;
    }
    return doc.object();
}

void PollingClient::fetchSnapshot()
{
    const quint64 generation = m_generation;
    m_loopReply = send("GET", endpoint(QStringLiteral("/snapshot")), {}, m_settings.requestTimeoutMs,
                       [this, generation](const Answer &answer) {
                           if (generation != m_generation)
                               return;
                           m_loopReply = nullptr;
                           onSnapshot(answer);
                       });
}

void PollingClient::onSnapshot(const Answer &answer)
{
    const std::optional<QJsonObject> body = accept(answer);
    if (!body)
        return;
    const QJsonValue seqValue = body->value(QLatin1StringView("seq"));
    const QJsonObject channels = body->value(QLatin1StringView("channels")).toObject();
    if (!seqValue.isDouble() || seqValue.toInteger(-1) < 0) {
        Protocol::DecodeError error;
        error.kind = Protocol::DecodeError::Kind::MissingField;
        error.type = QStringLiteral("snapshot");
        error.field = QStringLiteral("seq");
        error.detail = tr("the REST snapshot has no journal seq");
        reportError(error);
        transientFailure(error.detail);
        return;
    }
    const quint64 seq = quint64(seqValue.toInteger());
    const QStringList wanted = m_channels.contains(u"all") ? channels.keys() : m_channels;

    // One array of snapshot messages, decoded as the WebSocket's frames are,
    // so the console gets the very same typed values.
    QJsonArray frame;
    const quint64 generation = m_generation;
    for (const QString &channel : wanted) {
        const QJsonValue items = channels.value(channel);
        if (!items.isArray()) {
            Protocol::DecodeError error;
            error.kind = Protocol::DecodeError::Kind::MissingField;
            error.type = QStringLiteral("snapshot");
            error.field = QStringLiteral("channels.") + channel;
            error.detail = tr("the server sent no snapshot of the channel %1").arg(channel);
            reportError(error);
            if (generation != m_generation)
                return;
            continue;
        }
        frame.append(QJsonObject {{QLatin1StringView("type"), QStringLiteral("snapshot")},
                                  {QLatin1StringView("channel"), channel},
                                  {QLatin1StringView("seq"), qint64(seq)},
                                  {QLatin1StringView("items"), items}});
    }
    m_needSnapshot = false;
    m_lastSeq = seq;
    m_attempt = 0;
    Q_EMIT answered();
    if (generation != m_generation)
        return;
    if (!frame.isEmpty() && !hand(QJsonDocument(frame).toJson(QJsonDocument::Compact), false))
        return;
    goLive();
    if (generation == m_generation)
        next();
}

void PollingClient::poll()
{
    QUrl url = endpoint(QStringLiteral("/events"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(m_lastSeq));
    query.addQueryItem(QStringLiteral("wait"), QString::number(m_waitSeconds));
    url.setQuery(query);
    const quint64 generation = m_generation;
    // The server holds the poll for up to `wait`: the timeout allows for it.
    const int timeoutMs = m_waitSeconds * 1000 + m_settings.requestTimeoutMs;
    m_loopReply = send("GET", url, {}, timeoutMs, [this, generation](const Answer &answer) {
        if (generation != m_generation)
            return;
        m_loopReply = nullptr;
        onEvents(answer);
    });
}

void PollingClient::onEvents(const Answer &answer)
{
    if (answer.status == 410) {
        qCInfo(lcPolling) << "events after" << m_lastSeq << "are no longer kept: resyncing";
        m_needSnapshot = true;
        const quint64 generation = m_generation;
        Q_EMIT resynced();
        if (generation == m_generation)
            fetchSnapshot();
        return;
    }
    const std::optional<QJsonObject> body = accept(answer);
    if (!body)
        return;
    ++m_pollsAnswered;
    m_attempt = 0;
    const quint64 generation = m_generation;
    Q_EMIT answered();
    if (generation != m_generation)
        return;
    const QJsonArray events = body->value(QLatin1StringView("events")).toArray();
    if (!events.isEmpty() && !hand(QJsonDocument(events).toJson(QJsonDocument::Compact), true))
        return;
    // An event the decoder refused still moves the journal on: asking for it
    // again would only fail again.
    const qint64 seq = body->value(QLatin1StringView("seq")).toInteger(-1);
    if (seq > 0 && quint64(seq) > m_lastSeq)
        m_lastSeq = quint64(seq);
    goLive();
    if (generation == m_generation)
        next(events.isEmpty() && m_waitSeconds == 0 ? kIdlePollMs : 0);
}

bool PollingClient::hand(QByteArrayView frame, bool skipOld)
{
    const quint64 generation = m_generation;
    const Protocol::DecodedFrame decoded = Protocol::decodeFrame(frame);
    for (const Protocol::DecodeError &error : decoded.errors) {
        reportError(error);
        if (generation != m_generation)
            return false;
    }
    for (const Protocol::Message &message : decoded.messages) {
        if (message.seq) {
            if (skipOld && *message.seq <= m_lastSeq)
                continue;
            m_lastSeq = std::max(m_lastSeq, *message.seq);
        }
        Q_EMIT messageReceived(message);
        // A listener may have stopped us: nothing more of this answer.
        if (generation != m_generation)
            return false;
    }
    return true;
}

void PollingClient::reportError(const Protocol::DecodeError &error)
{
    ++m_protocolErrors;
    qCWarning(lcPolling) << "protocol error:" << error.toString();
    Q_EMIT protocolErrorOccurred(error);
}

void PollingClient::goLive()
{
    if (m_live)
        return;
    m_live = true;
    Q_EMIT polling();
}

void PollingClient::next(int delayMs)
{
    if (delayMs > 0)
        m_retryTimer.start(delayMs);
    else if (m_needSnapshot)
        fetchSnapshot();
    else
        poll();
}

void PollingClient::transientFailure(const QString &reason)
{
    qCInfo(lcPolling) << "poll failed:" << reason;
    m_live = false; // not current until the server answers again
    const quint64 generation = m_generation;
    Q_EMIT pollFailed(reason);
    if (generation != m_generation)
        return;
    // Full jitter below the reconnects' ceiling (doubling per attempt up to
    // the profile's cap), so consoles that lost the same server do not come
    // back in lockstep.
    const qint64 ceiling = Reconnector::ceilingFor(m_attempt, m_settings.backoffBaseMs, m_settings.backoffCapMs);
    ++m_attempt;
    m_retryTimer.start(int(QRandomGenerator::global()->bounded(ceiling + 1)));
}

void PollingClient::fail(const QString &reason)
{
    qCWarning(lcPolling) << "polling refused:" << reason;
    stop();
    m_failureReason = reason;
    Q_EMIT failed(reason);
}

void PollingClient::request(const QString &type, const QJsonObject &fields, ResultHandler done)
{
    const auto refuse = [&done](const QString &code, const QString &message) {
        Protocol::Result result;
        result.error = {code, message};
        if (done)
            done(result);
    };
    if (!m_running) {
        refuse(QStringLiteral("offline"), tr("the console is not polling the server"));
        return;
    }
    QString path;
    QJsonObject body = fields;
    if (type == u"command") {
        path = QStringLiteral("/commands");
    } else if (type == u"ack_alarm" || type == u"shelve_alarm") {
        const QJsonValue id = fields.value(QLatin1StringView("alarmId"));
        const QString alarmId = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
        if (alarmId.isEmpty()) {
            refuse(QStringLiteral("bad_request"), tr("%1 needs an alarmId").arg(type));
            return;
        }
        // The path names the alarm.
        body.remove(QLatin1StringView("alarmId"));
        path = QStringLiteral("/alarms/") + QString::fromLatin1(QUrl::toPercentEncoding(alarmId))
            + (type == u"ack_alarm" ? QStringLiteral("/ack") : QStringLiteral("/shelve"));
    } else {
        refuse(QStringLiteral("unsupported"), tr("%1 cannot be sent while polling").arg(type));
        return;
    }

    const int timeoutMs = m_settings.requestTimeoutMs;
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = send("POST", endpoint(path), payload, timeoutMs, [this, type, timeoutMs](const Answer &a) {
        // Gone when stop() has answered the caller already.
        const ResultHandler handler = m_requests.take(a.reply);
        if (handler)
            handler(toResult(a, type, timeoutMs));
    });
    m_requests.insert(reply, std::move(done));
}

Protocol::Result PollingClient::toResult(const Answer &answer, const QString &type, int timeoutMs)
{
    Protocol::Result result;
    if (answer.timedOut) {
        result.error = {QStringLiteral("timeout"), tr("no answer to %1 within %2 s").arg(type).arg(timeoutMs / 1000.0)};
        return result;
    }
    if (answer.status == 0) {
        result.error = {QStringLiteral("offline"), answer.errorString};
        return result;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(answer.body);
    if (answer.status >= 200 && answer.status < 300) {
        if (doc.isObject()) {
            result.ok = true;
            result.data = doc.object();
        } else {
            result.error = {QStringLiteral("bad_response"), tr("the answer to %1 is not a JSON object").arg(type)};
        }
        return result;
    }
    const QJsonObject error = doc.object().value(QLatin1StringView("error")).toObject();
    const QString code = error.value(QLatin1StringView("code")).toString();
    const QString message = error.value(QLatin1StringView("message")).toString();
    // A 5xx (often a gateway's 502 or 504) proves nothing about whether the
    // request was carried out: whatever code its body names, it is a server
    // error, never a refusal.
    const bool serverError = answer.status >= 500;
    result.error = {code.isEmpty() || serverError ? codeForStatus(answer.status) : code,
                    message.isEmpty() ? tr("the server answered HTTP %1").arg(answer.status) : message};
    result.data = error;
    return result;
}
