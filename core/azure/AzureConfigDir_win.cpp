#include "azure/AzureConfigDir.h"

#include <QCoreApplication>
#include <QDir>

namespace tenantry {

bool AzureConfigDir::ensureExists(QString* error) const
{
    if (QDir(m_path).exists())
        return true;
    if (!QDir().mkpath(m_path)) {
        if (error)
            *error = QCoreApplication::translate("tenantry::AzureConfigDir",
                                                 "Cannot create the Azure configuration directory %1")
                         .arg(m_path);
        return false;
    }
    return true;
}

} // namespace tenantry
