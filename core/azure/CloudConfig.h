#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace tenantry {

class AzureConfigDir;

// One Azure cloud's endpoints, as az's CloudEndpoints names them.
struct Cloud
{
    QString name;                      // AzureCloud, AzureChinaCloud, AzureUSGovernment, or custom
    QString activeDirectory;           // authority host URL, e.g. https://login.microsoftonline.com
    QString resourceManager;           // e.g. https://management.azure.com/
    QString activeDirectoryResourceId; // e.g. https://management.core.windows.net/
    QString microsoftGraphResourceId;  // e.g. https://graph.microsoft.com/
    bool builtIn = false;

    QString management; // az falls back to resourceManager for custom clouds without it
    QString activeDirectoryGraphResourceId;
    QString profile = QStringLiteral("latest"); // API profile (clouds.config `profile`)
    // Every endpoint and suffix az knows for this cloud, by its CloudEndpoints / CloudSuffixes attribute
    // name (clouds.config key without the "endpoint_" / "suffix_" prefix), e.g. "portal", "keyvault_dns".
    QMap<QString, QString> endpoints;
    QMap<QString, QString> suffixes;

    QString authorityHost() const; // lower-cased host of activeDirectory: the cache "environment"
    QString armScope() const;      // activeDirectoryResourceId + "/.default" (the double slash az asks for)
    QString endpoint(const QString& attribute) const { return endpoints.value(attribute); }
};

// az's cloud selection: `config` [cloud] name, custom clouds and the per-cloud active subscription
// in `clouds.config` (INI, written the way Python's configparser does).
class CloudConfig
{
public:
    // knack lets AZURE_<SECTION>_<OPTION> override `config`: AZURE_CLOUD_NAME beats [cloud] name.
    static constexpr const char* kCloudNameVariable = "AZURE_CLOUD_NAME";
    static const QString kDefaultCloudName; // "AzureCloud"

    // az 2.45's hard-coded list: AzureCloud, AzureChinaCloud, AzureUSGovernment, AzureGermanCloud.
    static QList<Cloud> builtInClouds();

    explicit CloudConfig(const AzureConfigDir& dir);

    bool load(QString* error);   // missing files are fine
    QList<Cloud> clouds() const; // built in (clouds.config may override endpoints), then custom
    // The cloud az would use: AZURE_CLOUD_NAME, else `config` [cloud] name, else AzureCloud. An
    // unregistered name falls back to AzureCloud, as az does (az also rewrites `config`; we do not).
    Cloud activeCloud() const;
    QString activeCloudName() const;                       // the name as configured, registered or not
    std::optional<Cloud> cloud(const QString& name) const; // exact (case-sensitive) name, as az

    QString subscriptionOf(const QString& cloudName) const;
    // `az account set` writes [<cloud>] subscription = <id>; other sections and keys are kept. The file is
    // re-read first so a concurrent change is not lost. An empty id removes the key (as az). Fails for
    // an unregistered cloud, like az's set_cloud_subscription.
    bool setSubscription(const QString& cloudName, const QString& subscriptionId, QString* error);

private:
    struct Private;
    std::shared_ptr<Private> d;
};

// Accepts https URLs, and http only for loopback hosts (tests, local sandboxes): localhost,
// 127.0.0.0/8 and ::1.
bool isAllowedAuthority(const QString& url, QString* why = nullptr);

} // namespace tenantry
