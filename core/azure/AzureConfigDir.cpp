#include "azure/AzureConfigDir.h"

#include <QDir>

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
{}

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

} // namespace tenantry
