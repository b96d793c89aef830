#include "TokenCommands.h"

#include "AccountReport.h"
#include "AzJson.h"
#include "CliAdvice.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "CliTokens.h"

#include "azure/AzureConfigDir.h"
#include "azure/ScopeCatalogue.h"

namespace tenantry::cli {

QList<CliCommand> TokenCommands::commands()
{
    return {
        {{{QStringLiteral("account"), QStringLiteral("get-access-token")},
          QStringLiteral("Get a token for utilities to access Azure."),
          {subscriptionOption(),
           {{QStringLiteral("--scope")},
            QStringLiteral("scope"),
            false,
            true,
            QStringLiteral("Space-separated scopes in AAD v2.0. Default to Azure Resource Manager.")},
           {{QStringLiteral("--resource")},
            QStringLiteral("resource"),
            false,
            false,
            QStringLiteral("Azure resource endpoints in AAD v1.0.")},
           {{QStringLiteral("--resource-type")},
            QStringLiteral("resource-type"),
            false,
            false,
            QStringLiteral(
                "Type of well-known resource: oss-rdbms, arm, aad-graph, ms-graph, batch, media, data-lake.")},
           {{QStringLiteral("--tenant"), QStringLiteral("-t")},
            QStringLiteral("tenant"),
            false,
            false,
            QStringLiteral("Tenant ID for which the token is acquired.")}}},
         [this](const ParsedArgs& args) { getAccessToken(args); }},
    };
}

void TokenCommands::getAccessToken(const ParsedArgs& args)
{
    if (!m_session.open())
        return;
    const QString tenant = args.value(QStringLiteral("tenant"));
    const QString subscriptionArg = args.value(QStringLiteral("subscription"));
    if (!tenant.isEmpty() && !subscriptionArg.isEmpty()) {
        m_output.fail(QStringLiteral("Please specify only one of subscription and tenant, not both"));
        return;
    }
    const Cloud& cloud = m_session->state().cloud();
    // az (profile/custom.py) resolves --resource-type before anything else, even when --scope wins later.
    QString resource = args.value(QStringLiteral("resource"));
    const QString resourceTypeName = args.value(QStringLiteral("resource-type"));
    if (!resourceTypeName.isEmpty()) {
        // az's argument parser checks the choice first, whether --resource is given or not.
        const auto resourceType = ScopeCatalogue::resourceType(resourceTypeName);
        if (!resourceType) {
            QStringList names;
            const QList<ScopeCatalogue::ResourceType> types = ScopeCatalogue::resourceTypes();
            for (const ScopeCatalogue::ResourceType& type : types)
                names.append(type.name);
            m_output.fail(QStringLiteral("az account get-access-token: '%1' is not a valid value for "
                                         "'--resource-type'. Allowed values: %2.")
                              .arg(resourceTypeName, names.join(QStringLiteral(", "))),
                          2);
            return;
        }
        if (resource.isEmpty()) {
            resource = cloud.endpoint(resourceType->endpointAttribute);
            if (resource.isEmpty()) {
                // az's CloudEndpoints raises this for an endpoint the cloud does not define.
                m_output.fail(
                    QStringLiteral("The endpoint '%1' for this cloud is not set but is used.\n%2 may be corrupt "
                                   "or invalid.\nResolve the error or delete this file and try again.")
                        .arg(resourceType->endpointAttribute, AzureConfigDir::fromEnvironment().cloudsConfigFile()));
                return;
            }
        }
    }
    QStringList scopes = args.values(QStringLiteral("scope"));
    // az appends "/.default" to the resource as given: "https://management.core.windows.net/" gives "//.default".
    if (scopes.isEmpty())
        scopes = {resource.isEmpty() ? cloud.armScope() : ScopeCatalogue::defaultScopeOf(resource)};
    const auto sub = m_session->state().subscription(subscriptionArg);
    if (!sub) {
        m_output.fail(subscriptionFailureMessage(sub.error()));
        return;
    }
    TokenRequest request;
    request.scopes = scopes;
    request.tenantId = tenant.isEmpty() ? sub->tenantId : tenant;
    request.username = sub->userName;
    const bool servicePrincipal = sub->userType == QLatin1String("servicePrincipal");
    // The same request, as az's command line: what renews a broker-held account's token.
    QList<QPair<QString, QStringList>> azOptions;
    for (const char* name : {"subscription", "resource-type", "resource", "scope", "tenant"}) {
        const QString dest = QLatin1String(name);
        if (args.has(dest))
            azOptions.append({QStringLiteral("--") + dest, args.values(dest)});
    }
    auto print = [this, request, subscriptionId = sub->id, tenant, azOptions](const TokenResponse& response) {
        if (!response.ok()) {
            m_output.fail(tokenFailureAdvice(response, request, azOptions));
            return;
        }
        Json result = {{"accessToken", jstr(response.accessToken.reveal())},
                       {"expiresOn", jstr(azLocalTime(response.expiresOn))},
                       {"expires_on", response.expiresOn},
                       {"tenant", jstr(request.tenantId)},
                       {"tokenType", "Bearer"}}; // az prints it so whatever the cache says ("bearer" from a broker)
        if (tenant.isEmpty())
            result["subscription"] = jstr(subscriptionId);
        m_output.printResult(result);
        m_output.succeed();
    };
    if (!servicePrincipal) {
        fetchUserToken(m_session, request, print);
        return;
    }
    // App-only tokens (az login --service-principal) have no account; the app id is the client id.
    // Tenantry holds no client secrets, so only what az cached can be served.
    auto fromCache = [this, request, userName = sub->userName](const MsalCache& cache) {
        TokenResponse response;
        const AccessTokenQuery query{userName, m_session->cloud().authorityHost(), QString(), request.tenantId,
                                     request.scopes};
        if (const auto token = cache.findAccessToken(query, m_session.clock().nowSecs())) {
            response.accessToken = token->secret;
            response.expiresOn = token->expiresOn;
        } else {
            response.error = TokenResponse::Error::NoValidToken;
            response.message = QStringLiteral("No valid access token for service principal %1 is cached; "
                                              "run 'az account get-access-token' to have az renew it.")
                                   .arg(userName);
        }
        return response;
    };
    // A file in step with the keychain holds what loading the cache would give: no keychain round trip.
    if (const std::optional<MsalCache> file = m_session->cache().readFileWhenInStep()) {
        print(fromCache(*file));
        return;
    }
    m_session.loadCache([this, fromCache, print] { print(fromCache(m_session->cache().cache())); });
}

} // namespace tenantry::cli
