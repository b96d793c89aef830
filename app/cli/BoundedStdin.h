#pragma once

#include <QByteArray>

namespace tenantry::cli {

// What came on stdin, read until an empty line or its end.
struct StdinRequest
{
    QByteArray bytes;
    bool timedOut = false; // the writer neither finished nor ended its request in time
    bool tooLarge = false; // more than the limit came before the request ended
};

// Reads a line-based request from stdin (git's credential protocol) with bounded size and wait: a writer
// that never closes stdin, or sends without end, cannot hold tenantry-cli. The reading thread is left
// behind blocked when the wait runs out; the process ends soon after anyway.
StdinRequest readStdinRequest(qsizetype maxBytes, int timeoutMs);

} // namespace tenantry::cli
