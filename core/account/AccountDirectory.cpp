#include "account/AccountDirectory.h"

#include "account/BrokerHeldAccount.h"
#include "account/TenantChoice.h"
#include "util/Jwt.h"

#include <QSet>

#include <algorithm>

namespace tenantry {

namespace {

bool isTenantRealm(const QString& realm)
{
    static const QStringList kMeta = {QStringLiteral("organizations"), QStringLiteral("common"),
                                      QStringLiteral("consumers")};
    return !realm.isEmpty() && !kMeta.contains(realm, Qt::CaseInsensitive);
}

} // namespace

AccountDirectory::AccountDirectory(QString clientId, QObject* parent)
    : QObject(parent)
    , m_clientId(std::move(clientId))
{
    connect(&m_states, &TenantStates::stateChanged, this, &AccountDirectory::tenantStateChanged);
}

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

SignInRequest AccountDirectory::signInRequest(const QString& username, const QString& tenantId) const
{
    const AccountEntry* entry = account(username);
    const QString claims =
        entry && !tenantId.isEmpty() ? m_states.info({entry->homeAccountId, tenantId}).claims : QString();
    return SignInRequest(tenantId, username, claims);
}

const TenantEntry* AccountDirectory::tenant(const TenantKey& key) const
{
    for (const AccountEntry& a : m_accounts) {
        if (a.homeAccountId != key.homeAccountId())
            continue;
        for (const TenantEntry& t : a.tenants) {
            if (t.tenantId.compare(key.tenantId(), Qt::CaseInsensitive) == 0)
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

QSet<QString> AccountDirectory::hiddenTenantKeys() const
{
    QSet<QString> keys;
    for (const AccountEntry& a : m_accounts) {
        for (const TenantEntry& t : a.hiddenTenants)
            keys.insert(a.username.toLower() + QLatin1Char('|') + t.tenantId.toLower());
    }
    return keys;
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
        entry.heldByBroker = isHeldByBroker(cache, a.homeAccountId, m_environment, m_clientId);
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
        const QStringList hidden = m_choice ? m_choice->hiddenTenants(account.homeAccountId) : QStringList();
        if (!account.homeAccountId.isEmpty()) {
            const QList<TenantKey> known = m_states.keysOf(account.homeAccountId);
            for (const TenantKey& key : known)
                addTenant(key.tenantId());
            for (const QString& tenantId : hidden)
                addTenant(tenantId);
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
            (hidden.contains(tenantId.toLower()) ? account.hiddenTenants : account.tenants).append(tenant);
        }
    }
    m_accounts = accounts;
    for (const AccountEntry& account : std::as_const(m_accounts)) {
        for (const TenantEntry& tenant : account.tenants)
            settleState(account, tenant);
    }
    emit changed();
}

void AccountDirectory::settleState(const AccountEntry& account, const TenantEntry& tenant)
{
    // The cache decides whether the account can sign in without the user; what refreshes and discovery
    // learnt about the tenant stands otherwise.
    const TenantKey key(account.homeAccountId, tenant.tenantId);
    const TenantState now = m_states.state(key);
    if (!account.signedIn()) {
        if (now != TenantState::SignInExpired)
            m_states.setState(key, TenantState::NotSignedIn, tr("Not signed in on this computer."));
    } else if (!m_states.contains(key) || now == TenantState::NotSignedIn ||
               (account.heldByBroker && now == TenantState::SignInExpired)) {
        // A broker-held sign-in has no refresh token here to expire: signed in while az has it.
        m_states.setState(key, TenantState::SignedIn);
    }
}

void AccountDirectory::setTenantState(const TenantKey& key, TenantState state, const QString& reason,
                                      const QString& claims)
{
    // A still-valid cached access token lets discovery reach a tenant of an account whose refresh token was
    // rejected; nothing renews it, so the tenant stays as its account is until the account signs in again.
    if (state == TenantState::SignedIn && isSignInExpired(key.homeAccountId()))
        m_states.setState(key, TenantState::SignInExpired, signInExpiredText());
    else
        m_states.setState(key, state, reason, claims);
    if (tenant(key) || !isTenantRealm(key.tenantId()) ||
        (m_choice && !m_choice->isActive(key.homeAccountId(), key.tenantId())))
        return;
    bool added = false;
    for (AccountEntry& account : m_accounts) {
        if (account.homeAccountId != key.homeAccountId())
            continue;
        TenantEntry tenant;
        tenant.tenantId = key.tenantId();
        tenant.displayName = m_tenantNames.value(key.tenantId()).first;
        if (tenant.displayName.isEmpty())
            tenant.displayName = key.tenantId();
        tenant.defaultDomain = m_tenantNames.value(key.tenantId()).second;
        account.tenants.append(tenant);
        added = true;
    }
    if (added)
        emit changed();
}

void AccountDirectory::setTenantName(const QString& tenantId, const QString& displayName, const QString& defaultDomain)
{
    m_tenantNames.insert(tenantId.toLower(), {displayName, defaultDomain});
    bool renamed = false;
    for (AccountEntry& account : m_accounts) {
        for (QList<TenantEntry>* list : {&account.tenants, &account.hiddenTenants}) {
            for (TenantEntry& tenant : *list) {
                if (tenant.tenantId.compare(tenantId, Qt::CaseInsensitive) != 0)
                    continue;
                if (!displayName.isEmpty() && tenant.displayName != displayName) {
                    tenant.displayName = displayName;
                    renamed = true;
                }
                if (!defaultDomain.isEmpty() && tenant.defaultDomain != defaultDomain) {
                    tenant.defaultDomain = defaultDomain;
                    renamed = true;
                }
            }
        }
    }
    if (renamed)
        emit changed();
}

void AccountDirectory::setAccountRefreshing(const QString& homeAccountId, bool refreshing)
{
    if (!refreshing) {
        m_states.endRefreshing(homeAccountId);
        return;
    }
    for (const AccountEntry& account : std::as_const(m_accounts)) {
        if (account.homeAccountId != homeAccountId)
            continue;
        for (const TenantEntry& tenant : account.tenants)
            m_states.setState({homeAccountId, tenant.tenantId}, TenantState::Refreshing);
    }
}

QString AccountDirectory::signInExpiredText()
{
    return tr("The sign-in expired or was revoked.");
}

bool AccountDirectory::anyTenantIn(const QString& homeAccountId, TenantState state) const
{
    const QList<TenantKey> keys = m_states.keysOf(homeAccountId);
    return std::any_of(keys.cbegin(), keys.cend(), [&](const TenantKey& key) { return m_states.state(key) == state; });
}

bool AccountDirectory::isRefreshing(const QString& homeAccountId) const
{
    return anyTenantIn(homeAccountId, TenantState::Refreshing);
}

bool AccountDirectory::isSignInExpired(const QString& homeAccountId) const
{
    return anyTenantIn(homeAccountId, TenantState::SignInExpired);
}

void AccountDirectory::setSignInExpired(const QString& homeAccountId)
{
    for (const AccountEntry& account : std::as_const(m_accounts)) {
        if (account.homeAccountId != homeAccountId || account.heldByBroker)
            continue;
        for (const TenantEntry& tenant : account.tenants)
            m_states.setState({homeAccountId, tenant.tenantId}, TenantState::SignInExpired, signInExpiredText());
    }
}

void AccountDirectory::setSignedIn(const QString& homeAccountId)
{
    const QList<TenantKey> keys = m_states.keysOf(homeAccountId);
    for (const TenantKey& key : keys) {
        const TenantState state = m_states.state(key);
        if (state == TenantState::SignInExpired || state == TenantState::NotSignedIn)
            m_states.setState(key, TenantState::SignedIn);
    }
}

void AccountDirectory::forgetTenant(const TenantKey& key)
{
    m_states.forget(key);
}

void AccountDirectory::forgetAccount(const QString& homeAccountId)
{
    m_states.forgetAccount(homeAccountId);
}

} // namespace tenantry
