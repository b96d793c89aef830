#pragma once

#include <QObject>

namespace tenantry::cli {

class SignalPipe;

// While it exists, what asks tenantry-cli to stop goes to the child it runs instead (exec), and
// tenantry-cli waits for the child to end. On Unix: SIGINT, SIGTERM and SIGHUP sent to tenantry-cli
// (kill) are sent on to `childPid`; the same signals from the terminal (Ctrl+C, a hang-up) are not
// sent again, since the terminal already signalled the child's process group, as a shell's child. On
// Windows: Ctrl+C and Ctrl+Break reach the child through the console; tenantry-cli only outlives
// them. One at a time.
// ChildSignalForwarder_unix.cpp (through SignalPipe.h) / ChildSignalForwarder_win.cpp.
class ChildSignalForwarder : public QObject
{
    Q_OBJECT

public:
    ChildSignalForwarder(qint64 childPid, QObject* parent = nullptr);
    ~ChildSignalForwarder() override;

private:
    qint64 m_childPid;
    SignalPipe* m_pipe = nullptr; // Unix
};

} // namespace tenantry::cli
