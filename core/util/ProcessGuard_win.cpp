#include "util/ProcessGuard.h"

namespace tenantry {

// Nothing is done on Windows (see ProcessGuard.h: only Error Reporting LocalDumps write dumps there).
bool ProcessGuard::disableCoreDumps(QString* error)
{
    Q_UNUSED(error);
    return true;
}

} // namespace tenantry
