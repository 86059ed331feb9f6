#include "gatewaysocketlinger.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
// The second descriptor, closed when this goes: when the linger is over, or
// with its owner (a server shut down while connections still linger must
// not keep them open, nor leak their descriptors).
class HeldDescriptor : public QObject
{
public:
    HeldDescriptor(int descriptor, QObject *owner)
        : QObject(owner)
        , m_descriptor(descriptor)
    { }
    ~HeldDescriptor() override
    {
        qDeleteAll(findChildren<QSocketNotifier *>()); // stops watching before the descriptor goes
        ::close(m_descriptor);
    }
    int descriptor() const { return m_descriptor; }

private:
    int m_descriptor;
};
#endif

} // namespace

void GatewaySocketLinger::hold(QObject *owner, QTcpSocket *socket, Mode mode, int lingerMs)
{
#ifdef Q_OS_UNIX
    const int duplicate = ::dup(int(socket->socketDescriptor()));
    if (duplicate < 0)
        return;
    QPointer<HeldDescriptor> held = new HeldDescriptor(duplicate, owner);
    const auto release = [held, mode, lingerMs] {
        if (!held || held->findChild<QSocketNotifier *>())
            return; // gone with its owner, or released already
        const int fd = held->descriptor();
        if (mode == Mode::HalfCloseAtOnce)
            ::shutdown(fd, SHUT_WR);
        auto *drain = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, held);
        QObject::connect(drain, &QSocketNotifier::activated, held, [fd, drain, held] {
            char sink[64 * 1024];
            for (;;) {
                const ssize_t n = ::read(fd, sink, sizeof sink);
                if (n > 0)
                    continue;
                if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    return; // more later
                // The peer closed too, or the connection is gone.
                drain->setEnabled(false);
                held->deleteLater();
                return;
            }
        });
        QTimer::singleShot(lingerMs, held, [drain, held] {
            drain->setEnabled(false);
            held->deleteLater();
        });
    };
    QObject::connect(socket, &QAbstractSocket::disconnected, held, release);
    QObject::connect(socket, &QObject::destroyed, held, release);
#else
    Q_UNUSED(owner);
    Q_UNUSED(socket);
    Q_UNUSED(mode);
    Q_UNUSED(lingerMs);
#endif
}
