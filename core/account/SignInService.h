#pragma once

#include "account/TenantDiscovery.h"
#include "auth/TokenGrantResult.h"
#include "azure/AzureProfile.h"

#include <QObject>

namespace tenantry {

class AzureCliState;
class Clock;
struct CacheOutcome;
class TenantChoice;
class TokenCacheService;
class TokenClient;

struct SignInOptions
{
    QString tenant;                    // empty: every tenant of the account (az login); else only this one
    bool allowNoSubscriptions = false; // tenants without subscriptions become tenant-level entries
};

// What a sign-in or refresh changed in azureProfile.json beyond the details of entries it already had,
// so that it can be said: az's active subscription (of the active cloud), entries added and removed.
struct ProfileChange
{
    std::optional<Subscription> activeBefore;
    std::optional<Subscription> activeAfter;
    QList<Subscription> added;
    QList<Subscription> removed;
    bool activeChanged() const;
    bool isEmpty() const { return !activeChanged() && added.isEmpty() && removed.isEmpty(); }
};

struct SignInResult
{
    QString error; // set when the sign-in as a whole failed
    QString username;
    QString homeAccountId;
    DiscoveryResult discovery;
    QList<Subscription> subscriptions; // what this sign-in found, as azureProfile.json now has them
    ProfileChange profileChange;       // what it changed there
    // Refused because no tenant had a subscription and tenant-level entries were not asked for
    // (SignInOptions::allowNoSubscriptions).
    bool noSubscriptions = false;
    bool ok() const { return error.isEmpty(); }
    QList<TenantStatus> tenantsNeedingSignIn() const;
};

// What happens after a flow produced tokens, and the account-level operations around it, the way
// az does them: cache the sign-in (an Account entry), discover tenants and subscriptions, merge
// them into azureProfile.json as it is on disk at that moment (and clouds.config), sign out of an
// account or of one tenant, refresh every account's subscriptions. Unlike az, a sign-in (to one more
// tenant, or of another account) keeps the active subscription; only when none is active (or it is
// gone) does one of the new subscriptions become it, and SignInResult::profileChange says so.
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
    void signOutTenant(const QString& username, const QString& tenantId,
                       std::function<void(const QString& error)> done);
    // Sign out everywhere (az account clear): every token of every account and client leaves the
    // keychain item, az's token cache file and its backups (TokenCacheService::clear), then every
    // subscription leaves azureProfile.json. Both are attempted; `error` names whatever failed.
    void signOutEverywhere(std::function<void(const QString& error)> done);

    // Which tenants are active (null: all). A sign-in to one tenant makes it active; a sign-out of one hides it.
    void setTenantChoice(TenantChoice* choice) { m_choice = choice; }
    // After the user chose tenants right after `result`'s sign-in: the subscriptions that sign-in added to
    // azureProfile.json for tenants now hidden leave it again (entries that were there before stay), and the
    // result says those tenants are Hidden, so that none of them is prompted for.
    SignInResult withdrawHiddenTenants(const SignInResult& result);

signals:
    void profileChanged();

private:
    void discoverAndMerge(const QString& username, const QString& homeAccountId, const SignInOptions& options,
                          bool replaceUser, Done done);
    // Merges what discovery found into azureProfile.json (and clouds.config) and reports it.
    void merge(const DiscoveryResult& discovery, const QString& username, const QString& homeAccountId,
               const SignInOptions& options, bool replaceUser, const Done& done);
    static SignInResult storeFailed(const CacheOutcome& outcome);

    AzureCliState* m_state;
    TokenCacheService* m_cache;
    TokenClient* m_client;
    TenantDiscovery* m_discovery;
    const Clock& m_clock;
    TenantChoice* m_choice = nullptr;
};

} // namespace tenantry
