#include "util/ProcessGuard.h"

#include <cerrno>
#include <cstring>

#include <sys/resource.h>
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace tenantry {

bool ProcessGuard::disableCoreDumps(QString* error)
{
    bool ok = true;
    const auto failed = [&](const char* step) {
        ok = false;
        if (error)
            *error =
                QStringLiteral("%1 failed: %2").arg(QLatin1String(step), QString::fromLocal8Bit(std::strerror(errno)));
    };
#if defined(Q_OS_LINUX)
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        failed("prctl(PR_SET_DUMPABLE, 0)");
#endif
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        failed("setrlimit(RLIMIT_CORE, 0)");
    return ok;
}

} // namespace tenantry
