#include "account/AccountDirectory.h"

#include "util/Jwt.h"

#include <QSet>

namespace tenantry {

namespace {

bool isTenantRealm(const QString& realm)
{
    static const QStringList kMeta = {QStringLiteral("organizations"), QStringLiteral("common"),
                                      QStringLiteral("consumers")};
    return !realm.isEmpty() && !kMeta.contains(realm, Qt::CaseInsensitive);
}

QString knownKey(const QString& homeAccountId, const QString& tenantId)
{
    return homeAccountId + QLatin1Char('|') + tenantId.toLower();
}

} // namespace

AccountDirectory::AccountDirectory(QString clientId, QObject* parent)
    : QObject(parent)
    , m_clientId(std::move(clientId))
{}

void AccountDirectory::setCloud(const QString& cloudName, const QString& environment, const QString& armScope)
{
    m_cloudName = cloudName;
    m_environment = environment;
    m_armScope = armScope;
}

const AccountEntry* AccountDirectory::account(const QString& username) const
{
    for (const AccountEntry& a : m_accounts) {
        if (a.username.compare(username, Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

const TenantEntry* AccountDirectory::tenant(const QString& homeAccountId, const QString& tenantId) const
{
    for (const AccountEntry& a : m_accounts) {
        if (a.homeAccountId != homeAccountId)
            continue;
        for (const TenantEntry& t : a.tenants) {
            if (t.tenantId.compare(tenantId, Qt::CaseInsensitive) == 0)
                return &t;
        }
    }
    return nullptr;
}

QHash<QString, QString> AccountDirectory::tenantNames() const
{
    QHash<QString, QString> names;
    for (const AccountEntry& a : m_accounts) {
        for (const TenantEntry& t : a.tenants) {
            if (t.displayName.compare(t.tenantId, Qt::CaseInsensitive) != 0)
                names.insert(t.tenantId.toLower(), t.displayName);
        }
    }
    for (auto it = m_tenantNames.cbegin(); it != m_tenantNames.cend(); ++it) {
        if (!it->first.isEmpty())
            names.insert(it.key(), it->first);
    }
    return names;
}

int AccountDirectory::tenantCount() const
{
    int count = 0;
    for (const AccountEntry& a : m_accounts)
        count += static_cast<int>(a.tenants.size());
    return count;
}

void AccountDirectory::rebuild(const MsalCache& cache, const QList<Subscription>& subscriptions)
{
    emit aboutToChange();
    const QStringList aliases = MsalCache::environmentAliases(m_environment);
    QList<AccountEntry> accounts;
    auto findAccount = [&accounts](const QString& username) -> AccountEntry* {
        for (AccountEntry& a : accounts) {
            if (a.username.compare(username, Qt::CaseInsensitive) == 0)
                return &a;
        }
        return nullptr;
    };

    // Accounts signed in through the cache (one per home account, whatever realm they signed in to).
    const QList<Account> cached = cache.accounts();
    for (const Account& a : cached) {
        if (!aliases.contains(a.environment, Qt::CaseInsensitive) || findAccount(a.username))
            continue;
        AccountEntry entry;
        entry.homeAccountId = a.homeAccountId;
        entry.username = a.username;
        entry.environment = a.environment;
        entry.hasRefreshToken = !cache.refreshTokensFor(a.homeAccountId, m_environment, m_clientId).isEmpty();
        entry.refreshTokenDead = m_deadRefreshTokens.value(a.homeAccountId);
        entry.refreshing = m_refreshing.contains(a.homeAccountId);
        for (const QString& realm : {a.realm, QStringLiteral("organizations")}) {
            if (const auto id = cache.idTokenFor(a.homeAccountId, m_environment, m_clientId, realm)) {
                entry.displayName = json::toQString(jwt::claims(id->secret.reveal()).value("name", Json()));
                break;
            }
        }
        accounts.append(entry);
    }
    // Users az knows from azureProfile.json but with nothing in the cache: shown, needing sign-in.
    for (const Subscription& s : subscriptions) {
        if (s.userType != QLatin1String("user") || s.environmentName != m_cloudName || findAccount(s.userName))
            continue;
        AccountEntry entry;
        entry.username = s.userName;
        entry.environment = m_environment;
        accounts.append(entry);
    }

    for (AccountEntry& account : accounts) {
        QStringList tenantIds;
        auto addTenant = [&tenantIds](const QString& id) {
            if (isTenantRealm(id) && !tenantIds.contains(id, Qt::CaseInsensitive))
                tenantIds.append(id);
        };
        for (const Subscription& s : subscriptions) {
            if (s.userName.compare(account.username, Qt::CaseInsensitive) == 0 && s.environmentName == m_cloudName)
                addTenant(s.tenantId);
        }
        const QList<AccessToken> tokens = cache.accessTokens();
        for (const AccessToken& t : tokens) {
            if (t.homeAccountId == account.homeAccountId && t.clientId == m_clientId &&
                !account.homeAccountId.isEmpty())
                addTenant(t.realm);
        }
        for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
            if (!account.homeAccountId.isEmpty() && it.key().startsWith(account.homeAccountId + QLatin1Char('|')))
                addTenant(it.key().section(QLatin1Char('|'), 1));
        }

        for (const QString& tenantId : tenantIds) {
            TenantEntry tenant;
            tenant.tenantId = tenantId;
            tenant.displayName = tenantId;
            for (const Subscription& s : subscriptions) {
                if (s.tenantId.compare(tenantId, Qt::CaseInsensitive) != 0 ||
                    s.userName.compare(account.username, Qt::CaseInsensitive) != 0 || s.environmentName != m_cloudName)
                    continue;
                if (!s.tenantDisplayName.isEmpty())
                    tenant.displayName = s.tenantDisplayName;
                if (!s.tenantDefaultDomain.isEmpty())
                    tenant.defaultDomain = s.tenantDefaultDomain;
                if (!s.isTenantLevel())
                    tenant.subscriptions.append({s.id, s.name, s.state, s.isDefault});
            }
            if (const auto name = m_tenantNames.constFind(tenantId.toLower()); name != m_tenantNames.constEnd()) {
                if (!name->first.isEmpty())
                    tenant.displayName = name->first;
                if (!name->second.isEmpty())
                    tenant.defaultDomain = name->second;
            }
            // The countdown follows the tenant's ARM token, the one az uses; any other token of ours if none.
            qint64 armExpiry = 0;
            qint64 anyExpiry = 0;
            for (const AccessToken& t : tokens) {
                if (t.homeAccountId != account.homeAccountId || t.clientId != m_clientId ||
                    t.realm.compare(tenantId, Qt::CaseInsensitive) != 0)
                    continue;
                anyExpiry = std::max(anyExpiry, t.expiresOn);
                if (t.scopes().contains(m_armScope))
                    armExpiry = std::max(armExpiry, t.expiresOn);
            }
            tenant.tokenExpiresOn = armExpiry ? armExpiry : anyExpiry;
            if (!account.hasRefreshToken || account.refreshTokenDead) {
                tenant.state = TenantState::NeedsSignIn;
                tenant.reason = account.refreshTokenDead ? tr("The sign-in expired or was revoked.")
                                                         : tr("Not signed in on this computer.");
            }
            account.tenants.append(tenant);
        }
    }
    m_accounts = accounts;
    applyKnown();
    emit changed();
}

void AccountDirectory::applyKnown()
{
    for (AccountEntry& account : m_accounts) {
        for (TenantEntry& tenant : account.tenants) {
            const auto it = m_known.constFind(knownKey(account.homeAccountId, tenant.tenantId));
            if (it == m_known.constEnd() || (!account.hasRefreshToken && it->state == TenantState::SignedIn))
                continue;
            tenant.state = it->state;
            tenant.reason = it->reason;
            tenant.claims = it->claims;
        }
    }
}

void AccountDirectory::setTenantState(const QString& homeAccountId, const QString& tenantId, TenantState state,
                                      const QString& reason, const QString& claims)
{
    emit aboutToChange();
    m_known.insert(knownKey(homeAccountId, tenantId), {state, reason, claims});
    for (AccountEntry& account : m_accounts) {
        if (account.homeAccountId != homeAccountId)
            continue;
        bool found = false;
        for (TenantEntry& tenant : account.tenants) {
            if (tenant.tenantId.compare(tenantId, Qt::CaseInsensitive) == 0) {
                tenant.state = state;
                tenant.reason = reason;
                tenant.claims = claims;
                found = true;
            }
        }
        if (!found && isTenantRealm(tenantId)) {
            TenantEntry tenant;
            tenant.tenantId = tenantId;
            tenant.displayName = m_tenantNames.value(tenantId.toLower()).first;
            if (tenant.displayName.isEmpty())
                tenant.displayName = tenantId;
            tenant.state = state;
            tenant.reason = reason;
            tenant.claims = claims;
            account.tenants.append(tenant);
        }
    }
    emit changed();
}

void AccountDirectory::setTenantName(const QString& tenantId, const QString& displayName, const QString& defaultDomain)
{
    emit aboutToChange();
    m_tenantNames.insert(tenantId.toLower(), {displayName, defaultDomain});
    for (AccountEntry& account : m_accounts) {
        for (TenantEntry& tenant : account.tenants) {
            if (tenant.tenantId.compare(tenantId, Qt::CaseInsensitive) == 0) {
                if (!displayName.isEmpty())
                    tenant.displayName = displayName;
                if (!defaultDomain.isEmpty())
                    tenant.defaultDomain = defaultDomain;
            }
        }
    }
    emit changed();
}

void AccountDirectory::setRefreshTokenDead(const QString& homeAccountId, bool dead)
{
    emit aboutToChange();
    m_deadRefreshTokens.insert(homeAccountId, dead);
    for (AccountEntry& account : m_accounts) {
        if (account.homeAccountId == homeAccountId)
            account.refreshTokenDead = dead;
    }
    emit changed();
}

void AccountDirectory::setAccountRefreshing(const QString& homeAccountId, bool refreshing)
{
    emit aboutToChange();
    if (refreshing)
        m_refreshing.insert(homeAccountId);
    else
        m_refreshing.remove(homeAccountId);
    for (AccountEntry& account : m_accounts) {
        if (account.homeAccountId == homeAccountId)
            account.refreshing = refreshing;
    }
    emit changed();
}

void AccountDirectory::forgetTenant(const QString& homeAccountId, const QString& tenantId)
{
    m_known.remove(knownKey(homeAccountId, tenantId));
}

void AccountDirectory::forgetAccount(const QString& homeAccountId)
{
    const QString prefix = homeAccountId + QLatin1Char('|');
    for (auto it = m_known.begin(); it != m_known.end();) {
        if (it.key().startsWith(prefix))
            it = m_known.erase(it);
        else
            ++it;
    }
    m_deadRefreshTokens.remove(homeAccountId);
    m_refreshing.remove(homeAccountId);
}

} // namespace tenantry
