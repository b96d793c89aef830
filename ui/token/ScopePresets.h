#pragma once

#include <QList>
#include <QString>

namespace tenantry {

// A scope people copy tokens for (curl, Postman): a name for them and the scope to ask for.
struct TokenScopePreset
{
    QString label;
    QString scope;
};

// Azure Resource Manager (with az's double slash), Microsoft Graph, Key Vault, Storage and Azure DevOps.
// The tray's "Copy token" submenu and the Copy token dialog offer the same list.
QList<TokenScopePreset> tokenScopePresets();

} // namespace tenantry
