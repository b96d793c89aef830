#pragma once

#include "azure/CloudConfig.h"

#include <QList>
#include <QString>

#include <optional>

namespace tenantry {

// One audience people copy tokens for (curl, Postman, scripts).
struct ScopeEntry
{
    QString id;                       // stable: "arm", "ms-graph", "key-vault", "storage", "azure-devops", "custom"
    const char* sourceName = nullptr; // English display name, marked for the catalogue (context: kTranslationContext)
    QString scope;                    // as az asks for it in this cloud; empty for "custom"

    bool isCustom() const { return scope.isEmpty(); }
    QString displayName() const; // sourceName in the application's language
};

// The token scopes a cloud offers, each derived from the cloud's endpoints the way az forms the scope
// from a resource (resource + "/.default": "https://management.core.windows.net/" gives az's double
// slash). An entry whose endpoint the cloud does not define (a custom cloud without a Graph resource
// or a Key Vault suffix) is left out. The GUI's copy-token dialog, the tray and tenantry-cli use it.
class ScopeCatalogue
{
public:
    static constexpr const char* kTranslationContext = "tenantry::ScopeCatalogue";
    static inline const QString kArm = QStringLiteral("arm");
    static inline const QString kMicrosoftGraph = QStringLiteral("ms-graph");
    static inline const QString kKeyVault = QStringLiteral("key-vault");
    static inline const QString kStorage = QStringLiteral("storage");
    static inline const QString kAzureDevOps = QStringLiteral("azure-devops");
    static inline const QString kCustom = QStringLiteral("custom");

    explicit ScopeCatalogue(const Cloud& cloud);

    QList<ScopeEntry> presets() const; // the cloud's presets, in menu order, without "custom"
    QList<ScopeEntry> entries() const; // presets(), then the custom entry
    static ScopeEntry custom();        // "Custom scope…": the user types the scope
    std::optional<ScopeEntry> entry(const QString& id) const;
    std::optional<ScopeEntry> presetForScope(const QString& scope) const; // exact match

    // az's scope for a resource (auth/util.py resource_to_scopes): resource + "/.default", unchanged.
    static QString defaultScopeOf(const QString& resource);

    // `az account get-access-token --resource-type`: az 2.45's names in its order (profile/__init__.py),
    // each with the cloud endpoint (CloudEndpoints attribute) it reads.
    struct ResourceType
    {
        QString name;              // "arm", "ms-graph", ...
        QString endpointAttribute; // "active_directory_resource_id", ...
    };
    static QList<ResourceType> resourceTypes();
    static std::optional<ResourceType> resourceType(const QString& name); // case-insensitive, as az's enum

private:
    QList<ScopeEntry> m_presets;
};

} // namespace tenantry
