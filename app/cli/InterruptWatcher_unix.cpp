#include "InterruptWatcher.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace tenantry::cli {

namespace {

int g_pipe[2] = {-1, -1};
const int kSignals[] = {SIGINT, SIGTERM};
struct sigaction g_previous[2];

void onSignal(int)
{
    const int savedErrno = errno;
    const char byte = 1;
    const ssize_t written = write(g_pipe[1], &byte, 1); // non-blocking: a full pipe already holds a wake-up
    (void)written;
    errno = savedErrno;
}

} // namespace

InterruptWatcher::InterruptWatcher(QObject* parent)
    : QObject(parent)
{
    if (pipe(g_pipe) != 0)
        return; // no pipe, no watching: the signals keep their default effect
    for (int fd : g_pipe) {
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char bytes[16];
        while (read(g_pipe[0], bytes, sizeof bytes) > 0) {
        }
        emit interrupted();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &action, &g_previous[i]);
}

InterruptWatcher::~InterruptWatcher()
{
    if (!m_notifier)
        return;
    for (size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &g_previous[i], nullptr);
    delete m_notifier;
    for (int& fd : g_pipe) {
        close(fd);
        fd = -1;
    }
}

} // namespace tenantry::cli
