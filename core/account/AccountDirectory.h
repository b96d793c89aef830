#pragma once

#include "account/SignInRequest.h"
#include "account/TenantState.h"
#include "azure/AzureProfile.h"
#include "cache/MsalCache.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace tenantry {

class TenantChoice;

struct SubscriptionEntry
{
    QString id;
    QString name;
    QString state;
    bool isActive = false;
};

struct TenantEntry
{
    QString tenantId;
    QString displayName; // the tenant's name when known, else its id
    QString defaultDomain;
    qint64 tokenExpiresOn = 0; // the tenant's ARM access token (the one az uses); 0 when none is cached
    QList<SubscriptionEntry> subscriptions;
};

struct AccountEntry
{
    QString homeAccountId; // empty for users known only from azureProfile.json
    QString username;
    QString displayName;
    QString environment;
    bool hasRefreshToken = false; // in the cache; whether it still works is its tenants' state
    bool heldByBroker = false; // signed in through a broker (BrokerHeldAccount.h): cached tokens only, az renews them

    bool signedIn() const { return hasRefreshToken || heldByBroker; }
    QList<TenantEntry> tenants;
    QList<TenantEntry> hiddenTenants; // the tenants the user made inactive (TenantChoice): not shown, not refreshed
};

// Builds the accounts → tenants → subscriptions picture from the token cache, azureProfile.json
// and what discovery and refreshes learnt (tenant names, tenant states). The picture is plain data,
// rebuilt whenever one of those changes; each tenant's state is kept apart from it, in TenantStates,
// so that a state change is not a rebuild. AccountTreeModel shows both.
class AccountDirectory : public QObject
{
    Q_OBJECT

public:
    AccountDirectory(QString clientId, QObject* parent = nullptr);

    void setCloud(const QString& cloudName, const QString& environment, const QString& armScope);
    // Which tenants are shown (null: all); the hidden ones are listed in AccountEntry::hiddenTenants.
    void setTenantChoice(const TenantChoice* choice) { m_choice = choice; }
    // The picture anew; each tenant's state follows what the cache says of its account's refresh token.
    void rebuild(const MsalCache& cache, const QList<Subscription>& subscriptions);

    const TenantStates& states() const { return m_states; }
    TenantStateInfo tenantState(const TenantKey& key) const { return m_states.info(key); }
    // What discovery or a token refresh found out about a tenant; a tenant not shown yet is added.
    void setTenantState(const TenantKey& key, TenantState state, const QString& reason = {},
                        const QString& claims = {});
    // Discovery or a refresh of the account runs: its tenants show it; when it ends, those it said
    // nothing new about are as before.
    void setAccountRefreshing(const QString& homeAccountId, bool refreshing);
    bool isRefreshing(const QString& homeAccountId) const;
    // The account's refresh token was rejected: every tenant needs the account to sign in again (not for
    // a broker-held account: the broker, not this cache, holds its sign-in).
    void setSignInExpired(const QString& homeAccountId);
    bool isSignInExpired(const QString& homeAccountId) const;
    // A sign-in of the account succeeded: tenants waiting for it are signed in again.
    void setSignedIn(const QString& homeAccountId);
    void setTenantName(const QString& tenantId, const QString& displayName, const QString& defaultDomain);
    // After a sign-out: what was learnt about the tenant (or every tenant of the account) goes, so
    // the next rebuild shows only what the cache and azureProfile.json still hold.
    void forgetTenant(const TenantKey& key);
    void forgetAccount(const QString& homeAccountId);

    const QList<AccountEntry>& accounts() const { return m_accounts; }
    const AccountEntry* account(const QString& username) const;
    // What an interactive sign-in of `username` asks for: one tenant (empty: every tenant of the account)
    // with the claims challenge that tenant is waiting for, the account as the login hint.
    SignInRequest signInRequest(const QString& username, const QString& tenantId = {}) const;
    const TenantEntry* tenant(const TenantKey& key) const;
    int tenantCount() const;
    // Every tenant name known (tenant id in lower case -> display name), for the tray menu.
    QHash<QString, QString> tenantNames() const;
    // The hidden tenants as "username|tenant id" in lower case: what the tray leaves out of az's list.
    QSet<QString> hiddenTenantKeys() const;

signals:
    // The picture changed (accounts, tenants, subscriptions, names): a model brings its rows in step.
    void changed();
    // One tenant's state changed (states() has the new one); the picture is as it was.
    void tenantStateChanged(const tenantry::TenantKey& key);

private:
    void settleState(const AccountEntry& account, const TenantEntry& tenant);
    static QString signInExpiredText();
    bool anyTenantIn(const QString& homeAccountId, TenantState state) const;

    QString m_clientId;
    const TenantChoice* m_choice = nullptr;
    QString m_cloudName = QStringLiteral("AzureCloud");
    QString m_environment = QStringLiteral("login.microsoftonline.com");
    QString m_armScope = QStringLiteral("https://management.core.windows.net//.default");
    QList<AccountEntry> m_accounts;
    TenantStates m_states;
    QHash<QString, QPair<QString, QString>> m_tenantNames; // tenant id in lower case -> (name, domain)
};

} // namespace tenantry
