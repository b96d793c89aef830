#pragma once

#include "account/TenantDiscovery.h"
#include "auth/TokenGrantResult.h"
#include "azure/AzureProfile.h"

#include <QObject>

namespace tenantry {

class AzureCliState;
class Clock;
class TokenCacheService;
class TokenClient;

struct SignInOptions
{
    QString tenant;              // empty: every tenant of the account (az login); else only this one
    bool allowNoSubscriptions = false; // tenants without subscriptions become tenant-level entries
};

struct SignInResult
{
    QString error;                   // set when the sign-in as a whole failed
    QString username;
    QString homeAccountId;
    DiscoveryResult discovery;
    QList<Subscription> subscriptions; // what this sign-in found, as azureProfile.json now has them
    bool ok() const { return error.isEmpty(); }
    QList<TenantStatus> tenantsNeedingSignIn() const;
};

// What happens after a flow produced tokens, and the account-level operations around it, the way
// az does them: cache the sign-in (an Account entry), discover tenants and subscriptions, merge
// them into azureProfile.json with az's choice of default (and clouds.config), sign out of an
// account or of one tenant, refresh every account's subscriptions.
class SignInService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SignInResult&)>;

    SignInService(AzureCliState* state, TokenCacheService* cache, TokenClient* client, TenantDiscovery* discovery,
                  const Clock& clock, QObject* parent = nullptr);

    // `result` came from the auth code or device code flow against `realm`.
    void completeSignIn(const TokenGrantResult& result, const QString& realm, const QStringList& requestedScopes,
                        const SignInOptions& options, Done done);
    // Re-discovers one signed-in user's tenants and subscriptions (az account list --refresh).
    void refreshAccount(const QString& username, Done done);

    // Removes the user's tokens (all clients' access and ID tokens, our and family refresh tokens,
    // Account entries) and their subscriptions from azureProfile.json. Nothing of anyone else.
    void signOutAccount(const QString& username, std::function<void(const QString& error)> done);
    // Removes one tenant's tokens and subscriptions. The account's refresh token can still reach it.
    void signOutTenant(const QString& username, const QString& tenantId, std::function<void(const QString& error)> done);
    // Sign out everywhere (az account clear): every token of every account and client leaves the
    // keychain item, az's token cache file and its backups (TokenCacheService::clear), then every
    // subscription leaves azureProfile.json. Both are attempted; `error` names whatever failed.
    void signOutEverywhere(std::function<void(const QString& error)> done);

signals:
    void profileChanged();

private:
    void discoverAndMerge(const QString& username, const QString& homeAccountId, const SignInOptions& options,
                          bool replaceUser, Done done);

    AzureCliState* m_state;
    TokenCacheService* m_cache;
    TokenClient* m_client;
    TenantDiscovery* m_discovery;
    const Clock& m_clock;
};

} // namespace tenantry
