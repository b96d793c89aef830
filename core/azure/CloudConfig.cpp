#include "azure/CloudConfig.h"

#include "azure/AzureConfigDir.h"
#include "azure/IniFile.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QUrl>

#include <utility>

namespace tenantry {

const QString CloudConfig::kDefaultCloudName = QStringLiteral("AzureCloud");

namespace {

using Pairs = QList<std::pair<const char*, const char*>>;

const QString kEndpointPrefix = QStringLiteral("endpoint_");
const QString kSuffixPrefix = QStringLiteral("suffix_");
const QString kSubscriptionKey = QStringLiteral("subscription");

// Copies the named fields out of the endpoint map (az attribute names).
void syncNamedFields(Cloud& cloud)
{
    cloud.activeDirectory = cloud.endpoints.value(QStringLiteral("active_directory"));
    cloud.resourceManager = cloud.endpoints.value(QStringLiteral("resource_manager"));
    cloud.activeDirectoryResourceId = cloud.endpoints.value(QStringLiteral("active_directory_resource_id"));
    cloud.microsoftGraphResourceId = cloud.endpoints.value(QStringLiteral("microsoft_graph_resource_id"));
    cloud.activeDirectoryGraphResourceId = cloud.endpoints.value(QStringLiteral("active_directory_graph_resource_id"));
    cloud.management = cloud.endpoints.value(QStringLiteral("management"));
}

Cloud makeBuiltIn(const QString& name, const Pairs& endpoints, const Pairs& suffixes)
{
    Cloud cloud;
    cloud.name = name;
    cloud.builtIn = true;
    for (const auto& [key, value] : endpoints)
        cloud.endpoints.insert(QString::fromLatin1(key), QString::fromLatin1(value));
    for (const auto& [key, value] : suffixes)
        cloud.suffixes.insert(QString::fromLatin1(key), QString::fromLatin1(value));
    syncNamedFields(cloud);
    return cloud;
}

// azure/cli/core/cloud.py (2.45): HARD_CODED_CLOUD_LIST, in its order.
QList<Cloud> makeBuiltInClouds()
{
    QList<Cloud> out;
    out.append(makeBuiltIn(
        QStringLiteral("AzureCloud"),
        {
            {"management", "https://management.core.windows.net/"},
            {"resource_manager", "https://management.azure.com/"},
            {"sql_management", "https://management.core.windows.net:8443/"},
            {"batch_resource_id", "https://batch.core.windows.net/"},
            {"gallery", "https://gallery.azure.com/"},
            {"active_directory", "https://login.microsoftonline.com"},
            {"active_directory_resource_id", "https://management.core.windows.net/"},
            {"active_directory_graph_resource_id", "https://graph.windows.net/"},
            {"microsoft_graph_resource_id", "https://graph.microsoft.com/"},
            {"active_directory_data_lake_resource_id", "https://datalake.azure.net/"},
            {"vm_image_alias_doc", "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/arm-compute/"
                                   "quickstart-templates/aliases.json"},
            {"media_resource_id", "https://rest.media.azure.net"},
            {"ossrdbms_resource_id", "https://ossrdbms-aad.database.windows.net"},
            {"log_analytics_resource_id", "https://api.loganalytics.io"},
            {"app_insights_resource_id", "https://api.applicationinsights.io"},
            {"app_insights_telemetry_channel_resource_id", "https://dc.applicationinsights.azure.com/v2/track"},
            {"synapse_analytics_resource_id", "https://dev.azuresynapse.net"},
            {"attestation_resource_id", "https://attest.azure.net"},
            {"portal", "https://portal.azure.com"},
        },
        {
            {"storage_endpoint", "core.windows.net"},
            {"storage_sync_endpoint", "afs.azure.net"},
            {"keyvault_dns", ".vault.azure.net"},
            {"mhsm_dns", ".managedhsm.azure.net"},
            {"sql_server_hostname", ".database.windows.net"},
            {"mysql_server_endpoint", ".mysql.database.azure.com"},
            {"postgresql_server_endpoint", ".postgres.database.azure.com"},
            {"mariadb_server_endpoint", ".mariadb.database.azure.com"},
            {"azure_datalake_store_file_system_endpoint", "azuredatalakestore.net"},
            {"azure_datalake_analytics_catalog_and_job_endpoint", "azuredatalakeanalytics.net"},
            {"acr_login_server_endpoint", ".azurecr.io"},
            {"synapse_analytics_endpoint", ".dev.azuresynapse.net"},
            {"attestation_endpoint", ".attest.azure.net"},
        }));
    out.append(makeBuiltIn(
        QStringLiteral("AzureChinaCloud"),
        {
            {"management", "https://management.core.chinacloudapi.cn/"},
            {"resource_manager", "https://management.chinacloudapi.cn"},
            {"sql_management", "https://management.core.chinacloudapi.cn:8443/"},
            {"batch_resource_id", "https://batch.chinacloudapi.cn/"},
            {"gallery", "https://gallery.chinacloudapi.cn/"},
            {"active_directory", "https://login.chinacloudapi.cn"},
            {"active_directory_resource_id", "https://management.core.chinacloudapi.cn/"},
            {"active_directory_graph_resource_id", "https://graph.chinacloudapi.cn/"},
            {"microsoft_graph_resource_id", "https://microsoftgraph.chinacloudapi.cn"},
            {"vm_image_alias_doc", "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/arm-compute/"
                                   "quickstart-templates/aliases.json"},
            {"media_resource_id", "https://rest.media.chinacloudapi.cn"},
            {"ossrdbms_resource_id", "https://ossrdbms-aad.database.chinacloudapi.cn"},
            {"log_analytics_resource_id", "https://api.loganalytics.azure.cn"},
            {"app_insights_resource_id", "https://api.applicationinsights.azure.cn"},
            {"app_insights_telemetry_channel_resource_id", "https://dc.applicationinsights.azure.cn/v2/track"},
            {"synapse_analytics_resource_id", "https://dev.azuresynapse.azure.cn"},
            {"portal", "https://portal.azure.cn"},
        },
        {
            {"storage_endpoint", "core.chinacloudapi.cn"},
            {"keyvault_dns", ".vault.azure.cn"},
            {"mhsm_dns", ".managedhsm.azure.cn"},
            {"sql_server_hostname", ".database.chinacloudapi.cn"},
            {"mysql_server_endpoint", ".mysql.database.chinacloudapi.cn"},
            {"postgresql_server_endpoint", ".postgres.database.chinacloudapi.cn"},
            {"mariadb_server_endpoint", ".mariadb.database.chinacloudapi.cn"},
            {"acr_login_server_endpoint", ".azurecr.cn"},
            {"synapse_analytics_endpoint", ".dev.azuresynapse.azure.cn"},
        }));
    out.append(
        makeBuiltIn(QStringLiteral("AzureUSGovernment"),
                    {
                        {"management", "https://management.core.usgovcloudapi.net/"},
                        {"resource_manager", "https://management.usgovcloudapi.net/"},
                        {"sql_management", "https://management.core.usgovcloudapi.net:8443/"},
                        {"batch_resource_id", "https://batch.core.usgovcloudapi.net/"},
                        {"gallery", "https://gallery.usgovcloudapi.net/"},
                        {"active_directory", "https://login.microsoftonline.us"},
                        {"active_directory_resource_id", "https://management.core.usgovcloudapi.net/"},
                        {"active_directory_graph_resource_id", "https://graph.windows.net/"},
                        {"microsoft_graph_resource_id", "https://graph.microsoft.us/"},
                        {"vm_image_alias_doc", "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/"
                                               "arm-compute/quickstart-templates/aliases.json"},
                        {"media_resource_id", "https://rest.media.usgovcloudapi.net"},
                        {"ossrdbms_resource_id", "https://ossrdbms-aad.database.usgovcloudapi.net"},
                        {"log_analytics_resource_id", "https://api.loganalytics.us"},
                        {"app_insights_resource_id", "https://api.applicationinsights.us"},
                        {"app_insights_telemetry_channel_resource_id", "https://dc.applicationinsights.us/v2/track"},
                        {"synapse_analytics_resource_id", "https://dev.azuresynapse.usgovcloudapi.net"},
                        {"portal", "https://portal.azure.us"},
                    },
                    {
                        {"storage_endpoint", "core.usgovcloudapi.net"},
                        {"storage_sync_endpoint", "afs.azure.us"},
                        {"keyvault_dns", ".vault.usgovcloudapi.net"},
                        {"mhsm_dns", ".managedhsm.usgovcloudapi.net"},
                        {"sql_server_hostname", ".database.usgovcloudapi.net"},
                        {"mysql_server_endpoint", ".mysql.database.usgovcloudapi.net"},
                        {"postgresql_server_endpoint", ".postgres.database.usgovcloudapi.net"},
                        {"mariadb_server_endpoint", ".mariadb.database.usgovcloudapi.net"},
                        {"acr_login_server_endpoint", ".azurecr.us"},
                        {"synapse_analytics_endpoint", ".dev.azuresynapse.usgovcloudapi.net"},
                    }));
    out.append(makeBuiltIn(QStringLiteral("AzureGermanCloud"),
                           {
                               {"management", "https://management.core.cloudapi.de/"},
                               {"resource_manager", "https://management.microsoftazure.de"},
                               {"sql_management", "https://management.core.cloudapi.de:8443/"},
                               {"batch_resource_id", "https://batch.cloudapi.de/"},
                               {"gallery", "https://gallery.cloudapi.de/"},
                               {"active_directory", "https://login.microsoftonline.de"},
                               {"active_directory_resource_id", "https://management.core.cloudapi.de/"},
                               {"active_directory_graph_resource_id", "https://graph.cloudapi.de/"},
                               {"microsoft_graph_resource_id", "https://graph.microsoft.de"},
                               {"vm_image_alias_doc", "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/"
                                                      "main/arm-compute/quickstart-templates/aliases.json"},
                               {"media_resource_id", "https://rest.media.cloudapi.de"},
                               {"ossrdbms_resource_id", "https://ossrdbms-aad.database.cloudapi.de"},
                               {"portal", "https://portal.microsoftazure.de"},
                           },
                           {
                               {"storage_endpoint", "core.cloudapi.de"},
                               {"keyvault_dns", ".vault.microsoftazure.de"},
                               {"mhsm_dns", ".managedhsm.microsoftazure.de"},
                               {"sql_server_hostname", ".database.cloudapi.de"},
                               {"mysql_server_endpoint", ".mysql.database.cloudapi.de"},
                               {"postgresql_server_endpoint", ".postgres.database.cloudapi.de"},
                               {"mariadb_server_endpoint", ".mariadb.database.cloudapi.de"},
                           }));
    return out;
}

} // namespace

QString Cloud::authorityHost() const
{
    return QUrl(activeDirectory).host().toLower();
}

QString Cloud::armScope() const
{
    // auth/util.py resource_to_scopes: resource + "/.default", trailing slash kept.
    return activeDirectoryResourceId + QStringLiteral("/.default");
}

struct CloudConfig::Private
{
    QString cloudsPath;
    QString configPath;
    QString dirPath;
    IniFile cloudsIni; // clouds.config as on disk
    IniFile configIni; // config as on disk
    QList<Cloud> clouds;

