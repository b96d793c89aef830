#pragma once

#include "azure/AzureConfigDir.h"
#include "azure/AzureProfile.h"
#include "util/ProcessIdentity.h"
#include "util/Result.h"

#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace tenantry {

// One shell's subscription: a directory <runtime dir>/tenantry/contexts/<random id>/ (0700) holding only
//   azureProfile.json  az's profile as it was when the context was made, with SUB as the default;
//   owner              the process the context lives for (its PID and start time);
//   bin/az             a shim that runs `tenantry-cli context-az <dir> ARGS…`, which runs the real az with
//                      this azureProfile.json mounted over az's own for that process only (ContextAz).
// and never a token: az inside a context reads and renews tokens in az's own directory, under the lock every
// other client takes (az locks "<config dir>/msal_token_cache.json.lockfile", so a second config dir would mean
// a second lock and a second cache). The environment a context gives a process is variables() and pathWith().
class SubscriptionContext
{
public:
    // Where contexts live: <runtime dir>/tenantry/contexts (QStandardPaths::RuntimeLocation).
    static QString rootDirectory();

    // Makes a context for `subscription` (an entry of `configDir`'s azureProfile.json) owned by `owner`, whose
    // shim runs `cliPath`. The root is created 0700 and must be a real directory of this user.
    static Result<SubscriptionContext> create(const AzureConfigDir& configDir, const Subscription& subscription,
                                              const ProcessIdentity& owner, const QString& cliPath);
    // The context at `directory` when it is one this code made (under rootDirectory(), its owner record readable).
    static std::optional<SubscriptionContext> open(const QString& directory);

    const QString& directory() const { return m_directory; }
    QString binDirectory() const;
    QString profileFile() const;
    const ProcessIdentity& owner() const { return m_owner; }

    // TENANTRY_CONTEXT, AZURE_SUBSCRIPTION_ID, AZURE_TENANT_ID, ARM_SUBSCRIPTION_ID, ARM_TENANT_ID.
    QList<QPair<QString, QString>> variables() const;
    // `base` with variables() (and none of a previous context's) and binDirectory() first on PATH: what a
    // process started in this context gets.
    QProcessEnvironment environment(QProcessEnvironment base) const;
    static QStringList variableNames();
    // `path` (PATH's entries) with binDirectory() first and every context's bin directory removed.
    QStringList pathWith(const QStringList& path) const;
    // `path` without any context's bin directory.
    static QStringList pathWithoutContexts(const QStringList& path);

    // Deletes the files this code made and the directory; anything else found there keeps it (and is left alone).
    bool remove() const;
    // Removes the contexts whose owner no longer runs, looking at no more than `maxLooked` entries of the root.
    // Returns how many were removed.
    static int removeAbandoned(int maxLooked = 64);

private:
    SubscriptionContext(QString directory, QString subscriptionId, QString tenantId, ProcessIdentity owner);

    QString m_directory;
    QString m_subscriptionId;
    QString m_tenantId;
    ProcessIdentity m_owner;
};

} // namespace tenantry
