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

    // Creates it 0700 when missing, like az; warns once when an existing one is writable by others or
    // owned by someone else (they could plant or replace token files in it). AzureConfigDir_unix.cpp /
    // AzureConfigDir_win.cpp.
    bool ensureExists(QString* error) const;

private:
    QString m_path;
};

} // namespace tenantry
