#include "token/ScopePresets.h"

#include <QCoreApplication>

namespace tenantry {

QList<TokenScopePreset> tokenScopePresets()
{
    return {
        {QCoreApplication::translate("tenantry::TokenScopePresets", "Azure Resource Manager"),
         QStringLiteral("https://management.core.windows.net//.default")},
        {QCoreApplication::translate("tenantry::TokenScopePresets", "Microsoft Graph"),
         QStringLiteral("https://graph.microsoft.com/.default")},
        {QCoreApplication::translate("tenantry::TokenScopePresets", "Key Vault"),
         QStringLiteral("https://vault.azure.net/.default")},
        {QCoreApplication::translate("tenantry::TokenScopePresets", "Storage"),
         QStringLiteral("https://storage.azure.com/.default")},
        // Azure DevOps' resource is an application id, not a URL.
        {QCoreApplication::translate("tenantry::TokenScopePresets", "Azure DevOps"),
         QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798/.default")},
    };
}

} // namespace tenantry
