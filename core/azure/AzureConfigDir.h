#pragma once

#include <QString>

namespace tenantry {

// Azure CLI's configuration directory: $AZURE_CONFIG_DIR, else ~/.azure (as az resolves it).
class AzureConfigDir
{
public:
    static AzureConfigDir fromEnvironment();
    explicit AzureConfigDir(QString path);

    const QString& path() const { return m_path; }
    QString profileFile() const;      // azureProfile.json
    QString msalCacheFile() const;    // msal_token_cache.json
    QString cloudsConfigFile() const; // clouds.config
    QString configFile() const;       // config

    bool ensureExists(QString* error) const; // creates it 0700 when missing, like az

private:
    QString m_path;
};

} // namespace tenantry
