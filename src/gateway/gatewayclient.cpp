#include "gatewayclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <QWebSocket>

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

GatewayClient::GatewayClient(QWebSocket *socket, qint64 maxSendBufferBytes)
    : m_socket(socket)
    , m_maxSendBufferBytes(maxSendBufferBytes)
{
    // Qt closes by itself too (an oversized message): bound that the same way.
    QObject::connect(socket, &QWebSocket::aboutToClose, socket, [socket] { boundClosing(socket); });
}

void GatewayClient::markGone()
{
    m_gone = true;
    m_outbox.clear();
}

void GatewayClient::closeWith(int code, const QString &reason)
{
    if (m_gone || m_closing)
        return;
    m_closing = true;
    m_outbox.clear();
    // QWebSocket::close() writes the frame, hands the socket's buffer to
    // the kernel as far as it takes it, and ends the TCP connection only
    // once the rest is written; the socket is deleted only after that (see
    // GatewayServer), or aborted by boundClosing() if the peer does not read.
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void GatewayClient::closeAndDispose(QWebSocket *socket, int code, const QString &reason)
{
    boundClosing(socket);
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater(); // all of it is with the kernel already
    else
        QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
}

void GatewayClient::boundClosing(QWebSocket *socket)
{
    static const QString name = QStringLiteral("closeLinger");
    if (socket->findChild<QTimer *>(name, Qt::FindDirectChildrenOnly))
        return;
    auto *timer = new QTimer(socket);
    timer->setObjectName(name);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, socket, [socket] {
        if (socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
    });
    timer->start(kCloseLingerMs);
}

qint64 GatewayClient::unsentBytes() const
{
    return m_socket->bytesToWrite();
}

void GatewayClient::queue(const QJsonObject &message)
{
    if (!m_gone && !m_closing)
        m_outbox.append(message);
}

qsizetype GatewayClient::flush()
{
    if (m_outbox.isEmpty())
        return 0;
    if (m_outbox.size() == 1) {
        send(m_outbox.first());
    } else {
        QJsonArray events;
        for (const QJsonObject &m : std::as_const(m_outbox))
            events.append(m);
        send({{QLatin1StringView("type"), QStringLiteral("batch")}, {QLatin1StringView("events"), events}});
    }
    const qsizetype sent = m_outbox.size();
    m_outbox.clear();
    return sent;
}

void GatewayClient::send(const QJsonObject &message)
{
    if (m_gone || m_closing)
        return;
    sendText(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void GatewayClient::sendFrame(const QByteArray &json)
{
    if (m_gone || m_closing)
        return;
    sendText(QString::fromUtf8(json));
}

void GatewayClient::sendText(const QString &text)
{
    m_socket->sendTextMessage(text);
    if (unsentBytes() <= m_maxSendBufferBytes)
        return;
    // What one pass wrote may still wait for the event loop: hand the
    // kernel what it takes before judging the console.
    m_socket->flush();
    const qint64 unsent = unsentBytes();
    if (unsent <= m_maxSendBufferBytes)
        return;
    qCInfo(lcGateway).noquote().nospace()
        << "event=dropped peer=" << m_socket->peerAddress().toString() << ':' << m_socket->peerPort()
        << " reason=send-buffer unsent=" << unsent << " limit=" << m_maxSendBufferBytes;
    closeWith(kCloseTooSlow, QStringLiteral("too slow: more than %1 bytes unread").arg(m_maxSendBufferBytes));
}

void GatewayClient::queueResult(const QJsonValue &id, const QJsonObject &data)
{
    queue({{QLatin1StringView("type"), QStringLiteral("result")},
           {QLatin1StringView("id"), id},
           {QLatin1StringView("ok"), true},
           {QLatin1StringView("data"), data}});
}

void GatewayClient::queueRefusal(const QJsonValue &id, const QJsonObject &error)
{
    queue({{QLatin1StringView("type"), QStringLiteral("result")},
           {QLatin1StringView("id"), id},
           {QLatin1StringView("ok"), false},
           {QLatin1StringView("error"), error}});
}

void GatewayClient::queueRefusal(const QJsonValue &id, const QString &code, const QString &message)
{
    queueRefusal(id, {{QLatin1StringView("code"), code}, {QLatin1StringView("message"), message}});
}

void GatewayClient::sendError(const QString &code, const QString &message)
{
    QJsonObject body {{QLatin1StringView("type"), QStringLiteral("error")},
                      {QLatin1StringView("code"), code},
                      {QLatin1StringView("message"), message}};
    if (session)
        body = session->stampOwn(body, QDateTime::currentMSecsSinceEpoch());
    send(body);
}
