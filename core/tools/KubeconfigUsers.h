#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tenantry {

// A kubeconfig user that gets its AKS token from an Entra sign-in another way (kubelogin, az, the legacy
// azure auth provider) and that `tenantry-cli kube-token` can serve instead, with the same server id and tenant.
struct KubeconfigUser
{
    enum class Source {
        Kubelogin,     // exec: kubelogin get-token --server-id ID [--tenant-id T] (a user's sign-in mode)
        AzExec,        // exec: az account get-access-token --resource ID [--tenant T]
        AzAuthProvider // auth-provider: {name: azure, config: {apiserver-id, tenant-id}} (before kubelogin)
    };

    QString name;
    Source source = Source::Kubelogin;
    QString serverId;
    QString tenantId;   // empty: tenantry-cli's active subscription's tenant
    QString apiVersion; // the exec apiVersion to ask for (the user's own when it is one kube-token speaks)
};

// A user that looks like one of those but is left alone, and why.
struct KubeconfigSkippedUser
{
    QString name;
    QString reason;
};

struct KubeconfigConversion
{
    QList<KubeconfigUser> users;
    QList<KubeconfigSkippedUser> skipped;
};

// An AKS cluster's server id as kubelogin takes it: an application id (a GUID) or an application id URI.
bool isAksServerId(const QString& id);

// Reads `kubectl config view --raw -o json` (kubectl merged the files and parsed the YAML) and picks the
// users to convert. Refuses (InvalidArgument) what is no JSON object; bounded in size and users.
Result<KubeconfigConversion> planKubeconfigConversion(const QByteArray& kubectlViewJson);

// How the user gets its token now, in a few words ("kubelogin get-token --login azurecli").
QString describeSource(const KubeconfigUser& user);

// kube-token's arguments for the user: kube-token --server-id ID [--tenant T].
QStringList kubeTokenArgs(const KubeconfigUser& user);

// The kubectl commands that make the user run `cliPath` kube-token instead (set-credentials with the exec
// plugin, then, for the auth provider, unsetting it). Everything else of the user (exec env, interactive
// mode, install hint, other users, clusters, contexts) stays as it is.
QList<QStringList> kubectlConversionCommands(const KubeconfigUser& user, const QString& cliPath);

} // namespace tenantry
