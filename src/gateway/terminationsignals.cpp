#include "terminationsignals.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#include <sys/socket.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

} // namespace

bool TerminationSignals::watch(const char *program, std::function<void()> shutdown, QObject *parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        std::fprintf(stderr, "%s: cannot watch for signals; SIGTERM will not close cleanly\n", program);
        return false;
    }
    new TerminationSignals(g_signalPipe[1], std::move(shutdown), parent);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    return true;
}

TerminationSignals::TerminationSignals(int fd, std::function<void()> shutdown, QObject *parent)
    : QObject(parent)
    , m_notifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
    , m_shutdown(std::move(shutdown))
{
    connect(m_notifier, &QSocketNotifier::activated, this, [this, fd] {
        m_notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(fd, &byte, 1);
        qCInfo(lcGateway) << "event=shutdown reason=signal";
        m_shutdown();
        QCoreApplication::quit();
    });
}
