#include "ChildSignalForwarder.h"

#include "SignalPipe.h"

#include <csignal>

namespace tenantry::cli {

ChildSignalForwarder::ChildSignalForwarder(qint64 childPid, QObject* parent)
    : QObject(parent)
    , m_childPid(childPid)
    // The terminal's signals went to the child's process group already: sent again, a child that
    // handles one Ctrl+C would see two.
    , m_pipe(new SignalPipe({SIGINT, SIGTERM, SIGHUP}, SignalPipe::Sources::NotFromTerminal,
                            [this](int signal) { kill(static_cast<pid_t>(m_childPid), signal); }))
{}

ChildSignalForwarder::~ChildSignalForwarder()
{
    delete m_pipe;
}

} // namespace tenantry::cli
