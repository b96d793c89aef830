#include "ChildSignalForwarder.h"

#include <windows.h>

namespace tenantry::cli {

namespace {

// The console delivers Ctrl+C and Ctrl+Break to every process attached to it, the child included:
// tenantry-cli only has to stay until the child ends. (A handler, not SetConsoleCtrlHandler(nullptr,
// TRUE): that would be inherited, and the child would ignore Ctrl+C.)
BOOL WINAPI outliveInterrupt(DWORD event)
{
    return event == CTRL_C_EVENT || event == CTRL_BREAK_EVENT ? TRUE : FALSE;
}

} // namespace

ChildSignalForwarder::ChildSignalForwarder(qint64 childPid, QObject* parent)
    : QObject(parent)
    , m_childPid(childPid)
{
    SetConsoleCtrlHandler(outliveInterrupt, TRUE);
}

ChildSignalForwarder::~ChildSignalForwarder()
{
    SetConsoleCtrlHandler(outliveInterrupt, FALSE);
}

} // namespace tenantry::cli
