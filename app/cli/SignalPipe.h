#pragma once

#include <QList>

#include <functional>

class QSocketNotifier;

namespace tenantry::cli {

// Signals on Unix, taken to the event loop by the self-pipe trick: while a SignalPipe exists, `signals`
// run a handler that only writes the signal's number to a pipe (about all that is safe in a handler), and
// the loop calls `received` with it; then the previous handling is back. With Sources::NotFromTerminal,
// signals the terminal sent to the whole foreground process group (Ctrl+C, a hang-up: si_code SI_KERNEL)
// are left out. Without a pipe the signals keep their default effect. One at a time. SignalPipe_unix.cpp.
class SignalPipe
{
public:
    enum class Sources { Any, NotFromTerminal };

    SignalPipe(const QList<int>& watched, Sources sources, std::function<void(int signal)> received);
    ~SignalPipe();
    SignalPipe(const SignalPipe&) = delete;
    SignalPipe& operator=(const SignalPipe&) = delete;

private:
    QList<int> m_signals;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace tenantry::cli
