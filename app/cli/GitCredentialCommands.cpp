#include "GitCredentialCommands.h"

#include "BoundedStdin.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "CliTokens.h"

#include "tools/GitCredential.h"
#include "tools/GitCredentialHelperConfig.h"
#include "util/AppSettings.h"

#include <QCoreApplication>

#include <cstdio>

namespace tenantry::cli {

namespace {

// git writes its request at once and closes the pipe; a person typing one gets this long.
constexpr int kRequestWaitMs = 30000;

OptionSpec valueOption(const QString& name, const QString& help)
{
    return {{QStringLiteral("--") + name}, name, false, false, help};
}

} // namespace

QList<CliCommand> GitCredentialCommands::commands()
{
    const QString group = QStringLiteral("git-credential");
    return {
        {{{group, QStringLiteral("get")},
          QStringLiteral("git's credential helper: an Azure DevOps token for dev.azure.com and *.visualstudio.com."),
          {}},
         [this](const ParsedArgs&) { get(); }},
        {{{group, QStringLiteral("store")},
          QStringLiteral("git's credential helper: keeps nothing (the token stays in the token cache)."),
          {}},
         [this](const ParsedArgs&) { ignoreRequest(); }},
        {{{group, QStringLiteral("erase")},
          QStringLiteral("git's credential helper: erases nothing (tokens are renewed, never handed back)."),
          {}},
         [this](const ParsedArgs&) { ignoreRequest(); }},
        {{{group, QStringLiteral("configure")},
          QStringLiteral("Make git ask tenantry-cli for Azure Repos credentials (git config --global); "
                         "with --org and --tenant, use that tenant's token for the organisation."),
          {valueOption(QStringLiteral("org"), QStringLiteral("Azure DevOps organisation (dev.azure.com/ORG).")),
           valueOption(QStringLiteral("tenant"),
                       QStringLiteral("Tenant ID or domain whose token opens the organisation; \"default\" for "
                                      "the active subscription's tenant.")),
           {{QStringLiteral("--dry-run")},
            QStringLiteral("dry-run"),
            true,
            false,
            QStringLiteral("Show the git config commands without running them.")}}},
         [this](const ParsedArgs& args) { configure(args); }},
    };
}

void GitCredentialCommands::get()
{
    const GitCredentialLimits limits;
    const StdinRequest input = readStdinRequest(limits.maxBytes, kRequestWaitMs);
    if (input.timedOut) {
        m_output.fail(
            QStringLiteral("git-credential: the request on stdin did not end within %1 s").arg(kRequestWaitMs / 1000));
        return;
    }
    const Result<GitCredentialRequest> request = parseGitCredentialRequest(input.bytes, limits);
    if (!request) {
        m_output.fail(QStringLiteral("git-credential: not a git credential request: ") + request.error().detail);
        return;
    }
    const std::optional<AzureDevOpsRemote> remote = azureDevOpsRemote(*request);
    if (!remote) {
        m_output.succeed(); // not Azure DevOps: no answer, so git asks its next helper
        return;
    }
    answer(*request, remote->organization);
}

void GitCredentialCommands::answer(const GitCredentialRequest& gitRequest, const QString& organization)
{
    const std::optional<Subscription> sub = userSubscription(m_session, m_output, QString());
    if (!sub)
        return;
    TokenRequest request;
    request.scopes = {kAzureDevOpsScope};
    request.tenantId = azureDevOpsTenant(AppSettings(), organization, sub->tenantId);
    request.username = sub->userName;
    // Azure DevOps takes an Entra token as the password of any user name; the one in the URL is kept.
    const QString username = gitRequest.username.isEmpty() ? sub->userName : gitRequest.username;
    fetchUserToken(m_session, request, [this, request, username](const TokenResponse& response) {
        if (!response.ok()) {
            m_output.fail(QStringLiteral("git-credential: ") + tokenFailureAdvice(response, request));
            return;
        }
        const QByteArray reply =
            "username=" + username.toUtf8() + "\npassword=" + response.accessToken.reveal().toUtf8() + "\n";
        fwrite(reply.constData(), 1, static_cast<size_t>(reply.size()), stdout);
        fflush(stdout);
        m_output.succeed();
    });
}

void GitCredentialCommands::ignoreRequest()
{
    // git sends the credential it used (our token on store, a refused one on erase). Nothing of it is
    // kept or dropped: the token lives in the shared cache and is renewed there; a refused token usually
    // means the account has no access to the organisation, which a new token would not change.
    readStdinRequest(GitCredentialLimits().maxBytes, kRequestWaitMs);
    m_output.succeed();
}

void GitCredentialCommands::configure(const ParsedArgs& args)
{
    const QString organization = args.value(QStringLiteral("org"));
    const QString tenant = args.value(QStringLiteral("tenant"));
    if (organization.isEmpty() != tenant.isEmpty()) {
        m_output.fail(QStringLiteral("--org and --tenant go together."), 2);
        return;
    }
    if (!organization.isEmpty() && !isAzureDevOpsOrganizationName(organization)) {
        m_output.fail(QStringLiteral("--org: '%1' is not an Azure DevOps organisation name (letters, digits and "
                                     "hyphens).")
                          .arg(organization.left(60)),
                      2);
        return;
    }
    const bool useDefault = tenant == QLatin1String("default");
    if (!tenant.isEmpty() && !useDefault && !isTenantIdentifier(tenant)) {
        m_output.fail(QStringLiteral("--tenant: '%1' is neither a tenant ID nor a domain.").arg(tenant.left(80)), 2);
        return;
    }
    const QString helper = GitCredentialHelperConfig::helperValue(QCoreApplication::applicationFilePath());
    Json result = {{"gitConfig", Json::array()}};
    for (const QString& line : GitCredentialHelperConfig::commandLines(helper))
        result["gitConfig"].push_back(json::toStd(line));
    if (!organization.isEmpty())
        result["organization"] = {{"name", json::toStd(organization.toLower())},
                                  {"tenant", useDefault ? Json() : Json(json::toStd(tenant.toLower()))}};
    if (!args.has(QStringLiteral("dry-run"))) {
        const auto configured = GitCredentialHelperConfig().configure(helper);
        if (!configured) {
            m_output.fail(configured.error().detail);
            return;
        }
        if (!organization.isEmpty()) {
            AppSettings settings;
            settings.setAzureDevOpsTenant(organization, useDefault ? QString() : tenant);
            settings.sync();
        }
    }
    m_output.printResult(result);
    m_output.succeed();
}

} // namespace tenantry::cli
