#pragma once

#include <QList>
#include <QString>

namespace tenantry {

class AzureConfigDir;

// One Azure cloud's endpoints, as az's CloudEndpoints names them.
struct Cloud
{
    QString name;                       // AzureCloud, AzureChinaCloud, AzureUSGovernment, or custom
    QString activeDirectory;            // authority host URL, e.g. https://login.microsoftonline.com
    QString resourceManager;            // e.g. https://management.azure.com/
    QString activeDirectoryResourceId;  // e.g. https://management.core.windows.net/
    QString microsoftGraphResourceId;   // e.g. https://graph.microsoft.com/
    bool builtIn = false;

    QString authorityHost() const;      // lower-cased host of activeDirectory: the cache "environment"
    QString armScope() const;           // activeDirectoryResourceId + "/.default" (the double slash az asks for)
};

// az's cloud selection: `config` [cloud] name, custom clouds and the per-cloud active subscription
// in `clouds.config` (INI, written the way Python's configparser does).
class CloudConfig
{
public:
    static QList<Cloud> builtInClouds();

    explicit CloudConfig(const AzureConfigDir& dir);

    bool load(QString* error);               // missing files are fine
    QList<Cloud> clouds() const;             // built in, then custom
    Cloud activeCloud() const;               // [cloud] name, default AzureCloud
    std::optional<Cloud> cloud(const QString& name) const;

    QString subscriptionOf(const QString& cloudName) const;
    // `az account set` writes [<cloud>] subscription = <id>; other sections and keys are kept.
    bool setSubscription(const QString& cloudName, const QString& subscriptionId, QString* error);

private:
    struct Private;
    std::shared_ptr<Private> d;
};

// Accepts https URLs, and http only for loopback hosts (tests, local sandboxes).
bool isAllowedAuthority(const QString& url, QString* why = nullptr);

} // namespace tenantry
