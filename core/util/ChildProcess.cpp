#include "util/ChildProcess.h"

#include <QDeadlineTimer>
#include <QProcess>

namespace tenantry {

Result<ChildProcessOutput> runChildProcess(const QString& program, const QStringList& args,
                                           const ChildProcessLimits& limits, const QByteArray& input,
                                           const QProcessEnvironment& environment)
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    const QDeadlineTimer deadline(limits.timeoutMs);
    process.start(program, args);
    if (!process.waitForStarted(static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
        return failure(Error::Code::Storage, QStringLiteral("cannot run %1: %2").arg(program, process.errorString()));
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    ChildProcessOutput output;
    auto tooMuch = [&] {
        return output.out.size() > limits.maxOutputBytes || output.err.size() > limits.maxOutputBytes;
    };
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired() && !tooMuch()) {
        process.waitForReadyRead(static_cast<int>(qBound(qint64(1), deadline.remainingTime(), qint64(100))));
        output.out += process.readAllStandardOutput();
        output.err += process.readAllStandardError();
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        if (tooMuch())
            return failure(Error::Code::InvalidResponse,
                           QStringLiteral("%1 printed more than %2 bytes").arg(program).arg(limits.maxOutputBytes));
        return failure(Error::Code::TimedOut,
                       QStringLiteral("%1 did not finish within %2 s").arg(program).arg(limits.timeoutMs / 1000));
    }
    output.out += process.readAllStandardOutput();
    output.err += process.readAllStandardError();
    if (tooMuch())
        return failure(Error::Code::InvalidResponse,
                       QStringLiteral("%1 printed more than %2 bytes").arg(program).arg(limits.maxOutputBytes));
    if (process.exitStatus() != QProcess::NormalExit)
        return failure(Error::Code::InvalidResponse, QStringLiteral("%1 crashed").arg(program));
    output.exitCode = process.exitCode();
    return output;
}

} // namespace tenantry
