#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace tenantry {

// What a finished child process printed.
struct ChildProcessOutput
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

struct ChildProcessLimits
{
    int timeoutMs = 30000;                       // start to exit; then it is killed
    qsizetype maxOutputBytes = 16 * 1024 * 1024; // stdout and stderr each; more: killed, an error
};

// Runs `program` (found on PATH) with `args` and `input` on its stdin, and waits for it, bounded in time
// and output. Blocking: for tenantry-cli and short tools (git config, kubectl config). Fails with
// Error::Code::Storage when it cannot start (the detail names the program), TimedOut when it runs past
// the limit, InvalidResponse when it prints more than allowed or crashes. A non-zero exit is a result.
Result<ChildProcessOutput> runChildProcess(const QString& program, const QStringList& args,
                                           const ChildProcessLimits& limits = {}, const QByteArray& input = {},
                                           const QProcessEnvironment& environment = {});

} // namespace tenantry
