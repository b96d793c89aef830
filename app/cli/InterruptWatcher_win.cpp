#include "InterruptWatcher.h"

#include <windows.h>

namespace tenantry::cli {

namespace {

InterruptWatcher* g_watcher = nullptr;

// Runs on a thread of its own: a queued emission is how to reach the loop from there.
BOOL WINAPI onConsoleEvent(DWORD event)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT)
        return FALSE;
    QMetaObject::invokeMethod(g_watcher, &InterruptWatcher::interrupted, Qt::QueuedConnection);
    return TRUE;
}

} // namespace

InterruptWatcher::InterruptWatcher(QObject* parent)
    : QObject(parent)
{
    g_watcher = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

InterruptWatcher::~InterruptWatcher()
{
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_watcher = nullptr;
}

} // namespace tenantry::cli
