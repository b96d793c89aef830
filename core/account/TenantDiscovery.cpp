#include "account/TenantDiscovery.h"

#include "account/TokenProvider.h"
#include "util/Logging.h"

namespace tenantry {

TenantDiscovery::TenantDiscovery(TokenProvider* tokens, ArmClient* arm, QString armScope, QObject* parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_arm(arm)
    , m_armScope(std::move(armScope))
{
}

void TenantDiscovery::discover(const QString& username, const QString& onlyTenant,
                               std::function<void(const DiscoveryResult&)> done)
{
    auto result = std::make_shared<DiscoveryResult>();
    result->username = username;
    auto runAll = [this, username, result, done](const QList<ArmTenant>& tenants) {
        if (tenants.isEmpty()) {
            done(*result);
            return;
        }
        result->tenants.resize(tenants.size());
        auto remaining = std::make_shared<int>(static_cast<int>(tenants.size()));
        for (int i = 0; i < tenants.size(); ++i) {
            discoverTenant(username, tenants.at(i), [result, remaining, done, i](const TenantStatus& status) {
                result->tenants[i] = status;
                if (--*remaining == 0)
                    done(*result);
            });
        }
    };

    if (!onlyTenant.isEmpty()) {
        ArmTenant tenant;
        tenant.tenantId = onlyTenant;
        runAll({tenant});
        return;
    }
    TokenRequest request{{m_armScope}, QStringLiteral("organizations"), username};
    m_tokens->getToken(request, [this, result, runAll, done](const TokenResponse& token) {
        result->homeAccountId = token.homeAccountId;
        if (!token.ok()) {
            result->error = tr("Could not list the tenants of %1: %2").arg(result->username, token.message);
            done(*result);
            return;
        }
        m_arm->listTenants(token.accessToken.reveal(), [result, runAll, done](const ArmListing<ArmTenant>& listing) {
            if (!listing.ok()) {
                result->error = tr("Could not list the tenants of %1: %2").arg(result->username, listing.error);
                done(*result);
                return;
            }
            qCInfo(lcAccount) << "account has" << listing.items.size() << "tenants";
            runAll(listing.items);
        });
    });
}

void TenantDiscovery::discoverTenant(const QString& username, const ArmTenant& tenant,
                                     std::function<void(const TenantStatus&)> done)
{
    TokenRequest request{{m_armScope}, tenant.tenantId, username};
    m_tokens->getToken(request, [this, tenant, done](const TokenResponse& token) {
        TenantStatus status;
        status.tenant = tenant;
        if (!token.ok()) {
            status.state =
                token.needsInteractiveSignIn() ? TenantStatus::State::NeedsSignIn : TenantStatus::State::Error;
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
