#include "TenantCommands.h"

#include "AzJson.h"
#include "CliAdvice.h"
#include "CliOutput.h"
#include "CliSession.h"

#include "account/TokenProvider.h"
#include "azure/ArmClient.h"
#include "util/AppSettings.h"

namespace tenantry::cli {

QList<CliCommand> TenantCommands::commands()
{
    return {
        {{{QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("list")},
          QStringLiteral("List the tenants of the active subscription's account."),
          {}},
         [this](const ParsedArgs& args) { list(args); }},
        {{{QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("hide")},
          QStringLiteral("Hide a tenant: it is not refreshed or prompted for, and its subscriptions are left out "
                         "of 'account list' (not of --all) and not added by refreshes."),
          choiceOptions()},
         [this](const ParsedArgs& args) { setActive(args, false); }},
        {{{QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("unhide")},
          QStringLiteral("Make a hidden tenant active again; 'account list --refresh' then lists its subscriptions."),
          choiceOptions()},
         [this](const ParsedArgs& args) { setActive(args, true); }},
    };
}

QList<OptionSpec> TenantCommands::choiceOptions()
{
    return {{{QStringLiteral("--tenant"), QStringLiteral("-t")},
             QStringLiteral("tenant"),
             false,
             false,
             QStringLiteral("The tenant id.")},
            {{QStringLiteral("--username")},
             QStringLiteral("username"),
             false,
             false,
             QStringLiteral("Account user. Default: the user of the active subscription.")}};
}

void TenantCommands::setActive(const ParsedArgs& args, bool active)
{
    const QString tenant = args.value(QStringLiteral("tenant"));
    if (tenant.isEmpty()) {
        m_output.fail(QStringLiteral("the following arguments are required: --tenant/-t"), 2);
        return;
    }
    if (!AppSettings::isTenantChoiceId(tenant)) {
        m_output.fail(QStringLiteral("'%1' is not a tenant id.").arg(tenant), 2);
        return;
    }
    if (!m_session.open())
        return;
    QString username = args.value(QStringLiteral("username"));
    if (username.isEmpty()) {
        const auto activeSubscription = m_session->state().subscription(QString());
        if (!activeSubscription) {
            m_output.fail(subscriptionFailureMessage(activeSubscription.error()));
            return;
        }
        username = activeSubscription->userName;
    }
    m_session.loadCache([this, username, tenant, active] {
        const QList<Account> accounts =
            m_session->cache().cache().accountsByUsername(username, m_session->cloud().authorityHost());
        if (accounts.isEmpty()) {
            m_output.fail(QStringLiteral("%1 is not signed in. Run 'tenantry-cli login'.").arg(username));
            return;
        }
        m_session->tenantChoice().setActive(accounts.first().homeAccountId, username, tenant, active);
        m_output.succeed();
    });
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
