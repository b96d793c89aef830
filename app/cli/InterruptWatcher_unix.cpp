#include "InterruptWatcher.h"

#include "SignalPipe.h"

#include <csignal>

namespace tenantry::cli {

InterruptWatcher::InterruptWatcher(QObject* parent)
    : QObject(parent)
    , m_pipe(new SignalPipe({SIGINT, SIGTERM}, SignalPipe::Sources::Any, [this](int) { emit interrupted(); }))
{}

InterruptWatcher::~InterruptWatcher()
{
    delete m_pipe;
}

} // namespace tenantry::cli
