#pragma once

#include "azure/AzureProfile.h"

#include <QStringList>

namespace tenantry {

class AppSettings;

// Which tenants of an account are active: the one place both front ends ask. The user hides tenants (a
// checkable list in the app, `tenantry-cli account tenant hide`); signing out of a tenant hides it too, and
// signing in to that tenant explicitly makes it active again. A hidden tenant is never refreshed or prompted
// for, and Tenantry writes none of its subscriptions into azureProfile.json (what az wrote there stays).
// Every tenant is active until the user chooses; the choice is Tenantry's own setting (AppSettings).
class TenantChoice
{
public:
    // A first sign-in that finds more tenants than this offers the choice before any tenant is prompted.
    static constexpr int kOfferAbove = 5;

    explicit TenantChoice(AppSettings* settings = nullptr); // null: every tenant active, nothing remembered

    bool isActive(const QString& homeAccountId, const QString& tenantId) const;
    bool hasChosen(const QString& homeAccountId) const;
    QStringList hiddenTenants(const QString& homeAccountId) const; // in lower case

    // `hidden` replaces what was hidden before.
    void setHiddenTenants(const QString& homeAccountId, const QString& username, const QStringList& hidden);
    void setActive(const QString& homeAccountId, const QString& username, const QString& tenantId, bool active);

    // The entries of `subscriptions` whose tenant is active for their user, for readers of az's profile that
    // do not load the token cache (the username stands for the account there).
    QList<Subscription> activeSubscriptions(const QList<Subscription>& subscriptions) const;

private:
    AppSettings* m_settings;
};

} // namespace tenantry
