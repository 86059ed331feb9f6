#include "simsocketlinger.h"

#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>
#endif

void SimSocketLinger::hold(QObject *owner, QTcpSocket *socket, Mode mode, int lingerMs)
{
#ifdef Q_OS_UNIX
    const int held = ::dup(int(socket->socketDescriptor()));
    if (held < 0)
        return;
    auto released = std::make_shared<bool>(false);
    const auto release = [owner, held, released, mode, lingerMs] {
        if (std::exchange(*released, true))
            return;
        if (mode == Mode::HalfCloseAtOnce)
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
        QObject::connect(drain, &QSocketNotifier::activated, drain, [held, finish] {
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
        timer->start(lingerMs);
    };
    QObject::connect(socket, &QAbstractSocket::disconnected, owner, release);
    QObject::connect(socket, &QObject::destroyed, owner, release);
#else
    Q_UNUSED(owner);
    Q_UNUSED(socket);
    Q_UNUSED(mode);
    Q_UNUSED(lingerMs);
#endif
}
