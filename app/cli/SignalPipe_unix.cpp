#include "SignalPipe.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace tenantry::cli {

namespace {

constexpr int kMaxSignals = 8;
int g_pipe[2] = {-1, -1};
bool g_skipTerminal = false;
struct sigaction g_previous[kMaxSignals];

void onSignal(int signal, siginfo_t* info, void*)
{
    if (g_skipTerminal && info && info->si_code == SI_KERNEL)
        return;
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signal);
    const ssize_t written = write(g_pipe[1], &byte, 1); // non-blocking: a full pipe already holds a wake-up
    (void)written;
    errno = savedErrno;
}

} // namespace

SignalPipe::SignalPipe(const QList<int>& watched, Sources sources, std::function<void(int signal)> received)
    : m_signals(watched.mid(0, kMaxSignals))
{
    if (pipe(g_pipe) != 0)
        return;
    for (int fd : g_pipe) {
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    g_skipTerminal = sources == Sources::NotFromTerminal;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read);
    QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [received = std::move(received)] {
        unsigned char bytes[16];
        ssize_t count = 0;
        while ((count = read(g_pipe[0], bytes, sizeof bytes)) > 0) {
            for (ssize_t i = 0; i < count; ++i)
                received(bytes[i]);
        }
    });
    struct sigaction action = {};
    action.sa_sigaction = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_SIGINFO;
    for (qsizetype i = 0; i < m_signals.size(); ++i)
        sigaction(m_signals.at(i), &action, &g_previous[i]);
}

SignalPipe::~SignalPipe()
{
    if (!m_notifier)
        return;
    for (qsizetype i = 0; i < m_signals.size(); ++i)
        sigaction(m_signals.at(i), &g_previous[i], nullptr);
    delete m_notifier;
    for (int& fd : g_pipe) {
        close(fd);
        fd = -1;
    }
}

} // namespace tenantry::cli
