#include "azure/AzureConfigDir.h"

#include <QDir>
#include <QFile>

namespace tenantry {

AzureConfigDir AzureConfigDir::fromEnvironment()
{
    const QString fromEnv = qEnvironmentVariable("AZURE_CONFIG_DIR");
    if (!fromEnv.isEmpty())
        return AzureConfigDir(QDir::cleanPath(QDir(fromEnv).absolutePath()));
    return AzureConfigDir(QDir::homePath() + QStringLiteral("/.azure"));
}

AzureConfigDir::AzureConfigDir(QString path)
    : m_path(std::move(path))
{
}

QString AzureConfigDir::profileFile() const
{
    return m_path + QStringLiteral("/azureProfile.json");
}

QString AzureConfigDir::msalCacheFile() const
{
    return m_path + QStringLiteral("/msal_token_cache.json");
}

QString AzureConfigDir::cloudsConfigFile() const
{
    return m_path + QStringLiteral("/clouds.config");
}

QString AzureConfigDir::configFile() const
{
    return m_path + QStringLiteral("/config");
}

bool AzureConfigDir::ensureExists(QString* error) const
{
    QDir dir(m_path);
    if (dir.exists())
        return true;
    if (!QDir().mkpath(m_path)) {
        if (error)
            *error = QStringLiteral("Cannot create the Azure configuration directory %1").arg(m_path);
        return false;
    }
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

} // namespace tenantry
