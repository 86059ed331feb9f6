#include "simlistener.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>
#endif

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

constexpr int kLingerMs = 2000;

#ifdef Q_OS_UNIX
// Keeps a WebSocket's TCP connection open after Qt lets go of it, so that
// its last words reach the peer. Qt closes the socket as soon as it has sent
// a close frame; if the peer's data is still arriving then (the rest of a
// message too large to accept), the kernel answers with a reset, and a peer
// that has not read the close frame yet loses it: it sees 1006, not the 1009
// (or 1008, 4001 …) it was sent. A second descriptor held here outlives
// Qt's: once Qt is done, the connection is half-closed (FIN after the close
// frame) and what the peer still sends is read and dropped until it closes
// too, or kLingerMs pass.
void lingerOnClose(QObject *owner, QTcpSocket *socket)
{
    const int held = ::dup(int(socket->socketDescriptor()));
    if (held < 0)
        return;
    auto released = std::make_shared<bool>(false);
    const auto release = [owner, held, released] {
        if (std::exchange(*released, true))
            return;
        ::shutdown(held, SHUT_WR);
        auto *drain = new QSocketNotifier(qintptr(held), QSocketNotifier::Read, owner);
        auto *timer = new QTimer(drain);
        const auto finish = [drain, held] {
            if (!drain->isEnabled())
                return; // finished already
            drain->setEnabled(false);
            ::close(held);
            drain->deleteLater();
        };
        QObject::connect(drain, &QSocketNotifier::activated, drain, [drain, held, finish] {
            char sink[64 * 1024];
            for (;;) {
                const ssize_t n = ::read(held, sink, sizeof sink);
                if (n > 0)
                    continue;
                if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    return; // more later
                finish(); // the peer closed too, or the connection is gone
                return;
            }
        });
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, drain, finish);
        timer->start(kLingerMs);
    };
    QObject::connect(socket, &QAbstractSocket::disconnected, owner, release);
    QObject::connect(socket, &QObject::destroyed, owner, release);
}
#endif

} // namespace

SimListener::SimListener(QObject *parent)
    : QTcpServer(parent)
{ }

void SimListener::incomingConnection(qintptr handle)
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

void SimListener::inspect(QTcpSocket *socket)
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
#ifdef Q_OS_UNIX
        lingerOnClose(this, socket);
#endif
        Q_EMIT webSocketUpgradeReceived(socket);
        return;
    }
    // QHttpServer watches readyRead only from now on, while the request is
    // already waiting in the buffer: tell it so once it has taken the socket.
    const QPointer<QTcpSocket> guard(socket);
    addPendingConnection(socket);
    Q_EMIT newConnection();
    if (guard && guard->bytesAvailable() > 0)
        Q_EMIT guard->readyRead();
}
