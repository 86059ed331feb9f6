#include "simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcSim, "watchfloor.sim")

namespace {

constexpr quint16 kCloseUnauthorized = 4001;
constexpr qint64 kMaxMessageBytes = qint64(1024) * 1024;
const QStringList kKnownChannels = {
    QStringLiteral("drones"),   QStringLiteral("machines"), QStringLiteral("tiles"),  QStringLiteral("telemetry"),
    QStringLiteral("alarms"),   QStringLiteral("commands"), QStringLiteral("health"), QStringLiteral("maintenance"),
    QStringLiteral("presence"), QStringLiteral("all"),
};

QJsonValue nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

SimServer::SimServer(const SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_server(new QWebSocketServer(QStringLiteral("watchfloor-sim"), QWebSocketServer::NonSecureMode, this))
    , m_fleet(options.drones, options.seed)
{
    m_server->setSupportedSubprotocols({QStringLiteral("watchfloor.v1")});
    connect(m_server, &QWebSocketServer::newConnection, this, &SimServer::onNewConnection);

    // Spread the reports over the period, as real drones do not report in step.
    const qint64 period = std::max<qint64>(1, qint64(std::llround(m_options.droneReportMs / m_options.rate)));
    m_nextReportMs.resize(m_fleet.size());
    for (qsizetype i = 0; i < m_fleet.size(); ++i)
        m_nextReportMs[i] = period * (i + 1) / std::max<qsizetype>(1, m_fleet.size());
    m_tick.setInterval(int(std::clamp<qint64>(period / 4, 5, 250)));
    connect(&m_tick, &QTimer::timeout, this, &SimServer::onTick);
}

SimServer::~SimServer()
{
    close();
}

bool SimServer::listen()
{
    if (!m_server->listen(m_options.host, m_options.port)) {
        m_error = m_server->errorString();
        return false;
    }
    m_clock.start();
    m_tick.start();
    qCInfo(lcSim) << "listening on" << url();
    return true;
}

void SimServer::close()
{
    m_tick.stop();
    for (const auto &client : m_clients) {
        client->socket->disconnect(this);
        client->socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
        client->socket->deleteLater();
    }
    m_clients.clear();
    m_server->close();
}

quint16 SimServer::port() const
{
    return m_server->serverPort();
}

QString SimServer::url() const
{
    return QStringLiteral("ws://%1:%2/ws").arg(m_server->serverAddress().toString()).arg(port());
}

void SimServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
        socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
        if (socket->requestUrl().path() != u"/ws") {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("the WebSocket is at /ws"));
            socket->deleteLater();
            continue;
        }

        auto client = std::make_unique<Client>();
        Client *c = client.get();
        c->socket = socket;
        c->sessionId = QStringLiteral("s-%1").arg(m_nextSessionId++);
        c->authTimer = std::make_unique<QTimer>();
        c->authTimer->setSingleShot(true);
        connect(c->authTimer.get(), &QTimer::timeout, this, [c] {
            c->socket->close(QWebSocketProtocol::CloseCode(kCloseUnauthorized), QStringLiteral("no auth within 5 s"));
        });
        c->authTimer->start(m_options.authTimeoutMs);
        m_clients.push_back(std::move(client));

        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
            if (Client *found = findClient(socket))
                onMessage(found, text);
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            if (Client *found = findClient(socket))
                removeClient(found);
        });

        send(c,
             {{QLatin1StringView("type"), QStringLiteral("hello")},
              {QLatin1StringView("protocol"), 1},
              {QLatin1StringView("server"), QStringLiteral("watchfloor-sim " WATCHFLOOR_VERSION)},
              {QLatin1StringView("authRequired"), !m_options.token.isEmpty()},
              {QLatin1StringView("heartbeatMs"), m_options.heartbeatMs}});
    }
}

void SimServer::onMessage(Client *client, const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        sendError(client, QStringLiteral("bad_request"), QStringLiteral("a request must be a JSON object"));
        return;
    }
    const QJsonObject request = doc.object();
    const QString type = request.value(QLatin1StringView("type")).toString();
    const QJsonValue id = request.value(QLatin1StringView("id"));

    if (type == u"auth") {
        handleAuth(client, request, id);
    } else if (type == u"ping") {
        send(client, {{QLatin1StringView("type"), QStringLiteral("pong")}, {QLatin1StringView("id"), id}});
    } else if (!client->authenticated) {
        sendFailure(client, id, QStringLiteral("unauthorized"), QStringLiteral("authenticate first"));
    } else if (type == u"subscribe" || type == u"unsubscribe") {
        handleSubscribe(client, request, id, type == u"subscribe");
    } else {
        sendFailure(client, id, QStringLiteral("bad_request"), QStringLiteral("unknown request type \"%1\"").arg(type));
    }
}

void SimServer::handleAuth(Client *client, const QJsonObject &request, const QJsonValue &id)
{
    const QString token = request.value(QLatin1StringView("token")).toString();
    if (!m_options.token.isEmpty() && token != m_options.token) {
        sendFailure(client, id, QStringLiteral("unauthorized"), QStringLiteral("invalid token"));
        client->socket->close(QWebSocketProtocol::CloseCode(kCloseUnauthorized), QStringLiteral("invalid token"));
        return;
    }
    client->authTimer->stop();
    client->authenticated = true;
    client->operatorName = request.value(QLatin1StringView("operator")).toString();
    sendResult(client, id,
               {{QLatin1StringView("sessionId"), client->sessionId},
                {QLatin1StringView("role"), QStringLiteral("operator")},
                {QLatin1StringView("serverTime"), nowIso()}});
    Q_EMIT clientAuthenticated(client->operatorName);
}

