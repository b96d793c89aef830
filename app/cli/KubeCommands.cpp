#include "KubeCommands.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "CliTokens.h"

#include "tools/ExecCredential.h"
#include "tools/GitCredential.h"
#include "tools/KubeconfigUsers.h"
#include "util/ChildProcess.h"

#include <QCoreApplication>

#include <cstdio>

namespace tenantry::cli {

namespace {

constexpr int kKubectlWaitMs = 30000;

} // namespace

QList<CliCommand> KubeCommands::commands()
{
    return {
        {{{QStringLiteral("kube-token")},
          QStringLiteral("kubectl's exec credential plugin for AKS: an ExecCredential with a token for the "
                         "cluster's server id."),
          {{{QStringLiteral("--server-id")},
            QStringLiteral("server-id"),
            false,
            false,
            QStringLiteral("The AKS cluster's server (application) id, as kubelogin's --server-id.")},
           {{QStringLiteral("--tenant"), QStringLiteral("-t")},
            QStringLiteral("tenant"),
            false,
            false,
            QStringLiteral("Tenant ID or domain of the token; default: the subscription's tenant.")},
           subscriptionOption()}},
         [this](const ParsedArgs& args) { kubeToken(args); }},
        {{{QStringLiteral("kubeconfig"), QStringLiteral("convert")},
          QStringLiteral("Make a kubeconfig's kubelogin, az and 'auth-provider: azure' users run "
                         "tenantry-cli kube-token, with the same server id and tenant."),
          {{{QStringLiteral("--kubeconfig")},
            QStringLiteral("kubeconfig"),
            false,
            false,
            QStringLiteral("The kubeconfig file; default: kubectl's (KUBECONFIG or ~/.kube/config).")},
           {{QStringLiteral("--dry-run")},
            QStringLiteral("dry-run"),
            true,
            false,
            QStringLiteral("Show what would change without changing it.")}}},
         [this](const ParsedArgs& args) { convertKubeconfig(args); }},
    };
}

void KubeCommands::kubeToken(const ParsedArgs& args)
{
    const QString serverId = args.value(QStringLiteral("server-id"));
    if (!isAksServerId(serverId)) {
        m_output.fail(QStringLiteral("--server-id: give the AKS cluster's server id (a GUID or an application id "
                                     "URI)."),
                      2);
        return;
    }
    const QString tenant = args.value(QStringLiteral("tenant"));
    if (!tenant.isEmpty() && !isTenantIdentifier(tenant)) {
        m_output.fail(QStringLiteral("--tenant: '%1' is neither a tenant ID nor a domain.").arg(tenant.left(80)), 2);
        return;
    }
    const Result<ExecCredentialVersion> version = execCredentialVersionAsked(qgetenv("KUBERNETES_EXEC_INFO"));
    if (!version) {
        m_output.fail(version.error().detail);
        return;
    }
    const std::optional<Subscription> sub =
        userSubscription(m_session, m_output, args.value(QStringLiteral("subscription")));
    if (!sub)
        return;
    TokenRequest request;
    request.scopes = {serverId + QStringLiteral("/.default")};
    request.tenantId = tenant.isEmpty() ? sub->tenantId : tenant;
    request.username = sub->userName;
    fetchUserToken(m_session, request, [this, request, version = *version](const TokenResponse& response) {
        if (!response.ok()) {
            m_output.fail(tokenFailureAdvice(response, request));
            return;
        }
        const QByteArray credential = execCredentialJson(version, response.accessToken, response.expiresOn);
        fwrite(credential.constData(), 1, static_cast<size_t>(credential.size()), stdout);
        fflush(stdout);
        m_output.succeed();
    });
}

void KubeCommands::convertKubeconfig(const ParsedArgs& args)
{
    QStringList kubeconfig;
    if (args.has(QStringLiteral("kubeconfig")))
        kubeconfig << QStringLiteral("--kubeconfig") << args.value(QStringLiteral("kubeconfig"));
    const ChildProcessLimits limits{kKubectlWaitMs};
    auto kubectl = [&](const QStringList& kubectlArgs) -> Result<ChildProcessOutput> {
        auto run = runChildProcess(QStringLiteral("kubectl"), kubeconfig + kubectlArgs, limits);
        if (run && run->exitCode != 0)
            return failure(Error::Code::Storage, QStringLiteral("kubectl %1 failed: %2")
                                                     .arg(kubectlArgs.mid(0, 2).join(QLatin1Char(' ')),
                                                          QString::fromUtf8(run->err.trimmed().left(2000))));
        return run;
    };
    const auto view = kubectl({QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("--raw"),
                               QStringLiteral("-o"), QStringLiteral("json")});
    if (!view) {
        m_output.fail(view.error().detail);
        return;
    }
    const Result<KubeconfigConversion> plan = planKubeconfigConversion(view->out);
    if (!plan) {
        m_output.fail(plan.error().detail);
        return;
    }
    for (const KubeconfigSkippedUser& skipped : plan->skipped)
        m_output.warn(QStringLiteral("user '%1' is left as it is: %2").arg(skipped.name, skipped.reason));
    const QString cli = QCoreApplication::applicationFilePath();
    const bool dryRun = args.has(QStringLiteral("dry-run"));
    Json result = Json::array();
    for (const KubeconfigUser& user : plan->users) {
        if (!dryRun) {
            for (const QStringList& command : kubectlConversionCommands(user, cli)) {
                const auto changed = kubectl(command);
                if (!changed) {
                    m_output.fail(changed.error().detail);
                    return;
                }
            }
        }
        result.push_back({{"name", json::toStd(user.name)},
                          {"from", json::toStd(describeSource(user))},
                          {"to", json::toStd((QStringList{cli} + kubeTokenArgs(user)).join(QLatin1Char(' ')))},
                          {"apiVersion", json::toStd(user.apiVersion)},
                          {"changed", !dryRun}});
    }
    if (plan->users.isEmpty())
        m_output.warn(QStringLiteral("no user of the kubeconfig gets its token through kubelogin, az or the azure "
                                     "auth provider; nothing to change."));
    m_output.printResult(result);
    m_output.succeed();
}

} // namespace tenantry::cli
