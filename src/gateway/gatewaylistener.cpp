#include "gatewaylistener.h"

#include "gatewayhttpgate.h"
#include "gatewaysocketlinger.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace {

const QString kHeadTimer = QStringLiteral("headTimer");

// True when the request head asks for `Upgrade: websocket`.
bool asksForWebSocket(QByteArrayView head)
{
    qsizetype at = head.indexOf('\n');
    while (at >= 0 && at + 1 < head.size()) {
        const qsizetype next = head.indexOf('\n', at + 1);
        const QByteArrayView line = head.sliced(at + 1, (next < 0 ? head.size() : next) - at - 1);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare("upgrade", Qt::CaseInsensitive) == 0
            && line.sliced(colon + 1).toByteArray().toLower().contains("websocket"))
            return true;
        at = next;
    }
    return false;
}

} // namespace

GatewayListener::GatewayListener(QObject *parent)
    : QTcpServer(parent)
{ }

void GatewayListener::incomingConnection(qintptr handle)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *secure = new QSslSocket(this);
        secure->setSslConfiguration(*m_tls);
        socket = secure;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }

    // Until the head is read the socket is ours: a peer that stalls, fails
    // the TLS handshake or goes away is dropped here.
    auto *timer = new QTimer(socket);
    timer->setObjectName(kHeadTimer);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [socket] { socket->abort(); });
    timer->start(m_headTimeoutMs);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [socket] { socket->abort(); });
    connect(socket, &QAbstractSocket::disconnected, this, [socket] { socket->deleteLater(); });

    if (auto *secure = qobject_cast<QSslSocket *>(socket))
        secure->startServerEncryption();
}

void GatewayListener::inspect(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(kMaxHeadBytes);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= kMaxHeadBytes) {
            socket->write("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
                          "Content-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        }
        return;
    }

    delete socket->findChild<QTimer *>(kHeadTimer, Qt::FindDirectChildrenOnly);
    socket->disconnect(this);
    if (asksForWebSocket(QByteArrayView(head).first(end))) {
        // Whoever closes the WebSocket, its close frame reaches the peer
        // before the connection ends.
        GatewaySocketLinger::hold(this, socket, GatewaySocketLinger::Mode::UntilPeerCloses);
        Q_EMIT webSocketUpgradeReceived(socket);
        return;
    }
    // Every request on the connection is judged at its head, before its
    // body is read; the gate goes first, so it sees every byte first.
    new GatewayHttpGate(socket, this, {m_tokenAccepted, m_maxBodyBytes, GatewaySocketLinger::kDefaultLingerMs});
    // QHttpServer watches readyRead only from now on, while the request is
    // already waiting in the buffer: tell it so once it has taken the socket.
    const QPointer<QTcpSocket> guard(socket);
    addPendingConnection(socket);
    Q_EMIT newConnection();
    if (guard && guard->bytesAvailable() > 0)
        Q_EMIT guard->readyRead();
}