void SimServer::handleSubscribe(Client *client, const QJsonObject &request, const QJsonValue &id, bool subscribe)
{
    const QString channel = request.value(QLatin1StringView("channel")).toString();
    if (!kKnownChannels.contains(channel)) {
        sendFailure(client, id, QStringLiteral("bad_request"), QStringLiteral("unknown channel \"%1\"").arg(channel));
        return;
    }
    if (channel != u"drones" && channel != u"all") {
        sendFailure(client, id, QStringLiteral("unsupported_channel"),
                    QStringLiteral("this server simulates drones only; \"%1\" is not available").arg(channel));
        return;
    }
    if (!subscribe) {
        client->channels.remove(QStringLiteral("drones"));
        sendResult(client, id, {});
        return;
    }
    // Result, snapshot and the live stream follow each other with nothing in
    // between: this all runs in one pass of the event loop.
    client->channels.insert(QStringLiteral("drones"));
    sendResult(client, id, {});
    QJsonArray items;
    for (qsizetype i = 0; i < m_fleet.size(); ++i)
        items.append(m_fleet.snapshotItem(i));
    send(client,
         makeEvent(client, QStringLiteral("snapshot"),
                   {{QLatin1StringView("channel"), QStringLiteral("drones")}, {QLatin1StringView("items"), items}}));
}

void SimServer::onTick()
{
    const qint64 now = m_clock.elapsed();
    const qint64 period = std::max<qint64>(1, qint64(std::llround(m_options.droneReportMs / m_options.rate)));
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    QList<qsizetype> due;
    for (qsizetype i = 0; i < m_fleet.size(); ++i) {
        if (m_nextReportMs.at(i) > now)
            continue;
        // World time runs `rate` times faster. Only `status` goes out below: the
        // console does not decode the other drone_update kinds yet.
        m_fleet.step(i, qint64(double(now) * m_options.rate), wallNow);
        // Keep the phase; skip missed periods rather than bursting to catch up.
        m_nextReportMs[i] += period * ((now - m_nextReportMs.at(i)) / period + 1);
        due.append(i);
    }
    if (due.isEmpty())
        return;

    const QJsonValue timestamp = wallNow.toString(Qt::ISODateWithMs);
    for (const auto &client : m_clients) {
        if (!client->channels.contains(QStringLiteral("drones")))
            continue;
        QJsonArray events;
        for (qsizetype i : std::as_const(due)) {
            events.append(makeEvent(client.get(), QStringLiteral("drone_update"),
                                    {{QLatin1StringView("serial"), m_fleet.drone(i).serial},
                                     {QLatin1StringView("kind"), QStringLiteral("status")},
                                     {QLatin1StringView("data"), m_fleet.statusData(i)},
                                     {QLatin1StringView("timestamp"), timestamp}}));
        }
        // What is due at once goes out in one frame.
        if (events.size() == 1)
            send(client.get(), events.first().toObject());
        else
            send(client.get(),
                 {{QLatin1StringView("type"), QStringLiteral("batch")}, {QLatin1StringView("events"), events}});
    }
}

void SimServer::sendResult(Client *client, const QJsonValue &id, const QJsonObject &data)
{
    send(client,
         {{QLatin1StringView("type"), QStringLiteral("result")},
          {QLatin1StringView("id"), id},
          {QLatin1StringView("ok"), true},
          {QLatin1StringView("data"), data}});
}

void SimServer::sendFailure(Client *client, const QJsonValue &id, const QString &code, const QString &message)
{
    send(client,
         {{QLatin1StringView("type"), QStringLiteral("result")},
          {QLatin1StringView("id"), id},
          {QLatin1StringView("ok"), false},
          {QLatin1StringView("error"),
           QJsonObject {{QLatin1StringView("code"), code}, {QLatin1StringView("message"), message}}}});
}

void SimServer::sendError(Client *client, const QString &code, const QString &message)
{
    send(client,
         makeEvent(client, QStringLiteral("error"),
                   {{QLatin1StringView("code"), code}, {QLatin1StringView("message"), message}}));
}

QJsonObject SimServer::makeEvent(Client *client, const QString &type, QJsonObject fields)
{
    fields.insert(QLatin1StringView("type"), type);
    fields.insert(QLatin1StringView("seq"), qint64(++client->seq));
    fields.insert(QLatin1StringView("ts"), QDateTime::currentMSecsSinceEpoch());
    return fields;
}

void SimServer::send(Client *client, const QJsonObject &message)
{
    client->socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void SimServer::removeClient(Client *client)
{
    const auto it
        = std::find_if(m_clients.begin(), m_clients.end(), [client](const auto &c) { return c.get() == client; });
    if (it == m_clients.end())
        return;
    client->socket->disconnect(this);
    client->socket->deleteLater();
    m_clients.erase(it);
}

SimServer::Client *SimServer::findClient(QWebSocket *socket)
{
    for (const auto &client : m_clients) {
        if (client->socket == socket)
            return client.get();
    }
    return nullptr;
}
