#pragma once

#include "azure/AzureProfile.h"
#include "cache/MsalCache.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace tenantry {

// What the user sees of one tenant of an account.
enum class TenantState {
    SignedIn,    // a refresh token reaches it; tokens renew on use
    NeedsSignIn, // MFA / Conditional Access / no usable refresh token: an interactive sign-in is needed
    Refreshing,  // a discovery or token refresh is running
    Error,       // last attempt failed for another reason (network, server)
};

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
    TenantState state = TenantState::SignedIn;
    QString reason;            // why it needs sign-in or failed
    QString claims;            // the claims challenge for its interactive sign-in
    qint64 tokenExpiresOn = 0; // the tenant's ARM access token (the one az uses); 0 when none is cached
    QList<SubscriptionEntry> subscriptions;
};

struct AccountEntry
{
    QString homeAccountId; // empty for users known only from azureProfile.json
    QString username;
    QString displayName;
    QString environment;
    bool hasRefreshToken = false;
    bool refreshTokenDead = false;
    bool refreshing = false; // its tenants are being discovered: each shows "refreshing"
    QList<TenantEntry> tenants;
};

// Builds the accounts → tenants → subscriptions picture from the token cache, azureProfile.json
// and what discovery and refreshes learnt (tenant names, tenants needing sign-in). Plain data,
// rebuilt whenever one of those changes; AccountTreeModel shows it.
class AccountDirectory : public QObject
{
    Q_OBJECT

public:
    AccountDirectory(QString clientId, QObject* parent = nullptr);

    void setCloud(const QString& cloudName, const QString& environment, const QString& armScope);
    void rebuild(const MsalCache& cache, const QList<Subscription>& subscriptions);

    // What discovery or a token refresh found out about a tenant; kept across rebuilds.
    void setTenantState(const QString& homeAccountId, const QString& tenantId, TenantState state,
                        const QString& reason = {}, const QString& claims = {});
    void setTenantName(const QString& tenantId, const QString& displayName, const QString& defaultDomain);
    void setRefreshTokenDead(const QString& homeAccountId, bool dead);
    void setAccountRefreshing(const QString& homeAccountId, bool refreshing);
    // After a sign-out: what was learnt about the tenant (or every tenant of the account) goes, so
    // the next rebuild shows only what the cache and azureProfile.json still hold.
    void forgetTenant(const QString& homeAccountId, const QString& tenantId);
    void forgetAccount(const QString& homeAccountId);

    const QList<AccountEntry>& accounts() const { return m_accounts; }
    const AccountEntry* account(const QString& username) const;
    const TenantEntry* tenant(const QString& homeAccountId, const QString& tenantId) const;
    int tenantCount() const;
    // Every tenant name known (tenant id in lower case -> display name), for the tray menu.
    QHash<QString, QString> tenantNames() const;

signals:
    // Around every change: a model over accounts() resets between the two (it must not look at
    // the new picture before it said the old one goes).
    void aboutToChange();
    void changed();

private:
    struct KnownState
    {
        TenantState state;
        QString reason;
        QString claims;
    };
    void applyKnown();

    QString m_clientId;
    QString m_cloudName = QStringLiteral("AzureCloud");
    QString m_environment = QStringLiteral("login.microsoftonline.com");
    QString m_armScope = QStringLiteral("https://management.core.windows.net//.default");
    QList<AccountEntry> m_accounts;
    QHash<QString, KnownState> m_known;                    // "hid|tenant"
    QHash<QString, QPair<QString, QString>> m_tenantNames; // tenant id -> (name, domain)
    QHash<QString, bool> m_deadRefreshTokens;
    QSet<QString> m_refreshing; // home account ids
};

} // namespace tenantry
