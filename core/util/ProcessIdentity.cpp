#include "ProcessIdentity.h"

#include "store/BoundedFileRead.h"

#include <QByteArray>
#include <QList>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <signal.h>
#endif

namespace tenantry {

std::optional<ProcessIdentity> ProcessIdentity::of(qint64 pid)
{
    if (pid <= 0)
        return std::nullopt;
#if defined(Q_OS_LINUX)
    // "PID (comm) state ppid ...": comm may hold spaces and parentheses, so the fields are counted
    // from the last ')'. starttime is field 22, the 20th after it.
    const BoundedFileRead stat = BoundedFileRead::read(QStringLiteral("/proc/%1/stat").arg(pid), 4096);
    if (stat.status != BoundedFileRead::Status::Ok)
        return std::nullopt;
    const int close = stat.bytes.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.bytes.mid(close + 1).simplified().split(' ');
    if (fields.size() < 20)
        return std::nullopt;
    bool ok = false;
    const quint64 start = fields.at(19).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return ProcessIdentity{pid, start};
#elif defined(Q_OS_UNIX)
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
        return std::nullopt;
    return ProcessIdentity{pid, 0};
#else
    return ProcessIdentity{pid, 0};
#endif
}

bool ProcessIdentity::isRunning() const
{
    const std::optional<ProcessIdentity> now = of(pid);
    return now && *now == *this;
}

} // namespace tenantry
