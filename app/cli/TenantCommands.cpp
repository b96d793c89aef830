#include "TenantCommands.h"

#include "AzJson.h"
#include "CliAdvice.h"
#include "CliOutput.h"
#include "CliSession.h"

#include "account/TokenProvider.h"
#include "azure/ArmClient.h"

namespace tenantry::cli {

QList<CliCommand> TenantCommands::commands()
{
    return {
        {{{QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("list")},
          QStringLiteral("List the tenants of the active subscription's account."),
          {}},
         [this](const ParsedArgs& args) { list(args); }},
    };
}

void TenantCommands::list(const ParsedArgs&)
{
    if (!m_session.open())
        return;
    const auto active = m_session->state().subscription(QString());
    if (!active) {
        m_output.fail(subscriptionFailureMessage(active.error()));
        return;
    }
    const TokenRequest request{{m_session->cloud().armScope()}, QStringLiteral("organizations"), active->userName};
    m_session.loadCache([this, request] {
        m_session->tokens().getToken(request, [this](const TokenResponse& token) {
            if (!token.ok()) {
                m_output.fail(tokenFailureMessage(token));
                return;
            }
            m_session->arm().listTenants(token.accessToken.reveal(), [this](const ArmListing<ArmTenant>& listing) {
                if (!listing.ok()) {
                    m_output.fail(listing.error);
                    return;
                }
                Json result = Json::array();
                for (const ArmTenant& t : listing.items) {
                    result.push_back({{"id", jstr(QStringLiteral("/tenants/") + t.tenantId)},
                                      {"tenantId", jstr(t.tenantId)},
                                      {"displayName", jstr(t.displayName)},
                                      {"defaultDomain", jstr(t.defaultDomain)},
                                      {"tenantCategory", jstr(t.category)}});
                }
                m_output.printResult(result);
                m_output.succeed();
            });
        });
    });
}

} // namespace tenantry::cli
