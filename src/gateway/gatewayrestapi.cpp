#include "gatewayrestapi.h"

#include "gatewaybackend.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace {

using Status = QHttpServerResponder::StatusCode;

QHttpServerResponse failure(Status status, const QString &code, const QString &message, QJsonObject error = {})
{
    error.insert(QLatin1StringView("code"), code);
    error.insert(QLatin1StringView("message"), message);
    return QHttpServerResponse(QJsonObject {{QLatin1StringView("error"), error}}, status);
}

Status statusOf(const QString &code)
{
    if (code == u"forbidden")
        return Status::Forbidden;
    if (code == u"not_found")
        return Status::NotFound;
    if (code == u"interlock" || code == u"occurrence_changed")
        return Status::Conflict;
    if (code == u"not_writable" || code == u"out_of_range" || code == u"expired")
        return Status::UnprocessableEntity;
    return Status::BadRequest;
}

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers()) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

struct GatewayRestApi::Poll
{
    Poll(QHttpServerResponder &&r, quint64 a, int waitSeconds)
        : responder(std::move(r))
        , socket(responder.socket())
        , after(a)
        , deadline(qint64(waitSeconds) * 1000)
    { }

    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket; // QHttpServer deletes it when the client goes
    quint64 after;
    QDeadlineTimer deadline;
};

GatewayRestApi::GatewayRestApi(GatewayBackend &backend, int maxPolls, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_maxPolls(maxPolls)
    , m_http(new QHttpServer(this))
{
    m_wake.setSingleShot(true);
    m_wake.setInterval(0);
    connect(&m_wake, &QTimer::timeout, this, &GatewayRestApi::servePolls);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &GatewayRestApi::servePolls);
    addRoutes();
}

GatewayRestApi::~GatewayRestApi() = default;

void GatewayRestApi::bind(QTcpServer *listener)
{
    m_http->bind(listener);
}

QJsonObject GatewayRestApi::stats() const
{
    QJsonObject stats = m_backend.stats();
    stats.insert(QLatin1StringView("longPolls"), waitingPolls());
    return stats;
}

void GatewayRestApi::addRoutes()
{
    using Method = QHttpServerRequest::Method;
    m_http->route(QStringLiteral("/api/v1/health"), Method::Get, [this] {
        return QHttpServerResponse(QJsonObject {
            {QLatin1StringView("status"), QStringLiteral("ok")},
            {QLatin1StringView("uptimeSeconds"), m_backend.stats().value(QLatin1StringView("uptimeSeconds"))}});
    });
    m_http->route(QStringLiteral("/api/v1/snapshot"), Method::Get, [this](const QHttpServerRequest &request) {
        Caller caller;
        if (auto denied = authorize(request, QStringLiteral("viewer"), &caller))
            return std::move(*denied);
        return QHttpServerResponse(m_backend.snapshotAll());
    });
    m_http->route(QStringLiteral("/api/v1/events"), Method::Get,
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      onEventsRequest(request, std::move(responder));
                  });
    m_http->route(QStringLiteral("/api/v1/stats"), Method::Get, [this](const QHttpServerRequest &request) {
        Caller caller;
        if (auto denied = authorize(request, QStringLiteral("admin"), &caller))
            return std::move(*denied);
        return QHttpServerResponse(stats());
    });
    m_http->route(QStringLiteral("/api/v1/commands"), Method::Post, [this](const QHttpServerRequest &request) {
        return perform(request, QStringLiteral("command"), {});
    });
    m_http->route(QStringLiteral("/api/v1/alarms/<arg>/ack"), Method::Post,
                  [this](const QString &alarmId, const QHttpServerRequest &request) {
                      return perform(request, QStringLiteral("ack_alarm"), {{QLatin1StringView("alarmId"), alarmId}});
                  });
    m_http->route(
        QStringLiteral("/api/v1/alarms/<arg>/shelve"), Method::Post,
        [this](const QString &alarmId, const QHttpServerRequest &request) {
            return perform(request, QStringLiteral("shelve_alarm"), {{QLatin1StringView("alarmId"), alarmId}});
        });

    // Rules match in the order they were added: a known path reached here
    // was asked for with the wrong method.
    const auto wrongMethod = [] {
        return failure(Status::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                       QStringLiteral("this resource does not take that method"));
    };
    for (const char *path :
         {"/api/v1/health", "/api/v1/snapshot", "/api/v1/events", "/api/v1/stats", "/api/v1/commands"}) {
        m_http->route(QLatin1StringView(path), [wrongMethod](const QHttpServerRequest &) { return wrongMethod(); });
    }
    // 6.4 only takes a placeholder rule whose handler takes the argument.
    for (const char *path : {"/api/v1/alarms/<arg>/ack", "/api/v1/alarms/<arg>/shelve"}) {
        m_http->route(QLatin1StringView(path),
                      [wrongMethod](const QString &, const QHttpServerRequest &) { return wrongMethod(); });
    }
    m_http->setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        failure(Status::NotFound, QStringLiteral("not_found"),
                QStringLiteral("no resource at %1").arg(request.url().path()))
            .write(std::move(responder));
    });
}

