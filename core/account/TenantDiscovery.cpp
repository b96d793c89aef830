#include "account/TenantDiscovery.h"

#include "account/TenantChoice.h"
#include "account/TokenProvider.h"
#include "util/Logging.h"

namespace tenantry {

TenantDiscovery::TenantDiscovery(TokenProvider* tokens, ArmClient* arm, QString armScope, QObject* parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_arm(arm)
    , m_armScope(std::move(armScope))
{}

namespace {

// One discover() call: the tenants in ARM's order as their pages arrive, each filled in when its own
// work ends, and `done` once the list has ended and nothing started for it is still out.
struct DiscoveryRun
{
    DiscoveryResult result;
    int tenantsOut = 0;
    bool listEnded = false;
    std::function<void(const DiscoveryResult&)> done;

    void finishIfComplete()
    {
        if (!listEnded || tenantsOut > 0 || !done)
            return;
        const auto finish = std::move(done);
        done = nullptr;
        finish(result);
    }
};

} // namespace

void TenantDiscovery::discover(const QString& username, const QString& onlyTenant,
                               std::function<void(const DiscoveryResult&)> done)
{
    start(username, onlyTenant, {}, std::move(done));
}

void TenantDiscovery::discoverAfterSignIn(const QString& username, const SignInHandOff& handOff,
                                          std::function<void(const DiscoveryResult&)> done)
{
    start(username, {}, handOff, std::move(done));
}

void TenantDiscovery::start(const QString& username, const QString& onlyTenant, const SignInHandOff& handOff,
                            std::function<void(const DiscoveryResult&)> done)
{
    auto run = std::make_shared<DiscoveryRun>();
    run->result.username = username;
    // The tokens go to the tenants' listings before their cache writes end; the result comes once those ended,
    // so whoever hears it finds every refreshed token cached, as az would.
    run->done = [tokens = m_tokens, done = std::move(done)](const DiscoveryResult& result) {
        tokens->whenWritten([done, result] { done(result); });
    };
    // After a sign-in whose tokens are being stored, what follows a page of the list waits for them, in order.
    auto afterStored = [run, whenStored = handOff.whenStored](std::function<void()> then) {
        if (!whenStored) {
            then();
            return;
        }
        whenStored([run, then](const QString& homeAccountId) {
            if (run->result.homeAccountId.isEmpty())
                run->result.homeAccountId = homeAccountId;
            then();
        });
    };
    // Each tenant's refresh and subscription pages start as soon as its page of the list is in.
    auto startTenants = [this, username, run, afterStored](const QList<ArmTenant>& tenants) {
        afterStored([this, username, run, tenants] {
            for (const ArmTenant& tenant : tenants) {
                const qsizetype index = run->result.tenants.size();
                TenantStatus placeholder;
                placeholder.tenant = tenant;
                if (m_choice && !m_choice->isActive(run->result.homeAccountId, tenant.tenantId)) {
                    placeholder.state = TenantStatus::State::Hidden;
                    run->result.tenants.append(placeholder);
                    continue;
                }
                run->result.tenants.append(placeholder);
                ++run->tenantsOut;
                discoverTenant(username, tenant, [run, index](const TenantStatus& status) {
                    run->result.tenants[index] = status;
                    --run->tenantsOut;
                    run->finishIfComplete();
                });
            }
        });
    };
    auto endList = [run, afterStored](const QString& error) {
        afterStored([run, error] {
            if (!error.isEmpty())
                run->result.error = tr("Could not list the tenants of %1: %2").arg(run->result.username, error);
            run->listEnded = true;
            run->finishIfComplete();
        });
    };

    if (!onlyTenant.isEmpty()) {
        ArmTenant tenant;
        tenant.tenantId = onlyTenant;
        startTenants({tenant});
        endList({});
        return;
    }
    auto listTenants = [this, startTenants, endList](const Secret& armToken) {
        m_arm->listTenants(armToken.reveal(), startTenants, [endList](const ArmListing<ArmTenant>& listing) {
            qCInfo(lcAccount) << "account has" << listing.items.size() << "tenants";
            endList(listing.error);
        });
    };
    if (!handOff.armToken.isEmpty()) {
        listTenants(handOff.armToken);
        return;
    }
    TokenRequest request{{m_armScope}, QStringLiteral("organizations"), username};
    request.answerBeforeCached = true;
    m_tokens->getToken(request, [run, endList, listTenants](const TokenResponse& token) {
        run->result.homeAccountId = token.homeAccountId;
        if (!token.ok()) {
            endList(token.message);
            return;
        }
        listTenants(token.accessToken);
    });
}

void TenantDiscovery::discoverTenant(const QString& username, const ArmTenant& tenant,
                                     std::function<void(const TenantStatus&)> done)
{
    TokenRequest request{{m_armScope}, tenant.tenantId, username};
    request.announceInteraction = false; // said with the result, once the user chose the tenants to hear about
    request.answerBeforeCached = true;
    m_tokens->getToken(request, [this, tenant, done](const TokenResponse& token) {
        TenantStatus status;
        status.tenant = tenant;
        if (!token.ok()) {
            status.state = token.needsInteractiveSignIn()                      ? TenantStatus::State::NeedsSignIn
                           : token.error == TokenResponse::Error::HeldByBroker ? TenantStatus::State::HeldByBroker
                                                                               : TenantStatus::State::Error;
            status.reason = token.message;
            status.claims = token.claims;
            done(status);
            return;
        }
        status.tokenExpiresOn = token.expiresOn;
        m_arm->listSubscriptions(token.accessToken.reveal(),
                                 [status, done](const ArmListing<ArmSubscription>& listing) mutable {
                                     if (listing.unauthorized()) {
                                         status.state = TenantStatus::State::NeedsSignIn;
                                         status.reason = listing.error;
                                         status.claims = listing.claims;
                                     } else if (!listing.ok()) {
                                         status.state = TenantStatus::State::Error;
                                         status.reason = listing.error;
                                     } else {
                                         status.state = TenantStatus::State::SignedIn;
                                         status.subscriptions = listing.items;
                                     }
                                     done(status);
                                 });
    });
}

} // namespace tenantry
