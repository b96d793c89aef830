#include "InterruptWatcher.h"

#include <QSocketNotifier>

#if defined(Q_OS_WIN)
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace tenantry::cli {

namespace {

#if defined(Q_OS_WIN)

InterruptWatcher* g_watcher = nullptr;

// Runs on a thread of its own: a queued emission is how to reach the loop from there.
BOOL WINAPI onConsoleEvent(DWORD event)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT)
        return FALSE;
    QMetaObject::invokeMethod(g_watcher, &InterruptWatcher::interrupted, Qt::QueuedConnection);
    return TRUE;
}

#else

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

#endif

} // namespace

InterruptWatcher::InterruptWatcher(QObject* parent)
    : QObject(parent)
{
#if defined(Q_OS_WIN)
    g_watcher = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#else
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
#endif
}

InterruptWatcher::~InterruptWatcher()
{
#if defined(Q_OS_WIN)
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_watcher = nullptr;
#else
    if (!m_notifier)
        return;
    for (size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &g_previous[i], nullptr);
    delete m_notifier;
    for (int& fd : g_pipe) {
        close(fd);
        fd = -1;
    }
#endif
}

} // namespace tenantry::cli
