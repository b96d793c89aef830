#include "ContextAz.h"

#include <QCoreApplication>

namespace tenantry {

QString ContextAz::exec(const QString&, char**)
{
    return QCoreApplication::translate("tenantry::ContextAz",
                                       "A subscription for one shell needs Linux's user namespaces.");
}

} // namespace tenantry
