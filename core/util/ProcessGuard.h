#pragma once

#include <QString>

#include <exception>

class QEvent;
class QObject;

namespace tenantry {

// What both programs (tenantry and tenantry-cli) do first in main(), because they hold tokens:
// no core dump, and no abort when an exception escapes where nobody catches it.
class ProcessGuard
{
public:
    // The exit code of a process stopped by an exception nobody handled (az's code for an error).
    static constexpr int kExitCode = 1;

    // Turns core dumps off for this process, as a dump would write its tokens to disk or to a
    // crash collector. Linux: prctl(PR_SET_DUMPABLE, 0) (which also keeps other processes of the
    // user from ptrace-ing it or reading /proc/PID/mem) and RLIMIT_CORE 0; other Unix: RLIMIT_CORE
    // 0. Windows writes no dump unless an administrator configured Error Reporting LocalDumps, and
    // a process cannot opt out of that cheaply: nothing is done there. False, with *error, if a
    // step failed.
    static bool disableCoreDumps(QString* error = nullptr);

    // Installs the std::terminate handler (an exception escaping main() or a thread, a noexcept
    // breach): one line on stderr, then the process exits with kExitCode instead of SIGABRT.
    // `programName` is what the line calls the program; it must outlive the process (a literal).
    static void install(const char* programName);

    // For an application's notify(): reports an exception that escaped an event handler or slot
    // (one line on stderr naming only its type: its text could quote data or secrets) and ends the
    // event loop with kExitCode, as the state the exception left behind cannot be trusted.
    static void handleEscapedException(std::exception_ptr exception) noexcept;

    // What main() returns: kExitCode once an exception escaped, whatever exec() said after it.
    static int exitCode(int eventLoopResult);

    // The line for an exception, e.g. "ERROR: internal error: an exception of type std::out_of_range
    // reached the event loop; tenantry-cli stopped." (no trailing newline).
    static QString describe(std::exception_ptr exception, const char* where);
};

// QCoreApplication (tenantry-cli) or QApplication (tenantry) with the last-resort guard in
// notify(), the one place every event and queued slot call passes through.
template <class Application> class GuardedApplication : public Application
{
public:
    using Application::Application;

    bool notify(QObject* receiver, QEvent* event) override
    {
        try {
            return Application::notify(receiver, event);
        } catch (...) {
            ProcessGuard::handleEscapedException(std::current_exception());
            return false;
        }
    }
};

} // namespace tenantry
