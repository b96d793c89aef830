#include "account/SignInService.h"

#include "account/AzureCliState.h"
#include "account/BrokerHeldAccount.h"
#include "account/TenantChoice.h"
#include "auth/TokenClient.h"
#include "cache/TokenResponseWriter.h"
#include "store/TokenCacheService.h"
#include "util/Clock.h"
#include "util/Jwt.h"
#include "util/Logging.h"

#include <QSet>

namespace tenantry {

namespace {

bool sameId(const Subscription& a, const Subscription& b)
{
    return a.id.compare(b.id, Qt::CaseInsensitive) == 0;
}

// The ids of `list` as AzureProfile::idKey gives them: a profile lists a thousand subscriptions and more.
QSet<QString> idKeys(const QList<Subscription>& list)
{
    QSet<QString> keys;
    keys.reserve(list.size());
    for (const Subscription& s : list)
        keys.insert(AzureProfile::idKey(s.id));
    return keys;
}

ProfileChange describeChange(const QList<Subscription>& before, const AzureProfile& after, const QString& cloudName,
                             const std::optional<Subscription>& activeBefore)
{
    ProfileChange change;
    change.activeBefore = activeBefore;
    change.activeAfter = after.defaultSubscription(cloudName);
    const QList<Subscription> now = after.subscriptions();
    const QSet<QString> idsBefore = idKeys(before);
    const QSet<QString> idsNow = idKeys(now);
    for (const Subscription& s : now) {
        if (!idsBefore.contains(AzureProfile::idKey(s.id)))
            change.added.append(s);
    }
    for (const Subscription& s : before) {
        if (!idsNow.contains(AzureProfile::idKey(s.id)))
            change.removed.append(s);
    }
    return change;
}

} // namespace

bool ProfileChange::activeChanged() const
{
    if (activeBefore.has_value() != activeAfter.has_value())
        return true;
    return activeBefore && !sameId(*activeBefore, *activeAfter);
}

QList<TenantStatus> SignInResult::tenantsNeedingSignIn() const
{
    QList<TenantStatus> out;
    for (const TenantStatus& t : discovery.tenants) {
        // A broker-held tenant is signed in; only its token is az's to renew.
        if (t.state == TenantStatus::State::NeedsSignIn || t.state == TenantStatus::State::Error)
            out.append(t);
    }
    return out;
}

SignInService::SignInService(AzureCliState* state, TokenCacheService* cache, TokenClient* client,
                             TenantDiscovery* discovery, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_state(state)
    , m_cache(cache)
    , m_client(client)
    , m_discovery(discovery)
    , m_clock(clock)
{}

void SignInService::completeSignIn(const TokenGrantResult& result, const QString& realm,
                                   const QStringList& requestedScopes, const SignInOptions& options, Done done)
{
    const Json claims = jwt::claims(result.idToken.reveal());
    QString username = json::toQString(claims.value("preferred_username", Json()));
    if (username.isEmpty())
        username = json::toQString(claims.value("upn", Json()));
    // The tenant signed in to, as its id (the request may have named it by a domain).
    const QString signedInTenant = json::toQString(claims.value("tid", Json()));
    TokenResponseContext context;
    context.environment = m_client->discovery()->environment();
    context.clientId = m_client->clientId();
    context.realm = realm;
    context.requestedScopes = TokenClient::decoratedScope(requestedScopes).split(QLatin1Char(' '));
    context.now = m_clock.nowSecs();
    context.createAccount = true;
    // The tokens are stored while discovery asks for the tenant list with the sign-in's own ARM token; each
    // tenant's refresh waits for the store (it needs the refresh token in the cache). A sign-in to one tenant,
    // or for other scopes, stores first and then discovers as a refresh does.
    const bool handOff = options.tenant.isEmpty() && !result.accessToken.isEmpty() &&
                         requestedScopes == QStringList{m_discovery->armScope()};
    struct Store
    {
        bool ended = false;
        CacheOutcome outcome;
        QString homeAccountId;
        QList<std::function<void(const QString&)>> waiting;
    };
    auto store = std::make_shared<Store>();
    m_cache->modify([result, context,
                     store](MsalCache& cache) { store->homeAccountId = writeTokenResponse(cache, result, context); },
                    [this, username, store, options, signedInTenant, handOff, done](const CacheOutcome& outcome) {
                        store->ended = true;
                        store->outcome = outcome;
                        if (outcome.ok) {
                            qCInfo(lcAccount).noquote() << "signed in as" << username;
                            // Signing in to a tenant is choosing it, also one signed out of or hidden before.
                            if (m_choice && !options.tenant.isEmpty())
                                m_choice->setActive(store->homeAccountId, username,
                                                    signedInTenant.isEmpty() ? options.tenant : signedInTenant, true);
                        }
                        for (const auto& stored : std::exchange(store->waiting, {}))
                            stored(store->homeAccountId);
                        if (handOff)
                            return; // discovery is under way
                        if (!outcome.ok) {
                            done(storeFailed(outcome));
                            return;
                        }
                        discoverAndMerge(username, store->homeAccountId, options, /*replaceUser=*/false, done);
                    });
    if (!handOff)
        return;
    SignInHandOff signIn;
    signIn.armToken = result.accessToken;
    signIn.whenStored = [store](std::function<void(const QString&)> stored) {
        if (store->ended)
            stored(store->homeAccountId);
        else
            store->waiting.append(std::move(stored));
    };
    m_discovery->discoverAfterSignIn(username, signIn,
                                     [this, username, store, options, done](const DiscoveryResult& d) {
                                         if (!store->outcome.ok) { // the list waited for the store, so it has ended
                                             done(storeFailed(store->outcome));
                                             return;
                                         }
                                         merge(d, username, store->homeAccountId, options, /*replaceUser=*/false, done);
                                     });
}

void SignInService::refreshAccount(const QString& username, Done done)
{
    const QList<Account> accounts = m_cache->cache().accountsByUsername(username, m_client->discovery()->environment());
    if (accounts.isEmpty()) {
        SignInResult failed;
        failed.username = username;
        failed.error = tr("%1 is not signed in.").arg(username);
        done(failed);
        return;
    }
    SignInOptions options;
    const QList<Subscription> existing = m_state->profile().subscriptions();
    for (const Subscription& s : existing) {
        if (s.userName.compare(username, Qt::CaseInsensitive) == 0 && s.isTenantLevel())
            options.allowNoSubscriptions = true;
    }
    discoverAndMerge(username, accounts.first().homeAccountId, options, /*replaceUser=*/true, done);
}

void SignInService::discoverAndMerge(const QString& username, const QString& homeAccountId,
                                     const SignInOptions& options, bool replaceUser, Done done)
{
    m_discovery->discover(username, options.tenant, [=](const DiscoveryResult& discovery) {
        merge(discovery, username, homeAccountId, options, replaceUser, done);
    });
}

SignInResult SignInService::storeFailed(const CacheOutcome& outcome)
{
    SignInResult failed;
    failed.error = tr("Signed in, but the tokens could not be stored: %1").arg(outcome.error);
    return failed;
}

void SignInService::merge(const DiscoveryResult& discovery, const QString& username, const QString& homeAccountId,
                          const SignInOptions& options, bool replaceUser, const Done& done)
{
    SignInResult result;
    result.username = username;
    result.homeAccountId = homeAccountId;
    result.discovery = discovery;
    if (!discovery.ok()) {
        result.error = discovery.error;
        done(result);
        return;
    }
    // Signed out, or everything wiped, while discovery ran: its subscriptions must not come back.
    const MsalCache& cache = m_cache->cache();
    const QString environment = m_client->discovery()->environment();
    if (!homeAccountId.isEmpty() &&
        cache.refreshTokensFor(homeAccountId, environment, m_client->clientId()).isEmpty() &&
        !isHeldByBroker(cache, homeAccountId, environment, m_client->clientId())) {
        result.error = tr("%1 was signed out meanwhile; nothing was saved.").arg(username);
        done(result);
        return;
    }
    const QString cloudName = m_state->cloud().name;
    QSet<QString> seen;
    for (const TenantStatus& tenant : discovery.tenants) {
        if (tenant.state != TenantStatus::State::SignedIn)
            continue;
        for (const ArmSubscription& arm : tenant.subscriptions) {
            // Visible from several tenants: az keeps the first tenant's view.
            if (seen.contains(arm.subscriptionId.toLower()))
                continue;
            seen.insert(arm.subscriptionId.toLower());
            Subscription s;
            s.id = arm.subscriptionId;
            s.name = arm.displayName;
            s.state = arm.state;
            s.userName = username;
            s.userType = QStringLiteral("user");
            s.tenantId = tenant.tenant.tenantId;
            s.environmentName = cloudName;
            s.homeTenantId = arm.homeTenantId;
            s.managedByTenants = arm.managedByTenants;
            s.tenantDisplayName = tenant.tenant.displayName;
            s.tenantDefaultDomain = tenant.tenant.defaultDomain;
            result.subscriptions.append(s);
        }
        if (tenant.subscriptions.isEmpty() && options.allowNoSubscriptions) {
            Subscription s;
            s.id = tenant.tenant.tenantId;
            s.name = QStringLiteral("N/A(tenant level account)");
            s.state = QStringLiteral("Enabled");
            s.userName = username;
            s.userType = QStringLiteral("user");
            s.tenantId = tenant.tenant.tenantId;
            s.environmentName = cloudName;
            s.tenantDisplayName = tenant.tenant.displayName;
            s.tenantDefaultDomain = tenant.tenant.defaultDomain;
            result.subscriptions.append(s);
        }
    }
    const QList<Subscription> discovered = result.subscriptions;
    QString refusal;
    const auto merge = [&](AzureProfile& profile) {
        refusal.clear();
        result.subscriptions = discovered;
        result.profileChange = {};
        const QList<Subscription> before = profile.subscriptions();
        QSet<QString> listed = seen;
        if (replaceUser) {
            // A refresh that could not reach a tenant (MFA, Conditional Access, network) learnt nothing
            // new about it: its subscriptions stay listed, as they were, rather than vanishing from az.
            for (const TenantStatus& tenant : discovery.tenants) {
                if (tenant.state == TenantStatus::State::SignedIn)
                    continue;
                for (const Subscription& kept : before) {
                    if (kept.userName.compare(username, Qt::CaseInsensitive) == 0 &&
                        kept.tenantId.compare(tenant.tenant.tenantId, Qt::CaseInsensitive) == 0 &&
                        !listed.contains(kept.id.toLower())) {
                        listed.insert(kept.id.toLower());
                        result.subscriptions.append(kept);
                    }
                }
            }
        }
        if (result.subscriptions.isEmpty() && !options.allowNoSubscriptions) {
            refusal = tr("No subscriptions found for %1.").arg(username);
            // Where to ask for tenant-level entries is each front end's to say (noSubscriptions).
            if (!result.tenantsNeedingSignIn().isEmpty())
                refusal += QLatin1Char(' ') + tr("Some tenants need an interactive sign-in first.");
            return false;
        }
        const auto previousDefault = profile.defaultSubscription(cloudName);
        if (replaceUser)
            profile.removeUser(username);
        profile.merge(result.subscriptions);
        // The user's active subscription stays active while it is listed at all: signing in to one
        // more tenant or another account must not move what every shell's az works on.
        if (previousDefault && profile.find(previousDefault->id, cloudName))
            profile.setDefault(previousDefault->id);
        result.profileChange = describeChange(before, profile, cloudName, previousDefault);
        return true;
    };
    QString error;
    if (!m_state->modifyProfile(merge, &error) || !refusal.isEmpty()) {
        result.error = refusal.isEmpty() ? error : refusal;
        result.noSubscriptions = !refusal.isEmpty();
        done(result);
        return;
    }
    const AzureProfile& profile = m_state->profile();
    if (const auto active = profile.defaultSubscription(cloudName))
        m_state->cloudConfig().setSubscription(cloudName, active->id, &error);
    // Report the entries as the file now has them (isDefault included).
    QHash<QString, Subscription> storedById; // the last entry per id, as az's dict would keep it
    for (Subscription& stored : profile.subscriptions())
        storedById.insert(AzureProfile::idKey(stored.id), std::move(stored));
    for (Subscription& s : result.subscriptions) {
        if (const auto it = storedById.constFind(AzureProfile::idKey(s.id)); it != storedById.constEnd())
            s = *it;
    }
    emit profileChanged();
    done(result);
}

void SignInService::signOutAccount(const QString& username, std::function<void(const QString& error)> done)
{
    const QString environment = m_client->discovery()->environment();
    const QString clientId = m_client->clientId();
    m_cache->modify(
        [username, environment, clientId](MsalCache& cache) {
            const QList<Account> accounts = cache.accountsByUsername(username, environment);
            for (const Account& a : accounts)
                cache.removeAccount(a.homeAccountId, a.environment, clientId);
        },
        [this, username, done](const CacheOutcome& outcome) {
            if (!outcome.ok) {
                done(outcome.error);
                return;
            }
            QString error;
            m_state->modifyProfile([username](AzureProfile& profile) { return profile.removeUser(username) > 0; },
                                   &error);
            emit profileChanged();
            done(error);
        });
}

void SignInService::signOutTenant(const QString& username, const QString& tenantId,
                                  std::function<void(const QString& error)> done)
{
    const QString environment = m_client->discovery()->environment();
    const QList<Account> signedIn = m_cache->cache().accountsByUsername(username, environment); // as they were
    m_cache->modify(
        [username, tenantId, environment](MsalCache& cache) {
            const QList<Account> accounts = cache.accountsByUsername(username, environment);
            for (const Account& a : accounts)
                cache.removeRealm(a.homeAccountId, a.environment, tenantId);
        },
        [this, username, tenantId, signedIn, done](const CacheOutcome& outcome) {
            if (!outcome.ok) {
                done(outcome.error);
                return;
            }
            // Signed out stays signed out: no refresh brings the tenant back until the user signs in to it.
            if (m_choice) {
                for (const Account& a : signedIn)
                    m_choice->setActive(a.homeAccountId, username, tenantId, false);
            }
            QString error;
            m_state->modifyProfile(
                [username, tenantId](AzureProfile& profile) { return profile.removeUser(username, tenantId) > 0; },
                &error);
            emit profileChanged();
            done(error);
        });
}

SignInResult SignInService::withdrawHiddenTenants(const SignInResult& result)
{
    SignInResult out = result;
    if (!m_choice || result.homeAccountId.isEmpty())
        return out;
    QSet<QString> hidden;
    for (TenantStatus& t : out.discovery.tenants) {
        if (!m_choice->isActive(result.homeAccountId, t.tenant.tenantId)) {
            t.state = TenantStatus::State::Hidden;
            hidden.insert(t.tenant.tenantId.toLower());
        }
    }
    QSet<QString> withdrawn; // ids this sign-in added for a hidden tenant
    for (const Subscription& s : result.profileChange.added) {
        if (hidden.contains(s.tenantId.toLower()))
            withdrawn.insert(AzureProfile::idKey(s.id));
    }
    out.subscriptions.removeIf([&hidden](const Subscription& s) { return hidden.contains(s.tenantId.toLower()); });
    out.profileChange.added.removeIf(
        [&withdrawn](const Subscription& s) { return withdrawn.contains(AzureProfile::idKey(s.id)); });
    if (withdrawn.isEmpty())
        return out;
    const QString cloudName = m_state->cloud().name;
    QString error;
    const bool written = m_state->modifyProfile(
        [&](AzureProfile& profile) {
            const bool defaultWithdrawn = out.profileChange.activeAfter &&
                                          withdrawn.contains(AzureProfile::idKey(out.profileChange.activeAfter->id));
            profile.removeSubscriptions(withdrawn);
            // As a sign-in's merge: when the default went, the first Enabled subscription left becomes it.
            if (defaultWithdrawn && !profile.defaultSubscription(cloudName)) {
                const QList<Subscription> left = profile.subscriptions();
                for (const Subscription& s : left) {
                    if (s.environmentName == cloudName && s.state == QLatin1String("Enabled")) {
                        profile.setDefault(s.id, cloudName);
                        break;
                    }
                }
            }
            out.profileChange.activeAfter = profile.defaultSubscription(cloudName);
            return true;
        },
        &error);
    if (!written)
        out.error = error;
    else if (out.profileChange.activeAfter)
        m_state->cloudConfig().setSubscription(cloudName, out.profileChange.activeAfter->id, &error);
    emit profileChanged();
    return out;
}

void SignInService::signOutEverywhere(std::function<void(const QString& error)> done)
{
    // The tokens first: they are what must not stay behind if the profile cannot be written.
    m_cache->clear([this, done](const CacheOutcome& outcome) {
        QStringList errors;
        if (!outcome.ok)
            errors << outcome.error;
        QString error;
        if (!m_state->modifyProfile(
                [](AzureProfile& profile) {
                    profile.clear();
                    return true;
                },
                &error))
            errors << error;
        emit profileChanged();
        done(errors.join(QLatin1Char(' ')));
    });
}

} // namespace tenantry