std::optional<QHttpServerResponse> GatewayRestApi::authorize(const QHttpServerRequest &request, const QString &minimum,
                                                             Caller *caller, const QString &type) const
{
    const QByteArray authorization = header(request, "authorization");
    const QByteArray token = authorization.startsWith("Bearer ") ? authorization.mid(7).trimmed() : QByteArray();
    const std::optional<QString> role
        = m_backend.roleForToken(QString::fromUtf8(token)); // as the WebSocket: no tokens set, anyone operates
    if (!role) {
        QHttpServerResponse response = failure(Status::Unauthorized, QStringLiteral("unauthorized"),
                                               QStringLiteral("send Authorization: Bearer <token>, a valid one"));
        response.setHeader("WWW-Authenticate", "Bearer");
        return response;
    }
    if (!GatewayBackend::roleAllows(*role, minimum)) {
        return failure(Status::Forbidden, QStringLiteral("forbidden"),
                       QStringLiteral("the role %1 may not %2; it needs the role %3")
                           .arg(*role, GatewayBackend::actionWords(type), minimum));
    }
    caller->role = *role;
    // REST has no auth message to carry a name: an optional header gives it.
    caller->name = QString::fromUtf8(header(request, "x-watchfloor-operator")).left(64);
    if (caller->name.isEmpty())
        caller->name = QStringLiteral("rest");
    return std::nullopt;
}

QHttpServerResponse GatewayRestApi::perform(const QHttpServerRequest &request, const QString &type, QJsonObject fields)
{
    Caller caller;
    if (auto denied = authorize(request, QStringLiteral("operator"), &caller, type))
        return std::move(*denied);
    QJsonObject body;
    if (!request.body().trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            return failure(Status::BadRequest, QStringLiteral("bad_request"),
                           QStringLiteral("the body must be a JSON object"));
        }
        body = doc.object();
    }
    // The path names the alarm; the body may not name another.
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        body.insert(it.key(), it.value());
    const GatewayBackend::Outcome outcome = m_backend.perform(caller.name, type, body);
    if (!outcome.error.isEmpty()) {
        const QString code = outcome.error.value(QLatin1StringView("code")).toString();
        return failure(statusOf(code), code, outcome.error.value(QLatin1StringView("message")).toString(),
                       outcome.error);
    }
    return QHttpServerResponse(outcome.data, type == u"command" ? Status::Accepted : Status::Ok);
}

void GatewayRestApi::onEventsRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Caller caller;
    if (auto denied = authorize(request, QStringLiteral("viewer"), &caller)) {
        denied->write(std::move(responder));
        return;
    }
    const QUrlQuery query = request.query();
    bool ok = false;
    const quint64 after = query.queryItemValue(QStringLiteral("after")).toULongLong(&ok);
    if (!ok) {
        failure(Status::BadRequest, QStringLiteral("bad_request"),
                QStringLiteral("after must be the last seq you have, a whole number"))
            .write(std::move(responder));
        return;
    }
    int wait = 0;
    if (query.hasQueryItem(QStringLiteral("wait"))) {
        wait = query.queryItemValue(QStringLiteral("wait")).toInt(&ok);
        if (!ok || wait < 0 || wait > kMaxWaitSeconds) {
            failure(Status::BadRequest, QStringLiteral("bad_request"),
                    QStringLiteral("wait must be a whole number of seconds from 0 to %1").arg(kMaxWaitSeconds))
                .write(std::move(responder));
            return;
        }
    }
    if (wait == 0 || after != m_backend.journalSeq()) {
        eventsAfter(after).write(std::move(responder));
        return;
    }
    if (waitingPolls() >= m_maxPolls) {
        failure(Status::ServiceUnavailable, QStringLiteral("too_many_polls"),
                QStringLiteral("%1 long polls are waiting already; try again later").arg(m_maxPolls))
            .write(std::move(responder));
        return;
    }
    // Nothing yet: keep the responder and answer from servePolls() when an
    // event is published or the wait is over, never blocking the event loop.
    auto poll = std::make_unique<Poll>(std::move(responder), after, wait);
    connect(poll->socket, &QAbstractSocket::disconnected, this, &GatewayRestApi::schedulePolls, Qt::UniqueConnection);
    m_polls.push_back(std::move(poll));
    servePolls();
}

QHttpServerResponse GatewayRestApi::eventsAfter(quint64 after) const
{
    const auto events = m_backend.journalAfter(after);
    if (!events) {
        return failure(Status::Gone, QStringLiteral("resync_required"),
                       QStringLiteral("events after %1 are no longer kept; fetch /api/v1/snapshot").arg(after));
    }
    QJsonArray array;
    for (const QJsonObject &event : *events)
        array.append(event);
    return QHttpServerResponse(
        QJsonObject {{QLatin1StringView("events"), array}, {QLatin1StringView("seq"), qint64(m_backend.journalSeq())}});
}

void GatewayRestApi::schedulePolls()
{
    if (!m_polls.empty())
        m_wake.start();
}

void GatewayRestApi::servePolls()
{
    const quint64 seq = m_backend.journalSeq();
    qint64 nextDeadlineMs = -1;
    for (auto it = m_polls.begin(); it != m_polls.end();) {
        Poll &poll = **it;
        const bool gone = !poll.socket || poll.socket->state() != QAbstractSocket::ConnectedState;
        const bool due = poll.after != seq || poll.deadline.hasExpired();
        if (!gone && due)
            eventsAfter(poll.after).write(std::move(poll.responder));
        if (gone || due) {
            it = m_polls.erase(it);
            continue;
        }
        const qint64 left = poll.deadline.remainingTime();
        nextDeadlineMs = nextDeadlineMs < 0 ? left : std::min(nextDeadlineMs, left);
        ++it;
    }
    if (nextDeadlineMs >= 0)
        m_expiry.start(int(nextDeadlineMs));
    else
        m_expiry.stop();
}
