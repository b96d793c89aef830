#include "azure/ScopeCatalogue.h"

#include <QCoreApplication>

#include <algorithm>

namespace tenantry {

namespace {

constexpr const char* kArmName = QT_TRANSLATE_NOOP("tenantry::ScopeCatalogue", "Azure Resource Manager");
constexpr const char* kGraphName = QT_TRANSLATE_NOOP("tenantry::ScopeCatalogue", "Microsoft Graph");
constexpr const char* kKeyVaultName = QT_TRANSLATE_NOOP("tenantry::ScopeCatalogue", "Key Vault");
constexpr const char* kStorageName = QT_TRANSLATE_NOOP("tenantry::ScopeCatalogue", "Storage");
constexpr const char* kDevOpsName = QT_TRANSLATE_NOOP("tenantry::ScopeCatalogue", "Azure DevOps");
constexpr const char* kCustomName = QT_TRANSLATE_NOOP("tenantry::ScopeCatalogue", "Custom scope…");

// Resources that are one application in every Microsoft Entra cloud: az's storage module asks for
// this one whatever the cloud (storage/oauth_token_util.py); Azure DevOps' resource is an application id.
const QString kStorageResource = QStringLiteral("https://storage.azure.com");
const QString kAzureDevOpsResource = QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798");

// A cloud signing in at a built-in cloud's authority is Microsoft Entra, where the global resources
// exist; a custom cloud with its own identity provider (Azure Stack's AD FS) does not know them.
bool isMicrosoftEntraCloud(const Cloud& cloud)
{
    const QString host = cloud.authorityHost();
    const QList<Cloud> builtIn = CloudConfig::builtInClouds();
    return !host.isEmpty() &&
           std::any_of(builtIn.cbegin(), builtIn.cend(), [&host](const Cloud& c) { return c.authorityHost() == host; });
}

// Key Vault's resource is its DNS suffix as a host: ".vault.azure.cn" -> "https://vault.azure.cn".
QString keyVaultResource(const Cloud& cloud)
{
    QString dns = cloud.suffixes.value(QStringLiteral("keyvault_dns"));
    while (dns.startsWith(QLatin1Char('.')))
        dns.remove(0, 1);
    return dns.isEmpty() ? QString() : QStringLiteral("https://") + dns;
}

} // namespace

QString ScopeEntry::displayName() const
{
    return QCoreApplication::translate(ScopeCatalogue::kTranslationContext, sourceName);
}

ScopeCatalogue::ScopeCatalogue(const Cloud& cloud)
{
    const auto add = [this](const QString& id, const char* name, const QString& resource) {
        if (!resource.isEmpty())
            m_presets.append({id, name, defaultScopeOf(resource)});
    };
    add(kArm, kArmName, cloud.activeDirectoryResourceId);
    add(kMicrosoftGraph, kGraphName, cloud.microsoftGraphResourceId);
    add(kKeyVault, kKeyVaultName, keyVaultResource(cloud));
    if (isMicrosoftEntraCloud(cloud)) {
        add(kStorage, kStorageName, kStorageResource);
        add(kAzureDevOps, kDevOpsName, kAzureDevOpsResource);
    }
}

QList<ScopeEntry> ScopeCatalogue::presets() const
{
    return m_presets;
}

QList<ScopeEntry> ScopeCatalogue::entries() const
{
    QList<ScopeEntry> all = m_presets;
    all.append(custom());
    return all;
}

ScopeEntry ScopeCatalogue::custom()
{
    return {kCustom, kCustomName, QString()};
}

std::optional<ScopeEntry> ScopeCatalogue::entry(const QString& id) const
{
    const QList<ScopeEntry> all = entries();
    for (const ScopeEntry& e : all) {
        if (e.id == id)
            return e;
    }
    return std::nullopt;
}

std::optional<ScopeEntry> ScopeCatalogue::presetForScope(const QString& scope) const
{
    for (const ScopeEntry& e : m_presets) {
        if (e.scope == scope)
            return e;
    }
    return std::nullopt;
}

QString ScopeCatalogue::defaultScopeOf(const QString& resource)
{
    return resource + QStringLiteral("/.default");
}

QList<ScopeCatalogue::ResourceType> ScopeCatalogue::resourceTypes()
{
    // profile/custom.py cloud_resource_type_mappings, in the order of profile/__init__.py's choices.
    return {
        {QStringLiteral("oss-rdbms"), QStringLiteral("ossrdbms_resource_id")},
        {QStringLiteral("arm"), QStringLiteral("active_directory_resource_id")},
        {QStringLiteral("aad-graph"), QStringLiteral("active_directory_graph_resource_id")},
        {QStringLiteral("ms-graph"), QStringLiteral("microsoft_graph_resource_id")},
        {QStringLiteral("batch"), QStringLiteral("batch_resource_id")},
        {QStringLiteral("media"), QStringLiteral("media_resource_id")},
        {QStringLiteral("data-lake"), QStringLiteral("active_directory_data_lake_resource_id")},
    };
}

std::optional<ScopeCatalogue::ResourceType> ScopeCatalogue::resourceType(const QString& name)
{
    const QList<ResourceType> types = resourceTypes();
    for (const ResourceType& type : types) {
        if (type.name.compare(name, Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

} // namespace tenantry