    void rebuild();
};

void CloudConfig::Private::rebuild()
{
    // cloud.py get_clouds: the known clouds first, then clouds.config read on top (a section may
    // override a built-in cloud's endpoints), a custom cloud without `management` uses its ARM endpoint.
    clouds = CloudConfig::builtInClouds();
    QHash<QString, qsizetype> indexByName; // clouds.config may hold many sections: no quadratic search
    for (qsizetype i = 0; i < clouds.size(); ++i)
        indexByName.insert(clouds.at(i).name, i);
    const QStringList sections = cloudsIni.sections();
    for (const QString& section : sections) {
        qsizetype index = indexByName.value(section, -1);
        if (index < 0) {
            Cloud custom;
            custom.name = section;
            clouds.append(custom);
            index = clouds.size() - 1;
            indexByName.insert(section, index);
        }
        Cloud& cloud = clouds[index];
        const QStringList keys = cloudsIni.keys(section);
        for (const QString& key : keys) {
            const QString value = cloudsIni.value(section, key).value_or(QString());
            if (key == QLatin1String("profile"))
                cloud.profile = value;
            if (key.startsWith(kEndpointPrefix))
                cloud.endpoints.insert(key.mid(kEndpointPrefix.size()), value);
            else if (key.startsWith(kSuffixPrefix))
                cloud.suffixes.insert(key.mid(kSuffixPrefix.size()), value);
        }
        if (cloud.profile.isEmpty())
            cloud.profile = QStringLiteral("latest");
        if (!cloud.endpoints.contains(QStringLiteral("management")) &&
            cloud.endpoints.contains(QStringLiteral("resource_manager")))
            cloud.endpoints.insert(QStringLiteral("management"),
                                   cloud.endpoints.value(QStringLiteral("resource_manager")));
        syncNamedFields(cloud);
    }
}

QList<Cloud> CloudConfig::builtInClouds()
{
    static const QList<Cloud> clouds = makeBuiltInClouds();
    return clouds;
}

CloudConfig::CloudConfig(const AzureConfigDir& dir)
    : d(std::make_shared<Private>())
{
    d->dirPath = dir.path();
    d->cloudsPath = dir.cloudsConfigFile();
    d->configPath = dir.configFile();
    d->rebuild();
}

bool CloudConfig::load(QString* error)
{
    IniFile clouds;
    IniFile config;
    if (clouds.load(d->cloudsPath, error) == IniFile::LoadStatus::IoError)
        return false;
    if (config.load(d->configPath, error) == IniFile::LoadStatus::IoError)
        return false;
    d->cloudsIni = std::move(clouds);
    d->configIni = std::move(config);
    d->rebuild();
    return true;
}

QList<Cloud> CloudConfig::clouds() const
{
    return d->clouds;
}

QString CloudConfig::activeCloudName() const
{
    // knack CLIConfig.get('cloud', 'name'): the environment variable wins whenever it is set.
    if (qEnvironmentVariableIsSet(kCloudNameVariable))
        return qEnvironmentVariable(kCloudNameVariable);
    return d->configIni.value(QStringLiteral("cloud"), QStringLiteral("name")).value_or(kDefaultCloudName);
}

Cloud CloudConfig::activeCloud() const
{
    const QString name = activeCloudName();
    if (std::optional<Cloud> found = cloud(name))
        return *found;
    // cloud.py get_active_cloud: "The cloud 'X' is not registered." -> reset to AzureCloud.
    qCWarning(lcProfile) << "the active cloud" << name << "is not registered; using" << kDefaultCloudName;
    return *cloud(kDefaultCloudName);
}

std::optional<Cloud> CloudConfig::cloud(const QString& name) const
{
    for (const Cloud& c : std::as_const(d->clouds)) {
        if (c.name == name)
            return c;
    }
    return std::nullopt;
}

QString CloudConfig::subscriptionOf(const QString& cloudName) const
{
    return d->cloudsIni.value(cloudName, kSubscriptionKey).value_or(QString());
}

bool CloudConfig::setSubscription(const QString& cloudName, const QString& subscriptionId, QString* error)
{
    if (!cloud(cloudName)) {
        if (error)
            *error = QCoreApplication::translate("tenantry::CloudConfig", "The cloud '%1' is not registered.")
                         .arg(cloudName);
        return false;
    }
    // cloud.py set_cloud_subscription: read the file as it is now, set or remove one key, write it back.
    IniFile ini;
    if (ini.load(d->cloudsPath, error) == IniFile::LoadStatus::IoError)
        return false;
    const std::optional<QString> before = ini.rawValue(cloudName, kSubscriptionKey);
    if (subscriptionId.isEmpty()) {
        if (!ini.removeKey(cloudName, kSubscriptionKey)) {
            d->cloudsIni = std::move(ini);
            d->rebuild();
            return true;
        }
    } else {
        if (before && *before == subscriptionId && ini.hasSection(cloudName)) {
            d->cloudsIni = std::move(ini);
            d->rebuild();
            return true; // already so: no need to touch the file
        }
        if (!ini.setValue(cloudName, kSubscriptionKey, subscriptionId)) {
            if (error)
                *error = QCoreApplication::translate("tenantry::CloudConfig",
                                                     "The subscription '%1' of cloud '%2' cannot be written to %3.")
                             .arg(subscriptionId, cloudName, d->cloudsPath);
            return false;
        }
    }
    if (!AzureConfigDir(d->dirPath).ensureExists(error))
        return false;
    if (!ini.save(d->cloudsPath, error))
        return false;
    d->cloudsIni = std::move(ini);
    d->rebuild();
    return true;
}

bool isAllowedAuthority(const QString& url, QString* why)
{
    auto reject = [why](const QString& reason) {
        if (why)
            *why = reason;
        return false;
    };
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return reject(
            QCoreApplication::translate("tenantry::CloudConfig", "'%1' is not an absolute URL with a host").arg(url));
    const QString scheme = parsed.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme != QLatin1String("http"))
        return reject(QCoreApplication::translate("tenantry::CloudConfig", "authorities must use https, not '%1'")
                          .arg(parsed.scheme()));
    const QString host = parsed.host().toLower();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    if (!address.isNull() && address.isLoopback())
        return true;
    return reject(QCoreApplication::translate("tenantry::CloudConfig",
                                              "authorities must use https; http is allowed only for loopback hosts "
                                              "(localhost, 127.0.0.0/8, ::1), not '%1'")
                      .arg(host));
}

} // namespace tenantry
